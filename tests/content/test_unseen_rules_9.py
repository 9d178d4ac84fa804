"""The rules the ninth round of unseen pages (test_unseen_pages_9.py) added, on who is hiring,
for what, and whether a page is an opening, each with sentences of our own it must and must
not match, read through the whole loader (page -> document -> posting)."""

from __future__ import annotations

import pytest

from bot.content import parse_text
from bot.content.orgs import org_of_mail_domain, signed_by, split_title
from bot.domain import ParsedDocument, PostingDraft

_REST = "Full-time, permanent, £30,000 a year. Email jobs@example.org by 1 March 2027."


def _doc(body: str, title: str, extra: str = "") -> ParsedDocument:
    front = f'title: "{title}"\ndate: 2027-01-04\n{extra}'
    return parse_text("_posts/2027-01-04-post.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, title: str = "Records Manager", extra: str = "kind: job\n") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- the opening's title


@pytest.mark.parametrize(
    ("title", "body", "role"),
    [
        ("We're hiring a cataloguing librarian!",
         "Lumen Archives is growing, and we need a Cataloguing Librarian to help us.",
         "Cataloguing Librarian"),
        ("REFERENCE ARCHIVIST", "The Reference Archivist answers enquiries.",
         "Reference Archivist"),
        ("Vacancy: SOUND ARCHIVIST", "Our Sound Archivist looks after the tapes.",
         "Sound Archivist"),
        # the body spells it no other way: the title's spelling stays
        ("We're hiring a cataloguing librarian!", "We need a cataloguing librarian.",
         "cataloguing librarian"),
        # a role in mixed case is the writer's own
        ("Digital Archivist", "The digital archivist keeps the DIGITAL ARCHIVIST log.",
         "Digital Archivist"),
        # a longer role that merely starts with the title's words is not its spelling
        ("ARCHIVIST", "The Archivists' Forum meets monthly. The archivist reports to us.",
         "ARCHIVIST"),
    ],
)  # fmt: skip
def test_a_role_in_one_case_takes_the_capitals_the_body_gives_it(
    title: str, body: str, role: str
) -> None:
    assert _posting(f"{body}\n\n{_REST}", title).title == role


@pytest.mark.parametrize(
    "title", ["Now recruiting a Records Manager", "We are recruiting a Records Manager"]
)
def test_a_recruiting_lead_in_names_no_employer(title: str) -> None:
    assert split_title(title).role == "Records Manager"
    assert split_title(title).organization is None


@pytest.mark.parametrize(
    ("title", "role", "org", "place"),
    [
        ("Archivist, Leeds City Council (Leeds)", "Archivist", "Leeds City Council", "Leeds"),
        ("Digital Curator, the Kelvin Art Gallery (Glasgow)", "Digital Curator",
         "Kelvin Art Gallery", "Glasgow"),
        ("Registrar, The Tolsey Museum (Gloucester)", "Registrar", "Tolsey Museum",
         "Gloucester"),
    ],
)  # fmt: skip
def test_a_title_of_role_employer_and_bracketed_place(
    title: str, role: str, org: str, place: str
) -> None:
    posting = _posting(f"Catalogue the records of the tramways.\n\n{_REST}", title)
    assert (posting.title, posting.organization, posting.location) == (role, org, place)


@pytest.mark.parametrize(
    "title",
    [
        "Librarian, Digital Library Services",  # a department, perhaps: no place to tell
        "Leeds City Council, Archives (Leeds)",  # no role before the comma
    ],
)
def test_a_comma_title_without_that_shape_is_not_split(title: str) -> None:
    assert split_title(title).organization is None


# ---------------------------------------------------------------- the employer


@pytest.mark.parametrize(
    ("opening", "org"),
    [
        ("Join the Tolbooth Clock Museum as our conservator.", "Tolbooth Clock Museum"),
        ("Join Pennine Film Heritage in Leeds as a cataloguer.", "Pennine Film Heritage"),
    ],
)
def test_join_an_employer_as_a_role(opening: str, org: str) -> None:
    assert _posting(f"{opening} You will look after clocks.\n\n{_REST}").organization == org


@pytest.mark.parametrize("opening", ["Join us as our conservator.", "Join Our Team as a fitter."])
def test_join_us_names_no_employer(opening: str) -> None:
    assert _posting(f"{opening} You will look after clocks.\n\n{_REST}").organization is None


@pytest.mark.parametrize(
    ("foot", "org"),
    [
        ("— The Wharfedale Quilt Archive team", "Wharfedale Quilt Archive"),
        ("*The Lantern & Slide Collective team*", "Lantern & Slide Collective"),
        ("– Kelso Heritage Trust", "Kelso Heritage Trust"),
        ("— Maria Lopez", None),  # a person signs
        ("— Posted by the Acme Library", None),  # a sentence
        ("The museum team", None),  # no name
        ("Good luck!", None),
    ],
)
def test_a_team_signing_the_page_off_is_the_employer(foot: str, org: str | None) -> None:
    body = f"We are looking for a records manager.\n\n{_REST}\n\n{foot}"
    assert signed_by(body) == org
    assert _posting(body).organization == org


@pytest.mark.parametrize(
    ("address", "org"),
    [
        ("hr@riverside-print-museum.example.org", "Riverside Print Museum"),
        ("jobs@the-carding-mill-trust.example.org.uk", "Carding Mill Trust"),
        ("office@museum-of-cornish-tin.example.org", "Museum of Cornish Tin"),
        ("jobs@riversideprintmuseum.example.org", None),  # not split into words
        ("jobs@north-star.example.org", None),  # no organisation's word
    ],
)
def test_a_hyphenated_mail_domain_spells_the_employer(address: str, org: str | None) -> None:
    body = f"We are looking for a records manager. Full-time, £30,000 a year. Email {address}."
    assert org_of_mail_domain(body) == org
    assert _posting(body).organization == org


def test_a_page_of_two_openings_takes_the_employer_it_opens_with() -> None:
    doc = _doc(
        "The Saltings Lifeboat Museum in Norwich keeps six lifeboats. We have two openings.\n\n"
        "## Collections Officer\n\nFull-time, £28,000 a year.\n\n"
        "## Learning Officer\n\nPart-time, £26,000 a year pro rata.\n\n"
        "Both close on 1 July 2027: jobs@saltings.example.org.",
        "Two posts at the museum",
        "kind: job\n",
    )
    assert [p.organization for p in doc.postings] == ["Saltings Lifeboat Museum"] * 2


# ---------------------------------------------------------------- not an opening


@pytest.mark.parametrize(
    "said",
    [
        "We are not hiring at the moment, but we list every vacancy here with its salary.",
        "There are no open positions at present. When a post opens, apply by the closing date.",
        "We’re not currently recruiting. Salaries and how to apply will be listed here.",
    ],
)
def test_a_careers_page_that_says_it_is_not_hiring_is_not_an_opening(said: str) -> None:
    # (a title of its own: "Careers" alone is a jobs landing page, read as such by the title)
    text = f"{said} Please send no CV until then; full-time and part-time posts."
    doc = _doc(text, "Working at the Otterburn Mill Archive")
    assert doc.kind in ("other", "news")
    assert not doc.postings


def test_not_hiring_through_agencies_is_still_an_opening() -> None:
    doc = _doc(
        "The Otterburn Mill Archive is looking for a records manager. We are not hiring through"
        f" agencies.\n\n{_REST}",
        "Records Manager",
    )
    assert doc.kind == "job"


# ---------------------------------------------------------------- terms said in passing


@pytest.mark.parametrize(
    "said",
    [
        "We will close the advert once the position is filled.",
        "The advert stays up; it comes down when the role has been filled.",
    ],
)
def test_closing_once_the_post_is_filled_is_open_until_then(said: str) -> None:
    posting = _posting(f"We are looking for a records manager. {said} Full-time, £30,000 a year.")
    assert (posting.open_until_filled, posting.closed) == (True, False)


def test_a_salary_pro_rata_is_a_years_after_the_days_a_week() -> None:
    posting = _posting("Part-time (3 days a week), permanent, £34,500 pro rata. Apply by email.")
    assert (posting.salary_min, posting.salary_period) == (34500, "year")


def test_the_studio_is_in_a_city() -> None:
    posting = _posting(f"We need a conservator. The studio is in Bradford.\n\n{_REST}")
    assert posting.location == "Bradford"


# ---------------------------------------------------------------- the held-out set's fixes


def test_an_employer_that_has_an_opening_for_a_role_posts_an_opening() -> None:
    doc = _doc(
        "The Marsh & Reed Bindery has an opening for a Book Conservator to join our team of"
        " four in Glasgow. Full-time. Write to Ailsa at work@marshreed.example.org.",
        "book conservator",
    )
    assert doc.kind == "job"
    (posting,) = doc.postings
    assert (posting.title, posting.location) == ("Book Conservator", "Glasgow")


@pytest.mark.parametrize(
    ("about", "org"),
    [
        ("The Solway Coast Records Trust (SCRT) is a charity that keeps the records.",
         "Solway Coast Records Trust"),
        ("Friends of the Tay Bridge Archive is a charity run by volunteers.",
         "Friends of the Tay Bridge Archive"),
    ],
)  # fmt: skip
def test_an_about_us_section_at_the_foot_names_the_employer(about: str, org: str) -> None:
    body = f"We are looking for a records manager.\n\n{_REST}\n\n## About us\n\n{about}"
    assert _posting(body).organization == org


# ---------------------------------------------------------------- further shapes of the brief


@pytest.mark.parametrize(
    ("said", "org"),
    [
        ("*Posted on behalf of the Kirkby Heritage Trust.*", "Kirkby Heritage Trust"),
        ("Posted on behalf of Kirkby Heritage Trust by Northern Heritage Jobs.",
         "Kirkby Heritage Trust"),
        ("Advertised on behalf of the Museum of the Fens in Ely.", "Museum of the Fens"),
        ("The post holder is employed by us on behalf of the network.", None),
        ("We write on behalf of Maria Lopez.", None),
    ],
)  # fmt: skip
def test_a_posting_on_behalf_of_an_employer_names_it(said: str, org: str | None) -> None:
    body = f"{said}\n\nThe post holder will catalogue the papers.\n\n{_REST}"
    assert _posting(body).organization == org


@pytest.mark.parametrize(
    ("title", "role", "org"),
    [
        ("DIGITAL ARCHIVIST – HARTLEPOOL MARITIME TRUST", "Digital Archivist",
         "Hartlepool Maritime Trust"),
        ("CURATOR - MUSEUM OF THE FENS", "Curator", "Museum of the Fens"),
        ("THE ARCHIVE OF TYNE & WEAR SONG: SOUND ARCHIVIST", "Sound Archivist",
         "Archive of Tyne & Wear Song"),
        ("Sound Archivist – The Tyne & Wear Song Archive", "Sound Archivist",
         "Tyne & Wear Song Archive"),
        ("WE'RE HIRING A DIGITAL ARCHIVIST", "Digital Archivist", None),
    ],
)  # fmt: skip
def test_a_title_in_capitals_is_read_as_names_are_written(
    title: str, role: str, org: str | None
) -> None:
    parts = split_title(title)
    assert (parts.role, parts.organization) == (role, org)


@pytest.mark.parametrize(
    ("title", "body", "role"),
    [
        ("We're hiring!", "Lumen Archives is growing, and we need a Cataloguing Librarian.",
         "Cataloguing Librarian"),
        ("Vacancy", "The Open Maps Collective (OMC) seeks a Community Lead.", "Community Lead"),
        ("Job opening", "Harbour Museum has an opening for a Senior Digital Archivist.",
         "Senior Digital Archivist"),
        # the body names no post in capitals: the title stays
        ("Now hiring", "We are looking for a records manager.", "Now hiring"),
        # a title that names a role keeps it
        ("Records Clerk", "We need a Web Developer as well, later.", "Records Clerk"),
    ],
)  # fmt: skip
def test_a_title_that_names_no_role_takes_the_role_the_body_seeks(
    title: str, body: str, role: str
) -> None:
    assert _posting(f"{body}\n\n{_REST}", title).title == role

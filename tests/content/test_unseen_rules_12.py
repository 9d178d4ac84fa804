"""The rules the twelfth round of unseen pages (test_unseen_pages_12.py) added, on the openings
themselves (how many a page holds, what kind each is, where each is), each with sentences of
our own it must and must not match, read through the whole loader (page -> document ->
posting)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.openings import list_openings
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, title: str, extra: str = "") -> ParsedDocument:
    front = f'title: "{title}"\ndate: 2027-01-04\n{extra}'
    return parse_text("_posts/2027-01-04-post.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, title: str = "Records Manager", extra: str = "kind: job\n") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- how many openings


@pytest.mark.parametrize(
    ("items", "roles"),
    [
        (
            "**1. Oral History Officer** — full-time, £29,000 a year. Apply by 3 May 2027.\n\n"
            "**2. Sound Archivist** — part-time, £31,000 pro rata. Apply by 9 May 2027.",
            ["Oral History Officer", "Sound Archivist"],
        ),
        (
            "**1) Map Curator.** Permanent, €48,000 a year.\n\n"
            "**2) Imaging Technician.** Closing date 12 June 2027.",
            ["Map Curator", "Imaging Technician"],
        ),
    ],
)
def test_numbered_bold_paragraphs_are_one_opening_each(items: str, roles: list[str]) -> None:
    body = (
        f"The Lowfield Sound Archive in Derby has two roles.\n\n{items}\n\nEmail a@b.example.org."
    )
    assert [p.title for p in _doc(body, "Two roles", "kind: job\n").postings] == roles


@pytest.mark.parametrize(
    ("items", "roles"),
    [
        (
            "- Print Room Curator, full-time, £36,000 a year\n"
            "- Digitisation Assistant, 0.6 FTE, closing date 2 May 2027",
            ["Print Room Curator", "Digitisation Assistant"],
        ),
    ],
)
def test_plain_list_items_naming_a_role_and_a_fact_are_openings(
    items: str, roles: list[str]
) -> None:
    body = (
        f"The Quarry Hill Library has two vacancies:\n\n{items}\n\nApply at https://q.example.org."
    )
    assert [p.title for p in _doc(body, "Vacancies", "kind: job\n").postings] == roles


@pytest.mark.parametrize(
    "items",
    [
        # one fact, in one item: a list of colleagues, not of openings
        "**1. Your manager** — the Head of Collections.\n\n**2. Your team** — three archivists.",
        "- Head of Collections, who leads the team\n- Senior Archivist, £40,000 budget holder",
        # numbered bold steps of how to apply are no roles
        "**1. Send your CV.** Closing date 2 May 2027.\n\n**2. Interview.** On 9 May 2027.",
    ],
)
def test_items_that_are_not_openings_leave_one_posting(items: str) -> None:
    body = f"The Quarry Hill Library seeks a full-time Records Manager.\n\n{items}"
    assert _posting(body).title == "Records Manager"


# ---------------------------------------------------------------- what kind each opening is


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # shifts as needed with no end said: part of the week, not a contract for a term
        ("These are casual posts; you pick the shifts you can work.", "part-time"),
        ("Guides are taken on as sessional staff for the school holidays.", "part-time"),
        ("The post is on a zero-hours contract.", "part-time"),
        ("We also keep a list of bank staff for busy weekends.", "part-time"),
        ("We would welcome two people applying as a job share.", "part-time"),
        # training is an internship, cover a term
        ("We offer a two-year apprenticeship in bookbinding.", "internship"),
        ("This is a locum post while our conservator is on sabbatical.", "temporary"),
        ("Full-time, 2 years, in the map room.", "temporary"),
        ("Full-time; 2 years of experience in an archive.", "full-time"),
        # days of the week said instead of hours
        ("The role is 3 days a week, Tuesday to Thursday.", "part-time"),
        ("You will work two days per week in the shop.", "part-time"),
        ("The post is five days a week, with some Saturdays.", "full-time"),
    ],
)
def test_the_kind_of_work_a_sentence_says(sentence: str, kind: str) -> None:
    body = f"The Oakmere Archive seeks a Records Manager.\n\n{sentence}"
    assert _posting(body).employment_type == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Casual visitors are welcome in the reading room on Saturdays.",
        "You will work with the bank that funds the project.",
        "You will be in the office two days a week and at home the rest.",
        "Staff work on site 3 days a week.",
    ],
)
def test_words_of_other_things_say_no_kind(sentence: str) -> None:
    body = f"The Oakmere Archive seeks a Records Manager.\n\n{sentence}"
    assert _posting(body).employment_type is None


# ---------------------------------------------------------------- a title's count of posts


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Two Collections Officers - Harwood Museums, Leeds", "Collections Officer"),
        ("3 Gallery Technicians – Penrose Gallery", "Gallery Technician"),
        ("Several Archive Assistants - Marlow Record Office", "Archive Assistant"),
    ],
)
def test_a_count_of_posts_in_a_title_names_one_role(title: str, role: str) -> None:
    assert _posting("We are hiring for these posts. Salary £24,000 a year.", title).title == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # no plural role word at the end: the title is kept as it is
        ("Two Days of Archives Volunteer", "Two Days of Archives Volunteer"),
        ("Ten Bells Archivist - Marlow Record Office", "Ten Bells Archivist"),
    ],
)
def test_a_title_with_no_counted_roles_keeps_its_words(title: str, role: str) -> None:
    assert _posting("We are hiring. Salary £24,000 a year.", title).title == role


# ---------------------------------------------------------------- a notice on the title


@pytest.mark.parametrize(
    "title", ["Learning Officer (position filled)", "Registrar - position filled"]
)
def test_a_role_marked_filled_is_a_closed_posting(title: str) -> None:
    body = "The Harwood Museum sought a part-time Learning Officer. Salary £26,000 a year."
    doc = _doc(body, title)
    assert doc.kind == "job"
    assert [p.closed for p in doc.postings] == [True]


@pytest.mark.parametrize("title", ["Position filled", "Our archivist position filled at last"])
def test_news_that_a_post_is_filled_is_no_posting(title: str) -> None:
    body = "We are glad to say that Dr Ana Ruiz joins the Harwood Museum in May as archivist."
    assert _doc(body, title).kind != "job"


# ---------------------------------------------------------------- where each opening is


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Full-time, 2 years, in Aberdeen.", "Aberdeen"),
        ("Part-time, in Dundee, from June.", "Dundee"),
        ("All three are based in Inverness.", "Inverness"),
        ("Both are based at the museum in Exeter.", "Exeter"),
    ],
)
def test_where_a_terms_line_or_a_shared_sentence_puts_the_job(sentence: str, place: str) -> None:
    body = f"The Oakmere Trust needs a Records Manager to run its stores. {sentence}"
    assert _posting(body).location == place


@pytest.mark.parametrize(
    "sentence",
    [
        "Full-time, 2 years, in Summer we move the stores.",
        "Our two founders are based in Madrid.",
    ],
)
def test_other_places_are_not_where_the_job_is(sentence: str) -> None:
    body = f"The Oakmere Trust needs a Records Manager to run its stores. {sentence}"
    assert _posting(body).location is None


# -------------------------------------------------- a title's office, a struck-out employer


@pytest.mark.parametrize(
    ("title", "role", "place"),
    [
        ("Web Archivist, Hamburg office", "Web Archivist", "Hamburg"),
        ("Registrar - our Leeds branch", "Registrar", "Leeds"),
    ],
)
def test_a_title_naming_an_office_gives_the_role_and_its_city(
    title: str, role: str, place: str
) -> None:
    body = "We need a registrar. You report to the director at our London HQ. £30,000 a year."
    posting = _posting(body, title)
    assert (posting.title, posting.location) == (role, place)


def test_a_title_naming_no_city_before_office_is_left_whole() -> None:
    posting = _posting("We need an archivist. £30,000 a year.", "Archivist, Records office")
    assert posting.location is None


@pytest.mark.parametrize("mark", ["~~", "**", "_"])
def test_a_struck_out_or_bold_first_sentence_still_names_the_employer(mark: str) -> None:
    body = (
        f"{mark}Ashby Print Archive seeks a Records Manager for its store.{mark} Applications"
        " have now closed."
    )
    assert _posting(body).organization == "Ashby Print Archive"


# ---------------------------------------------------------------- properties of the parsers

_DAY_WORDS = ["one", "two", "three", "four", "five"]


@settings(max_examples=40, deadline=None)
@given(days=st.integers(min_value=1, max_value=5), in_words=st.booleans(), per=st.booleans())
def test_days_a_week_below_five_are_part_time(days: int, in_words: bool, per: bool) -> None:
    said = _DAY_WORDS[days - 1] if in_words else str(days)
    noun = "day" if days == 1 else "days"
    body = f"The Oakmere Archive seeks a Records Manager. You will work {said} {noun}"
    body += f" {'per' if per else 'a'} week."
    expected = "part-time" if days < 5 else "full-time"
    assert _posting(body).employment_type == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="-*+ 12.)**,£€ aAbC\n", max_size=200))
def test_list_openings_reads_any_text_and_each_opening_names_a_role(text: str) -> None:
    found = list_openings(text)
    assert found is None or (len(found) >= 2 and all(o.title.strip() for o in found))

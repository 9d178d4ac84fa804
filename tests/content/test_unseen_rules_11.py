"""The rules the eleventh round of unseen pages (test_unseen_pages_11.py) added, on how to
apply, who is hiring and where, each with sentences of our own it must and must not match,
read through the whole loader (page -> document -> posting)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.facts import emails
from bot.content.orgs import split_title
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, title: str, extra: str = "") -> ParsedDocument:
    front = f'title: "{title}"\ndate: 2027-01-04\n{extra}'
    return parse_text("_posts/2027-01-04-post.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, title: str = "Records Manager", extra: str = "kind: job\n") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- how to apply


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("Write to posts (at) harbourlights dot org with your CV.", "posts@harbourlights.org"),
        ("CVs to hr (at) fenland-maps dot co dot uk, please.", "hr@fenland-maps.co.uk"),
        ("Email recruit [at] oakmere dot example dot ie today.", "recruit@oakmere.example.ie"),
    ],
)
def test_a_bare_dot_after_a_bracketed_at_is_the_domains_dot(sentence: str, address: str) -> None:
    body = f"The Oakmere Archive seeks a full-time Records Manager.\n\n{sentence}"
    assert _posting(body).contacts == (address,)


@pytest.mark.parametrize(
    "sentence",
    [
        # no bracketed "at": words, not an address
        "Meet us at the museum dot com exhibition.",
        "Ask (at the desk) for the museum dot org leaflet.",
    ],
)
def test_a_bare_dot_without_a_bracketed_at_is_a_word(sentence: str) -> None:
    assert emails(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("Send a CV to jobs at saltmarsh dot example dot org today.", "jobs@saltmarsh.example.org"),
        ("Applications to hr at oakmere dot ie, please.", "hr@oakmere.ie"),
    ],
)
def test_an_address_spelled_at_and_dot_in_lower_case_ends_in_a_known_domain(
    sentence: str, address: str
) -> None:
    assert [found for found, _ in emails(sentence)] == [address]


@pytest.mark.parametrize(
    "sentence",
    [
        "We meet at noon dot the end of the day.",
        "Our stand is at booth dot seven.",
        "Send a CV to jobs at saltmarsh dot example dot museum.",  # an unusual domain
    ],
)
def test_at_and_dot_in_lower_case_without_a_known_domain_are_words(sentence: str) -> None:
    assert emails(sentence) == []


_LABEL = st.from_regex(r"[a-z][a-z0-9]{1,11}", fullmatch=True).filter(
    lambda word: word not in ("dot", "at")
)


@settings(max_examples=60, deadline=None)
@given(
    local=_LABEL,
    labels=st.lists(_LABEL, min_size=1, max_size=3),
    tld=st.sampled_from(("org", "uk", "ie", "com", "de")),
)
def test_any_address_spelled_with_at_and_dot_words_is_read_whole(
    local: str, labels: list[str], tld: str
) -> None:
    spelled = " dot ".join([*labels, tld])
    assert emails(f"Send your CV to {local} (at) {spelled}, thank you.") == [
        (f"{local}@{'.'.join([*labels, tld])}", 16)
    ]


# ---------------------------------------------------------------- where


@pytest.mark.parametrize(
    "sentence",
    [
        "You will work three days a week in our Lincoln office and the rest from home.",
        "Two days a week on site; the remaining days at home.",
        "Based in Exeter on Mondays, the rest of the week from home.",
    ],
)
def test_the_rest_of_the_week_from_home_is_hybrid_work(sentence: str) -> None:
    body = f"The Oakmere Archive seeks a full-time Records Manager. {sentence}"
    assert _posting(body).remote is True


def test_the_rest_of_a_journey_home_is_no_remote_work() -> None:
    body = (
        "The Oakmere Archive seeks a full-time Records Manager in Exeter. We pay the train"
        " fare to interview; you pay the rest of the journey."
    )
    assert _posting(body).remote is None


@pytest.mark.parametrize(
    ("body", "location"),
    [
        (
            "The Oakmere Archive is looking for a Learning Officer to lead school visits and"
            " family days in Swansea. Part-time, £27,000 pro rata.",
            "Swansea",
        ),
        (
            "Oakmere Archive seeks an Outreach Assistant who will run our pop-up exhibitions in"
            " Plymouth this summer. Apply to posts@oakmere.example.org.",
            "Plymouth",
        ),
        # two cities: the sentence does not say where the work is
        (
            "The Oakmere Archive seeks a Registrar to manage loans to museums in Paris and"
            " in Berlin. Full-time.",
            None,
        ),
        # a place said elsewhere comes first
        (
            "The Oakmere Archive seeks a Registrar to manage loans to museums in Paris. The"
            " post is based in Exeter.",
            "Exeter",
        ),
    ],
)
def test_the_one_city_of_the_sentence_that_seeks_the_role(body: str, location: str | None) -> None:
    assert _posting(body).location == location


@pytest.mark.parametrize(
    ("line", "location"),
    [
        ("- Place: Bordeaux, Chartrons", "Bordeaux"),
        ("**Place:** Tampere", "Tampere"),
        ("Place of work: Graz", "Graz"),
    ],
)
def test_a_place_label_gives_the_location(line: str, location: str) -> None:
    body = f"The Oakmere Archive seeks a full-time Records Manager.\n\n{line}\n- Hours: 35"
    assert (_posting(body).location or "").startswith(location)


def test_a_place_line_that_is_no_label_gives_no_location() -> None:
    body = (
        "The Oakmere Archive seeks a full-time Records Manager.\n\n"
        "Placement of the new shelving: Bordeaux style, in oak."
    )
    assert _posting(body).location != "Bordeaux style, in oak"


@pytest.mark.parametrize(
    ("title", "org", "city"),
    [
        ("Registrar – Musée des Tisserands, Lyon", "Musée des Tisserands", "Lyon"),
        ("Curator - Harbour Lights Museum, Aberdeen", "Harbour Lights Museum", "Aberdeen"),
    ],
)
def test_a_title_role_dash_employer_comma_city_names_both(title: str, org: str, city: str) -> None:
    parts = split_title(title)
    assert (parts.organization, parts.where) == (org, city)


def test_the_city_after_the_titles_employer_is_the_location() -> None:
    posting = _posting(
        "We seek a full-time Registrar. Apply to posts@tisserands.example.fr.",
        title="Registrar – Musée des Tisserands, Lyon",
    )
    assert (posting.organization, posting.location) == ("Musée des Tisserands", "Lyon")


def test_a_comma_after_an_employer_that_is_no_city_stays_in_the_name() -> None:
    parts = split_title("Archivist – University of Oakmere, Special Collections")
    assert parts.organization == "University of Oakmere, Special Collections"


@pytest.mark.parametrize(
    ("sentence", "regions"),
    [
        ("This is a US-remote post.", ("US",)),
        ("The role is UK-remote, with travel twice a year.", ("UK",)),
        ("A Canada-Remote position for one year.", ("Canada",)),
        # no place joined: remote anywhere, as far as the page says
        ("A fully-remote post.", ()),
        ("Fully-remote, one year.", ()),
    ],
)
def test_a_place_joined_to_remote_is_the_region_as_named(
    sentence: str, regions: tuple[str, ...]
) -> None:
    body = f"The Oakmere Archive seeks a full-time Records Manager. {sentence}"
    posting = _posting(body)
    assert (posting.remote, posting.remote_regions) == (True, regions)


# ---------------------------------------------------------------- who is hiring


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("The Writers' Heritage Centre is looking for an archivist.", "Writers' Heritage Centre"),
        ("The Railway Workers’ Museum offers a one-year fellowship.", "Railway Workers’ Museum"),
        ("Photographers' Guild Archive is hiring a cataloguer.", "Photographers' Guild Archive"),
    ],
)
def test_a_plural_possessive_is_part_of_the_employers_name(sentence: str, org: str) -> None:
    body = f"{sentence} Apply at https://example.org/apply."
    assert _doc(body, "Archivist", "kind: job\n").organization == org


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "Le Musée départemental de la Vézère recrute un(e) archiviste.",
            "Musée départemental de la Vézère",
        ),
        (
            "El Archivo histórico provincial de Soria busca un archivero.",
            "Archivo histórico provincial de Soria",
        ),
    ],
)
def test_a_romance_name_goes_on_after_its_adjectives(sentence: str, org: str) -> None:
    assert _doc(sentence, "Archiviste / Archivist", "kind: job\n").organization == org


def test_an_english_subject_before_its_verb_stays_itself() -> None:
    body = "The Oakmere Museum keeps records de Facto. We seek an archivist."
    assert _doc(body, "Archivist", "kind: job\n").organization == "Oakmere Museum"


# ---------------------------------------------------------------- front matter and entities


@pytest.mark.parametrize(
    "line",
    [
        "Closing date: 12&nbsp;March&nbsp;2027.",
        "Apply by 12&#160;March 2027.",
    ],
)
def test_entities_in_markdown_without_tags_are_their_characters(line: str) -> None:
    body = f"The Oakmere Archive seeks a full-time Records Manager.\n\n{line}"
    assert _posting(body).deadline == date(2027, 3, 12)


@pytest.mark.parametrize(
    "extra",
    [
        'company: Oakmere Archive\nsalary: "£30,000 - £33,000"\n',
        "employer: Oakmere Archive\npay: 18 EUR per hour\n",
    ],
)
def test_front_matter_that_states_pay_makes_a_posting(extra: str) -> None:
    body = "Help us look after four centuries of parish records."
    assert _doc(body, "Records Manager", extra).kind == "job"


def test_front_matter_without_pay_leaves_a_short_page_as_it_was() -> None:
    body = "Help us look after four centuries of parish records."
    assert _doc(body, "Records Manager", "company: Oakmere Archive\n").kind != "job"


@pytest.mark.parametrize("value", ["mailto:posts@oakmere.example.org", "posts@oakmere.example.org"])
def test_an_address_as_the_front_matters_apply_link_is_a_contact(value: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.",
        extra=f'kind: job\napply_url: "{value}"\n',
    )
    assert posting.contacts == ("posts@oakmere.example.org",)


# ---------------------------------------------------------------- closed


@pytest.mark.parametrize(
    "title",
    [
        "CLOSED: Collections Assistant",
        "Filled - Collections Assistant",
        "Collections Assistant – FILLED",
        "Collections Assistant | closed",
        "Collections Assistant – position filled",
        "[Closed] Collections Assistant",
    ],
)
def test_a_closed_notice_at_a_titles_start_or_end_closes_the_post(title: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Collections Assistant. Apply to"
        " posts@oakmere.example.org.",
        title=title,
    )
    assert (posting.closed, posting.title) == (True, "Collections Assistant")


@pytest.mark.parametrize(
    "title",
    ["Closed-Access Collections Assistant", "Collections Assistant, Closed Stores"],
)
def test_closed_inside_a_title_is_no_notice(title: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Collections Assistant. Apply to"
        " posts@oakmere.example.org.",
        title=title,
    )
    assert (posting.closed, posting.title) == (False, title)


@pytest.mark.parametrize("tags", ["[jobs, remote]", "[fully-remote]", "remote-first, archives"])
def test_a_tag_that_says_remote_makes_the_post_remote(tags: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.", extra=f"kind: job\ntags: {tags}\n"
    )
    assert posting.remote is True


@pytest.mark.parametrize("tags", ["[jobs, remote-sensing]", "[remote-collections]"])
def test_a_tag_that_only_holds_remote_says_nothing(tags: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager in Exeter.",
        extra=f"kind: job\ntags: {tags}\n",
    )
    assert posting.remote is None


@pytest.mark.parametrize(
    "extra",
    [
        "job_location: Exeter, UK\n",
        "employment_type: Full-time\n",
        "job_type: part-time\n",
    ],
)
def test_front_matter_of_a_job_boards_theme_makes_a_posting(extra: str) -> None:
    body = "Help us look after four centuries of parish records."
    assert _doc(body, "Records Manager", extra).kind == "job"


def test_how_to_apply_in_the_front_matter_gives_its_address() -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.",
        extra='kind: job\nhow_to_apply: "Email your CV to posts@oakmere.example.org"\n',
    )
    assert posting.contacts == ("posts@oakmere.example.org",)


# ---------------------------------------------------------------- is it an opening


@pytest.mark.parametrize(
    "body",
    [
        "Good news: the Oakmere Archive has funding for a Records Manager. The job description"
        " and salary will be posted here in April.",
        "We will soon recruit two cataloguers; details will be announced on our website"
        " later this spring.",
    ],
)
def test_a_post_to_come_with_no_way_to_apply_is_news(body: str) -> None:
    assert _doc(body, "We're hiring (soon)!").kind == "news"


def test_a_post_with_a_way_to_apply_is_an_opening_whatever_comes_later() -> None:
    body = (
        "The Oakmere Archive seeks a full-time Records Manager. Salary £31,000. Apply to"
        " posts@oakmere.example.org; interview dates will be announced later."
    )
    assert _doc(body, "We're hiring!").kind == "job"


# ---------------------------------------------------------------- text as it arrives


@pytest.mark.parametrize(
    "body",
    [
        "The Oakmere Archive seeks a full\u2011time Records Manager. Apply to"
        " posts\u200b@oakmere.example.org.",
        "The Oakmere Archive seeks a full\u00adtime Records Manager. Apply to"
        " posts@oakmere\u200b.example.org.",
    ],
)
def test_characters_a_reader_does_not_see_are_not_read(body: str) -> None:
    posting = _posting(body)
    assert (posting.employment_type, posting.contacts) == (
        "full-time",
        ("posts@oakmere.example.org",),
    )


def test_a_non_breaking_hyphen_in_the_title_is_a_hyphen() -> None:
    assert _doc("We seek an archivist.", "Part\u2011time Archivist").title == "Part-time Archivist"


@pytest.mark.parametrize("title", ["Archiviste (H/F)", "Chargé de collections (F/H)"])
def test_a_french_title_naming_both_genders_is_an_opening(title: str) -> None:
    doc = _doc("Envoyez votre CV.", title)
    assert doc.kind == "job"
    assert "(" not in doc.postings[0].title


def test_the_whole_french_name_of_the_first_sentence_and_its_terms() -> None:
    body = (
        "Le Centre d'histoire ouvrière de Lille recrute un archiviste en CDI, à temps plein."
        " Candidatures à rh@cho-lille.example.fr."
    )
    posting = _posting(body, title="Archiviste (H/F)")
    assert (posting.organization, posting.employment_type) == (
        "Centre d'histoire ouvrière de Lille",
        "full-time",
    )


# ---------------------------------------------------------------- front matter of other themes


def test_front_matter_in_the_words_of_schema_orgs_job_posting() -> None:
    extra = (
        "kind: job\nhiring_organization: Oakmere Archive\nemployment_type: FULL_TIME\n"
        "valid_through: 2027-05-15\nsalary_min: 41000\nsalary_max: 46000\n"
        "salary_currency: EUR\n"
    )
    posting = _posting("Help us look after four centuries of parish records.", extra=extra)
    assert (
        posting.organization,
        posting.employment_type,
        posting.deadline,
        posting.salary_min,
        posting.salary_max,
        posting.salary_currency,
    ) == ("Oakmere Archive", "full-time", date(2027, 5, 15), 41000, 46000, "EUR")


def test_a_bare_amount_beside_a_currency_key_is_pay_in_that_currency() -> None:
    extra = (
        "kind: job\nsalary: 39000\ncurrency: GBP\napplication_email: posts@oakmere.example.org\n"
    )
    posting = _posting("Help us look after four centuries of parish records.", extra=extra)
    assert (posting.salary_min, posting.salary_currency, posting.contacts) == (
        39000,
        "GBP",
        ("posts@oakmere.example.org",),
    )


def test_a_currency_key_leaves_a_salary_that_names_its_own_alone() -> None:
    extra = 'kind: job\nsalary: "$39,000 a year"\ncurrency: GBP\n'
    posting = _posting("Help us look after four centuries of parish records.", extra=extra)
    assert (posting.salary_min, posting.salary_currency) == (39000, "USD")


@pytest.mark.parametrize(
    ("sentence", "closed"),
    [
        ("UPDATE: this vacancy has expired.", True),
        ("Sorry, the role is no longer available.", True),
        ("Recruitment for the post has now ended.", True),
        ("The deadline has passed; thank you for your interest.", True),
        ("Applications for the fellowship closed on 2 May.", True),
        ("**Status:** Filled", True),
        # a condition or a time to come
        ("If the deadline has passed, please write to us about future posts.", False),
        ("We will keep this page up until the job posting has expired.", False),
        ("Recruitment for the post is now open.", False),
    ],
)
def test_a_post_closed_in_prose(sentence: str, closed: bool) -> None:
    body = (
        "The Oakmere Archive seeks a full-time Records Manager. Apply to"
        f" posts@oakmere.example.org.\n\n{sentence}"
    )
    assert _posting(body).closed is closed


@pytest.mark.parametrize(
    "front", ["deadline: rolling", 'closing_date: "Open until filled"', "expires: Ongoing"]
)
def test_a_deadline_key_that_says_rolling_leaves_the_post_open_until_filled(front: str) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.", extra=f"kind: job\n{front}\n"
    )
    assert (posting.deadline, posting.open_until_filled) == (None, True)


def test_a_deadline_key_with_a_date_is_no_rolling_deadline() -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.",
        extra="kind: job\ndeadline: 2027-03-01\n",
    )
    assert (posting.deadline, posting.open_until_filled) == (date(2027, 3, 1), False)


@pytest.mark.parametrize(
    ("front", "regions"),
    [('remote: "Remote (EU)"', ("EU",)), ('remote: "Remote - Canada"', ("Canada",))],
)
def test_a_remote_key_naming_a_region_gives_the_region_not_the_word(
    front: str, regions: tuple[str, ...]
) -> None:
    posting = _posting(
        "The Oakmere Archive seeks a full-time Records Manager.", extra=f"kind: job\n{front}\n"
    )
    assert (posting.remote, posting.remote_regions) == (True, regions)


@pytest.mark.parametrize(
    ("tag", "contacts"),
    [
        ('{% include apply-button.html url="https://jobs.oakmere.example.org/rm" %}',
         ("https://jobs.oakmere.example.org/rm",)),
        ("{%- include apply_link.html href='https://jobs.oakmere.example.org/rm' -%}",
         ("https://jobs.oakmere.example.org/rm",)),
        # an include that is no button to apply: its link is the theme's, not the post's
        ('{% include share.html url="https://social.example.org/share" %}', ()),
    ],
)  # fmt: skip
def test_a_themes_button_to_apply_leaves_its_link(tag: str, contacts: tuple[str, ...]) -> None:
    posting = _posting(f"The Oakmere Archive seeks a full-time Records Manager.\n\n{tag}\n")
    assert posting.contacts == contacts


def test_the_city_after_a_role_sought_and_its_terms_in_brackets() -> None:
    # said in the prose, it comes before the city the employer is named after
    body = "Falmouth Record Office seeks a Project Archivist (full-time, 2 years) in Truro."
    assert _posting(body).location == "Truro"

"""The rules the tenth round of unseen pages (test_unseen_pages_10.py) added, on where, when,
how much and what kind, each with sentences of our own it must and must not match, read
through the whole loader (page -> document -> posting)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.content import parse_text
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, title: str, extra: str = "") -> ParsedDocument:
    front = f'title: "{title}"\ndate: 2027-01-04\n{extra}'
    return parse_text("_posts/2027-01-04-post.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, title: str = "Records Manager", extra: str = "kind: job\n") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- is it an opening


@pytest.mark.parametrize(
    "body",
    [
        "The Marsh Fen Trust offers a nine-month fellowship to a young curator. A stipend is"
        " paid. Details at https://marshfen.example.org/fellow.",
        "Our society offers two research fellowships in 2028, each with a stipend;"
        " apply at https://society.example.org/fellows.",
    ],
)
def test_an_organisation_offering_a_paid_fellowship_offers_an_opening(body: str) -> None:
    assert _doc(body, "Heritage Fellowship 2028").kind == "job"


@pytest.mark.parametrize(
    "body",
    [
        "Our partner offers two residencies with a stipend. The residency is not employment:"
        " residents stay volunteers. Apply at https://partner.example.org/res.",
        "The Marsh Fen Trust offers a summer fellowship with a stipend. It gives no contract"
        " of employment. Apply at https://marshfen.example.org/fellow.",
        "We offer a short internship for students: this is not a paid post. Write to"
        " us@example.org to apply.",
        # offering no post at all
        "The Marsh Fen Trust offers a free guided walk each Sunday; see"
        " https://marshfen.example.org/walks.",
    ],
)
def test_a_post_offered_without_a_contract_is_no_opening(body: str) -> None:
    assert _doc(body, "Heritage Fellowship 2028").kind != "job"


# ---------------------------------------------------------------- the opening's title


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Sound Archivist (remote)", "Sound Archivist"),
        ("Sound Archivist (Hybrid)", "Sound Archivist"),
        ("Sound Archivist (Remote, Europe)", "Sound Archivist"),
        ("Sound Archivist (w/m/d)", "Sound Archivist"),
        ("Sound Archivist – deadline extended", "Sound Archivist"),
        ("Sound Archivist - closing date extended", "Sound Archivist"),
        ("Sound Archivist: re-advertised", "Sound Archivist"),
        # hours and contract stay: the role's kind is read from it
        ("Sound Archivist (Part-Time)", "Sound Archivist (Part-Time)"),
        # a bracket naming a subject is the role's own
        ("Sound Archivist (Oral History)", "Sound Archivist (Oral History)"),
        ("Curator (Remote Sensing Collections)", "Curator (Remote Sensing Collections)"),
        ("Deadline Extended", "Deadline Extended"),
    ],
)
def test_where_whom_and_a_dates_notice_are_no_part_of_the_role(title: str, role: str) -> None:
    assert _posting("The Fenmoor Sound Trust seeks a sound archivist.", title).title == role


def test_a_remote_bracket_still_says_the_work_is_remote() -> None:
    posting = _posting("The Fenmoor Sound Trust seeks a sound archivist.", "Archivist (remote)")
    assert (posting.title, posting.remote) == ("Archivist", True)


# ---------------------------------------------------------------- when


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Closing date: ~~2 May 2027~~ extended to 16 May 2027.", date(2027, 5, 16)),
        ("Closing date: ~~2 May~~ 9 May 2027.", date(2027, 5, 9)),
        # struck out with nothing in its place, it was still the date
        ("~~Apply by 2 May 2027~~ to jobs@example.org.", date(2027, 5, 2)),
        ("Apply by 2 May 2027 to jobs@example.org.", date(2027, 5, 2)),
    ],
)
def test_a_date_struck_out_gives_way_to_the_one_beside_it(sentence: str, deadline: date) -> None:
    assert _posting(f"The Fenmoor Sound Trust seeks an archivist.\n\n{sentence}").deadline == (
        deadline
    )


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Please send your CV by the end of the month to jobs@example.org.", date(2027, 1, 31)),
        ("Applications are welcome until the end of this month.", date(2027, 1, 31)),
        # not about applying
        ("The exhibition runs until the end of the month. Email jobs@example.org.", None),
        # a stated date wins
        ("Apply by 20 January 2027, or by the end of the month at the latest.",
         date(2027, 1, 20)),
    ],
)  # fmt: skip
def test_the_end_of_the_month_is_the_posted_months_last_day(
    sentence: str, deadline: date | None
) -> None:
    assert _posting(f"The Fenmoor Sound Trust seeks an archivist.\n\n{sentence}").deadline == (
        deadline
    )


# ---------------------------------------------------------------- where


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("- Hybrid (3 days a week in Manchester)", "Manchester"),
        ("Hybrid working: two days per week in Bristol, the rest from home.", "Bristol"),
        ("We are a small print archive at 22 Quay Street, Galway.", "Galway"),
        ("Our studio is at 5a Tanner Row, York, above the bakery.", "York"),
        # a month or a season is no city; an address with no city names none
        ("The reading room opens two days a week in Winter.", None),
        ("Meet us at 22 Quay Street, in the old fish market.", None),
    ],
)
def test_the_city_of_days_a_week_and_of_a_street_address(
    sentence: str, location: str | None
) -> None:
    posting = _posting(f"The Fenmoor Sound Trust seeks an archivist.\n\n{sentence}")
    assert posting.location == location


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("The University of Leicester seeks an archivist for its special collections.",
         "Leicester"),
        ("The Centre for Print History at the University of Leicester is hiring an archivist.",
         "Leicester"),
        # a university named after a state names no city
        ("The University of Alabama seeks an archivist.", None),
    ],
)  # fmt: skip
def test_a_university_named_after_its_city_gives_the_city(body: str, location: str | None) -> None:
    assert _posting(body, "Archivist").location == location


# ---------------------------------------------------------------- how much


@pytest.mark.parametrize(
    ("line", "amount", "period"),
    [
        ("- EUR 3.400 brutto/Monat", 3400, "month"),
        ("- 3.650 € brutto pro Monat", 3650, "month"),
        ("- EUR 51.000 brutto/Jahr", 51000, "year"),
    ],
)
def test_a_german_period_of_pay_says_the_amount_is_pay(line: str, amount: int, period: str) -> None:
    posting = _posting(f"The Fenmoor Sound Trust seeks an archivist.\n\n{line}")
    assert (posting.salary_min, posting.salary_period) == (amount, period)


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("This is a casual role, 10 hours a week, in Norwich, paid £13 an hour.", "Norwich"),
        ("A permanent post, in Exeter, from 1 June.", "Exeter"),
        # a season, a field: no city
        ("This is a casual role, 10 hours a week, in Summer, paid £13 an hour.", None),
        ("The role works with archives in Exeter and Truro.", None),
    ],
)
def test_the_city_between_commas_in_a_line_of_terms(sentence: str, location: str | None) -> None:
    posting = _posting(f"The Fenmoor Sound Trust seeks an archivist.\n\n{sentence}")
    assert posting.location == location


# ---------------------------------------------------------------- who


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("The Tollcross Street Songs Project collects the rhymes of city playgrounds.",
         "Tollcross Street Songs Project"),
        ("Fenland Dialect Recording Project keeps 900 hours of tape.",
         "Fenland Dialect Recording Project"),
        # a role in it is no body's name
        ("Digital Project Manager Hiring Project begins soon.", None),
    ],
)  # fmt: skip
def test_a_named_project_opening_the_page_is_the_employer(body: str, org: str | None) -> None:
    text = f"{body}\n\n- Salary: £30,000 a year\n- Apply at https://example.org/jobs by 1 May 2027"
    assert _posting(text, "Oral Historian").organization == org

"""The rules the third round of unseen pages (test_unseen_pages_3.py) added outside the rule
tables, each with sentences of our own it must and must not match, read through the whole
loader (page -> document -> posting). Rules inside a table carry their examples there
(test_rule_tables.py runs them)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.dates import find_deadline
from bot.content.text import Scan
from bot.domain import ParsedDocument, PostingDraft

POSTED = date(2027, 1, 4)


def _doc(body: str, front: str = "title: Records Manager\ndate: 2027-01-04\n") -> ParsedDocument:
    return parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n")


def _posting(
    body: str, front: str = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"
) -> PostingDraft:
    (posting,) = _doc(body, front).postings
    return posting


_JOBS_FRONT = "title: Jobs at the Weston Museum\nkind: job\ndate: 2027-01-04\n"


# ---------------------------------------------------------------- several openings


@pytest.mark.parametrize(
    "table",
    [
        # an HTML table, the first column naming each post
        "<table>\n<tr><th>Post</th><th>Salary</th><th>Closing date</th></tr>\n"
        "<tr><td>Collections Officer</td><td>£30,000 per annum</td><td>1 March 2027</td></tr>\n"
        "<tr><td>Digitisation Assistant</td><td>£24,000 per annum</td><td>8 March 2027</td>"
        "</tr>\n</table>",
        # a pipe table whose first column is the role
        "| Role | Salary | Closing date |\n|---|---|---|\n"
        "| Collections Officer | £30,000 per annum | 1 March 2027 |\n"
        "| Digitisation Assistant | £24,000 per annum | 8 March 2027 |",
    ],
    ids=["html", "pipe"],
)
def test_a_table_whose_rows_name_jobs_is_one_opening_a_row(table: str) -> None:
    doc = _doc(f"We are recruiting two posts.\n\n{table}\n\nApply at jobs@weston.example.org.")
    assert [p.title for p in doc.postings] == ["Collections Officer", "Digitisation Assistant"]
    assert [p.deadline for p in doc.postings] == [date(2027, 3, 1), date(2027, 3, 8)]
    assert [p.salary_min for p in doc.postings] == [Decimal(30000), Decimal(24000)]
    assert all(p.contacts == ("jobs@weston.example.org",) for p in doc.postings)


@pytest.mark.parametrize(
    "table",
    [
        # one row naming a job is the page's one opening
        "| Role | Closing date |\n|---|---|\n| Collections Officer | 1 March 2027 |",
        # rows of facts, not of jobs
        "| Post | Details |\n|---|---|\n| Annual leave | 28 days |\n| Pension | 8% |",
        # the first column is not the post
        "| Salary | Role |\n|---|---|\n| £30,000 | Collections Officer |\n"
        "| £24,000 | Digitisation Assistant |",
    ],
    ids=["one row", "facts", "another column"],
)
def test_a_table_without_two_rows_naming_jobs_is_no_list_of_openings(table: str) -> None:
    doc = _doc(
        f"The Weston Museum seeks a Collections Officer.\n\n{table}\n\nApply by 1 March 2027.",
        "title: Collections Officer\nkind: job\ndate: 2027-01-04\n",
    )
    assert [p.title for p in doc.postings] == ["Collections Officer"]


def test_list_items_naming_jobs_in_bold_with_their_facts_are_openings() -> None:
    body = (
        "We have two openings:\n\n"
        "- **Registrar** (full-time, £31,500 per annum). Closing date 2 May 2027.\n"
        "- **Digital Engagement Officer** (part-time, £28,000 per annum pro rata). Closing date"
        " 7 May 2027.\n\nBoth roles are based at our office in Whitby."
    )
    doc = _doc(body, _JOBS_FRONT)
    assert [p.title for p in doc.postings] == ["Registrar", "Digital Engagement Officer"]
    assert [p.deadline for p in doc.postings] == [date(2027, 5, 2), date(2027, 5, 7)]
    # what the page says after the list is every opening's too
    assert [p.location for p in doc.postings] == ["Whitby", "Whitby"]


@pytest.mark.parametrize(
    "items",
    [
        # colleagues in bold, with no fact of an opening
        "You will work with:\n\n- **Collections Manager** (your line manager)\n"
        "- **Digital Officer**, who runs the website",
        # bold labels, not jobs
        "- **Salary:** £31,500 per annum\n- **Closing date:** 2 May 2027",
    ],
    ids=["colleagues", "labels"],
)
def test_bold_list_items_that_are_no_openings(items: str) -> None:
    doc = _doc(
        f"The Weston Museum seeks a Registrar.\n\n{items}\n\nApply by 2 May 2027.",
        "title: Registrar\nkind: job\ndate: 2027-01-04\n",
    )
    assert [p.title for p in doc.postings] == ["Registrar"]


def test_role_headings_with_their_field_are_openings() -> None:
    body = (
        "The Lab is recruiting two posts.\n\n## Research Associate in Oral History Data\n\n"
        "Closing date: 4 April 2027.\n\n## Curator of Photographs\n\nClosing date: 11 April 2027."
    )
    doc = _doc(body, _JOBS_FRONT)
    assert [p.title for p in doc.postings] == [
        "Research Associate in Oral History Data",
        "Curator of Photographs",
    ]
    assert [p.deadline for p in doc.postings] == [date(2027, 4, 4), date(2027, 4, 11)]


def test_headings_of_a_field_without_a_role_are_sections() -> None:
    body = (
        "The Weston Museum seeks a Records Manager.\n\n## Training in Digital Skills\n\n"
        "We train every new colleague.\n\n## Support for Researchers\n\nYou answer questions."
    )
    assert [p.title for p in _doc(body, _JOBS_FRONT).postings] == ["Jobs at the Weston Museum"]


_TWO_OPENINGS = (
    "The Lab is recruiting.\n\n## Data Curator\n\nApply at https://jobs.example.org/1.\n\n"
    "## Research Engineer\n\nApply at https://jobs.example.org/2.\n\n{closing}"
)


@pytest.mark.parametrize(
    "closing",
    [
        "Informal enquiries about either post to Prof. Ann Lee (a.lee@example.org).",
        "Questions about both roles go to a.lee@example.org.",
        "For all three positions, write to a.lee@example.org.",
    ],
)
def test_a_contact_for_every_opening_is_each_openings(closing: str) -> None:
    doc = _doc(_TWO_OPENINGS.format(closing=closing), _JOBS_FRONT)
    first, second = doc.postings
    assert set(first.contacts) == {"https://jobs.example.org/1", "a.lee@example.org"}
    assert set(second.contacts) == {"https://jobs.example.org/2", "a.lee@example.org"}


def test_a_contact_under_the_last_opening_only_is_that_openings() -> None:
    closing = "Informal enquiries to Dr Ann Lee (a.lee@example.org)."
    first, second = _doc(_TWO_OPENINGS.format(closing=closing), _JOBS_FRONT).postings
    assert first.contacts == ("https://jobs.example.org/1",)
    assert "a.lee@example.org" in second.contacts


# ---------------------------------------------------------------- employment


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Hours: 35 per week\n\nSalary: £36,000", "full-time"),
        ("- Hours: 37.5 a week\n- Salary: £36,000", "full-time"),
        ("**Working hours:** 20 per week", "part-time"),
    ],
)
def test_an_hours_label_gives_the_weekly_hours(body: str, kind: str) -> None:
    assert _posting(f"The Weston Museum seeks a records manager.\n\n{body}").employment_type == (
        kind
    )


@pytest.mark.parametrize(
    "body",
    [
        "The reading room's opening hours: 40 per week, over six days.",
        "Hours: flexible, by agreement.",
    ],
)
def test_hours_not_on_a_label_line_of_the_job_say_nothing(body: str) -> None:
    assert _posting(f"The Weston Museum seeks a records manager.\n\n{body}").employment_type is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Partnerships Manager (0.8 FTE)", "part-time"), ("Web Developer (1.0 FTE)", "full-time")],
)
def test_the_titles_fte_counts_before_the_texts(title: str, kind: str) -> None:
    posting = _posting(
        "We seek a colleague. The role works 37.5 hours per week in term time.",
        f'title: "{title}"\nkind: job\ndate: 2027-01-04\n',
    )
    assert posting.employment_type == kind


# ---------------------------------------------------------------- who is hiring, and where


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        # a unit at its institution: the institution
        (
            "The Centre for Digital Editions at the University of Kaltenbach is offering a post.",
            "University of Kaltenbach",
        ),
        # a name "at" something that is no organisation stays whole
        ("The Museum at the Crossroads builds a new gallery. We need a guide.", None),
        # a city after the name is cut off; a field is not
        (
            "The Museum of Northern Crafts in Newcastle upon Tyne is recruiting a developer.",
            "Museum of Northern Crafts",
        ),
        (
            "The Centre for Research in Digital Humanities is recruiting a developer.",
            "Centre for Research in Digital Humanities",
        ),
        # a name without an organisation's word, doing what organisations do
        (
            "Erfgoedhuis Noord-Veluwe supports forty heritage organisations. We need an adviser.",
            "Erfgoedhuis Noord-Veluwe",
        ),
        ("Maria Lopez joined our team in March. We need an adviser.", None),
        # labs and hubs are organisations
        (
            "The Open Heritage Lab builds tools for museums. We need a developer.",
            "Open Heritage Lab",
        ),
        # a paragraph that says what a name is, after a heading
        (
            "## About RefLink\n\nRefLink is a not-for-profit membership organisation. We need "
            "an engineer.",
            "RefLink",
        ),
        ("## About the role\n\nMaria Lopez is a colleague you will work with.", None),
        # a location label on the first line names the employer and its place
        (
            "Location: Museum of the Southern Coast, Wollongong NSW\n\nWe need a photographer.",
            "Museum of the Southern Coast",
        ),
    ],
)
def test_who_a_page_says_is_hiring(body: str, organization: str | None) -> None:
    posting = _posting(f"{body}\n\nSalary: $50,000. Apply by 1 March 2027.")
    if organization is None:
        assert posting.organization is None or "Crossroads" in posting.organization
        assert posting.organization != "Crossroads"
    else:
        assert posting.organization == organization


def test_a_title_of_posts_in_an_organisation_names_it() -> None:
    doc = _doc(
        "## Data Curator\n\nApply by 1 March.\n\n## Research Engineer\n\nApply by 8 March.",
        'title: "Join us: two research posts in the Digital Humanities Lab"\ndate: 2027-01-04\n',
    )
    assert [p.organization for p in doc.postings] == ["Digital Humanities Lab"] * 2


@pytest.mark.parametrize(
    ("body", "location"),
    [
        (
            "The Museum of Northern Crafts in Newcastle upon Tyne is recruiting.",
            "Newcastle upon Tyne",
        ),
        ("Both roles are based at our museum in Bristol.", "Bristol"),
        ("All three posts are based at our shared store in Leicester.", "Leicester"),
        ("The role works three days a week from our Ballarat reading room.", "Ballarat"),
    ],
)
def test_where_the_job_is(body: str, location: str) -> None:
    posting = _posting(f"We seek a records manager. {body}\n\nApply by 1 March 2027.")
    assert posting.location == location


@pytest.mark.parametrize(
    "body",
    [
        "The Centre for Research in Digital Humanities is recruiting.",
        "A developer based at our partner in Berlin wrote the code.",
        "Visit the reading room in person.",
    ],
)
def test_no_place_of_work_is_said(body: str) -> None:
    posting = _posting(f"We seek a records manager. {body}\n\nApply by 1 March 2027.")
    assert posting.location is None


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("\n  city: Utrecht\n  country: Netherlands", "Utrecht, Netherlands"),
        ("\n  name: Weston Hall\n  city: Leeds", "Weston Hall"),
        ("\n  floor: 3", None),
    ],
)
def test_a_front_matter_place_given_by_its_parts(location: str, expected: str | None) -> None:
    posting = _posting(
        "We seek a records manager.",
        f"title: Records Manager\nkind: job\ndate: 2027-01-04\nlocation:{location}\n",
    )
    assert posting.location == expected


# ---------------------------------------------------------------- pay


def test_a_front_matter_salary_without_a_currency_gives_way_to_the_texts() -> None:
    posting = _posting(
        "The salary is €4,200 gross per month.",
        "title: Records Manager\nkind: job\ndate: 2027-01-04\nsalary: 4200\n",
    )
    assert (posting.salary_min, posting.salary_currency, posting.salary_period) == (
        Decimal(4200),
        "EUR",
        "month",
    )


def test_a_front_matter_salary_with_a_currency_comes_first() -> None:
    posting = _posting(
        "The salary is €4,200 gross per month.",
        'title: Records Manager\nkind: job\ndate: 2027-01-04\nsalary: "£40,000 per annum"\n',
    )
    assert (posting.salary_min, posting.salary_currency) == (Decimal(40000), "GBP")


@pytest.mark.parametrize(
    ("sentence", "minimum", "maximum"),
    [
        ("Your salary will be a maximum of €4,988 gross per month.", None, 4988),
        ("Salary: up to a maximum of €4,988 gross per month.", None, 4988),
        ("Salary: €3,400 to a maximum of €4,988 gross per month.", 3400, 4988),
    ],
)
def test_a_maximum_of_is_a_ceiling(sentence: str, minimum: int | None, maximum: int) -> None:
    posting = _posting(f"We seek a records manager. {sentence}")
    assert posting.salary_min == (Decimal(minimum) if minimum is not None else None)
    assert posting.salary_max == Decimal(maximum)


# ---------------------------------------------------------------- what a page is


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Pay: $45.12 per hour. Applications close 5pm Friday 26 March 2027. Submit your "
            "application through https://careers.example.org.",
            "job",
        ),
        ("Our spring newsletter is out, with a photo story from the stores.", "news"),
    ],
)
def test_a_role_title_with_a_few_words_of_a_posting_is_one(body: str, kind: str) -> None:
    doc = _doc(body, "title: Casual Collection Photographer\ndate: 2027-01-04\n")
    assert doc.kind == kind


# ---------------------------------------------------------------- dates


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=POSTED, max_value=POSTED + timedelta(days=300)))
def test_a_day_and_month_without_a_year_is_the_next_such_day(day: date) -> None:
    """ "by COB 15/04": day first when the day is above 12, else month first, as slashed
    dates are read; the year is the posting's, or the next when the day would be past."""
    words = f"{day.day}/{day.month}" if day.day > 12 else f"{day.month}/{day.day}"
    found = find_deadline(Scan(f"Applications close by COB {words}."), POSTED)
    assert found is not None and found.value == day and found.inferred


@pytest.mark.parametrize(
    "sentence",
    [
        "We offer 24/7 support for the catalogue; apply now.",
        "Applications close when 3/4 of the places are filled.",
        "Applications close by COB 15/04/2027/1.",
    ],
)
def test_numbers_with_a_slash_that_are_no_deadline(sentence: str) -> None:
    found = find_deadline(Scan(sentence), POSTED)
    assert found is None or found.value != date(2027, 4, 3)
    assert find_deadline(Scan("We offer 24/7 support for the catalogue."), POSTED) is None


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_dashed_date_with_its_year_last(day: date) -> None:
    """ "15-03-2027" reads as slashes do: day first when the day is above 12."""
    words = (
        f"{day.day:02}-{day.month:02}-{day.year}"
        if day.day > 12
        else f"{day.month:02}-{day.day:02}-{day.year}"
    )
    posting = _posting(
        "We seek a records manager.",
        f'title: Records Manager\nkind: job\ndate: 2027-01-04\ndeadline: "{words}"\n',
    )
    assert posting.deadline == day


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["5pm", "12 noon", "23:59", "midnight", "5.30 p.m."]),
    st.sampled_from(["", "(Irish time) ", "(GMT) ", "(UK time) "]),
    st.dates(min_value=date(2027, 1, 1), max_value=date(2028, 12, 31)),
)
def test_a_time_between_the_cue_and_its_date_is_not_counted(
    time: str, zone: str, day: date
) -> None:
    sentence = (
        "The closing date for receipt of applications is "
        f"{time} {zone}on {day.strftime('%A')}, {day.day} {day.strftime('%B %Y')}."
    )
    found = find_deadline(Scan(sentence), POSTED)
    assert found is not None and found.value == day and found.strong


def test_a_long_gap_without_a_time_is_still_no_deadline() -> None:
    sentence = (
        "The closing date of the old catalogue project, which ran for many years, was "
        "on 18 February 2027."
    )
    found = find_deadline(Scan(sentence), POSTED)
    assert found is None or not found.strong

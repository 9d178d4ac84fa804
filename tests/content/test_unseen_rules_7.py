"""The rules the seventh round of unseen pages (test_unseen_pages_7.py) added outside the rule
tables, each with sentences of our own it must and must not match, read through the whole
loader (page -> document -> posting). Rules inside a table carry their examples there
(test_rule_tables.py runs them)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.dates import mentions
from bot.content.facts import place_in_title
from bot.domain import ParsedDocument, PostingDraft

JOB = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"


def _doc(body: str, front: str = JOB) -> ParsedDocument:
    return parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, front: str = JOB) -> PostingDraft:
    (posting,) = _doc(body, front).postings
    return posting


# ---------------------------------------------------------------- a notice of a post (India)

_NOTICE = (
    "Applications are invited from eligible candidates for the post of Project Cataloguer in"
    " the project on temple records. Send your CV to jobs@example.in. Last date for receipt"
    " of applications: 15-03-2027."
)


def test_a_notice_inviting_applications_for_the_post_of_is_an_opening() -> None:
    doc = _doc(_NOTICE, "title: Project Cataloguer (contractual)\ndate: 2027-02-25\n")
    assert doc.kind == "job"
    assert doc.postings[0].deadline == date(2027, 3, 15)


def test_applications_invited_for_a_residency_call_is_not_an_opening() -> None:
    body = (
        "Applications are invited for our summer residencies for writers. Residents receive"
        " a stipend. Send a proposal by 1 May 2027."
    )
    doc = _doc(body, "title: Summer residencies 2027\ndate: 2027-02-25\n")
    assert doc.kind != "job"


# ---------------------------------------------------------------- ISO week dates


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Last day to apply: 2027-W11-5.", date(2027, 3, 19)),
        ("Sista ansökningsdag 2027W115", date(2027, 3, 19)),
        ("Deadline: 2026-W01-1", date(2025, 12, 29)),
    ],
)
def test_an_iso_week_date_is_the_day_it_names(sentence: str, day: date) -> None:
    assert [m.value for m in mentions(sentence, None)] == [day]


@pytest.mark.parametrize(
    "sentence", ["Week 2027-W11 is busy.", "Ticket ab2027-W11-5", "2027-W54-1", "2027-W11-9"]
)
def test_what_is_not_an_iso_week_date(sentence: str) -> None:
    assert mentions(sentence, None) == []


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 3), max_value=date(2099, 12, 27)), st.booleans())
def test_every_iso_week_date_is_read_back(day: date, dashes: bool) -> None:
    year, week, weekday = day.isocalendar()
    words = f"{year}-W{week:02d}-{weekday}" if dashes else f"{year}W{week:02d}{weekday}"
    assert [m.value for m in mentions(f"Apply by {words}.", None)] == [day]


def test_a_week_date_is_the_deadline_of_the_last_day_to_apply() -> None:
    posting = _posting("We seek a records manager. Last day to apply: 2027-W11-5.")
    assert posting.deadline == date(2027, 3, 19)


# ---------------------------------------------------------------- on a rolling basis until


def test_a_rolling_basis_until_a_date_has_that_deadline_and_is_not_open_until_filled() -> None:
    posting = _posting(
        "We seek a records manager. We review applications on a rolling basis until"
        " 30 April 2027. Write to jobs@example.org."
    )
    assert (posting.deadline, posting.open_until_filled) == (date(2027, 4, 30), False)


def test_a_rolling_basis_with_no_date_is_open_until_filled() -> None:
    posting = _posting("We seek a records manager. We read applications on a rolling basis.")
    assert posting.open_until_filled is True


# ---------------------------------------------------------------- the employer's opening line

_FRONT = "title: Data Librarian\ndate: 2027-02-22\nkind: job\n"


@pytest.mark.parametrize(
    ("line", "org", "place"),
    [
        ("**Lakeshore University Library** — Kingston, Ontario", "Lakeshore University Library",
         "Kingston"),
        ("Moreton Bay University, Brisbane campus", "Moreton Bay University", "Brisbane"),
        ("Fenwick College Library - Hamilton", "Fenwick College Library", "Hamilton"),
    ],
)  # fmt: skip
def test_an_opening_line_gives_the_employer_and_its_place(line: str, org: str, place: str) -> None:
    posting = _posting(f"{line}\n\nThe librarian helps researchers.", _FRONT)
    assert posting.organization == org
    assert place in (posting.location or "")


def test_an_opening_line_that_is_a_sentence_names_no_employer_by_its_shape() -> None:
    posting = _posting("**Please read** — this role needs a driving licence.", _FRONT)
    assert posting.organization is None


def test_a_note_in_italics_before_the_first_words_is_passed_over() -> None:
    body = (
        "*Esta convocatoria también está disponible en español.*\n\n"
        "The Fundación Archivo de la Imagen, in Guadalajara, keeps photographs of the region."
        " We are looking for an archivist."
    )
    assert _posting(body, _FRONT).organization == "Fundación Archivo de la Imagen"


def test_a_place_between_commas_that_is_no_city_is_not_passed_over() -> None:
    body = "The Gallery of Prints, in particular, keeps drawings. We seek an archivist."
    assert _posting(body, _FRONT).organization != "Gallery of Prints"


# ---------------------------------------------------------------- where


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The library is based on the Hatfield campus in Pretoria.", "Pretoria"),
        ("Our building is in downtown Cleveland, Ohio.", "Cleveland"),
    ],
)
def test_a_campus_city_and_downtown_give_the_place(sentence: str, place: str) -> None:
    posting = _posting(f"We seek a records manager. {sentence}")
    assert place in (posting.location or "")


def test_downtown_in_lower_case_names_no_place() -> None:
    posting = _posting("We seek a records manager. Staff meet in downtown cafés.")
    assert posting.location is None


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Archivist (Leeds, hybrid)", "Leeds"),
        ("Developer (Glasgow or remote within the UK)", "Glasgow"),
        ("Cataloguer (New York, part-time)", "New York"),
        # a city alone in the bracket (round 9: a reader reads it as the place too)
        ("Archivist (Leeds)", "Leeds"),
    ],
)
def test_a_title_bracket_that_opens_with_a_city_gives_the_place(title: str, place: str) -> None:
    assert place_in_title(title) == place
    posting = _posting("We seek a records manager.", f"title: {title}\nkind: job\n")
    assert posting.location == place


@pytest.mark.parametrize(
    "title",
    ["Archivist (Grade 5, part-time)", "Archivist (Remote, UK)", "Archivist (Permanent)", "Leeds"],
)
def test_a_title_bracket_without_a_city_gives_no_place(title: str) -> None:
    assert place_in_title(title) is None


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Leeds", "Glasgow", "Bristol", "Sydney", "New York"]),
    st.sampled_from([", hybrid", ", remote", " or remote", ", 0.6 FTE"]),
    st.text(alphabet="abcdefgh -", max_size=20),
)
def test_any_city_first_in_a_bracket_is_read(city: str, rest: str, role: str) -> None:
    assert place_in_title(f"{role}Archivist ({city}{rest})") == city


def test_work_done_on_site_is_not_remote() -> None:
    posting = _posting("We seek a records manager in Leeds. This work is done on site.")
    assert posting.remote is False


# ---------------------------------------------------------------- pay and the kind of post


def test_an_amount_pro_rata_is_a_salary() -> None:
    posting = _posting("We seek a records manager.\n\n- 21 hours a week\n- £27,500 pro rata")
    assert (posting.salary_min, posting.salary_currency, posting.salary_period) == (
        Decimal(27500),
        "GBP",
        "year",
    )


def test_pro_rata_leave_is_no_salary() -> None:
    posting = _posting("We seek a records manager. Leave is 28 days a year pro rata.")
    assert posting.salary_min is None


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The University invites applications for a permanent post in its library.", "full-time"),
        ("Contract: permanent\n\nWe seek a records manager.", "full-time"),
        ("A permanent part-time post, 21 hours a week.", "part-time"),
        ("| | |\n|---|---|\n| Tenure | One year, extendable |\n\nWe seek one.", "temporary"),
        ("A part-time post, 20 hours a week. The contract runs for one year.", "temporary"),
    ],
)
def test_a_permanent_post_a_tenure_and_a_term(body: str, kind: str) -> None:
    assert _posting(body).employment_type == kind


@pytest.mark.parametrize(
    "body",
    [
        "We seek a records manager for our permanent collection.",
        "Canadians and permanent residents will be given priority. We seek a manager.",
    ],
)
def test_permanent_things_that_are_no_post(body: str) -> None:
    assert _posting(body).employment_type is None


def test_a_part_time_post_with_no_term_stays_part_time() -> None:
    posting = _posting("A part-time post, 20 hours a week. Our exhibitions run for a year.")
    assert posting.employment_type == "part-time"


# ---------------------------------------------------------------- a department label


def test_a_department_label_without_an_organisations_word_is_no_employer() -> None:
    body = (
        "The Harwick Museum of Glass seeks a registrar.\n\n| | |\n|---|---|\n"
        "| Department | Collections |\n"
    )
    assert _posting(body, _FRONT).organization == "Harwick Museum of Glass"


def test_a_department_label_with_an_organisations_word_names_it() -> None:
    body = "**Department:** Fenbridge University Library\n\nWe seek a registrar."
    assert _posting(body, _FRONT).organization == "Fenbridge University Library"


# ---------------------------------------------------------------- hosted by, and its city


def test_the_organisation_a_post_is_hosted_by_is_the_employer_and_its_city_the_place() -> None:
    body = (
        "Applications are invited for the post of Data Curator in a project funded by the"
        " Ministry and hosted by the Malabar Institute of Manuscripts, Kozhikode. Send your CV"
        " to jobs@example.in."
    )
    posting = _posting(body, "title: Data Curator (contractual)\nkind: job\n")
    assert posting.organization == "Malabar Institute of Manuscripts"
    assert posting.location == "Kozhikode"


@pytest.mark.parametrize(
    "body",
    [
        "The webinar is hosted by Maria Lopez. We seek a data curator.",
        "Our podcast, hosted by the curators, is weekly. We seek a data curator.",
    ],
)
def test_a_host_that_is_no_organisation_is_no_employer(body: str) -> None:
    posting = _posting(body, "title: Data Curator\nkind: job\n")
    assert posting.organization is None


def test_a_street_after_the_employers_name_is_no_city() -> None:
    body = "The Kestrel Library, Leeds Road, seeks a data curator. Write to jobs@example.org."
    posting = _posting(body, "title: Data Curator\nkind: job\n")
    assert posting.organization == "Kestrel Library"
    assert posting.location != "Leeds"

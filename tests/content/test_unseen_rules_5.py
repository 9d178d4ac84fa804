"""The rules the fifth round of unseen pages (test_unseen_pages_5.py) added outside the rule
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
from bot.content.money import pay
from bot.domain import PostingDraft


def _posting(
    body: str, front: str = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"
) -> PostingDraft:
    (posting,) = parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n").postings
    return posting


# ---------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    ("sentence", "amount", "currency"),
    [
        ("Salary: COP 6.500.000 per month.", "6500000", "COP"),
        ("Gross salary KES 180,000 per month.", "180000", "KES"),
        ("Remuneration: INR 35,000 per month (consolidated).", "35000", "INR"),
        ("Compensation: PHP 45,000 per month.", "45000", "PHP"),
        ("Salary: BRL 7.800,00 per month.", "7800", "BRL"),
        ("Salary: R$ 7.800,00 per month.", "7800", "BRL"),
        ("Remuneration: R 420 000 per annum (cost to company).", "420000", "ZAR"),
        ("The pay is 3,500 GHS per month.", "3500", "GHS"),
        ("Stipend: ₹40,000 per month.", "40000", "INR"),
        ("Salary: EUR 2 100 gross per month.", "2100", "EUR"),
    ],
)
def test_a_currency_named_by_its_code_or_sign_is_read(
    sentence: str, amount: str, currency: str
) -> None:
    posting = _posting(f"We seek a records manager.\n\n{sentence}")
    assert (posting.salary_min, posting.salary_currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    "sentence",
    [
        "You know PHP 8 and Python 3.",  # the language, not pesos
        "Experience with R 4.2 and Python is welcome.",  # the language, not rand
        "You know R, SQL and Python 3.",
        "Our CRM runs on PHP 7 servers.",
    ],
)
def test_a_code_that_is_also_a_word_is_no_salary(sentence: str) -> None:
    posting = _posting(f"We seek a records manager.\n\n{sentence}")
    assert posting.salary_min is None


@given(
    st.sampled_from(["COP", "KES", "INR", "BRL", "ZAR", "MXN", "NGN", "SGD", "PHP"]),
    st.integers(min_value=1000, max_value=99_999_999),
    st.sampled_from([",", ".", " "]),
)
@settings(max_examples=200, deadline=None)
def test_a_grouped_amount_after_a_code_is_read_whole(code: str, value: int, mark: str) -> None:
    written = f"{value:,}".replace(",", mark)
    found = pay(f"Salary: {code} {written} per month")
    assert (found.minimum, found.currency, found.period) == (Decimal(value), code, "month")


# ---------------------------------------------------------------- dates with the year first


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_a_date_written_year_first_is_year_month_day_whatever_the_mark(day: date) -> None:
    for mark in "-./":
        written = f"{day.year}{mark}{day.month:02d}{mark}{day.day:02d}"
        posting = _posting(f"We seek a records manager.\n\nApply by {written}.")
        assert posting.deadline == day, written


def test_a_dotted_date_with_the_year_last_is_still_day_first() -> None:
    posting = _posting("We seek a records manager.\n\nApply no later than 15.3.2027.")
    assert posting.deadline == date(2027, 3, 15)


def test_a_version_number_is_no_date() -> None:
    posting = _posting("We seek a records manager.\n\nWe run DSpace 2027.3.1a; apply soon.")
    assert posting.deadline is None


# ---------------------------------------------------------------- the employer


@pytest.mark.parametrize(
    ("body", "org"),
    [
        (
            "After a year of new projects, the Saltmarsh Digital Library is hiring two people.",
            "Saltmarsh Digital Library",
        ),
        (
            "Good news: the Osu Community Library in Accra is hiring! We need a page.",
            "Osu Community Library",
        ),
        (
            "Wikimedia Baltica is the independent Wikimedia chapter for Latvia. We need help.",
            "Wikimedia Baltica",
        ),
        (
            "The Open Identifier Registry (OIR) runs identifiers for research. We need help.",
            "Open Identifier Registry",
        ),
    ],
)
def test_the_employer_is_read(body: str, org: str) -> None:
    assert _posting(body).organization == org


@pytest.mark.parametrize(
    "body",
    [
        # an opening phrase whose last words are no organisation's
        "After a year of new projects, we are hiring two people.",
        "In short, our team is hiring.",
        # a chapter of a book is no organisation
        "Ruth Mbeki is the author of a chapter on archives. We need a records manager.",
    ],
)
def test_no_employer_is_made_up(body: str) -> None:
    assert _posting(body).organization is None


def test_a_project_the_body_quotes_is_no_employer() -> None:
    front = "title: Project Officer - Wikidata for Philippine Museums\ndate: 2027-01-04\n"
    body = (
        'The Kalinangan Open Knowledge Foundation is hiring a Project Officer for "Wikidata'
        ' for Philippine Museums", a project for regional museums.'
    )
    posting = _posting(body, front)
    assert posting.organization == "Kalinangan Open Knowledge Foundation"
    assert posting.title == "Project Officer"


def test_a_title_employer_the_body_does_not_quote_is_kept() -> None:
    front = "title: Project Officer - Philippine Museums Foundation\ndate: 2027-01-04\n"
    body = "The Philippine Museums Foundation is hiring a Project Officer for two years."
    assert _posting(body, front).organization == "Philippine Museums Foundation"

"""Pay across currencies: "best paid jobs" orders a board of dollars, pounds, kroner and
euros by a year's pay in dollars (rough rates, ``bot.domain.USD_PER_UNIT``), so "NOK 560,000"
(about $53,000) is not the best-paid post."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)
PAY = {
    "Boston": ("Archivist", "The salary is $90,000 per year."),
    "London": ("Curator", "The salary is £50,000 per year."),
    "Oslo": ("Librarian", "The salary is NOK 560,000 per year."),
    "Berlin": ("Cataloguer", "The salary is €3,000 per month."),
    "Uppsala": ("Conservator", "The salary is SEK 38,000 per month."),
}


def _page(city: str, title: str, pay: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{city.lower()}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: Petrel Archives
location: {city}
---
Petrel Archives seeks a {title.lower()} for its {city} office. {pay}

Apply by 30 June 2026 to jobs@petrel.example.org.
""",
    )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    pages = dict(_page(city, title, pay) for city, (title, pay) in PAY.items())
    with app_of(tmp_path_factory.mktemp("currencies"), pages, TODAY) as application:
        yield application


def test_the_loader_reads_each_currency(app: App) -> None:
    currencies = {p.title: p.salary_currency for p in app.ask("/jobs all").postings}
    assert currencies == {
        "Archivist": "USD",
        "Curator": "GBP",
        "Librarian": "NOK",
        "Cataloguer": "EUR",
        "Conservator": "SEK",
    }


def test_best_paid_orders_by_a_years_pay_in_dollars(app: App) -> None:
    listed = [p.title for p in app.ask("best paid jobs").postings]
    assert listed == ["Archivist", "Curator", "Librarian", "Conservator", "Cataloguer"]

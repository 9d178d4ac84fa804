"""Lists asked by pay in chat words: the best or lowest paid first, only the postings that
state a sum, the ones paid by the hour."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)


def _posting(slug: str, title: str, pay: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: Marsh Museum
tags: [jobs]
---
Marsh Museum is hiring a {title}. Location: Leeds, UK.

{pay}

Apply by 30 June 2026 to jobs@marsh.example.org.
""",
    )


PAGES = dict(
    [
        _posting("guide", "Gallery Guide", "Pay: £12.50 per hour, 15 hours a week."),
        _posting("curator", "Senior Curator", "Salary: £48,000 - £52,000 per year."),
        _posting("registrar", "Registrar", "Salary: £31,000 a year."),
        _posting("designer", "Exhibition Designer", "We offer a competitive salary."),
        _posting("porter", "Night Porter", "Working nights and weekends."),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("pay"), PAGES, TODAY) as application:
        yield application


def _titles(app: App, question: str) -> list[str]:
    return [p.title for p in app.ask(question).postings]


@pytest.mark.parametrize(
    ("question", "order", "period", "stated"),
    [
        ("whats the best paid job", "high", None, True),
        ("highest paying roles at marsh?", "high", None, True),
        ("lowest paid jobs", "low", None, True),
        ("any well paid jobs?", "high", None, True),
        ("which jobs pay well", "high", None, True),
        ("high-paying roles in leeds", "high", None, True),
        ("hourly jobs", None, "hour", False),
        ("jobs with salary listed", None, None, True),
        ("which jobs state the salary?", None, None, True),
        ("jobs in leeds", None, None, False),
    ],
)
def test_pay_asked_for_a_list(
    question: str, order: str | None, period: str | None, stated: bool
) -> None:
    f = understand(question, TODAY, ["Marsh Museum"]).filters
    assert (f.pay_order, f.pay_period, f.pay_stated) == (order, period, stated)


def test_the_best_paid_first(app: App) -> None:
    reply = app.ask("whats the best paid job")
    # an hourly rate counts for a year of full-time hours; a salary without a sum is no pay
    assert [p.title for p in reply.postings] == ["Senior Curator", "Registrar", "Gallery Guide"]
    assert "best paid first" in reply.text
    assert "£48,000" in reply.text


def test_the_lowest_paid_first(app: App) -> None:
    assert _titles(app, "lowest paid jobs") == ["Gallery Guide", "Registrar", "Senior Curator"]


def test_only_postings_that_state_a_sum(app: App) -> None:
    titles = set(_titles(app, "which jobs list a salary?"))
    assert titles == {"Senior Curator", "Registrar", "Gallery Guide"}


def test_paid_by_the_hour(app: App) -> None:
    assert _titles(app, "any hourly jobs?") == ["Gallery Guide"]

"""Pay and status in chat words: "six figure jobs", "under 30 bucks an hour", "401k", "what
can I still apply for"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)


def _posting(slug: str, title: str, pay: str, deadline: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: Puffin Museum
tags: [jobs]
---
Puffin Museum is hiring a {title}.

### Compensation

{pay}

### To Apply

Apply by {deadline} to jobs@puffin.example.org.
""",
    )


PAGES = dict(
    [
        _posting("director", "Museum Director", "$140,000 - $160,000 a year.", "30 June 2026"),
        _posting("guide", "Gallery Guide", "$18 per hour.", "30 June 2026"),
        _posting("registrar", "Registrar", "$60,000 a year.", "1 May 2026"),
    ]
)
PAGES["jobs/2026-04-20-director.md"] += "\nThe 401(k) plan matches 5% of salary.\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("chat-pay"), PAGES, TODAY) as application:
        yield application


def _titles(app: App, question: str) -> list[str]:
    return [p.title for p in app.ask(question).postings]


def test_six_figures_is_a_hundred_thousand_or_more(app: App) -> None:
    assert _titles(app, "six figure jobs?") == ["Museum Director"]
    assert _titles(app, "any six-figure salaries") == ["Museum Director"]


def test_bucks_are_dollars(app: App) -> None:
    assert _titles(app, "anything under 30 bucks an hour") == ["Gallery Guide"]


def test_401k_is_the_pages_401_k(app: App) -> None:
    assert "matches 5%" in app.ask("does the museum director job have a 401k match?").text


def test_what_can_i_still_apply_for_is_what_is_open(app: App) -> None:
    assert set(_titles(app, "what can i still apply for")) == {"Museum Director", "Gallery Guide"}


def test_a_small_amount_asked_is_a_rate_by_the_hour() -> None:
    def bounds(question: str) -> tuple[object, object]:
        q = understand(question, date(2026, 5, 4), []).search.query
        return q.salary_at_least, q.salary_at_most

    assert bounds("jobs paying under $20") == (None, 20 * 2080)
    assert bounds("anything over 25 dollars an hour") == (25 * 2080, None)
    assert bounds("jobs paying over $60k") == (60_000, None)

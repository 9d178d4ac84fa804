""" "Who's hiring this month?" asks who has a posting open in the month, not what closes in it
("anything closing this month?" does); "deadlines coming up?" are those of the next thirty
days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-10-open.md": """---
title: Oral Historian
date: 2026-04-10
organization: Wren Archive
tags: [jobs]
---
Wren Archive is hiring an Oral Historian. The position is open until filled.
Write to jobs@wren.example.org.
""",
    "jobs/2026-04-12-closing.md": """---
title: Cataloguer
date: 2026-04-12
organization: Finch Library
tags: [jobs]
---
Finch Library is hiring a Cataloguer. Apply by 20 May 2026 to jobs@finch.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("hiring-windows"), PAGES, TODAY) as application:
        yield application


def _titles(app: App, question: str) -> set[str]:
    return {p.title for p in app.ask(question).postings}


def test_hiring_this_month_is_what_is_open_in_it(app: App) -> None:
    assert _titles(app, "who's hiring this month") == {"Oral Historian", "Cataloguer"}
    assert _titles(app, "is anyone hiring this month?") == {"Oral Historian", "Cataloguer"}


def test_closing_this_month_is_still_the_deadline(app: App) -> None:
    assert _titles(app, "anything closing this month?") == {"Cataloguer"}


def test_deadlines_coming_up_are_the_next_thirty_days(app: App) -> None:
    assert _titles(app, "deadlines coming up?") == {"Cataloguer"}
    assert _titles(app, "any upcoming deadlines") == {"Cataloguer"}

"""A posting named by its title's initials ("the kelp md", "kelp tcm deadline"): the
initials spell out as the title's words, in order; a word the title holds stays a word."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.answer import _spelled_out

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-20-kelp-md.md": """---
title: Managing Director of the Kelp Data Trust
date: 2026-04-20
organization: Kelp Data Trust
tags: [jobs]
---
The Kelp Data Trust seeks a Managing Director. Minimum salary: $120,000.

Apply by 30 May 2026 to board@kelp.example.org.
""",
    "jobs/2026-04-21-kelp-community.md": """---
title: Technical Community Manager
date: 2026-04-21
organization: Kelp Data Trust
tags: [jobs]
---
Kelp Data Trust is hiring a Technical Community Manager. Salary: $70,000.

Apply by 2 June 2026 to community@kelp.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("initials"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("what's the salary for the kelp md", "Managing Director of the Kelp Data Trust"),
        ("what is the deadline for the kelp tcm", "Technical Community Manager"),
        ("is the kelp md job still open", "Managing Director of the Kelp Data Trust"),
    ],
)
def test_initials_name_the_posting(app: App, question: str, title: str) -> None:
    assert [p.title for p in app.ask(question).postings] == [title]


@pytest.mark.parametrize(
    ("asked", "title", "read"),
    [
        (["md"], ["manag", "director", "kelp"], ["manag", "director"]),
        (["tcm"], ["technic", "commun", "manag"], ["technic", "commun", "manag"]),
        (["dm"], ["manag", "director"], ["dm"]),  # out of order: no initials
        (["data"], ["data", "trust"], ["data"]),  # a word the title holds
        (["kdtm"], ["kelp", "data", "trust", "manag"], ["kdtm"]),  # four letters: a word
    ],
)
def test_spelled_out(asked: list[str], title: list[str], read: list[str]) -> None:
    assert _spelled_out(asked, title) == read

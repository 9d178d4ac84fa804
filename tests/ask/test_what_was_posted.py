""" "What did X post in 2019?" asks for X's postings that went up that year, as "what did X
have posted in 2019" does: the verb "post" after "did" is a cue of the posted window, not a
keyword a posting must hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)


def _page(day: str, org: str, title: str) -> tuple[str, str]:
    return (
        f"jobs/{day}-{title.lower().replace(' ', '-')}.md",
        f"""---
title: {title}
date: {day}
organization: {org}
tags: [jobs]
location: Perth, Australia
---
{org} is hiring a {title}. Apply within a month to jobs@example.org.
""",
    )


PAGES = dict(
    [
        _page("2019-02-11", "Quokka Archives", "Sound Archivist"),
        _page("2019-09-30", "Quokka Archives", "Records Clerk"),
        _page("2021-03-01", "Quokka Archives", "Web Developer"),
        _page("2019-05-05", "Numbat Library", "Cataloguer"),
        _page("2026-02-16", "Numbat Library", "Web Archivist"),
        _page("2025-06-02", "Numbat Library", "Digitiser"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("posted"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    ["what did quokka archives post in 2019?", "what jobs did quokka archives post in 2019"],
)
def test_what_an_organisation_posted_in_a_year(app: App, question: str) -> None:
    titles = sorted(p.title for p in app.ask(question).postings)
    assert titles == ["Records Clerk", "Sound Archivist"]


@pytest.mark.parametrize(
    ("question", "title"),
    [
        # said in May 2026: the last February and June, not the next ones
        ("did numbat library post anything in february?", "Web Archivist"),
        ("what did numbat library post in june?", "Digitiser"),
    ],
)
def test_a_month_posted_in_is_the_last_one(app: App, question: str, title: str) -> None:
    assert [p.title for p in app.ask(question).postings] == [title]

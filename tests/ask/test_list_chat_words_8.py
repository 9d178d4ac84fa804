"""More chat words of a list: job "ads" and "adverts" are postings, "still accepting
applications" and "taking applications" ask what is open, "any jobs left?" asks for the open
ones (not for postings that say "left"); "curator or archivist jobs" are either."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = dict(
    [
        located_posting("oslo", "Map Curator", "Oslo, Norway"),
        located_posting("bergen", "Sound Archivist", "Bergen, Norway"),
    ]
)
REMOTE = {
    "jobs/2026-04-22-editor.md": """---
title: Metadata Editor
date: 2026-04-22
organization: Skua Network
tags: [jobs]
---
Skua Network is hiring a Metadata Editor to work with our curators and archivists. This is a
fully remote position.

Apply by 30 June 2026 to jobs@skua.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("chat8"), PAGES | REMOTE, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "any job ads?",
        "any job adverts in norway?",
        "what's still accepting applications?",
        "is anyone taking applications?",
        "any jobs left?",
    ],
)
def test_every_open_posting(app: App, question: str) -> None:
    titles = sorted(p.title for p in app.ask(question).postings)
    everywhere = ["Map Curator", "Metadata Editor", "Sound Archivist"]
    in_norway = ["Map Curator", "Sound Archivist"]
    assert titles == (in_norway if "norway" in question else everywhere)


def test_an_ad_for_a_role(app: App) -> None:
    assert [p.title for p in app.ask("any ads for archivists?").postings] == ["Sound Archivist"]


@pytest.mark.parametrize("question", ["on-site jobs", "any in-person jobs in norway?"])
def test_on_site_is_not_remote_said_or_not(app: App, question: str) -> None:
    titles = sorted(p.title for p in app.ask(question).postings)
    assert titles == ["Map Curator", "Sound Archivist"]


@pytest.mark.parametrize(
    "question", ["any curator or archivist jobs?", "jobs for curators or archivists"]
)
def test_either_of_two_roles(app: App, question: str) -> None:
    # not the one posting whose text names both
    titles = sorted(p.title for p in app.ask(question).postings)
    assert titles == ["Map Curator", "Sound Archivist"]

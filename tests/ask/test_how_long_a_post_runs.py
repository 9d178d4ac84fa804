""" "How long is the plover internship?", "how long is the tern job?": how long the post
runs, which its sentences say in figures or in words ("twelve weeks", "a nine-month
contract")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "jobs/2026-11-03-plover-digitisation-intern.md": """---
title: Digitisation Intern
organization: Plover Museum
date: 2026-11-03
tags: [jobs]
location: Cork, Ireland
---
Plover Museum offers a paid internship in its photo studio. The internship runs for twelve
weeks from 1 June 2027. Interns are paid €14 an hour.

Apply by 15 January 2027 to studio@plover.example.org.
""",
    "jobs/2026-11-04-gannet-research-fellow.md": """---
title: Research Fellow in Book History
organization: Gannet Library
date: 2026-11-04
tags: [jobs]
location: Manchester, UK
---
Gannet Library invites applications for a fellowship in book history. The fellowship lasts
eighteen months.

Apply by 10 January 2027 to fellows@gannet.example.org.
""",
    "jobs/2026-11-05-tern-grants-officer.md": """---
title: Grants Officer
organization: Tern Foundation
date: 2026-11-05
tags: [jobs]
location: Leeds, UK
---
Tern Foundation is hiring a Grants Officer on a nine-month contract. Apply by 12 December
2026 to grants@tern.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("one-internship"), PAGES, TODAY) as application:
        yield application


def test_how_long_is_the_internship(app: App) -> None:
    reply = app.ask("how long is the plover internship?")
    assert "twelve\nweeks" in reply.text or "twelve weeks" in reply.text
    assert [p.title for p in reply.postings] == ["Digitisation Intern"]


def test_how_long_does_the_fellowship_last(app: App) -> None:
    assert "eighteen months" in app.ask("how long does the gannet fellowship last?").text


def test_how_long_is_the_contract(app: App) -> None:
    assert "nine-month contract" in app.ask("how long is the tern contract?").text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how long is the plover job?", "twelve"),
        ("how long is the tern grants officer post?", "nine-month contract"),
        ("how long is the tern job?", "nine-month contract"),
    ],
)
def test_how_long_is_asked_of_a_job(app: App, question: str, said: str) -> None:
    assert said in app.ask(question).text


def test_an_internship_without_the_is_a_list(app: App) -> None:
    # guard: "any internship in cork?" asks for the list
    reply = app.ask("any internship in cork?")
    assert reply.text.startswith("1 open posting matches")

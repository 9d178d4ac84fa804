"""A list asked "at" a kind of employer ("jobs at colleges", "openings at a museum"): the
organisation's name says it; a posting that names a college in its text ("near Owens
Community College") is not at one. "At a law firm" stays a word of the text (a client)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import parse_filters

TODAY = date(2026, 5, 4)


def _posting(slug: str, title: str, org: str, body: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: {org}
tags: [jobs]
---
{org} is hiring a {title}. {body}

Apply by 30 June 2026 to jobs@{slug}.example.org.
""",
    )


PAGES = dict(
    [
        _posting("gannet", "Instruction Librarian", "Gannet College", "Classes run all year."),
        _posting("heron", "Digital Archivist", "Heron University", "The lab is new."),
        _posting(
            "tern",
            "Library Director",
            "Tern Public Library",
            "The town is home to Owens Community College, a college of art and a museum of glass.",
        ),
        _posting("puffin", "Research Specialist", "Puffin Group", "The client is a law firm."),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("employers"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("jobs at colleges", ["Instruction Librarian"]),
        ("any openings at a university?", ["Digital Archivist"]),
        ("jobs at public libraries", ["Library Director"]),
        ("jobs at a law firm?", ["Research Specialist"]),
    ],
)
def test_the_employer_s_name_says_its_kind(app: App, question: str, titles: list[str]) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == sorted(titles)


def test_a_museum_named_only_in_the_text_is_no_employer(app: App) -> None:
    assert not app.ask("any openings at a museum").postings
    assert not app.ask("museum jobs?").postings


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("college jobs", ["Instruction Librarian"]),
        ("any university positions?", ["Digital Archivist"]),
    ],
)
def test_the_kind_before_a_job_noun(app: App, question: str, titles: list[str]) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == sorted(titles)


@pytest.mark.parametrize(
    ("said", "employer"),
    [
        ("jobs at colleges", "colleg"),
        ("remote jobs with a university", "universiti"),
        ("jobs at the library", "librari"),
        # the first of two kinds: a university's library is at a university
        ("any jobs at a university library?", "universiti"),
        ("jobs at public libraries", "librari"),
        # the kind before a job noun names the employer too; "library jobs" a kind of work
        ("college jobs", "colleg"),
        ("any university positions?", "universiti"),
        ("museum jobs in ohio", "museum"),
        ("library jobs", None),
        ("does the kelp college position require php?", None),
        ("archive jobs", None),
        ("jobs at a law firm", None),
    ],
)
def test_employer_read(said: str, employer: str | None) -> None:
    assert parse_filters(said, TODAY)[0].employer == employer

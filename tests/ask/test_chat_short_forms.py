"""Chat short forms for pay, events and cover: "comp" is compensation, "conf" a conference,
and health insurance is asked of a page that says medical coverage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import rewrite

TODAY = date(2026, 5, 4)
PAGES = {
    "jobs/2026-04-20-harbor-director.md": """---
title: Library Director
date: 2026-04-20
organization: Harbor County Library
tags: [jobs]
---
Harbor County Library seeks a Library Director. Location: Duluth, Minnesota.
The salary range is $120,000 - $140,000. Apply by 30 June 2026 to hr@harbor.example.org.

## Benefits

Fully paid medical and dental coverage for employees, and a pension plan.

## Working here

The library has eleven branches and a bookmobile.
""",
    "news/2026-03-01-harbor-conference.md": """---
title: Harbor Reading Conference 2026
date: 2026-03-01
organization: Harbor County Library
---
The 2026 Harbor Reading Conference will be held in Duluth on 12 September. The conference
is hosted by the Harbor County Library and the Lake Superior Writers' Guild.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("short"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("harbor director comp?", "harbor director compensation?"),
        ("what's the total comp", "what's the total compensation"),
        ("a comp sci degree", "a computer science degree"),
        ("who hosts the conf", "who hosts the conference"),
        ("any confs this fall", "any conferences this fall"),
        ("the compass and the confetti", "the compass and the confetti"),
    ],
)
def test_short_forms_are_read_whole(said: str, read: str) -> None:
    assert rewrite(said) == read


def test_comp_asks_the_salary(app: App) -> None:
    reply = app.ask("harbor director comp?")
    assert [p.title for p in reply.postings] == ["Library Director"]
    assert "$120,000 - $140,000" in reply.text


def test_who_hosts_the_conf(app: App) -> None:
    reply = app.ask("who hosts the 2026 harbor conf")
    assert "Lake Superior Writers' Guild" in reply.text


def test_health_insurance_is_asked_of_medical_coverage(app: App) -> None:
    reply = app.ask("does harbor pay for health insurance")
    assert "medical and dental coverage" in reply.text

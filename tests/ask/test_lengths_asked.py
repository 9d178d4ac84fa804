""" "How long" of a thing written ("how long should my proposal be?") asks its length in words
or pages: a passage of talks in minutes does not answer it, though it names proposals too.
"How long" of a talk still asks minutes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "faq/wren-call.md": """---
title: Call for proposals - Wren Imaging Meeting 2026
organization: Wren Imaging
kind: faq
---
## Format

The Wren programme committee invites proposals in these formats: 8 minute lightning talks;
20 minute presentations. A proposal may also be for a panel; each proposal is peer reviewed.

## How to submit

Please submit a proposal of 250-400 words for your presentation by March 2, saying why the
work matters.

## Questions

Write to programme@wren.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("lengths"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how long should my wren proposal be", "250-400 words"),
        ("how long can a proposal for wren be?", "250-400 words"),
        ("how long is a wren lightning talk", "8 minute"),
        ("how long are wren presentations", "20 minute"),
    ],
)
def test_a_length_asked_is_answered_in_its_unit(app: App, question: str, said: str) -> None:
    first = app.ask(question).text.split("\n")[0]
    assert said in first

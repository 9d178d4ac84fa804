""" "How often…?" is answered by the sentence that says how often ("every two months",
"monthly", "on the first Monday of each month"), not by another that shares its words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "kite-network-handbook.md": """---
title: Kite Heritage Network handbook
organization: Kite Heritage Network
layout: page
---

## Joining

New members are approved by the council at its next meeting, after a short call with the
secretary.

## Where the council meets

The council meets in the reading room of the Kite library in Utrecht.

## The council

The council has seven members. The council meets every two months.

## The newsletter archive

The newsletter archive on our website holds every issue of the newsletter since 2012.

## Newsletter

Our newsletter goes out monthly to all members and partners.

## Licence of the data export

The data export is released under CC0, so anyone may reuse it.

## Data export

We refresh the data export on the first Monday of each month.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("how-often"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how often does the kite council meet?", "every two months"),
        ("how often does the kite newsletter come out?", "monthly"),
        ("how often is the kite data export updated?", "first Monday of each month"),
    ],
)
def test_the_sentence_saying_how_often_answers(app: App, question: str, said: str) -> None:
    first = next(line for line in app.ask(question).text.splitlines() if line.startswith(">"))
    assert said in first

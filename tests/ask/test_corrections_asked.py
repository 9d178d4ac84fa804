""" "How do I report a mistake?" is answered under "Can I suggest a correction?": an error, a
mistake and a typo are what a correction puts right (one synonym group)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "linnet-gazetteer-faq.md": """---
title: Linnet Gazetteer FAQ
organization: Linnet Gazetteer
layout: page
---

## What is the Linnet Gazetteer?

The Linnet Gazetteer lists the historic place names of the Frisian coast with their sources.

## Can I suggest a correction?

Yes. Use the feedback form under each place name, or write to editors@linnet.example.org;
an editor checks every suggestion within two weeks.

## Can I reuse the place names?

All records are released under CC BY 4.0.

## How do I cite a record?

Each record shows a permanent link and a suggested citation at its foot.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("corrections"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "how do i report a mistake in the linnet gazetteer?",
        "who do i contact about an error in the linnet gazetteer?",
        "can i fix an error in the linnet gazetteer?",
        "where do i send errors in linnet place names?",
        "where do i send a typo in a linnet place name?",
    ],
)
def test_a_mistake_is_what_a_correction_puts_right(app: App, question: str) -> None:
    assert "editors@linnet.example.org" in app.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "how do i report a mistake in the linnet gazetteer?",
        "how do i flag a mistake in the linnet gazetteer?",
        "how do i signal an error in the linnet gazetteer?",
    ],
)
def test_a_verb_before_an_article_is_not_called_unsaid(app: App, question: str) -> None:
    """ "report a mistake": the page speaks of the mistake (a correction); "report" stands
    before "a", no thing the page holds, so the page is not said to be silent on it."""
    reply = app.ask(question)
    assert "editors@linnet.example.org" in reply.text
    assert "does not say" not in reply.text

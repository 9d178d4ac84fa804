"""To join is to become a member: "how do I become a member of X?" is answered under X's
"How can my gallery join?", not by a hire's "will help museums become alliance-compatible";
"the benefits of membership" by "Benefits of joining the alliance include:"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of
from wrenpages import WREN_PAGES

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    **WREN_PAGES,
    "news/2026-08-01-gallery-budget.md": """---
title: "Ostmark City Gallery announces its budget"
date: 2026-08-01
tags: [news]
---
Ostmark City Gallery will receive a budget of €12.5 million next year, mostly for
its new wing. Money from the city will also pay for a new image archive.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("joining"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "how do i become a wren alliance member?",
        "how do we become members of wren?",
        "how does a gallery become a wren member?",
        "how can our library become a wren alliance member?",
    ],
)
def test_becoming_a_member_is_joining(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "hello@wren-alliance.org" in reply.text
    assert "Tomas Quill" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "what are the benefits of wren membership?",
        "what are the benefits of being a wren member?",
        "what are the benefits of joining wren?",
    ],
)
def test_the_benefits_of_membership_are_those_of_joining(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "a vote on the technical roadmap" in reply.text
    assert "does not say" not in reply.text

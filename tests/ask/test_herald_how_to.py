"""A question about how to do something Herald's commands do is answered by their help,
unless a page of the store answers it: a community's own jobs board has its own rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

from bot.app import App

FAQ = """---
title: Jobs board FAQ
organization: Fenwick Archives Network
layout: page
---

## How do I post a job on the Fenwick jobs board?

Send the posting as a PDF to board@fenwick.example. Posting a job is free for member
archives; others pay a fee of $75 per posting.

## Who reads the board?

About 2,000 archivists in the region read it every week.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    root: Path = tmp_path_factory.mktemp("how-to")
    with app_of(root, {"pages/board-faq.md": FAQ}, date(2026, 12, 7)) as application:
        yield application


def test_a_page_that_says_how_answers_it(app: App) -> None:
    reply = app.ask("how do I post a job on the fenwick jobs board? is it free?")
    assert "Herald does that with" not in reply.text
    assert "board@fenwick.example" in reply.text


@pytest.mark.parametrize(
    ("question", "usage"),
    [
        ("how can I get job alerts?", "/jobs subscribe"),
        ("can you remind me before a deadline?", "/jobs remind"),
        ("how do i stop the job notifications", "/jobs unsubscribe"),
    ],
)
def test_what_no_page_says_is_answered_by_the_commands_help(
    app: App, question: str, usage: str
) -> None:
    reply = app.ask(question)
    assert reply.text.startswith("Herald does that with:")
    assert f"`{usage}" in reply.text

"""A message that starts with "jobs" but reads as a sentence ("jobs for someone who knows
ruby") is a question; "jobs remote" typed without a slash is still the command."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/kelp-developer.md": """---
title: Platform Developer
date: 2026-04-20
organization: Kelp Data Trust
tags: [jobs]
---
Kelp Data Trust wants a developer who writes Ruby and Python every day.

Location: Remote

Apply by 30 June 2026 to jobs@kelp.example.org.
""",
    "jobs/tern-clerk.md": """---
title: Circulation Clerk
date: 2026-04-22
organization: Tern Public Library
tags: [jobs]
---
Tern Public Library needs a clerk for its front desk. Spanish a plus.

Location: Leeds, UK

Apply by 12 June 2026 to hr@tern.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("sentences"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "line",
    ["jobs for someone who knows ruby", "jobs needing ruby", "jobs for a person who knows ruby"],
)
def test_a_sentence_after_jobs_is_read_as_a_question(app: App, line: str) -> None:
    reply = app.ask(line)
    assert [p.title for p in reply.postings] == ["Platform Developer"]
    assert (reply.understood or {}).get("intent") == "list"


def test_a_filter_after_jobs_typed_without_a_slash_stays_the_command(app: App) -> None:
    reply = app.ask("jobs remote")
    assert "`/jobs remote`" in reply.text
    assert [p.title for p in reply.postings] == ["Platform Developer"]


def test_a_typed_command_runs_as_typed(app: App) -> None:
    # with a slash the words are the command's: a posting must hold "someone" and "knows"
    reply = app.ask("/jobs for someone who knows ruby")
    assert reply.postings == ()
    assert "/jobs someone knows ruby" in reply.text

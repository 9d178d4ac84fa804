"""A job word after "the" ("does the kelp job need php?") names the posting asked about, as
its title does: on the posting's own page it says nothing of which passage answers, so the
passage holding "PHP" is quoted, not the one that opens with "Position Title:"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.search import _light_stems

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-20-kelp-web.md": """---
title: Web Lead - Kelp College
date: 2026-04-20
organization: Kelp College
tags: [jobs]
---
### Description

Position Title: Associate Librarian, Head of Web Services. Application Receipt Deadline:
May 30, 2026.

### Responsibilities

- Manage interface customizations and the integration of library applications.

### Qualifications

- Experience with HTML and CSS, with working knowledge of scripting languages such as
  JavaScript and PHP.

### To Apply

Email your resume to jobs@kelp.example.edu.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("the-job"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "does the kelp job need php",
        "does the kelp college position require php?",
        "what about php for the kelp job?",
    ],
)
def test_the_skill_asked_is_quoted_not_the_position_line(app: App, question: str) -> None:
    reply = app.ask(question)
    first = reply.text.split("\n")[0]
    assert "PHP" in first, reply.text


@pytest.mark.parametrize(
    ("question", "light"),
    [
        ("does the molloy job need php", True),
        ("tell me more about this role?", True),
        ("what does that position pay", True),
        ("is the metro jobs board free", False),  # the board is asked of
        ("what's the job code for the librarian", False),  # a noun follows
        ("how do i find a job", False),  # no posting named
    ],
)
def test_which_job_words_name_the_posting(question: str, light: bool) -> None:
    words = {w.lower() for w in question.replace("?", " ").replace("'", " ").split()}
    assert ("job" in _light_stems(question, words)) is light

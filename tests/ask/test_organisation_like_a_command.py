"""An organisation whose name is a letter away from a command ("Kelp" and ``/help``): a line
that starts with it and names it is a question about it, not a mistyped command; a line that
names no organisation and starts with a near-miss of a command ("jbos remote") still is one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-28-kelp-curator.md": """---
title: Collections Curator
date: 2026-04-28
organization: Kelp
location: Aberdeen, Scotland
---
Kelp, the coastal heritage trust, is looking for a collections curator.

Apply by 31 May 2026 to people@kelp.example.org.
""",
    "jobs/2026-04-30-tern-developer.md": """---
title: Web Developer
date: 2026-04-30
organization: Tern Archive
location: Remote
---
Tern Archive seeks a web developer; the role is fully remote.

Apply by 20 May 2026 to jobs@tern.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("kelp"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize("line", ["kelp jobs?", "kelp jobs", "Kelp hiring?"])
def test_a_line_naming_an_organisation_is_a_question_about_it(app: App, line: str) -> None:
    reply = app.ask(line)
    assert "Unknown command" not in reply.text
    assert [p.title for p in reply.postings] == ["Collections Curator"]


def test_a_near_miss_of_a_command_naming_no_organisation_is_a_mistyped_command(
    app: App,
) -> None:
    assert app.ask("jbos remote").text.startswith("Unknown command /jbos.")
    assert app.ask("/jbos remote").text.startswith("Unknown command /jbos.")

"""A question that names only an organisation ("what is arkivo?") is about the organisation:
its pages all hold the name, so the passage that says what it is must be found among many."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 3, 10)
ABOUT = "Arkivo is a non-profit alliance of regional archives that shares cataloguing tools."


def _news(i: int) -> str:
    return f"""---
title: Arkivo news {i}
date: 2025-{1 + i % 12:02d}-{1 + i % 27:02d}
organization: Arkivo
---
Arkivo welcomes the archive of town {i} as a member; Arkivo now counts {i + 20} members.
"""


JOB = f"""---
title: Cataloguer - Arkivo
date: 2026-03-01
organization: Arkivo
---
Arkivo is hiring a Cataloguer to describe donated collections, working with our members
across the region on shared cataloguing standards and on the records of small archives.

This is a full-time position; the salary is €38,000 a year. Qualifications: a degree in
archival studies and experience with cataloguing. Responsibilities include training
volunteers. Location: Lund, Sweden. To apply, send a CV and cover letter to
jobs@arkivo.example.org by April 30, 2026.

## About Arkivo

{ABOUT} Members pay no fee and meet twice a year.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    pages = {f"news/2025-arkivo-{i}.md": _news(i) for i in range(40)}
    pages["jobs/2026-03-01-arkivo-cataloguer.md"] = JOB
    with app_of(tmp_path_factory.mktemp("organisation"), pages, TODAY) as application:
        yield application


@pytest.mark.parametrize("question", ["what is arkivo?", "What's Arkivo?"])
def test_what_an_organisation_is_comes_from_the_page_that_says_it(app: App, question: str) -> None:
    reply = app.ask(question)
    assert ABOUT in reply.text.splitlines()[0]

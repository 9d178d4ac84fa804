"""A posting's hours or length as written in a schedule ("9:00 a.m. - 5:00 p.m.") or an
appointment's length ("a two-year appointment") are quoted with its kind of employment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-20-gull.md": """---
title: Project Coordinator
date: 2026-04-20
organization: Gull Humanities Lab
tags: [jobs]
---
Gull Humanities Lab is hiring a Project Coordinator.

* Work Schedule: 9:00 a.m. - 5:00 p.m., Monday to Friday
* Contract position; a two-year appointment, renewable.
* Requires 3 years of experience in grant administration.

Apply by 30 June 2026 to jobs@gull.example.org.
""",
    "jobs/2026-04-21-gull-remote.md": """---
title: Web Editor
date: 2026-04-21
organization: Gull Humanities Lab
tags: [jobs]
---
Gull Humanities Lab is hiring a Web Editor. This is a remote position. You must be able to
join team calls between UTC-5 and UTC+2.

Apply by 30 June 2026 to jobs@gull.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("schedule"), PAGES, TODAY) as application:
        yield application


def test_the_work_schedule_answers_what_hours(app: App) -> None:
    assert "9:00 a.m. - 5:00 p.m." in app.ask("gull project coordinator work hours").text


def test_the_appointments_length_answers_whether_it_is_permanent(app: App) -> None:
    text = app.ask("is the gull project coordinator job permanent").text
    assert "two-year appointment" in text
    assert "grant administration" not in text  # experience asked of the candidate is no length


def test_a_remote_workers_hours_answer_what_hours(app: App) -> None:
    assert "between UTC-5 and UTC+2" in app.ask("what hours must the gull web editor keep").text

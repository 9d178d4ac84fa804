"""Where the work is, asked in chat words: "from the UK for <organisation>", "outside the US",
a remote posting whose sentences name regions it works with (not where it is worked from),
the hours a remote worker must keep."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)
ORGS = ["Harbour Archive Network", "Quill Foundation"]
PAGES = {
    "jobs/2026-04-20-harbour-developer.md": """---
title: Catalogue Developer
date: 2026-04-20
organization: Harbour Archive Network
tags: [jobs]
---
Harbour Archive Network is hiring a Catalogue Developer. Remote, anywhere in Europe.
Apply by 30 June 2026 to jobs@harbour.example.org.
""",
    "jobs/2026-04-21-quill-editor.md": """---
title: Collections Editor
date: 2026-04-21
organization: Quill Foundation
tags: [jobs]
---
Quill Foundation is hiring a Collections Editor. Remote, anywhere in Europe.
Apply by 30 June 2026 to jobs@quill.example.org.
""",
    "jobs/2026-04-22-quill-organiser.md": """---
title: Community Organiser
date: 2026-04-22
organization: Quill Foundation
tags: [jobs]
location: Denver, CO or Remote
---
Quill Foundation is hiring a Community Organiser. The work will focus on partner
communities, many of which are in Latin America, Africa or South Asia.
You must be available for calls between 14:00 and 18:00 UTC.
Apply by 30 June 2026 to jobs@quill.example.org.
""",
    "jobs/2026-04-23-harbour-clerk.md": """---
title: Reading Room Clerk
date: 2026-04-23
organization: Harbour Archive Network
tags: [jobs]
location: Portland, OR
---
Harbour Archive Network seeks a Reading Room Clerk on site in Portland, Oregon.
Apply by 30 June 2026 to jobs@harbour.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("where"), PAGES, TODAY) as application:
        yield application


def test_the_words_after_the_askers_place_still_count() -> None:
    u = understand("can I work remotely from the UK for quill", TODAY, ORGS)
    assert u.filters.reachable_from is not None
    assert u.filters.reachable_from.name == "United Kingdom"
    assert u.search.query.organization == "quill"


def test_remote_work_from_a_country_for_one_organisation(app: App) -> None:
    reply = app.ask("can I work remotely from the UK for quill foundation")
    assert {p.organization for p in reply.postings} == {"Quill Foundation"}
    assert {p.title for p in reply.postings} == {"Collections Editor", "Community Organiser"}


def test_regions_a_posting_works_with_do_not_limit_where_it_is_worked_from(app: App) -> None:
    # "communities … in Latin America, Africa or South Asia" says whom the work is for
    reply = app.ask("i live in australia, any remote jobs for me")
    assert [p.title for p in reply.postings] == ["Community Organiser"]


def test_the_hours_to_keep_are_said_beside_where_the_work_is(app: App) -> None:
    reply = app.ask("I'm in Japan, can I do the quill community organiser job?")
    assert "From Japan: probably" in reply.text
    assert "14:00 and 18:00 UTC" in reply.text


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("jobs outside the US", "United States"),
        ("anything not in oregon", "Oregon"),
        ("remote roles outside of europe", "Europe"),
    ],
)
def test_a_place_left_out(question: str, name: str) -> None:
    u = understand(question, TODAY, ORGS)
    assert u.filters.outside is not None and u.filters.outside.name == name
    assert u.filters.place is None


def test_jobs_outside_a_country(app: App) -> None:
    titles = {p.title for p in app.ask("any jobs outside the US?").postings}
    # on site in Portland is in the US; remote from anywhere may be done outside it
    assert titles == {"Catalogue Developer", "Collections Editor", "Community Organiser"}


def test_jobs_outside_a_region(app: App) -> None:
    titles = {p.title for p in app.ask("any jobs outside europe?").postings}
    assert titles == {"Community Organiser", "Reading Room Clerk"}


def test_from_a_country_for_a_posting(app: App) -> None:
    reply = app.ask("can i work from spain for the quill collections editor")
    assert [p.title for p in reply.postings] == ["Collections Editor"]
    assert "From Spain: yes" in reply.text


@pytest.mark.parametrize(
    "question", ["any remote jobs in the EST time zone?", "jobs in the can", "jobs in the per diem"]
)
def test_a_short_word_after_the_is_no_country_code(question: str) -> None:
    # "est", "can", "per" are the ISO codes of Estonia, Canada and Peru, and words
    assert understand(question, TODAY, ORGS).filters.place is None

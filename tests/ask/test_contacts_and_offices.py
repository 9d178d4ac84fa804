"""Whom to write to and where things are: a posting's hiring manager is its contact, its time
zone is where the work is done, an organisation's office is asked of its pages (not of its
postings), and whom to contact about a news item is the address on that page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)
KELP = "Kelp Data Trust"
PAGES = {
    "jobs/2026-04-20-kelp-platform-lead.md": f"""---
title: Platform Lead
date: 2026-04-20
organization: {KELP}
tags: [jobs]
---
The {KELP} is hiring a Platform Lead for its registry.

We are a fully remote team, this means we don't have a physical office.
Requirements: five years of Python. Based in an EMEA timezone, preferably in Europe.
Travel twice a year to member meetings.

Send a CV to Noor Haddad (noor@kelp.example.org) by 30 June 2026.
""",
    "jobs/2026-04-22-kelp-support-officer.md": f"""---
title: Support Officer
date: 2026-04-22
organization: {KELP}
tags: [jobs]
---
The {KELP} wants a Support Officer to answer members' questions. Remote, anywhere in Europe.
Apply by 15 June 2026 to support@kelp.example.org.
""",
    "jobs/2026-04-25-tern-clerk.md": """---
title: Evening Clerk
date: 2026-04-25
organization: Tern Public Library
tags: [jobs]
---
Tern Public Library needs an evening clerk for its lending desk. Location: Leeds, UK.

Contact Information: Branch manager Ola Berg, ola.berg@tern.example.org
""",
    "news/2026-03-01-safe-streets.md": """---
title: Seeking a trainer for Safe Streets
date: 2026-03-01
organization: Tern Public Library
---
Safe Streets is a partnership of three public libraries and the city, teaching residents
how to keep their data private.

More than 200 library staff will be trained in the autumn.

Proposals are due on Friday 20 March. Please be in touch with Ada Lin, project manager, at
ada@tern.example.org with your questions.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("contacts"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    ["who's the hiring manager for the tern clerk job", "who is the recruiter for the clerk job"],
)
def test_a_postings_hiring_manager_is_its_contact(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "ola.berg@tern.example.org" in reply.text
    assert "which one do you mean" not in reply.text


def test_a_time_zone_asked_is_answered_by_the_sentence_naming_it(app: App) -> None:
    reply = app.ask("which time zone for the kelp platform lead")
    assert "Based in an EMEA timezone" in reply.text
    assert (reply.understood or {}).get("intent") == "posting"


def test_an_organisations_office_is_asked_of_its_pages(app: App) -> None:
    reply = app.ask("does kelp have an office in berlin")
    assert "don't have a physical office" in reply.text
    assert "which one do you mean" not in reply.text
    nowhere = app.ask("is there a tern office in paris")
    assert "I don't know" in nowhere.text
    assert not nowhere.postings


def test_whom_to_contact_about_a_news_item_is_the_address_on_its_page(app: App) -> None:
    for question in (
        "who do i contact about the safe streets project",
        "where do i send questions about safe streets",
    ):
        first = app.ask(question).text.splitlines()[0]
        assert "ada@tern.example.org" in first


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("can someone in spain do the kelp platform lead job", "From Spain: yes"),
        ("are people in canada allowed to apply for the kelp platform lead", "From Canada: no"),
    ],
)
def test_someone_in_a_place_asks_as_the_asker_in_it_does(
    app: App, question: str, line: str
) -> None:
    assert line in app.ask(question).text

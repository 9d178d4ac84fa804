"""A question that wants a person's name ("who is the X director now?", "who got the X
job?") is answered only by a passage that names one, from a page recent enough when it asks
who it is now; otherwise Herald says it does not know. Who belongs to a community is no
person asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "news/2018-03-01-programme-director.md": """---
title: Tern Network Programme Director Appointed
date: 2018-03-01
organization: Tern Network
---
Mara Quill has been appointed the new Programme Director of the Tern Network; she starts in
April 2018.
""",
    "jobs/2026-04-20-executive-director.md": """---
title: Executive Director
date: 2026-04-20
organization: Tern Network
tags: [jobs]
---
The Tern Network seeks an Executive Director to lead its staff and grow its membership in
North America and Europe.

Apply by 30 June 2026 to search@tern.example.org.
""",
    "faq/tern.md": """---
title: Tern Network - FAQ
kind: faq
organization: Tern Network
---
## Who is part of the Tern community?

The Tern community is made up of libraries, archives and volunteers who share bird records.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("person"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "who is the tern executive director now",  # the search for one names nobody
        "who is the tern programme director now",  # named in 2018: not who it is now
        "who is the current executive director of tern",
    ],
)
def test_no_page_names_who_holds_the_role_now(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.text.startswith("I don't know")
    assert reply.postings == ()


@pytest.mark.parametrize(
    "question", ["who is the tern programme director", "who got the tern programme director job"]
)
def test_a_page_naming_the_person_answers(app: App, question: str) -> None:
    assert "Mara Quill" in app.ask(question).text


def test_who_is_in_a_community_asks_for_no_person(app: App) -> None:
    assert "libraries, archives and volunteers" in app.ask("who is in the tern community").text


FUND_PAGES = {
    "faq/harbour-fund.md": """---
title: Harbour Access Fund
kind: faq
organization: Tern Network
---
## Eligibility

Non-profit archives in any country can apply to the Harbour Access Fund; companies cannot.
""",
    "jobs/2026-04-20-fund-officer.md": """---
title: Grants Assistant
date: 2026-04-20
organization: Tern Network
tags: [jobs]
---
The Tern Network seeks a Grants Assistant to help run the harbour access programme and the
fund's open calls.

Apply by 30 June 2026 to search@tern.example.org.
""",
}


def test_a_page_named_in_a_status_question_is_no_list(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with app_of(tmp_path_factory.mktemp("fund"), FUND_PAGES, TODAY) as application:
        reply = application.ask("is the harbour access fund open to companies")
    assert reply.postings == ()
    assert "companies cannot" in reply.text

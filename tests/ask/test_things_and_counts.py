"""Questions about things that are no jobs though they sound like lists: "which organisations
are hiring?" counts postings by organisation, "which organisations can apply to the fund?"
asks the fund's page, "how many staff will be trained in the NYC project?" asks a page named
after a place, and a "how many" is answered by the sentence with the count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)
PAGES = {
    "jobs/2026-04-20-kelp-platform-lead.md": """---
title: Platform Lead
date: 2026-04-20
organization: Kelp Data Trust
tags: [jobs]
---
The Kelp Data Trust is hiring a Platform Lead for its registry, funded by a regional grant.
Remote, anywhere in Europe. Apply by 30 June 2026 to noor@kelp.example.org.
""",
    "jobs/2026-04-22-kelp-support-officer.md": """---
title: Support Officer
date: 2026-04-22
organization: Kelp Data Trust
tags: [jobs]
---
The Kelp Data Trust wants a Support Officer. Remote, anywhere in Europe.
Apply by 15 June 2026 to support@kelp.example.org.
""",
    "jobs/2026-04-25-tern-clerk.md": """---
title: Evening Clerk
date: 2026-04-25
organization: Tern Public Library
tags: [jobs]
---
Tern Public Library needs an evening clerk. Location: Leeds, UK. Apply by 1 June 2026.
""",
    "faq/harbour-fund.md": """---
title: Harbour Access Fund
organization: Kelp Data Trust
---
# Harbour Access Fund

The Harbour Access Fund pays for regional archive projects around the North Sea.

## Eligibility (Who can apply):

- Non-profit archives and museums based on the coast can apply.

## Funding

- Projects receive up to EUR 20,000.
""",
    "faq/kelp-membership.md": """---
title: Kelp Data Trust membership
organization: Kelp Data Trust
---
## Membership fee

Annual membership fee: EUR 900 for each member organisation.

## Joining

Organisations join by writing to join@kelp.example.org; the board admits members in spring.
""",
    "news/2026-01-10-kelp-meeting.md": """---
title: Kelp annual meeting 2026
date: 2026-01-10
organization: Kelp Data Trust
---
The Kelp annual meeting 2026 will be held in Bergen on 3-5 June 2026.
""",
    "news/2026-03-01-leeds-safety.md": """---
title: Seeking a trainer for Leeds Digital Safety
date: 2026-03-01
organization: Tern Public Library
---
Leeds Digital Safety is a partnership of three public libraries and the city council, and its
curriculum should draw on library user profiles to illuminate the digital safety topics.

More than 200 library staff members will receive training on digital safety this autumn.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("things"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question", ["which organisations are hiring", "which orgs have posted jobs"]
)
def test_which_organisations_are_hiring_counts_postings_by_organisation(
    app: App, question: str
) -> None:
    reply = app.ask(question)
    assert "Kelp Data Trust: 2" in reply.text
    assert "Tern Public Library: 1" in reply.text


def test_which_organisations_may_apply_to_a_fund_asks_its_page(app: App) -> None:
    understood = understand(
        "which organisations can apply to the harbour access fund", TODAY, ["Kelp Data Trust"]
    )
    assert not understood.most_postings
    reply = app.ask("which organisations can apply to the harbour access fund")
    assert not reply.postings
    assert "Harbour Access Fund" in reply.text


def test_a_thing_asked_of_a_place_is_answered_by_the_page_named_after_it(app: App) -> None:
    reply = app.ask("how many library staff will get trained in the leeds digital safety project")
    assert "More than 200 library staff" in reply.text
    assert not reply.postings


def test_what_joining_costs_is_what_membership_costs(app: App) -> None:
    reply = app.ask("how much is it to join kelp")
    assert "EUR 900" in reply.text


def test_a_year_after_the_one_named_is_not_answered_by_the_one_named(app: App) -> None:
    assert "Bergen" in app.ask("when is the kelp annual meeting in 2026").text
    later = app.ask("when is the next kelp annual meeting after 2026")
    assert "I don't know" in later.text
    assert "Bergen" not in later.text.split("Closest topics")[0]


@pytest.mark.parametrize(
    "question",
    ["who can apply to the harbour access fund", "who can get money from the harbour access fund"],
)
def test_who_can_apply_is_asked_of_the_eligibility_section(app: App, question: str) -> None:
    assert app.ask(question).text.startswith("> Non-profit archives")

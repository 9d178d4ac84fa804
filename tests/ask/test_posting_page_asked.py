"""A question about one posting that asks no fact of its card is answered from the posting's
own page: its title's initials name it ("puffin tcm: do I need a degree?"), the words of
working are what the page says ("who does … work with?"), an organisation said twice is
asked of the second time, and a word of another organisation's name ("Gull Group") does not
hide the posting named ("what working group would the puffin tcm sit on?"), and words that
only ask ("needed", "involve") are not looked for in the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-21-puffin-tcm.md": """---
title: Technical Community Manager
date: 2026-04-21
organization: Puffin Data Trust
tags: [jobs]
---
Puffin Data Trust is hiring a Technical Community Manager to grow its community.

## Responsibilities

- Lead the adoption team and write its strategy.
- Be the Puffin representative on the Metadata Working Group.

## Required skills

- University degree.
- Working knowledge of XML and JSON.

## Why work for us

Flexible hours. We give 30 days of holiday a year. Competitive local salary.
Option to work in a co-working space with a paid contribution from us.

## To apply

Send a CV to community@puffin.example.org by 2 June 2026.
""",
    "jobs/2026-04-20-puffin-md.md": """---
title: Managing Director of the Puffin Data Trust
date: 2026-04-20
organization: Puffin Data Trust
tags: [jobs]
---
The Puffin Data Trust seeks a Managing Director. Minimum salary: $120,000.

## Relevant Skills & Experience

The elements below show the direction of the role; no candidate is expected to have deep
experience in all of them.

## The ideal candidate

- will understand the benefits of open data; previous experience with Puffin is not
  required;
- will have experience managing grant-funded projects.

Apply by 30 May 2026 to board@puffin.example.org.
""",
    "jobs/2026-04-19-gull-specialist.md": """---
title: Research Specialist - Gull Group
date: 2026-04-19
organization: Gull Group
tags: [jobs]
---
Gull Group seeks a Research Specialist for a law firm. Apply to jobs@gull.example.org.
""",
    "jobs/2026-04-18-gannet-pm.md": """---
title: Digital Humanities Project Manager
date: 2026-04-18
organization: Gannet University
tags: [jobs]
---
The Project Manager will work closely with the Institute's Director and staff to plan a
digital humanities programme.

Salary: $50,000. The final candidate is subject to a background check.

## Qualifications

- A minimum of three years of experience in a research office.
- Strong writing skills and experience with grant budgets.
- Travel to partner campuses is required. Candidates must hold a driving licence.

Apply by 31 May 2026 to hr@gannet.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("page-asked"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "title", "says"),
    [
        ("puffin tcm: do i need a degree", "Technical Community Manager", "University degree"),
        (
            "tcm at puffin - what working group would i sit on",
            "Technical Community Manager",
            "Metadata Working Group",
        ),
        (
            "puffin md: do i need puffin experience",
            "Managing Director of the Puffin Data Trust",
            "previous experience with Puffin is not",
        ),
        # a word the page puts otherwise: "holiday" for "vacation"
        ("puffin tcm: how much vacation", "Technical Community Manager", "30 days of holiday"),
        (
            "who does the gannet project manager work with",
            "Digital Humanities Project Manager",
            "work closely with the Institute",
        ),
        # words that only ask ("needed", "involve") are not looked for in the page
        (
            "gannet project manager years of experience needed",
            "Digital Humanities Project Manager",
            "three years of experience",
        ),
        (
            "does the gannet project manager job involve travel",
            "Digital Humanities Project Manager",
            "Travel to partner campuses",
        ),
    ],
)
def test_the_posting_s_page_answers(app: App, question: str, title: str, says: str) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == [title]
    assert says in reply.text


@pytest.mark.parametrize(
    ("question", "asks_pay"),
    [
        ("do they pay for coworking", False),
        ("does the museum pay for travel to conferences", False),
        ("how much do they pay for the role", True),
        ("what do they pay for a librarian", True),
        ("does it pay for experience with xml", True),
        ("what's the pay for this job", True),
    ],
)
def test_paying_for_a_thing_asks_no_wage(question: str, asks_pay: bool) -> None:
    assert ("salary" in understand(question, TODAY, []).asks) is asks_pay


def test_what_the_employer_pays_for_is_the_page_s_answer(app: App) -> None:
    """A cost the employer covers is no salary, and "coworking" is the page's "co-working"."""
    reply = app.ask("puffin tcm - do they pay for coworking")
    assert [p.title for p in reply.postings] == ["Technical Community Manager"]
    assert "co-working space with a paid contribution" in reply.text


def test_a_fact_asked_keeps_its_card(app: App) -> None:
    """The card's own facts are still the card's: no passage is looked for."""
    reply = app.ask("what's the salary for the puffin md")
    assert "$120,000" in reply.text
    assert "previous experience" not in reply.text

"""A posting named by a short form of its title ("the kelp tech lead") among other words
("… need management experience"): the organisation's postings are scored by their titles,
two words asked side by side as a title has them name it before a title that only holds both,
and the posting's own page answers the rest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-20-kelp-lead.md": """---
title: Technical Lead
date: 2026-04-20
organization: Kelp Data Trust
tags: [jobs]
---
Kelp Data Trust is hiring a Technical Lead for its search services.

## Requirements

- 3+ years of people management experience.
- Fluent in Rust.

## Why work for us

- 30 days of vacation time a year.

## To apply

Interviews will take place in the first half of June. Apply by 30 May 2026 to
lead@kelp.example.org.
""",
    "jobs/2026-04-22-kelp-director.md": """---
title: Director of the Kelp Data Trust
date: 2026-04-22
organization: Kelp Data Trust
tags: [jobs]
---
The Kelp Data Trust seeks a Director. Apply by 30 May 2026 to board@kelp.example.org.
""",
    "faq/kelp.md": """---
title: Kelp Data Trust - FAQ
kind: faq
organization: Kelp Data Trust
---
## What are the benefits of membership?

Members of the Kelp Data Trust get free training days and a say in the roadmap.
""",
    "jobs/2026-04-21-kelp-community.md": """---
title: Technical Community Manager
date: 2026-04-21
organization: Kelp Data Trust
tags: [jobs]
---
Kelp Data Trust is hiring a Technical Community Manager who will lead on adoption efforts and
manage the service providers programme.

Apply by 30 May 2026 to community@kelp.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("short-forms"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("does the kelp tech lead need management experience", "people management"),
        ("when are interviews for the kelp tech lead", "first half of June"),
        ("does the kelp technical lead need management experience", "people management"),
    ],
)
def test_a_short_form_names_the_posting_whose_page_answers(
    app: App, question: str, said: str
) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == ["Technical Lead"]
    assert said in reply.text


def test_paid_time_off_asks_no_salary(app: App) -> None:
    reply = app.ask("does the kelp technical lead get paid time off")
    assert "salary" not in (reply.understood or {}).get("asks", [])
    assert "30 days of vacation" in reply.text


def test_the_organisations_words_in_a_title_name_no_role(app: App) -> None:
    # "Kelp Data Trust perks" is about the trust, not about a posting titled with its name
    reply = app.ask("kelp data trust perks")
    assert reply.postings == ()

"""A name in a page's title asked by its initials ("who did heron trust hire as ceo?" of
"Heron Trust welcomes a new Chief Executive Officer", "when does the sgp close?" of "How to
apply to the Small Grants Programme"); and a hire asked of an organisation that also has a
posting open is asked of its news, not of the posting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "news/2026-11-10-heron-new-chief-executive.md": """---
title: Heron Trust welcomes a new Chief Executive Officer
organization: Heron Trust
date: 2026-11-10
tags: [news]
---
Mara Quill joins Heron Trust as its Chief Executive Officer in January. She led two county
record offices for a decade.
""",
    "jobs/2026-11-05-heron-volunteer-coordinator.md": """---
title: Volunteer Coordinator
organization: Heron Trust
date: 2026-11-05
tags: [jobs]
location: Bath, UK
---
Heron Trust is hiring a Volunteer Coordinator for its reading room.

Part-time, £14 an hour. Apply by 12 December 2026 to people@heron.example.org.
""",
    "grants/small-grants.md": """---
title: How to apply to the Small Grants Programme
organization: Lapwing Fund
layout: page
---
## Who can apply?

Any museum with fewer than ten staff can apply to the Small Grants Programme.

## When is the deadline?

Applications close on 1 March 2027.
""",
    "news/2026-11-12-lapwing-finance-director.md": """---
title: Lapwing Fund names a Chief Financial Officer
organization: Lapwing Fund
date: 2026-11-12
tags: [news]
---
Lapwing Fund has named Tomas Reyes its Chief Financial Officer. He starts next month.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("initials"), PAGES, TODAY) as application:
        yield application


def said(app: App, question: str) -> str:
    return app.ask(question).text


def test_a_hire_asked_by_initials(app: App) -> None:
    assert "Mara Quill" in said(app, "who did heron trust hire as ceo?")


def test_a_programme_asked_by_initials(app: App) -> None:
    assert "1 March 2027" in said(app, "when does the lapwing sgp close?")


def test_an_officer_named_by_initials(app: App) -> None:
    assert "Tomas Reyes" in said(app, "who is the new cfo at lapwing fund?")


def test_a_hire_is_asked_of_the_news_not_the_posting(app: App) -> None:
    text = said(app, "who did heron trust appoint as chief executive?")
    assert "Mara Quill" in text
    assert "Volunteer Coordinator" not in text.split("\\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "who did heron trust hire as ceo?",
        "who did heron hire to run the trust?",
        "who did heron trust hire as director?",
    ],
)
def test_a_hire_asked_gets_no_posting(app: App, question: str) -> None:
    # the news answers, or Herald says it does not know: the open posting is no hire
    assert not app.ask(question).postings

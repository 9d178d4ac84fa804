"""Questions asked of a community's other pages (fees, events, reports, rules) in words the
page says in another form: "spend" answered by "spent", "pay" by "paid", "what does it cost?"
by "is free"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "news/2026-10-02-plover-report.md": """---
title: "The Plover Map Society looks back on its year"
date: 2026-10-02
tags: [news]
---
The Plover Map Society has published its yearly review.

The society spent €31.000 on conserving its atlases. It paid €8.500 for a new flatbed scanner.
Its guide to map cataloguing was written by Mara Osterholt.
""",
    "plover-society-rules.md": """---
title: How the Plover Map Society works
organization: Plover Map Society
layout: page
---

## Meetings

Members' meetings are held in Leiden, in the reading room of the society.

## Missing meetings

A member who misses three meetings in a row loses their seat on the council.

## Dues

| Member | Dues per year |
|---|---|
| Individual | €40 |
| Library | €150 |

## Invoices

Invoices go out in March. An invoice that is not paid within sixty days closes the
member's access to the map archive.
""",
    "events/2026-11-05-plover-webinar.md": """---
title: "Webinar: reading old sea charts"
date: 2026-11-05
tags: [event]
---
The Plover Map Society runs a webinar on reading old sea charts on 10 December 2026 at
15:00.

## Joining the society

Members of the society pay a yearly subscription and receive its newsletter.

## Signing up

Sign up through the society's calendar. The webinar is free.
""",
    "events/2026-11-06-plover-reading-group.md": """---
title: "Plover reading group on coastal surveys"
date: 2026-11-06
tags: [event]
---
The Plover reading group meets online every second Wednesday to read coastal surveys
together. The reading group is free of charge and open to everyone.
""",
    "events/2026-11-08-plover-summer-school.md": """---
title: "Plover summer school 2027"
date: 2026-11-08
tags: [event]
---
The Plover summer school runs from 5 to 9 July 2027 in Delft.

## Rooms

Rooms in the student hall cost €45 a night for members of the society and €60 for others.

## Places

Places on the summer school are free for members of the society; others pay €300.
""",
    "events/2026-11-01-plover-autumn-school.md": """---
title: "Plover autumn school 2027"
date: 2026-11-01
tags: [event]
---
The Plover autumn school on chart restoration runs in Antwerp from 4 to 8 October 2027.

## Registration

Registration opens on 1 March 2027 through the school's website.

## Speakers

Our speakers come from six map libraries; a full list follows in spring.

## Newsletter

A subscription to the school's newsletter comes with every place.
""",
    "events/2026-11-07-harbour-tours.md": """---
title: "Harbour archive tours"
date: 2026-11-07
tags: [event]
---
The Harbour Archive shows visitors its stores on Saturday mornings. Tours are free, and
booking is not needed.
""",
    "events/2026-10-01-plover-symposium.md": """---
title: "Plover Symposium 2027: call for papers"
date: 2026-10-01
tags: [conference]
---
The Plover Symposium 2027 meets in Bruges in May 2027. Speakers pay a reduced fee of €120;
the registration fee for everyone else is €210.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("fee-event-pages"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how much did the plover society spend on its atlases?", "€31.000"),
        ("how much did the plover society pay for the scanner?", "€8.500"),
        ("where does the plover society hold its meetings?", "Leiden"),
        ("who wrote the plover guide to map cataloguing?", "Mara Osterholt"),
        ("how do i register for the plover autumn school?", "1 March 2027"),
        ("who will speak at the plover autumn school?", "six map libraries"),
        ("how do i subscribe to the autumn school newsletter?", "comes with every place"),
    ],
)
def test_a_verbs_other_form_answers(app: App, question: str, said: str) -> None:
    """ "spent", "held", "written", "registration", "speakers", "subscription" are "spend",
    "hold", "write", "register", "speak", "subscribe", which the stemmer keeps apart."""
    reply = app.ask(question)
    assert said in reply.text
    assert "does not say" not in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how much does the plover webinar cost?", "The webinar is free"),
        ("what's the fee for the plover reading group?", "free of charge"),
        ("how much do the harbour archive tours cost?", "Tours are free"),
        ("do the harbour tours have a fee?", "Tours are free"),
        ("how much is the plover summer school for members?", "free for members"),
    ],
)
def test_free_answers_what_it_costs(app: App, question: str, said: str) -> None:
    """ "is free", "free of charge" say the fee: nothing."""
    first = next(line for line in app.ask(question).text.splitlines() if line.startswith(">"))
    assert said in first


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("what wage does the plover symposium pay speakers?", "wage"),
        ("what are the plover summer school's wages?", "wages"),
        ("how much do speakers earn at the plover symposium?", "earn"),
    ],
)
def test_a_posts_fact_asked_of_another_page_is_said_unsaid(
    app: App, question: str, unsaid: str
) -> None:
    """A symposium's fees are no salary: the page is said to be silent on what was asked."""
    assert f"does not say anything about “{unsaid}”" in app.ask(question).text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("does the plover webinar cost anything?", "The webinar is free"),
        ("do the harbour archive tours cost anything?", "Tours are free"),
        ("does the plover reading group charge anything?", "free of charge"),
        ("does the plover summer school cost members anything?", "free for members"),
        ("does the plover symposium charge speakers anything?", "€120"),
    ],
)
def test_anything_a_verb_asks_is_no_list(app: App, question: str, said: str) -> None:
    """ "cost anything": "anything" is what it costs, not "anything posted?"."""
    assert said in app.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "what happens if a plover member doesn't pay an invoice?",
        "what happens if plover dues are not paid?",
        "what happens if we do not pay our plover dues?",
        "what happens when plover dues aren't paid?",
    ],
)
def test_what_follows_a_denial_is_said_by_a_denial(app: App, question: str) -> None:
    """ "If we don't pay…" asks what follows, said by "an invoice that is not paid…", not the
    dues' figures."""
    first = next(line for line in app.ask(question).text.splitlines() if line.startswith(">"))
    assert "sixty days" in first

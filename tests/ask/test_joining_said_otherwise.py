"""Joining and what members get, said in other words than the asker's: "how do I join X?" is
answered by the section on signing up, not by every passage that names members ("Members
may step down…"); "what are the benefits of membership?" by "What do members get?" and
"what do members receive?" by "members are sent…" (to receive only asks: what is received
answers). "How does a museum become a member?" still answers "how do we join?", and a page titled
"Become a member of X" answers it with what to do ("Fill in the card…"), not its opening."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "pellworth-faq.md": """---
title: Pellworth Print Network FAQ
organization: Pellworth Print Network
layout: page
---

## About us

The Pellworth Print Network connects the archives of printmakers in Wales.

## Getting started

Archives sign up with the form on our website; a welcome pack follows by post.

## Meetings

Members meet twice a year in Aberystwyth to share news of their collections.

## Stepping down

Members who wish to stop can tell the desk at desk@pellworth.example.org.
""",
    "tarnby-circle.md": """---
title: The Tarnby Map Circle
organization: Tarnby Map Circle
layout: page
---

## Who we are

The Tarnby Map Circle is a club for map collectors and curators in Cumbria.

## What do members get?

A pass to the winter map fair, our yearly atlas and a discount in the circle's shop.

## Rules for members

Members credit the circle whenever they publish a map from its collection.
""",
    "dunwell-guild.md": """---
title: Dunwell Guild of Archivists
organization: Dunwell Guild of Archivists
layout: page
---

The Dunwell Guild gathers record keepers from the towns along the river Dun.

Guild members are sent a printed bulletin each season and keep a seat at the annual dinner.

Members vote each spring on the guild's plans for the year ahead.
""",
    "tolver-faq.md": """---
title: Tolver Sound Archive FAQ
organization: Tolver Sound Archive
layout: page
---

## What is the Tolver Sound Archive?

The Tolver Sound Archive keeps oral history recordings from the Fens.

## How does a museum become a member?

Museums write to the keeper at keeper@tolver.example.org and send their collections policy.

## What do members do?

Members lend recordings to each other and meet once a year in Ely.
""",
    "quarrel-bay-join.md": """---
title: Become a member of the Quarrel Bay Photographic Society
organization: Quarrel Bay Photographic Society
layout: page
---

The Quarrel Bay Photographic Society gathers photographers who record the coast's history.

Members show their prints at the summer exhibition and borrow the society's darkroom.

Fill in the membership card and hand it to the secretary at any monthly meeting.
""",
    "news/2026-10-02-dunwell-grant.md": """---
title: "Dunwell Guild wins a town grant"
date: 2026-10-02
tags: [news]
---
The Dunwell Guild of Archivists will receive €4.000 from the town council to mend its
minute books, and volunteers will receive training in book repair.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("joined"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "how do we join the pellworth print network?",
        "how can our archive join pellworth?",
        "how do i sign up to the pellworth network?",
    ],
)
def test_joining_is_answered_by_signing_up(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "the form on our website" in reply.text.split("\n\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "how do we join the tolver sound archive?",
        "how does our museum join tolver?",
        "how can a library join the tolver archive?",
        "how does a museum join tolver?",
    ],
)
def test_joining_is_answered_by_becoming_a_member(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "keeper@tolver.example.org" in reply.text.split("\n\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "how do i join the quarrel bay photographic society?",
        "how can i join quarrel bay?",
        "how do we become members of the quarrel bay photographic society?",
    ],
)
def test_a_page_on_joining_answers_with_what_to_do(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "Fill in the membership card" in reply.text.split("\n\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "what are the benefits of tarnby map circle membership?",
        "what are the benefits of being a tarnby member?",
        "what are the perks of joining the tarnby map circle?",
    ],
)
def test_the_benefits_are_what_members_get(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "A pass to the winter map fair" in reply.text.split("\n\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "what do dunwell guild members receive?",
        "what do members of the dunwell guild receive?",
        "what does a dunwell guild member receive?",
        "what would i receive as a dunwell guild member?",
        "what benefits do dunwell guild members get?",
    ],
)
def test_what_members_receive_is_what_they_are_sent(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "a printed bulletin" in reply.text.split("\n\n")[0]

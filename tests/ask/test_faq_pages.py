"""An FAQ page Herald has never seen, asked in other words than its headings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

FAQ = """---
title: Frequently Asked Questions
organization: Baltic Heritage Aggregator
layout: page
---

## What is the Baltic Heritage Aggregator?

The Baltic Heritage Aggregator (BHA) collects metadata from museums, libraries and archives in
Estonia, Latvia and Lithuania and publishes it to Europeana. It was founded in 2015 by the
three national libraries.

## Who can contribute data?

Any heritage institution based in the Baltic states can contribute. Private collectors cannot
contribute directly, but may work through a partner museum.

## Does it cost anything to join?

Joining is free for public institutions. Private non-profit organisations pay an annual service
charge of €250.

## What metadata format do you accept?

We accept EDM (Europeana Data Model), LIDO and Dublin Core. CSV files are accepted for
collections of fewer than 1,000 records.

## How long does it take for my data to appear?

Most datasets are published within six weeks of delivery. Large datasets (over 100,000 records)
can take up to three months.

## What licence must images have?

Each digital object needs a rights statement from rightsstatements.org or a Creative Commons
licence. Objects without one are published as metadata only.

## Who do I contact for technical help?

Write to the helpdesk at support@bha.example.eu. The helpdesk answers within two working days.

## Can I remove my data later?

Yes. Send a withdrawal request to the helpdesk; records are removed from Europeana within 30
days.

## Where is the office?

The coordination office is in Riga, at the National Library of Latvia.

## How many institutions take part?

As of 2024, 212 institutions from the three countries contribute data.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    pages = {"faq/aggregator-faq.md": FAQ}
    with app_of(tmp_path_factory.mktemp("faq"), pages, date(2026, 3, 10)) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("what is bha?", "collects metadata from museums, libraries and archives"),
        ("can a private collector contribute?", "Private collectors cannot contribute directly"),
        ("how much does it cost for a private non-profit?", "annual service charge of €250"),
        # "license" asks what the page spells "licence"
        ("what license do my images need?", "a Creative Commons licence"),
        # the heading asks it ("Who do I contact for technical help?"); the answer does not
        ("who do i email for help?", "Write to the helpdesk at support@bha.example.eu"),
    ],
)
def test_questions_in_other_words_find_their_passage(
    app: App, question: str, sentence: str
) -> None:
    reply = app.ask(question)
    assert sentence in reply.text.splitlines()[0], reply.text


@pytest.mark.parametrize(
    "question",
    [
        # "support" in the helpdesk's address "support@…" is no answer
        "which formats are supported?",
        "do you accept marc records?",
    ],
)
def test_what_the_page_does_not_say_is_not_known(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.text.startswith("I don't know"), reply.text
    assert reply.understood is not None and reply.understood["answered"] is False

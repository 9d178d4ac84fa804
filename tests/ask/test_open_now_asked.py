"""A list that asks what is open today ("is X hiring?", "anything open now?") and finds only
past postings says none is open and counts them, without offering them; asked without such a
word ("jobs in Oslo"), the past postings are still listed, labelled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-03-02-curator.md": """---
title: Curator of Maps
date: 2026-03-02
organization: Fjord Map Society
tags: [jobs]
location: Oslo, Norway
---
The Fjord Map Society is hiring a Curator of Maps.

Apply by 10 April 2026 to maps@fjord.example.org.
""",
    "jobs/2026-04-01-registrar.md": """---
title: Registrar
date: 2026-04-01
organization: Tern Gallery
tags: [jobs]
location: Bergen, Norway
---
Tern Gallery is hiring a Registrar. Update: this position has been filled.
""",
    "jobs/2026-04-20-cataloguer.md": """---
title: Cataloguer
date: 2026-04-20
organization: Tern Gallery
tags: [jobs]
location: Lyon, France
---
Tern Gallery is hiring a Cataloguer. Apply by 30 June 2026 to jobs@tern.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("now"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "is the fjord map society hiring?",
        "anything open in norway right now?",
        "open jobs in oslo?",
        "any jobs in norway currently?",
    ],
)
def test_nothing_open_is_said_and_past_ones_are_not_offered(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.postings == ()
    assert "no open postings" in reply.text.lower()
    assert "past posting" in reply.text


@pytest.mark.parametrize("question", ["jobs in norway", "did fjord map society post jobs?"])
def test_without_a_word_of_now_past_postings_are_listed(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "Curator of Maps" in [p.title for p in reply.postings]


def test_open_until_filled_asks_no_now(app: App) -> None:
    reply = app.ask("which jobs in norway are open until filled?")
    assert "I found no open postings" not in reply.text


def test_an_open_posting_is_listed(app: App) -> None:
    reply = app.ask("is tern gallery hiring?")
    assert [p.title for p in reply.postings] == ["Cataloguer"]


@pytest.mark.parametrize(
    "question",
    [
        "is the fjord map society job still open?",
        "is the fjord job still accepting applications?",
        "has the fjord map society position closed?",
    ],
)
def test_the_state_of_one_job_named_by_its_employer_is_that_jobs(app: App, question: str) -> None:
    """ "Is the X job still open?" names one posting by its employer: its state and its
    deadline answer, not a count of past postings ("what's still open?" asks for a list)."""
    reply = app.ask(question)
    assert "Curator of Maps" in reply.text, reply.text
    assert "10 April 2026" in reply.text


def test_the_state_asked_quotes_the_sentence_that_decides_it(app: App) -> None:
    """The deadline that passed is quoted as the page says it, as a deadline asked is."""
    reply = app.ask("is the fjord map society job still open?")
    assert "the posting says: “Apply by 10 April 2026 to maps@fjord.example.org.”" in reply.text

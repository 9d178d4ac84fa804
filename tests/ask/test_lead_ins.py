"""What a chat message opens with before its question ("hey herald, …", "sorry one more: …",
"ok and …") asks nothing; "the toledo one" names the posting as "the toledo job" does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand, without_lead_in

TODAY = date(2026, 5, 4)

PAGES = {
    "jobs/2026-04-20-plover.md": """---
title: Systems Librarian
date: 2026-04-20
organization: Plover Public Library
tags: [jobs]
location: Dayton, OH
---
Plover Public Library is hiring a Systems Librarian.

Apply by 30 June 2026 to jobs@plover.example.org.
""",
    "faq/sandpiper.md": """---
title: Sandpiper Network - FAQ
kind: faq
organization: Sandpiper Network
---
## How much is membership?

Membership of the Sandpiper Network costs EUR 750 a year.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("lead-ins"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("hey herald, any jobs in ohio?", "any jobs in ohio?"),
        ("sorry one more: what does membership cost", "what does membership cost"),
        ("thx! also who do i email", "who do i email"),
        ("ok and whats the deadline", "whats the deadline"),
        ("yo any archivist jobs", "any archivist jobs"),
        ("yoga jobs", "yoga jobs"),
        ("hi", "hi"),
        ("thanks!", "thanks!"),
        ("sorting jobs by pay", "sorting jobs by pay"),
    ],
)
def test_a_lead_in_is_dropped_when_a_question_follows(said: str, asked: str) -> None:
    assert without_lead_in(said) == asked


def test_a_question_after_a_greeting_is_answered(app: App) -> None:
    reply = app.ask("hey herald, any jobs in ohio?")
    assert [p.title for p in reply.postings] == ["Systems Librarian"]
    assert "hey" not in reply.text.split("”")[-1]  # no "no posting mentions hey herald"


def test_a_question_after_an_apology_is_answered(app: App) -> None:
    assert "EUR 750" in app.ask("sorry one more: how much is sandpiper membership?").text


def test_the_x_one_names_the_posting(app: App) -> None:
    reply = app.ask("ok and whats the deadline for that plover one")
    assert "30 June 2026" in reply.text
    assert [p.title for p in reply.postings] == ["Systems Librarian"]


def test_a_greeting_alone_is_still_small_talk(app: App) -> None:
    assert (app.ask("hey").understood or {}).get("intent") == "smalltalk"


@pytest.mark.parametrize(
    "said",
    [
        "hi there",
        "hello herald!",
        "hey everyone",
        "good evening",
        "how are you?",
        "ok thanks",
        "thanks, Herald!",
        "thank you so much!",
        "goodbye",
        "cool",
        "what’s up?",
        "👍",
        "🎉🎉🎉",
    ],
)
def test_a_greeting_thanks_or_goodbye_said_to_the_bot_is_small_talk(said: str) -> None:
    """Not "I don't know" (and not a question logged as unanswered for the admins)."""
    read = understand(said, date(2026, 11, 21), ["DataCite"])
    assert read.intent == "smalltalk"
    assert read.reply


@pytest.mark.parametrize(
    "said", ["hi there, any remote jobs?", "thanks for the datacite jobs list", "ok remote jobs"]
)
def test_small_talk_words_before_a_question_leave_it_a_question(said: str) -> None:
    assert understand(said, date(2026, 11, 21), ["DataCite"]).intent != "smalltalk"


@pytest.mark.parametrize("said", ["more", "more?", "next page", "show more"])
def test_more_alone_says_how_to_see_the_next_page(said: str) -> None:
    """Herald keeps no conversation: "more" gets the way to the next page, not "I don't
    know"; "more remote jobs" is a question."""
    read = understand(said, date(2026, 11, 21), ["DataCite"])
    assert read.intent == "smalltalk" and "`/jobs page 2`" in read.reply
    assert understand("more remote jobs", date(2026, 11, 21), ["DataCite"]).intent == "list"


@pytest.mark.parametrize("said", ["...", "?!?!", "   "])
def test_punctuation_alone_is_asking_for_help(said: str) -> None:
    assert understand(said, date(2026, 11, 21), ["DataCite"]).intent == "help"

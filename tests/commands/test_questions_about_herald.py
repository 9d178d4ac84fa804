"""Questions about what Herald itself does ("how do I get notified of new jobs?") are
answered by the help of the command verb they ask about; the same words about a page's
topic ("how do I subscribe to the newsletter?") are left to the pages."""

from __future__ import annotations

from datetime import date

import pytest
from cmdfakes import NOW, FakeStore, ask, posting, sample_store

from bot.app import build_router
from bot.ask.understand import understand
from bot.domain import PostingQuery

TODAY = date(2026, 12, 7)
ORGANISATIONS = ["Lindqvist Centre", "Atlas of Open Maps"]


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("how can I get job alerts?", ("subscribe",)),
        ("how do i get notified when new positions are posted", ("subscribe",)),
        ("is there a way to be told of new openings? notifications would be great", ("subscribe",)),
        ("notify me of remote jobs", ("subscribe",)),
        ("can you remind me before the deadline of the map curator job?", ("remind",)),
        ("remind me about the lindqvist fellowship", ("remind",)),
        ("how do we advertise a vacancy here?", ("add",)),
        ("I'd like to post a job", ("add",)),
        ("how do I take down a posting?", ("remove",)),
        ("how do I unsubscribe?", ("unsubscribe",)),
        ("can i turn off the job announcements", ("unsubscribe", "subscribe")),
        # the verb's word alone, as typed in a direct message
        ("unsubscribe", ("unsubscribe",)),
        ("stop", ("unsubscribe",)),
        ("alerts?", ("subscribe",)),
    ],
)
def test_a_question_about_a_verb_asks_its_help(question: str, verbs: tuple[str, ...]) -> None:
    assert set(understand(question, TODAY, ORGANISATIONS).verbs) == set(verbs)


@pytest.mark.parametrize(
    "question",
    [
        "how do I subscribe to the lindqvist newsletter?",  # a page's topic, no job in it
        "how do I delete a record from the atlas?",
        "how can I apply for the post?",  # "post" the noun
        "how do I add my institution to the map registry?",
        "who do I email about the map curator job?",
        "what's new?",
        "any remote jobs?",
        "when does the reminder of the fellowship fall?",  # no asking how
    ],
)
def test_the_same_words_about_anything_else_are_no_help_question(question: str) -> None:
    assert understand(question, TODAY, ORGANISATIONS).verbs == ()


def test_the_verbs_help_answers_and_says_who_may_use_it() -> None:
    router, store = build_router(), sample_store()
    reply = ask(router, store, "how do I get notified of new jobs?")
    assert "`/jobs subscribe [filters]`" in reply.text
    assert "`/help jobs` says more." in reply.text
    assert not reply.postings and not reply.passages
    added = ask(router, store, "/ask how do I post a job here?")  # through /ask too
    assert "`/jobs add <markdown>`" in added.text and "(admins only)" in added.text
    assert "subscribe" not in added.text


@pytest.mark.parametrize(
    "question", ["who are you?", "What can I ask?", "what is herald", "how does this work?"]
)
def test_a_newcomer_asking_what_herald_is_gets_the_examples(question: str) -> None:
    assert understand(question, TODAY, ORGANISATIONS).intent == "help"
    reply = ask(build_router(), sample_store(), question)
    assert "Ask me in your own words" in reply.text and "/help" in reply.text


def test_the_same_words_in_a_longer_question_are_a_question() -> None:
    assert understand("who are you hiring in berlin?", TODAY, ORGANISATIONS).intent != "help"


def test_the_examples_name_postings_and_faq_pages_of_this_store() -> None:
    """Examples a newcomer can type as they are: each names an open posting or an FAQ
    organisation the store holds, never one of another site's content."""
    store = sample_store()
    text = ask(build_router(), store, "what can you do?").text
    q = PostingQuery(today=NOW.date())
    titles = [p.title.lower() for p in store.find_postings(q).items][:2]
    assert titles and f"`who do I email about the {titles[0]} job?`" in text
    assert f"`what does the {titles[1]} job pay?`" in text
    assert "`what is datacite?` · `/datacite <your question>`" in text
    for elsewhere in ("toledo", "managing director"):
        assert elsewhere not in text
    for line in [line for line in text.splitlines() if "job?`" in line or "pay?`" in line]:
        for example in line.split("`")[1::2]:
            assert ask(build_router(), store, example).postings, example


def test_a_title_too_long_to_retype_is_no_example() -> None:
    long = "Senior Coordinator of Digital Collections, Metadata and Outreach Programmes"
    store = FakeStore(
        postings=[
            posting("long", long, posted=NOW.date(), open_until_filled=True),
            posting("short", "Map Curator", posted=NOW.date(), open_until_filled=True),
        ]
    )
    text = ask(build_router(), store, "what can you do?").text
    assert "`who do I email about the map curator job?`" in text
    assert long.lower() not in text

"""Handlers that write (subscriptions, reminders, the question log) reach their records only
through the Context, so the in-memory store and books drive them with no database."""

from __future__ import annotations

from datetime import timedelta

from cmdfakes import (
    NOW,
    FakeStore,
    MemoryQuestions,
    MemoryReminders,
    MemorySubscriptions,
    make_context,
    make_router,
    posting,
)

from bot.commands import Reply, Request
from handlers import ask as questions

TODAY = NOW.date()


def _world() -> tuple[FakeStore, tuple[MemorySubscriptions, MemoryReminders, MemoryQuestions]]:
    store = FakeStore(
        postings=[
            posting(
                "archivist",
                "Digital Archivist",
                remote=True,
                deadline=TODAY + timedelta(days=20),
                posted=TODAY - timedelta(days=2),
            )
        ]
    )
    return store, (MemorySubscriptions(), MemoryReminders(), MemoryQuestions())


def _say(store: FakeStore, books: object, line: str, platform: str = "slack") -> Reply:
    request = Request.from_line(line, platform=platform, user="U1", channel="C1", is_dm=False)  # type: ignore[arg-type]
    ctx = make_context(store, request, books=books)  # type: ignore[arg-type]
    reply: Reply = make_router().dispatch(request, ctx)
    return reply


def test_subscribe_list_and_unsubscribe_in_memory() -> None:
    store, books = _world()
    subs = books[0]
    assert "Subscribed" in _say(store, books, "/jobs subscribe remote").text
    assert [s.filters_text for s in subs.for_channel("slack", "C1")] == ["remote"]
    assert "already subscribed" in _say(store, books, "/jobs subscribe remote").text
    assert "1 subscription" in _say(store, books, "/jobs subscriptions").text
    assert "Unsubscribed #1" in _say(store, books, "/jobs unsubscribe").text
    assert subs.for_channel("slack", "C1") == []


def test_remind_in_memory() -> None:
    store, books = _world()
    reply = _say(store, books, "/jobs remind archivist")
    assert "I will remind you" in reply.text
    assert [r.posting_id for r in books[1].for_user("slack", "U1")] == ["archivist"]
    assert "already have reminders" in _say(store, books, "/jobs remind archivist").text


def test_questions_are_logged_and_feedback_counted_in_memory() -> None:
    store, books = _world()
    log = books[2]
    reply = _say(store, books, "who runs the moon base?")
    assert any(a.label == "👎" for a in reply.actions)
    (qid,) = log.logged
    request = Request.from_line(f"/herald feedback {qid} down", platform="slack", user="U1")
    told = questions.feedback(make_context(store, request, books=books), f"{qid} down")
    assert "noted" in told.text
    assert log.logged[qid].unhelpful == 1
    assert [q.text for q in log.unanswered()] == ["who runs the moon base?"]


def test_without_books_the_handlers_say_what_is_missing() -> None:
    store, _books = _world()
    request = Request.from_line("/jobs subscribe remote", platform="slack", user="U1", channel="C1")
    reply = make_router().dispatch(request, make_context(store, request))
    assert "need Herald's database" in reply.text

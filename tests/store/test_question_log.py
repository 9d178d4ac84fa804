"""The question log on both stores: one row per question, counted however often and by
however many replicas it is asked."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.store import Store
from bot.store.models import QuestionRow
from bot.store.questions import QuestionStore

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _row(store: Store, text: str) -> QuestionRow:
    with store.transaction(write=False) as session:
        return session.scalars(select(QuestionRow).where(QuestionRow.text == text)).one()


def test_a_question_asked_again_is_counted_on_its_row(store: Store) -> None:
    log = QuestionStore(store)
    first = log.record("Is  DataCite hiring?", intent="list", answered=False, now=NOW)
    again = log.record(
        "is datacite HIRING?", intent="answer", answered=True, now=NOW + timedelta(1)
    )
    assert again == first
    row = _row(store, "is datacite hiring?")
    assert (row.asked, row.intent, row.answered) == (2, "answer", True)
    assert (row.first_asked, row.last_asked) == (NOW, NOW + timedelta(1))
    assert log.record("remote jobs", intent="list", answered=True, now=NOW) != first


def test_feedback_counts_on_the_row_the_question_returned(store: Store) -> None:
    log = QuestionStore(store)
    qid = log.record("how much is the fee?", intent="answer", answered=True, now=NOW)
    assert log.feedback(qid, helpful=False)
    assert [q.text for q in log.unanswered()] == ["how much is the fee?"]


def test_replicas_asking_a_new_question_at_once_count_it_every_time(store: Store) -> None:
    # Two processes each read "no such row" and inserted: the second failed on the unique
    # text and the person who asked got an error instead of an answer.
    logs = [QuestionStore(store) for _ in range(8)]
    with ThreadPoolExecutor(8) as pool:
        ids = list(
            pool.map(
                lambda log: log.record("who funds it?", intent="answer", answered=True, now=NOW),
                logs * 5,
            )
        )
    assert len(set(ids)) == 1
    assert _row(store, "who funds it?").asked == 40

"""The question log: which plain questions came, whether Herald answered, what people thought.

No user id is ever written: a question is kept as its normalised text with counters, so admins
learn which FAQ entry to write next (``/herald unanswered``) without a record of who asked.

Example::

    log = QuestionStore(store)
    qid = log.record("is datacite hiring?", intent="list", answered=True, now=now)
    log.feedback(qid, helpful=False)
    log.unanswered(10)        # [(text, asked, unhelpful, answered), …] worst first
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.domain import LoggedQuestion
from bot.store.fulltext import dialect_of
from bot.store.models import QuestionRow
from bot.store.store import Store

MAX_TEXT = 500


def normalise(text: str) -> str:
    """One row per question however it was spaced or capitalised."""
    return " ".join(text.lower().split())[:MAX_TEXT]


class QuestionStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, text: str, *, intent: str, answered: bool, now: datetime) -> int:
        """Count one asking of ``text``; returns its row id (what feedback buttons carry).
        One statement: replicas asking the same new question at once count it twice rather
        than fail on the unique text, and a question is not held up by a read and a write."""
        values = {
            "text": normalise(text),
            "intent": intent,
            "answered": answered,
            "asked": 1,
            "helpful": 0,
            "unhelpful": 0,
            "first_asked": now,
            "last_asked": now,
        }
        with self._store.transaction(content=False) as session:
            return int(session.execute(_record_sql(dialect_of(session)), values).scalar_one())

    def feedback(self, question_id: int, *, helpful: bool) -> bool:
        """Count a 👍 or 👎; False when no such question is logged."""
        column = QuestionRow.helpful if helpful else QuestionRow.unhelpful
        with self._store.transaction(content=False) as session:
            done = session.execute(
                update(QuestionRow)
                .where(QuestionRow.id == question_id)
                .values({column.key: column + 1})
            )
            return bool(getattr(done, "rowcount", 0))

    def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        """Questions Herald could not answer or whose answer got a 👎, most wanted first."""
        wanted = QuestionRow.unhelpful + case(
            (QuestionRow.answered.is_(False), QuestionRow.asked), else_=0
        )
        query = (
            select(QuestionRow)
            .where((QuestionRow.answered.is_(False)) | (QuestionRow.unhelpful > 0))
            .order_by(wanted.desc(), QuestionRow.last_asked.desc())
            .limit(limit)
        )
        with self._store.transaction(write=False) as session:
            return [
                LoggedQuestion(
                    r.id,
                    r.text,
                    r.intent,
                    r.answered,
                    r.asked,
                    r.helpful,
                    r.unhelpful,
                    r.last_asked,
                )
                for r in session.scalars(query)
            ]


@cache
def _record_sql(dialect: str) -> Any:
    """Insert a question, or count it again: the latest intent and outcome replace the last."""
    table = QuestionRow.__table__
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    taken = insert.excluded
    return insert.on_conflict_do_update(
        index_elements=[table.c.text],
        set_={
            "asked": table.c.asked + 1,
            "intent": taken.intent,
            "answered": taken.answered,
            "last_asked": taken.last_asked,
        },
    ).returning(table.c.id)

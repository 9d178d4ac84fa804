"""Full-text matching for postings and passages, on SQLite FTS5 and PostgreSQL tsvector.

Each function returns a subquery of ``(key, score)`` rows (higher score is better) that the
caller joins to its table, so the rest of a query reads the same on both backends.

Words typed by users are data: on SQLite every word becomes a quoted FTS5 string (``"`` is
doubled), on PostgreSQL it is a bound argument of ``plainto_tsquery``. Nothing a user types can
reach the query syntax, so ``AND``, ``NEAR``, ``*``, quotes or parentheses are just words.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from functools import reduce
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Subquery,
    case,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from bot.store.models import PassageRow, PostingRow

MAX_WORDS = 32
MAX_WORD_LENGTH = 100

_ENGLISH: ColumnElement[Any] = literal_column("'english'::regconfig")


def clean_terms(terms: Sequence[str]) -> list[str]:
    """Split terms into words worth matching: no control characters, at least one letter or
    digit (punctuation and emoji tokenize to nothing), bounded in length and number so a
    pasted essay stays a cheap query. Duplicates are dropped, order kept."""
    words: list[str] = []
    for term in terms:
        safe = term.encode("utf-8", "replace").decode("utf-8")
        safe = "".join(ch if ch.isprintable() else " " for ch in safe)
        for word in safe.split():
            if any(ch.isalnum() for ch in word):
                words.append(word[:MAX_WORD_LENGTH])
    return list(dict.fromkeys(words))[:MAX_WORDS]


def fts5_query(words: Sequence[str], *, any_word: bool) -> str:
    """An FTS5 MATCH expression in which every word is a quoted string."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    return (" OR " if any_word else " ").join(quoted)


def _sqlite(
    fts_name: str, weights: Sequence[float], words: Sequence[str], any_word: bool
) -> Subquery:
    fts = table(fts_name, column("rowid"))
    fts_column: ColumnElement[Any] = literal_column(fts_name)
    # bm25() is "lower is better"; negate so every backend ranks by a higher score.
    score = -func.bm25(fts_column, *(literal_column(repr(float(w))) for w in weights))
    return (
        select(fts.c.rowid.label("key"), score.label("score"))
        .where(fts_column.op("MATCH")(fts5_query(words, any_word=any_word)))
        .subquery()
    )


def _tsquery(words: Sequence[str], any_word: bool) -> ColumnElement[str]:
    parts = [func.plainto_tsquery(_ENGLISH, word) for word in words]
    return reduce(lambda a, b: a.op("||" if any_word else "&&")(b), parts)


_SQLITE_INDEX = {
    "postings": (
        "INSERT INTO postings_fts(rowid, title, organization, location, body) "
        "SELECT pk, title, organization, location, body FROM postings WHERE pk > :after"
    ),
    "faq_passages": (
        "INSERT INTO faq_passages_fts(rowid, question, text, page_title) "
        "SELECT id, question, text, page_title FROM faq_passages WHERE id > :after"
    ),
}


def index_inserted(
    session: Session, table: Literal["postings", "faq_passages"], after: int
) -> None:
    """Index rows inserted after key ``after`` (SQLite; PostgreSQL's column is generated).

    New keys are always above the old maximum: SQLite picks max(rowid) + 1.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(_SQLITE_INDEX[table]), {"after": after})


def postings_match(dialect: str, words: Sequence[str]) -> Subquery:
    """Postings containing every word, scored by relevance (title counts most)."""
    if dialect == "sqlite":
        return _sqlite("postings_fts", (10.0, 5.0, 2.0, 1.0), words, any_word=False)
    vector: ColumnElement[Any] = literal_column("postings.search_vector")
    query = _tsquery(words, any_word=False)
    # A word made only of stop words yields an empty tsquery; treat it as "no constraint",
    # as a dropped word, rather than matching nothing.
    matches = or_(func.numnode(query) == 0, vector.op("@@")(query))
    return (
        select(PostingRow.pk.label("key"), func.ts_rank_cd(vector, query).label("score"))
        .where(matches)
        .subquery()
    )


def passages_match(dialect: str, words: Sequence[str]) -> Subquery:
    """Passages containing any of the words, best first (question counts most)."""
    if dialect == "sqlite":
        return _sqlite("faq_passages_fts", (2.0, 1.0, 0.5), words, any_word=True)
    vector: ColumnElement[Any] = literal_column("faq_passages.search_vector")
    query = _tsquery(words, any_word=True)
    # ts_rank_cd knows nothing of how rare a word is, so a passage repeating one word would
    # beat a passage with all of them; weigh by how many of the words a passage has.
    matched = reduce(
        operator.add,
        [
            case((vector.op("@@")(_tsquery([word], any_word=True)), 1.0), else_=0.0)
            for word in words
        ],
    )
    return (
        select(
            PassageRow.id.label("key"), (func.ts_rank_cd(vector, query) * matched).label("score")
        )
        .where(vector.op("@@")(query))
        .subquery()
    )


__all__ = ["clean_terms", "fts5_query", "passages_match", "postings_match"]

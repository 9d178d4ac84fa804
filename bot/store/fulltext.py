"""Full-text matching for postings and passages, on SQLite FTS5 and PostgreSQL tsvector.

Each search returns a ``TextMatch`` the caller applies to its query (a join to the FTS table
on SQLite, a condition on the generated column on PostgreSQL) and a score to order by, higher
is better on both, so the rest of a query reads the same on both backends.

Words typed by users are data: on SQLite every word becomes a quoted FTS5 string (``"`` is
doubled), on PostgreSQL it is a bound argument of ``plainto_tsquery``. Nothing a user types can
reach the query syntax, so ``AND``, ``NEAR``, ``*``, quotes or parentheses are just words.
"""

from __future__ import annotations

import operator
import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from threading import Lock
from typing import Any, Literal, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Text,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.expression import TableClause

from bot.store.models import PassageRow, PostingRow

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])

Db = Session | Connection
"""Where a read runs: a Session inside a unit of work, or a bare Connection for the hot read
paths (a Session adds about 0.2 ms per statement, as much as the statement itself)."""

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


Others = Mapping[str, Sequence[str]]
"""The other words a searched word may be written as on a page, by word
(``PostingQuery.said_otherwise``): any of them matches in the word's place."""


def fts5_query(words: Sequence[str], *, any_word: bool, others: Others | None = None) -> str:
    """An FTS5 MATCH expression in which every word is a quoted string; a word with
    ``others`` is the group of it or any of them (each a phrase), which FTS5 joins to the
    rest only by a written AND."""
    quoted = [_fts5_any_of(word, (others or {}).get(word, ())) for word in words]
    grouped = any(q.startswith("(") for q in quoted)
    return (" OR " if any_word else " AND " if grouped else " ").join(quoted)


def _fts5_any_of(word: str, others: Sequence[str]) -> str:
    quoted = ['"' + said.replace('"', '""') + '"' for said in (word, *others)]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


@dataclass(frozen=True)
class TextMatch:
    """How a search narrows and ranks rows: a join (SQLite's FTS table) or a condition
    (PostgreSQL's generated column), and a score where higher is better."""

    score: ColumnElement[Any]
    join: Subquery | None = None
    on: ColumnElement[bool] | None = None
    condition: ColumnElement[bool] | None = None

    def apply(self, query: SelectT) -> SelectT:
        if self.join is not None and self.on is not None:
            query = query.join(self.join, self.on)
        if self.condition is not None:
            query = query.where(self.condition)
        return query


def _sqlite(
    fts_name: str,
    key: ColumnElement[int] | InstrumentedAttribute[int],
    weights: Sequence[float],
    query: str | ColumnElement[str],
) -> TextMatch:
    """``query``: an FTS5 expression (``fts5_query``), or a bound parameter for one."""
    fts = table(fts_name, column("rowid"))
    fts_column: ColumnElement[Any] = literal_column(fts_name)
    # bm25() is "lower is better"; negate so every backend ranks by a higher score.
    score = -func.bm25(fts_column, *(literal_column(repr(float(w))) for w in weights))
    found = (
        select(fts.c.rowid.label("key"), score.label("score"))
        .where(fts_column.op("MATCH")(query))
        .subquery()
    )
    return TextMatch(score=found.c.score, join=found, on=found.c.key == key)


_RESOLVED_KEPT = 4096
_Resolving = tuple[tuple[tuple[str, tuple[str, ...]], ...], bool]
_resolved: OrderedDict[_Resolving, tuple[str, tuple[str, ...]]] = OrderedDict()
_resolved_lock = Lock()


def _resolve_tsqueries(
    session: Db, words: Sequence[str], any_word: bool, others: Others | None = None
) -> tuple[str, tuple[str, ...]]:
    """PostgreSQL's own text form of the combined query and of each word's query.

    Computed once, in one round trip, and bound back as constants: inline, the STABLE
    ``plainto_tsquery`` would run again for every row (10x slower over 10,000 postings).
    The texts come from PostgreSQL's tsquery output, and are bound as parameters. They
    depend only on the words (the configuration is always 'english'), so the latest
    ``_RESOLVED_KEPT`` are kept: the round trip cost every search half a millisecond.
    """
    said = {word: tuple((others or {}).get(word, ())) for word in words}
    key = (tuple(said.items()), any_word)
    with _resolved_lock:
        if key in _resolved:
            _resolved.move_to_end(key)
            return _resolved[key]
    parts = [_tsquery_any_of(word, said[word]) for word in words]
    combined = reduce(lambda a, b: a.op("||" if any_word else "&&")(b), parts)
    row = session.execute(select(cast(combined, Text), *(cast(p, Text) for p in parts))).one()
    resolved = str(row[0]), tuple(str(part) for part in row[1:])
    with _resolved_lock:
        _resolved[key] = resolved
        while len(_resolved) > _RESOLVED_KEPT:
            _resolved.popitem(last=False)
    return resolved


def _tsquery_any_of(word: str, others: Sequence[str]) -> ColumnElement[Any]:
    """PostgreSQL's query of ``word`` or any phrase of ``others``."""
    found: ColumnElement[Any] = func.plainto_tsquery(_ENGLISH, word)
    for phrase in others:
        found = found.op("||")(func.phraseto_tsquery(_ENGLISH, phrase))
    return found


def _tsquery(query_text: str) -> ColumnElement[Any]:
    return cast(literal(query_text, Text), TSQUERY)


_SQLITE_INDEX = {
    "postings": (
        "INSERT INTO postings_fts(rowid, title, organization, location, body, posted_month) "
        "SELECT pk, title, organization, location, body, posted_month FROM postings "
        "WHERE pk > :after",
        # the leading fields alone, for the ranking (migration 0011)
        "INSERT INTO postings_head_fts(rowid, title, organization, location, posted_month) "
        "SELECT pk, title, organization, location, posted_month FROM postings WHERE pk > :after",
    ),
    "faq_passages": (
        "INSERT INTO faq_passages_fts(rowid, question, text, page_title) "
        "SELECT id, question, text, page_title FROM faq_passages WHERE id > :after",
    ),
}


def index_inserted(
    session: Session, table: Literal["postings", "faq_passages"], after: int
) -> None:
    """Index rows inserted after key ``after`` (SQLite; PostgreSQL's column is generated).

    New keys are always above the old maximum: SQLite picks max(rowid) + 1.
    """
    if dialect_of(session) == "sqlite":
        for statement in _SQLITE_INDEX[table]:
            session.execute(text(statement), {"after": after})


POSTING_WEIGHTS = (10.0, 5.0, 2.0, 1.0)  # title, organization, location, body
QUERY_TEXT = "text_query"
"""The bound parameter of ``postings_text_match``; ``postings_query_text`` gives its value."""


def match_postings(session: Db, words: Sequence[str]) -> TextMatch | None:
    """Postings containing every word, scored by relevance (title counts most).

    None when no word can be searched for (on PostgreSQL: only stop words), so the caller
    applies no text constraint rather than matching nothing.
    """
    query_text = postings_query_text(session, words)
    if query_text is None:
        return None
    if dialect_of(session) == "sqlite":
        return _sqlite("postings_fts", PostingRow.pk, POSTING_WEIGHTS, query_text)
    return _postgres_postings(_tsquery(query_text))


NAMING_FIELDS = ("title", "organization")
"""Where a posting named by its title is looked for (``PostingQuery.in_titles``)."""
HEAD_WEIGHTS = {"title": "A", "organization": "B", "location": "C"}
"""The weight ``head_vector`` gives each field on PostgreSQL (migration 0011)."""
_LEXEME = re.compile(r"'(?:[^']|'')*'")  # a lexeme in PostgreSQL's text of a tsquery


def postings_query_text(
    session: Db, words: Sequence[str], *, in_titles: bool = False, others: Others | None = None
) -> str | None:
    """What ``postings_text_match`` binds for ``words`` (all of them must match, a word or
    one of its ``others``): an FTS5 expression on SQLite, PostgreSQL's text of the tsquery;
    None when nothing can be searched for (no words; on PostgreSQL, only stop words).
    ``in_titles`` (SQLite): the words must be in ``NAMING_FIELDS``; PostgreSQL tests that
    apart (``titles_query_text``)."""
    if not words:
        return None
    if dialect_of(session) == "sqlite":
        if in_titles:
            return fts5_fields_query(words, NAMING_FIELDS, others)
        return fts5_query(words, any_word=False, others=others)
    combined, _ = _resolve_tsqueries(session, words, any_word=False, others=others)
    return combined or None


def fields_query_text(query_text: str, fields: Sequence[str]) -> str:
    """PostgreSQL: ``postings_query_text``'s query, each lexeme restricted to the weights of
    ``fields`` (``HEAD_WEIGHTS``), to test on ``head_vector``: on ``search_vector`` the text
    index cannot decide weights, and every candidate's whole vector would be read again.
    (``plainto_tsquery`` writes no prefix lexemes, which a weight would have to follow.)"""
    weights = "".join(HEAD_WEIGHTS[field] for field in fields)
    return _LEXEME.sub(lambda m: f"{m.group()}:{weights}", query_text)


def titles_query_text(query_text: str) -> str:
    """``fields_query_text`` of ``NAMING_FIELDS``: a posting named by its title."""
    return fields_query_text(query_text, NAMING_FIELDS)


def month_token(day: date | None) -> str:
    """The word a posting's full-text entry holds for its posted month (migration 0013
    writes it in SQL on each backend): ``pm201906``, or ``pmnone`` for an undated posting."""
    # the fields, not ``%Y%m``: strftime took 2 us, a keyword list asks 500 of them
    return f"pm{day.year:04d}{day.month:02d}" if day is not None else "pmnone"


def months_between(first: date, last: date) -> list[date]:
    """The first days of the months from ``first``'s month to ``last``'s, newest first."""
    months: list[date] = []
    year, month = last.year, last.month
    while (year, month) >= (first.year, first.month):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def in_months(dialect: str, query_text: str, tokens: Sequence[str]) -> str:
    """``query_text`` (what ``postings_query_text`` gives) narrowed to the postings whose
    posted month is one of ``tokens``: the index itself then intersects the words with the
    months, instead of Herald reading every match to test a few recent postings."""
    if dialect == "sqlite":
        months = " OR ".join(f'"{token}"' for token in tokens)
        return f"({query_text}) AND {{posted_month}} : ({months})"
    months = " | ".join(f"'{token}'" for token in tokens)
    return f"({query_text}) & ({months})"


def fts5_fields_query(
    words: Sequence[str], fields: Sequence[str], others: Others | None = None
) -> str:
    """An FTS5 expression matching rows that hold every word (or one of its ``others``)
    within ``fields`` (column names of the index): ``{title organization} : ("archivist"
    "remote")``."""
    query = fts5_query(words, any_word=False, others=others)
    return "{" + " ".join(fields) + "} : (" + query + ")"


def sqlite_matching_keys(fts_name: str, query: str | ColumnElement[str]) -> Select[Any]:
    """The keys of the rows of ``fts_name`` matching ``query``, as a subquery for ``IN``:
    SQLite reads them once into a temporary index, so testing a candidate is one lookup
    (asking FTS5 for one rowid costs 20-140 us, for every one of them)."""
    fts_column: ColumnElement[Any] = literal_column(fts_name)
    return (
        select(literal_column("rowid"))
        .select_from(table(fts_name))
        .where(fts_column.op("MATCH")(query))
    )


def sqlite_index_table(
    fts_name: str, query: str | ColumnElement[str]
) -> tuple[TableClause, ColumnElement[bool]]:
    """The index ``fts_name`` as a table to join from, and its condition for ``query``: a
    join driven by it reads the matches in key order, newest first with ``ORDER BY rowid
    DESC``, and stops at the ``LIMIT`` (a subquery of it would be read whole and sorted)."""
    fts = table(fts_name, column("rowid"))
    matched: ColumnElement[bool] = literal_column(fts_name).op("MATCH")(query)
    return fts, matched


def postings_text_match(
    dialect: str,
    key: ColumnElement[int] | InstrumentedAttribute[int] = PostingRow.pk,
    parameter: str = QUERY_TEXT,
) -> TextMatch:
    """``match_postings`` with the query text left as a bound parameter (``QUERY_TEXT``
    unless named), so a statement built on it can be built once and run with any words.
    ``key`` is the posting key to join on (SQLite), for a caller that reads postings through
    an alias."""
    query_text = bindparam(parameter, type_=Text)
    if dialect == "sqlite":
        return _sqlite("postings_fts", key, POSTING_WEIGHTS, query_text)
    return _postgres_postings(cast(query_text, TSQUERY))


def _postgres_postings(query: ColumnElement[Any]) -> TextMatch:
    vector: ColumnElement[Any] = literal_column("postings.search_vector")
    return TextMatch(score=func.ts_rank_cd(vector, query), condition=vector.op("@@")(query))


PASSAGE_WEIGHTS = (2.0, 1.0, 0.5)  # question, text, page title


def sqlite_passages_match() -> TextMatch:
    """SQLite's passage match with the FTS5 expression (``fts5_query(words, any_word=True)``)
    left as the bound parameter ``QUERY_TEXT``, so statements built on it are built once."""
    query_text = bindparam(QUERY_TEXT, type_=Text)
    return _sqlite("faq_passages_fts", PassageRow.id, PASSAGE_WEIGHTS, query_text)


def word_parameter(index: int) -> str:
    """The bound name of one word's tsquery in ``postgres_passages_match``."""
    return f"passage_word_{index}"


def postgres_passages_values(session: Db, words: Sequence[str]) -> dict[str, str] | None:
    """What ``postgres_passages_match`` binds for ``words``: the tsquery of any of them
    (``QUERY_TEXT``) and each word's (``word_parameter``); None when only stop words."""
    combined, per_word = _resolve_tsqueries(session, words, any_word=True)
    if not combined:
        return None
    own = [query for query in per_word if query]
    return {QUERY_TEXT: combined} | {word_parameter(i): query for i, query in enumerate(own)}


def postgres_passages_match(vector: ColumnElement[Any], words: int) -> TextMatch:
    """PostgreSQL's passage match on ``vector`` for ``words`` words bound as
    ``postgres_passages_values`` gives them, so a statement built on it is built once per
    number of words. ``ts_rank`` weighs a word by its field (question, text, page title)
    and how often it occurs; ``ts_rank_cd``'s cover density cost 3 ms more over the newest
    500 matches, and of 194 replies to our question sets it ordered 3 unlike SQLite's bm25
    (``ts_rank``: as SQLite). Neither knows how rare a word is, so a passage repeating one
    word would beat a passage with all of them: the score is weighed by how many of the
    words a passage has."""
    query = cast(bindparam(QUERY_TEXT, type_=Text), TSQUERY)
    per_word = [cast(bindparam(word_parameter(i), type_=Text), TSQUERY) for i in range(words)]
    matched = reduce(operator.add, [case((vector.op("@@")(q), 1.0), else_=0.0) for q in per_word])
    return TextMatch(score=func.ts_rank(vector, query) * matched, condition=vector.op("@@")(query))


def postings_match(dialect: str, words: Sequence[str]) -> Subquery:
    """Postings containing every word as a ``(key, score)`` subquery to join on
    ``PostingRow.pk``, for callers that build their own query (bot.store.deliveries).

    ``match_postings`` is the faster form on PostgreSQL; this one evaluates the tsquery per
    row and treats a query of stop words only as matching everything.
    """
    if dialect == "sqlite":
        expression = fts5_query(words, any_word=False)
        found = _sqlite("postings_fts", PostingRow.pk, POSTING_WEIGHTS, expression).join
        assert found is not None
        return found
    vector: ColumnElement[Any] = literal_column("postings.search_vector")
    parts: list[ColumnElement[Any]] = [func.plainto_tsquery(_ENGLISH, word) for word in words]
    query = reduce(lambda a, b: a.op("&&")(b), parts)
    return (
        select(PostingRow.pk.label("key"), func.ts_rank_cd(vector, query).label("score"))
        .where(or_(func.numnode(query) == 0, vector.op("@@")(query)))
        .subquery()
    )


def dialect_of(db: Db) -> str:
    return db.dialect.name if isinstance(db, Connection) else db.get_bind().dialect.name

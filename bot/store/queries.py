"""Reading postings: by filter and relevance, by id, and the store's counts.

A list of postings is found in two steps: the keys of one page (filtered, ranked, sorted on
narrow columns only), then the full rows of those few keys. Sorting thousands of matches with
their bodies attached would copy megabytes for five lines of reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar, Literal, NamedTuple, TypeVar, cast

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    Text,
    and_,
    any_,
    bindparam,
    case,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Alias

from bot.domain import (
    DEFAULT_FRESHNESS,
    Freshness,
    Posting,
    PostingHead,
    PostingPage,
    PostingQuery,
)
from bot.store.convert import to_posting
from bot.store.fulltext import (
    QUERY_TEXT,
    Db,
    clean_terms,
    dialect_of,
    fts5_fields_query,
    in_months,
    month_token,
    months_between,
    postings_query_text,
    postings_text_match,
    sqlite_index_table,
    sqlite_matching_keys,
    titles_query_text,
)
from bot.store.models import DocumentRow, PassageRow, PostingRow
from bot.store.names import like_escaped, organizations_like
from bot.store.types import Money

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])
Rows = Select[*tuple[Any, ...]]

ROWS_CHUNK = 500  # keys per IN-list when a caller asks for thousands of postings


class _IndexedAlias(Alias):
    """``postings AS listing``, read on SQLite through one named covering index only.

    A posting row holds its body (2-6 KB, about a page): checking "open? remote? deadline?"
    row by row reads a page per posting, through a covering index a few dozen pages in all.
    Without statistics SQLite's planner prefers the table (or the rowid), hence the
    ``INDEXED BY``; other backends get a plain alias. The indexes come from migrations
    0005-0007.
    """

    inherit_cache = True
    index: ClassVar[str]


class _ByKey(_IndexedAlias):
    """(pk, status, closed, deadline, …): one seek per full-text match."""

    inherit_cache = True
    index = "ix_postings_listing"


class _ByDeadline(_IndexedAlias):
    """(deadline, status, closed, …): lists without words walk it in deadline order."""

    inherit_cache = True
    index = "ix_postings_by_deadline"


class _ByOrganization(_IndexedAlias):
    """(organization, status, closed, deadline, …): counts for a few organisations' names."""

    inherit_cache = True
    index = "ix_postings_by_organization"


class _ByPosted(_IndexedAlias):
    """(posted, status, closed, deadline, …): keyword lists walk it newest first (0011)."""

    inherit_cache = True
    index = "ix_postings_by_posted"


@compiles(_ByKey, "sqlite")
@compiles(_ByDeadline, "sqlite")
@compiles(_ByPosted, "sqlite")
@compiles(_ByOrganization, "sqlite")
def _indexed_by(element: _IndexedAlias, compiler: SQLCompiler, **kw: Any) -> str:
    visit_alias: Callable[..., str] = compiler.visit_alias  # untyped in SQLAlchemy
    rendered = visit_alias(element, **kw)
    return f"{rendered} INDEXED BY {element.index}" if kw.get("asfrom") else rendered


def _alias(kind: type[_IndexedAlias]) -> type[PostingRow]:
    table = PostingRow.__table__
    return cast(type[PostingRow], aliased(PostingRow, kind._construct(table, name="listing")))


# built once: an alias proxies every column, which costs more than a small query
_ALIASES: dict[type[_IndexedAlias], type[PostingRow]] = {
    kind: _alias(kind) for kind in (_ByKey, _ByDeadline, _ByOrganization, _ByPosted)
}


def _listing(sqlite: bool, kind: type[_IndexedAlias]) -> type[PostingRow]:
    """The postings to filter and sort a list on; see ``_IndexedAlias``."""
    return _ALIASES[kind] if sqlite else PostingRow


def is_open(
    today: date | ColumnElement[date],
    rows: type[PostingRow] = PostingRow,
    *,
    fresh_from: date | ColumnElement[date],
    filled_from: date | ColumnElement[date],
) -> ColumnElement[bool]:
    """The SQL twin of ``Posting.state(...) == "open"`` (on ``rows``, the table or an alias of
    it); ``fresh_from`` / ``filled_from`` are ``Freshness.open_since`` of ``today``."""
    # an undated posting counts as posted today: published already, and fresh. Written
    # so, the test is no range of the posted index: PostgreSQL combined a year of posted
    # dates with an organisation's postings to count them (9 ms, not 3); queries that walk
    # by posted date say their own range
    posted = func.coalesce(rows.posted, today)
    return and_(
        rows.status == "active",
        rows.closed == false(),
        posted <= today,
        # every branch is TRUE or FALSE, never NULL: ``not_()`` of it counts the hidden ones
        or_(
            and_(rows.deadline.is_not(None), rows.deadline >= today),
            and_(
                rows.deadline.is_(None),
                or_(
                    posted >= fresh_from,
                    and_(rows.open_until_filled == true(), posted >= filled_from),
                ),
            ),
        ),
    )


def open_on(today: date, rows: type[PostingRow] = PostingRow) -> ColumnElement[bool]:
    """``is_open`` with the default freshness, for callers without a query of their own."""
    fresh = DEFAULT_FRESHNESS
    return is_open(
        today,
        rows,
        fresh_from=fresh.open_since(today, until_filled=False),
        filled_from=fresh.open_since(today, until_filled=True),
    )


@cache
def any_present_document() -> Select[int]:
    """One present document's key, if there is one (``ix_documents_status``)."""
    return select(DocumentRow.id).where(DocumentRow.status == "present").limit(1)


def get_posting(session: Session, posting_id: str) -> Posting | None:
    row = session.execute(
        select(PostingRow, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .where(PostingRow.id == posting_id)
    ).first()
    return None if row is None else to_posting(*row)


def all_postings(session: Session, include_inactive: bool) -> list[Posting]:
    query = (
        select(PostingRow, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .order_by(DocumentRow.source, PostingRow.position)
    )
    if not include_inactive:
        query = query.where(PostingRow.status == "active")
    return [to_posting(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class _Shape:
    """What decides the SQL of a list of postings; every value is bound when it runs."""

    sqlite: bool
    words: bool
    organization: bool
    remote: bool
    open_until_filled: bool
    deadline_from: bool
    deadline_to: bool
    include_inactive: bool
    capped: bool
    salary_at_least: bool = False
    salary_at_most: bool = False
    in_titles: bool = False  # PostgreSQL: the words also in titles or organisations


class _ListSql(NamedTuple):
    counts: Select[*tuple[Any, ...]]  # (listed, hidden); each stops at :over when capped
    words: _WordSql | None  # with words: the statements of a ranked list
    dated: Select[int] | None  # without: dated postings by deadline, :wanted of them
    undated: Select[int] | None  # then the undated ones, :limit after :offset


class _Walk(NamedTuple):
    """(key, posted) of listed matches in window order, :limit of them; run once, or in
    runs over spans of recent posted dates (``"recent"``, ``_recent_runs``) or ranges of keys
    (``"keys"``), newest first, until the limit is reached."""

    statement: Rows
    batches: Literal["", "recent", "keys"] = ""


class _WordSql(NamedTuple):
    """A keyword list (see ``RANKING``)."""

    walks: tuple[_Walk, ...]  # the window's walks, in window order
    ranked: Rows  # (key, score) of the postings :keys by rank, the first :limit
    hidden: Select[int]  # how many matches are not listed (stops at :over when capped)
    probe: Select[int]  # how many postings match, counting up to :window (PostgreSQL: 1,
    # or with ``in_titles`` the title matches up to :window)
    every: Rows | None  # (key, posted) of every listed match, when the probe counts them


RANKING = """How a keyword list is ordered (``/jobs developer``, ``find_postings`` with terms).

1. **Candidates**: the postings holding every word that the list shows (open ones, or with
   ``include_inactive`` everything, open ones first). When more than ``POSTING_WINDOW`` of
   them match, only a window is ranked: the first ``POSTING_WINDOW`` in *window order* —
   open before not open, then by posted date, newest first (undated after dated, newest key
   first) — and the rest follows in window order. Never by insertion order.
2. **Score** of a candidate = relevance × (1 + recency + urgency), where
   - relevance is the weight of the first group of fields in ``FIELD_WEIGHTS`` that holds
     every word (title 8; title and organisation 4; title, organisation and location 2),
     else 1 (the words are in the body): title ≫ organisation ≫ location ≫ body;
   - recency is the bonus of the first age in ``RECENCY`` the posted date is within
     (0.5 for a week, 0.35 for 30 days, 0.2 for 90, 0.1 for a year; 0 undated);
   - urgency is ``URGENCY``'s bonus when the deadline is today or within its days (0.25
     within 14 days).
   The bonuses add up to less than 1, so they reorder postings within a field group and
   never lift a posting above one whose words sit in a weightier field.
3. **Order**: open first (``include_inactive``), score, then deadline soonest, posted newest,
   id — the same order a list without words breaks ties with.
4. **Stopping early** (lists of open postings): the window is walked newest first in the
   spans of ``RECENCY``'s ages, and the candidates found so far are ranked after each span.
   When the last posting the page needs already scores more than any posting still to be
   walked could (``_best_after``: in titles, posted the day before the span's first day,
   with the deadline bonus), the walk stops: the page is the one the whole window gives.
   Most lists of a common word stop after a month of postings instead of reading 500.

Worked example, ``/jobs archivist`` on 2026-11-21:
- "Digital Archivist", posted 2026-11-18, deadline 2026-12-01: 8 × (1 + 0.5 + 0.25) = 14;
- "Archivist", posted 2026-08-01, no deadline, open until filled: 8 × (1 + 0.1) = 8.8;
- "Records Officer" at the "State Archivist's Office", posted 2026-11-20: 4 × 1.5 = 6;
- "Metadata Librarian" whose body mentions archivists, posted today, deadline in 3 days:
  1 × (1 + 0.5 + 0.25) = 1.75 — below every posting with the word in its title.

Why not BM25: the score is computed for every candidate of the window, which is chosen by
date, not by the index; FTS5 computes bm25() only while it scans the matches in key order
(about 2 us each: 150 ms for the 70,000 postings holding "developer" at 100,000), and asking
it for one posting's score costs 20-140 us. BM25's inverse document frequency also makes
a common word worth nothing (bm25 of "developer" is 1e-6 in generated data), so the fields
that hold the words are what tells postings apart. The field tests are set lookups in the
same kind of full-text index as the match (SQLite's ``postings_head_fts``, PostgreSQL's
``head_vector``: migration 0011), so the words are understood the same way as by the match.
"""

FIELD_WEIGHTS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("title",), 8.0),
    (("title", "organization"), 4.0),
    (("title", "organization", "location"), 2.0),
)
"""Groups of fields, weightiest first; see ``RANKING``. Body: ``BODY_WEIGHT``."""
BODY_WEIGHT = 1.0
RECENCY: tuple[tuple[int, float], ...] = ((7, 0.5), (30, 0.35), (90, 0.2), (365, 0.1))
"""(posted at most this many days ago, bonus), first that holds; see ``RANKING``."""
URGENCY: tuple[tuple[int, float], ...] = ((14, 0.25),)
"""(deadline at most this many days ahead, bonus), first that holds; see ``RANKING``."""
_VECTOR_WEIGHTS = {"title": "a", "organization": "b", "location": "c"}  # migration 0011
POSTING_WINDOW = 500
"""How many candidates of a keyword list are scored (see ``RANKING``): each costs about
1 us on SQLite, but finding more of them in window order costs more than a page is worth."""

TITLES_QUERY = "titles_query"  # PostgreSQL: the words in titles or organisations
RECENT_QUERY = "recent_query"  # the query text narrowed to some months since the horizon
UNDATED_QUERY = "undated_query"  # the query text narrowed to undated postings
RECENT_RUNS = "recent_runs"  # the values of the recent walk's runs (``_recent_runs``)
KEY_BATCH = 4096
"""The keys the first run of PostgreSQL's undated walk reads (newest first; each next run
four times as many): the text index yields every undated match of the words in no order,
and reading 3,000 of them to keep the newest 300 cost 8 ms at 100,000 postings."""

# the ≫ of ``RANKING``: no bonus lifts a posting over one of a weightier group of fields
_MOST = 1.0 + max(b for _, b in RECENCY) + max(b for _, b in URGENCY)
assert all(w > n * _MOST for w, n in pairwise([*(w for _, w in FIELD_WEIGHTS), BODY_WEIGHT]))


def _holds_words(sqlite: bool, rows: type[PostingRow], group: int) -> ColumnElement[bool]:
    """Whether the fields of ``FIELD_WEIGHTS[group]`` hold every word (bound ``fields_N``
    on SQLite, ``fts5_fields_query``; ``QUERY_TEXT`` on PostgreSQL)."""
    fields = FIELD_WEIGHTS[group][0]
    if sqlite:
        keys = sqlite_matching_keys("postings_head_fts", _bound(f"fields_{group}", Text))
        return rows.pk.in_(keys)
    weights = ",".join(_VECTOR_WEIGHTS[f] for f in fields)
    head: ColumnElement[Any] = literal_column("postings.head_vector")
    kept = func.ts_filter(head, literal_column(f"'{{{weights}}}'::\"char\"[]"))
    query: ColumnElement[Any] = sql_cast(_bound(QUERY_TEXT, Text), TSQUERY)
    held: ColumnElement[bool] = kept.op("@@", is_comparison=True)(query)
    return held


def _score(sqlite: bool, rows: type[PostingRow]) -> ColumnElement[float]:
    """``RANKING``'s score in SQL; the dates it compares with are bound (``_score_dates``)."""
    # the widest group first: most matches of a common word hold it in their bodies only,
    # and are told apart by one test instead of one per group
    widest = len(FIELD_WEIGHTS) - 1
    relevance = case(
        (
            _holds_words(sqlite, rows, widest),
            case(
                *((_holds_words(sqlite, rows, i), w) for i, (_, w) in enumerate(FIELD_WEIGHTS)),
                else_=BODY_WEIGHT,  # never: the widest group holds the words
            ),
        ),
        else_=BODY_WEIGHT,
    )
    today = _bound("today", Date)
    recency = case(
        *(
            (and_(rows.posted <= today, rows.posted >= _bound(f"posted_{days}", Date)), bonus)
            for days, bonus in RECENCY
        ),
        else_=0.0,
    )
    urgency = case(
        *(
            (and_(rows.deadline >= today, rows.deadline <= _bound(f"due_{days}", Date)), bonus)
            for days, bonus in URGENCY
        ),
        else_=0.0,
    )
    return relevance * (1.0 + recency + urgency)


def _score_values(today: date) -> dict[str, Any]:
    """The bound dates ``_score`` reads."""
    values: dict[str, Any] = {f"posted_{d}": today - timedelta(days=d) for d, _ in RECENCY}
    values.update({f"due_{d}": today + timedelta(days=d) for d, _ in URGENCY})
    return values


def _fields_values(words: Sequence[str], months: Sequence[str]) -> dict[str, str]:
    """SQLite's field tests of ``_holds_words`` for ``words``, reading the candidates' posted
    ``months`` of the index only, not every match of a word."""
    return {
        f"fields_{i}": in_months("sqlite", fts5_fields_query(words, fields), months)
        for i, (fields, _) in enumerate(FIELD_WEIGHTS)
    }


def _one_of(sqlite: bool, column: Any, name: str) -> ColumnElement[bool]:
    """``column`` is one of the bound list ``name``: on PostgreSQL one array, not a
    parameter per value (500 keys cost 2 ms more as 500 parameters)."""
    if sqlite:
        within: ColumnElement[bool] = column.in_(bindparam(name, expanding=True))
        return within
    return cast(ColumnElement[bool], column == any_(bindparam(name, type_=ARRAY(Integer))))


def _horizon(today: date, freshness: Freshness) -> date:
    """The earliest posted date at which a posting without a deadline can be open."""
    return min(freshness.open_since(today, until_filled=f) for f in (False, True))


def _bound(name: str, kind: Any) -> Any:
    return bindparam(name, type_=kind)


@cache
def _list_sql(shape: _Shape) -> _ListSql:
    """The statements of one shape of list, built once: building and hashing them costs more
    than running them (a few ms per /jobs otherwise)."""
    rows = _listing(shape.sqlite, _ByKey if shape.words else _ByDeadline)
    # counting one organisation's postings seeks its names instead of testing every posting
    by_organization = shape.organization and not shape.words
    counted_rows = _listing(shape.sqlite, _ByOrganization) if by_organization else rows
    match = postings_text_match("sqlite" if shape.sqlite else "postgresql", rows.pk)

    def filtered(query: SelectT, rows: type[PostingRow] = rows) -> SelectT:
        # withdrawn and removed postings are never listed nor counted, not even by /jobs all
        query = query.where(rows.status == "active")
        if shape.organization:
            query = query.where(rows.organization.in_(bindparam(NAMED, expanding=True)))
        if shape.remote:
            query = query.where(rows.remote == _bound("remote", Boolean))
        if shape.open_until_filled:
            query = query.where(rows.open_until_filled == _bound("open_until_filled", Boolean))
        if shape.deadline_from:
            query = query.where(rows.deadline >= _bound("deadline_from", Date))
        if shape.deadline_to:
            query = query.where(rows.deadline <= _bound("deadline_to", Date))
        if shape.in_titles:
            # tested on each posting a walk or count reads: offered the head index, PostgreSQL
            # intersected it with every walk (a title in 500 postings: 23 -> 37 ms at 100,000
            # postings); few title matches are read from the index (``_word_sql``)
            query = query.where(_in_titles().is_(true()))
        # a range's top reaches the amount, its bottom stays within it; one amount is both
        if shape.salary_at_least:
            top = func.coalesce(rows.salary_max, rows.salary_min)
            query = query.where(top >= _bound("salary_at_least", Money))
        if shape.salary_at_most:
            bottom = func.coalesce(rows.salary_min, rows.salary_max)
            query = query.where(bottom <= _bound("salary_at_most", Money))
        return query

    def matching(query: SelectT, rows: type[PostingRow] = rows) -> SelectT:
        return filtered(match.apply(query) if shape.words else query, rows)

    today = _bound("today", Date)
    window = {"fresh_from": _bound("fresh_from", Date), "filled_from": _bound("filled_from", Date)}
    listed = true() if shape.include_inactive else is_open(today, rows, **window)
    counted = true() if shape.include_inactive else is_open(today, counted_rows, **window)
    if shape.capped:

        def upto(condition: ColumnElement[bool]) -> Any:
            found = matching(select(literal(1)).select_from(counted_rows), counted_rows)
            over = found.where(condition).limit(_bound("over", Integer)).subquery()
            return select(func.count()).select_from(over).scalar_subquery()

        totals = select(upto(counted), upto(not_(counted)))
        hidden = select(upto(not_(counted)))
    else:
        every = select(func.count().filter(counted), func.count().filter(not_(counted)))
        totals = matching(every.select_from(counted_rows), counted_rows)
        unlisted = select(func.count().filter(not_(counted))).select_from(counted_rows)
        hidden = matching(unlisted, counted_rows)

    limit, offset = _bound("limit", Integer), _bound("offset", Integer)
    then_by: list[Any] = [rows.posted.is_(None), rows.posted.desc(), rows.id]
    if shape.words:
        return _ListSql(totals, _word_sql(shape, filtered, hidden), None, None)
    page = matching(select(rows.pk)).where(listed)
    dated = page.where(rows.deadline.is_not(None))
    if not shape.include_inactive:
        dated = dated.where(rows.deadline >= today)  # implied by ``listed``; makes it a range
    dated = dated.order_by(rows.deadline.asc(), *then_by).limit(_bound("wanted", Integer))
    undated = page.where(rows.deadline.is_(None)).order_by(*then_by).limit(limit).offset(offset)
    return _ListSql(totals, None, dated, undated)


def _word_sql(
    shape: _Shape, filtered: Callable[[Rows, type[PostingRow]], Rows], hidden: Select[int]
) -> _WordSql:
    """The statements of a keyword list (``RANKING``); ``filtered`` adds the filters other
    than the words, ``hidden`` counts the matches that are not listed.

    The window is found by walks, one after the other, each in window order: the postings
    posted since the horizon, newest first (the full-text index holds each posting's posted
    month as a word, migration 0013, so it answers "these words in these two months"
    itself); those posted earlier whose deadline is still ahead; the undated ones, newest
    key first; with ``include_inactive``, then the others. Counting and ranking come after
    (``_keyword_page``)."""
    dialect = "sqlite" if shape.sqlite else "postgresql"
    today = _bound("today", Date)
    fresh = {"fresh_from": _bound("fresh_from", Date), "filled_from": _bound("filled_from", Date)}
    limit = _bound("limit", Integer)

    by_key = _listing(shape.sqlite, _ByKey)
    score = _score(shape.sqlite, by_key).label("score")
    order: list[Any] = []
    if shape.include_inactive:  # open ones first
        order.append(case((is_open(today, by_key, **fresh), 0), else_=1))
    order += [score.desc(), by_key.deadline.is_(None), by_key.deadline]
    order += [by_key.posted.is_(None), by_key.posted.desc(), by_key.id]
    ranked = select(by_key.pk, score).where(_one_of(shape.sqlite, by_key.pk, "keys"))
    ranked = ranked.order_by(*order).limit(_bound("limit", Integer))

    def from_index(words: str) -> tuple[Rows, ColumnElement[int]]:
        """SQLite: (key, posted) of the matches of ``words``, read from the full-text index
        in key order and joined to the postings; and the index's key to order by."""
        fts, matched = sqlite_index_table("postings_fts", _bound(words, Text))
        query = select(by_key.pk, by_key.posted).select_from(fts)
        return query.join(by_key, by_key.pk == fts.c.rowid).where(matched), fts.c.rowid

    def walk(
        kind: type[_IndexedAlias],
        conditions: Callable[[type[PostingRow]], list[ColumnElement[bool]]],
        *,
        words: str = QUERY_TEXT,
        undated: bool = False,
    ) -> Rows:
        """(key, posted) of the listed matches of ``words`` (a bound query text) on one
        range of an index, in window order, :limit of them."""
        walked = _listing(shape.sqlite, kind)
        newest = [walked.pk.desc()] if undated else [walked.posted.desc(), walked.pk.desc()]
        query: Rows
        if shape.sqlite and undated:
            # the index yields the undated matches newest key first: it drives, and stops
            # at :limit (walking the undated postings read them all when matches were few)
            walked = by_key
            query, key = from_index(words)
            query = query.where(*conditions(walked))
            newest = [key.desc()]
        elif shape.sqlite:
            # the index's own columns first (SQLite tests in the order written), then one
            # lookup per candidate in the matches, read once
            keys = sqlite_matching_keys("postings_fts", _bound(words, Text))
            query = select(walked.pk, walked.posted).where(*conditions(walked))
            query = query.where(walked.pk.in_(keys))
        else:
            query = select(walked.pk, walked.posted).where(*conditions(walked))
            if undated:  # a range of keys at a time (``KEY_BATCH``)
                key_from, key_to = _bound("key_from", Integer), _bound("key_to", Integer)
                query = query.where(walked.pk > key_from, walked.pk <= key_to)
            has_words = postings_text_match(dialect, walked.pk, words).condition
            assert has_words is not None
            if kind is _ByDeadline:
                # few postings, found by (status, deadline, posted) (migration 0013): the
                # words are tested on each; written so, PostgreSQL does not intersect the
                # whole text index with the index
                has_words = has_words.is_(true())
            query = query.where(has_words)
        query = filtered(query, walked)
        if kind is _ByDeadline and not shape.sqlite:
            # found first, then sorted (``OFFSET 0`` keeps the finding apart): with the
            # sort in view PostgreSQL walked every posting posted before the horizon
            # newest first, hoping to stop early (39,000 rows read for none, 60 ms)
            found = query.offset(0).subquery()
            return (
                select(found.c.pk, found.c.posted)
                .order_by(found.c.posted.desc(), found.c.pk.desc())
                .limit(limit)
            )
        return query.order_by(*newest).limit(limit)

    def opened(r: type[PostingRow]) -> ColumnElement[bool]:
        return is_open(today, r, **fresh)

    horizon = _bound("horizon", Date)
    recent_from, recent_to = _bound("recent_from", Date), _bound("recent_to", Date)
    # PostgreSQL reads the undated matches newest keys first, a range of keys at a time
    undated_batches: Literal["", "keys"] = "" if shape.sqlite else "keys"
    every_walk = [
        # posted since the horizon: most open postings, newest first (the words in a few
        # months at a time, newest first: the index answers that itself)
        _Walk(
            walk(
                _ByPosted,
                lambda r: [r.posted <= recent_to, r.posted >= recent_from, opened(r)],
                words=RECENT_QUERY,
            ),
            "recent",
        ),
        # posted before it, open by a deadline still ahead (few: found by deadline)
        _Walk(walk(_ByDeadline, lambda r: [r.deadline >= today, r.posted < horizon, opened(r)])),
        _Walk(
            walk(
                _ByPosted,
                lambda r: [r.posted.is_(None), opened(r)],
                words=UNDATED_QUERY,
                undated=True,
            ),
            undated_batches,
        ),
    ]
    if shape.include_inactive:
        every_walk += [
            _Walk(walk(_ByPosted, lambda r: [r.posted.is_not(None), not_(opened(r))])),
            _Walk(
                walk(
                    _ByPosted,
                    lambda r: [r.posted.is_(None), not_(opened(r))],
                    words=UNDATED_QUERY,
                    undated=True,
                ),
                undated_batches,
            ),
        ]
    every = None
    if shape.sqlite:  # its index counts the matches cheaply: up to the window
        matches = sqlite_matching_keys("postings_fts", _bound(QUERY_TEXT, Text))
        query, _key = from_index(QUERY_TEXT)
        listed = true() if shape.include_inactive else opened(by_key)
        every = filtered(query.where(listed), by_key)
        counted = matches.limit(_bound("window", Integer))
    elif shape.in_titles:
        # a posting named by its title: few postings hold the words in their titles, and
        # the head index (migration 0014) finds them; counted up to the window and, when
        # fewer, every listed one read from it (walking the postings for them read the whole
        # table when no title held the words but many bodies did). The title words imply
        # the text match: ``head_vector``'s fields are in ``search_vector``.
        heads = filtered(select(by_key.pk, by_key.posted).where(_in_titles()), by_key)
        every = heads.where(true() if shape.include_inactive else opened(by_key))
        counted = heads.limit(_bound("window", Integer))
    else:  # PostgreSQL would read each match to count them: whether there is one
        holding = select(literal(1)).select_from(PostingRow)
        counted = postings_text_match(dialect).apply(holding).limit(1)
    probe = select(func.count()).select_from(counted.subquery())
    return _WordSql(
        walks=tuple(every_walk),
        ranked=ranked,
        hidden=hidden,
        probe=probe,
        every=every,
    )


def _in_titles() -> ColumnElement[bool]:
    """PostgreSQL: a posting's title or organisation holds the words (bound ``TITLES_QUERY``,
    ``titles_query_text``)."""
    head: ColumnElement[Any] = literal_column("postings.head_vector")
    titles = sql_cast(_bound(TITLES_QUERY, Text), TSQUERY)
    held: ColumnElement[bool] = head.op("@@", is_comparison=True)(titles)
    return held


NAMED = (
    "organizations"  # the names a list's organisation filter keeps (``names.named_organizations``)
)


def find_postings(
    session: Db, q: PostingQuery, organizations: Sequence[str] | None = None
) -> PostingPage:
    """``q``'s page. ``organizations``: the names ``q.organization`` stands for, when the
    caller knows them (``names.named_organizations``); read from the postings otherwise."""
    keys, total, hidden = _find_keys(session, q, organizations)
    return PostingPage(items=_postings_by_key(session, keys), total=total, hidden=hidden)


def find_posting_heads(
    session: Db, q: PostingQuery, organizations: Sequence[str] | None = None
) -> list[PostingHead]:
    """``find_postings``' postings, as heads: a few narrow columns instead of whole rows."""
    keys, _total, _hidden = _find_keys(session, q, organizations)
    heads: dict[int, PostingHead] = {}
    for start in range(0, len(keys), ROWS_CHUNK):
        chunk = list(keys[start : start + ROWS_CHUNK])
        for pk, *head in session.execute(_heads_by_key_sql(), {"keys": chunk}).all():
            heads[pk] = PostingHead(*head)
    return [heads[key] for key in keys if key in heads]


def postings_by_id(session: Db, ids: Sequence[str]) -> list[Posting]:
    """The postings ``ids``, in that order (unknown ones left out)."""
    keys: dict[str, int] = {}
    for start in range(0, len(ids), ROWS_CHUNK):
        chunk = list(ids[start : start + ROWS_CHUNK])
        keys.update(
            (posting_id, pk)
            for posting_id, pk in session.execute(_keys_by_id_sql(), {"ids": chunk})
        )
    return list(_postings_by_key(session, [keys[i] for i in ids if i in keys]))


@cache
def _heads_by_key_sql() -> Rows:
    rows = PostingRow
    return select(rows.pk, rows.id, rows.location, rows.remote).where(
        rows.pk.in_(bindparam("keys", expanding=True))
    )


@cache
def _keys_by_id_sql() -> Rows:
    return select(PostingRow.id, PostingRow.pk).where(
        PostingRow.id.in_(bindparam("ids", expanding=True))
    )


def _named(session: Db, organization: str, known: Sequence[str] | None) -> Sequence[str]:
    """The names a list's ``organization`` stands for: ``known`` by the caller, or read."""
    if known is not None:
        return known
    like = {"organization": like_escaped(organization)}
    return list(session.scalars(organizations_like(), like))


def _find_keys(
    session: Db, q: PostingQuery, organizations: Sequence[str] | None
) -> tuple[list[int], int, int]:
    """The keys of ``q``'s page, in order; how many are listed; how many are hidden."""
    words = clean_terms(q.terms)
    query_text = postings_query_text(session, words, in_titles=q.in_titles)
    if q.in_titles and words and query_text is None:
        return [], 0, 0  # stop words alone name no posting (a list of every one otherwise)
    organization = q.organization.strip().lower() if q.organization else ""
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    cap = None if q.count_limit is None else max(q.count_limit, 0, offset + limit)
    sqlite = dialect_of(session) == "sqlite"
    shape = _Shape(
        sqlite=sqlite,
        words=query_text is not None,
        organization=bool(organization),
        remote=q.remote is not None,
        open_until_filled=q.open_until_filled is not None,
        deadline_from=q.deadline_from is not None,
        deadline_to=q.deadline_to is not None,
        include_inactive=q.include_inactive,
        capped=cap is not None,
        salary_at_least=q.salary_at_least is not None,
        salary_at_most=q.salary_at_most is not None,
        in_titles=q.in_titles and not sqlite and query_text is not None,
    )
    values: dict[str, Any] = {
        "today": q.today,
        "fresh_from": q.freshness.open_since(q.today, until_filled=False),
        "filled_from": q.freshness.open_since(q.today, until_filled=True),
        "text_query": query_text,
        NAMED: _named(session, organization, organizations) if organization else None,
        "remote": q.remote,
        "open_until_filled": q.open_until_filled,
        "deadline_from": q.deadline_from,
        "deadline_to": q.deadline_to,
        TITLES_QUERY: titles_query_text(query_text) if shape.in_titles and query_text else None,
        "salary_at_least": q.salary_at_least,
        "salary_at_most": q.salary_at_most,
        "over": None if cap is None else cap + 1,  # "more than cap"
    }
    sql = _list_sql(shape)
    values = {name: value for name, value in values.items() if value is not None}
    if sql.words is not None:
        assert query_text is not None
        values.update(_score_values(q.today))
        horizon = values["horizon"] = _horizon(q.today, q.freshness)
        dialect = "sqlite" if sqlite else "postgresql"
        values[RECENT_RUNS] = _recent_runs(dialect, query_text, horizon, q.today)
        values[UNDATED_QUERY] = in_months(dialect, query_text, [month_token(None)])
        return _keyword_page(session, sql, values, words, q, cap=cap, sqlite=sqlite)
    counted = session.execute(sql.counts, values).one()
    total, hidden = int(counted[0]), (0 if q.include_inactive else int(counted[1]))
    if total <= offset or limit == 0:
        return [], total, hidden

    assert sql.dated is not None and sql.undated is not None
    # Dated postings come first (by deadline), undated ones after: two ordered walks that
    # stop at the page, instead of sorting every match. The first needs no more than
    # offset + limit keys; the second only runs when the dated ones run out.
    wanted = offset + limit
    found = list(session.scalars(sql.dated, {**values, "wanted": wanted}))
    keys = found[offset:]
    if len(found) < wanted:
        skip = max(offset - len(found), 0)
        rest = {**values, "limit": wanted - len(found) - skip, "offset": skip}
        keys += session.scalars(sql.undated, rest)
    return keys, total, hidden


Chosen = list[tuple[int, date | None]]  # (key, posted) of the window, in window order


def _keyword_page(
    session: Db,
    sql: _ListSql,
    values: dict[str, Any],
    words: Sequence[str],
    q: PostingQuery,
    *,
    cap: int | None,
    sqlite: bool,
) -> tuple[list[int], int, int]:
    """The keys of one page of a keyword list (``RANKING``); how many are listed; how many
    are hidden. The window comes first: when it holds fewer than ``POSTING_WINDOW``
    postings, it holds every listed match, so it is the count too, and only the matches
    left out are counted (the rest only when a caller wants more than the window)."""
    assert sql.words is not None
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    window = values["window"] = POSTING_WINDOW
    # a count alone ("is there any?") needs no more of the window than the count goes
    need = window if limit > 0 or cap is None else min(window, cap + 1)
    matches = int(session.scalar(sql.words.probe, values) or 0)
    if matches == 0:  # no posting holds the words: nothing to walk or count
        return [], 0, 0
    wanted, fields, word_sql = offset + limit, words if sqlite else None, sql.words

    def rank(chosen: Chosen) -> list[tuple[int, float]]:
        return _ranked(session, word_sql, values, chosen, count=wanted, words=fields)

    # not with ``include_inactive``: its later walks hold postings of any date
    stoppable = limit > 0 and not q.include_inactive
    found = _window(
        session,
        word_sql,
        values,
        need,
        matches,
        rank=rank if stoppable else None,
        wanted=wanted,
        count_to=0 if cap is None else cap + 1,
    )
    chosen = found.chosen
    if found.complete or (cap is not None and cap < found.listed):
        total = found.listed if cap is None else min(found.listed, cap + 1)
        hidden = 0 if q.include_inactive else int(session.scalar(word_sql.hidden, values) or 0)
    else:
        total, hidden = (int(n) for n in session.execute(sql.counts, values).one())
        hidden = 0 if q.include_inactive else hidden
    if total <= offset or limit == 0:
        return [], total, hidden
    ranked = found.ranked if found.ranked is not None else rank(chosen)
    keys = [key for key, _score in ranked[offset:]]
    if len(keys) < limit and len(chosen) == window:  # the page reaches past the window
        skip = max(offset, window)
        rest = _walk(session, sql.words.walks, values, skip=skip, count=limit - len(keys))
        keys += [key for key, _posted in rest]
    return keys, total, hidden


class _Window(NamedTuple):
    chosen: Chosen  # (key, posted) of the candidates, in window order
    listed: int  # how many listed matches the walks found: the candidates and any counted after
    complete: bool  # the walks ran out: ``listed`` is every listed match
    ranked: list[tuple[int, float]] | None = None  # the page's (key, score), when known


def _window(
    session: Db,
    sql: _WordSql,
    values: dict[str, Any],
    need: int,
    matches: int,
    *,
    rank: Callable[[Chosen], list[tuple[int, float]]] | None = None,
    wanted: int = 0,
    count_to: int = 0,
) -> _Window:
    """The first ``need`` listed matches in window order (the walks); on SQLite, with fewer
    ``matches`` than the window, every listed one, from the index. Given ``rank`` (the first
    ``wanted`` candidates by rank: a page), fewer: the walk stops once no posting still to be
    walked can enter the page (``RANKING``, 4); it then goes on counting the listed matches
    up to ``count_to`` ("more than 100": counting by reading rows cost PostgreSQL 4-12 ms
    at 100,000 postings, the walks' index runs a fraction)."""
    if sql.every is not None and matches < values["window"]:
        every: Chosen = list(session.execute(sql.every, values).all())
        return _Window(every, len(every), complete=True)
    chosen: Chosen = []
    ranked: list[tuple[int, float]] | None = None
    listed = 0
    for run in _runs(session, sql.walks, values):
        wants = (need if ranked is None else count_to) - listed
        rows: Chosen = list(session.execute(run.statement, {**run.values, "limit": wants}).all())
        listed += len(rows)
        if ranked is not None:  # counting only
            if listed >= count_to:
                return _Window(chosen, listed, complete=False, ranked=ranked)
            continue
        chosen += rows
        if listed >= need:
            return _Window(chosen, listed, complete=False)
        if rank is not None and listed >= wanted:
            page = rank(chosen)
            # with a margin: a posting that ties the page's last may go before it
            if page[-1][1] > _best_after(run.then_posted_before, values["today"]) + 1e-9:
                ranked = page
                if listed >= count_to:
                    return _Window(chosen, listed, complete=False, ranked=ranked)
    return _Window(chosen, listed, complete=True, ranked=ranked)


def _ranked(
    session: Db,
    sql: _WordSql,
    values: dict[str, Any],
    chosen: Chosen,
    *,
    count: int,
    words: Sequence[str] | None,
) -> list[tuple[int, float]]:
    """(key, score) of the first ``count`` of ``chosen`` by rank; on SQLite (``words``
    given) the field tests read the candidates' months only."""
    if not chosen or count <= 0:
        return []
    page = {**values, "keys": [key for key, _posted in chosen], "limit": count}
    if words is not None:
        page.update(_fields_values(words, sorted({month_token(p) for _k, p in chosen})))
    return [(key, float(score)) for key, score in session.execute(sql.ranked, page)]


def _best_after(posted_before: date | None, today: date) -> float:
    """The best score a posting posted before ``posted_before`` (None: an undated one) can
    reach: words in its title, the recency bonus of the day before, the deadline bonus."""
    recency = 0.0
    if posted_before is not None:
        age = (today - (posted_before - timedelta(days=1))).days
        recency = next((bonus for days, bonus in RECENCY if age <= days), 0.0)
    return FIELD_WEIGHTS[0][1] * (1.0 + recency + max(bonus for _, bonus in URGENCY))


class _Run(NamedTuple):
    statement: Rows
    values: dict[str, Any]
    # every open posting later runs find was posted before this day (None: is undated)
    then_posted_before: date | None


def _runs(session: Db, walks: Sequence[_Walk], values: dict[str, Any]) -> Iterator[_Run]:
    """Each run of the walks, in window order."""
    for walk in walks:
        for batch in _batches(session, walk, values):
            before = batch["recent_from"] if walk.batches == "recent" else None
            yield _Run(walk.statement, {**values, **batch}, before)


def _walk(
    session: Db, walks: Sequence[_Walk], values: dict[str, Any], *, skip: int, count: int
) -> Chosen:
    """``count`` (key, posted) after the first ``skip`` of the walks one after the other."""
    found: Chosen = []
    for run in _runs(session, walks, values):
        wanted = skip + count - len(found)
        rows: Chosen = list(session.execute(run.statement, {**run.values, "limit": wanted}).all())
        found += rows[skip:]
        skip = max(skip - len(rows), 0)
        if len(found) >= count:
            return found
    return found


def _batches(session: Db, walk: _Walk, values: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The values of each run of ``walk``, newest first."""
    if walk.batches == "recent":
        yield from values[RECENT_RUNS]
    elif walk.batches == "keys":
        top, span = session.scalar(_newest_key_sql()) or 0, KEY_BATCH
        while top > 0:
            yield {"key_from": top - span, "key_to": top}
            top, span = top - span, span * 4
    else:
        yield {}


@cache
def _newest_key_sql() -> Select[int]:
    return select(func.max(PostingRow.pk))


def _recent_runs(dialect: str, query_text: str, horizon: date, today: date) -> list[dict[str, Any]]:
    """The recent walk's runs: the words posted in each span of ``RECENCY``'s ages since the
    horizon, newest first, each narrowed to the span's months in the index; a list can stop
    after any span (``RANKING``). The first span is the month, not the week: the week's
    postings seldom end a list on their own (no near deadline, they score 12 and the
    month's up to 12.8), and a common word fills the window within the month anyway."""
    runs: list[dict[str, Any]] = []
    until = today
    ages = [days for days, _bonus in RECENCY[1:] if today - timedelta(days=days) > horizon]
    for since in [*(today - timedelta(days=days) for days in ages), horizon]:
        tokens = [month_token(m) for m in months_between(since, until)]
        query = in_months(dialect, query_text, tokens)
        runs.append({RECENT_QUERY: query, "recent_from": since, "recent_to": until})
        until = since - timedelta(days=1)
    return runs


@cache
def _postings_by_key_sql() -> Select[Any]:
    # the table's columns, not the mapped class: plain rows whichever way this runs
    return (
        select(PostingRow.__table__, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .where(PostingRow.pk.in_(bindparam("keys", expanding=True)))
    )


def _postings_by_key(session: Db, keys: Sequence[int]) -> tuple[Posting, ...]:
    """Full postings for ``keys``, in the order of ``keys``."""
    query = _postings_by_key_sql()
    found: dict[int, Posting] = {}
    for start in range(0, len(keys), ROWS_CHUNK):
        chunk = list(keys[start : start + ROWS_CHUNK])
        for row in session.execute(query, {"keys": chunk}).all():
            # a row of every posting column has every attribute ``to_posting`` reads
            found[row.pk] = to_posting(cast(PostingRow, row), row.source, row.url)
    return tuple(found[key] for key in keys if key in found)


def counts(session: Session) -> dict[str, int]:
    result: dict[str, int] = {
        "documents": 0,
        "documents_withdrawn": 0,
        "postings": 0,
        "postings_active": 0,
        "postings_withdrawn": 0,
        "postings_removed": 0,
        "passages": 0,
    }
    for status, n in session.execute(
        select(DocumentRow.status, func.count()).group_by(DocumentRow.status)
    ):
        result["documents" if status == "present" else f"documents_{status}"] = int(n)
    for status, n in session.execute(
        select(PostingRow.status, func.count()).group_by(PostingRow.status)
    ):
        result[f"postings_{status}"] = int(n)
        result["postings"] += int(n)
    result["passages"] = int(session.scalar(select(func.count()).select_from(PassageRow)) or 0)
    return result

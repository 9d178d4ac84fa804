"""Keyword lists: which matches are ranked, how (``RANKING``), and how few rows a page reads.

``/jobs developer`` at 100,000 postings matches 70,000 of them; a page shows five. The matches
are walked newest first through indexes that answer "these words in these months", a window
of them is scored in SQL, and the walk stops as soon as no posting left could enter the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    Text,
    and_,
    case,
    func,
    literal,
    literal_column,
    not_,
    select,
    true,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import TSQUERY

from bot.domain import Freshness, PostingQuery
from bot.store.fulltext import (
    QUERY_TEXT,
    Db,
    dialect_of,
    fields_query_text,
    fts5_fields_query,
    in_months,
    month_token,
    months_between,
    postings_text_match,
    sqlite_index_table,
    sqlite_matching_keys,
)
from bot.store.listing import (
    ByDeadline,
    ByKey,
    ByPosted,
    IndexedAlias,
    Shape,
    bound,
    is_open,
    listing_rows,
    one_of,
)
from bot.store.models import PostingRow

Rows = Select[*tuple[Any, ...]]
Chosen = list[tuple[int, date | None]]  # (key, posted) of the window, in window order


class _Walk(NamedTuple):
    """(key, posted) of listed matches in window order, :limit of them; run once, or in
    runs over spans of recent posted dates (``"recent"``, ``_recent_runs``) or ranges of keys
    (``"keys"``), newest first, until the limit is reached."""

    statement: Rows
    batches: Literal["", "recent", "keys"] = ""
    open: bool = True  # it walks open postings (``include_inactive`` adds walks of the others)


class WordSql(NamedTuple):
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
4. **Stopping early**: the window's open postings are walked newest first in the
   spans of ``RECENCY``'s ages from the month on (30, 90, 365 days), and the candidates
   found so far are ranked after each span. When the last posting the page needs already
   scores more than any open posting still to be walked could (``_best_after``: in titles,
   posted the day before the span's first day, with the deadline bonus), the walk stops
   (with ``include_inactive`` too: the others rank after every open posting), and the page
   is the one the whole window gives. ``/jobs librarian`` at 100,000 postings
   stops after the month (107 candidates) instead of walking years of postings for 500.

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
    """Whether the fields of ``FIELD_WEIGHTS[group]`` hold every word: the bound
    ``fields_N`` (``_fields_values``) matched in the index of the leading fields."""
    fields_query = bound(f"fields_{group}", Text)
    if sqlite:
        return rows.pk.in_(sqlite_matching_keys("postings_head_fts", fields_query))
    head: ColumnElement[Any] = literal_column("postings.head_vector")
    held: ColumnElement[bool] = head.op("@@", is_comparison=True)(sql_cast(fields_query, TSQUERY))
    return held


def _score(sqlite: bool, rows: type[PostingRow]) -> ColumnElement[float]:
    """``RANKING``'s score in SQL; the dates it compares with are bound (``_score_values``)."""
    relevance = case(
        *((_holds_words(sqlite, rows, i), w) for i, (_, w) in enumerate(FIELD_WEIGHTS)),
        else_=BODY_WEIGHT,
    )
    today = bound("today", Date)
    recency = case(
        *(
            (and_(rows.posted <= today, rows.posted >= bound(f"posted_{days}", Date)), bonus)
            for days, bonus in RECENCY
        ),
        else_=0.0,
    )
    urgency = case(
        *(
            (and_(rows.deadline >= today, rows.deadline <= bound(f"due_{days}", Date)), bonus)
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


def _fields_values(
    words: Sequence[str] | None, query_text: str, months: Sequence[str]
) -> dict[str, str]:
    """The field tests of ``_holds_words``: on SQLite (``words`` given) an FTS5 expression
    reading the candidates' posted ``months`` of the index only, not every match of a word;
    on PostgreSQL the query with each word kept to the fields' weights."""
    return {
        f"fields_{i}": (
            in_months("sqlite", fts5_fields_query(words, fields), months)
            if words is not None
            else fields_query_text(query_text, fields)
        )
        for i, (fields, _) in enumerate(FIELD_WEIGHTS)
    }


def _horizon(today: date, freshness: Freshness) -> date:
    """The earliest posted date at which a posting without a deadline can be open."""
    return min(freshness.open_since(today, until_filled=f) for f in (False, True))


def word_sql(
    shape: Shape, filtered: Callable[[Rows, type[PostingRow]], Rows], hidden: Select[int]
) -> WordSql:
    """The statements of a keyword list (``RANKING``); ``filtered`` adds the filters other
    than the words, ``hidden`` counts the matches that are not listed.

    The window is found by walks, one after the other, each in window order: the postings
    posted since the horizon, newest first (the full-text index holds each posting's posted
    month as a word, migration 0013, so it answers "these words in these months"
    itself); those posted earlier whose deadline is still ahead; the undated ones, newest
    key first; with ``include_inactive``, then the others. Counting and ranking come after
    (``keyword_page``)."""
    dialect = "sqlite" if shape.sqlite else "postgresql"
    today = bound("today", Date)
    fresh = {"fresh_from": bound("fresh_from", Date), "filled_from": bound("filled_from", Date)}
    limit = bound("limit", Integer)

    by_key = listing_rows(shape.sqlite, ByKey)
    score = _score(shape.sqlite, by_key).label("score")
    order: list[Any] = []
    if shape.include_inactive:  # open ones first
        order.append(case((is_open(today, by_key, **fresh), 0), else_=1))
    order += [score.desc(), by_key.deadline.is_(None), by_key.deadline]
    order += [by_key.posted.is_(None), by_key.posted.desc(), by_key.id]
    ranked = select(by_key.pk, score).where(one_of(shape.sqlite, by_key.pk, "keys"))
    ranked = ranked.order_by(*order).limit(bound("limit", Integer))

    def from_index(words: str) -> tuple[Rows, ColumnElement[int]]:
        """SQLite: (key, posted) of the matches of ``words``, read from the full-text index
        in key order and joined to the postings; and the index's key to order by."""
        fts, matched = sqlite_index_table("postings_fts", bound(words, Text))
        query = select(by_key.pk, by_key.posted).select_from(fts)
        return query.join(by_key, by_key.pk == fts.c.rowid).where(matched), fts.c.rowid

    def walk(
        kind: type[IndexedAlias],
        conditions: Callable[[type[PostingRow]], list[ColumnElement[bool]]],
        *,
        words: str = QUERY_TEXT,
        undated: bool = False,
    ) -> Rows:
        """(key, posted) of the listed matches of ``words`` (a bound query text) on one
        range of an index, in window order, :limit of them."""
        walked = listing_rows(shape.sqlite, kind)
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
            keys = sqlite_matching_keys("postings_fts", bound(words, Text))
            query = select(walked.pk, walked.posted).where(*conditions(walked))
            query = query.where(walked.pk.in_(keys))
        else:
            query = select(walked.pk, walked.posted).where(*conditions(walked))
            if undated:  # a range of keys at a time (``KEY_BATCH``)
                key_from, key_to = bound("key_from", Integer), bound("key_to", Integer)
                query = query.where(walked.pk > key_from, walked.pk <= key_to)
            has_words = postings_text_match(dialect, walked.pk, words).condition
            assert has_words is not None
            if kind is ByDeadline:
                # few postings, found by (status, deadline, posted) (migration 0013): the
                # words are tested on each; written so, PostgreSQL does not intersect the
                # whole text index with the index
                has_words = has_words.is_(true())
            query = query.where(has_words)
        query = filtered(query, walked)
        if kind is ByDeadline and not shape.sqlite:
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

    horizon = bound("horizon", Date)
    recent_from, recent_to = bound("recent_from", Date), bound("recent_to", Date)
    # PostgreSQL reads the undated matches newest keys first, a range of keys at a time
    undated_batches: Literal["", "keys"] = "" if shape.sqlite else "keys"
    every_walk = [
        # posted since the horizon: most open postings, newest first (the words in a few
        # months at a time, newest first: the index answers that itself)
        _Walk(
            walk(
                ByPosted,
                lambda r: [r.posted <= recent_to, r.posted >= recent_from, opened(r)],
                words=RECENT_QUERY,
            ),
            "recent",
        ),
        # posted before it, open by a deadline still ahead (few: found by deadline)
        _Walk(walk(ByDeadline, lambda r: [r.deadline >= today, r.posted < horizon, opened(r)])),
        _Walk(
            walk(
                ByPosted,
                lambda r: [r.posted.is_(None), opened(r)],
                words=UNDATED_QUERY,
                undated=True,
            ),
            undated_batches,
        ),
    ]
    if shape.include_inactive:
        every_walk += [
            _Walk(walk(ByPosted, lambda r: [r.posted.is_not(None), not_(opened(r))]), open=False),
            _Walk(
                walk(
                    ByPosted,
                    lambda r: [r.posted.is_(None), not_(opened(r))],
                    words=UNDATED_QUERY,
                    undated=True,
                ),
                undated_batches,
                open=False,
            ),
        ]
    every = None
    if shape.sqlite:  # its index counts the matches cheaply: up to the window
        matches = sqlite_matching_keys("postings_fts", bound(QUERY_TEXT, Text))
        query, _key = from_index(QUERY_TEXT)
        listed = true() if shape.include_inactive else opened(by_key)
        every = filtered(query.where(listed), by_key)
        counted = matches.limit(bound("window", Integer))
    elif shape.in_titles:
        # a posting named by its title: few postings hold the words in their titles, and
        # the head index (migration 0014) finds them; counted up to the window and, when
        # fewer, every listed one read from it (walking the postings for them read the whole
        # table when no title held the words but many bodies did). The title words imply
        # the text match: ``head_vector``'s fields are in ``search_vector``.
        heads = filtered(select(by_key.pk, by_key.posted).where(titles_hold_words()), by_key)
        every = heads.where(true() if shape.include_inactive else opened(by_key))
        counted = heads.limit(bound("window", Integer))
    else:  # PostgreSQL would read each match to count them: whether there is one
        holding = select(literal(1)).select_from(PostingRow)
        counted = postings_text_match(dialect).apply(holding).limit(1)
    probe = select(func.count()).select_from(counted.subquery())
    return WordSql(
        walks=tuple(every_walk),
        ranked=ranked,
        hidden=hidden,
        probe=probe,
        every=every,
    )


def titles_hold_words() -> ColumnElement[bool]:
    """PostgreSQL: a posting's title or organisation holds the words (bound ``TITLES_QUERY``,
    ``titles_query_text``)."""
    head: ColumnElement[Any] = literal_column("postings.head_vector")
    titles = sql_cast(bound(TITLES_QUERY, Text), TSQUERY)
    held: ColumnElement[bool] = head.op("@@", is_comparison=True)(titles)
    return held


def keyword_page(
    session: Db,
    sql: WordSql,
    counts: Rows,
    values: dict[str, Any],
    words: Sequence[str],
    q: PostingQuery,
    *,
    query_text: str,
    cap: int | None,
) -> tuple[list[int], int, int]:
    """The keys of one page of a keyword list (``RANKING``); how many are listed; how many
    are hidden (``counts``: both, as a list without words counts them). ``values``: the
    list's filters, bound; ``query_text``: its words, as ``postings_query_text`` gives them.
    The window comes first: when it holds fewer than ``POSTING_WINDOW`` postings, it holds
    every listed match, so it is the count too, and only the matches left out are counted
    (the rest only when a caller wants more than the window)."""
    sqlite = dialect_of(session) == "sqlite"
    values = _walk_values(values, q, query_text, "sqlite" if sqlite else "postgresql")
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    window = values["window"] = POSTING_WINDOW
    # a count alone ("is there any?") needs no more of the window than the count goes
    need = window if limit > 0 or cap is None else min(window, cap + 1)
    matches = int(session.scalar(sql.probe, values) or 0)
    if matches == 0:  # no posting holds the words: nothing to walk or count
        return [], 0, 0
    wanted, fields = offset + limit, words if sqlite else None

    def rank(chosen: Chosen) -> list[tuple[int, float]]:
        return _ranked(session, sql, values, chosen, count=wanted, words=fields)

    found = _window(
        session,
        sql,
        values,
        need,
        matches,
        rank=rank if limit > 0 else None,
        wanted=wanted,
        count_to=0 if cap is None else cap + 1,
    )
    chosen = found.chosen
    total, hidden = _totals(session, sql, counts, values, found, cap, q.include_inactive)
    if total <= offset or limit == 0:
        return [], total, hidden
    ranked = found.ranked if found.ranked is not None else rank(chosen)
    keys = [key for key, _score in ranked[offset:]]
    if len(keys) < limit and len(chosen) == window:  # the page reaches past the window
        skip = max(offset, window)
        rest = _walk(session, sql.walks, values, skip=skip, count=limit - len(keys))
        keys += [key for key, _posted in rest]
    return keys, total, hidden


def _totals(
    session: Db,
    sql: WordSql,
    counts: Rows,
    values: dict[str, Any],
    found: _Window,
    cap: int | None,
    include_inactive: bool,
) -> tuple[int, int]:
    """How many matches are listed and hidden (none with ``include_inactive``: all are
    listed): the listed ones from the walks when they ran out or passed the cap, so only the
    hidden ones are counted — past the cap, only whether there is one (``PostingPage``:
    counting a hundred closed postings of a common word cost PostgreSQL 1.5-3 ms)."""
    capped = cap is not None and cap < found.listed
    if found.complete or capped:
        total = found.listed if cap is None else min(found.listed, cap + 1)
        if include_inactive:
            return total, 0
        return total, int(
            session.scalar(sql.hidden, {**values, "over": 1} if capped else values) or 0
        )
    listed, hidden = session.execute(counts, values).one()
    return int(listed), 0 if include_inactive else int(hidden)


def _walk_values(
    values: dict[str, Any], q: PostingQuery, query_text: str, dialect: str
) -> dict[str, Any]:
    """``values`` with what the walks and the score read: the bound dates of ``RANKING``, the
    horizon, the words narrowed to each run's months."""
    values = {**values, **_score_values(q.today)}
    horizon = values["horizon"] = _horizon(q.today, q.freshness)
    values[RECENT_RUNS] = _recent_runs(dialect, query_text, horizon, q.today)
    values[UNDATED_QUERY] = in_months(dialect, query_text, [month_token(None)])
    return values


class _Window(NamedTuple):
    chosen: Chosen  # (key, posted) of the candidates, in window order
    listed: int  # how many listed matches the walks found: the candidates and any counted after
    complete: bool  # the walks ran out: ``listed`` is every listed match
    ranked: list[tuple[int, float]] | None = None  # the page's (key, score), when known


def _window(
    session: Db,
    sql: WordSql,
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
        # among open postings only: the others' walks hold any posted date (with
        # ``include_inactive``, every open posting ranks before them)
        if rank is not None and run.open and listed >= wanted:
            page = rank(chosen)
            # with a margin: a posting that ties the page's last may go before it
            if page[-1][1] > _best_after(run.then_posted_before, values["today"]) + 1e-9:
                ranked = page
                if listed >= count_to:
                    return _Window(chosen, listed, complete=False, ranked=ranked)
    return _Window(chosen, listed, complete=True, ranked=ranked)


def _ranked(
    session: Db,
    sql: WordSql,
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
    months = sorted({month_token(p) for _k, p in chosen}) if words is not None else []
    page.update(_fields_values(words, values[QUERY_TEXT], months))
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
    open: bool  # of the walk of open postings


def _runs(session: Db, walks: Sequence[_Walk], values: dict[str, Any]) -> Iterator[_Run]:
    """Each run of the walks, in window order."""
    for walk in walks:
        for batch in _batches(session, walk, values):
            before = batch["recent_from"] if walk.batches == "recent" else None
            yield _Run(walk.statement, {**values, **batch}, before, walk.open)


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

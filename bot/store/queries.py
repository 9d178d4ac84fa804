"""Reading: postings by filter and relevance, passages by relevance, small summaries.

A list of postings is found in two steps: the keys of one page (filtered, ranked, sorted on
narrow columns only), then the full rows of those few keys. Sorting thousands of matches with
their bodies attached would copy megabytes for five lines of reply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, ClassVar, NamedTuple, TypeVar, cast

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    Text,
    and_,
    bindparam,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Alias

from bot.domain import DEFAULT_FRESHNESS, PassageHit, Posting, PostingPage, PostingQuery
from bot.store.convert import passage_url, to_passage, to_posting
from bot.store.fulltext import (
    QUERY_TEXT,
    Db,
    clean_terms,
    dialect_of,
    fts5_query,
    match_passages,
    postings_query_text,
    postings_text_match,
    sqlite_passages_match,
)
from bot.store.models import DocumentRow, PassageRow, PostingRow

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])

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


@compiles(_ByKey, "sqlite")
@compiles(_ByDeadline, "sqlite")
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
    kind: _alias(kind) for kind in (_ByKey, _ByDeadline, _ByOrganization)
}


def _listing(sqlite: bool, kind: type[_IndexedAlias]) -> type[PostingRow]:
    """The postings to filter and sort a list on; see ``_IndexedAlias``."""
    return _ALIASES[kind] if sqlite else PostingRow


def _contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring; ``%`` and ``_`` typed by a user are literal."""
    condition: ColumnElement[bool] = func.lower(column).contains(
        needle.strip().lower(), autoescape=True
    )
    return condition


def is_open(
    today: date | ColumnElement[date],
    rows: type[PostingRow] = PostingRow,
    *,
    fresh_from: date | ColumnElement[date],
    filled_from: date | ColumnElement[date],
) -> ColumnElement[bool]:
    """The SQL twin of ``Posting.state(...) == "open"`` (on ``rows``, the table or an alias of
    it); ``fresh_from`` / ``filled_from`` are ``Freshness.open_since`` of ``today``."""
    return and_(
        rows.status == "active",
        rows.closed == false(),
        or_(rows.posted.is_(None), rows.posted <= today),
        # every branch is TRUE or FALSE, never NULL: ``not_()`` of it counts the hidden ones
        or_(
            and_(rows.deadline.is_not(None), rows.deadline >= today),
            and_(
                rows.deadline.is_(None),
                or_(
                    rows.posted.is_(None),
                    rows.posted >= fresh_from,
                    and_(rows.open_until_filled == true(), rows.posted >= filled_from),
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


class _ListSql(NamedTuple):
    counts: Select[*tuple[Any, ...]]  # (listed, hidden); each stops at :over when capped
    ranked: Select[int] | None  # with words: the page by relevance, keys >= :window_from
    window_from: Select[int] | None  # with words: the key of the :nth newest match
    in_window: Select[int] | None  # with words: how many keys >= :window_from are listed
    older: Select[int] | None  # with words: listed keys < :window_from, newest first
    dated: Select[int] | None  # without: dated postings by deadline, :wanted of them
    undated: Select[int] | None  # then the undated ones, :limit after :offset


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

    def matching(query: SelectT, rows: type[PostingRow] = rows) -> SelectT:
        if shape.words:
            query = match.apply(query)
        if shape.organization:
            query = query.where(rows.organization.in_(_organizations_like()))
        if shape.remote:
            query = query.where(rows.remote == _bound("remote", Boolean))
        if shape.open_until_filled:
            query = query.where(rows.open_until_filled == _bound("open_until_filled", Boolean))
        if shape.deadline_from:
            query = query.where(rows.deadline >= _bound("deadline_from", Date))
        if shape.deadline_to:
            query = query.where(rows.deadline <= _bound("deadline_to", Date))
        return query

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
    else:
        every = select(func.count().filter(counted), func.count().filter(not_(counted)))
        totals = matching(every.select_from(counted_rows), counted_rows)

    limit, offset = _bound("limit", Integer), _bound("offset", Integer)
    then_by: list[Any] = [rows.posted.is_(None), rows.posted.desc(), rows.id]
    page = matching(select(rows.pk)).where(listed)
    if shape.words:
        # the full-text key on SQLite: FTS5 then walks its own index by key (in either
        # direction, from any bound) and joins each match to its posting
        key = match.join.c.key if match.join is not None else rows.pk
        window_from = _bound("window_from", Integer)
        order = [match.score.desc(), rows.deadline.is_(None), rows.deadline.asc(), *then_by]
        in_window = page.where(key >= window_from)
        ranked = in_window.order_by(*order).limit(limit).offset(offset)
        listed_in_window = select(func.count()).select_from(in_window.subquery())
        older = page.where(key < window_from).order_by(key.desc()).limit(limit).offset(offset)
        # the window counts every match of the index, listed or not: bm25 costs the same
        matches = select(key) if match.join is not None else match.apply(select(key))
        nth = matches.order_by(key.desc()).limit(1).offset(_bound("nth", Integer))
        return _ListSql(totals, ranked, nth, listed_in_window, older, None, None)
    dated = page.where(rows.deadline.is_not(None))
    if not shape.include_inactive:
        dated = dated.where(rows.deadline >= today)  # implied by ``listed``; makes it a range
    dated = dated.order_by(rows.deadline.asc(), *then_by).limit(_bound("wanted", Integer))
    undated = page.where(rows.deadline.is_(None)).order_by(*then_by).limit(limit).offset(offset)
    return _ListSql(totals, None, None, None, None, dated, undated)


@cache
def _organizations_like() -> Select[str | None]:
    """The organisation names (of any posting) containing the bound ``organization``: the
    same test as ``_contains``, made once per name instead of once per posting."""
    names = _distinct("posting_names", PostingRow.organization).subquery()
    like = func.lower(names.c.name).contains(_bound("organization", Text), escape="/")
    return select(names.c.name).where(like)


def _like_escaped(needle: str) -> str:
    """``needle`` for ``contains(…, escape="/")``: what ``autoescape=True`` does to a value."""
    return needle.replace("/", "//").replace("%", "/%").replace("_", "/_")


def find_postings(session: Db, q: PostingQuery) -> PostingPage:
    words = clean_terms(q.terms)
    query_text = postings_query_text(session, words)
    organization = q.organization.strip().lower() if q.organization else ""
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    cap = None if q.count_limit is None else max(q.count_limit, 0, offset + limit)
    values: dict[str, Any] = {
        "today": q.today,
        "fresh_from": q.freshness.open_since(q.today, until_filled=False),
        "filled_from": q.freshness.open_since(q.today, until_filled=True),
        "text_query": query_text,
        "organization": _like_escaped(organization),
        "remote": q.remote,
        "open_until_filled": q.open_until_filled,
        "deadline_from": q.deadline_from,
        "deadline_to": q.deadline_to,
        "over": None if cap is None else cap + 1,  # "more than cap"
    }
    sql = _list_sql(
        _Shape(
            sqlite=dialect_of(session) == "sqlite",
            words=query_text is not None,
            organization=bool(organization),
            remote=q.remote is not None,
            open_until_filled=q.open_until_filled is not None,
            deadline_from=q.deadline_from is not None,
            deadline_to=q.deadline_to is not None,
            include_inactive=q.include_inactive,
            capped=cap is not None,
        )
    )
    values = {name: value for name, value in values.items() if value is not None}
    counted = session.execute(sql.counts, values).one()
    total, hidden = int(counted[0]), (0 if q.include_inactive else int(counted[1]))
    if total <= offset or limit == 0:
        return PostingPage(items=(), total=total, hidden=hidden)

    keys: list[int]
    if sql.ranked is not None:
        keys = _ranked_keys(session, sql, values, limit, offset)
    else:
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
    return PostingPage(items=_postings_by_key(session, keys), total=total, hidden=hidden)


RANK_WINDOW = 500
"""How many matches of the full-text index are ranked by relevance: the newest this many (by
key, which grows as postings are first stored). bm25 costs about 2 µs per match, so ranking
every posting that has a common word ("developer" is in 90% of generated postings) costs
15-20 ms at 10,000 postings and 120 ms at 100,000; ranking the newest 500 costs about 1 ms
at any size. Older matches follow, newest first: on a jobs board they are the least likely
to be open, and the ones least likely to be wanted."""


def _ranked_keys(
    session: Db, sql: _ListSql, values: dict[str, Any], limit: int, offset: int
) -> list[int]:
    """One page of a keyword list: the listed postings among the newest ``RANK_WINDOW``
    matches by relevance, then the older ones newest first; with fewer matches than that,
    every match is ranked."""
    assert sql.ranked is not None and sql.window_from is not None
    assert sql.in_window is not None and sql.older is not None
    window_from = session.scalar(sql.window_from, {**values, "nth": RANK_WINDOW - 1})
    page = {**values, "window_from": window_from or 0, "limit": limit, "offset": offset}
    keys: list[int] = []
    if window_from is None or offset < RANK_WINDOW:  # the window lists RANK_WINDOW at most
        keys = list(session.scalars(sql.ranked, page))
    if window_from is not None and len(keys) < limit:  # the page reaches past the window
        listed = session.scalar(sql.in_window, page) or 0
        rest = {**page, "limit": limit - len(keys), "offset": max(offset - listed, 0)}
        keys += session.scalars(sql.older, rest)
    return keys


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


OVERSAMPLE = 2  # passages ranked on the index alone per passage wanted


class _PassageSql(NamedTuple):
    """SQLite's statements for a passage search; the FTS5 expression is bound (QUERY_TEXT)."""

    window_from: Select[int]  # the key of the RANK_WINDOW-th newest match of the index
    best: Select[int, float]  # (key, score) from the index alone, keys >= :window_from
    best_of_pages: Select[int, float]  # the same, of passages on the pages :pages
    organization_pages: Select[int]  # present pages of organisations like :organization
    organization_faq_pages: Select[int]  # the same, FAQ pages only (an organisation's shortcut)
    statuses: Select[int, str]  # (key, page status) of :keys
    rows: Select[Any]  # passage columns with source, page organisation and url, of :keys


@cache
def _passage_sql() -> _PassageSql:
    found = sqlite_passages_match().join
    assert found is not None
    keys: Any = bindparam("keys", expanding=True)
    newest = select(found.c.key).order_by(found.c.key.desc())
    organization_pages = select(DocumentRow.id).where(
        DocumentRow.status == "present",
        func.lower(DocumentRow.organization).contains(_bound("organization", Text), escape="/"),
    )
    return _PassageSql(
        window_from=newest.limit(1).offset(_bound("nth", Integer)),
        best=select(found.c.key, found.c.score)
        .where(found.c.key >= _bound("window_from", Integer))
        .order_by(found.c.score.desc(), found.c.key)
        .limit(_bound("limit", Integer)),
        best_of_pages=select(found.c.key, found.c.score)
        .join(PassageRow, PassageRow.id == found.c.key)
        .where(
            found.c.key >= _bound("window_from", Integer),
            PassageRow.document_id.in_(bindparam("pages", expanding=True)),
        )
        .order_by(found.c.score.desc(), found.c.key)
        .limit(_bound("limit", Integer)),
        organization_pages=organization_pages,
        organization_faq_pages=organization_pages.where(DocumentRow.kind == "faq"),
        statuses=select(PassageRow.id, DocumentRow.status)
        .join(DocumentRow, PassageRow.document_id == DocumentRow.id)
        .where(PassageRow.id.in_(keys)),
        rows=_passage_rows().where(PassageRow.id.in_(keys)),
    )


def _passage_rows() -> Select[Any]:
    # the table's columns, not the mapped class: plain rows whichever way this runs
    return select(
        PassageRow.__table__,
        DocumentRow.source.label("page_source"),
        DocumentRow.organization.label("page_organization"),
        DocumentRow.url.label("page_url"),
    ).join(DocumentRow, PassageRow.document_id == DocumentRow.id)


def _to_hit(row: Any, score: float) -> PassageHit:
    # a row of every passage column has every attribute ``to_passage`` reads
    passage = to_passage(
        cast(PassageRow, row), row.page_source, row.page_organization, row.page_url
    )
    return PassageHit(passage=passage, score=score)


def search_passages(
    session: Db, terms: Sequence[str], organization: str | None, limit: int, faq_only: bool = False
) -> list[PassageHit]:
    """The best ``limit`` passages of present pages for any of ``terms``, ranked among the
    newest ``RANK_WINDOW`` matches of the index (a common word is in a third of generated
    FAQ passages); when those hold fewer than ``limit`` wanted passages (another
    organisation's, withdrawn pages'), among all of them. ``faq_only`` with an organisation:
    its FAQ pages only (what its shortcut asks)."""
    words = clean_terms(terms)
    if not words or limit <= 0:
        return []
    wanted = organization.strip() if organization else ""
    sqlite = dialect_of(session) == "sqlite"
    if sqlite:
        expression = fts5_query(words, any_word=True)
        nth = {QUERY_TEXT: expression, "nth": RANK_WINDOW - 1}
        window_from = session.scalar(_passage_sql().window_from, nth)
        if wanted:
            return _organization_passages(
                session, expression, window_from, wanted, limit, faq_only=faq_only
            )
        # all organisations: rank on the index alone, then look at the pages
        hits = _best_passages_first(session, expression, window_from, limit)
        if hits is None and window_from is not None:
            hits = _best_passages_first(session, expression, None, limit)
        if hits is not None:
            return hits
    match = match_passages(session, words)
    if match is None:
        return []
    key: Any = match.join.c.key if match.join is not None else PassageRow.id
    if not sqlite:  # SQLite's window is known already
        newest = match.apply(select(key)).order_by(key.desc())
        window_from = session.scalar(newest.limit(1).offset(RANK_WINDOW - 1))
    candidates = match.apply(_passage_rows().add_columns(match.score.label("score")))
    candidates = candidates.where(DocumentRow.status == "present")
    if wanted:
        candidates = candidates.where(_contains(DocumentRow.organization, wanted))
        if faq_only:
            candidates = candidates.where(DocumentRow.kind == "faq")
    ranked = candidates.order_by(match.score.desc(), PassageRow.id).limit(limit)
    rows: Sequence[Any] = []
    if window_from is not None:
        rows = session.execute(ranked.where(key >= window_from)).all()
    if len(rows) < limit:
        rows = session.execute(ranked).all()
    return [_to_hit(row, float(row.score)) for row in rows]


def _organization_passages(
    session: Db,
    expression: str,
    window_from: int | None,
    organization: str,
    limit: int,
    *,
    faq_only: bool,
) -> list[PassageHit]:
    """The best ``limit`` passages of one organisation's present pages (SQLite): its pages
    first, then the matches of those pages only, so no match of another organisation is
    joined to its page and tested."""
    sql = _passage_sql()
    like = {"organization": _like_escaped(organization.lower())}
    listed = sql.organization_faq_pages if faq_only else sql.organization_pages
    pages = list(session.scalars(listed, like))
    if not pages:
        return []
    values: dict[str, Any] = {QUERY_TEXT: expression, "pages": pages, "limit": limit}
    best: Sequence[Any] = []
    if window_from is not None:
        best = session.execute(sql.best_of_pages, {**values, "window_from": window_from}).all()
    if len(best) < limit:  # the window held too few of them: every match is ranked
        best = session.execute(sql.best_of_pages, {**values, "window_from": 0}).all()
    return _hits(session, best)


def _best_passages_first(
    session: Db, expression: str, window_from: int | None, limit: int
) -> list[PassageHit] | None:
    """The best ``limit`` passages (with keys from ``window_from``), ranked on the full-text
    index alone, then kept when their page is present; None when too few of the best survive
    and a wider query must decide. Joining every match to its page first costs a quarter more
    than ranking all of them."""
    sql = _passage_sql()
    values: dict[str, Any] = {QUERY_TEXT: expression, "window_from": window_from or 0}
    wanted = limit * OVERSAMPLE
    best = session.execute(sql.best, {**values, "limit": wanted}).all()
    keys = [key for key, _score in best]
    # the status is tested here, not in SQL: there SQLite would walk every present page
    statuses = session.execute(sql.statuses, {"keys": keys}).all()
    present = {key for key, status in statuses if status == "present"}
    # the same order as the full query's (score, then id), so the first ``limit`` survivors
    # are its answer; unless the index had more matches than we ranked and too few survived
    chosen = [(key, score) for key, score in best if key in present][:limit]
    if len(chosen) < limit and (len(best) == wanted or window_from is not None):
        return None
    return _hits(session, chosen)


def _hits(session: Db, scored: Sequence[Any]) -> list[PassageHit]:
    """Full passages for (key, score) pairs, in their order."""
    rows = session.execute(_passage_sql().rows, {"keys": [key for key, _ in scored]}).all()
    loaded = {row.id: row for row in rows}
    return [_to_hit(loaded[key], float(score)) for key, score in scored if key in loaded]


def faq_sections(session: Session, organization: str | None) -> list[tuple[str, str, str | None]]:
    query = (
        select(
            PassageRow.document_id,
            PassageRow.section,
            PassageRow.page_title,
            PassageRow.question,
            PassageRow.anchor,
            DocumentRow.url,
        )
        .join(DocumentRow, PassageRow.document_id == DocumentRow.id)
        .where(DocumentRow.status == "present")
        .order_by(DocumentRow.title, DocumentRow.id, PassageRow.position)
    )
    if organization and organization.strip():
        query = query.where(_contains(DocumentRow.organization, organization))
    seen: set[tuple[int, int]] = set()
    sections: list[tuple[str, str, str | None]] = []
    for doc_id, section, page_title, question, anchor, url in session.execute(query):
        if (doc_id, section) not in seen:
            seen.add((doc_id, section))
            sections.append((page_title, question, passage_url(url, anchor)))
    return sections


def _distinct(name: str, column: Any, *conditions: ColumnElement[bool]) -> Select[str | None]:
    """Distinct non-null values of ``column`` under ``conditions``, by a "loose index scan":
    each next value is the least one above the last, one seek in an index on (conditions…,
    column), so the cost follows the number of names, not of rows (migration 0005)."""
    found = select(func.min(column).label("name")).where(*conditions).cte(name, recursive=True)
    following = select(
        select(func.min(column)).where(*conditions, column > found.c.name).scalar_subquery()
    ).where(found.c.name.is_not(None))
    found = found.union_all(following)
    return select(found.c.name).where(found.c.name.is_not(None))


@cache
def _organizations_query() -> Select[str | None]:
    # one statement, built once: it has no parameters, and building it costs more than running it
    # every name once (a seek each), kept when an active posting has it (another seek)
    named = _distinct("posting_orgs", PostingRow.organization).subquery()
    active = select(PostingRow.pk).where(
        PostingRow.organization == named.c.name, PostingRow.status == "active"
    )
    from_postings = select(named.c.name).where(active.exists())
    from_faq = _faq_organizations_query()
    names = union_all(from_postings, from_faq).subquery()
    return select(names.c.name)


def organizations(session: Db) -> list[str]:
    names = {name for name in session.scalars(_organizations_query()) if name and name.strip()}
    return sorted(names, key=lambda name: (name.casefold(), name))


@cache
def _faq_organizations_query() -> Select[str | None]:
    return _distinct(
        "faq_orgs",
        DocumentRow.organization,
        DocumentRow.status == "present",
        DocumentRow.kind == "faq",
    )


def faq_organizations(session: Db) -> list[str]:
    names = {n for n in session.scalars(_faq_organizations_query()) if n and n.strip()}
    return sorted(names, key=lambda name: (name.casefold(), name))


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

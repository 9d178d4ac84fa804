"""Passages by relevance: the best few of present pages for a question's words.

A common word is in a third of generated passages, so ranking is done in windows of the
newest matches (``RANK_WINDOW``), widened only while too few survive the filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Text,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
)

from bot.domain import KINDS, Kind, PassageHit
from bot.store.convert import to_passage
from bot.store.fulltext import (
    QUERY_TEXT,
    Db,
    clean_terms,
    dialect_of,
    fts5_query,
    postgres_passages_match,
    postgres_passages_values,
    sqlite_passages_match,
)
from bot.store.models import DocumentRow, PassageRow
from bot.store.names import contains, distinct_values, like_escaped

RANK_WINDOW = 500
"""How many matches of the passages' full-text index are ranked by relevance: the newest
this many (by key, which grows as pages are first stored; a passage has no date of its own).
bm25 costs about 2 us per match, and a common word is in a third of generated passages;
ranking the newest 500 costs about 1 ms at any size."""

OVERSAMPLE = 2  # passages ranked on the index alone per passage wanted
WIDEN = 8
WIDENINGS = 3


def _windows() -> list[int]:
    """The windows an organisation's passages are ranked in, one after the other while each
    holds too few of them, and then every match: the newest ``RANK_WINDOW`` matches, then
    ``WIDEN`` times as many, ``WIDENINGS`` windows in all. Ranking every match of a question
    of common words at once took 620 ms at 100,000 pages on SQLite, 770 ms on PostgreSQL."""
    return [RANK_WINDOW * WIDEN**i for i in range(WIDENINGS)]


class _PassageSql(NamedTuple):
    """SQLite's statements for a passage search; the FTS5 expression is bound (QUERY_TEXT)."""

    window_from: Select[int]  # the key of the RANK_WINDOW-th newest match of the index
    best: Select[int, float]  # (key, score) from the index alone, keys >= :window_from
    # the same, of passages on present pages of organisations like :organization (all of its
    # pages, or its FAQ pages only: an organisation's shortcut)
    best_of_organization: Select[int, float]
    best_of_organization_faq: Select[int, float]
    best_present: Select[int, float]  # the same, of passages on present pages
    statuses: Select[int, str]  # (key, page status) of :keys
    rows: Select[Any]  # passage columns with source, page organisation and url, of :keys


@cache
def _passage_sql() -> _PassageSql:
    found = sqlite_passages_match().join
    assert found is not None
    keys: Any = bindparam("keys", expanding=True)
    newest = select(found.c.key).order_by(found.c.key.desc())
    window_from = bindparam("window_from", type_=Integer)

    def best_of(pages: Select[int]) -> Select[int, float]:
        # the pages are a subquery SQLite reads once into a temporary index: as a list bound
        # from Python, an organisation's 6,000 pages of a 100,000-page store took 80 ms
        return (
            select(found.c.key, found.c.score)
            .join(PassageRow, PassageRow.id == found.c.key)
            .where(
                found.c.key >= window_from,
                PassageRow.document_id.in_(pages),
            )
            .order_by(found.c.score.desc(), found.c.key)
            .limit(bindparam("limit", type_=Integer))
        )

    return _PassageSql(
        window_from=newest.limit(1).offset(bindparam("nth", type_=Integer)),
        best=select(found.c.key, found.c.score)
        .where(found.c.key >= window_from)
        .order_by(found.c.score.desc(), found.c.key)
        .limit(bindparam("limit", type_=Integer)),
        best_of_organization=best_of(_organization_pages(KINDS)),
        best_of_organization_faq=best_of(_organization_pages(("faq",))),
        best_present=select(found.c.key, found.c.score)
        .join(PassageRow, PassageRow.id == found.c.key)
        .join(DocumentRow, DocumentRow.id == PassageRow.document_id)
        .where(found.c.key >= window_from, DocumentRow.status == "present")
        .order_by(found.c.score.desc(), found.c.key)
        .limit(bindparam("limit", type_=Integer)),
        statuses=select(PassageRow.id, DocumentRow.status)
        .join(DocumentRow, PassageRow.document_id == DocumentRow.id)
        .where(PassageRow.id.in_(keys)),
        rows=_passage_rows().where(PassageRow.id.in_(keys)),
    )


def _organization_pages(kinds: Sequence[Kind]) -> Select[int]:
    """Present pages of ``kinds`` whose organisation contains the bound ``organization``:
    the names are found first, a few seeks each (``distinct_values`` on (status, kind,
    organization), migration 0005), then their pages by the same index; testing the name
    of every page took 28 ms at 100,000 pages."""
    per_kind = [
        distinct_values(
            f"page_names_{kind}",
            DocumentRow.organization,
            DocumentRow.status == "present",
            DocumentRow.kind == kind,
        )
        for kind in kinds
    ]
    names = union_all(*per_kind).subquery() if len(per_kind) > 1 else per_kind[0].subquery()
    like = func.lower(names.c.name).contains(bindparam("organization", type_=Text), escape="/")
    return select(DocumentRow.id).where(
        DocumentRow.status == "present",
        DocumentRow.kind.in_(kinds),
        DocumentRow.organization.in_(select(names.c.name).where(like)),
    )


def _passage_rows() -> Select[Any]:
    # the table's columns, not the mapped class: plain rows whichever way this runs
    return select(
        PassageRow.__table__,
        DocumentRow.source.label("page_source"),
        DocumentRow.organization.label("page_organization"),
        DocumentRow.url.label("page_url"),
        DocumentRow.posted.label("page_posted"),
    ).join(DocumentRow, PassageRow.document_id == DocumentRow.id)


def _to_hit(row: Any, score: float) -> PassageHit:
    # a row of every passage column has every attribute ``to_passage`` reads
    passage = to_passage(
        cast(PassageRow, row), row.page_source, row.page_organization, row.page_url, row.page_posted
    )
    return PassageHit(passage=passage, score=score)


def search_passages(
    session: Db, terms: Sequence[str], organization: str | None, limit: int, faq_only: bool = False
) -> list[PassageHit]:
    """The best ``limit`` passages of present pages for any of ``terms``, ranked among the
    newest ``RANK_WINDOW`` matches of the index (a common word is in a third of generated
    FAQ passages); when those hold fewer than ``limit`` wanted passages (another
    organisation's, withdrawn pages'), among all of them (an organisation's: in wider
    windows first, ``_windows``). ``faq_only`` with an organisation: its FAQ pages only
    (what its shortcut asks)."""
    words = clean_terms(terms)
    if not words or limit <= 0:
        return []
    wanted = organization.strip() if organization else ""
    if dialect_of(session) != "sqlite":
        return _postgres_passages(session, words, wanted, limit, faq_only=faq_only)
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
    # too few of the best are on present pages: rank the matches with their pages
    values = {QUERY_TEXT: expression, "limit": limit}
    best: Sequence[Any] = []
    if window_from is not None:
        best = session.execute(
            _passage_sql().best_present, {**values, "window_from": window_from}
        ).all()
    if len(best) < limit:
        best = session.execute(_passage_sql().best_present, {**values, "window_from": 0}).all()
    return _hits(session, best)


def _postgres_passages(
    session: Db, words: Sequence[str], organization: str, limit: int, *, faq_only: bool
) -> list[PassageHit]:
    """``search_passages`` on PostgreSQL: the newest matches are read in one backward walk
    of the keys (the text index cannot order by key), ranked with their pages in the same
    statement, and only the best ``limit`` passages are then read whole."""
    values = postgres_passages_values(session, words)
    if values is None:
        return []
    bound: dict[str, Any] = {**values, "limit": limit}
    if organization:
        bound["organization"] = like_escaped(organization.lower())
    best: Sequence[Any] = []
    for window in [*(_windows() if organization else [RANK_WINDOW]), None]:
        of_faq = faq_only and bool(organization)  # the shortcut's: its FAQ pages
        statement = _postgres_best(len(values) - 1, bool(organization), of_faq, window)
        best = session.execute(statement, bound).all()
        if len(best) >= limit:
            break
    return _hits(session, best)


@cache
def _postgres_best(
    words: int, of_organization: bool, faq_only: bool, window: int | None
) -> Select[int, float]:
    """(key, score) of the best passages of present pages among the newest ``window``
    matches (all of them with None), of the bound organisation's pages with
    ``of_organization`` (its FAQ pages with ``faq_only``)."""
    vector: ColumnElement[Any] = literal_column("faq_passages.search_vector")
    newest = (
        postgres_passages_match(vector, words)
        .apply(select(PassageRow.id.label("key"), PassageRow.document_id, vector.label("vector")))
        .order_by(PassageRow.id.desc())
    )
    if window is not None:
        newest = newest.limit(window)
    found = newest.subquery("newest")
    score = postgres_passages_match(found.c.vector, words).score
    best = (
        select(found.c.key, score.label("score"))
        .join(DocumentRow, DocumentRow.id == found.c.document_id)
        .where(DocumentRow.status == "present")
    )
    if of_organization:
        name = func.lower(DocumentRow.organization)
        best = best.where(name.contains(bindparam("organization", type_=Text), escape="/"))
        if faq_only:
            best = best.where(DocumentRow.kind == "faq")
    return best.order_by(score.desc(), found.c.key).limit(bindparam("limit", type_=Integer))


def _organization_passages(
    session: Db,
    expression: str,
    window_from: int | None,
    organization: str,
    limit: int,
    *,
    faq_only: bool,
) -> list[PassageHit]:
    """The best ``limit`` passages of one organisation's present pages (SQLite): the
    matches of its pages only, so no match of another organisation is joined to its page
    and tested."""
    sql = _passage_sql()
    best_of = sql.best_of_organization_faq if faq_only else sql.best_of_organization
    values: dict[str, Any] = {
        QUERY_TEXT: expression,
        "organization": like_escaped(organization.lower()),
        "limit": limit,
    }
    for window in _windows():
        if window != RANK_WINDOW:
            nth = {QUERY_TEXT: expression, "nth": window - 1}
            window_from = session.scalar(sql.window_from, nth)
        if window_from is None:  # fewer matches than the window: it is all of them
            break
        best = session.execute(best_of, {**values, "window_from": window_from}).all()
        if len(best) >= limit:
            return _hits(session, best)
    return _hits(session, session.execute(best_of, {**values, "window_from": 0}).all())


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


def page_titles(session: Db, organization: str | None, limit: int) -> list[str]:
    # FAQ pages only: read by (status, kind) (migration 0005); every present page sorted by
    # title took 140 ms at 100,000 pages
    query = (
        select(DocumentRow.title)
        .distinct()
        .where(DocumentRow.status == "present", DocumentRow.kind == "faq")
    )
    if organization and organization.strip():
        query = query.where(contains(DocumentRow.organization, organization))
    return list(session.scalars(query.order_by(DocumentRow.title).limit(limit)))

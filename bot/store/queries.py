"""Reading: postings by filter and relevance, passages by relevance, small summaries.

A list of postings is found in two steps: the keys of one page (filtered, ranked, sorted on
narrow columns only), then the full rows of those few keys. Sorting thousands of matches with
their bodies attached would copy megabytes for five lines of reply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Any, ClassVar, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Select,
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

from bot.domain import PassageHit, Posting, PostingPage, PostingQuery
from bot.store.convert import passage_url, to_passage, to_posting
from bot.store.fulltext import clean_terms, match_passages, match_postings
from bot.store.models import DocumentRow, PassageRow, PostingRow

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])

ROWS_CHUNK = 500  # keys per IN-list when a caller asks for thousands of postings


class _IndexedAlias(Alias):
    """``postings AS listing``, read on SQLite through one named covering index only.

    A posting row holds its body (2-6 KB, about a page): checking "open? remote? deadline?"
    row by row reads a page per posting, through a covering index a few dozen pages in all.
    Without statistics SQLite's planner prefers the table (or the rowid), hence the
    ``INDEXED BY``; other backends get a plain alias. The indexes come from migrations
    0005 and 0006, on SQLite only.
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


@compiles(_ByKey, "sqlite")
@compiles(_ByDeadline, "sqlite")
def _indexed_by(element: _IndexedAlias, compiler: SQLCompiler, **kw: Any) -> str:
    visit_alias: Callable[..., str] = compiler.visit_alias  # untyped in SQLAlchemy
    rendered = visit_alias(element, **kw)
    return f"{rendered} INDEXED BY {element.index}" if kw.get("asfrom") else rendered


def _alias(kind: type[_IndexedAlias]) -> type[PostingRow]:
    table = PostingRow.__table__
    return cast(type[PostingRow], aliased(PostingRow, kind._construct(table, name="listing")))


# built once: an alias proxies every column, which costs more than a small query
_ALIASES: dict[type[_IndexedAlias], type[PostingRow]] = {
    kind: _alias(kind) for kind in (_ByKey, _ByDeadline)
}


def _listing(session: Session, kind: type[_IndexedAlias]) -> type[PostingRow]:
    """The postings to filter and sort a list on; see ``_IndexedAlias``."""
    return _ALIASES[kind] if session.get_bind().dialect.name == "sqlite" else PostingRow


def _contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring; ``%`` and ``_`` typed by a user are literal."""
    condition: ColumnElement[bool] = func.lower(column).contains(
        needle.strip().lower(), autoescape=True
    )
    return condition


def is_open(today: date, rows: type[PostingRow] = PostingRow) -> ColumnElement[bool]:
    """The SQL twin of ``Posting.is_open`` (on ``rows``, the table or an alias of it)."""
    return and_(
        rows.status == "active",
        rows.closed == false(),
        or_(rows.deadline.is_(None), rows.deadline >= today),
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


def find_postings(session: Session, q: PostingQuery) -> PostingPage:
    words = clean_terms(q.terms)
    rows = _listing(session, _ByKey if words else _ByDeadline)
    filters: list[ColumnElement[bool]] = []
    if q.organization and q.organization.strip():
        filters.append(_contains(rows.organization, q.organization))
    if q.remote is not None:
        filters.append(rows.remote == (true() if q.remote else false()))
    if q.open_until_filled is not None:
        filters.append(rows.open_until_filled == (true() if q.open_until_filled else false()))
    if q.deadline_from is not None:
        filters.append(rows.deadline >= q.deadline_from)
    if q.deadline_to is not None:
        filters.append(rows.deadline <= q.deadline_to)
    match = match_postings(session, words, key=rows.pk) if words else None

    def matching(query: SelectT) -> SelectT:
        if match is not None:
            query = match.apply(query)
        return query.where(*filters)

    listed = true() if q.include_inactive else is_open(q.today, rows)
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    cap = None if q.count_limit is None else max(q.count_limit, 0, offset + limit)
    if cap is None:
        counts = select(func.count().filter(listed), func.count().filter(not_(listed)))
        counted = session.execute(matching(counts.select_from(rows))).one()
    else:  # each count stops at cap + 1 rows: "more than cap"

        def upto(condition: ColumnElement[bool]) -> Any:
            found = matching(select(literal(1)).select_from(rows)).where(condition)
            return select(func.count()).select_from(found.limit(cap + 1).subquery())

        counted = session.execute(
            select(upto(listed).scalar_subquery(), upto(not_(listed)).scalar_subquery())
        ).one()
    total, hidden = int(counted[0]), (0 if q.include_inactive else int(counted[1]))
    if total <= offset or limit == 0:
        return PostingPage(items=(), total=total, hidden=hidden)

    keys: list[int]
    then_by: list[Any] = [rows.posted.is_(None), rows.posted.desc(), rows.id]
    page = matching(select(rows.pk)).where(listed)
    if match is not None:
        order = [match.score.desc(), rows.deadline.is_(None), rows.deadline.asc(), *then_by]
        keys = list(session.scalars(page.order_by(*order).limit(limit).offset(offset)))
    else:
        # Dated postings come first (by deadline), undated ones after: two ordered walks that
        # stop at the page, instead of sorting every match. The first needs no more than
        # offset + limit keys; the second only runs when the dated ones run out.
        wanted = offset + limit
        dated = page.where(rows.deadline.is_not(None))
        if not q.include_inactive:
            dated = dated.where(rows.deadline >= q.today)  # implied by ``listed``; a range
        found = list(session.scalars(dated.order_by(rows.deadline.asc(), *then_by).limit(wanted)))
        keys = found[offset:]
        if len(found) < wanted:
            skip = max(offset - len(found), 0)
            undated = page.where(rows.deadline.is_(None)).order_by(*then_by)
            keys += session.scalars(undated.limit(wanted - len(found) - skip).offset(skip))
    return PostingPage(items=_postings_by_key(session, keys), total=total, hidden=hidden)


def _postings_by_key(session: Session, keys: Sequence[int]) -> tuple[Posting, ...]:
    """Full postings for ``keys``, in the order of ``keys``."""
    query = (
        select(PostingRow, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .where(PostingRow.pk.in_(bindparam("keys", expanding=True)))
    )
    found: dict[int, Posting] = {}
    for start in range(0, len(keys), ROWS_CHUNK):
        chunk = list(keys[start : start + ROWS_CHUNK])
        for row, source, url in session.execute(query, {"keys": chunk}):
            found[row.pk] = to_posting(row, source, url)
    return tuple(found[key] for key in keys if key in found)


def search_passages(
    session: Session, terms: Sequence[str], organization: str | None, limit: int
) -> list[PassageHit]:
    words = clean_terms(terms)
    if not words or limit <= 0:
        return []
    match = match_passages(session, words)
    if match is None:
        return []
    query = match.apply(
        select(
            PassageRow, DocumentRow.source, DocumentRow.organization, DocumentRow.url, match.score
        )
        .join(DocumentRow, PassageRow.document_id == DocumentRow.id)
        .where(DocumentRow.status == "present")
        .order_by(match.score.desc(), PassageRow.id)
        .limit(limit)
    )
    if organization and organization.strip():
        query = query.where(_contains(DocumentRow.organization, organization))
    return [
        PassageHit(passage=to_passage(row, source, org, url), score=float(score))
        for row, source, org, url, score in session.execute(query)
    ]


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
    from_postings = _distinct(
        "posting_orgs", PostingRow.organization, PostingRow.status == "active"
    )
    from_faq = _distinct(
        "faq_orgs",
        DocumentRow.organization,
        DocumentRow.status == "present",
        DocumentRow.kind == "faq",
    )
    names = union_all(from_postings, from_faq).subquery()
    return select(names.c.name)


def organizations(session: Session) -> list[str]:
    names = {name for name in session.scalars(_organizations_query()) if name and name.strip()}
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

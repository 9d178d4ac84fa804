"""Reading: postings by filter and relevance, passages by relevance, small summaries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func, not_, or_, select, true
from sqlalchemy.orm import Session

from bot.domain import PassageHit, Posting, PostingPage, PostingQuery
from bot.store.convert import passage_url, to_passage, to_posting
from bot.store.fulltext import clean_terms, match_passages, match_postings
from bot.store.models import DocumentRow, PassageRow, PostingRow

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])


def _contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring; ``%`` and ``_`` typed by a user are literal."""
    condition: ColumnElement[bool] = func.lower(column).contains(
        needle.strip().lower(), autoescape=True
    )
    return condition


def is_open(today: date) -> ColumnElement[bool]:
    """The SQL twin of ``Posting.is_open``."""
    return and_(
        PostingRow.status == "active",
        PostingRow.closed == false(),
        or_(PostingRow.deadline.is_(None), PostingRow.deadline >= today),
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
    filters: list[ColumnElement[bool]] = []
    if q.organization and q.organization.strip():
        filters.append(_contains(PostingRow.organization, q.organization))
    if q.remote is not None:
        filters.append(PostingRow.remote == (true() if q.remote else false()))
    if q.open_until_filled is not None:
        filters.append(PostingRow.open_until_filled == (true() if q.open_until_filled else false()))
    if q.deadline_from is not None:
        filters.append(PostingRow.deadline >= q.deadline_from)
    if q.deadline_to is not None:
        filters.append(PostingRow.deadline <= q.deadline_to)

    words = clean_terms(q.terms)
    match = match_postings(session, words) if words else None

    def matching(query: SelectT) -> SelectT:
        if match is not None:
            query = match.apply(query)
        return query.where(*filters)

    open_now = is_open(q.today)
    listed = true() if q.include_inactive else open_now
    counted = session.execute(
        matching(
            select(func.count().filter(listed), func.count().filter(not_(listed))).select_from(
                PostingRow
            )
        )
    ).one()
    total, hidden = int(counted[0]), (0 if q.include_inactive else int(counted[1]))

    query = matching(
        select(PostingRow, DocumentRow.source, DocumentRow.url).join(
            DocumentRow, PostingRow.document_id == DocumentRow.id
        )
    ).where(listed)
    order: list[Any] = []
    if match is not None:
        order.append(match.score.desc())
    order += [
        PostingRow.deadline.is_(None),  # false sorts first: dated postings before undated
        PostingRow.deadline.asc(),
        PostingRow.posted.is_(None),
        PostingRow.posted.desc(),
        PostingRow.id,
    ]
    query = query.order_by(*order).limit(max(q.limit, 0)).offset(max(q.offset, 0))
    items = tuple(to_posting(*row) for row in session.execute(query))
    return PostingPage(items=items, total=total, hidden=hidden)


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


def organizations(session: Session) -> list[str]:
    from_postings = select(PostingRow.organization).where(
        PostingRow.status == "active", PostingRow.organization.is_not(None)
    )
    from_faq = select(DocumentRow.organization).where(
        DocumentRow.status == "present",
        DocumentRow.kind == "faq",
        DocumentRow.organization.is_not(None),
    )
    names = {
        name for name in session.scalars(from_postings.union(from_faq)) if name and name.strip()
    }
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

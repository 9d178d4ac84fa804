"""Reading postings: by filter, by id, and the store's counts (keyword lists are ranked by
``bot.store.ranking``).

A list of postings is found in two steps: the keys of one page (filtered, ranked, sorted on
narrow columns only), then the full rows of those few keys. Sorting thousands of matches with
their bodies attached would copy megabytes for five lines of reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    bindparam,
    case,
    func,
    literal,
    not_,
    select,
    true,
)
from sqlalchemy.orm import Session

from bot.domain import (
    PERIODS_PER_YEAR,
    Posting,
    PostingHead,
    PostingPage,
    PostingQuery,
)
from bot.store.convert import to_posting
from bot.store.fulltext import (
    Db,
    clean_terms,
    dialect_of,
    postings_query_text,
    postings_text_match,
    titles_query_text,
)
from bot.store.listing import (
    ByDeadline,
    ByKey,
    ByOrganization,
    Shape,
    bound,
    is_open,
    listing_rows,
    one_of,
)
from bot.store.models import DocumentRow, PassageRow, PostingRow
from bot.store.names import like_escaped, organizations_like
from bot.store.ranking import TITLES_QUERY, WordSql, keyword_page, titles_hold_words, word_sql
from bot.store.types import Money

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])
Rows = Select[*tuple[Any, ...]]

ROWS_CHUNK = 500  # keys per IN-list when a caller asks for thousands of postings


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


class _ListSql(NamedTuple):
    counts: Select[*tuple[Any, ...]]  # (listed, hidden); each stops at :over when capped
    words: WordSql | None  # with words: the statements of a ranked list
    dated: Select[int] | None  # without: dated postings by deadline, :wanted of them
    undated: Select[int] | None  # then the undated ones, :limit after :offset


def _per_year(rows: type[PostingRow]) -> ColumnElement[int]:
    """How many of a posting's salary periods make a year (1 when it names none)."""
    periods = [(rows.salary_period == name, n) for name, n in PERIODS_PER_YEAR.items() if n > 1]
    return case(*periods, else_=1)


@cache
def _list_sql(shape: Shape) -> _ListSql:
    """The statements of one shape of list, built once: building and hashing them costs more
    than running them (a few ms per /jobs otherwise)."""
    rows = listing_rows(shape.sqlite, ByKey if shape.words else ByDeadline)
    # counting one organisation's postings seeks its names instead of testing every posting
    by_organization = shape.organization and not shape.words
    counted_rows = listing_rows(shape.sqlite, ByOrganization) if by_organization else rows
    match = postings_text_match("sqlite" if shape.sqlite else "postgresql", rows.pk)

    def filtered(query: SelectT, rows: type[PostingRow] = rows) -> SelectT:
        # withdrawn and removed postings are never listed nor counted, not even by /jobs all
        query = query.where(rows.status == "active")
        if shape.organization:
            query = query.where(rows.organization.in_(bindparam(NAMED, expanding=True)))
        if shape.remote:
            query = query.where(rows.remote == bound("remote", Boolean))
        if shape.open_until_filled:
            query = query.where(rows.open_until_filled == bound("open_until_filled", Boolean))
        if shape.deadline_from:
            query = query.where(rows.deadline >= bound("deadline_from", Date))
        if shape.deadline_to:
            query = query.where(rows.deadline <= bound("deadline_to", Date))
        if shape.in_titles:
            # tested on each posting a walk or count reads: offered the head index, PostgreSQL
            # intersected it with every walk (a title in 500 postings: 23 -> 37 ms at 100,000
            # postings); few title matches are read from the index (``ranking.word_sql``)
            query = query.where(titles_hold_words().is_(true()))
        # a range's top reaches the amount, its bottom stays within it; one amount is both;
        # each a year's pay ("€3,000 a month" pays over 30k)
        if shape.salary_at_least:
            top = func.coalesce(rows.salary_max, rows.salary_min) * _per_year(rows)
            query = query.where(top >= bound("salary_at_least", Money))
        if shape.salary_at_most:
            bottom = func.coalesce(rows.salary_min, rows.salary_max) * _per_year(rows)
            query = query.where(bottom <= bound("salary_at_most", Money))
        return query

    def matching(query: SelectT, rows: type[PostingRow] = rows) -> SelectT:
        return filtered(match.apply(query) if shape.words else query, rows)

    today = bound("today", Date)
    window = {"fresh_from": bound("fresh_from", Date), "filled_from": bound("filled_from", Date)}
    listed = true() if shape.include_inactive else is_open(today, rows, **window)
    counted = true() if shape.include_inactive else is_open(today, counted_rows, **window)
    if shape.capped:

        def upto(condition: ColumnElement[bool]) -> Any:
            found = matching(select(literal(1)).select_from(counted_rows), counted_rows)
            over = found.where(condition).limit(bound("over", Integer)).subquery()
            return select(func.count()).select_from(over).scalar_subquery()

        totals = select(upto(counted), upto(not_(counted)))
        hidden = select(upto(not_(counted)))
    else:
        every = select(func.count().filter(counted), func.count().filter(not_(counted)))
        totals = matching(every.select_from(counted_rows), counted_rows)
        unlisted = select(func.count().filter(not_(counted))).select_from(counted_rows)
        hidden = matching(unlisted, counted_rows)

    limit, offset = bound("limit", Integer), bound("offset", Integer)
    then_by: list[Any] = [rows.posted.is_(None), rows.posted.desc(), rows.id]
    if shape.words:
        return _ListSql(totals, word_sql(shape, filtered, hidden), None, None)
    page = matching(select(rows.pk)).where(listed)
    dated = page.where(rows.deadline.is_not(None))
    if not shape.include_inactive:
        dated = dated.where(rows.deadline >= today)  # implied by ``listed``; makes it a range
    dated = dated.order_by(rows.deadline.asc(), *then_by).limit(bound("wanted", Integer))
    undated = page.where(rows.deadline.is_(None)).order_by(*then_by).limit(limit).offset(offset)
    return _ListSql(totals, None, dated, undated)


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
    sqlite = dialect_of(session) == "sqlite"
    heads: dict[int, PostingHead] = {}
    for start in range(0, len(keys), ROWS_CHUNK):
        chunk = list(keys[start : start + ROWS_CHUNK])
        for pk, *head in session.execute(_heads_by_key_sql(sqlite), {"keys": chunk}).all():
            heads[pk] = PostingHead(*head)
    return [heads[key] for key in keys if key in heads]


def postings_by_id(session: Db, ids: Sequence[str]) -> list[Posting]:
    """The postings ``ids``, in that order (unknown ones left out)."""
    sqlite = dialect_of(session) == "sqlite"
    keys: dict[str, int] = {}
    for start in range(0, len(ids), ROWS_CHUNK):
        chunk = list(ids[start : start + ROWS_CHUNK])
        keys.update(
            (posting_id, pk)
            for posting_id, pk in session.execute(_keys_by_id_sql(sqlite), {"ids": chunk})
        )
    return list(_postings_by_key(session, [keys[i] for i in ids if i in keys]))


@cache
def _heads_by_key_sql(sqlite: bool) -> Rows:
    rows = PostingRow
    return select(rows.pk, rows.id, rows.location, rows.remote).where(
        one_of(sqlite, rows.pk, "keys")
    )


@cache
def _keys_by_id_sql(sqlite: bool) -> Rows:
    return select(PostingRow.id, PostingRow.pk).where(
        one_of(sqlite, PostingRow.id, "ids", ids=True)
    )


def _named(session: Db, organization: str, known: Sequence[str] | None) -> Sequence[str]:
    """The names a list's ``organization`` stands for: ``known`` by the caller, or read."""
    if known is not None:
        return known
    like = {"organization": like_escaped(organization)}
    return list(session.scalars(organizations_like(), like))


def _shape(q: PostingQuery, *, sqlite: bool, words: bool, organization: str) -> Shape:
    return Shape(
        sqlite=sqlite,
        words=words,
        organization=bool(organization),
        remote=q.remote is not None,
        open_until_filled=q.open_until_filled is not None,
        deadline_from=q.deadline_from is not None,
        deadline_to=q.deadline_to is not None,
        include_inactive=q.include_inactive,
        capped=q.count_limit is not None,
        salary_at_least=q.salary_at_least is not None,
        salary_at_most=q.salary_at_most is not None,
        in_titles=q.in_titles and not sqlite and words,
    )


def _find_keys(
    session: Db, q: PostingQuery, organizations: Sequence[str] | None
) -> tuple[list[int], int, int]:
    """The keys of ``q``'s page, in order; how many are listed; how many are hidden (past
    the cap, whether any: ``PostingPage``)."""
    keys, total, hidden = _keys_and_counts(session, q, organizations)
    cap = _cap(q)
    if cap is not None and total > cap:
        hidden = min(hidden, 1)
    return keys, total, hidden


def _cap(q: PostingQuery) -> int | None:
    """How far ``q``'s counts are exact (``PostingQuery.count_limit``); None: all the way."""
    if q.count_limit is None:
        return None
    return max(q.count_limit, 0, max(q.offset, 0) + max(q.limit, 0))


def _keys_and_counts(
    session: Db, q: PostingQuery, organizations: Sequence[str] | None
) -> tuple[list[int], int, int]:
    words = clean_terms(q.terms)
    others: dict[str, list[str]] = {}
    for term, phrase in q.said_otherwise:
        others.setdefault(term, []).append(phrase)
    query_text = postings_query_text(session, words, in_titles=q.in_titles, others=others)
    if q.in_titles and words and query_text is None:
        return [], 0, 0  # stop words alone name no posting (a list of every one otherwise)
    organization = q.organization.strip().lower() if q.organization else ""
    limit, offset = max(q.limit, 0), max(q.offset, 0)
    cap = _cap(q)
    sqlite = dialect_of(session) == "sqlite"
    shape = _shape(q, sqlite=sqlite, words=query_text is not None, organization=organization)
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
        return keyword_page(
            session, sql.words, sql.counts, values, words, q, query_text=query_text, cap=cap
        )
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


@cache
def _postings_by_key_sql(sqlite: bool) -> Select[Any]:
    # the table's columns, not the mapped class: plain rows whichever way this runs
    return (
        select(PostingRow.__table__, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .where(one_of(sqlite, PostingRow.pk, "keys"))
    )


def _postings_by_key(session: Db, keys: Sequence[int]) -> tuple[Posting, ...]:
    """Full postings for ``keys``, in the order of ``keys``."""
    query = _postings_by_key_sql(dialect_of(session) == "sqlite")
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

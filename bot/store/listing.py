"""The postings a list reads, and what "open" means in SQL: shared by every list of postings
(``bot.store.queries``) and the keyword lists' ranking (``bot.store.ranking``), and how a
list of keys is bound (``one_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    any_,
    bindparam,
    false,
    func,
    or_,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Alias

from bot.domain import DEFAULT_FRESHNESS
from bot.store.models import PostingRow


class IndexedAlias(Alias):
    """``postings AS listing``, read on SQLite through one named covering index only.

    A posting row holds its body (2-6 KB, about a page): checking "open? remote? deadline?"
    row by row reads a page per posting, through a covering index a few dozen pages in all.
    Without statistics SQLite's planner prefers the table (or the rowid), hence the
    ``INDEXED BY``; other backends get a plain alias. The indexes come from migrations
    0005-0007.
    """

    inherit_cache = True
    index: ClassVar[str]


class ByKey(IndexedAlias):
    """(pk, status, closed, deadline, …): one seek per full-text match."""

    inherit_cache = True
    index = "ix_postings_listing"


class ByDeadline(IndexedAlias):
    """(deadline, status, closed, …): lists without words walk it in deadline order."""

    inherit_cache = True
    index = "ix_postings_by_deadline"


class ByOrganization(IndexedAlias):
    """(organization, status, closed, deadline, …): counts for a few organisations' names."""

    inherit_cache = True
    index = "ix_postings_by_organization"


class ByPosted(IndexedAlias):
    """(posted, status, closed, deadline, …): keyword lists walk it newest first (0011)."""

    inherit_cache = True
    index = "ix_postings_by_posted"


@compiles(ByKey, "sqlite")
@compiles(ByDeadline, "sqlite")
@compiles(ByPosted, "sqlite")
@compiles(ByOrganization, "sqlite")
def _indexed_by(element: IndexedAlias, compiler: SQLCompiler, **kw: Any) -> str:
    visit_alias: Callable[..., str] = compiler.visit_alias  # untyped in SQLAlchemy
    rendered = visit_alias(element, **kw)
    return f"{rendered} INDEXED BY {element.index}" if kw.get("asfrom") else rendered


def _alias(kind: type[IndexedAlias]) -> type[PostingRow]:
    table = PostingRow.__table__
    return cast(type[PostingRow], aliased(PostingRow, kind._construct(table, name="listing")))


# built once: an alias proxies every column, which costs more than a small query
_ALIASES: dict[type[IndexedAlias], type[PostingRow]] = {
    kind: _alias(kind) for kind in (ByKey, ByDeadline, ByOrganization, ByPosted)
}


def listing_rows(sqlite: bool, kind: type[IndexedAlias]) -> type[PostingRow]:
    """The postings to filter and sort a list on; see ``IndexedAlias``."""
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


@dataclass(frozen=True)
class Shape:
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


def bound(name: str, kind: Any) -> Any:
    return bindparam(name, type_=kind)


def one_of(sqlite: bool, column: Any, name: str, *, ids: bool = False) -> ColumnElement[bool]:
    """``column`` is one of the bound list ``name`` (keys; posting ids with ``ids``): on
    PostgreSQL one array, not a parameter per value (500 keys cost 2 ms more as 500
    parameters, and every length was a statement of its own to parse and plan)."""
    if sqlite:
        within: ColumnElement[bool] = column.in_(bindparam(name, expanding=True))
        return within
    values = ARRAY(String) if ids else ARRAY(Integer)
    return cast(ColumnElement[bool], column == any_(bindparam(name, type_=values)))

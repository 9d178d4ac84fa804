"""Organisation names: which the store holds, and which of them a filter's words stand for.

Every command needs the names (to recognise one in a question, to route a shortcut), and a
list filtered by organisation needs those holding the words asked; both are read by seeks in
an index, never by testing every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, bindparam, func, select, union_all

from bot.store.fulltext import Db
from bot.store.models import DocumentRow, PostingRow


def contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring; ``%`` and ``_`` typed by a user are literal."""
    condition: ColumnElement[bool] = func.lower(column).contains(
        needle.strip().lower(), autoescape=True
    )
    return condition


@cache
def organizations_like() -> Select[str | None]:
    """The organisation names (of any posting) containing the bound ``organization``: the
    same test as ``contains``, made once per name instead of once per posting."""
    names = distinct_values("posting_names", PostingRow.organization).subquery()
    like = func.lower(names.c.name).contains(bindparam("organization", type_=Text), escape="/")
    return select(names.c.name).where(like)


def named_organizations(needle: str, names: Iterable[str]) -> list[str]:
    """Of ``names``, those holding ``needle`` whatever its case: ``organizations_like`` on
    names already read (``Store`` keeps them)."""
    folded = needle.strip().casefold()
    return [name for name in names if folded in name.casefold()]


def like_escaped(needle: str) -> str:
    """``needle`` for ``contains(…, escape="/")``: what ``autoescape=True`` does to a value."""
    return needle.replace("/", "//").replace("%", "/%").replace("_", "/_")


def distinct_values(name: str, column: Any, *conditions: ColumnElement[bool]) -> Select[str | None]:
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
    named = distinct_values("posting_orgs", PostingRow.organization).subquery()
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
    return distinct_values(
        "faq_orgs",
        DocumentRow.organization,
        DocumentRow.status == "present",
        DocumentRow.kind == "faq",
    )


def faq_organizations(session: Db) -> list[str]:
    names = {n for n in session.scalars(_faq_organizations_query()) if n and n.strip()}
    return sorted(names, key=lambda name: (name.casefold(), name))


@cache
def _posting_titles_query() -> Select[str | None]:
    return select(PostingRow.title).where(PostingRow.status != "withdrawn").distinct()


def posting_titles(session: Db) -> list[str]:
    """Distinct titles of postings not withdrawn, open or not: the names a question may
    misspell ("the metdata librarian job")."""
    return sorted({t for t in session.scalars(_posting_titles_query()) if t and t.strip()})

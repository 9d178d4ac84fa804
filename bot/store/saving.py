"""Writing parsed documents: upserts in bulk, stable posting ids, withdrawal of vanished files.

Every function works inside the caller's session (one transaction per call of the Store
method) and sends one executemany per table and batch, never one statement per row: a load of
10,000 files is dominated by parsing, not by the database.
"""

from __future__ import annotations

import logging
import weakref
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Literal, NamedTuple, cast

from sqlalchemy import (
    BindParameter,
    Dialect,
    Select,
    Table,
    bindparam,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from bot.domain import ParsedDocument, PostingDraft
from bot.store.bulk import insert_many
from bot.store.convert import evidence_to_json, maybe_text, slugify, text
from bot.store.fulltext import index_inserted
from bot.store.keys import origin_of
from bot.store.models import DocumentRow, PassageRow, PostingRow

logger = logging.getLogger(__name__)

SaveOutcome = Literal["added", "updated", "unchanged"]

CHUNK = 500  # IN-lists and parameter sets stay far below every driver's limits
PROBE = 8  # clash suffixes looked up per crowded slug and query
# One expanding parameter instead of a literal per element: a 500-key IN costs no compiling.
KEYS: BindParameter[Any] = bindparam("keys", expanding=True)

# Core statements on the tables: the ORM's bulk layer costs more than the database itself here.
DOCUMENTS = cast(Table, DocumentRow.__table__)
POSTINGS = cast(Table, PostingRow.__table__)
PASSAGES = cast(Table, PassageRow.__table__)


class _Known(NamedTuple):
    id: int
    content_hash: str
    status: str


class _OldPosting(NamedTuple):
    pk: int
    status: str


def _chunks(items: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


_EXPANDED = "__[POSTCOMPILE_keys]"  # where SQLAlchemy renders KEYS' placeholders
_KNOWN = select(
    DOCUMENTS.c.source, DOCUMENTS.c.id, DOCUMENTS.c.content_hash, DOCUMENTS.c.status
).where(DOCUMENTS.c.source.in_(KEYS))
_OLD_POSTINGS = select(
    POSTINGS.c.document_id, POSTINGS.c.position, POSTINGS.c.pk, POSTINGS.c.status
).where(POSTINGS.c.document_id.in_(KEYS))
_TAKEN = select(POSTINGS.c.id).where(POSTINGS.c.id.in_(KEYS))
# The SQLite text of each of those, per dialect object (None: let SQLAlchemy expand KEYS).
_KEYED_SQL: weakref.WeakKeyDictionary[Dialect, dict[Select[Any], str | None]] = (
    weakref.WeakKeyDictionary()
)


def _rows_for_keys(session: Session, query: Select[Any], keys: Sequence[Any]) -> Iterator[Any]:
    """The rows of ``query``, whose one parameter is ``KEYS``, for all ``keys``, a chunk per
    statement. On SQLite the statement is compiled once and each chunk gets its "?, ?, …"
    directly: SQLAlchemy's expansion of a 500-key IN costs more than SQLite's 500 lookups."""
    if not keys:
        return
    connection = session.connection()
    sql = _keyed_sql(connection.dialect, query)
    for chunk in _chunks(keys):
        if sql is None:
            yield from session.execute(query, {"keys": chunk})
        else:
            marks = ", ".join("?" * len(chunk))
            yield from connection.exec_driver_sql(sql.replace(_EXPANDED, marks), tuple(chunk))


def _keyed_sql(dialect: Dialect, query: Select[Any]) -> str | None:
    known = _KEYED_SQL.setdefault(dialect, {})
    if query not in known:
        sql = None
        if dialect.name == "sqlite":
            compiled = query.compile(dialect=dialect)
            if list(compiled.positiontup or ()) == ["keys"] and _EXPANDED in compiled.string:
                sql = compiled.string
        known[query] = sql
    return known[query]


def save_documents(
    session: Session, docs: Sequence[ParsedDocument], now: datetime, *, reread: bool = False
) -> dict[str, SaveOutcome]:
    """Upsert documents with their postings and passages; see ``Store.save_documents``."""
    latest: dict[str, ParsedDocument] = {}
    for doc in docs:  # a source given twice: the later version wins
        latest[doc.source] = doc

    known = _known_documents(session, list(latest))
    outcome: dict[str, SaveOutcome] = {}
    fresh: list[ParsedDocument] = []
    changed: dict[int, ParsedDocument] = {}
    for source, doc in latest.items():
        found = known.get(source)
        if found is None:
            fresh.append(doc)
            outcome[source] = "added"
        elif found.content_hash == doc.content_hash and found.status == "present" and not reread:
            outcome[source] = "unchanged"
        else:
            changed[found.id] = doc
            outcome[source] = "updated"

    saved: dict[int, ParsedDocument] = dict(changed)
    if fresh:
        rows = [{**_document_values(doc, now), "first_seen": now} for doc in fresh]
        # A plain executemany and one range lookup: SQLite answers RETURNING with ordered
        # parameters one row per statement, which is ten times slower.
        before = _last_key(session, DOCUMENTS)
        insert_many(session, DOCUMENTS, rows)
        inserted = select(DOCUMENTS.c.source, DOCUMENTS.c.id).where(DOCUMENTS.c.id > before)
        ids: dict[str, int] = {source: doc_id for source, doc_id in session.execute(inserted)}
        for doc in fresh:
            saved[ids[doc.source]] = doc
    if changed:
        _update_by_key(
            session,
            DOCUMENTS,
            "id",
            [{"id": doc_id, **_document_values(doc, now)} for doc_id, doc in changed.items()],
        )
    if saved:
        _save_postings(session, saved, list(changed), now)
        _save_passages(session, saved, list(changed))
    return outcome


def _last_key(session: Session, table: Table) -> int:
    """The highest integer key so far: rows inserted next have higher ones (SQLite takes
    max(rowid) + 1, PostgreSQL sequences only grow), which finds them without an IN-list."""
    key = next(iter(table.primary_key.columns))
    return int(session.scalar(select(func.coalesce(func.max(key), 0))) or 0)


def _update_by_key(session: Session, table: Table, key: str, rows: list[dict[str, Any]]) -> None:
    """One executemany UPDATE … WHERE key = ?; every row carries the same columns."""
    if not rows:
        return
    statement = update(table).where(table.c[key] == bindparam("_key"))
    columns = [name for name in rows[0] if name != key]
    statement = statement.values({name: bindparam(f"_set_{name}") for name in columns})
    session.execute(
        statement,
        [{"_key": row[key], **{f"_set_{name}": row[name] for name in columns}} for row in rows],
    )


def present_hashes(session: Session, sources: Sequence[str]) -> dict[str, str]:
    return {
        source: found.content_hash
        for source, found in _known_documents(session, list(sources)).items()
        if found.status == "present"
    }


def _known_documents(session: Session, sources: list[str]) -> dict[str, _Known]:
    return {
        source: _Known(doc_id, content_hash, status)
        for source, doc_id, content_hash, status in _rows_for_keys(session, _KNOWN, sources)
    }


def _document_values(doc: ParsedDocument, now: datetime) -> dict[str, Any]:
    return {
        "source": doc.source,
        "content_hash": doc.content_hash,
        "kind": doc.kind,
        "title": text(doc.title),
        "organization": maybe_text(doc.organization),
        "posted": doc.posted,
        "url": maybe_text(doc.url),
        "warnings": [text(w) for w in doc.warnings],
        "status": "present",
        "updated": now,
        "origin": origin_of(doc.source),
    }


def _posting_values(draft: PostingDraft, doc: ParsedDocument, now: datetime) -> dict[str, Any]:
    # A draft that does not name its organisation or date inherits the page's.
    return {
        "title": text(draft.title),
        "organization": maybe_text(draft.organization or doc.organization),
        "location": maybe_text(draft.location),
        "remote": draft.remote,
        "deadline": draft.deadline,
        "deadline_inferred": draft.deadline_inferred,
        "open_until_filled": draft.open_until_filled,
        "closed": draft.closed,
        "salary": maybe_text(draft.salary),
        "salary_min": draft.salary_min,
        "salary_currency": maybe_text(draft.salary_currency),
        "contacts": [text(c) for c in draft.contacts],
        "posted": draft.posted or doc.posted,
        "body": text(draft.body),
        "evidence": evidence_to_json(draft.evidence),
        "updated": now,
        "salary_max": draft.salary_max,
        "salary_period": maybe_text(draft.salary_period),
        "employment_type": maybe_text(draft.employment_type),
        "remote_regions": [text(r) for r in draft.remote_regions],
        "page_url": maybe_text(doc.page_url),
        "file_url": maybe_text(doc.file_url),
    }


def _save_postings(
    session: Session, saved: dict[int, ParsedDocument], changed: list[int], now: datetime
) -> None:
    old = {
        (doc_id, position): _OldPosting(pk, status)
        for doc_id, position, pk, status in _rows_for_keys(session, _OLD_POSTINGS, changed)
    }

    updates: list[dict[str, Any]] = []
    new: list[dict[str, Any]] = []
    wanted: list[str] = []
    for doc_id, doc in saved.items():
        for position, draft in enumerate(doc.postings):
            values = _posting_values(draft, doc, now)
            previous = old.pop((doc_id, position), None)
            if previous is not None:
                # Same (source, position): same id forever. An admin's removal sticks.
                status = "removed" if previous.status == "removed" else "active"
                updates.append({"pk": previous.pk, **values, "status": status})
            else:
                new.append(
                    {
                        **values,
                        "document_id": doc_id,
                        "position": position,
                        "status": "active",
                        "first_seen": now,
                    }
                )
                wanted.append(slugify(draft.slug))
    # Positions the new version no longer has: keep the rows (ids stay valid), mark them gone.
    stale = [
        {"pk": gone.pk, "status": "withdrawn", "updated": now}
        for gone in old.values()
        if gone.status == "active"
    ]

    for row, posting_id in zip(new, allocate_ids(session, wanted), strict=True):
        row["id"] = posting_id
    if new:
        after = _last_key(session, POSTINGS)
        insert_many(session, POSTINGS, new)
        index_inserted(session, "postings", after)
    _update_by_key(session, POSTINGS, "pk", updates)
    _update_by_key(session, POSTINGS, "pk", stale)


def allocate_ids(session: Session, wanted: list[str]) -> list[str]:
    """Give each wanted slug itself, or the first free ``slug-2``, ``slug-3``… on a clash.

    Candidates are looked up by exact id, many per query (an indexed IN on every backend),
    never by LIKE, which SQLite cannot answer from the index.
    """
    taken = _existing_ids(session, set(wanted))
    clashing = {base for base in wanted if base in taken} | {
        base for base, n in Counter(wanted).items() if n > 1
    }
    probed = dict.fromkeys(clashing, 2 + PROBE)  # base -> first suffix not yet looked up
    taken |= _existing_ids(
        session, {f"{base}-{n}" for base in clashing for n in range(2, 2 + PROBE)}
    )
    next_suffix: dict[str, int] = {}
    chosen: list[str] = []
    for base in wanted:
        candidate = base
        if candidate in taken:
            suffix = next_suffix.get(base, 2)
            while True:
                if suffix >= probed[base]:  # a crowded slug: look further, one window at a time
                    window = {f"{base}-{n}" for n in range(suffix, suffix + PROBE)}
                    taken |= _existing_ids(session, window)
                    probed[base] = suffix + PROBE
                candidate = f"{base}-{suffix}"
                suffix += 1
                if candidate not in taken:
                    break
            next_suffix[base] = suffix
            logger.debug("posting id %s is taken; using %s", base, candidate)
        taken.add(candidate)
        chosen.append(candidate)
    return chosen


def _existing_ids(session: Session, candidates: set[str]) -> set[str]:
    return {posting_id for (posting_id,) in _rows_for_keys(session, _TAKEN, sorted(candidates))}


def _save_passages(session: Session, saved: dict[int, ParsedDocument], changed: list[int]) -> None:
    # Passages have no identity worth keeping: a changed page replaces all of them.
    for chunk in _chunks(changed):
        session.execute(delete(PASSAGES).where(PASSAGES.c.document_id.in_(KEYS)), {"keys": chunk})
    rows: list[dict[str, Any]] = []
    for doc_id, doc in saved.items():
        position = 0
        for section_no, section in enumerate(doc.faq):
            for passage in section.passages:
                rows.append(
                    {
                        "document_id": doc_id,
                        "section": section_no,
                        "position": position,
                        "question": text(section.question),
                        "anchor": maybe_text(section.anchor),
                        "page_title": text(doc.title),
                        "text": text(passage),
                    }
                )
                position += 1
    if rows:
        after = _last_key(session, PASSAGES)
        insert_many(session, PASSAGES, rows)
        index_inserted(session, "faq_passages", after)


def withdraw_missing(session: Session, present: set[str], now: datetime, origin: str) -> list[str]:
    """Mark documents of the source ``origin`` whose file is gone (and their active
    postings) as withdrawn; other sources' documents are never touched."""
    current = session.execute(
        select(DocumentRow.id, DocumentRow.source).where(
            DocumentRow.origin == origin, DocumentRow.status == "present"
        )
    ).all()
    return _withdraw(
        session, [(doc_id, source) for doc_id, source in current if source not in present], now
    )


def withdraw(session: Session, keys: Sequence[str], now: datetime) -> list[str]:
    """Mark the present documents ``keys`` (and their active postings) as withdrawn."""
    found = _rows_for_keys(session, _KNOWN, list(keys))
    return _withdraw(
        session,
        [(doc_id, source) for source, doc_id, _, status in found if status == "present"],
        now,
    )


def _withdraw(session: Session, gone: list[tuple[int, str]], now: datetime) -> list[str]:
    ids = [doc_id for doc_id, _ in gone]
    for chunk in _chunks(ids):
        session.execute(
            update(DOCUMENTS)
            .where(DOCUMENTS.c.id.in_(KEYS))
            .values(status="withdrawn", updated=now),
            {"keys": chunk},
        )
        session.execute(
            update(POSTINGS)
            .where(POSTINGS.c.document_id.in_(KEYS), POSTINGS.c.status == "active")
            .values(status="withdrawn", updated=now),
            {"keys": chunk},
        )
    return sorted(source for _, source in gone)

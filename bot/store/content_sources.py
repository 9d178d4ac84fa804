"""What Herald remembers of each named source: the commit its content was synced from, when,
and the last error (a failed fetch), with counts of what the source holds in the store.

The synced commit is the base of the next incremental sync, so it lives in the database:
whichever replica holds the scheduler lease next diffs from it.

Example::

    records = SourceRecords(store)
    records.synced("site", "git", "https://…/site.git", "3f2a…", now)
    records.failed("site", "git", "https://…/site.git", "git fetch failed: …", now)
    records.get("site").error                  # "git fetch failed: …"
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, Text, func, select, update
from sqlalchemy.engine import Connection

from bot.store.models import DocumentRow, PostingRow
from bot.store.store import Store
from bot.store.types import UTCDateTime

_metadata = MetaData()
# Created by migration 0012.
sources_table = Table(
    "content_sources",
    _metadata,
    Column("name", String(300), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("location", Text, nullable=False),
    Column("synced_commit", String(64)),
    Column("synced_at", UTCDateTime),
    Column("fetched_at", UTCDateTime),
    Column("error", Text),
    Column("error_at", UTCDateTime),
    Column("reader", String(64)),  # migration 0015: the loader's version (bot.content.reader)
)


@dataclass(frozen=True)
class SourceRecord:
    name: str
    kind: str
    location: str
    synced_commit: str | None = None
    synced_at: datetime | None = None
    fetched_at: datetime | None = None
    error: str | None = None
    error_at: datetime | None = None
    reader: str | None = None
    documents: int = 0
    postings: int = 0


class SourceRecords:
    """Each method is one short transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._engine = store.engine

    def get(self, name: str) -> SourceRecord | None:
        with self._engine.connect() as connection:
            row = connection.execute(
                select(sources_table).where(sources_table.c.name == name)
            ).first()
            return None if row is None else SourceRecord(**row._asdict())

    def all(self) -> list[SourceRecord]:
        """Every source ever synced, and every source with documents, with their counts."""
        with self._engine.connect() as connection:
            rows = {
                row.name: SourceRecord(**row._asdict())
                for row in connection.execute(select(sources_table).order_by(sources_table.c.name))
            }
            documents = _counts(
                connection,
                select(DocumentRow.origin, func.count())
                .where(DocumentRow.status == "present")
                .group_by(DocumentRow.origin),
            )
            postings = _counts(
                connection,
                select(DocumentRow.origin, func.count())
                .select_from(PostingRow)
                .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
                .where(PostingRow.status == "active")
                .group_by(DocumentRow.origin),
            )
        names = sorted(set(rows) | set(documents))
        return [
            SourceRecord(
                **{
                    **(rows[n].__dict__ if n in rows else {"name": n, "kind": "?", "location": ""}),
                    "documents": documents.get(n, 0),
                    "postings": postings.get(n, 0),
                }
            )
            for n in names
        ]

    def synced(
        self,
        name: str,
        kind: str,
        location: str,
        commit: str | None,
        at: datetime,
        reader: str | None = None,
    ) -> None:
        """A sync succeeded (from ``commit`` for a git source, its files read by the loader's
        version ``reader``): the error, if any, is over."""
        values = {"synced_commit": commit, "synced_at": at, "error": None, "error_at": None}
        self._put(name, kind, location, values if reader is None else {**values, "reader": reader})

    def fetched(self, name: str, kind: str, location: str, at: datetime) -> None:
        self._put(name, kind, location, {"fetched_at": at})

    def failed(self, name: str, kind: str, location: str, error: str, at: datetime) -> None:
        """A fetch or sync failed; what is in the store stays as it was."""
        self._put(name, kind, location, {"error": error[:1000], "error_at": at})

    def _put(self, name: str, kind: str, location: str, values: dict[str, Any]) -> None:
        # read-then-write in one writing transaction (SQLite: taken up front)
        with self._store.transaction(content=False) as connection:
            found = connection.execute(
                select(sources_table.c.name).where(sources_table.c.name == name)
            ).first()
            if found is None:
                connection.execute(
                    sources_table.insert().values(name=name, kind=kind, location=location, **values)
                )
            else:
                connection.execute(
                    update(sources_table)
                    .where(sources_table.c.name == name)
                    .values(kind=kind, location=location, **values)
                )


def _counts(connection: Connection, query: Any) -> dict[str, int]:
    return {origin: int(n) for origin, n in connection.execute(query)}

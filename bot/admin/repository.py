"""Persistence of admin actions: chat edits saved with their audit rows, status changes, previews.

Every change is one transaction that also writes its audit row, so the trail never misses an
action that happened and never shows one that did not. A document change re-checks the hash
the caller based its edit on, under the write lock (SQLite's IMMEDIATE transaction, a row
lock on PostgreSQL), so two admins editing one posting cannot overwrite each other unseen.

Example::

    admin = AdminStore(store)
    found = admin.posting_file("datacite-data-steward-2026")   # posting, source, stored hash
    admin.save_document(doc, now, expected_hash=found.content_hash, write=lambda: ...,
                        actor=Actor("slack", "U1"), action="edit")
    admin.recent(10)                                             # the last ten actions
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.admin.records import (
    Actor,
    AuditEntry,
    NewAudit,
    Pending,
    PostingFile,
    Refused,
    snapshot,
)
from bot.domain import ParsedDocument, Posting, PostingStatus
from bot.store import saving
from bot.store.admin_models import AuditRow, PendingRow
from bot.store.convert import to_posting
from bot.store.models import DocumentRow, PostingRow
from bot.store.store import Store

logger = logging.getLogger(__name__)

PENDING_KEPT = timedelta(days=1)  # expired previews are deleted a day later


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        platform=row.platform,
        user=row.user_id,
        action=row.action,
        posting_id=row.posting_id,
        source=row.source,
        before=row.before,
        after=row.after,
        note=row.note,
    )


def _pending(row: PendingRow) -> Pending:
    return Pending(
        token=row.token,
        actor=Actor(row.platform, row.user_id, row.channel),
        action=row.action,
        payload=dict(row.payload or {}),
        status=row.status,
        created_at=row.created_at,
        expires_at=row.expires_at,
    )


def _add_audit(session: Session, entry: NewAudit, now: datetime) -> None:
    session.add(
        AuditRow(
            at=now,
            platform=entry.actor.platform,
            user_id=entry.actor.user,
            action=entry.action,
            posting_id=entry.posting_id,
            source=entry.source,
            before=entry.before,
            after=entry.after,
            note=entry.note,
        )
    )


def _postings_of(session: Session, source: str) -> list[Posting]:
    query = (
        select(PostingRow, DocumentRow.source, DocumentRow.url)
        .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
        .where(DocumentRow.source == source)
        .order_by(PostingRow.position)
    )
    return [to_posting(*row) for row in session.execute(query)]


def _close_pending(session: Session, token: str | None) -> None:
    if token is not None:
        session.execute(
            update(PendingRow)
            .where(PendingRow.token == token, PendingRow.status.in_(("pending", "confirming")))
            .values(status="confirmed")
        )


class AdminStore:
    """Admin reads and writes beside the Store; each method is one short transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reads ------------------------------------------------------------------------------

    def posting_file(self, posting_id: str) -> PostingFile | None:
        """The posting, its document's source and stored hash, and how many openings
        (not withdrawn) that document holds."""
        with self._store.transaction(write=False) as session:
            row = session.execute(
                select(
                    PostingRow,
                    DocumentRow.source,
                    DocumentRow.url,
                    DocumentRow.content_hash,
                    DocumentRow.status,
                )
                .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
                .where(PostingRow.id == posting_id)
            ).first()
            if row is None:
                return None
            posting_row, source, url, content_hash, doc_status = row
            openings = session.scalar(
                select(func.count())
                .select_from(PostingRow)
                .where(
                    PostingRow.document_id == posting_row.document_id,
                    PostingRow.status != "withdrawn",
                )
            )
            return PostingFile(
                posting=to_posting(posting_row, source, url),
                source=source,
                content_hash=content_hash,
                document_present=doc_status == "present",
                openings=int(openings or 0),
            )

    def source_known(self, source: str) -> bool:
        """Whether any document (present or withdrawn) ever had this source."""
        with self._store.transaction(write=False) as session:
            found = session.scalar(select(DocumentRow.id).where(DocumentRow.source == source))
            return found is not None

    def postings_titled(self, titles: Sequence[str]) -> list[Posting]:
        """Postings whose title equals one of ``titles`` ignoring case: the candidates for
        a duplicate check, without reading every posting."""
        wanted = sorted({" ".join(t.split()).lower() for t in titles if t.strip()})
        if not wanted:
            return []
        with self._store.transaction(write=False) as session:
            query = (
                select(PostingRow, DocumentRow.source, DocumentRow.url)
                .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
                .where(func.lower(PostingRow.title).in_(wanted))
                .order_by(PostingRow.id)
            )
            return [to_posting(*row) for row in session.execute(query)]

    def last_content_change(self) -> datetime | None:
        with self._store.transaction(write=False) as session:
            value: datetime | None = session.scalar(select(func.max(DocumentRow.updated)))
            return value

    # --- changes ----------------------------------------------------------------------------

    def save_document(
        self,
        doc: ParsedDocument,
        now: datetime,
        *,
        expected_hash: str | None,
        write: Callable[[], None],
        actor: Actor,
        action: str,
        posting_id: str | None = None,
        reannounce: bool = False,
        note: str | None = None,
        pending_token: str | None = None,
    ) -> list[tuple[Posting | None, Posting]]:
        """Save a document Herald is writing, with one audit row per affected posting.

        ``expected_hash`` is the stored hash the change was based on (None: a new file, so
        the source must be unknown). ``write`` writes the file; it runs after the check and
        before the save, inside the transaction, so a refused check writes nothing and a
        failed save rolls back the rows (the caller puts the file back). ``reannounce`` gives
        the posting a new ``first_seen``, which the scheduler announces like a new opening.
        Returns (before, after) per posting of the document (only ``posting_id`` if given).
        """
        with self._store.transaction() as session:
            found = session.execute(
                select(DocumentRow.content_hash, DocumentRow.status)
                .where(DocumentRow.source == doc.source)
                .with_for_update()
            ).first()
            if expected_hash is None and found is not None:
                raise Refused(f"{doc.source} already exists; nothing was written.")
            if expected_hash is not None and (
                found is None or found.content_hash != expected_hash or found.status != "present"
            ):
                raise Refused(
                    f"{doc.source} was changed a moment ago (another edit or a reload); "
                    "look at the posting again and repeat your change."
                )
            before = {p.id: p for p in _postings_of(session, doc.source)}
            write()
            saving.save_documents(session, [doc], now)
            if reannounce and posting_id is not None:
                session.execute(
                    update(PostingRow)
                    .where(PostingRow.id == posting_id)
                    .values(first_seen=now, updated=now)
                    .execution_options(synchronize_session=False)
                )
            session.expire_all()  # the rows read above were rewritten by Core statements
            after = [
                p
                for p in _postings_of(session, doc.source)
                if posting_id is None or p.id == posting_id
            ]
            pairs = [(before.get(p.id), p) for p in after]
            for old, new in pairs:
                _add_audit(
                    session,
                    NewAudit(
                        actor=actor,
                        action=action,
                        posting_id=new.id,
                        source=doc.source,
                        before=snapshot(old) if old else None,
                        after=snapshot(new),
                        note=note,
                    ),
                    now,
                )
            _close_pending(session, pending_token)
            return pairs

    def set_status(
        self,
        posting_id: str,
        status: PostingStatus,
        now: datetime,
        *,
        actor: Actor,
        action: str,
        note: str | None = None,
    ) -> tuple[Posting, Posting]:
        """Change a posting's status (remove, restore) with its audit row."""
        with self._store.transaction() as session:
            row = session.execute(
                select(PostingRow, DocumentRow.source, DocumentRow.url)
                .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
                .where(PostingRow.id == posting_id)
                .with_for_update(of=PostingRow)
            ).first()
            if row is None:
                raise Refused(f"No posting has the id `{posting_id}`.")
            posting_row, source, url = row
            before = to_posting(posting_row, source, url)
            posting_row.status = status
            posting_row.updated = now
            session.flush()
            after = to_posting(posting_row, source, url)
            _add_audit(
                session,
                NewAudit(
                    actor=actor,
                    action=action,
                    posting_id=posting_id,
                    source=source,
                    before=snapshot(before),
                    after=snapshot(after),
                    note=note,
                ),
                now,
            )
            return before, after

    # --- audit ------------------------------------------------------------------------------

    def record(self, entry: NewAudit, now: datetime) -> None:
        with self._store.transaction() as session:
            _add_audit(session, entry, now)

    def recent(self, limit: int = 10, action: str | None = None) -> list[AuditEntry]:
        """The latest actions first."""
        with self._store.transaction(write=False) as session:
            query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc())
            if action is not None:
                query = query.where(AuditRow.action == action)
            return [_entry(r) for r in session.scalars(query.limit(limit))]

    def for_posting(self, posting_id: str, limit: int = 20) -> list[AuditEntry]:
        with self._store.transaction(write=False) as session:
            query = (
                select(AuditRow)
                .where(AuditRow.posting_id == posting_id)
                .order_by(AuditRow.at.desc(), AuditRow.id.desc())
                .limit(limit)
            )
            return [_entry(r) for r in session.scalars(query)]

    # --- previews ---------------------------------------------------------------------------

    def add_pending(
        self,
        token: str,
        actor: Actor,
        action: str,
        payload: dict[str, Any],
        now: datetime,
        ttl: timedelta,
    ) -> Pending:
        with self._store.transaction() as session:
            session.execute(delete(PendingRow).where(PendingRow.expires_at < now - PENDING_KEPT))
            row = PendingRow(
                token=token,
                platform=actor.platform,
                user_id=actor.user,
                channel=actor.channel,
                action=action,
                payload=payload,
                status="pending",
                created_at=now,
                expires_at=now + ttl,
            )
            session.add(row)
            session.flush()
            return _pending(row)

    def pending(self, token: str) -> Pending | None:
        with self._store.transaction(write=False) as session:
            row = session.get(PendingRow, token)
            return _pending(row) if row is not None else None

    def claim_pending(self, token: str) -> bool:
        """pending → confirming, atomically: of two confirms racing (a double click), one
        wins and the other is told; False when it was not pending."""
        return self.finish_pending(token, "confirming")

    def finish_pending(
        self, token: str, status: str, *, from_status: tuple[str, ...] = ("pending",)
    ) -> bool:
        """``from_status`` → ``status``; False when the preview was in no such state."""
        with self._store.transaction() as session:
            result = session.execute(
                update(PendingRow)
                .where(PendingRow.token == token, PendingRow.status.in_(from_status))
                .values(status=status)
            )
            return bool(getattr(result, "rowcount", 0))

    def count_pending(self, now: datetime) -> int:
        with self._store.transaction(write=False) as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(PendingRow)
                    .where(PendingRow.status == "pending", PendingRow.expires_at > now)
                )
                or 0
            )

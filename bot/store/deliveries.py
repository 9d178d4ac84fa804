"""Persistence of the scheduler: subscriptions, personal reminders, the delivery ledger, the lease.

Every method is one short transaction, so what it wrote is durable before it returns; that is
what the scheduler's exactly-once argument rests on (see ``bot.scheduler``). Rows stay in here;
the values of ``bot.announce`` come out.

Example::

    subs = Subscriptions(store)
    sub, outcome = subs.add("slack", "C0123", "remote", Filters(remote=True), "U1", now)
    ledger = Deliveries(store)
    ledger.record(plan(now, schedule, subs.active(), matches).due, now)
    for delivery in ledger.claimable({"slack"}, now):
        if ledger.claim(delivery.id, "replica-a", now):   # only the lease holder can
            ...send...
            ledger.confirm(delivery.id, now)
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    false,
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from bot.delivery import (
    Delivery,
    DeliveryKey,
    DeliveryKind,
    DeliveryStatus,
    Due,
    Filters,
    PersonalReminder,
    ReminderStatus,
    SubscribeOutcome,
    Subscription,
    SubscriptionStatus,
)
from bot.domain import Posting
from bot.store import queries
from bot.store.convert import to_posting
from bot.store.listing import open_on
from bot.store.models import DocumentRow, PostingRow
from bot.store.scheduling_models import (
    DeliveryRow,
    LeaseRow,
    PersonalReminderRow,
    SubscriptionRow,
)
from bot.store.store import Store

logger = logging.getLogger(__name__)

LEASE_NAME = "scheduler"
TERM_MATCH_LIMIT = 5000  # a keyword subscription matching more is a subscription to all
CHUNK = 500


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(session: Session, table: Any) -> Any:
    """An INSERT that can say ON CONFLICT DO NOTHING on either backend."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


# --- subscriptions -------------------------------------------------------------------------


def _subscription(row: SubscriptionRow) -> Subscription:
    return Subscription(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        filters_text=row.filters,
        filters=Filters.from_json(row.query or {}),
        status=cast(SubscriptionStatus, row.status),
        created_at=row.created_at,
        since=row.since,
        created_by=row.created_by,
        reason=row.reason,
    )


class Subscriptions:
    """Channels' standing queries. Cancelled ones are kept (deliveries point at them)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(
        self,
        platform: str,
        channel: str,
        filters_text: str,
        filters: Filters,
        user: str | None,
        now: datetime,
    ) -> tuple[Subscription, SubscribeOutcome]:
        """Subscribe a channel; the same filters again is "exists", or "resumed" if paused.

        A resumed subscription starts afresh (``since`` = now): what appeared while it was
        paused is backlog, not news.
        """
        with self._store.transaction(content=False) as session:
            same = session.scalars(
                select(SubscriptionRow)
                .where(
                    SubscriptionRow.platform == platform,
                    SubscriptionRow.channel == channel,
                    SubscriptionRow.filters == filters_text,
                    SubscriptionRow.status.in_(("active", "paused")),
                )
                .order_by(SubscriptionRow.id)
            ).first()
            if same is not None and same.status == "active":
                return _subscription(same), "exists"
            if same is not None:
                same.status, same.reason, same.since, same.updated = "active", None, now, now
                session.flush()
                return _subscription(same), "resumed"
            row = SubscriptionRow(
                platform=platform,
                channel=channel,
                filters=filters_text,
                query=filters.to_json(),
                status="active",
                created_by=user,
                created_at=now,
                since=now,
                updated=now,
            )
            session.add(row)
            session.flush()
            return _subscription(row), "created"

    def get(self, subscription_id: int) -> Subscription | None:
        with self._store.transaction(write=False) as session:
            row = session.get(SubscriptionRow, subscription_id)
            return None if row is None else _subscription(row)

    def for_channel(self, platform: str, channel: str) -> list[Subscription]:
        """Active and paused subscriptions of one channel, oldest first."""
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(SubscriptionRow)
                .where(
                    SubscriptionRow.platform == platform,
                    SubscriptionRow.channel == channel,
                    SubscriptionRow.status.in_(("active", "paused")),
                )
                .order_by(SubscriptionRow.id)
            )
            return [_subscription(r) for r in rows]

    def active(self) -> list[Subscription]:
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(SubscriptionRow)
                .where(SubscriptionRow.status == "active")
                .order_by(SubscriptionRow.id)
            )
            return [_subscription(r) for r in rows]

    def all(self) -> list[Subscription]:
        with self._store.transaction(write=False) as session:
            rows = session.scalars(select(SubscriptionRow).order_by(SubscriptionRow.id))
            return [_subscription(r) for r in rows]

    def cancel(self, subscription_id: int, now: datetime) -> None:
        with self._store.transaction(content=False) as session:
            session.execute(
                update(SubscriptionRow)
                .where(SubscriptionRow.id == subscription_id)
                .values(status="cancelled", updated=now)
            )

    def pause_target(self, platform: str, channel: str, reason: str, now: datetime) -> list[int]:
        """Pause every active subscription of a channel that refuses messages for good, and
        fail what is still pending for it (a resumed subscription starts afresh anyway)."""
        with self._store.transaction(content=False) as session:
            ids = list(
                session.scalars(
                    select(SubscriptionRow.id).where(
                        SubscriptionRow.platform == platform,
                        SubscriptionRow.channel == channel,
                        SubscriptionRow.status == "active",
                    )
                )
            )
            if ids:
                session.execute(
                    update(SubscriptionRow)
                    .where(SubscriptionRow.id.in_(ids))
                    .values(status="paused", reason=reason, updated=now)
                )
            _fail_pending(session, platform, channel, f"subscription paused: {reason}")
        return ids

    def move_target(
        self, platform: str, old: str, new: str, reason: str, now: datetime
    ) -> list[int]:
        """Move a channel's subscriptions (active or paused) to the channel that replaces it
        (a Matrix room upgraded to a new room), failing with ``reason`` what was still
        pending for the old one: its announcements are planned anew for the new channel."""
        with self._store.transaction(content=False) as session:
            ids = list(
                session.scalars(
                    select(SubscriptionRow.id).where(
                        SubscriptionRow.platform == platform,
                        SubscriptionRow.channel == old,
                        SubscriptionRow.status.in_(("active", "paused")),
                    )
                )
            )
            if ids:
                session.execute(
                    update(SubscriptionRow)
                    .where(SubscriptionRow.id.in_(ids))
                    .values(channel=new, updated=now)
                )
            _fail_pending(session, platform, old, reason)
        return ids

    def resume_target(self, platform: str, channel: str, now: datetime) -> list[Subscription]:
        """Resume every paused subscription of a channel that takes messages again (Herald
        was invited back). Like a resubscription it starts afresh: what appeared meanwhile
        is backlog, not news."""
        with self._store.transaction(content=False) as session:
            rows = list(
                session.scalars(
                    select(SubscriptionRow)
                    .where(
                        SubscriptionRow.platform == platform,
                        SubscriptionRow.channel == channel,
                        SubscriptionRow.status == "paused",
                    )
                    .order_by(SubscriptionRow.id)
                )
            )
            for row in rows:
                row.status, row.reason, row.since, row.updated = "active", None, now, now
            session.flush()
            return [_subscription(r) for r in rows]


# --- personal reminders --------------------------------------------------------------------


def _reminder(row: PersonalReminderRow) -> PersonalReminder:
    return PersonalReminder(
        id=row.id,
        platform=row.platform,
        user=row.user_id,
        posting_id=row.posting_id,
        status=cast(ReminderStatus, row.status),
        created_at=row.created_at,
    )


class PersonalReminders:
    """``/jobs remind <id>``: direct messages to one person before one posting's deadline."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(
        self, platform: str, user: str, posting_id: str, now: datetime
    ) -> tuple[PersonalReminder, bool]:
        """(reminder, created); asking twice keeps the first (a cancelled one is revived)."""
        with self._store.transaction(content=False) as session:
            row = session.scalars(
                select(PersonalReminderRow).where(
                    PersonalReminderRow.platform == platform,
                    PersonalReminderRow.user_id == user,
                    PersonalReminderRow.posting_id == posting_id,
                )
            ).first()
            if row is not None and row.status == "active":
                return _reminder(row), False
            if row is not None:
                row.status, row.reason, row.created_at, row.updated = "active", None, now, now
            else:
                row = PersonalReminderRow(
                    platform=platform,
                    user_id=user,
                    posting_id=posting_id,
                    status="active",
                    created_at=now,
                    updated=now,
                )
                session.add(row)
            session.flush()
            return _reminder(row), True

    def get(self, reminder_id: int) -> PersonalReminder | None:
        with self._store.transaction(write=False) as session:
            row = session.get(PersonalReminderRow, reminder_id)
            return None if row is None else _reminder(row)

    def cancel(self, reminder_id: int, reason: str, now: datetime) -> None:
        with self._store.transaction(content=False) as session:
            session.execute(
                update(PersonalReminderRow)
                .where(PersonalReminderRow.id == reminder_id)
                .values(status="cancelled", reason=reason, updated=now)
            )

    def for_user(self, platform: str, user: str) -> list[PersonalReminder]:
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(PersonalReminderRow)
                .where(
                    PersonalReminderRow.platform == platform,
                    PersonalReminderRow.user_id == user,
                    PersonalReminderRow.status == "active",
                )
                .order_by(PersonalReminderRow.id)
            )
            return [_reminder(r) for r in rows]

    def active_with_postings(self) -> list[tuple[PersonalReminder, Posting]]:
        """Active reminders with their posting as it is now (any status: the planner decides)."""
        with self._store.transaction(write=False) as session:
            rows = session.execute(
                select(PersonalReminderRow, PostingRow, DocumentRow.source, DocumentRow.url)
                .join(PostingRow, PostingRow.id == PersonalReminderRow.posting_id)
                .join(DocumentRow, PostingRow.document_id == DocumentRow.id)
                .where(PersonalReminderRow.status == "active")
                .order_by(PersonalReminderRow.id)
            )
            return [(_reminder(r), to_posting(p, source, url)) for r, p, source, url in rows]


# --- what the planner reads ----------------------------------------------------------------


def _posting_select() -> Any:
    return select(PostingRow, DocumentRow.source, DocumentRow.url).join(
        DocumentRow, PostingRow.document_id == DocumentRow.id
    )


def _filter_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """The same semantics as ``/jobs`` (``bot.store.queries.find_postings``), without terms."""
    conditions: list[ColumnElement[bool]] = []
    if filters.organization and filters.organization.strip():
        needle = filters.organization.strip().lower()
        conditions.append(func.lower(PostingRow.organization).contains(needle, autoescape=True))
    if filters.remote is not None:
        conditions.append(PostingRow.remote == (true() if filters.remote else false()))
    if filters.open_until_filled is not None:
        flag = true() if filters.open_until_filled else false()
        conditions.append(PostingRow.open_until_filled == flag)
    return conditions


def _term_matches(session: Session, filters: Filters, today: date) -> set[str] | None:
    """Ids of postings whose text has every term, found by the store's own ``/jobs`` search
    (so the full-text rules live in one place); None when the filters have no terms."""
    if not filters.terms:
        return None
    query = replace(
        filters.query(today), include_inactive=True, limit=TERM_MATCH_LIMIT, count_limit=0
    )
    return {p.id for p in queries.find_postings(session, query).items}


@dataclass(frozen=True)
class Signature:
    """Cheap fingerprint of everything the planner reads; unchanged means nothing to re-plan."""

    values: tuple[Any, ...]


class Planning:
    """The reads behind :func:`bot.announce.plan`: candidates, matches, digest contents."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def signature(self) -> Signature:
        def scalar(column: Any, table: Any) -> Any:
            return select(column).select_from(table).scalar_subquery()

        with self._store.transaction(write=False) as session:
            row = session.execute(
                select(
                    scalar(func.count(), PostingRow),
                    scalar(func.max(PostingRow.pk), PostingRow),
                    scalar(func.max(PostingRow.updated), PostingRow),
                    scalar(func.count(), SubscriptionRow),
                    scalar(func.max(SubscriptionRow.updated), SubscriptionRow),
                    scalar(func.count(), PersonalReminderRow),
                    scalar(func.max(PersonalReminderRow.updated), PersonalReminderRow),
                )
            ).one()
            return Signature(tuple(row))

    def candidates(
        self, first_seen_from: datetime, deadline_from: date, deadline_to: date
    ) -> list[Posting]:
        """Active, not closed postings that are recent or whose deadline is near."""
        with self._store.transaction(write=False) as session:
            query = (
                _posting_select()
                .where(PostingRow.status == "active", PostingRow.closed == false())
                .where(
                    or_(
                        PostingRow.first_seen >= first_seen_from,
                        and_(
                            PostingRow.deadline >= deadline_from,
                            PostingRow.deadline <= deadline_to,
                        ),
                    )
                )
                .order_by(PostingRow.first_seen, PostingRow.pk)
            )
            return [to_posting(*row) for row in session.execute(query)]

    def matching_ids(self, filters: Filters, ids: Collection[str], today: date) -> set[str]:
        """Which of ``ids`` a subscription's filters match (openness is the planner's call)."""
        found: set[str] = set()
        if not ids:
            return found
        with self._store.transaction(write=False) as session:
            by_terms = _term_matches(session, filters, today)
            for chunk in _chunks(sorted(ids)):
                query = select(PostingRow.id).where(
                    PostingRow.id.in_(chunk), *_filter_conditions(filters)
                )
                found.update(session.scalars(query))
        return found if by_terms is None else found & by_terms

    def digest(
        self,
        filters: Filters,
        seen_after: datetime,
        seen_until: datetime,
        today: date,
        closing_by: date,
    ) -> tuple[list[Posting], list[Posting]]:
        """(new, closing soon): open postings matching ``filters`` first seen in the window,
        and the others whose deadline falls between ``today`` and ``closing_by``."""
        with self._store.transaction(write=False) as session:
            by_terms = _term_matches(session, filters, today)
            query = (
                _posting_select()
                .where(open_on(today), *_filter_conditions(filters))
                .where(
                    or_(
                        and_(
                            PostingRow.first_seen > seen_after,
                            PostingRow.first_seen <= seen_until,
                        ),
                        and_(PostingRow.deadline >= today, PostingRow.deadline <= closing_by),
                    )
                )
                .order_by(PostingRow.deadline.is_(None), PostingRow.deadline, PostingRow.id)
            )
            postings = [to_posting(*row) for row in session.execute(query)]
        if by_terms is not None:
            postings = [p for p in postings if p.id in by_terms]
        fresh = [
            p
            for p in postings
            if p.first_seen is not None and seen_after < p.first_seen <= seen_until
        ]
        closing = [p for p in postings if p not in fresh]
        return fresh, closing


# --- the delivery ledger -------------------------------------------------------------------


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        key=DeliveryKey(
            kind=cast(DeliveryKind, row.kind),
            subject=row.subject,
            platform=row.platform,
            target=row.target,
            due_at=row.due_at,
        ),
        status=cast(DeliveryStatus, row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        created_at=row.created_at,
        subscription_id=row.subscription_id,
        personal_id=row.personal_id,
        posting_id=row.posting_id,
        offset_days=row.offset_days,
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        sent_at=row.sent_at,
        last_error=row.last_error,
        in_doubt=bool(row.in_doubt),
        duplicate_warning=row.duplicate_warning,
    )


class Deliveries:
    """The ledger: a row per message owed, claimed before it is sent, confirmed after."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, due: Sequence[Due], now: datetime) -> list[Due]:
        """Insert what is not there yet (pending, or skipped with its reason); returns the
        newly recorded items. A key already present, in any status, is left alone."""
        if not due:
            return []
        inserted: list[Due] = []
        with self._store.transaction(content=False) as session:
            for chunk in _chunks(list(due)):
                subjects = sorted({d.key.subject for d in chunk})
                existing = {
                    DeliveryKey(cast(DeliveryKind, kind), subject, platform, target, due_at)
                    for kind, subject, platform, target, due_at in session.execute(
                        select(
                            DeliveryRow.kind,
                            DeliveryRow.subject,
                            DeliveryRow.platform,
                            DeliveryRow.target,
                            DeliveryRow.due_at,
                        ).where(DeliveryRow.subject.in_(subjects))
                    )
                }
                fresh = [d for d in chunk if d.key not in existing]
                if not fresh:
                    continue
                rows = [
                    {
                        "kind": d.key.kind,
                        "subject": d.key.subject,
                        "platform": d.key.platform,
                        "target": d.key.target,
                        "due_at": d.key.due_at,
                        "subscription_id": d.subscription_id,
                        "personal_id": d.personal_id,
                        "posting_id": d.posting_id,
                        "offset_days": d.offset_days,
                        "status": "skipped" if d.skip_reason else "pending",
                        "attempts": 0,
                        "next_attempt_at": d.key.due_at,
                        "created_at": now,
                        "last_error": d.skip_reason,
                    }
                    for d in fresh
                ]
                # a racing planner (a lease changing hands mid-plan) loses quietly
                statement = _insert(session, DeliveryRow.__table__).on_conflict_do_nothing(
                    index_elements=["kind", "subject", "platform", "target", "due_at"]
                )
                session.execute(statement, rows)
                inserted.extend(fresh)
        return inserted

    def claimable(
        self, platforms: Collection[str], now: datetime, limit: int = 100
    ) -> list[Delivery]:
        """Pending rows due for an attempt, oldest due first.

        A target with a row waiting for a later attempt (its Retry-After, a backoff) is
        paused as a whole: nothing newer goes there first, whichever replica asks."""
        if not platforms:
            return []
        waiting = aliased(DeliveryRow)
        paused = exists().where(
            waiting.platform == DeliveryRow.platform,
            waiting.target == DeliveryRow.target,
            waiting.status == "pending",
            waiting.next_attempt_at > now,
        )
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(
                    DeliveryRow.status == "pending",
                    DeliveryRow.next_attempt_at <= now,
                    DeliveryRow.platform.in_(sorted(platforms)),
                    ~paused,
                )
                .order_by(DeliveryRow.due_at, DeliveryRow.id)
                .limit(limit)
            )
            return [_delivery(r) for r in rows]

    def claim(
        self, delivery_id: int, holder: str, now: datetime, held_until: datetime | None = None
    ) -> bool:
        """pending → sending for one row; see :meth:`claim_many`."""
        return delivery_id in self.claim_many([delivery_id], holder, now, held_until)

    def claim_many(
        self,
        ids: Sequence[int],
        holder: str,
        now: datetime,
        held_until: datetime | None = None,
    ) -> set[int]:
        """pending → sending, only for the current lease holder, and only while its lease
        runs at least until ``held_until`` (the end of the send it is about to make): a
        replica that lost its lease without noticing cannot claim, and no other replica can
        take the lease while this send may still be under way. Returns the ids this caller
        now owns (one transaction, so a combined message's rows are claimed together).
        """
        lease_held = exists().where(
            LeaseRow.name == LEASE_NAME,
            LeaseRow.holder == holder,
            LeaseRow.expires_at > max(now, held_until or now),
        )
        with self._store.transaction(content=False) as session:
            claimed = session.scalars(
                update(DeliveryRow)
                .where(DeliveryRow.id.in_(list(ids)), DeliveryRow.status == "pending", lease_held)
                .values(
                    status="sending",
                    claimed_by=holder,
                    claimed_at=now,
                    attempts=DeliveryRow.attempts + 1,
                )
                .returning(DeliveryRow.id)
            )
            return set(claimed)

    def release(self, ids: Sequence[int], holder: str) -> None:
        """Claimed but not sent (stopping, lease lost, platform waiting): pending again, and
        the attempt does not count."""
        with self._store.transaction(content=False) as session:
            session.execute(
                update(DeliveryRow)
                .where(
                    DeliveryRow.id.in_(list(ids)),
                    DeliveryRow.status == "sending",
                    DeliveryRow.claimed_by == holder,
                )
                .values(status="pending", attempts=DeliveryRow.attempts - 1)
            )

    def _finish(self, delivery_id: int, **values: Any) -> None:
        with self._store.transaction(content=False) as session:
            session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.id == delivery_id, DeliveryRow.status == "sending")
                .values(**values)
            )

    def confirm(self, delivery_id: int, now: datetime) -> None:
        self.confirm_many([delivery_id], now)

    def confirm_many(self, ids: Collection[int], now: datetime) -> None:
        """The platform took them. Also from pending: a confirm delayed by an outage may
        come after another replica took the claim up (that one looks before it sends)."""
        with self._store.transaction(content=False) as session:
            session.execute(
                update(DeliveryRow)
                .where(
                    DeliveryRow.id.in_(sorted(ids)),
                    DeliveryRow.status.in_(("sending", "pending")),
                )
                .values(status="sent", sent_at=now, last_error=None, in_doubt=False)
            )

    def retry_later(
        self, delivery_id: int, at: datetime, error: str, *, in_doubt: bool = False
    ) -> None:
        """Back to pending: nothing is lost, it is simply tried again from ``at``.

        ``in_doubt``: this attempt may have reached the platform (a timeout, a 5xx); a row
        once in doubt stays so until it is settled (confirmed or found)."""
        values: dict[str, Any] = {"in_doubt": True} if in_doubt else {}
        self._finish(
            delivery_id, status="pending", next_attempt_at=at, last_error=error[:500], **values
        )

    def warn_duplicate(self, delivery_id: int, note: str) -> None:
        """Mark for good that this message may have reached its target twice."""
        with self._store.transaction(content=False) as session:
            session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.id == delivery_id)
                .values(duplicate_warning=note[:500])
            )

    def fail(self, delivery_id: int, error: str) -> None:
        self._finish(delivery_id, status="failed", last_error=error[:500])

    def skip(self, delivery_id: int, reason: str) -> None:
        self._finish(delivery_id, status="skipped", last_error=reason[:500])

    def recover(self, keep: Collection[int], now: datetime) -> list[Delivery]:
        """Claims nobody is sending any more go back to pending: the caller holds the lease,
        so every other holder's sends have ended (a claim needs the lease to outlast its
        send), and its own are over between sends, except ``keep`` (sent, confirm pending).

        The message may or may not have reached the platform; the caller logs each one.
        """
        stale = DeliveryRow.status == "sending"
        if keep:
            stale = and_(stale, DeliveryRow.id.not_in(sorted(keep)))
        with self._store.transaction(write=False) as session:
            if session.scalar(select(func.count()).where(stale)) == 0:
                return []  # the usual case, without taking the write lock every tick
        with self._store.transaction(content=False) as session:
            rows = list(session.scalars(select(DeliveryRow).where(stale)))
            for row in rows:
                row.status = "pending"
                row.next_attempt_at = now
                row.in_doubt = True
                row.last_error = (
                    f"claimed by {row.claimed_by} at {row.claimed_at} and never confirmed; "
                    "the next attempt looks on the platform first"
                )
            return [_delivery(r) for r in rows]

    def last_posts(self, since: datetime) -> dict[tuple[str, str], datetime]:
        """(platform, target) -> the latest send or claim there since ``since`` (pacing)."""
        at = func.max(func.coalesce(DeliveryRow.sent_at, DeliveryRow.claimed_at))
        with self._store.transaction(write=False) as session:
            rows = session.execute(
                select(DeliveryRow.platform, DeliveryRow.target, at)
                .where(
                    or_(DeliveryRow.sent_at >= since, DeliveryRow.claimed_at >= since),
                    DeliveryRow.status.in_(("sent", "sending")),
                )
                .group_by(DeliveryRow.platform, DeliveryRow.target)
            )
            return {(platform, target): when for platform, target, when in rows if when}

    def get(self, delivery_id: int) -> Delivery | None:
        with self._store.transaction(write=False) as session:
            row = session.get(DeliveryRow, delivery_id)
            return None if row is None else _delivery(row)

    def all(self) -> list[Delivery]:
        with self._store.transaction(write=False) as session:
            rows = session.scalars(select(DeliveryRow).order_by(DeliveryRow.id))
            return [_delivery(r) for r in rows]

    def outstanding(self, limit: int = 50) -> list[Delivery]:
        """Pending and in-flight rows, soonest first (``herald schedule``)."""
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status.in_(("pending", "sending")))
                .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
                .limit(limit)
            )
            return [_delivery(r) for r in rows]

    def recent(self, limit: int = 50) -> list[Delivery]:
        """Finished rows (sent, failed, skipped), latest first (``herald schedule``)."""
        finished_at = func.coalesce(DeliveryRow.sent_at, DeliveryRow.created_at)
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.status.in_(("sent", "failed", "skipped")))
                .order_by(finished_at.desc(), DeliveryRow.id.desc())
                .limit(limit)
            )
            return [_delivery(r) for r in rows]

    def attention(self, limit: int = 20) -> list[Delivery]:
        """Rows someone should know about, newest first: being sent (who claimed them,
        when), outcome unknown (looked for on the platform before any resend), and those
        that may have been sent twice (kept for good)."""
        with self._store.transaction(write=False) as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(
                    or_(
                        DeliveryRow.status == "sending",
                        DeliveryRow.in_doubt == true(),
                        DeliveryRow.duplicate_warning.is_not(None),
                    )
                )
                .order_by(DeliveryRow.id.desc())
                .limit(limit)
            )
            return [_delivery(r) for r in rows]

    def doubts(self) -> dict[str, int]:
        """How many rows are in doubt now, and how many may have been sent twice."""
        with self._store.transaction(write=False) as session:
            in_doubt, twice = session.execute(
                select(
                    func.count().filter(DeliveryRow.in_doubt == true()),
                    func.count().filter(DeliveryRow.duplicate_warning.is_not(None)),
                )
            ).one()
            return {"in_doubt": int(in_doubt), "maybe_twice": int(twice)}

    def counts(self) -> dict[str, int]:
        with self._store.transaction(write=False) as session:
            rows = session.execute(
                select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
            )
            return {str(status): int(n) for status, n in rows}


# --- the lease -----------------------------------------------------------------------------


class Lease:
    """Exactly one scheduler among replicas: whoever holds an unexpired lease row.

    ``acquire`` both takes a free or expired lease and renews one's own; it is a single
    conditional UPDATE (or INSERT for the very first), so two replicas cannot both win.
    Replicas' clocks must agree to well within the lease (NTP does).
    """

    def __init__(self, store: Store, name: str = LEASE_NAME) -> None:
        self._store = store
        self.name = name

    def acquire(self, holder: str, now: datetime, ttl: timedelta) -> bool:
        with self._store.transaction(content=False) as session:
            result = session.execute(
                update(LeaseRow)
                .where(
                    LeaseRow.name == self.name,
                    or_(LeaseRow.holder == holder, LeaseRow.expires_at <= now),
                )
                .values(
                    holder=holder,
                    expires_at=now + ttl,
                    acquired_at=case((LeaseRow.holder == holder, LeaseRow.acquired_at), else_=now),
                )
            )
            if getattr(result, "rowcount", 0) == 1:
                return True
            # RETURNING, not rowcount: psycopg reports no count for a DO NOTHING insert
            inserted = session.execute(
                _insert(session, LeaseRow.__table__)
                .values(name=self.name, holder=holder, expires_at=now + ttl, acquired_at=now)
                .on_conflict_do_nothing(index_elements=["name"])
                .returning(LeaseRow.name)
            ).first()
            return inserted is not None

    def release(self, holder: str, now: datetime) -> None:
        """Give the lease up now (a clean shutdown), so another replica need not wait."""
        with self._store.transaction(content=False) as session:
            session.execute(
                update(LeaseRow)
                .where(LeaseRow.name == self.name, LeaseRow.holder == holder)
                .values(expires_at=now)
            )

    def holder(self, now: datetime) -> str | None:
        with self._store.transaction(write=False) as session:
            return session.scalar(
                select(LeaseRow.holder).where(LeaseRow.name == self.name, LeaseRow.expires_at > now)
            )


def _fail_pending(session: Session, platform: str, channel: str, reason: str) -> None:
    """Fail the subscriptions' announcements still pending for a channel they left."""
    session.execute(
        update(DeliveryRow)
        .where(
            DeliveryRow.platform == platform,
            DeliveryRow.target == channel,
            DeliveryRow.status == "pending",
            DeliveryRow.subscription_id.is_not(None),
        )
        .values(status="failed", last_error=reason)
    )

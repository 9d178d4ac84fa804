"""What Herald has promised to send: subscriptions, personal reminders and delivery rows.

Pure values shared by the planner (``bot.announce``), the store (``bot.store.deliveries``) and
the audit trail, so none of them imports another to know what a delivery is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from bot.domain import PostingQuery

DeliveryKind = Literal["announce", "reminder", "digest", "personal"]
DeliveryStatus = Literal["pending", "sending", "sent", "failed", "skipped"]
SubscriptionStatus = Literal["active", "paused", "cancelled"]
ReminderStatus = Literal["active", "cancelled"]
SubscribeOutcome = Literal["created", "exists", "resumed"]


@dataclass(frozen=True)
class Filters:
    """The ``/jobs`` filters a subscription keeps; ``closing …`` is refused, it would expire."""

    organization: str | None = None
    remote: bool | None = None
    open_until_filled: bool | None = None
    terms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "organization": self.organization,
            "remote": self.remote,
            "open_until_filled": self.open_until_filled,
            "terms": list(self.terms),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Filters:
        return cls(
            organization=data.get("organization"),
            remote=data.get("remote"),
            open_until_filled=data.get("open_until_filled"),
            terms=tuple(str(t) for t in data.get("terms") or ()),
        )

    def query(self, today: date, *, limit: int = 1000) -> PostingQuery:
        return PostingQuery(
            today=today,
            terms=self.terms,
            organization=self.organization,
            remote=self.remote,
            open_until_filled=self.open_until_filled,
            limit=limit,
        )


@dataclass(frozen=True)
class Subscription:
    id: int
    platform: str
    channel: str
    filters_text: str
    filters: Filters
    status: SubscriptionStatus
    created_at: datetime
    since: datetime
    created_by: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class PersonalReminder:
    id: int
    platform: str
    user: str
    posting_id: str
    status: ReminderStatus
    created_at: datetime


@dataclass(frozen=True, order=True)
class DeliveryKey:
    """The unique key of a delivery row: the same message is never owed twice."""

    kind: DeliveryKind
    subject: str
    platform: str
    target: str
    due_at: datetime

    @property
    def token(self) -> str:
        """The key as platforms carry it (Slack message metadata, Matrix transaction ids and
        content): short, stable across processes, the same for the same message owed."""
        due = self.due_at.astimezone(UTC).isoformat()
        raw = "\x1f".join((self.kind, self.subject, self.platform, self.target, due))
        return "herald-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Due:
    """A delivery whose time has come (or, from :func:`upcoming`, will come).

    ``skip_reason`` set means it is recorded as skipped and never sent (stale, superseded).
    """

    key: DeliveryKey
    subscription_id: int | None = None
    personal_id: int | None = None
    posting_id: str | None = None
    offset_days: int | None = None
    skip_reason: str | None = None


@dataclass(frozen=True)
class Delivery:
    """A stored delivery row."""

    id: int
    key: DeliveryKey
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    subscription_id: int | None = None
    personal_id: int | None = None
    posting_id: str | None = None
    offset_days: int | None = None
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str | None = None
    in_doubt: bool = False
    duplicate_warning: str | None = None

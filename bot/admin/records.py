"""The values admin actions pass around: who acted, what the audit trail keeps, what waits.

Pure values with no store, file or chat code, so ``bot.store.admin_store`` can return them
and Slack modals or tests can build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bot.delivery import Delivery
from bot.domain import Posting, Refusal


class Refused(Refusal):
    """An admin action that cannot be done as asked; nothing was changed."""


@dataclass(frozen=True)
class Actor:
    """Who asked: platform and user id (and the channel, for previews)."""

    platform: str
    user: str
    channel: str = ""
    name: str = ""  # a display name, when the adapter knows it

    @property
    def label(self) -> str:
        return f"{self.platform}:{self.user}"


@dataclass(frozen=True)
class AuditEntry:
    """One admin action as the trail keeps it; ``before``/``after`` are posting snapshots."""

    id: int
    at: datetime
    platform: str
    user: str
    action: str
    posting_id: str | None = None
    source: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    note: str | None = None

    @property
    def actor(self) -> str:
        return f"{self.platform}:{self.user}"


@dataclass(frozen=True)
class NewAudit:
    """An audit row to write; the store adds id and time."""

    actor: Actor
    action: str
    posting_id: str | None = None
    source: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    note: str | None = None


@dataclass(frozen=True)
class Pending:
    """A preview waiting for its author's confirm (or cancel) until ``expires_at``."""

    token: str
    actor: Actor
    action: str
    payload: dict[str, Any]
    status: str
    created_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class PostingFile:
    """A posting with the file it was loaded from, as the store last saw that file."""

    posting: Posting
    source: str
    content_hash: str
    document_present: bool
    openings: int


@dataclass(frozen=True)
class StatusFacts:
    """What ``/herald status`` reports; scheduler facts are None when its tables are absent."""

    counts: dict[str, int]
    last_content_change: datetime | None
    last_reload: AuditEntry | None
    pending_previews: int
    scheduler_leader: str | None = None
    deliveries: dict[str, int] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # being sent, outcome unknown, or maybe sent twice (``Deliveries.attention``), newest first
    watched: tuple[Delivery, ...] = ()


SNAPSHOT_FIELDS = (
    "title",
    "organization",
    "location",
    "remote",
    "deadline",
    "open_until_filled",
    "closed",
    "salary",
    "contacts",
    "posted",
    "url",
    "status",
)


def snapshot(posting: Posting) -> dict[str, Any]:
    """The fields an admin can change, JSON-ready, for the audit's before/after."""
    data: dict[str, Any] = {"id": posting.id, "source": posting.source}
    for name in SNAPSHOT_FIELDS:
        data[name] = _json(getattr(posting, name))
    return data


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """ "deadline 2027-03-01 → 2027-04-01" for each field that differs."""
    if not before or not after:
        return []
    lines = []
    for name in SNAPSHOT_FIELDS:
        old, new = before.get(name), after.get(name)
        if old != new:
            lines.append(f"{name} {_shown(old)} → {_shown(new)}")
    return lines


def _shown(value: Any) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)

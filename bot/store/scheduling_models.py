"""Rows of the scheduler's tables: subscriptions, personal reminders, deliveries, the lease.

Created by migration 0003. Like ``bot.store.models`` they never leave ``bot.store``:
``bot.store.deliveries`` converts them to the values declared in ``bot.announce``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base
from bot.store.types import JSONType, UTCDateTime


class SubscriptionRow(Base):
    """A channel's standing ``/jobs subscribe`` query. ``since`` bounds what counts as new:
    postings first seen before it are backlog and never announced."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(200))
    filters: Mapped[str] = mapped_column(Text)  # canonical text, "" = every posting
    query: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(16))  # active | paused | cancelled
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_subscriptions_status", "status"),
        Index("ix_subscriptions_target", "platform", "channel"),
    )


class PersonalReminderRow(Base):
    """``/jobs remind <id>``: one person wants direct messages before one posting's deadline."""

    __tablename__ = "personal_reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(200))
    posting_id: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16))  # active | cancelled
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("platform", "user_id", "posting_id", name="uq_personal_reminders"),
    )


class DeliveryRow(Base):
    """One message Herald owes someone. The unique key is what makes sending exactly-once:
    a second planner, a restart or a replica inserting the same key inserts nothing."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # announce | reminder | digest | personal
    subject: Mapped[str] = mapped_column(String(160))  # posting id, or "subscription:<id>"
    platform: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(200))  # channel, room or user id
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    subscription_id: Mapped[int | None] = mapped_column(Integer)
    personal_id: Mapped[int | None] = mapped_column(Integer)
    posting_id: Mapped[str | None] = mapped_column(String(120))
    offset_days: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # pending|sending|sent|failed|skipped
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    # an earlier attempt may have reached the platform: look before sending again
    in_doubt: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # lasting: sent again after an unknown outcome the platform could not settle
    duplicate_warning: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint(
            "kind", "subject", "platform", "target", "due_at", name="uq_deliveries_key"
        ),
        Index("ix_deliveries_status_next", "status", "next_attempt_at"),
    )


class LeaseRow(Base):
    """Who runs the scheduler: the holder renews ``expires_at``; anyone may take an expired one."""

    __tablename__ = "scheduler_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime)

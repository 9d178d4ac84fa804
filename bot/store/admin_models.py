"""Rows of the admin tables: the audit trail and the previews waiting for a confirm.

Created by migration 0004. Like ``bot.store.models`` they never leave ``bot.store``:
``bot.store.admin_store`` converts them to the values declared in ``bot.admin.records``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models import Base
from bot.store.types import JSONType, UTCDateTime


class AuditRow(Base):
    """One admin action: who (platform + user), what, when, and the posting before and after.

    Never updated or deleted: the trail is what lets an admin see who changed what.
    """

    __tablename__ = "admin_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    posting_id: Mapped[str | None] = mapped_column(String(120))
    source: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_admin_audit_at", "at"),
        Index("ix_admin_audit_posting", "posting_id"),
    )


class PendingRow(Base):
    """A preview shown to an admin and not yet confirmed; only its author may confirm it."""

    __tablename__ = "admin_pending"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(16))  # pending | confirming | confirmed | cancelled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_admin_pending_status", "status", "expires_at"),)

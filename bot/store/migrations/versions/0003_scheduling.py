"""Scheduling: subscriptions, personal reminders, deliveries (the exactly-once ledger), lease.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("filters", sa.Text, nullable=False),
        sa.Column("query", JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_by", sa.String(200)),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("since", WHEN, nullable=False),
        sa.Column("updated", WHEN, nullable=False),
    )
    op.create_index("ix_subscriptions_status", "subscriptions", ["status"])
    op.create_index("ix_subscriptions_target", "subscriptions", ["platform", "channel"])

    op.create_table(
        "personal_reminders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("posting_id", sa.String(120), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated", WHEN, nullable=False),
        sa.UniqueConstraint("platform", "user_id", "posting_id", name="uq_personal_reminders"),
    )

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(160), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("due_at", WHEN, nullable=False),
        sa.Column("subscription_id", sa.Integer),
        sa.Column("personal_id", sa.Integer),
        sa.Column("posting_id", sa.String(120)),
        sa.Column("offset_days", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", WHEN, nullable=False),
        sa.Column("claimed_by", sa.String(200)),
        sa.Column("claimed_at", WHEN),
        sa.Column("sent_at", WHEN),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.UniqueConstraint(
            "kind", "subject", "platform", "target", "due_at", name="uq_deliveries_key"
        ),
    )
    op.create_index("ix_deliveries_status_next", "deliveries", ["status", "next_attempt_at"])

    op.create_table(
        "scheduler_leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("acquired_at", WHEN, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("scheduler_leases")
    op.drop_table("deliveries")
    op.drop_table("personal_reminders")
    op.drop_table("subscriptions")

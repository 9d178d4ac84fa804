"""Deliveries say when an attempt's outcome is unknown and when a message may have gone twice.

``in_doubt``: an earlier attempt may have reached the platform (a crash, a timeout, a 5xx
after the post); the next attempt looks in the target's history before sending.
``duplicate_warning``: a lasting note that the message may have been sent twice (it was
sent again after an unknown outcome that the platform could not settle). Both backends.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(
            sa.Column("in_doubt", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("duplicate_warning", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("duplicate_warning")
        batch.drop_column("in_doubt")

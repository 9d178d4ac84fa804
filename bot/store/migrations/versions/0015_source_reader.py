"""Which reading rules each source's documents were last read with (``content_sources.reader``).

A file whose bytes did not change is not read again, so rules that improved would reach it
only when someone edits it. The sync compares the loader's version (``bot.content.reader``)
with this column and reads every file of the source once when they differ. Sources synced
before the column existed have NULL: their files are read again on the next sync.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("content_sources", sa.Column("reader", sa.String(64)))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+), never a batch rebuild (see 0012)
    op.drop_column("content_sources", "reader")

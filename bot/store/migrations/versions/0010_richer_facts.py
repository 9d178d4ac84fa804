"""Richer posting facts: the salary's maximum and period, the employment type, and the regions
and time zones a remote posting accepts.

Stored postings were extracted before these facts existed, so every document's content hash is
cleared: the next load reads each page again (an unchanged file is otherwise skipped) and fills
them. Ids stay, as they hang on (source, position).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("salary_max", sa.Numeric(14, 2)))
        batch.add_column(sa.Column("salary_period", sa.Text))
        batch.add_column(sa.Column("employment_type", sa.Text))
        batch.add_column(sa.Column("remote_regions", JSON))
    op.execute(sa.text("UPDATE documents SET content_hash = ''"))


def downgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("remote_regions")
        batch.drop_column("employment_type")
        batch.drop_column("salary_period")
        batch.drop_column("salary_max")

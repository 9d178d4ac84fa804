"""Named sources: each document belongs to one source (``origin``), each source has a row.

``documents.origin`` names the source a document came from, so a sync withdraws only its
own documents. Documents stored before sources had names belong to ``content`` (the
default source), and their keys (``documents.source``) stay as they were: other sources'
keys are prefixed with their name (``bot.store.keys``). Columns are added with plain
``ALTER TABLE … ADD COLUMN``, never a table rebuild: on SQLite, rebuilding ``documents``
with foreign keys on would cascade-delete every posting.

``postings.page_url`` / ``file_url``: the posting's public page (from the site's base URL
and Jekyll's permalink rules) and its file in the repository. ``content_sources``: per
source, the commit its content was last synced from, when, and the last fetch error.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("origin", sa.String(300), nullable=False, server_default="content"),
    )
    op.add_column("postings", sa.Column("page_url", sa.Text))
    op.add_column("postings", sa.Column("file_url", sa.Text))
    op.create_index("ix_documents_origin_status", "documents", ["origin", "status"])
    op.create_table(
        "content_sources",
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("synced_commit", sa.String(64)),
        sa.Column("synced_at", WHEN),
        sa.Column("fetched_at", WHEN),
        sa.Column("error", sa.Text),
        sa.Column("error_at", WHEN),
    )


def downgrade() -> None:
    op.drop_table("content_sources")
    op.drop_index("ix_documents_origin_status", table_name="documents")
    # plain DROP COLUMN (SQLite 3.35+), never a batch rebuild: see the module docstring
    op.drop_column("postings", "file_url")
    op.drop_column("postings", "page_url")
    op.drop_column("documents", "origin")

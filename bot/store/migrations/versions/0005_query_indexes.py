"""Indexes for the read path of /jobs and /faq (bench/bench_query.py).

- SQLite: ``ix_postings_listing`` holds every column a list of postings filters or sorts on,
  keyed by ``pk``. A posting row carries its whole body (2-6 KB, about a page each), so
  checking "open? remote? deadline?" for thousands of full-text matches through the table
  reads thousands of pages; through this index it reads a few dozen. ``bot.store.queries``
  names it with ``INDEXED BY`` (the planner, without statistics, prefers the rowid). On
  PostgreSQL the body is TOASTed out of the heap row, so it gets no such index.
- Both: ``(status, organization)`` on postings and ``(status, kind, organization)`` on
  documents, so the distinct organisations are found with one index seek per name.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LISTING = [
    "pk",
    "status",
    "closed",
    "deadline",
    "remote",
    "open_until_filled",
    "posted",
    "id",
    "organization",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_postings_listing", "postings", LISTING)
    op.create_index("ix_postings_status_organization", "postings", ["status", "organization"])
    op.create_index(
        "ix_documents_status_kind_organization", "documents", ["status", "kind", "organization"]
    )


def downgrade() -> None:
    op.drop_index("ix_documents_status_kind_organization", table_name="documents")
    op.drop_index("ix_postings_status_organization", table_name="postings")
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_postings_listing", table_name="postings")

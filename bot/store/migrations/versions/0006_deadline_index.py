"""A covering index in deadline order for lists without words (SQLite).

``/jobs remote``, ``/jobs datacite``, ``/jobs closing this month`` show open postings by
deadline. Through ``(deadline, status, closed, remote, …)`` SQLite walks from today's
deadline and stops at the page, and counts "more than 100" without touching a posting row
(each of which carries its 2-6 KB body). PostgreSQL keeps the body out of the heap row and
has ``ix_postings_status_deadline``; it gets no such index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BY_DEADLINE = [
    "deadline",
    "status",
    "closed",
    "remote",
    "open_until_filled",
    "posted",
    "id",
    "organization",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_postings_by_deadline", "postings", BY_DEADLINE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_postings_by_deadline", table_name="postings")

"""Postings by organisation: one covering index for ``/jobs datacite`` and the names list.

``(organization, status, closed, deadline, remote, open_until_filled, posted, id)`` replaces
0005's ``(status, organization)``: the distinct organisations are still one seek per name,
and ``/jobs <organisation>`` now counts its postings by seeking the matching names instead
of testing every posting's organisation. Both backends.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BY_ORGANIZATION = [
    "organization",
    "status",
    "closed",
    "deadline",
    "remote",
    "open_until_filled",
    "posted",
    "id",
]


def upgrade() -> None:
    op.create_index("ix_postings_by_organization", "postings", BY_ORGANIZATION)
    op.drop_index("ix_postings_status_organization", table_name="postings")


def downgrade() -> None:
    op.create_index("ix_postings_status_organization", "postings", ["status", "organization"])
    op.drop_index("ix_postings_by_organization", table_name="postings")

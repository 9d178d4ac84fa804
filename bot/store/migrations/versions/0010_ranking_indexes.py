"""Postings by posted date, and each posting's leading fields as a small text vector.

A keyword list ranks a window of the newest open matches by posted date
(``bot.store.queries``, "Ranking"); these serve it on both backends:

- ``ix_postings_by_posted``: walked backwards from today it yields the recently posted
  postings first, newest first, and its ``posted IS NULL`` range the undated ones. On SQLite
  it covers every column the open test and the score read (a posting row carries its 2-6 KB
  body); PostgreSQL keeps the body out of the heap row and gets ``(posted, pk)``.
- PostgreSQL: ``head_vector``, a generated ``tsvector`` of title (A), organisation (B) and
  location (C) only. The score asks which of these fields holds the words; asked of
  ``search_vector`` that would de-TOAST the whole body's vector for every candidate. SQLite
  asks its full-text index with column filters and needs nothing new.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BY_POSTED = [
    "posted",
    "status",
    "closed",
    "deadline",
    "remote",
    "open_until_filled",
    "organization",
    "id",
]

HEAD_VECTOR = """ALTER TABLE postings ADD COLUMN head_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(organization, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(location, '')), 'C')
) STORED"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_postings_by_posted", "postings", BY_POSTED)
    else:
        op.create_index("ix_postings_by_posted", "postings", ["posted", "pk"])
        op.execute(HEAD_VECTOR)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("ALTER TABLE postings DROP COLUMN head_vector")
    op.drop_index("ix_postings_by_posted", table_name="postings")

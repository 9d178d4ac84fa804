"""PostgreSQL: a text index on each posting's leading fields (``head_vector``, 0011).

A posting named in a question ("who do I email about the conference job?") is looked for by
the words of its title (``PostingQuery.in_titles``). Without an index on ``head_vector``,
PostgreSQL could only walk every posting testing the words: when no title holds them but
many bodies do, that walk read the whole table (280 ms at 100,000 postings). With it, the
postings whose titles hold the words are counted and, when they are few, read from the
index (``bot.store.ranking``, the keyword list's probe). SQLite has ``postings_head_fts``.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("CREATE INDEX ix_postings_head_vector ON postings USING gin (head_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_index("ix_postings_head_vector", table_name="postings")

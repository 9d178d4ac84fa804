"""PostgreSQL: each passage's key block as a word of its full-text entry: ``pb191``.

A question's passages are ranked among the newest matches (``bot.store.passages``,
``RANK_WINDOW``). PostgreSQL found them by walking the passages newest first and testing
each one's text vector: about 6,400 rows read for the 500 newest matches of "membership fee"
and its other words at 100,000 pages (4-10 ms). With the block of keys in the index, it
answers "these words in the newest blocks" itself (about 1 ms), as the posted month does for
postings (0013). ``bot.store.fulltext.passage_block_token`` writes the same word for a
query; a test holds the two forms together. SQLite is unchanged: FTS5 reads its matches in
key order and stops at the window.

The column is generated, so it is dropped and added again (the table is rewritten: about
45 s for 780,000 passages); the word is unweighted and never in a ranking query, so scores do
not change.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BLOCK = 4096  # bot.store.fulltext.PASSAGE_BLOCK when this was written; a migration is frozen


def _postgres_vector(block: bool) -> list[str]:
    word = f"\n        || to_tsvector('simple'::regconfig, 'pb' || (id / {BLOCK})::text)"
    return [
        "ALTER TABLE faq_passages DROP COLUMN search_vector",  # drops its index too
        """ALTER TABLE faq_passages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(question, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(page_title, '')), 'C')"""
        + (word if block else "")
        + "\n    ) STORED",
        "CREATE INDEX ix_faq_passages_search_vector ON faq_passages USING gin (search_vector)",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for statement in _postgres_vector(block=True):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for statement in _postgres_vector(block=False):
            op.execute(statement)

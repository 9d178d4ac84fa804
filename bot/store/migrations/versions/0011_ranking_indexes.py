"""Postings by posted date, and each posting's leading fields as a small text vector.

A keyword list ranks a window of the newest open matches by posted date
(``bot.store.ranking``, "Ranking"); these serve it on both backends:

- ``ix_postings_by_posted``: walked backwards from today it yields the recently posted
  postings first, newest first, and its ``posted IS NULL`` range the undated ones. On SQLite
  it covers every column the open test and the score read (a posting row carries its 2-6 KB
  body); PostgreSQL keeps the body out of the heap row and gets ``(posted, pk)``.
- The leading fields alone, title, organisation and location, in a full-text index of their
  own: the score asks which of them hold the words. SQLite: ``postings_head_fts``, with the
  tokenizer of ``postings_fts`` (0001), kept in step by the same triggers and inserts; asked
  of ``postings_fts`` with column filters, the same question decodes the positions of every
  posting that has the word (14 ms for "developer" at 100,000). PostgreSQL:
  ``head_vector``, a generated ``tsvector`` of title (A), organisation (B) and location
  (C); asked of ``search_vector``, every candidate's whole vector would be de-TOASTed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
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

SQLITE_HEAD = [
    """CREATE VIRTUAL TABLE postings_head_fts USING fts5(
        title, organization, location,
        content='postings', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER postings_head_fts_delete AFTER DELETE ON postings BEGIN
        INSERT INTO postings_head_fts(postings_head_fts, rowid, title, organization, location)
        VALUES ('delete', old.pk, old.title, old.organization, old.location);
    END""",
    """CREATE TRIGGER postings_head_fts_update AFTER UPDATE OF title, organization, location
    ON postings BEGIN
        INSERT INTO postings_head_fts(postings_head_fts, rowid, title, organization, location)
        VALUES ('delete', old.pk, old.title, old.organization, old.location);
        INSERT INTO postings_head_fts(rowid, title, organization, location)
        VALUES (new.pk, new.title, new.organization, new.location);
    END""",
    "INSERT INTO postings_head_fts(postings_head_fts) VALUES ('rebuild')",
]

HEAD_VECTOR = """ALTER TABLE postings ADD COLUMN head_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(organization, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(location, '')), 'C')
) STORED"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_postings_by_posted", "postings", BY_POSTED)
        for statement in SQLITE_HEAD:
            op.execute(statement)
    else:
        op.create_index("ix_postings_by_posted", "postings", ["posted", "pk"])
        op.execute(HEAD_VECTOR)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS postings_head_fts_update")
        op.execute("DROP TRIGGER IF EXISTS postings_head_fts_delete")
        op.execute("DROP TABLE IF EXISTS postings_head_fts")
    else:
        op.execute("ALTER TABLE postings DROP COLUMN head_vector")
    op.drop_index("ix_postings_by_posted", table_name="postings")

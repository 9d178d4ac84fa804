"""Each posting's posted month as a word of its full-text entry: ``pm201906``, ``pmnone``.

A keyword list ranks the newest open matches by posted date (``bot.store.ranking``,
``RANKING``). Without the month in the index, finding "the matches posted since December"
meant reading every match of the word (70,000 keys for "developer" at 100,000 postings) and
testing the recently posted postings against them; with it, the index answers "developer
AND one of the last seven months" itself, and "developer AND undated" newest key first.
``bot.store.fulltext.month_token`` writes the same word for a query; a test holds the two
forms together on both backends.

- SQLite: ``postings.posted_month``, a virtual generated column, is the fifth column of
  ``postings_fts`` and the fourth of ``postings_head_fts``; both are rebuilt, and their
  triggers also fire when ``posted`` changes.
- PostgreSQL: ``search_vector`` gets the word (unweighted, so ``ts_rank_cd`` and the field
  weights ignore it); the column is generated, so it is dropped and added again (the table
  is rewritten: about 30 s at 100,000 postings). ``(status, deadline, posted)`` replaces
  ``(status, deadline)``: the walk of the postings with a deadline ahead that were posted
  before the horizon tests the posted date in the index, not in the table.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

# The statements are assembled from this file's own column names; nothing comes from outside.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_MONTH = """ALTER TABLE postings ADD COLUMN posted_month TEXT GENERATED ALWAYS AS (
    'pm' || coalesce(strftime('%Y%m', posted), 'none')) VIRTUAL"""

TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'"


def _sqlite_index(name: str, columns: Sequence[str]) -> list[str]:
    """An external-content index of ``columns`` of ``postings`` and the triggers that keep
    it in step (as 0001 and 0011 made them, with the posted month added)."""
    names = ", ".join(columns)
    old = ", ".join(f"old.{c}" for c in columns)
    new = ", ".join(f"new.{c}" for c in columns)
    watched = ", ".join(c if c != "posted_month" else "posted" for c in columns)
    delete = f"INSERT INTO {name}({name}, rowid, {names}) VALUES ('delete', old.pk, {old});"
    return [
        f"DROP TRIGGER IF EXISTS {name}_update",
        f"DROP TRIGGER IF EXISTS {name}_delete",
        f"DROP TABLE IF EXISTS {name}",
        f"CREATE VIRTUAL TABLE {name} USING fts5({names}, "
        f"content='postings', content_rowid='pk', {TOKENIZER})",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON postings BEGIN {delete} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {watched} ON postings BEGIN "
        f"{delete} INSERT INTO {name}(rowid, {names}) VALUES (new.pk, {new}); END",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


FIELDS = ["title", "organization", "location", "body"]
DEADLINE_POSTED = ["status", "deadline", "posted"]
HEAD = ["title", "organization", "location"]


def _postgres_vector(month: bool) -> list[str]:
    word = (
        " || to_tsvector('simple'::regconfig, 'pm' || coalesce("
        "(extract(year FROM posted) * 100 + extract(month FROM posted))::int::text, 'none'))"
    )
    weighted = "\n        || ".join(
        f"setweight(to_tsvector('english'::regconfig, coalesce({f}, '')), '{w}')"
        for f, w in zip(FIELDS, "ABCD", strict=True)
    )
    return [
        "ALTER TABLE postings DROP COLUMN search_vector",  # drops its index too
        "ALTER TABLE postings ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (\n        "
        + weighted
        + (word if month else "")
        + "\n    ) STORED",
        "CREATE INDEX ix_postings_search_vector ON postings USING gin (search_vector)",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_MONTH)
        for statement in _sqlite_index("postings_fts", [*FIELDS, "posted_month"]):
            op.execute(statement)
        for statement in _sqlite_index("postings_head_fts", [*HEAD, "posted_month"]):
            op.execute(statement)
    else:
        for statement in _postgres_vector(month=True):
            op.execute(statement)
        op.create_index("ix_postings_status_deadline_posted", "postings", DEADLINE_POSTED)
        op.drop_index("ix_postings_status_deadline", table_name="postings")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _sqlite_index("postings_fts", FIELDS):
            op.execute(statement)
        for statement in _sqlite_index("postings_head_fts", HEAD):
            op.execute(statement)
        op.execute("ALTER TABLE postings DROP COLUMN posted_month")
    else:
        for statement in _postgres_vector(month=False):
            op.execute(statement)
        op.create_index("ix_postings_status_deadline", "postings", ["status", "deadline"])
        op.drop_index("ix_postings_status_deadline_posted", table_name="postings")

"""Persistence and full-text search (SQLite FTS5 or PostgreSQL tsvector) behind one Store.

Example::

    from bot.store import Store

    store = Store.open("sqlite:///herald.db")
    store.upgrade()
    page = store.find_postings(PostingQuery(today=date(2026, 11, 21), organization="iiif"))
"""

from __future__ import annotations

from bot.domain import PassageHit
from bot.store.saving import SaveOutcome
from bot.store.store import Store

__all__ = ["PassageHit", "SaveOutcome", "Store"]

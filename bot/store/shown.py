"""The last list shown in each conversation, so "more" and "the second one" work.

Kept in the database (the ``state`` table), not in memory: with several replicas, the next
message of a conversation may reach another process, and a restart forgets nothing. The key
is a hash of the conversation (platform, channel, thread, user), so no one's id is written;
the value holds the postings' ids in the order shown and the command of the next page. A
list is remembered for ``REMEMBERED_FOR``: a "more" an hour later is a new conversation.

Example::

    lists, here = ShownLists(store), Conversation("slack", "C1", "", "U1")
    lists.remember(here, ShownList(("a-job", "b-job"), "jobs remote page 2"), now)
    lists.recall(here, now)      # ShownList(...), or None after 30 minutes
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import astuple, replace
from datetime import datetime, timedelta
from typing import ClassVar

from bot.domain import Conversation, ShownList
from bot.store.state import StateStore
from bot.store.store import Store

logger = logging.getLogger(__name__)

REMEMBERED_FOR = timedelta(minutes=30)
_PREFIX = "shown:"
MAX_IDS = 100


def _key(where: Conversation) -> str:
    digest = hashlib.sha256("\0".join(astuple(where)).encode()).hexdigest()
    return _PREFIX + digest[:40]


class ShownLists:
    """``ListMemory`` (``bot.commands``) on the store's ``state`` table."""

    # when this process last deleted the lists no one can follow any more: at most once per
    # ``REMEMBERED_FOR``, so a list costs one write, not a write and a delete
    _pruned: ClassVar[datetime | None] = None

    def __init__(self, store: Store) -> None:
        self._state = StateStore(store)

    def remember(self, where: Conversation, shown: ShownList, now: datetime) -> None:
        value = {"ids": list(shown.ids[:MAX_IDS]), "more": shown.more, "at": now.isoformat()}
        self._state.set(_key(where), json.dumps(value))
        pruned = ShownLists._pruned
        if pruned is None or not now - REMEMBERED_FOR < pruned <= now:
            ShownLists._pruned = now
            self._state.forget(_PREFIX, now - REMEMBERED_FOR)

    def recall(self, where: Conversation, now: datetime) -> ShownList | None:
        """The list shown last, unless it is older than ``REMEMBERED_FOR``; in a thread that
        has none of its own, the channel's: a thread opened under a list ("Reply in thread"
        on Herald's answer) asks about that list."""
        shown = self._recalled(where, now)
        if shown is None and where.thread:
            return self._recalled(replace(where, thread=""), now)
        return shown

    def _recalled(self, where: Conversation, now: datetime) -> ShownList | None:
        raw = self._state.get(_key(where))
        if raw is None:
            return None
        try:
            value = json.loads(raw)
            at = datetime.fromisoformat(value["at"])
            shown = ShownList(tuple(str(i) for i in value["ids"]), value.get("more"))
        except (ValueError, KeyError, TypeError):
            logger.warning("a remembered list could not be read; it is forgotten")
            return None
        return shown if now - at <= REMEMBERED_FOR else None

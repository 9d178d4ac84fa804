"""Each Slack event answered once, however often Slack delivers it.

Slack retries an event it thinks was not received; a person may press "Share in channel"
twice. This process remembers what it handled, and event ids are also claimed in the
store's state table, which replicas share.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.store.state import StateStore

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)

# Enough to outlast Slack's retry window (three retries within minutes) at any sane rate.
DEDUPE_CAPACITY = 10_000
# Handled event ids, shared by replicas in the state table; Slack retries within minutes.
EVENT_KEY = "slack:event:"
EVENT_MEMORY = timedelta(hours=1)


class Seen:
    """A bounded memory of what was handled, so a redelivery never runs twice."""

    def __init__(self, capacity: int = DEDUPE_CAPACITY) -> None:
        self._keys: OrderedDict[Hashable, None] = OrderedDict()
        self._capacity = capacity

    def first(self, key: Hashable) -> bool:
        """True the first time ``key`` is seen."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self._capacity:
            self._keys.popitem(last=False)
        return True


# A second press of the same button this soon is the same press (a double click, or a
# press Slack's client sent again while its spinner turned)
DOUBLE_PRESS_SECONDS = 5.0


class RecentPresses:
    """Button presses of the last few seconds, so a double click runs once: a 👎 counted
    twice, or two copies of the same answer. A press after that runs again (Details may
    be wanted twice)."""

    def __init__(self, clock: Callable[[], float], window: float = DOUBLE_PRESS_SECONDS) -> None:
        self._clock = clock
        self._window = window
        self._at: OrderedDict[Hashable, float] = OrderedDict()

    def first(self, key: Hashable) -> bool:
        """True unless ``key`` was pressed within the window."""
        now = self._clock()
        while self._at and now - next(iter(self._at.values())) >= self._window:
            self._at.popitem(last=False)
        if key in self._at:
            return False
        self._at[key] = now
        return True


class Redeliveries:
    """Bolt middleware answering each event id once (``drop``), and the memory of handled
    clicks the listeners consult (``seen``)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.seen = Seen()
        self._pruned: datetime | None = None

    async def drop(
        self, req: AsyncBoltRequest, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        """Answer each event id once, whether or not Slack says it is a retry.

        Slack retries (``X-Slack-Retry-Num``) when its first delivery failed or was not
        acknowledged in 3 s: often because Herald was restarting and never saw it. So the
        header alone decides nothing; only an event id already handled is dropped. Runs
        after Bolt's signature check, so a forged retry still gets a 401.
        """
        body = req.body if isinstance(req.body, dict) else {}
        event_id = body.get("event_id")
        retry = req.headers.get("x-slack-retry-num")
        if event_id and not await self._first_delivery(str(event_id)):
            logger.info("Slack event %s already handled; acknowledged without running", event_id)
            return BoltResponse(status=200, body="")
        if retry:
            reason = req.headers.get("x-slack-retry-reason", ["?"])
            logger.info(
                "Slack retry %s (%s) of event %s, not seen before: answering",
                retry[0],
                reason[0],
                event_id or "-",
            )
        return await next()

    async def _first_delivery(self, event_id: str) -> bool:
        """Whether no replica has handled this event yet.

        This process's memory answers repeats at once; a first sighting is then claimed in
        the database, which replicas behind one load balancer share (Slack may send the
        retry to another one). A database that cannot answer counts as "first": better a
        rare second answer than a lost one.
        """
        if not self.seen.first(("event", event_id)):
            return False
        try:
            # the loop's own threads, not the answering pool: the ack must not queue there
            return await asyncio.to_thread(self._claim_event, event_id)
        except Exception as exc:
            logger.warning("Slack event %s: the shared memory failed (%s)", event_id, exc)
            return True

    def _claim_event(self, event_id: str) -> bool:
        now = self.app.clock()
        state = StateStore(self.app.store)
        first = state.claim(f"{EVENT_KEY}{event_id}", now)
        if first and (self._pruned is None or now - self._pruned >= EVENT_MEMORY / 4):
            self._pruned = now
            state.forget(EVENT_KEY, now - EVENT_MEMORY)
        return first

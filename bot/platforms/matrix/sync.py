"""The sync loop: long-polls ``/sync`` and hands each batch to the parts that act on it
(encryption keys, ``m.direct``, membership, messages), then stores the batch's token.

Restart safety comes from that token, kept in the store's state table and written after each
batch is answered: a restarted Herald picks up exactly where it stopped, answering what
arrived meanwhile, once. The very first start has no token; it syncs without a timeline
(``limit: 0``) so the room history is never answered. A stored token the homeserver no longer
accepts (its database was reset, say) is dropped with a warning and Herald starts as if for
the first time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from nio import AsyncClient, MessageDirection, RoomMessagesResponse, SyncResponse

from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.e2ee import Encryption
from bot.platforms.matrix.errors import MatrixError, http_status
from bot.platforms.matrix.events import MatrixEvents
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.membership import Membership
from bot.platforms.matrix.rules import own_join, sync_filter, token_refused

logger = logging.getLogger(__name__)

SYNC_TIMEOUT_MS = 30_000
TIMELINE_LIMIT = 100
BACKFILL_PAGES = 5


class Sync:
    """One account's sync: the token, and the loop that ``stop`` ends after its batch."""

    def __init__(
        self,
        link: Link,
        direct: DirectRooms,
        encryption: Encryption,
        membership: Membership,
        events: MatrixEvents,
        *,
        sync_timeout_ms: int = SYNC_TIMEOUT_MS,
        timeline_limit: int = TIMELINE_LIMIT,
    ) -> None:
        self.link = link
        self.direct = direct
        self.encryption = encryption
        self.membership = membership
        self.events = events
        self.sync_timeout_ms = sync_timeout_ms
        self._filter = sync_filter(timeline_limit)
        self._token: str | None = None
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Run ``loop`` in a task (after ``first``)."""
        self._stopping.clear()
        self._task = asyncio.create_task(self.loop(), name="herald-matrix-sync")

    async def stop(self) -> None:
        """Finish the batch being answered (its token saved), then end the loop."""
        self._stopping.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def first(self) -> None:
        """The sync at start: from the stored token (answering what arrived meanwhile), or
        on the very first start the rooms and a token without any history."""
        client = self.link.client
        self._token = await asyncio.to_thread(self.link.state.get, self.link.key("next_batch"))
        if self._token is not None:
            try:
                await self._catch_up(client, self._token)
                return
            except MatrixError as exc:
                if not token_refused(exc):
                    raise
                logger.warning(
                    "Matrix: the homeserver refused the stored sync token (%s); starting "
                    "afresh: what was said while Herald was away is not answered",
                    exc,
                )
                self._token = None
        # First start ever: learn the rooms and a token, answer none of the history.
        response = await self._sync(client, sync_filter(0), since=None, full_state=False)
        await self.encryption.keep_keys()
        self.direct.note(response)
        await self.membership.invites(response)
        await self._save_token(response.next_batch)
        logger.info("Matrix: first start, room history skipped")

    async def _catch_up(self, client: AsyncClient, token: str) -> None:
        # A restart: full state refills nio's room list (members, encryption), and the
        # timeline brings what was said while Herald was away.
        response = await self._sync(client, self._filter, since=token, full_state=True)
        await self._process(response)

    async def _sync(
        self,
        client: AsyncClient,
        sync_filter: dict[str, Any],
        *,
        since: str | None,
        full_state: bool,
        timeout_ms: int = 0,
    ) -> SyncResponse:
        response = await client.sync(
            timeout=timeout_ms, sync_filter=sync_filter, since=since, full_state=full_state
        )
        if not isinstance(response, SyncResponse):
            raise MatrixError(
                f"sync failed: {response.status_code} {response.message}",
                http_status=http_status(response),
                errcode=response.status_code,
            )
        return response

    async def loop(self) -> None:
        """Long-poll until ``stop``; a failed sync is retried with growing waits, a batch
        whose answering failed is tried again (its token is not advanced)."""
        client = self.link.client
        failures = 0
        while not self._stopping.is_set():
            polling = asyncio.create_task(
                self._sync(
                    client,
                    self._filter,
                    since=self._token,
                    full_state=False,
                    timeout_ms=self.sync_timeout_ms,
                )
            )
            stopping = asyncio.create_task(self._stopping.wait())
            await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not polling.done():
                # Only the long poll is cancelled; a batch being answered always finishes.
                polling.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await polling
                return
            try:
                response = polling.result()
            except Exception as exc:
                failures += 1
                wait = min(60.0, 2.0 ** min(failures, 6))
                logger.warning("Matrix sync failed (%s); retrying in %.0fs", exc, wait)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), wait)
                continue
            failures = 0
            try:
                await self._process(response)
            except Exception:
                # The token is not advanced, so the batch is tried again rather than lost.
                logger.exception("Matrix: answering a sync batch failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), 5)

    async def _save_token(self, token: str) -> None:
        await asyncio.to_thread(self.link.state.set, self.link.key("next_batch"), token)
        self._token = token

    async def _process(self, response: SyncResponse) -> None:
        """Answer one batch, then store its token: a crash in between repeats, never skips."""
        client = self.link.client
        await self.encryption.keep_keys()
        self.direct.note(response)
        await self.membership.leaves(response)
        await self.membership.invites(response)
        for room_id, info in response.rooms.join.items():
            events = list(info.timeline.events)
            joined_at = own_join(events, self.link.user_id)
            if joined_at is not None:
                # Newly joined: what was said before Herald came is history, not a question.
                events = events[joined_at + 1 :]
                await self.membership.resume(room_id)
            elif info.timeline.limited and self._token is not None:
                events = await self._backfill(room_id, info.timeline.prev_batch) + events
            room = client.rooms.get(room_id)
            if room is None:
                continue
            if room.encrypted and client.olm is None:
                await self.encryption.say_encrypted_once(room_id)
            for event in events:
                await self.events.handle(room, event)
            await self.membership.follow_upgrades(room_id, events)
            await self.membership.leave_if_alone(room, events)
        await self.encryption.retry_undecrypted(self.events.late)
        await self._save_token(response.next_batch)

    async def _backfill(self, room_id: str, prev_batch: str | None) -> list[Any]:
        """The events a limited timeline left out, back to the previous token, oldest first."""
        client = self.link.client
        if prev_batch is None or self._token is None:
            return []
        older: list[Any] = []
        start = prev_batch
        for _page in range(BACKFILL_PAGES):
            response = await client.room_messages(
                room_id, start=start, end=self._token, direction=MessageDirection.back, limit=100
            )
            if not isinstance(response, RoomMessagesResponse) or not response.chunk:
                break
            older.extend(response.chunk)
            if not response.end or response.end == start:
                break
            start = response.end
        else:
            logger.warning("Matrix: more than %d pages missed in %s", BACKFILL_PAGES, room_id)
        older.reverse()
        logger.info("Matrix: backfilled %d events in %s", len(older), room_id)
        return older

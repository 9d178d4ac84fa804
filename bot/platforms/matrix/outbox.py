"""The scheduler's side of Matrix (the Outbox contract in ``bot.outbox``): post a reply with
its delivery keys in the events' content and a transaction id derived from them, and read
Herald's own recent events back for those keys before sending anything twice.

Example::

    outbox = MatrixOutbox(link, sender, direct)
    await outbox.send("!room:example.org", reply, keys=["announce:42:!room:example.org"])
    await outbox.find("@ana:example.org", keys, since)   # her direct rooms are read
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from datetime import datetime
from urllib.parse import quote

import aiohttp

from bot.commands import Reply
from bot.outbox import RateLimited, TransientSendError
from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import (
    DELIVERY_FIELD,
    collect_marks,
    delivery_mark,
    transaction_base,
)
from bot.platforms.matrix.sending import Sender
from bot.platforms.matrix_render import render

logger = logging.getLogger(__name__)

# The scheduler's sends make one attempt and raise RateLimited at once: its ledger retries,
# pausing only that room, and a wait in here would outlive the lease the send is fenced by.
OUTBOX_MAX_WAIT = 0.0
# Before sending again after an unknown outcome, up to HISTORY_PAGES pages are read back.
HISTORY_PAGE = 100
HISTORY_PAGES = 5


class MatrixOutbox:
    """Sends and finds for the scheduler; a ``@user`` target is that person's direct room."""

    def __init__(self, link: Link, sender: Sender, direct: DirectRooms) -> None:
        self.link = link
        self.sender = sender
        self.direct = direct

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """Post ``reply`` to the room ``target``, or to the direct room with the person
        ``target`` names (``@ana:example.org``), for the scheduler; one attempt.

        Raises ``RateLimited``, ``TransientSendError`` or ``PermanentSendError``. Each event
        carries ``keys`` in its content (``DELIVERY_FIELD``, what :meth:`find` reads) and a
        transaction id derived from them, so the homeserver drops a repeat from the same
        device (Synapse remembers transaction ids for a day).
        """
        room_id = await self.direct.room_with(target) if target.startswith("@") else target
        messages = render(reply, prefix=self.link.config.prefix)
        base = transaction_base(keys)
        for index, message in enumerate(messages):
            content = message.content()
            if keys:
                content[DELIVERY_FIELD] = delivery_mark(keys, index, len(messages))
            await self.sender.content(
                room_id,
                content,
                max_total_wait=OUTBOX_MAX_WAIT,
                tx_id=f"{base}.{index}" if base else None,
            )

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """Which ``keys`` are on Herald's events in the room (or the person's direct rooms)
        since ``since``, read back through ``/messages`` (up to ``HISTORY_PAGES`` pages).
        None when Herald cannot read the room, the history since then is longer, or Herald's
        events there are encrypted (the mark is inside the ciphertext)."""
        wanted = set(keys)
        if not wanted:
            return set()
        if target.startswith("@"):
            rooms = (await self.direct.listed()).get(target, [])
        else:
            rooms = [target]
        parts: dict[str, set[int]] = {}
        totals: dict[str, int] = {}
        complete = True
        for room_id in rooms:
            read = await self._read_marks(room_id, wanted, since, parts, totals)
            complete = complete and read
        found = {k for k, seen in parts.items() if len(seen) >= totals[k]}
        return found if complete or found == wanted else None

    async def _read_marks(
        self,
        room_id: str,
        wanted: set[str],
        since: datetime,
        parts: dict[str, set[int]],
        totals: dict[str, int],
    ) -> bool:
        """Collect the delivery marks of Herald's own events back to ``since``; False when
        the room could not be read that far."""
        client = self.link.client
        limit_ms = since.timestamp() * 1000
        types = ["m.room.message", "m.room.encrypted"]
        event_filter = json.dumps({"senders": [self.link.user_id], "types": types})
        token = ""
        headers = {"Authorization": f"Bearer {client.access_token}"}
        for _ in range(HISTORY_PAGES):
            query = f"dir=b&limit={HISTORY_PAGE}&filter={quote(event_filter, safe='')}"
            if token:
                query += f"&from={quote(token, safe='')}"
            path = f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/messages?{query}"
            try:
                answer = await client.send("GET", path, None, headers)
                status = answer.status
                body = await answer.json() if status in (200, 429) else {}
                answer.release()
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                raise TransientSendError(f"matrix: reading {room_id} failed ({exc})") from exc
            if status == 429:
                raise RateLimited((body.get("retry_after_ms") or 1000) / 1000, "matrix /messages")
            if status >= 500:
                raise TransientSendError(f"matrix: reading {room_id} failed (HTTP {status})")
            if status != 200:
                logger.warning("Matrix: cannot read %s (HTTP %s)", room_id, status)
                return False
            for event in body.get("chunk") or ():
                if event.get("origin_server_ts", 0) < limit_ms:
                    return True
                if event.get("type") == "m.room.encrypted":
                    # the mark is inside the ciphertext: Herald cannot tell from here (a
                    # repeat from this device is still dropped by its transaction id)
                    return False
                collect_marks(event.get("content") or {}, wanted, parts, totals)
            token = str(body.get("end") or "")
            if not token or not body.get("chunk"):
                return True  # the room's beginning
        return False

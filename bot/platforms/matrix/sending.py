"""Posting to a room: one transaction id for every attempt (a retried send is never posted
twice), rate limits waited out within bounds, and a room nio has not synced yet learnt first
so a message is encrypted exactly when the room is."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from nio import MatrixRoom, RoomSendResponse

from bot.outbox import PermanentSendError, SendError, TransientSendError
from bot.platforms.matrix.errors import send_with_retry
from bot.platforms.matrix.link import Link
from bot.platforms.matrix_render import MatrixMessage

logger = logging.getLogger(__name__)


class Sender:
    """Sends events to rooms for every part of the adapter."""

    def __init__(self, link: Link) -> None:
        self.link = link

    async def notice(self, room_id: str, text: str, relation: dict[str, Any] | None = None) -> None:
        """A short ``m.notice`` that pings nobody; a failure is logged, not raised."""
        content: dict[str, Any] = {"msgtype": "m.notice", "body": text, "m.mentions": {}}
        if relation is not None:
            content["m.relates_to"] = relation
        try:
            await self.content(room_id, content)
        except SendError as exc:
            logger.warning("Matrix: the notice %r to %s failed: %s", text[:40], room_id, exc)

    async def messages(
        self,
        room_id: str,
        messages: Sequence[MatrixMessage],
        relation: dict[str, Any] | None,
        *,
        max_total_wait: float | None = None,
    ) -> None:
        for message in messages:
            content = message.content()
            if relation is not None:
                content["m.relates_to"] = relation
            await self.content(room_id, content, max_total_wait=max_total_wait)

    async def content(
        self,
        room_id: str,
        content: dict[str, Any],
        *,
        max_total_wait: float | None = None,
        tx_id: str | None = None,
    ) -> RoomSendResponse:
        client = self.link.client
        # One transaction id for every attempt, so a retried send is never posted twice.
        tx_id = tx_id or str(uuid.uuid4())

        if client.olm is not None and room_id not in client.rooms:
            # nio encrypts only for rooms it has synced; never guess "unencrypted"
            await self._learn_room(room_id)

        async def attempt() -> Any:
            # TOFU: new devices are trusted as they come (see Encryption.keep_keys), also
            # one that appears between the last key query and this send
            return await client.room_send(
                room_id, "m.room.message", content, tx_id=tx_id, ignore_unverified_devices=True
            )

        response: RoomSendResponse = await send_with_retry(
            attempt, sleep=self.link.sleep, max_total_wait=max_total_wait
        )
        return response

    async def _learn_room(self, room_id: str) -> None:
        """Teach nio a room Herald joined but has not synced yet (a send right after the
        join), with its encryption read from the room's state."""
        client, user_id = self.link.client, self.link.user_id
        if await self.link.membership(room_id, user_id) != "join":
            raise PermanentSendError(
                f"Herald may not post in this room (not a member of {room_id})"
            )
        response = await client.room_get_state_event(room_id, "m.room.encryption")
        content = getattr(response, "content", None) or {}
        if content.get("errcode") not in (None, "M_NOT_FOUND"):
            raise TransientSendError(f"matrix: reading {room_id}'s encryption failed: {content}")
        if room_id not in client.rooms:  # the sync may have come meanwhile
            encrypted = "algorithm" in content
            client.rooms[room_id] = MatrixRoom(room_id, user_id, encrypted=encrypted)

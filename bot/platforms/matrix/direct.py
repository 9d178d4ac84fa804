"""Direct rooms as Herald's ``m.direct`` account data lists them: which rooms are direct
chats (never guessed from a member count), and the room for a personal reminder, found or
created and recorded as any client records it."""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import quote

import aiohttp
from nio import (
    DirectRoomsResponse,
    ErrorResponse,
    RoomCreateResponse,
    RoomPreset,
    SyncResponse,
    UnknownAccountDataEvent,
)

from bot.outbox import PermanentSendError, SendError
from bot.platforms.matrix.errors import http_status, send_error
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import direct_rooms_of

logger = logging.getLogger(__name__)


class DirectRooms:
    """``rooms``: the direct rooms, kept current from the syncs' account data."""

    def __init__(self, link: Link) -> None:
        self.link = link
        self.rooms: set[str] = set()
        self._lock = asyncio.Lock()

    async def load(self) -> None:
        """Read ``m.direct`` once at start; later changes arrive with the syncs."""
        try:
            direct = await self.listed()
        except SendError as exc:
            logger.warning("Matrix: reading m.direct failed (%s); no room counts as direct", exc)
            return
        self.rooms = {room for rooms in direct.values() for room in rooms}

    def note(self, response: SyncResponse) -> None:
        """Take a changed ``m.direct`` from a sync."""
        for event in response.account_data_events:
            if isinstance(event, UnknownAccountDataEvent) and event.type == "m.direct":
                self.rooms = direct_rooms_of(event.content)

    async def listed(self) -> dict[str, list[str]]:
        """``m.direct`` as the homeserver has it: {user: [room, …]}."""
        response = await self.link.client.list_direct_rooms()
        if isinstance(response, DirectRoomsResponse):
            return {user: list(rooms) for user, rooms in response.rooms.items()}
        if response.status_code == "M_NOT_FOUND":  # no direct room yet
            return {}
        raise send_error(response)

    async def record(self, user_id: str, room_id: str) -> None:
        """Add an accepted direct invite to ``m.direct``, as the invitee's client does, so it
        stays a direct room after a restart and personal reminders to that person go there."""
        self.rooms.add(room_id)
        async with self._lock:
            try:
                direct = await self.listed()
            except SendError as exc:
                logger.warning("Matrix: reading m.direct failed: %s", exc)
                return
            if room_id in direct.get(user_id, []):
                return
            direct[user_id] = [*direct.get(user_id, []), room_id]
            await self._save(direct)

    async def room_with(self, user_id: str) -> str:
        """Herald's direct room with ``user_id``: one listed in ``m.direct`` that both are
        still in (the person joined or invited), else a new one, invited and recorded."""
        client = self.link.client
        async with self._lock:
            direct = await self.listed()
            for known in reversed(direct.get(user_id, [])):
                if await self._usable(known, user_id):
                    return known
            # Synapse invites an id nobody has without complaint; its profile tells (404).
            # Where profiles are private (403) Herald invites anyway.
            profile = await client.get_profile(user_id)
            if isinstance(profile, ErrorResponse) and http_status(profile) == 404:
                raise PermanentSendError(f"matrix: there is no user {user_id}")
            created = await client.room_create(
                is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat
            )
            if not isinstance(created, RoomCreateResponse):
                raise send_error(created)
            room_id: str = created.room_id
            kept = [r for r in direct.get(user_id, []) if r != room_id]
            direct[user_id] = [*kept, room_id]
            await self._save(direct)
            self.rooms.add(room_id)
            logger.info("Matrix: opened a direct room with %s", user_id)
            return room_id

    async def _usable(self, room_id: str, user_id: str) -> bool:
        if await self.link.membership(room_id, self.link.user_id) != "join":
            return False
        return await self.link.membership(room_id, user_id) in ("join", "invite")

    async def _save(self, direct: dict[str, list[str]]) -> None:
        """PUT the ``m.direct`` account data (nio has no call for it), so Herald and the
        person's clients find the room again after a restart."""
        client = self.link.client
        user = quote(self.link.user_id, safe="")
        path = f"/_matrix/client/v3/user/{user}/account_data/m.direct"
        headers = {
            "Authorization": f"Bearer {client.access_token}",
            "Content-Type": "application/json",
        }
        try:
            answer = await client.send("PUT", path, json.dumps(direct), headers)
            ok = answer.status == 200
            answer.release()
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("Matrix: recording the direct room failed: %s", exc)
            return
        if not ok:
            logger.warning("Matrix: recording the direct room failed (HTTP %s)", answer.status)

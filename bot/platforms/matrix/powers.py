"""Power in a Matrix room, as Herald reads it: who counts as a platform admin (a power
level of at least ``ADMIN_POWER_LEVEL``, when the settings say so) and who may change what
Herald posts in a room (the room's ``state_default``, or the configured level). From room
version 12 the creators hold unlimited power without being listed; they are read from the
room's create event once per room."""

from __future__ import annotations

import logging

from nio import MatrixRoom, RoomGetStateResponse

from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import creators_privileged, room_creators

logger = logging.getLogger(__name__)

ADMIN_POWER_LEVEL = 50


class Powers:
    """Reads power levels from nio's room state; caches each room's creators."""

    def __init__(self, link: Link) -> None:
        self.link = link
        self._room_creators: dict[str, frozenset[str]] = {}

    async def platform_admin(self, room: MatrixRoom, user_id: str) -> bool:
        """Power level >= ``ADMIN_POWER_LEVEL`` in ``room``, when the settings say it counts.

        From room version 12 the creators hold unlimited power without being listed in the
        power levels, so they are looked up in the room's create event (once per room).
        """
        if not self.link.config.power_level_admins:
            return False
        if room.power_levels.get_user_level(user_id) >= ADMIN_POWER_LEVEL:
            return True
        return creators_privileged(room.room_version) and user_id in await self._creators(
            room.room_id
        )

    async def manage_refusal(self, room: MatrixRoom, user_id: str) -> str | None:
        """Why ``user_id`` may not change what Herald posts in ``room``, or None if they may.

        The maubot/mautrix convention: changing what a bot posts to a room is like changing
        the room's settings, so it takes the power level of state events (``state_default``,
        50 unless the room says otherwise), or the configured level. In a direct chat the
        person may always (the caller does not ask).
        """
        levels = room.power_levels
        needed = self.link.config.subscription_power_level
        if needed is None:
            needed = levels.defaults.state_default
        own = levels.get_user_level(user_id)
        if own >= needed:
            return None
        if creators_privileged(room.room_version) and user_id in await self._creators(room.room_id):
            return None
        return (
            f"Changing this room's subscriptions needs power level {needed} here (a "
            f"moderator, by default); yours is {own}. Ask a moderator of the room."
        )

    async def _creators(self, room_id: str) -> frozenset[str]:
        known = self._room_creators.get(room_id)
        if known is not None:
            return known
        response = await self.link.client.room_get_state(room_id)
        if not isinstance(response, RoomGetStateResponse):
            logger.warning("Matrix: reading the state of %s failed: %s", room_id, response)
            return frozenset()
        creators = room_creators(response.events)
        self._room_creators[room_id] = creators
        return creators

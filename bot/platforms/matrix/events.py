"""Matrix messages to ``Request``s, and ``Reply``s back as threaded ``m.notice`` events: the
event module.

A message is for Herald when it starts with the command prefix (``!jobs remote``), names
Herald with a colon (``Herald: jobs remote``), mentions Herald in ``m.mentions``, or is in a
direct room; "Herald jobs remote" (the name without a colon) only when "jobs" is a command.
What a line means (a command, or a question) is then the Router's call. Edits are not
answered again; events Herald cannot decrypt go to ``Encryption``. Power levels say who is a
platform admin and who may change a room's subscriptions.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Any

from nio import MatrixRoom, MegolmEvent, RoomGetStateResponse, RoomMessageText

from bot.commands import Reply, Request, split_command
from bot.outbox import SendError
from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.e2ee import Encryption
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import (
    command_line,
    creators_privileged,
    is_edit,
    mentions_user,
    reply_relation,
    room_creators,
)
from bot.platforms.matrix.sending import Sender
from bot.platforms.matrix_render import render

logger = logging.getLogger(__name__)

ADMIN_POWER_LEVEL = 50
_SEEN_EVENTS = 2_000


class MatrixEvents:
    """Answers the messages each sync brings; remembers the events already answered and the
    creators of rooms (read once per room)."""

    def __init__(
        self, link: Link, sender: Sender, direct: DirectRooms, encryption: Encryption
    ) -> None:
        self.link = link
        self.sender = sender
        self.direct = direct
        self.encryption = encryption
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._room_creators: dict[str, frozenset[str]] = {}

    async def late(self, room: MatrixRoom, event: Any) -> None:
        """An event answered once its room key came (it was seen, undecryptable, before)."""
        self._seen.pop(getattr(event, "event_id", ""), None)
        await self.handle(room, event)

    def _first_time(self, event_id: str) -> bool:
        if event_id in self._seen:
            return False
        self._seen[event_id] = None
        if len(self._seen) > _SEEN_EVENTS:
            self._seen.popitem(last=False)
        return True

    async def handle(self, room: MatrixRoom, event: Any) -> None:
        """Answer ``event`` if it asks Herald something, in a thread reply to it."""
        if getattr(event, "sender", None) == self.link.user_id:
            return
        if not self._first_time(getattr(event, "event_id", "")):
            return
        if isinstance(event, MegolmEvent):
            await self.encryption.undecryptable(room, event)
            return
        if not isinstance(event, RoomMessageText):
            return
        content = event.source.get("content") or {}
        if is_edit(content):
            # An edit repeats a message already answered (or ignored): answering "* jobs"
            # again would only say the same twice, or worse.
            return
        is_dm = room.room_id in self.direct.rooms
        addressed = is_dm or mentions_user(content, self.link.user_id)
        names = [self.link.user_id, self.link.user_id.partition(":")[0].lstrip("@")]
        names += [n for n in (self.link.display_name, room.user_name(self.link.user_id)) if n]
        asked = command_line(
            event.body, prefix=self.link.config.prefix, names=names, is_dm=addressed
        )
        if asked is None:
            return
        line, explicit, prefixed = asked
        command, text = split_command(line, "/!" + self.link.config.prefix)
        request = Request(
            "matrix",
            event.sender,
            room.room_id,
            command,
            text,
            is_dm,
            user_is_platform_admin=await self._platform_admin(room, event.sender),
            prefixed=prefixed,
            manage_refused=None if is_dm else await self._manage_refusal(room, event.sender),
        )
        reply = await asyncio.to_thread(self._answer, request, explicit)
        if reply is None:
            return
        relation = reply_relation(event.event_id, event.source)
        messages = render(reply, prefix=self.link.config.prefix)
        try:
            await self.sender.messages(room.room_id, messages, relation)
        except SendError as exc:
            logger.warning("Matrix: answering %s in %s failed: %s", command, room.room_id, exc)

    async def _platform_admin(self, room: MatrixRoom, user_id: str) -> bool:
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

    async def _manage_refusal(self, room: MatrixRoom, user_id: str) -> str | None:
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

    def _answer(self, request: Request, explicit: bool) -> Reply | None:
        """The reply; None for "Herald said something" that names no command."""
        if not explicit:
            known = {s.name for s in self.link.app.router.available(self.link.app.context(request))}
            if request.command not in known:
                return None
        return self.link.app.handle(request)

"""Matrix messages to ``Request``s, and ``Reply``s back as threaded ``m.notice`` events: the
event module.

A message is for Herald when it starts with the command prefix (``!jobs remote``), names
Herald with a colon (``Herald: jobs remote``), mentions Herald in ``m.mentions``, or is in a
direct room; "Herald jobs remote" (the name without a colon) only when "jobs" is a command.
What a line means (a command, or a question) is then the Router's call. An edit is answered
once, as Element users expect, when Herald left the message it edits unanswered ("Herlad:
jobs" corrected to "Herald: jobs"); an answered message is not answered again for an edit.
Events Herald cannot decrypt go to ``Encryption``. ``Powers`` says who is a
platform admin and who may change a room's subscriptions.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from nio import MatrixRoom, MegolmEvent, RoomMessageText

from bot.commands import Reply, Request
from bot.outbox import SendError
from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.e2ee import Encryption
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.powers import Powers
from bot.platforms.matrix.rules import (
    command_line,
    edit_of,
    is_edit,
    mentions_user,
    reply_relation,
    request_of,
    thread_root,
)
from bot.platforms.matrix.sending import Sender
from bot.platforms.matrix_render import render

logger = logging.getLogger(__name__)

_SEEN_EVENTS = 2_000


class MatrixEvents:
    """Answers the messages each sync brings; remembers the events already answered."""

    def __init__(
        self, link: Link, sender: Sender, direct: DirectRooms, encryption: Encryption
    ) -> None:
        self.link = link
        self.sender = sender
        self.direct = direct
        self.encryption = encryption
        self.powers = Powers(link)
        self._seen: OrderedDict[str, None] = OrderedDict()
        # messages seen and not answered, with their source (an edit may ask them again)
        self._unanswered: OrderedDict[str, dict[str, Any]] = OrderedDict()

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
        body, answering = event.body, (event.event_id, event.source)
        edit = edit_of(content)
        if edit is not None:
            # an answered message (or one from before a restart) is not answered again;
            # clients show only the sender's own edits, so only those ask
            original, content = edit
            source = self._unanswered.get(original)
            if source is None or source.get("sender") != event.sender:
                return
            del self._unanswered[original]
            body, answering = content["body"], (original, source)
        elif is_edit(content):
            return  # an edit without new content
        if not await self._ask(room, event.sender, body, content, answering):
            self._remember_unanswered(*answering)

    def _remember_unanswered(self, event_id: str, source: dict[str, Any]) -> None:
        # who wrote it and where it sits (a thread): all an edit's answer needs, not the text
        relates = (source.get("content") or {}).get("m.relates_to")
        kept = {"sender": source.get("sender"), "content": {"m.relates_to": relates or {}}}
        self._unanswered[event_id] = kept
        if len(self._unanswered) > _SEEN_EVENTS:
            self._unanswered.popitem(last=False)

    async def _ask(
        self,
        room: MatrixRoom,
        sender: str,
        body: str,
        content: dict[str, Any],
        answering: tuple[str, dict[str, Any]],
    ) -> bool:
        """Answer ``body`` if it asks Herald something, in reply to ``answering`` (an event
        id and source); False when it was not for Herald."""
        is_dm = room.room_id in self.direct.rooms
        addressed = is_dm or mentions_user(content, self.link.user_id)
        names = [self.link.user_id, self.link.user_id.partition(":")[0].lstrip("@")]
        names += [n for n in (self.link.display_name, room.user_name(self.link.user_id)) if n]
        asked = command_line(body, prefix=self.link.config.prefix, names=names, is_dm=addressed)
        if asked is None:
            return False
        explicit = asked.explicit
        request = request_of(
            asked,
            prefix=self.link.config.prefix,
            user=sender,
            room_id=room.room_id,
            is_dm=is_dm,
            thread=thread_root(answering[1]),
        )
        request = replace(
            request,
            user_is_platform_admin=await self.powers.platform_admin(room, sender),
            manage_refused=None if is_dm else await self.powers.manage_refusal(room, sender),
        )
        reply = await asyncio.to_thread(self._answer, request, explicit)
        if reply is None:
            return False
        relation = reply_relation(*answering)
        messages = render(reply, prefix=self.link.config.prefix)
        try:
            await self.sender.messages(room.room_id, messages, relation)
        except SendError as exc:
            logger.warning(
                "Matrix: answering %s in %s failed: %s", request.command, room.room_id, exc
            )
        return True

    def _answer(self, request: Request, explicit: bool) -> Reply | None:
        """The reply; None for "Herald said something" that names no command."""
        if not explicit:
            known = {s.name for s in self.link.app.router.available(self.link.app.context(request))}
            if request.command not in known:
                return None
        return self.link.app.handle(request)

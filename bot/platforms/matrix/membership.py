"""Herald's membership of rooms: invites accepted from allowed users (and refused from
others), a removal or ban pausing the room's subscriptions at once with a reason people read
in ``!jobs subscriptions``, a return resuming them (and saying so), and leaving a room once
everyone else has."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from nio import (
    ErrorResponse,
    InviteMemberEvent,
    JoinError,
    MatrixRoom,
    RoomMemberEvent,
    RoomUpgradeEvent,
    SyncResponse,
)

from bot.commands import Reply
from bot.outbox import SendError
from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import inviter_allowed, removal_reason
from bot.platforms.matrix.sending import Sender
from bot.platforms.matrix_render import render
from bot.store.deliveries import Subscriptions

logger = logging.getLogger(__name__)


class Membership:
    """Acts on the membership changes each sync brings; remembers the invites answered."""

    def __init__(self, link: Link, sender: Sender, direct: DirectRooms) -> None:
        self.link = link
        self.sender = sender
        self.direct = direct
        self._invites_handled: set[str] = set()

    async def leaves(self, response: SyncResponse) -> None:
        """Pause a room's subscriptions the moment Herald is removed from it, with a reason
        people can read, so no announcement is lost on a send that cannot work."""
        for room_id, info in response.rooms.leave.items():
            # a later invite to this room is a fresh one, to be answered again
            self._invites_handled.discard(room_id)
            own = [
                e
                for e in info.timeline.events
                if isinstance(e, RoomMemberEvent)
                and e.state_key == self.link.user_id
                and e.membership in ("leave", "ban")
            ]
            if not own:
                continue
            now = self.link.app.clock()
            reason = removal_reason(own[-1], self.link.user_id, now.date())
            if reason is None:
                continue
            subscriptions = Subscriptions(self.link.app.store)
            paused = await asyncio.to_thread(
                subscriptions.pause_target, "matrix", room_id, reason, now
            )
            logger.warning(
                "Matrix: %s: %s; paused subscriptions %s",
                room_id,
                reason,
                ", ".join(f"#{i}" for i in paused) or "(none)",
            )

    async def leave_if_alone(self, room: MatrixRoom, events: Sequence[Any]) -> None:
        """Leave a room once everyone else has left it (nobody joined or invited): nobody
        reads what is posted there, and a person who comes back can invite Herald again."""
        someone_left = any(
            isinstance(e, RoomMemberEvent)
            and e.state_key != self.link.user_id
            and e.membership in ("leave", "ban")
            for e in events
        )
        if not someone_left or room.joined_count > 1 or room.invited_count > 0:
            return
        answer = await self.link.client.room_leave(room.room_id)
        if isinstance(answer, ErrorResponse):
            logger.warning("Matrix: leaving the empty room %s failed: %s", room.room_id, answer)
            return
        self.direct.rooms.discard(room.room_id)
        logger.info("Matrix: left %s: everyone else had left", room.room_id)

    async def resume(self, room_id: str) -> None:
        """Herald (re)joined: what was paused here runs again, and the room is told so."""
        subscriptions = Subscriptions(self.link.app.store)
        resumed = await asyncio.to_thread(
            subscriptions.resume_target, "matrix", room_id, self.link.app.clock()
        )
        if not resumed:
            return
        logger.info(
            "Matrix: back in %s; resumed subscriptions %s",
            room_id,
            ", ".join(f"#{s.id}" for s in resumed),
        )
        lines = ["Herald is back in this room; these subscriptions run again:"]
        for sub in resumed:
            what = f"`/jobs {sub.filters_text}`" if sub.filters_text else "every new posting"
            lines.append(f"• #{sub.id} {what} — stop with `/jobs unsubscribe {sub.id}`")
        lines.append("Openings that appeared while Herald was away are not announced.")
        messages = render(Reply(text="\n".join(lines)), prefix=self.link.config.prefix)
        try:
            await self.sender.messages(room_id, messages, None)
        except SendError as exc:
            logger.warning(
                "Matrix: telling %s about resumed subscriptions failed: %s", room_id, exc
            )

    async def follow_upgrades(self, room_id: str, events: Sequence[Any]) -> None:
        """A room upgraded to a new version (``m.room.tombstone``) lives on in its
        replacement: Herald joins it (when the upgrader may invite Herald; a room it may not
        join yet sends an invite, answered as any) and its subscriptions move there, instead
        of announcing into a room nobody reads any more."""
        upgrade = next((e for e in reversed(events) if isinstance(e, RoomUpgradeEvent)), None)
        if upgrade is None or not upgrade.replacement_room:
            return
        new_room = upgrade.replacement_room
        allowed = self.link.config.allowed_inviters
        if not inviter_allowed(upgrade.sender, allowed, self.link.user_id):
            logger.warning(
                "Matrix: %s was upgraded to %s by %s, who may not invite Herald: not followed",
                room_id,
                new_room,
                upgrade.sender,
            )
            return
        joined = await self.link.client.join(new_room)
        if isinstance(joined, JoinError):
            logger.warning("Matrix: joining the upgraded room %s failed: %s", new_room, joined)
        reason = f"the room was upgraded to {new_room}"
        moved = await asyncio.to_thread(
            Subscriptions(self.link.app.store).move_target,
            "matrix",
            room_id,
            new_room,
            reason,
            self.link.app.clock(),
        )
        logger.info(
            "Matrix: %s was upgraded to %s; moved subscriptions %s",
            room_id,
            new_room,
            ", ".join(f"#{i}" for i in moved) or "(none)",
        )

    async def invites(self, response: SyncResponse) -> None:
        """Join when an allowed user invites Herald (recording a direct invite in
        ``m.direct``); refuse anyone else's invite, saying so in the log."""
        client = self.link.client
        for room_id, info in response.rooms.invite.items():
            if room_id in self._invites_handled:
                continue
            invite = next(
                (
                    e
                    for e in info.invite_state
                    if isinstance(e, InviteMemberEvent)
                    and e.state_key == self.link.user_id
                    and e.membership == "invite"
                ),
                None,
            )
            if invite is None:
                continue
            inviter = invite.sender
            self._invites_handled.add(room_id)
            logger.info("Matrix: invited to %s by %s", room_id, inviter)
            if inviter_allowed(inviter, self.link.config.allowed_inviters, self.link.user_id):
                joined = await client.join(room_id)
                if isinstance(joined, JoinError):
                    logger.warning("Matrix: joining %s failed: %s", room_id, joined.message)
                    continue
                direct = invite.content.get("is_direct") is True
                logger.info(
                    "Matrix: joined %s (%sinvited by %s)",
                    room_id,
                    "a direct chat, " if direct else "",
                    inviter,
                )
                if direct:
                    await self.direct.record(inviter, room_id)
            else:
                await client.room_leave(room_id)
                logger.warning(
                    "Matrix: refused the invite to %s from %s "
                    "(not allowed by HERALD_MATRIX_ALLOWED_INVITERS)",
                    room_id,
                    inviter,
                )

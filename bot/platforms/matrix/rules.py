"""The Matrix adapter's rules, pure and tested one by one: what a message asks and whether
it is addressed to Herald, edits and mentions, direct rooms in ``m.direct``, why Herald left a
room, who created a room, who may invite Herald, how a reply relates to what it answers, and
the keys and marks Herald keeps."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from nio import RoomMemberEvent

from bot.commands import Request, unwrapped
from bot.platforms.addressed import addressed
from bot.store.state import MAX_KEY_LENGTH

if TYPE_CHECKING:
    from bot.platforms.matrix.errors import MatrixError

# Scheduled messages carry their delivery keys in this content field; before sending again
# after an unknown outcome, Herald's recent events in the room are read back for them.
DELIVERY_FIELD = "org.herald.delivery"


def sync_filter(timeline_limit: int) -> dict[str, Any]:
    """Presence is noise for a bot; ``timeline_limit`` 0 is the first start's "no history"."""
    return {"room": {"timeline": {"limit": timeline_limit}}, "presence": {"not_types": ["*"]}}


# A reply's quoted fallback: "> " before each line of the message replied to, then a blank
# line; clients trim a quoted blank line to ">" and some send "\r\n".
_REPLY_FALLBACK = re.compile(r"\A(?:>.*\n)+\n", re.MULTILINE)


class Asked(NamedTuple):
    """What a message asks Herald: the line without prefix or name, whether it was
    addressed explicitly, and whether it was typed with the command prefix."""

    line: str
    explicit: bool
    prefixed: bool


def command_line(body: str, *, prefix: str, names: Sequence[str], is_dm: bool) -> Asked | None:
    """What a message asks for, and whether it was addressed explicitly.

    "Herald: jobs remote" is explicit. "Herald jobs remote" (a name without a colon) and, in
    a group room, "!jobs remote" are not, so the caller answers them only when "jobs" is one
    of Herald's commands: rooms often hold several bots answering to "!", and "!ban" or
    "!remindme" is another bot's, not Herald's unknown command. In a direct-message room
    (and in a message whose ``m.mentions`` names Herald: the caller passes ``is_dm`` for
    both) every message is explicit. ``prefixed`` tells the Router a
    command was meant ("!iiif fee" runs a shortcut, "iiif fee" is a question). None: the
    message is not for Herald.
    """
    text = unwrapped(_REPLY_FALLBACK.sub("", body.replace("\r\n", "\n"), count=1).strip())
    if not text:
        return None
    if prefix and text.startswith(prefix):
        rest = text[len(prefix) :]
        if rest[:1].isalnum():
            return Asked(rest.strip(), is_dm, True)
        return None
    named = addressed(text, names)
    if named is not None:
        rest = named.rest
        prefixed = bool(prefix) and rest.startswith(prefix)
        if prefixed:
            rest = rest[len(prefix) :]
        return Asked(rest, named.explicit or is_dm, prefixed)
    if is_dm:
        return Asked(text, True, False)
    return None


def request_of(
    asked: Asked, *, prefix: str, user: str, room_id: str, is_dm: bool, thread: str = ""
) -> Request:
    """What ``asked`` is for the Router, read by the rule every platform shares
    (``Request.from_line``): a line typed with the prefix or a slash ("!iiif fee",
    "Herald: /iiif fee") is meant as a command; anything else may be a question.
    ``thread``: its thread's root (``thread_root``)."""
    request = Request.from_line(
        f"{prefix}{asked.line}" if asked.prefixed else asked.line,
        platform="matrix",
        user=user,
        channel=room_id,
        is_dm=is_dm,
        prefixes="/!" + prefix,
    )
    return replace(request, thread=thread)


def token_refused(exc: MatrixError) -> bool:
    """Whether a sync failure means "that since token is not valid here" (Synapse answers
    400 M_UNKNOWN "Invalid stream token"); a rejected access token or an outage is not."""
    status = exc.http_status
    if exc.errcode in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN") and status == 401:
        return False  # the access token itself: starting afresh cannot help
    return status is not None and 400 <= status < 500 and status not in (401, 403, 408, 429)


def mentions_user(content: dict[str, Any], user_id: str) -> bool:
    """Whether the event's ``m.mentions`` names ``user_id`` (a pill in Element, or a reply
    to one of that user's messages); whatever the sender put there is only trusted if it
    has the shape the spec gives it."""
    mentions = content.get("m.mentions")
    if not isinstance(mentions, dict):
        return False
    users = mentions.get("user_ids")
    return isinstance(users, list) and user_id in users


def is_edit(content: dict[str, Any]) -> bool:
    """An ``m.replace`` (an edit of an earlier message): its body is "* new text"."""
    relates = content.get("m.relates_to")
    return isinstance(relates, dict) and relates.get("rel_type") == "m.replace"


def edit_of(content: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The event an ``m.replace`` edits and its new content (``m.new_content``, the text
    without Element's "* "); None when ``content`` is no edit or its new content has no body."""
    if not is_edit(content):
        return None
    original = content["m.relates_to"].get("event_id")
    new = content.get("m.new_content")
    if not isinstance(original, str) or not isinstance(new, dict):
        return None
    if not isinstance(new.get("body"), str):
        return None
    return original, new


def direct_rooms_of(content: dict[str, Any]) -> set[str]:
    """The room ids in an ``m.direct`` account-data content ({user: [room, …]})."""
    rooms: set[str] = set()
    for listed in content.values():
        if isinstance(listed, list):
            rooms.update(r for r in listed if isinstance(r, str))
    return rooms


def removal_reason(event: RoomMemberEvent, own_user_id: str, when: date) -> str | None:
    """Why Herald is no longer in a room, in words a room member reads in
    ``!jobs subscriptions``; None for a declined or withdrawn invite (nothing was posted)."""
    if event.prev_membership == "invite" and event.membership == "leave":
        return None
    raw = event.content.get("reason")
    why = f" ({str(raw)[:200]})" if isinstance(raw, str) and raw.strip() else ""
    if event.sender == own_user_id:
        return f"Herald left this room on {when.isoformat()}{why}"
    verb = "banned from" if event.membership == "ban" else "removed from"
    return f"Herald was {verb} this room by {event.sender} on {when.isoformat()}{why}"


def creators_privileged(room_version: str) -> bool:
    """Whether the room's creators have unlimited power (room version 12 and later)."""
    return room_version.isdecimal() and int(room_version) >= 12


def room_creators(state: Sequence[dict[str, Any]]) -> frozenset[str]:
    """The sender of ``m.room.create`` and its ``additional_creators``, from a room's state."""
    for event in state:
        if event.get("type") == "m.room.create" and event.get("state_key", "") == "":
            content = event.get("content") or {}
            extra = content.get("additional_creators") or []
            users = [event.get("sender"), *(extra if isinstance(extra, list) else [])]
            return frozenset(u for u in users if isinstance(u, str))
    return frozenset()


def server_name(user_id: str) -> str:
    """ "example.org" from "@herald:example.org" (the port stays: "localhost:8448")."""
    return user_id.partition(":")[2].lower()


def inviter_allowed(inviter: str, allowed: Sequence[str], own_user_id: str) -> bool:
    """Rules are user ids ("@a:example.org"), homeservers ("example.org") or "*" (anyone);
    none given means the bot's own homeserver."""
    rules = [r.strip() for r in allowed if r.strip()] or [server_name(own_user_id)]
    for rule in rules:
        if rule == "*":
            return True
        if rule.startswith("@"):
            if inviter == rule:
                return True
        elif server_name(inviter) == rule.lower():
            return True
    return False


def thread_root(source: dict[str, Any]) -> str:
    """The root event of the thread ``source`` was written in ("" outside any)."""
    relates = source.get("content", {}).get("m.relates_to") or {}
    if isinstance(relates, dict) and relates.get("rel_type") == "m.thread":
        root = relates.get("event_id")
        if isinstance(root, str):
            return root
    return ""


def reply_relation(event_id: str, source: dict[str, Any]) -> dict[str, Any]:
    """``m.relates_to`` answering ``event_id``; inside a thread the answer stays in it."""
    in_reply_to = {"event_id": event_id}
    root = thread_root(source)
    if root:
        return {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": False,
            "m.in_reply_to": in_reply_to,
        }
    return {"m.in_reply_to": in_reply_to}


def state_key(user_id: str, name: str) -> str:
    """A state-table key for this account; hashed when a long id would not fit."""
    key = f"matrix:{user_id}:{name}"
    if len(key) <= MAX_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"matrix:{digest}"


def transaction_base(keys: Sequence[str]) -> str:
    """Transaction ids of a scheduled message's events: the same delivery keys give the same
    ids in any process, so the homeserver takes the message once per device."""
    if not keys:
        return ""
    return "herald-" + hashlib.sha256("\x1f".join(sorted(keys)).encode()).hexdigest()[:32]


def collect_marks(
    content: dict[str, Any], wanted: set[str], parts: dict[str, set[int]], totals: dict[str, int]
) -> None:
    mark = content.get(DELIVERY_FIELD)
    if not isinstance(mark, dict):
        return
    try:
        part, total = int(mark.get("part", 0)), int(mark.get("parts", 1))
    except (TypeError, ValueError):
        return
    for key in str(mark.get("keys", "")).split(","):
        if key in wanted:
            parts.setdefault(key, set()).add(part)
            totals[key] = total


def delivery_mark(keys: Sequence[str], part: int, parts: int) -> dict[str, Any]:
    """What a scheduled message's events carry in ``DELIVERY_FIELD``: its delivery keys,
    and which part of how many it is (a reply too long for one event)."""
    return {"keys": ",".join(keys), "part": part, "parts": parts}


def own_join(events: Sequence[Any], user_id: str) -> int | None:
    """Index of the event where ``user_id`` joined (not a profile change), if in ``events``."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (
            isinstance(event, RoomMemberEvent)
            and event.state_key == user_id
            and event.membership == "join"
            and event.prev_membership != "join"
        ):
            return index
    return None

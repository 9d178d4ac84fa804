"""The scheduler's side of Slack (the Outbox contract in ``bot.outbox``): post a reply with
its delivery keys in the message metadata, and find those keys again in a channel's history
before sending anything twice.

Example::

    outbox = SlackOutbox(web)
    await outbox.send("C0123", reply, keys=["announce:42:C0123"])
    await outbox.find("C0123", ["announce:42:C0123"], since)   # {"announce:42:C0123"}
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from bot.commands import Reply
from bot.outbox import PermanentSendError
from bot.platforms.slack.errors import HISTORY_UNREADABLE, SlackError, send_error
from bot.platforms.slack.web import WebApi
from bot.platforms.slack_blocks import SlackMessage, render

logger = logging.getLogger(__name__)

# Scheduled messages carry their delivery keys as message metadata of this type; before
# sending again after an unknown outcome, up to HISTORY_PAGES pages of the channel's history
# are searched for them (see ``SlackOutbox.find``).
DELIVERY_EVENT = "herald_delivery"
HISTORY_PAGE = 200
HISTORY_PAGES = 5
# Parts already posted of replies whose later parts failed (see ``SlackOutbox.send``).
PROGRESS_CAPACITY = 1_000


def delivery_marks(keys: Sequence[str], part: int, parts: int) -> dict[str, Any]:
    """The message metadata of a scheduled message: the delivery keys it carries, and
    which part of how many it is (a reply too long for one message)."""
    payload = {"keys": ",".join(keys), "part": part, "parts": parts}
    return {"event_type": DELIVERY_EVENT, "event_payload": payload}


class _Marks:
    """The parts of each wanted key found so far; a key counts once all its parts are."""

    def __init__(self, wanted: set[str]) -> None:
        self.wanted = wanted
        self._parts: dict[str, set[int]] = {}
        self._totals: dict[str, int] = {}

    def collect(self, message: dict[str, Any]) -> None:
        metadata = message.get("metadata") or {}
        if metadata.get("event_type") != DELIVERY_EVENT:
            return
        payload = metadata.get("event_payload") or {}
        try:
            part, total = int(payload.get("part", 0)), int(payload.get("parts", 1))
        except (TypeError, ValueError):
            return
        for key in str(payload.get("keys", "")).split(","):
            if key in self.wanted:
                self._parts.setdefault(key, set()).add(part)
                self._totals[key] = total

    def complete(self) -> set[str]:
        return {k for k, seen in self._parts.items() if len(seen) >= self._totals[k]}


def _fingerprint(target: str, messages: list[SlackMessage]) -> str:
    """The same reply to the same place gives the same key; any change gives another."""
    digest = hashlib.sha256(target.encode())
    for message in messages:
        digest.update(json.dumps(message.payload(), sort_keys=True).encode())
    return digest.hexdigest()


class SlackOutbox:
    """Sends for the scheduler through ``web``'s client without retries (one attempt each)."""

    def __init__(self, web: WebApi) -> None:
        self.web = web
        self._progress: OrderedDict[str, int] = OrderedDict()

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """Which ``keys`` are on Herald's messages in ``target`` since ``since``, read from
        the message metadata every scheduled message carries (``conversations.history``,
        up to ``HISTORY_PAGES`` pages). None when Herald may not read there (a scope the
        install lacks, a channel it posts to without being a member) or the history since
        then is longer than it reads: the scheduler then sends again and says so.
        """
        marks = _Marks(set(keys))
        if not marks.wanted:
            return set()
        try:
            read_all = await self._read_history(await self._channel(target), since, marks)
        except SlackError as exc:
            if exc.error in HISTORY_UNREADABLE:
                logger.warning("Slack: cannot read %s's history (%s)", target, exc.error)
                return None
            raise send_error(exc) from None
        complete = marks.complete()
        # not read back far enough: only a full find is an answer
        return complete if read_all or complete == marks.wanted else None

    async def _channel(self, target: str) -> str:
        """The channel to read: a person's (``U…``) is the direct message Herald posts to."""
        if target[:1] not in ("U", "W"):
            return target
        client = self.web.outbox_client()
        opened = await self.web.api("conversations.open", client=client, users=target)
        return str((opened.get("channel") or {}).get("id") or target)

    async def _read_history(self, channel: str, since: datetime, marks: _Marks) -> bool:
        """Collect the marks back to ``since``; False when ``HISTORY_PAGES`` did not reach."""
        client = self.web.outbox_client()
        cursor = ""
        for _ in range(HISTORY_PAGES):
            page = await self.web.api(
                "conversations.history",
                form=True,
                client=client,
                channel=channel,
                oldest=f"{since.timestamp():.6f}",
                limit=str(HISTORY_PAGE),
                include_all_metadata="true",
                **({"cursor": cursor} if cursor else {}),
            )
            for message in page.get("messages") or ():
                marks.collect(message)
            cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
            if not page.get("has_more") or not cursor:
                return True
        return False

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """Post ``reply`` publicly to a channel, or to a person's DM with Herald (a ``U…``
        id), for the scheduler. Raises ``RateLimited``, ``TransientSendError`` or
        ``PermanentSendError`` (see :func:`~bot.platforms.slack.errors.send_error`).

        Each message carries ``keys`` in its metadata (see :func:`delivery_marks`), which is
        what :meth:`find` looks for. A long reply goes out as several messages. When a later
        one fails, the parts already posted are remembered (in memory, keyed by target and
        the rendered payloads), so the scheduler's retry of the same reply continues where
        it stopped. After a restart, :meth:`find` counts a reply as there only when all its
        parts are, so an interrupted long reply is sent again from the top, its first parts
        twice (announcements and reminders are one message; a long digest is several).
        """
        messages = render(reply)
        key = _fingerprint(target, messages)
        start = self._progress.pop(key, 0)
        client = self.web.outbox_client()
        for index in range(start, len(messages)):
            extra: dict[str, Any] = {}
            if keys:
                extra["metadata"] = delivery_marks(keys, index, len(messages))
            try:
                await self.web.api(
                    "chat.postMessage",
                    client=client,
                    channel=target,
                    **messages[index].payload(),
                    **extra,
                )
            except SlackError as exc:
                error = send_error(exc)
                if index and not isinstance(error, PermanentSendError):
                    self._remember(key, index, len(messages), target)
                raise error from None

    def _remember(self, key: str, sent: int, parts: int, target: str) -> None:
        self._progress[key] = sent
        while len(self._progress) > PROGRESS_CAPACITY:
            self._progress.popitem(last=False)
        logger.info("Slack: %d of %d parts reached %s; a retry sends the rest", sent, parts, target)

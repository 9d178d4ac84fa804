"""Where scheduled replies go: the contract between the scheduler and the chat adapters.

The scheduler knows no platform and the adapters know no schedule; both know this module.
Adapters translate their SDK's failures into the errors below at their boundary, so the
scheduler decides retry, back-off or pause the same way for every platform.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from bot.commands import Reply


class Outbox(Protocol):
    """Somewhere replies can be posted without a request: announcements, reminders, digests.

    The scheduler's exactly-once rests on this contract:

    - ``send`` makes **one** attempt (no retries of its own: a retry after an answer that got
      lost would post twice; the scheduler's ledger is the only retry path) and marks every
      message it posts with ``keys``, the delivery keys the message carries;
    - ``find`` tells which of ``keys`` already reached ``target`` (since ``since``), from the
      platform's own record, so a send whose outcome is unknown (a crash, a timeout, a 500
      after the post) is confirmed instead of repeated.

    Example::

        await outbox.send("C0123", reply, keys=["herald-3f2a…"])
        await outbox.find("C0123", {"herald-3f2a…"}, since)   # {"herald-3f2a…"}
    """

    name: str

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """Post ``reply`` to ``target``: a channel or room id, publicly, or a user id (Slack
        ``U…``, Matrix ``@user:server``) for a direct message, marked with ``keys``.

        Raises ``RateLimited``, ``TransientSendError`` or ``PermanentSendError`` on failure.
        """
        ...

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """Which of ``keys`` are on messages that reached ``target`` since ``since``; a key
        of a reply sent as several messages counts once all of them are there. None when
        the platform cannot tell (no access to the history, history too long to search).

        Raises ``RateLimited``, ``TransientSendError`` or ``PermanentSendError`` on failure.
        """
        ...


class SendError(Exception):
    """Sending failed; adapters translate their SDK's errors into these at their boundary."""


class RateLimited(SendError):
    """The platform asked us to slow down; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(f"{message} (retry after {retry_after:g} s)")
        self.retry_after = retry_after


class TransientSendError(SendError):
    """Server error or network trouble: retry with backoff."""


class PermanentSendError(SendError):
    """Retrying cannot help (channel not found, bot removed): pause what sends there."""

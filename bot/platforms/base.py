"""What every chat adapter offers the rest of Herald, whatever its SDK.

The runtime starts and stops adapters; the scheduler sends through them as an ``Outbox``.
Handlers are synchronous (one short database session per command), so adapters call
``await asyncio.to_thread(app.handle, request)`` rather than blocking their event loop.

Example::

    adapter = SlackAdapter.from_settings(app)      # None when Slack is not configured
    await adapter.start()                           # returns once it is serving
    await adapter.send("C0123", reply)              # post a reply to a channel
    await adapter.stop()
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from aiohttp import web

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


class Adapter(Outbox, Protocol):
    """A chat platform Herald serves: started and stopped by ``herald run``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class ConfigurationError(Exception):
    """A platform is half configured; the message names the setting to fix."""


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


async def listen(
    application: web.Application, host: str, port: int, what: str
) -> tuple[web.AppRunner, int]:
    """Serve ``application`` on host:port (port 0: any free one); the runner and the port it
    got. A taken or forbidden address is one line naming the settings, not a traceback."""
    runner = web.AppRunner(application, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        raise ConfigurationError(
            f"Cannot listen on {host}:{port} for {what} ({exc.strerror or exc}); "
            "set HERALD_HTTP_HOST / HERALD_HTTP_PORT."
        ) from None
    for address in runner.addresses:
        if isinstance(address, tuple):
            return runner, int(address[1])
    return runner, port

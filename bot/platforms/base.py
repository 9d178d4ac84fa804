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

from typing import Protocol

from bot.commands import Reply


class Outbox(Protocol):
    """Somewhere replies can be posted without a request: announcements, reminders, digests."""

    name: str

    async def send(self, target: str, reply: Reply) -> None:
        """Post ``reply`` publicly to ``target`` (a channel or room id); raise on failure."""
        ...


class Adapter(Outbox, Protocol):
    """A chat platform Herald serves: started and stopped by ``herald run``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class ConfigurationError(Exception):
    """A platform is half configured; the message names the setting to fix."""

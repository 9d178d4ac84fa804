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

from aiohttp import web

from bot.outbox import Outbox


class Adapter(Outbox, Protocol):
    """A chat platform Herald serves: started and stopped by ``herald run``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class ConfigurationError(Exception):
    """A platform is half configured; the message names the setting to fix."""


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

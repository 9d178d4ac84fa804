"""``herald run``: every configured platform side by side in one asyncio loop.

Each adapter module offers ``from_settings(app) -> Adapter | None`` (None when that platform is
not configured; ``ConfigurationError`` when it is half configured). The runtime starts them all,
then the scheduler (which sends through them), waits for a signal, and stops them in reverse
order. Herald's HTTP endpoints (``bot.web``: feeds, /healthz, /metrics) are served by the Slack
adapter's HTTP server when there is one, else by a server of their own.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Callable, Sequence
from typing import Protocol

from bot import places
from bot.app import App
from bot.metrics import MeteredOutbox
from bot.platforms.base import Adapter, ConfigurationError
from bot.scheduler import Scheduler
from bot.web import Endpoints, RouteHost, WebServer

logger = logging.getLogger(__name__)

AdapterFactory = Callable[[App], Adapter | None]

# The setting to look at when a part cannot start for a reason its own code did not name.
START_SETTINGS = {
    "slack": "SLACK_BOT_TOKEN and Slack's reachability",
    "matrix": "MATRIX_HOMESERVER",
    "http": "HERALD_HTTP_HOST / HERALD_HTTP_PORT",
    "scheduler": "HERALD_DATABASE_URL",
}


def start_failure(name: str, exc: Exception) -> ConfigurationError:
    """One line for a part that failed to start: the cause and the setting to check.

    ``ConfigurationError`` already names its setting. A network error (``OSError``, which
    aiohttp's connection errors and timeouts are) means the address is wrong or the server is
    down; anything else an adapter raised while starting (a refused token, say) keeps its own
    words. The trace stays in the log at DEBUG, for the rare case it is a bug.
    """
    if isinstance(exc, ConfigurationError):
        return exc
    logger.debug("%s failed to start", name, exc_info=exc)
    setting = START_SETTINGS.get(name, "its settings")
    cause = str(exc).splitlines()[0] if str(exc) else ""
    if not type(exc).__module__.startswith("bot."):
        # a library's message may be a bare URL or errno text: its type says what happened
        cause = f"{type(exc).__name__}: {cause}" if cause else type(exc).__name__
    if isinstance(exc, OSError):
        return ConfigurationError(f"{name.capitalize()} cannot connect: {cause}; check {setting}.")
    return ConfigurationError(f"{name.capitalize()} could not start: {cause}; check {setting}.")


def adapter_factories() -> list[AdapterFactory]:
    """The platforms Herald knows; imported here so a missing SDK only breaks its own platform."""
    factories: list[AdapterFactory] = []
    try:
        from bot.platforms.slack import from_settings as slack
    except ImportError:  # pragma: no cover - the Slack adapter ships with Herald
        logger.debug("Slack adapter not available", exc_info=True)
    else:
        factories.append(slack)
    try:
        from bot.platforms.matrix import from_settings as matrix
    except ImportError:
        logger.debug("Matrix adapter not available", exc_info=True)
    else:
        factories.append(matrix)
    return factories


def configured_adapters(app: App, factories: Sequence[AdapterFactory]) -> list[Adapter]:
    adapters = [a for a in (make(app) for make in factories) if a is not None]
    if not adapters:
        raise ConfigurationError(
            "No chat platform is configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or "
            "SLACK_APP_TOKEN for Socket Mode), or MATRIX_HOMESERVER with MATRIX_ACCESS_TOKEN or "
            "MATRIX_USER_ID and MATRIX_PASSWORD. `herald console` needs none of them."
        )
    return adapters


class Service(Protocol):
    """Something started after the adapters and stopped before them (the scheduler)."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def settle() -> None:
    """Take what is alive once Herald has started out of the garbage collector's sight
    (``gc.freeze``): modules, compiled statements and caches are never garbage, and a full
    collection walking them paused a reply now and then by 50-150 ms (``/jobs developer``
    at 100,000 postings: p99 144 ms, p50 10 ms). The places tables, which the first place
    asked about would load, are loaded first, to be hidden with the rest."""
    places.warm()
    gc.collect()
    gc.freeze()


async def serve(
    adapters: Sequence[Adapter], stop: asyncio.Event, services: Sequence[Service] = ()
) -> None:
    """Start every adapter, then the services; wait for ``stop``; stop in reverse order."""
    started: list[Adapter | Service] = []
    try:
        for part in [*adapters, *services]:
            try:
                await part.start()
            except Exception as exc:
                raise start_failure(part.name, exc) from exc
            started.append(part)
            logger.info("%s started", part.name)
        settle()
        await stop.wait()
    finally:
        for part in reversed(started):
            try:
                await part.stop()
            except Exception:
                logger.exception("stopping %s failed", part.name)


def host_endpoints(adapters: Sequence[Adapter], endpoints: Endpoints) -> bool:
    """Hand the endpoints to the first adapter that runs an HTTP server anyway (Slack in
    HTTP mode), so Herald listens on one port; False when none does."""
    routes = endpoints.routes()
    return any(isinstance(a, RouteHost) and a.host_routes(routes) for a in adapters)


def run(app: App, factories: Sequence[AdapterFactory] | None = None) -> None:
    adapters = configured_adapters(app, factories if factories is not None else adapter_factories())

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        # announcements, reminders and digests go out through the adapters, by platform name
        outboxes = {adapter.name: MeteredOutbox(adapter, app.metrics) for adapter in adapters}
        scheduler = Scheduler(
            app.store, app.settings, outboxes, clock=app.clock, follow=app.sources.follow
        )
        endpoints = Endpoints(app, holder=lambda: scheduler.holder)
        services: list[Service] = [scheduler]
        if not host_endpoints(adapters, endpoints):
            settings = app.settings
            services.insert(0, WebServer(endpoints, settings.http_host, settings.http_port))
        try:
            await serve(adapters, stop, services)
        finally:
            endpoints.close()

    asyncio.run(main())

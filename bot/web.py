"""Herald's own HTTP endpoints: job feeds, a deadline calendar, health and metrics.

``herald run`` serves them on one HTTP server: the Slack adapter's, beside ``/slack/events``,
when Slack runs in HTTP mode (an adapter that can host routes says so through ``RouteHost``);
otherwise a ``WebServer`` of their own on ``HERALD_HTTP_HOST:HERALD_HTTP_PORT`` (loopback by
default). No chat SDK is imported here.

======================== ===========================================================
``/feeds/jobs.atom``     open postings, newest first; ``?q=`` any ``/jobs`` filter
``/feeds/deadlines.ics`` each open posting's deadline as an all-day event; ``?q=`` too
``/healthz``             200 or 503 with a JSON body (``bot.health``)
``/metrics``             Prometheus text (``bot.metrics``)
======================== ===========================================================

Every database read runs in a worker thread, so a slow database never stalls Slack's acks.

Example::

    endpoints = Endpoints(app, holder=lambda: scheduler.holder)
    server = WebServer(endpoints, "127.0.0.1", 3000)
    await server.start()        # or: slack_adapter.host_routes(endpoints.routes())
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlencode

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from bot import feeds
from bot.app import App
from bot.domain import StoreUnavailable
from bot.health import check
from bot.platforms.base import listen
from bot.store.health import delivery_counts

logger = logging.getLogger(__name__)

JOBS_ATOM = "/feeds/jobs.atom"
DEADLINES_ICS = "/feeds/deadlines.ics"
HEALTHZ = "/healthz"
METRICS = "/metrics"

ATOM_TYPE = "application/atom+xml"
ICS_TYPE = "text/calendar"
# Feed readers and calendar apps poll; five minutes of caching costs nobody a posting.
FEED_CACHE = "public, max-age=300"
# Building a feed reads every match (up to feeds.SCAN_LIMIT): 0.3-0.9 s over 10,000 documents
# (bench/bench_feeds.py). Each replica keeps what it built for a minute, for the last few
# queries, so many readers cost one build a minute.
FEED_TTL = 60.0
FEED_CACHE_ENTRIES = 64
# A container platform gives up on a health check after a few seconds; answer before it does.
HEALTH_TIMEOUT = 5.0
UNAVAILABLE = "Herald's database is unavailable; try again shortly.\n"


@runtime_checkable
class RouteHost(Protocol):
    """An adapter whose HTTP server can serve Herald's routes too (Slack in HTTP mode)."""

    def host_routes(self, routes: Sequence[web.RouteDef]) -> bool:
        """Take the routes if this adapter will run an HTTP server; False otherwise."""
        ...


class StoreCollector(Collector):
    """Series read from the database at scrape time: reachability and deliveries by state."""

    def __init__(self, app: App) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("herald_database_up", "1 when the database answered this scrape")
        try:
            counts = delivery_counts(self.app.store)
        except SQLAlchemyError as exc:
            logger.warning("metrics: database problem: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        deliveries = GaugeMetricFamily(
            "herald_deliveries",
            "Announcements, reminders and digests in the database, by state",
            labels=["state"],
        )
        for state, count in sorted(counts.items()):
            deliveries.add_metric([state], count)
        yield deliveries


class Endpoints:
    """The four routes over one App; ``holder`` names this process's scheduler, if any."""

    def __init__(
        self,
        app: App,
        *,
        holder: Callable[[], str | None] = lambda: None,
        feed_ttl: float = FEED_TTL,
    ) -> None:
        self.app = app
        self.holder = holder
        self.feed_ttl = feed_ttl
        self._unwatch = app.metrics.watch(StoreCollector(app))
        # (path, q, self url) -> (monotonic expiry, document)
        self._cache: OrderedDict[tuple[str, str, str], tuple[float, bytes]] = OrderedDict()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get(JOBS_ATOM, self.jobs_atom),
            web.get(DEADLINES_ICS, self.deadlines_ics),
            web.get(HEALTHZ, self.healthz),
            web.get(METRICS, self.metrics),
        ]

    def application(self) -> web.Application:
        application = web.Application()
        application.add_routes(self.routes())
        return application

    def close(self) -> None:
        self._unwatch()

    def _self_url(self, request: web.Request, path: str, q: str) -> str:
        base = (self.app.settings.public_url or "").rstrip("/")
        if not base:
            base = f"{request.scheme}://{request.host}"
        return f"{base}{path}" + (f"?{urlencode({'q': q})}" if q else "")

    async def _feed(
        self, request: web.Request, path: str, render: Callable[[feeds.Found, str], bytes]
    ) -> bytes | None:
        """The feed's document, from the cache when it is fresh; None when the database is
        away and nothing is cached (a cached document is served even then, until it expires)."""
        q = request.query.get("q", "")[: feeds.MAX_QUERY]
        url = self._self_url(request, path, q)
        key = (path, q, url)
        cached = self._cache.get(key)
        if cached is not None and cached[0] > time.monotonic():
            self._cache.move_to_end(key)
            return cached[1]
        try:
            found = await asyncio.to_thread(feeds.open_postings, self.app, q)
        except (SQLAlchemyError, StoreUnavailable) as exc:
            logger.warning("%s: database problem: %s", path, exc.__cause__ or exc)
            return None
        body = await asyncio.to_thread(render, found, self._self_url(request, path, found.query))
        self._cache[key] = (time.monotonic() + self.feed_ttl, body)
        self._cache.move_to_end(key)
        while len(self._cache) > FEED_CACHE_ENTRIES:
            self._cache.popitem(last=False)
        return body

    async def jobs_atom(self, request: web.Request) -> web.Response:
        def render(found: feeds.Found, url: str) -> bytes:
            return feeds.jobs_atom(found, self_url=url, now=self.app.clock())

        body = await self._feed(request, JOBS_ATOM, render)
        return _document(body, ATOM_TYPE)

    async def deadlines_ics(self, request: web.Request) -> web.Response:
        def render(found: feeds.Found, _url: str) -> bytes:
            return feeds.deadlines_ics(found, now=self.app.clock())

        body = await self._feed(request, DEADLINES_ICS, render)
        return _document(body, ICS_TYPE)

    async def healthz(self, request: web.Request) -> web.Response:
        now = self.app.clock()
        try:
            health = await asyncio.wait_for(
                asyncio.to_thread(
                    check,
                    self.app.store,
                    now,
                    database_url=self.app.settings.database_url.get_secret_value(),
                    holder=self.holder(),
                ),
                HEALTH_TIMEOUT,
            )
            ok, body = health.ok, health.body
        except TimeoutError:
            ok = False
            body = {
                "status": "unavailable",
                "checked_at": now.isoformat(),
                "database": {"ok": False, "error": f"no answer within {HEALTH_TIMEOUT:g} s"},
            }
        return _json(body, 200 if ok else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        body = await asyncio.to_thread(self.app.metrics.render)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def _document(body: bytes | None, content_type: str) -> web.Response:
    if body is None:
        return web.Response(status=503, text=UNAVAILABLE)
    return web.Response(
        body=body, content_type=content_type, charset="utf-8", headers={"Cache-Control": FEED_CACHE}
    )


def _json(body: dict[str, Any], status: int) -> web.Response:
    return web.Response(
        text=json.dumps(body, indent=2, ensure_ascii=False) + "\n",
        status=status,
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


class WebServer:
    """The endpoints on a port of their own: Slack in Socket Mode, or Matrix alone."""

    name = "http"

    def __init__(self, endpoints: Endpoints, host: str, port: int) -> None:
        self.endpoints = endpoints
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner, self.port = await listen(
            self.endpoints.application(), self.host, self.port, "Herald's feeds and health checks"
        )
        logger.info("feeds, /healthz and /metrics on http://%s:%s", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

"""Fixtures for Herald's HTTP endpoints: a loaded store on each backend, served on loopback.

The web tests reuse the Slack tests' loop thread and recording fake of the Web API, and the
scheduler tests' ``herald run`` process helpers, as they are.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS / "slack", TESTS / "scheduler"):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))

from slackfakes import LoopThread  # noqa: E402
from webworld import TODAY, write_content  # noqa: E402

from bot.app import App  # noqa: E402
from bot.clock import fixed_clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.health import sync_content  # noqa: E402
from bot.sources import merged  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.web import Endpoints, WebServer  # noqa: E402


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, timeout: float = 10) -> Response:
    """GET over real HTTP; every status comes back as a Response, 503 included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return Response(answer.status, dict(answer.headers), answer.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return Response(exc.code, dict(exc.headers), exc.read())


@dataclass
class Site:
    app: App
    endpoints: Endpoints
    server: WebServer
    content: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def get(self, path: str) -> Response:
        return fetch(self.base + path)


@pytest.fixture(scope="module")
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.close()


def open_site(
    app: App, loop: LoopThread, holder: str | None = None, feed_ttl: float = 60.0
) -> Site:
    endpoints = Endpoints(app, holder=lambda: holder, feed_ttl=feed_ttl)
    server = WebServer(endpoints, "127.0.0.1", 0)
    loop.run(server.start())
    return Site(app, endpoints, server, app.settings.content_dir)


def close_site(site: Site, loop: LoopThread) -> None:
    loop.run(site.server.stop())
    site.endpoints.close()


@pytest.fixture
def site(store: Store, tmp_path: Path, loop: LoopThread) -> Iterator[Site]:
    """The web world loaded (through ``sync_content``, as ``herald run`` does) and served."""
    content = write_content(tmp_path / "content")
    settings = Settings(database_url="sqlite://", content_dir=content)
    app = App(settings=settings, store=store, clock=fixed_clock(TODAY))
    report = merged(sync_content(app))
    assert not report.failed, report.failed
    served = open_site(app, loop)
    yield served
    close_site(served, loop)

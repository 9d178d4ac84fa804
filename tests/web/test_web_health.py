"""``/healthz`` over real HTTP: what it reports, and 503 while the database is away."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, close_site, open_site
from slackfakes import LoopThread
from webworld import TODAY, write_content

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.health import sync_content
from bot.scheduler import Scheduler
from bot.store import Store


def health(site: Site) -> tuple[int, dict[str, Any]]:
    answer = site.get("/healthz")
    assert answer.headers["Content-Type"].startswith("application/json")
    body: dict[str, Any] = json.loads(answer.body)
    return answer.status, body


def test_healthy_store_reports_database_schema_scheduler_and_last_sync(site: Site) -> None:
    status, body = health(site)
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "dialect": site.app.store.dialect}
    migrations = body["migrations"]
    assert migrations["ok"] is True and migrations["current"] == migrations["head"] is not None
    assert body["scheduler"] == {"leader": None, "this_process": None, "leading": False}
    sync = body["syncs"]["content"]  # by source name
    assert sync["added"] == 4 and sync["failed"] == 0
    assert sync["at"].startswith(TODAY.isoformat())


def test_health_names_the_scheduler_lease_holder(store: Store, tmp_path: Path) -> None:
    loop = LoopThread()
    try:
        settings = Settings(database_url="sqlite://", content_dir=tmp_path)
        app = App(settings=settings, store=store, clock=fixed_clock(TODAY))
        scheduler = Scheduler(store, settings, {}, holder="web-test:1", clock=app.clock)
        assert loop.run(scheduler.tick()).leader
        mine = open_site(app, loop, holder="web-test:1")
        other = open_site(app, loop, holder="web-test:2")
        try:
            assert health(mine)[1]["scheduler"] == {
                "leader": "web-test:1",
                "this_process": "web-test:1",
                "leading": True,
            }
            assert health(other)[1]["scheduler"]["leading"] is False
        finally:
            close_site(mine, loop)
            close_site(other, loop)
    finally:
        loop.close()


def test_a_database_behind_on_migrations_is_unavailable(tmp_path: Path, loop: LoopThread) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'new.db'}")  # never upgraded
    settings = Settings(database_url="sqlite://", content_dir=tmp_path)
    served = open_site(App(settings=settings, store=store), loop)
    try:
        status, body = health(served)
        assert status == 503
        assert body["status"] == "unavailable"
        assert body["database"]["ok"] is True
        assert body["migrations"]["ok"] is False and body["migrations"]["current"] is None
    finally:
        close_site(served, loop)
        store.close()


@pytest.fixture
def own_postgres(postgres_server: Any) -> Iterator[Any]:
    """A PostgreSQL server of this test's own: it is stopped and started again."""
    server = type(postgres_server)(postgres_server.bindir)
    server.start()
    yield server
    server.stop()


@pytest.mark.postgres
@pytest.mark.slow
def test_health_turns_503_while_postgres_is_stopped_and_200_when_it_returns(
    own_postgres: Any, tmp_path: Path, loop: LoopThread
) -> None:
    url = own_postgres.create_database("herald_health")
    store = Store.open(url)
    store.upgrade()
    content = write_content(tmp_path / "content")
    app = App(Settings(database_url=url, content_dir=content), store, fixed_clock(TODAY))
    sync_content(app)
    served = open_site(app, loop)
    try:
        assert health(served)[0] == 200
        feed = served.get("/feeds/jobs.atom")
        assert feed.status == 200

        own_postgres.halt()
        status, body = health(served)
        assert status == 503
        assert body["status"] == "unavailable"
        assert body["database"]["ok"] is False
        assert "OperationalError" in body["database"]["error"]
        assert "migrations" not in body
        # a feed built a moment ago is still served; one not built yet says the database is
        # away, in one line rather than a trace
        assert served.get("/feeds/jobs.atom").status == 200
        down = served.get("/feeds/jobs.atom?q=remote")
        assert down.status == 503 and "unavailable" in down.text
        metrics = served.get("/metrics").text
        assert "herald_database_up 0.0" in metrics

        own_postgres.resume()
        status, body = health(served)
        assert status == 200, body
        assert body["syncs"]["content"]["added"] == 4
        assert served.get("/feeds/jobs.atom").status == 200
    finally:
        close_site(served, loop)
        store.close()


def test_health_check_time_is_the_apps_clock(site: Site) -> None:
    _status, body = health(site)
    assert datetime.fromisoformat(body["checked_at"]) == site.app.clock()
    assert datetime.fromisoformat(body["checked_at"]).tzinfo is not None
    assert site.app.clock().tzinfo == UTC

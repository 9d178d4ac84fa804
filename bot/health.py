"""What ``/healthz`` reports, and the sync records it reads.

Healthy means: the database answers and its schema is at the newest migration. The scheduler
lease holder and the last sync of each source are reported too, but do not make Herald
unhealthy: no replica holds the lease for a moment after a restart, and a file that failed to
load keeps its previous version.

Example::

    results = sync_content(app)              # every source, timed, counted, recorded
    health = check(app.store, now, holder=scheduler.holder)
    health.ok, health.body["database"]       # True, {"ok": True, "dialect": "sqlite"}
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.app import App, ProgressFn
from bot.domain import LoadReport
from bot.store import Store
from bot.store.deliveries import Lease
from bot.store.health import ping, schema_revisions
from bot.store.state import StateStore

if TYPE_CHECKING:
    from bot.sources import SyncResult

logger = logging.getLogger(__name__)

SYNCS_KEY = "health:syncs"
MAX_SOURCES = 50  # sources kept in the record; the oldest are dropped


@dataclass(frozen=True)
class Health:
    ok: bool
    body: dict[str, Any]


def _problem(exc: BaseException, database_url: str) -> str:
    """The first line of an error, without the database password should a driver echo it."""
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = message[0] if message else type(exc).__name__
    try:
        password = make_url(database_url).password
    except Exception:
        password = None
    if password:
        line = line.replace(str(password), "***")
    return f"{type(exc).__name__}: {line}"[:300]


def check(store: Store, now: datetime, *, database_url: str, holder: str | None = None) -> Health:
    """Read everything ``/healthz`` shows; never raises for a database problem."""
    body: dict[str, Any] = {"status": "ok", "checked_at": now.isoformat()}
    try:
        ping(store)
        body["database"] = {"ok": True, "dialect": store.dialect}
        current, head = schema_revisions(store)
        body["migrations"] = {"ok": current == head, "current": current, "head": head}
        # an older schema may lack the tables read below; the migrations entry says enough
        if current == head:
            leader = Lease(store).holder(now)
            body["scheduler"] = {
                "leader": leader,
                "this_process": holder,
                "leading": holder is not None and leader == holder,
            }
            body["syncs"] = last_syncs(store)
    except SQLAlchemyError as exc:
        logger.warning("health check: database problem: %s", exc)
        body.pop("migrations", None)
        body["database"] = {"ok": False, "error": _problem(exc, database_url)}
    ok = bool(body["database"]["ok"]) and bool(body.get("migrations", {}).get("ok"))
    if not ok:
        body["status"] = "unavailable"
    return Health(ok, body)


def last_syncs(store: Store) -> dict[str, Any]:
    """The last sync of each source: when, how long, and its files by outcome."""
    raw = StateStore(store).get(SYNCS_KEY)
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def record_sync(
    store: Store, source: str, report: LoadReport, seconds: float, at: datetime
) -> None:
    """Remember this sync for ``/healthz`` (every replica sees it: it is in the database)."""
    entry = {"at": at.isoformat(), "seconds": round(seconds, 3), **report.counts()}
    syncs = last_syncs(store)
    syncs.pop(source, None)
    syncs[source] = entry
    while len(syncs) > MAX_SOURCES:
        syncs.pop(next(iter(syncs)))
    StateStore(store).set(SYNCS_KEY, json.dumps(syncs, ensure_ascii=False))


def sync_content(
    app: App, root: Path | None = None, progress: ProgressFn | None = None, force: bool = False
) -> list[SyncResult]:
    """Sync ``root`` as its own source, or every configured source, each timed and counted
    for ``/metrics`` and recorded for ``/healthz`` under the source's name.

    A source that fails or is refused is counted as failed and its result says why; a
    record that cannot be written is logged and does not fail the sync (the content is in
    the store either way).
    """
    sources = [app.sources.for_folder(root)] if root is not None else app.sources.configured
    results = []
    for source in sources:
        result = app.sources.sync_one(source, force=force, progress=progress)
        results.append(result)
        if result.report is None:
            app.metrics.sync_failed(source.name)
            continue
        app.metrics.synced(source.name, result.report, result.seconds)
        try:
            record_sync(app.store, source.name, result.report, result.seconds, app.clock())
        except SQLAlchemyError as exc:
            logger.warning("could not record the sync of %s: %s", source.name, exc)
    return results

"""Counters and histograms for ``/metrics``: what Herald served, how fast, and what failed.

Each ``App`` has its own ``Metrics`` (its own registry, not prometheus-client's global one), so
tests and several Apps in one process never share counts. ``/metrics`` renders the registry
(``bot.web``); the database-backed series (deliveries by state) are read at scrape time by a
collector that ``bot.web`` registers.

Example::

    metrics = Metrics()
    metrics.served(intent_of(request, reply, router), reply, seconds=0.012)  # App.handle
    metrics.synced("/srv/herald/content", report, seconds=1.8)
    text = metrics.render()                          # Prometheus text format
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import get_args

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.registry import Collector

from bot.ask.understand import Intent
from bot.commands import Reply, Request, Router
from bot.domain import LoadReport
from bot.outbox import Outbox, PermanentSendError, RateLimited, TransientSendError

logger = logging.getLogger(__name__)

# A ``*_created`` timestamp beside every series doubles what a scrape carries and tells an
# operator nothing a restart counter does not (a process-wide switch of prometheus-client).
disable_created_metrics()  # type: ignore[no-untyped-call]

QUESTION = "question"
OTHER = "other"
"""The label of a message that is no declared command and was not read as a question: an
organisation shortcut such as ``/iiif``, or a mistyped command."""
# How bot.ask reads a question; counted as ``question:<intent>``.
QUESTION_INTENTS = frozenset(get_args(Intent))

# Chat answers take milliseconds; a slow PostgreSQL or a large full-text match, seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# A re-sync of an unchanged folder takes a fraction of a second, a first load of 10,000
# files several seconds.
SYNC_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


def intent_of(request: Request, reply: Reply, router: Router) -> str:
    """The label a request is counted under: ``question:<intent>`` for a question ``bot.ask``
    read (``question:list``, ``question:answer``, …), else a declared command's name, else
    ``other``. Bounded, so text people type never becomes a label value."""
    asked = (reply.understood or {}).get("intent")
    if asked in QUESTION_INTENTS:
        return f"{QUESTION}:{asked}"
    name = request.command.strip().lower().lstrip("/!")
    if not name:
        return "help"
    declared = {spec.name for spec in router.commands()}
    return name if name in declared else OTHER


def unanswered(reply: Reply) -> bool:
    """A question Herald found nothing for: ``bot.ask`` says so in ``understood``."""
    return not reply.error_id and (reply.understood or {}).get("answered") is False


def send_error_kind(exc: BaseException) -> str:
    """The ``kind`` label of a failed send (the Outbox contract in ``bot.platforms.base``)."""
    if isinstance(exc, RateLimited):
        return "rate_limited"
    if isinstance(exc, TransientSendError):
        return "transient"
    if isinstance(exc, PermanentSendError):
        return "permanent"
    return "unexpected"


class Metrics:
    """Herald's Prometheus series; every method is cheap and safe from any thread."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "herald_requests",
            "Commands and questions answered, by intent (a command's name or question:<intent>); "
            "outcome is ok or error "
            "(an unexpected failure the user got an error id for)",
            ["intent", "outcome"],
            registry=r,
        )
        self.latency = Histogram(
            "herald_request_seconds",
            "Time to answer a command or question (dispatch to reply), by intent",
            ["intent"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.unanswered = Counter(
            "herald_unanswered_questions",
            "Questions Herald found no answer for (it said it does not know)",
            registry=r,
        )
        self.sync_seconds = Histogram(
            "herald_sync_seconds",
            "Duration of a content sync, by source",
            ["source"],
            buckets=SYNC_BUCKETS,
            registry=r,
        )
        self.sync_failures = Counter(
            "herald_sync_failures",
            "Content syncs that stopped with an error, by source",
            ["source"],
            registry=r,
        )
        self.sync_files_failed = Counter(
            "herald_sync_files_failed",
            "Files a sync could not load (each kept its previous version), by source",
            ["source"],
            registry=r,
        )
        self.send_errors = Counter(
            "herald_send_errors",
            "Failed sends of announcements, reminders and digests, by platform and kind "
            "(rate_limited, transient, permanent, unexpected)",
            ["platform", "kind"],
            registry=r,
        )

    def served(self, intent: str, reply: Reply, seconds: float) -> None:
        outcome = "error" if reply.error_id else "ok"
        self.requests.labels(intent, outcome).inc()
        self.latency.labels(intent).observe(seconds)
        if unanswered(reply):
            self.unanswered.inc()

    def synced(self, source: str, report: LoadReport, seconds: float) -> None:
        self.sync_seconds.labels(source).observe(seconds)
        if report.failed:
            self.sync_files_failed.labels(source).inc(len(report.failed))

    def sync_failed(self, source: str) -> None:
        self.sync_failures.labels(source).inc()

    def send_failed(self, platform: str, exc: BaseException) -> None:
        self.send_errors.labels(platform, send_error_kind(exc)).inc()

    def watch(self, collector: Collector) -> Callable[[], None]:
        """Register a scrape-time collector; returns the function that unregisters it."""
        self.registry.register(collector)
        return lambda: self.registry.unregister(collector)

    def render(self) -> bytes:
        """The Prometheus text exposition of every series (collectors run now)."""
        return generate_latest(self.registry)


class MeteredOutbox:
    """An Outbox that counts its failed sends by kind and passes everything through.

    The runtime wraps each adapter in one before handing it to the scheduler, so the adapters
    and the scheduler stay unaware of metrics.
    """

    def __init__(self, inner: Outbox, metrics: Metrics) -> None:
        self.inner = inner
        self.name = inner.name
        self.metrics = metrics

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        try:
            await self.inner.send(target, reply, keys)
        except Exception as exc:
            self.metrics.send_failed(self.name, exc)
            raise

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        try:
            return await self.inner.find(target, keys, since)
        except Exception as exc:
            self.metrics.send_failed(self.name, exc)
            raise

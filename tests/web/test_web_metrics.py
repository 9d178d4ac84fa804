"""``/metrics`` over real HTTP, parsed as Prometheus text after a few commands and failures."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence
from datetime import datetime

import pytest
from conftest import Site
from prometheus_client.parser import text_string_to_metric_families

from bot.commands import Reply
from bot.metrics import MeteredOutbox, Metrics
from bot.outbox import PermanentSendError, RateLimited, TransientSendError


def samples(site: Site) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    answer = site.get("/metrics")
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("text/plain; version=")
    found = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(
    found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return found.get((name, frozenset(labels.items())), 0.0)


def test_commands_and_questions_are_counted_by_intent_with_latency(site: Site) -> None:
    app = site.app
    assert app.ask("/jobs remote").postings
    app.ask("/jobs archivist")
    app.ask("/help")
    unknown = app.ask("what does membership of the consortium cost")  # no FAQ page here
    assert unknown.understood is not None and unknown.understood["answered"] is False
    assert app.ask("any remote jobs?").postings
    found = samples(site)
    assert value(found, "herald_requests_total", intent="jobs", outcome="ok") == 2
    assert value(found, "herald_requests_total", intent="help", outcome="ok") == 1
    assert value(found, "herald_requests_total", intent="question:answer", outcome="ok") == 1
    assert value(found, "herald_requests_total", intent="question:list", outcome="ok") == 1
    assert value(found, "herald_unanswered_questions_total") == 1
    assert value(found, "herald_request_seconds_count", intent="jobs") == 2
    assert value(found, "herald_request_seconds_sum", intent="jobs") > 0
    assert value(found, "herald_request_seconds_bucket", intent="jobs", le="+Inf") == 2


def test_sync_and_database_series(site: Site) -> None:
    found = samples(site)
    source = "content"  # syncs are counted by source name
    assert value(found, "herald_sync_seconds_count", source=source) == 1
    assert value(found, "herald_sync_failures_total", source=source) == 0
    assert value(found, "herald_database_up") == 1
    for state in ("pending", "sending", "sent", "failed", "skipped"):
        assert ("herald_deliveries", frozenset({("state", state)})) in found


def test_unexpected_failure_counts_as_an_error() -> None:
    metrics = Metrics()
    metrics.served("jobs", Reply(text="Sorry", error_id="abcd1234"), 0.01)
    text = metrics.render().decode()
    assert 'herald_requests_total{intent="jobs",outcome="error"} 1.0' in text


class Failing:
    name = "slack"

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        raise self.error

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (RateLimited(3.0), "rate_limited"),
        (TransientSendError("slack http_503"), "transient"),
        (PermanentSendError("slack channel_not_found"), "permanent"),
        (RuntimeError("adapter bug"), "unexpected"),
    ],
)
def test_send_errors_are_counted_by_platform_and_kind(error: Exception, kind: str) -> None:
    metrics = Metrics()
    outbox = MeteredOutbox(Failing(error), metrics)
    with pytest.raises(type(error)):
        asyncio.run(outbox.send("C1", Reply(text="hi")))
    text = metrics.render().decode()
    assert f'herald_send_errors_total{{kind="{kind}",platform="slack"}} 1.0' in text


class Recording:
    name = "matrix"

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[str, ...]]] = []

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        self.sent.append((target, tuple(keys)))

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        return {k for k in keys if (target, (k,)) in self.sent}


def test_the_metered_outbox_passes_delivery_keys_and_history_look_ups_through() -> None:
    inner = Recording()
    outbox = MeteredOutbox(inner, Metrics())
    asyncio.run(outbox.send("!room", Reply(text="hi"), keys=["herald-1"]))
    assert inner.sent == [("!room", ("herald-1",))]
    since = datetime(2026, 1, 1)
    assert asyncio.run(outbox.find("!room", {"herald-1", "herald-2"}, since)) == {"herald-1"}

"""Send failures: wait on 429, back off on transient errors, pause on permanent ones — and
never lose or repeat a message."""

from __future__ import annotations

import itertools
import logging
from datetime import date, timedelta

import pytest
from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, subscribe, tick

from bot.outbox import PermanentSendError, RateLimited, TransientSendError
from bot.scheduler import backoff
from bot.store import Store
from bot.store.deliveries import Deliveries, Subscriptions

DEADLINE = date(2027, 1, 29)


def test_a_retry_after_pauses_only_that_channel_and_the_row_waits_in_the_ledger(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    for channel in ("C1", "C2", "C3"):
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("C1", RateLimited(3), RateLimited(1.5))
    s = scheduler(store, outbox, clock)
    report = tick(s)
    # nothing waits inside the tick: the row goes back to pending until its Retry-After
    assert clock.slept == []
    assert outbox.counts() == {"C2": 1, "C3": 1}
    assert report.sent == 2 and report.retried == 1
    (row,) = [d for d in Deliveries(store).all() if d.key.target == "C1"]
    assert row.status == "pending" and row.next_attempt_at == clock() + timedelta(seconds=3)
    clock.advance(seconds=2.9)
    tick(s)
    assert outbox.attempts.count("C1") == 1
    clock.advance(seconds=0.1)
    tick(s)  # 429 again, for 1.5 s
    clock.advance(seconds=1.5)
    tick(s)
    assert outbox.counts() == {"C1": 1, "C2": 1, "C3": 1}
    assert outbox.attempts.count("C1") == 3
    assert {d.status for d in Deliveries(store).all()} == {"sent"}


def test_a_long_retry_after_holds_one_channel_while_the_others_keep_flowing(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    for channel in ("C1", "C2", "C3"):
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("C1", RateLimited(120))
    s = scheduler(store, outbox, clock)
    tick(s)
    assert clock.slept == [] and outbox.counts() == {"C2": 1, "C3": 1}
    publish(store, clock.advance(seconds=60), posting_doc("a2", deadline=DEADLINE))
    tick(s)
    assert outbox.counts() == {"C2": 2, "C3": 2}
    assert outbox.attempts.count("C1") == 1  # the channel is left alone until then
    clock.advance(seconds=61)
    tick(s)
    assert outbox.counts() == {"C1": 2, "C2": 2, "C3": 2}


def test_transient_errors_back_off_and_the_message_is_never_lost(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("C1", *(TransientSendError("503 Service Unavailable") for _ in range(4)))
    s = scheduler(store, outbox, clock)
    tries = []
    for _ in range(40):  # a tick every 5 s for a while
        before = len(outbox.attempts)
        tick(s)
        if len(outbox.attempts) > before:
            tries.append(clock())
        clock.advance(seconds=5)
    assert outbox.counts() == {"C1": 1}
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(tries)]
    assert gaps == [backoff(n) for n in (1, 2, 3, 4)]
    assert gaps == [5, 10, 20, 40]
    (row,) = Deliveries(store).all()
    assert row.status == "sent" and row.attempts == 5


def test_an_adapter_bug_is_retried_like_a_transient_error(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("C1", KeyError("blocks"))
    s = scheduler(store, outbox, clock)
    with caplog.at_level(logging.ERROR):
        tick(s)
    assert "raised unexpectedly" in caplog.text
    clock.advance(seconds=backoff(1))
    tick(s)
    assert outbox.counts() == {"C1": 1}


def test_a_permanent_error_pauses_the_channel_and_is_not_retried(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    gone = subscribe(store, "C-gone", MONDAY)
    subscribe(store, "C-ok", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("C-gone", PermanentSendError("channel_not_found"))
    s = scheduler(store, outbox, clock)
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        report = tick(s)
    assert report.failed == 1
    assert "channel_not_found" in caplog.text and "paused" in caplog.text
    paused = Subscriptions(store).get(gone.id)
    assert paused is not None and paused.status == "paused"
    assert paused.reason == "channel_not_found"

    publish(store, clock.advance(hours=1), posting_doc("a2", deadline=DEADLINE))
    for _ in range(3):
        clock.advance(minutes=10)
        tick(s)
    assert outbox.attempts.count("C-gone") == 1
    assert outbox.counts() == {"C-ok": 2}

    # subscribing again resumes, from now on (what came while paused is not news)
    _, outcome = Subscriptions(store).add("slack", "C-gone", "", gone.filters, "U1", clock())
    assert outcome == "resumed"
    publish(store, clock.advance(minutes=1), posting_doc("a3", deadline=DEADLINE))
    tick(s)
    assert [r.postings[0].id for r in outbox.to("C-gone")] == ["a3"]


def test_nothing_is_lost_while_the_platform_is_down(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    channels = [f"C{i}" for i in range(10)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    outbox.fail("*", *(TransientSendError("connection refused") for _ in range(6)))
    s = scheduler(store, outbox, clock)
    for _ in range(12):
        tick(s)
        clock.advance(minutes=1)
    assert outbox.counts() == dict.fromkeys(channels, 1)
    assert len(outbox.attempts) == 16  # one try per outage step, not one per channel


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n) for n in range(1, 6)] == [5, 10, 20, 40, 80]
    assert backoff(30) == backoff(100) == 900
    assert timedelta(seconds=backoff(0)) == timedelta(seconds=5)

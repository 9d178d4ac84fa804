"""A database outage while a message is in flight: the platform took it, the confirm fails.

The outage is real (``outage.py``): PostgreSQL behind a proxy that is cut, SQLite with its
write lock held elsewhere. The assertion is what each channel received.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from outage import Outage
from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, subscribe, tick

from bot.store import Store
from bot.store.deliveries import Deliveries

DEADLINE = date(2027, 1, 29)
CHANNELS = [f"C{i}" for i in range(6)]


@pytest.fixture
def outage(store: Store) -> Iterator[Outage]:
    down = Outage(store)
    yield down
    down.close()


def test_a_send_the_platform_took_is_confirmed_when_the_database_comes_back(
    store: Store, outage: Outage, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock(MONDAY)
    for channel in CHANNELS:
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    outbox = FakeOutbox(history=False)  # no second chance through the history here

    def database_goes_away(target: str) -> None:
        if target == "C2":
            outage.cut()

    outbox.on_send = database_goes_away
    s = scheduler(outage.store, outbox, clock)  # the scheduler's connections can be cut
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        report = tick(s)
    assert report.sent == 3  # C0, C1, and C2 (taken by the platform, not yet confirmed)
    assert "they will not be sent again" in caplog.text
    for _ in range(4):  # 30 s of outage: the ticks fail, nothing more is sent
        clock.advance(seconds=7.5)
        try:
            tick(s)
        except Exception as exc:  # the tick's own error, as _safe_tick would log it
            assert "locked" in str(exc) or "connection" in str(exc).lower(), exc
    assert outbox.counts() == {"C0": 1, "C1": 1, "C2": 1}

    outage.restore()
    clock.advance(seconds=5)
    tick(s)
    assert outbox.counts() == dict.fromkeys(CHANNELS, 1)
    assert Counter(d.status for d in Deliveries(store).all()) == {"sent": len(CHANNELS)}


def test_the_replica_taking_over_after_the_outage_finds_the_message_and_sends_it_once(
    store: Store, outage: Outage
) -> None:
    clock = Clock(MONDAY)
    for channel in CHANNELS:
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    outbox = FakeOutbox()
    outbox.on_send = lambda target: outage.cut() if target == "C2" else None
    a = scheduler(outage.store, outbox, clock, "replica-a")
    b = scheduler(store, outbox, clock, "replica-b")
    assert tick(a).sent == 3
    outbox.on_send = None
    clock.advance(seconds=30)
    outage.restore()
    report = tick(b)  # a's lease ran out during the outage; b takes the claim up
    assert report.leader and report.recovered == 1 and report.found == 1
    assert report.sent == 3  # C3, C4, C5
    tick(a)  # a's confirm lands at last; a is no longer the leader
    assert outbox.counts() == dict.fromkeys(CHANNELS, 1)
    rows = Deliveries(store).all()
    assert Counter(d.status for d in rows) == {"sent": len(CHANNELS)}
    assert not any(d.duplicate_warning for d in rows)

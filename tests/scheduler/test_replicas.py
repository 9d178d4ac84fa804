"""Replicas and crashes at the function level: only the lease holder sends, another takes over
when the lease expires, a stale replica cannot claim, and a crash mid-send is recovered."""

from __future__ import annotations

import asyncio
import logging
import random
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from schedfakes import (
    MONDAY,
    Clock,
    FakeOutbox,
    posting_doc,
    publish,
    scheduler,
    settings,
    subscribe,
    tick,
)

from bot.commands import Reply
from bot.delivery import DeliveryKey, Due
from bot.outbox import TransientSendError
from bot.scheduler import Scheduler
from bot.store import Store
from bot.store.deliveries import Deliveries, Lease

DEADLINE = date(2027, 1, 29)
CHANNELS = [f"C{i}" for i in range(5)]


def received(*outboxes: FakeOutbox) -> Counter[tuple[str, str]]:
    return Counter((t, r.postings[0].id) for o in outboxes for t, r in o.sent)


def test_only_the_lease_holder_sends_and_another_takes_over_when_it_expires(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    out_a, out_b = FakeOutbox(), FakeOutbox()
    for channel in CHANNELS:
        subscribe(store, channel, MONDAY)
    a = scheduler(store, out_a, clock, "replica-a")
    b = scheduler(store, out_b, clock, "replica-b")
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    assert tick(a).leader
    assert not tick(b).leader
    publish(store, clock.advance(seconds=2), posting_doc("p2", deadline=DEADLINE))
    assert tick(b).sent == 0
    assert tick(a).sent == 5
    assert out_b.sent == []

    # replica a dies; b keeps waking up and takes over once a's lease (15 s) has expired
    publish(store, clock.advance(seconds=1), posting_doc("p3", deadline=DEADLINE))
    clock.advance(seconds=13)
    assert not tick(b).leader
    clock.advance(seconds=2)
    report = tick(b)
    assert report.leader and report.sent == 5
    assert Lease(store).holder(clock()) == "replica-b"
    # a comes back (a paused VM): it is not the holder any more and sends nothing
    clock.advance(seconds=1)
    assert not tick(a).leader
    expected = {(c, p): 1 for c in CHANNELS for p in ("p1", "p2", "p3")}
    assert received(out_a, out_b) == expected


def test_two_replicas_ticking_at_the_same_moment_send_everything_once(store: Store) -> None:
    clock = Clock(MONDAY)
    out_a, out_b = FakeOutbox(), FakeOutbox()
    channels = [f"C{i}" for i in range(12)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    a = scheduler(store, out_a, clock, "replica-a", scheduler_lease_seconds=2)
    b = scheduler(store, out_b, clock, "replica-b", scheduler_lease_seconds=2)

    async def race() -> None:
        for n in range(4):
            publish(store, clock.advance(seconds=1), posting_doc(f"p{n}", deadline=DEADLINE))
            await asyncio.gather(a.tick(), b.tick())
            clock.advance(seconds=3)  # each lease expires: the next race is open again

    asyncio.run(race())
    counts = received(out_a, out_b)
    assert counts == {(c, f"p{n}"): 1 for c in channels for n in range(4)}


def test_a_replica_that_lost_its_lease_cannot_claim(store: Store) -> None:
    ledger, lease = Deliveries(store), Lease(store)
    ttl = timedelta(seconds=15)
    key = DeliveryKey("announce", "p1", "slack", "C1", MONDAY)
    ledger.record([Due(key, posting_id="p1")], MONDAY)
    (row,) = ledger.all()
    assert lease.acquire("replica-a", MONDAY, ttl)
    assert not lease.acquire("replica-b", MONDAY + timedelta(seconds=14), ttl)
    later = MONDAY + timedelta(seconds=16)
    assert lease.acquire("replica-b", later, ttl)
    assert not ledger.claim(row.id, "replica-a", later)  # fenced off
    assert ledger.claim(row.id, "replica-b", later)
    assert not ledger.claim(row.id, "replica-b", later)  # a claim is taken once
    lease.release("replica-b", later)
    assert lease.holder(later) is None
    assert lease.acquire("replica-a", later, ttl)  # a clean shutdown hands over at once


def test_the_lease_is_renewed_during_a_long_fan_out(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    channels = [f"C{i}" for i in range(24)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    outbox.on_send = lambda _target: clock.advance(seconds=1)  # a slow platform
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    report = tick(scheduler(store, outbox, clock))
    assert report.sent == 24  # 24 s of sending, longer than the 15 s lease
    assert Lease(store).holder(clock()) == "replica-a"
    other = scheduler(store, FakeOutbox(), clock, "replica-b")
    assert not tick(other).leader


class Crash(BaseException):
    """The process dies here (what SIGKILL does to a coroutine: nothing after it runs)."""


def crashing_outbox(target: str, *, after_delivery: bool) -> FakeOutbox:
    outbox = FakeOutbox()
    crashed = []

    async def send(to: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        if to == target and not crashed:
            crashed.append(to)
            if after_delivery:
                outbox.sent.append((to, reply))
                outbox.marks.setdefault(to, set()).update(keys)
            raise Crash
        outbox.sent.append((to, reply))
        outbox.marks.setdefault(to, set()).update(keys)

    outbox.send = send  # type: ignore[method-assign]
    return outbox


@pytest.mark.parametrize("after_delivery", [True, False], ids=["after-send", "before-send"])
def test_a_claim_left_by_a_crash_is_taken_up_by_the_next_lease_holder(
    store: Store, caplog: pytest.LogCaptureFixture, after_delivery: bool
) -> None:
    clock = Clock(MONDAY)
    for channel in ("C1", "C2", "C3"):
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    outbox = crashing_outbox("C2", after_delivery=after_delivery)
    first = scheduler(store, outbox, clock, "dead-process")
    with pytest.raises(Crash):
        tick(first)
    assert received(outbox) == Counter(
        {("C1", "p1"): 1, **({("C2", "p1"): 1} if after_delivery else {})}
    )
    statuses = Counter(d.status for d in Deliveries(store).all())
    assert statuses == {"sent": 1, "sending": 1, "pending": 1}

    restarted = Scheduler(
        store, settings(), {"slack": outbox}, holder="new-process", clock=clock, sleep=clock.sleep
    )
    clock.advance(seconds=14)
    assert not asyncio.run(restarted.tick()).leader  # the dead process's lease still runs
    clock.advance(seconds=2)
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        report = asyncio.run(restarted.tick())
    # the lease holder's sends are over once its lease has expired: taken up at once, and
    # what reached the channel before the crash is found there and confirmed, not re-sent
    assert report.leader and report.recovered == 1
    assert report.found == (1 if after_delivery else 0)
    assert "was claimed by dead-process" in caplog.text
    assert received(outbox) == {("C1", "p1"): 1, ("C2", "p1"): 1, ("C3", "p1"): 1}
    rows = Deliveries(store).all()
    assert {d.status for d in rows} == {"sent"}
    assert not any(d.in_doubt or d.duplicate_warning for d in rows)


def test_a_send_whose_answer_was_lost_is_found_and_never_posted_twice(store: Store) -> None:
    clock = Clock(MONDAY)
    for channel in ("C1", "C2"):
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    outbox = FakeOutbox()
    outbox.fail_after_posting("C1", TransientSendError("slack internal_error (500)"))
    s = scheduler(store, outbox, clock)
    report = tick(s)
    assert (report.sent, report.retried) == (0, 1)  # the platform backs off for 5 s
    row = next(d for d in Deliveries(store).all() if d.key.target == "C1")
    assert row.status == "pending" and row.in_doubt
    clock.advance(seconds=5)
    report = tick(s)
    assert report.found == 1 and report.sent == 1  # C1 found there, C2 sent
    assert received(outbox) == {("C1", "p1"): 1, ("C2", "p1"): 1}
    assert outbox.attempts.count("C1") == 1
    row = next(d for d in Deliveries(store).all() if d.key.target == "C1")
    assert row.status == "sent" and not row.in_doubt and row.duplicate_warning is None


def test_when_the_platform_cannot_tell_it_is_sent_again_and_flagged_for_good(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock(MONDAY)
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    outbox = FakeOutbox(history=False)
    outbox.fail_after_posting("C1", TimeoutError())
    s = scheduler(store, outbox, clock)
    tick(s)
    clock.advance(seconds=5)
    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        tick(s)
    assert received(outbox) == {("C1", "p1"): 2}  # at least once wins over at most once
    (row,) = Deliveries(store).all()
    assert row.status == "sent" and row.attempts == 2
    assert row.duplicate_warning and "may have been sent twice" in row.duplicate_warning
    assert "may have been sent twice" in caplog.text
    publish(store, clock.advance(minutes=1), posting_doc("p2", deadline=DEADLINE))
    tick(s)
    (row, _) = Deliveries(store).all()
    assert row.duplicate_warning  # lasting


def dying(outbox: FakeOutbox, die_at: int, *, after: bool) -> Any:
    """A send that kills the process once ``die_at`` messages went out, before or after the
    platform took the next one."""

    async def send(to: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        if len(outbox.sent) >= die_at:
            if after:
                await FakeOutbox.send(outbox, to, reply, keys)
            raise Crash
        await FakeOutbox.send(outbox, to, reply, keys)

    return send


def test_ten_crashes_at_random_moments_of_a_200_message_fan_out_lose_and_repeat_nothing(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    channels = [f"C{i:03d}" for i in range(200)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(seconds=1), posting_doc("p1", deadline=DEADLINE))
    rng = random.Random(16)
    outbox = FakeOutbox()
    for n in range(10):
        # the process dies after `left` more messages: before or after the platform took
        # the last one (SIGKILL lands anywhere)
        die_at, after = len(outbox.sent) + rng.randint(1, 15), rng.random() < 0.5
        outbox.send = dying(outbox, die_at, after=after)  # type: ignore[method-assign]
        with pytest.raises(Crash):
            tick(scheduler(store, outbox, clock, f"process-{n}"))
        clock.advance(seconds=16)  # its lease runs out; the next process starts
    del outbox.send  # the last process lives
    report = tick(scheduler(store, outbox, clock, "process-last"))
    assert report.recovered == 1
    assert received(outbox) == {(c, "p1"): 1 for c in channels}
    rows = Deliveries(store).all()
    assert {d.status for d in rows} == {"sent"}
    assert not any(d.duplicate_warning for d in rows)

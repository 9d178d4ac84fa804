"""Paced like a person: at most one message per channel per interval, channels interleaved,
and a bulk load announced as one combined message per channel instead of a flood."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, datetime

from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, subscribe, tick

from bot.outbox import TransientSendError
from bot.store import Store
from bot.store.deliveries import Deliveries, Lease

DEADLINE = date(2027, 1, 29)


def timed(outbox: FakeOutbox, clock: Clock) -> dict[str, list[datetime]]:
    """Record when each message reached each target (the fake clock moves only by sleeps)."""
    times: dict[str, list[datetime]] = defaultdict(list)
    outbox.on_send = lambda target: times[target].append(clock())
    return times


def gaps(times: list[datetime]) -> list[float]:
    return [(b - a).total_seconds() for a, b in itertools.pairwise(times)]


def test_ten_postings_loaded_together_reach_twenty_channels_as_one_combined_message(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    channels = [f"C{i:02d}" for i in range(20)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    docs = [posting_doc(f"p{n}", deadline=DEADLINE) for n in range(10)]
    publish(store, clock.advance(minutes=1), *docs)
    outbox = FakeOutbox()
    times = timed(outbox, clock)
    report = tick(scheduler(store, outbox, clock))
    assert report.sent == 200  # deliveries, each confirmed
    assert outbox.counts() == dict.fromkeys(channels, 1)
    for channel in channels:
        (reply,) = outbox.to(channel)
        assert reply.text.startswith("10 new openings:")
        assert sorted(p.id for p in reply.postings) == [f"p{n}" for n in range(10)]
        assert len(outbox.marks[channel]) == 10  # every delivery key rides along
    assert all(len(t) == 1 for t in times.values())
    assert clock.slept == []  # one message per channel: nothing to wait for
    assert {d.status for d in Deliveries(store).all()} == {"sent"}


def test_up_to_the_threshold_they_go_one_by_one_interleaved_and_a_second_apart(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    channels = [f"C{i}" for i in range(5)]
    for channel in channels:
        subscribe(store, channel, MONDAY)
    publish(store, clock.advance(minutes=1), *(posting_doc(f"p{n}") for n in range(3)))
    outbox = FakeOutbox()
    times = timed(outbox, clock)
    start = clock()
    tick(scheduler(store, outbox, clock))
    assert outbox.counts() == dict.fromkeys(channels, 3)
    # round robin: every channel hears of the first posting before any hears of the second
    assert [t for t, _ in outbox.sent] == channels * 3
    for channel in channels:
        assert all(gap >= 1.0 for gap in gaps(times[channel])), times[channel]
    # interleaved, so the whole fan-out takes two intervals, not 3 x 5 of them
    assert (clock() - start).total_seconds() <= 2.0 + 1e-6


def test_the_interval_and_the_threshold_are_settings(store: Store) -> None:
    clock = Clock(MONDAY)
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), *(posting_doc(f"p{n}") for n in range(6)))
    outbox = FakeOutbox()
    times = timed(outbox, clock)
    s = scheduler(
        store, outbox, clock, scheduler_channel_interval_seconds=2.5, scheduler_combine_over=6
    )
    tick(s)
    assert outbox.counts() == {"C1": 6}
    assert gaps(times["C1"]) == [2.5] * 5


def test_pacing_holds_across_ticks_and_a_new_leader(store: Store) -> None:
    clock = Clock(MONDAY)
    subscribe(store, "C1", MONDAY)
    outbox = FakeOutbox()
    times = timed(outbox, clock)
    publish(store, clock.advance(minutes=1), posting_doc("p1"))
    tick(scheduler(store, outbox, clock, "replica-a"))
    clock.advance(seconds=0.3)
    publish(store, clock(), posting_doc("p2"))
    # replica a is gone (a clean stop gives the lease up); b knows when C1 last heard
    Lease(store).release("replica-a", clock())
    tick(scheduler(store, outbox, clock, "replica-b"))
    assert outbox.counts() == {"C1": 2}
    assert gaps(times["C1"]) == [1.0]


def test_more_than_ten_at_once_are_split_evenly(store: Store) -> None:
    clock = Clock(MONDAY)
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), *(posting_doc(f"p{n:02d}") for n in range(12)))
    outbox = FakeOutbox()
    times = timed(outbox, clock)
    tick(scheduler(store, outbox, clock))
    assert [len(r.postings) for r in outbox.to("C1")] == [6, 6]
    assert gaps(times["C1"]) == [1.0]


def test_a_combined_message_in_doubt_is_found_and_only_what_is_new_goes_out(
    store: Store,
) -> None:
    clock = Clock(MONDAY)
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), *(posting_doc(f"p{n}") for n in range(5)))
    outbox = FakeOutbox()
    outbox.fail_after_posting("C1", TransientSendError("slack internal_error (500)"))
    s = scheduler(store, outbox, clock)
    assert tick(s).retried == 5  # posted, but the answer said 500: all five in doubt
    publish(store, clock.advance(seconds=5), posting_doc("p5"))
    report = tick(s)
    assert (report.found, report.sent) == (5, 1)
    first, second = outbox.to("C1")
    assert len(first.postings) == 5 and [p.id for p in second.postings] == ["p5"]
    rows = Deliveries(store).all()
    assert {d.status for d in rows} == {"sent"}
    assert not any(d.in_doubt or d.duplicate_warning for d in rows)

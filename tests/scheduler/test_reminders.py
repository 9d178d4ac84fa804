"""Deadline reminders: at each offset, moved with the deadline, never for closed postings, and
after downtime late-but-meaningful ones go out once while stale ones are skipped and logged."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, subscribe, tick

from bot.store import Store
from bot.store.deliveries import Deliveries

DEADLINE = date(2026, 12, 14)  # a Monday, three weeks after MONDAY


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def summaries(outbox: FakeOutbox, target: str = "C1") -> list[str]:
    return [r.summary for r in outbox.to(target)]


def test_reminders_go_out_at_each_offset_and_only_then(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock)
    tick(s)
    assert summaries(outbox) == ["New opening:"]

    for moment, expected in [
        (at(DEADLINE - timedelta(days=7), 8, 59), 1),  # a minute early: nothing yet
        (at(DEADLINE - timedelta(days=7)), 2),
        (at(DEADLINE - timedelta(days=7), 15), 2),
        (at(DEADLINE - timedelta(days=1)), 3),
        (at(DEADLINE, 12), 3),
        (at(DEADLINE + timedelta(days=1)), 3),
    ]:
        clock.set(moment)
        tick(s)
        assert len(outbox.to("C1")) == expected, moment
    assert summaries(outbox)[1:] == [
        "Reminder: this posting closes in 7 days:",
        "Reminder: this posting closes tomorrow:",
    ]


def test_reminder_times_follow_the_workspace_time_zone(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock, timezone="Europe/Amsterdam", reminder_offsets_days=[7])
    tick(s)
    clock.set(at(DEADLINE - timedelta(days=7), 7, 59))  # 08:59 in Amsterdam (UTC+1)
    tick(s)
    assert len(outbox.to("C1")) == 1
    clock.set(at(DEADLINE - timedelta(days=7), 8, 0))  # 09:00 in Amsterdam
    tick(s)
    assert len(outbox.to("C1")) == 2


def test_a_changed_deadline_moves_its_reminders(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock)
    clock.set(at(DEADLINE - timedelta(days=7)))
    tick(s)
    assert len(outbox.to("C1")) == 2  # announcement + 7-day reminder

    later = DEADLINE + timedelta(days=14)
    publish(store, clock.advance(hours=1), posting_doc("a1", deadline=later))
    clock.set(at(DEADLINE - timedelta(days=1)))  # the old 1-day time: no longer due
    tick(s)
    assert len(outbox.to("C1")) == 2
    clock.set(at(later - timedelta(days=7)))
    tick(s)
    clock.set(at(later - timedelta(days=1)))
    tick(s)
    reminded = [r for r in outbox.to("C1") if r.summary.startswith("Reminder")]
    assert [r.postings[0].deadline for r in reminded] == [DEADLINE, later, later]


def test_a_pending_reminder_for_an_old_deadline_is_skipped_at_send_time(store: Store) -> None:
    from bot.outbox import TransientSendError

    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock, reminder_offsets_days=[7])
    tick(s)
    clock.set(at(DEADLINE - timedelta(days=7)))
    outbox.fail("C1", TransientSendError("502"))
    tick(s)  # the reminder is recorded, its send failed
    publish(store, clock.advance(seconds=1), posting_doc("a1", deadline=DEADLINE + timedelta(3)))
    clock.advance(minutes=10)
    tick(s)
    assert len(outbox.to("C1")) == 1  # only the announcement
    statuses = {d.key.kind: (d.status, d.last_error) for d in Deliveries(store).all()}
    status, reason = statuses["reminder"]
    assert status == "skipped" and "deadline moved" in (reason or "")


def test_closed_or_withdrawn_postings_are_never_reminded(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(
        store,
        clock.advance(minutes=1),
        posting_doc("closing", deadline=DEADLINE),
        posting_doc("leaving", deadline=DEADLINE),
    )
    s = scheduler(store, outbox, clock)
    tick(s)
    assert len(outbox.to("C1")) == 2
    publish(store, clock.advance(hours=1), posting_doc("closing", deadline=DEADLINE, closed=True))
    store.withdraw_missing({"postings/closing.md"}, clock())
    for day in range(1, 9):
        clock.set(at(DEADLINE - timedelta(days=day), 10))
        tick(s)
    assert len(outbox.to("C1")) == 2
    assert all(d.key.kind == "announce" for d in Deliveries(store).all())


def test_after_downtime_meaningful_deliveries_go_out_once_and_stale_ones_are_skipped(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    soon = DEADLINE
    passed = DEADLINE - timedelta(days=4)
    publish(
        store,
        clock.advance(minutes=1),
        posting_doc("soon", deadline=soon),
        posting_doc("passed", deadline=passed),
    )
    # down from here until three days before `soon` (and after `passed`)
    clock.set(at(soon - timedelta(days=3), 11))
    s = scheduler(store, outbox, clock)
    with caplog.at_level(logging.INFO, logger="bot.scheduler"):
        report = tick(s)
    sent = [(r.postings[0].id, r.summary) for r in outbox.to("C1")]
    # the announcement of the open posting, late; its 7-day reminder, late but meaningful
    assert sent == [
        ("soon", "New opening:"),
        ("soon", "Reminder: this posting closes in 3 days:"),
    ]
    # `passed` is no longer open: not announced; both its reminders are stale
    stale = [d for d in Deliveries(store).all() if d.key.subject == "passed"]
    assert sorted(d.offset_days or 0 for d in stale) == [1, 7]
    assert all(d.status == "skipped" and "stale" in (d.last_error or "") for d in stale)
    assert report.skipped == 2
    assert sum("stale" in m for m in caplog.messages) == 2

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.scheduler"):
        clock.advance(minutes=5)
        tick(s)
        tick(scheduler(store, outbox, clock))  # a restart plans afresh: still nothing twice
    assert len(outbox.to("C1")) == 2
    assert not any("stale" in m for m in caplog.messages)  # logged once, not every tick


def test_when_several_reminders_were_missed_only_the_latest_is_sent(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock)
    tick(s)
    clock.set(at(DEADLINE, 8))  # both the 7-day and the 1-day reminder were missed
    tick(s)
    assert [r.summary for r in outbox.to("C1")] == [
        "New opening:",
        "Reminder: this posting closes today:",
    ]
    by_offset = {d.offset_days: d for d in Deliveries(store).all() if d.key.kind == "reminder"}
    assert by_offset[7].status == "skipped" and "superseded" in (by_offset[7].last_error or "")
    assert by_offset[1].status == "sent"


def test_a_posting_seen_after_a_reminder_time_gets_no_late_reminder_for_it(store: Store) -> None:
    clock = Clock(at(DEADLINE - timedelta(days=3)))
    outbox = FakeOutbox()
    subscribe(store, "C1", clock.advance(hours=-1))
    publish(store, clock.advance(hours=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock)
    tick(s)
    assert [r.summary for r in outbox.to("C1")] == ["New opening:"]
    clock.set(at(DEADLINE - timedelta(days=1)))
    tick(s)
    assert len(outbox.to("C1")) == 2

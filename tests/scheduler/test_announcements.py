"""Announcements of new openings: once per subscription, no backlog, nothing closed."""

from __future__ import annotations

from datetime import date, timedelta

from schedfakes import (
    MONDAY,
    Clock,
    FakeOutbox,
    posting_doc,
    publish,
    scheduler,
    subscribe,
    tick,
)

from bot.delivery import Filters
from bot.outbox import TransientSendError
from bot.store import Store
from bot.store.deliveries import Deliveries

DEADLINE = date(2027, 1, 29)


def test_a_new_posting_is_announced_once_to_each_matching_subscription(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C-all", MONDAY)
    subscribe(store, "C-archive", MONDAY, Filters(organization="archive"), "archive")
    subscribe(store, "C-remote", MONDAY, Filters(remote=True), "remote")
    subscribe(store, "C-keyword", MONDAY, Filters(terms=("archivist",)), "archivist")
    s = scheduler(store, outbox, clock)
    assert tick(s).sent == 0

    publish(store, clock.advance(minutes=5), posting_doc("a1", deadline=DEADLINE, remote=False))
    report = tick(s)
    assert report.sent == 3
    assert outbox.counts() == {"C-all": 1, "C-archive": 1, "C-keyword": 1}
    reply = outbox.to("C-all")[0]
    assert reply.public and [p.id for p in reply.postings] == ["a1"]
    assert "New opening" in reply.summary
    assert "Archivist a1" in reply.text and "29 January 2027" in reply.text
    assert any(a.label == "Apply" and a.value == "mailto:jobs@example.org" for a in reply.actions)

    clock.advance(seconds=5)
    for _ in range(3):  # nothing is owed twice, however often the scheduler wakes up
        assert tick(s).sent == 0
    assert sum(outbox.counts().values()) == 3


def test_the_backlog_is_not_announced_to_a_new_subscription(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    publish(store, MONDAY, posting_doc("old", deadline=DEADLINE))
    subscribe(store, "C1", clock.advance(hours=1))
    s = scheduler(store, outbox, clock)
    assert tick(s).sent == 0
    publish(store, clock.advance(hours=1), posting_doc("new", deadline=DEADLINE))
    tick(s)
    assert [r.postings[0].id for r in outbox.to("C1")] == ["new"]


def test_two_subscriptions_of_one_channel_announce_a_posting_once(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    subscribe(store, "C1", MONDAY, Filters(organization="archive"), "archive")
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    tick(scheduler(store, outbox, clock))
    assert outbox.counts() == {"C1": 1}


def test_closed_and_expired_postings_are_not_announced(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(
        store,
        clock.advance(minutes=1),
        posting_doc("closed", deadline=DEADLINE, closed=True),
        posting_doc("expired", deadline=MONDAY.date() - timedelta(days=3)),
        posting_doc("open", deadline=None),
    )
    tick(scheduler(store, outbox, clock))
    assert [r.postings[0].id for r in outbox.to("C1")] == ["open"]


def test_an_announcement_planned_but_closed_before_sending_is_skipped(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    subscribe(store, "C1", MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    s = scheduler(store, outbox, clock)
    outbox.fail("C1", TransientSendError("503"))
    tick(s)  # planned, the send failed, the row waits
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE, closed=True))
    clock.advance(minutes=30)
    tick(s)
    assert outbox.sent == []
    (row,) = Deliveries(store).all()
    assert row.status == "skipped" and "no longer open" in (row.last_error or "")


def test_a_paused_or_cancelled_subscription_gets_nothing(store: Store) -> None:
    from bot.store.deliveries import Subscriptions

    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    sub = subscribe(store, "C1", MONDAY)
    Subscriptions(store).cancel(sub.id, MONDAY)
    publish(store, clock.advance(minutes=1), posting_doc("a1", deadline=DEADLINE))
    tick(scheduler(store, outbox, clock))
    assert outbox.sent == []

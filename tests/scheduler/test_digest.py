"""The weekly digest: once per subscription at the configured local day and time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, subscribe, tick

from bot.delivery import Filters
from bot.store import Store
from bot.store.deliveries import Deliveries

FAR = date(2027, 3, 1)


def test_the_weekly_digest_lists_the_weeks_openings_once(store: Store) -> None:
    start = MONDAY - timedelta(days=7)  # the Monday before, 06:00 UTC
    clock = Clock(start)
    outbox = FakeOutbox()
    subscribe(store, "C-all", start)
    subscribe(store, "C-remote", start, Filters(remote=True), "remote")
    s = scheduler(
        store, outbox, clock, digest_weekday=0, digest_time="10:00", timezone="Europe/Paris"
    )
    tick(s)  # Monday 07:00 Paris: no digest yet, and this week's started before them
    publish(store, clock.advance(days=2), posting_doc("remote1", deadline=FAR, remote=True))
    publish(store, clock.advance(days=1), posting_doc("onsite1", deadline=FAR, remote=False))
    tick(s)
    announced = len(outbox.sent)
    assert announced == 3

    clock.set(datetime(2026, 11, 23, 8, 59, tzinfo=UTC))  # 09:59 in Paris
    tick(s)
    assert len(outbox.sent) == announced
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))  # 10:00 in Paris
    tick(s)
    digests = [(t, r) for t, r in outbox.sent[announced:]]
    assert [t for t, _ in digests] == ["C-all", "C-remote"]
    everything = digests[0][1]
    assert everything.summary == "Weekly digest: 2 new."
    assert {p.id for p in everything.postings} == {"remote1", "onsite1"}
    assert [p.id for p in digests[1][1].postings] == ["remote1"]
    assert "Weekly digest for `/jobs remote`" in digests[1][1].text

    clock.advance(hours=3)
    tick(s)
    assert len(outbox.sent) == announced + 2


def test_a_week_with_nothing_to_tell_sends_no_digest(store: Store) -> None:
    clock = Clock(MONDAY - timedelta(days=7))
    outbox = FakeOutbox()
    subscribe(store, "C1", clock())
    s = scheduler(store, outbox, clock, digest_weekday=0, digest_time="09:00")
    clock.set(MONDAY.replace(hour=9))
    tick(s)
    assert outbox.sent == []
    (row,) = Deliveries(store).all()
    assert row.key.kind == "digest" and row.status == "skipped"


def test_closing_postings_appear_in_the_digest(store: Store) -> None:
    clock = Clock(MONDAY - timedelta(days=30))
    outbox = FakeOutbox()
    publish(store, clock(), posting_doc("old", deadline=MONDAY.date() + timedelta(days=3)))
    subscribe(store, "C1", clock.advance(days=1))
    s = scheduler(store, outbox, clock, digest_weekday=0, reminder_offsets_days=[])
    clock.set(MONDAY.replace(hour=9))
    tick(s)
    (digest,) = outbox.to("C1")
    assert digest.summary == "Weekly digest: 1 closing within a week."


def test_a_digest_missed_by_more_than_a_day_is_stale(store: Store) -> None:
    clock = Clock(MONDAY - timedelta(days=7))
    outbox = FakeOutbox()
    subscribe(store, "C1", clock())
    publish(store, clock.advance(days=1), posting_doc("a1", deadline=FAR))
    s = scheduler(store, outbox, clock, digest_weekday=0)
    tick(s)
    clock.set(MONDAY.replace(hour=9) + timedelta(days=2))  # down over Monday's digest
    tick(s)
    assert [r.summary for r in outbox.to("C1")] == ["New opening:"]
    digest = next(d for d in Deliveries(store).all() if d.key.due_at == MONDAY.replace(hour=9))
    assert digest.status == "skipped" and "stale" in (digest.last_error or "")

"""The pure rules of ``bot.announce``: time zones, digests across DST, and properties that
hold for any postings, subscriptions and wake-up times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.announce import Schedule, plan
from bot.delivery import DeliveryKey, Filters, Subscription
from bot.domain import Posting

BASE = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # a Monday


def posting(pid: str, first_seen: datetime, deadline: date | None, **extra: object) -> Posting:
    values: dict[str, object] = {
        "id": pid,
        "source": f"{pid}.md",
        "position": 0,
        "title": pid,
        "organization": None,
        "location": None,
        "remote": None,
        "deadline": deadline,
        "deadline_inferred": False,
        "open_until_filled": False,
        "closed": False,
        "salary": None,
        "salary_min": None,
        "salary_currency": None,
        "contacts": (),
        "posted": None,
        "body": "",
        "url": None,
        "status": "active",
        "first_seen": first_seen,
    }
    values.update(extra)
    return Posting(**values)  # type: ignore[arg-type]


def subscription(since: datetime, sid: int = 1, channel: str = "C1") -> Subscription:
    return Subscription(
        id=sid,
        platform="slack",
        channel=channel,
        filters_text="",
        filters=Filters(),
        status="active",
        created_at=since,
        since=since,
    )


def test_offsets_are_sorted_unique_and_never_after_the_deadline() -> None:
    assert Schedule(offsets_days=(1, 7, 7, -2, 0)).offsets_days == (7, 1, 0)
    assert Schedule(offsets_days=()).max_offset == 0


def test_digest_time_keeps_its_local_hour_across_daylight_saving() -> None:
    paris = Schedule(tz=ZoneInfo("Europe/Paris"), digest_weekday=0, digest_time=time(9, 0))
    before = paris.last_digest(datetime(2026, 3, 23, 12, tzinfo=UTC))
    after = paris.last_digest(datetime(2026, 3, 30, 12, tzinfo=UTC))  # DST began on the 29th
    assert before == datetime(2026, 3, 23, 8, tzinfo=UTC)
    assert after == datetime(2026, 3, 30, 7, tzinfo=UTC)
    # the wake-up for the next digest is computed through the zone too
    result = plan(datetime(2026, 3, 24, tzinfo=UTC), paris, [subscription(BASE)], {})
    assert result.next_wakeup == datetime(2026, 3, 30, 7, tzinfo=UTC)


def test_digests_can_be_switched_off() -> None:
    schedule = Schedule(digest_weekday=None)
    assert schedule.last_digest(BASE) is None
    assert plan(BASE + timedelta(days=9), schedule, [subscription(BASE)], {}).due == ()


def test_next_wakeup_is_the_next_reminder_time() -> None:
    schedule = Schedule(digest_weekday=None)
    p = posting("p", BASE + timedelta(hours=1), date(2026, 3, 20))
    result = plan(BASE + timedelta(hours=2), schedule, [subscription(BASE)], {1: [p]})
    assert [d.key.kind for d in result.due] == ["announce"]
    assert result.next_wakeup == datetime(2026, 3, 13, 9, tzinfo=UTC)


def test_an_open_until_filled_posting_is_announced_and_never_reminded() -> None:
    schedule = Schedule(digest_weekday=None)
    p = posting("p", BASE + timedelta(hours=1), None, open_until_filled=True)
    result = plan(BASE + timedelta(days=60), schedule, [subscription(BASE)], {1: [p]})
    assert result.due == ()  # beyond the announcement lookback, and no deadline
    fresh = plan(BASE + timedelta(hours=2), schedule, [subscription(BASE)], {1: [p]})
    assert [d.key.kind for d in fresh.due] == ["announce"]
    assert fresh.next_wakeup is None


HOURS = st.integers(min_value=0, max_value=24 * 25)


@settings(max_examples=150, deadline=None)
@given(
    since=HOURS,
    postings=st.lists(
        st.tuples(HOURS, st.integers(min_value=-3, max_value=25), st.booleans()),
        min_size=1,
        max_size=4,
    ),
    wakeups=st.lists(HOURS, min_size=1, max_size=30),
    offsets=st.lists(st.integers(min_value=0, max_value=10), max_size=3),
)
def test_whatever_the_wake_up_times_nothing_is_sent_twice_late_or_out_of_turn(
    since: int,
    postings: list[tuple[int, int, bool]],
    wakeups: list[int],
    offsets: list[int],
) -> None:
    schedule = Schedule(offsets_days=tuple(offsets), digest_weekday=0)
    sub = subscription(BASE + timedelta(hours=since))
    items = [
        posting(f"p{i}", BASE + timedelta(hours=seen), (BASE + timedelta(days=dl)).date(), closed=c)
        for i, (seen, dl, c) in enumerate(postings)
    ]
    ledger: set[DeliveryKey] = set()
    sent: list[tuple[datetime, DeliveryKey, int | None]] = []
    for hour in sorted(wakeups):
        now = BASE + timedelta(hours=hour)
        visible = [p for p in items if p.first_seen is not None and p.first_seen <= now]
        result = plan(now, schedule, [sub], {1: visible})
        reminders_now: set[str] = set()
        for item in result.due:
            assert item.key.due_at <= now
            if item.key in ledger:
                continue
            ledger.add(item.key)
            if item.skip_reason is not None:
                continue
            sent.append((now, item.key, item.offset_days))
            if item.key.kind == "reminder":
                assert item.key.subject not in reminders_now  # one reminder per tick
                reminders_now.add(item.key.subject)
    by_id = {p.id: p for p in items}
    for now, key, offset in sent:
        if key.kind == "digest":
            assert key.due_at >= sub.since and now - key.due_at <= schedule.digest_grace
            continue
        p = by_id[key.subject]
        assert p.first_seen is not None and not p.closed
        assert p.deadline is not None
        if key.kind == "announce":
            assert p.first_seen > sub.since and p.deadline >= now.date()
        else:
            assert offset in schedule.offsets_days
            assert now.date() <= p.deadline  # never after the deadline
            assert key.due_at >= max(p.first_seen, sub.since)
    assert len({k for _, k, _ in sent}) == len(sent)

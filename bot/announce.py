"""What is due now: announcements of new openings, deadline reminders, weekly digests.

Pure: no database, no clock, no chat SDK. ``bot.scheduler`` reads subscriptions and candidate
postings from the store, asks :func:`plan` what is due at ``now``, records the answer as
delivery rows (each with a unique key) and sends them. Keeping the rules here means every rule
is a one-line test with a chosen ``now``.

The rules, in short:

- **Announce** a posting to a subscription once, when the posting was first seen after the
  subscription started (no backlog flood) and is still open. Two subscriptions of one channel
  share the key, so the channel hears about a posting once.
- **Remind** at ``reminder_time`` (workspace time zone) ``offset`` days before the deadline.
  A reminder whose time came before the posting (or the subscription) existed does not apply.
  A missed reminder still goes out late while the deadline has not passed; once it has, the
  reminder is *stale* and recorded as skipped. When a later reminder is also due (7 days and
  1 day both missed during downtime), only the later one is sent.
- **Digest** once a week per subscription; a digest missed by more than ``digest_grace`` is
  stale.
- The due time is part of the key, so a changed deadline simply makes new keys; the old
  ones are never due again.

Example::

    schedule = Schedule.from_settings(settings)
    result = plan(now, schedule, subscriptions, matches, personal)
    result.due          # Due items whose time has come (some with skip_reason)
    result.next_wakeup  # when the next one falls due, for the scheduler's gate
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.delivery import (
    Delivery,
    DeliveryKey,
    DeliveryKind,
    Due,
    PersonalReminder,
    Subscription,
)
from bot.domain import Posting

logger = logging.getLogger(__name__)

DIGEST_SUBJECT = "subscription:"
ANNOUNCE_LOOKBACK = timedelta(days=30)
DIGEST_GRACE = timedelta(days=1)
DIGEST_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Schedule:
    """When reminders and digests fall due, in the workspace's time zone."""

    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    offsets_days: tuple[int, ...] = (7, 1)
    reminder_time: time = time(9, 0)
    digest_weekday: int | None = 0
    digest_time: time = time(9, 0)
    announce_lookback: timedelta = ANNOUNCE_LOOKBACK
    digest_grace: timedelta = DIGEST_GRACE

    def __post_init__(self) -> None:
        # largest first, no repeats, nothing after the deadline
        offsets = tuple(sorted({d for d in self.offsets_days if d >= 0}, reverse=True))
        object.__setattr__(self, "offsets_days", offsets)

    @classmethod
    def from_settings(cls, settings: Settings) -> Schedule:
        return cls(
            tz=ZoneInfo(settings.timezone),
            offsets_days=tuple(settings.reminder_offsets_days),
            reminder_time=settings.reminder_time,
            digest_weekday=settings.digest_weekday,
            digest_time=settings.digest_time,
        )

    @property
    def max_offset(self) -> int:
        return self.offsets_days[0] if self.offsets_days else 0

    def today(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    def at(self, day: date, moment: time) -> datetime:
        """``moment`` on ``day`` in the workspace's zone, as UTC (DST-safe via zoneinfo)."""
        return datetime.combine(day, moment, tzinfo=self.tz).astimezone(UTC)

    def reminder_due(self, deadline: date, offset_days: int) -> datetime:
        return self.at(deadline - timedelta(days=offset_days), self.reminder_time)

    def last_digest(self, now: datetime) -> datetime | None:
        """The latest digest time at or before ``now``; None when digests are off."""
        if self.digest_weekday is None:
            return None
        today = self.today(now)
        day = today - timedelta(days=(today.weekday() - self.digest_weekday) % 7)
        when = self.at(day, self.digest_time)
        return when if when <= now else self.at(day - timedelta(days=7), self.digest_time)

    def candidate_window(self, now: datetime) -> tuple[datetime, date, date]:
        """(first_seen since, deadline from, deadline to) of the postings :func:`plan` needs:
        recent ones (announcements) and those whose reminders fall within a day or so
        (including just-expired ones, so stale reminders are recorded, not forgotten)."""
        today = self.today(now)
        reach = timedelta(days=self.max_offset + 1)
        return now - self.announce_lookback, today - reach, today + reach


@dataclass(frozen=True)
class Plan:
    due: tuple[Due, ...]
    next_wakeup: datetime | None


def plan(
    now: datetime,
    schedule: Schedule,
    subscriptions: Sequence[Subscription],
    matches: Mapping[int, Sequence[Posting]],
    personal: Sequence[tuple[PersonalReminder, Posting]] = (),
) -> Plan:
    """Everything due at ``now`` (late ones included, stale and superseded ones marked).

    ``matches`` maps a subscription id to the candidate postings its filters match (the store
    does the matching; openness and timing are decided here).
    """
    due: list[Due] = []
    future: list[datetime] = []
    for item in _occurrences(now, schedule, subscriptions, matches, personal):
        if item.key.due_at <= now:
            due.append(item)
        else:
            future.append(item.key.due_at)
    return Plan(due=tuple(_mark_superseded(due)), next_wakeup=min(future, default=None))


def upcoming(
    now: datetime,
    schedule: Schedule,
    subscriptions: Sequence[Subscription],
    matches: Mapping[int, Sequence[Posting]],
    personal: Sequence[tuple[PersonalReminder, Posting]] = (),
    *,
    until: datetime,
) -> list[Due]:
    """What falls due after ``now`` and up to ``until``, soonest first (``herald schedule``)."""
    items = [
        item
        for item in _occurrences(now, schedule, subscriptions, matches, personal, until=until)
        if now < item.key.due_at <= until
    ]
    return sorted(items, key=lambda d: (d.key.due_at, d.key))


def _occurrences(
    now: datetime,
    schedule: Schedule,
    subscriptions: Sequence[Subscription],
    matches: Mapping[int, Sequence[Posting]],
    personal: Sequence[tuple[PersonalReminder, Posting]],
    until: datetime | None = None,
) -> Iterator[Due]:
    today = schedule.today(now)
    seen: set[DeliveryKey] = set()

    def fresh(items: Iterable[Due]) -> Iterator[Due]:
        for item in items:
            if item.key not in seen:  # two subscriptions of one channel: one message
                seen.add(item.key)
                yield item

    for sub in sorted(subscriptions, key=lambda s: s.id):
        if sub.status != "active":
            continue
        for posting in matches.get(sub.id, ()):
            if (
                posting.first_seen is not None
                and posting.first_seen > sub.since
                and posting.first_seen >= now - schedule.announce_lookback
                and posting.is_open(today)
            ):
                key = DeliveryKey(
                    "announce", posting.id, sub.platform, sub.channel, posting.first_seen
                )
                yield from fresh([Due(key, subscription_id=sub.id, posting_id=posting.id)])
            yield from fresh(
                _reminders(
                    "reminder",
                    posting,
                    sub.platform,
                    sub.channel,
                    sub.since,
                    schedule,
                    today,
                    subscription_id=sub.id,
                )
            )
        yield from fresh(_digests(sub, now, schedule, until))
    for reminder, posting in personal:
        if reminder.status != "active" or reminder.posting_id != posting.id:
            continue
        yield from fresh(
            _reminders(
                "personal",
                posting,
                reminder.platform,
                reminder.user,
                reminder.created_at,
                schedule,
                today,
                personal_id=reminder.id,
            )
        )


def _reminders(
    kind: DeliveryKind,
    posting: Posting,
    platform: str,
    target: str,
    since: datetime,
    schedule: Schedule,
    today: date,
    *,
    subscription_id: int | None = None,
    personal_id: int | None = None,
) -> Iterator[Due]:
    if posting.status != "active" or posting.closed or posting.deadline is None:
        return
    known = max(since, posting.first_seen) if posting.first_seen else since
    for offset in schedule.offsets_days:
        when = schedule.reminder_due(posting.deadline, offset)
        if when < known:  # its time came before anyone could have asked for it
            continue
        stale = None
        if today > posting.deadline:
            stale = f"stale: the deadline {posting.deadline.isoformat()} has passed"
        yield Due(
            DeliveryKey(kind, posting.id, platform, target, when),
            subscription_id=subscription_id,
            personal_id=personal_id,
            posting_id=posting.id,
            offset_days=offset,
            skip_reason=stale,
        )


def _digests(
    sub: Subscription, now: datetime, schedule: Schedule, until: datetime | None
) -> Iterator[Due]:
    last = schedule.last_digest(now)
    if last is None:
        return
    subject = f"{DIGEST_SUBJECT}{sub.id}"
    if last >= sub.since:
        stale = None
        if now - last > schedule.digest_grace:
            stale = f"stale: the digest of {last.isoformat()} was missed by more than a day"
        key = DeliveryKey("digest", subject, sub.platform, sub.channel, last)
        yield Due(key, subscription_id=sub.id, skip_reason=stale)
    nxt = last + timedelta(days=7)
    # wall-clock weekly: recompute through the zone so a DST change keeps the local time
    nxt = schedule.at(nxt.astimezone(schedule.tz).date(), schedule.digest_time)
    while True:
        yield Due(DeliveryKey("digest", subject, sub.platform, sub.channel, nxt), sub.id)
        if until is None or nxt > until:
            return
        nxt = schedule.at(
            nxt.astimezone(schedule.tz).date() + timedelta(days=7), schedule.digest_time
        )


def _mark_superseded(due: list[Due]) -> list[Due]:
    """Of several reminders due at once for one posting and target, only the latest is sent."""

    def group(item: Due) -> tuple[str, str, str, str]:
        return (item.key.kind, item.key.subject, item.key.platform, item.key.target)

    latest: dict[tuple[str, str, str, str], datetime] = {}
    for item in due:
        if item.key.kind in ("reminder", "personal") and item.skip_reason is None:
            latest[group(item)] = max(latest.get(group(item), item.key.due_at), item.key.due_at)
    out = []
    for item in due:
        last = latest.get(group(item))
        if item.skip_reason is None and last is not None and item.key.due_at < last:
            item = replace(item, skip_reason="superseded: a later reminder is due as well")
        out.append(item)
    return out


def skip_reason_at_send(
    delivery: Delivery, posting: Posting | None, now: datetime, schedule: Schedule
) -> str | None:
    """Why a planned delivery must not go out after all (checked just before sending)."""
    today = schedule.today(now)
    kind = delivery.key.kind
    if kind == "digest":
        if now - delivery.key.due_at > schedule.digest_grace:
            return "stale: the digest was missed by more than a day"
        return None
    if posting is None:
        return "the posting no longer exists"
    if kind == "announce":
        return None if posting.is_open(today) else "the posting is no longer open"
    if posting.status != "active" or posting.closed:
        return "the posting is closed or withdrawn"
    if posting.deadline is None:
        return "the posting no longer has a deadline"
    if today > posting.deadline:
        return "stale: the deadline has passed"
    offset = delivery.offset_days or 0
    if schedule.reminder_due(posting.deadline, offset) != delivery.key.due_at:
        return "the deadline moved; the reminder for the new deadline replaces this one"
    return None

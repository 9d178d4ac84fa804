"""The scheduler: announcements, reminders and digests sent once, whatever crashes or replicas do.

APScheduler only wakes Herald up (an interval job every ``scheduler_tick_seconds``); the
database decides everything else. Each tick of the lease holder:

0. **settle** — confirms the database refused (it was away when a send succeeded) are
   written first; until they are, the tick does nothing else.
1. **lease** — take or renew the ``scheduler_leases`` row (15 s). Replicas that do not hold
   it do nothing; when the holder dies another one takes over within lease + tick (≤ 20 s
   with the defaults). **Fence:** a claim succeeds only while the claimer's lease runs at
   least ``scheduler_send_timeout_seconds`` (5 s, kept under half the lease) longer, checked
   in the claim's own UPDATE, and the lease is renewed before a send whenever it would not;
   each send (and each look in a history) is cut off after that timeout. So when a lease
   has expired, every send made under it has ended: nobody else can hold it mid-send.
2. **recover** — rows left ``sending`` by anyone but this process's unconfirmed sends are
   over (the fence says so): they go back to ``pending``, marked *in doubt*, with a warning.
3. **plan** — when anything the plan reads changed (postings, subscriptions, reminders, the
   date) or a due time came, ``bot.announce.plan`` says what is due; new keys are inserted
   as ``pending`` (or ``skipped`` with a reason: stale, superseded, logged once). The key
   (kind, subject, platform, target, due_at) is UNIQUE, so planning twice inserts nothing.
4. **send** — one message at a time: *claim* (pending → sending, its own committed
   transaction), *send* through the platform's ``Outbox`` (one attempt, no SDK retries),
   *confirm* (→ sent, its own transaction). Just before sending, each row is checked again
   (posting still open, deadline unchanged, subscription still active); if not, it is
   skipped with the reason. A row *in doubt* (an earlier attempt's outcome is unknown: a
   crash, a timeout, a 5xx, an adapter error) is first looked for on the platform
   (``Outbox.find``: the delivery key rides in Slack message metadata and in Matrix event
   content); found, it is confirmed without sending.
5. **pace** — channels are interleaved and each gets at most one message per
   ``scheduler_channel_interval_seconds`` (1 s; a new leader reads the last posts from the
   ledger); more than ``scheduler_combine_over`` (3) announcements due together for one
   channel go out as combined messages of up to ``MAX_COMBINED``, carrying every key.

**What is guaranteed.** Nothing owed is lost: every due delivery ends ``sent``, or
``skipped``/``failed`` with its reason in the ledger (stale, closed posting, the platform
refused it for good). Each goes out **exactly once**, whatever crashes (SIGKILL at any
moment), replicas, database outages (the confirm waits in memory and is retried; the row is
never re-sent by its own process) or rate limits (one attempt per send; a Retry-After puts
the row back to pending until then and pauses only that channel, in the ledger, for every
replica). The exceptions, each one named:

- the platform cannot tell whether an in-doubt message arrived — Slack without the history
  scopes (``channels:history``, ``groups:history``, ``im:history``) or in a channel it may
  not read, more than ``HISTORY_PAGES`` × ``HISTORY_PAGE`` (5 × 200) messages since, a
  Matrix room Herald cannot read back or where its events are encrypted (the mark is in the
  ciphertext; the transaction id still makes the homeserver drop a repeat from the same
  device): it is sent again (at least once wins over at most once) and the row keeps a
  lasting ``duplicate_warning``, shown by ``herald schedule`` and ``/herald status``;
- a reply long enough to be several messages (a long digest), interrupted between its parts
  by a crash: it counts as found only when every part is there, so it is sent again from
  the top (its first parts twice), flagged the same way if the platform could not tell;
- a request that reaches the platform more than the send timeout after it was sent, and
  after the next attempt (one backoff step, 5 s or more, later) looked and found nothing,
  arrives twice, unflagged; so does a send when replicas' clocks disagree by more than the
  lease's margin (NTP keeps them within milliseconds);
- on Matrix, a repeat from *another* device after a lost answer is caught only by reading
  the room back (the transaction id dedupes per device, for a day on Synapse).

Failures: ``RateLimited`` returns the row to pending for ``retry_after`` and pauses that
channel. ``TransientSendError``, a timeout (and any unexpected adapter exception, logged with
its trace) returns the row to pending in doubt, with exponential backoff (5 s doubling to
15 min), and pauses the platform for as long, so an outage costs one request per backoff
step, not one per channel. ``PermanentSendError`` fails the row and pauses every
subscription of that channel (or cancels the person's reminder) with the reason, logged.

Time is injected: ``tick(now)`` is an ordinary coroutine, ``sleep`` is a parameter; tests run
whole weeks in milliseconds.

Example::

    scheduler = Scheduler(app.store, app.settings, {"slack": slack_adapter}, clock=app.clock)
    await scheduler.start()            # APScheduler calls tick() every few seconds
    report = await scheduler.tick(now) # or drive it directly, as the tests do
    await scheduler.stop()             # finishes the current send, gives the lease up
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.announce import DIGEST_SUBJECT, Schedule, plan, skip_reason_at_send, upcoming
from bot.clock import Clock, system_clock
from bot.commands import Reply
from bot.config import Settings
from bot.delivery import Delivery, Due, Filters, Subscription
from bot.domain import Posting
from bot.outbox import Outbox, PermanentSendError, RateLimited, TransientSendError
from bot.store import Store
from bot.store.deliveries import Deliveries, Lease, PersonalReminders, Planning, Subscriptions
from handlers.announcements import (
    announcement_reply,
    combined_reply,
    digest_reply,
    reminder_reply,
)

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

BACKOFF_BASE = 5.0
BACKOFF_CAP = 900.0
SEND_BATCH = 500
MAX_COMBINED = 10  # announcements listed in one combined message
STOP_TIMEOUT = 30.0
DIGEST_WINDOW = timedelta(days=7)


def backoff(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones: 5, 10, 20 … 15 min."""
    return float(min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(attempts - 1, 0)))


def holder_id() -> str:
    """Unique per process, readable in ``herald schedule``: host, pid, and a random tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass
class TickReport:
    """What one tick did; the tests and the logs read it."""

    leader: bool = False
    planned: bool = False
    recorded: int = 0
    skipped: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    recovered: int = 0
    found: int = 0  # in doubt, found on the platform and confirmed without sending


class Scheduler:
    """Derives due deliveries from the database and sends them through the outboxes."""

    name = "scheduler"

    def __init__(
        self,
        store: Store,
        settings: Settings,
        outboxes: Mapping[str, Outbox],
        *,
        holder: str | None = None,
        clock: Clock = system_clock,
        sleep: Sleep = asyncio.sleep,
        follow: Callable[[datetime], object] | None = None,
    ) -> None:
        self.store = store
        # lease-holder-only work beside sending: fetching git sources (bot.sources.follow)
        self.follow = follow
        self.settings = settings
        self.outboxes = dict(outboxes)
        self.holder = holder or holder_id()
        self.clock = clock
        self.sleep = sleep
        self.schedule = Schedule.from_settings(settings)
        self.ttl = timedelta(seconds=settings.scheduler_lease_seconds)
        # a send must end well inside the lease it was started under (see Deliveries.claim)
        self.send_timeout = min(
            settings.scheduler_send_timeout_seconds, self.ttl.total_seconds() / 2
        )
        self.lease = Lease(store)
        self.ledger = Deliveries(store)
        self.subscriptions = Subscriptions(store)
        self.reminders = PersonalReminders(store)
        self.planning = Planning(store)
        self.is_leader = False
        self._signature: object = None
        self._plan_day: date | None = None
        self._wakeup: datetime | None = None
        self._expires: datetime | None = None  # of the lease, as this replica last wrote it
        self._stopping = False
        # a platform, or (platform, target) for a channel's Retry-After -> no sends before
        self._blocked: dict[str | tuple[str, str], datetime] = {}
        self._cache = _Lookups()
        # delivery id -> when the platform took it, for confirms the database refused
        self._unconfirmed: dict[int, datetime] = {}
        # (platform, target) -> when this replica last posted there (pacing)
        self._last_post: dict[tuple[str, str], datetime] = {}
        self.interval = timedelta(seconds=settings.scheduler_channel_interval_seconds)
        self._aps: AsyncIOScheduler | None = None
        self._task: asyncio.Task[TickReport | None] | None = None

    # --- one tick ---------------------------------------------------------------------------

    async def tick(self, now: datetime | None = None) -> TickReport:
        """Lease, recover, plan, send. ``now`` defaults to the clock; time spent sending is
        added to it as the clock sees it (a fake clock advanced by a fake sleep, in tests)."""
        started = self.clock()
        base = now if now is not None else started

        def current() -> datetime:
            return base + (self.clock() - started)

        report = TickReport()
        if not await self._settle():
            return report  # the database is still away: nothing else can be done either
        if not await self._hold_lease(base):
            return report
        report.leader = True
        for delivery in await asyncio.to_thread(self.ledger.recover, self._unconfirmed, base):
            report.recovered += 1
            logger.warning(
                "delivery %d (%s %s to %s:%s) was claimed by %s and never confirmed; "
                "it is looked for on the platform before it is sent again",
                delivery.id,
                delivery.key.kind,
                delivery.key.subject,
                delivery.key.platform,
                delivery.key.target,
                delivery.claimed_by,
            )
        await asyncio.to_thread(self._plan, base, report)
        await self._send_due(current, report)
        if self.follow is not None:
            await asyncio.to_thread(self.follow, current())
        return report

    async def _hold_lease(self, now: datetime) -> bool:
        held = await asyncio.to_thread(self.lease.acquire, self.holder, now, self.ttl)
        if held and not self.is_leader:
            logger.info("%s now runs the scheduler", self.holder)
            self._signature = None  # whatever the previous holder planned, plan afresh
            # the previous holder's last posts count for pacing too
            recent = await asyncio.to_thread(self.ledger.last_posts, now - self.interval)
            self._last_post.update(recent)
        elif not held and self.is_leader:
            logger.warning("%s lost the scheduler lease", self.holder)
        self.is_leader = held
        self._expires = now + self.ttl if held else None
        return held

    async def _keep_lease(self, now: datetime) -> bool:
        """Renew before a send unless the lease outlives that send (with a margin); False
        when it is lost. The claim checks the same condition in the database."""
        margin = timedelta(seconds=self.send_timeout) + self.ttl / 5
        if self._expires is not None and self._expires - now > margin:
            return True
        return await self._hold_lease(now)

    def _held_until(self, now: datetime) -> datetime:
        """The lease must run at least this long for a send starting ``now``."""
        return now + timedelta(seconds=self.send_timeout)

    # --- planning ---------------------------------------------------------------------------

    def _plan(self, now: datetime, report: TickReport) -> None:
        signature = self.planning.signature()
        today = self.schedule.today(now)
        if (
            signature == self._signature
            and today == self._plan_day
            and (self._wakeup is None or now < self._wakeup)
        ):
            return
        subs = self.subscriptions.active()
        personal = self.reminders.active_with_postings()
        result = plan(now, self.schedule, subs, self._matches(subs, now), personal)
        recorded = self.ledger.record(result.due, now)
        report.planned = True
        report.recorded += len(recorded)
        for item in recorded:
            if item.skip_reason:
                report.skipped += 1
                logger.info("not sending %s: %s", _describe_due(item), item.skip_reason)
        self._signature, self._plan_day, self._wakeup = signature, today, result.next_wakeup

    def _matches(self, subs: Sequence[Subscription], now: datetime) -> dict[int, list[Posting]]:
        """Candidate postings per subscription; one query per distinct set of filters."""
        if not subs:
            return {}
        candidates = self.planning.candidates(*self.schedule.candidate_window(now))
        ids = [p.id for p in candidates]
        groups: dict[Filters, list[int]] = {}
        for sub in subs:
            groups.setdefault(sub.filters, []).append(sub.id)
        matches: dict[int, list[Posting]] = {}
        for filters, members in groups.items():
            found = self.planning.matching_ids(filters, ids, self.schedule.today(now))
            matched = [p for p in candidates if p.id in found]
            for sub_id in members:
                matches[sub_id] = matched
        return matches

    def upcoming(self, now: datetime, until: datetime) -> list[Due]:
        """What falls due after ``now`` up to ``until`` (for ``herald schedule``)."""
        subs = self.subscriptions.active()
        today = self.schedule.today(now)
        since, _start, _end = self.schedule.candidate_window(now)
        horizon = self.schedule.today(until) + timedelta(days=self.schedule.max_offset + 1)
        candidates = self.planning.candidates(since, self.schedule.today(now), horizon)
        ids = [p.id for p in candidates]
        matches = {
            sub.id: [
                p for p in candidates if p.id in self.planning.matching_ids(sub.filters, ids, today)
            ]
            for sub in subs
        }
        personal = self.reminders.active_with_postings()
        return upcoming(now, self.schedule, subs, matches, personal, until=until)

    # --- sending ----------------------------------------------------------------------------

    async def _send_due(self, current: Callable[[], datetime], report: TickReport) -> None:
        """Claim, send, confirm — one message at a time, so at most one is ever in doubt;
        channels interleaved, each paced to one message per ``scheduler_channel_interval``."""
        blocked = self._blocked
        attempted: set[int] = set()
        while not self._stopping:
            now = current()
            open_platforms = {p for p in self.outboxes if self._open(p, None, now)}
            batch = await asyncio.to_thread(self.ledger.claimable, open_platforms, now, SEND_BATCH)
            batch = [d for d in batch if d.id not in attempted]
            if not batch:
                return
            attempted.update(d.id for d in batch)
            self._cache = _Lookups()  # one batch shares its reads of subscriptions and postings
            queues = self._queues(batch)
            while queues and not self._stopping:
                # the channel free soonest; among those free now, the one owed the oldest
                now = current()
                target = min(
                    queues, key=lambda t: (max(self._ready_at(t), now), queues[t][0][0].id)
                )
                group = queues[target].pop(0)
                if not queues[target]:
                    del queues[target]
                wait = (self._ready_at(target) - current()).total_seconds()
                if wait > 0:
                    await self.sleep(wait)  # every channel with work is paced: the soonest
                now = current()
                if not self._open(*target, now):
                    continue  # a Retry-After or an outage came meanwhile; it stays pending
                if not await self._keep_lease(now):
                    return
                owned = await asyncio.to_thread(
                    self.ledger.claim_many,
                    [d.id for d in group],
                    self.holder,
                    now,
                    self._held_until(now),
                )
                claimed = [d for d in group if d.id in owned]
                if claimed:
                    self._last_post[target] = current()
                    await self._deliver(claimed, current, report, blocked)
                    self._last_post[target] = current()
                if self._unconfirmed:
                    return  # the database refused a confirm: send nothing more until it is back

    def _queues(self, batch: Sequence[Delivery]) -> dict[tuple[str, str], list[list[Delivery]]]:
        """What each target is owed, as messages: more than ``scheduler_combine_over``
        announcements due together make combined messages (up to ``MAX_COMBINED`` each)."""
        by_target: dict[tuple[str, str], list[Delivery]] = {}
        for delivery in batch:
            by_target.setdefault((delivery.key.platform, delivery.key.target), []).append(delivery)
        queues: dict[tuple[str, str], list[list[Delivery]]] = {}
        for target, deliveries in by_target.items():
            news = [d for d in deliveries if d.key.kind == "announce"]
            groups = [[d] for d in deliveries if d.key.kind != "announce"]
            if len(news) > self.settings.scheduler_combine_over:
                count = -(-len(news) // MAX_COMBINED)
                size = -(-len(news) // count)  # even parts: 12 make 6 + 6, not 10 + 2
                groups += [news[i : i + size] for i in range(0, len(news), size)]
            else:
                groups += [[d] for d in news]
            queues[target] = sorted(groups, key=lambda g: (g[0].key.due_at, g[0].id))
        return queues

    def _ready_at(self, target: tuple[str, str]) -> datetime:
        """When ``target`` may get its next message: Slack takes about one per second per
        channel, and people read a channel better when it is not flooded."""
        last = self._last_post.get(target)
        if last is None:
            return datetime.min.replace(tzinfo=UTC)
        return last + self.interval

    def _open(self, platform: str, target: str | None, now: datetime) -> bool:
        """Neither the platform (an outage's backoff) nor the channel (its Retry-After) waits."""
        if self._blocked.get(platform, now) > now:
            return False
        return target is None or self._blocked.get((platform, target), now) <= now

    async def _deliver(
        self,
        group: list[Delivery],
        current: Callable[[], datetime],
        report: TickReport,
        blocked: dict[str | tuple[str, str], datetime],
    ) -> None:
        """Send claimed deliveries to one target as one message; record every outcome, so
        none is left "sending" (except a confirm the database refused, kept in memory)."""
        platform, target = group[0].key.platform, group[0].key.target
        outbox = self.outboxes[platform]
        ids = [d.id for d in group]
        unchecked: list[Delivery] = []
        try:
            checked = await self._not_yet_there(outbox, group, current, report)
            if checked is None:
                return
            group, unchecked = checked
            message, group = await self._message(group, current(), report)
            if message is None:
                return
            ids = [d.id for d in group]
            if not await self._keep_lease(current()):  # the fence, right before the send
                await asyncio.to_thread(self.ledger.release, ids, self.holder)
                return
            keys = [d.key.token for d in group]
            # one attempt: a retry inside the send could post twice and outlive the lease
            await asyncio.wait_for(outbox.send(target, message, keys), self.send_timeout)
        except RateLimited as exc:
            # nothing was posted; only this channel waits, the others keep flowing
            at = current() + timedelta(seconds=max(exc.retry_after, 0.0))
            logger.info("%s:%s asks to wait %.1f s", platform, target, exc.retry_after)
            for delivery_id in ids:
                await asyncio.to_thread(self.ledger.retry_later, delivery_id, at, str(exc))
            blocked[(platform, target)] = at
            report.retried += len(ids)
        except (TransientSendError, TimeoutError) as exc:
            error = str(exc) or f"no answer within {self.send_timeout:g} s"
            at = current() + timedelta(seconds=backoff(group[0].attempts + 1))
            logger.warning("sending to %s:%s failed (%s); retry at %s", platform, target, error, at)
            await self._retry(group, at, error, blocked, report)
        except PermanentSendError as exc:
            for delivery in group:
                await self._give_up(delivery, str(exc) or type(exc).__name__, current(), report)
        except Exception as exc:
            # an adapter bug must not lose the message: retried like a transient error
            logger.exception("outbox %s raised unexpectedly", platform)
            at = current() + timedelta(seconds=backoff(group[0].attempts + 1))
            await self._retry(group, at, repr(exc), blocked, report)
        else:
            await self._sent(group, unchecked, platform, current(), report)

    async def _not_yet_there(
        self,
        outbox: Outbox,
        group: list[Delivery],
        current: Callable[[], datetime],
        report: TickReport,
    ) -> tuple[list[Delivery], list[Delivery]] | None:
        """Deliveries whose last send had no known outcome are looked for on the platform
        first; the ones found are confirmed without sending. (What to send, what of it could
        not be checked), or None when nothing is left to send."""
        doubtful = [d for d in group if d.in_doubt]
        if not doubtful:
            return group, []
        found = await self._look(outbox, doubtful)
        if found is None:
            return group, doubtful  # sent again; marked as maybe twice
        for delivery in doubtful:
            if delivery.key.token in found:
                key = delivery.key
                logger.info(
                    "delivery %d is already on %s:%s; confirmed without sending",
                    delivery.id,
                    key.platform,
                    key.target,
                )
                self._unconfirmed[delivery.id] = current()
                report.found += 1
        group = [d for d in group if d.id not in self._unconfirmed]
        if not await self._settle() or not group:
            return None
        return group, []

    async def _sent(
        self,
        group: list[Delivery],
        unchecked: list[Delivery],
        platform: str,
        now: datetime,
        report: TickReport,
    ) -> None:
        for delivery in unchecked:
            note = (
                f"may have been sent twice: attempt {delivery.attempts + 1} followed one "
                f"whose outcome was unknown, and {platform} could not tell whether it "
                "had arrived"
            )
            logger.warning("delivery %d %s", delivery.id, note)
            await asyncio.to_thread(self.ledger.warn_duplicate, delivery.id, note)
        for delivery in group:
            self._unconfirmed[delivery.id] = now
        report.sent += len(group)
        await self._settle()

    async def _look(self, outbox: Outbox, doubtful: Sequence[Delivery]) -> set[str] | None:
        """Which of these reached their target in an earlier attempt (None: cannot tell)."""
        # the platform's clock and ours may differ a little: look a bit further back
        since = min(d.created_at for d in doubtful) - timedelta(minutes=5)
        tokens = {d.key.token for d in doubtful}
        target = doubtful[0].key.target
        return await asyncio.wait_for(outbox.find(target, tokens, since), self.send_timeout)

    async def _message(
        self, group: list[Delivery], now: datetime, report: TickReport
    ) -> tuple[Reply | None, list[Delivery]]:
        """The message for claimed deliveries, after skipping those that must not go out."""
        kept: list[tuple[Delivery, Reply]] = []
        for delivery in group:
            try:
                message = await asyncio.to_thread(self._compose, delivery, now)
            except Exception as exc:
                logger.exception("composing delivery %d failed", delivery.id)
                at = now + timedelta(seconds=backoff(delivery.attempts + 1))
                await asyncio.to_thread(self.ledger.retry_later, delivery.id, at, repr(exc))
                report.retried += 1
                continue
            if isinstance(message, str):
                await asyncio.to_thread(self.ledger.skip, delivery.id, message)
                report.skipped += 1
                logger.info("not sending delivery %d: %s", delivery.id, message)
                continue
            kept.append((delivery, message))
        if not kept:
            return None, []
        if len(kept) == 1:
            return kept[0][1], [kept[0][0]]
        postings = [reply.postings[0] for _, reply in kept]
        today = self.schedule.today(now)
        combined = combined_reply(postings, today, freshness=self.settings.freshness)
        return combined, [d for d, _ in kept]

    async def _retry(
        self,
        group: Sequence[Delivery],
        at: datetime,
        error: str,
        blocked: dict[str | tuple[str, str], datetime],
        report: TickReport,
    ) -> None:
        """Tried again from ``at``; the attempt may have reached the platform (in doubt)."""
        for delivery in group:
            await asyncio.to_thread(self.ledger.retry_later, delivery.id, at, error, in_doubt=True)
        blocked[group[0].key.platform] = at
        report.retried += len(group)

    async def _settle(self) -> bool:
        """Write the confirms of sends that succeeded; True when none is left.

        A send the platform took is a fact the database must learn, however long it is
        away: until it does, the confirm stays in memory, is retried first thing every
        tick, and its row is never recovered or re-sent by this process.
        """
        by_time: dict[datetime, list[int]] = {}
        for delivery_id, at in self._unconfirmed.items():
            by_time.setdefault(at, []).append(delivery_id)
        for at, ids in sorted(by_time.items()):
            try:
                await asyncio.to_thread(self.ledger.confirm_many, ids, at)
            except Exception as exc:
                logger.warning(
                    "deliveries %s were sent but their confirm failed (%s); retrying the "
                    "confirm, they will not be sent again",
                    ", ".join(str(i) for i in sorted(ids)),
                    exc,
                )
                return False
            for delivery_id in ids:
                del self._unconfirmed[delivery_id]
        return True

    async def _give_up(
        self, delivery: Delivery, reason: str, now: datetime, report: TickReport
    ) -> None:
        await asyncio.to_thread(self.ledger.fail, delivery.id, reason)
        report.failed += 1
        key = delivery.key
        if delivery.personal_id is not None:
            await asyncio.to_thread(self.reminders.cancel, delivery.personal_id, reason, now)
            logger.warning(
                "cannot reach %s:%s (%s); reminder cancelled", key.platform, key.target, reason
            )
            return
        paused = await asyncio.to_thread(
            self.subscriptions.pause_target, key.platform, key.target, reason, now
        )
        logger.warning(
            "cannot post to %s:%s (%s); paused subscriptions %s",
            key.platform,
            key.target,
            reason,
            ", ".join(f"#{i}" for i in paused) or "(none active)",
        )

    def _compose(self, delivery: Delivery, now: datetime) -> Reply | str:
        """The message for a claimed delivery, or why it must not go out after all."""
        today = self.schedule.today(now)
        cache = self._cache
        sub = None
        if delivery.subscription_id is not None:
            sub = cache.subscription(self.subscriptions, delivery.subscription_id)
            if sub is None or sub.status != "active":
                state = sub.status if sub else "gone"
                return f"subscription #{delivery.subscription_id} is {state}"
        if delivery.personal_id is not None:
            reminder = self.reminders.get(delivery.personal_id)
            if reminder is None or reminder.status != "active":
                return "the personal reminder was cancelled"
        posting = cache.posting(self.store, delivery.posting_id) if delivery.posting_id else None
        reason = skip_reason_at_send(delivery, posting, now, self.schedule)
        if reason is not None:
            return reason
        kind = delivery.key.kind
        label = f"`/jobs {sub.filters_text}`" if sub and sub.filters_text else ""
        if kind == "digest":
            if sub is None or not delivery.key.subject.startswith(DIGEST_SUBJECT):
                return "a digest without its subscription"
            due = delivery.key.due_at
            fresh, closing = self.planning.digest(
                sub.filters, due - DIGEST_WINDOW, due, today, today + timedelta(days=7)
            )
            digest = digest_reply(fresh, closing, today, label, freshness=self.settings.freshness)
            return digest or "nothing new or closing this week"
        assert posting is not None
        if kind == "announce":
            return announcement_reply(posting, today, label, freshness=self.settings.freshness)
        return reminder_reply(
            posting, today, personal=kind == "personal", freshness=self.settings.freshness
        )

    # --- APScheduler wiring -----------------------------------------------------------------

    async def start(self) -> None:
        """Wake up every ``scheduler_tick_seconds``; the first tick runs at once."""
        self._stopping = False
        # APScheduler logs every run of the job at INFO; a tick every few seconds is no news
        logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)
        self._aps = AsyncIOScheduler(timezone=UTC)
        self._aps.add_job(
            self._wake,
            IntervalTrigger(seconds=self.settings.scheduler_tick_seconds, timezone=UTC),
            id="herald-scheduler-tick",
            next_run_time=self.clock(),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        self._aps.start()
        logger.info(
            "scheduler %s started (tick %.1f s, lease %.0f s)",
            self.holder,
            self.settings.scheduler_tick_seconds,
            self.ttl.total_seconds(),
        )

    async def _wake(self) -> None:
        # a fan-out may outlast the interval; the next wake-up then simply finds it running
        if self._stopping:
            return  # a wake-up already queued when stop() came must not take the lease again
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._safe_tick())

    async def _safe_tick(self) -> TickReport | None:
        try:
            report = await self.tick()
        except Exception:
            logger.exception("scheduler tick failed; the next one tries again")
            return None
        if report.sent or report.retried or report.failed or report.recovered:
            logger.info("scheduler tick: %s", report)
        return report

    async def stop(self) -> None:
        """Let the current send finish (claims are never abandoned on purpose), then give
        the lease up so another replica takes over at once."""
        self._stopping = True
        if self._aps is not None and self._aps.running:
            self._aps.shutdown(wait=False)
        if self._task is not None and not self._task.done():
            try:
                await asyncio.wait_for(asyncio.shield(self._task), STOP_TIMEOUT)
            except TimeoutError:
                logger.warning("the scheduler tick did not finish in %.0f s", STOP_TIMEOUT)
        if not await self._settle():
            logger.error(
                "stopping with sent deliveries unconfirmed (%s): the next lease holder "
                "finds them on the platform and confirms them",
                ", ".join(str(i) for i in sorted(self._unconfirmed)),
            )
        elif self.is_leader:
            await asyncio.to_thread(self.lease.release, self.holder, self.clock())
            self.is_leader = False


@dataclass
class _Lookups:
    """Reads shared by one batch of sends (a fan-out asks for one posting 500 times)."""

    subscriptions: dict[int, Subscription | None] = field(default_factory=dict)
    postings: dict[str, Posting | None] = field(default_factory=dict)

    def subscription(self, repo: Subscriptions, subscription_id: int) -> Subscription | None:
        if subscription_id not in self.subscriptions:
            self.subscriptions[subscription_id] = repo.get(subscription_id)
        return self.subscriptions[subscription_id]

    def posting(self, store: Store, posting_id: str) -> Posting | None:
        if posting_id not in self.postings:
            self.postings[posting_id] = store.get_posting(posting_id)
        return self.postings[posting_id]


def _describe_due(item: Due) -> str:
    key = item.key
    return f"{key.kind} {key.subject} to {key.platform}:{key.target} due {key.due_at.isoformat()}"


def describe(delivery: Delivery) -> dict[str, Any]:
    """One ledger row as plain values, for ``herald schedule``."""
    key = delivery.key
    return {
        "id": delivery.id,
        "kind": key.kind,
        "subject": key.subject,
        "to": f"{key.platform}:{key.target}",
        "due": key.due_at.isoformat(),
        "status": delivery.status,
        "attempts": delivery.attempts,
        "next_attempt": delivery.next_attempt_at.isoformat(),
        "sent": delivery.sent_at.isoformat() if delivery.sent_at else None,
        "claimed_by": delivery.claimed_by,
        "claimed_at": delivery.claimed_at.isoformat() if delivery.claimed_at else None,
        "in_doubt": delivery.in_doubt,
        "maybe_sent_twice": delivery.duplicate_warning,
        "note": delivery.last_error,
    }

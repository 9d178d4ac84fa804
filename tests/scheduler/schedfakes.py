"""Fakes and builders for the scheduler tests: a settable clock, a recording outbox whose
failures are scripted, and postings saved through the real store.

The outbox is a fake, not a mock: it records what would have reached a channel, and raises
the errors an adapter raises, so tests assert on messages received, not on calls made.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.app import database_context
from bot.commands import Context, Reply, Request
from bot.config import Settings
from bot.delivery import Filters, Subscription
from bot.domain import ParsedDocument, PostingDraft
from bot.scheduler import Scheduler
from bot.store import Store
from bot.store.deliveries import Subscriptions

# Monday 23 November 2026, 06:00 UTC: before the 09:00 reminders and digests of that day.
MONDAY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves; ``sleep`` advances it instead of waiting."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


@dataclass
class FakeOutbox:
    """Records every message that reached a target; ``fail`` scripts errors per target.

    It keeps the Outbox contract: each message carries its delivery keys and ``find`` answers
    from what reached the target (None when ``history`` is off: a platform that cannot tell).
    ``fail_after_posting`` scripts an error raised once the message is posted (a 500 after
    Slack posted, an answer lost on the way back).
    """

    name: str = "slack"
    sent: list[tuple[str, Reply]] = field(default_factory=list)
    attempts: list[str] = field(default_factory=list)
    failures: dict[str, list[BaseException]] = field(default_factory=dict)
    after_posting: dict[str, list[BaseException]] = field(default_factory=dict)
    on_send: Callable[[str], None] | None = None
    marks: dict[str, set[str]] = field(default_factory=dict)
    history: bool = True
    lookups: int = 0

    def fail(self, target: str, *errors: BaseException) -> None:
        self.failures.setdefault(target, []).extend(errors)

    def fail_after_posting(self, target: str, *errors: BaseException) -> None:
        self.after_posting.setdefault(target, []).extend(errors)

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        self.attempts.append(target)
        await asyncio.sleep(0)
        script = self.failures.get(target) or self.failures.get("*")
        if script:
            raise script.pop(0)
        self.sent.append((target, reply))
        self.marks.setdefault(target, set()).update(keys)
        if self.on_send is not None:
            self.on_send(target)
        script = self.after_posting.get(target) or self.after_posting.get("*")
        if script:
            raise script.pop(0)

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        self.lookups += 1
        await asyncio.sleep(0)
        if not self.history:
            return None
        return set(keys) & self.marks.get(target, set())

    def to(self, target: str) -> list[Reply]:
        return [reply for t, reply in self.sent if t == target]

    def counts(self) -> Counter[str]:
        return Counter(t for t, _ in self.sent)


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": "sqlite:///:memory:",
        "timezone": "UTC",
        "digest_weekday": None,  # digests have their own tests
    }
    values.update(overrides)
    return Settings(**values)


def posting_doc(
    slug: str,
    *,
    title: str | None = None,
    deadline: date | None = None,
    organization: str | None = "Example Archive",
    remote: bool | None = None,
    closed: bool = False,
    body: str = "",
) -> ParsedDocument:
    """One file with one posting; the hash follows the content, as a real file's would."""
    draft = PostingDraft(
        slug=slug,
        title=title or f"Archivist {slug}",
        organization=organization,
        location="Leiden",
        remote=remote,
        deadline=deadline,
        closed=closed,
        contacts=("jobs@example.org",),
        body=body or f"The {organization} seeks an archivist.",
    )
    digest = hashlib.sha256(repr(draft).encode()).hexdigest()
    return ParsedDocument(
        source=f"postings/{slug}.md",
        content_hash=digest,
        kind="job",
        title=draft.title,
        organization=organization,
        postings=(draft,),
    )


def publish(store: Store, now: datetime, *docs: ParsedDocument) -> None:
    store.save_documents(list(docs), now)


def subscribe(
    store: Store,
    channel: str,
    now: datetime,
    filters: Filters | None = None,
    text: str = "",
    platform: str = "slack",
) -> Subscription:
    sub, _ = Subscriptions(store).add(platform, channel, text, filters or Filters(), "U1", now)
    return sub


def scheduler(
    store: Store, outbox: FakeOutbox, clock: Clock, holder: str = "replica-a", **overrides: Any
) -> Scheduler:
    return Scheduler(
        store,
        settings(**overrides),
        {outbox.name: outbox},
        holder=holder,
        clock=clock,
        sleep=clock.sleep,
    )


def tick(s: Scheduler, now: datetime | None = None) -> Any:
    return asyncio.run(s.tick(now))


def context(
    store: Store,
    now: datetime,
    *,
    platform: str = "slack",
    channel: str = "C1",
    user: str = "U1",
    **overrides: Any,
) -> Context:
    request = Request(platform, user, channel, "jobs")  # type: ignore[arg-type]
    return database_context(store, settings(**overrides), now, request)

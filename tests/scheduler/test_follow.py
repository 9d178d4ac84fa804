"""Git sources are fetched by the scheduler's lease holder only (Scheduler's ``follow``)."""

from __future__ import annotations

from datetime import datetime

from schedfakes import MONDAY, Clock, FakeOutbox, settings, tick

from bot.scheduler import Scheduler
from bot.store import Store


def test_only_the_lease_holder_follows_the_sources(store: Store) -> None:
    clock = Clock(MONDAY)
    followed: list[tuple[str, datetime]] = []

    def replica(name: str) -> Scheduler:
        return Scheduler(
            store,
            settings(),
            {"slack": FakeOutbox()},
            holder=name,
            clock=clock,
            sleep=clock.sleep,
            follow=lambda now: followed.append((name, now)),
        )

    a, b = replica("replica-a"), replica("replica-b")
    tick(a)
    tick(b)  # the lease is a's
    assert [name for name, _ in followed] == ["replica-a"]
    clock.advance(seconds=60)  # a is gone: its lease ran out, b takes over
    tick(b)
    assert [name for name, _ in followed] == ["replica-a", "replica-b"]

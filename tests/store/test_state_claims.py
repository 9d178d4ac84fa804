"""Claims in the state table: one winner per key, across connections, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from bot.store import Store
from bot.store.state import StateStore

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def test_a_key_is_claimed_once(store: Store) -> None:
    state = StateStore(store)
    key = f"test:claim:{uuid.uuid4()}"  # PostgreSQL tests share one database
    assert state.claim(key, NOW) is True
    assert state.claim(key, NOW) is False
    assert state.claim(key, NOW + timedelta(minutes=5)) is False


def test_concurrent_claims_have_exactly_one_winner(store: Store) -> None:
    state = StateStore(store)
    keys = [f"test:race:{uuid.uuid4()}" for _ in range(5)]
    with ThreadPoolExecutor(8) as pool:
        won = list(pool.map(lambda k: state.claim(k, NOW), [k for k in keys for _ in range(8)]))
    assert sum(won) == len(keys)


def test_old_claims_are_forgotten_by_prefix_only(store: Store) -> None:
    state = StateStore(store)
    run = uuid.uuid4().hex
    old, fresh = f"test:{run}_ev:old", f"test:{run}_ev:fresh"
    lookalike = f"test:{run}xev:old"  # "_" must not match any character
    state.claim(old, NOW - timedelta(hours=2))
    state.claim(lookalike, NOW - timedelta(hours=2))
    state.claim(fresh, NOW)
    assert state.forget(f"test:{run}_ev:", NOW - timedelta(hours=1)) == 1
    assert state.claim(old, NOW) is True  # forgotten, so it can be claimed again
    assert state.claim(fresh, NOW) is False
    assert state.claim(lookalike, NOW) is False

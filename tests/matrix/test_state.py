"""The state table keeps small values across restarts, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.state import StateStore


def test_get_set_overwrite_delete(store: Store) -> None:
    state = StateStore(store)
    key = f"test:{uuid.uuid4()}"  # PostgreSQL tests share one database
    assert state.get(key) is None
    state.set(key, "s1_2_3")
    assert state.get(key) == "s1_2_3"
    state.set(key, "s9_9_9")
    assert state.get(key) == "s9_9_9"
    other = f"test:{uuid.uuid4()}"
    state.set(other, "x" * 10_000)
    assert state.get(other) == "x" * 10_000
    state.delete(key)
    assert state.get(key) is None
    assert state.get(other) == "x" * 10_000


@pytest.mark.parametrize("key", ["", "k" * 201])
def test_keys_are_bounded(store: Store, key: str) -> None:
    with pytest.raises(ValueError, match="1 to 200"):
        StateStore(store).set(key, "v")


def test_a_value_survives_reopening(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    first = Store.open(url)
    first.upgrade()
    StateStore(first).set("matrix:@h:x.org:next_batch", "s42")
    first.close()
    again = Store.open(url)
    try:
        assert StateStore(again).get("matrix:@h:x.org:next_batch") == "s42"
    finally:
        again.close()

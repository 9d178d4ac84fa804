"""The last list shown in each conversation, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.domain import Conversation, ShownList
from bot.store import Store
from bot.store.shown import REMEMBERED_FOR, ShownLists
from bot.store.state import StateStore, state_table

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def test_a_list_is_recalled_by_whom_and_where_it_was_shown_for_half_an_hour(
    store: Store,
) -> None:
    lists = ShownLists(store)
    shown = ShownList(("kelp-curator", "tern-developer"), "jobs remote page 2")
    lists.remember(Conversation("slack", "C1", "", "U1"), shown, NOW)
    assert lists.recall(Conversation("slack", "C1", "", "U1"), NOW + REMEMBERED_FOR) == shown
    assert (
        lists.recall(
            Conversation("slack", "C1", "", "U1"), NOW + REMEMBERED_FOR + timedelta(seconds=1)
        )
        is None
    )
    assert lists.recall(Conversation("slack", "C1", "", "U2"), NOW) is None  # another person
    assert lists.recall(Conversation("slack", "C2", "", "U1"), NOW) is None  # another channel
    assert lists.recall(Conversation("matrix", "C1", "", "U1"), NOW) is None  # another platform


def test_a_thread_without_a_list_follows_the_channels(store: Store) -> None:
    """ "Reply in thread" under Herald's list opens a thread that has shown nothing yet."""
    lists = ShownLists(store)
    lists.remember(Conversation("matrix", "!r:x.org", "", "@ann:x.org"), ShownList(("a",)), NOW)
    under = Conversation("matrix", "!r:x.org", "$answer", "@ann:x.org")
    assert lists.recall(under, NOW) == ShownList(("a",))
    lists.remember(under, ShownList(("b",)), NOW)
    assert lists.recall(under, NOW) == ShownList(("b",))
    assert lists.recall(replace(under, thread=""), NOW) == ShownList(("a",))


def test_each_thread_keeps_its_own_list(store: Store) -> None:
    lists = ShownLists(store)
    lists.remember(Conversation("slack", "C1", "", "U1"), ShownList(("in-the-channel",)), NOW)
    lists.remember(Conversation("slack", "C1", "1717.0001", "U1"), ShownList(("in-a-thread",)), NOW)
    assert lists.recall(Conversation("slack", "C1", "", "U1"), NOW) == ShownList(
        ("in-the-channel",)
    )
    assert lists.recall(Conversation("slack", "C1", "1717.0001", "U1"), NOW) == ShownList(
        ("in-a-thread",)
    )


def test_a_new_list_replaces_the_last_and_no_ones_id_is_written(store: Store) -> None:
    lists = ShownLists(store)
    lists.remember(
        Conversation("matrix", "!room:x.org", "", "@ann:x.org"), ShownList(("a", "b")), NOW
    )
    lists.remember(
        Conversation("matrix", "!room:x.org", "", "@ann:x.org"), ShownList(("c",), None), NOW
    )
    assert lists.recall(Conversation("matrix", "!room:x.org", "", "@ann:x.org"), NOW) == ShownList(
        ("c",), None
    )
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT key, value FROM state").all()
    assert rows and not any("ann" in key or "room" in key or "ann" in v for key, v in rows)


def test_a_value_that_cannot_be_read_is_forgotten_not_raised(store: Store) -> None:
    lists = ShownLists(store)
    lists.remember(Conversation("console", "console", "", "console"), ShownList(("a", "b")), NOW)
    with store.engine.connect() as connection:
        (key,) = connection.exec_driver_sql("SELECT key FROM state").one()
    StateStore(store).set(key, "{not json")
    assert lists.recall(Conversation("console", "console", "", "console"), NOW) is None


def test_lists_no_one_can_follow_are_deleted_now_and_then(store: Store) -> None:
    lists = ShownLists(store)
    now = datetime.now(UTC)  # the state table dates its rows by the database's clock
    lists.remember(Conversation("slack", "C1", "", "U1"), ShownList(("a", "b")), now)
    with store.engine.begin() as connection:
        connection.execute(update(state_table).values(updated=now - 2 * REMEMBERED_FOR))
    ShownLists._pruned = None  # as in a process that has not pruned yet
    lists.remember(Conversation("slack", "C1", "", "U2"), ShownList(("c", "d")), now)
    lists.remember(
        Conversation("slack", "C1", "", "U3"), ShownList(("e", "f")), now
    )  # pruned just now: kept
    with store.engine.connect() as connection:
        kept = connection.exec_driver_sql("SELECT count(*) FROM state").scalar()
    assert kept == 2
    assert lists.recall(Conversation("slack", "C1", "", "U1"), now) is None
    assert lists.recall(Conversation("slack", "C1", "", "U2"), now) == ShownList(("c", "d"))

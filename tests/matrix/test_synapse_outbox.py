"""Herald's Outbox on a real Synapse: refusals become the scheduler's errors, a personal
reminder reaches the person in a direct room (found again, never duplicated), and a stored
sync token the homeserver refuses does not stop Herald from starting.
"""

from __future__ import annotations

import asyncio
import logging
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.commands import Reply
from bot.outbox import PermanentSendError
from bot.platforms.matrix import MatrixAdapter, state_key
from bot.scheduler import Scheduler
from bot.store.deliveries import Deliveries, PersonalReminders
from bot.store.state import StateStore

from .harness import Person, content_of, make_adapter, replies_to, run
from .synapse import Account, SynapseServer

DATACITE = "datacite-technical-community-manager"  # deadline 2022-02-07 in the seeds


def direct_rooms(synapse: SynapseServer, account: Account) -> dict[str, list[str]]:
    user = urllib.parse.quote(account.user_id)
    path = f"/_matrix/client/v3/user/{user}/account_data/m.direct"
    answer: dict[str, list[str]] = synapse.request("GET", path, token=account.access_token)
    return answer


async def accept_invite(person: Person, timeout: float = 15.0) -> str:
    """Wait for an invite, join the room, and return its id."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not person.client.invited_rooms:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("no invite arrived")
        await person.poll(timeout_ms=500)
    room_id = next(iter(person.client.invited_rooms))
    await person.client.join(room_id)
    return room_id


def test_refusals_are_permanent_for_the_scheduler(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]

    async def scenario() -> None:
        adapter = make_adapter(app_factory(), synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice:
                not_invited = await alice.create_room()
                for target in (not_invited, "!nosuchroom:localhost"):
                    with pytest.raises(
                        PermanentSendError, match="Herald may not post in this room"
                    ):
                        await adapter.send(target, Reply(text="announcement"))
                with pytest.raises(PermanentSendError):
                    await adapter.send("@nobody-here:localhost", Reply(text="reminder"))
        finally:
            await adapter.stop()

    run(scenario)


def test_a_reminder_to_a_person_opens_one_direct_room_and_reuses_it(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice:
                await adapter.send(human.user_id, Reply(text="first reminder"))
                room = await accept_invite(alice)
                first = await alice.wait_for(
                    lambda e: content_of(e).get("body") == "first reminder", room_id=room
                )
                await adapter.send(human.user_id, Reply(text="second reminder"))
                await alice.wait_for(
                    lambda e: content_of(e).get("body") == "second reminder", room_id=room
                )
                assert first.sender == bot.user_id
                assert direct_rooms(synapse, bot) == {human.user_id: [room]}
                members = await alice.client.joined_members(room)
                assert sorted(m.user_id for m in members.members) == sorted(
                    [bot.user_id, human.user_id]
                )
                # the person leaves: the next reminder comes in a new room, not into the void
                await alice.client.room_leave(room)
                await adapter.send(human.user_id, Reply(text="third reminder"))
                alice.client.invited_rooms.clear()
                second_room = await accept_invite(alice)
                assert second_room != room
                await alice.wait_for(
                    lambda e: content_of(e).get("body") == "third reminder", room_id=second_room
                )
                assert direct_rooms(synapse, bot)[human.user_id][-1] == second_room
        finally:
            await adapter.stop()

    run(scenario)


def test_the_scheduler_delivers_a_personal_reminder_by_direct_message(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    created = datetime(2022, 2, 1, 12, 0, tzinfo=UTC)
    PersonalReminders(app.store).add("matrix", human.user_id, DATACITE, created)
    # the one-day reminder before the 2022-02-07 deadline is due on 2022-02-06 at 09:00 UTC
    now = datetime(2022, 2, 6, 9, 1, tzinfo=UTC)
    scheduler = Scheduler(
        app.store, app.settings, {}, holder="test", clock=lambda: now, sleep=asyncio.sleep
    )

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        scheduler.outboxes["matrix"] = adapter
        try:
            async with Person(synapse.url, human) as alice:
                report = await scheduler.tick(now)
                assert report.sent == 1, report
                room = await accept_invite(alice)
                reminder = await alice.wait_for(
                    lambda e: "Technical Community Manager" in content_of(e).get("body", ""),
                    room_id=room,
                )
                assert "closes tomorrow" in content_of(reminder)["body"]
                again = await scheduler.tick(now + timedelta(minutes=5))
                assert again.sent == 0
        finally:
            await adapter.stop()
        assert [d.status for d in Deliveries(app.store).all()] == ["sent"]

    run(scenario)


def test_a_refused_sync_token_means_a_fresh_start(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    StateStore(app.store).set(state_key(bot.user_id, "next_batch"), "s12345_not_a_token")
    caplog.set_level(logging.WARNING, logger="bot.platforms.matrix")

    async def scenario() -> None:
        async with Person(synapse.url, human) as alice:
            room = await alice.create_room(invite=[bot.user_id, accounts["stranger"].user_id])
            synapse.request(
                "POST",
                f"/_matrix/client/v3/join/{urllib.parse.quote(room)}",
                {},
                token=bot.access_token,
            )
            old = await alice.say(room, "!jobs remote")  # before Herald runs: history
            adapter: MatrixAdapter = make_adapter(app, synapse.url, bot)
            await adapter.start()
            try:
                fresh = await alice.say(room, "!help")
                await alice.wait_for(lambda e: replies_to(e, fresh))
                await alice.settle(0.3)
            finally:
                await adapter.stop()
            assert alice.replies(old) == []
        token = StateStore(app.store).get(state_key(bot.user_id, "next_batch"))
        assert token and token != "s12345_not_a_token"

    run(scenario)
    assert "refused the stored sync token" in caplog.text


def test_scheduled_messages_are_marked_found_again_and_taken_once_per_device(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    keys = ["herald-0123456789abcdef", "herald-fedcba9876543210"]
    since = datetime.now(UTC) - timedelta(minutes=5)

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                assert await adapter.find(room, keys, since) == set()
                await adapter.send(room, Reply(text="combined announcement"), keys)
                assert await adapter.find(room, keys, since) == set(keys)
                assert (
                    await adapter.find(room, keys, datetime.now(UTC) + timedelta(minutes=1))
                    == set()
                )
                # a restarted Herald (same device) sends the same delivery again: the
                # homeserver takes the transaction once
                await adapter.stop()
                again = make_adapter(app, synapse.url, bot)
                await again.start()
                try:
                    await again.send(room, Reply(text="combined announcement"), keys)
                    await again.send(human.user_id, Reply(text="reminder"), keys[:1])
                    dm = await accept_invite(alice)
                    await alice.wait_for(
                        lambda e: content_of(e).get("body") == "reminder", room_id=dm
                    )
                    assert await again.find(human.user_id, keys, since) == {keys[0]}
                finally:
                    await again.stop()
                await alice.wait_for(
                    lambda e: content_of(e).get("body") == "combined announcement", room_id=room
                )
                await alice.settle(1.0)
                bodies = [content_of(e).get("body") for e in alice.from_user(bot.user_id, room)]
                assert bodies.count("combined announcement") == 1
                marked = [
                    e for e in alice.from_user(bot.user_id, room) if content_of(e).get("body")
                ]
                assert content_of(marked[0])["org.herald.delivery"]["keys"] == ",".join(keys)
        finally:
            await adapter.stop()

    run(scenario)

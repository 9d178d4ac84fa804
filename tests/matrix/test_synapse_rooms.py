"""Rooms as Matrix people use them, against a real Synapse: which rooms are direct chats,
what is addressed to Herald in a group room, and edits.

A room is a direct chat because ``m.direct`` (or the invite's ``is_direct``) says so, never
because it has two members: a small project room is still a group room.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from bot.platforms.matrix import MatrixAdapter

from .harness import Person, ask, content_of, make_adapter, replies_to, run
from .synapse import Account, SynapseServer


async def started(adapter: MatrixAdapter) -> MatrixAdapter:
    await adapter.start()
    return adapter


def test_a_two_member_room_not_marked_direct_ignores_chatter(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id])  # two members, a group
                await alice.wait_for_member(room, bot.user_id, "join")
                morning = await alice.say(room, "good morning everyone")
                hard = await alice.say(room, "jobs are hard to find these days")
                # a pill in Element: the display name in the body, the id in m.mentions
                pill = await alice.send(
                    room,
                    {
                        "msgtype": "m.text",
                        "body": "could you list jobs remote please, herald?",
                        "m.mentions": {"user_ids": [bot.user_id]},
                    },
                )
                mentioned = await alice.wait_for(lambda e: replies_to(e, pill))
                prefixed = await ask(alice, room, "!jobs remote")
                await alice.settle(0.3)
        finally:
            await adapter.stop()
        assert alice.replies(morning) == [] and alice.replies(hard) == []
        assert len(alice.replies(pill)) == 1 and mentioned.sender == bot.user_id
        assert "Technical Community Manager" in content_of(prefixed)["body"]

    run(scenario)


def test_a_direct_chat_is_known_by_is_direct_and_stays_direct_after_a_restart(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()

    async def scenario() -> None:
        async with Person(synapse.url, human) as alice:
            first = await started(make_adapter(app, synapse.url, bot))
            try:
                # three members, yet direct: the inviter said so, as Element does
                room = await alice.create_room(
                    invite=[bot.user_id, stranger.user_id], is_direct=True
                )
                await alice.wait_for_member(room, bot.user_id, "join")
                before = await ask(alice, room, "jobs remote")
            finally:
                await first.stop()
            # m.direct is Herald's account data: a new process on the same account knows it
            second = await started(make_adapter(app_factory(), synapse.url, bot))
            try:
                after = await ask(alice, room, "jobs remote")
            finally:
                await second.stop()
        for reply in (before, after):
            assert reply.sender == bot.user_id
            assert "Technical Community Manager" in content_of(reply)["body"]
        direct = synapse.request(
            "GET",
            f"/_matrix/client/v3/user/{quote(bot.user_id)}/account_data/m.direct",
            None,
            token=bot.access_token,
        )
        assert direct == {human.user_id: [room]}

    run(scenario)


def test_an_edit_is_not_answered_again(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id], is_direct=True)
                await alice.wait_for_member(room, bot.user_id, "join")
                original = await alice.say(room, "!jobs remote")
                await alice.wait_for(lambda e: replies_to(e, original))
                edit = await alice.send(
                    room,
                    {
                        "msgtype": "m.text",
                        "body": "* !jobs onsite",
                        "m.new_content": {"msgtype": "m.text", "body": "!jobs onsite"},
                        "m.relates_to": {"rel_type": "m.replace", "event_id": original},
                    },
                )
                await ask(alice, room, "!help")  # answered in order: the edit is done
                await alice.settle(0.3)
        finally:
            await adapter.stop()
        assert alice.replies(edit) == []
        assert len(alice.replies(original)) == 1
        bodies = [content_of(e).get("body", "") for e in alice.from_user(bot.user_id, room)]
        assert not any("/*" in body or "!*" in body for body in bodies)

    run(scenario)

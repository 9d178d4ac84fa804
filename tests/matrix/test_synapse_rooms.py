"""Rooms as Matrix people use them, against a real Synapse: which rooms are direct chats,
what is addressed to Herald in a group room, and edits.

A room is a direct chat because ``m.direct`` (or the invite's ``is_direct``) says so, never
because it has two members: a small project room is still a group room.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest

from bot.platforms.matrix import MatrixAdapter
from bot.store.deliveries import Subscriptions

from .harness import Person, ask, content_of, make_adapter, replies_to, run, titles
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
                # other bots' commands share the "!": not Herald's "Unknown command"
                others = [await alice.say(room, t) for t in ("!ban @spam:x.org", "!remind 9am")]
                prefixed = await ask(alice, room, "!jobs remote")
                # a typo said to Herald by name still gets its help
                typo = await ask(alice, room, f"{bot.user_id}: jbos remote")
                await alice.settle(0.3)
        finally:
            await adapter.stop()
        assert [alice.replies(other) for other in others] == [[], []]
        assert "Did you mean !jobs?" in content_of(typo)["body"]
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
                listed = await ask(alice, room, "jobs")
            finally:
                await first.stop()
            # m.direct is Herald's account data: a new process on the same account knows it
            second = await started(make_adapter(app_factory(), synapse.url, bot))
            try:
                after = await ask(alice, room, "jobs remote")
                # so is the list shown last, kept in the database
                followed = await ask(alice, room, "the second one")
            finally:
                await second.stop()
        for reply in (before, after):
            assert reply.sender == bot.user_id
            assert "Technical Community Manager" in content_of(reply)["body"]
        shown = titles(content_of(listed)["body"])
        assert len(shown) >= 2
        assert content_of(followed)["body"].splitlines()[0] == shown[1]
        direct = synapse.request(
            "GET",
            f"/_matrix/client/v3/user/{quote(bot.user_id)}/account_data/m.direct",
            None,
            token=bot.access_token,
        )
        assert direct == {human.user_id: [room]}

    run(scenario)


def test_a_thread_follows_the_list_shown_in_it(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    """A list in the direct chat, a longer one in a thread: "the third one" picks from the
    list shown where it is said, and the thread's answer stays in the thread."""
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    def in_thread(root: str, body: str) -> dict[str, Any]:
        relates = {"rel_type": "m.thread", "event_id": root, "is_falling_back": True}
        return {"msgtype": "m.text", "body": body, "m.relates_to": relates}

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id], is_direct=True)
                await alice.wait_for_member(room, bot.user_id, "join")
                root = await alice.say(room, "jobs")
                first_page = await alice.wait_for(lambda e: replies_to(e, root))
                every = await alice.send(room, in_thread(root, "jobs all"))
                longer = await alice.wait_for(lambda e: replies_to(e, every))
                asked = await alice.send(room, in_thread(root, "the third one"))
                from_thread = await alice.wait_for(lambda e: replies_to(e, asked))
                from_room = await ask(alice, room, "the third one")
        finally:
            await adapter.stop()
        assert len(titles(content_of(first_page)["body"])) == 2
        assert (
            content_of(from_thread)["body"].splitlines()[0] == titles(content_of(longer)["body"])[2]
        )
        assert content_of(from_thread)["m.relates_to"]["event_id"] == root
        assert content_of(from_room)["body"] == "The last list had 2 postings; which one?"

    run(scenario)


def edited(original: str, body: str) -> dict[str, Any]:
    """An edit as Element sends it: "* " before the text, the new content beside it."""
    return {
        "msgtype": "m.text",
        "body": f"* {body}",
        "m.new_content": {"msgtype": "m.text", "body": body},
        "m.relates_to": {"rel_type": "m.replace", "event_id": original},
    }


def test_an_edit_is_answered_once_and_only_if_the_message_was_not(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    """An answered message is not answered again for an edit ("* !jobs onsite"); a message
    Herald left alone is answered once when its author's edit asks Herald (a forgotten
    prefix added), in reply to it and in its thread; nobody else's edit asks for them."""
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with (
                Person(synapse.url, human) as alice,
                Person(synapse.url, stranger) as bob,
            ):
                room = await alice.create_room(invite=[bot.user_id], is_direct=True)
                await alice.wait_for_member(room, bot.user_id, "join")
                original = await alice.say(room, "!jobs remote")
                await alice.wait_for(lambda e: replies_to(e, original))
                edit = await alice.send(room, edited(original, "!jobs onsite"))
                await ask(alice, room, "!help")  # answered in order: the edit is done

                group = await alice.create_room(invite=[bot.user_id, stranger.user_id])
                await alice.wait_for_member(group, bot.user_id, "join")
                await bob.client.join(group)
                await alice.wait_for_member(group, stranger.user_id, "join")
                forgot = await alice.say(group, "jobs remote")  # no prefix: not for Herald
                root = await alice.say(group, "a thread about jobs")
                threaded = await alice.send(
                    group,
                    {
                        "msgtype": "m.text",
                        "body": "jobs onsite",
                        "m.relates_to": {
                            "rel_type": "m.thread",
                            "event_id": root,
                            "is_falling_back": True,
                            "m.in_reply_to": {"event_id": root},
                        },
                    },
                )
                await bob.send(group, edited(forgot, "!jobs onsite"))  # not his message
                fixed = await alice.send(group, edited(forgot, "!jobs remote"))
                answer = await alice.wait_for(lambda e: replies_to(e, forgot))
                again = await alice.send(group, edited(forgot, "!jobs onsite"))
                await alice.send(group, edited(threaded, "!jobs onsite"))
                in_thread = await alice.wait_for(lambda e: replies_to(e, threaded))
                # a reply to Herald's answer whose quoted fallback has a blank line
                quoting = f"> <{bot.user_id}> 2 open postings match\n>\n> …\n\n!jobs onsite"
                follow_up = await alice.send(
                    group,
                    {
                        "msgtype": "m.text",
                        "body": quoting,
                        "m.relates_to": {"m.in_reply_to": {"event_id": answer.event_id}},
                    },
                )
                followed = await alice.wait_for(lambda e: replies_to(e, follow_up))
                # a reaction to an answer and a redaction are no questions
                reaction = {
                    "m.relates_to": {
                        "rel_type": "m.annotation",
                        "event_id": answer.event_id,
                        "key": "👍",
                    }
                }
                await alice.send(group, reaction, "m.reaction")
                await alice.client.room_redact(group, follow_up, reason="!jobs remote")
                await ask(alice, group, "!help")
                await alice.settle(0.3)
        finally:
            await adapter.stop()
        assert alice.replies(edit) == []
        assert len(alice.replies(original)) == 1
        bodies = [content_of(e).get("body", "") for e in alice.from_user(bot.user_id, room)]
        assert not any("/*" in body or "!*" in body for body in bodies)
        # the forgotten prefix: one answer, to the remote jobs (not bob's "onsite")
        assert len(alice.replies(forgot)) == 1
        assert "Technical Community Manager" in content_of(answer)["body"]
        assert alice.replies(fixed) == [] and alice.replies(again) == []
        relation = content_of(in_thread)["m.relates_to"]
        assert (relation.get("rel_type"), relation.get("event_id")) == ("m.thread", root)
        assert len(alice.replies(threaded)) == 1
        assert "2 open postings match" not in content_of(followed)["body"]
        # one answer to each question asked, nothing to the reaction or the redaction
        sent = alice.from_user(bot.user_id, group)
        answers = [e for e in sent if e.source.get("type") == "m.room.message"]
        assert len(answers) == 4, [content_of(e).get("body", "")[:60] for e in answers]

    run(scenario)


async def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not true within {timeout}s")
        await asyncio.sleep(0.1)


def test_kicked_pauses_at_once_and_invited_back_joins_and_resumes(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()
    subscriptions = Subscriptions(app.store)
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id, stranger.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                await ask(alice, room, "!jobs subscribe remote")
                [sub] = subscriptions.for_channel("matrix", room)

                await alice.client.room_kick(room, bot.user_id, reason="tidying up")
                await wait_until(
                    lambda: getattr(subscriptions.get(sub.id), "status", "") == "paused"
                )
                listed_while_away = subscriptions.get(sub.id)

                await alice.invite(room, bot.user_id)
                await alice.wait_for_member(room, bot.user_id, "join")
                back = await alice.wait_for(
                    lambda e: "is back in this room" in content_of(e).get("body", ""),
                    room_id=room,
                )
                listing = await ask(alice, room, "!jobs subscriptions")
        finally:
            await adapter.stop()
        assert listed_while_away is not None
        assert listed_while_away.reason == (
            f"Herald was removed from this room by {human.user_id} on 2022-02-01 (tidying up)"
        )
        assert f"#{sub.id}" in content_of(back)["body"]
        assert "!jobs unsubscribe" in content_of(back)["body"]
        resumed = subscriptions.get(sub.id)
        assert resumed is not None and resumed.status == "active" and resumed.reason is None
        assert "paused" not in content_of(listing)["body"]
        assert caplog.text.count(f"invited to {room} by {human.user_id}") == 2
        assert f"paused subscriptions #{sub.id}" in caplog.text

    run(scenario)


def test_changing_subscriptions_needs_the_power_level_of_state_events(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    moderator = synapse.register(f"mod-{bot.user_id[8:14]}")
    app = app_factory()
    subscriptions = Subscriptions(app.store)

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with (
                Person(synapse.url, human) as alice,
                Person(synapse.url, stranger) as eve,
                Person(synapse.url, moderator) as mo,
            ):
                room = await alice.create_room(
                    invite=[bot.user_id, stranger.user_id, moderator.user_id],
                    power_users={moderator.user_id: 50},  # Alice created it: unlimited
                )
                await alice.wait_for_member(room, bot.user_id, "join")
                for person in (eve, mo):
                    await person.client.join(room)
                    await alice.wait_for_member(room, person.user_id, "join")
                refused = await ask(eve, room, "!jobs subscribe remote")
                allowed = await ask(mo, room, "!jobs subscribe remote")
                [sub] = subscriptions.for_channel("matrix", room)
                not_yours = await ask(eve, room, f"!jobs unsubscribe {sub.id}")
                listed = await ask(eve, room, "!jobs subscriptions")  # reading is for all
                gone = await ask(alice, room, f"!jobs unsubscribe {sub.id}")
        finally:
            await adapter.stop()
        assert content_of(refused)["body"].startswith(
            "Changing this room's subscriptions needs power level 50 here"
        )
        assert "yours is 0" in content_of(refused)["body"]
        assert "Subscribed" in content_of(allowed)["body"]
        assert "needs power level 50" in content_of(not_yours)["body"]
        assert f"#{sub.id}" in content_of(listed)["body"]
        assert "Unsubscribed" in content_of(gone)["body"]
        assert subscriptions.for_channel("matrix", room) == []

    run(scenario)


def test_herald_leaves_a_room_everyone_else_left(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")

    def joined() -> list[str]:
        rooms: list[str] = synapse.request(
            "GET", "/_matrix/client/v3/joined_rooms", None, bot.access_token
        )["joined_rooms"]
        return rooms

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                kept = await alice.create_room(invite=[bot.user_id])
                left = await alice.create_room(invite=[bot.user_id])
                for room in (kept, left):
                    await alice.wait_for_member(room, bot.user_id, "join")
                await ask(alice, left, "!help")
                await alice.client.room_leave(left)
                await wait_until(lambda: left not in joined())
                await ask(alice, kept, "!help")  # answered in order: the leave was handled
        finally:
            await adapter.stop()
        assert kept in joined()
        assert f"left {left}: everyone else had left" in caplog.text

    run(scenario)


def test_an_upgraded_room_is_followed_with_its_subscriptions(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    """Upgrading a room (a new room version) leaves the old one read-only in practice: Herald
    joins the replacement and its subscriptions announce there, not into the old room."""
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    subscriptions = Subscriptions(app.store)

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                subscribed = await ask(alice, room, "!jobs subscribe remote")
                upgraded = await asyncio.to_thread(
                    synapse.request,
                    "POST",
                    f"/_matrix/client/v3/rooms/{quote(room)}/upgrade",
                    {"new_version": "10"},
                    human.access_token,
                )
                new_room = upgraded["replacement_room"]
                # Element invites the members of a private room to its replacement
                await alice.invite(new_room, bot.user_id)
                await alice.wait_for_member(new_room, bot.user_id, "join")
                listed = await ask(alice, new_room, "!jobs subscriptions")
        finally:
            await adapter.stop()
        assert "Subscribed" in content_of(subscribed)["body"]
        assert subscriptions.for_channel("matrix", room) == []
        [moved] = subscriptions.for_channel("matrix", new_room)
        assert moved.status == "active"
        assert f"#{moved.id}" in content_of(listed)["body"]

    run(scenario)

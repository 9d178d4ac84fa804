"""End-to-end encryption against a real Synapse: a person on a nio client with its own crypto
store (as Element would be) talks to Herald in encrypted rooms, and reads Herald's encrypted
answers. Nothing here is faked: keys are uploaded, claimed and shared through the homeserver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from nio import MegolmEvent, RoomPreset

from bot.commands import Reply
from bot.platforms.matrix import UNDECRYPTABLE_NOTICE, MatrixAdapter

from .harness import Person, content_of, make_adapter, replies_to, run
from .synapse import Account, SynapseServer


async def started(adapter: MatrixAdapter) -> MatrixAdapter:
    await adapter.start()
    return adapter


async def ask_encrypted(person: Person, room_id: str, text: str) -> Any:
    """Say ``text`` encrypted; the reply, decrypted (it fails if it stays undecryptable)."""
    asked = await person.say(room_id, text)
    return await person.wait_for(lambda e: replies_to(e, asked), timeout=20)


async def element_dm(alice: Person, bot: Account) -> str:
    """A direct chat created the way Element creates one: direct, trusted private chat,
    encrypted from its first event."""
    room = await alice.create_room(
        invite=[bot.user_id],
        is_direct=True,
        encrypted=True,
        preset=RoomPreset.trusted_private_chat,
    )
    await alice.wait_for_member(room, bot.user_id, "join")
    return room


def herald_device_key(alice: Person, bot: Account, device_id: str) -> str:
    key: str = alice.client.device_store[bot.user_id][device_id].ed25519
    return key


def test_an_encrypted_dm_is_read_and_answered_encrypted_also_after_a_restart(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")

    async def scenario() -> None:
        async with Person(synapse.url, human, crypto_store=tmp_path / "alice") as alice:
            first = await started(make_adapter(app, synapse.url, bot))
            try:
                room = await element_dm(alice, bot)
                jobs = await ask_encrypted(alice, room, "!jobs remote")
                plain = await ask_encrypted(alice, room, "jobs datacite")
                key_before = herald_device_key(alice, bot, bot.device_id)
            finally:
                await first.stop()
            # a new process: same database, same crypto store, same device
            second = await started(make_adapter(app_factory(), synapse.url, bot))
            try:
                again = await ask_encrypted(alice, room, "!iiif membership fee")
                await alice.settle(0.3)
                key_after = herald_device_key(alice, bot, bot.device_id)
            finally:
                await second.stop()
        for reply in (jobs, plain, again):
            assert not isinstance(reply, MegolmEvent)
            assert reply.decrypted and reply.sender == bot.user_id  # it came encrypted
            assert content_of(reply)["msgtype"] == "m.notice"
        assert "Technical Community Manager" in content_of(jobs)["body"]
        assert "Technical Community Manager" in content_of(plain)["body"]
        assert "$10,000" in content_of(again)["body"]
        assert key_before == key_after  # no "new device" or "keys changed" for anyone
        devices = synapse.request("GET", "/_matrix/client/v3/devices", None, bot.access_token)
        assert [d["device_id"] for d in devices["devices"]] == [bot.device_id]
        # nothing Herald sent in the room was readable without the keys
        assert not any(
            e.source.get("type") == "m.room.message" and not getattr(e, "decrypted", False)
            for e in alice.from_user(bot.user_id, room)
        )
        assert "cannot decrypt" not in caplog.text
        assert f"trusting {human.user_id}'s device {human.device_id}" in caplog.text

    run(scenario)


def test_an_encrypted_group_room_needs_the_prefix_and_gets_encrypted_answers(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human, crypto_store=tmp_path / "alice") as alice:
                room = await alice.create_room(
                    invite=[bot.user_id, stranger.user_id], encrypted=True
                )
                await alice.wait_for_member(room, bot.user_id, "join")
                chatter = await alice.say(room, "good morning everyone")
                reply = await ask_encrypted(alice, room, "!jobs remote")
                await alice.settle(0.3)
        finally:
            await adapter.stop()
        assert reply.decrypted and "Technical Community Manager" in content_of(reply)["body"]
        assert alice.replies(chatter) == []

    run(scenario)


def test_an_undecryptable_message_gets_one_explanation_and_one_log_line(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")
    # a megolm event whose session key Herald never received
    megolm = {
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg",
        "device_id": "ALICEDEVICE",
        "sender_key": "IlRMeOPX2e0MurIyfWEucYBRVOEEUMrOHqn/8mLqMjA",
        "session_id": "X3lUlvLELLYxeTx4yOVu6UDpasGEVO0Jbu+QFnm0cKQ",
    }

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human, crypto_store=tmp_path / "alice") as alice:
                room = await element_dm(alice, bot)
                # sent raw, past the client's own encryption
                path = f"/_matrix/client/v3/rooms/{quote(room)}/send/m.room.encrypted"
                first = synapse.request("PUT", f"{path}/t1", megolm, human.access_token)
                synapse.request("PUT", f"{path}/t2", megolm, human.access_token)
                notice = await alice.wait_for(
                    lambda e: replies_to(e, first["event_id"]), timeout=20
                )
                readable = await ask_encrypted(alice, room, "!help")
                await alice.settle(0.3)
                notices = [
                    e
                    for e in alice.from_user(bot.user_id, room)
                    if content_of(e).get("body") == UNDECRYPTABLE_NOTICE
                ]
        finally:
            await adapter.stop()
        assert content_of(notice)["body"] == UNDECRYPTABLE_NOTICE and notice.decrypted
        assert len(notices) == 1  # two such events, one explanation
        assert caplog.text.count("cannot decrypt") == 1  # one session, one log line
        assert "key was requested" in caplog.text
        assert "!jobs" in content_of(readable)["body"]

    run(scenario)


def test_a_message_whose_key_comes_late_is_answered_when_it_comes(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
) -> None:
    """The room key reaches Herald only after the message (a slow or retried to-device
    send): Herald explains first, then answers once the key is there."""
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human, crypto_store=tmp_path / "alice") as alice:
                room = await element_dm(alice, bot)
                client = alice.client
                await client.joined_members(room)
                await alice.keep_keys()  # Herald's device keys
                missing = client.get_missing_sessions(room)
                if missing:
                    await client.keys_claim(missing)
                assert client.olm is not None
                # the room key, encrypted for each device but held back for now
                held = list(
                    client.olm.share_group_session_parallel(
                        room, list(client.rooms[room].users), ignore_unverified_devices=True
                    )
                )
                assert held, "nobody to share the key with"
                client.olm.outbound_group_sessions[room].shared = True
                _type, content = client.encrypt(
                    room, "m.room.message", {"msgtype": "m.text", "body": "!jobs remote"}
                )
                path = f"/_matrix/client/v3/rooms/{quote(room)}/send/m.room.encrypted/late"
                asked = synapse.request("PUT", path, content, human.access_token)["event_id"]
                notice = await alice.wait_for(lambda e: replies_to(e, asked), timeout=20)
                for n, (_users, body) in enumerate(held):  # body: {"messages": …}
                    synapse.request(
                        "PUT",
                        f"/_matrix/client/v3/sendToDevice/m.room.encrypted/late{n}",
                        body,
                        human.access_token,
                    )
                answer = await alice.wait_for(
                    lambda e: replies_to(e, asked) and e is not notice, timeout=20
                )
        finally:
            await adapter.stop()
        assert content_of(notice)["body"] == UNDECRYPTABLE_NOTICE
        assert "Technical Community Manager" in content_of(answer)["body"]

    run(scenario)


def test_a_device_whose_keys_another_client_holds_gets_one_hint(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An access token copied from a client that already uploaded this device's keys (or a
    lost crypto store): the homeserver refuses Herald's keys, and the log says what to do,
    once, however many syncs retry."""
    bot = accounts["herald"]
    app = app_factory()

    async def scenario() -> None:
        async with Person(synapse.url, bot, crypto_store=tmp_path / "element"):
            pass  # "Element" uploaded this device's keys
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, accounts["human"]) as alice:
                room = await alice.create_room(invite=[bot.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                reply = await ask_encrypted(alice, room, "!help")  # unencrypted room: works
        finally:
            await adapter.stop()
        assert "!jobs" in content_of(reply)["body"]

    run(scenario)
    ours = [
        r.getMessage() for r in caplog.records if f"{r.name}.".startswith("bot.platforms.matrix.")
    ]
    hints = [m for m in ours if "refused this device's keys" in m]
    assert len(hints) == 1 and "fresh login" in hints[0]
    failures = [m for m in ours if "uploading keys failed" in m]
    assert len(failures) == 1 and "already exists" in failures[0]
    assert not any('"key"' in m or "signatures" in m for m in ours)  # no key material


def test_a_scheduled_message_in_an_encrypted_room_cannot_be_looked_up_but_is_taken_once(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    tmp_path: Path,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    keys = ["herald-00000000000000000000000000e2ee01"]
    since = datetime.now(UTC) - timedelta(minutes=5)

    async def scenario() -> None:
        async with Person(synapse.url, human, crypto_store=tmp_path / "alice") as alice:
            first = await started(make_adapter(app, synapse.url, bot))
            try:
                room = await element_dm(alice, bot)
                await first.send(room, Reply(text="encrypted announcement"), keys)
                # the mark is inside the ciphertext: "cannot tell", so the scheduler would
                # send again and flag it, never take "not there" for an answer
                assert await first.find(room, keys, since) is None
            finally:
                await first.stop()
            second = await started(make_adapter(app_factory(), synapse.url, bot))
            try:  # the same device sends it again: the homeserver keeps one
                await second.send(room, Reply(text="encrypted announcement"), keys)
            finally:
                await second.stop()
            await alice.wait_for(
                lambda e: content_of(e).get("body") == "encrypted announcement", room_id=room
            )
            await alice.settle(1.0)
            bodies = [content_of(e).get("body") for e in alice.from_user(bot.user_id, room)]
            assert bodies.count("encrypted announcement") == 1

    run(scenario)

"""Herald against a real Synapse: people on plain nio clients talk to the Matrix adapter.

Each test registers its own accounts and copies the loaded store, so tests share only the
server. Replies are recognised by their ``m.in_reply_to``; "answered exactly once" is
checked after a later sentinel command has been answered (the adapter answers in order).
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import urllib.parse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from nio import AsyncClient, AsyncClientConfig

from bot.commands import Reply, Request
from bot.domain import Freshness
from bot.outbox import RateLimited
from bot.platforms.console import render_text
from bot.platforms.matrix import ENCRYPTED_NOTICE, MatrixAdapter

from .harness import (
    PING_SLUG,
    PINGED_LOCALPART,
    TODAY,
    Person,
    ask,
    content_of,
    make_adapter,
    make_app,
    replies_to,
    run,
    titles,
)
from .synapse import Account, SynapseServer


def set_display_name(server: SynapseServer, account: Account, name: str) -> None:
    quoted = urllib.parse.quote(account.user_id)
    server.request(
        "PUT",
        f"/_matrix/client/v3/profile/{quoted}/displayname",
        {"displayname": name},
        token=account.access_token,
    )


def expected_remote_titles(shared_dir: Path) -> set[str]:
    """From the human-written expectations: remote, not closed, deadline not passed."""
    # only the fields needed: other lines (contact lists with URLs) are not valid YAML
    wanted_lines = [
        line
        for line in (shared_dir / "seeds" / "expected.yaml").read_text().splitlines()
        if re.match(
            r"(\S.*:\s*$|  (kind|title|remote|closed|deadline|posted|open_until_filled):)", line
        )
    ]
    expected = yaml.safe_load("\n".join(wanted_lines))
    wanted = set()
    for entry in expected.values():
        if entry.get("kind") != "job" or not entry.get("remote") or entry.get("closed"):
            continue
        deadline, posted = entry.get("deadline"), entry.get("posted")
        if deadline is None:
            # no deadline: open for a while after it was posted (bot.domain.Freshness)
            since = Freshness().open_since(TODAY, until_filled=bool(entry.get("open_until_filled")))
            if posted is None or date.fromisoformat(str(posted)) >= since:
                wanted.add(entry["title"])
        elif date.fromisoformat(str(deadline)) >= TODAY:
            wanted.add(entry["title"])
    return wanted


@pytest.fixture(scope="session")
def pinged(synapse: SynapseServer) -> Account:
    """The user the generated posting names (``@pingme:localhost``)."""
    return synapse.register(PINGED_LOCALPART)


async def started(adapter: MatrixAdapter) -> MatrixAdapter:
    await adapter.start()
    return adapter


def test_invite_join_and_jobs_remote_like_the_console(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    shared_dir: Path,
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                # three members (one only invited): a group room, where the prefix is needed
                room = await alice.create_room(invite=[bot.user_id, stranger.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                asked = await alice.say(room, "!jobs remote")
                reply = await alice.wait_for(lambda e: replies_to(e, asked))
        finally:
            await adapter.stop()

        content = content_of(reply)
        assert reply.sender == bot.user_id
        assert reply.source["type"] == "m.room.message"
        assert content["msgtype"] == "m.notice"
        assert content["format"] == "org.matrix.custom.html"
        assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": asked}}
        assert content["m.mentions"] == {}
        formatted = content["formatted_body"]
        assert "<ul>" in formatted and formatted.count("<li>") == len(titles(content["body"]))

        console = render_text(app.handle(Request.from_line("/jobs remote")))
        # the same items, in the same order; Matrix only defuses "@room" with a word joiner
        assert [t.replace("\u2060", "") for t in titles(content["body"])] == titles(console)
        assert expected_remote_titles(shared_dir) <= set(titles(content["body"]))
        assert "Managing Director of the IIIF Consortium" not in content["body"]
        for title in titles(content["body"]):
            assert f"<strong>{html.escape(title, quote=False)}</strong>" in formatted

    run(scenario)


def test_mentions_faq_and_unaddressed_chatter(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    set_display_name(synapse, bot, "Herald")
    app = app_factory()

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id, stranger.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                fee = await ask(alice, room, "!iiif membership fee")
                by_name = await ask(alice, room, "Herald: jobs remote")
                by_id = await ask(alice, room, f"{bot.user_id} help")
                no_colon = await ask(alice, room, "herald jobs datacite")
                # the name typed with an at sign, Element's suggestion not picked (no pill)
                typed = await ask(alice, room, "@Herald: jobs remote")
                chatter = await alice.say(room, "Herald is great")
                plain = await alice.say(room, "jobs remote, anyone?")
                await ask(alice, room, "!help")  # answered in order: the two above are done
        finally:
            await adapter.stop()

        assert "$10,000" in content_of(fee)["body"]
        assert "<blockquote>" in content_of(fee)["formatted_body"]
        assert "Technical Community Manager" in titles(content_of(by_name)["body"])
        assert "!jobs" in content_of(by_id)["body"]
        assert titles(content_of(no_colon)["body"]) == ["Technical Community Manager"]
        assert "Technical Community Manager" in titles(content_of(typed)["body"])
        assert alice.replies(chatter) == [] and alice.replies(plain) == []

    run(scenario)


def test_direct_message_needs_no_prefix(
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
                reply = await ask(alice, room, "jobs remote")
        finally:
            await adapter.stop()
        assert "Technical Community Manager" in titles(content_of(reply)["body"])

    run(scenario)


def test_content_never_pings(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    pinged: Account,
    app_factory: Callable[[], Any],
) -> None:
    bot = accounts["herald"]
    app = app_factory()
    posting = next(p for p in app.store.all_postings() if PING_SLUG in p.source)
    assert "@room" in posting.title + posting.body  # the content really tries to ping

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, pinged) as pat:
                # Herald may notify the room (power 100), so only neutralising stops @room
                room = await pat.create_room(
                    invite=[bot.user_id, accounts["stranger"].user_id],
                    power_users={bot.user_id: 100},
                )
                await pat.wait_for_member(room, bot.user_id, "join")
                shown = await ask(pat, room, f"!jobs show {posting.id}")
                listed = await ask(pat, room, "!jobs archivist")
                await pat.settle(0.3)
                assert pat.highlights.get(room, 0) == 0
                # control: the same words sent raw by the bot's account do highlight
                raw = AsyncClient(synapse.url, bot.user_id, config=AsyncClientConfig())
                raw.access_token, raw.user_id = bot.access_token, bot.user_id
                try:
                    await raw.room_send(
                        room,
                        "m.room.message",
                        {"msgtype": "m.text", "body": f"@room and @{PINGED_LOCALPART}:localhost"},
                    )
                finally:
                    await raw.close()
                await pat.settle(0.5)
                assert pat.highlights.get(room, 0) >= 1
        finally:
            await adapter.stop()

        for event in (shown, listed):
            content = content_of(event)
            assert posting.title.split("@")[0] in content["body"]
            for field in ("body", "formatted_body"):
                assert "@room" not in content[field]
                assert "@pingme:" not in content[field]
                assert "@\u2060room" in content[field]
            assert content["m.mentions"] == {}
        html = content_of(shown)["formatted_body"]
        assert "<script" not in html and "onmouseover" not in html

    run(scenario)


def test_restart_neither_replays_nor_drops(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        async with Person(synapse.url, human) as alice:
            first = await started(make_adapter(app, synapse.url, bot))
            try:
                room = await alice.create_room(invite=[bot.user_id, accounts["stranger"].user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                before = await alice.say(room, "!jobs remote")
                await alice.wait_for(lambda e: replies_to(e, before))
            finally:
                await first.stop()
            during = await alice.say(room, "!iiif membership fee")  # Herald is down
            # a new instance on the same store, as after a restart of the process
            second = await started(make_adapter(app_factory(), synapse.url, bot))
            try:
                answer = await alice.wait_for(lambda e: replies_to(e, during))
                sentinel = await alice.say(room, "!help")
                await alice.wait_for(lambda e: replies_to(e, sentinel))
                await alice.settle(0.3)
            finally:
                await second.stop()
            assert "$10,000" in content_of(answer)["body"]
            assert len(alice.replies(before)) == 1
            assert len(alice.replies(during)) == 1
            assert len(alice.replies(sentinel)) == 1

    run(scenario)


def test_restart_after_a_long_gap_fills_it_from_history(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    """More was said while Herald was down than one sync returns (a limited timeline)."""
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    limit = 4

    async def scenario() -> None:
        async with Person(synapse.url, human) as alice:
            first = await started(make_adapter(app, synapse.url, bot, timeline_limit=limit))
            try:
                room = await alice.create_room(invite=[bot.user_id, accounts["stranger"].user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
            finally:
                await first.stop()
            early = await alice.say(room, "!iiif membership fee")
            for n in range(limit * 2):
                await alice.say(room, f"chatter {n}")
            late = await alice.say(room, "!help")
            second = await started(make_adapter(app, synapse.url, bot, timeline_limit=limit))
            try:
                await alice.wait_for(lambda e: replies_to(e, late))
                await alice.wait_for(lambda e: replies_to(e, early))
                await alice.settle(0.3)
            finally:
                await second.stop()
            assert len(alice.replies(early)) == 1
            assert len(alice.replies(late)) == 1

    run(scenario)


def test_first_start_does_not_answer_history(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()

    async def scenario() -> None:
        async with Person(synapse.url, human) as alice:
            room = await alice.create_room(invite=[bot.user_id, accounts["stranger"].user_id])
            # the bot account joins by hand, before Herald ever ran with it
            synapse.request(
                "POST",
                f"/_matrix/client/v3/join/{urllib.parse.quote(room)}",
                {},
                token=bot.access_token,
            )
            old = await alice.say(room, "!jobs remote")
            adapter = await started(make_adapter(app, synapse.url, bot))
            try:
                fresh = await alice.say(room, "!help")
                await alice.wait_for(lambda e: replies_to(e, fresh))
                await alice.settle(0.3)
            finally:
                await adapter.stop()
            assert alice.replies(old) == []
            assert len(alice.from_user(bot.user_id, room)) == 2  # its join, one reply

    run(scenario)


def test_invite_from_a_user_not_allowed_is_refused(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = app_factory()
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")

    async def scenario() -> None:
        adapter = await started(
            make_adapter(app, synapse.url, bot, allowed_inviters=[human.user_id])
        )
        try:
            async with Person(synapse.url, stranger) as eve, Person(synapse.url, human) as alice:
                refused = await eve.create_room(invite=[bot.user_id])
                await eve.wait_for_member(refused, bot.user_id, "leave")
                welcome = await alice.create_room(invite=[bot.user_id])
                await alice.wait_for_member(welcome, bot.user_id, "join")
        finally:
            await adapter.stop()
        assert f"refused the invite to {refused} from {stranger.user_id}" in caplog.text

    run(scenario)


def test_with_encryption_off_an_encrypted_room_gets_one_notice(
    synapse: SynapseServer, accounts: dict[str, Account], store_path: Path
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = make_app(store_path, matrix_encryption=False)
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
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id], encrypted=True)
                await alice.wait_for_member(room, bot.user_id, "join")
                await alice.send(room, megolm, kind="m.room.encrypted")
                await alice.send(room, megolm, kind="m.room.encrypted")
                notice = await alice.wait_for(
                    lambda e: content_of(e).get("body") == ENCRYPTED_NOTICE, room_id=room
                )
                sentinel = await alice.say(room, "!help")  # unencrypted: readable, answered
                await alice.wait_for(lambda e: replies_to(e, sentinel))
                await alice.settle(0.3)
                notices = [
                    e
                    for e in alice.from_user(bot.user_id, room)
                    if content_of(e).get("body") == ENCRYPTED_NOTICE
                ]
        finally:
            await adapter.stop()
            app.close()
        assert content_of(notice)["msgtype"] == "m.notice"
        assert len(notices) == 1

    run(scenario)


def test_rate_limited_sends_raise_at_once_and_arrive_once_retried(
    synapse: SynapseServer,
    accounts: dict[str, Account],
    app_factory: Callable[[], Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = app_factory()
    synapse.set_message_rate(bot.user_id, per_second=5, burst=1)
    caplog.set_level(logging.INFO, logger="bot.platforms.matrix")

    async def scenario() -> None:
        adapter = await started(make_adapter(app, synapse.url, bot))
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                for n in range(3):  # the scheduler's path: Outbox.send, one attempt each
                    while True:
                        try:
                            await adapter.send(room, Reply(text=f"announcement {n}"))
                            break
                        except RateLimited as exc:  # the ledger's retry, as the scheduler does
                            limited.append(exc.retry_after)
                            await asyncio.sleep(exc.retry_after)
                await alice.wait_for(
                    lambda e: content_of(e).get("body") == "announcement 2", room_id=room
                )
                bodies = [content_of(e).get("body") for e in alice.from_user(bot.user_id, room)]
        finally:
            await adapter.stop()
        assert [b for b in bodies if b and b.startswith("announcement")] == [
            f"announcement {n}" for n in range(3)
        ]
        assert limited and all(0 < wait <= 1 for wait in limited)

    limited: list[float] = []
    run(scenario)


def test_password_login_keeps_one_device(
    synapse: SynapseServer, accounts: dict[str, Account], app_factory: Callable[[], Any]
) -> None:
    bot = accounts["herald"]
    app = app_factory()

    async def scenario() -> list[str | None]:
        devices = []
        for _restart in range(2):
            adapter = await started(make_adapter(app, synapse.url, bot, password_login=True))
            devices.append(adapter.device_id)
            await adapter.stop()
        return devices

    devices = asyncio.run(scenario())
    assert devices[0] and devices[0] == devices[1]
    listed = synapse.request("GET", "/_matrix/client/v3/devices", token=bot.access_token)
    # the registration's device plus one for Herald, however often it restarts
    assert len(listed["devices"]) == 2


def test_plain_questions_in_a_dm_and_by_name(
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
                hiring = await ask(alice, room, "is datacite hiring?")
                deadline = await ask(
                    alice,
                    room,
                    "Herald: when's the deadline for the datacite technical community manager job?",
                )
        finally:
            await adapter.stop()
        assert "Unknown command" not in content_of(hiring)["body"]
        assert "Technical Community Manager" in content_of(hiring)["body"]
        assert "7 February 2022" in content_of(deadline)["body"]

    run(scenario)

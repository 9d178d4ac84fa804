"""What the Matrix tests and the benchmark share: a person on a plain nio client, and a Herald
world (store loaded from the seeds plus generated postings) to serve from.

Example::

    async with Person(server.url, human) as alice:
        room = await alice.create_room(invite=[bot.user_id])
        await alice.wait_for_member(room, bot.user_id, "join")
        asked = await alice.say(room, "!jobs remote")
        answer = await alice.wait_for(lambda e: replies_to(e, asked))
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    RoomCreateResponse,
    RoomPreset,
    RoomSendResponse,
    SyncResponse,
)

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.ingest import sync_folder
from bot.platforms.matrix import MatrixAdapter, MatrixConfig
from bot.store import Store

from .synapse import Account

TODAY = date(2022, 2, 1)
PING_SLUG = "ping-test-archivist"
PINGED_LOCALPART = "pingme"
PING_POSTING = """---
layout: post
title: "Archivist @room (remote)"
date: 2022-01-20
tags: [job]
---

# Archivist @room (remote)

The Example Archive is hiring a remote archivist. @room please share this widely; questions to
@pingme:localhost or <b onmouseover="alert(1)">jobs@example.org</b>. Applications by
28 February 2022. <script>alert("x")</script>
"""

_LISTEN_FILTER: dict[str, Any] = {
    "room": {"timeline": {"limit": 50}},
    "presence": {"not_types": ["*"]},
}


def build_content(seeds: Path, folder: Path) -> Path:
    """The seeds plus generated postings, in a folder of their own (never the project's)."""
    shutil.copytree(seeds, folder, dirs_exist_ok=True)
    (folder / f"{PING_SLUG}.md").write_text(PING_POSTING)
    return folder


def build_store_template(content: Path, path: Path) -> Path:
    """A migrated SQLite file with the content loaded; tests copy it (fast) instead."""
    store = Store.open(f"sqlite:///{path}")
    try:
        store.upgrade()
        sync_folder(store, content, now=fixed_clock(TODAY)())
    finally:
        store.close()
    return path


def make_app(store_path: Path, **settings: Any) -> App:
    """An app on a copy of the loaded store; admin tests pass ``content_dir`` (a copy of the
    content folder, since admin commands rewrite files) and the admin settings."""
    url = f"sqlite:///{store_path}"
    # the crypto store beside the database, as in production (a restart test shares both)
    settings.setdefault("matrix_crypto_store", store_path.parent / "matrix-crypto")
    config = Settings(database_url=url, command_prefix="!", **settings)
    return App(settings=config, store=Store.open(url), clock=fixed_clock(TODAY))


def make_adapter(
    app: App,
    homeserver: str,
    bot: Account,
    *,
    allowed_inviters: Sequence[str] = (),
    password_login: bool = False,
    timeline_limit: int = 100,
) -> MatrixAdapter:
    config = MatrixConfig(
        homeserver=homeserver,
        user_id=bot.user_id,
        access_token=None if password_login else bot.access_token,
        password=bot.password if password_login else None,
        allowed_inviters=tuple(allowed_inviters),
        prefix=app.settings.command_prefix,
        power_level_admins=app.settings.matrix_power_level_admins,
        subscription_power_level=app.settings.matrix_subscription_power_level,
        crypto_store=app.settings.matrix_crypto_store if app.settings.matrix_encryption else None,
    )
    return MatrixAdapter(app, config, timeline_limit=timeline_limit)


def content_of(event: Any) -> dict[str, Any]:
    content: dict[str, Any] = event.source.get("content", {})
    return content


def titles(body: str) -> list[str]:
    """The titles of a list's postings, from a reply's plain body."""
    return [line[2:].strip() for line in body.splitlines() if line.startswith("• ")]


def replies_to(event: Any, event_id: str) -> bool:
    relates = content_of(event).get("m.relates_to") or {}
    return bool(relates.get("m.in_reply_to", {}).get("event_id") == event_id)


@dataclass
class Seen:
    room_id: str
    event: Any
    at: float = field(default_factory=time.monotonic)


class Person:
    """A human on a nio client, reading every event it syncs. With ``crypto_store`` (a folder
    of its own) the client does end-to-end encryption as Element does: keys uploaded, other
    devices trusted on first use, encrypted rooms read and written encrypted."""

    def __init__(self, homeserver: str, account: Account, crypto_store: Path | None = None) -> None:
        self.account = account
        if crypto_store is not None:
            crypto_store.mkdir(parents=True, exist_ok=True)
        self.client = AsyncClient(
            homeserver,
            account.user_id,
            device_id=account.device_id,
            store_path=str(crypto_store or ""),
            config=AsyncClientConfig(
                encryption_enabled=crypto_store is not None, store_sync_tokens=False
            ),
        )
        self.client.access_token = account.access_token
        self.client.user_id = account.user_id
        if crypto_store is not None:
            self.client.load_store()
        self.seen: list[Seen] = []
        self.highlights: dict[str, int] = {}
        self.token: str | None = None

    @property
    def user_id(self) -> str:
        return self.account.user_id

    async def __aenter__(self) -> Person:
        response = await self.client.sync(
            timeout=0, sync_filter={"room": {"timeline": {"limit": 0}}}
        )
        assert isinstance(response, SyncResponse), response
        self.token = response.next_batch
        await self.keep_keys()
        return self

    async def keep_keys(self) -> None:
        """What a client does between syncs when it encrypts (nothing when it does not)."""
        client = self.client
        if client.olm is None:
            return
        if client.should_upload_keys:
            await client.keys_upload()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())
        await client.send_to_device_messages()
        for device in client.device_store:
            if not device.verified and not device.blacklisted:
                client.verify_device(device)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.client.close()

    async def create_room(
        self,
        *,
        invite: Sequence[str] = (),
        is_direct: bool = False,
        encrypted: bool = False,
        power_users: dict[str, int] | None = None,
        preset: RoomPreset | None = None,
    ) -> str:
        initial_state: list[dict[str, Any]] = []
        if encrypted:
            initial_state.append(
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            )
        override = None
        if power_users:
            override = {"users": dict(power_users)}  # creators have full power already
        response = await self.client.room_create(
            invite=list(invite),
            is_direct=is_direct,
            initial_state=initial_state,
            power_level_override=override,
            preset=preset,
        )
        assert isinstance(response, RoomCreateResponse), response
        room_id: str = response.room_id
        return room_id

    async def invite(self, room_id: str, user_id: str) -> None:
        await self.client.room_invite(room_id, user_id)

    async def send(
        self, room_id: str, content: dict[str, Any], kind: str = "m.room.message"
    ) -> str:
        # an encrypted room: the room key goes to every device of its members (trusted on
        # first use, as in keep_keys)
        response = await self.client.room_send(
            room_id, kind, content, ignore_unverified_devices=True
        )
        assert isinstance(response, RoomSendResponse), response
        event_id: str = response.event_id
        return event_id

    async def say(self, room_id: str, text: str) -> str:
        return await self.send(room_id, {"msgtype": "m.text", "body": text})

    async def poll(self, timeout_ms: int = 1000) -> None:
        response = await self.client.sync(
            timeout=timeout_ms, since=self.token, sync_filter=_LISTEN_FILTER
        )
        assert isinstance(response, SyncResponse), response
        self.token = response.next_batch
        await self.keep_keys()
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                self.seen.append(Seen(room_id, event))
            if info.unread_notifications is not None:
                self.highlights[room_id] = info.unread_notifications.highlight_count or 0

    async def wait_for(
        self, match: Callable[[Any], bool], *, room_id: str | None = None, timeout: float = 15.0
    ) -> Any:
        """The first event seen (now or later) that matches; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            for seen in self.seen:
                if (room_id is None or seen.room_id == room_id) and match(seen.event):
                    return seen.event
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no matching event within {timeout}s")
            await self.poll(timeout_ms=int(min(left, 1.0) * 1000))

    async def wait_for_member(self, room_id: str, user_id: str, membership: str) -> None:
        def matches(event: Any) -> bool:
            content = content_of(event)
            return bool(
                event.source.get("type") == "m.room.member"
                and event.source.get("state_key") == user_id
                and content.get("membership") == membership
            )

        await self.wait_for(matches, room_id=room_id)

    def replies(self, event_id: str) -> list[Any]:
        return [s.event for s in self.seen if replies_to(s.event, event_id)]

    def from_user(self, user_id: str, room_id: str) -> list[Any]:
        return [s.event for s in self.seen if s.room_id == room_id and s.event.sender == user_id]

    async def settle(self, seconds: float = 0.5) -> None:
        """Keep reading for a while: catches late duplicates."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            await self.poll(timeout_ms=int(max(0.05, end - time.monotonic()) * 1000))


async def ask(person: Person, room_id: str, text: str, timeout: float = 15.0) -> Any:
    """Say ``text`` and return the first reply to it."""
    asked = await person.say(room_id, text)
    return await person.wait_for(lambda e: replies_to(e, asked), timeout=timeout)


SCENARIO_TIMEOUT = 60


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    """Run one async scenario against the homeserver, failing it after SCENARIO_TIMEOUT s."""
    asyncio.run(asyncio.wait_for(scenario(), SCENARIO_TIMEOUT))

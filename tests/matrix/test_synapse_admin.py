"""Admin commands on a real Synapse: a room's power levels decide who is a platform admin
(when ``matrix_power_level_admins`` is on), and an admin adds a posting in chat — preview,
confirm, listed — while a plain member is refused and nothing changes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import Person, ask, content_of, make_adapter, make_app, run
from .synapse import Account, SynapseServer

DATACITE = "datacite-technical-community-manager"
_TOKEN = re.compile(r"jobs confirm ([0-9a-f]{8})")


@pytest.fixture
def admin_app(store_template: Path, store_path: Path, tmp_path: Path) -> Iterator[Any]:
    """``admin_app(**settings)``: an app whose content folder is this test's own copy."""
    content = tmp_path / "content"
    shutil.copytree(store_template.parent / "content", content)
    apps: list[Any] = []

    def make(**settings: Any) -> Any:
        app = make_app(store_path, content_dir=content, **settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()


def body(event: Any) -> str:
    text: str = content_of(event)["body"]
    return text


def file_of(app: Any, posting_id: str) -> bytes:
    return bytes((app.settings.content_dir / f"{posting_id}.md").read_bytes())


async def room_with_member(alice: Person, eve: Person, bot: Account) -> str:
    """A room Alice created (power 100), Herald and Eve (power 0) joined."""
    room = await alice.create_room(invite=[bot.user_id, eve.user_id])
    await alice.wait_for_member(room, bot.user_id, "join")
    await eve.client.join(room)
    await alice.wait_for_member(room, eve.user_id, "join")
    return room


def test_the_room_creator_may_close_and_a_member_may_not(
    synapse: SynapseServer, accounts: dict[str, Account], admin_app: Callable[..., Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = admin_app(matrix_power_level_admins=True)
    before = file_of(app, DATACITE)

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice, Person(synapse.url, stranger) as eve:
                room = await room_with_member(alice, eve, bot)
                refused = await ask(eve, room, f"!jobs close {DATACITE}")
                assert "Only admins can close postings." in body(refused)
                assert file_of(app, DATACITE) == before
                posting = app.store.get_posting(DATACITE)
                assert posting is not None and not posting.closed

                closed = await ask(alice, room, f"!jobs close {DATACITE}")
                assert f"Closed {DATACITE}" in body(closed).replace("`", "")
        finally:
            await adapter.stop()
        posting = app.store.get_posting(DATACITE)
        assert posting is not None and posting.closed
        assert file_of(app, DATACITE) != before

    run(scenario)


def test_a_moderator_with_power_50_may_close(
    synapse: SynapseServer, accounts: dict[str, Account], admin_app: Callable[..., Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = admin_app(matrix_power_level_admins=True)

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice, Person(synapse.url, stranger) as eve:
                room = await alice.create_room(
                    invite=[bot.user_id, eve.user_id], power_users={eve.user_id: 50}
                )
                await alice.wait_for_member(room, bot.user_id, "join")
                await eve.client.join(room)
                await alice.wait_for_member(room, eve.user_id, "join")
                closed = await ask(eve, room, f"!jobs close {DATACITE}")
        finally:
            await adapter.stop()
        assert f"Closed {DATACITE}" in body(closed).replace("`", "")

    run(scenario)


def test_power_levels_do_not_count_unless_enabled(
    synapse: SynapseServer, accounts: dict[str, Account], admin_app: Callable[..., Any]
) -> None:
    bot, human = accounts["herald"], accounts["human"]
    app = admin_app()  # matrix_power_level_admins defaults to off
    before = file_of(app, DATACITE)

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice:
                room = await alice.create_room(invite=[bot.user_id, accounts["stranger"].user_id])
                await alice.wait_for_member(room, bot.user_id, "join")
                answer = await ask(alice, room, f"!jobs close {DATACITE}")
        finally:
            await adapter.stop()
        assert "Only admins can close postings." in body(answer)
        assert file_of(app, DATACITE) == before

    run(scenario)


def test_an_admin_adds_a_posting_preview_confirm_listed(
    synapse: SynapseServer, accounts: dict[str, Account], admin_app: Callable[..., Any]
) -> None:
    bot, human, stranger = accounts["herald"], accounts["human"], accounts["stranger"]
    app = admin_app(matrix_power_level_admins=True)
    add = '!jobs add title="Digital Curator" organization="Example Library" deadline=2022-03-15'

    async def scenario() -> None:
        adapter = make_adapter(app, synapse.url, bot)
        await adapter.start()
        try:
            async with Person(synapse.url, human) as alice, Person(synapse.url, stranger) as eve:
                room = await room_with_member(alice, eve, bot)
                refused = await ask(eve, room, add)
                assert "Only admins can add postings." in body(refused)

                preview = await ask(alice, room, add)
                text = body(preview)
                assert "nothing is stored until you confirm" in text
                assert "Digital Curator" in text and "2022-03-15" in text
                match = _TOKEN.search(text)
                assert match, text
                assert "!jobs confirm" in text  # Matrix's prefix, not Slack's slash
                listed_before = await ask(alice, room, "!jobs curator")
                assert "Digital Curator" not in body(listed_before)

                stolen = await ask(eve, room, f"!jobs confirm {match[1]}")
                assert "Only admins can confirm admin changes." in body(stolen)

                done = await ask(alice, room, f"!jobs confirm {match[1]}")
                assert "Added" in body(done) and "Digital Curator" in body(done)
                listed = await ask(alice, room, "!jobs curator")
                assert "Digital Curator" in body(listed)
                again = await ask(alice, room, f"!jobs confirm {match[1]}")
                assert "already confirmed" in body(again)
        finally:
            await adapter.stop()
        added = [p for p in app.store.all_postings() if p.title == "Digital Curator"]
        assert len(added) == 1 and added[0].organization == "Example Library"
        assert (app.settings.content_dir / added[0].source).is_file()

    run(scenario)

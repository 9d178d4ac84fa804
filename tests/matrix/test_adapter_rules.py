"""The adapter's decisions that need no server: what is a command, who may invite, how a reply
relates, how rate limits are waited out, and when ``herald run`` starts Matrix."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nio import RoomSendError, RoomSendResponse

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.platforms.base import ConfigurationError
from bot.platforms.matrix import (
    MatrixAdapter,
    MatrixError,
    command_line,
    from_settings,
    inviter_allowed,
    reply_relation,
    send_with_retry,
    state_key,
)
from bot.store import Store

NAMES = ["@herald:example.org", "herald", "Herald Bot"]


@pytest.mark.parametrize(
    ("body", "is_dm", "expected"),
    [
        ("!jobs remote", False, ("jobs remote", True)),
        ("  !iiif membership fee ", False, ("iiif membership fee", True)),
        ("Herald Bot: jobs remote", False, ("jobs remote", True)),
        ("herald bot, help", False, ("help", True)),
        ("@herald:example.org: jobs", False, ("jobs", True)),
        ("@herald:example.org jobs", False, ("jobs", False)),
        ("herald jobs remote", False, ("jobs remote", False)),
        ("Herald: !jobs", False, ("jobs", True)),
        ("jobs remote", True, ("jobs remote", True)),
        ("herald jobs", True, ("jobs", True)),
        ("!jobs", True, ("jobs", True)),
        ("> <@alice:x.org> earlier\n\n!help", False, ("help", True)),
        ("jobs remote", False, None),
        ("heraldry is fun", False, None),
        ("!!!", False, None),
        ("! jobs", False, None),
        ("   ", True, None),
        ("Herald", False, None),
    ],
)
def test_command_line(body: str, is_dm: bool, expected: tuple[str, bool] | None) -> None:
    assert command_line(body, prefix="!", names=NAMES, is_dm=is_dm) == expected


@given(st.text(max_size=200), st.booleans())
def test_command_line_never_fails_and_never_keeps_the_prefix(body: str, is_dm: bool) -> None:
    found = command_line(body, prefix="!", names=NAMES, is_dm=is_dm)
    if found is not None and not is_dm:
        line, _explicit = found
        assert line and line == line.strip()


@pytest.mark.parametrize(
    ("inviter", "allowed", "ok"),
    [
        ("@alice:example.org", [], True),  # default: the bot's own homeserver
        ("@eve:evil.org", [], False),
        ("@eve:evil.org", ["evil.org"], True),
        ("@eve:Evil.org", ["EVIL.org "], True),
        ("@alice:example.org", ["@bob:example.org"], False),  # a list replaces the default
        ("@bob:example.org", ["@bob:example.org"], True),
        ("@bob:example.org.evil", ["example.org"], False),
        ("@bob:localhost:8448", ["localhost:8448"], True),
    ],
)
def test_inviter_allowed(inviter: str, allowed: list[str], ok: bool) -> None:
    assert inviter_allowed(inviter, allowed, "@herald:example.org") is ok


def test_reply_relation_plain_and_in_a_thread() -> None:
    assert reply_relation("$q", {"content": {"body": "!help"}}) == {
        "m.in_reply_to": {"event_id": "$q"}
    }
    threaded = {"content": {"m.relates_to": {"rel_type": "m.thread", "event_id": "$root"}}}
    assert reply_relation("$q", threaded) == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": "$q"},
    }


def test_state_keys_fit_the_table() -> None:
    assert state_key("@h:x.org", "next_batch") == "matrix:@h:x.org:next_batch"
    long = state_key("@h:x.org", "encrypted-notice:!" + "r" * 300)
    assert len(long) <= 200 and long != state_key("@h:x.org", "encrypted-notice:!" + "r" * 301)


def _limited(ms: int | None) -> RoomSendError:
    return RoomSendError("Too Many Requests", "M_LIMIT_EXCEEDED", ms)


def test_send_with_retry_waits_what_the_server_asks() -> None:
    answers: list[Any] = [_limited(1500), _limited(None), RoomSendResponse("$e", "!r")]
    waits: list[float] = []

    async def send() -> Any:
        return answers.pop(0)

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    result = asyncio.run(send_with_retry(send, sleep=sleep))
    assert isinstance(result, RoomSendResponse)
    assert waits == [1.5, 1.0]


def test_send_with_retry_gives_up_after_bounded_attempts() -> None:
    calls = 0

    async def send() -> Any:
        nonlocal calls
        calls += 1
        return _limited(10)

    async def sleep(_seconds: float) -> None:
        return None

    with pytest.raises(MatrixError, match="M_LIMIT_EXCEEDED"):
        asyncio.run(send_with_retry(send, attempts=3, sleep=sleep))
    assert calls == 3


def test_send_with_retry_does_not_retry_other_errors() -> None:
    calls = 0

    async def send() -> Any:
        nonlocal calls
        calls += 1
        return RoomSendError("You are not in this room", "M_FORBIDDEN")

    with pytest.raises(MatrixError, match="M_FORBIDDEN"):
        asyncio.run(send_with_retry(send))
    assert calls == 1


@pytest.fixture
def app(tmp_path: Path) -> Any:
    store = Store.open(f"sqlite:///{tmp_path / 'h.db'}")
    yield lambda **env: App(
        settings=Settings(database_url="sqlite://", **env),
        store=store,
        clock=fixed_clock(date(2022, 2, 1)),
    )
    store.close()


@pytest.fixture(autouse=True)
def _no_matrix_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "MATRIX_HOMESERVER",
        "MATRIX_USER_ID",
        "MATRIX_ACCESS_TOKEN",
        "MATRIX_PASSWORD",
    ):
        monkeypatch.delenv(name, raising=False)


def test_from_settings_is_none_when_matrix_is_not_configured(app: Any) -> None:
    assert from_settings(app()) is None


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"MATRIX_ACCESS_TOKEN": "t"}, "MATRIX_HOMESERVER"),
        ({"MATRIX_HOMESERVER": "https://m.org"}, "MATRIX_ACCESS_TOKEN"),
        ({"MATRIX_HOMESERVER": "https://m.org", "MATRIX_PASSWORD": "p"}, "MATRIX_USER_ID"),
    ],
)
def test_from_settings_names_the_missing_variable(
    app: Any, env: dict[str, str], names: str
) -> None:
    with pytest.raises(ConfigurationError, match=names):
        from_settings(app(**env))


@pytest.mark.parametrize(
    "env",
    [
        {"MATRIX_HOMESERVER": "https://m.org", "MATRIX_ACCESS_TOKEN": "secret-token"},
        {
            "MATRIX_HOMESERVER": "https://m.org",
            "MATRIX_USER_ID": "@h:m.org",
            "MATRIX_PASSWORD": "secret-password",
        },
    ],
)
def test_from_settings_builds_the_adapter(app: Any, env: dict[str, str]) -> None:
    adapter = from_settings(app(command_prefix="?", **env))
    assert isinstance(adapter, MatrixAdapter)
    assert adapter.name == "matrix"
    assert adapter.config.homeserver == "https://m.org"
    assert adapter.config.prefix == "?"
    assert "secret" not in repr(adapter.config)  # secrets never reach logs


def test_herald_run_finds_the_matrix_adapter(app: Any) -> None:
    from bot.platforms import matrix
    from bot.runtime import adapter_factories, configured_adapters

    assert matrix.from_settings in adapter_factories()
    env = {"MATRIX_HOMESERVER": "https://m.org", "MATRIX_ACCESS_TOKEN": "t"}
    adapters = configured_adapters(app(**env), [matrix.from_settings])
    assert [a.name for a in adapters] == ["matrix"]


def test_nio_is_imported_by_the_matrix_adapter_only() -> None:
    root = Path(__file__).resolve().parents[2]
    importers = sorted(
        str(path.relative_to(root))
        for folder in ("bot", "handlers")
        for path in (root / folder).rglob("*.py")
        if re.search(r"^\s*(import nio|from nio\b)", path.read_text(), re.M)
    )
    assert importers == ["bot/platforms/matrix.py"]

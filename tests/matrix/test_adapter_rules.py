"""The adapter's decisions that need no server: what is a command, who may invite, how a reply
relates, how rate limits are waited out, what a refused send means for the scheduler, which
sync failures mean "start afresh", and when ``herald run`` starts Matrix."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nio import RoomSendError, RoomSendResponse

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError
from bot.platforms.base import ConfigurationError
from bot.platforms.matrix import (
    MatrixAdapter,
    MatrixError,
    command_line,
    creators_privileged,
    direct_rooms_of,
    from_settings,
    inviter_allowed,
    is_edit,
    mentions_user,
    reply_relation,
    room_creators,
    send_error,
    send_with_retry,
    state_key,
)
from bot.platforms.matrix.rules import edit_of, request_of, token_refused
from bot.store import Store

NAMES = ["@herald:example.org", "herald", "Herald Bot"]


@pytest.mark.parametrize(
    ("body", "is_dm", "expected"),
    [
        # the prefix alone, in a group room: answered only if Herald has the command
        ("!jobs remote", False, ("jobs remote", False, True)),
        ("  !iiif membership fee ", False, ("iiif membership fee", False, True)),
        ("Herald Bot: jobs remote", False, ("jobs remote", True, False)),
        ("herald bot, help", False, ("help", True, False)),
        ("@herald:example.org: jobs", False, ("jobs", True, False)),
        ("@herald:example.org jobs", False, ("jobs", False, False)),
        ("herald jobs remote", False, ("jobs remote", False, False)),
        ("Herald: !jobs", False, ("jobs", True, True)),
        ("jobs remote", True, ("jobs remote", True, False)),
        ("herald jobs", True, ("jobs", True, False)),
        # the name typed with an at sign, the pill not picked: still Herald's name
        ("@Herald Bot: jobs remote", False, ("jobs remote", True, False)),
        ("@herald remote jobs", False, ("remote jobs", False, False)),
        ("@herald remote jobs", True, ("remote jobs", True, False)),
        ("@heraldry jobs", True, ("@heraldry jobs", True, False)),
        # a command in Element's code formatting, as Herald's replies show commands
        ("`!jobs remote`", False, ("jobs remote", False, True)),
        ("!jobs", True, ("jobs", True, True)),
        ("> <@alice:x.org> earlier\n\n!help", True, ("help", True, True)),
        # a quoted blank line trimmed to ">", and Windows line ends, are still the fallback
        ("> <@alice:x.org> one\n>\n> two\n\n!help", False, ("help", False, True)),
        ("> <@alice:x.org> one\r\n\r\n!help", False, ("help", False, True)),
        ("jobs remote", False, None),
        ("heraldry is fun", False, None),
        ("!!!", False, None),
        ("! jobs", False, None),
        ("   ", True, None),
        ("Herald", False, None),
    ],
)
def test_command_line(body: str, is_dm: bool, expected: tuple[str, bool, bool] | None) -> None:
    assert command_line(body, prefix="!", names=NAMES, is_dm=is_dm) == expected


@given(st.text(max_size=200), st.booleans())
def test_command_line_never_fails_and_never_keeps_the_prefix(body: str, is_dm: bool) -> None:
    found = command_line(body, prefix="!", names=NAMES, is_dm=is_dm)
    if found is not None and not is_dm:
        line, _explicit, _prefixed = found
        assert line and line == line.strip()


@pytest.mark.parametrize(
    ("body", "command", "text", "prefixed"),
    [
        ("!jobs remote", "jobs", "remote", True),
        ("Herald: jobs remote", "jobs", "remote", False),
        # typed as a command after Herald's name, as on Slack and the console
        ("Herald: /iiif fee", "iiif", "fee", True),
        ("Herald: !iiif fee", "iiif", "fee", True),
        ("iiif fee", "iiif", "fee", False),  # in a DM: a question unless iiif is a command
    ],
)
def test_a_message_is_read_by_the_routers_rule(
    body: str, command: str, text: str, prefixed: bool
) -> None:
    asked = command_line(body, prefix="!", names=NAMES, is_dm=True)
    assert asked is not None
    request = request_of(asked, prefix="!", user="@a:x.org", room_id="!r:x.org", is_dm=True)
    assert (request.command, request.text, request.prefixed) == (command, text, prefixed)
    assert (request.platform, request.user, request.channel) == ("matrix", "@a:x.org", "!r:x.org")


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
        ("@eve:evil.org", ["*"], True),
        ("@eve:evil.org", ["@bob:example.org", "*"], True),
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

    with pytest.raises(RateLimited, match="M_LIMIT_EXCEEDED") as raised:
        asyncio.run(send_with_retry(send, attempts=3, sleep=sleep))
    assert calls == 3
    assert raised.value.retry_after == 0.01  # the scheduler waits what the server last asked


def test_send_with_retry_hands_long_waits_to_the_scheduler() -> None:
    answers: list[Any] = [_limited(2000), _limited(4000), RoomSendResponse("$e", "!r")]
    waits: list[float] = []

    async def send() -> Any:
        return answers.pop(0)

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    with pytest.raises(RateLimited) as raised:
        asyncio.run(send_with_retry(send, sleep=sleep, max_total_wait=5.0))
    assert waits == [2.0]  # 2 + 4 would pass the budget: the scheduler waits the 4 s
    assert raised.value.retry_after == 4.0


def test_send_with_retry_turns_no_answer_into_a_transient_error() -> None:
    async def send() -> Any:
        raise aiohttp.ClientConnectionError("connection refused")

    with pytest.raises(TransientSendError, match="connection refused"):
        asyncio.run(send_with_retry(send))


class _Transport:
    def __init__(self, status: int) -> None:
        self.status = status


def _refusal(code: str | None, status: int | None, ms: int | None = None) -> RoomSendError:
    error = RoomSendError("refused", code, ms)
    if status is not None:
        error.transport_response = _Transport(status)  # type: ignore[assignment]
    return error


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("M_FORBIDDEN", 403, PermanentSendError),  # not in the room, or no such room
        ("M_NOT_FOUND", 404, PermanentSendError),
        ("M_UNKNOWN_TOKEN", 401, PermanentSendError),
        ("M_TOO_LARGE", 413, PermanentSendError),
        ("M_SOMETHING_NEW", 400, PermanentSendError),
        ("M_LIMIT_EXCEEDED", 429, RateLimited),
        (None, 429, RateLimited),
        ("M_UNKNOWN", 500, TransientSendError),
        (None, 502, TransientSendError),
        (None, None, TransientSendError),  # an answer nio could not read
        ("M_UNKNOWN", 408, TransientSendError),
    ],
)
def test_send_error_maps_the_homeservers_answer(
    code: str | None, status: int | None, expected: type[SendError]
) -> None:
    assert type(send_error(_refusal(code, status))) is expected


def test_rate_limit_wait_is_the_servers_in_seconds() -> None:
    error = send_error(_refusal("M_LIMIT_EXCEEDED", 429, 2500))
    assert isinstance(error, RateLimited) and error.retry_after == 2.5


@pytest.mark.parametrize(
    ("status", "errcode", "refused"),
    [
        (400, "M_UNKNOWN", True),  # Synapse: "Invalid stream token"
        (404, "M_NOT_FOUND", True),
        (401, "M_UNKNOWN_TOKEN", False),  # the access token: a fresh start cannot help
        (429, "M_LIMIT_EXCEEDED", False),
        (500, "M_UNKNOWN", False),
        (None, None, False),
    ],
)
def test_which_sync_failures_drop_the_stored_token(
    status: int | None, errcode: str | None, refused: bool
) -> None:
    exc = MatrixError("sync failed", http_status=status, errcode=errcode)
    assert token_refused(exc) is refused


def test_send_with_retry_does_not_retry_other_errors() -> None:
    calls = 0

    async def send() -> Any:
        nonlocal calls
        calls += 1
        return RoomSendError("You are not in this room", "M_FORBIDDEN")

    with pytest.raises(PermanentSendError, match="Herald may not post in this room"):
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
    # the adapter's own package, whichever of its modules needs it
    assert importers and all(i.startswith("bot/platforms/matrix/") for i in importers)


def test_room_creators_come_from_the_create_event() -> None:
    state = [
        {"type": "m.room.member", "state_key": "@a:x.org", "sender": "@a:x.org", "content": {}},
        {
            "type": "m.room.create",
            "state_key": "",
            "sender": "@a:x.org",
            "content": {"room_version": "12", "additional_creators": ["@b:x.org", 7]},
        },
    ]
    assert room_creators(state) == {"@a:x.org", "@b:x.org"}
    assert room_creators(state[:1]) == frozenset()


@pytest.mark.parametrize(
    ("version", "privileged"),
    [("1", False), ("11", False), ("12", True), ("13", True), ("x", False)],
)
def test_creators_have_unlimited_power_from_room_version_12(version: str, privileged: bool) -> None:
    assert creators_privileged(version) is privileged


@pytest.mark.parametrize(
    ("content", "mentioned"),
    [
        ({"m.mentions": {"user_ids": ["@herald:example.org"]}}, True),
        ({"m.mentions": {"user_ids": ["@ana:example.org"]}}, False),
        ({"m.mentions": {"room": True}}, False),
        ({"m.mentions": {"user_ids": "@herald:example.org"}}, False),  # not a list
        ({"m.mentions": ["@herald:example.org"]}, False),
        ({}, False),
    ],
)
def test_mentions_user_trusts_only_the_specified_shape(
    content: dict[str, Any], mentioned: bool
) -> None:
    assert mentions_user(content, "@herald:example.org") is mentioned


def test_is_edit_only_for_replacements() -> None:
    assert is_edit({"body": "* !jobs", "m.relates_to": {"rel_type": "m.replace", "event_id": "$a"}})
    assert not is_edit({"body": "!jobs", "m.relates_to": {"m.in_reply_to": {"event_id": "$a"}}})
    assert not is_edit({"body": "* x", "m.relates_to": "m.replace"})
    assert not is_edit({"body": "* bold claim"})


def test_edit_of_gives_the_edited_event_and_the_new_content() -> None:
    new = {"msgtype": "m.text", "body": "!jobs", "m.mentions": {}}
    replace = {"rel_type": "m.replace", "event_id": "$a"}
    assert edit_of({"body": "* !jobs", "m.new_content": new, "m.relates_to": replace}) == (
        "$a",
        new,
    )
    assert edit_of({"body": "* !jobs", "m.relates_to": replace}) is None  # no new content
    assert edit_of({"body": "* x", "m.new_content": {"body": 3}, "m.relates_to": replace}) is None
    assert edit_of({"body": "!jobs", "m.new_content": new}) is None  # no m.replace
    odd = {"rel_type": "m.replace", "event_id": ["$a"]}
    assert edit_of({"body": "* x", "m.new_content": new, "m.relates_to": odd}) is None


def test_direct_rooms_of_reads_every_users_rooms_and_skips_junk() -> None:
    content: dict[str, Any] = {"@a:x.org": ["!1:x.org", "!2:x.org"], "@b:x.org": ["!3:x.org", 4]}
    content["@c:x.org"] = "!4:x.org"
    assert direct_rooms_of(content) == {"!1:x.org", "!2:x.org", "!3:x.org"}


def test_herald_run_with_an_unreachable_homeserver_says_so_in_one_line(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "HERALD_DATABASE_URL": f"sqlite:///{tmp_path / 'herald.db'}",
        "HERALD_MATRIX_CRYPTO_STORE": str(tmp_path / "crypto"),
        "MATRIX_HOMESERVER": f"http://127.0.0.1:{port}",
        "MATRIX_ACCESS_TOKEN": "syt_secret_token",
    }
    herald = Path(sys.executable).parent / "herald"
    subprocess.run([str(herald), "db", "upgrade"], env=env, cwd=tmp_path, check=False)
    done = subprocess.run(
        [str(herald), "run"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "syt_secret_token" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "Matrix homeserver" in line]
    assert len(lines) == 1, done.stderr
    assert f"Could not reach the Matrix homeserver http://127.0.0.1:{port}" in done.stderr

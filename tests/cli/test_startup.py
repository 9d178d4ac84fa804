"""A misconfigured ``herald run`` says what is wrong in one line on stderr and exits 2, with no
traceback: a real process for each case, against closed ports, a recording fake of Slack's Web
API, and a web server that is no Matrix homeserver. The processes run side by side (most of
each one's time is Python importing Herald)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS / "slack") not in sys.path:
    sys.path.append(str(TESTS / "slack"))

from slackfakes import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, FakeSlack, LoopThread  # noqa: E402

pytestmark = pytest.mark.slow

# the console script of the Python running the tests, wherever Herald is installed
HERALD = Path(sys.executable).parent / "herald"
MATRIX = {"MATRIX_USER_ID": "@herald:localhost", "MATRIX_ACCESS_TOKEN": "syt_refused"}
SLACK = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


Case = Callable[[FakeSlack, int], dict[str, str]]

CASES: dict[str, Case] = {
    "matrix unreachable": lambda fake, taken: {
        **MATRIX,
        "MATRIX_HOMESERVER": f"http://127.0.0.1:{closed_port()}",
    },
    "matrix no url": lambda fake, taken: {
        **MATRIX,
        "MATRIX_HOMESERVER": "matrix.example.org without a scheme",
    },
    # the fake Slack answers 404 to every Matrix path
    "matrix not a homeserver": lambda fake, taken: {**MATRIX, "MATRIX_HOMESERVER": fake.base},
    "slack bad token": lambda fake, taken: {
        **SLACK,
        "SLACK_BOT_TOKEN": "xoxb-revoked",
        "HERALD_SLACK_API_URL": fake.api_url,
    },
    "slack unreachable": lambda fake, taken: {
        **SLACK,
        "HERALD_SLACK_API_URL": f"http://127.0.0.1:{closed_port()}/api/",
    },
    "database unreachable": lambda fake, taken: {
        **SLACK,
        "HERALD_DATABASE_URL": f"postgresql+psycopg://herald:s3cret@127.0.0.1:{closed_port()}/h",
    },
    "invalid settings": lambda fake, taken: {
        "HERALD_HTTP_PORT": "eighty",
        "HERALD_DIGEST_WEEKDAY": "9",
    },
    "settings not json": lambda fake, taken: {"HERALD_ADMINS": "U0123"},
    "unknown time zone": lambda fake, taken: {"HERALD_TIMEZONE": "Europe/Berln"},
    "unknown log level": lambda fake, taken: {"HERALD_LOG_LEVEL": "verbose"},
    "http port taken": lambda fake, taken: {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "HERALD_SLACK_API_URL": fake.api_url,
        "HERALD_HTTP_PORT": str(taken),
    },
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[int, str]]]:
    """Every case's (exit code, stderr), from processes started together."""
    loop = LoopThread()
    fake = FakeSlack()
    loop.run(fake.start())
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("HERALD_", "SLACK_", "MATRIX_"))
    }
    running: dict[str, subprocess.Popen[str]] = {}
    try:
        for name, case in CASES.items():
            folder = tmp_path_factory.mktemp("startup")
            (folder / "content").mkdir()
            env = {
                **base,
                "HERALD_DATABASE_URL": f"sqlite:///{folder / 'herald.db'}",
                "HERALD_CONTENT_DIR": str(folder / "content"),
                "HERALD_HTTP_HOST": "127.0.0.1",
                "HERALD_HTTP_PORT": str(closed_port()),
                "COLUMNS": "40",  # a narrow terminal must not wrap the line either
                **case(fake, taken.getsockname()[1]),
            }
            running[name] = subprocess.Popen(
                [str(HERALD), "run"],
                env=env,
                cwd=folder,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        results = {}
        for name, process in running.items():
            _out, err = process.communicate(timeout=180)
            results[name] = (process.returncode, err)
        yield results
    finally:
        for process in running.values():
            if process.poll() is None:
                process.kill()
        taken.close()
        loop.run(fake.stop())
        loop.close()


def one_line(outcomes: dict[str, tuple[int, str]], case: str) -> str:
    code, err = outcomes[case]
    lines = err.splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_unreachable_matrix_homeserver(outcomes: dict[str, tuple[int, str]]) -> None:
    # the Matrix adapter's own ConfigurationError, or the runtime's for what it let through
    line = one_line(outcomes, "matrix unreachable")
    assert "MATRIX_HOMESERVER" in line and "127.0.0.1" in line


def test_matrix_homeserver_that_is_no_url(outcomes: dict[str, tuple[int, str]]) -> None:
    assert "MATRIX_HOMESERVER" in one_line(outcomes, "matrix no url")


def test_a_server_that_is_no_matrix_homeserver(outcomes: dict[str, tuple[int, str]]) -> None:
    assert "MATRIX_ACCESS_TOKEN was refused" in one_line(outcomes, "matrix not a homeserver")


def test_bad_slack_token(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "slack bad token")
    assert "SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)" in line
    assert "xoxb-revoked" not in line


def test_unreachable_slack(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "slack unreachable")
    assert "SLACK_BOT_TOKEN" in line and "reachable" in line


def test_unreachable_database(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "database unreachable")
    assert "Connection refused" in line and "herald:***@127.0.0.1" in line
    assert "s3cret" not in line


def test_invalid_setting_names_the_variable(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "invalid settings")
    assert line.startswith("Invalid setting:")
    assert "HERALD_HTTP_PORT" in line and "HERALD_DIGEST_WEEKDAY" in line


def test_a_list_setting_that_is_not_json_names_the_variable(
    outcomes: dict[str, tuple[int, str]],
) -> None:
    line = one_line(outcomes, "settings not json")
    assert line.startswith("Invalid setting: HERALD_ADMINS: not valid JSON")


def test_an_unknown_time_zone_names_the_variable(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "unknown time zone")
    assert line == (
        "Invalid setting: HERALD_TIMEZONE: no time zone is named 'Europe/Berln'; write one such "
        "as Europe/Berlin or UTC"
    )


def test_an_unknown_log_level_names_the_variable(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "unknown log level")
    assert line.startswith("Invalid setting: HERALD_LOG_LEVEL: no log level is named 'verbose'")


def test_http_port_taken_in_socket_mode(outcomes: dict[str, tuple[int, str]]) -> None:
    line = one_line(outcomes, "http port taken")
    assert "Cannot listen on 127.0.0.1" in line and "HERALD_HTTP_PORT" in line

"""The deploy files, checked without a container daemon (none runs here): the compose file
parses and runs ``herald run`` with PostgreSQL and no TTY, the image runs ``herald run`` as a
non-root user with its data in a volume and a health check that really fails on a 503, the
systemd unit verifies, and every setting named anywhere exists in ``bot/config.py``."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app import App
from bot.config import Settings, env_name
from bot.store import Store
from bot.web import Endpoints, WebServer

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# the console script of the Python running the tests, wherever Herald is installed
HERALD = Path(sys.executable).parent / "herald"
SETTING = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.M)
NAME = re.compile(r"\b((?:HERALD|SLACK|MATRIX)_[A-Z0-9_]+)\b")
# names in the deploy files that are not Herald's settings
OTHERS = {"POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB"}

SETTINGS = {env_name(field) for field in Settings.model_fields}


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) with continuation lines joined and comments dropped."""
    lines: list[tuple[str, str]] = []
    pending = ""
    for raw in (DEPLOY / "Dockerfile").read_text().splitlines():
        if raw.lstrip().startswith("#") or not raw.strip():
            continue
        pending += raw.rstrip().removesuffix("\\") + (" " if raw.rstrip().endswith("\\") else "")
        if not raw.rstrip().endswith("\\"):
            word, _, rest = pending.strip().partition(" ")
            lines.append((word.upper(), rest.strip()))
            pending = ""
    return lines


def instruction(name: str) -> list[str]:
    return [rest for word, rest in dockerfile() if word == name]


# --- the image ------------------------------------------------------------------------------


def test_image_runs_herald_run_as_a_non_root_user_with_a_data_volume() -> None:
    assert [json.loads(c) for c in instruction("CMD")] == [["herald", "run"]]
    assert not instruction("ENTRYPOINT")
    users = instruction("USER")
    assert users and users[-1] not in ("root", "0")
    volumes = [v for arg in instruction("VOLUME") for v in json.loads(arg)]
    assert volumes == ["/var/lib/herald"]
    env = " ".join(instruction("ENV"))
    # what Herald writes (content write-back, SQLite by default) is inside the volume
    assert "HERALD_CONTENT_DIR=/var/lib/herald/content" in env
    assert "HERALD_DATABASE_URL=sqlite:////var/lib/herald/herald.db" in env
    assert "HERALD_MATRIX_CRYPTO_STORE=/var/lib/herald/matrix-crypto" in env
    assert "HOME=/var/lib/herald" in env
    text = (DEPLOY / "Dockerfile").read_text()
    assert "console" not in " ".join(rest for _w, rest in dockerfile())
    assert set(NAME.findall(text)) <= SETTINGS


def healthcheck_command() -> str:
    (check,) = instruction("HEALTHCHECK")
    command = check.split(" CMD ", 1)[1]
    assert "/healthz" in command
    return command


@pytest.fixture
def served_health(tmp_path: Path) -> Iterator[tuple[int, int]]:
    """Two endpoints on loopback: one healthy store, one behind on migrations."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    stores, servers = [], []
    for name, upgrade in (("good", True), ("old", False)):
        store = Store.open(f"sqlite:///{tmp_path / name}.db")
        if upgrade:
            store.upgrade()
        app = App(Settings(database_url="sqlite://", content_dir=tmp_path), store)
        server = WebServer(Endpoints(app), "127.0.0.1", 0)
        asyncio.run_coroutine_threadsafe(server.start(), loop).result(10)
        stores.append(store)
        servers.append(server)
    yield servers[0].port, servers[1].port
    for server in servers:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
    for store in stores:
        store.close()
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def test_image_health_check_passes_on_200_and_fails_on_503(served_health: tuple[int, int]) -> None:
    """The HEALTHCHECK's own command, run as Docker would (``sh -c``), with python on PATH."""
    command = healthcheck_command()
    good, old = served_health
    python_dir = str(Path(sys.executable).parent)
    for port, expected in ((good, 0), (old, 1)):
        env = {"PATH": python_dir + ":/usr/bin:/bin", "HERALD_HTTP_PORT": str(port)}
        done = subprocess.run(["sh", "-c", command], env=env, capture_output=True, timeout=30)
        assert done.returncode == expected, done.stderr.decode()[-500:]


def test_dockerignore_keeps_the_context_to_what_the_image_copies() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text()
    sources = [
        source
        for rest in instruction("COPY")
        for source in [a for a in rest.split() if not a.startswith("--")][:-1]
    ]
    assert "bot" in sources and "content" in sources
    kept = set(re.findall(r"^!(\S+)", ignore, re.M))
    for source in sources:
        assert source in kept or f"{source}/**" in kept, source


# --- compose --------------------------------------------------------------------------------


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return data


def test_compose_runs_herald_run_with_postgresql_and_no_console() -> None:
    services = compose()["services"]
    herald, db = services["herald"], services["db"]
    assert herald["command"] == ["herald", "run"]
    assert herald["build"]["dockerfile"] == "deploy/Dockerfile"
    assert herald["depends_on"]["db"]["condition"] == "service_healthy"
    assert herald["environment"]["HERALD_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert str(db["image"]).startswith("postgres:")
    assert "herald-data:/var/lib/herald" in herald["volumes"]
    assert all(p.startswith("127.0.0.1:") for p in herald["ports"])  # a proxy goes in front
    assert herald["read_only"] is True and herald["cap_drop"] == ["ALL"]
    for service in services.values():
        assert not service.get("tty") and not service.get("stdin_open")


def test_compose_second_replica_is_ready_to_uncomment() -> None:
    text = (DEPLOY / "compose.yaml").read_text()
    block = re.search(r"^  # herald-2:\n(?:^  #.*\n)+", text, re.M)
    assert block is not None
    uncommented = "\n".join(line.replace("  # ", "  ", 1) for line in block.group(0).splitlines())
    replica = yaml.safe_load("services:\n" + uncommented)["services"]["herald-2"]
    herald = compose()["services"]["herald"]
    assert replica["command"] == ["herald", "run"]
    assert replica["environment"] == herald["environment"]
    assert replica["ports"] != herald["ports"]


def test_every_setting_the_deploy_files_name_exists() -> None:
    for name in ("compose.yaml", "herald.service", "herald.env.example", "Dockerfile"):
        found = set(NAME.findall((DEPLOY / name).read_text())) - OTHERS
        assert found <= SETTINGS, (name, found - SETTINGS)


# --- the env example ------------------------------------------------------------------------


def test_env_example_names_every_setting() -> None:
    named = set(SETTING.findall((DEPLOY / "herald.env.example").read_text()))
    assert SETTINGS - named == set(), "add these to deploy/herald.env.example"
    assert named - SETTINGS <= OTHERS


def test_env_example_values_are_valid_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line, commented or not, read as Settings would read an env file."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    text = (DEPLOY / "herald.env.example").read_text()
    uncommented = re.sub(r"^# ([A-Z][A-Z0-9_]*=)", r"\1", text, flags=re.M)
    env = tmp_path / "herald.env"
    env.write_text(uncommented)
    settings = Settings(_env_file=env)  # type: ignore[call-arg]
    assert settings.admins == ["U0123", "@ana:example.org"]
    assert settings.reminder_offsets_days == [7, 1]
    assert settings.public_url == "https://herald.example.org"
    assert settings.slack_bot_token is not None
    site = settings.sources[0]
    assert (site.name, site.branch, site.paths, site.push) == ("site", "main", ["_posts/**"], True)
    assert site.git == "https://github.com/example/jobs-site.git"


# --- systemd --------------------------------------------------------------------------------


def unit() -> dict[str, dict[str, list[str]]]:
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in (DEPLOY / "herald.service").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key, []).append(value)
    return sections


def test_unit_runs_herald_run_hardened_with_the_env_file() -> None:
    service = unit()["Service"]
    assert service["ExecStart"][0].endswith("/herald run")
    assert service["EnvironmentFile"] == ["/etc/herald/herald.env"]
    assert service["DynamicUser"] == ["yes"]
    assert service["StateDirectory"] == ["herald"]
    assert service["RestartPreventExitStatus"] == ["2"]  # configuration errors exit 2
    for key, wanted in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    }.items():
        assert service[key] == [wanted], key


@pytest.fixture
def local_unit(tmp_path: Path) -> Path:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    text = (DEPLOY / "herald.service").read_text()
    local = tmp_path / "herald.service"
    # verify checks that the program exists; point it at this checkout's herald
    local.write_text(text.replace("/opt/herald/bin/herald", str(HERALD)))
    return local


def test_unit_verifies_with_systemd_analyze(local_unit: Path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", str(local_unit)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Unknown key" not in done.stderr and "Unknown lvalue" not in done.stderr


def test_unit_exposure_is_low(local_unit: Path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", "--no-pager", str(local_unit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    match = re.search(r"Overall exposure level for \S+: ([\d.]+)", done.stdout)
    if match is None:
        pytest.skip(f"this systemd-analyze cannot score offline: {done.stderr[-200:]}")
    assert float(match.group(1)) <= 2.0, done.stdout[-2000:]

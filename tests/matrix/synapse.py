"""A throw-away Synapse homeserver for tests and benchmarks.

Synapse runs from its own virtualenv (default ``<repo>/.venv-synapse``, created on first use
with ``python -m venv`` and ``pip install matrix-synapse``) so its many pinned dependencies
never meet Herald's. Each server gets a fresh config and SQLite database in a temporary
folder, listens on 127.0.0.1 only, has no federation listener and federates with nobody.

Example::

    python = ensure_synapse_venv(default_venv())          # slow once, then instant
    with SynapseServer(python, workdir) as server:          # ~3 s until /versions answers
        bot = server.register("herald")
        print(bot.user_id, bot.access_token, server.url)
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SERVER_NAME = "localhost"
INSTALL_TIMEOUT = 900
START_TIMEOUT = 60.0

# Everything generous: tests send bursts that real users never would. A test that wants a
# limit sets one for its own user (``SynapseServer.set_message_rate``).
_RELAXED = {"per_second": 1000, "burst_count": 1000}
RATE_LIMITS: dict[str, Any] = {
    "rc_message": _RELAXED,
    "rc_registration": _RELAXED,
    "rc_login": {"address": _RELAXED, "account": _RELAXED, "failed_attempts": _RELAXED},
    "rc_joins": {"local": _RELAXED, "remote": _RELAXED},
    "rc_joins_per_room": _RELAXED,
    "rc_invites": {"per_room": _RELAXED, "per_user": _RELAXED, "per_issuer": _RELAXED},
    "rc_admin_redaction": _RELAXED,
    "rc_3pid_validation": _RELAXED,
    "rc_presence": {"per_user": _RELAXED},
    "rc_delayed_event_mgmt": _RELAXED,
}


class SynapseUnavailable(RuntimeError):
    """Synapse could not be installed or started; the message says why."""


@dataclass(frozen=True)
class Account:
    user_id: str
    access_token: str
    device_id: str
    password: str


def default_venv() -> Path:
    return Path(os.environ.get("HERALD_SYNAPSE_VENV", REPO / ".venv-synapse"))


def ensure_synapse_venv(venv: Path) -> Path:
    """The Python of a virtualenv that has Synapse, creating it when missing."""
    python = venv / "bin" / "python"
    if python.exists() and _has_synapse(python):
        return python
    try:
        if not python.exists():
            subprocess.run(
                [sys.executable, "-m", "venv", "--clear", str(venv)],
                check=True,
                capture_output=True,
                timeout=INSTALL_TIMEOUT,
            )
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "matrix-synapse"],
            check=True,
            capture_output=True,
            timeout=INSTALL_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        tail = detail.decode(errors="replace")[-2000:] if isinstance(detail, bytes) else ""
        raise SynapseUnavailable(
            f"could not install matrix-synapse into {venv}: {exc}\n{tail}"
        ) from exc
    if not _has_synapse(python):
        raise SynapseUnavailable(f"{venv} has no importable synapse after installing it")
    return python


def _has_synapse(python: Path) -> bool:
    result = subprocess.run(
        [str(python), "-c", "import synapse.app.homeserver"],
        capture_output=True,
        timeout=120,
    )
    return result.returncode == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class SynapseServer:
    """One homeserver process; ``start`` returns when the client API answers."""

    def __init__(self, python: Path, workdir: Path, *, server_name: str = SERVER_NAME) -> None:
        self.python = python
        self.workdir = workdir
        self.server_name = server_name
        self.port = 0
        self.shared_secret = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        self._admin_token: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def config_path(self) -> Path:
        return self.workdir / "homeserver.yaml"

    def __enter__(self) -> SynapseServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def write_config(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log_config = self.workdir / "log.yaml"
        log_config.write_text(
            json.dumps(
                {
                    "version": 1,
                    "formatters": {"plain": {"format": "%(asctime)s %(name)s %(message)s"}},
                    "handlers": {
                        "file": {
                            "class": "logging.FileHandler",
                            "formatter": "plain",
                            "filename": str(self.workdir / "homeserver.log"),
                        }
                    },
                    "root": {"level": "WARNING", "handlers": ["file"]},
                    "disable_existing_loggers": False,
                }
            )
        )
        config: dict[str, Any] = {
            "server_name": self.server_name,
            "pid_file": str(self.workdir / "homeserver.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {
                "name": "sqlite3",
                "args": {"database": str(self.workdir / "homeserver.db")},
            },
            "log_config": str(log_config),
            "media_store_path": str(self.workdir / "media"),
            "signing_key_path": str(self.workdir / "signing.key"),
            "registration_shared_secret": self.shared_secret,
            "macaroon_secret_key": secrets.token_hex(16),
            "form_secret": secrets.token_hex(16),
            "report_stats": False,
            "enable_metrics": False,
            "suppress_key_server_warning": True,
            "trusted_key_servers": [],
            "federation_domain_whitelist": [],
            "enable_registration": False,
            "bcrypt_rounds": 4,
            "presence": {"enabled": False},
            "url_preview_enabled": False,
            "enable_media_repo": False,
            **RATE_LIMITS,
        }
        # JSON is YAML; no YAML writer needed in the test environment.
        self.config_path.write_text(json.dumps(config, indent=2))

    def start(self) -> None:
        last_error = ""
        for _attempt in range(3):  # another process may take the free port first
            self.port = free_port()
            self.write_config()
            self._generate_keys()
            log = (self.workdir / "stdout.log").open("ab")
            self.process = subprocess.Popen(
                [str(self.python), "-m", "synapse.app.homeserver", "-c", str(self.config_path)],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
            )
            log.close()
            try:
                self._wait_until_up()
                return
            except SynapseUnavailable as exc:
                last_error = str(exc)
                self.stop(keep_files=True)
        raise SynapseUnavailable(f"Synapse did not start: {last_error}")

    def _generate_keys(self) -> None:
        result = subprocess.run(
            [
                str(self.python),
                "-m",
                "synapse.app.homeserver",
                "-c",
                str(self.config_path),
                "--generate-keys",
            ],
            capture_output=True,
            timeout=120,
            cwd=self.workdir,
        )
        if result.returncode != 0:
            raise SynapseUnavailable(f"--generate-keys failed: {result.stderr.decode()[-2000:]}")

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise SynapseUnavailable(
                    f"exited with {self.process.returncode}: {self.log_tail()}"
                )
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=2):
                    return
            time.sleep(0.1)
        raise SynapseUnavailable(f"no answer on {self.url} after {START_TIMEOUT:.0f}s")

    def log_tail(self, chars: int = 3000) -> str:
        parts = []
        for name in ("stdout.log", "homeserver.log"):
            path = self.workdir / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-chars:])
        return "\n".join(parts)

    def stop(self, *, keep_files: bool = True) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None
        if not keep_files:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # the client-server and admin APIs, synchronously (fixtures run outside any event loop)

    def request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.url}{path}", data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                result: dict[str, Any] = json.loads(response.read() or b"{}")
                return result
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{method} {path}: {exc.code} {exc.read().decode()}") from exc

    def register(self, localpart: str, *, admin: bool = False) -> Account:
        """A new user via the shared-secret admin API (no registration open to anyone)."""
        password = secrets.token_hex(8)
        nonce = self.request("GET", "/_synapse/admin/v1/register")["nonce"]
        mac = hmac.new(self.shared_secret.encode(), digestmod=hashlib.sha1)
        for part in (nonce, localpart, password, "admin" if admin else "notadmin"):
            mac.update(part.encode())
            if part != ("admin" if admin else "notadmin"):
                mac.update(b"\x00")
        result = self.request(
            "POST",
            "/_synapse/admin/v1/register",
            {
                "nonce": nonce,
                "username": localpart,
                "password": password,
                "admin": admin,
                "mac": mac.hexdigest(),
            },
        )
        return Account(result["user_id"], result["access_token"], result["device_id"], password)

    def admin_token(self) -> str:
        if self._admin_token is None:
            self._admin_token = self.register(
                f"admin-{secrets.token_hex(3)}", admin=True
            ).access_token
        return self._admin_token

    def set_message_rate(self, user_id: str, per_second: float, burst: int) -> None:
        """Override ``rc_message`` for one user (0, 0 would mean unlimited)."""
        quoted = urllib.parse.quote(user_id)
        self.request(
            "POST",
            f"/_synapse/admin/v1/users/{quoted}/override_ratelimit",
            {"messages_per_second": per_second, "burst_count": burst},
            token=self.admin_token(),
        )

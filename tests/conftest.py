"""Fixtures shared by every test: databases (SQLite files, a throw-away PostgreSQL server),
an upgraded empty ``store`` on both backends, and the shared real-world material.

PostgreSQL is started once per session from the Debian binaries (/usr/lib/postgresql/*/bin,
or the folder named by HERALD_POSTGRES_BIN); without them the postgres tests skip, unless
HERALD_REQUIRE_POSTGRES=1 makes that a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from bot.store import Store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
PG_USER = "postgres"
TRUNCATE_ALL = """DO $$ BEGIN
    EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ')
                    || ' RESTART IDENTITY CASCADE'
             FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version');
END $$"""


def _require_postgres() -> bool:
    return os.environ.get("HERALD_REQUIRE_POSTGRES", "") not in ("", "0")


def _find_pg_bin() -> Path | None:
    chosen = os.environ.get("HERALD_POSTGRES_BIN")  # a folder with initdb and pg_ctl
    if chosen is not None:
        return Path(chosen) if (Path(chosen) / "initdb").exists() else None
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0)
    )
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresServer:
    """A disposable cluster: trust auth on loopback, fsync off, gone at session end."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.workdir = Path(tempfile.mkdtemp(prefix="herald-pg-"))
        self.data = self.workdir / "data"
        self.port = 0
        self._options = ""
        if self.as_root:  # initdb refuses to run as root
            self._ensure_os_user()
            shutil.chown(self.workdir, user=PG_USER)

    def _ensure_os_user(self) -> None:
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            subprocess.run(
                ["useradd", "--system", "--no-create-home", PG_USER], check=True, timeout=30
            )

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", PG_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")

    def start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            PG_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        last_error: Exception | None = None
        for _attempt in range(3):  # another process may grab the free port first
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.workdir} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                log = str(self.workdir / "server.log")
                self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")
                self._options = options
                return
            except RuntimeError as exc:
                last_error = exc
        raise RuntimeError(f"PostgreSQL did not start: {last_error}")

    def halt(self) -> None:
        """Stop the server but keep its data, to start it again with ``resume``."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        log = str(self.workdir / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", self._options, "start")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.workdir, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        dsn = f"host=127.0.0.1 port={self.port} user={PG_USER} dbname={database}"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(sql.encode())

    def create_database(self, name: str) -> str:
        """A new, empty database; returns its SQLAlchemy URL. ``name`` is trusted test code."""
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _find_pg_bin()
    if bindir is None:
        message = "no PostgreSQL binaries (HERALD_POSTGRES_BIN, /usr/lib/postgresql/*/bin, PATH)"
        if _require_postgres():
            pytest.fail(f"HERALD_REQUIRE_POSTGRES=1 but {message}")
        pytest.skip(message)
    server = PostgresServer(bindir)
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_url(postgres_server: PostgresServer) -> str:
    """An empty PostgreSQL database for the session (not migrated)."""
    return postgres_server.create_database("herald_session")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite file per test (not migrated)."""
    return f"sqlite:///{tmp_path / 'herald.db'}"


@pytest.fixture(scope="session")
def _pg_store_url(postgres_server: PostgresServer) -> str:
    url = postgres_server.create_database("herald_store")
    store = Store.open(url)
    try:
        store.upgrade()
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "herald.db"
    store = Store.open(f"sqlite:///{path}")
    try:
        store.upgrade()
    finally:
        store.close()  # the last connection out folds the WAL back into the file
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An upgraded, empty Store on each backend."""
    if request.param == "sqlite":
        # Copying a migrated file is ~100x faster than migrating again.
        template: Path = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "store.db"
        shutil.copyfile(template, path)
        opened = Store.open(f"sqlite:///{path}")
    else:
        url: str = request.getfixturevalue("_pg_store_url")
        server: PostgresServer = request.getfixturevalue("postgres_server")
        # Emptying the migrated database is much faster than creating one per test; every
        # table a migration adds is emptied too.
        server.execute(TRUNCATE_ALL, database="herald_store")
        opened = Store.open(url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The real test material beside the repository; skips without it (fails under CI)."""
    folder = SHARED.resolve()
    if not (folder / "seeds").is_dir():
        message = f"shared test material not found at {folder}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return folder

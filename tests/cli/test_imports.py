"""The CLI imports what a command needs and nothing more: `herald --help` none of Herald's
heavy parts, and a command that reads the store neither Alembic (a database at the newest
revision is recognised without it), nor the loader, nor a chat SDK. Timing is measured in
bench/bench_cli.py; these tests hold the behaviour that makes it fast."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "sqlalchemy",
    "alembic",
    "slack_bolt",
    "slack_sdk",
    "nio",
    "aiohttp",
    "apscheduler",
    "bot.app",
    "bot.content.document",
    "bot.ingest",
    "ftfy",
    "dateparser",
)

PROBE = """
import json, sys
{setup}
heavy = {heavy!r}
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def _imported(setup: str, tmp_path: Path) -> list[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HERALD_", "SLACK_", "MATRIX_"))
    }
    env["HERALD_DATABASE_URL"] = f"sqlite:///{tmp_path / 'imports.db'}"
    env["HERALD_CONTENT_DIR"] = str(tmp_path / "content")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup, heavy=HEAVY)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[str] = json.loads(result.stdout.splitlines()[-1])
    return found


def test_importing_the_cli_imports_nothing_heavy(tmp_path: Path) -> None:
    assert _imported("import bot.__main__", tmp_path) == []


def test_asking_a_ready_store_needs_no_migration_tool_loader_or_sdk(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "archivist.md").write_text(
        "---\ntitle: Archivist - Example Library\ntag: job\n---\nApply by 3 March 2031.\n"
    )
    run = (
        "from bot.__main__ import cli\n"
        "try:\n"
        "    cli({args!r})\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
    )
    # the first command creates, migrates and fills the store (Alembic and the loader then)
    assert "alembic" in _imported(run.format(args=["load"]), tmp_path)
    found = _imported(run.format(args=["ask", "/jobs"]), tmp_path)
    assert "sqlalchemy" in found and "bot.app" in found  # it did read the store
    assert not {"alembic", "bot.ingest", "bot.content.document", "ftfy", "dateparser"} & set(found)
    assert not {"slack_bolt", "slack_sdk", "nio", "aiohttp", "apscheduler"} & set(found)

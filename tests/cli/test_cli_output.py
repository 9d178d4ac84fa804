"""What the CLI prints: `herald postings` in 80 columns with chat's status words, the
console's banner counting as /jobs counts, `herald ask` refusing what the console cannot
receive, and output cut short by its reader (`| head`) ending quietly with status 0."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot import __main__ as herald
from bot.app import build
from bot.clock import fixed_clock
from bot.config import Settings
from bot.present import status_words

runner = CliRunner()
# the console script of the Python running the tests, wherever Herald is installed
HERALD = Path(sys.executable).parent / "herald"


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_dir: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("HERALD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("HERALD_CONTENT_DIR", str(shared_dir / "seeds"))
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(herald.cli, ["load"])
    assert result.exit_code == 0, result.output
    return tmp_path


def _postings(when: str) -> list[str]:
    result = runner.invoke(herald.cli, ["postings", "--now", when])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _rows(lines: list[str]) -> dict[str, str]:
    """id -> the status column's words, read from the table as printed."""
    column = lines[0].index("status")
    rows: dict[str, str] = {}
    cells: list[tuple[str, str]] = []
    for line in [*lines[2:-1], ""]:
        if line.strip():
            cells.append((line[:column].strip(), line[column:].strip()))
            continue
        if cells:
            # the id is the posting cell's last line, never broken
            rows[cells[-1][0]] = " ".join(status for _, status in cells if status)
            cells = []
    return rows


@pytest.mark.parametrize("when", ["2018-08-01", "2022-02-01", "2026-12-01"])
def test_postings_fit_80_columns_with_whole_ids_and_chats_status_words(
    seeded: Path, when: str
) -> None:
    lines = _postings(when)
    assert max(len(line) for line in lines) <= 80
    settings = Settings()
    app = build(settings)
    try:
        items = app.store.all_postings(include_inactive=True)
    finally:
        app.close()
    today = date.fromisoformat(when)
    rows = _rows(lines)
    assert set(rows) == {p.id for p in items}
    for p in items:
        words = status_words(p, p.state(today, settings.freshness), today)
        assert rows[p.id].removesuffix(" (year inferred from the posting date)") == words, p.id
    assert lines[-1] == f"{len(items)} postings, as of {when}"


def test_a_posting_whose_deadline_passed_long_ago_is_not_called_active(seeded: Path) -> None:
    rows = _rows(_postings("2026-12-01"))
    assert rows["datacite-technical-community-manager"] == "deadline passed on 7 February 2022"
    assert not any("active" in words for words in rows.values())


def test_the_banner_counts_the_open_postings_that_jobs_lists(shared_dir: Path) -> None:
    settings = Settings(database_url="sqlite://", content_dir=shared_dir / "seeds")
    for day in ("2016-01-01", "2018-08-01", "2022-02-01", "2026-12-01"):
        app = build(settings, clock=fixed_clock(date.fromisoformat(day)))
        try:
            report = app.prepare()
            listed = app.ask("/jobs").postings
            assert herald._open_postings(app) == len(listed), day
            assert f"— {len(listed)} open postings and " in herald._banner(app, report)
        finally:
            app.close()


def test_herald_ask_refuses_a_reminder_it_could_never_send(seeded: Path) -> None:
    result = runner.invoke(herald.cli, ["ask", "/jobs remind datacite-technical-community-manager"])
    assert "direct message" not in result.stdout
    assert "Slack or Matrix" in result.stdout and "Nothing was changed." in result.stdout


@pytest.mark.parametrize("args", [["postings", "--json"], ["postings"], ["ask", "/jobs"]])
def test_output_cut_short_by_its_reader_ends_quietly_with_0(seeded: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MATRIX_"))}
    process = subprocess.Popen(
        [str(HERALD), *args],
        env=env,
        cwd=seeded,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    # the reader goes away before Herald writes a byte (its start-up alone takes longer)
    process.stdout.close()
    _out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (0, "")

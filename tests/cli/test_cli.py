"""The `herald` command line, end to end on a real SQLite file (and PostgreSQL for load)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.__main__ import cli
from bot.store.keys import split_key

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HERALD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.chdir(tmp_path)  # no stray .env from the developer's checkout
    return tmp_path


def _load(folder: Path) -> str:
    result = runner.invoke(cli, ["load", str(folder)])
    assert result.exit_code == 0, result.output
    return result.output


def test_load_reports_every_bucket_and_resync_is_unchanged(env: Path, shared_dir: Path) -> None:
    output = _load(shared_dir / "seeds")
    assert "Load summary" in output
    first_row = next(line for line in output.splitlines() if line.startswith("│"))
    assert first_row.split("│")[1].strip() == "5"  # added
    again = _load(shared_dir / "seeds")
    row = next(line for line in again.splitlines() if line.startswith("│"))
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert cells == ["0", "0", "5", "0", "0"]


def test_broken_file_is_named_with_its_reason_and_the_rest_loads(env: Path) -> None:
    folder = env / "content"
    folder.mkdir()
    (folder / "good.md").write_text(
        "---\ntitle: Archivist - Example Library\ntag: job\n---\nRemote position. "
        "Apply by March 3, 2031 to jobs@example.org.\n"
    )
    (folder / "binary.md").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    (folder / "2020-01-02-broken-yaml.md").write_text(
        "---\ntitle: [unclosed\ndate: : :\n---\nSome body text about a job.\n"
    )
    result = runner.invoke(cli, ["load", str(folder), "--strict"])
    assert "binary.md" in result.output
    assert "failed" in result.output
    listing = runner.invoke(cli, ["postings", "--json"])
    ids = {p["source"] for p in json.loads(listing.stdout)}
    assert f"{folder.resolve()}//good.md" in ids  # a folder loaded by path is its own source
    # --strict turns a failure into a non-zero exit for scripts
    assert result.exit_code == 1


def test_postings_json_has_every_extracted_field(env: Path, shared_dir: Path) -> None:
    _load(shared_dir / "seeds")
    result = runner.invoke(cli, ["postings", "--json"])
    assert result.exit_code == 0, result.output
    items = {split_key(p["source"])[1]: p for p in json.loads(result.stdout)}
    director = items["iiif-managing-director-2023.md"]
    for field in (
        "id",
        "title",
        "organization",
        "location",
        "remote",
        "deadline",
        "deadline_inferred",
        "open_until_filled",
        "closed",
        "salary",
        "salary_min",
        "salary_currency",
        "contacts",
        "posted",
        "evidence",
        "status",
    ):
        assert field in director
    assert director["deadline"] == "2024-01-16"
    assert director["closed"] is True
    assert director["salary_min"] in ("100000", "100000.00")


def test_ask_json_with_now(env: Path, shared_dir: Path) -> None:
    _load(shared_dir / "seeds")
    result = runner.invoke(
        cli, ["ask", "/jobs closing this month", "--json", "--now", "2022-02-01"]
    )
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert [p["title"] for p in reply["postings"]] == ["Technical Community Manager"]
    assert split_key(reply["postings"][0]["source"]) == (
        str((shared_dir / "seeds").resolve()),
        "datacite-technical-community-manager.md",
    )


def test_ask_rejects_a_bad_date(env: Path) -> None:
    result = runner.invoke(cli, ["ask", "/jobs", "--now", "32/13/2024"])
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_console_reads_commands_until_quit(
    env: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HERALD_CONTENT_DIR", str(shared_dir / "seeds"))
    result = runner.invoke(
        cli, ["console", "--now", "2018-08-01"], input="/jobs wikimedia\n/quit\n"
    )
    assert result.exit_code == 0, result.output
    assert "Program Officer, GLAM and Underrepresented Heritage" in result.output


def test_db_upgrade_is_repeatable(env: Path) -> None:
    for _ in range(2):
        result = runner.invoke(cli, ["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert "up to date" in result.output


def test_unreachable_database_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HERALD_DATABASE_URL", "postgresql+psycopg://herald:s3cret@127.0.0.1:1/none")
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "s3cret" not in result.output
    assert "Cannot open the database" in result.output or "Database error" in result.output


@pytest.mark.parametrize("command", [["db", "upgrade"], ["ask", "remote jobs"]])
def test_a_database_of_another_herald_version_is_one_clear_line(
    env: Path, command: list[str]
) -> None:
    """A schema revision this Herald has no migration for (written by a newer release) is
    said in one line, and the database is left as it is."""
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    database = sqlite3.connect(env / "cli.db")
    with database:
        database.execute("UPDATE alembic_version SET version_num = '9999'")
    result = runner.invoke(cli, command)
    assert result.exit_code == 2
    assert "revision 9999, which this Herald does not know" in result.output
    assert "Traceback" not in result.output
    assert database.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
    database.close()


def test_run_without_platforms_names_the_variables(env: Path) -> None:
    result = runner.invoke(cli, ["run"], env={"SLACK_BOT_TOKEN": "", "MATRIX_HOMESERVER": ""})
    assert result.exit_code == 2
    assert "SLACK_BOT_TOKEN" in result.output


def test_two_folders_loaded_by_path_never_withdraw_each_other(env: Path, shared_dir: Path) -> None:
    seeds, corpus = (str((shared_dir / n).resolve()) for n in ("seeds", "corpus"))

    def active_by_source() -> dict[str, int]:
        listing = runner.invoke(cli, ["postings", "--json", "--active"])
        counts: dict[str, int] = {}
        for p in json.loads(listing.stdout):
            origin = split_key(p["source"])[0]
            counts[origin] = counts.get(origin, 0) + 1
        return counts

    assert runner.invoke(cli, ["load", seeds]).exit_code == 0
    after_seeds = active_by_source()
    assert set(after_seeds) == {seeds}
    assert runner.invoke(cli, ["load", corpus]).exit_code == 0
    after_both = active_by_source()
    assert after_both[seeds] == after_seeds[seeds] and after_both[corpus] > 0
    assert runner.invoke(cli, ["load", seeds]).exit_code == 0
    assert active_by_source() == after_both

    rows = {
        row["name"]: row for row in json.loads(runner.invoke(cli, ["sources", "--json"]).stdout)
    }
    assert rows[seeds]["postings"] == after_both[seeds]
    assert rows[corpus]["postings"] == after_both[corpus]
    assert rows[seeds]["synced_at"] is not None and rows[seeds]["error"] is None


def test_a_source_no_longer_configured_can_be_withdrawn(env: Path, shared_dir: Path) -> None:
    seeds = str((shared_dir / "seeds").resolve())
    assert runner.invoke(cli, ["load", seeds]).exit_code == 0
    refused = runner.invoke(cli, ["sources", "--withdraw", "content"])
    assert refused.exit_code == 2 and "is configured" in refused.output
    mistyped = runner.invoke(cli, ["sources", "--withdraw", seeds + "x"])
    assert mistyped.exit_code == 2 and "No source is named" in mistyped.output
    done = runner.invoke(cli, ["sources", "--withdraw", seeds, "--json"])
    assert done.exit_code == 0, done.output
    rows = {row["name"]: row for row in json.loads(done.stdout)}
    assert rows[seeds]["documents"] == 0 and rows[seeds]["postings"] == 0


def test_help_joins_each_command_s_description_into_one_paragraph() -> None:
    # docstrings wrap at the source's width; printed as they are, a line broke mid-sentence
    result = runner.invoke(cli, ["--help"], env={"COLUMNS": "240"}, terminal_width=240)
    assert result.exit_code == 0, result.output
    assert "each sync withdraws only its own source's documents." in result.output


def test_load_of_a_file_or_a_missing_folder_says_which(env: Path, tmp_path: Path) -> None:
    page = tmp_path / "posting.md"
    page.write_text("---\ntitle: Archivist\n---\nBody.\n", encoding="utf-8")
    file_given = runner.invoke(cli, ["load", str(page)])
    assert file_given.exit_code == 2
    assert "is a file, not a folder" in " ".join(file_given.output.split())
    missing = runner.invoke(cli, ["load", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such folder" in " ".join(missing.output.split())

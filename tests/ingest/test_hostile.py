"""Hostile files in a content folder: each is refused or read safely with a reason in the load
report naming it, the load finishes in seconds and every other file is stored."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import App
from bot.config import Settings
from bot.content import parse_bytes
from bot.domain import LoadReport
from bot.ingest import sync_folder
from bot.store import Store

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)

GOOD = """---
title: Digital Archivist
organization: Metro Archive
tags: [jobs]
---

The Metro Archive seeks a digital archivist. Applications close on 15 January 2027.
"""


def alias_bomb(key: str) -> str:
    """Nine anchors, each a list of nine aliases of the one before: 9**9 (387 million) values
    for whoever walks ``key``, in under 500 bytes."""
    names = "abcdefghi"
    lines = ["---", "title: Records Officer", "kind: job", "a: &a [x,x,x,x,x,x,x,x,x]"]
    for before, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{','.join([f'*{before}'] * 9)}]")
    lines += [f"{key}: *i", "---", "", "The Atlas Trust seeks a records officer.", ""]
    return "\n".join(lines)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    store.upgrade()
    try:
        yield store
    finally:
        store.close()


def _load(store: Store, root: Path) -> tuple[LoadReport, float]:
    started = time.perf_counter()
    report = sync_folder(store, root, now=NOW, parse=parse_bytes, workers=1)
    return report, time.perf_counter() - started


def _reasons(report: LoadReport, source: str) -> list[str]:
    return [w.reason for w in (*report.failed, *report.warnings) if w.path == source]


def test_alias_bombs_are_refused_and_the_rest_is_stored(
    sqlite_store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    root.mkdir()
    assert len(alias_bomb("location")) < 450
    (root / "bomb-location.md").write_text(alias_bomb("location"), encoding="utf-8")
    (root / "bomb-tags.md").write_text(alias_bomb("tags"), encoding="utf-8")
    (root / "good.md").write_text(GOOD, encoding="utf-8")

    report, seconds = _load(sqlite_store, root)

    assert seconds < 10
    assert sorted(report.added) == ["bomb-location.md", "bomb-tags.md", "good.md"]
    for source in ("bomb-location.md", "bomb-tags.md"):
        (reason,) = _reasons(report, source)
        assert reason.startswith("front matter refused: it uses the YAML alias *a,")
        assert "title read line by line" in reason
    postings = sorted(sqlite_store.all_postings(), key=lambda p: (p.title, p.source))
    assert [(p.title, p.source) for p in postings] == [
        ("Digital Archivist", "good.md"),
        ("Records Officer", "bomb-location.md"),
        ("Records Officer", "bomb-tags.md"),
    ]
    assert postings[0].organization == "Metro Archive"
    assert postings[1].location is None


def test_an_alias_bomb_on_one_line_of_a_broken_front_matter_is_dropped() -> None:
    # "a: b: c" breaks the YAML, so the front matter is read line by line, each line alone.
    nested = "[lol, lol, lol, lol, lol, lol, lol, lol, lol]"
    for level in range(1, 9):
        nested = f"[&a{level} {nested}, " + ", ".join([f"*a{level}"] * 8) + "]"
    front = f"title: Records Officer\nkind: job\nnote: a: b\nlocation: {nested}\n"
    text = f"---\n{front}---\n\nWe seek one.\n"
    started = time.perf_counter()
    doc = parse_bytes("one-line.md", text.encode())
    assert time.perf_counter() - started < 5
    assert doc.title == "Records Officer"
    assert doc.postings[0].location is None
    assert any(w.startswith("front matter is not valid YAML (line 4") for w in doc.warnings)


def test_links_leaving_the_folder_are_skipped_and_links_inside_load(
    sqlite_store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    (root / "postings").mkdir(parents=True)
    sibling = tmp_path / "private"
    sibling.mkdir()
    (sibling / "secret.md").write_text("---\ntitle: Secret plans\n---\nDo not publish.\n")
    (root / "postings" / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "passwd.md").symlink_to("/etc/passwd")
    (root / "postings" / "secret.md").symlink_to(sibling / "secret.md")
    (root / "postings" / "dotdot.md").symlink_to("../../private/secret.md")
    (root / "alias.md").symlink_to(root / "postings" / "good.md")  # inside: loaded
    (root / "relative.md").symlink_to("postings/good.md")

    report, _ = _load(sqlite_store, root)

    assert sorted(report.added) == ["alias.md", "postings/good.md", "relative.md"]
    for source in ("passwd.md", "postings/dotdot.md", "postings/secret.md"):
        assert _reasons(report, source) == [
            "skipped: it is a link to a file outside the content folder"
        ]
    stored = " ".join(f"{p.title} {p.body}" for p in sqlite_store.all_postings())
    assert "root:" not in stored and "Secret" not in stored and "Do not publish" not in stored


def test_a_link_redirected_outside_is_withdrawn(sqlite_store: Store, tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "linked.md").symlink_to(root / "good.md")
    _load(sqlite_store, root)
    (root / "linked.md").unlink()
    (root / "linked.md").symlink_to("/etc/passwd")
    report, _ = _load(sqlite_store, root)
    assert report.withdrawn == ["linked.md"]
    assert [f.path for f in report.failed] == ["linked.md"]


def test_a_file_over_the_size_cap_is_skipped_with_a_reason(
    sqlite_store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    big = root / "big.md"
    big.write_text(GOOD, encoding="utf-8")
    _load(sqlite_store, root)  # stored while small
    with big.open("a", encoding="utf-8") as file:
        file.write(("Lorem ipsum dolor sit amet. " * 40 + "\n") * 2_000)  # about 2.2 MB

    report, seconds = _load(sqlite_store, root)

    assert seconds < 5
    assert report.unchanged == ["good.md"] and not report.withdrawn
    (reason,) = _reasons(report, "big.md")
    assert reason == (
        "skipped: the file is 2.2 MB, over the 2.0 MB limit for one page (HERALD_"
        "MAX_FILE_BYTES); split it or remove it"
    )
    # the stored version stays until the file is fixed
    assert sorted(p.source for p in sqlite_store.all_postings()) == ["big.md", "good.md"]


def test_the_size_cap_is_a_setting(sqlite_store: Store, tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "long.md").write_text(GOOD + "More text. " * 100, encoding="utf-8")
    settings = Settings(database_url="sqlite://", content_dir=root, max_file_bytes=1_000)
    report = App(settings=settings, store=sqlite_store).load()
    assert report.added == ["good.md"]
    assert [f.path for f in report.failed] == ["long.md"]
    assert report.failed[0].reason.startswith("skipped: the file is 1.3 KB, over the 1.0 KB limit")


def test_jobs_show_of_a_100_kb_heading_line_answers_quickly(
    sqlite_store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    root.mkdir()
    heading = "Duties and more duties" + " " * 100_000 + "#" * 50 + " x"  # runs of blanks, #
    (root / "long.md").write_text(
        f"---\ntitle: Long Archivist\nkind: job\n---\n\nWe seek an archivist.\n\n"
        f"## {heading} ##\n\nApply by 1 March 2027.\n",
        encoding="utf-8",
    )
    app = App(settings=Settings(database_url="sqlite://", content_dir=root), store=sqlite_store)
    assert app.load().added == ["long.md"]
    (posting,) = sqlite_store.all_postings()
    started = time.perf_counter()
    reply = app.ask(f"/jobs show {posting.id}")
    assert time.perf_counter() - started < 5  # a quadratic reading took minutes
    assert "Long Archivist" in reply.text
    assert "Duties and more duties" in reply.text and len(reply.text) < 5_000


@pytest.mark.parametrize(
    "line",
    ["/jobs page ¹", "/jobs closing in ² days", "/unsubscribe ³", "/herald audit ²"],
)
def test_superscript_digits_are_not_numbers(sqlite_store: Store, tmp_path: Path, line: str) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    app = App(settings=Settings(database_url="sqlite://", content_dir=root), store=sqlite_store)
    app.load()
    reply = app.ask(line)
    assert reply.error_id is None, reply.text


def _app(store: Store, root: Path) -> App:
    app = App(settings=Settings(database_url="sqlite://", content_dir=root), store=store)
    app.load()
    return app


def test_import_of_an_alias_bomb_is_refused_quickly(sqlite_store: Store, tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    app = _app(sqlite_store, root)  # the console is an admin by default
    for key in ("location", "tags"):
        message = "/jobs import\n" + alias_bomb(key)
        assert len(message) < 500
        started = time.perf_counter()
        reply = app.ask(message)
        assert time.perf_counter() - started < 5
        assert "Herald cannot read this posting: its front matter is refused" in reply.text
        assert "YAML alias *a," in reply.text
        assert len(reply.text) < 1000
        assert not [a for a in reply.actions if a.label == "Confirm"]


def test_edit_of_a_file_holding_aliases_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "postings").mkdir(parents=True)
    path = root / "postings" / "2026-11-12-bomb.md"
    path.write_text(alias_bomb("location"), encoding="utf-8")
    app = _app(sqlite_store, root)
    (posting,) = sqlite_store.all_postings()
    before = path.read_text(encoding="utf-8")
    reply = app.ask(f"/jobs edit {posting.id} deadline=2027-03-01")
    assert "is refused: it uses the YAML alias *a" in reply.text
    assert path.read_text(encoding="utf-8") == before


def test_a_content_folder_that_cannot_be_read_is_a_failure_of_the_load(
    sqlite_store: Store, tmp_path: Path
) -> None:
    """A mistyped HERALD_CONTENT_DIR: said in the load report (the console prints its
    failures), not only in a log line, with an empty store and no reason given."""
    missing = tmp_path / "contnet"
    report = sync_folder(sqlite_store, missing, now=NOW, parse=parse_bytes, workers=1)
    (reason,) = _reasons(report, ".")
    assert reason == f"the content folder {missing} cannot be read: No such file or directory"

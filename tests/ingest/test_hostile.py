"""Hostile files in a content folder: each is refused or read safely with a reason in the load
report naming it, the load finishes in seconds and every other file is stored."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

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

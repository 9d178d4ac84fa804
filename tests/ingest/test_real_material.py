"""The shared seeds and corpus through the real parser: every file is accounted for.

Extraction quality is the content layer's business; here only the bookkeeping is checked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.content import parse_bytes
from bot.ingest import sync_folder
from bot.store import Store

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)


@pytest.mark.parametrize("name", ["seeds", "corpus"])
def test_shared_material_is_fully_accounted_for(store: Store, shared_dir: Path, name: str) -> None:
    folder = shared_dir / name
    files = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.suffix in (".md", ".markdown") and p.name.lower() != "readme.md"
    )
    assert files, f"no Markdown files in {folder}"

    report = sync_folder(store, folder, now=NOW, parse=parse_bytes)
    accounted = report.added + report.updated + report.unchanged + [f.path for f in report.failed]
    assert sorted(accounted) == files  # each file exactly once
    assert report.withdrawn == []
    assert store.counts()["documents"] == len(report.added)

    again = sync_folder(store, folder, now=NOW, parse=parse_bytes)
    assert sorted(again.unchanged) == sorted(report.added)
    assert again.counts()["added"] == 0 and again.counts()["updated"] == 0

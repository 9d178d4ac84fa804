"""sync_folder: every file lands in exactly one bucket, and nothing stops a load."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain import LoadReport
from bot.ingest import SyncRefused, content_files, sync_folder
from bot.store import Store, saving

from .fakes import CountingParser, write

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
LATER = datetime(2026, 11, 22, 12, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root, "postings/2026-archivist.md", "Digital archivist")
    write(root, "postings/2026-developer.markdown", "Frontend developer")
    write(root, "faq/iiif.md", "IIIF FAQ")
    write(root, "top.md", "Top level page")
    # Not documents:
    write(root, "README.md", "About this folder")
    write(root, "postings/readme.MD", "Also about")
    write(root, ".git/x.md", "hidden folder")
    write(root, "_site/postings/2026-archivist.md", "Jekyll output")
    write(root, ".draft.md", "hidden file")
    (root / "expected.yaml").write_text("a: 1\n")
    (root / "notes.txt").write_text("title: nope\n")
    return root


def sources(report: LoadReport, bucket: str) -> list[str]:
    return sorted(getattr(report, bucket))


def test_walk_finds_only_documents_with_posix_sources(folder: Path) -> None:
    assert [source for source, _ in content_files(folder)] == [
        "faq/iiif.md",
        "postings/2026-archivist.md",
        "postings/2026-developer.markdown",
        "top.md",
    ]


def test_first_sync_adds_and_resync_parses_nothing(store: Store, folder: Path) -> None:
    parse = CountingParser()
    ticks: list[tuple[int, int]] = []
    report = sync_folder(
        store, folder, now=NOW, parse=parse, progress=lambda d, t: ticks.append((d, t))
    )
    assert sources(report, "added") == [s for s, _ in content_files(folder)]
    assert report.counts() == {
        "added": 4,
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "failed": 0,
    }
    assert ticks[-1] == (4, 4) and ticks == sorted(ticks)
    assert len(parse.calls) == 4

    again = CountingParser()
    report = sync_folder(store, folder, now=LATER, parse=again)
    assert again.calls == []
    assert report.counts()["unchanged"] == 4 and not report.added and not report.updated
    posting = store.get_posting("2026-archivist")
    assert posting is not None and posting.updated == NOW  # nothing was rewritten


def test_edit_updates_in_place_and_delete_withdraws(store: Store, folder: Path) -> None:
    sync_folder(store, folder, now=NOW, parse=CountingParser())
    write(folder, "postings/2026-archivist.md", "Senior digital archivist", "slug: new-slug")
    (folder / "top.md").unlink()
    parse = CountingParser()
    report = sync_folder(store, folder, now=LATER, parse=parse)
    assert parse.calls == ["postings/2026-archivist.md"]
    assert report.updated == ["postings/2026-archivist.md"]
    assert report.withdrawn == ["top.md"]
    assert report.counts()["unchanged"] == 2
    edited = store.get_posting("2026-archivist")
    assert edited is not None and edited.title == "Senior digital archivist"
    assert store.get_posting("new-slug") is None
    gone = store.get_posting("top")
    assert gone is not None and gone.status == "withdrawn"

    # The file comes back: updated, active again, same id.
    write(folder, "top.md", "Top level page")
    report = sync_folder(store, folder, now=LATER, parse=CountingParser())
    assert report.updated == ["top.md"] and report.withdrawn == []
    back = store.get_posting("top")
    assert back is not None and back.status == "active"


def test_broken_files_fail_alone(
    store: Store, folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(folder, "bad/content.md", "x", "broken")
    write(folder, "bad/bug.md", "x", "boom")
    write(folder, "warned.md", "Warned", "warn")
    with caplog.at_level(logging.ERROR, logger="bot.ingest"):
        report = sync_folder(store, folder, now=NOW, parse=CountingParser())
    failed = {f.path: f.reason for f in report.failed}
    assert failed == {
        "bad/content.md": "no front matter",
        "bad/bug.md": "unexpected RuntimeError: parser bug",
    }
    assert len(report.added) == 5
    assert [(w.path, w.reason) for w in report.warnings] == [
        ("warned.md", "deadline year inferred")
    ]
    assert any("bad/bug.md" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_file_that_breaks_later_keeps_its_stored_version(store: Store, folder: Path) -> None:
    sync_folder(store, folder, now=NOW, parse=CountingParser())
    write(folder, "top.md", "Top", "broken")
    report = sync_folder(store, folder, now=LATER, parse=CountingParser())
    assert [f.path for f in report.failed] == ["top.md"] and report.withdrawn == []
    kept = store.get_posting("top")
    assert kept is not None and kept.status == "active" and kept.title == "Top level page"


def test_store_failure_is_isolated_to_its_document(
    store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = store.save_documents

    def picky_save(docs, now, **options):  # type: ignore[no-untyped-def]
        if any(d.source == "faq/iiif.md" for d in docs):
            raise ValueError("database says no")
        return real_save(docs, now, **options)

    monkeypatch.setattr(store, "save_documents", picky_save)
    report = sync_folder(store, folder, now=NOW, parse=CountingParser(), batch=3)
    assert [(f.path, f.reason) for f in report.failed] == [
        ("faq/iiif.md", "cannot store: ValueError database says no")
    ]
    assert len(report.added) == 3


def test_small_batches_and_every_file_in_one_bucket(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "many"
    for i in range(23):
        write(root, f"d{i // 5}/p{i:02d}.md", f"Posting {i}", "boom" if i == 7 else "")
    report = sync_folder(store, root, now=NOW, parse=CountingParser(), batch=4)
    assert len(report.added) == 22 and len(report.failed) == 1
    listed = report.added + [f.path for f in report.failed]
    assert sorted(listed) == sorted(s for s, _ in content_files(root))
    assert store.counts()["postings"] == 22


def test_empty_or_missing_folder_withdraws_everything_only_when_forced(
    store: Store, folder: Path, tmp_path: Path
) -> None:
    sync_folder(store, folder, now=NOW, parse=CountingParser())
    before = store.known_hashes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SyncRefused, match="withdraw 4 of its 4 documents"):
        sync_folder(store, empty, now=LATER, parse=CountingParser())
    assert store.known_hashes() == before  # refused: nothing changed
    report = sync_folder(store, empty, now=LATER, parse=CountingParser(), force=True)
    assert len(report.withdrawn) == 4
    assert store.known_hashes() == {}


def test_key_lookups_split_over_many_statements_find_every_key(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saving, "CHUNK", 2)  # every IN-list lookup takes several statements
    root = tmp_path / "clash"
    for i in range(7):
        write(root, f"p{i}.md", f"Archivist {i}", "slug: archivist")
    first = sync_folder(store, root, now=NOW, parse=CountingParser())
    assert len(first.added) == 7
    ids = {p.source: p.id for p in store.all_postings()}
    assert sorted(ids.values()) == sorted(["archivist", *(f"archivist-{n}" for n in range(2, 8))])

    for i in (1, 4, 6):
        write(root, f"p{i}.md", f"Archivist {i}, revised", "slug: archivist")
    for i in (7, 8):
        write(root, f"p{i}.md", f"Archivist {i}", "slug: archivist")
    second = sync_folder(store, root, now=LATER, parse=CountingParser())
    assert (len(second.updated), len(second.added), len(second.unchanged)) == (3, 2, 4)
    after = {p.source: (p.id, p.title) for p in store.all_postings()}
    assert all(after[source][0] == posting_id for source, posting_id in ids.items())
    assert after["p4.md"][1] == "Archivist 4, revised"
    assert {after["p7.md"][0], after["p8.md"][0]} == {"archivist-8", "archivist-9"}

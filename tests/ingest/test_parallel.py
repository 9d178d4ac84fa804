"""Parsing in worker processes: the same outcomes as parsing here, and failures stay lines."""

from __future__ import annotations

import logging
import multiprocessing
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import ingest
from bot.content import parallel, parse_bytes
from bot.content.parallel import parse_files
from bot.ingest import content_files, sync_folder
from bot.store import Store

from .fakes import strict_parse, write

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
REAL = """---
title: "{title} - Example Library"
date: 2026-0{month}-1{day}
tag: job
---
The Example Library seeks a {title}. This is a remote position.

Send a CV to jobs{n}@example.org by {day} December 2026.
"""


@pytest.fixture
def real_folder(tmp_path: Path) -> Path:
    root = tmp_path / "real"
    for n in range(40):
        path = root / f"postings/{n:02d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = ("Archivist", "Developer", "Librarian")[n % 3]
        text = REAL.format(title=title, month=1 + n % 9, day=n % 10, n=n)
        path.write_bytes(b"\x00binary" if n == 13 else text.encode())
    return root


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_pool_gives_the_outcomes_of_the_sequential_path(
    real_folder: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method on this platform")
    monkeypatch.setattr("bot.content.parallel._start_method", lambda: method)
    files = content_files(real_folder)
    here = list(parse_files(files, parse_bytes, workers=1))
    pooled = list(parse_files(files, parse_bytes, workers=2, chunksize=4))
    assert pooled == here
    assert [o.source for o in pooled] == [s for s, _ in files]
    assert sum(o.doc is None for o in pooled) == 1  # the binary file, refused with its reason
    assert "NUL bytes" in (pooled[13].failure or "")
    assert pooled[0].doc is not None and pooled[0].doc.postings[0].remote is True


def test_a_parser_bug_in_a_worker_is_a_line_and_its_log_record_comes_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "bug"
    for i in range(12):
        write(root, f"p{i:02d}.md", f"Posting {i}", "boom" if i == 7 else "")
    with caplog.at_level(logging.ERROR):
        outcomes = list(parse_files(content_files(root), strict_parse, workers=2))
    assert [o.failure for o in outcomes if o.failure] == ["unexpected RuntimeError: parser bug"]
    assert outcomes[7].doc is None and outcomes[7].digest is not None
    record = next(r for r in caplog.records if "p07.md" in r.getMessage())
    assert record.process != os.getpid()  # logged in a worker, handled here
    assert "RuntimeError: parser bug" in (record.exc_text or "")


def test_sync_with_workers_matches_sync_without(
    real_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 10)
    reports = []
    stores = []
    for workers in (1, 2):
        store = Store.open(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        store.upgrade()
        reports.append(sync_folder(store, real_folder, now=NOW, workers=workers, batch=7))
        stores.append(sorted(store.all_postings(), key=lambda p: p.source))
        store.close()
    assert reports[0] == reports[1]
    assert len(reports[1].added) == 39 and len(reports[1].failed) == 1
    assert stores[0] == stores[1]


@pytest.mark.parametrize(("workers", "sizes"), [(1, [10, 10, 10, 9]), (2, [10, 10, 10, 3, 3, 3])])
def test_with_workers_the_last_files_are_saved_in_small_batches(
    real_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workers: int,
    sizes: list[int],
) -> None:
    # Whatever is pending when the workers finish is saved while they sit idle: keep it small.
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(ingest, "TAIL_BATCH", 3)
    store = Store.open(f"sqlite:///{tmp_path / 'tail.db'}")
    store.upgrade()
    saved: list[int] = []
    real_save = store.save_documents

    def recording_save(docs, now, **options):  # type: ignore[no-untyped-def]
        saved.append(len(docs))
        return real_save(docs, now, **options)

    monkeypatch.setattr(store, "save_documents", recording_save)
    report = sync_folder(store, real_folder, now=NOW, workers=workers, batch=10)
    store.close()
    assert saved == sizes  # 39 documents (file 13 is refused); the last 9 files in threes
    assert len(report.added) == 39


def test_worker_failures_become_report_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 5)
    root = tmp_path / "many"
    for i in range(30):
        extra = {4: "boom", 9: "broken", 21: "die"}.get(i, "")
        write(root, f"p{i:02d}.md", f"Posting {i}", extra)
    store = Store.open(f"sqlite:///{tmp_path / 'pool.db'}")
    store.upgrade()
    with caplog.at_level(logging.ERROR):
        report = sync_folder(store, root, now=NOW, parse=strict_parse, workers=2)
    store.close()
    failed = {f.path: f.reason for f in report.failed}
    assert failed["p04.md"] == "unexpected RuntimeError: parser bug"
    assert failed["p09.md"] == "no front matter"
    # The worker that read p21 died; what it left undone was parsed here, p21 included.
    assert failed["p21.md"].startswith("unexpected RuntimeError")
    assert len(report.added) == 30 - len(failed)
    assert sorted(report.added + list(failed)) == [f"p{i:02d}.md" for i in range(30)]
    assert any("parser process died" in r.getMessage() for r in caplog.records)


def _spy_pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    started: list[int] = []
    real = parallel._pool

    def spy(workers: int, parse: object) -> object:
        started.append(workers)
        return real(workers, parse)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_pool", spy)
    return started


def _folder(root: Path, count: int) -> Path:
    for i in range(count):
        write(root, f"p{i:02d}.md", f"Posting {i}")
    return root


def test_small_loads_stay_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _spy_pools(monkeypatch)
    store = Store.open(f"sqlite:///{tmp_path / 'few.db'}")
    store.upgrade()
    report = sync_folder(store, _folder(tmp_path / "few", 5), now=NOW, workers=2)
    store.close()
    assert len(report.added) == 5 and started == []


def test_by_default_only_the_default_parser_goes_to_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 5)
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    monkeypatch.setattr(ingest, "available_cpus", lambda: 2)
    started = _spy_pools(monkeypatch)
    folder = _folder(tmp_path / "some", 12)
    for name, parse in (("own", strict_parse), ("default", parse_bytes)):
        store = Store.open(f"sqlite:///{tmp_path / f'{name}.db'}")
        store.upgrade()
        report = sync_folder(store, folder, now=NOW, parse=parse)
        store.close()
        assert len(report.added) == 12
    assert started == [2]  # the default parser only


def test_a_parser_workers_cannot_receive_is_run_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 5)
    started = _spy_pools(monkeypatch)
    store = Store.open(f"sqlite:///{tmp_path / 'lambda.db'}")
    store.upgrade()
    report = sync_folder(
        store,
        _folder(tmp_path / "some", 12),
        now=NOW,
        parse=lambda source, data: strict_parse(source, data),
        workers=2,
    )
    store.close()
    assert len(report.added) == 12 and started == []

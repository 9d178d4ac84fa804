"""Throughput figures on SQLite, printed and not asserted (machines differ).

Goals for the store: save_documents >= 5,000 docs/s; unchanged re-sync of 10,000 files <= 1 s.
Run with ``-s`` or read the lines printed under "measure".
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain import Fact, ParsedDocument, PostingDraft, PostingQuery
from bot.ingest import sync_folder
from bot.store import Store

from .fakes import CountingParser

N = 10_000
BATCH = 500
NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
BODY = (
    "The consortium seeks a {title} to support its community of libraries, archives and "
    "museums. You will coordinate working groups, write documentation and answer questions. "
) * 4


def generated(n: int) -> list[ParsedDocument]:
    docs = []
    for i in range(n):
        title = f"Digital archivist {i}"
        docs.append(
            ParsedDocument(
                source=f"postings/{i // 1000:02d}/posting-{i:05d}.md",
                content_hash=f"{i:064x}",
                kind="job",
                title=title,
                organization=f"Organisation {i % 97}",
                posted=date(2026, 1, 1) + timedelta(days=i % 300),
                postings=(
                    PostingDraft(
                        slug=f"digital-archivist-{i % 5000}",  # half of them clash
                        title=title,
                        organization=f"Organisation {i % 97}",
                        location="Remote",
                        remote=True,
                        deadline=date(2026, 12, 1) + timedelta(days=i % 60),
                        salary="USD 60,000",
                        salary_min=Decimal(60000),
                        salary_currency="USD",
                        contacts=(f"jobs{i}@example.org",),
                        body=BODY.format(title=title),
                        evidence=(Fact("remote", "true", "This is a remote position."),),
                    ),
                ),
            )
        )
    return docs


@pytest.mark.slow
def test_measure_save_and_resync(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(sqlite_url)
    store.upgrade()
    docs = generated(N)
    started = time.perf_counter()
    for start in range(0, N, BATCH):
        store.save_documents(docs[start : start + BATCH], NOW)
    saving = time.perf_counter() - started
    assert store.counts()["postings"] == N
    assert store.get_posting("digital-archivist-1-2") is not None  # clash suffixes were given

    started = time.perf_counter()
    outcomes = store.save_documents(docs[:BATCH], NOW)
    unchanged_batch = time.perf_counter() - started
    assert set(outcomes.values()) == {"unchanged"}
    started = time.perf_counter()
    broad = store.find_postings(PostingQuery(today=NOW.date(), terms=("archivist", "consortium")))
    narrow = store.find_postings(PostingQuery(today=NOW.date(), terms=("archivist", "4567")))
    finding = (time.perf_counter() - started) / 2
    assert broad.total == N and narrow.total == 1
    store.close()

    folder = tmp_path / "files"
    for i in range(N):
        path = folder / f"{i // 1000:02d}" / f"posting-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: Posting {i}\n---\n{BODY.format(title=i)}\n")
    store = Store.open(f"sqlite:///{tmp_path / 'sync.db'}")
    store.upgrade()
    started = time.perf_counter()
    first = sync_folder(store, folder, now=NOW, parse=CountingParser())
    loading = time.perf_counter() - started
    parse = CountingParser()
    started = time.perf_counter()
    again = sync_folder(store, folder, now=NOW, parse=parse)
    resync = time.perf_counter() - started
    store.close()
    assert len(first.added) == N and len(again.unchanged) == N and parse.calls == []

    with capsys.disabled():
        print(
            f"\nmeasure: save_documents {N} docs in {saving:.2f} s = {N / saving:,.0f} docs/s "
            f"(batches of {BATCH}); an unchanged batch of {BATCH}: {unchanged_batch * 1000:.0f} ms"
            f"\nmeasure: find_postings with terms over {N} postings: {finding * 1000:.0f} ms"
            f"\nmeasure: sync of {N} files with a trivial parser: {loading:.2f} s = "
            f"{N / loading:,.0f} files/s; unchanged re-sync: {resync:.3f} s"
        )

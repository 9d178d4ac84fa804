"""Write-back: what chat writes is what the next sync reads (same id, same fields, no flap),
and a file edit Herald has not read always wins over a chat edit."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from bot.admin.records import Actor, Refused
from bot.admin.repository import AdminStore
from bot.app import App
from bot.domain import Posting
from bot.ingest import sync_folder
from bot.store import Store

from .adminfakes import NOW, Bench, Clock, find, make_settings, shown_id, token_of

COMPARED = [f.name for f in fields(Posting) if f.name not in ("first_seen", "updated")]


def _same(a: Posting, b: Posting) -> None:
    assert {n: getattr(a, n) for n in COMPARED} == {n: getattr(b, n) for n in COMPARED}


def _add(bench: Bench) -> Posting:
    preview = bench.ask(
        '/jobs add title="Data Steward" organization="Metro Archive" deadline=2027-03-01 '
        'remote=yes open_until_filled=yes contacts="steward@metro-archive.example.org, '
        'https://metro-archive.example.org/jobs/steward" salary="EUR 48,000 a year" '
        'url=https://metro-archive.example.org/jobs description="Keeps our research data tidy."'
    )
    return bench.posting(shown_id(bench.ask(f"/jobs confirm {token_of(preview)}")))


def test_added_posting_survives_a_sync_unchanged(bench: Bench) -> None:
    added = _add(bench)
    bench.clock.advance(hours=1)
    report = sync_folder(bench.store, bench.content, now=bench.clock.now)
    assert added.source in report.unchanged
    assert (report.added, report.updated, report.withdrawn) == ([], [], [])
    after = bench.posting(added.id)
    _same(added, after)
    assert after.updated == added.updated  # no "updated" flap
    assert [p.id for p in bench.store.all_postings() if p.title == "Data Steward"] == [added.id]


def test_edited_file_reloads_unchanged(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01 location=Amsterdam")
    bench.ask(f"/jobs close {archivist.id}")
    edited = bench.posting(archivist.id)
    report = sync_folder(bench.store, bench.content, now=bench.clock.now)
    assert archivist.source in report.unchanged and not report.updated
    _same(edited, bench.posting(archivist.id))


def test_a_fresh_database_loads_the_same_postings_from_the_files(
    bench: Bench, tmp_path: Path
) -> None:
    added = _add(bench)
    archivist = find(bench, "Digital Archivist")
    bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        fresh.upgrade()
        app = App(settings=make_settings(bench.content), store=fresh, clock=Clock(NOW))
        assert not app.load().failed
        for posting in (added, bench.posting(archivist.id)):
            reloaded = fresh.get_posting(posting.id)
            assert reloaded is not None
            _same(posting, reloaded)
    finally:
        fresh.close()


def test_file_edited_on_disk_wins_and_the_chat_edit_is_refused(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    path = bench.file(archivist.source)
    hand_edit = path.read_text(encoding="utf-8").replace(
        "location: Leiden", "location: Leiden and Delft"
    )
    path.write_text(hand_edit, encoding="utf-8")

    reply = bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    assert reply.text.startswith(f"{archivist.source} changed on disk since Herald last loaded it.")
    assert "`/herald reload`" in reply.text and "Nothing was changed." in reply.text
    assert path.read_text(encoding="utf-8") == hand_edit
    assert bench.posting(archivist.id).deadline == date(2027, 1, 15)
    assert [e.action for e in AdminStore(bench.store).recent()] == []

    reload = bench.ask("/herald reload")
    assert "1 updated" in reload.text
    assert bench.posting(archivist.id).location == "Leiden and Delft"
    bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    text = path.read_text(encoding="utf-8")
    assert "location: Leiden and Delft" in text and "deadline: 2027-02-01" in text
    assert [e.action for e in AdminStore(bench.store).recent()] == ["edit", "reload"]


def test_a_deleted_file_cannot_be_edited(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    bench.file(archivist.source).unlink()
    reply = bench.ask(f"/jobs close {archivist.id}")
    assert reply.text.startswith(f"The file {archivist.source} is gone from disk")
    assert not bench.file(archivist.source).exists()


def test_a_stale_hash_is_refused_before_anything_is_written(bench: Bench) -> None:
    """Two admins editing at once: the second one's base is gone, and its write never runs."""
    archivist = find(bench, "Digital Archivist")
    admin = AdminStore(bench.store)
    found = admin.posting_file(archivist.id)
    assert found is not None
    from bot.content import parse_bytes

    doc = parse_bytes(found.source, b"---\ntitle: x\n---\nbody\n")
    written: list[bool] = []
    with pytest.raises(Refused, match="was changed a moment ago"):
        admin.save_document(
            doc,
            NOW,
            expected_hash="0" * 64,
            write=lambda: written.append(True),
            actor=Actor("console", "console"),
            action="edit",
        )
    assert written == []


def test_a_failed_save_puts_the_file_back(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.store import saving

    archivist = find(bench, "Digital Archivist")
    original = bench.file(archivist.source).read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(saving, "save_documents", broken)
    reply = bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    assert reply.error_id is not None
    assert bench.file(archivist.source).read_bytes() == original
    assert bench.posting(archivist.id).deadline == date(2027, 1, 15)
    assert AdminStore(bench.store).recent() == []


def test_added_files_never_reuse_a_known_name(bench: Bench) -> None:
    first = _add(bench)
    bench.file(first.source).unlink()
    bench.ask("/herald reload")  # the document is withdrawn, its source still known
    assert bench.posting(first.id).status == "withdrawn"
    second = _add(bench)
    assert second.source == first.source.replace(".md", "-2.md")
    assert second.id != first.id and second.status == "active"

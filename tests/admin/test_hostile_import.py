"""Hostile YAML through chat: ``/jobs import`` and ``/jobs edit`` refuse aliases quickly."""

from __future__ import annotations

import time

from tests.ingest.test_hostile import alias_bomb

from .adminfakes import Bench, find


def test_import_of_an_alias_bomb_is_refused_quickly(bench: Bench) -> None:
    for key in ("location", "tags"):
        message = "/jobs import\n" + alias_bomb(key)
        assert len(message) < 500
        started = time.perf_counter()
        reply = bench.ask(message)
        assert time.perf_counter() - started < 5
        assert "Herald cannot read this posting: its front matter is refused" in reply.text
        assert "YAML alias *a," in reply.text
        assert len(reply.text) < 1000
        assert not [a for a in reply.actions if a.label == "Confirm"]


def test_edit_of_a_file_holding_aliases_is_refused(bench: Bench) -> None:
    path = bench.content / "postings" / "2026-11-12-bomb.md"
    path.write_text(alias_bomb("location"), encoding="utf-8")
    bench.ask("/herald reload")
    posting = find(bench, "Records Officer")
    before = path.read_text(encoding="utf-8")
    reply = bench.ask(f"/jobs edit {posting.id} deadline=2027-03-01")
    assert "is refused: it uses the YAML alias *a," in reply.text
    assert path.read_text(encoding="utf-8") == before

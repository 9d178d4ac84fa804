"""Pages Jekyll does not publish are not listed, announced or searched: ``published: false``
in the front matter, and the ``_drafts`` folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.content import parse_text
from bot.content.document import UNPUBLISHED
from bot.ingest import sync_folder
from bot.store import Store

NOW = datetime(2027, 2, 1, 12, tzinfo=UTC)


def page(published: str | None) -> str:
    flag = f"published: {published}\n" if published is not None else ""
    return (
        f"---\ntitle: Research Software Engineer\ndate: 2027-01-24\n{flag}tags: job\n---\n"
        "The Open Heritage Lab is hiring a Research Software Engineer in Utrecht. Apply by\n"
        "1 May 2027 to jobs@ohl.example.nl.\n"
    )


def test_a_page_marked_unpublished_holds_no_posting_and_no_passage() -> None:
    doc = parse_text("_posts/2027-01-24-rse.md", page("false"))
    assert doc.postings == () and doc.faq == ()
    assert doc.warnings == (UNPUBLISHED,)  # and no "published is not a date"
    assert doc.title == "Research Software Engineer"  # kept, with its text


def test_a_page_marked_published_or_unmarked_is_read_as_usual() -> None:
    for flag in ("true", None):
        doc = parse_text("_posts/2027-01-24-rse.md", page(flag))
        assert len(doc.postings) == 1 and doc.warnings == (), flag
        assert doc.postings[0].deadline is not None


def test_drafts_and_unpublished_pages_are_not_listed(store: Store, tmp_path: Path) -> None:
    for name, text in {
        "_posts/2027-01-24-rse.md": page(None),
        "_posts/2027-01-25-hidden.md": page("false").replace("Research", "Hidden"),
        "_drafts/curator.md": page(None).replace("Research Software Engineer", "Curator"),
    }.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    report = sync_folder(store, tmp_path, now=NOW)
    assert sorted(report.added) == ["_posts/2027-01-24-rse.md", "_posts/2027-01-25-hidden.md"]
    assert [w.reason for w in report.warnings] == [UNPUBLISHED]
    assert [p.title for p in store.all_postings()] == ["Research Software Engineer"]

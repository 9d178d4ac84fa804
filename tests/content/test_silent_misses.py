"""The three sentences issue 13 found matched by their rules but switched off by a gate list:
each now reaches its rule, page to posting through the whole loader."""

from __future__ import annotations

from datetime import date

from bot.content import parse_text
from bot.domain import PostingDraft


def _posting(sentence: str) -> PostingDraft:
    doc = parse_text(
        "postings/2024-01-10-archivist.md",
        "---\ntitle: Archivist\nkind: job\n---\n\nThe Atlas Trust seeks an archivist.\n\n"
        f"{sentence}\n",
    )
    (posting,) = doc.postings
    return posting


def test_last_day_to_apply_is_a_deadline() -> None:
    assert _posting("Last day to apply: 15 March 2024").deadline == date(2024, 3, 15)


def test_wfh_is_remote() -> None:
    assert _posting("This role is WFH.").remote is True


def test_not_accepting_applications_is_closed() -> None:
    assert _posting("We are not accepting applications.").closed is True
    assert _posting("We are accepting applications.").closed is False

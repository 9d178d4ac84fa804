"""Passages are ranked among the newest RANK_WINDOW matches of the full-text index.

A common word can match most of the passages, and bm25 costs the same for every match, so
``search_passages`` ranks the newest matches and widens to all of them when those hold too
few wanted passages. The window is shrunk to a few rows here so that small stores cross it;
the same rules hold at 500. (Postings have their own window: tests/store/test_ranking.py.)
"""

from __future__ import annotations

import pytest

from bot.domain import ParsedDocument, PassageHit
from bot.store import Store, passages

from .factories import NOW, faq_page

WINDOW = 6


def _faq_pages() -> list[ParsedDocument]:
    """Twelve one-question pages stored oldest first; the six oldest answer best, and the
    pages of each kind score alike, so their keys order them."""
    pages = []
    for i in range(12):
        if i < 6:
            question, text = "What is the membership fee?", "The membership fee is annual."
        else:
            question, text = f"What about event {i}?", f"Event {i} has a small registration fee."
        org = "Old Network" if i < 3 else "Other Network"
        pages.append(faq_page(f"faq/{i:02d}.md", org, (question, (text,))))
    return pages


def test_passages_rank_the_newest_matches_and_widen_when_too_few_are_wanted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for page in _faq_pages():
        store.save_documents([page], NOW)
    terms = ["membership", "fee"]

    def sources(hits: list[PassageHit]) -> list[str]:
        return [h.passage.source.removeprefix("faq/").removesuffix(".md") for h in hits]

    everything = [f"{i:02d}" for i in range(12)]
    assert sources(store.search_passages(terms, limit=12)) == everything
    monkeypatch.setattr(passages, "RANK_WINDOW", 5)
    # three wanted, five in the window (07-11): the best of the window
    assert sources(store.search_passages(terms, limit=3)) == ["07", "08", "09"]
    # more wanted than the window holds: every match is ranked
    assert sources(store.search_passages(terms, limit=8)) == everything[:8]
    # an organisation whose pages are all older than the window still gets its best answers
    assert sources(store.search_passages(terms, organization="old network", limit=2)) == [
        "00",
        "01",
    ]
    # withdrawn pages (08-11) leave one wanted passage in the window: the search widens
    store.withdraw_missing({f"faq/{i:02d}.md" for i in range(8)}, NOW)
    assert sources(store.search_passages(terms, limit=3)) == ["00", "01", "02"]


def test_an_organisations_window_widens_newest_first_until_it_holds_enough(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # twelve pages, oldest first; the organisation has the best answer in the oldest page
    # and two weaker ones in the middle
    for i in range(12):
        org = "Mid Network" if i in (0, 4, 5) else "Other Network"
        if i == 0:
            question, text = "What is the membership fee?", "The membership fee is annual."
        else:
            question, text = f"What about event {i}?", f"Event {i} has a small membership fee."
        store.save_documents([faq_page(f"faq/{i:02d}.md", org, (question, (text,)))], NOW)
    monkeypatch.setattr(passages, "RANK_WINDOW", 3)
    monkeypatch.setattr(passages, "WIDEN", 3)

    def sources(limit: int) -> list[str]:
        hits = store.search_passages(["membership", "fee"], organization="mid", limit=limit)
        return [h.passage.source.removeprefix("faq/").removesuffix(".md") for h in hits]

    # the 3 newest matches (09-11) hold none of its passages; the 9 newest (03-11) hold two:
    # enough for two, ranked among themselves; three wanted reach every match
    assert sources(2) == ["04", "05"]
    assert sources(3) == ["00", "04", "05"]

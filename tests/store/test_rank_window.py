"""Relevance is judged among the newest RANK_WINDOW matches of the full-text index.

A common word can match most of the store, and bm25 costs the same for every match, so
``find_postings`` ranks the newest matches by relevance and lists older ones after them,
newest first; ``search_passages`` ranks the newest matches and widens to all of them when
those hold too few wanted passages. The window is shrunk to a few rows here so that small
boards cross it; the same rules hold at 500.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain import ParsedDocument, PassageHit, PostingQuery
from bot.store import Store, queries

from .factories import NOW, TODAY, doc, draft, faq_page

WINDOW = 6


def _save_board(store: Store) -> list[str]:
    """24 postings stored one by one (so keys follow this order), 18 of them about
    archivists with different weight (title, location, body), some closed or expired, and
    postings without the word in between. Returns the ids of the matching ones, oldest first."""
    rng = random.Random(11)
    matching: list[str] = []
    for i in range(24):
        slug = f"p{i:02d}"
        if i % 4 == 3:
            posting = draft(slug, "Web developer", body="Builds the catalogue front end.")
        else:
            weight = rng.choice(["title", "body", "body twice"])
            title = "Digital archivist" if weight == "title" else "Collections assistant"
            body = {"title": "Looks after the collections.", "body": "Works with the archivist."}
            posting = draft(
                slug,
                title,
                body=body.get(weight, "An archivist role; the archivist team is small."),
                closed=rng.random() < 0.2,
                deadline=TODAY + timedelta(days=rng.choice([-5, 10, 20])),
                posted=TODAY - timedelta(days=rng.randint(1, 60)),
            )
            matching.append(slug)
        store.save_documents([doc(f"postings/{slug}.md", posting)], NOW)
    return matching


@pytest.fixture
def board(store: Store) -> tuple[Store, list[str]]:
    return store, _save_board(store)


def _window_order(ranked: list[str], matching: list[str]) -> list[str]:
    """Listed matches (``ranked`` by relevance) in window order: relevance inside the window,
    then newest first."""
    window = set(matching[-WINDOW:])
    older = sorted((i for i in ranked if i not in window), key=matching.index, reverse=True)
    return [i for i in ranked if i in window] + older


@pytest.mark.parametrize("include_inactive", [False, True])
def test_pages_rank_the_newest_matches_then_list_older_ones_newest_first(
    board: tuple[Store, list[str]], monkeypatch: pytest.MonkeyPatch, include_inactive: bool
) -> None:
    store, matching = board
    q = PostingQuery(today=TODAY, terms=("archivist",), include_inactive=include_inactive)
    full = store.find_postings(replace(q, limit=1000))  # the window holds every match
    ranked = [p.id for p in full.items]
    expected = _window_order(ranked, matching)
    assert expected != ranked, "the board must cross the window to test anything"
    monkeypatch.setattr(queries, "RANK_WINDOW", WINDOW)
    for limit in (1, 3, 4):
        for offset in range(full.total + 2):
            page = store.find_postings(replace(q, limit=limit, offset=offset))
            assert [p.id for p in page.items] == expected[offset : offset + limit]
            assert (page.total, page.hidden) == (full.total, full.hidden)


def test_a_window_larger_than_the_matches_ranks_every_match(
    board: tuple[Store, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, matching = board
    q = PostingQuery(today=TODAY, terms=("archivist",), limit=50)
    ranked = [p.id for p in store.find_postings(q).items]
    monkeypatch.setattr(queries, "RANK_WINDOW", len(matching))
    assert [p.id for p in store.find_postings(q).items] == ranked
    # the titles rank first: relevance, not age, orders a window
    titled = [p.id for p in store.find_postings(q).items if p.title == "Digital archivist"]
    assert ranked[: len(titled)] == titled


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
    monkeypatch.setattr(queries, "RANK_WINDOW", 5)
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

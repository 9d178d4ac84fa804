"""A posting named by its id (``bot.lookup``): found as typed or lower-cased; a mistyped id
gets the closest ids, found by the words of the id, never by reading every posting."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain import NotFound, Posting, PostingQuery
from bot.lookup import close_ids, posting_by_id
from bot.store import Store

from .factories import NOW, TODAY, doc, draft


class _Indexed:
    """The store as a command sees it, without the read of every posting."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all_postings(self, include_inactive: bool = True) -> list[Posting]:
        raise AssertionError("an id lookup must not read every posting")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@pytest.fixture
def board(store: Store) -> _Indexed:
    drafts = [
        draft("iiif-managing-director-2023", "Managing Director", organization="IIIF Consortium"),
        draft("iiif-technical-coordinator", "Technical Coordinator", organization="IIIF"),
        draft("datacite-technical-lead", "Technical Lead", organization="DataCite"),
        draft("old-archivist", "Archivist", organization="Old Library", closed=True),
    ]
    drafts += [draft(f"filler-{i}", f"Cataloguer {i}", organization="Map House") for i in range(30)]
    store.save_documents([doc(f"postings/{d.slug}.md", d) for d in drafts], NOW)
    return _Indexed(store)


def test_an_id_is_found_as_typed_or_lower_cased(board: Any) -> None:
    for typed in ("datacite-technical-lead", "DataCite-Technical-Lead"):
        found = posting_by_id(board, typed, today=TODAY, include_inactive=True, command="/x")
        assert found.id == "datacite-technical-lead"


@pytest.mark.parametrize(
    ("typed", "closest"),
    [
        ("iiif-managing-directr-2023", "iiif-managing-director-2023"),  # one word mistyped
        ("iiif-technical-coordinater", "iiif-technical-coordinator"),
        ("datacite-tech-lead", "datacite-technical-lead"),
    ],
)
def test_a_mistyped_id_gets_the_closest_ids(board: Any, typed: str, closest: str) -> None:
    with pytest.raises(NotFound) as raised:
        posting_by_id(board, typed, today=TODAY, include_inactive=True, command="/jobs show")
    assert str(raised.value) == f"No posting has the id `{typed}`."
    assert raised.value.suggestions[0] == f"/jobs show {closest}"


def test_closed_postings_are_offered_only_when_asked(board: Any) -> None:
    assert close_ids(board, "old-archivst", today=TODAY, include_inactive=True) == ["old-archivist"]
    assert close_ids(board, "old-archivst", today=TODAY, include_inactive=False) == []


@pytest.mark.parametrize("typed", ["../../etc/passwd", "🎉", "x" * 500, "a\x00b"])
def test_what_cannot_be_an_id_names_none_and_offers_the_list(board: Any, typed: str) -> None:
    with pytest.raises(NotFound) as raised:
        posting_by_id(board, typed, today=TODAY, include_inactive=True, command="/jobs show")
    assert raised.value.suggestions == ("/jobs",)
    assert "\x00" not in str(raised.value)


def test_stop_words_alone_name_no_posting_by_its_title(board: Any) -> None:
    """PostgreSQL searches for none of them; the list of every posting they made it read
    is no candidate for an id ("no-such-posting": "such" alone)."""
    q = PostingQuery(today=TODAY, terms=("such", "the"), in_titles=True, include_inactive=True)
    assert board.find_posting_heads(q) == []
    assert close_ids(board, "such-the", today=TODAY, include_inactive=True) == []

"""/jobs counts matches exactly up to a hundred and says "more than 100" past it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cmdfakes import ask, make_router

from bot.domain import ParsedDocument, PostingDraft
from bot.store import Store

NOW = datetime(2022, 2, 1, 9, 30, tzinfo=UTC)
TODAY = NOW.date()


def _postings(
    prefix: str, n: int, *, closed: bool, org: str = "Lakeside", role: str = "Archivist"
) -> list[ParsedDocument]:
    return [
        ParsedDocument(
            source=f"{prefix}/{i}.md",
            content_hash=f"{prefix}-{i}",
            kind="job",
            title=f"{role} {i}",
            postings=(
                PostingDraft(
                    slug=f"{prefix}-{i}",
                    title=f"{role} {i}",
                    organization=org,
                    deadline=TODAY + timedelta(days=i + 1),
                    closed=closed,
                ),
            ),
        )
        for i in range(n)
    ]


@pytest.fixture
def crowded(store: Store) -> Store:
    """120 open archivist postings and 150 closed ones; 3 open registrars elsewhere."""
    store.save_documents(
        _postings("open", 120, closed=False)
        + _postings("closed", 150, closed=True)
        + _postings("other", 3, closed=False, org="Northfield", role="Registrar"),
        now=NOW,
    )
    return store


def test_past_a_hundred_the_counts_say_more_than(crowded: Store) -> None:
    reply = ask(make_router(), crowded, "/jobs archivist")
    lines = reply.text.splitlines()
    assert lines[0] == "More than 100 open postings match `/jobs archivist` (showing 1–5):"
    # past a hundred open ones, the closed ones are not counted, only said to be there
    assert "Closed postings match too — `/jobs all archivist`" in lines
    assert "More: `/jobs archivist page 2`" in lines
    assert [p.id for p in reply.postings] == [f"open-{i}" for i in range(5)]


def test_past_a_hundred_closed_ones_are_said_only_when_there_are_some(store: Store) -> None:
    store.save_documents(
        _postings("open", 110, closed=False)
        + _postings("shut", 2, closed=True, role="Registrar")
        + _postings("reg", 105, closed=False, role="Registrar"),
        now=NOW,
    )
    router = make_router()
    assert "closed" not in ask(router, store, "/jobs archivist").text.lower()
    for line, every in (("/jobs registrar", "/jobs all registrar"), ("/jobs", "/jobs all")):
        reply = ask(router, store, line)
        assert reply.text.startswith(f"More than 100 open postings match `{line}`")
        assert f"Closed postings match too — `{every}`" in reply.text.splitlines()


def test_a_question_past_a_hundred_names_its_page_not_a_count_of_pages(crowded: Store) -> None:
    """Pages are counted only when the matches are: "page 1 of 21" of "more than 100" would
    claim 101 to 105 postings."""
    router = make_router()
    first = ask(router, crowded, "any archivist jobs?").text.splitlines()[0]
    assert first == "More than 100 open postings match “any archivist jobs?” (page 1):"
    few = ask(router, crowded, "any registrar jobs?").text.splitlines()[0]
    assert few == "3 open postings match “any registrar jobs?”:"


def test_a_question_of_a_few_pages_says_which_of_them(store: Store) -> None:
    store.save_documents(_postings("open", 7, closed=False), now=NOW)
    first = ask(make_router(), store, "any archivist jobs?").text.splitlines()[0]
    assert first == "7 open postings match “any archivist jobs?” (page 1 of 2):"


def test_below_a_hundred_the_counts_are_exact(crowded: Store) -> None:
    reply = ask(make_router(), crowded, "/jobs registrar")
    assert reply.text.splitlines()[0] == "3 open postings match `/jobs registrar`:"


def test_deep_pages_still_page_and_say_where_the_list_ends(crowded: Store) -> None:
    router = make_router()
    page = ask(router, crowded, "/jobs archivist page 24")
    # this deep the count is exact again: the store counts past the page asked for
    assert page.text.startswith(
        "120 open postings match `/jobs archivist page 24` (showing 116–120)"
    )
    assert [p.id for p in page.postings] == [f"open-{i}" for i in range(115, 120)]
    assert "More:" not in page.text
    past = ask(router, crowded, "/jobs archivist page 30")
    assert past.text.startswith("There is no page 30; `/jobs archivist` has 24 pages.")


def test_no_match_still_suggests_what_finds_something(crowded: Store) -> None:
    reply = ask(make_router(), crowded, "/jobs zebrafish remote")
    assert reply.text.startswith("No postings match `/jobs zebrafish remote`.")
    assert "`/jobs zebrafish`" not in reply.text
    assert "`/jobs remote`" not in reply.text  # nothing here is remote either

    reply = ask(make_router(), crowded, "/jobs northfield zebrafish")
    assert "Try: `/jobs northfield`" in reply.text


def test_withdrawn_postings_never_appear_or_count_in_chat(store: Store) -> None:
    """Files gone from their source: not listed, not among the closed ones, not by id lists,
    not in answers to questions."""
    store.save_documents(
        _postings("kept", 3, closed=False, org="DataCite")
        + _postings("shut", 2, closed=True, org="DataCite")
        + _postings("gone", 4, closed=False, org="DataCite", role="Curator")
        + _postings("gonec", 4, closed=True, org="DataCite", role="Curator"),
        now=NOW,
    )
    keep = {f"kept/{i}.md" for i in range(3)} | {f"shut/{i}.md" for i in range(2)}
    assert len(store.withdraw_missing(keep, NOW)) == 8
    router = make_router()

    listed = ask(router, store, "/jobs")
    assert [p.id for p in listed.postings] == ["kept-0", "kept-1", "kept-2"]
    assert "2 more closed postings match" in listed.text
    everything = ask(router, store, "/jobs all datacite")
    assert {p.id for p in everything.postings} == {"kept-0", "kept-1", "kept-2", "shut-0", "shut-1"}
    assert ask(router, store, "/jobs curator").postings == ()
    assert "closed postings" not in ask(router, store, "/jobs curator").text
    answer = ask(router, store, "is datacite hiring a curator?")
    assert not any(p.id.startswith("gone") for p in answer.postings), answer.text
    assert "Curator" not in answer.text

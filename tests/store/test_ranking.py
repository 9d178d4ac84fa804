"""The ranking of keyword lists (``bot.store.ranking.RANKING``), rule by rule, with small
hand-made boards on both backends: title ≫ organisation ≫ location ≫ body, recency, a near
deadline, open first, and the window of the newest open matches by posted date."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain import DEFAULT_FRESHNESS, PostingDraft, PostingQuery
from bot.store import Store, ranking
from bot.store.fulltext import month_token, months_between

from .factories import NOW, TODAY, doc, draft

DAY = timedelta(days=1)
FILLER = "We preserve collections and serve researchers. " * 10


def _save(store: Store, *postings: PostingDraft) -> None:
    # one by one, so keys follow this order: a test can put them against the order it wants
    for p in postings:
        store.save_documents([doc(f"postings/{p.slug}.md", p)], NOW)


def _posting(slug: str, title: str = "Assistant", **fields: Any) -> PostingDraft:
    fields.setdefault("posted", TODAY - 10 * DAY)
    fields.setdefault("deadline", TODAY + 40 * DAY)
    fields.setdefault("body", FILLER)
    return draft(slug, title, **fields)


def _ranked(store: Store, *terms: str, **fields: Any) -> list[str]:
    q = PostingQuery(today=TODAY, terms=terms, limit=100, **fields)
    return [p.id for p in store.find_postings(q).items]


def test_title_outranks_organisation_outranks_location_outranks_body(store: Store) -> None:
    _save(
        store,
        _posting("body", body=FILLER + "You report to the archivist."),
        _posting("location", location="Archivist Hall, Leeds"),
        _posting("organization", organization="Archivists' Guild"),
        _posting("title", "Archivist"),
        _posting("neither", "Developer"),
    )
    assert _ranked(store, "archivist") == ["title", "organization", "location", "body"]


def test_every_word_must_sit_in_the_fields_to_count_for_them(store: Store) -> None:
    _save(
        store,
        # "remote" only in the body: the title alone does not hold both words
        _posting("split", "Archivist", body=FILLER + "This role is remote."),
        _posting("location", "Archivist", location="Remote"),
        _posting("title", "Remote archivist"),
    )
    assert _ranked(store, "archivist", "remote") == ["title", "location", "split"]


def test_recency_orders_postings_of_the_same_weight(store: Store) -> None:
    _save(
        store,
        _posting("old", "Archivist", posted=TODAY - 120 * DAY),
        _posting("week", "Archivist", posted=TODAY - 3 * DAY),
        _posting("month", "Archivist", posted=TODAY - 20 * DAY),
        _posting("undated", "Archivist", posted=None),
        _posting("quarter", "Archivist", posted=TODAY - 70 * DAY),
    )
    assert _ranked(store, "archivist") == ["week", "month", "quarter", "old", "undated"]


def test_a_near_deadline_lifts_a_posting_a_little(store: Store) -> None:
    _save(
        store,
        _posting("later", "Archivist", deadline=TODAY + 30 * DAY),
        _posting("soon", "Archivist", deadline=TODAY + 5 * DAY),
        # fresher and due soon, but the word is in its body only
        _posting("body", body="Archivist wanted.", posted=TODAY, deadline=TODAY + DAY),
        # posted this week, due in two months: 8 × 1.5 against "soon"'s 8 × (1.35 + 0.25)
        _posting("fresh", "Archivist", posted=TODAY - DAY, deadline=TODAY + 60 * DAY),
    )
    assert _ranked(store, "archivist") == ["soon", "fresh", "later", "body"]


def test_fresh_postings_with_the_word_in_their_title_come_before_body_mentions(
    store: Store,
) -> None:
    """The relevance check of bench/bench_query.py, in small."""
    _save(
        store,
        _posting("body-new", "Librarian", body="Archivist " * 30, posted=TODAY),
        _posting("title-month", "Archivist", posted=TODAY - 29 * DAY, deadline=None),
        _posting("body-due", "Curator", body="An archivist post.", deadline=TODAY),
    )
    found = _ranked(store, "archivist")
    assert found[0] == "title-month" and set(found[1:]) == {"body-new", "body-due"}


def test_open_postings_come_first_when_everything_is_listed(store: Store) -> None:
    _save(
        store,
        _posting("closed-title", "Archivist", posted=TODAY - DAY, closed=True),
        _posting("expired-title", "Archivist", deadline=TODAY - DAY),
        _posting("open-body", body="Archivist wanted.", posted=TODAY - 300 * DAY),
    )
    assert _ranked(store, "archivist") == ["open-body"]
    assert _ranked(store, "archivist", include_inactive=True) == [
        "open-body",
        "closed-title",
        "expired-title",
    ]


# ------------------------------------------------------------------ the window


WINDOW = 5


def _window_board(store: Store, seed: int) -> list[str]:
    """40 matching postings stored in random order (so keys say nothing of age): open and
    not, dated and undated, the word in title or body; and some that do not match."""
    rng = random.Random(seed)
    postings = []
    for i in range(40):
        in_title = rng.random() < 0.4
        postings.append(
            _posting(
                f"p{i:02d}",
                "Archivist" if in_title else "Assistant",
                body=FILLER if in_title else FILLER + "Works with the archivist.",
                posted=rng.choice([None, TODAY - rng.randint(0, 250) * DAY]),
                deadline=rng.choice([None, TODAY + rng.randint(-10, 40) * DAY]),
                closed=rng.random() < 0.15,
            )
        )
    postings += [_posting(f"x{i}", "Developer") for i in range(4)]
    rng.shuffle(postings)
    _save(store, *postings)
    return [p.slug for p in postings]


def _window_order(store: Store, q: PostingQuery, saved: list[str]) -> list[str]:
    """Every listed match in window order, by the domain's rules (``Posting.is_open``);
    ``saved``: the order they were stored in (their keys')."""
    listed = [
        p
        for p in store.all_postings()
        if "archivist" in (p.title + p.body).lower()
        and (q.include_inactive or p.is_open(q.today, q.freshness))
    ]

    def order(p: Any) -> tuple[Any, ...]:
        return (
            not p.is_open(q.today, q.freshness),
            p.posted is None,
            -(p.posted.toordinal() if p.posted else 0),
            -saved.index(p.id),
        )

    return [p.id for p in sorted(listed, key=order)]


@pytest.mark.parametrize("include_inactive", [False, True])
def test_more_matches_than_the_window_rank_the_newest_open_ones_by_posted_date(
    store: Store, monkeypatch: pytest.MonkeyPatch, include_inactive: bool
) -> None:
    saved = _window_board(store, seed=5)
    q = PostingQuery(today=TODAY, terms=("archivist",), include_inactive=include_inactive)
    everything = store.find_postings(replace(q, limit=100))  # within the window: all ranked
    ranked = [p.id for p in everything.items]
    in_window_order = _window_order(store, q, saved)
    assert sorted(ranked) == sorted(in_window_order) and len(ranked) > 2 * WINDOW
    monkeypatch.setattr(ranking, "POSTING_WINDOW", WINDOW)
    window = set(in_window_order[:WINDOW])
    # the window by rank (the order every match had among themselves), then the rest
    expected = [i for i in ranked if i in window] + in_window_order[WINDOW:]
    assert expected != ranked, "the board must cross the window to test anything"
    for limit in (1, 3, 7):
        for offset in range(len(ranked) + 2):
            page = store.find_postings(replace(q, limit=limit, offset=offset))
            assert [p.id for p in page.items] == expected[offset : offset + limit]
            assert (page.total, page.hidden) == (everything.total, everything.hidden)


def test_a_changed_title_ranks_by_its_new_words(store: Store) -> None:
    _save(store, _posting("a", "Archivist"), _posting("b", body="Archivist wanted."))
    assert _ranked(store, "archivist") == ["a", "b"]
    store.save_documents([doc("postings/a.md", _posting("a", "Assistant archivist"))], NOW)
    store.save_documents([doc("postings/b.md", _posting("b", "Lead archivist"))], NOW)
    store.save_documents([doc("postings/a.md", _posting("a", body="Archivist."))], NOW)
    assert _ranked(store, "archivist") == ["b", "a"]


def test_the_worked_example_of_the_ranking_docstring(store: Store) -> None:
    """``ranking.RANKING``'s example, as written there: 14, 8.8, 6 and 1.75."""
    _save(
        store,
        _posting(
            "librarian",
            "Metadata Librarian",
            body="You will work with our archivists.",
            posted=TODAY,
            deadline=TODAY + 3 * DAY,
        ),
        _posting(
            "officer",
            "Records Officer",
            organization="State Archivist's Office",
            posted=TODAY - DAY,
        ),
        _posting(
            "archivist",
            "Archivist",
            posted=date(2026, 8, 1),
            deadline=None,
            open_until_filled=True,
        ),
        _posting(
            "digital", "Digital Archivist", posted=date(2026, 11, 18), deadline=date(2026, 12, 1)
        ),
    )
    assert "8 × (1 + 0.1) = 8.8" in ranking.RANKING
    assert _ranked(store, "archivist") == ["digital", "archivist", "officer", "librarian"]


def test_the_months_of_the_index_follow_each_posted_date(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's walks ask the full-text index for the words in the recent months and in
    the undated postings (migration 0013); a posting on either side of a month's end, on the
    horizon's day, undated, or re-dated, is found as its posted date says."""
    horizon = ranking._horizon(TODAY, DEFAULT_FRESHNESS)
    filled = {"deadline": None, "open_until_filled": True}
    _save(
        store,
        _posting("month-start", "Archivist", posted=date(2026, 11, 1), **filled),
        _posting("month-end", "Archivist", posted=date(2026, 10, 31), **filled),
        _posting("horizon", "Archivist", posted=horizon, **filled),
        _posting("before", "Archivist", posted=horizon - DAY, **filled),  # not open
        _posting("undated", "Archivist", posted=None, **filled),
    )
    monkeypatch.setattr(ranking, "POSTING_WINDOW", 2)
    # the newest two by rank, then the rest in window order
    assert _ranked(store, "archivist") == ["month-start", "month-end", "horizon", "undated"]
    redated = _posting("before", "Archivist", posted=TODAY - DAY, **filled)
    store.save_documents([doc("postings/before.md", redated)], NOW)
    assert _ranked(store, "archivist") == [
        "before",
        "month-start",
        "month-end",
        "horizon",
        "undated",
    ]


def test_month_words_run_newest_first_across_a_year() -> None:
    months = months_between(date(2025, 11, 30), date(2026, 2, 1))
    assert [month_token(m) for m in months] == ["pm202602", "pm202601", "pm202512", "pm202511"]
    assert month_token(None) == "pmnone"


def test_undated_matches_enter_the_window_newest_key_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL reads the undated matches a range of keys at a time (``KEY_BATCH``): one
    key per run here, so every run boundary is crossed."""
    _save(store, *(_posting(f"u{i}", "Archivist", posted=None) for i in range(1, 6)))
    _save(store, _posting("other", "Developer", posted=None))  # a key that does not match
    monkeypatch.setattr(ranking, "POSTING_WINDOW", 2)
    monkeypatch.setattr(ranking, "KEY_BATCH", 1)
    # the window is the newest two, by rank (a tie: by id); the rest newest key first
    assert _ranked(store, "archivist") == ["u4", "u5", "u3", "u2", "u1"]


@pytest.mark.parametrize("window", [2, 500])
def test_a_posting_named_by_its_title_is_found_however_many_bodies_name_it(
    store: Store, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    # three postings hold the words in their title or organisation, one of them closed;
    # more mention them in their bodies, newer than all three. Fewer title matches than
    # the window are read from the titles' index; more, by the walks (PostgreSQL)
    body = FILLER + "You will work with our conference coordinator."
    _save(
        store,
        _posting("t-open", "Conference Coordinator", posted=TODAY - DAY, deadline=TODAY + 5 * DAY),
        _posting("t-org", organization="Conference Coordinators Guild", posted=TODAY - 2 * DAY),
        _posting("t-closed", "Conference Coordinator", posted=TODAY - 3 * DAY, closed=True),
        *(_posting(f"b{i}", body=body, posted=TODAY) for i in range(6)),
    )
    monkeypatch.setattr(ranking, "POSTING_WINDOW", window)

    def named(*terms: str) -> list[str]:
        q = PostingQuery(today=TODAY, terms=terms, include_inactive=True, in_titles=True)
        return [p.id for p in store.find_postings(replace(q, limit=10)).items]

    # open first, then by score: the title (8, a near deadline) before the organisation (4)
    assert named("conference", "coordinator") == ["t-open", "t-org", "t-closed"]
    assert named("coordinators") == ["t-open", "t-org", "t-closed"]  # stemmed as in bodies
    assert named("conference", "work") == []  # in bodies only
    assert len(_ranked(store, "conference", "work")) == 6


# ------------------------------------------------------------------ stopping early


def _stopping_board(store: Store) -> None:
    """60 postings over a year and a half (every span of ``RECENCY``, the horizon, undated),
    the word in any field, near and far deadlines, some closed."""
    rng = random.Random(11)
    where = ("title", "organization", "location", "body")
    postings = []
    for i in range(60):
        field = rng.choice(where)
        postings.append(
            _posting(
                f"s{i:02d}",
                "Archivist" if field == "title" else "Assistant",
                organization="Archivists' Guild" if field == "organization" else "Museum",
                location="Archivist Hall, Leeds" if field == "location" else "Leeds",
                body=FILLER + ("Works with the archivist." if field == "body" else ""),
                posted=rng.choice([None, TODAY - rng.randint(0, 540) * DAY]),
                deadline=rng.choice([None, TODAY + rng.randint(-5, 60) * DAY]),
                closed=rng.random() < 0.1,
            )
        )
    _save(store, *postings)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    today=st.sampled_from([TODAY + n * DAY for n in (-200, -31, -8, 0, 6, 29, 89)]),
    limit=st.sampled_from([1, 3, 5, 12]),
    offset=st.sampled_from([0, 2, 5, 20]),
    count_limit=st.sampled_from([None, 0, 4, 100]),
    include_inactive=st.booleans(),
)
def test_a_page_is_the_same_whether_the_walk_stops_early_or_not(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    today: date,
    limit: int,
    offset: int,
    count_limit: int | None,
    include_inactive: bool,
) -> None:
    """A page of a list that may stop walking (``RANKING``, 4) against the same list ranked
    whole (a page longer than the window never stops); fewer matches than the window are
    read from SQLite's index at once, so the window is smaller than the board."""
    monkeypatch.setattr(ranking, "POSTING_WINDOW", 30)
    if not store.find_postings(PostingQuery(today=TODAY, terms=("archivist",))).total:
        _stopping_board(store)
    q = PostingQuery(
        today=today,
        terms=("archivist",),
        limit=limit,
        offset=offset,
        include_inactive=include_inactive,
    )
    whole = store.find_postings(replace(q, limit=1000, offset=0))
    page = store.find_postings(replace(q, count_limit=count_limit))
    ids = [p.id for p in whole.items]
    assert [p.id for p in page.items] == ids[offset : offset + limit]
    cap = None if count_limit is None else max(count_limit, offset + limit)
    assert page.total == (whole.total if cap is None else min(whole.total, cap + 1))
    if cap is None:
        assert page.hidden == whole.hidden
    else:  # past the cap, whether any is hidden
        assert page.hidden == min(whole.hidden, 1 if whole.total > cap else cap + 1)


def test_a_list_stops_walking_once_the_page_cannot_change(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five title matches of the month and nearer deadlines than any older posting could
    beat: the walks of older and undated postings are not run."""
    _save(
        store,
        *(_posting(f"new{i}", "Archivist", posted=TODAY - i * DAY) for i in range(5)),
        *(_posting(f"old{i}", "Archivist", posted=TODAY - (100 + i) * DAY) for i in range(5)),
        *(_posting(f"undated{i}", "Archivist", posted=None) for i in range(3)),
    )
    runs: list[Any] = []
    walk = ranking._runs

    def counted(*args: Any) -> Any:
        for run in walk(*args):
            runs.append(run)
            yield run

    monkeypatch.setattr(ranking, "_runs", counted)
    monkeypatch.setattr(ranking, "POSTING_WINDOW", 8)  # more matches than the window
    q = PostingQuery(today=TODAY, terms=("archivist",), limit=5)
    assert [p.id for p in store.find_postings(q).items] == [f"new{i}" for i in range(5)]
    assert len(runs) == 1  # the month's
    runs.clear()
    q = replace(q, limit=6)  # the sixth can be any older one: every run is walked
    assert [p.id for p in store.find_postings(q).items][:5] == [f"new{i}" for i in range(5)]
    assert len(runs) > 1

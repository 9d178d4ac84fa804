"""The fast read paths of find_postings and organizations against a plain Python reference.

``find_postings`` pages lists without words in two ordered walks (dated postings, then
undated ones) and can stop counting at ``count_limit``; ``organizations`` is a loose index
scan. Each must give exactly what the one-query, count-everything form gave; on SQLite the
list queries must not read posting rows (each carries its whole body) one by one.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from bot.domain import Freshness, Posting, PostingQuery
from bot.store import Store
from bot.store import store as store_module

from .factories import NOW, TODAY, doc, draft, faq_page

ORGS = ("DataCite", "IIIF Consortium", "Digital Library Federation", "datacite labs", None, "  ")
SOURCES = 90


def _board_documents(seed: int) -> list[Any]:
    rng = random.Random(seed)
    docs = []
    for i in range(SOURCES):
        deadline = rng.choice([None, None, *(TODAY + timedelta(days=d) for d in (-40, -1, 0, 3))])
        if deadline is not None and rng.random() < 0.5:
            deadline = TODAY + timedelta(days=rng.randint(-90, 90))
        posted = rng.choice([None, date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))])
        docs.append(
            doc(
                f"postings/p{i:03d}.md",
                draft(
                    f"p{i:03d}",
                    rng.choice(["Digital archivist", "Metadata librarian", "Developer"]),
                    organization=rng.choice(ORGS),
                    remote=rng.choice([None, True, False]),
                    deadline=deadline,
                    open_until_filled=rng.random() < 0.3,
                    closed=rng.random() < 0.15,
                    posted=posted,
                ),
            )
        )
    return docs


@pytest.fixture
def board(store: Store) -> Store:
    """90 postings covering every listing case: dated and undated, closed, withdrawn,
    equal deadlines and posting dates (so the id decides), blank organisations."""
    docs = _board_documents(seed=7)
    store.save_documents(docs, NOW)
    store.withdraw_missing({d.source for d in docs[10:]}, NOW)  # the first 10 withdrawn
    return store


def _reference(postings: list[Posting], q: PostingQuery) -> tuple[list[str], int, int]:
    """What the original single query returned: page ids, total, hidden (all exact)."""

    def matches(p: Posting) -> bool:
        org = q.organization.strip().lower() if q.organization else ""
        return (
            (not org or org in (p.organization or "").lower())
            and (q.remote is None or p.remote is q.remote)
            and (q.open_until_filled is None or p.open_until_filled is q.open_until_filled)
            and (
                q.deadline_from is None
                or (p.deadline is not None and p.deadline >= q.deadline_from)
            )
            and (q.deadline_to is None or (p.deadline is not None and p.deadline <= q.deadline_to))
        )

    # withdrawn and removed postings are neither listed nor counted, whatever the query
    found = [p for p in postings if matches(p) and p.status == "active"]
    listed = found if q.include_inactive else [p for p in found if p.is_open(q.today, q.freshness)]
    listed.sort(
        key=lambda p: (
            p.deadline is None,
            p.deadline or date.min,
            p.posted is None,
            -(p.posted or date.min).toordinal(),
            p.id,
        )
    )
    page = [p.id for p in listed[q.offset : q.offset + q.limit]]
    return page, len(listed), 0 if q.include_inactive else len(found) - len(listed)


queries = st.builds(
    PostingQuery,
    today=st.sampled_from([TODAY, TODAY - timedelta(days=60), TODAY + timedelta(days=30)]),
    organization=st.sampled_from([None, "datacite", "IIIF", "library", "zzz"]),
    remote=st.sampled_from([None, True, False]),
    deadline_from=st.sampled_from([None, TODAY]),
    deadline_to=st.sampled_from([None, TODAY + timedelta(days=3), TODAY + timedelta(days=60)]),
    open_until_filled=st.sampled_from([None, True]),
    include_inactive=st.booleans(),
    limit=st.sampled_from([0, 1, 5, 20]),
    offset=st.sampled_from([0, 3, 5, 25, 70, 200]),
    count_limit=st.sampled_from([None, 0, 2, 10, 100]),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=queries)
def test_lists_without_words_match_the_reference(board: Store, q: PostingQuery) -> None:
    page = board.find_postings(q)
    ids, total, hidden = _reference(board.all_postings(), q)
    assert [p.id for p in page.items] == ids
    if q.count_limit is None:
        assert (page.total, page.hidden) == (total, hidden)
    else:
        cap = max(q.count_limit, q.offset + q.limit)
        assert page.total == min(total, cap + 1)
        assert page.hidden == min(hidden, 1 if total > cap else cap + 1)


@pytest.mark.parametrize(
    "base",
    [
        PostingQuery(today=TODAY),
        PostingQuery(today=TODAY, include_inactive=True),
        # a year-long freshness window: enough open remote postings to page through
        PostingQuery(today=TODAY, remote=True, count_limit=3, freshness=Freshness(365, 365)),
        PostingQuery(today=TODAY - timedelta(days=60), organization="datacite"),
    ],
)
def test_every_page_matches_the_reference(board: Store, base: PostingQuery) -> None:
    """Pages across the seam between dated and undated postings, one offset at a time."""
    postings = board.all_postings()
    _, total, _ = _reference(postings, base)
    assert total > 10
    for limit in (1, 4):
        for offset in range(total + 2):
            q = replace(base, limit=limit, offset=offset)
            assert [p.id for p in board.find_postings(q).items] == _reference(postings, q)[0]


def test_count_limit_caps_both_counts_but_never_the_page(store: Store) -> None:
    docs = [
        doc(f"o{i}.md", draft(f"o{i}", "Open archivist", deadline=TODAY + timedelta(days=i)))
        for i in range(30)
    ] + [doc(f"c{i}.md", draft(f"c{i}", "Closed archivist", closed=True)) for i in range(20)]
    store.save_documents(docs, NOW)
    for terms in ((), ("archivist",)):
        exact = store.find_postings(PostingQuery(today=TODAY, terms=terms, limit=5))
        assert (exact.total, exact.hidden) == (30, 20)
        capped = store.find_postings(
            PostingQuery(today=TODAY, terms=terms, limit=5, count_limit=10)
        )
        assert (capped.total, capped.hidden) == (11, 1)  # past the cap: whether any
        assert [p.id for p in capped.items] == [p.id for p in exact.items]
        # a page past the cap widens it: the count stays exact enough to page on
        deep = store.find_postings(
            PostingQuery(today=TODAY, terms=terms, limit=5, offset=20, count_limit=10)
        )
        assert deep.total == 26 and len(deep.items) == 5
        past = store.find_postings(
            PostingQuery(today=TODAY, terms=terms, limit=5, offset=40, count_limit=10)
        )
        assert (past.total, past.items) == (30, ())
        # "is there anything at all?"
        probe = store.find_postings(PostingQuery(today=TODAY, terms=terms, limit=0, count_limit=0))
        assert (probe.total, probe.items) == (1, ())


def test_organizations_match_a_plain_distinct(store: Store) -> None:
    names = ["DataCite", "datacite", "IIIF Consortium", "Zeta", "Ábaco", "  ", None]
    docs = [
        doc(f"p{i}.md", draft(f"p{i}", "A posting", organization=names[i % len(names)]))
        for i in range(40)
    ]
    docs += [faq_page("faq/metro.md", "metro", ("What?", ("This.",)))]
    docs += [doc("news.md", kind="news", title="News", organization="Only News")]
    store.save_documents(docs, NOW)
    zeta = {f"p{i}.md" for i in range(3, 40, len(names))}
    store.withdraw_missing({d.source for d in docs} - zeta, NOW)
    # "Zeta" is only on withdrawn postings now; news pages do not count
    expected = {p.organization for p in store.all_postings(include_inactive=False)}
    expected = {n for n in expected if n and n.strip()} | {"metro"}
    assert "Zeta" not in expected
    assert store.organizations() == sorted(expected, key=lambda n: (n.casefold(), n))


def test_organizations_are_kept_until_a_write_or_a_few_seconds(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every /jobs needs the names; they are read again after this Store writes, and after
    ORGANIZATIONS_TTL seconds for another process's writes."""
    herald, other = Store.open(sqlite_url), Store.open(sqlite_url)
    herald.upgrade()
    try:
        herald.save_documents([doc("a.md", draft("a", "Archivist", organization="DataCite"))], NOW)
        assert herald.organizations() == ["DataCite"]
        assert herald.posting_titles() == ["Archivist"]
        other.save_documents([doc("b.md", draft("b", "Developer", organization="IIIF"))], NOW)
        assert herald.organizations() == ["DataCite"]  # not yet: another Store wrote
        herald.save_documents([doc("c.md", draft("c", "Curator", organization="Zeta"))], NOW)
        assert herald.organizations() == ["DataCite", "IIIF", "Zeta"]  # its own write
        assert herald.posting_titles() == ["Archivist", "Curator", "Developer"]
        other.withdraw_missing({"a.md", "c.md"}, NOW)
        assert herald.organizations() == ["DataCite", "IIIF", "Zeta"]
        monkeypatch.setattr(store_module, "ORGANIZATIONS_TTL", 0.0)  # as if time had passed
        assert herald.organizations() == ["DataCite", "Zeta"]
        # the titles only give the typo corrector its words: kept for minutes, not seconds
        assert herald.posting_titles() == ["Archivist", "Curator", "Developer"]
        monkeypatch.setattr(store_module, "TITLES_TTL", 0.0)
        assert herald.posting_titles() == ["Archivist", "Curator"]
    finally:
        herald.close()
        other.close()


def _plans(store: Store, statements: list[tuple[str, Any]]) -> list[list[str]]:
    with store.engine.connect() as connection:
        return [
            [
                str(row[-1])
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            ]
            for sql, params in statements
        ]


def test_list_queries_read_indexes_not_posting_rows(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("query plans are SQLite's")
    store.save_documents(
        [*_board_documents(seed=3), faq_page("faq.md", "metro", ("Q?", ("A.",)))], NOW
    )
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        for q in (
            PostingQuery(today=TODAY, terms=("archivist",), limit=5, count_limit=100),
            PostingQuery(today=TODAY, terms=("archivist",), limit=5),
            PostingQuery(today=TODAY, remote=True, limit=5, count_limit=100),
            PostingQuery(today=TODAY, organization="datacite", limit=5),
            PostingQuery(today=TODAY, organization="datacite", limit=5, count_limit=100),
            PostingQuery(today=TODAY, deadline_from=TODAY, deadline_to=TODAY + timedelta(days=30)),
            PostingQuery(today=TODAY, include_inactive=True, limit=5, offset=85),
        ):
            store.find_postings(q)
        store.organizations()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)

    plans = _plans(store, statements)
    fetches = [p for s, p in zip(statements, plans, strict=True) if "postings.body" in s[0]]
    lists = [p for s, p in zip(statements, plans, strict=True) if "postings.body" not in s[0]]
    assert fetches and len(lists) > len(fetches)
    for plan in lists:
        # a posting is only ever read through a covering index, never as a row with its body
        for step in plan:
            table = step.split()[1] if step.startswith(("SCAN", "SEARCH")) else ""
            if table in ("postings", "listing", "documents"):
                assert "COVERING INDEX" in step, plan
    for plan in fetches:  # only the page's own rows are read in full, by key
        assert any("SEARCH postings USING INTEGER PRIMARY KEY" in step for step in plan), plan


REFERENCE_PASSAGES = """
SELECT p.id FROM faq_passages p
JOIN documents d ON p.document_id = d.id
JOIN (SELECT rowid AS key, -bm25(faq_passages_fts, 2.0, 1.0, 0.5) AS score
      FROM faq_passages_fts WHERE faq_passages_fts MATCH :query) f ON f.key = p.id
WHERE d.status = 'present' ORDER BY f.score DESC, p.id LIMIT :limit
"""


def test_passages_ranked_on_the_index_first_skip_withdrawn_pages(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("the index-first ranking is SQLite's")
    pages = [
        faq_page(
            f"faq/{i:02d}.md",
            f"Org {i}",
            ("How much is the membership fee?", (f"The fee is {i}00 euros.",) * (1 + i % 3)),
            ("Who can join?", ("Anyone can join; membership is open.",)),
        )
        for i in range(30)
    ]
    store.save_documents(pages, NOW)
    # two pages in three disappear: the first ranking keeps too few of its best at times
    store.withdraw_missing({p.source for p in pages[::3]}, NOW)
    with store.engine.connect() as connection:
        for limit in (1, 3, 5, 12, 40, 100):
            expected = list(
                connection.execute(
                    text(REFERENCE_PASSAGES), {"query": '"membership" OR "fee"', "limit": limit}
                ).scalars()
            )
            hits = store.search_passages(["membership", "fee"], limit=limit)
            assert [h.passage.id for h in hits] == expected, limit
            assert all(h.passage.source in {p.source for p in pages[::3]} for h in hits)

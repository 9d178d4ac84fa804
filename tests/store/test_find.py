"""find_postings: filters, default visibility, order, pagination, relevance, hostile terms."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain import PostingQuery
from bot.store import Store

from .factories import LATER, NOW, TODAY, doc, draft

DAY = timedelta(days=1)


@pytest.fixture
def board(store: Store) -> Store:
    """Ten postings covering every visibility case."""
    store.save_documents(
        [
            doc(
                "dc-dev.md",
                draft(
                    "dc-dev",
                    "Frontend developer",
                    organization="DataCite",
                    remote=True,
                    deadline=TODAY + 10 * DAY,
                    posted=date(2026, 10, 20),
                ),
            ),
            doc(
                "dc-cm.md",
                draft(
                    "dc-cm",
                    "Community manager",
                    organization="DataCite",
                    remote=False,
                    deadline=TODAY,
                    posted=date(2026, 11, 1),
                ),
            ),
            doc(
                "iiif-tc.md",
                draft(
                    "iiif-tc",
                    "Technical coordinator",
                    organization="IIIF Consortium",
                    remote=True,
                    open_until_filled=True,
                    posted=date(2026, 11, 2),
                ),
            ),
            doc(
                "iiif-md.md",
                draft(
                    "iiif-md",
                    "Managing director",
                    organization="IIIF Consortium",
                    remote=True,
                    closed=True,
                    deadline=TODAY + 30 * DAY,
                ),
            ),
            doc(
                "metro-arch.md",
                draft(
                    "metro-arch",
                    "Digital archivist",
                    organization="METRO",
                    remote=None,
                    deadline=TODAY + 3 * DAY,
                    posted=date(2026, 9, 15),
                ),
            ),
            doc(
                "metro-old.md",
                draft(
                    "metro-old", "Reference librarian", organization="METRO", deadline=TODAY - DAY
                ),
            ),
            doc(
                "wm.md",
                draft(
                    "wm",
                    "GLAM partnerships lead",
                    organization="Wikimedia Foundation",
                    remote=True,
                    posted=date(2026, 11, 10),
                ),
            ),
            doc(
                "clir.md",
                draft(
                    "clir",
                    "Fellowship coordinator",
                    organization="CLIR",
                    open_until_filled=True,
                    posted=date(2026, 6, 1),
                ),
            ),
            doc(
                "gone.md",
                draft(
                    "gone", "Withdrawn archivist", organization="DataCite", deadline=TODAY + 5 * DAY
                ),
            ),
            doc(
                "pct.md",
                draft("pct", "Percent officer", organization="100% Org", deadline=TODAY + 20 * DAY),
            ),
        ],
        NOW,
    )
    store.withdraw_missing(
        {
            "dc-dev.md",
            "dc-cm.md",
            "iiif-tc.md",
            "iiif-md.md",
            "metro-arch.md",
            "metro-old.md",
            "wm.md",
            "clir.md",
            "pct.md",
        },
        LATER,
    )
    return store


def ids(store: Store, **query: object) -> list[str]:
    return [p.id for p in store.find_postings(PostingQuery(today=TODAY, **query)).items]  # type: ignore[arg-type]


def test_default_lists_open_postings_soonest_deadline_first(board: Store) -> None:
    page = board.find_postings(PostingQuery(today=TODAY))
    # Dated by deadline (today counts as open), then undated by newest posted.
    assert [p.id for p in page.items] == [
        "dc-cm",
        "metro-arch",
        "dc-dev",
        "pct",
        "wm",
        "iiif-tc",
        "clir",
    ]
    assert page.total == 7
    assert page.hidden == 2  # closed iiif-md, expired metro-old; withdrawn "gone" never counts
    assert all(p.is_open(TODAY) for p in page.items)


def test_include_inactive_lists_everything_but_withdrawn(board: Store) -> None:
    page = board.find_postings(PostingQuery(today=TODAY, include_inactive=True))
    assert page.total == 9 and len(page.items) == 9 and page.hidden == 0
    assert {p.status for p in page.items} == {"active"}


def test_today_decides_what_expired(board: Store) -> None:
    page = board.find_postings(PostingQuery(today=TODAY + DAY))
    assert "dc-cm" not in [p.id for p in page.items] and page.hidden == 3


def test_organization_is_a_case_insensitive_substring(board: Store) -> None:
    assert ids(board, organization="datacite") == ["dc-cm", "dc-dev"]
    assert ids(board, organization="IIIF") == ["iiif-tc"]
    page = board.find_postings(PostingQuery(today=TODAY, organization="iiif"))
    assert page.hidden == 1
    # Typed wildcards are literal characters.
    assert ids(board, organization="%") == ["pct"]
    assert ids(board, organization="_") == []


def test_remote_and_open_until_filled_filters(board: Store) -> None:
    assert ids(board, remote=True) == ["dc-dev", "wm", "iiif-tc"]
    assert ids(board, remote=False) == ["dc-cm"]
    assert ids(board, open_until_filled=True) == ["iiif-tc", "clir"]
    assert "iiif-tc" not in ids(board, open_until_filled=False)


def test_deadline_range_is_inclusive(board: Store) -> None:
    assert ids(board, deadline_from=TODAY, deadline_to=TODAY + 10 * DAY) == [
        "dc-cm",
        "metro-arch",
        "dc-dev",
    ]
    assert ids(board, deadline_from=TODAY + 10 * DAY) == ["dc-dev", "pct"]
    assert ids(board, deadline_to=TODAY) == ["dc-cm"]


def test_pagination(board: Store) -> None:
    everything = ids(board)
    pages = [
        board.find_postings(PostingQuery(today=TODAY, limit=3, offset=o)) for o in (0, 3, 6, 9)
    ]
    assert [p.id for page in pages for p in page.items] == everything
    assert {page.total for page in pages} == {7}
    assert [len(page.items) for page in pages] == [3, 3, 1, 0]


def test_terms_are_and_ed(board: Store) -> None:
    assert ids(board, terms=("archivist",)) == ["metro-arch"]
    assert ids(board, terms=("digital", "archivist")) == ["metro-arch"]
    assert ids(board, terms=("digital", "librarian")) == []
    page = board.find_postings(PostingQuery(today=TODAY, terms=("archivist",)))
    assert page.hidden == 0  # the withdrawn archivist is never counted
    # Stemming: "coordinators" finds "coordinator".
    assert set(ids(board, terms=("coordinators",))) == {"iiif-tc", "clir"}


def test_terms_combine_with_filters(board: Store) -> None:
    assert ids(board, terms=("coordinator",), organization="clir") == ["clir"]


def test_title_match_ranks_first(store: Store) -> None:
    filler = "We preserve collections and serve researchers. " * 20
    store.save_documents(
        [
            doc(
                "a.md",
                draft(
                    "a",
                    "Metadata librarian",
                    body=filler + "You will work alongside our archivist.",
                    deadline=TODAY,
                ),
            ),
            doc("b.md", draft("b", "Archivist", body=filler, deadline=TODAY + 30 * DAY)),
            doc(
                "c.md",
                draft(
                    "c",
                    "Developer",
                    body=filler + "Archivist experience helps.",
                    deadline=TODAY + DAY,
                ),
            ),
            doc("d.md", draft("d", "Developer", body=filler)),
        ],
        NOW,
    )
    found = ids(store, terms=("archivist",))
    # Without terms, a.md would come first (soonest deadline); relevance wins with terms.
    assert found[0] == "b" and set(found) == {"a", "b", "c"}


def test_organization_words_match_too(store: Store) -> None:
    store.save_documents([doc("a.md", draft("a", "Developer", organization="DataCite"))], NOW)
    assert ids(store, terms=("datacite",)) == ["a"]


def test_diacritics_do_not_matter_on_sqlite(store: Store) -> None:
    store.save_documents([doc("a.md", draft("a", "Café archiviste", body="résumé"))], NOW)
    if store.dialect == "sqlite":
        assert ids(store, terms=("cafe",)) == ["a"]
    assert ids(store, terms=("café",)) == ["a"]


HOSTILE = [
    '"',
    '""',
    "'",
    'say "hello',
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b)",
    "a AND b",
    "*",
    "arch*",
    "^start",
    "(",
    ")",
    "((x)",
    "col:archivist",
    "title:x",
    "-x",
    "+x",
    "{a b}",
    "a:b:c",
    "🎉",
    "😀 archivist 😀",
    "x" * 5000,
    "archivist " * 600,
    "",
    "   ",
    "\x00",
    "\ud800",
    "%",
    "_",
    "\\",
    "';DROP TABLE postings;--",
    "&",
    "|",
    "!",
    "<->",
    "a & b | !c",
    ":*",
    "the",
    "a",
]


def test_hostile_terms_never_raise(board: Store) -> None:
    for term in HOSTILE:
        page = board.find_postings(PostingQuery(today=TODAY, terms=(term,)))
        assert page.total >= len(page.items), term
        board.search_passages([term, "fee"])
    page = board.find_postings(PostingQuery(today=TODAY, terms=tuple(HOSTILE)))
    assert page.total == 0  # "archivist" and "x"*5000 cannot both be there
    assert board.counts()["postings"] == 10  # nothing was dropped, obviously


def test_quoted_syntax_is_matched_as_words(board: Store) -> None:
    assert ids(board, terms=('"digital',)) == ["metro-arch"]
    assert ids(board, terms=("archivist*",)) == ["metro-arch"]
    assert ids(board, terms=("title:archivist",)) == []  # no column filter, just words


def test_terms_without_words_are_ignored(board: Store) -> None:
    assert ids(board, terms=("🎉", "*", "")) == ids(board)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(terms=st.lists(st.text(max_size=40), max_size=4))
def test_any_text_is_a_safe_query(board: Store, terms: list[str]) -> None:
    page = board.find_postings(PostingQuery(today=TODAY, terms=tuple(terms)))
    assert len(page.items) <= page.total <= 7
    assert len(board.search_passages(terms, limit=5)) <= 5


def test_subquery_form_for_other_callers(board: Store) -> None:
    """bot.store.deliveries joins ``postings_match`` itself; it must agree with find_postings."""
    from sqlalchemy import select

    from bot.store.fulltext import clean_terms, postings_match
    from bot.store.models import PostingRow

    def joined(*terms: str) -> set[str]:
        with board._sessions() as session:
            found = postings_match(board.dialect, clean_terms(terms))
            query = select(PostingRow.id).join(found, found.c.key == PostingRow.pk)
            return set(session.scalars(query))

    assert joined("archivist") == {"metro-arch", "gone"}
    assert joined("digital", "archivist") == {"metro-arch"}
    assert joined("coordinators") == {"iiif-tc", "clir"}


@pytest.mark.parametrize("words", [(), ("archivist",)])
def test_pay_filters_read_a_range_by_its_ends_and_one_amount_as_both(
    store: Store, words: tuple[str, ...]
) -> None:
    """The question "jobs paying over $60k" is answered by the store's query, with or
    without words (a keyword list walks its window with the same filters)."""
    amounts = {
        "range": (Decimal(55_000), Decimal(62_000)),
        "only-min": (Decimal(70_000), None),
        "only-max": (None, Decimal(40_000)),
        "unstated": (None, None),
    }
    for slug, (low, high) in amounts.items():
        posting = draft(
            slug, "Archivist", deadline=TODAY + timedelta(days=9), salary_min=low, salary_max=high
        )
        store.save_documents([doc(f"{slug}.md", posting)], NOW)

    def paying(
        salary_at_least: Decimal | None = None, salary_at_most: Decimal | None = None
    ) -> set[str]:
        q = PostingQuery(
            today=TODAY, terms=words, salary_at_least=salary_at_least, salary_at_most=salary_at_most
        )
        return {p.id for p in store.find_postings(q).items}

    assert paying(salary_at_least=Decimal(60_000)) == {"range", "only-min"}
    assert paying(salary_at_least=Decimal(62_000)) == {"range", "only-min"}  # inclusive
    assert paying(salary_at_least=Decimal(62_001)) == {"only-min"}
    assert paying(salary_at_most=Decimal(55_000)) == {"range", "only-max"}
    assert paying(salary_at_least=Decimal(50_000), salary_at_most=Decimal(60_000)) == {"range"}


def test_pay_filters_compare_a_year_s_pay(store: Store) -> None:
    """ "Jobs paying over 30k" counts "€3,000 a month" (36,000 a year) and "$18 an hour"
    (37,440 for a year of full-time hours), not "£25,000 a year"."""
    pays = {
        "monthly": (Decimal(3_000), "month"),
        "hourly": (Decimal(18), "hour"),
        "yearly": (Decimal(25_000), "year"),
        "unsaid": (Decimal(28_000), None),
    }
    for slug, (amount, period) in pays.items():
        posting = draft(
            slug,
            "Archivist",
            deadline=TODAY + timedelta(days=9),
            salary_min=amount,
            salary_max=amount,
            salary_period=period,
        )
        store.save_documents([doc(f"{slug}.md", posting)], NOW)

    def paying(**bounds: Decimal) -> set[str]:
        return {p.id for p in store.find_postings(PostingQuery(today=TODAY, **bounds)).items}

    assert paying(salary_at_least=Decimal(30_000)) == {"monthly", "hourly"}
    assert paying(salary_at_most=Decimal(30_000)) == {"yearly", "unsaid"}


@pytest.mark.parametrize("terms", [(), ("coordinator",)])
def test_heads_are_the_page_in_its_order_and_whole_postings_follow_ids(
    board: Store, terms: tuple[str, ...]
) -> None:
    q = PostingQuery(today=TODAY, terms=terms, include_inactive=True)
    page = board.find_postings(q).items
    assert len(page) > 1
    heads = board.find_posting_heads(q)
    assert [(h.id, h.location, h.remote) for h in heads] == [
        (p.id, p.location, p.remote) for p in page
    ]
    wanted = [page[-1].id, "no-such-posting", page[0].id]
    assert [p.id for p in board.postings_by_id(wanted)] == [page[-1].id, page[0].id]
    assert board.postings_by_id(wanted)[1] == page[0]


def test_a_posting_named_by_its_title_is_looked_for_in_titles_and_organisations(
    store: Store,
) -> None:
    store.save_documents(
        [
            doc("t.md", draft("t", "Digital archivist", deadline=TODAY)),
            doc("o.md", draft("o", "Officer", organization="Digital Archivists' Guild")),
            doc("b.md", draft("b", "Officer", body="Work with our digital archivist.")),
            doc("q.md", draft("q", "O'Brien's digital archivist")),
        ],
        NOW,
    )

    def named(*terms: str) -> set[str]:
        q = PostingQuery(today=TODAY, terms=terms, include_inactive=True, in_titles=True)
        return {p.id for p in store.find_postings(q).items}

    assert named("digital", "archivist") == {"t", "o", "q"}
    assert named("o'brien's", "archivist") == {"q"}  # a quote in a word stays a word
    assert "b" in {
        p.id
        for p in store.find_postings(
            PostingQuery(today=TODAY, terms=("digital",), include_inactive=True)
        ).items
    }

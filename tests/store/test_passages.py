"""Passage search, FAQ sections and the organisation list."""

from __future__ import annotations

from uuid import uuid4

import pytest

from bot.store import Store

from .factories import LATER, NOW, doc, draft, faq_page

FILLER_TOPICS = [
    "conference",
    "working group",
    "specification",
    "newsletter",
    "community call",
    "logo",
    "translation",
    "code of conduct",
    "steering committee",
    "image server",
    "viewer",
    "manifest",
]


@pytest.fixture
def faqs(store: Store) -> Store:
    generated = [
        faq_page(
            f"faq/topic-{i}.md",
            "Example Network",
            (
                f"What about the {topic}?",
                (f"The {topic} is described on our website.", f"Ask the {topic} group for help."),
            ),
        )
        for i, topic in enumerate(FILLER_TOPICS)
    ]
    iiif = faq_page(
        "faq/iiif.md",
        "IIIF Consortium",
        ("Who can join?", ("Any institution can join the consortium.",)),
        (
            "How much does it cost?",
            (
                "The annual membership fee is 10,000 USD for founding members.",
                "Fees are invoiced in January.",
            ),
        ),
        ("Is there a newsletter?", ("Yes, the newsletter goes out monthly.",)),
    )
    datacite = faq_page(
        "faq/datacite.md",
        "DataCite",
        ("What does membership give?", ("Membership gives a vote in the general assembly.",)),
    )
    store.save_documents([*generated, iiif, datacite], NOW)
    return store


def test_membership_fee_passage_comes_first(faqs: Store) -> None:
    hits = faqs.search_passages(["membership", "fee"])
    assert hits, "no candidates"
    top = hits[0]
    assert top.passage.text == "The annual membership fee is 10,000 USD for founding members."
    assert top.passage.question == "How much does it cost?"
    assert (top.passage.source, top.passage.page_title) == ("faq/iiif.md", "IIIF Consortium FAQ")
    assert top.passage.organization == "IIIF Consortium"
    assert top.passage.url == "https://example.org/faq/iiif#q1"
    # OR semantics: a passage with only one of the words is still a candidate, ranked lower.
    texts = [h.passage.text for h in hits]
    assert "Membership gives a vote in the general assembly." in texts
    assert "Fees are invoiced in January." in texts
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_passage_search_filters_by_organization_and_limit(faqs: Store) -> None:
    hits = faqs.search_passages(["membership", "fee"], organization="datacite")
    assert [h.passage.source for h in hits] == ["faq/datacite.md"]
    assert len(faqs.search_passages(["the"], limit=3)) <= 3
    assert faqs.search_passages(["membership"], limit=0) == []
    assert faqs.search_passages([]) == []


def test_withdrawn_pages_are_not_searched(faqs: Store) -> None:
    sources = {f"faq/topic-{i}.md" for i in range(len(FILLER_TOPICS))} | {"faq/datacite.md"}
    faqs.withdraw_missing(sources, LATER)
    assert all(h.passage.source != "faq/iiif.md" for h in faqs.search_passages(["fee"]))
    assert "IIIF Consortium FAQ" not in faqs.page_titles(limit=100)


def test_page_titles_of_an_organisation_or_all_first_ones_by_title(faqs: Store) -> None:
    assert faqs.page_titles("iiif") == ["IIIF Consortium FAQ"]
    every = faqs.page_titles(limit=100)
    assert every == sorted(every) and "IIIF Consortium FAQ" in every
    assert faqs.page_titles() == every[:5]


def test_organizations_of_active_postings_and_faq_pages(faqs: Store) -> None:
    faqs.save_documents(
        [
            doc("j1.md", draft("j1", "Dev", organization="metro")),
            doc("j2.md", draft("j2", "Gone", organization="Zeta Archive")),
            doc("news.md", kind="news", title="News", organization="Newsy Org"),
        ],
        NOW,
    )
    keep = {s for s in faqs.known_hashes() if s != "j2.md"}
    faqs.withdraw_missing(keep, LATER)
    assert faqs.organizations() == ["DataCite", "Example Network", "IIIF Consortium", "metro"]


def test_an_organisations_shortcut_asks_its_faq_pages_only(faqs: Store) -> None:
    from dataclasses import replace

    news = replace(
        faq_page("news/moved.md", "Example Network", ("News", ("The conference moves to May.",))),
        kind="news",
    )
    faqs.save_documents([news], LATER)
    every_page = faqs.search_passages(["conference"], organization="example network", limit=50)
    assert any(h.passage.source == "news/moved.md" for h in every_page)
    faq_only = faqs.search_passages(
        ["conference"], organization="example network", limit=50, faq_only=True
    )
    assert faq_only and all(h.passage.source.startswith("faq/") for h in faq_only)


def test_a_questions_words_are_resolved_by_postgresql_once(faqs: Store) -> None:
    """PostgreSQL's form of a question's words depends on the words alone: asked again, the
    same words cost one statement fewer (the round trip that resolved them)."""
    if faqs.engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL's text queries")
    from sqlalchemy import event

    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    words = ["membership", "fee", f"w{uuid4().hex}"]  # words no other test asked
    event.listen(faqs.engine, "before_cursor_execute", record)
    try:
        first = faqs.search_passages(words)
        asked_first = len(statements)
        statements.clear()
        again = faqs.search_passages(words)
    finally:
        event.remove(faqs.engine, "before_cursor_execute", record)
    assert [h.passage.text for h in again] == [h.passage.text for h in first] != []
    assert len(statements) == asked_first - 1
    assert not any("plainto_tsquery" in sql for sql in statements)

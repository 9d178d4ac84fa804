"""A role asked for in one word that a posting's title names in others: "developer jobs" are
a Software Engineer's too. The role's other words are
searched in the word's place, in the one query of the list (no query more), and a title
naming the role otherwise counts as naming it; "engineer" alone is no developer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pagestore import app_of

from bot.app import App
from bot.domain import ParsedDocument, PostingDraft, PostingQuery
from bot.search import parse_jobs_query, said_otherwise
from bot.store import Store

TODAY = date(2026, 11, 20)


def _posting(slug: str, title: str, org: str, where: str, body: str) -> tuple[str, str]:
    return (
        f"jobs/2026-11-02-{slug}.md",
        f"""---
title: {title}
organization: {org}
date: 2026-11-02
tags: [jobs]
location: {where}
---
{body}

Apply by 18 December 2026 to jobs@{slug}.example.org.
""",
    )


PAGES = dict(
    [
        _posting(
            "kite-software-engineer",
            "Software Engineer",
            "Kite Archive",
            "Bristol, UK (remote)",
            "Kite Archive is hiring a Software Engineer for its catalogue search. The post is "
            "remote.",
        ),
        _posting(
            "lark-web-developer",
            "Web Developer",
            "Lark Museum",
            "Leeds, UK",
            "Lark Museum needs a Web Developer for its online shop.",
        ),
        _posting(
            "finch-cataloguer",
            "Cataloguer",
            "Finch Library",
            "Edinburgh, UK",
            "Finch Library is looking for a Cataloguer for its map collection.",
        ),
        _posting(
            "merlin-systems-librarian",
            "Systems Librarian",
            "Merlin University",
            "Edinburgh, UK",
            "Merlin University wants a Systems Librarian to run its library platform.",
        ),
        _posting(
            "rook-sound-engineer",
            "Sound Engineer",
            "Rook Theatre Museum",
            "Leeds, UK",
            "Rook Theatre Museum is hiring a Sound Engineer for its recordings.",
        ),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("roles"), PAGES, TODAY) as application:
        yield application


def titles(app: App, question: str) -> set[str]:
    return {p.title for p in app.ask(question).postings}


def test_developer_jobs_list_a_software_engineer(app: App) -> None:
    assert titles(app, "any developer jobs?") == {"Web Developer", "Software Engineer"}


def test_remote_developer_roles(app: App) -> None:
    assert titles(app, "remote developer roles") == {"Software Engineer"}


def test_programmer_jobs(app: App) -> None:
    assert titles(app, "programmer jobs") == {"Web Developer", "Software Engineer"}


def test_a_role_beside_another_keyword(app: App) -> None:
    # the role's group joined to the other word ("web developer", "archive developer")
    assert titles(app, "any web developer jobs?") == {"Web Developer"}
    assert titles(app, "developer jobs at kite archive") == {"Software Engineer"}


def test_developer_jobs_in_a_city(app: App) -> None:
    assert titles(app, "developer jobs in bristol") == {"Software Engineer"}


def test_a_role_is_no_word_sharing_its_stem(app: App) -> None:
    # guard: "catalogue" (of a cataloguer's posting) is no librarian
    assert titles(app, "librarian jobs in edinburgh") == {"Systems Librarian"}


def test_an_engineer_alone_is_no_developer(app: App) -> None:
    # guard: the phrase, "software engineer", not its last word
    assert "Sound Engineer" not in titles(app, "developer jobs in leeds")
    assert titles(app, "developer jobs in leeds") == {"Web Developer"}


def test_the_other_words_are_one_query() -> None:
    # the /jobs command reads them too, each beside its word
    q = parse_jobs_query("developers remote", TODAY).query
    assert q.said_otherwise == (("developers", "software engineer"),)


def _saved(slug: str, title: str) -> ParsedDocument:
    posting = PostingDraft(slug=slug, title=title, deadline=TODAY)
    return ParsedDocument(
        source=f"{slug}.md", content_hash=slug, kind="job", title=title, postings=(posting,)
    )


def test_the_store_matches_the_other_words_on_each_backend(store: Store) -> None:
    titles = {"a": "Software Engineer", "b": "Web Developer", "c": "Sound Engineer"}
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    store.save_documents([_saved(slug, title) for slug, title in titles.items()], now)
    asked = PostingQuery(today=TODAY, terms=("developers",))
    found = store.find_postings(replace(asked, said_otherwise=said_otherwise(asked.terms)))
    assert {p.title for p in found.items} == {"Software Engineer", "Web Developer"}
    assert {p.title for p in store.find_postings(asked).items} == {"Web Developer"}
    two = PostingQuery(today=TODAY, terms=("software", "developer"))
    found = store.find_postings(replace(two, said_otherwise=said_otherwise(two.terms)))
    assert {p.title for p in found.items} == {"Software Engineer"}

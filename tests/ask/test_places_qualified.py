"""Parts of a state people name ("northern california", "orange county"), and a place
followed by its own state's code ("irvine ca", "paramus, nj"): the code says which place and
is no keyword a posting must hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App
from bot.ask.understand import understand

TODAY = date(2026, 5, 4)


PAGES = dict(
    [
        located_posting("sacramento", "Records Manager", "Sacramento, CA"),
        located_posting("anaheim", "Conservator", "Anaheim, CA"),
        located_posting("paramus", "Instruction Librarian", "Paramus, NJ"),
        located_posting("dayton", "Branch Librarian", "Dayton, OH"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("qualified"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("jobs in northern california", ["Records Manager"]),
        ("norcal jobs", ["Records Manager"]),
        ("anything in orange county", ["Conservator"]),
        ("anything in orange county ca", ["Conservator"]),
        ("anything in anaheim, ca?", ["Conservator"]),
        ("jobs in paramus nj", ["Instruction Librarian"]),
    ],
)
def test_the_place_asked_lists_its_postings(app: App, question: str, titles: list[str]) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == titles


@pytest.mark.parametrize(
    ("question", "keywords"),
    [
        ("jobs in paramus nj", []),
        ("jobs in dayton, oh", []),
        # another state's code is not the place's: it is left as written
        ("jobs in paramus ca", ["ca"]),
    ],
)
def test_a_state_code_after_its_place_is_no_keyword(question: str, keywords: list[str]) -> None:
    u = understand(question, TODAY, [])
    assert u.filters.place is not None
    assert list(u.search.query.terms) == keywords

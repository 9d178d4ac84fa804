"""Hybrid work ("hybrid jobs?", "partly remote jobs in new jersey"): remote work beside a
city's office, not every remote posting; the place asked is the office's."""

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
        located_posting("paramus", "Online Librarian", "Paramus, NJ w/ remote hours"),
        located_posting("dc", "Fellowship Coordinator", "Washington, DC, with two remote days"),
        located_posting("remote", "Metadata Editor", "Remote"),
        located_posting("newark", "Cataloguer", "Newark, NJ"),
        located_posting("anywhere", "Web Developer", "Remote, anywhere in the United States"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("hybrid"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("hybrid jobs?", ["Fellowship Coordinator", "Online Librarian"]),
        ("any partly remote positions", ["Fellowship Coordinator", "Online Librarian"]),
        ("hybrid jobs in new jersey", ["Online Librarian"]),
        # remote work without an office stays remote
        ("remote jobs", ["Fellowship Coordinator", "Metadata Editor", "Online Librarian",
                         "Web Developer"]),
    ],
)  # fmt: skip
def test_hybrid_is_remote_work_beside_an_office(app: App, question: str, titles: list[str]) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == sorted(titles)


def test_hybrid_is_read_as_its_own_filter() -> None:
    u = understand("any hybrid jobs?", TODAY, [])
    assert u.filters.hybrid and u.search.query.remote is True
    assert not understand("any remote jobs?", TODAY, []).filters.hybrid

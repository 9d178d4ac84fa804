"""A place's adjective before its jobs names the place ("any canadian jobs?", "american library
jobs"), as its name does; in a posting's own text an adjective is no place ("German Historical
Institute" is in Washington)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App
from bot.places import places_in

TODAY = date(2026, 5, 4)
PAGES = dict(
    [
        located_posting("toronto-archivist", "Archivist", "Toronto, ON, Canada"),
        located_posting("boston-librarian", "Reference Librarian", "Boston, MA"),
        located_posting("berlin-curator", "Curator", "Berlin, Germany"),
        located_posting("dublin-cataloguer", "Cataloguer", "Dublin, Ireland"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("adjectives"), PAGES, TODAY) as application:
        yield application


def _listed(app: App, question: str) -> list[str]:
    return [p.title for p in app.ask(question).postings]


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("any canadian jobs?", ["Archivist"]),
        ("american library jobs", ["Reference Librarian"]),
        ("german positions", ["Curator"]),
        ("european jobs", ["Curator", "Cataloguer"]),
        ("irish roles?", ["Cataloguer"]),
    ],
)
def test_a_places_adjective_before_its_jobs_names_the_place(
    app: App, question: str, titles: list[str]
) -> None:
    assert sorted(_listed(app, question)) == sorted(titles)


def test_the_place_is_said_as_the_places_name_is(app: App) -> None:
    assert sorted(_listed(app, "any canadian jobs?")) == sorted(_listed(app, "jobs in canada"))


def test_an_adjective_in_a_location_line_is_no_place() -> None:
    named = [p.name for p in places_in("German Historical Institute, Washington, DC")]
    assert "Washington" in named and "Germany" not in named

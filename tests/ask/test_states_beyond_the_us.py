"""A city alone lies in its province or state outside the US too ("jobs in ontario" lists a
posting in Toronto): the gazetteer's numbered subdivisions are read as the ISO codes the
states are named by."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App
from bot.places import find_place

TODAY = date(2026, 5, 4)

PAGES = dict(
    [
        located_posting("toronto", "Map Librarian", "Toronto"),
        located_posting("halifax", "Registrar", "Halifax, NS"),
        located_posting("brisbane", "Archivist", "Brisbane, Australia"),
        located_posting("dresden", "Conservator", "Dresden"),
        located_posting("graz", "Cataloguer", "Graz, Austria"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("states"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("state", "city"),
    [
        ("ontario", "Toronto"),
        ("nova scotia", "Halifax"),
        ("queensland", "Brisbane"),
        ("victoria", "Melbourne"),
        ("sachsen", "Dresden"),
        ("steiermark", "Graz"),
    ],
)
def test_a_city_lies_in_its_state(state: str, city: str) -> None:
    where, inside = find_place(state), find_place(city)
    assert where is not None and inside is not None
    assert where.contains(inside)


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("any jobs in ontario?", ["Map Librarian"]),
        ("jobs in nova scotia", ["Registrar"]),
        ("jobs in queensland", ["Archivist"]),
    ],
)
def test_jobs_in_a_province(app: App, question: str, titles: list[str]) -> None:
    assert [p.title for p in app.ask(question).postings] == titles


def test_a_city_is_not_in_another_province() -> None:
    ontario, vancouver = find_place("ontario"), find_place("Vancouver")
    assert ontario is not None and vancouver is not None
    assert vancouver.country == "CA"
    assert not ontario.contains(vancouver)


@pytest.mark.parametrize(
    ("nation", "inside", "outside"),
    [
        ("england", "Leeds", "Edinburgh"),
        ("wales", "Cardiff", "London"),
        ("scotland", "Glasgow", "York"),
    ],
)
def test_the_nations_of_the_uk_are_apart(nation: str, inside: str, outside: str) -> None:
    where, city, other = find_place(nation), find_place(inside), find_place(outside)
    assert where is not None and city is not None and other is not None
    assert where.contains(city)
    assert not where.contains(other)

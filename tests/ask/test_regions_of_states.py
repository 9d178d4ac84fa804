"""Parts of a country named as regions ("the Midwest", "the west coast", "the tri-state
area") and parts of a state ("the bay area", "long island"): the states or cities they hold,
asked of as a state is (remote work elsewhere is not in them)."""

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
        located_posting("dayton", "Branch Librarian", "Dayton, OH"),
        located_posting("tacoma", "Archivist", "Tacoma, WA"),
        located_posting("newark", "Cataloguer", "Newark, NJ"),
        located_posting("remote", "Metadata Editor", "Remote"),
        located_posting("oakland", "Digital Curator", "Oakland, CA"),
        located_posting("hempstead", "Reference Librarian", "Hempstead, NY"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("state-regions"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("region", "inside", "outside"),
    [
        ("midwest", "ohio", "new jersey"),
        ("west coast", "oregon", "ohio"),
        ("tri-state", "new jersey", "oregon"),
    ],
)
def test_a_region_of_states_holds_its_states(region: str, inside: str, outside: str) -> None:
    place, within, beyond = find_place(region), find_place(inside), find_place(outside)
    assert place is not None and within is not None and beyond is not None
    assert place.of_states
    assert place.contains(within) and not place.contains(beyond)


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("jobs in the midwest", ["Branch Librarian"]),
        ("anything on the west coast?", ["Archivist", "Digital Curator"]),
        ("anything in the bay area", ["Digital Curator"]),
        ("any jobs on long island", ["Reference Librarian"]),
        ("jobs in the tri-state area", ["Cataloguer", "Reference Librarian"]),
        ("east coast library jobs", ["Cataloguer", "Reference Librarian"]),
        ("any gigs in jersey", ["Cataloguer"]),
        ("anything in nassau county", ["Reference Librarian"]),
        ("jobs in suffolk county", []),
    ],
)
def test_lists_keep_to_the_region_and_leave_remote_work_out(
    app: App, question: str, titles: list[str]
) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == sorted(titles)


def test_a_region_of_cities_holds_its_cities_and_not_its_state() -> None:
    bay, oakland, california = (
        find_place("bay area"),
        find_place("oakland"),
        find_place("california"),
    )
    assert bay is not None and oakland is not None and california is not None
    assert bay.contains(oakland) and not bay.contains(california)

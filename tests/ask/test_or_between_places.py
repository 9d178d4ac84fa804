""" "Jobs in oregon or texas": "or" after Oregon, or after a city of Oregon followed by another
place ("portland or seattle"), joins two places; it is Oregon's code only after one of its
cities with no place after it ("portland or"). "Open to americans" says where the asker is."""

from __future__ import annotations

from datetime import date

import pytest

from bot.ask.understand import parse_filters
from bot.places import find_place

TODAY = date(2026, 5, 4)


@pytest.mark.parametrize(
    ("said", "places"),
    [
        ("jobs in oregon or texas", ["Oregon", "Texas"]),
        ("jobs in portland or seattle?", ["Portland", "Seattle"]),
        ("any jobs in portland or?", ["Portland"]),
        ("jobs in portland, or or seattle", ["Portland", "Seattle"]),
        ("jobs in toledo, oh", ["Toledo"]),
    ],
)
def test_places_joined_by_or(said: str, places: list[str]) -> None:
    filters, _rest, _found = parse_filters(said, TODAY)
    named = [p.name for p in (filters.place, *filters.also) if p is not None]
    assert named == places


@pytest.mark.parametrize(
    ("said", "asker"),
    [
        ("any remote jobs open to americans?", "United States"),
        ("jobs for canadians", "Canada"),
        ("anything available to europeans?", "Europe"),
        ("jobs for librarians", None),
    ],
)
def test_the_people_of_a_place_say_where_the_asker_is(said: str, asker: str | None) -> None:
    filters, _rest, _found = parse_filters(said, TODAY)
    named = filters.reachable_from
    assert (named.name if named is not None else None) == asker


def test_the_states_are_the_us_with_their_article() -> None:
    filters, _rest, _found = parse_filters("anything in the states?", TODAY)
    assert filters.place is not None and filters.place.name == "United States"
    assert find_place("states") is None

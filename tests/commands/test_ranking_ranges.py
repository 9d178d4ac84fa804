"""A figure asked ("50000 records a year", "a group of 40 members") is answered by the
passage whose range holds it ("10.001 - 100.000", "31-60 members"), not by one that names
the figure's neighbours; a year or a digit beside its word is no figure of a range."""

from __future__ import annotations

import pytest
from cmdfakes import as_hits, best_excerpt, passage
from hypothesis import given
from hypothesis import strategies as st

from bot.search import MIN_RANGED, _ranged

PRICES = {"page_title": "Tern Registry - Prices"}


ROWS = as_hits(
    passage(1, "Record fee", "Records a year: 0 - 1.999; Level 1; Fee: 0,50€ per record", **PRICES),
    passage(2, "Record fee", "Records a year: 2.000 - 10.000; Level 2; Fee: 1.200€", **PRICES),
    passage(3, "Record fee", "Records a year: 10.001 - 100.000; Level 3; Fee: 2.400€", **PRICES),
    passage(4, "Example", "A member with 1.000 records a year pays 500€ in total.", **PRICES),
)


def test_a_figure_asked_is_answered_by_the_range_that_holds_it() -> None:
    assert "Level 3" in best_excerpt("what is the fee for 50000 records a year", ROWS)
    assert "Level 2" in best_excerpt("we register 5,000 records a year, what fee do we pay", ROWS)


def test_a_group_size_falls_in_its_band() -> None:
    hits = as_hits(
        passage(1, "Group caps", "5-30 members: 900€ per member.", **PRICES),
        passage(2, "Group caps", "31-60 members: 600€ per member.", **PRICES),
        passage(3, "Group fees", "A group of 12 members pays one membership fee.", **PRICES),
    )
    assert "600€" in best_excerpt("what is the cap for a group of 40 members", hits)


def test_a_digit_beside_its_word_is_no_figure_of_a_range() -> None:
    # "level 2" names the row of Level 2, not the range "0 - 1.999" that holds 2
    assert "Level 2" in best_excerpt("what does level 2 cost", ROWS)


def test_a_figure_beyond_a_bound_is_held_by_it() -> None:
    # "20k records" lies over "more than 10.000 records": that sentence answers
    hits = as_hits(
        passage(
            1,
            "Groups",
            "Group members that expect more than 10.000 records a year should join directly.",
            **PRICES,
        ),
        passage(2, "Groups", "A group is five or more members under one contract.", **PRICES),
        passage(3, "Groups", "Group members pay the record fee of their level.", **PRICES),
    )
    assert "join directly" in best_excerpt("group member with 20k records - what happens", hits)


@pytest.mark.parametrize(
    ("text", "asked", "held"),
    [
        ("more than 10.000 DOIs", 20000, True),
        ("more than 10.000 DOIs", 5000, False),
        ("2.000 or more DOIs", 2500, True),
        ("up to 30 members", 12, True),
        ("up to 30 members", 40, False),
        ("500+ members", 600, True),
        ("over $90,000", 100000, True),
    ],
)
def test_bounds(text: str, asked: int, held: bool) -> None:
    assert (str(asked) in _ranged(text, frozenset({asked}))) is held


@given(
    st.integers(min_value=MIN_RANGED, max_value=10**7),
    st.integers(min_value=MIN_RANGED, max_value=10**7),
    st.sampled_from(["more than", "over", "at least", "up to", "under", "fewer than"]),
)
def test_a_bound_holds_what_lies_on_its_side(bound: int, asked: int, word: str) -> None:
    above = word in ("more than", "over", "at least")
    said = f"members with {word} {bound:,} records".replace(",", ".")
    assert (str(asked) in _ranged(said, frozenset({asked}))) is (
        asked >= bound if above else asked <= bound
    )


@given(st.text(max_size=60), st.integers(min_value=MIN_RANGED, max_value=10**6))
def test_any_text_holds_only_figures_asked(text: str, asked: int) -> None:
    assert _ranged(text, frozenset({asked})) <= {str(asked)}

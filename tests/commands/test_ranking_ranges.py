"""A figure asked ("50000 records a year", "a group of 40 members") is answered by the
passage whose range holds it ("10.001 - 100.000", "31-60 members"), not by one that names
the figure's neighbours; a year or a digit beside its word is no figure of a range."""

from __future__ import annotations

from cmdfakes import as_hits, best_excerpt, passage

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

"""Sentences around a place in a page: what a fact is quoted from and read in.

A sentence ends at ". ", "! " or "? " (not after an abbreviation such as "e.g." or "Dr."), at
a blank line, and at a line that starts or ends a block (a heading, a list item, a "Label:"
line); a single newline inside a paragraph is only wrapping.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.content import text as text_module
from bot.content.text import (
    LONGEST_SENTENCE,
    MOST_ABBREVIATIONS,
    sentence_bounds,
    whole_sentences,
)

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
MANY = settings(
    max_examples=max(EXAMPLES, 200), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def sentence_at(text: str, word: str) -> str:
    start, end = sentence_bounds(text, text.index(word))
    return text[start:end]


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        ("We seek an archivist. Apply by 1 May. Thanks!", "Apply", "Apply by 1 May."),
        ("Is it remote? Yes! It is remote.", "Yes", "Yes!"),
        ("Write to Dr. Ada Byron by 1 May. Thanks.", "Ada", "Write to Dr. Ada Byron by 1 May."),
        ("Send e.g. a CV by 1 May. Thanks.", "CV", "Send e.g. a CV by 1 May."),
        ("Apply at https://a.b.org/c.d now. Next.", "now", "Apply at https://a.b.org/c.d now."),
        ("Apply by\n1 May to\nthe office. Next.", "office", "Apply by\n1 May to\nthe office."),
        ("First paragraph\n\nsecond paragraph", "second", "second paragraph"),
        ("Duties:\n- catalogue maps\n- answer questions", "catalogue", "- catalogue maps"),
        ("## Salary\n40,000 EUR a year", "40,000", "40,000 EUR a year"),
        ("## Salary\n40,000 EUR a year", "Salary", "## Salary"),
        ("Location: Berlin\nSalary: 40,000 EUR\nStart: May", "Salary", "Salary: 40,000 EUR"),
        ("It ends here.\nA new line starts.", "new", "A new line starts."),
        ("No mark at all", "mark", "No mark at all"),
    ],
)  # fmt: skip
def test_the_sentence_around_a_word(text: str, word: str, sentence: str) -> None:
    assert sentence_at(text, word) == sentence


def test_the_sentence_stays_within_lo_and_hi() -> None:
    text = "One two three four five six."
    assert sentence_bounds(text, 10, 4, 18) == (4, 18)


def test_a_sentence_on_an_endless_line_is_at_most_a_few_thousand_characters() -> None:
    text = "remote work " * 20_000
    for pos in (0, 50_000, len(text) - 1):
        start, end = sentence_bounds(text, pos)
        assert start <= pos <= end and end - start <= 3 * LONGEST_SENTENCE


def test_a_sentence_holds_at_most_a_few_abbreviations_each_way() -> None:
    many = "e.g. " * 20
    text = f"Cue {many}end. After."
    start, end = sentence_bounds(text, 0)
    assert text[start:end] == "Cue " + "e.g. " * MOST_ABBREVIATIONS + "e.g."
    start, end = sentence_bounds(text, text.index("end"))
    assert text[start:end] == "e.g. " * MOST_ABBREVIATIONS + "end."


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (5, "A first sentence."),  # the first one always, whole
        (30, "A first sentence. A second."),
        (200, "A first sentence. A second. And a third one here."),
    ],
)
def test_whole_sentences_never_cut_a_sentence(limit: int, expected: str) -> None:
    assert whole_sentences("A first sentence. A second. And a third one here.", limit) == expected


_PROSE = st.lists(
    st.sampled_from(
        [". ", "! ", "? ", ".", "!", "?", " ", "\n", "\n\n", "e.g. ", "Dr. ", "word", "x" * 60,
         "- ", "# ", "Label: ", "a.b", "1. ", "?!", ".\n", "U.S. "]
    ),
    min_size=1,
    max_size=30,
).map("".join)  # fmt: skip


def _is_mark(text: str, at: int) -> bool:
    return text[at] in ".!?" and text[at + 1 : at + 2] == " "


def _words(text: str, lo: int, hi: int) -> list[int]:
    """The positions a reader asks about: where something is written (a cue's first letter),
    not the spaces between (the space after a mark starts no sentence of its own)."""
    return [at for at in range(lo, hi) if not text[at].isspace()]


@MANY
@given(_PROSE, st.data())
def test_a_sentence_holds_its_position_and_no_sentence_break(
    text: str, data: st.DataObject
) -> None:
    lo = data.draw(st.integers(0, len(text) - 1))
    hi = data.draw(st.integers(lo + 1, len(text)))
    positions = _words(text, lo, hi)
    if not positions:
        return
    pos = data.draw(st.sampled_from(positions))
    start, end = sentence_bounds(text, pos, lo, hi)
    assert lo <= start <= pos <= end <= hi
    # it starts at lo, after a newline or after a mark and its space
    assert start == lo or text[start - 1] == "\n" or _is_mark(text, start - 2)
    # it ends at hi, at a newline that ends it, or just after a mark that is no abbreviation
    if end < hi:
        if text[end] == "\n":
            assert text_module._line_break_ends(text, end) or end + 1 >= hi
        else:
            assert _is_mark(text, end - 1) and not text_module._is_abbreviation(text, end - 1)
    # inside: marks only after abbreviations, newlines only where a paragraph wraps
    for at in range(start, end - 1):
        if _is_mark(text, at) and at + 1 < end:
            assert text_module._is_abbreviation(text, at), (at, text[start:end])
        if text[at] == "\n" and at > start:
            assert not text_module._line_break_ends(text, at), (at, text[start:end])


@MANY
@given(_PROSE, st.data())
def test_every_position_of_a_sentence_finds_the_same_sentence(
    text: str, data: st.DataObject
) -> None:
    positions = _words(text, 0, len(text))
    # a run of more abbreviations than MOST_ABBREVIATIONS ("e.g. e.g. …") is cut wherever
    # the count runs out, by design (linear time): no text with that many marks
    assume(text.count(". ") <= MOST_ABBREVIATIONS)
    if not positions:
        return
    start, end = sentence_bounds(text, data.draw(st.sampled_from(positions)))
    for pos in _words(text, start, end):
        assert sentence_bounds(text, pos) == (start, end), pos


@MANY
@given(_PROSE, st.integers(0, 200))
def test_whole_sentences_are_the_leading_sentences_that_fit(text: str, limit: int) -> None:
    got = whole_sentences(text, limit)
    first_end = sentence_bounds(text, 0)[1]
    assert text.strip().startswith(got)
    assert got.startswith(text[:first_end].strip())  # the first sentence, whole
    assert len(got) <= max(limit, first_end)

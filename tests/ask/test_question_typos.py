"""Typos in questions ("whats the deadine for the wills harbour job", "kelp libary director
qualifcations"): what found nothing as typed is asked again with each misspelt known word read
as the word it misses; English words stay, but a name's word beside the rest of its name is
the name's ("wells harbour" of "Wills Harbour Archive"). A question naming one posting and no
fact of it is read again with its misspelt fact words ("can i work remotly?")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pagestore import app_of

from bot.app import App
from bot.ask.typos import (
    _checker,
    _deletions,
    _near,
    _table_words,
    corrected,
    fact_words_corrected,
)
from bot.search import tokens

TODAY = date(2026, 5, 4)
ORGS = ["Wills Harbour Archive", "Kelp County Library"]

PAGES = {
    "jobs/2026-04-20-wills-reference.md": """---
title: Reference Archivist
date: 2026-04-20
organization: Wills Harbour Archive
tags: [jobs]
---
Wills Harbour Archive is hiring a Reference Archivist.

Closing Date: Open until filled. Send a letter to jobs@wills.example.org.

### Qualifications

Experience or skills needed to work with a distributed and remote team of volunteers.

### Location

Portland, ME or Remote
""",
    "jobs/2026-04-21-kelp-director.md": """---
title: Library Director
date: 2026-04-21
organization: Kelp County Library
tags: [jobs]
---
Kelp County Library seeks a Library Director.

## Qualifications

A master's degree in library science and six years of experience, four of them managing.

## To apply

Apply by 30 June 2026 to board@kelp.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("typos"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("whats the deadine for it", "whats the deadline for it"),
        ("kelp libary director qualifcations", "kelp library director qualifications"),
        ("how do i aply", "how do i apply"),
        # a name's word beside the rest of its name, though "wells" is an English word
        ("the wells harbour job", "the wills harbour job"),
        # English words stay: "wells" alone, "while", "closer"
        ("jobs near wells", "jobs near wells"),
        (
            "while you are here, any jobs closer to kelp",
            "while you are here, any jobs closer to kelp",
        ),
        # another form of a known word is no typo
        ("postings for librarians", "postings for librarians"),
        # the roles lists are asked by
        ("any librarain jobs?", "any librarian jobs?"),
        ("archivst openings", "archivist openings"),
        ("conservater jobs in ohio", "conservator jobs in ohio"),
    ],
)
def test_misspelt_known_words_are_read_as_them(typed: str, read: str) -> None:
    assert corrected(typed, ORGS) == read


@given(st.lists(st.sampled_from(sorted(_table_words())), max_size=8))
def test_known_words_are_never_changed(words: list[str]) -> None:
    text = " ".join(words)
    assert corrected(text, ORGS) == text


@given(st.sampled_from(sorted(_table_words())), st.integers(0, 20), st.sampled_from("aeiourst"))
def test_the_quick_check_keeps_every_word_one_edit_away(word: str, at: int, letter: str) -> None:
    """A word one edit from a known word is never passed over by ``_near``'s check."""
    i = at % len(word)
    checker = _checker(tuple(ORGS))
    for typo in (
        word[:i] + word[i + 1 :],
        word[:i] + letter + word[i:],
        word[:i] + letter + word[i + 1 :],
        word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :],
    ):
        assert not _near(checker).isdisjoint(_deletions(typo))


@given(st.text(max_size=80))
def test_any_text_keeps_its_words_and_what_is_between_them(text: str) -> None:
    """As many words as typed, and every known word where it was: only an unknown word is
    ever read as another ("aday" may become "day"; "day" never becomes anything)."""
    fixed = corrected(text, ORGS)
    before, after = tokens(text), tokens(fixed)
    assert len(after) == len(before)
    known = [i for i, w in enumerate(before) if w.lower() in _table_words()]
    assert [after[i] for i in known] == [before[i] for i in known]


def test_a_run_together_word_one_edit_from_a_known_one_is_read_as_it() -> None:
    # the case hypothesis found: a word that is no English word, one edit from "day"
    assert corrected("ADAY", ORGS) == "day"


@pytest.mark.parametrize(
    ("question", "title", "says"),
    [
        ("whats the deadine for the wells harbour job", "Reference Archivist", "open until"),
        ("kelp libary director qualifcations", "Library Director", "six years of experience"),
        ("how do i aply to the kelp directr job", "Library Director", "board@kelp.example.org"),
        ("any archivst jobs?", "Reference Archivist", "open until"),
    ],
)
def test_a_question_with_typos_is_answered(app: App, question: str, title: str, says: str) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == [title]
    assert says in reply.text.lower() or says in reply.text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("can i work remotly", "can i work remotely"),
        ("whats the salery", "whats the salary"),
        # English words stay ("rats"), and so do words that ask no fact
        ("rats in the stacks", "rats in the stacks"),
        ("wills archivist qualifcations", "wills archivist qualifcations"),
    ],
)
def test_misspelt_fact_words_are_read_as_them(typed: str, read: str) -> None:
    assert fact_words_corrected(typed) == read


def test_a_misspelt_fact_word_asks_the_fact_of_the_posting_named(app: App) -> None:
    """The posting is found as typed; the fact asked is read without the typo."""
    reply = app.ask("wills reference archivist - can i work remotly")
    assert [p.title for p in reply.postings] == ["Reference Archivist"]
    assert "Remote: yes" in reply.text


def test_a_question_answered_as_typed_is_not_read_again(app: App) -> None:
    # "directr" would be "director", but the question is answered as typed: nothing changes
    reply = app.ask("kelp library director qualifications")
    assert "six years of experience" in reply.text

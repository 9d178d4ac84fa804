"""Property tests for the pieces that turn user text into full-text queries and ids."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.slug import make_slug
from bot.store.convert import slugify
from bot.store.fulltext import MAX_WORD_LENGTH, MAX_WORDS, clean_terms, fts5_query

FTS = sqlite3.connect(":memory:")
FTS.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='porter unicode61 remove_diacritics 2')")
FTS.execute("INSERT INTO t VALUES ('the digital archivist AND the café NEAR \"quotes\"')")

any_text = st.text(st.characters(codec="utf-8"), max_size=60)


@given(st.lists(any_text, max_size=8))
def test_clean_terms_gives_bounded_words(terms: list[str]) -> None:
    words = clean_terms(terms)
    assert len(words) <= MAX_WORDS and len(set(words)) == len(words)
    for word in words:
        assert word and not any(ch.isspace() for ch in word) and word.isprintable()
        assert any(ch.isalnum() for ch in word) and len(word) <= MAX_WORD_LENGTH


@given(st.lists(any_text, max_size=8), st.booleans())
def test_every_fts5_query_is_valid_syntax(terms: list[str], any_word: bool) -> None:
    words = clean_terms(terms)
    if words:
        FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts5_query(words, any_word=any_word),))


def test_operators_are_words_not_syntax() -> None:
    def hits(*terms: str) -> int:
        query = fts5_query(clean_terms(terms), any_word=False)
        return len(FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall())

    assert hits("AND", "NEAR") == 1  # both appear as words in the row
    assert hits("archivist", "OR", "nothing") == 0  # OR is a word to find, not an operator
    assert hits('"quotes"') == 1 and hits("cafe") == 1 and hits("archiv*") == 0


@given(any_text)
def test_slugs_are_typable(proposal: str) -> None:
    slug = slugify(proposal)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 100
    assert slugify(slug) == slug


@pytest.mark.parametrize(
    ("role", "expected"),
    [("Archivist Zürich", "archivist-zurich"), ("Curadora São Paulo", "curadora-sao-paulo")],
)
def test_the_loader_and_the_store_spell_an_accented_id_alike(role: str, expected: str) -> None:
    # the loader proposes an id, the store makes it unique: both fold accents the same way,
    # so an id typed without them finds the posting
    proposed = make_slug(role, None, None, role)
    assert proposed == expected
    assert slugify(role) == slugify(proposed) == expected

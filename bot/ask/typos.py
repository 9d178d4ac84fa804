"""One-letter typos of the words questions are read with: "whats the deadine for the william
patterson job", "toledo libary director qualifcations".

A word one edit away (a letter missing, extra, wrong or two swapped) from exactly one known
word, and no English word itself (pyspellchecker's dictionary: "closer" and "while" are words,
"deadine" is not), is read as that word. The known words are those of the question tables
(``vocabulary``, the ranking's synonym groups), the loader's role words ("librarain jobs"), the
names of organisations and the titles of postings ("metdata librarian"). A name's word misspelt
beside another word of the same name ("william patterson") is read as the name's, English word or
not: a surname is in the dictionary too.

Only words of four letters or more are corrected (shorter ones have too many neighbours), and
only when the question as typed found nothing (``answer``): a question that is answered pays
nothing, and the English dictionary is loaded (about 0.3 s) only when a candidate is found.
The words that ask a posting's fact are also corrected when a question names one posting but
no fact of it ("can i work remotly?"): the posting was found, the fact asked was not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from spellchecker import SpellChecker

from bot.ask import vocabulary as vocab
from bot.content.orgs import ROLE_NOUN_WORDS
from bot.places import place_words
from bot.search import SYNONYM_GROUPS, tokens
from bot.spelling import english, inflected

SHORTEST = 4


def _table_words() -> set[str]:
    phrases: list[str] = [c for cues in vocab.FACT_CUES.values() for c in cues]
    phrases += [c for cues in vocab.EMPLOYMENT_TYPES.values() for c in cues]
    phrases += [c for cues in vocab.STATUS_CUES.values() for c in cues]
    phrases += [*vocab.JOB_NOUNS, *vocab.LIST_CUES, *vocab.ROLE_NOUNS, *vocab.NOT_PERSON_WORDS]
    phrases += [*vocab.EXPLAIN_STARTS, *vocab.LIST_STARTS, *vocab.ABBREVIATIONS.values()]
    phrases += [w for group in SYNONYM_GROUPS for w in group]
    phrases += ROLE_NOUN_WORDS  # the roles lists are asked by ("librarain jobs")
    phrases += vocab.PAGE_WORDS
    words = {w.lower() for p in phrases for w in tokens(p)}
    return words | {f"{w}s" for w in words}


@cache
def _known_words() -> frozenset[str]:
    return frozenset(_table_words())


def misspelt(words: Iterable[str]) -> set[str]:
    """The words of ``words`` that are no English word nor a word the tables know: a
    British "unionised" the dictionary lacks is the synonym tables' word, not a typo."""
    return {w for w in english().unknown(list(words)) if w not in _known_words()}


@lru_cache(maxsize=8)
def _checker(organizations: tuple[str, ...]) -> SpellChecker:
    """The known words as a dictionary of their own (built once per set of organisations)."""
    checker = SpellChecker(language=None, distance=1)
    names = {w.lower() for o in organizations for w in tokens(o)}
    checker.word_frequency.load_words(sorted(_table_words() | names))
    return checker


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=16)
def _near(checker: SpellChecker) -> frozenset[str]:
    """The known words and each with one letter deleted: a word one edit away from a known
    one (a letter missing, extra, wrong or two swapped) shares one of its own deletions with
    these, so a word that shares none needs no search of its edits."""
    return frozenset(d for w in checker.word_frequency.dictionary for d in _deletions(w))


def _name_neighbour(words: list[str], i: int, right: str, organizations: Iterable[str]) -> bool:
    """Whether ``right`` is a word of a name whose other word stands beside ``words[i]``."""
    beside = {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
    for name in organizations:
        parts = [w.lower() for w in tokens(name)]
        if right in parts and beside & (set(parts) - {right}):
            return True
    return False


@cache
def _fact_checker() -> SpellChecker:
    """The words that ask a posting's fact, as a dictionary of their own."""
    checker = SpellChecker(language=None, distance=1)
    words = {w.lower() for cues in vocab.FACT_CUES.values() for c in cues for w in tokens(c)}
    checker.word_frequency.load_words(sorted(words))
    return checker


def fact_words_corrected(text: str) -> str:
    """``text`` with each misspelt word that asks a posting's fact ("can i work remotly?",
    "whats the salery") read as that word: a question naming one posting but no fact of it
    is read again so (``answer``), though its words found the posting."""
    return _fixed(text, _fact_checker(), ())


def corrected(text: str, organizations: Iterable[str]) -> str:
    """``text`` with each misspelt known word read as the word (the rest as typed), and then
    each misspelt place ("jobs in edinbrugh", "the utrect job") as the place: apart, so that
    thousands of place names do not make a table's word ambiguous."""
    names = tuple(organizations)
    text = _G_DROPPED.sub(_with_its_g, text)
    return _fixed(_fixed(text, _checker(names), names), _place_checker(names), ())


# "lookin for remote work", "anyone hirin?": chat drops the g of "-ing"
_G_DROPPED = re.compile(r"\b[a-z]{3,}in\b(?!['’])", re.I)


def _with_its_g(said: re.Match[str]) -> str:
    """The word with its g, when it is no English word and the word with its g is."""
    word = said.group()
    if english().unknown([word.lower()]) and not english().unknown([f"{word.lower()}g"]):
        return f"{word}g"
    return word


@lru_cache(maxsize=8)
def _place_checker(organizations: tuple[str, ...]) -> SpellChecker:
    """The words of well-known places' names as a dictionary, with the known words of
    ``_checker`` (which it never reads as a place: "funder" is no misspelt "under")."""
    checker = SpellChecker(language=None, distance=1)
    known = _checker(organizations).word_frequency.dictionary
    checker.word_frequency.load_words(sorted(place_words() | set(known)))
    return checker


def _neighbours(word: str, checker: SpellChecker) -> set[str]:
    """The known words one edit from ``word``, other forms of it aside; none for a known
    word or a short one."""
    if len(word) < SHORTEST or not word.isalpha() or checker.known([word]):
        return set()
    if _near(checker).isdisjoint(_deletions(word)):
        return set()  # no known word is one edit away (most words): spare the edit search
    return {w for w in checker.candidates(word) or () if w != word and not inflected(word, w)}


def _fixed(text: str, checker: SpellChecker, names: tuple[str, ...]) -> str:
    said = tokens(text)
    words = [w.lower() for w in said]
    named: dict[int, str] = {}  # a name's word, beside the rest of its name
    fixes: dict[int, str] = {}  # a known word, if the typed one is no English word
    for i, word in enumerate(words):
        found = _neighbours(word, checker)
        in_name = [w for w in found if _name_neighbour(words, i, w, names)]
        if len(in_name) == 1:
            named[i] = in_name[0]
        elif len(found) == 1:
            fixes[i] = next(iter(found))
    unknown = english().unknown([words[i] for i in fixes]) if fixes else set()
    keep = named | {i: right for i, right in fixes.items() if words[i] in unknown}
    if not keep:
        return text
    out, at = [], 0
    for i, word in enumerate(said):
        start = text.index(word, at)
        out.append(text[at:start])
        out.append(keep.get(i, word))
        at = start + len(word)
    out.append(text[at:])
    return "".join(out)

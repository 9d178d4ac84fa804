"""One-letter typos of the words in fixed phrases: "open untill filled", "applicaton deadline".

The words come from the fact rules themselves (every pattern ``led_by`` registers and every
``Table`` phrasing), so a new rule's words are covered without a list to keep. A word of the
page one edit away (a letter missing, extra, wrong or two swapped) from exactly one such word,
and not itself one, is read as that word before the facts are extracted; the page's text is
corrected and a warning names each correction, so nothing changes silently.

Only words of five letters or more are corrected: shorter ones have too many real neighbours.
A list of real words one edit away from a rule word ("closer" from "closed") keeps them as
written; a test reads the real sample pages and checks that nothing else is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from string import ascii_lowercase

from bot.content import employment, money
from bot.content.text import LED_BY

SHORTEST = 5
# Real words one edit from a rule word, which pages use as themselves.
REAL_WORDS = frozenset(
    {
        "billed", "cited", "closer", "closet", "employer", "except", "expect", "finding",
        "founding", "funded", "hosted", "house", "making", "mouth", "supply", "though", "trade",
        "would", "accent", "access", "apple", "reply", "sides", "stage", "teams", "tours",
        "tempo", "tempt", "tired", "fired", "wired", "contact", "contacts", "poster", "dated",
    }
)  # fmt: skip
_ESCAPE = re.compile(r"\\[a-zA-Z]")
# A run of letters in a pattern's source; a run followed by "\w", "[" or "(" is a stem or
# part of a larger spelling ("telecommut\w*"), and one followed by "?" ends in an optional
# letter ("applications?").
_RUN = re.compile(r"[a-z]+(?=(\\w|\[|\(|\?)?)")


def rule_words() -> frozenset[str]:
    """Every whole word of five letters or more the fact rules spell."""
    sources = [source for _, source in LED_BY]
    for table in (employment.EMPLOYMENT, money.PERIOD):
        sources += [p for rule in table for p in rule.phrasings]
    words: set[str] = set()
    for source in sources:
        words.update(_spelled(_ESCAPE.sub(" ", source)))
    return frozenset(w for w in words if len(w) >= SHORTEST)


def _spelled(source: str) -> Iterable[str]:
    for run in _RUN.finditer(source):
        after = run.group(1)
        if after is None:
            yield run.group(0)
        elif after == "?":
            yield run.group(0)[:-1]


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaced = {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
    inserted = {a + c + b for a, b in splits for c in ascii_lowercase}
    return (deleted | swapped | replaced | inserted) - {word}


_ENDINGS = ("s", "es", "d", "ed", "r", "er", "ing", "ly", "y")


def _inflected(typo: str, word: str) -> bool:
    """ "positions" of "position", "base" of "based": another form of the word, not a typo."""
    return any(typo == word + e or word == typo + e for e in _ENDINGS)


@cache
def corrections() -> dict[str, str]:
    """Misspelling -> the rule word, for every misspelling of exactly one rule word."""
    words = rule_words()
    seen: dict[str, str | None] = {}
    for word in words:
        for typo in _one_edit(word):
            seen[typo] = None if typo in seen and seen[typo] != word else word
    return {
        typo: word
        for typo, word in seen.items()
        if word is not None
        and len(typo) >= SHORTEST
        and typo not in words
        and typo not in REAL_WORDS
        and not _inflected(typo, word)
    }


_TO_WORDS = bytes(c if chr(c).isalpha() and c < 128 else 32 for c in range(256))
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")


def correct(text: str) -> tuple[str, list[str]]:
    """``text`` with misspelt rule words corrected where they stand beside another rule word
    or another misspelt one ("open untill filled", "applicaton deadine"), and what was
    corrected ("untill -> until")."""
    table = corrections()
    page_words = set(text.encode("ascii", "replace").lower().translate(_TO_WORDS).split())
    misspelt = sorted(w.decode() for w in page_words if w.decode() in table)
    if not misspelt:
        return text, []
    words = rule_words()
    said: list[str] = []

    def known(word: str | None) -> bool:
        return word is not None and (word.lower() in words or word.lower() in table)

    def fix(match: re.Match[str]) -> str:
        written = match.group(0)
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        after = _WORD_AFTER.match(text, match.end())
        if not known(before and before.group(1)) and not known(after and after.group(1)):
            return written
        right = table[written.lower()]
        if written[0].isupper():
            right = right[0].upper() + right[1:]
        if f"{written} -> {right}" not in said:
            said.append(f"{written} -> {right}")
        return right

    pattern = re.compile(r"\b(?:" + "|".join(misspelt) + r")\b", re.I)
    return pattern.sub(fix, text), said

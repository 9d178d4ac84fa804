"""One-letter typos of the words in fixed phrases: "open untill filled", "applicaton deadline".

The words come from the fact rules themselves (every ``rules.phrase`` and every ``Table``
phrasing), so a new rule's words are covered without a list to keep. A word of the
page one edit away (a letter missing, extra, wrong or two swapped) from exactly one such word,
and not an English word itself (pyspellchecker's dictionary: "closer" and "funded" are words,
"clsoed" is not), is read as that rule word before the facts are extracted. The page's text is
corrected and a warning names each correction, so nothing changes silently.

Only words of five letters or more are corrected: shorter ones have too many neighbours. The
dictionary is loaded (about 0.4 s) only when a page holds a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from string import ascii_lowercase

# the modules whose tables and phrases register when imported
from bot.content import dates, employment, facts, money  # noqa: F401
from bot.content.rules import PHRASES, TABLES
from bot.spelling import english, inflected

SHORTEST = 5
# A run of letters in a pattern's source; a run followed by "\w", "[" or "(" is a stem or
# part of a larger spelling ("telecommut\w*"), and one followed by "?" ends in an optional
# letter ("applications?").
_RUN = re.compile(r"(?<![\\a-z])[a-z]+(?=(\\w|\[|\(|\?)?)")


@cache
def rule_words() -> frozenset[str]:
    """Every whole word the fact rules spell ("open", "until", "filled", "deadline")."""
    sources = list(PHRASES)
    for table in TABLES:
        sources += [p for rule in table for p in rule.phrasings]
    words: set[str] = set()
    for source in sources:
        words.update(_spelled(source))
    return frozenset(w for w in words if len(w) >= 2)


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


@cache
def corrections() -> dict[str, str]:
    """Misspelling -> the rule word, for every misspelling of exactly one rule word."""
    words = rule_words()
    seen: dict[str, str | None] = {}
    for word in words:
        if len(word) < SHORTEST:
            continue
        for typo in _one_edit(word):
            seen[typo] = None if typo in seen and seen[typo] != word else word
    return {
        typo: word
        for typo, word in seen.items()
        if word is not None
        and len(typo) >= SHORTEST
        and typo not in words
        and not inflected(typo, word)
    }


_TO_WORDS = bytes(c if chr(c).isalpha() and c < 128 else 32 for c in range(256))


@cache
def _misspellings() -> frozenset[bytes]:
    """The keys of ``corrections``, as the bytes a page's words are compared in."""
    return frozenset(typo.encode() for typo in corrections())


# The small words of names in other languages: a capitalised word beside one is part of a
# name ("Centro de Estudos", "Museu da Cidade", "Archivio di Stato"), not a misspelt rule word.
_NAME_WORDS = r"(?:de|da|do|dos|das|di|del|della|delle|dei|degli|du|des|van|von|der)"
_NAME_WORD_BEFORE = re.compile(rf"\b{_NAME_WORDS} $")
_NAME_WORD_AFTER = re.compile(rf" {_NAME_WORDS} [A-ZÀ-Þ]")


def _in_a_foreign_name(text: str, start: int, end: int) -> bool:
    return (
        _NAME_WORD_BEFORE.search(text, max(0, start - 8), start) is not None
        or _NAME_WORD_AFTER.match(text, end) is not None
    )


def correct(text: str) -> tuple[str, list[str]]:
    """``text`` with misspelt rule words corrected, and what was corrected ("untill -> until")."""
    table = corrections()
    page_words = text.encode("ascii", "replace").lower().translate(_TO_WORDS).split()
    candidates = _misspellings().intersection(page_words)
    misspelt = sorted(english().unknown(w.decode() for w in candidates)) if candidates else []
    if not misspelt:
        return text, []
    said: list[str] = []

    def fix(match: re.Match[str]) -> str:
        written = match.group(0)
        if written[0].isupper() and _in_a_foreign_name(text, match.start(), match.end()):
            return written
        right = table[written.lower()]
        if written[0].isupper():
            right = right[0].upper() + right[1:]
        if f"{written} -> {right}" not in said:
            said.append(f"{written} -> {right}")
        return right

    pattern = re.compile(r"\b(?:" + "|".join(misspelt) + r")\b", re.I)
    return pattern.sub(fix, text), said

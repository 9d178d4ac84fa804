"""What both typo correctors (a page's rule words, ``bot.content.typos``; a question's known
words, ``bot.ask.typos``) ask of spelling: is a word English, and is it merely another form
of a word rather than a misspelling of it.
"""

from __future__ import annotations

from functools import cache

from spellchecker import SpellChecker

_ENDINGS = ("s", "es", "d", "ed", "r", "er", "ing", "ly", "y")


@cache
def english() -> SpellChecker:
    """pyspellchecker's English dictionary (loaded once, about 0.3 s: only when a word is a
    candidate for correction)."""
    return SpellChecker(language="en", distance=1)


def inflected(typo: str, word: str) -> bool:
    """ "positions" of "position", "base" of "based": another form of the word, not a typo."""
    return any(typo == word + e or word == typo + e for e in _ENDINGS)

"""A line that points back at the list Herald just showed: "more", "the second one", "#3".

People in chat do not retype a command to see the next page or one posting of a list: they
say "more", "next", "the 2nd one", "tell me about the last one", "3". Such a line means
nothing on its own, so it is read only as a whole (a question that merely contains "second",
"a second graduate degree?", is no follow-up) and only where a list was shown
(``bot.commands``, ``ListMemory``). The words are data: ``MORE_WORDS``, ``ORDINALS``,
``LEAD_INS`` and ``ITEM_NOUNS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MORE_WORDS = (
    "more", "next", "next page", "next one", "next ones", "show more", "more please",
    "any more", "anymore", "some more", "see more", "more results", "more jobs",
    "more postings", "show me more", "give me more", "keep going", "continue", "go on",
)  # fmt: skip
"""Lines that ask for the next page of the list shown."""

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "two": 2, "three": 3, "four": 4, "five": 5,
}  # fmt: skip
"""Words that name a position in the list (-1: the last)."""

LEAD_INS = (
    "show me", "show", "open", "tell me more about", "tell me about", "more about",
    "more on", "details of", "details for", "details on", "details about", "what about",
    "how about", "and", "i want", "i'd like", "interested in", "i'm interested in",
    "im interested in", "give me", "see", "info on", "info about", "what's", "whats",
)  # fmt: skip
"""Words before a position that only ask to see it ("tell me more about the 2nd one")."""

ITEM_NOUNS = ("one", "job", "posting", "result", "item", "position", "role", "opening")
"""Words after a position that name what is counted ("the second job")."""

_POLITE = ("please", "pls", "thanks", "thank you")
MAX_POSITION = 100


_CARDINALS = frozenset({"two", "three", "four", "five"})  # "the two jobs" names both
_REFERENCE = re.compile(
    r"\b(?:the|that)\s+(?P<word>"
    + "|".join(w for w in ORDINALS if w not in _CARDINALS)
    + r")\s+(?:"
    + "|".join(ITEM_NOUNS)
    + r")\b|(?<![\w#])#(?P<number>\d{1,3})\b",
    re.I,
)


@dataclass(frozen=True)
class FollowUp:
    """The next page (``more``) or the posting at ``position`` (1-based; -1 the last)."""

    kind: Literal["more", "item"]
    position: int = 0


def _words(line: str) -> str:
    """The line in lower case, its punctuation and polite words around it dropped."""
    low = re.sub(r"[?!.,;:…]+", " ", line.lower().replace("’", "'"))
    low = " ".join(low.split())
    for word in _POLITE:
        low = low.removeprefix(word + " ").removesuffix(" " + word)
    return low.strip()


def _position(words: str) -> int | None:
    """The position a line names: "the 2nd one", "#3", "number 4", "5"."""
    for lead in sorted(LEAD_INS, key=len, reverse=True):
        if words.startswith(lead + " "):
            words = words[len(lead) + 1 :]
            break
    words = words.removeprefix("the ").removeprefix("that ")
    parts = words.split()
    if len(parts) == 2 and parts[1] in ITEM_NOUNS:
        parts = parts[:1]
    elif len(parts) == 2 and parts[0] in ("number", "no", "item", "#"):
        parts = parts[1:]
    if len(parts) != 1:
        return None
    word = parts[0].removeprefix("#")
    if word.isdecimal():
        number = int(word)
        return number if 0 < number <= MAX_POSITION else None
    return ORDINALS.get(word)


def follow_up(line: str) -> FollowUp | None:
    """What ``line`` asks of the list shown before it, or None when it is something else."""
    words = _words(line)
    if not words or len(words) > 60:
        return None
    if words in MORE_WORDS:
        return FollowUp("more")
    position = _position(words)
    return FollowUp("item", position) if position is not None else None


def referred(line: str) -> tuple[int, str] | None:
    """The position of the posting a question points at in the list shown before it ("who
    do I email about the second one?", "is #3 remote?"), and the question without those
    words; None when it points at none."""
    found = _REFERENCE.search(line)
    if found is None:
        return None
    word, number = found.group("word"), found.group("number")
    position = ORDINALS[word.lower()] if word else int(number)
    if not position or position > MAX_POSITION:
        return None
    rest = " ".join(f"{line[: found.start()]} {line[found.end() :]}".split())
    return position, rest

"""Fact rules as data: each phrasing written once, with the sentences it must and must not find.

A ``Rule`` is one thing postings say ("part-time"), with its phrasings and example sentences;
a ``Table`` is the rules of one fact in the order they are tried. The examples are not
comments: one test (tests/content/test_rule_tables.py) puts every example sentence into a page,
loads it like any other page and checks the posting's field, so a rule that stops working
fails by name.

How a table is searched, so that a page costs little: every phrasing is a regex written in
lower case that starts with a fixed word ("part[- ]?time" starts with "part"). That word is
derived from the phrasing, found in the lower-cased text with ``str.find`` (fast), and the
phrasing is tried only there, where a word starts. Trying a dozen alternatives at every offset
of a page costs ``re`` ten to a hundred times more. A reader that needs more than the phrasing
(the sentence around it, a date after it) reads only the sentences where a phrasing hits, or
starts (``leads``): no list of cue words to keep beside the table, so no rule can be switched
off by a list that forgot it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# A phrasing's fixed start: letters (accented ones too: "québec"), digits, spaces, "-", "'",
# "/" and "\." (a full stop: "b\.c\.") up to the first regex syntax. A quantifier right after
# makes the last character optional, so it is left out. A phrasing may also start with a
# group of plain words: "(?:position|job|role) is filled".
_LEAD = re.compile(r"(?:[a-z0-9à-ÿ '/-]|\\\.)+")
_LEAD_GROUP = re.compile(r"\(\?:([a-z0-9 '/|-]+)\)(?![?*{])")
_QUANTIFIERS = ("?", "*", "{")
# Look-behinds before the fixed start ("(?<!based on a )full-time") test the text before a
# hit; they are no part of the word a hit starts with.
_LOOK_BEHIND = re.compile(r"\(\?<[!=](?:[^()\\]|\\.)*\)")  # escaped characters too: "(?<=\()"


def lead_words(phrasing: str) -> tuple[str, ...]:
    """``"internships?"`` -> ``("internship",)``; ``"(?:job|role) is"`` -> ``("job", "role")``;
    ``"(?<!no )full"`` -> ``("full",)``."""
    while (behind := _LOOK_BEHIND.match(phrasing)) is not None:
        phrasing = phrasing[behind.end() :]
    group = _LEAD_GROUP.match(phrasing)
    if group is not None:
        return tuple(group.group(1).split("|"))
    found = _LEAD.match(phrasing)
    lead = found.group(0) if found else ""
    if phrasing[len(lead) : len(lead) + 1] in _QUANTIFIERS:
        lead = lead[:-2] if lead.endswith("\\.") else lead[:-1]
    if not lead.strip():
        raise ValueError(f"the phrasing {phrasing!r} does not start with a fixed word")
    return (lead.replace("\\.", "."),)


# Every table, as it is made (at import): the typo reader and the table test read them all.
TABLES: list[Table] = []
# Every sentence pattern of a fact, with its source: the words of fixed phrases are read from
# them (bot/content/typos.py), so a new phrase is typo-tolerant without a list to keep.
PHRASES: list[str] = []


def phrase(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, recorded as a fact's phrasing."""
    PHRASES.append(source)
    return re.compile(source, flags)


@dataclass(frozen=True)
class Rule:
    """``phrasings``: regexes in lower case, each starting with a fixed word; ``value``: what
    the rule says when one of them is found."""

    value: str
    phrasings: tuple[str, ...]
    matches: tuple[str, ...]
    rejects: tuple[str, ...] = ()
    # each fixed start once, with the phrasings that start with it: a page is searched for
    # "on site" once, not once for each of the phrasings that begin so
    _compiled: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for phrasing in self.phrasings:
            if phrasing != phrasing.lower():
                raise ValueError(f"write the phrasing {phrasing!r} in lower case")
        by_lead: dict[str, list[re.Pattern[str]]] = {}
        for phrasing in self.phrasings:
            pattern = re.compile(phrasing)
            for lead in lead_words(phrasing):
                by_lead.setdefault(lead, []).append(pattern)
        compiled = tuple((lead, tuple(patterns)) for lead, patterns in by_lead.items())
        object.__setattr__(self, "_compiled", compiled)

    def hits(self, low: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrasing in ``low`` (lower-cased text) that starts a word."""
        for lead, patterns in self._compiled:
            at = low.find(lead)
            while at != -1:
                if _starts_word(low, at, lead):
                    for pattern in patterns:
                        found = pattern.match(low, at)
                        if found is not None:
                            yield at, found.end()
                at = low.find(lead, at + 1)

    def said(self, low: str) -> bool:
        """Whether a phrasing of the rule is in ``low`` (lower-cased text)."""
        return next(self.hits(low), None) is not None

    def leads(self, low: str) -> Iterator[int]:
        """Where a phrasing's fixed start begins a word of ``low``: every hit starts at one of
        these, so a reader that needs more than the phrasing (a date after it, the words
        around it) can read just these places."""
        for lead, _ in self._compiled:
            at = low.find(lead)
            while at != -1:
                if _starts_word(low, at, lead):
                    yield at
                at = low.find(lead, at + 1)


def _starts_word(low: str, at: int, lead: str) -> bool:
    # "contemporary" is not "temporary"; "37.5 hours" is not "5 hours"
    return not (at > 0 and lead[0].isalnum() and (low[at - 1].isalnum() or low[at - 1] == "."))


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """The rules of one fact, in the order they are tried. ``field``: the posting field the
    fact fills, so that the examples can be checked on the loaded posting.

    ``check``: how an example is checked there. "value": the field says the rule's value
    (``True`` reads "true"). "set": the field is filled (a rule "matches" sentences give it a
    value, "rejects" sentences leave it empty), for facts whose value is read from the
    sentence itself (a date, a link, a place); the rule's value then names the kind of
    phrasing for the code ("strong", "weak").
    """

    field: str
    rules: tuple[Rule, ...]
    check: Literal["value", "set"] = "value"

    def __post_init__(self) -> None:
        TABLES.append(self)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def hits(self, low: str) -> list[Hit]:
        """Every phrasing of every rule in ``low`` (lower-cased text), in the text's order."""
        found = [Hit(rule, start, end) for rule in self.rules for start, end in rule.hits(low)]
        found.sort(key=lambda hit: hit.start)
        return found

    def leads(self, low: str) -> list[int]:
        """Where any rule's fixed start begins a word of ``low``, in the text's order."""
        return sorted({at for rule in self.rules for at in rule.leads(low)})

    def first_hit(self, low: str) -> Hit | None:
        """The phrasing that comes first in ``low`` (lower-cased text), of any rule."""
        return min(self.hits(low), key=lambda hit: hit.start, default=None)

    def first(self, text: str) -> Rule | None:
        """The rule said in ``text`` that comes first in the table (not in the text)."""
        low = text.lower()
        for rule in self.rules:
            if next(rule.hits(low), None) is not None:
                return rule
        return None

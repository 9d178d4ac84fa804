"""Small text tools the extractors share: a page's forms, sentences, Markdown to plain text.

Python's ``re`` is slow at case-insensitive alternations over a whole page (tens of
microseconds per pattern here), so a page is lower-cased and folded once (``Scan``); the rule
tables (bot/content/rules.py) find their phrasings' fixed starts in it, and regexes then run on
the sentences around those places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_ABBREVIATIONS = frozenset(
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "dr", "mr", "ms", "mrs", "st", "ave", "no", "approx", "incl", "vs",
        "a.m", "p.m", "u.s", "inc", "ph.d", "etc.)", "mon", "tue", "tues", "wed", "thu",
        "thurs", "fri", "sat", "sun", "min", "max", "dept", "univ", "jr", "sr", "co", "prof",
    }
)  # fmt: skip

_ABBREVIATION_MAX = max(len(word) for word in _ABBREVIATIONS)
# A link's parts stop at "[" too: a line of "[a](" repeated is not read again from each one.
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^\[)\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*<?([^\[)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`")
_HEADER_ID = re.compile(r"(?<!\s)\s*\{#[\w:.-]+\}\s*$")  # from a run's start: linear
_SPACES = re.compile(r"[ \t\u00a0]+")
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,2}[.)]\s+)")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,2}[.)][ \t]+)", re.M)
_MARK_STARTS = frozenset(" \t#-*+0123456789")
_LABEL = re.compile(
    r"(?:\*\*|__)?[A-Z][\w/&'()-]*(?: [\w/&'()-]+){0,4}(?:\*\*|__)?:(?:\*\*|__)?[ \t]"
)
_LABEL_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ*_")
_BLOCK_START = re.compile(r"[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,2}[.)]\s|[|>])")


def remembered(test: Callable[[str], T], size: int = 4096) -> Callable[[str], T]:
    """``test`` with its answers kept per text: a heading test runs for every heading of every
    page, and headings ("How to Apply", "Salary") repeat from page to page, so a dict lookup
    (~0.1 µs) replaces most case-insensitive matches (~1.5 µs). ``test`` must be pure."""
    memo: dict[str, T] = {}

    def answer(text: str) -> T:
        found = memo.get(text)
        if found is None:
            if len(memo) >= size:
                memo.clear()
            found = memo[text] = test(text)
        return found

    return answer


def lowered(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII (what ``Folded`` may search), else None."""
    return text.lower() if text.isascii() else None


class Folded:
    """A case-insensitive pattern that runs on ASCII text lower-cased once, without ``re.I``.

    ``re.I`` makes an alternation of words three to four times slower. For ASCII text and a
    lower-case pattern the answer is the same (``re.I``'s extra Unicode foldings, such as
    "ſ" for "s", concern other characters), so other text still goes to ``re.I``.
    """

    __slots__ = ("any_case", "lower")

    def __init__(self, source: str) -> None:
        bare = source.replace("(?P<", "(").replace("(?P=", "(")  # named groups may stay
        if bare != bare.lower():
            raise ValueError("a Folded pattern is written in lower case")
        self.lower = re.compile(source)
        self.any_case = re.compile(source, re.I)

    def found(self, text: str, low: str | None = None) -> bool:
        """Whether the pattern occurs in ``text``; ``low``: ``lowered(text)`` if known."""
        low = lowered(text) if low is None else low
        if low is None:
            return self.any_case.search(text) is not None
        return self.lower.search(low) is not None

    def starts(self, text: str, low: str | None = None) -> bool:
        """Whether ``text`` starts with a match (``re.match``)."""
        low = lowered(text) if low is None else low
        if low is None:
            return self.any_case.match(text) is not None
        return self.lower.match(low) is not None

    def match(self, text: str) -> re.Match[str] | None:
        """``re.match`` with the groups as written in ``text``: the cheap test first."""
        return self.any_case.match(text) if self.starts(text) else None


def lower_in_place(text: str) -> str:
    """``text.lower()`` with one character for one: "İ" lowers to two characters ("i" and a
    combining dot), which would move every offset after it; it is left as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    return found


def fold(text: str) -> bytes:
    """Lower-case ASCII bytes with one byte per character, so offsets match ``text``."""
    return text.encode("ascii", "replace").lower()


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_TO_WORDS = bytes(c if c in _WORD_BYTES else 32 for c in range(256))


class Scan:
    """A text with its lower-cased and folded forms and the set of its words, made once and
    shared by the readers of one page."""

    __slots__ = ("_low", "_words", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._low: str | None = None
        self._words: frozenset[bytes] | None = None

    @property
    def low(self) -> str:
        """The text lower-cased with the same offsets (what the rule tables search); made on
        first use."""
        if self._low is None:
            self._low = lower_in_place(self.text)
        return self._low

    @property
    def words(self) -> frozenset[bytes]:
        """Every word of the page, folded; made on first use."""
        if self._words is None:
            self._words = _word_set(self.folded)
        return self._words

    def has(self, word: str) -> bool:
        return word.encode("ascii") in self.words

    def sentences(
        self, positions: Iterable[int], *, keep: Callable[[int], bool] | None = None
    ) -> Iterator[tuple[int, int]]:
        """The (start, end) of the sentence around each position, each sentence once, in the
        order of ``positions``. A position inside the sentence just found is not looked for
        again (thousands of cue hits on one line are one search each, not thousands). ``keep``
        drops a position before its sentence is looked for (a cheap test saves the search)."""
        seen: set[int] = set()
        start, end = 0, 0
        for pos in positions:
            if start <= pos < end or (keep is not None and not keep(pos)):
                continue
            start, end = sentence_bounds(self.text, pos)
            if start not in seen:
                seen.add(start)
                yield start, end


def words_in(text: str) -> frozenset[bytes]:
    """The words of ``text`` as ``Scan.words`` holds them ("b.c." -> {b"b", b"c"})."""
    return _word_set(fold(text))


def _word_set(folded: bytes) -> frozenset[bytes]:
    return frozenset(folded.translate(_TO_WORDS).split())


def find_all(folded: bytes, needle: bytes) -> Iterator[int]:
    start = folded.find(needle)
    while start != -1:
        yield start
        start = folded.find(needle, start + 1)


def sentence_bounds(text: str, pos: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The sentence around ``pos``: bounded by . ! ? ; a blank line, a list item or heading."""
    # No sentence is longer than about LONGEST_SENTENCE: on a page of thousands of cue hits on
    # one endless line, each hit would otherwise walk the whole line. The bounds are aligned
    # so that the hits near each other share one "sentence" (callers read each sentence once).
    block = pos // LONGEST_SENTENCE
    lo = max(lo, (block - 1) * LONGEST_SENTENCE)
    hi = min(len(text) if hi is None else hi, (block + 2) * LONGEST_SENTENCE)
    start = _sentence_start(text, pos, lo)
    end = _sentence_end(text, pos, hi)
    return start, end


# A sentence mark is ". ", "! " or "? ". Python finds one character at memchr speed but a
# two-character string several times slower, so the mark's first character is searched alone
# and the space after it checked; only the stretch after the nearest newline is searched.
# On ordinary pages this gains under 1% of a page's parse; it stays for hostile ones: a 100 KB
# line of "part-time Dr. " takes 0.85 s with the two-character search, 0.28 s with this.
_MARKS = ".!?"
LONGEST_SENTENCE = 2_000
# Nor does a sentence hold more than this many abbreviations ("e.g.", "Dr.") on either side of
# a position: each one is a step of the search, and a line of thousands of "remote e.g. " would
# otherwise walk through all of them again from each of its thousands of cue hits.
MOST_ABBREVIATIONS = 8
# After this many marks not followed by a space ("https://a.b.c"), the two-character search.
_MARK_TRIES = 8


def _breaks_before(text: str, i: int, lo: int) -> tuple[int, int]:
    """(last newline, last ". "/"! "/"? ") before ``i``, as far back as ``lo``; -1 for none.

    A mark before the newline is not looked for: only the later of the two is used.
    """
    nl = text.rfind("\n", lo, i)
    start = lo if nl == -1 else nl + 1
    cut = -1
    for mark in _MARKS:
        at = text.rfind(mark, start, max(i - 1, 0))  # the whole mark before i
        tries = 0
        while at != -1 and text[at + 1] != " ":
            tries += 1
            if tries > _MARK_TRIES:
                at = text.rfind(mark + " ", start, at + 1)
                break
            at = text.rfind(mark, start, at)
        if at > cut:
            cut = at
    return nl, cut


def _breaks_after(text: str, i: int, hi: int) -> tuple[int, int]:
    """(first newline, first ". "/"! "/"? ") from ``i`` up to ``hi``; -1 for none. A mark
    after the newline is not looked for (see above)."""
    nl = text.find("\n", i, hi)
    end = max(hi - 1, 0) if nl == -1 else nl  # the whole mark before hi, or the newline
    stop = -1
    for mark in _MARKS:
        at = text.find(mark, i, end)
        tries = 0
        while at != -1 and text[at + 1] != " ":
            tries += 1
            if tries > _MARK_TRIES:
                at = text.find(mark + " ", at + 1, end + 1)
                break
            at = text.find(mark, at + 1, end)
        if at != -1 and (stop == -1 or at < stop):
            stop = at
    return nl, stop


def _sentence_start(text: str, pos: int, lo: int) -> int:
    i = pos
    skipped = 0
    while True:
        nl, cut = _breaks_before(text, i, lo)
        if nl >= cut:
            if nl == -1:
                return lo
            # A single newline inside a paragraph is only wrapping, unless a block starts or
            # ends there (a heading line, a list item, a line that ends a sentence).
            if nl <= lo or _line_break_ends(text, nl):
                return nl + 1
            i = nl
            continue
        if skipped < MOST_ABBREVIATIONS and _is_abbreviation(text, cut):
            skipped += 1
            i = cut
            continue
        return cut + 2


def _sentence_end(text: str, pos: int, hi: int) -> int:
    i = pos
    skipped = 0
    while True:
        nl, stop = _breaks_after(text, i, hi)
        if nl != -1 and (stop == -1 or nl < stop):
            if nl + 1 >= hi or _line_break_ends(text, nl):
                return nl
            i = nl + 1
            continue
        if stop == -1:
            return hi
        if skipped < MOST_ABBREVIATIONS and _is_abbreviation(text, stop):
            skipped += 1
            i = stop + 1
            continue
        return stop + 1


def whole_sentences(
    text: str, limit: int, keep: Callable[[str], bool] = lambda _sentence: True
) -> str:
    """The leading sentences of plain ``text`` that fit in ``limit`` characters, and always the
    first one whole: a fact quoted from prose is never cut mid-sentence. ``keep``: whether a
    sentence after the first still says the fact (the first that does not ends the quote)."""
    end = _sentence_end(text, 0, len(text))
    while end < len(text):
        following = _sentence_end(text, end + 1, len(text))
        if following > limit or not keep(text[end:following]):
            break
        end = following
    return text[:end].strip()


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # The word before the dot; no abbreviation is longer than _ABBREVIATION_MAX letters, so
    # a longer word is not walked to its start.
    limit = max(0, dot - _ABBREVIATION_MAX - 1)
    begin = dot
    while begin > limit and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    if dot - begin > _ABBREVIATION_MAX:
        return False
    word = text[begin:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _line_break_ends(text: str, nl: int) -> bool:
    """Whether the newline at ``nl`` ends a sentence rather than wrapping one."""
    if nl == 0 or text[nl - 1] in ".!?:\n" or text.startswith("\n", nl + 1):
        return True
    if _starts_block(text, nl + 1):
        return True
    line_start = text.rfind("\n", 0, nl) + 1
    if text.startswith("#", line_start):
        return True
    # "Location: Berlin\nSalary: …": consecutive "Label: value" lines are separate statements.
    return (
        text[nl + 1 : nl + 2] in _LABEL_STARTS
        and text[line_start : line_start + 1] in _LABEL_STARTS
        and _LABEL.match(text, nl + 1) is not None
        and _LABEL.match(text, line_start) is not None
    )


def _starts_block(text: str, at: int) -> bool:
    return _BLOCK_START.match(text, at) is not None


def plain(markdown: str) -> str:
    """Markdown inline syntax reduced to its text, whitespace collapsed to single spaces."""
    text = markdown
    if "]" in text and "](" in text:  # one-character tests first: they are the fast ones
        text = _IMAGE.sub("", text)
        text = _LINK.sub(_link_text, text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    if "{" in text and "{#" in text:
        text = _HEADER_ID.sub("", text)
    if "\n" in text:
        text = _LINE_MARKS.sub("", text).replace("\n", " ")
    elif text[:1] in _MARK_STARTS:
        text = _LINE_MARK.sub("", text)
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def _link_text(match: re.Match[str]) -> str:
    label = match.group(1).strip()
    target = match.group(2)
    if label:
        return label
    return target.removeprefix("mailto:")


def collapse(text: str) -> str:
    text = text.replace("\n", " ")
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()

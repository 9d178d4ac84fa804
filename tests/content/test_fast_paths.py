"""The loader's fast paths give what the plain forms they replaced give, kept here as references.

Each reference is the code as it was before it was rewritten for speed; random texts made of
the fragments the fast path treats specially (line starts, separators, aliases) compare them.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import blocks, orgs
from bot.content.text import plain

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
MANY = settings(
    max_examples=max(EXAMPLES, 400), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _texts(fragments: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments), max_size=max_size).map("".join)


# ---------------------------------------------------------------- headings


class _Heading(NamedTuple):
    level: int
    title: str
    anchor: str | None
    start: int
    body_start: int
    text: str


_ANCHOR_SUFFIX = re.compile(r"\s*\{#([\w:.-]+)\}$")


def _headings_by_line_start(markdown: str) -> list[_Heading]:
    """blocks.headings before '#' was searched alone and heading lines were remembered."""
    found: list[_Heading] = []
    if markdown.startswith("#"):
        start = 0
    else:
        start = markdown.find("\n#") + 1
        if start == 0:
            return found
    length = len(markdown)
    while True:
        end = markdown.find("\n", start)
        end = length if end == -1 else end
        line = markdown[start:end]
        title = line.lstrip("#")
        level = len(line) - len(title)
        if level <= 6 and title[:1] in (" ", "\t"):
            title = title.strip()
            anchor = None
            if title.endswith("}") and "{#" in title:
                match = _ANCHOR_SUFFIX.search(title)
                if match is not None:
                    anchor = match.group(1)
                    title = title[: match.start()]
            found.append(_Heading(level, title, anchor, start, min(end + 1, length), plain(title)))
        following = markdown.find("\n#", end)
        if following == -1:
            return found
        start = following + 1


_MARKDOWN = _texts(
    ["#", "##", "#######", "\n", " ", "\t", "Title", "x#", "{#a-1}", " {#b}", "*Bold*", "é", "\r"]
)


@MANY
@given(_MARKDOWN)
def test_headings_as_found_line_by_line(markdown: str) -> None:
    found = blocks.headings(markdown)
    assert [tuple(h) for h in found] == [tuple(h) for h in _headings_by_line_start(markdown)]
    assert all(type(h) is blocks.Heading for h in found)


# ---------------------------------------------------------------- known organisations

_PLAIN_ALIASES = tuple(
    (name, tuple((a, re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w]|-C\b)")) for a in aliases))
    for name, aliases in orgs.KNOWN
)


def _most_named_alias_by_alias(text: str) -> str | None:
    """orgs.most_named before aliases were looked for from the word starts of one pass."""
    best: tuple[int, str] | None = None
    for name, patterns in _PLAIN_ALIASES:
        count = sum(len(p.findall(text)) for alias, p in patterns if alias in text)
        if name == "IIIF" and best is not None and best[1] == "IIIF Consortium":
            continue
        if count and (best is None or count > best[0]):
            best = (count, name)
    return best[1] if best else None


_ALIAS_TEXT = _texts(
    [alias for _, aliases in orgs.KNOWN for alias in aliases]
    + [" ", "-", "(", ")", "_", "x", "é", "Dig", "-C", "-Co", "\n", "III", "Data"]
)


@MANY
@given(_ALIAS_TEXT)
def test_most_named_as_counted_alias_by_alias(text: str) -> None:
    assert orgs.most_named(text) == _most_named_alias_by_alias(text)
    for alias_text in (text[:40], text[-40:]):
        expected = next(
            (
                n
                for n, ps in _PLAIN_ALIASES
                for a, p in ps
                if a in alias_text and p.search(alias_text)
            ),
            None,
        )
        assert orgs.known_in(alias_text) == expected

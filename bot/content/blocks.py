"""The shape of a cleaned page: its headings, and the paragraphs and bullets under each.

Headings are markdown-it-py's: a ``#`` line inside a fenced or indented code block is no
heading, and up to three spaces may stand before the ``#``. The parser is the CommonMark one
with only the block rules that decide where a heading is (heading, fence, code) and no inline
parsing: about 0.1 ms for a 3 KB page here, against 0.5 ms with every rule (see BENCHMARKS.md,
"Loading with markdown-it headings"). Setext headings and rules are already ATX headings and
blank lines after cleaning (bot/content/clean.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from markdown_it import MarkdownIt

from bot.content.text import plain, remembered

_ITEM = re.compile(r"([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$")
_ITEM_MARKS = frozenset(" \t-*+")  # or a digit (\d): a line that starts otherwise is no item
_SLUG_DROP = re.compile(r"[^\w\- ]+")
_SPACE = re.compile(r"\s")
_ANCHOR_SUFFIX = re.compile(r"(?<!\s)\s*\{#([\w:.-]+)\}$")  # from a run's start: linear
_PARSER = MarkdownIt("zero").enable(["heading", "fence", "code"]).disable(["inline", "text_join"])


class Heading(NamedTuple):
    level: int
    title: str
    anchor: str | None
    start: int  # offset of the '#'
    body_start: int  # offset just after the heading line
    text: str  # the title as plain text


def headings(markdown: str) -> list[Heading]:
    """Every ATX heading, in order, with its offsets in ``markdown``."""
    # markdown-it reads a lone "\r" as a line end; the offsets below count "\n" only.
    tokens = _PARSER.parse(markdown.replace("\r", " ") if "\r" in markdown else markdown)
    found: list[Heading] = []
    ends: list[int] = []  # ends[k]: the length of the first k lines, newlines left out
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        title, anchor, text = _title_parts(tokens[index + 1].content)
        if not ends:
            ends = list(accumulate(map(len, markdown.split("\n")), initial=0))
        first, after = token.map
        line_start = ends[first] + first
        start = markdown.find("#", line_start)
        body_start = min(ends[after] + after, len(markdown))
        found.append(Heading(int(token.tag[1]), title, anchor, start, body_start, text))
    return found


def _read_title(raw: str) -> tuple[str, str | None, str]:
    """(title, anchor, plain title) of a heading's words: "Salary {#pay}" -> ("Salary",
    "pay", "Salary")."""
    title = raw.strip()
    anchor = None
    if title.endswith("}") and "{#" in title:
        match = _ANCHOR_SUFFIX.search(title)
        if match is not None:
            anchor = match.group(1)
            title = title[: match.start()]
    return title, anchor, plain(title)


# Heading titles ("Responsibilities") repeat from page to page.
_title_parts = remembered(_read_title)


def section_text(markdown: str, found: list[Heading], index: int) -> str:
    """The text under heading ``index`` up to the next heading of the same or a higher level."""
    heading = found[index]
    end = len(markdown)
    for later in found[index + 1 :]:
        if later.level <= heading.level:
            end = later.start
            break
    return markdown[heading.body_start : end]


def own_text(markdown: str, found: list[Heading], index: int) -> str:
    """The text under heading ``index`` up to the very next heading of any level."""
    end = found[index + 1].start if index + 1 < len(found) else len(markdown)
    return markdown[found[index].body_start : end]


def auto_anchor(title: str) -> str:
    """The id kramdown gives a heading, so answers can link to ``page#anchor``."""
    text = _SLUG_DROP.sub("", title.lower()).strip()
    return _SPACE.sub("-", text)


@dataclass
class Block:
    """A paragraph (depth -1) or a bullet (depth 0, 1, …) with its text lines joined."""

    text: str
    depth: int
    children: list[Block] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """Paragraphs and bullet trees, in order; nested bullets hang under their parent."""
    result: list[Block] = []
    stack: list[tuple[int, Block]] = []  # (indent, bullet) of the open list items
    paragraph: list[str] = []
    current: Block | None = None  # the block continuation lines are appended to

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            result.append(Block(" ".join(paragraph), -1))
            paragraph = []

    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line:
            flush()
            current = None
            continue
        first = line[0]
        item = _ITEM.match(line) if first in _ITEM_MARKS or first.isdecimal() else None
        if item is not None:
            flush()
            indent = len(item.group(1).expandtabs(4))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            bullet = Block(item.group(2).strip(), len(stack))
            if stack:
                stack[-1][1].children.append(bullet)
            else:
                result.append(bullet)
            stack.append((indent, bullet))
            current = bullet
            continue
        if current is not None and (raw[:1] in " \t" or current.depth >= 0):
            current.text = f"{current.text} {line.strip()}"
            continue
        stack.clear()
        paragraph.append(line.strip())
        current = None
    flush()
    return result

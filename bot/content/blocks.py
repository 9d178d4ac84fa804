"""The shape of a cleaned page: its headings, and the paragraphs and bullets under each.

markdown-it-py would do this properly, but it costs about 2.8 ms per 4.7 KB page on the target
machine, more than ten times the whole per-document budget; the cleaned Markdown only has ATX
headings, ``- `` / ``1.`` bullets and paragraphs, which a line scan reads reliably.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.content.text import plain, remembered

_ITEM = re.compile(r"([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$")
_ITEM_MARKS = frozenset(" \t-*+")  # or a digit (\d): a line that starts otherwise is no item
_SLUG_DROP = re.compile(r"[^\w\- ]+")
_SPACE = re.compile(r"\s")
_ANCHOR_SUFFIX = re.compile(r"(?<!\s)\s*\{#([\w:.-]+)\}$")  # from a run's start: linear


class Heading(NamedTuple):
    """A tuple, not a dataclass: pages have many headings and tuples are built 4x faster."""

    level: int
    title: str
    anchor: str | None
    start: int  # offset of the '#'
    body_start: int  # offset just after the heading line
    text: str  # the title as plain text


def headings(markdown: str) -> list[Heading]:
    """Every ATX heading: a line that starts with '#'. The page is searched for '#' alone
    (memchr speed; a two-character search such as "\\n#" is several times slower), and the
    character before each one tells whether it starts a line."""
    found: list[Heading] = []
    length = len(markdown)
    start = markdown.find("#")
    while start != -1:
        if start and markdown[start - 1] != "\n":
            start = markdown.find("#", start + 1)
            continue
        end = markdown.find("\n", start)
        end = length if end == -1 else end
        parts = _heading_parts(markdown[start:end])
        if parts is not None:
            level, title, anchor, text = parts
            # tuple.__new__ skips the NamedTuple's Python-level __new__
            found.append(
                tuple.__new__(Heading, (level, title, anchor, start, min(end + 1, length), text))
            )
        start = markdown.find("#", end)
    return found


def _read_heading(line: str) -> tuple[int, str, str | None, str] | None:
    """(level, title, anchor, plain title) of a line that starts with '#', None if no heading."""
    title = line.lstrip("#")
    level = len(line) - len(title)
    if level > 6 or title[:1] not in (" ", "\t"):
        return None
    title = title.strip()
    anchor = None
    if title.endswith("}") and "{#" in title:
        match = _ANCHOR_SUFFIX.search(title)
        if match is not None:
            anchor = match.group(1)
            title = title[: match.start()]
    return level, title, anchor, plain(title)


# Heading lines ("### Responsibilities") repeat from page to page.
_heading_parts = remembered(_read_heading)


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

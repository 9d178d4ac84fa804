"""FAQ and fee pages as questions (headings) with answer passages (bullets and paragraphs)."""

from __future__ import annotations

import re

from bot.content.blocks import Block, Heading, auto_anchor, blocks, headings
from bot.content.text import plain
from bot.domain import FaqSection

_ONLY_ANCHOR_LINK = re.compile(r"^\s*\[[^\]]*\]\(#[^)]*\)\s*$")


def sections(
    markdown: str, page_title: str, found: list[Heading] | None = None
) -> tuple[FaqSection, ...]:
    """``found``: the caller's ``headings(markdown)``, if it has them."""
    found = headings(markdown) if found is None else found
    result: list[FaqSection] = []
    first = found[0].start if found else len(markdown)
    intro = _passages(markdown[:first])
    if intro:
        result.append(FaqSection(page_title, intro, None))
    for index, heading in enumerate(found):
        end = found[index + 1].start if index + 1 < len(found) else len(markdown)
        passages = _passages(markdown[heading.body_start : end])
        question = heading.text
        if not passages or not question:
            continue
        anchor = heading.anchor or auto_anchor(question)
        result.append(FaqSection(question, passages, anchor or None))
    return tuple(result)


def _passages(text: str) -> tuple[str, ...]:
    if not text.strip():
        return ()
    out: list[str] = []
    lead: Block | None = None  # a paragraph ending in ":" introduces the list after it
    for block in blocks(text):
        if _table_of_contents(block):
            continue
        if lead is not None and block.depth >= 0:
            lead.children.append(block)
            continue
        if lead is not None:
            out.append(_joined(lead))
            lead = None
        if block.depth < 0 and block.text.rstrip().endswith(":"):
            lead = Block(block.text, block.depth, [])
            continue
        passage = _joined(block)
        if passage:
            out.append(passage)
    if lead is not None:
        out.append(_joined(lead))
    return tuple(out)


def _table_of_contents(block: Block) -> bool:
    """An in-page link whose sub-bullets are in-page links too: navigation, not an answer."""
    return _ONLY_ANCHOR_LINK.match(block.text) is not None and all(
        _table_of_contents(child) for child in block.children
    )


def _joined(block: Block) -> str:
    """A bullet with sub-bullets reads as one passage: "lead-in: child; child; child"."""
    own = plain(block.text)
    if not block.children:
        return own
    children = [c for c in (_joined(child) for child in block.children) if c]
    if not children:
        return own
    lead = own.rstrip(":") + ":" if own else ""
    return f"{lead} {'; '.join(c.rstrip('.;') for c in children)}.".strip()


def packed(found: tuple[FaqSection, ...], limit: int) -> tuple[FaqSection, ...]:
    """Sections whose consecutive passages are joined, one per line, up to ``limit``
    characters: a page that is not an FAQ answers with a sentence of a section, and one row per
    paragraph would multiply the index by ten for no better answer."""
    result: list[FaqSection] = []
    for section in found:
        chunks: list[str] = []
        for passage in section.passages:
            if chunks and len(chunks[-1]) + 1 + len(passage) <= limit:
                chunks[-1] = f"{chunks[-1]}\n{passage}"
            else:
                chunks.append(passage)
        result.append(FaqSection(section.question, tuple(chunks), section.anchor))
    return tuple(result)

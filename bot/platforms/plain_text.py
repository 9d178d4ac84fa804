"""Herald's Markdown as plain text: what a notification, a Matrix body or a fallback shows
where nothing renders it — no ``**``, escapes undone, links as "text (url)"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True})


def plain_text(markdown: str) -> str:
    """Markdown as text that reads well without rendering: no ``**``, links as "text (url)"."""
    out: list[str] = []
    for token in _MARKDOWN.parse(markdown):
        if token.type == "inline":
            out.append(_inline_plain(token.children or []))
        elif token.type in ("fence", "code_block"):
            out.append(token.content.rstrip("\n"))
        elif token.type == "list_item_open":
            out.append("• ")
        elif token.type in ("paragraph_close", "heading_close", "fence", "code_block"):
            out.append("\n")
        elif token.type == "hr":
            out.append("———\n")
        if token.type in ("paragraph_close", "heading_close") and token.level == 0:
            out.append("\n")
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()


def _inline_plain(children: Sequence[Token]) -> str:
    parts: list[str] = []
    href: str | None = None
    link_text: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            (link_text if href is not None else parts).append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            (link_text if href is not None else parts).append("\n")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            link_text = []
        elif child.type == "link_close" and href is not None:
            label = "".join(link_text)
            parts.append(
                label if label in (href, href.removeprefix("mailto:")) else f"{label} ({href})"
            )
            href = None
    return "".join(parts)

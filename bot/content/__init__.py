"""Loading documents: front matter, cleaning, and extraction of facts.

Example::

    from bot.content import parse_bytes
    doc = parse_bytes("postings/2024-05-01-developer.md", path.read_bytes())
    doc.kind, doc.title, [p.deadline for p in doc.postings]

``parse_bytes`` raises ``ContentError`` only when nothing usable can be recovered (an empty or
binary file); everything else that is wrong but readable becomes a warning on the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.content.document import parse_bytes, parse_text

__all__ = ["parse_bytes", "parse_text"]


def __getattr__(name: str) -> Any:
    # Imported on first use: a module that needs one small part (``bot.content.money`` for the
    # question parser) does not pay for the whole loader, and the CLI starts quicker.
    if name in __all__:
        from bot.content import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

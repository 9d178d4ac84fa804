"""Loading documents: front matter, cleaning, and extraction of facts.

Example::

    from bot.content import parse_bytes
    doc = parse_bytes("postings/2024-05-01-developer.md", path.read_bytes())
    doc.kind, doc.title, [p.deadline for p in doc.postings]

``parse_bytes`` raises ``ContentError`` only when nothing usable can be recovered (an empty or
binary file); everything else that is wrong but readable becomes a warning on the document.
"""

from __future__ import annotations

from bot.content.document import parse_bytes, parse_text

__all__ = ["parse_bytes", "parse_text"]

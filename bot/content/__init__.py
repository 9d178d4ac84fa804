"""Loading documents: front matter, cleaning, and extraction of facts.

STUB — to be replaced by the real loader; the signature of ``parse_bytes`` is the contract.
"""

from __future__ import annotations

import hashlib

import frontmatter

from bot.domain import ContentError, ParsedDocument, PostingDraft


def parse_bytes(source: str, data: bytes) -> ParsedDocument:
    """Understand one file. Raises ContentError only when nothing usable can be recovered."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        post = frontmatter.loads(data.decode("utf-8"))
    except Exception as exc:  # stub
        raise ContentError(source, str(exc)) from exc
    title = str(post.metadata.get("title") or source)
    slug = source.rsplit("/", 1)[-1].removesuffix(".md")
    draft = PostingDraft(slug=slug, title=title, body=post.content)
    return ParsedDocument(
        source=source, content_hash=digest, kind="job", title=title, body=post.content,
        postings=(draft,),
    )

"""Building ParsedDocument values directly, so store tests never depend on extraction."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from bot.domain import FaqSection, Kind, ParsedDocument, PostingDraft

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)
TODAY = date(2026, 11, 21)


def draft(slug: str = "posting", title: str = "A posting", **fields: Any) -> PostingDraft:
    return PostingDraft(slug=slug, title=title, **fields)


def doc(
    source: str,
    *postings: PostingDraft,
    kind: Kind = "job",
    title: str | None = None,
    faq: tuple[FaqSection, ...] = (),
    content_hash: str | None = None,
    **fields: Any,
) -> ParsedDocument:
    """A document whose hash follows its content, as a real file's would."""
    page_title = title if title is not None else (postings[0].title if postings else source)
    digest = (
        content_hash
        or hashlib.sha256(
            repr((source, kind, page_title, postings, faq, sorted(fields.items()))).encode()
        ).hexdigest()
    )
    return ParsedDocument(
        source=source,
        content_hash=digest,
        kind=kind,
        title=page_title,
        postings=postings,
        faq=faq,
        **fields,
    )


def faq_page(
    source: str, organization: str, *sections: tuple[str, tuple[str, ...]]
) -> ParsedDocument:
    return doc(
        source,
        kind="faq",
        title=f"{organization} FAQ",
        organization=organization,
        url=f"https://example.org/{source.removesuffix('.md')}",
        faq=tuple(
            FaqSection(question=q, passages=p, anchor=f"q{i}") for i, (q, p) in enumerate(sections)
        ),
    )

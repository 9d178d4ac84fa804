"""One file in, one ``ParsedDocument`` out: the order in which the loader's steps run."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.content import faq, orgs, typos
from bot.content.blocks import Heading, headings
from bot.content.classify import classify, names_a_role
from bot.content.clean import (
    as_seen,
    normalise_markdown,
    repair_mojibake,
    repair_values,
    strip_html,
)
from bot.content.decoding import decode
from bot.content.extract import (
    DEADLINE_KEYS,
    ORG_KEYS,
    Page,
    Shared,
    build_posting,
    page_contacts,
)
from bot.content.front_matter import (
    as_date,
    as_text,
    date_problems,
    file_name_parts,
    first_text,
    split,
    title_from_file_name,
)
from bot.content.liquid import strip_liquid
from bot.content.openings import (
    find_openings,
    list_openings,
    role_sections,
    shared_text,
    table_openings,
)
from bot.content.text import Scan, collapse, plain
from bot.domain import ContentError, Kind, ParsedDocument, PostingDraft

logger = logging.getLogger(__name__)

DATE_KEYS = ("date", "postdate", "posted", "post_date", "published", "published_date")
# Characters of a passage of a page that is not an FAQ (its paragraphs joined up to this).
PACKED_PASSAGE = 700
URL_KEYS = ("url", "link", "permalink", "canonical_url", "source_url")


def parse_bytes(source: str, data: bytes) -> ParsedDocument:
    """Understand one file. Raises ContentError only when nothing usable can be recovered."""
    digest = hashlib.sha256(data).hexdigest()
    text, warnings = decode(source, data)
    return _guarded(source, text, digest, warnings)


def parse_text(source: str, text: str) -> ParsedDocument:
    """The same for text already in memory (a chat message, a test); hashes its UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(data).hexdigest()
    if not text.strip():
        raise ContentError(source, "the text is empty; write a title and a body")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _guarded(source, text, digest, [])


def _guarded(source: str, text: str, digest: str, warnings: list[str]) -> ParsedDocument:
    try:
        return _parse(source, text, digest, warnings)
    except ContentError:
        raise
    except Exception as exc:  # the contract: ContentError or a document, whatever the bytes
        logger.exception("the loader failed on %s", source)
        raise ContentError(
            source, f"the loader failed on this file ({type(exc).__name__}); please report it"
        ) from exc


def _parse(source: str, text: str, digest: str, warnings: list[str]) -> ParsedDocument:
    fm = split(text, source)
    warnings.extend(fm.warnings)
    meta = fm.meta
    file_date, stem = file_name_parts(source)

    body = strip_liquid(fm.body, meta, warnings)
    body, repaired = repair_mojibake(body)
    repaired += repair_values(meta)
    if repaired:
        warnings.append(f"repaired mis-encoded characters (mojibake) on {repaired} line(s)")
    body = normalise_markdown(as_seen(strip_html(body)))
    body, corrected = typos.correct(body)
    if corrected:
        warnings.append(f"read misspelt words of fixed phrases as meant: {', '.join(corrected)}")

    found = headings(body)
    title = _clean_inline(as_text(meta.get("title")) or "", meta)
    if not title:
        title = _first_heading(found) or title_from_file_name(stem)
    if not title and not body.strip():
        raise ContentError(source, "nothing to read: no title in the front matter and no body")
    title = title or source

    posted = _agreeing(_posted(meta), file_date) or file_date
    # Jekyll's "published: false" is a flag, not a date
    flagged = isinstance(meta.get("published"), bool)
    date_keys = tuple(k for k in DATE_KEYS if not (flagged and k == "published"))
    warnings.extend(date_problems(meta, date_keys + DEADLINE_KEYS, posted))
    try:
        doc = _understand(source, digest, meta, title, body, found, posted, warnings)
    except Exception as exc:  # a loader bug must not lose the document: keep its text
        logger.exception("could not extract facts from %s", source)
        warnings.append(f"facts could not be extracted ({type(exc).__name__}); text kept as is")
        doc = ParsedDocument(
            source=source,
            content_hash=digest,
            kind="other",
            title=title,
            posted=posted,
            body=body,
            warnings=tuple(warnings),
        )
    if meta.get("published") is False:
        # Jekyll does not publish the page: kept in the store, neither listed nor searched
        doc = dataclasses.replace(doc, postings=(), faq=(), warnings=(*doc.warnings, UNPUBLISHED))
    return dataclasses.replace(doc, **_jekyll(meta))


UNPUBLISHED = "not published (published: false): not listed, announced or searched"


def _jekyll(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What Jekyll builds the page's address from (``bot.links``): ``permalink``,
    ``categories`` (a list or words; ``category`` is one) and ``slug``."""
    raw = meta.get("categories", meta.get("category"))
    if isinstance(raw, str):
        categories = tuple(raw.split()) if "categories" in meta else (raw.strip(),)
    elif isinstance(raw, list):
        categories = tuple(str(c).strip() for c in raw if str(c).strip())
    else:
        categories = ()
    permalink = as_text(meta.get("permalink"))
    slug = as_text(meta.get("slug"))
    return {
        "permalink": permalink.strip() if permalink and permalink.startswith("/") else None,
        "categories": tuple(c for c in categories if c),
        "slug": slug.strip() if slug else None,
    }


def _understand(
    source: str,
    digest: str,
    meta: Mapping[str, Any],
    title: str,
    body: str,
    found: list[Heading],
    posted: date | None,
    warnings: list[str],
) -> ParsedDocument:
    scan = Scan(body)
    openings = find_openings(body, found)
    parts = orgs.title_parts(title, body)
    kind: Kind = classify(
        meta,
        title,
        scan,
        openings=len(openings) if openings is not None else None,
        hiring_title=names_a_role(parts.role) or parts.posts,
        dated=posted is not None,
    )
    if kind == "job" and not openings:
        openings = (
            role_sections(body, found) or table_openings(body) or list_openings(body) or openings
        )
    # A single posting finds its employer in its own text; other pages need the body read here.
    deep = kind != "job" or bool(openings)
    organization = _organization(meta, title, body, kind, parts.organization, deep=deep)
    page = Page(source, title, meta, posted, organization, parts)

    postings: tuple[PostingDraft, ...] = ()
    if kind == "job":
        if openings:
            contacts = functools.cache(lambda: page_contacts(body, scan, found, meta))
            shared = Shared(shared_text(body, openings), contacts)
            postings = tuple(
                build_posting(o.text, page, o.title, found=o.headings, shared=shared)
                for o in openings
            )
        else:
            postings = (build_posting(body, page, None, scan=scan, found=found),)
        organization = postings[0].organization or organization
    # Every page answers questions: news of a hire, a funding call, a jobs-board page and a
    # posting's own text are searched as passages, not only FAQ pages.
    sections = faq.sections(body, title, found)
    if kind == "faq" and not sections:
        warnings.append("an FAQ page without headings or answers: nothing to search")
    elif kind != "faq":
        sections = faq.packed(sections, PACKED_PASSAGE)

    return ParsedDocument(
        source=source,
        content_hash=digest,
        kind=kind,
        title=title,
        organization=organization,
        posted=posted,
        url=_url(meta),
        body=body,
        postings=postings,
        faq=sections,
        warnings=tuple(warnings),
    )


def _organization(
    meta: Mapping[str, Any],
    title: str,
    body: str,
    kind: Kind,
    from_title: str | None,
    *,
    deep: bool,
) -> str | None:
    stated = first_text(meta, ORG_KEYS)
    if stated is not None:
        return orgs.for_kind(stated[1], kind)
    name = from_title or orgs.known_in(title)
    if name is None and deep:
        # a news post or an event's page that names a known body once ("maps in IIIF
        # viewers", a talk of a webinar series) cites it, it is not that body's page; a
        # posting or a jobs board that names it once is its own
        least = 2 if kind == "news" else 1
        name = orgs.org_in_title(title) or orgs.most_named(body, least) or orgs.org_from_seeks(body)
    if name is None and deep and kind == "job":
        # a page of several openings that opens with its employer ("The Broadland Boat
        # Museum in Norwich tells the story of …"): each opening's own text does not
        name = orgs.org_introduced(body)
    return orgs.for_kind(name, kind)


def _clean_inline(text: str, meta: Mapping[str, Any]) -> str:
    if not text:
        return ""
    if "{" in text or "}" in text:  # Liquid needs a brace; the copy of meta costs a µs or two
        text = strip_liquid(text, {k: v for k, v in meta.items() if k != "title"})
    text, _ = repair_mojibake(text)
    return plain(collapse(as_seen(strip_html(text))))


def _first_heading(found: list[Heading]) -> str:
    for heading in found:
        title = heading.text
        if title:
            return title
    return ""


def _posted(meta: Mapping[str, Any]) -> date | None:
    for key in DATE_KEYS:
        if key in meta:
            value = as_date(meta[key])
            if value is not None:
                return value
    return None


def _agreeing(posted: date | None, file_date: date | None) -> date | None:
    """ "date: 01/03/2027" in "2027-03-01-….md": a date whose day and month may be read either
    way is read the way the file name writes it (Jekyll's own parser reads day first)."""
    if posted is None or file_date is None or posted == file_date or posted.day > 12:
        return posted
    swapped = date(posted.year, posted.day, posted.month)
    return file_date if swapped == file_date else posted


def _url(meta: Mapping[str, Any]) -> str | None:
    for key in URL_KEYS:
        if key in meta:
            value = as_text(meta[key])
            if value and value.startswith(("http://", "https://")):
                return value
    return None

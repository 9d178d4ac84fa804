"""Rows to domain values and back; the only place that knows both shapes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, cast

from bot.domain import Fact, Passage, Posting, PostingStatus
from bot.store.models import PassageRow, PostingRow
from bot.text import ascii_folded

MAX_SLUG = 100  # ids are 120 wide: room for a "-nnn" clash suffix

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(proposal: str) -> str:
    """A typable id from the content layer's proposal; never empty."""
    slug = _NOT_SLUG.sub("-", ascii_folded(proposal)).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "posting"


def text(value: str) -> str:
    """PostgreSQL text cannot hold NUL; lone surrogates cannot be encoded anywhere."""
    if "\x00" not in value:  # the usual case: C scans only, no regex
        if value.isascii():
            return value
        try:
            value.encode("utf-8")  # fails on lone surrogates only; 5x faster than a regex
        except UnicodeEncodeError:
            pass
        else:
            return value
    value = value.replace("\x00", "")
    return value.encode("utf-8", "replace").decode("utf-8")


def maybe_text(value: str | None) -> str | None:
    return None if value is None else text(value)


def evidence_to_json(facts: tuple[Fact, ...]) -> list[dict[str, Any]]:
    return [
        {"field": text(f.field), "value": text(f.value), "sentence": text(f.sentence)}
        for f in facts
    ]


def evidence_from_json(data: list[dict[str, Any]] | None) -> tuple[Fact, ...]:
    return tuple(
        Fact(field=str(d["field"]), value=str(d["value"]), sentence=str(d["sentence"]))
        for d in data or ()
    )


def passage_url(url: str | None, anchor: str | None) -> str | None:
    if url and anchor:
        return f"{url.split('#', 1)[0]}#{anchor}"
    return url


def to_posting(row: PostingRow, source: str, url: str | None) -> Posting:
    return Posting(
        id=row.id,
        source=source,
        position=row.position,
        title=row.title,
        organization=row.organization,
        location=row.location,
        remote=row.remote,
        deadline=row.deadline,
        deadline_inferred=row.deadline_inferred,
        open_until_filled=row.open_until_filled,
        closed=row.closed,
        salary=row.salary,
        salary_min=row.salary_min,
        salary_currency=row.salary_currency,
        contacts=tuple(str(c) for c in row.contacts or ()),
        posted=row.posted,
        body=row.body,
        url=url,
        status=cast(PostingStatus, row.status),
        evidence=evidence_from_json(row.evidence),
        first_seen=row.first_seen,
        updated=row.updated,
        salary_max=row.salary_max,
        salary_period=row.salary_period,
        employment_type=row.employment_type,
        remote_regions=tuple(str(r) for r in row.remote_regions or ()),
        page_url=row.page_url,
        file_url=row.file_url,
    )


def to_passage(
    row: PassageRow,
    source: str,
    organization: str | None,
    url: str | None,
    posted: date | None = None,
) -> Passage:
    return Passage(
        id=row.id,
        source=source,
        page_title=row.page_title,
        organization=organization,
        question=row.question,
        text=row.text,
        url=passage_url(url, row.anchor),
        position=row.position,
        posted=posted,
    )

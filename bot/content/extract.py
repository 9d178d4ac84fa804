"""One opening's facts, gathered into a ``PostingDraft`` with the evidence for each."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.content import facts, money, orgs
from bot.content.blocks import Heading, headings, own_text
from bot.content.dates import Deadline, find_deadline, parse_date_words
from bot.content.front_matter import as_date, as_text
from bot.content.slug import make_slug, org_short_name
from bot.content.text import fold, plain
from bot.domain import Fact, PostingDraft

_LOCATION_HEADINGS = re.compile(
    r"^(?:location|locations|where|place of work|work location|job location|based in)\W*$", re.I
)
_DEADLINE_KEYS = (
    "closedate", "close_date", "closing_date", "closingdate", "deadline",
    "application_deadline", "apply_by", "expires", "expiry", "expiration",
)  # fmt: skip
_APPLY_KEYS = ("apply", "apply_url", "application_url", "applylink", "apply_link", "link")
_ORG_KEYS = ("institution", "organization", "organisation", "company", "employer", "org")
_ROLE_KEYS = ("position", "job_title", "jobtitle", "role")
_LOCATION_KEYS = ("location", "city", "place", "job_location")


@dataclass
class Page:
    """What the whole document says that every opening on it shares."""

    source: str
    title: str
    meta: Mapping[str, Any]
    posted: date | None
    organization: str | None
    warnings: list[str] = field(default_factory=list)


def build_posting(markdown: str, page: Page, role_hint: str | None, position: int) -> PostingDraft:
    folded = fold(markdown)
    found = headings(markdown)
    evidence: list[Fact] = []
    meta = page.meta

    role = _role(markdown, page, role_hint)
    organization = _organization(markdown, page, role_hint is not None)

    location, remote = _where(markdown, folded, found, meta, evidence, role)

    deadline = _deadline(markdown, folded, page, evidence, found)
    closed, until_filled = facts.find_status(markdown, folded)
    if closed is not None:
        evidence.append(Fact("closed", "true", closed.sentence))
    if until_filled is not None:
        evidence.append(Fact("open_until_filled", "true", until_filled.sentence))

    salary = _salary(markdown, folded, found)
    if salary is not None:
        evidence.append(Fact("salary", salary.text, salary.sentence))

    contacts = _contacts(markdown, folded, found, meta, evidence)
    if page.posted is not None:
        evidence.append(Fact("posted", page.posted.isoformat(), _posted_sentence(meta, page)))

    short = org_short_name(organization, orgs.SHORT_NAMES)
    slug = make_slug(role, short, page.posted, page.title or page.source, organization)
    return PostingDraft(
        slug=slug,
        title=role,
        organization=organization,
        location=location,
        remote=remote,
        deadline=deadline.value if deadline else None,
        deadline_inferred=deadline.inferred if deadline else False,
        open_until_filled=until_filled is not None,
        closed=closed is not None,
        salary=salary.text if salary else None,
        salary_min=salary.minimum if salary else None,
        salary_currency=salary.currency if salary else None,
        contacts=tuple(contacts),
        posted=page.posted,
        body=markdown,
        evidence=tuple(evidence),
    )


# ---------------------------------------------------------------- title and organisation


def _role(markdown: str, page: Page, role_hint: str | None) -> str:
    if role_hint:
        return role_hint
    for key in _ROLE_KEYS:
        value = as_text(page.meta.get(key))
        if value:
            return value
    parts = orgs.split_title(page.title)
    if parts.role:
        return _longer_role(parts.role, markdown)
    return page.title


def _longer_role(role: str, markdown: str) -> str:
    """ "Managing Director" -> "Managing Director of the IIIF Consortium" when the body says so."""
    pattern = re.compile(
        r"(?:role|position|post|job) (?:of|as) (?:the |an? )?("
        + re.escape(role)
        + r"(?: (?:of|at|for)"
        r" (?:the )?[A-Z][\w&-]*(?: [A-Z][\w&-]*)*)?)",
        re.I,
    )
    match = pattern.search(plain(markdown[:4000]))
    if match is not None and len(match.group(1)) > len(role):
        found = match.group(1)
        return role + found[len(role) :]
    return role


def _organization(markdown: str, page: Page, multi: bool) -> str | None:
    for key in _ORG_KEYS:
        value = as_text(page.meta.get(key))
        if value:
            return orgs.for_kind(_known_or(value), "job")
    parts = orgs.split_title(page.title)
    name = parts.organization or page.organization
    if name is None:
        name = orgs.known_in(page.title) or orgs.org_from_seeks(markdown)
    if name is None:
        name = orgs.most_named(markdown)
    if name is not None and orgs.known_in(name) is None:
        name = orgs.body_spelling(name, markdown)
    return orgs.for_kind(name, "job")


def _known_or(value: str) -> str:
    known = orgs.known_in(value)
    return known if known is not None and len(value) <= len(known) + 4 else value


# ---------------------------------------------------------------- where and remote


def _where(
    markdown: str,
    folded: bytes,
    found: list[Heading],
    meta: Mapping[str, Any],
    evidence: list[Fact],
    role: str,
) -> tuple[str | None, bool | None]:
    location: str | None = None
    for key in _LOCATION_KEYS:
        location = as_text(meta.get(key))
        if location:
            evidence.append(Fact("location", location, f"{key}: {location}"))
            break
    if not location:
        for index, heading in enumerate(found):
            if _LOCATION_HEADINGS.match(plain(heading.title)):
                location = facts.first_line(own_text(markdown, found, index))
                if location:
                    evidence.append(Fact("location", location, location))
                    break

    remote: bool | None = None
    if location:
        remote = facts.remote_from_location(location)
        if remote is not None:
            evidence.append(Fact("remote", str(remote).lower(), location))
    if remote is None and re.search(r"\((?:fully )?remote\)|\bremote\b", role, re.I):
        remote = True
        evidence.append(Fact("remote", "true", role))
    if remote is None:
        said = facts.find_remote(markdown, folded)
        if said is not None:
            remote = said[0]
            evidence.append(Fact("remote", str(remote).lower(), said[1]))

    if not location:
        region = facts.find_region(markdown, folded)
        if region is not None:
            place, preferred, sentence = region
            if place.lower().startswith(("anywhere", "somewhere")) or not remote:
                location = place
            else:
                location = f"Remote ({'preferably ' if preferred else ''}{place})"
            evidence.append(Fact("location", location, sentence))
        elif remote:
            location = "Remote"
    return location, remote


# ---------------------------------------------------------------- deadline


def _deadline(
    markdown: str, folded: bytes, page: Page, evidence: list[Fact], found: list[Heading]
) -> Deadline | None:
    for key in _DEADLINE_KEYS:
        raw = page.meta.get(key)
        if raw is None:
            continue
        value = as_date(raw)
        inferred = False
        if value is None and isinstance(raw, str):
            value, inferred = parse_date_words(raw, page.posted)
        if value is not None:
            sentence = f"{key}: {as_text(raw)}"
            evidence.append(Fact("deadline", value.isoformat(), sentence))
            return Deadline(value, inferred, sentence, True)
    deadline = find_deadline(markdown, folded, page.posted)
    if deadline is not None:
        evidence.append(Fact("deadline", deadline.value.isoformat(), deadline.sentence))
    return deadline


# ---------------------------------------------------------------- salary


def _salary(markdown: str, folded: bytes, found: list[Heading]) -> money.Salary | None:
    for index, heading in enumerate(found):
        if money.is_salary_heading(plain(heading.title)):
            salary = money.from_section(own_text(markdown, found, index))
            if salary is not None:
                return salary
    return money.find_salary(markdown, folded)


# ---------------------------------------------------------------- contacts


def _contacts(
    markdown: str,
    folded: bytes,
    found: list[Heading],
    meta: Mapping[str, Any],
    evidence: list[Fact],
) -> list[str]:
    apply_spans: list[tuple[int, int]] = []
    for index, heading in enumerate(found):
        if facts.APPLY_HEADINGS.match(plain(heading.title)):
            end = found[index + 1].start if index + 1 < len(found) else len(markdown)
            apply_spans.append((heading.body_start, end))

    contacts: list[str] = []
    seen: set[str] = set()

    def add(value: str, sentence: str) -> None:
        key = value.lower().rstrip("/")
        if key in seen:
            return
        seen.add(key)
        contacts.append(value)
        evidence.append(Fact("contact", value, sentence))

    if "@" in markdown:
        for address, pos in facts.emails(markdown):
            add(address, facts.sentence_at(markdown, pos))
    links: list[tuple[str, str]] = []
    for key in _APPLY_KEYS:
        value = as_text(meta.get(key))
        if value and value.startswith(("http://", "https://")):
            links.append((value, f"{key}: {value}"))
    if b"http" in folded or b"www." in folded:
        for url, pos in facts.urls(markdown, folded):
            in_apply = any(lo <= pos < hi for lo, hi in apply_spans)
            sentence = facts.sentence_at(markdown, pos)
            if facts.is_apply_sentence(sentence) or (
                in_apply and not facts.is_about_employer(sentence)
            ):
                links.append((url, sentence))
    for url, sentence in links:
        add(url, sentence)
    return contacts


def _posted_sentence(meta: Mapping[str, Any], page: Page) -> str:
    for key in ("date", "postdate", "posted", "published_date"):
        if meta.get(key) is not None:
            return f"{key}: {as_text(meta.get(key))}"
    return f"file name: {page.source.rsplit('/', 1)[-1]}"

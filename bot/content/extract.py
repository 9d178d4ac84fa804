"""One opening's facts, gathered into a ``PostingDraft`` with the evidence for each."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.content import facts, money, orgs, regions
from bot.content.blocks import Heading, headings, own_text
from bot.content.cities import is_city
from bot.content.classify import GENDERS_TITLE, SALARY_KEYS
from bot.content.dates import Deadline, find_deadline, parse_date_words
from bot.content.employment import find_employment, stated_employment
from bot.content.front_matter import as_date, as_text, as_words, first_text
from bot.content.openings import FOR_EVERY_OPENING
from bot.content.slug import make_slug, org_short_name
from bot.content.text import Scan, find_all, fold, plain, remembered
from bot.domain import Fact, PostingDraft

_LOCATION_HEADINGS = re.compile(
    r"^(?:location|locations|where|place of work|work location|job location|based in)\W*$", re.I
)
_is_location_heading = remembered(lambda title: _LOCATION_HEADINGS.match(title) is not None)
_REMOTE_ROLE = re.compile(r"\bremote\b", re.I)
DEADLINE_KEYS = (
    "closedate", "close_date", "closing_date", "closingdate", "deadline",
    "application_deadline", "apply_by", "expires", "expiry", "expiration",
    # schema.org's JobPosting, as some themes name their keys
    "valid_through", "validthrough",
)  # fmt: skip
_APPLY_KEYS = (
    "apply", "apply_url", "application_url", "applylink", "apply_link", "link", "how_to_apply",
    "application_email", "apply_email", "contact_email",
)  # fmt: skip
ORG_KEYS = (
    "institution", "organization", "organisation", "company", "employer", "org",
    "hiring_organization", "hiring_organisation",
)  # fmt: skip
ROLE_KEYS = ("position", "job_title", "jobtitle", "role")
LOCATION_KEYS = ("location", "city", "place", "job_location")
_EMPLOYMENT_KEYS = (
    "employment_type", "employment", "job_type", "jobtype", "contract_type", "contract", "type",
)  # fmt: skip
_TAG_KEYS = ("tags", "tag", "categories", "category")
# A tag that is a kind of post, and only that ("full-time", "fixed-term", "internship"): a
# tag that merely holds such a word ("part-time-jobs-digest") says nothing of this post.
_KIND_TAG = re.compile(
    r"(?:full|part)[- _]?time|fixed[- _]term|temporary|internships?|traineeships?|freelance"
)
# "remote: true", "remote: hybrid": front matter that says it outright.
_REMOTE_KEYS = ("remote", "is_remote", "remote_ok", "remote_work", "telecommute")
# A tag that says how the work is done, and only that ("tags: [jobs, remote]"); a tag that
# merely holds the word ("remote-sensing") says nothing of this post.
_REMOTE_TAG = re.compile(
    r"(?:fully[- _]?)?remote(?:[- _](?:work|working|ok|friendly|first|only))?|hybrid"
    r"|work[- _]from[- _]home|wfh|telework(?:ing)?"
)


@dataclass(frozen=True)
class Page:
    """What the whole document says that every opening on it shares."""

    source: str
    title: str
    meta: Mapping[str, Any]
    posted: date | None
    organization: str | None
    parts: orgs.TitleParts  # the title's role and organisation


@dataclass(frozen=True)
class Shared:
    """What a page of several openings says for all of them: the text before the first one
    ("Both roles are based in Aarhaven"), and the ways to apply anywhere on the page, for an
    opening that gives none of its own ("Send applications for either role to …")."""

    text: str
    contacts: Callable[[], tuple[tuple[str, str], ...]]  # read when an opening has none


def build_posting(
    markdown: str,
    page: Page,
    role_hint: str | None,
    *,
    scan: Scan | None = None,
    found: list[Heading] | None = None,
    shared: Shared | None = None,
) -> PostingDraft:
    """``scan``/``found``: the caller's ``Scan``/``headings`` of ``markdown``, if it has them."""
    body = markdown
    if shared is not None and shared.text.strip():
        # after the opening's own text: what the opening says of itself is found first
        markdown = f"{markdown}\n\n{shared.text}"
        scan = None
    scan = Scan(markdown) if scan is None else scan
    found = headings(markdown) if found is None else found
    evidence: list[Fact] = []
    meta = page.meta

    role = _role(markdown, scan.folded, page, role_hint)
    organization = _organization(markdown, page)

    location, remote, remote_regions = _where(
        markdown, scan, found, meta, evidence, (role, page.title), organization
    )

    deadline = _deadline(scan, page, evidence)
    closed, until_filled = _status(scan, page, role, evidence)

    salary = _salary(markdown, scan, found, meta)
    if salary is not None:
        evidence.append(Fact("salary", salary.text, salary.sentence))

    employment = _stated_employment(meta) or find_employment(role, scan)
    if employment is not None:
        evidence.append(Fact("employment_type", employment[0], employment[1]))

    contacts = _contacts(markdown, scan, found, meta, shared, evidence)
    if page.posted is not None:
        evidence.append(Fact("posted", page.posted.isoformat(), _posted_sentence(meta, page)))

    short = org_short_name(organization, orgs.SHORT_NAMES)
    slug = make_slug(role, short, page.posted, page.title or page.source, organization)
    return PostingDraft(
        slug=slug,
        # the facts read the title whole ("(remote)" says where); the role's name is without
        title=_without_terms(role),
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
        body=body,
        evidence=tuple(evidence),
        salary_max=salary.pay.maximum if salary else None,
        salary_period=salary.pay.period if salary else None,
        employment_type=employment[0] if employment else None,
        remote_regions=remote_regions,
    )


# ---------------------------------------------------------------- title and organisation


def _role(markdown: str, folded: bytes, page: Page, role_hint: str | None) -> str:
    if role_hint:
        return role_hint
    stated = first_text(page.meta, ROLE_KEYS)
    if stated is not None:
        return stated[1]
    if page.parts.role:
        return _longer_role(_as_body_writes(page.parts.role, markdown), markdown, folded)
    # "We're hiring!" over "… and we need a Cataloguing Librarian": the body names the role
    sought = orgs.role_sought(markdown) if orgs.generic_title(page.title) else None
    return sought or _as_body_writes(page.title, markdown)


# "Digital Archivist (remote)", "Technician (m/f/d)": a bracket closing a title that says where
# the work is done or whom the post addresses; and "Conservation Manager – deadline extended",
# a notice about the dates after a dash. Neither is part of the role's name. A bracket of hours
# or contract ("Preparator (Part-Time)") stays: the role's kind is read from the role.
_BRACKET_AT_END = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_LONGEST_TITLE = 300
_DATES_NOTICE_AT_END = re.compile(
    rf"(?:{orgs.SEPARATORS.pattern})(?:(?:(?:application )?deadline|closing date)"
    r"\s+(?:extended|updated|changed)|re-?advertised)\s*$",
    re.I,
)


def _without_terms(title: str) -> str:
    if len(title) > _LONGEST_TITLE:  # no role is this long; the patterns stay short work
        return title
    title = _without_notice(title)
    notice = _DATES_NOTICE_AT_END.search(title)
    if notice is not None and notice.start() > 0:
        return title[: notice.start()]
    bracket = _BRACKET_AT_END.search(title)
    if bracket is None or bracket.start() == 0:
        return title
    said = bracket.group(1)
    if facts.remote_from_location(said) is not None or GENDERS_TITLE.search(bracket.group(0)):
        return title[: bracket.start()]
    return title


def _without_notice(title: str) -> str:
    """ "[FILLED] Project Archivist", "CLOSED: Project Archivist", "Project Archivist -
    Filled": the role without the notice that it is closed (the posting says so itself)."""
    low = title.lower()
    for start, end in facts.NOTICE.hits(low):
        if low[end - 1] in "])":  # "(position filled)": from its opening bracket
            start = low.rfind("[" if low[end - 1] == "]" else "(", 0, start)
            if start == -1:
                continue
        rest = f"{title[:start]} {title[end:]}".strip(" :|–—-")
        return rest or title
    return title


_BODY_READ = 4000  # characters of the body searched for the role's own capitals
_LONGEST_ROLE = 80


def _as_body_writes(role: str, markdown: str) -> str:
    """A title in lower case or capitals ("We're hiring a cataloguing librarian!", "ARCHIVES
    ASSISTANT") has lost the role's capitals; the body's first spelling in mixed case
    ("we need a Cataloguing Librarian") gives them back. A role in mixed case is kept, and
    so is one the body never spells otherwise."""
    if (role != role.lower() and role != role.upper()) or len(role) > _LONGEST_ROLE:
        return role
    for found in re.finditer(rf"(?<!\w){re.escape(role)}(?!\w)", markdown[:_BODY_READ], re.I):
        spelled = found.group(0)
        if spelled not in (spelled.lower(), spelled.upper()):
            return spelled
    return role


_ROLE_LEAD = re.compile(r"\b(?:role|position|post|job) (?:of|as) (?:the |an? )?$")
_ROLE_TAIL = re.compile(r" (?:of|at|for) (?:the )?[A-Z][\w&-]*(?: [A-Z][\w&-]*)*")


def _longer_role(role: str, markdown: str, folded: bytes) -> str:
    """ "Managing Director" -> "Managing Director of the IIIF Consortium" when the body says so."""
    needle = fold(role)
    for pos in find_all(folded[:4000], needle):
        lead = markdown[max(0, pos - 25) : pos].lower()
        if _ROLE_LEAD.search(lead) is None:
            continue
        tail = _ROLE_TAIL.match(markdown, pos + len(role))
        if tail is not None:
            return role + tail.group(0)
    return role


def _organization(markdown: str, page: Page) -> str | None:
    """Front matter, then the title, then the page, then the posting's own prose."""
    stated = first_text(page.meta, ORG_KEYS)
    if stated is not None:
        return orgs.for_kind(_known_or(stated[1]), "job")
    name = page.parts.organization or page.organization
    if name is None:
        name = orgs.known_in(page.title) or orgs.org_from_label(markdown)
        name = name or orgs.org_on_behalf(markdown)
    if name is None:
        name = orgs.org_from_seeks(markdown) or orgs.org_introduced(markdown)
    if name is None:
        name = orgs.org_in_title(page.title)
    if name is None:
        address = orgs.address_at_foot(markdown)
        name = orgs.org_hosting(markdown) or (address.employer if address else None)
        name = name or orgs.signed_by(markdown) or orgs.most_named(markdown)
        name = name or orgs.org_of_mail_domain(markdown)
    if name is not None and orgs.known_in(name) is None:
        name = orgs.body_spelling(name, markdown)
    return orgs.for_kind(name, "job")


def _known_or(value: str) -> str:
    known = orgs.known_in(value)
    return known if known is not None and len(value) <= len(known) + 4 else value


# ---------------------------------------------------------------- where and remote


# "Location: Albany, NY" and its bold and other-label forms ("Place: Lyon"), on a line of
# its own.
_LOCATION_LINE = re.compile(
    r"^[ \t>*_-]*(?:job |work |duty )?(?:location|place of work|place|duty station|based in"
    r"|city|where|workplace)"
    r"[*_ \t]*:[*_ \t]*(?P<place>[^\n]{2,120}?)[ \t]*$",
    re.I | re.M,
)


def _where(
    markdown: str,
    scan: Scan,
    found: list[Heading],
    meta: Mapping[str, Any],
    evidence: list[Fact],
    titles: tuple[str, str],
    organization: str | None,
) -> tuple[str | None, bool | None, tuple[str, ...]]:
    """(location, remote, the regions remote work is open to). ``titles``: the opening's
    role and the page's title (either may put the city in brackets)."""
    role = titles[0]
    location = _stated_location(markdown, found, meta, evidence)
    remote = _stated_remote(meta, evidence)
    if remote is None:
        remote = _remote(location, role, scan, evidence)
    region = facts.find_region(scan) if not location or remote else None
    if not location:
        stated = _place_elsewhere(markdown, scan, titles, organization)
        if stated is not None:
            location = stated[0]
            evidence.append(Fact("location", location, stated[1]))
    if not location:
        if region is not None:
            place, preferred, sentence = region
            if place.lower().startswith(("anywhere", "somewhere")) or not remote:
                location = place
            else:
                location = f"Remote ({'preferably ' if preferred else ''}{place})"
            evidence.append(Fact("location", location, sentence))
        elif remote:
            location = "Remote"
    if not remote:
        return location, remote, ()
    return location, remote, _remote_regions(location, region, markdown, evidence)


def _place_elsewhere(
    markdown: str, scan: Scan, titles: tuple[str, str], organization: str | None
) -> tuple[str, str] | None:
    """(place, where it is said) of a page with no location label: the title's bracket, the
    prose, the opening line, the employer's city after its name, the address at the foot,
    the city an employer is named after ("Norwich Record Office"), and last the one city the
    sentence that seeks the role names after it."""
    stated = next(
        ((place, title) for title in titles if (place := facts.place_in_title(title))), None
    )
    # "Archivist – Museo delle Arti Tessili, Como": the employer's city after its name
    where = orgs.split_title(titles[-1]).where
    if stated is None and where and is_city(where.split(",", 1)[0]):
        stated = where, titles[-1]
    stated = stated or facts.find_place(scan) or _opening_place(markdown)
    if stated is None and organization:
        stated = facts.place_after_name(markdown, organization)
    stated = stated or _address_place(markdown)
    if stated is None and organization:
        stated = facts.city_of_name(organization)
    return stated or facts.city_where_sought(scan)


def _address_place(markdown: str) -> tuple[str, str] | None:
    """(town, address) of a page whose only place is the postal address at its foot."""
    address = orgs.address_at_foot(markdown)
    if address is None or address.town is None:
        return None
    return address.town, address.text


def _opening_place(markdown: str) -> tuple[str, str] | None:
    """(place, line) of a page that opens with "Seabright University Library, Halifax"."""
    opening = orgs.opening_line(markdown)
    if opening is None or opening[1] is None:
        return None
    return opening[1], f"{opening[0]}, {opening[1]}"


def _stated_location(
    markdown: str, found: list[Heading], meta: Mapping[str, Any], evidence: list[Fact]
) -> str | None:
    """The front matter's location, else a "Location" section, else a "Location:" line."""
    stated = first_text(meta, LOCATION_KEYS)
    if stated is not None and stated[1]:
        key, location = stated
        evidence.append(Fact("location", location, f"{key}: {location}"))
        return location
    for index, heading in enumerate(found):
        if _is_location_heading(heading.text):
            paragraph = facts.first_paragraph(own_text(markdown, found, index))
            place = _place_said(paragraph) if paragraph else None
            if place:
                evidence.append(Fact("location", place, paragraph or place))
                return place
    labelled = _LOCATION_LINE.search(markdown)
    if labelled is not None:
        place = _place_said(plain(labelled.group("place")).strip(" .*_"))
        if place:
            evidence.append(Fact("location", place, plain(labelled.group(0)).strip()))
            return place
    return None


# Words of a sentence, not of a place: "This is a remote position: you can work from …". Only
# the first clause is asked: "Halden, Germany. Mobile working is possible." gives a place.
_SENTENCE_WORDS = re.compile(r"\b(?:is|are|can|could|will|may|must|should|you|we|be)\b")
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)")
_SENTENCE_LEAST_WORDS = 3


def _place_said(stated: str) -> str | None:
    """The place a location section or label gives. Most give one ("Leeds, UK"); one that
    opens with a sentence is read for its place: "You can work from home anywhere in Canada."
    is "Remote (Canada)", "This is a remote position: work from anywhere." is "Remote", "You
    will be based in our Toledo office." is "Toledo", and so is "…our Toledo office, with
    hybrid working" (remote part of the time: the place is where the rest is done). A
    sentence naming no place gives none, so the page's other statements are read."""
    end = _CLAUSE_END.search(stated)
    first = stated[: end.start()] if end is not None else stated
    if len(first.split()) < _SENTENCE_LEAST_WORDS or not _SENTENCE_WORDS.search(first):
        # a place, then a sentence of its own ("Portland, OR. Remote work is possible for
        # …"): the place; the sentence is read with the prose (remote, its regions). Not
        # "Remote. Must work US hours.": there the sentence says where remote work is done
        rest = stated[end.end() :] if end is not None else ""
        said_after = len(rest.split()) >= _SENTENCE_LEAST_WORDS and _SENTENCE_WORDS.search(rest)
        if said_after and first.strip() and not facts.remote_from_location(first):
            return first.strip()
        return stated
    scan = Scan(stated)
    place = facts.find_place(scan)
    remote = facts.remote_from_location(stated) or bool(facts.find_remote(scan))
    if remote and (place is None or not regions.partly_remote(stated)):
        region = facts.find_region(scan)
        named = regions.regions_in(region[0]) if region is not None else []
        return f"Remote ({' or '.join(named)})" if named else "Remote"
    return place[0] if place is not None else None


def _stated_remote(meta: Mapping[str, Any], evidence: list[Fact]) -> bool | None:
    """``remote: true`` (YAML's yes/no too), or a word such as ``remote: hybrid``."""
    for key in _REMOTE_KEYS:
        value = meta.get(key)
        said = value if isinstance(value, bool) else None
        if isinstance(value, str):
            said = facts.remote_from_location(value)
        if said is not None:
            shown = str(value).lower() if isinstance(value, bool) else value
            evidence.append(Fact("remote", str(said).lower(), f"{key}: {shown}"))
            return said
    for key in _TAG_KEYS:
        for tag in as_words(meta.get(key)):
            if _REMOTE_TAG.fullmatch(tag.lower()):
                evidence.append(Fact("remote", "true", f"{key}: {tag}"))
                return True
    return None


def _remote(location: str | None, role: str, scan: Scan, evidence: list[Fact]) -> bool | None:
    """What the location says, else a remote title, else the prose."""
    if location:
        remote = facts.remote_from_location(location)
        if remote is not None:
            evidence.append(Fact("remote", str(remote).lower(), location))
            return remote
    if _REMOTE_ROLE.search(role):
        evidence.append(Fact("remote", "true", role))
        return True
    said = facts.find_remote(scan)
    if said is not None:
        evidence.append(Fact("remote", str(said[0]).lower(), said[1]))
        return said[0]
    return None


def _remote_regions(
    location: str | None,
    region: tuple[str, bool, str] | None,
    markdown: str,
    evidence: list[Fact],
) -> tuple[str, ...]:
    """Regions from the location line, from the sentence that said the job is remote
    ("Remote (Europe or North America)."), from a region sentence and the time zones named."""
    said_remote = next((f.sentence for f in evidence if f.field == "remote"), "")
    # A place said of remote work only: "a developer based in Berlin" is a colleague's city.
    if region is not None and (
        facts.is_remote_sentence(region[2]) or facts.is_listing_sentence(region[2])
    ):
        place, sentence = region[0], region[2]
    else:
        place, sentence = None, location or said_remote
    accepted = regions.remote_regions(location, said_remote, place, markdown)
    if accepted:
        evidence.append(Fact("remote_regions", ", ".join(accepted), sentence))
    return accepted


# ---------------------------------------------------------------- deadline


def _deadline(scan: Scan, page: Page, evidence: list[Fact]) -> Deadline | None:
    for key in DEADLINE_KEYS:
        if key not in page.meta or page.meta[key] is None:
            continue
        raw = page.meta[key]
        value = as_date(raw)
        inferred = False
        if value is None and isinstance(raw, str):
            value, inferred = parse_date_words(raw, page.posted)
        if value is not None:
            sentence = f"{key}: {as_text(raw)}"
            evidence.append(Fact("deadline", value.isoformat(), sentence))
            return Deadline(value, inferred, sentence, True)
    deadline = find_deadline(scan, page.posted)
    if deadline is not None:
        evidence.append(Fact("deadline", deadline.value.isoformat(), deadline.sentence))
    return deadline


# ---------------------------------------------------------------- open or closed


def _status(
    scan: Scan, page: Page, role: str, evidence: list[Fact]
) -> tuple[facts.Found | None, facts.Found | None]:
    """(closed, open until filled): the text's, and a notice on the page's or role's title."""
    titles = (page.title,) if role in page.title else (page.title, role)
    closed, until_filled = facts.find_status(scan, titles)
    closed = _stated_closed(page.meta) or closed
    until_filled = until_filled or _stated_until_filled(page.meta)
    if closed is not None:
        evidence.append(Fact("closed", "true", closed.sentence))
    if until_filled is not None:
        evidence.append(Fact("open_until_filled", "true", until_filled.sentence))
    return closed, until_filled


# "deadline: rolling", "closing_date: Open until filled": a deadline key that gives no date but
# says the post stays open until it is filled.
_ROLLING = re.compile(r"(?:rolling|ongoing|rolling basis|on a rolling basis)\W*", re.I)


def _stated_until_filled(meta: Mapping[str, Any]) -> facts.Found | None:
    for key in DEADLINE_KEYS:
        value = as_text(meta.get(key))
        if value and len(value) <= 60:
            said = _ROLLING.fullmatch(value) or facts.UNTIL_FILLED.first_hit(value.lower())
            if said:
                return facts.Found("true", f"{key}: {value}")
    return None


# "status: filled", "job_status: Closed", "filled: true": front matter that says the post is
# no longer open (not "status: open", nor "status: published", a page's own state).
_STATUS_KEYS = ("status", "job_status", "position_status", "vacancy_status")
_CLOSED_FLAGS = ("closed", "filled", "expired")
_CLOSED_STATUS = re.compile(
    r"(?:position |post |job |vacancy )?(?:filled|closed|expired|no longer (?:open|available))",
    re.I,
)


def _stated_closed(meta: Mapping[str, Any]) -> facts.Found | None:
    for key in _STATUS_KEYS:
        value = as_text(meta.get(key))
        if value is not None and len(value) <= 60 and _CLOSED_STATUS.fullmatch(value.strip()):
            return facts.Found("true", f"{key}: {value}")
    for key in _CLOSED_FLAGS:
        if meta.get(key) is True:
            return facts.Found("true", f"{key}: true")
    return None


# ---------------------------------------------------------------- salary and employment


def _stated_employment(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """(kind, "key: value") from the front matter ("job_type: Contract"), else a tag or
    category that is a kind of post ("tags: [jobs, full-time, archives]")."""
    for key in _EMPLOYMENT_KEYS:
        value = as_text(meta.get(key))
        # "employment_type: FULL_TIME", as schema.org writes it
        kind = stated_employment(value.replace("_", "-")) if value and len(value) <= 60 else None
        if kind is not None:
            return kind, f"{key}: {value}"
    for key in _TAG_KEYS:
        for tag in as_words(meta.get(key)):
            kind = stated_employment(tag.replace("_", "-")) if _KIND_TAG.fullmatch(tag) else None
            if kind is not None:
                return kind, f"{key}: {tag}"
    return None


def _salary(
    markdown: str, scan: Scan, found: list[Heading], meta: Mapping[str, Any]
) -> money.Salary | None:
    """The front matter's salary, else a "Salary" section's, else the prose's."""
    dollar = functools.cache(lambda: money.dollar_of(scan))
    stated = _stated_pay(meta)
    fallback: money.Salary | None = None
    if stated is not None:
        salary = money.from_section(stated[1], dollar)
        # "salary: 4200" names no currency: the text's "€4,200 gross per month" says more
        if salary is not None and salary.currency is not None:
            return salary
        fallback = salary
    for index, heading in enumerate(found):
        if money.is_salary_heading(heading.text):
            salary = money.from_section(own_text(markdown, found, index), dollar)
            if salary is not None:
                return salary
    return money.find_salary(scan, dollar) or fallback


# "salary_min: 42000", "salary_max: 48000", "salary_currency: EUR": pay in parts, as
# schema.org's JobPosting and some themes give it; "salary: 42000" beside "currency: EUR".
_PAY_RANGE_KEYS = (("salary_min", "salary_max"), ("min_salary", "max_salary"))
_CURRENCY_KEYS = ("salary_currency", "currency")


def _stated_pay(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """(key, text) of the pay the front matter states, in one line ("EUR 42000 – 48000")."""
    stated = first_text(meta, SALARY_KEYS)
    for low_key, high_key in _PAY_RANGE_KEYS if stated is None else ():
        low, high = as_text(meta.get(low_key)), as_text(meta.get(high_key))
        if low:
            stated = low_key, f"{low} – {high}" if high else low
            break
    currency = first_text(meta, _CURRENCY_KEYS)
    if stated is None or currency is None or not stated[1][:1].isdigit():
        return stated
    return stated[0], f"{currency[1]} {stated[1]}"


# ---------------------------------------------------------------- contacts


def _contacts(
    markdown: str,
    scan: Scan,
    found: list[Heading],
    meta: Mapping[str, Any],
    shared: Shared | None,
    evidence: list[Fact],
) -> list[str]:
    """The opening's ways to apply, else those its page gives all its openings."""
    pairs = _contact_pairs(markdown, scan, found, meta)
    if not pairs and shared is not None:
        pairs = list(shared.contacts())
    elif shared is not None:
        # "Informal enquiries about either post to …", said under the last opening only
        own = {value.lower() for value, _ in pairs}
        pairs += [
            (value, sentence)
            for value, sentence in shared.contacts()
            if value.lower() not in own and FOR_EVERY_OPENING.search(sentence) is not None
        ]
    evidence += [Fact("contact", value, sentence) for value, sentence in pairs]
    return [value for value, _ in pairs]


def page_contacts(
    markdown: str, scan: Scan, found: list[Heading], meta: Mapping[str, Any]
) -> tuple[tuple[str, str], ...]:
    """Every way to apply a page gives, with its sentence (see ``Shared``)."""
    return tuple(_contact_pairs(markdown, scan, found, meta))


def _contact_pairs(
    markdown: str, scan: Scan, found: list[Heading], meta: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """(address or link, its sentence): e-mail addresses, then apply links, each once."""
    apply_spans: list[tuple[int, int]] = []
    for index, heading in enumerate(found):
        if facts.is_apply_heading(heading.text):
            end = found[index + 1].start if index + 1 < len(found) else len(markdown)
            apply_spans.append((heading.body_start, end))

    emails: list[tuple[str, str]] = []
    seen: set[str] = set()
    for address, pos in facts.emails(markdown):
        if address.lower() not in seen:
            seen.add(address.lower())
            emails.append((address, facts.contact_sentence(markdown, pos)))
    links: list[tuple[str, str]] = []
    for key in _APPLY_KEYS:
        if key in meta:
            value = as_text(meta[key])
            if value and value.startswith(("http://", "https://")):
                links.append((value, f"{key}: {value}"))
            elif value:
                # "apply_url: mailto:jobs@example.org", "apply: jobs@example.org"
                emails += [(address, f"{key}: {value}") for address, _ in facts.emails(value)]
    for url, pos in facts.urls(scan):
        if url.lower().rstrip("/") in seen:
            continue
        in_apply = any(lo <= pos < hi for lo, hi in apply_spans)
        sentence = facts.contact_sentence(markdown, pos)
        if facts.is_apply_sentence(sentence) or (
            in_apply and not facts.is_about_employer(sentence)
        ):
            links.append((url, sentence))
            seen.add(url.lower().rstrip("/"))
    pairs: list[tuple[str, str]] = []
    unique: set[str] = set()
    for value, sentence in emails + links:
        key = value.lower().rstrip("/")
        if key not in unique:
            unique.add(key)
            pairs.append((value, sentence))
    return pairs


def _posted_sentence(meta: Mapping[str, Any], page: Page) -> str:
    stated = first_text(meta, ("date", "postdate", "posted", "published_date"))
    if stated is not None:
        return f"{stated[0]}: {stated[1]}"
    return f"file name: {page.source.rsplit('/', 1)[-1]}"

"""Herald's domain: the values every layer passes around, and the one error hierarchy.

Nothing here knows about files, SQL or chat platforms. The content loader produces
``ParsedDocument`` values, the store persists them and hands back ``Posting`` and
``Passage`` values, handlers turn those into replies.

Errors, all under ``HeraldError``::

    HeraldError
    ├── ContentError        a document cannot be read or understood (reported, never fatal)
    ├── UsageError          a command was called the wrong way (the user sees its usage)
    ├── NotFound            the thing asked for does not exist (the user sees suggestions)
    ├── PermissionDenied    the user may not do this (nothing changes)
    ├── Refusal             an action that cannot be done as asked (the user sees why)
    ├── StoreUnavailable    the database cannot be reached just now (try again)
    └── SchemaUnknown       the database was written by another Herald version (at start)

``Router.dispatch`` is the only place that turns them into replies; ``SchemaUnknown`` meets
Herald before any command, and the command line says it in one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal

Kind = Literal["job", "faq", "news", "other"]
KINDS: tuple[Kind, ...] = ("job", "faq", "news", "other")

DEFAULT_SOURCE = "content"
"""The source ``content_dir`` is when no sources are configured; documents stored before
sources had names belong to it."""

PostingStatus = Literal["active", "withdrawn", "removed"]
"""``withdrawn``: its file disappeared from the content folder; ``removed``: an admin removed it.
Both are kept so a posting id never points at nothing."""


class HeraldError(Exception):
    """Base of every error Herald raises on purpose."""


class ContentError(HeraldError):
    """A document cannot be read or understood; carries the path so reports can name it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(HeraldError):
    """The command was called the wrong way; the message says how to call it right."""


class NotFound(HeraldError):
    """Nothing matches; ``suggestions`` lets the user try again without guessing."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.suggestions = tuple(suggestions)


class PermissionDenied(HeraldError):
    """The user may not do this; nothing was changed."""


class StoreUnavailable(HeraldError):
    """The database cannot be reached or stays busy (a restart, a network cut, a lock held too
    long): the transaction that met it is rolled back, and the same command can simply be
    tried again."""


class SchemaUnknown(HeraldError):
    """The database was written by a Herald with migrations this one does not have (a newer
    release, or a branch): nothing is changed; run that Herald, or use another database."""


class Refusal(HeraldError):
    """An action that cannot be done as asked; the message says why and what to do, and is
    shown as it is (not a usage mistake, so the command's usage is not repeated)."""


@dataclass(frozen=True)
class Fact:
    """An extracted value with the sentence it came from, so answers can quote evidence."""

    field: str
    value: str
    sentence: str


@dataclass(frozen=True)
class PostingDraft:
    """One opening as understood from a document, before the store gives it an id.

    ``slug`` is the id the content layer proposes (``iiif-managing-director-2023``); the store
    keeps an existing id for the same (source, position) and de-duplicates clashes.
    """

    slug: str
    title: str
    organization: str | None = None
    location: str | None = None
    remote: bool | None = None
    deadline: date | None = None
    deadline_inferred: bool = False
    open_until_filled: bool = False
    closed: bool = False
    salary: str | None = None
    salary_min: Decimal | None = None
    salary_currency: str | None = None
    contacts: tuple[str, ...] = ()
    posted: date | None = None
    body: str = ""
    evidence: tuple[Fact, ...] = ()
    salary_max: Decimal | None = None
    salary_period: str | None = None  # "hour", "day", "week", "month" or "year"
    employment_type: str | None = None  # "full-time", "part-time", "temporary", "internship"
    remote_regions: tuple[str, ...] = ()  # where a remote worker may be: "Europe", "UTC-8 to UTC+1"


@dataclass(frozen=True)
class FaqSection:
    """A question (a heading) and its answer passages (bullets and paragraphs, in order)."""

    question: str
    passages: tuple[str, ...]
    anchor: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """Everything the loader understood from one file. Warnings are reported, never raised."""

    source: str
    content_hash: str
    kind: Kind
    title: str
    organization: str | None = None
    posted: date | None = None
    url: str | None = None
    body: str = ""
    postings: tuple[PostingDraft, ...] = ()
    faq: tuple[FaqSection, ...] = ()
    warnings: tuple[str, ...] = ()
    # Set by the sync from the source's settings (bot.links), not by the parser.
    page_url: str | None = None
    file_url: str | None = None
    # What Jekyll builds a page's address from (front matter permalink, categories, slug).
    permalink: str | None = None
    categories: tuple[str, ...] = ()
    slug: str | None = None


@dataclass(frozen=True)
class Freshness:
    """How long a posting that names no deadline counts as open after it was posted.

    Jobs boards keep pages up for years; a 2018 posting with no deadline is filled by 2026.
    Past these windows it is "probably filled": kept, shown among past postings, never as open.
    A year by default, as the community reads its boards (a page without a deadline is taken
    down or marked closed within the year); a site may shorten it (settings).
    """

    days: int = 365
    until_filled_days: int = 365

    def open_since(self, today: date, *, until_filled: bool) -> date:
        """The earliest posted date at which such a posting is still open on ``today``."""
        return today - timedelta(days=self.until_filled_days if until_filled else self.days)


DEFAULT_FRESHNESS = Freshness()

# A salary's period as a part of a year (full-time hours, working days): "jobs paying over
# 30k" compares a year's pay, whether a posting gives it by the hour, the month or the year.
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

# Pay in several currencies is ordered in US dollars ("best paid jobs"), at these rough rates
# (one unit in dollars, rounded, late 2026): "NOK 560,000" (about $53,000) pays less than
# "$90,000". Rough is enough to order salaries that differ by more than a few per cent; an
# amount of a currency not here counts as dollars. (The store's pay filters, "over 60k",
# compare amounts as stated: converting in SQL cost more than the rest of the list.)
USD_PER_UNIT = {
    code: Decimal(rate)
    for code, rate in {
        "USD": "1", "EUR": "1.1", "GBP": "1.3", "CHF": "1.15", "CAD": "0.72", "AUD": "0.65",
        "NZD": "0.58", "SEK": "0.1", "NOK": "0.095", "DKK": "0.15", "ISK": "0.0075",
        "PLN": "0.26", "CZK": "0.045", "HUF": "0.0028", "BGN": "0.56", "JPY": "0.0066",
        "CNY": "0.14", "HKD": "0.13", "TWD": "0.031", "KRW": "0.00072", "SGD": "0.77",
        "MYR": "0.23", "THB": "0.029", "IDR": "0.00006", "VND": "0.000039", "PHP": "0.017",
        "INR": "0.0115", "PKR": "0.0036", "BDT": "0.0082", "LKR": "0.0033", "NPR": "0.0072",
        "ZAR": "0.056", "KES": "0.0077", "NGN": "0.00065", "GHS": "0.08", "EGP": "0.02",
        "ETB": "0.007", "TZS": "0.0004", "UGX": "0.00028", "RWF": "0.0007", "BRL": "0.18",
        "MXN": "0.054", "ARS": "0.0008", "CLP": "0.001", "COP": "0.00025", "UYU": "0.024",
    }.items()
}  # fmt: skip


def in_usd(value: Decimal, currency: str | None) -> Decimal:
    """``value`` of ``currency`` in US dollars, at ``USD_PER_UNIT``'s rough rate."""
    return value * USD_PER_UNIT.get(currency or "USD", Decimal(1))


PostingState = Literal[
    "open", "closed", "deadline passed", "probably filled", "not yet posted", "withdrawn"
]


@dataclass(frozen=True)
class Posting:
    """A stored opening. ``id`` is stable across re-loads and short enough to type."""

    id: str
    source: str
    position: int
    title: str
    organization: str | None
    location: str | None
    remote: bool | None
    deadline: date | None
    deadline_inferred: bool
    open_until_filled: bool
    closed: bool
    salary: str | None
    salary_min: Decimal | None
    salary_currency: str | None
    contacts: tuple[str, ...]
    posted: date | None
    body: str
    url: str | None
    status: PostingStatus
    evidence: tuple[Fact, ...] = ()
    first_seen: datetime | None = None
    updated: datetime | None = None
    salary_max: Decimal | None = None
    salary_period: str | None = None
    employment_type: str | None = None
    remote_regions: tuple[str, ...] = ()
    # Where a person reads it: its page on the published site (from the source's site URL and
    # Jekyll's permalink rules) and its file in the source's repository; None when unknown.
    page_url: str | None = None
    file_url: str | None = None

    def is_open(self, today: date, freshness: Freshness = DEFAULT_FRESHNESS) -> bool:
        """Open means listed by default: see ``state``."""
        return self.state(today, freshness) == "open"

    def state(self, today: date, freshness: Freshness = DEFAULT_FRESHNESS) -> PostingState:
        """Where the posting stands on ``today``: active, not closed, posted by then, and its
        deadline not passed — or, without one, posted within the ``freshness`` window."""
        if self.status != "active":
            return "withdrawn"
        if self.posted is not None and self.posted > today:
            return "not yet posted"
        if self.closed:
            return "closed"
        if self.deadline is not None:
            return "open" if self.deadline >= today else "deadline passed"
        since = freshness.open_since(today, until_filled=self.open_until_filled)
        if self.posted is not None and self.posted < since:
            return "probably filled"
        return "open"

    def evidence_for(self, field_name: str) -> str | None:
        for fact in self.evidence:
            if fact.field == field_name:
                return fact.sentence
        return None


@dataclass(frozen=True)
class Passage:
    """One answer passage of an FAQ page, the unit of FAQ retrieval."""

    id: int
    source: str
    page_title: str
    organization: str | None
    question: str
    text: str
    url: str | None
    position: int
    posted: date | None = None  # its page's date: "who did datacite hire in 2018?"


@dataclass(frozen=True)
class PassageHit:
    passage: Passage
    score: float


@dataclass(frozen=True)
class PostingQuery:
    """What ``/jobs …`` asks for, parsed; the store turns it into one SQL query.

    ``terms`` are free-text keywords ranked by the full-text index; every other field is a
    filter. ``today`` decides what has expired, so a caller can evaluate "as of" any date.

    ``count_limit`` caps the counting: ``PostingPage.total`` and ``hidden`` are then exact up
    to ``max(count_limit, offset + limit)`` and that number plus one when more match ("more
    than 100"), so a common word does not cost a count of every match; past it, ``hidden``
    is 1 when any match is hidden. None counts all.

    ``salary_at_least`` / ``salary_at_most`` keep the postings whose stated pay reaches /
    stays within the amount, a year's pay (a stated range's top / bottom, by the hour or
    the month counted over a year with ``PERIODS_PER_YEAR``; a single amount is both; no
    stated pay, no match). ``in_titles``: the words are looked for in titles and
    organisations only, as when a posting is named ("the digital archivist job"); words the
    store cannot search for (PostgreSQL's stop words) then name no posting.
    ``said_otherwise``: (term, phrase) pairs, a phrase matching in its term's place ("a
    developer" is written "Software Engineer" too): one query still, with an OR in it.
    """

    today: date
    terms: tuple[str, ...] = ()
    organization: str | None = None
    remote: bool | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    open_until_filled: bool | None = None
    include_inactive: bool = False
    freshness: Freshness = DEFAULT_FRESHNESS
    limit: int = 20
    offset: int = 0
    count_limit: int | None = None
    salary_at_least: Decimal | None = None
    salary_at_most: Decimal | None = None
    in_titles: bool = False
    said_otherwise: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PostingHead:
    """The columns a list question filters on before reading whole postings: a place asked
    for is decided by the location alone for every posting that is not remote."""

    id: str
    location: str | None
    remote: bool | None


@dataclass(frozen=True)
class PostingPage:
    """One page of matches; ``hidden`` counts matches left out because closed or expired,
    up to the query's ``count_limit``; when ``total`` passes it ("more than 100 open
    postings"), ``hidden`` only tells whether there is any (0 or 1: a list then says
    "closed ones match too", not how many)."""

    items: tuple[Posting, ...]
    total: int
    hidden: int = 0


@dataclass(frozen=True)
class LoadFailure:
    path: str
    reason: str


@dataclass
class LoadReport:
    """The summary ``herald load`` prints; every file lands in exactly one bucket."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    failed: list[LoadFailure] = field(default_factory=list)
    warnings: list[LoadFailure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "withdrawn": len(self.withdrawn),
            "failed": len(self.failed),
        }


@dataclass(frozen=True)
class Conversation:
    """Where someone talks with Herald: a platform's channel, the thread in it ("" outside
    any), and the person. What they were shown last is kept per conversation, so "the
    second one" in a thread picks from the list shown in that thread."""

    platform: str
    channel: str
    thread: str
    user: str


@dataclass(frozen=True)
class ShownList:
    """A list as shown to someone: its postings' ids in order, and the command of its next
    page (None on the last page), so "more" and "the second one" can follow it."""

    ids: tuple[str, ...]
    more: str | None = None


@dataclass(frozen=True)
class LoggedQuestion:
    """A question as the log keeps it (never who asked), with its 👍/👎 counts."""

    id: int
    text: str
    intent: str
    answered: bool
    asked: int
    helpful: int
    unhelpful: int
    last_asked: datetime

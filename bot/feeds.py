"""Open postings as an Atom feed (feedgen) and their deadlines as an iCalendar file (icalendar).

Both are built from the same search ``/jobs`` runs: ``?q=`` takes any ``/jobs`` filter text and
``bot.search.parse_jobs_query`` reads it, so a feed of ``remote closing this month`` lists what
``/jobs remote closing this month`` would. The libraries escape every value; text is also
cleared of the characters XML 1.0 cannot carry at all (a stray form feed in a posting would
otherwise make lxml refuse the whole feed).

Example::

    found = open_postings(app, "remote")
    atom = jobs_atom(found, self_url="https://jobs.example.org/feeds/jobs.atom?q=remote",
                     now=app.clock())
    ics = deadlines_ics(found, now=app.clock())
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from bot.app import App
from bot.commands import Request
from bot.domain import Posting
from bot.search import parse_jobs_query

# A feed is read by people and by website widgets: the newest fifty are plenty, and every
# match up to SCAN_LIMIT is read to find them (the store orders by deadline, not by age).
FEED_ENTRIES = 50
SCAN_LIMIT = 2000
CALENDAR_EVENTS = 500
MAX_QUERY = 500

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"
_NAMESPACE = uuid.UUID("0b7c3f0e-6a51-4d1b-9a4b-2f5f0c1e8d11")  # Herald's, for stable ids


@dataclass(frozen=True)
class Found:
    """The postings a feed lists and the query that found them (canonical form, for titles)."""

    postings: tuple[Posting, ...]
    query: str
    today: date


def clean(text: str | None) -> str:
    """Text as XML 1.0 and iCalendar can carry it."""
    return _NOT_XML.sub("", text or "")


def one_line(text: str | None) -> str:
    """A title as one line: a calendar's name or summary may not hold a raw line break."""
    return " ".join(clean(text).split())


def link(url: str) -> str:
    """A posting's URL with the characters no URI may hold percent-encoded (``<``, spaces)."""
    return quote(clean(url), safe=_URI_CHARACTERS)


def _posted(posting: Posting) -> date:
    if posting.posted is not None:
        return posting.posted
    if posting.first_seen is not None:
        return posting.first_seen.date()
    return date.min


def open_postings(app: App, q: str = "") -> Found:
    """What ``/jobs <q>`` finds, newest first (posted date, then first seen); read-only."""
    text = q[:MAX_QUERY]
    ctx = app.context(Request.from_line(f"/jobs {text}", user="feed", channel="feed"))
    search = parse_jobs_query(text, ctx.today, app.store.organizations())
    page = app.store.find_postings(replace(search.query, limit=SCAN_LIMIT, offset=0, count_limit=0))
    epoch = datetime.min.replace(tzinfo=UTC)
    newest = sorted(
        page.items, key=lambda p: (_posted(p), p.first_seen or epoch, p.id), reverse=True
    )
    return Found(tuple(newest), search.canonical, ctx.today)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _changed(posting: Posting, now: datetime) -> datetime:
    """When the posting last changed in the store; ``now`` for one never stored (tests)."""
    if posting.updated is not None:
        return posting.updated
    if posting.first_seen is not None:
        return posting.first_seen
    return _at(posting.posted) if posting.posted is not None else now


def _summary(posting: Posting) -> str:
    lines = []
    if posting.organization:
        lines.append(f"Organisation: {posting.organization}")
    where = posting.location or ""
    if posting.remote:
        where = f"{where} (remote)" if where else "Remote"
    if where:
        lines.append(f"Location: {where}")
    if posting.deadline is not None:
        inferred = " (year inferred)" if posting.deadline_inferred else ""
        lines.append(f"Deadline: {posting.deadline.isoformat()}{inferred}")
    elif posting.open_until_filled:
        lines.append("Deadline: open until filled")
    if posting.page_url or posting.url:
        lines.append(f"Link: {link(posting.page_url or posting.url or '')}")
    return clean("\n".join(lines))


def _title(found: Found, what: str) -> str:
    return one_line(f"{what}: {found.query}" if found.query else what)


def jobs_atom(found: Found, *, self_url: str, now: datetime) -> bytes:
    """An Atom 1.0 document of the newest ``FEED_ENTRIES`` postings."""
    postings = found.postings[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(_NAMESPACE.urn if not found.query else uuid.uuid5(_NAMESPACE, found.query).urn)
    feed.title(_title(found, "Herald: open job postings"))
    feed.author({"name": "Herald"})
    feed.link(href=self_url, rel="self")
    feed.language("en")
    # the feed changed when its newest entry did (or, with no entry, now)
    feed.updated(max((_changed(p, now) for p in postings), default=now))
    for posting in postings:
        entry = feed.add_entry(order="append")
        entry.id(uuid.uuid5(_NAMESPACE, f"posting:{posting.id}").urn)
        entry.title(one_line(posting.title) or posting.id)
        if posting.page_url or posting.url:  # its page on the site first
            entry.link(href=link(posting.page_url or posting.url or ""), rel="alternate")
        entry.published(_at(posting.posted) if posting.posted else _changed(posting, now))
        entry.updated(_changed(posting, now))
        if posting.organization:
            entry.author({"name": one_line(posting.organization)})
        entry.summary(_summary(posting))
        if not (posting.page_url or posting.url):
            # Atom wants an alternate link or a content element in every entry
            entry.content(_summary(posting), type="text")
    xml: bytes = feed.atom_str(pretty=True)
    return xml


def deadlines_ics(found: Found, *, now: datetime) -> bytes:
    """An iCalendar of each listed posting's deadline, as an all-day event with its link."""
    calendar = Calendar()
    calendar.add("prodid", "-//Herald//Job deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _title(found, "Herald: job deadlines"))
    dated = sorted(
        (p for p in found.postings if p.deadline is not None),
        key=lambda p: (p.deadline, p.id),
    )
    for posting in dated[:CALENDAR_EVENTS]:
        assert posting.deadline is not None
        event = Event()
        event.add("uid", f"deadline-{posting.id}@herald")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", posting.deadline)
        event.add("dtend", posting.deadline + timedelta(days=1))
        event.add("summary", one_line(f"Deadline: {posting.title}"))
        event.add("description", _summary(posting))
        if posting.page_url or posting.url:
            event.add("url", link(posting.page_url or posting.url or ""))
        if posting.location:
            event.add("location", one_line(posting.location))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics

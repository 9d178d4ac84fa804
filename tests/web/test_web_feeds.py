"""The Atom feed and the deadline calendar, fetched over real HTTP and parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import feedparser
import icalendar
from conftest import Site, close_site, open_site
from hypothesis import given, settings
from hypothesis import strategies as st
from slackfakes import LoopThread
from webworld import DEADLINES, FEED_ORDER, POSTINGS

from bot import feeds
from bot.domain import Posting
from bot.health import sync_content

ATOM = "{http://www.w3.org/2005/Atom}"


def _url(slug: str) -> str:
    return feeds.link(POSTINGS[slug][6])


def test_atom_lists_open_postings_newest_first_with_link_organisation_and_deadline(
    site: Site,
) -> None:
    answer = site.get("/feeds/jobs.atom")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(answer.body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    links = [entry.link for entry in parsed.entries]
    assert links == [_url(slug) for slug in FEED_ORDER]  # the expired posting is not listed
    developer, archivist, librarian = parsed.entries
    assert developer.title == 'IIIF Developer alert(1) & "Friends"'
    assert developer.author == "Example Lab & Co <b>"
    assert "Deadline: 2031-01-15" in developer.summary
    assert "(remote)" in developer.summary
    assert archivist.published_parsed[:3] == (2026, 11, 20)
    assert "Deadline: 2031-03-10" in archivist.summary
    assert "open until filled" in librarian.summary
    assert librarian.title == "Metadata Librarian"  # the form feed is gone, the title kept
    # the self link names where it was fetched, so a reader can follow it
    assert parsed.feed.links[0].href == f"{site.base}/feeds/jobs.atom"


def test_atom_text_is_escaped_not_markup(site: Site) -> None:
    root = ET.fromstring(site.get("/feeds/jobs.atom").body)
    entry = root.findall(f"{ATOM}entry")[0]
    title = entry.find(f"{ATOM}title")
    assert title is not None and title.text == 'IIIF Developer alert(1) & "Friends"'
    assert len(list(title)) == 0  # no element smuggled in through the text
    author = entry.find(f"{ATOM}author/{ATOM}name")
    assert author is not None and author.text == "Example Lab & Co <b>"
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == "https://jobs.example.org/dev?a=1&b=%3C2%3E"


def test_atom_query_takes_jobs_filters(site: Site) -> None:
    parsed = feedparser.parse(site.get("/feeds/jobs.atom?q=remote").body)
    assert [e.link for e in parsed.entries] == [_url("developer")]
    assert parsed.feed.title == "Herald: open job postings: remote"
    assert parsed.feed.links[0].href.endswith("/feeds/jobs.atom?q=remote")
    by_word = feedparser.parse(site.get("/feeds/jobs.atom?q=" + quote("archivist")).body)
    assert [e.link for e in by_word.entries] == [_url("archivist")]
    # "all" is a /jobs filter too: closed and expired postings are then listed
    everything = feedparser.parse(site.get("/feeds/jobs.atom?q=all").body)
    assert _url("expired") in [e.link for e in everything.entries]


def test_atom_with_nothing_found_is_an_empty_valid_feed(site: Site) -> None:
    answer = site.get("/feeds/jobs.atom?q=" + quote("zzqx <]]> & \x7f"))
    assert answer.status == 200
    parsed = feedparser.parse(answer.body)
    assert not parsed.bozo and parsed.entries == []


def test_calendar_has_each_deadline_as_an_all_day_event_with_its_link(site: Site) -> None:
    answer = site.get("/feeds/deadlines.ics")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(answer.body)
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    events = calendar.walk("VEVENT")
    # by deadline; the posting without one and the expired one are not in it
    assert [e["URL"] for e in events] == [_url("developer"), _url("archivist")]
    for event, slug in zip(events, ("developer", "archivist"), strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and start == DEADLINES[slug]  # all-day: a DATE, no time
        assert end == start + timedelta(days=1)
        assert str(event["SUMMARY"]).startswith("Deadline: ")
        assert _url(slug) in str(event["DESCRIPTION"])
    assert "DTSTART;VALUE=DATE:20310115" in answer.text
    assert str(events[0]["SUMMARY"]) == 'Deadline: IIIF Developer alert(1) & "Friends"'
    # UIDs are stable, so a calendar app updates an event instead of adding another
    again = icalendar.Calendar.from_ical(site.get("/feeds/deadlines.ics").body)
    assert [e["UID"] for e in again.walk("VEVENT")] == [e["UID"] for e in events]


def test_calendar_query_takes_jobs_filters(site: Site) -> None:
    calendar = icalendar.Calendar.from_ical(site.get("/feeds/deadlines.ics?q=remote").body)
    assert [e["URL"] for e in calendar.walk("VEVENT")] == [_url("developer")]
    assert str(calendar["X-WR-CALNAME"]) == "Herald: job deadlines: remote"


def test_a_built_feed_is_kept_for_its_ttl_then_rebuilt(site: Site, loop: LoopThread) -> None:
    before = feedparser.parse(site.get("/feeds/jobs.atom").body)
    (site.content / "late.md").write_text(
        (site.content / "archivist.md")
        .read_text()
        .replace("Digital Archivist", "Late Conservator")
        .replace("archivist?", "late?"),
        encoding="utf-8",
    )
    sync_content(site.app)
    cached = feedparser.parse(site.get("/feeds/jobs.atom").body)
    assert [e.title for e in cached.entries] == [e.title for e in before.entries]
    fresh = open_site(site.app, loop, feed_ttl=0)
    try:
        titles = [e.title for e in feedparser.parse(fresh.get("/feeds/jobs.atom").body).entries]
    finally:
        close_site(fresh, loop)
    assert "Late Conservator" in titles


# --- any text at all: the documents stay valid and say what they were given -----------------

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(title=_text, org=st.one_of(st.none(), _text), query=_text, linked=st.booleans())
def test_any_text_makes_a_valid_feed_and_calendar(
    title: str, org: str | None, query: str, linked: bool
) -> None:
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    posting = Posting(
        id="p-1",
        source="p.md",
        position=0,
        title=title,
        organization=org,
        location=org,
        remote=None,
        deadline=date(2027, 1, 31),
        deadline_inferred=False,
        open_until_filled=False,
        closed=False,
        salary=None,
        salary_min=None,
        salary_currency=None,
        contacts=(),
        posted=date(2026, 11, 30),
        body="",
        url="https://example.org/" + quote(title[:10]) if linked else None,
        status="active",
    )
    found = feeds.Found((posting,), feeds.clean(query), date(2026, 12, 1))
    root = ET.fromstring(feeds.jobs_atom(found, self_url="http://127.0.0.1/feed", now=now))
    entry_title = root.find(f"{ATOM}entry/{ATOM}title")
    assert entry_title is not None
    assert (entry_title.text or "") == (feeds.one_line(title) or "p-1")
    parsed = feedparser.parse(feeds.jobs_atom(found, self_url="http://127.0.0.1/feed", now=now))
    assert not parsed.bozo and len(parsed.entries) == 1
    calendar = icalendar.Calendar.from_ical(feeds.deadlines_ics(found, now=now))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == feeds.one_line(f"Deadline: {title}")
    assert str(calendar["X-WR-CALNAME"]).startswith("Herald: job deadlines")

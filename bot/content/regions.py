"""Where a remote worker may be: regions and time zones as data, not only as words.

"Remote (Europe or North America)" accepts Europe and North America; "Based in an EMEA
timezone, preferably in Europe" accepts the EMEA time zones; "you must live between UTC-2 and
UTC+3" names a span of time zones. Hours to keep are no limit: "available for meetings from
-8 UTC to +1 UTC" still lets the worker live anywhere. A remote posting that names none
accepts anywhere, as far as the page says: its ``remote_regions`` is empty.

This is the one reading of where a remote worker may be: questions ("remote jobs I can do from
India") are answered from the names stored here (``bot.places.read_places``).
"""

from __future__ import annotations

import re

from bot.content.text import plain, sentence_bounds
from bot.places import Place, name_of, narrowest, places_in

# "Remote (Europe)", "Remote - EU", "Virtual, USA", "Remote within Canada": what follows the
# remote word in a location. "San Francisco, CA or Remote" names no region for the remote work.
_AFTER_REMOTE = re.compile(
    r"\b(?:remote|virtual|telecommute|work from home|home[- ]based)\b\s*"
    r"(?:\(|,|:|[-–—]|\b(?:in|within|from|across)\b)\s*(?P<rest>[^()]+)",
    re.I,
)
# "Europe (remote)", "Canada - remote": the region before the remote word.
_BEFORE_REMOTE = re.compile(
    r"^(?P<rest>[^(),]+?)\s*(?:\(\s*|[-–—]\s*)(?:fully |100% )?remote\b", re.I
)
_LONGEST_LOCATION = 300
_LEAD = re.compile(
    r"^(?:(?:preferably|ideally|preferred|only)\s+)?(?:(?:anywhere|somewhere)\s+)?"
    r"(?:(?:in|within|from|across)\s+)?(?:the\s+|an?\s+)?",
    re.I,
)
_PARTS = re.compile(r"\s*(?:,|/|;|\bor\b|\band\b|&)\s*(?:the\s+|an?\s+)?", re.I)
# A capitalised name, or a span of time zones written "UTC-2 to UTC+3" (one region).
_CAPITALISED = re.compile(
    r"[A-Z0-9][\w.+-]*(?:\s+(?:of\s+|the\s+)?[A-Z0-9][\w.+-]*)*(?: time zones)?"
    r"(?:(?<=\d) to (?:UTC|GMT) ?[+\-−–] ?\d{1,2}(?::\d\d)?)?"
)
_ZONE_WORDS = re.compile(r"\s*\btime\s?zones?\b", re.I)
# An offset from UTC written either way round: "UTC-8", "GMT +1", "(-8 UTC)". The name is
# found first (a literal search), the offset then beside it.
_UTC_NAME = re.compile(r"UTC|GMT")
_OFFSET_AFTER = re.compile(r"\s?([+\-−–])\s?(\d{1,2}(?::\d\d)?)\b")
_OFFSET_BEFORE = re.compile(r"(?<![\w+\-−–])([+\-−–])\s?(\d{1,2}(?::\d\d)?)\s?$")
_SPAN_GAP = 120
_ZONE_WORD = re.compile(r"time ?zones?\b", re.I)
# The zone's name just before "time zone": "in an EMEA timezone", "within US time zones".
_ZONE_NAME = re.compile(
    r"\b(?:in|within|an?|the|same|overlapping|compatible with)\s+"
    r"(?P<zone>[A-Z][\w-]*(?: [A-Z][\w-]*)?)\s?$"
)
_ANYWHERE_WITH = re.compile(r"^(?:anywhere|somewhere)\s+with\b", re.I)
# "Remote (US-based)", "UK based": the region, without the word that says one lives there.
_BASED = re.compile(r"[- ]based$", re.I)


def regions_in(phrase: str) -> list[str]:
    """ "anywhere in North America or Western Europe" -> ["North America", "Western Europe"].

    Only capitalised parts are places ("Europe or a similar time zone" keeps Europe)."""
    phrase = plain(phrase).strip(" .;:()")
    if _ANYWHERE_WITH.match(phrase):
        return []
    phrase = _LEAD.sub("", phrase, count=1)
    found: list[str] = []
    for part in _PARTS.split(phrase):
        part = _BASED.sub("", _LEAD.sub("", part.strip(" .;:()"), count=1))
        zone = _ZONE_WORDS.search(part)
        if zone is not None:
            part = part[: zone.start()].strip()
            part = f"{part} time zones" if part else ""
        name = _CAPITALISED.match(part)  # "Europe is possible" names Europe
        if name is not None and len(name.group(0)) <= 40 and name.group(0) not in found:
            found.append(name.group(0))
    return found


def from_location(location: str) -> list[str]:
    """The regions a location line gives its remote work: "Remote (Europe or North America)",
    "Europe (remote)". A longer "location" than any real one is not read (a hostile page)."""
    if len(location) > _LONGEST_LOCATION:
        return []
    before = _BEFORE_REMOTE.match(location.strip())
    if before is not None:
        return regions_in(before.group("rest"))
    return after_remote(location)


def after_remote(sentence: str) -> list[str]:
    """The regions a sentence puts after its remote word: "Remote (Europe or North America).",
    or joins to it before: "a US-remote position" (the page's name, "US", as "remote within
    the US" keeps it)."""
    joined = _JOINED_REMOTE.search(sentence)
    if joined is not None and places_in(joined.group("rest")):
        return [joined.group("rest")]
    after = _AFTER_REMOTE.search(sentence)
    # "remote: Remote (EU)", a front matter's key before its value: the value's remote word
    again = _AFTER_REMOTE.match(sentence, after.start("rest")) if after is not None else None
    after = again or after
    return regions_in(after.group("rest")) if after is not None else []


# "US-remote", "EU-remote": a place's name joined to the remote word by a hyphen ("Fully-remote"
# names none: the gazetteer knows no place of that name)
_JOINED_REMOTE = re.compile(r"(?<![\w.-])(?P<rest>[A-Z][\w.]{1,30})-[Rr]emote\b")


# Hours to keep, not where to live: "available for meetings from -8 UTC to +1 UTC", "calls
# happen between 14:00 and 17:00 UTC". A sentence that also says where the worker lives or is
# based is a limit ("based in a country between UTC-2 and UTC+3 for our calls").
_HOURS_KEPT = re.compile(r"\b(?:meet(?:s|ings?)?|calls?|available|availability|overlap\w*)\b", re.I)
_LIVES = re.compile(
    r"\b(?:live|living|lives|reside\w*|based|located|location|countr(?:y|ies))\b", re.I
)


def _limits(text: str, offsets: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The offsets not in sentences of hours to keep; each sentence is read once (a hostile
    line of thousands of offsets is one sentence)."""
    kept: list[tuple[int, int, str]] = []
    start, end, hours = 0, 0, False
    for offset in offsets:
        if not start <= offset[0] < end:
            start, end = sentence_bounds(text, offset[0])
            sentence = text[start:end]
            hours = bool(_HOURS_KEPT.search(sentence)) and not _LIVES.search(sentence)
        if not hours:
            kept.append(offset)
    return kept


def time_zones(text: str) -> list[str]:
    """Time zones the page asks a remote worker to be in: "UTC-8 to UTC+1", "EMEA time zones"."""
    found: list[str] = []
    offsets = _limits(text, _offsets(text))
    index = 0
    while index < len(offsets):
        _, end, zone = offsets[index]
        if index + 1 < len(offsets) and _one_span(text[end : offsets[index + 1][0]]):
            zone = f"{zone} to {offsets[index + 1][2]}"
            index += 1
        index += 1
        if zone not in found:
            found.append(zone)
    for hit in _ZONE_WORD.finditer(text):
        named = _ZONE_NAME.search(text, max(0, hit.start() - 40), hit.start())
        if named is not None:
            zone = f"{named.group('zone')} time zones"
            if zone not in found:
                found.append(zone)
    return found


def _offsets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "UTC-8") of each offset from UTC or GMT, in the text's order."""
    found: list[tuple[int, int, str]] = []
    for name in _UTC_NAME.finditer(text):
        after = _OFFSET_AFTER.match(text, name.end())
        before = _OFFSET_BEFORE.search(text, max(0, name.start() - 8), name.start())
        if after is not None:
            found.append((name.start(), after.end(), _zone(name.group(0), after)))
        elif before is not None:
            found.append((before.start(), name.end(), _zone(name.group(0), before)))
    return found


def _zone(name: str, offset: re.Match[str]) -> str:
    sign = offset.group(1).replace("−", "-").replace("–", "-")
    return f"{name}{sign}{offset.group(2)}"


def _one_span(between: str) -> bool:
    """Two offsets this close, with no sentence end between, are the ends of one span."""
    return len(between) <= _SPAN_GAP and ". " not in between and "\n\n" not in between


def remote_regions(
    location: str | None, said_remote: str | None, region: str | None, text: str
) -> tuple[str, ...]:
    """Every region and time zone a remote posting names: in its ``location`` line, after the
    remote word of the sentence that ``said_remote``, in the ``region`` a sentence gives remote
    work, and the time zones ``text`` names."""
    found: list[str] = []
    for more in [
        *(from_location(location) if location else []),
        *(after_remote(said_remote) if said_remote else []),
        *(regions_in(region) if region else []),
        *time_zones(text),
    ]:
        if more not in found:
            found.append(more)
    if not found and location:
        found = [name_of(place) for place in _location_limits(f"{location} {said_remote or ''}")]
    return tuple(dict.fromkeys(found))


# Remote for part of the time: the place named is where the rest is done.
_HYBRID = re.compile(
    r"\bhybrid\b|\bremote (?:hours|days)\b|\bpart(?:ly|ially)? remote\b"
    r"|\bdays? (?:a week |per week )?(?:remote|from home)\b",
    re.I,
)


def partly_remote(said: str) -> bool:
    """Whether ``said`` tells of remote work for part of the time ("hybrid", "two days a week
    from home"): the place it names is where the rest is done."""
    return _HYBRID.search(said) is not None


def _location_limits(said: str) -> list[Place]:
    """What a remote job's location line limits it to when it puts no region after its remote
    word: the countries and regions it names ("Berlin, Germany"), or, for work done partly on
    site, its places ("Paramus, NJ w/ remote hours"). "San Francisco, CA or Remote": none."""
    named = places_in(said)
    wide = [place for place in named if place.kind in ("region", "country")]
    if wide or not partly_remote(said):
        return wide
    return narrowest(named)

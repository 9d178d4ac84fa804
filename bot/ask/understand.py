"""Understanding a question: its intent, the filters of a list, the facts it asks about.

Pure: no store, no clock (``today`` is a parameter). The words come from
``bot.ask.vocabulary``; places from ``bot.places``. ``/jobs`` text goes through
``parse_filters`` too, so a typed filter and a plain question mean the same thing.

    >>> from datetime import date, timedelta
    >>> u = understand("any jobs in california paying over $90k?", date(2026, 12, 6), [])
    >>> u.intent, u.filters.place.name, u.filters.salary_at_least
    ('list', 'California', Decimal('90000'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from bot.ask import vocabulary as vocab
from bot.content.money import amount
from bot.domain import PERIODS_PER_YEAR, PostingQuery
from bot.places import ADJECTIVES, ALIASES, PEOPLE_OF, Place, find_place, zone_asked, zone_span
from bot.search import (
    OBJECT_ANYTHING,
    ONSITE_PHRASES,
    REMOTE_PHRASES,
    STOPWORDS,
    JobsSearch,
    org_slug,
    organizations_named,
    parse_jobs_query,
    said_otherwise,
    stem,
    tokens,
)
from bot.text import without_mentions
from bot.windows import (
    DEADLINE_CUE,
    MONTHS,
    POSTED_CUE,
    POSTED_VERB,
    Blanked,
    Window,
    say,
    windows_in,
)

ONE_DAY = timedelta(days=1)
# A city named without "in" ("boston jobs") only when it is this large: smaller ones share
# their names with words and organisations.
BARE_CITY_POPULATION = 500_000

Intent = Literal["list", "posting", "answer", "help", "smalltalk"]
Status = Literal["open", "closed", "past", "any"]  # past: closed, expired or probably filled

_SALARY = re.compile(
    r"(?P<op>over|above|more than|greater than|at least|min(?:imum)?(?: of)?|starting at|from"
    r"|>=?|under|below|less than|at most|up to|max(?:imum)?(?: of)?|<=?)\s*"
    r"(?P<money>(?:us\s?\$|usd|\$|€|£|eur|gbp)?\s?\d[\d,.]*\s?(?:k\b|thousand\b)?"
    r"(?:\s?(?:usd|eur|gbp|euros?|dollars|€|£))?)"
    r"(?:\s?(?:a|an|per|/)\s?(?:year|yr|annum|hour|hr)\b)?",
)
_UPPER_OPS = ("under", "below", "less than", "at most", "up to", "max", "<")
_ASKER_PLACE = re.compile(
    # "based in X" says where the asker is; "jobs are based in X", where the jobs are
    r"\b(?:i'?m|i am|i live|we are|we're|i'?m based|i am based|living"
    # "can someone in mexico do it?", "jobs for somebody from india": the asker, put otherwise
    r"|someone|somebody|anyone|a person|people|candidates|applicants"
    r"|(?<!are\s)(?<!is\s)(?<!be\s)based)\s+(?:in|from)\s+"
    r"(?P<place>[a-z .]{2,40}?)(?=[,?.!;]|\s+-|\s+(?:and|could|can|do|apply|work|be|get"
    r"|allowed|eligible)\b|$)"
    r"|\bfrom\s+(?P<place2>[a-z .]{2,30}?)(?=[,?.!;]|\s+(?:for|as|with)\b|$)"
    # "remote jobs open to americans", "anything for canadians?": the asker's people
    r"|\b(?:open to|for|available to)\s+(?P<place3>" + "|".join(PEOPLE_OF) + r")\b"
)
_JOB_PLACE = re.compile(
    # "I'm moving to Canada, any jobs there?": where the asker will work
    r"\b(?:in|near|around|based in|located in|at|on|moving to|relocating to|move to)\s+"
    r"(?P<place>(?:the\s+)?[a-z][a-z .'-]{1,40})"
)
_PLACE_BEFORE_JOBS = re.compile(r"\b(?P<place>[a-z][a-z .'-]{1,30}?)\s+(?:jobs|positions|roles)\b")
# "east coast library jobs": a place, a word of what kind, and the job noun
_PLACE_BEFORE_KIND = re.compile(
    r"\b(?P<place>[a-z][a-z .'-]{1,30}?)\s+[a-z]+\s+(?:jobs|positions|roles)\b"
)
_NO_DEADLINE = re.compile(
    r"\b(?:no|without|(?:do|does)(?:n'?t| not) (?:have|give|state|name|list)|lacking|with no)"
    r"\s+(?:an?\s+|the\s+|any\s+)?(?:fixed\s+|set\s+|stated\s+)?(?:deadlines?|closing dates?)\b"
)
_UNTIL_FILLED = re.compile(r"\b(?:open\s+)?until\s+filled\b")
# "jobs that don't need a degree", "jobs without a degree", "no degree required": the thing a
# posting must say is not needed (``ListFilters.unneeded``); the thing stays a keyword
_NOT_NEEDED = re.compile(
    r"\b(?:do not|does not|don'?t|doesn'?t|not)\s+(?:need|require|ask for)(?:s|ing)?\s+"
    r"(?:an?\s+|any\s+)?(?P<asked>[a-z][a-z'-]+)"
    r"|\bwithout\s+(?:an?\s+|any\s+)?(?P<lacking>[a-z][a-z'-]+)"
    r"|\bno\s+(?P<no>[a-z][a-z'-]+)\s+(?:needed|required|necessary)\b"
)
# "I'm moving to Canada next year, any jobs there?": when the asker moves is no window of the
# jobs (their deadline or when they went up); the place is read (``_JOB_PLACE``)
_WHEN_MOVING = re.compile(
    r"\b(?:moving|relocating|move|relocate)\s+(?:to\s+[a-z][a-z .'-]{1,40}?\s+)?"
    r"(?P<when>next\s+(?:week|month|year|spring|summer|autumn|fall|winter)|soon|later\s+this\s+year|this\s+(?:year|summer"
    r"|autumn|fall|winter|spring)|in\s+(?:(?:19|20)\d\d|"
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r"))\b"
)


def _longest_first(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first (so "thank you" is not "thank")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])")


_REMOTE_PHRASES = _cue_pattern(REMOTE_PHRASES)
_ONSITE_PHRASES = _cue_pattern(ONSITE_PHRASES)
_FACT_PATTERNS = {fact: _cue_pattern(cues) for fact, cues in vocab.FACT_CUES.items()}
_EMPLOYMENT_IN_QUESTION = {
    kind: _cue_pattern(tuple(c for c in cues if " per " not in c and " a " not in c))
    for kind, cues in vocab.EMPLOYMENT_TYPES.items()
}
_STATUS_Q = {status: _cue_pattern(cues) for status, cues in vocab.STATUS_CUES.items()}


def _status_said(text: str) -> tuple[Status, re.Match[str]] | None:
    """ "closed jobs" wants closed ones; "old jobs", "past jobs" whatever is no longer open."""
    wanted: tuple[Status, ...] = ("closed", "past")
    for status in wanted:
        cue = _STATUS_Q[status].search(text)
        if cue is not None:
            return status, cue
    return None


@dataclass(frozen=True)
class ListFilters:
    """Filters of a list that the store's query does not know; ``bot.ask.answer`` applies them
    to the store's candidates (the deadline and the pay also travel in the store's query, and
    are kept here for the words of the answer). Each is None / empty when not asked for."""

    place: Place | None = None
    also: tuple[Place, ...] = ()  # "in new jersey or new york": more places, any of them
    without_deadline: bool = False
    unneeded: str | None = None  # "jobs that don't need a degree": the page says none is
    reachable_from: Place | None = None  # "jobs I can do from Canada"
    outside: Place | None = None  # "jobs outside the US"
    pay_stated: bool = False  # "jobs with a salary listed": a sum is stated
    pay_period: str | None = None  # "hourly jobs": paid by the hour
    pay_order: str | None = None  # "best paid jobs": "high" first, or "low"
    newest_first: bool = False  # "what's new?": in the order postings went up
    oldest_first: bool = False  # "what's the oldest posting?": the other way
    hybrid: bool = False  # "hybrid jobs": remote work beside a place of work
    fully_remote: bool = False  # "fully remote jobs": remote, and no office beside it
    on_site: bool = False  # "on-site jobs": not remote, whether the posting says so or not
    any_term: bool = False  # "archivist or librarian jobs": either keyword, not both
    employer: str | None = None  # "jobs at colleges": the stem the organisation's name holds
    # "any iiif or datacite jobs?": organisations named after the first (the store's filter)
    also_organizations: tuple[str, ...] = ()
    salary_at_least: Decimal | None = None
    salary_at_most: Decimal | None = None
    employment: str | None = None
    status: Status = "open"
    deadline: Window | None = None
    active_during: Window | None = None  # "in November 2017": open at some point of it
    posted: Window | None = None

    @property
    def any(self) -> bool:
        return self != ListFilters()

    @property
    def pay_asked(self) -> bool:
        bounded = self.salary_at_least is not None or self.salary_at_most is not None
        return bounded or self.pay_stated or self.pay_period is not None or bool(self.pay_order)

    @property
    def beyond_sql(self) -> bool:
        """Whether a filter here is one ``/jobs``'s own reading of its words cannot apply
        (all but the deadline)."""
        return replace(self, deadline=None) != ListFilters()

    @property
    def beyond_query(self) -> bool:
        """Whether a filter here is one the question's store query cannot apply (all but the
        deadline and the pay, which ``_search`` hands to it)."""
        return replace(self, salary_at_least=None, salary_at_most=None).beyond_sql

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, Place):
                out[name] = value.name
            elif isinstance(value, tuple):
                if value:
                    out[name] = [x if isinstance(x, str) else x.name for x in value]
            elif isinstance(value, bool):
                if value:
                    out[name] = True
            elif isinstance(value, Window):
                out[name] = {
                    "from": value.start.isoformat(),
                    "to": value.end.isoformat(),
                    "label": value.label,
                }
            elif value is not None:
                out[name] = str(value)
        return out


@dataclass(frozen=True)
class Understanding:
    """What a message asks. ``search`` holds the store's part of a list (organisation, remote,
    keywords); ``filters`` the rest. ``subject`` are the words left once filters and cue words
    are taken out: they name a posting or a topic."""

    text: str
    intent: Intent
    search: JobsSearch
    filters: ListFilters
    asks: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    year: int | None = None
    after_year: bool = False  # "the next conference after 2024": a later year is asked
    explain: bool = False
    list_cue: bool = False
    one_job: bool = False  # "the X job": a singular job noun names one posting
    most_postings: bool = False  # "who posted the most jobs?": a count by organisation
    organisations_listed: bool = False  # "which organisations do you know?": all of them
    job_word: bool = False  # a job noun or a hiring word ("is there a conference in europe?")
    # only "apply" or "work" says jobs: "which organisations can apply to the fund?" may be
    # about no job
    job_verb_only: bool = False
    # jobs are what is asked about: a job word, an organisation or a job's filter ("which
    # formats are supported?" is a list question about no job)
    about_jobs: bool = False
    reply: str = ""  # small talk's answer
    # how to use these verbs of Herald's commands, unless a page says ("how do I post a job
    # on the metro jobs board?" asks METRO's page)
    verbs: tuple[str, ...] = ()
    # "is X hiring?", "anything open now?": what is open today is asked, so when nothing
    # open matches, past postings are no answer (they are counted, not listed)
    now_asked: bool = False
    said: str = ""  # the question as written, before ``rewrite`` (what a reply quotes)

    @property
    def quoted(self) -> str:
        return self.said or self.text

    def to_json(self) -> dict[str, Any]:
        q = self.search.query
        return {
            "intent": self.intent,
            "asks": list(self.asks),
            "subject": list(self.subject),
            "year": self.year,
            "organization": q.organization,
            "remote": q.remote,
            "open_until_filled": q.open_until_filled,
            "keywords": list(q.terms),
            "filters": self.filters.to_json(),
            **({"verbs": list(self.verbs)} if self.verbs else {}),
        }


_BARE_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(k|thousand)?")


def _salary(text: Blanked) -> tuple[Decimal | None, Decimal | None]:
    """Pay bounds: "over $90k", "paying more than 100k", "salary at least 100,000"; a bare
    number counts as pay only when the question speaks of pay ("over 3 weeks" does not)."""
    at_least = at_most = None
    pay_said = _FACT_PATTERNS["salary"].search(text.value) is not None
    for match in list(_SALARY.finditer(text.value)):
        money = match.group("money")
        marked = re.search(r"[$€£]|usd|eur|gbp|dollar|euro", money) is not None
        thousands = re.search(r"\d\s?(?:k|thousand)\b", money) is not None
        if not (marked or thousands or pay_said):
            continue  # "over 3 weeks" is not pay
        # the loader's reading of money wants currency codes in capitals, words in lowercase
        typed = money.replace("thousand", "k").upper().replace("K", "k")
        value, _currency = amount(re.sub(r"DOLLARS|EUROS?", lambda m: m.group().lower(), typed))
        if value is None and not marked:
            bare = _BARE_NUMBER.search(money)
            value = Decimal(bare.group(1).replace(",", "")) if bare else None
        if value is None or (value < 1000 and not (marked or thousands)):
            continue
        if value < 1000 and "k" in money.lower():
            value *= 1000
        if match.group("op").startswith(_UPPER_OPS):
            at_most = value
        else:
            at_least = value
        text.take(match)
    return at_least, at_most


_PAY_ORDER = {order: _cue_pattern(cues) for order, cues in vocab.PAY_ORDER.items()}
_PAY_PERIODS = {period: _cue_pattern(cues) for period, cues in vocab.PAY_PERIODS.items()}
_PAY_STATED = _cue_pattern(vocab.PAY_STATED)
_NEWEST = _cue_pattern(vocab.NEWEST_CUES)
_OLDEST = _cue_pattern(vocab.OLDEST_CUES)
_SOONEST = {"soonest": _cue_pattern(vocab.SOONEST_CUES)}
_HYBRID = _cue_pattern(vocab.HYBRID_CUES)
_FULLY_REMOTE = _cue_pattern(vocab.FULLY_REMOTE_CUES)
# "at a university library": the first of two kinds is the employer's ("University Libraries"),
# a public library's "public" is none
_EMPLOYER = re.compile(
    r"\b(?:at|with)\s+(?:(?:a|an|the|any)\s+)?(?:(?P<first>"
    + "|".join(vocab.EMPLOYER_KINDS)
    + r")\s+|[a-z]+\s+)?("
    + "|".join(vocab.EMPLOYER_KINDS)
    # "at the cedarbank library job": one posting named, by its employer's name
    + r")\b(?!\s+(?:"
    + "|".join(sorted(n for n in vocab.JOB_NOUNS if not n.endswith("s")))
    + r")\b)"
)
_EMPLOYER_BEFORE_JOBS = re.compile(
    r"\b(" + "|".join(vocab.EMPLOYER_KINDS_BEFORE_JOBS) + r")"
    # plural: "the kelp college position" names one posting, "college positions" a kind
    r"(?=\s+(?:" + "|".join(sorted(n for n in vocab.JOB_NOUNS if n.endswith("s"))) + r")\b)"
)
_POSTED_VERB = re.compile(POSTED_VERB)
_MOST_POSTINGS = _cue_pattern(vocab.MOST_POSTINGS)
_ORGANISATIONS_ASKED = _cue_pattern(vocab.ORGANISATIONS_ASKED)


def _taken(text: Blanked, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The key of the first pattern found in the text (its words taken out), or None."""
    for key, pattern in patterns.items():
        match = pattern.search(text.value)
        if match is not None:
            text.take(match)
            return key
    return None


_AND_PLACE = re.compile(r"\s*(?:,|\bor\b|\band\b|&)\s*(?:in\s+)?(?P<place>[a-z][a-z .'-]{1,40})")
MAX_PLACES = 3


def _place(text: Blanked, exclude: frozenset[str]) -> tuple[tuple[Place, ...], Place | None]:
    """(where the job is — "new jersey or new york" is two places — where the asker is)."""
    asker: Place | None = None
    for match in _ASKER_PLACE.finditer(text.value):
        group = next(g for g in ("place", "place2", "place3") if match.group(g))
        found = _longest_place(match.group(group), exclude=exclude)
        if found is not None:
            asker = found[0]
            # "from the UK for datacite": the words after the place still ask something
            offset, named = found[1]
            end = match.start(group) + offset + len(named)
            text.take_span(match.start(), end, f"from {asker.name}")
            break
    for pattern in (_JOB_PLACE, _PLACE_BEFORE_JOBS, _PLACE_BEFORE_KIND):
        for match in pattern.finditer(text.value):
            bare = pattern is not _JOB_PLACE
            found = _longest_place(match.group("place"), from_end=bare, exclude=exclude)
            if found is not None and bare and found[0].kind == "city":
                # "chicago jobs" is a place; "metro jobs" is a word (Metro, Lampung is small)
                if found[0].population < BARE_CITY_POPULATION:
                    continue
            if found is None:
                continue
            places = [found[0]]
            start = match.start("place") + (0 if pattern is _JOB_PLACE else found[1][0])
            end = _past_its_state(text.value, start + len(found[1][1]), found[0])
            text.value = text.value[:start] + " " * (end - start) + text.value[end:]
            while not bare and len(places) < MAX_PLACES:
                more = _AND_PLACE.match(text.value, end)
                following = more and _longest_place(more.group("place"), exclude=exclude)
                if not more or not following:
                    break
                places.append(following[0])
                start = more.start("place") + following[1][0]
                end = _past_its_state(text.value, start + len(following[1][1]), following[0])
                text.value = text.value[:start] + " " * (end - start) + text.value[end:]
            text.found.append("in " + " or ".join(p.name for p in places))
            return tuple(places), asker
    return (), asker


_STATE_AFTER = re.compile(r"\s*,?\s*(?P<code>[a-z]{2})\b")


def _past_its_state(value: str, end: int, place: Place) -> int:
    """Where a place's name ends, with the code of its own state when one follows ("irvine
    ca", "toledo, oh", "orange county ca"): the code says which place, and is no keyword."""
    codes = {place.state.lower()} if place.state else set()
    codes |= {m.split("-", 1)[1].split("/")[0].lower() for m in place.members if "-" in m}
    after = _STATE_AFTER.match(value, end)
    # a state is not followed by its own code: "oregon or texas" is two states
    if after is None or after.group("code") not in codes or place.kind == "state":
        return end
    # "portland or seattle": the "or" of another place, not Oregon's code
    rest = _NOT_WORD.sub(" ", value[after.end() :])
    if after.group("code") == "or" and _longest_place(rest) is not None:
        return end
    return after.end()


_NOT_WORD = re.compile(r"[^\w\s'-]")


_OUTSIDE = re.compile(
    r"\b(?:outside(?:\s+of)?|not\s+in|except(?:\s+in)?|anywhere\s+but|other\s+than)\s+"
    r"(?P<place>(?:the\s+)?[a-z][a-z .'-]{1,40})"
)


def _outside(text: Blanked, exclude: frozenset[str]) -> Place | None:
    """The place a question leaves out: "jobs outside the US", "anything not in new york"."""
    for match in _OUTSIDE.finditer(text.value):
        found = _longest_place(match.group("place"), exclude=exclude)
        if found is not None:
            offset, named = found[1]
            end = match.start("place") + offset + len(named)
            text.take_span(match.start(), end, f"outside {found[0].name}")
            return found[0]
    return None


def _longest_place(
    phrase: str, *, from_end: bool = False, exclude: frozenset[str] = frozenset()
) -> tuple[Place, tuple[int, str]] | None:
    """The longest run of words at the start (or end) of ``phrase`` that names a place."""
    words = phrase.split()
    for n in range(min(len(words), 4), 0, -1):
        part = words[-n:] if from_end else words[:n]
        prefer: Literal["city", "state"] | None = None
        name = list(part)
        full = " ".join(part).strip(" .'-")
        whole = None if full.removeprefix("the ") in exclude else find_place(full)
        if whole is not None and whole.kind == "region" and n > 1:
            # "the bay area", "westchester county": a region's name ends so
            text = " ".join(part)
            offset = phrase.find(text) if from_end else phrase.find(part[0])
            return whole, (max(offset, 0), text)
        if name and name[-1] in ("state", "city", "area", "region"):
            prefer = "city" if name[-1] in ("city", "area") else "state"
            name = name[:-1]
        joined = " ".join(name).strip(" .'-")
        if (
            not joined
            or joined in STOPWORDS
            or joined.removeprefix("the ") in exclude  # "the berkeley college position"
            or len(joined) < 2
        ):
            continue
        # a short word is a place only as a known short form ("nyc", "us"), never as a city
        # of three letters that is also a word ("ely", "ada")
        bare = joined.removeprefix("the ")  # "the est time zone" is no Estonia
        if len(bare) < 4 and bare not in ALIASES:
            continue
        # "canadian jobs": before its jobs, a place's adjective names it
        place = find_place(ADJECTIVES.get(joined, joined) if from_end else joined, prefer=prefer)
        if place is not None:
            text = " ".join(part)
            offset = phrase.find(text) if from_end else phrase.find(part[0])
            return place, (max(offset, 0), text)
    return None


def parse_filters(
    text: str, today: date, exclude: frozenset[str] = frozenset()
) -> tuple[ListFilters, str, list[str]]:
    """The filters ``parse_jobs_query`` does not read, the text left for it, and the phrases
    recognised (for the canonical query and "--json"). ``exclude``: words that are never a
    place (an organisation's: "METRO" is not the city of Metro)."""
    t = Blanked(" " + " ".join(text.lower().split()) + " ")
    # the order an open list has already ("the earliest deadline" is no oldest posting)
    _taken(t, _SOONEST)
    pay_order = _taken(t, _PAY_ORDER)
    newest_first = _NEWEST.search(t.value) is not None
    oldest_first = _OLDEST.search(t.value) is not None
    pay_period = _taken(t, _PAY_PERIODS)
    pay_stated = bool(pay_order) or _taken(t, {"stated": _PAY_STATED}) is not None
    at_least, at_most = _salary(t)
    employment = _employment(t)
    employer = _EMPLOYER.search(t.value) or _EMPLOYER_BEFORE_JOBS.search(t.value)
    if employer is not None:
        t.take(employer)
    no_deadline = _NO_DEADLINE.search(t.value)
    without_deadline = no_deadline is not None
    if no_deadline is not None:
        t.take(no_deadline)
    unneeded = _unneeded(t)
    moving = _WHEN_MOVING.search(t.value)
    if moving is not None:
        t.take_span(moving.start("when"), moving.end("when"), "when moving")
    had_deadline_cue = DEADLINE_CUE.search(t.value) is not None
    had_posted_cue = POSTED_CUE.search(t.value) is not None
    until_filled = _UNTIL_FILLED.search(t.value) is not None
    deadline = active = posted = None
    if not had_deadline_cue:  # a deadline's window is read with the /jobs query
        hiring = HIRING_NOW.search(t.value) is not None
        deadline, active, posted = _windows(t, today, posted_cue=had_posted_cue, hiring=hiring)
    status: Status = "open"
    status_cue = None if until_filled else _status_said(t.value)
    if status_cue is not None:
        status, cue = status_cue
        if not had_deadline_cue:
            t.take(cue)
    elif active is not None or (posted is not None and posted.end < today):
        status = "any"
    outside = _outside(t, exclude)
    zone = zone_asked(t.value)
    if zone is not None:
        # "jobs I can do from EST": the asker keeps those hours (a place of its own wins)
        t.take_span(zone[1], zone[2], f"from {zone[0].name}")
    places, asker = _place(t, exclude)
    if asker is None and zone is not None:
        asker = zone[0]
    filters = ListFilters(
        place=places[0] if places else None,
        also=places[1:],
        without_deadline=without_deadline,
        unneeded=unneeded,
        reachable_from=asker,
        outside=outside,
        pay_stated=pay_stated,
        pay_period=pay_period,
        pay_order=pay_order,
        newest_first=newest_first,
        oldest_first=oldest_first,
        hybrid=_HYBRID.search(t.value) is not None,
        fully_remote=_FULLY_REMOTE.search(t.value) is not None,
        employer=_employer_kind(employer),
        salary_at_least=at_least,
        salary_at_most=at_most,
        employment=employment,
        status=status,
        deadline=deadline,
        active_during=active,
        posted=posted,
    )
    return filters, t.value, t.found


def _unneeded(t: Blanked) -> str | None:
    """The thing a list asks the postings not to need ("degree" of "jobs that don't need a
    degree"), the words saying so taken out; not where the work is done ("jobs without
    relocating" are remote ones)."""
    said = _NOT_NEEDED.search(t.value)
    if said is None or _REMOTE_PHRASES.search(said.group()) is not None:
        return None
    thing = next(name for name in ("asked", "lacking", "no") if said.group(name))
    t.take_span(said.start(), said.start(thing), "not needed")
    t.take_span(said.end(thing), said.end(), "not needed")
    return said.group(thing)


def _employment(t: Blanked) -> str | None:
    """The employment type asked, its words taken out of the text: every word of it, as in
    "temporary or fixed-term jobs" (a word left would be read as a keyword of the title)."""
    for kind, pattern in _EMPLOYMENT_IN_QUESTION.items():
        match = pattern.search(t.value)
        if match is None:
            continue
        while match is not None:
            t.take(match)
            match = pattern.search(t.value)
        return kind
    return None


def _employer_kind(said: re.Match[str] | None) -> str | None:
    """The stem of the kind of employer asked of ("colleg" of "jobs at colleges")."""
    if said is None:
        return None
    first = said.groupdict().get("first")
    return stem(first or said.group(said.lastindex or 1))


def _starts_with(text: str, starts: tuple[str, ...]) -> bool:
    return any(text == s or text.startswith(s + " ") for s in starts)


def _asked_facts(text: str) -> tuple[str, ...]:
    asked = tuple(fact for fact, pattern in _FACT_PATTERNS.items() if pattern.search(text))
    if (
        "salary" in asked
        and _ASKER_PAYS.search(text)
        and not _PAY_FOR_WORK.search(_ASKER_PAYS.sub(" ", text))
    ):
        # "how do I pay my invoice?": the asker pays, nobody is paid for work
        asked = tuple(fact for fact in asked if fact != "salary")
    if (
        "salary" in asked
        and _PAYS_FOR_THING.search(text)
        and not _PAY_FOR_WORK.search(_PAYS_FOR_THING.sub(" ", text))
    ):
        # "do they pay for coworking?": the employer covers a cost; no wage is asked
        asked = tuple(fact for fact in asked if fact != "salary")
    # "when is the toledo job?" asks its deadline; "when is the iiif conference?" no job's;
    # "when was it posted?" asks the day it was posted
    when = _WHEN.search(text) and set(tokens(text)) & vocab.JOB_NOUNS
    if "deadline" not in asked and "posted" not in asked and when:
        asked += ("deadline",)
    return asked


def deadline_by_when_only(text: str) -> bool:
    """Whether the deadline is asked only by "when" beside a job noun ("when does the X job
    start?", "when are interviews for the X job?"): no word of a deadline says so, and
    what else the question names may be what it asks."""
    low = text.lower()
    return _WHEN.search(low) is not None and _FACT_PATTERNS["deadline"].search(low) is None


def asked_words(words: Iterable[str]) -> list[str]:
    """The words of a question about one posting that ask something of it, less those that
    only ask, say how ("tell me about", "any details on") or are chat."""
    return [w for w in words if w not in _NOT_ASKED and w not in vocab.ACKNOWLEDGED]


def beside_a_fact_word(text: str) -> set[str]:
    """The words of ``text`` next to a word that asks a posting's fact: "leave" of "paid
    leave", "overtime" of "overtime rate", where the fact's word is part of the thing asked."""
    words = [w.lower() for w in tokens(text)]
    return {
        w
        for i, w in enumerate(words)
        if any(words[j] in _ALL_FACT_WORDS for j in (i - 1, i + 1) if 0 <= j < len(words))
    }


# Words that ask whether a post has a thing, not the thing ("does it come with a laptop?")
_HAVING = frozenset(
    """come comes coming include includes including offer offers provide provides have has
    get gets there""".split()
)


_WHEN = re.compile(r"\bwhen\b")
_AFTER_YEAR = re.compile(r"\b(?:after|later than|beyond|following)\s+(?:19|20)\d\d\b")
# "how do I pay", "can we pay by card", "to pay": the asker pays; "does it pay" asks a wage
_ASKER_PAYS = re.compile(r"\b(?:i|we|to)\s+(?:\w+\s+)?pay\b")
# "pay for coworking", "pays for travel"; not "pay for the role", "pay for it", "pay for a
# librarian": what follows a determiner is the job paid for
_PAYS_FOR_THING = re.compile(
    r"\bpays?\s+for\s+(?!(?:the|this|that|these|those|a|an|it|such|each|every|my|your|his|her"
    r"|their|its|one|someone|somebody|people|staff|work|working|experience)\b)[a-z]"
)
_PAY_FOR_WORK = _cue_pattern(tuple(c for c in vocab.FACT_CUES["salary"] if "pay" not in c))


_REWRITE = re.compile(
    r"(?<![\w.@/’'-])(?:" + _longest_first(vocab.REWRITES) + r")(?![\w/’'-])",
    re.I,
)


_LEAD_IN = re.compile(
    r"^(?:(?:" + _longest_first(vocab.LEAD_INS) + r")(?![\w'’-])[\s,.:;!-]*)+",
    re.I,
)


# ... or an apology or a hedge, up to its "but" (``vocabulary.PREFACES``)
_PREFACE = re.compile(
    r"^\s*(?:" + _longest_first(vocab.PREFACES) + r")(?![\w'’-])[^?!]{0,100}?[\s,;:-]but\s+",
    re.I,
)


# ... and the thanks it closes with ("what's the salary? thx", "is it remote, thanks!")
_SIGN_OFF = re.compile(
    r"(?<=[\w?.!)])[\s,.:;!-]+(?:" + _longest_first(vocab.SIGN_OFFS) + r")[\s!.:)]*$",
    re.I,
)


def without_lead_in(text: str) -> str:
    """The message less the apology or hedge (``vocabulary.PREFACES``), greeting, thanks or
    "ok and" it opens with, when a question follows (``vocabulary.LEAD_INS``), and less the
    thanks or aside it closes with (``vocabulary.SIGN_OFFS``)."""
    rest = _SIGN_OFF.sub("", _LEAD_IN.sub("", _PREFACE.sub("", text.strip(), count=1), count=1))
    return rest if rest.strip(" ?!.") else text


# "become a member (of)", "become an IIIF consortium member": what pages call joining (the
# words between name what is joined: "join IIIF consortium")
_BECOME_MEMBER = re.compile(
    r"\bbecom(?:e|ing) (?:an? )?((?:[\w-]+ ){0,3}?)(?:member|memeber)s?\b(?: of\b)?", re.I
)


def rewrite(text: str) -> str:
    """The question in the words the tables know (``vocabulary.REWRITES``)."""
    text = _BECOME_MEMBER.sub(lambda m: " ".join(["join", *m.group(1).split()]), text)
    return _REWRITE.sub(lambda m: vocab.REWRITES[m.group().lower()], text)


# asking how to do something ("how do I…", "is there a way to…")
_HOW_TO = re.compile(
    r"\b(?:how (?:do|can|would|should) (?:i|we|you)|how to|(?:can|could|may) (?:i|we|you)|"
    r"is (?:there|it) (?:a way|possible)|(?:i|we)(?:'d| would)? (?:want|like|need) to|"
    r"where (?:do|can) (?:i|we))\b"
)
_VERB_WORDS = _longest_first(vocab.VERB_WORDS)
_VERB_WORD = re.compile(rf"\b(?:{_VERB_WORDS})\b")
_ASKED_OF_ME = re.compile(rf"^(?:please )?(?:{_VERB_WORDS}) (?:me|us)\b")  # "remind me…"
_SHORT_QUESTION = 5  # words: "how do I subscribe?" names nothing but the verb


def _verbs_asked(low: str) -> tuple[str, ...]:
    """The verbs of Herald's commands a question asks how to use (``vocab.VERB_WORDS``):
    "how do I get notified of new jobs?" and "remind me about the map curator job" ask about
    ``subscribe`` and ``remind``; "how do I subscribe to the newsletter?" asks a page."""
    words = tokens(low)
    about_jobs = set(words) & (vocab.JOB_NOUNS | {"deadline", "deadlines"})
    asked_how = _HOW_TO.search(low) and (about_jobs or len(words) <= _SHORT_QUESTION)
    # "unsubscribe", "alerts?", "stop": the verb's word alone asks how to do it
    alone = low.strip(" ?!.") in vocab.VERB_WORDS
    if not (asked_how or alone or _ASKED_OF_ME.match(low)):
        return ()
    return tuple(dict.fromkeys(vocab.VERB_WORDS[m.group()] for m in _VERB_WORD.finditer(low)))


_CHAT_WORD = re.compile(r"[\w'’]+")


def small_talk(bare: str) -> str:
    """The reply to a greeting, thanks or goodbye (``vocabulary.SMALL_TALK``), also addressed
    ("hi there", "thanks, Herald!") or after an acknowledgement ("ok thanks"); "" for
    anything else. Only the whole message counts: "hi, any remote jobs?" is a question. A
    message of emoji and signs alone ("👍", "🎉🎉") asks nothing either."""
    words = _CHAT_WORD.findall(bare.replace("’", "'"))
    if bare.strip() and not words:
        return vocab.SMALL_TALK["ok"]
    while len(words) > 1 and words[-1] in vocab.ADDRESSED:
        words.pop()
    if len(words) > 1 and words[0] in vocab.ACKNOWLEDGED:
        words = words[1:] if " ".join(words[1:]) in vocab.SMALL_TALK else words
    return vocab.SMALL_TALK.get(" ".join(words), "")


def _chat(
    said: str, plain: str, bare: str, today: date, organizations: list[str]
) -> Understanding | None:
    """Small talk ("thanks, Herald!") or asking for help ("what can you do?"), else None."""
    # before the lead-in goes: "hey everyone" is a greeting, not a question about "everyone"
    talk = small_talk(said.lower().strip(" ?!.")) or small_talk(bare)
    if bare and bare not in vocab.HELP_PHRASES and not talk:
        return None
    empty = parse_jobs_query("", today, organizations)
    if talk:
        return Understanding(plain, "smalltalk", empty, ListFilters(), reply=talk, said=said)
    return Understanding(plain, "help", empty, ListFilters(), said=said)


def understand(text: str, today: date, organizations: list[str]) -> Understanding:
    """Read a message into an ``Understanding``; never raises on any text."""
    # a mention ("<@U123>", "<!channel>", "@room") addresses people, it asks nothing
    said = " ".join(without_mentions(text).split())
    plain = rewrite(without_lead_in(said))
    low = plain.lower()
    bare = low.strip(" ?!.")
    chat = _chat(said, plain, bare, today, organizations)
    if chat is not None:
        return chat

    # an organisation's acronym or short name is never a place ("METRO" is not Metro, Lampung)
    acronyms = frozenset(
        w.lower() for o in organizations for w in tokens(o) if w.isupper() and len(w) > 1
    ) | {org_slug(o) for o in organizations}
    filters, rest, _found = parse_filters(plain, today, acronyms)
    rest_for_query = _REMOTE_PHRASES.sub(" ", _ONSITE_PHRASES.sub(" ", rest))
    search, filters = _search(rest, rest_for_query, filters, today, organizations)
    filters = _also_organizations(rest_for_query, search, filters, organizations)
    year, after_year = _year_asked(low)

    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in tokens(rest_for_query)]
    list_cue, explain = _cues(bare, words, organizations)
    q = search.query
    # a year or a month alone dates a page as well as a job ("the director in 2030")
    # "new" orders a list, it does not ask for one ("can new organisations apply?")
    unordered = replace(
        filters, active_during=None, status="open", newest_first=False, oldest_first=False
    )
    job_filters = unordered != ListFilters()
    jobs_asked = job_filters or q.remote is not None or q.open_until_filled is not None
    # "what's the newest posting?": an order of postings, asked with a job word
    ordered = filters.newest_first or filters.oldest_first
    jobs_asked = jobs_asked or (ordered and bool(set(words) & vocab.JOB_NOUNS))
    # "what's closed?", "what's expired?": a posting's state and nothing else named
    subject = _subject(words)
    jobs_asked = jobs_asked or (filters.status != "open" and not subject)
    # "what's open in new jersey?": an explanation's start, but a job's filters
    intent: Intent = "list" if jobs_asked or (list_cue and not explain) else "answer"
    one_job = bool(set(words) & _ONE_JOB)
    asks = _filters_not_facts(_asked_facts(low), list_cue and not one_job, search, filters)
    return Understanding(
        text=plain,
        said=said,
        intent=intent,
        search=search,
        filters=filters,
        asks=asks,
        subject=subject,
        year=year,
        after_year=after_year,
        explain=explain,
        list_cue=list_cue,
        one_job=one_job,
        most_postings=_most_postings(low),
        organisations_listed=_organisations_listed(low, search, filters),
        job_word=bool(set(tokens(low)) & _JOB_WORDS),
        job_verb_only=_job_verb_only(low),
        about_jobs=jobs_asked or _about_jobs(low, q.organization, asks),
        verbs=_verbs_asked(low),
        now_asked=_now_asked(low),
    )


def _filters_not_facts(
    asks: tuple[str, ...], listing: bool, search: JobsSearch, filters: ListFilters
) -> tuple[str, ...]:
    """A list's remote or hybrid word filters it, and asks no posting whether it is remote:
    "remote developer jobs", "anything for a developer that's hybrid" list every such
    posting, where "is the developer job remote?" asks one."""
    if listing and (search.query.remote or filters.hybrid):
        return tuple(a for a in asks if a != "remote")
    return asks


_NOW_ASKED = _cue_pattern((*vocab.STATUS_CUES["open"], *vocab.NOW_WORDS))


def _now_asked(low: str) -> bool:
    """Whether the question asks what is open today: a word of the open state or of now, or
    a hiring verb ("is X hiring?") — "open until filled" names a kind of deadline instead."""
    low = _UNTIL_FILLED.sub(" ", low)
    return _NOW_ASKED.search(low) is not None or HIRING_NOW.search(low) is not None


def _also_organizations(
    text: str, search: JobsSearch, filters: ListFilters, organizations: list[str]
) -> ListFilters:
    """The filters with the organisations named after the store's ("any iiif or datacite
    jobs?": datacite as well as iiif)."""
    named = organizations_named(text, organizations)
    first = search.query.organization
    if first is None or len(named) < 2:
        return filters
    return replace(filters, also_organizations=tuple(o for o in named if o != first))


def _year_asked(low: str) -> tuple[int | None, bool]:
    """(the year a question names, whether it asks about the years after it: "after 2024")."""
    match = re.search(r"\b((?:19|20)\d\d)\b", low)
    if match is None:
        return None, False
    return int(match.group(1)), _AFTER_YEAR.search(low) is not None


def _job_verb_only(low: str) -> bool:
    """Whether only "apply" or "work" speaks of jobs ("which organisations can apply?")."""
    words = set(tokens(low))
    return bool(words & _JOB_WORDS) and not words & _JOB_NAMES


def _most_postings(low: str) -> bool:
    """ "Who posted the most jobs?", and "which organisations are hiring?" (organisations are
    asked for, with a job or hiring word)."""
    if _MOST_POSTINGS.search(low) is not None:
        return True
    return _ORGANISATIONS_ASKED.search(low) is not None and bool(set(tokens(low)) & _HIRING)


def _organisations_listed(low: str, search: JobsSearch, filters: ListFilters) -> bool:
    """ "List all organisations", "which organisations do you know?": organisations are
    asked for with no job word, no filter and no word that selects postings (which ones are
    hiring is ``_most_postings``'s count)."""
    words = set(tokens(low))
    if not words & _ORGANISATION_NOUNS or words & _HIRING:
        return False
    return not search.query.terms and search.query.organization is None and not filters.any


_ORGANISATION_NOUNS = frozenset(vocab.ORGANISATION_NOUNS)


def _about_jobs(low: str, organization: str | None, asks: tuple[str, ...]) -> bool:
    """A job word, an organisation, or a posting's state ("what's still open?")."""
    return bool(organization or "status" in asks or set(tokens(low)) & _JOB_WORDS)


# "who's hiring this month?": who has a posting open in it, not what closes in it
HIRING_NOW = re.compile(r"\b(?:hiring|recruiting|hires)\b")


def _windows(
    t: Blanked, today: date, *, posted_cue: bool, hiring: bool = False
) -> tuple[Window | None, Window | None, Window | None]:
    """(the deadline's window, the span a posting was active in, the posted window) the
    question names: "anything this week?" asks what closes in it; "posted this week", "new
    in the last month", "since January" what was posted in it; "in 2017" what was active, and
    so does "who's hiring this month?"."""
    deadline = active = posted = None
    ahead, calendar_window = windows_in(t, today, past=posted_cue)
    if ahead is not None and (posted_cue or ahead.end <= today < ahead.end + ONE_DAY):
        # a window that began already ("since January") is read from its start; one ahead
        # ("this week") as the days just behind today; "this month" and "this year" from
        # their first day
        start = ahead.start
        if start >= today:
            start = min(ahead.start, today - (ahead.end - ahead.start))
        said = " ".join(t.found[-1:])
        if "this month" in said:
            start = today.replace(day=1)
        elif "this year" in said:
            start = today.replace(month=1, day=1)
        # a day behind today ("posted yesterday") ends there
        posted = Window(start, today, f"since {say(start)}") if ahead.end >= today else ahead
    elif ahead is not None and hiring:
        active = ahead
    elif ahead is not None:
        deadline = ahead
    if calendar_window is not None:
        if posted_cue:
            posted = calendar_window
        else:
            active = calendar_window
    return deadline, active, posted


def _objects(bare: str) -> set[str]:
    """ "anything" when a verb takes it ("does it cost anything?"): no list cue then."""
    return {"anything"} if OBJECT_ANYTHING.search(bare) else set()


def _cues(bare: str, words: list[str], organizations: list[str]) -> tuple[bool, bool]:
    """(whether it asks for a list — "any jobs", "who is hiring", "what's still open" —,
    whether it asks for an explanation — "how do I", "what is")."""
    listing = _starts_with(bare, vocab.LIST_STARTS)
    unnamed = bare
    for name in organizations:  # "Open Records Network" says nothing of what is open
        unnamed = unnamed.replace(name.lower(), " ")
    list_cue = (
        bool(set(words) & vocab.LIST_CUES - _objects(bare))
        or any(w in ("jobs", "openings", "positions", "hiring") for w in tokens(bare))
        or listing
        # "what's still open?", "which have closed?": the state of postings; not of the one
        # a question names ("is the oakmere job still open?")
        or (
            any(pattern.search(unnamed) for pattern in _STATUS_Q.values())
            and _ONE_JOB_ASKED.search(bare) is None
        )
        # "what did X post in 2019?": the postings that went up
        or _POSTED_VERB.search(bare) is not None
    )
    # "how many jobs are open?" counts postings: a list, not an explanation
    counting = bare.startswith("how many") and bool(set(words) & vocab.JOB_NOUNS)
    return list_cue, _starts_with(bare, vocab.EXPLAIN_STARTS) and not (listing or counting)


def _search(
    rest: str, rest_for_query: str, filters: ListFilters, today: date, organizations: list[str]
) -> tuple[JobsSearch, ListFilters]:
    """The store's part of a list: ``/jobs``'s own reading of the words, where the work is
    done, the deadline window, and only the keywords that select postings."""
    remote = _REMOTE_PHRASES.search(rest)
    onsite = _ONSITE_PHRASES.search(rest)
    search = parse_jobs_query(rest_for_query, today, organizations)
    q = replace(
        search.query,
        salary_at_least=_a_year_of(filters.salary_at_least, filters.pay_period),
        salary_at_most=_a_year_of(filters.salary_at_most, filters.pay_period),
    )
    if remote is not None:
        q = replace(q, remote=True)
    elif onsite is not None:
        # "on-site jobs": the postings that are not remote, most of which never say so (the
        # store's ``remote=False`` keeps only those that do)
        q = replace(q, remote=None)
        filters = replace(filters, on_site=True)
    elif filters.reachable_from is not None and zone_span(filters.reachable_from.name):
        # hours asked of the work ("jobs in CET hours") are a remote worker's
        q = replace(q, remote=True)
    q, filters = _deadline_asked(q, filters, search.window or filters.deadline, today)
    org_words = frozenset(w for o in organizations for w in tokens(o.lower()))
    # words that ask (pay, email, when) or fill ("looking for something") select nothing
    keywords = tuple(
        vocab.ABBREVIATIONS.get(t, t)
        for t in q.terms
        if t not in org_words
        and t not in _FILLER
        and t not in _UNSEARCHED_FACT_WORDS
        and t not in vocab.LIST_CUES
    )
    either = any(
        m.group(1) in keywords and m.group(2) in keywords for m in _OR_BETWEEN.finditer(rest)
    )
    filters = replace(filters, any_term=either)
    q = replace(q, terms=keywords, said_otherwise=said_otherwise(keywords))
    return JobsSearch(q, search.page, search.parts), filters


def _deadline_asked(
    q: PostingQuery, filters: ListFilters, deadline: Window | None, today: date
) -> tuple[PostingQuery, ListFilters]:
    """The deadline window in the store's query and the filters: a window behind today asks
    for any state, and closed postings are looked for behind today (``_so_far``)."""
    if deadline is None:
        return q, filters
    if filters.status in ("closed", "past") and deadline.start >= today:
        deadline = _so_far(deadline, today)
    q = replace(q, deadline_from=deadline.start, deadline_to=deadline.end)
    past = deadline.end < today and filters.status == "open"
    return q, replace(filters, deadline=deadline, status="any" if past else filters.status)


def _so_far(window: Window, today: date) -> Window:
    """ "Closed this month", "what expired this week": nothing ahead of today has closed, so
    the days of that week, month or year until today (a window of the next days, the same
    number of days behind)."""
    if window.end == date(today.year, 12, 31):
        start = date(today.year, 1, 1)
    elif (window.end + ONE_DAY).day == 1:
        start = today.replace(day=1)
    elif window.end - window.start == _A_WEEK_AHEAD:  # "this week": from its Monday
        start = today - timedelta(days=today.weekday())
    else:
        start = today - (window.end - window.start)
    return Window(start, today, f"since {say(start)}")


# the window "this week" reads: today and the next six days
_A_WEEK_AHEAD = timedelta(days=6)


# "archivists or librarians": two keywords either of which will do
_OR_BETWEEN = re.compile(r"\b([a-z][\w-]*)\s+or\s+(?=([a-z][\w-]*))")


# An amount asked without a period below it is a rate by the hour ("jobs paying under $20")
_HOURLY_BELOW = 1000


def _a_year_of(value: Decimal | None, period: str | None) -> Decimal | None:
    """A pay bound as a year's pay, which the store compares ("under 30 bucks an hour" is
    62,400 a year): the period the question names, else an hour's for a small amount."""
    if value is None:
        return None
    said = period or ("hour" if value < _HOURLY_BELOW else "year")
    return value * PERIODS_PER_YEAR.get(said, 1)


def page_words(text: str) -> tuple[str, ...]:
    """What a posting's own page is asked ("who does the uci project manager work with?",
    "what working group would the tcm sit on?"): the subject, with the words of working,
    which select no posting but are what its page says."""
    words = [w.lower() for w in tokens(text)]
    return _subject(words, keep=_WORKING)


def _subject(words: list[str], keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What the question is about: its words, less the ones that only ask or name jobs."""
    return tuple(
        dict.fromkeys(
            vocab.ABBREVIATIONS.get(w, w)
            for w in words
            if w not in STOPWORDS
            and (w not in _ASKING or w in keep)
            and w not in vocab.JOB_NOUNS
            and w not in _ALL_FACT_WORDS
            and w not in vocab.LIST_CUES
            and not w.isdigit()
            and len(w) > 1
        )
    )


_ONE_JOB = frozenset({"job", "position", "role", "posting", "opening", "vacancy", "post"})
# "is the oakmere job still open?", "has the leeds archivist post closed?": one job named, and
# the state asked of it
# ("the toronto one - is it still open?", "is the glasgow internship still open?": "one" and
# an internship name one posting in these shapes too)
_ONE_NAMED = "|".join(sorted(_ONE_JOB | {"one", "internship", "fellowship"}))
_ONE_JOB_ASKED = re.compile(
    rf"^(?:(?:is|was|has|are)\s+the\s+(?:[\w'-]+\s+){{0,5}}?(?:{_ONE_NAMED})\s+"
    rf"|the\s+(?:[\w'-]+\s+){{0,5}}?(?:{_ONE_NAMED})\b[\s,:;.!?-]*(?:is|has)\s+it\s+)"
    r"(?:still\s+|now\s+|already\s+)?(?:open|closed|filled|available|accepting|taking|over)\b"
)
_JOB_WORDS = vocab.JOB_NOUNS | {
    "hiring", "hire", "hires", "recruiting", "apply", "work", "internship", "internships",
    "fellowship", "fellowships", "traineeship", "traineeships",
}  # fmt: skip
# the job words that name jobs, not what one does about them ("apply", "work")
_JOB_NAMES = _JOB_WORDS - {"apply", "work"}
# who posts jobs ("which organisations are hiring?"), not who may apply for a grant
_HIRING = vocab.JOB_NOUNS | {"hiring", "hire", "hires", "recruiting"}
# each with its plural: "closing dates" asks as "closing date" does
_ALL_FACT_WORDS = frozenset(
    form
    for cues in vocab.FACT_CUES.values()
    for c in cues
    for w in c.split()
    for form in (w, f"{w}s")
)
# the fact words a list does not search for ("permanent jobs" does: ``KINDS_SEARCHED``)
_UNSEARCHED_FACT_WORDS = _ALL_FACT_WORDS - set(vocab.KINDS_SEARCHED)


# Words of a question about one posting that name no part of it ("can the toledo job be done
# from home?"); "library" names one ("the library job"), so it is not among them.
_ASKING = frozenset(
    """work working done allow allows allowed possible able say says said mention mentions
    mentioned give gives info information details long make makes making one ones thing
    things exactly precisely saw seen noticed wonder wondered wondering whether curious
    moving move relocating relocate""".split()
)
_WORKING = frozenset({"work", "working"})
# Words of a question that say nothing about which postings are wanted.
_FILLER = _ASKING | frozenset(
    """looking something anything posted post least part week do can interested find know good
    new recent like please currently available tell give get library libraries still already
    ever yet kind sort type types right now moment these days open advertise advertised
    advertising announced offered offering latest newest news people person someone anyone
    candidates applicants folks organisation organisations organization organizations
    employers employer listed stated given mentioned many company companies firm firms
    institution institutions knows knowing needing requiring oldest earliest left""".split()
)
_FILLER |= vocab.ASKERS_PEOPLE  # whom the asker speaks for: "a friend of mine is a …"
# ... and, of a question about one posting, those that ask nothing of it (``asked_words``)
_NOT_ASKED = _FILLER | _JOB_WORDS | _HAVING

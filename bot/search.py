"""Turning what people type into store queries, and choosing the sentence that answers.

Everything here is pure: no store, no clock (``today`` is a parameter), so each rule can be
tested with one line. The store does the heavy lifting (filters, full-text candidates); this
module decides *what* to ask it and, for FAQs, re-ranks its candidates down to one sentence.

Example::

    >>> from datetime import date
    >>> s = parse_jobs_query("remote datacite closing this month", date(2022, 2, 1), ["DataCite"])
    >>> s.query.remote, s.query.organization, s.query.deadline_to
    (True, 'datacite', datetime.date(2022, 2, 28))
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from bot.domain import PassageHit, PostingQuery
from bot.places import places_in
from bot.spelling import inflected
from bot.text import without_mentions
from bot.windows import WINDOW_MARK, Window, deadline_window

logger = logging.getLogger(__name__)

PAGE_SIZE = 5
MAX_TERMS = 16
# Far beyond any real listing; keeps a typed "page 99999999" from overflowing SQL offsets.
MAX_PAGE = 1000


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


# Words the stemmer makes one that mean two things: an officer is a person, an office a place
# ("is there an office in London?" is not asked of the Communications Officer's posting);
# parking is not a park ("is parking free?" is not asked of "Maumee Bay State Park"); dues
# are a fee, not what is due ("what if our dues are not paid?" asks no deadline).
# "joining" as a noun is membership ("the benefits of joining"), not the act of joining that
# "how do I join?" asks (``SAID_IN_OTHER_WORDS``).
STEM_APART = {
    "officer": "officer", "officers": "officer", "parking": "parking", "dues": "dues",
    "joining": "member",
}  # fmt: skip
# Forms of a word the stemmer keeps apart from it, each read as the word: "if a fee is not
# paid" answers "what if we don't pay?", "the alliance spent €1.4 million" answers "how much
# did it spend?", "Registration opens on 1 March" answers "when can I register?". Not
# "found" (also "to found"), "chosen" (a word of hiring), "met" (a museum). A plural's "s"
# is read off first ("speakers").
OTHER_FORMS = {
    "registration": "register",
    "subscription": "subscribe",
    "speaker": "speak",
    "decision": "decide",
    "paid": "pay",
    "spent": "spend",
    "sent": "send",
    "held": "hold",
    "ran": "run",
    "began": "begin",
    "begun": "begin",
    "taught": "teach",
    "built": "build",
    "wrote": "write",
    "written": "write",
    "gave": "give",
    "given": "give",
    "sold": "sell",
    "bought": "buy",
}


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """English Snowball stem, so "fees"/"fee" and "joining"/"join" meet."""
    lower = word.lower()
    word_of = OTHER_FORMS.get(lower) or OTHER_FORMS.get(lower.removesuffix("s"), lower)
    result: str = STEM_APART.get(lower) or _stemmer().stemWord(word_of)
    return result


# Words that carry no meaning for retrieval. Question words are kept separately (WH_WORDS)
# because "how do I…" versus "why…" is what tells two near-identical FAQ headings apart.
STOPWORDS = frozenset(
    """
    a about after again all also am an and any are as at be been before being but by can
    could did do does doing for from get had has have having he her here hers him his
    how i if in into is it its just know let me more most much my near no nor not of off on
    once only or our ours out over own please same she should so some such tell than that the
    their theirs them then there these they this those through to too under until up us very
    want was we were what when where which while who whom why will with would you your yours
    need needs like there's what's i'm i'd vs versus offer offers offered we're we've i've
    wants wanting become becomes becoming
    don doesn didn isn aren wasn weren
    whats wheres whens hows whos pls plz many option options
    next upcoming
    take takes taking took place difference differences between differ compare compared
    """.split()
)
# Words people ask with and the words pages answer with, one group each: ranking counts any
# of a group as its first word, and a question's word also searches the group's first
# SEARCHED words (the ones pages answer with; the rest are only asked with, and searching
# common words such as "pay" would rank thousands of passages for nothing).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # "is there a student rate?" is answered by the student ticket's price
    ("fee", "cost", "price", "dues", "contribution", "pricing", "charge", "pay", "payment", "rate"),
    ("apply", "application", "applicant"),
    ("job", "position", "opening", "vacancy", "role", "hiring", "career"),
    ("remote", "telework", "anywhere", "telecommute"),
    ("hire", "appoint", "appointment", "welcome", "chosen", "got"),
    ("salary", "compensation", "wage", "remuneration"),
    ("deadline", "due"),
    ("conference", "event"),  # not "meeting": its stem is "meet" ("meet with members")
    ("contact", "email", "e-mail"),
    # one word, two spellings
    ("license", "licence"),
    ("catalog", "catalogue"),
    ("program", "programme"),
    ("center", "centre"),
    ("organization", "organisation"),
    ("fund", "finance", "money", "budget", "funder"),
    # "what are the perks?" is answered under "Benefits"
    ("benefit", "perk"),
    # "how much vacation?" is answered by "30 days of holiday"
    ("vacation", "holiday"),
    ("manage", "run", "oversee", "administer"),
    # "does it support video?" is asked of "Does it handle audio/visual materials?"
    # "does it help with relocation?" is answered by "Relocation assistance is offered"
    ("support", "handle", "assistance", "assist", "help"),
    # "what are the requirements?" is answered under "Qualifications"
    ("qualification", "requirement", "required", "skill", "qualified"),
    # word families the stemmer keeps apart ("submissions" of "can I submit two?")
    ("submit", "submission"),
    # "who is eligible?" is answered by "Grants are available to heritage organisations",
    # "open to museums of any size"
    ("eligible", "eligibility", "available"),
    ("invoice", "bill", "billing", "billed"),
    ("store", "storage", "stored"),
    # "does it pay for health insurance?" is answered by "medical, dental, vision coverage"
    ("medical", "health", "healthcare"),
    ("insurance", "coverage", "insured"),
    # what a posting says of a post in words other than the asker's ("probation period": "a
    # trial period"; "dress code": "attire"); not "parking" and "park" (a state park)
    ("probation", "probationary", "trial"),
    ("dress", "attire", "clothing"),
    ("phone", "telephone", "ring"),
    ("team", "crew"),
    # "when does the X internship begin?" is answered by "starts on 1 June"
    ("start", "begin", "commence", "commencement"),
    ("union", "unionized", "unionised", "unionise", "unionize"),
    # "how do I report a mistake?" is answered under "Can I suggest a correction?"
    ("correction", "error", "mistake", "typo", "erratum"),
)
# Word families of words found on most pages: the ranking counts them as one word, but a
# question's word searches only itself (searching "member" for "membership" made every
# membership question read twice the passages, and cost twice the time, at 100,000).
WORD_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("member", "membership"),
    ("annual", "yearly", "annually"),
)
# Phrases that say a word of the groups above in words none of which is it: "a car park" is
# parking, "the collective agreement" is a union's, "annual leave" is a vacation, "What we
# offer" is the heading of a posting's benefits. Each is read as its word too, beside its own
# words, wherever a text's words are ranked or compared (``meaning_stems``).
SAID_IN_OTHER_WORDS: tuple[tuple[str, str], ...] = (
    ("car park", "parking"),
    ("parking lot", "parking"),
    ("collective agreement", "union"),
    ("collective bargaining", "union"),
    ("annual leave", "vacation"),
    ("paid leave", "vacation"),
    ("paid time off", "vacation"),
    ("what we offer", "benefit"),
    ("what you get", "benefit"),
    ("what you'll get", "benefit"),
    # what members get is what membership is worth: "what are the benefits of membership?" is
    # answered under "What do members get?" or by "members are sent a newsletter"
    ("members get", "benefit"),
    ("members receive", "benefit"),
    ("members enjoy", "benefit"),
    ("members are sent", "benefit"),
    ("members are given", "benefit"),
    ("members are offered", "benefit"),
    ("in it for", "benefit"),
    # to join is to become a member: "how do I become a member?" is answered under "How can
    # my institution join?"; but a member is not joining: "how do I join?" is answered under
    # "Signing up", not by "Members may leave at the end of the year"
    ("join", "member"),
    ("joined", "member"),
    ("become a member", "join"),
    ("become members", "join"),
    ("becoming a member", "join"),
    ("sign up", "join"),
    ("signing up", "join"),
    # "how much does the workshop cost?" is answered by "The workshop is free"; not "free"
    # alone ("free to reuse", "feel free")
    ("is free", "fee"),
    ("are free", "fee"),
    ("free of charge", "fee"),
    ("at no cost", "fee"),
)
# Roles a posting names in words other than the asker's: "developer jobs" are a Software
# Engineer's too. A list's word is searched with its phrases in its place (one query, an OR
# in it: ``PostingQuery.said_otherwise``); they are no synonym group, which would make an
# FAQ's "engineer" answer a question on developers. The index stems each word: a phrase
# whose stem is another word's is none ("cataloguer" would find every "catalogue",
# "programmer" every "programme").
ROLES_SAID_OTHERWISE: dict[str, tuple[str, ...]] = {
    "developer": ("software engineer",),
    "programmer": ("developer", "software engineer"),
}
SEARCHED = 5
SYNONYMS = {
    stem_: stems[0]
    for stems in (tuple(stem(w) for w in group) for group in SYNONYM_GROUPS + WORD_FAMILIES)
    for stem_ in stems
}
_GROUP_OF = {stem_: group[:SEARCHED] for group in SYNONYM_GROUPS for stem_ in map(stem, group)}
WH_WORDS = frozenset({"how", "what", "why", "who", "when", "where", "which", "can", "does", "do"})
# In a /jobs query these words describe the listing itself, not its content: "/jobs open
# positions" means "/jobs", not "postings whose text says positions".
JOBS_NOISE = frozenset(
    """
    job jobs open opening openings position positions posting postings vacancy vacancies
    role roles available hiring current currently list show me find
    mention mentions mentioning require requires requiring involve involves involving
    """.split()
)
# Words that begin organisations' names but mean themselves in a question: such a name is
# recognised whole ("open records network"), never by its first word alone.
COMMON_WORDS = frozenset(
    """open new public national international digital global american european university
    college library museum archive archives center centre research data community society
    foundation institute council association the first united free city state royal""".split()
)
# Uppercase query operators people paste from search engines; harmless words otherwise.
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“'(\[]?[A-Z0-9$€£])")


# How people say where the work is done, in /jobs and in questions alike (each lower-case,
# words as ``tokens`` splits them).
REMOTE_PHRASES = (
    "remote", "remotely", "remote-first", "remote-friendly", "virtual", "wfh", "from home",
    "work from anywhere", "telework", "teleworking", "telecommute", "telecommuting", "hybrid",
    # work one need not move for: "jobs that don't require relocating"
    "without relocating", "without relocation", "without moving", "without having to move",
    "without having to relocate", "no need to relocate", "no need to move",
    "not requiring relocation", "not requiring relocating", "don't require relocating",
    "don't require relocation", "doesn't require relocating", "doesn't require relocation",
    "no relocation required", "no relocation needed",
)  # fmt: skip
ONSITE_PHRASES = ("onsite", "on-site", "on site", "in-person", "in person", "in the office")


def _phrase_at(words: Sequence[str], i: int, phrases: Sequence[str]) -> int:
    """How many words a phrase of ``phrases`` takes at ``words[i]``; 0 when none starts there."""
    for phrase in phrases:
        wanted = phrase.split()
        if words[i : i + len(wanted)] == wanted:
            return len(wanted)
    return 0


def tokens(text: str) -> list[str]:
    """Words of ``text`` with case kept; punctuation, emoji and control characters dropped."""
    return _TOKEN.findall(text)


def org_slug(organization: str) -> str:
    """The shortcut word for an organisation: "IIIF Consortium" → "iiif"; "" when none."""
    for word in tokens(organization):
        slug = "".join(ch for ch in word.lower() if ch.isascii() and ch.isalnum())
        if slug and slug not in STOPWORDS:
            return slug
    return ""


@dataclass(frozen=True)
class JobsSearch:
    """A parsed ``/jobs`` query.

    ``parts`` are the recognised pieces in the order typed ("remote", "closing this week",
    "developer"); joined they give the canonical query, and dropping one gives the "try
    without this filter" suggestions. ``page`` is 1-based.
    """

    query: PostingQuery
    page: int
    parts: tuple[str, ...]
    window: Window | None = None  # the deadline window, with the words a reply states it in

    @property
    def canonical(self) -> str:
        return " ".join(self.parts)

    def command(self, *, page: int = 1, include_all: bool | None = None) -> str:
        """The ``jobs …`` command (without slash) that repeats this search."""
        words = []
        if self.query.include_inactive if include_all is None else include_all:
            words.append("all")
        words.extend(self.parts)
        if page > 1:
            words.append(f"page {page}")
        return " ".join(["jobs", *words])

    def without(self, index: int) -> str:
        """The command that repeats this search minus ``parts[index]``."""
        parts = self.parts[:index] + self.parts[index + 1 :]
        prefix = ["jobs", "all"] if self.query.include_inactive else ["jobs"]
        return " ".join([*prefix, *parts])


def _org_index(organizations: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Word sequences that name an organisation → the filter value (its slug).

    The slug (first word) is what the store matches as a case-insensitive substring, so
    "iiif" finds both "IIIF" and "IIIF Consortium".
    """
    return _org_index_of(tuple(organizations))


@lru_cache(maxsize=8)
def _org_index_of(organizations: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    # the same few names on every command: tokenising them costs more than the command's SQL
    index: dict[tuple[str, ...], str] = {}
    for org in organizations:
        slug = org_slug(org)
        if not slug:
            continue
        value = org_filter(slug, organizations)
        if slug not in COMMON_WORDS:  # "open" alone is no filter for "Open Records Network"
            index.setdefault((slug,), value)
        words = tuple(w.lower() for w in tokens(org))
        if 1 < len(words) <= 6:
            index.setdefault(words, value)
    for initials, org in org_initials(organizations).items():
        # the whole name: the store matches a filter as part of the name, and "uci" is not
        index.setdefault((initials,), org.lower())
    return index


def org_filter(slug: str, organizations: Iterable[str]) -> str:
    """The value the store matches (as part of a name) for the organisation named by
    ``slug``: the slug itself ("iiif" finds "IIIF" and "IIIF Consortium"), unless it is also
    part of another organisation's name ("corvid" of "Corvida Foundation"); then the whole
    name of the one organisation so named, which the other does not hold."""
    return _org_filter_of(slug, tuple(organizations))


@lru_cache(maxsize=256)
def _org_filter_of(slug: str, organizations: tuple[str, ...]) -> str:
    own = [o for o in organizations if org_slug(o) == slug]
    inside_another = any(slug in o.lower() for o in organizations if org_slug(o) != slug)
    return own[0].lower() if inside_another and len(own) == 1 else slug


def organizations_named(text: str, organizations: Iterable[str]) -> list[str]:
    """The filter values of every organisation ``text`` names, in order, each once ("any
    iiif or datacite jobs?" → iiif, datacite); ``/jobs`` filters by the first."""
    index = _org_index(organizations)
    longest = max((len(k) for k in index), default=1)
    words = [w.lower() for w in tokens(text)]
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            value = index.get(tuple(words[i : i + n]))
            if value is not None:
                found.append(value)
                i += n - 1
                break
        i += 1
    return list(dict.fromkeys(found))


_NAME_LINKS = frozenset({"of", "the", "and", "for", "at", "in", "on", "de", "du", "la", "&"})


@lru_cache(maxsize=8)
def _initials_of(organizations: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for org in organizations:
        words = [part for w in tokens(org) for part in w.split("-") if part]
        capitals = [w for w in words if w.lower() not in _NAME_LINKS]
        initials = "".join(w[0] for w in capitals).lower()
        if len(capitals) >= 3 and initials.isalpha():
            found.setdefault(initials, []).append(org)
    plain = STOPWORDS | COMMON_WORDS | JOBS_NOISE
    return {i: orgs[0] for i, orgs in found.items() if len(orgs) == 1 and i not in plain}


def org_initials(organizations: Iterable[str]) -> dict[str, str]:
    """Organisations people name by the initials of their words: "uci" → "University of
    California-Irvine" (hyphenated words count apart; "of", "the"… do not). Only names of
    three words or more, and initials that are no common word nor shared by two names."""
    return _initials_of(tuple(organizations))


def spell_out_initials(text: str, organizations: Iterable[str]) -> str:
    """``text`` with each organisation named by its initials named in full ("what does the
    uci job pay?" → "… the University of California-Irvine job …"): pages and postings
    spell the name out."""
    names = tuple(organizations)
    named = _initials_of(names)
    if not named:
        return text
    return _initials_pattern(names).sub(lambda m: named[m.group(1).lower()], text)


@lru_cache(maxsize=8)
def _initials_pattern(organizations: tuple[str, ...]) -> re.Pattern[str]:
    # the same few names on every question: the pattern is built once, not per question
    initials = "|".join(map(re.escape, _initials_of(organizations)))
    return re.compile(r"(?<![\w-])(" + initials + r")(?![\w-])", re.I)


_WORD_JOINERS = re.compile(r"[-'’]")


def _term_words(word: str) -> list[str]:
    # The store quotes each term; a hyphenated word is two words in every full-text index.
    return [w for w in _WORD_JOINERS.split(word) if w]


@dataclass
class _Parsing:
    """A ``/jobs`` query as it is read word by word: each reader below takes the words it
    knows at position ``i`` (returning how many) or leaves them to the next."""

    raw: list[str]
    words: list[str]
    phrase: str
    orgs: dict[tuple[str, ...], str]
    remote: bool | None = None
    organization: str | None = None
    open_until_filled: bool | None = None
    include_inactive: bool = False
    page: int = 1
    parts: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


def _operator(p: _Parsing, i: int) -> int:
    return 1 if p.raw[i] in OPERATORS else 0


def _window_mark(p: _Parsing, i: int) -> int:
    if p.words[i] != WINDOW_MARK:
        return 0
    p.parts.append(f"closing {p.phrase}")
    return 1


def _where_worked(p: _Parsing, i: int) -> int:
    for phrases, remote, part in (
        (REMOTE_PHRASES, True, "remote"),
        (ONSITE_PHRASES, False, "onsite"),
    ):
        if taken := _phrase_at(p.words, i, phrases):
            p.remote = remote
            p.parts.append(part)
            return taken
    return 0


# How people ask for postings without a closing date ("/jobs until filled", "rolling deadline
# jobs"), longest first
UNTIL_FILLED_PHRASES = (
    "open until filled", "until filled", "rolling deadlines", "rolling deadline",
    "rolling basis", "rolling applications",
)  # fmt: skip


def _until_filled(p: _Parsing, i: int) -> int:
    if taken := _phrase_at(p.words, i, UNTIL_FILLED_PHRASES):
        p.open_until_filled = True
        p.parts.append("open until filled")
    return taken


def _all(p: _Parsing, i: int) -> int:
    if p.words[i] != "all" or p.include_inactive:
        return 0
    p.include_inactive = True
    return 1


def _page(p: _Parsing, i: int) -> int:
    if p.words[i] != "page" or i + 1 >= len(p.words) or not p.words[i + 1].isdecimal():
        return 0
    p.page = max(1, min(int(p.words[i + 1]), MAX_PAGE))
    return 2


def _organisation(p: _Parsing, i: int) -> int:
    """The longest organisation name starting here (the first one named is the filter)."""
    if p.organization is not None:
        return 0
    longest = max((len(k) for k in p.orgs), default=1)
    for n in range(min(longest, len(p.words) - i), 0, -1):
        key = tuple(p.words[i : i + n])
        if key in p.orgs:
            p.organization = p.orgs[key]
            p.parts.append(" ".join(p.raw[i : i + n]).lower())
            return n
    return 0


def _term(p: _Parsing, i: int) -> int:
    w = p.words[i]
    if w not in STOPWORDS and w not in JOBS_NOISE and len(p.terms) < MAX_TERMS:
        # one letter says too little to filter on ("a\x00b" leaves "b")
        new = [t for t in _term_words(w) if len(t) > 1 and t not in STOPWORDS and t not in p.terms]
        if new:
            p.terms.extend(new)
            p.parts.append(w)
    return 1


_READERS = (_operator, _window_mark, _where_worked, _until_filled, _all, _page, _organisation)


def said_otherwise(terms: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(term, phrase) for each role of ``terms`` a posting may name otherwise
    (``ROLES_SAID_OTHERWISE``; "developers" as "developer")."""
    return tuple(
        (term, phrase)
        for term in terms
        for phrase in ROLES_SAID_OTHERWISE.get(_singular(term.lower()), ())
    )


def parse_jobs_query(
    text: str, today: date, organizations: Iterable[str] = (), *, page_size: int = PAGE_SIZE
) -> JobsSearch:
    """Parse ``/jobs`` text into filters and full-text terms; never raises on any text."""
    window, phrase, text = deadline_window(without_mentions(text), today)
    raw = tokens(text)
    p = _Parsing(raw, [w.lower() for w in raw], phrase, _org_index(organizations))
    i = 0
    while i < len(p.words):
        i += next((n for read in _READERS if (n := read(p, i))), 0) or _term(p, i)
    query = PostingQuery(
        today=today,
        terms=tuple(p.terms),
        said_otherwise=said_otherwise(p.terms),
        organization=p.organization,
        remote=p.remote,
        deadline_from=window.start if window is not None else None,
        deadline_to=window.end if window is not None else None,
        open_until_filled=p.open_until_filled,
        include_inactive=p.include_inactive,
        limit=page_size,
        offset=(p.page - 1) * page_size,
    )
    return JobsSearch(query=query, page=p.page, parts=tuple(p.parts), window=window)


# --- FAQ ----------------------------------------------------------------------------------


def _canonical(word_stem: str) -> str:
    return SYNONYMS.get(word_stem, word_stem)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# "any calls for proposals open?", "is registration open for the meeting?": "open" asks
# whether something still takes part, which a date answers ("Submissions are due by 15 May"),
# as "any open calls?" and "can I still register?" do; it is no word of the topic, nor the
# "opening" of a job its stem shares. Not "open access", "Open Maps Forum", nor "who is it
# open to?" (who may take part).
_ASKS_OPEN = re.compile(
    r"\bopen(?=\s*(?:[?!.,;]|$)|\s+(?:now|yet|still|currently|today|for|right now"
    r"|at the moment|calls?|grants?|funding|submissions?|registration)\b)"
    # "can I still register?", "is it too late to apply?"
    r"|\bcan (?:i|we|you|one) still (?:register|apply|submit|sign up|enrol|enroll|book|join"
    r"|send|propose|enter)\b|\btoo late\b",
    re.I,
)


_NOW_WORDS = frozenset({"still", "now", "currently", "yet", "right", "moment", "today"})


def asks_open(question: str) -> bool:
    """Whether a question asks if something still takes part ("any calls open?")."""
    return _ASKS_OPEN.search(question) is not None


# The words of the sentence that says until when a call or a registration takes part, to
# search a page's passages for it ("Submissions are due by 6 February", "The deadline for
# applications is 30 April", "Registration closes on 15 May", "Send an abstract by 15 May")
CLOSING_TERMS = (
    "deadline", "due", "close", "closes", "closing", "submit", "send", "apply", "applications",
    "registration", "until",
)  # fmt: skip
_CLOSING = re.compile(r"\b(?:due|deadline|closes?|closing|by|until|before|no later than)\b", re.I)


def closing_sentence(text: str) -> str | None:
    """The first sentence of ``text`` that names a date as the end of something ("… by 15 May
    2026"); None when none does."""
    for sentence in split_sentences(text):
        if _CLOSING.search(sentence) and _HAS_DATE.search(sentence):
            return sentence
    return None


def faq_terms(question: str) -> list[str]:
    """Search words of a natural-language question, for the store's OR query.

    Lowercase, stopwords and one-letter words dropped, hyphenated words split; a plural is
    followed by its singular ("fees", "fee") so a store without stemming still finds both.
    """
    out: list[str] = []
    for word in tokens(_ASKS_OPEN.sub(" ", question)):
        for part in _term_words(word.lower()):
            if len(part) < 2 or part in STOPWORDS:
                continue
            forms = (part, _singular(part), *_FORMS_OF.get(stem(part), ()))
            for form in (*forms, *_GROUP_OF.get(stem(part), ())):
                if form and form not in out:
                    out.append(form)
            if len(out) >= MAX_TERMS * 2:
                return out
    return out


# a question's verb searches its other forms as well: the index stems "paid" apart from "pay"
_FORMS_OF: dict[str, tuple[str, ...]] = {}
for _form, _verb in OTHER_FORMS.items():
    _FORMS_OF[stem(_verb)] = (*_FORMS_OF.get(stem(_verb), (_verb,)), _form)


def _stems(text: str) -> list[str]:
    return list(_said_stems(text))


@lru_cache(maxsize=4096)
def _said_stems(text: str) -> tuple[str, ...]:
    """The stems ``text`` says: its words', and "deadline" when it names a day something is
    due by ("send an abstract by 15 May 2026"); ``_text_stems`` are the words alone. Kept as
    they are: /faq re-reads the same sentences for every passage it ranks."""
    said = _text_stems(text)
    return (*said, *_DEADLINE) if _BY_DATE.search(text) else said


@lru_cache(maxsize=4096)
def _text_stems(text: str) -> tuple[str, ...]:
    # an FAQ's passages and sentences are few and asked about again and again; a mailbox's
    # name is no prose ("support@example.org" says nothing of what is supported), its
    # domain may be ("jobs@metro.org"); an address is a way to get in touch ("who do I
    # contact about membership?": "our coordinator, Priya Anand (members@…)")
    prose = _MAILBOX.sub(" email @", text) if "@" in text else text
    # "10.000", "10,000" and "10000" are one number ("0,80" is not a thousand)
    prose = _GROUPED.sub(lambda m: _SEPARATOR.sub("", m.group()), prose)
    # "20k DOIs" is 20000 of them
    prose = _THOUSANDS.sub(lambda m: str(int(m.group(1)) * 1000), prose)
    # "per year" is "annual" ("how much is membership per year?": "Annual membership fee");
    # "this year" is a date, asked of the page's dates, not a word of the topic
    prose = _PER_YEAR.sub(" annual ", prose)
    prose = _THIS_YEAR.sub(" ", prose)
    prose = _OTHER_WORDS.sub(lambda m: f"{m.group()} {_WORD_OF[_lower_words(m.group())]}", prose)
    return tuple(s for word in tokens(prose) for s in _word_stems(word))


_WORD_OF = dict(SAID_IN_OTHER_WORDS)
_OTHER_WORDS = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase, _ in SAID_IN_OTHER_WORDS)
    + r")\b",
    re.I,
)


def _lower_words(text: str) -> str:
    return " ".join(text.lower().split())


def meaning_stems(text: str) -> frozenset[str]:
    """The stems ``text`` says, each as its synonym group's first and a phrase of
    ``SAID_IN_OTHER_WORDS`` as its word as well: what a question's words and a page's
    sentence are compared by, when the page may say the thing in words of its own."""
    return frozenset(_text_stems(text))


_MAILBOX = re.compile(r"[\w.%+-]+@(?=[\w-]+\.)")
# A year as a period, written as a phrase: one word of the family ``annual`` (not "this year",
# "a year ago": a moment, not a period)
_PER_YEAR = re.compile(r"\b(?:per|each|every)\s+(?:year|annum)\b", re.I)
_THIS_YEAR = re.compile(r"\b(?:this|next|last)\s+year\b", re.I)
_THOUSANDS = re.compile(r"(?<![\w.,$€£])(\d{1,3})k\b", re.I)
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d]|[.,]\d)")
_SEPARATOR = re.compile(r"[.,]")


@lru_cache(maxsize=50_000)
def _word_stems(word: str) -> tuple[str, ...]:
    # /faq re-ranks 40 passages sentence by sentence: the same few hundred words, every time
    return tuple(
        # a digit alone names something beside its word ("tier 2", "version 3")
        _canonical(stem(p))
        for p in _term_words(word.lower())
        if (len(p) > 1 or p.isdigit()) and p not in STOPWORDS
    )


def _wh_word(text: str) -> str | None:
    """The question word a question or heading starts with; a heading may put its question
    in brackets ("Eligibility (Who can apply):")."""
    words = tokens(text)
    first = words[0].lower() if words else ""
    if first in WH_WORDS:
        return first
    bracketed = re.search(r"\((\w+)", text)
    inner = bracketed.group(1).lower() if bracketed else ""
    return inner if inner in WH_WORDS else None


def split_sentences(text: str) -> list[str]:
    """Sentences and bullet lines of a passage; the unit an answer quotes."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip().lstrip("*-• ").strip()
        if line:
            out.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return out


@dataclass(frozen=True)
class Answer:
    """The best excerpt of one candidate passage, with how sure we are about it.

    ``hit.passage.text`` is the excerpt (the sentence that answers, plus a short neighbour);
    ``full_text`` keeps the passage it was cut from.
    """

    hit: PassageHit
    excerpt: str
    full_text: str
    score: float
    coverage: float
    confident: bool


# Weights of the re-ranking signals; the unit is one "average rare query word".
PASSAGE_WEIGHT = 0.5  # the rest of the passage around the sentence
QUESTION_WEIGHT = 1.0  # the section heading: FAQ authors phrase it like the asker would
ADJACENT_WEIGHT = 0.5  # query words next to each other in the sentence
HEADING_ASKS_BONUS = 1.5  # the heading holds every word asked (``_heading_asks``)
# "does the job need libguides?" is answered under "Qualifications", not by the duty that
# names the tool: a question of what is needed favours the section of requirements
REQUIREMENT_BONUS = 0.5
_NEEDS = frozenset({"need", "needs", "require", "requires"})
WH_MATCH = 1.0  # "how do I…" meets "How can…"; "why…" does not
WH_MISMATCH = -0.5
NUMBER_BONUS = 1.0  # "how much", "fee", "deadline": the sentence with the figure answers
NUMBER_WORDS = frozenset({"much", "many", "when"})
NUMBER_STEMS = frozenset({"fee", "salari", "deadlin", "date", "amount"})
# "when", "deadline", "date": the figure that answers is a date, not a grant's number
DATE_WORDS = frozenset({"when"})
DATE_STEMS = frozenset({"deadlin", "date"})
WHEN_WORDS = frozenset({"when", "deadline", "deadlines", "date", "dates", "due"})
_HAS_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:19|20)\d\d\b(?![-–]\d)|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
# What answers "when": a date, a month or season said as a time ("each year in November",
# "in the spring"; not the "summer school" it names, nor "members may join"), a weekday, or a
# time that is none ("on a rolling basis", "until filled", "any time")
_TIMED = re.compile(
    _HAS_DATE.pattern + r"|\b(?:in|by|from|until|till|through|during|this|next|every|each|late"
    r"|early|mid-?|of)\s+(?:the\s+)?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekly"
    r"|monthly|yearly|annually|quarterly|rolling|any ?time|until filled|ongoing|year-round"
    r"|no (?:fixed )?deadline|today|tomorrow|next (?:week|month|year))\b",
    re.I,
)
_HAS_NUMBER = re.compile(r"\d")
# "how many…", "how big is the team?", "how old must I be?": a figure is asked, and a
# sentence that holds none is no answer, whatever words it shares with the question
_ASKS_A_FIGURE = re.compile(r"\bhow\s+(?:many|big|large|small|old)\b", re.I)


def answers_the_figure(question: str, sentence: str) -> bool:
    """Whether ``sentence`` can answer ``question`` for its figure: it holds a number, or
    the question asks none."""
    return _ASKS_A_FIGURE.search(question) is None or _HAS_COUNT.search(sentence) is not None


_HAS_COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundreds?|thousands?|dozens?)\b",
    re.I,
)
PAGE_WORD_SHARE = 0.7  # in a sentence, a query word that is also in the page's title
AMOUNT_BONUS = 2.0  # "how much", "cost", "fee": a sentence naming a sum of money answers
AMOUNT_STEMS = frozenset({"much", "cost", "fee", "price", "money", "pay", "salari", "budget"})
_HAS_AMOUNT = re.compile(
    r"[$€£]\s?\d|\d[\d.,]*\s?(?:€|£|usd|eur|gbp|dollars?|euros?)"
    r"|\b(?:usd|eur|gbp|chf|cad|aud|nok|sek|dkk|jpy)\s?\d",
    re.I,
)
DEFINITION_BONUS = 1.0  # "what is X": the sentence "X is …" defines it
_ABOUT = re.compile(r"\s*(?:about|who we are|what is)\b", re.I)
# "what is X", "who are they", and what a body is for: "what does X do?" (the sentence "X is
# a consortium that …" answers it as it answers "what is X")
_DEFINITION_QUESTION = re.compile(
    r"(?:what|who)(?:'s|\s+(?:is|are))\b|what\s+(?:does|do)\s+(?:[\w\-’']+\s+){1,6}?do\s*\??\s*$",
    re.I,
)
_DEFINITION = re.compile(r"(?:the\s+)?(?:[\w\-’']+\s+){0,4}(?:is|are)\b", re.I)
MIN_COVERAGE = 0.5
COVERAGE_FLOOR = 0.3  # the share of its score a passage holding none of the words would keep
# Words that carry the asking, not the topic ("where do I send questions about…", "what themes
# is the conference looking for?", "can they write a letter of support?"): they are left out of
# the ranking as stopwords are, so a page that does not repeat them still answers ("does the
# job involve travel?": "Travel is required").
LIGHT_WORDS = frozenset(
    """send sent sending look looking looks find write writing show use using give make put
    putting go
    see say tell people person thing things way ways kind kinds sort sorts happen happens
    happened sit sits sitting work works
    needed involve involves
    receive receives received receiving""".split()
)
# "how long do projects last?", "how long should a proposal be?": a length or a span is
# asked; "long" and "last" say so, they are not the topic
_HOW_LONG = re.compile(r"\bhow long\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A day something must be done by: "by 15 May 2026", "until March 31", "no later than 1 June"
_BY_DATE = re.compile(
    r"\b(?:by|until|before|no later than)\s+(?=\W{0,2}(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"|"
    + _MONTH
    + r"\s+\d))",
    re.I,
)
_DEADLINE = _word_stems("deadline")
# a span of time; a length in words or pages is ``_HAS_LENGTH``
_HAS_SPAN = re.compile(
    r"\bduration\b|\b\d+\s?(?:-|–|to)\s?\d+\s+(?:[a-z]+\s+)?(?:minutes?|hours?|days?|weeks?"
    r"|months?|years?)\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?"
    r")\b|\b" + _MONTH + r"\s+\d{1,2}\s?(?:-|–|to)\s?" + _MONTH + r"\s+\d{1,2}\b",
    re.I,
)
# "what time do the webinars start?", "at what time is the call?"; a time of day answers
_ASKS_TIME = re.compile(r"\b(?:what|which) time\b|\bwhat hours?\b|\bstart(?:s|ing)? at\b", re.I)
_HAS_TIME = re.compile(
    r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s?(?:a\.?m|p\.?m)\b\.?|\bnoon\b|\bmidday\b|\b(?:UTC|GMT|CET|EST|PST)\b",
    re.I,
)
# "how often does the board meet?": a sentence saying how often answers ("four times a
# year", "every month", "on the first Monday of each month", "weekly")
_ASKS_HOW_OFTEN = re.compile(r"\bhow often\b|\bhow frequently\b", re.I)
_HAS_FREQUENCY = re.compile(
    r"\b(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)\s+\w+"
    r"|\b(?:every|each)\s+(?:\w+\s+)?(?:day|week|month|year|quarter|spring|autumn|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually)\b",
    re.I,
)
HOW_LONG_WORDS = frozenset({"long", "last", "lasts", "run", "runs", "take", "takes"})
WHERE_WORDS = frozenset({"based", "located", "headquartered", "situated"})
# "how much money can a project get?", "how much funding is there?": a sum answers ("each
# project can receive up to €15.000"), the page need not say "money"
_HOW_MUCH_MONEY = re.compile(r"\bhow much (?:money|funding|cash)\b", re.I)
MONEY_WORDS = frozenset({"money", "funding", "cash"})
# "how long should my proposal be?": of a thing written, the length is in words or pages, and
# a passage's "7 minute talks" does not answer it; of anything else ("how long are the
# talks?"), a span of time answers, not "a proposal of 300-500 words"
_WRITTEN = re.compile(
    r"\b(?:proposals?|abstracts?|letters?|statements?|essays?|submissions?|bios?|biography"
    r"|summary|summaries|papers?|resumes?|cvs?|articles?|posts?)\b",
    re.I,
)
_HAS_LENGTH = re.compile(
    r"\b\d[\d,]*\s?(?:(?:-|–|to)\s?\d[\d,]*\s+)?(?:words?|pages?|characters?)\b", re.I
)
# The asker's own kind of institution ("why should my museum join?", "how does our library
# pay?") says who asks, not what about.
ASKER_KINDS = frozenset(
    """museum museums library libraries institution organisation organization university
    archive archives company firm team department school college lab""".split()
)
_ASKER_OWN = re.compile(r"\b(?:my|our)\s+(?P<kind>[a-z]+)", re.I)
# "does the molloy job need php?": the job word after "the" names the posting asked about, as
# its title does; a posting's every passage is about the job ("Position Title: …"), so it
# says nothing of which one answers. Not "the jobs board", "the job code": a noun follows.
_THE_JOB = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,4}?(?:job|position|role|opening|gig)\b"
    r"(?=\s*$|\s*[?!.,:;]|\s+(?:need|needs|require|requires|want|wants|ask|asks|have|has|offer"
    r"|offers|pay|pays|include|includes|come|comes|mention|mentions|use|uses|at|for|with|in|on"
    r"|is|be|get|gets)\b)",
    re.I,
)
# "how much is it to join?", "what does it cost?": only a passage naming a sum (or saying it is
# free) answers; "how much vacation…" asks no sum, nor "what if we pay the fee late?"
_ASKS_SUM = re.compile(
    r"\bhow much (?:is|are|does|do|did|will|would|can|could|should|money|for|to)\b"
    r"|\b(?:cost|costs|price|prices|pricing|charge|charges|salary|salaries|wage|wages)\b",
    re.I,
)
# "where do I send questions about…", "who should we ask": a contact is asked without the word
_ASKS_WHOM = re.compile(
    r"\b(?:where|who|whom) (?:do|can|should|would) (?:i|we) (?P<verb>send|ask|write|turn)\b"
    r"|\bget in touch\b|\breach out\b",
    re.I,
)
_PRICED = re.compile(
    _HAS_AMOUNT.pattern + r"|\bfree\b|\bno (?:fee|charge|cost)s?\b|\bwithout (?:a )?(?:fee|charge)",
    re.I,
)
CONTACT_BONUS = 1.5  # "who do I contact about…": the sentence with an e-mail address answers
NAME_BONUS = 1.0  # "who funds…", "who runs…": the sentence naming someone else answers
_CONTACT = frozenset({"contact"})  # its group's first word: "email", "e-mail" ask the same
_EMAIL_ADDRESS = re.compile(r"[\w.%+-]+@[\w-]+\.[\w.-]+")
# A way to reach someone: an address, a link, a telephone number, or words that give one
# ("contact the programme chair", "write to us")
_REACHED = re.compile(
    _EMAIL_ADDRESS.pattern + r"|https?://|\bwww\.|\+?\d[\d ().-]{7,}\d"
    r"|\b(?:contact|e-?mail|write to|reach|phone|call|telephone|get in touch|form)\b",
    re.I,
)
# "Image API -- Delivers the pixels…": a bullet naming the term asked, then what it is
_TERM_DASH = re.compile(r"^(?P<term>[^\W\d][\w\s'’-]{0,50}?)\s(?:--|–|—)\s")
SHORT_SENTENCE = 90
SHORT_PASSAGE = 360


@dataclass(frozen=True)
class _Asked:
    """A question as the re-ranking reads it: its stems, their weights over the candidates,
    and what kind of sentence answers it."""

    stems: frozenset[str]
    weight: dict[str, float]
    wh: str | None
    wants_number: bool
    wants_date: bool  # "when", "deadline": the number that answers is a date
    wants_amount: bool
    wants_sum: bool  # "how much is it", "cost" (``_ASKS_SUM``): only a passage naming a sum
    wants_count: bool  # "how many": only a passage with a number answers
    wants_span: bool  # "how long": a span of time or a length answers
    wants_definition: bool
    wants_length: bool = False  # "how long should the abstract be": words or pages answer
    wants_contact: bool = False  # "who do I contact…": a sentence with an address answers
    counted: frozenset[str] = frozenset()  # the stems of what "how many" counts ("staff")
    numbers: frozenset[int] = frozenset()  # figures asked that a range may hold ("50000 dois")
    wants_name: bool = False  # "who funds it?": a sentence naming someone not asked about
    place_words: frozenset[str] = frozenset()  # "which regions…": a place's name answers
    wants_requirement: bool = False  # "do I need…": a section of requirements answers
    wants_place: bool = False  # "where is it based?": a sentence naming a city answers
    wants_time: bool = False  # "what time do the webinars start?": a time of day answers
    # "what happens if we don't pay?": a sentence that denies ("is not paid") answers
    wants_denial: bool = False
    wants_frequency: bool = False  # "how often…": "four times a year" answers
    wants_steps: bool = False  # "how do I join?": a sentence saying what to do answers
    # "when", "deadline", "due" as written: a passage naming no time does not answer ("dues"
    # shares "due"'s stem and asks a sum)
    asks_when: bool = False

    @cached_property
    def unit(self) -> float:
        """One average query word: the unit of every bonus (read for every sentence)."""
        return sum(self.weight.values()) / len(self.weight)

    def sum(self, stems: set[str] | frozenset[str], share: dict[str, float]) -> float:
        return sum(self.weight[t] * share[t] for t in self.stems & stems)


@dataclass(frozen=True)
class _Candidate:
    hit: PassageHit
    text: set[str]
    heading: set[str]
    page: set[str]
    # the passage's written words: how rare a word asked is, is counted by them ("deadline"
    # said by every "by <date>" of the job postings would say little of the one page that
    # writes "due")
    written: frozenset[str]


# Kinds of event ("how much is the summer conference?"): a page about a webinar series does
# not answer for a conference, nor a summer school's for a symposium. Not "event" (any of
# them), nor "forum" (often a body's name: "Open Maps Forum").
EVENT_KIND = re.compile(
    r"\b(conference|summit|symposium|workshop|webinar|summer school|winter school|seminar"
    r"|colloquium|congress|festival|hackathon|meetup|unconference|meeting|retreat)s?\b",
    re.I,
)
# The words that search for pages of events ("any events coming up?")
EVENT_TERMS = (
    "event", "events", "conference", "meeting", "webinar", "workshop", "symposium", "summit",
    "school", "seminar",
)  # fmt: skip


def _of_kind(answer: Answer, kinds: Sequence[str]) -> bool:
    """Whether the answer's page, heading or passage names one of the kinds asked."""
    p = answer.hit.passage
    said = {
        k.lower() for k in EVENT_KIND.findall(f"{p.page_title} {p.question} {answer.full_text}")
    }
    return bool(said & {k.lower() for k in kinds})


def rank_passages(question: str, hits: Sequence[PassageHit]) -> list[Answer]:
    """Re-rank the store's candidates for ``question``, best first, down to sentences.

    A query word's weight is its rarity across the candidates (a word every candidate has,
    like the organisation's name, says little). Each sentence scores its own matches, half of
    the rest of its passage, the section question, adjacency of query words and whether the
    question types agree ("how" / "why"). ``confident`` needs a matching word in the sentence
    itself and at least half the query weight covered by passage, heading or page title.
    """
    query = list(dict.fromkeys(_stems(question)))
    if not query or not hits:
        return []
    candidates = [_candidate(hit) for hit in hits]
    query = _short_forms_read(query, candidates)
    raw_words = {w.lower() for w in tokens(question)}
    light = _light_stems(question, raw_words)
    if set(query) - light:  # words that only ask are left out, unless nothing else is asked
        query = [t for t in query if t not in light]
    asked = _asked(question, query, raw_words, candidates)
    answers = [_answer(asked, c, rank) for rank, c in enumerate(candidates)]
    answers.sort(key=lambda a: a.score, reverse=True)
    if asked.wants_contact:
        answers = _contact_first(asked, candidates, answers)
    else:
        answers = _requoted(asked, answers, candidates)
    kinds = EVENT_KIND.findall(question)
    if kinds:  # another kind of event does not answer for the one asked
        answers = [a if _of_kind(a, kinds) else replace(a, confident=False) for a in answers]
    named = _page_named(asked.stems, candidates) or _page_titled(question, candidates)
    if named is not None:  # another page does not answer for the page named
        answers = [
            a if a.hit.passage.source == named else replace(a, confident=False) for a in answers
        ]
    return answers


def _page_named(stems: Iterable[str], candidates: Sequence[_Candidate]) -> str | None:
    """The page a word asked names, when only that page's title holds it and no other
    candidate says it ("membership of the Stellar Archive Network": "stellar"); None
    when no word asked is so. When words name different pages ("who do I ask about quill
    grants?": "ask" is in a title of Frequently Asked Questions too), the page most of them
    name; None when as many name another, so the answer never hangs on the words' order."""
    named: Counter[str] = Counter()
    for s in stems:
        titled = {c.hit.passage.source for c in candidates if s in c.page}
        if len(titled) != 1:
            continue
        said = {c.hit.passage.source for c in candidates if s in c.text or s in c.heading}
        if said <= titled:
            named[next(iter(titled))] += 1
    most = named.most_common(2)
    if not most or (len(most) == 2 and most[0][1] == most[1][1]):
        return None
    return most[0][0]


TITLE_RUN = 2  # words in a row: "the open images fund" names "Wren Open Images Fund"


def _page_titled(question: str, candidates: Sequence[_Candidate]) -> str | None:
    """The page whose title holds words asked in a row ("how much money can I get from the
    open images fund?": "Wren Open Images Fund") that no other candidate's title or text
    holds in a row: each of the words alone is said elsewhere ("open access to its
    images", a gallery's budget), so none names the page, but together they are its name."""
    asked = _stems(question)
    runs = {
        tuple(asked[i:j]) for i in range(len(asked)) for j in range(i + TITLE_RUN, len(asked) + 1)
    }
    titled: set[str] = set()
    said: set[str] = set()
    for c in candidates:
        title = _stems(c.hit.passage.page_title)
        text = _stems(f"{c.hit.passage.question} {c.hit.passage.text}")
        if any(_holds_run(title, run) for run in runs):
            titled.add(c.hit.passage.source)
        elif any(_holds_run(text, run) for run in runs):
            said.add(c.hit.passage.source)
    if len(titled) != 1 or said - titled:
        return None
    return next(iter(titled))


def _holds_run(words: Sequence[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(words[i : i + n]) == run for i in range(len(words) - n + 1))


SHORT_FORM = 5  # "postdoc" names "Postdoctoral"; "arch" names no "Archivist"


def _short_forms_read(query: list[str], candidates: Sequence[_Candidate]) -> list[str]:
    """The stems asked, a short form no candidate holds read as the candidates' word it
    starts ("the postdoc" of "Postdoctoral Research Fellow", "metadata coord" of
    "Coordinator"): else no passage holds it, and it weighs as the rarest word asked."""
    words: set[str] = set()
    for s in query:
        if len(s) < SHORT_FORM or any(s in c.text or s in c.page for c in candidates):
            continue
        words = words or {w for c in candidates for w in c.text | c.page}
        # "office" is no short form of "officer": another form of a word is not one
        longer = sorted(
            (w for w in words if w.startswith(s) and not inflected(s, w)),
            key=lambda w: (len(w), w),
        )
        if longer:
            query = [longer[0] if t == s else t for t in query]
    return list(dict.fromkeys(query))


def _candidate(hit: PassageHit) -> _Candidate:
    return _Candidate(
        hit,
        set(_stems(hit.passage.text)),
        set(_stems(hit.passage.question)),
        # what the page is about ("DataCite" of "DataCite Fee Model") answers that part,
        # and so does its year ("who did datacite hire in 2018?")
        set(_stems(f"{hit.passage.page_title} {hit.passage.organization or ''}"))
        | ({str(hit.passage.posted.year)} if hit.passage.posted else set())
        | _title_initials(hit.passage.page_title),
        frozenset(_text_stems(hit.passage.text)),
    )


def _asked(
    question: str, query: list[str], raw_words: set[str], candidates: Sequence[_Candidate]
) -> _Asked:
    """The question's stems weighed by their rarity over the candidates, and what kind of
    sentence answers it."""
    qset = frozenset(query)
    df = dict.fromkeys(query, 0)
    for c in candidates:
        # a page named by its initials holds them in every passage ("gaf" says which page)
        for term in qset & (c.written | c.heading | _title_initials(c.hit.passage.page_title)):
            df[term] += 1
    how_long = _HOW_LONG.search(question) is not None
    open_asked = asks_open(question)
    # "what happens if we don't pay the fee?" asks what follows, not the fee's figure
    consequence = _DENIED_IF.search(question) is not None
    return _Asked(
        stems=qset,
        weight={t: max(0.1, math.log((len(candidates) + 1) / (df[t] + 0.5))) for t in query},
        wh=_wh_word(question),
        wants_date=bool(raw_words & DATE_WORDS or qset & DATE_STEMS) or open_asked,
        wants_number=bool(raw_words & NUMBER_WORDS or (qset & NUMBER_STEMS and not consequence))
        or how_long
        or open_asked,
        wants_amount=bool(raw_words & AMOUNT_STEMS or qset & AMOUNT_STEMS) and not consequence,
        wants_denial=consequence,
        wants_sum=_ASKS_SUM.search(question) is not None,
        wants_count="many" in raw_words,
        counted=_counted(question),
        wants_span=how_long,
        wants_length=how_long and _WRITTEN.search(question) is not None,
        wants_definition=_DEFINITION_QUESTION.match(question.strip()) is not None,
        wants_contact=asks_contact(question),
        numbers=frozenset(
            int(t) for t in qset if t.isdecimal() and int(t) >= MIN_RANGED and not _year(int(t))
        ),
        wants_name=_wh_word(question) == "who" and not asks_contact(question),
        place_words=qset & PLACE_STEMS,
        wants_place=_wh_word(question) == "where",
        wants_requirement=bool(raw_words & _NEEDS),
        wants_time=_ASKS_TIME.search(question) is not None,
        wants_frequency=_ASKS_HOW_OFTEN.search(question) is not None,
        wants_steps=_ASKS_STEPS.search(question) is not None,
        asks_when=bool(raw_words & WHEN_WORDS) or open_asked,
    )


# "what regions would I work with?", "which countries?": a sentence naming a region or a
# country holds the word ("communities in Latin America, Africa or Asia")
PLACE_STEMS = frozenset(stem(w) for w in ("region", "country", "countries", "continent"))
_NAMED_PLACES = ("region", "country")


def _placed(text: str, asked: _Asked) -> frozenset[str]:
    """The place words asked, as held by ``text`` when it names a region or a country."""
    if not asked.place_words:
        return frozenset()
    named = any(p.kind in _NAMED_PLACES for p in places_in(text))
    return asked.place_words if named else frozenset()


def _contact_first(
    asked: _Asked, candidates: Sequence[_Candidate], answers: list[Answer]
) -> list[Answer]:
    """The page is the one about the topic, whichever passage holds the word "contact";
    its address answers (``_address_first``)."""
    topic = asked.stems - _CONTACT
    if not topic:
        return answers
    # found by the topic alone: the page's passage about it need not name an address, the
    # page's sentence that does answers (``_address_first``)
    weight = {t: asked.weight[t] for t in topic}
    about = replace(asked, stems=topic, weight=weight, wants_contact=False)
    scored = (_answer(about, c, rank) for rank, c in enumerate(candidates))
    on_topic = max((a for a in scored if a.confident), key=lambda a: a.score, default=None)
    return answers if on_topic is None else _address_first(answers, on_topic)


def asks_contact(question: str) -> bool:
    """Whether a question asks whom to contact ("who do I email about …")."""
    return bool(set(_stems(question)) & _CONTACT) or _ASKS_WHOM.search(question) is not None


def _address_first(answers: list[Answer], on_topic: Answer) -> list[Answer]:
    """ "Who do I contact about X?": the page about X (``on_topic``) is found by its words,
    and its sentence with an e-mail address answers (it seldom repeats them: "Please be in
    touch with …"); the answers as they are when that page names no address."""
    # with no confident answer, the page about the topic still names whom to write to
    best = next((a for a in answers if a.confident), on_topic)
    if best.hit.passage.id == on_topic.hit.passage.id and _EMAIL_ADDRESS.search(best.excerpt):
        return answers
    source = on_topic.hit.passage.source
    for a in answers:
        if a.hit.passage.source != source or not _EMAIL_ADDRESS.search(a.full_text):
            continue
        sentences = split_sentences(a.full_text)
        i = next(i for i, x in enumerate(sentences) if _EMAIL_ADDRESS.search(x))
        excerpt = _excerpt(sentences, i)
        hit = PassageHit(passage=replace(a.hit.passage, text=excerpt), score=best.score)
        promoted = replace(a, hit=hit, excerpt=excerpt, score=best.score, confident=True)
        return [promoted, *(x for x in answers if x is not a)]
    return answers


# "if we don't pay", "if the invoice is not paid", "if I miss the deadline": a condition
# whose consequence is asked
_DENIED_IF = re.compile(
    r"\b(?:if|when)\s+(?:\w+\s+){0,4}?(?:\w+n[’']t|not|never|miss|misses|missed|fail|fails)\b",
    re.I,
)


_DENIES = re.compile(r"\b(?:not|never|no|unpaid|late)\b|n[’']t\b", re.I)


# Verbs whose "anything" is their object, no list asked and no topic: "does the workshop
# cost anything?", "does it charge speakers anything?" (not "anything posted this week?",
# "anything going in glasgow?")
OBJECT_ANYTHING = re.compile(
    r"\b(?:cost|costs|charge|charges|pay|bring|need|needs|require|requires)\s+(?:\w+\s+)?"
    r"anything\b",
    re.I,
)


def only_asking(question: str) -> frozenset[str]:
    """The stems of ``question`` that ask rather than name what is asked about ("money" of
    "how much money can I get?"): no page need say them (``_light_stems``)."""
    return _light_stems(question, {w.lower() for w in tokens(question)})


def _light_stems(question: str, raw_words: set[str]) -> frozenset[str]:
    """The stems of the question that ask rather than name what is asked about."""
    light = set(raw_words & LIGHT_WORDS)
    if OBJECT_ANYTHING.search(question):
        light.add("anything")
    if _HOW_LONG.search(question):
        light |= raw_words & HOW_LONG_WORDS
    if _ASKS_TIME.search(question):  # "what time…": the time of day answers, not the word
        light |= {"time"}
    if _ASKS_HOW_OFTEN.search(question):  # "how often…": "every month" answers, not "often"
        light |= {"often", "frequently"}
    if _HOW_MUCH_MONEY.search(question):
        light |= raw_words & MONEY_WORDS
    if _wh_word(question) == "where":  # "where is it based?": the place answers
        light |= raw_words & WHERE_WORDS
    light |= {
        m.group("kind").lower()
        for m in _ASKER_OWN.finditer(question)
        if m.group("kind").lower() in ASKER_KINDS
    }
    if _THE_JOB.search(question):
        light.add("job")
    # "who do I ask / where do I send …": whom to write to is asked, "ask" is no topic
    light |= {m.group("verb").lower() for m in _ASKS_WHOM.finditer(question) if m.group("verb")}
    if asks_open(question):  # "still open?", "open right now?"
        light |= {"open", "late"} | raw_words & _NOW_WORDS
    return frozenset(s for w in light for s in _word_stems(w))


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def _title_initials(title: str) -> frozenset[str]:
    """A page named by its initials ("gaf" of "Global Access Fund"), or a name in its title
    ("cto" of "X welcomes a new Chief Technology Officer"): each run of three or more
    capitalised words (``org_initials``' rule for one name)."""
    words = [part for w in tokens(title) for part in w.split("-") if part]
    runs: list[list[str]] = [[]]
    for w in words:
        if w.lower() in _NAME_LINKS and runs[-1]:
            continue  # "Bank of England": a link inside a name
        if w[0].isupper():
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    initials = {"".join(w[0] for w in run).lower() for run in runs if len(run) >= 3}
    return frozenset(i for i in initials if i.isalpha())


PAGE_NAMED_BONUS = 1.0
QUOTED = 3  # the answers whose sentence is chosen again (``_requoted``): those shown


def _requoted(
    asked: _Asked, answers: list[Answer], candidates: Sequence[_Candidate]
) -> list[Answer]:
    """The first answers, each quoting the sentence that holds what is asked besides its
    page's name ("marlowe postdoc requirements": "Requirements: A PhD…", not the opening
    that names the Marlowe postdoc): the page's words chose the page, not its sentence."""
    by_id = {c.hit.passage.id: c for c in candidates}
    out = list(answers)
    for k, a in enumerate(out[:QUOTED]):
        c = by_id.get(a.hit.passage.id)
        excerpt = _beyond_excerpt(asked, c) if c is not None else None
        if excerpt is not None and excerpt != a.excerpt:
            hit = replace(a.hit, passage=replace(a.hit.passage, text=excerpt))
            out[k] = replace(a, hit=hit, excerpt=excerpt)
    return out


def _beyond_excerpt(asked: _Asked, c: _Candidate) -> str | None:
    """The excerpt around the best sentence by the words asked that are not the page's own;
    None when the passage is quoted whole, or no sentence holds such a word."""
    beyond = asked.stems - c.page
    sentences = split_sentences(c.hit.passage.text)
    if not beyond or len(" ".join(sentences)) <= SHORT_PASSAGE:
        return None
    share = {t: 0.0 if t in c.page else 1.0 for t in asked.stems}
    best_i, _score, own = max(
        (_sentence_score(asked, sentences, i, share) for i in range(len(sentences))),
        key=lambda scored: scored[1],
    )
    return _priced(asked, sentences, _excerpt(sentences, best_i)) if own > 0 else None


def _answer(asked: _Asked, c: _Candidate, rank: int) -> Answer:
    """One candidate scored by its best sentence, its passage, heading and page."""
    share, named = _shares(asked, c)
    page_score = sum(asked.weight[t] * (1 - PAGE_WORD_SHARE) for t in asked.stems & c.page)
    sentences = split_sentences(c.hit.passage.text) or [c.hit.passage.text.strip()]
    best_i, best_score, best_own = max(
        (
            _sentence_score(asked, sentences, i, share, named)
            for i in _answering(asked, c, sentences)
        ),
        key=lambda scored: scored[1],
    )
    text = c.hit.passage.text
    held = c.text | _ranged(text, asked.numbers) | _placed(text, asked)
    score = (
        best_score
        - (AMOUNT_BONUS * asked.unit if _lacks_the_figure(asked, text) else 0.0)
        + page_score
        + PASSAGE_WEIGHT * asked.sum(held, share)
        + QUESTION_WEIGHT * asked.sum(c.heading, _heading_share(asked, c, share))
        + _heading_bonus(asked, c)
        # "where are the kestrel map days?": the page titled by every word asked is the one
        # the question names (not the advert that mentions them)
        + (PAGE_NAMED_BONUS * asked.unit if named and len(asked.stems) >= 2 else 0.0)
        + _addressed(asked, c, sentences[best_i], best_own)
        # ties: the earlier passage of a page is the more general answer, then the
        # store's own order
        - 0.001 * c.hit.passage.position
        - 0.0001 * rank
    )
    excerpt = _excerpt_of(asked, sentences, best_i)
    covered = sum(asked.weight[t] for t in asked.stems & (held | c.heading | c.page))
    coverage = covered / sum(asked.weight.values())
    # a passage that holds half of what is asked ranks below one that holds all of it, however
    # often it repeats its half (a page's opening repeats the page's name)
    if score > 0:
        score *= COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage
    # the figure asked answers on a page named whole, though no word of it is repeated
    said = best_own > 0 or _heading_asks(asked, c) or (named and best_score > 0)
    return Answer(
        hit=PassageHit(passage=replace(c.hit.passage, text=excerpt), score=score),
        excerpt=excerpt,
        full_text=c.hit.passage.text,
        score=score,
        coverage=coverage,
        # a sum asked of a passage naming none is not answered, however near its words
        confident=said
        and coverage >= MIN_COVERAGE
        and not _cannot_answer(asked, text)
        and _holds_the_counted(asked, text)
        and _beyond_its_name(asked, c, held),
    )


PRICED_LINES = 4  # the rows of a fee table quoted for "how much is registration?"


def _excerpt_of(asked: _Asked, sentences: Sequence[str], best_i: int) -> str:
    """The passage's words a reply quotes: a short bullet whole (cutting it would lose its
    later steps), else the best sentence; for a sum asked ("how much is registration?"),
    followed by the lines that name one when the sentence names none (a fee table under
    "Registration opens on 1 June")."""
    whole = " ".join(sentences)
    excerpt = whole if len(whole) <= SHORT_PASSAGE else _excerpt(sentences, best_i)
    return _priced(asked, sentences, excerpt)


def _priced(asked: _Asked, sentences: Sequence[str], excerpt: str) -> str:
    if not asked.wants_sum or _HAS_AMOUNT.search(excerpt):
        return excerpt
    priced = [x for x in sentences if _HAS_AMOUNT.search(x) and x not in excerpt]
    return " ".join([excerpt, *priced[:PRICED_LINES]])


def _lacks_the_figure(asked: _Asked, text: str) -> bool:
    """ "How much does it cost to join?", "how many members?": a passage that names no sum,
    or no number, ranks below one that does ("what if we pay the fee late?" names a fee and
    asks no sum)."""
    unpriced = asked.wants_sum and _HAS_AMOUNT.search(text) is None
    unrepeated = asked.wants_frequency and _HAS_FREQUENCY.search(text) is None  # "how often"
    return unpriced or unrepeated or (asked.wants_count and _HAS_COUNT.search(text) is None)


def _cannot_answer(asked: _Asked, text: str) -> bool:
    """Whether the passage lacks what the question asks for however near its words: a sum
    asked of a passage naming none (nor "free"), a time ("when is the summer school
    2026?") of a passage naming none, or whom to write to of a passage that names no way to
    reach anyone (a hire's announcement)."""
    unpriced = asked.wants_sum and _PRICED.search(text) is None
    unaddressed = asked.wants_contact and _REACHED.search(text) is None
    return unpriced or unaddressed or (asked.asks_when and _TIMED.search(text) is None)


def _answering(asked: _Asked, c: _Candidate, sentences: Sequence[str]) -> range | list[int]:
    """The sentences that may answer: those holding a word asked beyond the page's own name,
    when one is asked and some sentence holds one ("how is the Tidewater Collections Forum
    funded?" of the forum's page: "It is funded by donations", not "The Tidewater
    Collections Forum was founded in 2011", which only names the page); else all."""
    beyond = asked.stems - c.page
    holding = [i for i, x in enumerate(sentences) if beyond & set(_stems(x))] if beyond else []
    return holding or range(len(sentences))


def _shares(asked: _Asked, c: _Candidate) -> tuple[dict[str, float], bool]:
    """How much each word asked counts in a sentence, and whether the page's title holds
    every one ("how much is X membership?" of "X - Membership FAQ"). A word of the page's
    title says which page, not which of its parts answers: it counts part in the page's
    favour, part in whichever part of it holds the word; when every word asked names the
    page ("where is the X group based?"), which sentence answers is said by the kind of
    answer (a place, a sum), not by the name."""
    named = not asked.stems - c.page
    if named and not asked.wants_definition:
        return dict.fromkeys(asked.stems, 1 - PAGE_WORD_SHARE), named
    return {t: PAGE_WORD_SHARE if t in c.page else 1.0 for t in asked.stems}, named


def _beyond_its_name(asked: _Asked, c: _Candidate, held: set[str] | frozenset[str]) -> bool:
    """Whether the passage holds a word asked besides its page's own name, when one is asked:
    "how do we join the X consortium?" is not answered by X's job advert, whose every
    sentence names X, but by the section that speaks of joining."""
    # "what is the X program?" of a page that says "grants"; "who runs X?": a name answers
    if asked.wants_definition or asked.wants_name:
        return True
    if asked.wants_contact:  # the page about the topic names whom (``_address_first``)
        return True
    beyond = asked.stems - c.page
    return not beyond or bool(beyond & (held | c.heading))


def _heading_share(asked: _Asked, c: _Candidate, share: dict[str, float]) -> dict[str, float]:
    """How much each word counts in the heading: the page's words in a heading say which page
    (``page_score`` counts them), not which section, when something else is asked ("when is
    the Global Access Fund deadline?" is no question of its opening, headed by its title);
    when the page itself is asked of ("what is the Global Access Fund?"), they count as in a
    sentence."""
    if asked.wants_definition and not asked.stems - c.page:
        return share
    return {t: 1 - PAGE_WORD_SHARE if t in c.page else 1.0 for t in asked.stems}


def _addressed(asked: _Asked, c: _Candidate, sentence: str, own: float) -> float:
    """ "Where do I send questions?": a section "Questions?" whose sentence is an address
    answers though the sentence repeats no word (the sentence's own words are scored with
    it, ``_sentence_score``)."""
    if not asked.wants_contact or own > 0 or not c.heading & asked.stems:
        return 0.0
    return CONTACT_BONUS * asked.unit if _EMAIL_ADDRESS.search(sentence) else 0.0


def _heading_bonus(asked: _Asked, c: _Candidate) -> float:
    """What the section's heading says of the question beyond its words: the same question
    word ("how" / "why"), "About X" for "what is X", every word asked."""
    heading_wh = _wh_word(c.hit.passage.question)
    bonus = 0.0
    if asked.wh and heading_wh:
        bonus = WH_MATCH if asked.wh == heading_wh else WH_MISMATCH
    if asked.wants_definition and _ABOUT.match(c.hit.passage.question) and c.heading & asked.stems:
        bonus += DEFINITION_BONUS * asked.unit  # "what is X": the section "About X"
    # a heading that asks every word of the question is the question, as its FAQ's author
    # phrased it ("Does it handle audio/visual materials?")
    if _heading_is_the_question(asked, c):
        bonus += HEADING_ASKS_BONUS * asked.unit
    if asked.wants_requirement and c.heading & _REQUIREMENT_STEMS:
        bonus += REQUIREMENT_BONUS * asked.unit
    return bonus


_REQUIREMENT_STEMS = frozenset(_stems("qualifications requirements required skills"))


def _heading_is_the_question(asked: _Asked, c: _Candidate) -> bool:
    """Whether the heading holds every word asked, two or more ("Does IIIF handle
    audio/visual materials?" for "does iiif support video?", "Membership Fee" for "what does
    membership cost?"); one word shared ("development" for "developer") is no question,
    unless the heading asks it the same way ("How to apply" for "how do I apply for X?")."""
    same_way = asked.wh is not None and asked.wh == _wh_word(c.hit.passage.question)
    return (len(asked.stems - c.page) >= 2 or same_way) and _heading_asks(asked, c)


def _heading_asks(asked: _Asked, c: _Candidate) -> bool:
    """Whether the passage's heading holds every word the question asks with, less the page's
    own ("Who do I contact for technical help?" answers "who do I email for help?" though
    its answer, "Write to the helpdesk at …", repeats none of them)."""
    own = asked.stems - c.page
    return bool(own) and own <= c.heading


def _sentence_score(
    asked: _Asked, sentences: Sequence[str], i: int, share: dict[str, float], whole: bool = False
) -> tuple[int, float, float]:
    """(i, score, the weight of its own query words) of sentence ``i``. With ``whole`` (the
    page's title holds every word asked: "how much is X membership?" of "X - Membership
    FAQ"), the figure asked answers though the sentence repeats no word ("The standard
    annual fee is €1,200.")."""
    seq = _stems(sentences[i])
    placed = _placed(sentences[i], asked)
    own = asked.sum(set(seq) | _ranged(sentences[i], asked.numbers) | placed, share)
    adjacent = sum(
        1 for a, b in itertools.pairwise(seq) if a in asked.stems and b in asked.stems and a != b
    )
    if whole and not asked.wants_definition:  # the page's name, written as it always is
        adjacent = 0
    score = own + ADJACENT_WEIGHT * adjacent * asked.unit
    if own > 0 or whole:
        score += _figure_bonus(asked, _announced(sentences, i)) * asked.unit
    if own > 0:
        if asked.wants_definition and _defines(sentences[i], asked):
            score += DEFINITION_BONUS * asked.unit
        if asked.wants_contact and _EMAIL_ADDRESS.search(sentences[i]):
            score += CONTACT_BONUS * asked.unit
        if asked.wants_name and _names_someone_else(sentences[i], asked.stems):
            score += NAME_BONUS * asked.unit
        if placed:  # "which regions": the sentence naming them, not "cross-regional"
            score += NAME_BONUS * asked.unit
        if asked.wants_place:
            score += _place_bonus(_announced(sentences, i)) * asked.unit
        if asked.wants_denial and _DENIES.search(sentences[i]):
            score += NUMBER_BONUS * asked.unit
    return i, score, own


# A name within a sentence: capitalised words in a row ("the Chan Zuckerberg Initiative",
# "Council on Library and Information Resources"), not the sentence's first word
_NAME = re.compile(
    r"(?<=[a-z,;:(]\s)[A-Z][\w.'’-]*(?:\s+(?:(?:of|on|and|for|the)\s+)*[A-Z][\w.'’-]*)+"
)


def _place_bonus(sentence: str) -> float:
    """ "Where is it based?": a sentence naming a city answers, one naming only countries
    or regions half as well."""
    kinds = {p.kind for p in places_in(sentence)}
    if "city" in kinds:
        return NAME_BONUS
    return NAME_BONUS / 2 if kinds else 0.0


def _names_someone_else(sentence: str, asked: frozenset[str]) -> bool:
    """Whether a sentence names someone or something the question does not ("who funds the
    fund?" is answered by "made possible by a grant from the Chan Zuckerberg Initiative")."""
    return any(set(_stems(m.group())) - asked for m in _NAME.finditer(sentence))


# "2.000 - 10.000", "31-60 organizations": a range of figures, separators as written
_RANGE = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s?(?:-|–|to)\s?(\d[\d.,]*)(?![\d])")
# Figures a range may hold: not a digit beside its word ("tier 2" is in "0 - 1.999" only by
# chance), nor a year ("2018" lies between 1.000.001 and 2.000.000)
MIN_RANGED = 10


def _year(n: int) -> bool:
    return 1900 <= n <= 2099


def _figure(written: str) -> int | None:
    bare = written.rstrip(".,")
    if _GROUPED.fullmatch(bare):
        bare = _SEPARATOR.sub("", bare)
    return int(bare) if bare.isdecimal() else None


def _ranged(text: str, numbers: frozenset[int]) -> frozenset[str]:
    """The figures asked that a range or a bound in ``text`` holds, as the stems a sentence
    naming them would have: "50000 DOIs" is answered by the row "10.001 - 100.000", "20k
    DOIs" by "organizations that expect to register more than 10.000 DOIs"."""
    if not numbers:
        return frozenset()
    held: set[str] = set()
    if "-" in text or "–" in text or " to " in text:
        for match in _RANGE.finditer(text):
            low, high = _figure(match.group(1)), _figure(match.group(2))
            if low is not None and high is not None and low < high:
                held.update(str(n) for n in numbers if low <= n <= high)
    for match in _BOUND.finditer(text):
        bound = _figure(match.group("n") or match.group("m"))
        if bound is None or bound < MIN_RANGED:
            continue
        above = match.group("above") is not None or match.group("m") is not None
        held.update(str(n) for n in numbers if (n >= bound if above else n <= bound))
    return frozenset(held)


# "more than 10.000 DOIs", "2.000 or more", "up to 30 organizations": one side of a figure
_BOUND = re.compile(
    r"\b(?:(?P<above>more than|over|above|at least|greater than|exceeding)"
    r"|less than|fewer than|under|below|up to|at most)\s+(?:[$€£]\s?)?(?P<n>\d[\d.,]*\d|\d)"
    r"|(?<![\d.,])(?P<m>\d[\d.,]*\d|\d)\s?(?:\+|or more\b)",
    re.I,
)


def _figure_bonus(asked: _Asked, said: str) -> float:
    """The bonus, in units, of a sentence holding the kind of figure asked: a date for "when",
    a sum for "how much", a span for "how long", a count for "how many" (the more when it
    counts the thing asked: "two full time staff")."""
    bonus = 0.0
    if asked.wants_number and (_HAS_DATE if asked.wants_date else _HAS_NUMBER).search(said):
        bonus += NUMBER_BONUS
    if asked.wants_amount and _HAS_AMOUNT.search(said):
        bonus += AMOUNT_BONUS
    elif asked.wants_span and (_HAS_LENGTH if asked.wants_length else _HAS_SPAN).search(said):
        bonus += AMOUNT_BONUS
    elif asked.wants_time and _HAS_TIME.search(said):
        bonus += AMOUNT_BONUS
    elif asked.wants_frequency and _HAS_FREQUENCY.search(said):
        bonus += AMOUNT_BONUS
    elif asked.wants_steps and _SAYS_WHAT_TO_DO.search(said):
        bonus += AMOUNT_BONUS
    elif asked.wants_count and _HAS_COUNT.search(said):
        bonus += AMOUNT_BONUS
        if asked.counted and _counts(said, asked.counted):
            bonus += AMOUNT_BONUS
    return bonus


# "how do I join X?", "how can our museum apply?": the way is asked; on a page named by every
# word asked ("Become a member of X"), the sentence saying what to do answers ("Fill in the
# membership card…", "To join, pay online…"), not the page's opening
_ASKS_STEPS = re.compile(r"\bhow (?:do|does|can|could|should|would|may)\b", re.I)
_SAYS_WHAT_TO_DO = re.compile(
    r"(?:^|[.!?]\s+)(?:to \w+(?: \w+)?,\s*)?(?:please\s+)?(?:fill|send|write|e-?mail|apply|"
    r"register|complete|sign|pay|contact|submit|visit|download|book|enrol|enroll|return|"
    r"hand|post|call)\b",
    re.I,
)
_HOW_MANY = re.compile(r"\bhow many\s+(?P<things>[a-z]+(?:\s+[a-z]+)?)", re.I)
_COUNT_WORD = re.compile(
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|hundreds?|thousands?|dozens?)$",
    re.I,
)


def _counted(question: str) -> frozenset[str]:
    """The stems of what "how many" counts: "how many staff does…" → staff, "how many library
    staff…" → library, staff."""
    m = _HOW_MANY.search(question)
    if m is None:
        return frozenset()
    words = [w.lower() for w in m.group("things").split() if w.lower() not in STOPWORDS]
    return frozenset(stem(_singular(w)) for w in words)


def _holds_the_counted(asked: _Asked, text: str) -> bool:
    """ "How many grants does it give?", "how many members?": a passage that counts none
    ("60 places", "more than 40 members") does not answer, whatever figures it holds (a
    posting's "18 months", a fee table's "Member: €500")."""
    return not asked.counted or any(_counts(x, asked.counted) for x in split_sentences(text))


def _counts(sentence: str, counted: frozenset[str]) -> bool:
    """Whether a count stands at most four words before a thing counted ("two full time
    staff")."""
    words = tokens(sentence)
    return any(
        stem(_singular(w.lower())) in counted
        and any(_COUNT_WORD.match(x) for x in words[max(0, i - 4) : i])
        for i, w in enumerate(words)
    )


def _defines(sentence: str, asked: _Asked) -> bool:
    """Whether the sentence says what something is: "X is …", or a bullet "Image API --
    Delivers …" naming only words asked."""
    if _DEFINITION.match(sentence):
        return True
    term = _TERM_DASH.match(sentence)
    named = set(_stems(term.group("term"))) if term else set()
    return bool(named) and named <= asked.stems


# A list's head inside a passage ("Benefits & Perks *"): a few words, no figure, no full stop
_HEAD = re.compile(r"^[^\d.!?]{1,40}$")
HEAD_WORDS = 4


def _announced(sentences: Sequence[str], i: int) -> str:
    """The sentence and, when it ends in a colon or heads a list ("Benefits & Perks *"), the
    lines it announces ("The following funding levels are available:" is answered by the
    list under it), up to a short passage's length."""
    chosen = sentences[i]
    head = _HEAD.match(chosen.strip()) is not None and len(tokens(chosen)) <= HEAD_WORDS
    # a question asked in the text (a bulleted FAQ: "**Where is it based?** Our office is in
    # Leeuwarden.") announces its answer, up to the next question
    asks = chosen.rstrip().endswith("?")
    if not chosen.rstrip().endswith(":") and not head and not asks:
        return chosen
    for after in sentences[i + 1 :]:
        if len(chosen) + len(after) > SHORT_PASSAGE or (asks and after.rstrip().endswith("?")):
            break
        chosen = f"{chosen} {after}"
    return chosen


def _excerpt(sentences: Sequence[str], i: int) -> str:
    """The chosen sentence (with what it announces), with its neighbour when it is too short
    to stand alone."""
    chosen = _announced(sentences, i)
    if chosen != sentences[i] or len(chosen) >= SHORT_SENTENCE or len(sentences) == 1:
        return chosen
    # the next question is another bullet's ("…in Gouda. Does the guild run courses?"): the
    # sentence before, which may be the question this one answers, is the neighbour then
    if i + 1 < len(sentences) and not sentences[i + 1].rstrip().endswith("?"):
        return f"{chosen} {sentences[i + 1]}"
    return f"{sentences[i - 1]} {chosen}" if i > 0 else chosen


def closest_questions(
    question: str, sections: Sequence[tuple[str, str, str | None]], limit: int = 3
) -> list[tuple[str, str, str | None]]:
    """FAQ headings sharing words with ``question``, nearest first, for "did you mean" offers;
    none when no heading shares a word (an arbitrary heading would only mislead)."""
    query = set(_stems(question))
    scored = []
    for index, section in enumerate(sections):
        title, heading, _url = section
        overlap = len(query & set(_stems(heading))) + 0.5 * len(query & set(_stems(title)))
        if overlap > 0:
            scored.append((overlap, -index, section))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [section for _o, _i, section in scored[:limit]]

"""Facts stated in a posting's prose: where, whether remote, open or closed, how to apply.

Each finder returns the value with the sentence it came from. Finders look for a handful of cue
words in the folded text (see ``text.fold``) and run their regexes on those sentences only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.rules import Rule, Table, phrase
from bot.content.text import (
    Scan,
    cue,
    find_all,
    plain,
    remembered,
    sentence_bounds,
    whole_sentences,
)


@dataclass(frozen=True)
class Found:
    value: str
    sentence: str


# ---------------------------------------------------------------- remote or on-site

_REMOTE_NEGATIVE = phrase(
    r"\b(?:not (?:a |an )?(?:fully )?remote|no remote|not eligible for remote|remote work is not"
    r"|(?:cannot|can ?not|can't) be (?:done |performed )?remote\w*|does not offer remote"
    r"|on[- ]?site (?:only|position|role|job|work is required)|must (?:work|be|report) on[- ]?site"
    r"|in[- ]person (?:only|position|role|job)|(?:this|the) (?:role|position|job) is (?:fully )?"
    r"(?:on[- ]?site|in[- ]person|based on[- ]?site)|requires? (?:daily |regular |full-time )?"
    r"(?:on[- ]?site|in[- ]person) (?:work|presence|attendance)|(?:fully|100%) on[- ]?site"
    r"|on[- ]?site,? not remote|work(?:s|ing)? on[- ]?site (?:every day|full[- ]time|five days))\b",
)
_REMOTE_POSITIVE = phrase(
    r"\b(?:remote(?:ly)?|telecommut\w*|work(?:ing)? from home|home[- ]based|wfh"
    r"|hybrid (?:work\w*|schedule|role|position|arrangement|model|job)"
    r"|virtual(?:ly)?(?= (?:position|role|job|work|based|-based|team|office))"
    r"|remote/virtual|work virtually"
    r"|(?:located|based|work|working|live|reside|be) anywhere"
    r"|anywhere (?:in the world|with (?:a|an) (?:reliable )?internet))\b",
)
_REMOTE_IGNORED = re.compile(
    r"\bremote(?:ly)? (?:sensing|access(?:ed|ible)?|control\w*|desktop|areas?|communities"
    r"|regions?|locations?|sites?|islands?|villages?|learning|instruction|teaching|patrons?"
    r"|users?|services?|reference|storage|server|repositor\w+|collections?|controlled)\b"
    r"|\b(?:the|a|and)?\s*remote (?:past|possibility|chance)\b"
    r"|\bremote(?:ly)? (?:located|situated)\b"
    r"|\b(?:comfortable|experience|familiar\w*) (?:with |in )?(?:working )?remote(?:ly)?\b"
    # "a distributed and remote team" describes the colleagues, not the job; "a fully remote
    # team" says the job is remote too.
    r"|(?<!fully )(?<!entirely )(?<!100% )(?<!all-)(?<!completely )\bremote (?:teams?"
    r"|colleagues|staff|members|workers|workforce|meetings?|collaboration|participants)\b",
)
_LOCATION_REMOTE = phrase(
    r"\b(?:remote|virtual|anywhere|telecommut\w*|work from home|hybrid|home[- ]based)\b"
)
_REMOTE_CUES = (
    cue("remote", "remote", "remotely"), cue("virtual", "virtual", "virtually"), cue("anywhere"),
    cue("telecommut", "telecommute", "telecommuting", "telecommuter"), cue("from home"),
    cue("hybrid"), cue("on-site"), cue("onsite"), cue("on site"), cue("in-person"),
    cue("in person"), cue("home-based"), cue("home based"), cue("wfh"),
)  # fmt: skip


def remote_from_location(location: str) -> bool | None:
    low = location.lower()
    if _REMOTE_NEGATIVE.search(low):
        return False
    return True if _LOCATION_REMOTE.search(low) else None


_REMOTE_STATEMENT = phrase(
    r"\b(?:remote (?:position|role|job|work|working|first|friendly|option|basis|employee)"
    r"|fully remote|100% remote|(?:position|role|job) (?:is|can be|will be) (?:fully )?remote"
    r"|(?:based|located|work from) anywhere|remote/virtual|hybrid)\b",
)


def find_remote(scan: Scan) -> tuple[bool, str] | None:
    """True for remote, hybrid or region-restricted remote; False only when on-site is said.

    A sentence that states the arrangement ("this is a remote position") is preferred as
    evidence over one that merely mentions remote work.
    """
    text = scan.text
    negative: str | None = None
    positive: str | None = None
    for start, end in scan.cue_sentences(_REMOTE_CUES):
        sentence = text[start:end]
        low = sentence.lower()
        if _REMOTE_NEGATIVE.search(low):
            negative = negative or plain(sentence)
            continue
        cleaned = _REMOTE_IGNORED.sub(" ", low)
        if _REMOTE_POSITIVE.search(cleaned):
            if _REMOTE_STATEMENT.search(cleaned):
                return True, plain(sentence)
            positive = positive or plain(sentence)
    if positive:
        return True, positive
    return (False, negative) if negative else None


# ---------------------------------------------------------------- where

_REGION = re.compile(
    r"(?P<pref>\bprefer\w*\b|\bideally\b|\bpreferabl\w*\b)?[^.;]{0,60}?"
    r"(?:\b(?:located|based|live|living|reside|residing|remote(?: work)?|position is remote,?)\s+)"
    r"(?P<loc>(?:anywhere|somewhere)\s+(?:in|within|with)\s+[^.;:()\n]+"
    r"|(?:in|from|within)\s+(?:the\s+)?(?:an?\s+)?[A-Z][\w-]*"
    r"(?:(?:\s+|,\s+|\s+or\s+|\s+and\s+|\s*/\s*|\s+of\s+)(?:the\s+)?[A-Z][\w-]*)*"
    r"(?:\s+time\s?zones?)?)",
)
_ANYWHERE = re.compile(
    r"\b(?P<loc>(?:anywhere|somewhere)\s+(?:in|within|with)\s+[^.;:()\n]+)", re.I
)
_REGION_LEAD = re.compile(r"^(?:in|from|within)\s+")
_REGION_TAIL = re.compile(r"\s+(?:to|and to|who|which|where)\s.*$")
_REGION_STRONG = re.compile(r"\b(?:remote\w*|anywhere|somewhere|prefer\w*|ideally)\b", re.I)
_REGION_ABOUT_JOB = re.compile(
    r"\b(?:candidates?|applicants?|position|role|job|must|should|can be|may be|will be"
    r"|you will|you must|you can|you should|the successful)\b",
    re.I,
)
_REGION_CUES = (
    cue("located"), cue("based"), cue("anywhere"), cue("somewhere"), cue("remote work from"),
    cue("resid", "reside", "residing", "resident"),
)  # fmt: skip


def find_region(scan: Scan) -> tuple[str, bool, str] | None:
    """Where a remote worker may or should be: ("anywhere in Europe", preferred?, sentence).

    Sentences about remote work or the candidate win over others ("a developer based in Berlin"
    describes a colleague, not the job).
    """
    text = scan.text
    best: tuple[int, int, str, bool, str] | None = None
    for start, end in scan.cue_sentences(_REGION_CUES):
        sentence = plain(text[start:end])
        match = _REGION.search(sentence) or _ANYWHERE.search(sentence)
        if match is None:
            continue
        loc = _REGION_LEAD.sub("", match.group("loc")).strip(" ,")
        if not loc.lower().startswith(("anywhere", "somewhere")):
            loc = _REGION_TAIL.sub("", loc)
        if len(loc) < 3 or len(loc) > 110:
            continue
        score = 2 * bool(_REGION_STRONG.search(sentence)) + bool(_REGION_ABOUT_JOB.search(sentence))
        if score == 0:
            continue
        preferred = bool(match.groupdict().get("pref")) or "prefer" in sentence.lower()
        if best is None or (score, -start) > (best[0], best[1]):
            best = (score, -start, loc, preferred, sentence)
    return (best[2], best[3], best[4]) if best else None


def is_remote_sentence(sentence: str) -> bool:
    """Whether a sentence speaks of remote work or of anywhere ("Remote work from Europe")."""
    return _REGION_STRONG.search(sentence) is not None


def first_paragraph(text: str, limit: int = 200) -> str | None:
    """The first paragraph (wrapped lines joined); a long one keeps its leading whole
    sentences up to ``limit`` characters, and always its first sentence."""
    for paragraph in text.split("\n\n"):
        words = plain(paragraph)
        if words:
            return whole_sentences(words, limit) if len(words) > limit else words
    return None


# ---------------------------------------------------------------- open, closed

CLOSED = Table(
    "closed",
    (
        Rule(
            "true",
            (
                r"applications? (?:are|is|have|has) (?:now )?(?:been )?closed\b",
                r"(?:application|applications|submission) (?:period|window) (?:is|has)"
                r" (?:now )?closed\b",
                r"(?:position|job|role|vacancy|search|posting|opening) (?:has been|is now|is|was)"
                r" (?:filled|closed|cancell?ed|withdrawn)\b",
                r"no longer (?:accepting|taking|considering|open)\b",
                r"applications closed\b",
                r"closed to applications\b",
                r"not (?:currently )?accepting applications\b",
            ),
            matches=(
                "Applications are now closed. Thank you to everyone who applied!",
                "This position has been filled.",
                "We are no longer accepting applications.",
                "We are not accepting applications.",
                "The application window has now closed.",
                "The search was cancelled.",
                "Applications closed on 1 May.",
            ),
            rejects=(
                "Applications close on the closing date.",
                "The position will remain open until the position is filled.",
                "We are accepting applications.",
                "The museum is closed on Mondays.",
            ),
        ),
    ),
)
UNTIL_FILLED = Table(
    "open_until_filled",
    (
        Rule(
            "true",
            (
                r"until (?:the )?(?:position|role|job|post|vacancy)?\s?(?:is |has been )?filled\b",
                r"until a suitable candidate\b",
            ),
            matches=(
                "The position will remain open until filled.",
                "Review begins at once and continues until the position is filled.",
                "Closing Date: Open until filled",
                "Applications are accepted until the role has been filled.",
                "We will keep reviewing until a suitable candidate is found.",
            ),
            rejects=(
                "This position has been filled.",
                "Applications are due by 1 May.",
            ),
        ),
    ),
)
# "open until the position is closed" is not a closed posting: the words just before a
# closed phrasing must not hold "until".
_UNTIL_REACH = 12


def find_status(scan: Scan) -> tuple[Found | None, Found | None]:
    """(closed, open until filled), each with its sentence when the text says so."""
    text = scan.text
    low = text.lower()
    closed: Found | None = None
    for hit in CLOSED.hits(low):
        if "until" not in low[max(0, hit.start - _UNTIL_REACH) : hit.start]:
            closed = Found("true", sentence_at(text, hit.start))
            break
    filled = UNTIL_FILLED.first_hit(low)
    until_filled = Found("true", sentence_at(text, filled.start)) if filled else None
    return closed, until_filled


# ---------------------------------------------------------------- how to apply

_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_EMAIL = re.compile(r"[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}")
_NOT_TLD = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"})
_URL_END = re.compile(r"[\s<>\[\]\"'`{}|\\^]")
# Bounds that keep a hostile page linear: no real link is longer, no real posting has more.
_LONGEST_URL = 2_000
_MOST_URLS = 500
_APPLY_CUE = phrase(
    r"\b(?:apply|applying|application (?:process|form|portal|instructions|page|system|materials"
    r"|packet|link|website|site)|applications? (?:can|should|must|may|are to) be (?:submitted|made"
    r"|sent)|job (?:posting|description|details?|ad|advert|advertisement|listing|announcement"
    r"|board)|position (?:description|announcement|details|posting)|full (?:job )?(?:description"
    r"|posting|details)|vacanc\w+|careers? (?:page|site|portal|website)|submit|how to apply)\b",
)
APPLY_HEADINGS = re.compile(
    r"^(?:to apply|how to apply|apply|apply now|application|applications|application process"
    r"|application instructions|applying|submission|how to submit)\W*$",
    re.I,
)
is_apply_heading = remembered(lambda title: APPLY_HEADINGS.match(title) is not None)


def emails(text: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    at = text.find("@")
    while at != -1:
        lo = at
        while lo > 0 and text[lo - 1] in _EMAIL_CHARS and at - lo < 64:
            lo -= 1
        hi = at + 1
        while hi < len(text) and text[hi] in _DOMAIN_CHARS and hi - at < 255:
            hi += 1
        match = _EMAIL.search(text, lo, hi)
        if match is not None and match.start() < at < match.end():
            address = match.group(0).strip(".-")
            if address.rsplit(".", 1)[-1].lower() not in _NOT_TLD and not address.startswith("."):
                found.append((address, at))
        at = text.find("@", at + 1)
    return found


_URL_CUES = (cue("http://", "http"), cue("https://", "https"), cue("www.", "www"))


def urls(scan: Scan) -> list[tuple[str, int]]:
    text, folded = scan.text, scan.folded
    found: list[tuple[str, int]] = []
    for item in _URL_CUES:
        if item.gates.isdisjoint(scan.words):
            continue
        needle = item.needle
        for pos in find_all(folded, needle):
            if needle == b"www." and folded[pos - 3 : pos] in (b"://", b"/ww"):
                continue
            end = _URL_END.search(text, pos, pos + _LONGEST_URL)
            url = text[pos : end.start() if end else pos + _LONGEST_URL]
            url = _trim_url(url)
            if len(url) > len(needle) + 3:
                found.append((url if url.startswith("http") else f"https://{url}", pos))
                if len(found) >= _MOST_URLS:
                    break
    found.sort(key=lambda item: item[1])
    return found


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?*_'\")":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    # "[label](url)" leaves the link's closing parenthesis glued on
    cut = url.find("](")
    return url[:cut] if cut != -1 else url


_ABOUT_EMPLOYER = phrase(
    r"\b(?:information about|learn more about|more about) (?:the |our )?(?:university|college"
    r"|library|organi[sz]ation|institution|company|city|area|campus|museum|region|us)\b",
)


def is_apply_sentence(sentence: str) -> bool:
    return _APPLY_CUE.search(sentence.lower()) is not None


def is_about_employer(sentence: str) -> bool:
    return _ABOUT_EMPLOYER.search(sentence.lower()) is not None


def sentence_at(text: str, pos: int) -> str:
    start, end = sentence_bounds(text, pos)
    return plain(text[start:end])

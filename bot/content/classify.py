"""What a page is: a job posting, an FAQ (or fee/membership page), news, or something else.

Front matter counts first (``kind``, ``layout``, tags), the title next, the prose last. A blog
post that tells who was hired, a call for proposals and a grant fund are not openings even
though they speak of positions and applications.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.content.front_matter import as_text, as_words
from bot.content.orgs import OFFERS_A_POST, ROLE_WORDS
from bot.content.text import Folded, Scan, remembered
from bot.domain import KINDS, Kind

# Titles, read lower-cased (see Folded).
_FAQ_TITLE = Folded(r"\bfaqs?\b|frequently asked|questions and answers|\bq ?& ?a\b")
_FEE_TITLE = Folded(
    r"\bfees?\b|\bfee model\b|\bpricing\b|\bprices\b|\bmembership\b|\bdues\b|\bhow to join\b"
    r"|\bbecome a member\b"
)
_HIRE_NEWS_TITLE = Folded(
    r"\bhired\b|\bappointed\b|\bappoints\b|\bappointment of\b|\bwelcomes?\b|\bjoins\b|\bjoined\b"
    r"|\bnew (?:staff|colleague|team member|hires?)\b|\bfarewell\b|\bretires?\b|\bsteps? down\b"
    r"|\bintroducing\b|\bmeet (?:our|the)\b|\bsays? goodbye\b"
    # the end of a search: "Our developer search has concluded", "Position filled"; a notice
    # marked on a role ("Learning Officer (position filled)", "Registrar - position filled")
    # is a closed posting (facts' closed table reads it)
    r"|\bsearch (?:has |is )?(?:concluded|completed|ended|over)\b"
    r"|(?<!\()(?<![-–—|] )\bposition (?:has been )?filled\b"
)
_CALL_TITLE = Folded(
    r"\bcall for\b|\bproposals?\b|\bsubmissions?\b|\bgrants?\b|\bfund\b|\bfunding\b|\bawards?\b"
    r"|\bconference\b|\bworkshop\b|\bwebinar\b|\bsymposium\b|\bmeetup\b|\bevent\b|\bsurvey\b"
    r"|\bcall for papers\b|\bprize\b|\bcompetition\b|\bscholarships?\b|\bbursar(?:y|ies)\b"
    # "CFP: Archives and Machine Learning Symposium", "Abstracts due for …"
    r"|\bcfp\b|\bcall for (?:abstracts|participation)\b|\babstracts\b"
)
_LANDING_TITLE = Folded(
    r"^(?:\w+\s*[-–|:]\s*)?(?:jobs?|careers?|job opportunities|opportunities|job openings"
    r"|openings|vacancies|work with us|join us|join our team|employment|open positions"
    r"|job board|jobs board)(?:\s*[-–|:]\s*\w+)?$"
)
# A digest of other sites' openings ("Jobs roundup: week of 9 March", "Heritage jobs this
# week"): each links to the posting, which is not this page
_ROUNDUP_TITLE = Folded(
    r"\bround-?ups?\b|\bdigest\b|\bjobs? (?:this|of the) week\b|\bweekly jobs?\b"
    r"|\bthis week'?s (?:jobs|openings|vacancies)\b"
)
_HIRING_TITLE = Folded(
    r"\bhiring\b|\bseeks\b|\bseeking\b|\blooking for\b|\bposition\b|\bvacancy\b|\bjob\b"
    r"|\bopening\b|\brecruiting\b|\bwanted\b|\bfellowship\b|\binternship\b"
)
# German postings name the genders they address ("Archivar (m/w/d)", "(f/m/d)"), French ones
# too ("Archiviste (H/F)"); nothing but an opening does, so such a title settles the kind.
GENDERS_TITLE = re.compile(
    r"\([mwfdx]/[mwfdx]/[mwfdx]\)|\(all genders\)|\((?:h/f|f/h)(?:/x)?\)", re.I
)
_JOB_TAGS = frozenset(
    "job jobs career careers vacancy vacancies position positions opening openings employment "
    "hiring job-posting jobposting job-postings recruitment job_posting".split()
)
_NEWS_TAGS = frozenset("news blog press press-release events event announcements".split())
# Front matter keys that state an opening's pay (read by extract.py for the salary too), and
# keys only a job board's theme has: a page whose front matter says what the post pays, or
# where or on what terms the job is done, is a posting, whatever its layout and tags.
SALARY_KEYS = ("salary", "salary_range", "compensation", "pay", "pay_range", "wage", "stipend")
_POSTING_KEYS = (*SALARY_KEYS, "job_location", "job_type", "jobtype", "employment_type")
_JOB_LAYOUTS = frozenset("job jobs job-posting posting vacancy listing".split())
_LANDING_LAYOUTS = frozenset("jobposts jobs-index job-board jobboard careers".split())
_JOB_WORDS = (
    "responsibilities", "qualifications", "salary", "compensation", "resume", "deadline",
    "position", "seeks", "seeking", "hiring", "candidate", "apply", "duties", "vacancy",
    "recruiting", "stipend", "fte", "annum", "flsa", "internship", "fellowship", "cv",
    "freelance",
)  # fmt: skip
_JOB_PHRASES = tuple(
    phrase.encode("ascii")
    for phrase in (
        "to apply", "job posting", "job description", "cover letter", "full-time",
        "part-time", "full time", "part time", "looking for a", "invites applications",
        "ideal candidate", "successful candidate", "required skills", "reports to",
        "closing date", "hours per week", "per hour", "fixed-term", "fixed term", "pro rata",
        "apply by", "accepting applications", "expressions of interest", "applications close",
        "your application",
        # pay by the hour and a contract of no set hours ("paid £13.15 an hour", "on a
        # casual, zero-hours basis")
        "an hour", "zero-hours", "zero hours",
        # the Indian and Commonwealth notice of a post ("Applications are invited from
        # eligible candidates for the post of …", "Last date for receipt of applications")
        "applications are invited", "for the post of", "last date for",
    )
)  # fmt: skip
# "The Alpine Photography Foundation in Innsbruck seeks a consultant to …": an organisation
# seeking someone for a role, in the page's own head, is an opening however short the page,
# when the page also says how to answer (``_from_prose``). Read in the folded head, as
# _NEWS_SIGNALS is.
_SEEKS_A_ROLE = re.compile(
    r"(?:seeks|is seeking|is looking for|is recruiting|is hiring|invites applications for"
    # "The Lindqvist Book & Paper Studio has an opening for a Paper Conservator"
    r"|has (?:an opening|a vacancy|a post|a position|a job) for)"
    r" (?:an?|one|two|three|several) (?:[a-z-]+ ){0,3}?" + ROLE_WORDS.lower.pattern
)
# Read in the folded (lower-case) head of the page.
_NEWS_SIGNALS = re.compile(
    r"\b(?:has been appointed|have appointed|pleased to (?:welcome|announce)|welcome \w+ to"
    r"|joined (?:us|the team|\w+) as|has joined|will join us|welcome to the team)\b",
)


# "The residency is not employment", "it gives no contract of employment": a post offered
# without a contract (a volunteer's residency, an unpaid placement) is no opening, however much
# it speaks of stipends and applications. Read in the folded head.
_NOT_EMPLOYMENT = re.compile(
    r"\b(?:is|are) not (?:employment|an? paid (?:job|post|position))\b"
    r"|\bno (?:contract of employment|employment contract)\b"
)


# "We are not hiring at the moment", "There are no open positions at present": a careers
# page between openings, whatever words of postings it uses to say what it will list. Read in
# the folded head ("’" folds to "?"); "we are not hiring through agencies" is no such notice.
_NOT_HIRING = re.compile(
    r"\bnot (?:currently (?:hiring|recruiting)|(?:hiring|recruiting)(?: (?:at the moment"
    r"|at present|right now|at this time|currently)\b|[.:;!]))"
    r"|\bno (?:open |current )?(?:positions|vacancies|openings|jobs) (?:open |available )?"
    r"(?:at (?:the|this) (?:moment|time)|at present|right now|currently)\b"
)


# "The job description and how to apply will be posted here in March": news of a post to come,
# however its title announces it ("We're hiring (soon)!"), when the page gives no way to
# apply yet (no address, no link). Read in the folded head.
_POST_TO_COME = re.compile(
    r"\b(?:job description|description|vacancy|vacancies|position|post|posts|role|roles"
    r"|advert|details|how to apply)\b[^.]{0,80}? will be (?:posted|advertised|published"
    r"|announced|listed|shared) (?:here |on this page |on (?:our|the) (?:website|site|blog) )?"
    r"(?:in|later|soon|shortly|next|when|once|early|from)\b"
)


def _post_to_come(body: Scan) -> bool:
    folded = body.folded
    if b"@" in folded or b"http" in folded or b"www." in folded:
        return False
    return _POST_TO_COME.search(folded[:1500].decode("ascii")) is not None


def tags_of(meta: Mapping[str, Any]) -> set[str]:
    words: set[str] = set()
    for key in ("tags", "tag", "categories", "category", "type"):
        value = meta.get(key)
        if value is not None:  # as_words(None) is []
            words.update(as_words(value))
    return words


# What a title says, remembered per title: titles repeat from page to page ("Digital Archivist
# - DataCite"), and each test is a regex search or two.
_faq_title = remembered(_FAQ_TITLE.found)
_hire_news_title = remembered(_HIRE_NEWS_TITLE.found)
_landing_title = remembered(lambda title: _LANDING_TITLE.starts(title.strip()))
_fee_title = remembered(_FEE_TITLE.found)
_roundup_title = remembered(_ROUNDUP_TITLE.found)
_call_title = remembered(_CALL_TITLE.found)
_hiring_title = remembered(_HIRING_TITLE.found)
_genders_title = remembered(lambda title: GENDERS_TITLE.search(title) is not None)
_role_title = remembered(ROLE_WORDS.found)


def names_a_role(role: str | None) -> bool:
    """Whether the role a title's shape gives ("Workshop: Linked Data for Archives" gives
    "Workshop") is one: an event or a call in that place is not."""
    return role is not None and not _call_title(role)


def classify(
    meta: Mapping[str, Any],
    title: str,
    body: Scan,
    *,
    openings: int | None,
    hiring_title: bool,
    dated: bool,
) -> Kind:
    """``openings``: positions a jobs page lists (None when the page has no such list)."""
    declared = (as_text(meta.get("kind")) or "").lower()
    for kind in KINDS:
        if declared == kind:
            return kind
    if not openings and _post_to_come(body):
        return "news" if dated else "other"
    said = _from_title_and_meta(
        meta, title, openings=openings, hiring_title=hiring_title, dated=dated
    )
    return said if said is not None else _from_prose(title, body, dated=dated)


def _from_title_and_meta(
    meta: Mapping[str, Any],
    title: str,
    *,
    openings: int | None,
    hiring_title: bool,
    dated: bool,
) -> Kind | None:
    """What the title, layout and tags say, strongest first; None when they settle nothing."""
    layout = (as_text(meta.get("layout")) or "").lower()
    tags = tags_of(meta)
    if _faq_title(title) or layout == "faq" or "faq" in tags:
        return "faq"
    if _hire_news_title(title) and not hiring_title:
        return "news"
    if _roundup_title(title) and not hiring_title:
        return "news" if dated else "other"
    if _landing_title(title) or layout in _LANDING_LAYOUTS:
        return "job" if openings else "other"
    if openings:
        return "job"
    posting = any(as_text(meta.get(key)) for key in _POSTING_KEYS)
    return _topic(
        title, layout, tags, openings=openings, hiring_title=hiring_title or posting, dated=dated
    )


def _topic(
    title: str,
    layout: str,
    tags: set[str],
    *,
    openings: int | None,
    hiring_title: bool,
    dated: bool,
) -> Kind | None:
    """A page that lists no openings: fees, news tags, calls, then job tags or title."""
    if _fee_title(title) and not hiring_title:
        return "faq"
    # a blog's news post may be the opening ("We're hiring: IIIF Developer")
    if tags & _NEWS_TAGS and not tags & _JOB_TAGS and not hiring_title:
        return "news"
    # "Head of Digital Scholarship" names a person's role, not a scholarship
    if _call_title(title) and not hiring_title and not _role_title(title):
        return "news" if dated else "other"
    if tags & _JOB_TAGS or layout in _JOB_LAYOUTS or hiring_title or _genders_title(title):
        return "job"
    return "other" if openings == 0 else None


def _seeks_or_offers(head: str) -> bool:
    """An organisation seeking a role, or offering a post ("The X Foundation offers a
    six-month fellowship to …"): the employer's words for an opening, read as orgs.py reads
    them to name the employer."""
    return _SEEKS_A_ROLE.search(head) is not None or OFFERS_A_POST.search(head) is not None


def _from_prose(title: str, body: Scan, *, dated: bool) -> Kind:
    """How many words of postings the page uses; news phrasing settles a page with few."""
    score = sum(1 for word in _JOB_WORDS if body.has(word))
    score += sum(1 for phrase in _JOB_PHRASES if phrase in body.folded)
    head = body.folded[:1500].decode("ascii")
    if _NOT_HIRING.search(head) or _NOT_EMPLOYMENT.search(head):
        return "news" if dated else "other"
    if score < 5 and _NEWS_SIGNALS.search(head):
        return "news"
    # how to answer: an address, or more of a posting's words ("The consortium is looking
    # for a developer to join the team later this year" alone is news of a post to come)
    if _seeks_or_offers(head) and (score >= 2 or b"@" in body.folded):
        return "job"
    # A title that names a role ("Web Archivist") needs less of the posting's vocabulary: a
    # short blog post of the opening says salary and closing date and little else.
    if score >= 4 or (score >= 3 and _hiring_title(title)) or (score >= 2 and _role_title(title)):
        return "job"
    return "news" if dated else "other"

"""Dates in prose: which phrase is an application deadline, and what day it names.

Regexes only find the *phrasing* ("deadline to apply is …", "send … by …", "open through …")
and cut out the date's parts. A date with a month name is then built from its parts (day,
month, year are already numbers; nothing is left to read). Numeric dates, whose order and
century are conventions, are read by dateparser: its free-form parse costs about 2 ms per call
here, so one reused parser is handed the words together with the strptime formats they fit
(then it answers in ~25 µs), and every answer is cached.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.content.rules import Rule, Table, phrase
from bot.content.text import Scan, last_match, plain

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Every pattern below runs on lower-cased text: re.IGNORECASE makes these alternations ~5x slower.
_MONTH_WORD = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_DAY_AFTER = re.compile(r"\s+([0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+((?:19|20)\d\d)(?!\d))?")
_DAY_BEFORE = re.compile(r"(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?[\s-]+$")
_YEAR_AFTER = re.compile(r",?[\s-]+((?:19|20)\d\d)(?!\d)")
_WEEKDAY_BEFORE = re.compile(
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat"
    r"|sun)\.?,?\s+(?:the\s+)?$"
)
_THE_BEFORE = re.compile(r"the\s+$")
_NUMERIC = re.compile(
    # the year first is always year, month, day, whatever the mark: "2027-03-15",
    # "2027.03.15" (Asia and Eastern Europe), "2027/03/31" (Japan, China)
    r"(?<![\d/.])((?:19|20)\d\d(?:-[01]?\d-|\.[01]?\d\.|/[01]?\d/)[0-3]?\d"
    r"|[0-3]?\d[/.][0-3]?\d[/.](?:(?:19|20)\d\d|\d\d)"
    # "15-03-2027": dashes with the year last, read as slashes are
    r"|[0-3]?\d-[0-3]?\d-(?:19|20)\d\d)"
    r"(?![\w/])"
)
_NUMERIC_GATE = re.compile(r"\d[/.-]\d")
# An ISO week date, "2027-W11-5" (year, week, weekday), as Nordic and German postings give the
# last day to apply; a week without its day ("2027-W11") names no day.
_WEEK_GATE = re.compile(r"\d-?w\d")
_WEEK_DATE = re.compile(r"(?<![\w-])((?:19|20)\d\d)-?w([0-5]\d)-?([1-7])(?![\w-])")
# A day and month without a year ("by COB 15/04"): its year is inferred, as a month name's is.
# Slashes only: "3.2" is a version or a decimal more often than a day.
_DAY_MONTH = re.compile(r"(?<![\d/.])([0-3]?\d)/([01]?\d)(?![\w/]|[.,]\d)")
_DIGIT = re.compile(r"\d")

# The tail a weak phrasing needs before its date: "by the end of the day on 1 May". Possessive
# runs (*+, ++) never give spaces back, so a long run of spaces not followed by the date's
# place is read once, not once per space.
_WEAK_TAIL = (
    r"[*_]*+:?+[*_]*+\s*+(?:the\s++)?(?:end of (?:the )?day (?:on\s++)?)?"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?+(?:\s?+[ap]\.?m\.?)?+|noon|midnight|cob|close of business)\s++"
    r"(?:\(?[a-z]{2,4}\)?\s++)?(?:on\s++)?)?[*_]*+\s*+$"
)
# How a deadline is said before its date. A strong phrasing names the deadline itself and may
# stand a few words before the date; a weak one ("by", "until") right before it counts only in
# a sentence about applying (_APPLY). Dates of other events (_OTHER_EVENT) never count.
DEADLINE = Table(
    "deadline",
    (
        Rule(
            "strong",
            tuple(
                rf"{words}\b"
                for words in (
                    "deadline",
                    "closing date",
                    "close date",
                    "closes",
                    "closing",
                    "close",
                    "due",
                    "expires?",
                    "expiry",
                    "expiration date",
                    "last day to apply",
                    "last day for applications",
                    # "Last date for receipt of applications: 15-03-2027" (India)
                    "last date (?:for|of) (?:the )?(?:receipt|submission|applications?)",
                    "accepted through",
                    "accepted until",
                    "open through",
                    "open until",
                    "received by",
                    "postmarked by",
                    # "applications received after 30 June will not be considered"
                    "(?:received|accepted|submitted|considered) after",
                    # the label in the page's other language ("Bewerbungsschluss: 15.04.2027")
                    "bewerbungsschluss",
                    "bewerbungsfrist",
                    "sluitingsdatum",
                    "date limite",
                    "fecha l[ií]mite",
                    "scadenza",
                )
            ),
            matches=(
                "Last day to apply: 15 March 2024",
                "Bewerbungsschluss: 15.04.2026",
                "Sluitingsdatum: 15-04-2026.",
                "Date limite de candidature : 15/04/2026",
                "The deadline for applications is 30 April 2026.",
                "Closing date: 12 May 2026.",
                "Applications close on 3 June.",
                "Applications are due 1 April 2026.",
                "This posting expires on 20 April 2026.",
                "Letters must be postmarked by 2 May 2026.",
                "Applications accepted through 15 May 2026.",
                "The post is open until 31 May 2026.",
                "Expiry: 2026-04-30.",
                "Deadline - 22/04/2026",
                "Last day for applications is Friday, 17 April 2026.",
                "We are unable to consider applications received after 30 June 2026.",
                "The closing date for receipt of applications is 5pm (Irish time) on Thursday,"
                " 18th February 2027.",
                "Applications close by COB 15/04.",
                "No applications will be accepted after 1 May 2026.",
                "Last date for receipt of applications: 15-03-2027.",
                "The last date of submission is 2 April 2027.",
            ),
            rejects=(
                "Interviews will be held on 15 May 2026.",
                "The conference closes on 3 June 2026.",
                "Review of applications begins 1 May 2026.",
                "The successful candidate starts after 1 June 2026.",
                "The last date of the exhibition is 2 April 2027.",
            ),
        ),
        Rule(
            "weak",
            tuple(
                f"{words}{_WEAK_TAIL}"
                for words in (
                    "by",
                    "until",
                    "till",
                    "through",
                    "thru",
                    "before",
                    "no later than",
                    "not later than",
                    "on or before",
                )
            ),
            matches=(
                "Send your CV to jobs@example.org by 15 April 2026.",
                "Please submit your application no later than 20 April 2026.",
                "E-mail your letter before 1 May 2026.",
                "Apply on or before 8 May 2026.",
                "Submit your materials by the end of the day on 10 May 2026.",
                "Nominations are welcome until 12 April 2026.",
                "Apply by: September 13, 2026",
                "Applications must reach us no later than 5pm on Thursday, 22nd April 2026.",
                "Send your letter to jobs@example.org by midnight on 3 May 2026.",
                "Expressions of interest by 8 April 2026 to projects@example.org.",
                "**Apply by:** 23:59 on 28 April 2026",
                "Apply on Handshake by September 6: https://jobs.example.org/88213",
                "Send your application to jobs@example.org by COB 15/04.",
                "We'd like to hear from you by 21/05/2027.",
            ),
            rejects=(
                "The position starts by 1 June 2026.",
                "The exhibition runs until 30 June 2026.",
                "Apply now; the reading room is closed by 5pm on 3 May 2026.",
            ),
        ),
    ),
    check="set",
)
_STRONG, _WEAK = DEADLINE.rules
_APPLY = re.compile(
    r"\b(?:appl(?:y|ying|ication|ications|icants?)|submi(?:t|ssions?|tted)|send|sent|e-?mail"
    r"|contact|resumes?|cv|cover letters?|receiv\w*|accept\w*|open|nominations?|respond"
    r"|letters?|materials|considered|consideration|proposals?|register|registration"
    r"|write (?:to|us)|writing to|reach out|get in touch|hear from you"
    r"|express(?:ions?)? (?:of |your )?interest)\b"
    # "Please write to jobs@example.org by …": an address to write to is about applying.
    r"|[\w.+-]@[\w-]+\.\w",
)
# Dates of other events in the hiring process or the page's life are not deadlines.
_OTHER_EVENT = phrase(
    r"\b(?:interview\w*|review\w*|start\w*|begin\w*|began|commenc\w*|posted|posting date"
    r"|published|held|take place|takes place|launch\w*|decision|announc\w*|notif\w*"
    r"|effective|founded|since|hired|joined|appointed|awarded|event|conference|workshop"
    r"|webinar|meeting|employment date|anticipated|expected to)\b",
)


@dataclass(frozen=True)
class DateMention:
    value: date
    inferred: bool
    start: int
    end: int


@dataclass(frozen=True)
class Deadline:
    value: date
    inferred: bool
    sentence: str
    strong: bool


def mentions(sentence: str, posted: date | None) -> list[DateMention]:
    """Dates with a day in ``sentence`` (month-only phrases like "in February" are not dates).

    Found from their anchors (a month name, a digit) rather than with one big pattern, which
    Python's regex engine would try at every position of the sentence.
    """
    if _DIGIT.search(sentence) is None:
        return []
    low = sentence.lower()
    found: list[DateMention] = []
    for key, month in _MONTHS.items():
        at = low.find(key)
        while at != -1:
            if at == 0 or not low[at - 1].isalpha():
                mention = _around_month(low, at, month, posted)
                if mention is not None:
                    found.append(mention)
            at = low.find(key, at + 1)
    if _NUMERIC_GATE.search(low) is not None:
        for match in _NUMERIC.finditer(low):
            words = match.group(1)
            value = _iso(words) if words[:4].isdigit() else _numeric(words)
            if value is not None:
                found.append(DateMention(value, False, match.start(), match.end()))
        if posted is not None:
            found += _days_and_months(low, posted)
    if "w" in low and _WEEK_GATE.search(low) is not None:
        found += _week_dates(low)
    found.sort(key=lambda m: m.start)
    return found


def _week_dates(low: str) -> list[DateMention]:
    found = []
    for match in _WEEK_DATE.finditer(low):
        year, week, weekday = (int(part) for part in match.groups())
        try:
            value = date.fromisocalendar(year, week, weekday)
        except ValueError:  # week 53 of a year of 52, week 0
            continue
        found.append(DateMention(value, False, match.start(), match.end()))
    return found


def _days_and_months(low: str, posted: date) -> list[DateMention]:
    """ "15/04" with the year inferred; day first when the first number is above 12 (or the
    second is not), else month first, as slashed dates with a year are read."""
    found = []
    for match in _DAY_MONTH.finditer(low):
        first, second = int(match.group(1)), int(match.group(2))
        day, month = (first, second) if first > 12 else (second, first)
        if not 1 <= month <= 12:
            continue
        value = _infer_year(day, month, posted, None)
        if value is not None:
            found.append(DateMention(value, True, match.start(), match.end()))
    return found


def _around_month(low: str, at: int, month: int, posted: date | None) -> DateMention | None:
    word = _MONTH_WORD.match(low, at)
    if word is None:
        return None
    after = _DAY_AFTER.match(low, word.end())
    if after is not None:
        day, year, start, end = after.group(1), after.group(2), at, after.end()
    else:
        before = _DAY_BEFORE.search(low, max(0, at - 12), at)
        if before is None:
            return None
        day, start = before.group(1), before.start()
        tail = _YEAR_AFTER.match(low, word.end())
        year, end = (tail.group(1), tail.end()) if tail else (None, word.end())
    weekday = None
    lead = _WEEKDAY_BEFORE.search(low, max(0, start - 16), start)
    if lead is not None:
        weekday, start = _WEEKDAYS[lead.group(1)[:3]], lead.start()
    elif (the := _THE_BEFORE.search(low, max(0, start - 6), start)) is not None:
        start = the.start()
    if not 1 <= int(day) <= 31:
        return None
    if year:
        value = _day(int(year), month, int(day))
        return DateMention(value, False, start, end) if value else None
    value = _infer_year(int(day), month, posted, weekday)
    return DateMention(value, True, start, end) if value else None


def _day(year: int, month: int, day: int) -> date | None:
    # dateparser, handed "31 April 2021" and its format, also answers None (checked for every
    # day of several years); building the date directly costs a microsecond instead of 30.
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(words: str) -> date | None:
    year, month, day = words.split(words[4])
    return _day(int(year), int(month), int(day))


def _numeric(words: str) -> date | None:
    seps = {mark for mark in "./-" if mark in words}
    if len(seps) != 1:
        return None
    sep = seps.pop()
    first, second, year = words.split(sep)
    y = "%Y" if len(year) == 4 else "%y"
    formats: tuple[str, ...]
    if sep == "." or int(first) > 12:  # dotted dates are European, day first
        formats = (f"%d{sep}%m{sep}{y}",)
    elif int(second) > 12:
        formats = (f"%m{sep}%d{sep}{y}",)
    else:  # ambiguous: slashes are mostly American on these sites
        formats = (f"%m{sep}%d{sep}{y}", f"%d{sep}%m{sep}{y}")
    return _parse(words, formats)


def _infer_year(day: int, month: int, posted: date | None, weekday: int | None) -> date | None:
    """A day without a year belongs to the posting's year, or the next if it would be past."""
    if posted is None:
        return None
    value = _day(posted.year, month, day)
    if value is None and (month, day) == (2, 29):
        value = _day(posted.year + 1, month, day)
    if value is None:
        return None
    if value < posted - timedelta(days=30):
        value = _replace_year(value, value.year + 1) or value
    if weekday is not None and value.weekday() != weekday:
        later = _replace_year(value, value.year + 1)
        if later is not None and later.weekday() == weekday:
            value = later
    return value


def _replace_year(value: date, year: int) -> date | None:
    try:
        return value.replace(year=year)
    except ValueError:  # 29 February
        return None


@lru_cache(maxsize=1)
def _reader() -> DateDataParser:
    # One parser for every call: building one per call costs more than the parse itself.
    # Imported here, on the first date to parse: the CLI's commands that parse none start faster.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,  # a date needs its day, month and year
        },
    )


@lru_cache(maxsize=16384)
def _parse(words: str, formats: tuple[str, ...]) -> date | None:
    """``words`` always carry a year (a missing one is added from the posting date first),
    so the result never depends on today's clock."""
    try:
        result = _reader().get_date_data(words, date_formats=list(formats)).date_obj
    except (ValueError, OverflowError, TypeError):
        return None
    return result.date() if result is not None else None


def parse_date_words(words: str, posted: date | None) -> tuple[date | None, bool]:
    """A date written on its own (a front matter value such as ``June 9, 2019``)."""
    found = mentions(words, posted)
    return (found[0].value, found[0].inferred) if found else (None, False)


def find_deadline(scan: Scan, posted: date | None) -> Deadline | None:
    """The application deadline the text states: the first strong phrasing, else the first."""
    text = scan.text
    first_weak: Deadline | None = None
    # page order: the first strong one ends it. A date has a digit within a few words after
    # its cue; most "by"s have none, so their sentences are never looked for.
    for start, end in scan.sentences(
        DEADLINE.leads(scan.low), keep=lambda pos: _DIGIT.search(text, pos, pos + 90) is not None
    ):
        found = _deadline_in(text[start:end], posted)
        if found is None:
            continue
        if found.strong:
            return found
        first_weak = first_weak or found
    return first_weak or _end_of_month(scan, posted)


# "Please apply by the end of the month": the last day of the month the page was posted in.
_END_OF_MONTH = re.compile(r"\b(?P<cue>by|before|until) the end of (?:the|this) month\b")


def _end_of_month(scan: Scan, posted: date | None) -> Deadline | None:
    found = _END_OF_MONTH.search(scan.low) if posted is not None else None
    if found is None or posted is None:
        return None
    for start, end in scan.sentences((found.start(),)):
        if _weak_cue(scan.low[start : found.end("cue") + 1]):
            last = calendar.monthrange(posted.year, posted.month)[1]
            return Deadline(posted.replace(day=last), True, plain(scan.text[start:end]), False)
    return None


def _deadline_in(sentence: str, posted: date | None) -> Deadline | None:
    dates = mentions(sentence, posted)
    if not dates:
        return None
    # "Closing date: ~~16 April~~ extended to 30 April": a date struck out is replaced by the
    # sentence's others; struck out alone ("~~Apply by 31 March~~"), it still was the date
    dates = [m for m in dates if sentence.count(_STRUCK, 0, m.start) % 2 == 0] or dates
    low = sentence.lower()
    weak_hit: Deadline | None = None
    for mention in dates:
        clause_start = _clause_start(low, mention.start)
        before = low[clause_start : mention.start]
        strong = _strong_cue(before)
        if strong:
            return Deadline(mention.value, mention.inferred, plain(sentence), True)
        if weak_hit is None and _weak_cue(before):
            weak_hit = Deadline(mention.value, mention.inferred, plain(sentence), False)
    return weak_hit


_STRUCK = "~~"  # Markdown's strike-through, on either side of what it strikes


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding offset ``at`` begins: after a ";" or an unclosed "("."""
    start = sentence.rfind(";", 0, at) + 1
    paren = sentence.rfind("(", start, at)
    if paren != -1 and sentence.find(")", paren, at) == -1:
        start = paren + 1
    return start


# The time of day a deadline's date may follow: "is 5pm (Irish time) on Thursday, 18th
# February": not counted in the words between the cue and its date. Read in the last
# _TIME_READ characters before the date only.
_TIME_BEFORE = re.compile(
    r"(?:\d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.?m\.?)?|noon|midnight)\s(?:\([a-z ]{2,20}\)\s)?"
    r"(?:on\s)?$"
)
_TIME_READ = 40


def _strong_cue(before: str) -> bool:
    last = max(_STRONG.hits(before), default=None)  # the last, and the longest there
    if last is None:
        return False
    start, end = last
    gap = before[end:]
    time = _TIME_BEFORE.search(gap, max(0, len(gap) - _TIME_READ))
    if (
        len(gap) - (len(time.group(0)) if time is not None else 0) > 45
        or _OTHER_EVENT.search(gap) is not None
    ):
        return False
    # "Posting date … closing date" style lines: the cue must not be about another event.
    return _OTHER_EVENT.search(before[max(0, start - 25) : start]) is None


def _weak_cue(before: str) -> bool:
    cue = min(_WEAK.hits(before), default=None)
    if cue is None:
        return False
    lead = before[: cue[0]]
    apply = last_match(_APPLY, lead)
    if apply is None:
        return False
    return _OTHER_EVENT.search(lead[apply.end() :]) is None

"""Spans of days as people say them: "this week", "in the next 3 weeks", "before June",
"in November 2017". One reader for ``/jobs`` and for plain questions.

"This week" is the next 7 days and "this month" the rest of the calendar month, and every
window carries the words a reply states it with ("by Sunday 13 December 2026").

    >>> from datetime import date
    >>> ahead, month, _rest = read_windows("closing this week", date(2026, 12, 6))
    >>> ahead.end, ahead.label
    (datetime.date(2026, 12, 12), 'by Saturday 12 December 2026')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "March", "March 1", "March 1, 2027", "1 March", "1st of March 2027" (``_date_parts``)
_A_DATE = (
    r"(?:" + _MONTH + r"(?:\s+" + _DAY + r")?(?:,?\s+" + _YEAR + r")?"
    + r"|" + _DAY.replace("day", "day2") + r"\s+(?:of\s+)?" + _MONTH.replace("month", "month2")
    + r"(?:,?\s+" + _YEAR.replace("year", "year2") + r")?)"
)  # fmt: skip
DEADLINE_CUE = re.compile(
    r"\b(?:clos(?:e|es|ing|ed)|due|deadlines?|apply by|ending|ends?|expir(?:e|es|ing))\b"
)
# "what did X post in 2019?" asks what went up then, as "posted" does (and asks for a list:
# ``bot.ask.understand``); "the post" alone is a job
POSTED_VERB = r"\bdid (?:[\w'’-]+ ){1,4}post\b"
POSTED_CUE = re.compile(r"\b(?:posted|published|added|new|listed|advertised)\b|" + POSTED_VERB)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "a": 1,
    "an": 1,
    "couple": 2,
    "few": 3,
}
_SPAN = re.compile(
    r"\b(?:in|within|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|a|an|a couple of|a few)\s+"
    r"(?P<unit>days?|weeks?|months?)\b"
    r"|\bnext\s+(?P<n2>\d{1,3}|two|three|four|five|six|few)\s+(?P<unit2>days?|weeks?|months?)\b"
)
# "this week", "next month", and "by the end of the month" (this one's: "the" only there)
_RELATIVE = re.compile(
    r"\b(?:(?P<end_of>end\s+of\s+)(?:(?P<which0>this|next|the)\s+)?|(?P<which>this|next|coming)\s+)"
    r"(?P<unit>week|month|year)\b"
)
# Days behind: "in the last month", "past 2 weeks", "recently"; a window ending today.
_BEHIND = re.compile(
    r"\b(?:(?:in|over|during|within)\s+)?(?:the\s+)?(?:last|past|previous)\s+"
    r"(?:(?P<n>\d{1,3}|two|three|four|five|six|few|couple of)\s+)?"
    r"(?P<unit>days?|weeks?|months?|years?)\b"
    r"|\b(?P<recently>recently|lately)\b"
)
_DAY_WORD = re.compile(r"\b(?P<word>today|tomorrow|soon|yesterday)\b")
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# "by Friday" (the coming one, today when it is Friday), "before Monday"
# "due Friday", "closing this Friday": by then
_BY_WEEKDAY = re.compile(
    r"\b(?P<op>before|by|until|till|on|due|closing|closes|ending|ends|expiring|expires)"
    r"\s+(?:this\s+|next\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
)
_WEEKEND = re.compile(r"\b(?P<which>this|next|the)\s+weekend\b")
# "new since Monday", "posted since last friday": from the last such day until today
_SINCE_WEEKDAY = re.compile(r"\bsince\s+(?:last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
# "after March 1", "from 1 May on": a window that starts then and never ends
_AFTER = re.compile(r"\b(?P<op>after|from|since)\s+(?:the\s+)?" + _A_DATE + r"\b")
OPEN_END = 3650  # days: "after March 1" has no end; ten years stand for none
_BEFORE = re.compile(
    r"\b(?P<op>before|by|until|till|ahead of|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?"
    + _A_DATE
    + r"\b"
)
_IN_MONTH = re.compile(
    r"\b(?:in|during|for|of)\s+(?:the\s+month\s+of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"
    r"|\b" + _MONTH.replace("month", "month2") + r"\s+" + _YEAR.replace("year", "year2") + r"\b"
)
# "in 2017", "in late 2017" (the year: a part of it is not read finer)
# "in summer 2017", "last autumn": a season of a year (the northern one: the pages' own)
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}
_SEASON = re.compile(
    r"\b(?:(?:in|during|over|from|of)\s+(?:the\s+)?)?(?P<which>this|last|next)?\s*"
    r"(?P<season>" + "|".join(SEASONS) + r")(?:\s+(?:of\s+)?" + _YEAR + r")?\b"
)
_IN_YEAR = re.compile(r"\b(?:in|during|from|since)\s+(?:(?:early|mid|late)[\s-]+)?" + _YEAR + r"\b")


@dataclass(frozen=True)
class Window:
    """An inclusive span of days and how the reply states it ("closing by Sunday 13 December")."""

    start: date
    end: date
    label: str


@dataclass
class Blanked:
    """The question's lowercased text with recognised phrases blanked out as they are read."""

    value: str
    found: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def take(self, match: re.Match[str], label: str | None = None) -> None:
        self.take_span(*match.span(), label or match.group(0))

    def take_span(self, start: int, end: int, label: str) -> None:
        self.value = self.value[:start] + " " * (end - start) + self.value[end:]
        self.found.append(label)
        self.starts.append(start)


def _number(word: str) -> int:
    return int(word) if word.isdecimal() else _NUMBER_WORDS.get(word.split()[-1], 2)


def _month_window(month: int, year: int) -> Window:
    last = calendar.monthrange(year, month)[1]
    return Window(
        date(year, month, 1), date(year, month, last), f"{calendar.month_name[month]} {year}"
    )


def say(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def windows_in(
    text: Blanked, today: date, *, past: bool = False
) -> tuple[Window | None, Window | None]:
    """(a window of days ahead or before a date, a calendar month or year) named in the text.

    The first of ``_AHEAD`` that finds one names the window ahead (its words are taken out of
    the text); a calendar month, else a year, is read from what is left. ``past``: a month
    named without its year is the last one ("posted in February", said in March).
    """
    ahead: Window | None = None
    for reader in _AHEAD:
        ahead = reader(text, today)
        if ahead is not None:
            break
    return ahead, _calendar(text, today, past=past)


def _looking_back(text: Blanked, today: date) -> Window | None:
    """ "posted in the last 2 weeks", "recently": from that many days ago until today."""
    behind = _BEHIND.search(text.value)
    if behind is None:
        return None
    n = _number(behind.group("n")) if behind.group("n") else 1
    unit = behind.group("unit") or "weeks"
    days = 14 if behind.group("recently") else min(n, 365) * _UNIT_DAYS[unit[0]]
    start = today - timedelta(days=days)
    if behind.group(0).startswith("last") and not behind.group("n"):
        # "posted last week": the week before this one as well as the days since
        start = min(start, _previous(unit, today))
    text.take(behind)
    return Window(start, today, f"since {say(start)}")


def _previous(unit: str, today: date) -> date:
    """The first day of the calendar week, month or year before ``today``'s."""
    if unit.startswith("week"):
        return today - timedelta(days=today.weekday() + 7)
    if unit.startswith("month"):
        last_month = today.replace(day=1) - timedelta(days=1)
        return last_month.replace(day=1)
    if unit.startswith("year"):
        return date(today.year - 1, 1, 1)
    return today - timedelta(days=1)


def _span(text: Blanked, today: date) -> Window | None:
    """ "in the next 10 days", "within 2 weeks": from today until then."""
    span = _SPAN.search(text.value)
    if span is None:
        return None
    n = min(_number(span.group("n") or span.group("n2")), 365)
    unit = span.group("unit") or span.group("unit2")
    end = today + timedelta(days=n * _UNIT_DAYS[unit[0]])
    text.take(span)
    return Window(today, end, f"by {say(end)}")


def _relative(text: Blanked, today: date) -> Window | None:
    """ "this week" (the next 7 days), "next week" (Monday to Sunday after), "this month",
    "next month", "this year", "next year"."""
    relative = _RELATIVE.search(text.value)
    if relative is None:
        return None
    which = relative.group("which") or (relative.group("which0") or "this").replace("the", "this")
    unit = relative.group("unit")
    if unit == "week" and relative.group("end_of") and which == "this":
        start, end = today, today + timedelta(days=6 - today.weekday())  # to Sunday
    elif unit == "week":
        start = today if which == "this" else today + timedelta(days=7 - today.weekday())
        end = start + timedelta(days=6)
    elif unit == "month":
        if which == "this":
            start, end = today, _month_window(today.month, today.year).end
        else:
            first = _month_window(today.month, today.year).end + timedelta(days=1)
            start, end = first, _month_window(first.month, first.year).end
    elif which == "this":
        start, end = today, date(today.year, 12, 31)
    else:
        start, end = date(today.year + 1, 1, 1), date(today.year + 1, 12, 31)
    if relative.group("end_of"):
        start = today  # "by the end of next month": from now on
    text.take(relative)
    label = f"by {say(end)}" if start == today else f"between {say(start)} and {say(end)}"
    return Window(start, end, label)


def _day_word(text: Blanked, today: date) -> Window | None:
    """ "today", "tomorrow", "soon" (the next two weeks); "yesterday", the day before today
    ("what got posted yesterday?")."""
    day_word = _DAY_WORD.search(text.value)
    if day_word is None:
        return None
    if day_word.group("word") == "yesterday":
        text.take(day_word)
        before = today - timedelta(days=1)
        return Window(before, before, f"on {say(before)}")
    end = today + timedelta(days={"today": 0, "tomorrow": 1, "soon": 14}[day_word.group("word")])
    text.take(day_word)
    return Window(today, end, f"by {say(end)}")


def _date_parts(match: re.Match[str]) -> tuple[int, str | None, str | None]:
    """(month, year as written, day as written) of an ``_A_DATE`` match."""
    month = MONTHS[(match.group("month") or match.group("month2")).lower()]
    return (
        month,
        match.group("year") or match.group("year2"),
        match.group("day") or match.group("day2"),
    )


def _before(text: Blanked, today: date) -> Window | None:
    """ "before March", "by 15 April 2027": from today until then (a past month without a
    year is next year's)."""
    before = _BEFORE.search(text.value)
    if before is None:
        return None
    month, year_text, day_text = _date_parts(before)
    year = int(year_text) if year_text else today.year
    # "before the end of March" is by its last day
    strictly = before.group("op") == "before" and "end" not in before.group(0)
    if day_text and 1 <= int(day_text) <= calendar.monthrange(year, month)[1]:
        end = date(year, month, int(day_text)) - timedelta(days=1 if strictly else 0)
    elif strictly:
        end = date(year, month, 1) - timedelta(days=1)
    else:
        end = _month_window(month, year).end
    if end < today and not year_text:
        end = end.replace(year=end.year + 1)
    text.take(before)
    return Window(today, end, f"by {say(end)}") if end >= today else None


def _by_weekday(text: Blanked, today: date) -> Window | None:
    """ "by Friday": from today until the coming Friday (today, when it is Friday);
    "before Friday" stops the day before."""
    by = _BY_WEEKDAY.search(text.value)
    if by is None:
        return None
    end = today + timedelta(days=(WEEKDAYS[by.group("weekday")] - today.weekday()) % 7)
    if by.group("op") == "before":
        end -= timedelta(days=1)
    text.take(by)
    if by.group("op") == "on":
        return Window(end, end, f"on {say(end)}")
    return Window(today, end, f"by {say(end)}") if end >= today else None


def _since_weekday(text: Blanked, today: date) -> Window | None:
    """ "since Monday": from the last Monday (today, when it is Monday) until today; "since
    last Monday" reads the same day, as people mean it."""
    since = _SINCE_WEEKDAY.search(text.value)
    if since is None:
        return None
    start = today - timedelta(days=(today.weekday() - WEEKDAYS[since.group("weekday")]) % 7)
    text.take(since)
    return Window(start, today, f"since {say(start)}")


def _weekend(text: Blanked, today: date) -> Window | None:
    """ "this weekend": the coming Saturday and Sunday (the rest of it, on a weekend day);
    "next weekend": the one after."""
    weekend = _WEEKEND.search(text.value)
    if weekend is None:
        return None
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:  # Sunday: this weekend is today
        saturday = today - timedelta(days=1)
    if weekend.group("which") == "next":
        saturday += timedelta(days=7)
    start, end = max(saturday, today), saturday + timedelta(days=1)
    text.take(weekend)
    if start == end:
        return Window(start, end, f"on {say(start)}")
    return Window(start, end, f"between {say(start)} and {say(end)}")


def _after(text: Blanked, today: date) -> Window | None:
    """ "after March 1" (from the day after), "from 1 May" (from that day), "since January"
    (the last one that began): no end."""
    after = _AFTER.search(text.value)
    if after is None:
        return None
    op = after.group("op")
    month, year_text, day_text = _date_parts(after)
    year = int(year_text) if year_text else today.year
    if day_text is None and op == "from":
        return None  # "jobs from March 2017" names the month (``_calendar``)
    if day_text is None:  # a month: from its first day; "after March", from April's
        start = date(year, month, 1)
        if op == "after":
            start = _month_window(month, year).end + timedelta(days=1)
    elif 1 <= int(day_text) <= calendar.monthrange(year, month)[1]:
        start = date(year, month, int(day_text)) + timedelta(days=1 if op == "after" else 0)
    else:
        return None
    if op == "since" and start > today and not year_text:
        start = start.replace(year=start.year - 1)  # "since November", said in April
    text.take(after)
    return Window(start, start + timedelta(days=OPEN_END), f"from {say(start)}")


_AHEAD = (
    _looking_back,
    _span,
    _relative,
    _since_weekday,
    _weekend,
    _day_word,
    _by_weekday,
    _before,
    _after,
)
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


def _season(text: Blanked, today: date) -> Window | None:
    """ "summer 2017": June to August 2017; "winter 2017": December 2017 to February 2018;
    "this summer" (this year's; this winter, the one under way), "last summer" (the last one
    over), "next summer" (the next one to begin)."""
    match = _SEASON.search(text.value)
    if match is None or not (match.group("year") or match.group("which")):
        return None  # "summer" alone may be a word of a title ("Summer Intern")
    first, last = SEASONS[match.group("season")]

    def of(year: int) -> Window:
        start = date(year, first, 1)
        end = _month_window(last, year + 1 if first > last else year).end
        return Window(start, end, f"between {say(start)} and {say(end)}")

    if match.group("year"):
        found = of(int(match.group("year")))
    else:
        seasons = [of(year) for year in range(today.year - 2, today.year + 2)]
        which = match.group("which")
        if which == "last":
            found = max((w for w in seasons if w.end < today), key=lambda w: w.end)
        elif which == "next":
            found = min((w for w in seasons if w.start > today), key=lambda w: w.start)
        else:
            under_way = [w for w in seasons if w.start <= today <= w.end]
            found = under_way[0] if under_way else of(today.year)
    text.take(match)
    return found


def _calendar(text: Blanked, today: date, *, past: bool = False) -> Window | None:
    """ "in March" (this March, or next when March has passed; the last March when ``past``),
    "in November 2017", "2016", "summer 2017"."""
    season = _season(text, today)
    if season is not None:
        return season
    month_match = _IN_MONTH.search(text.value)
    if month_match is not None:
        month = MONTHS[(month_match.group("month") or month_match.group("month2")).lower()]
        year_text = month_match.group("year") or month_match.group("year2")
        year = int(year_text) if year_text else today.year
        if not year_text and past:
            if date(year, month, 1) > today:
                year -= 1  # "posted in March" said in February means last March
        elif not year_text and date(year, month, 1) < date(today.year, today.month, 1):
            year += 1  # "closing in March" said in May means next March
        text.take(month_match)
        return _month_window(month, year)
    year_match = _IN_YEAR.search(text.value)
    if year_match is None:
        return None
    year = int(year_match.group("year"))
    text.take(year_match)
    return Window(date(year, 1, 1), date(year, 12, 31), str(year))


def read_windows(text: str, today: date) -> tuple[Window | None, Window | None, str]:
    """(a window of days ahead or up to a date, a calendar month or year, the text left)."""
    blanked = Blanked(" " + " ".join(text.lower().split()) + " ")
    ahead, month = windows_in(blanked, today)
    return ahead, month, blanked.value


SOON_DAYS = 14
_CLOSING_ALONE = re.compile(r"\b(?:closing|closes)\b")


# Where a deadline window was, in the text ``deadline_window`` leaves: a word of letters only,
# so a query parser keeps its place among the other words ("remote closing this month dev").
WINDOW_MARK = "deadlinewindowmark"


def deadline_window(text: str, today: date) -> tuple[Window | None, str, str]:
    """The deadline window a query names ("closing this month", "deadlines before June"; bare
    "closing" is the next two weeks), its words as typed, and the text left without them (with
    ``WINDOW_MARK`` where they were)."""
    cue = DEADLINE_CUE.search(text.lower())
    if cue is None:
        return None, "", text
    blanked = Blanked(" " + " ".join(text.lower().split()) + " ")
    first_cue = DEADLINE_CUE.search(blanked.value)
    ahead, month = windows_in(blanked, today)
    window = ahead or month
    phrase = " ".join(x.strip() for x in blanked.found)
    if window is None and _CLOSING_ALONE.search(blanked.value):
        end = today + timedelta(days=SOON_DAYS)
        window, phrase = Window(today, end, f"by {say(end)}"), "soon"
    if window is None:
        return None, "", text
    at = min([*blanked.starts, *([first_cue.start()] if first_cue else [])])
    rest = DEADLINE_CUE.sub(lambda m: " " * len(m.group()), blanked.value)
    return window, phrase, f"{rest[:at]} {WINDOW_MARK} {rest[at:]}"

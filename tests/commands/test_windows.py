"""Spans of days as people say them, read against a fixed "today"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.windows import OPEN_END, Blanked, read_windows, windows_in

WEDNESDAY = date(2022, 1, 26)


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("closing this week", WEDNESDAY, date(2022, 2, 1), "by Tuesday 1 February 2022"),
        ("in the next 3 weeks", WEDNESDAY, date(2022, 2, 16), "by Wednesday 16 February 2022"),
        ("deadlines before june", WEDNESDAY, date(2022, 5, 31), "by Tuesday 31 May 2022"),
        ("closing by friday", WEDNESDAY, date(2022, 1, 28), "by Friday 28 January 2022"),
        ("due before friday", WEDNESDAY, date(2022, 1, 27), "by Thursday 27 January 2022"),
        ("closing on monday", date(2022, 1, 31), date(2022, 1, 31), "on Monday 31 January 2022"),
        ("by wednesday", WEDNESDAY, WEDNESDAY, "by Wednesday 26 January 2022"),
        (
            "due this weekend",
            date(2022, 1, 29),
            date(2022, 1, 30),
            "between Saturday 29 January 2022 and Sunday 30 January 2022",
        ),
        (
            "next weekend",
            date(2022, 2, 5),
            date(2022, 2, 6),
            "between Saturday 5 February 2022 and Sunday 6 February 2022",
        ),
        # "the end of" a month, of this one, of the next: from today until then
        (
            "closing by the end of the month",
            WEDNESDAY,
            date(2022, 1, 31),
            "by Monday 31 January 2022",
        ),
        ("due by end of month", WEDNESDAY, date(2022, 1, 31), "by Monday 31 January 2022"),
        ("before the end of january", WEDNESDAY, date(2022, 1, 31), "by Monday 31 January 2022"),
        ("by the end of next month", WEDNESDAY, date(2022, 2, 28), "by Monday 28 February 2022"),
        ("by the end of the week", WEDNESDAY, date(2022, 1, 30), "by Sunday 30 January 2022"),
        ("closing after march 1", date(2022, 3, 2), None, "from Wednesday 2 March 2022"),
        ("from 1 may", date(2022, 5, 1), None, "from Sunday 1 May 2022"),
        ("closing after march", date(2022, 4, 1), None, "from Friday 1 April 2022"),
        # "since" a month that has not come yet this year is last year's
        ("posted since november", date(2021, 11, 1), None, "from Monday 1 November 2021"),
        ("posted since january", date(2022, 1, 1), None, "from Saturday 1 January 2022"),
        # "last week" is the calendar week before as well as the last seven days
        ("posted last week", date(2022, 1, 17), WEDNESDAY, "since Monday 17 January 2022"),
        ("in the last week", date(2022, 1, 19), WEDNESDAY, "since Wednesday 19 January 2022"),
        ("posted last month", date(2021, 12, 1), WEDNESDAY, "since Wednesday 1 December 2021"),
    ],
)
def test_windows_ahead_and_behind(text: str, start: date, end: date | None, label: str) -> None:
    ahead, _month, _rest = read_windows(text, WEDNESDAY)
    assert ahead is not None
    assert (ahead.start, ahead.label) == (start, label)
    if end is None:  # "after March 1" has no end
        assert (ahead.end - ahead.start).days == OPEN_END
    else:
        assert ahead.end == end


def test_on_a_sunday_this_weekend_is_today() -> None:
    sunday = date(2022, 1, 30)
    ahead, _month, _rest = read_windows("anything due this weekend?", sunday)
    assert ahead is not None and (ahead.start, ahead.end) == (sunday, sunday)
    assert ahead.label == "on Sunday 30 January 2022"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("jobs from march 2017", "March 2017"),
        ("in november 2017", "November 2017"),
        ("hiring in late 2017", "2017"),  # the year: a part of it is not read finer
        ("2016", None),
    ],
)
def test_a_month_named_with_its_year_is_that_month(text: str, label: str | None) -> None:
    ahead, month, _rest = read_windows(text, WEDNESDAY)
    assert ahead is None
    assert (month.label if month is not None else None) == label


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("anything due this friday", date(2022, 1, 28)),
        ("jobs closing friday", date(2022, 1, 28)),
        ("what expires monday", date(2022, 1, 31)),
        ("due next thursday", date(2022, 1, 27)),
    ],
)
def test_a_weekday_after_a_deadline_word_is_the_deadline(text: str, end: date) -> None:
    ahead, _month, _rest = read_windows(text, WEDNESDAY)
    assert ahead is not None and (ahead.start, ahead.end) == (WEDNESDAY, end)


@pytest.mark.parametrize(
    ("text", "today", "start", "end"),
    [
        ("posted in summer 2017", WEDNESDAY, date(2017, 6, 1), date(2017, 8, 31)),
        ("jobs from winter 2017", WEDNESDAY, date(2017, 12, 1), date(2018, 2, 28)),
        ("open in the fall of 2019", WEDNESDAY, date(2019, 9, 1), date(2019, 11, 30)),
        # in January, the summer before is last year's; this winter began in December
        ("closed last summer", WEDNESDAY, date(2021, 6, 1), date(2021, 8, 31)),
        ("posted this winter", WEDNESDAY, date(2021, 12, 1), date(2022, 2, 28)),
        ("next spring", WEDNESDAY, date(2022, 3, 1), date(2022, 5, 31)),
        # in September, last summer is the one just over
        ("closed last summer", date(2017, 9, 1), date(2017, 6, 1), date(2017, 8, 31)),
    ],
)
def test_a_season_is_its_three_months(text: str, today: date, start: date, end: date) -> None:
    _ahead, span, _rest = read_windows(text, today)
    assert span is not None and (span.start, span.end) == (start, end)


def test_summer_alone_is_a_word() -> None:
    # "Summer Intern" is a title: a season is read only with its year or "this", "last"
    _ahead, span, rest = read_windows("summer intern jobs", WEDNESDAY)
    assert span is None and "summer" in rest


def test_a_month_posted_in_without_its_year_is_the_last_one() -> None:
    _ahead, month = windows_in(Blanked(" posted in november "), WEDNESDAY, past=True)
    assert month is not None and month.label == "November 2021"
    _ahead, month = windows_in(Blanked(" closing in november "), WEDNESDAY)
    assert month is not None and month.label == "November 2022"

"""Spans of days as people say them, read against a fixed "today"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.windows import OPEN_END, read_windows

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

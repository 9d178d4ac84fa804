"""Time zones asked in a question ("remote jobs in UTC+1", "jobs I can do from EST", "in CET
hours"): the asker's hours, read as the region of the zone's span; a remote job is open to
them when a country of the zone lies where the job may be done from."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.places import find_place, zone_asked

TODAY = date(2026, 5, 4)


def _posting(slug: str, title: str, where: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: Gannet Archive
tags: [jobs]
---
Gannet Archive is hiring a {title}. {where}

Apply by 30 June 2026 to jobs@gannet.example.org.
""",
    )


PAGES = dict(
    [
        _posting("europe", "Metadata Editor", "This is a remote role, from anywhere in Europe."),
        _posting("usa", "Reference Assistant", "This is a remote role, open to the USA only."),
        _posting("span", "Web Developer", "Remote: you must live between UTC-2 and UTC+3."),
        _posting("onsite", "Conservator", "The work is on site in Lyon, France."),
        _posting("wide", "Outreach Lead", "Remote, in time zones UTC-3 to UTC+6."),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("zones-asked"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("text", "span", "said"),
    [
        ("remote jobs in utc+1", "UTC+1", "utc+1"),
        ("anything for utc -5?", "UTC-5", "utc -5"),
        ("jobs i can do from EST", "UTC-5", "EST"),
        ("work in CET hours", "UTC+1", "CET hours"),
        ("someone on gmt+5:30", "UTC+5:30", "gmt+5:30"),
    ],
)
def test_a_time_zone_named_in_a_question_is_read_as_its_span(
    text: str, span: str, said: str
) -> None:
    found = zone_asked(text)
    assert found is not None
    place, start, end = found
    assert (place.name, text[start:end]) == (span, said)


@pytest.mark.parametrize("text", ["the best jobs", "estonia", "a list of tests"])
def test_words_that_hold_a_zone_name_name_no_zone(text: str) -> None:
    assert zone_asked(text) is None


def test_a_zone_holds_its_countries() -> None:
    found = zone_asked("utc+1")
    assert found is not None
    for inside in ("germany", "nigeria", "europe"):
        place = find_place(inside)
        assert place is not None and found[0].contains(place), inside
    for outside in ("india", "united states"):
        place = find_place(outside)
        assert place is not None and not found[0].contains(place), outside


def _titles(app: App, question: str) -> set[str]:
    return {p.title for p in app.ask(question).postings}


def test_remote_jobs_in_a_zone_are_those_open_to_its_countries(app: App) -> None:
    wanted = {"Metadata Editor", "Web Developer", "Outreach Lead"}
    assert _titles(app, "remote jobs in utc+1") == wanted
    assert _titles(app, "jobs in CET hours") == wanted


def test_jobs_from_an_american_zone_are_the_american_ones(app: App) -> None:
    assert _titles(app, "jobs i can do from EST") == {"Reference Assistant"}
    assert _titles(app, "anything for someone in pacific time") == {"Reference Assistant"}


def test_one_posting_from_a_zone(app: App) -> None:
    assert "From UTC-8: no" in app.ask("can i do the web developer job from pacific time").text
    assert "From UTC+2: yes" in app.ask("can i do the web developer job from utc+2").text


def test_a_span_of_hours_is_met_by_the_zones_hours_not_by_a_country_in_both(app: App) -> None:
    # Canada reaches UTC-3:30 and UTC-8; someone in Pacific time keeps no hour of UTC-3..+6
    assert "From UTC-8: no" in app.ask("can i do the outreach lead job from pacific time").text

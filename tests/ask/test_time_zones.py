"""Where a remote worker may live, said in time zones: the loader reads the span once
("you must live between UTC-2 and UTC+3") and questions of where from are answered from it;
hours to keep ("calls between -8 UTC and +1 UTC") limit no place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

from bot.app import App
from bot.places import find_place, places_in, read_places, zone_span

TODAY = date(2026, 5, 4)
PAGES = {
    "jobs/2026-04-20-lantern-engineer.md": """---
title: Platform Engineer
date: 2026-04-20
organization: Lantern Data Trust
tags: [jobs]
---
Lantern Data Trust is hiring a Platform Engineer. This is a remote role: you must live in a
country between UTC-2 and UTC+3.
Apply by 30 June 2026 to jobs@lantern.example.org.
""",
    "jobs/2026-04-21-lantern-coordinator.md": """---
title: Programme Coordinator
date: 2026-04-21
organization: Lantern Data Trust
tags: [jobs]
---
Lantern Data Trust is hiring a Programme Coordinator. The position is remote and can be held
from anywhere. You must be available for calls with colleagues from -8 UTC to +1 UTC.
Apply by 30 June 2026 to jobs@lantern.example.org.
""",
    "jobs/2026-04-22-ferry-cataloguer.md": """---
title: Cataloguer
date: 2026-04-22
organization: Ferry Street Library
tags: [jobs]
location: Ithaca, NY w/ remote hours
---
Ferry Street Library is hiring a Cataloguer, part of the week on site.
Apply by 30 June 2026 to jobs@ferry.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("zones"), PAGES, TODAY) as application:
        yield application


def test_a_span_of_time_zones_holds_the_countries_inside_it() -> None:
    span = zone_span("UTC-2 to UTC+3")
    assert span is not None
    for inside in ("kenya", "germany", "portugal", "europe"):
        place = find_place(inside)
        assert place is not None and span.contains(place), inside
    for outside in ("india", "japan", "australia", "north america"):
        place = find_place(outside)
        assert place is not None and not span.contains(place), outside
    assert zone_span("Europe") is None


def test_stored_names_read_back_as_places() -> None:
    names = [p.name for p in read_places(["EU", "UK", "EMEA time zones", "Paramus, NJ"])]
    assert names == ["EU", "United Kingdom", "EMEA", "Paramus"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("can i do the platform engineer job from kenya?", "From Kenya: yes"),
        ("can i do the platform engineer job from india?", "From India: no"),
        ("can i do the programme coordinator job from india?", "From India: probably"),
        ("can i do the cataloguer job from ohio?", "From Ohio: not remotely"),
        ("can i do the cataloguer job from new york?", "From New York: yes"),
    ],
)
def test_one_posting_from_a_place(app: App, question: str, answer: str) -> None:
    assert answer in app.ask(question).text


def test_lists_of_remote_jobs_from_a_place_keep_to_the_span(app: App) -> None:
    japan = {p.title for p in app.ask("remote jobs i can do from japan").postings}
    assert japan == {"Programme Coordinator"}
    europe = {p.title for p in app.ask("remote jobs in europe").postings}
    assert europe == {"Platform Engineer", "Programme Coordinator"}


def test_the_loader_stores_the_span_and_not_the_hours(tmp_path: Path) -> None:
    with app_of(tmp_path, PAGES, TODAY) as application:
        stored = {p.title: p.remote_regions for p in application.store.all_postings()}
    assert stored["Platform Engineer"] == ("UTC-2 to UTC+3",)
    assert stored["Programme Coordinator"] == ()
    assert stored["Cataloguer"] == ("Ithaca, NY",)


def test_a_continent_said_as_an_adjective_is_named_as_the_continent() -> None:
    assert [p.name for p in read_places(["European time zones", "African"])] == [
        "Europe",
        "Africa",
    ]


def test_remembered_places_are_a_new_list_each_time() -> None:
    first = places_in("Berlin, Germany")
    first.clear()
    assert [p.name for p in places_in("Berlin, Germany")] == ["Berlin", "Germany"]
    long_line = "Berlin, Germany; " * 40  # longer than what is remembered: read each time
    assert len(places_in(long_line)) == 80

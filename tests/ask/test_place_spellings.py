"""Places written without their accents ("Zurich", "Montreal", "Krakow") or with their letters
spelled out ("Zuerich", "Aarhus") are the places the gazetteer spells "Zürich", "Montréal",
"Kraków" and "Århus"; a name starting with such a letter ("Århus", "Łódź") is a word too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.places import find_place, places_in

TODAY = date(2026, 5, 4)
PAGES = {
    "jobs/2026-04-20-montreal-archivist.md": """---
title: Archivist
date: 2026-04-20
organization: Maison des Archives
location: Montréal, Québec
tags: [jobs]
---
Maison des Archives is hiring an archivist in Montréal. Apply by 30 June 2026 to
jobs@maison.example.org.
""",
    "jobs/2026-04-21-krakow-curator.md": """---
title: Curator
date: 2026-04-21
organization: Vistula Print Museum
location: Krakow, Poland
tags: [jobs]
---
Vistula Print Museum is hiring a curator. Apply by 30 June 2026 to jobs@vistula.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("spellings"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("Zurich", "Zürich", "CH"),
        ("Zuerich", "Zürich", "CH"),
        ("Montreal, QC", "Montréal", "CA"),
        ("Krakow, Poland", "Kraków", "PL"),
        ("Malmo", "Malmö", "SE"),
        ("Aarhus, Denmark", "Århus", "DK"),
        ("Århus", "Århus", "DK"),
        ("Lodz", "Łódź", "PL"),
        ("Bogota, Colombia", "Bogotá", "CO"),
        ("Quebec", "Quebec", "CA"),
    ],
)
def test_a_name_without_its_accents_is_the_place(written: str, name: str, country: str) -> None:
    found = [(p.name, p.country) for p in places_in(written)]
    assert (name, country) in found, found


def test_plain_names_are_what_they_were() -> None:
    assert [(p.name, p.country) for p in places_in("Toledo, OH")] == [
        ("Ohio", "US"),
        ("Toledo", "US"),
    ]
    assert places_in("We seek an archivist") == []
    found = find_place("montreal", prefer="city")
    assert found is not None and found.name == "Montréal"


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("any jobs in montreal?", "Archivist"),
        ("jobs in montréal", "Archivist"),
        ("anything in kraków?", "Curator"),
        ("jobs in krakow", "Curator"),
    ],
)
def test_a_question_finds_the_posting_however_the_place_is_spelt(
    app: App, question: str, title: str
) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == [title], reply.text

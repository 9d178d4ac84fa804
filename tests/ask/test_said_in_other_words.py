"""A posting that says what is asked in words of its own: "a car park" answers parking, "the
collective agreement" a union, "annual leave" a vacation, and a heading ("What we offer")
says that the lines under it are the benefits; the page's words are quoted, never called
silent. A misspelt place that a list question found postings without ("is the glasgwo job
remote?") is read as the place; "which jobs close soonest?" is the list of open postings,
the soonest closing first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.typos import misspelt

TODAY = date(2026, 11, 20)

PAGES = {
    "jobs/2026-11-02-grebe-collections-assistant.md": """---
title: Collections Assistant
organization: Grebe Museum
date: 2026-11-02
tags: [jobs]
location: Aberdeen, UK
---
Grebe Museum is hiring a Collections Assistant to move and pack objects for our new store.

Full-time and permanent, £24,000 a year. Staff may leave their cars in the car park behind
the museum. You will join a friendly team in the stores. No museum qualification is needed.
The post starts in February 2027.

## What we offer

- 30 days annual leave
- a season ticket loan
- free entry to partner museums

## Applying

Apply by 20 December 2026 to jobs@grebe.example.org.
""",
    "jobs/2026-11-05-teal-digital-archivist.md": """---
title: Digital Archivist
organization: Teal University
date: 2026-11-05
tags: [jobs]
location: Glasgow, UK
---
Teal University needs a Digital Archivist for its research data. This is a remote post:
you will visit Glasgow twice a year.

Part-time, 21 hours a week. Pay follows the collective agreement for universities. You
will join a team of five archivists.

Apply by 15 December 2026 to archives@teal.example.org.
""",
    "jobs/2026-11-18-shrike-records-officer.md": """---
title: Records Officer
organization: Shrike District Council
date: 2026-11-18
tags: [jobs]
location: Norwich, UK
---
Shrike District Council is hiring a Records Officer for its planning files.

Part-time, 18 hours a week. You get twenty-five days of paid leave. You do not need a
degree: training is given.

Apply by 30 November 2026 to records@shrike.example.org.
""",
    "jobs/2026-10-20-wren-web-developer.md": """---
title: Web Developer
organization: Wren Trust
date: 2026-10-20
tags: [jobs]
location: Leeds, UK (remote)
---
Wren Trust is hiring a Web Developer to look after our collection websites. The post is
remote; the team meets in Leeds once a quarter.

Full-time, £41,000 a year. A degree in computing is required. The successful developer
will commence work on 4 January 2027.

## What you get

- a laptop of your choice
- a yearly training budget of £1,500

Apply by 10 January 2027 to web@wren.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("said"), PAGES, TODAY) as application:
        yield application


def said(app: App, question: str) -> str:
    return app.ask(question).text


# --- a phrase says the word asked ------------------------------------------------------


def test_a_car_park_answers_parking(app: App) -> None:
    text = said(app, "is there parking at the grebe job?")
    assert "car park behind the museum" in text
    assert "does not say" not in text


def test_a_collective_agreement_answers_a_union(app: App) -> None:
    text = said(app, "is the teal archivist job unionized?")
    assert "collective agreement for universities" in text
    assert "does not say" not in text


def test_a_british_spelling_still_names_the_posting(app: App) -> None:
    # "unionised" is in no English dictionary Herald reads, but in the synonym tables
    text = said(app, "is the teal job unionised?")
    assert "collective agreement" in text
    assert misspelt(["unionised", "libary"]) == {"libary"}


def test_annual_leave_answers_vacation(app: App) -> None:
    text = said(app, "how much vacation does the grebe job give?")
    assert "30 days annual leave" in text
    assert "does not say" not in text


def test_paid_leave_answers_holidays(app: App) -> None:
    text = said(app, "how much holiday does the shrike records officer get?")
    assert "twenty-five days of paid leave" in text


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("is there a training programme at the grebe job?", "training programme"),
        ("does the teal job have a webinar series?", "webinar series"),
    ],
)
def test_a_word_of_the_tables_is_no_typo(app: App, question: str, asked: str) -> None:
    # "programme", "webinar": words the tables know that the English dictionary lacks
    assert f"does not say anything about “{asked}”" in said(app, question)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("when does the grebe job begin?", "February 2027"),
        ("when will the grebe collections assistant commence?", "February 2027"),
        ("what's the start date for the wren developer job?", "4 January 2027"),
    ],
)
def test_start_begin_and_commence_are_one(app: App, question: str, day: str) -> None:
    text = said(app, question)
    assert day in text
    assert "does not say" not in text


# --- a heading says what the lines under it are -----------------------------------------


def test_what_we_offer_lists_the_benefits(app: App) -> None:
    text = said(app, "what benefits does the grebe job offer?")
    assert "season ticket loan" in text
    assert "does not say" not in text


def test_what_you_get_lists_the_perks(app: App) -> None:
    text = said(app, "what perks come with the wren developer job?")
    assert "laptop of your choice" in text
    assert "training budget" in text


def test_a_heading_quotes_only_its_own_lines(app: App) -> None:
    text = said(app, "what benefits come with the grebe collections assistant job?")
    assert "free entry to partner museums" in text
    assert "jobs@grebe.example.org." not in text.split("What we offer", 1)[-1].split("\n")[0]


def test_a_thing_no_phrase_says_is_still_unsaid(app: App) -> None:
    # guard: the phrases do not make every question answered
    text = said(app, "is there a gym at the grebe job?")
    assert "does not say anything about “gym”" in text


# --- a figure asked is said only by a sentence holding one ------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how big is the team for the grebe job?",
        "how large is the team at the grebe museum job?",
        "how big is the team for the wren developer job?",
    ],
)
def test_a_sentence_without_a_figure_is_no_size(app: App, question: str) -> None:
    text = said(app, question)
    assert "does not say anything about" in text
    assert "friendly team" not in text


def test_a_sentence_with_the_figure_answers(app: App) -> None:
    # guard: the size stated is quoted
    text = said(app, "how big is the team for the teal archivist job?")
    assert "team of five archivists" in text


# --- a misspelt place that a list found postings without --------------------------------


def test_a_misspelt_place_beside_a_filter_is_read(app: App) -> None:
    reply = app.ask("is the glasgwo job remote?")
    assert [p.title for p in reply.postings] == ["Digital Archivist"]


def test_a_misspelt_place_in_a_remote_list_is_read(app: App) -> None:
    # a remote post with no region is open to Glasgow too: the same list as spelt right
    reply = app.ask("remote jobs in glasgwo")
    assert reply.postings == app.ask("remote jobs in glasgow").postings
    assert "No posting mentions" not in reply.text


def test_a_misspelt_place_in_a_part_time_list_is_read(app: App) -> None:
    reply = app.ask("part-time jobs in norwhich")
    assert [p.title for p in reply.postings] == ["Records Officer"]


def test_what_someone_wants_is_no_keyword(app: App) -> None:
    reply = app.ask("my boss wants remote jobs")
    assert {p.title for p in reply.postings} == {"Digital Archivist", "Web Developer"}
    assert "No posting mentions" not in reply.text


# --- which close soonest -----------------------------------------------------------------


def test_which_jobs_close_soonest(app: App) -> None:
    reply = app.ask("which jobs close soonest?")
    assert [p.title for p in reply.postings][:2] == ["Records Officer", "Digital Archivist"]


def test_which_remote_jobs_close_first(app: App) -> None:
    reply = app.ask("which remote jobs close first?")
    assert [p.title for p in reply.postings] == ["Digital Archivist", "Web Developer"]


def test_the_earliest_deadline_is_no_oldest_posting(app: App) -> None:
    reply = app.ask("jobs with the earliest deadlines")
    assert reply.postings[0].title == "Records Officer"


def test_part_time_jobs_closing_soonest(app: App) -> None:
    reply = app.ask("part-time jobs closing soonest")
    assert [p.title for p in reply.postings] == ["Records Officer", "Digital Archivist"]
    assert "No posting mentions" not in reply.text


def test_the_nearest_deadline(app: App) -> None:
    reply = app.ask("which jobs have the nearest deadline?")
    assert len(reply.postings) == len(PAGES)
    assert reply.postings[0].title == "Records Officer"


# --- "permanent jobs": the postings that say so ------------------------------------------


def test_permanent_jobs_are_those_saying_so(app: App) -> None:
    reply = app.ask("permanent jobs")
    assert [p.title for p in reply.postings] == ["Collections Assistant"]


def test_permanent_roles_in_a_city(app: App) -> None:
    reply = app.ask("any permanent roles in aberdeen?")
    assert [p.title for p in reply.postings] == ["Collections Assistant"]


def test_no_permanent_job_in_a_city_is_said(app: App) -> None:
    # the city's other jobs follow, the missing word said first
    reply = app.ask("permanent jobs in leeds")
    assert reply.text.startswith("No posting mentions permanent")


def test_permanent_full_time_jobs(app: App) -> None:
    reply = app.ask("permanent full-time jobs")
    assert [p.title for p in reply.postings] == ["Collections Assistant"]


def test_one_posting_asked_if_permanent_keeps_its_fact(app: App) -> None:
    # guard: of one posting, "permanent" still asks its employment
    text = said(app, "is the grebe job permanent?")
    assert "Full-time and permanent" in text


# --- "jobs that don't need a degree": the postings that say none is needed ---------------


@pytest.mark.parametrize(
    "question",
    [
        "jobs that don't require a degree",
        "any jobs without a degree?",
        "do any jobs not need a degree?",
    ],
)
def test_jobs_that_say_no_degree_is_needed(app: App, question: str) -> None:
    # the web developer's posting names a degree too: it requires one
    assert [p.title for p in app.ask(question).postings] == ["Records Officer"]


def test_jobs_with_no_qualification_needed(app: App) -> None:
    reply = app.ask("jobs with no qualification needed")
    assert [p.title for p in reply.postings] == ["Collections Assistant"]


def test_a_negation_of_another_thing_is_none(app: App) -> None:
    # guard: "you do not need a degree: training is given" says nothing of training
    assert not app.ask("jobs that don't need training").postings

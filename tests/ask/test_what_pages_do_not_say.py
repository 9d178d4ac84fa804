"""A fact asked of one posting that its page does not state ("is there a gym at the X job?",
"when does the X job start?"): Herald says the posting does not say it, and labels the facts
it shows as what the posting does say; when the page says it in its own words, the page's
sentence answers. The posting is named by the words of the question that name one, the
words asked of it ("gym", "canteen") being in no title. A page answering near what was asked
("a student rate" of membership) says what it does not say. And questions typed the way
people chat: places with a typo ("glasgwo"), a story around the question ("a friend of mine
is a curator in glasgow…"), an apology before it or an aside after it, a g dropped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 10, 14)

PAGES = {
    "jobs/2026-10-01-bittern-gallery-technician.md": """---
title: Gallery Technician
organization: Bittern Gallery
date: 2026-10-01
tags: [jobs]
location: Norwich, UK
---
Bittern Gallery needs a Gallery Technician to hang exhibitions and look after the lighting.

Full-time, permanent, £25,500 a year. Apply by 5 November 2026 to hang@bittern.example.org.
""",
    "jobs/2026-10-03-osprey-records-cataloguer.md": """---
title: Records Cataloguer
organization: Osprey County Archives
date: 2026-10-03
tags: [jobs]
location: Carlisle, UK
---
Osprey County Archives is hiring a Records Cataloguer for its estate papers.

The staff canteen serves a hot lunch every weekday. The successful candidate starts on
5 January 2027.

Interviews will be held on 20 November 2026. Apply by 6 November 2026 to
cat@osprey.example.org.

Smart attire is expected when you meet depositors. New staff serve a trial period of three
months. For questions, ring Jo Pike on 01632 960111. Bikes go in the shed; parking for cars
is in the street.
""",
    "jobs/2026-10-05-plover-oral-history-officer.md": """---
title: Oral History Officer
organization: Plover Heritage Trust
date: 2026-10-05
tags: [jobs]
location: Whitby, UK
---
Plover Heritage Trust records the memories of fishing families. Part-time, 20 hours a week.

Apply by 9 November 2026 to Nell Rigby, voices@plover.example.org.
""",
    "jobs/2026-10-06-plover-learning-intern.md": """---
title: Learning Intern
organization: Plover Heritage Trust
date: 2026-10-06
tags: [jobs]
location: Whitby, UK
---
Plover Heritage Trust offers a paid internship helping with school visits.

Apply by 9 November 2026 to learn@plover.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("unsaid"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("is there a gym at the bittern gallery job?", "gym"),
        ("what's the notice period for the bittern gallery technician job?", "notice period"),
        ("does the bittern gallery job come with a laptop?", "laptop"),
        ("when does the bittern gallery job start?", "start"),
    ],
)
def test_what_the_page_does_not_say_is_said_unsaid(app: App, question: str, unsaid: str) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == ["Gallery Technician"]
    assert f"The posting does not say anything about “{unsaid}”. What it does say:" in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is there a canteen for staff on the osprey job?", "staff canteen serves a hot lunch"),
        ("when does the osprey cataloguer job start?", "starts on"),
        ("when are interviews for the osprey records job?", "20 November 2026"),
        ("what's the dress code for the osprey cataloguer job?", "Smart attire is expected"),
        ("is there a probation period for the osprey job?", "trial period of three"),
        ("is there a phone number for the osprey cataloguer job?", "01632 960111"),
        ("is there parking at the osprey records job?", "parking for cars"),
    ],
)
def test_what_the_page_says_in_its_words_is_quoted(app: App, question: str, said: str) -> None:
    reply = app.ask(question)
    assert [p.title for p in reply.postings] == ["Records Cataloguer"]
    assert said in reply.text
    assert "does not say" not in reply.text


@pytest.mark.parametrize(
    "question",
    ["tell me about the bittern gallery job", "the bittern gallery job?", "bittern gallery job"],
)
def test_a_posting_named_and_nothing_asked_gets_its_card(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "does not say" not in reply.text
    assert "Deadline: 5 November 2026" in reply.text


def test_words_that_name_several_postings_name_none(app: App) -> None:
    """ "The whitby plover job" is either of two: the words asked ("parking") are not
    dropped to name one of them."""
    reply = app.ask("is there parking at the plover heritage job?")
    assert len(reply.postings) != 1


def test_a_story_asking_for_postings_names_none_by_its_words(app: App) -> None:
    """ "History" in the asker's story is no name of the Oral History Officer post: the
    plural asks for internships, whatever else the story says."""
    reply = app.ask("my niece is studying history in whitby - are there internships she could try?")
    assert "Oral History Officer" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "who is the hiring manager for the bittern gallery job?",
        "who's the recruiter for the osprey cataloguer job",
        "who will be the contact person for the plover learning intern?",
    ],
)
def test_who_is_asked_of_a_posting_naming_no_one(app: App, question: str) -> None:
    """A person's name is asked: the address or form to apply to is shown, said not to be
    one."""
    reply = app.ask(question)
    assert len(reply.postings) == 1
    assert "The posting does not say who: it names no person, only how to apply." in reply.text
    assert "@" in reply.text


def test_who_is_asked_of_a_posting_naming_someone(app: App) -> None:
    reply = app.ask("who is the hiring manager for the plover oral history job?")
    assert "Nell Rigby" in reply.text
    assert "does not say" not in reply.text


# ---------------------------------------------------------------- places typed with a typo

PLACED = {
    "jobs/2026-10-02-wren-map-curator.md": """---
title: Map Curator
organization: Wren Map Society
date: 2026-10-02
tags: [jobs]
location: Glasgow, Scotland
---
Wren Map Society is hiring a Map Curator. Apply by 30 November 2026 to maps@wren.example.org.
""",
    "jobs/2026-10-04-lapwing-registrar.md": """---
title: Registrar
organization: Lapwing Museum
date: 2026-10-04
tags: [jobs]
location: Rotterdam, Netherlands
---
Lapwing Museum seeks a Registrar, hybrid. Salary: €3,600 a month.

Apply by 1 December 2026 to reg@lapwing.example.nl.
""",
    "faq/lapwing-friends.md": """---
title: Friends of the museum
organization: Lapwing Museum
layout: page
---

## How much is membership?

A year's membership of the Friends costs €30; it gives free entry to every exhibition.
""",
}


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("placed"), PLACED, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("any jobs in glasgwo?", "Map Curator"),
        ("jobs in scotlnd", "Map Curator"),
        ("anything in rotterdan", "Registrar"),
        ("what does the rotterdm job pay", "Registrar"),
        ("any jobs in the netherlads?", "Registrar"),
    ],
)
def test_a_misspelt_place_is_read_as_the_place(placed: App, question: str, title: str) -> None:
    reply = placed.ask(question)
    assert [p.title for p in reply.postings] == [title]


def test_typos_of_places_leave_words_that_are_english(placed: App) -> None:
    """ "Pairs" is one letter from "Paris" but a word: a question found by it stays as typed."""
    from bot.ask.typos import corrected

    assert corrected("any jobs for pairs of curators", []) == "any jobs for pairs of curators"
    assert corrected("jobs in edinbrugh", []) == "jobs in edinburgh"


# ---------------------------------------------------------------- questions in a story


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("a friend of mine is a curator in glasgow, is anyone hiring there?", "Map Curator"),
        ("my wife is a registrar in rotterdam - anything for her?", "Registrar"),
        ("my boss wants to know: any curator jobs in glasgow?", "Map Curator"),
        ("I'm moving to rotterdam next summer, anything for registrars there?", "Registrar"),
        ("moving to glasgow next autumn - any curator jobs?", "Map Curator"),
        ("we're relocating to the netherlands next winter, any registrar jobs?", "Registrar"),
    ],
)
def test_the_askers_story_selects_no_posting(placed: App, question: str, title: str) -> None:
    """Whom the asker speaks for (a friend, a wife, a boss) and when they move (next summer)
    are no words or window of the postings; the place and the trade are."""
    reply = placed.ask(question)
    assert [p.title for p in reply.postings] == [title]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("sorry if this is a silly question, but any curator jobs in glasgow?", "Map Curator"),
        ("not sure this is the right channel, but what does the rotterdam job pay?", "3,600"),
        ("apologies if someone asked before but what does the lapwing registrar pay", "3,600"),
        ("what does the lapwing registrar job pay, just curious", "3,600"),
        ("any curator jobs in glasgow? asking for a friend", "Map Curator"),
        ("what's the deadline for the rotterdam job, if anyone knows", "1 December 2026"),
        ("sorry if this was asked already, but how much is lapwing membership?", "€30"),
        ("apologies if this is the wrong place but how much is the lapwing membership", "€30"),
        ("how much is lapwing membership, just wondering", "€30"),
    ],
)
def test_an_apology_before_or_an_aside_after_is_read_as_nothing(
    placed: App, question: str, said: str
) -> None:
    reply = placed.ask(question)
    assert said in reply.text
    assert "I don't know" not in reply.text


@pytest.mark.parametrize(
    ("which", "question", "title"),
    [
        ("app", "is there a canteen at the osprey archives job?", "Records Cataloguer"),
        ("placed", "is there parking at the lapwing museum job?", "Registrar"),
        ("placed", "who is the hiring manager at the lapwing museum job?", "Registrar"),
    ],
)
def test_the_employers_kind_before_one_job_names_that_posting(
    request: pytest.FixtureRequest, which: str, question: str, title: str
) -> None:
    """ "At the osprey archives job" names one posting by its employer's name, not every
    posting at an archive ("jobs at archives")."""
    reply = request.getfixturevalue(which).ask(question)
    assert [p.title for p in reply.postings] == [title]
    assert (reply.understood or {}).get("intent") == "posting"


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("lookin for work in glasgow, anything?", "Map Curator"),
        ("lookin for work in rotterdam, anything?", "Registrar"),
        ("is anyone lookin for registrars in rotterdam?", "Registrar"),
    ],
)
def test_a_word_without_its_g_is_read_with_it(placed: App, question: str, title: str) -> None:
    reply = placed.ask(question)
    assert [p.title for p in reply.postings] == [title]


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("is there a student rate for lapwing membership?", "student"),
        ("how much is family membership of the lapwing friends?", "family"),
        ("what does couples membership of lapwing cost?", "couples"),
        # a thing before a preposition: of what the preposition names ("waiver of X")
        ("is there a waiver of the lapwing membership fee?", "waiver"),
        ("is there a concession on the lapwing membership fee?", "concession"),
    ],
)
def test_a_page_answering_nearby_says_what_it_does_not_say(
    placed: App, question: str, unsaid: str
) -> None:
    """The membership fee is the nearest the page says to a student rate: shown, said not to
    be what was asked."""
    reply = placed.ask(question)
    assert f"The page does not say anything about “{unsaid}”. It says:" in reply.text
    assert "€30" in reply.text


def test_a_page_answering_what_was_asked_says_it_plainly(placed: App) -> None:
    reply = placed.ask("how much is lapwing membership?")
    assert "€30" in reply.text
    assert "does not say" not in reply.text


@pytest.mark.parametrize(
    ("question", "unsaid", "fact"),
    [
        ("how much paid leave does the bittern gallery job have?", "leave", "£25,500"),
        ("what's the overtime rate for the bittern gallery job?", "overtime", "£25,500"),
        ("does the bittern gallery job have a relocation contract?", "relocation", "Full-time"),
    ],
)
def test_a_fact_word_inside_the_thing_asked_does_not_answer_it(
    app: App, question: str, unsaid: str, fact: str
) -> None:
    """ "Paid" asks the salary, "rate" too, "contract" the employment: beside another word
    ("paid leave", "overtime rate") they name something else, which the posting does not
    say; its salary is shown as what it does say."""
    reply = app.ask(question)
    assert f"The posting does not say anything about “{unsaid}”. What it does say:" in reply.text
    assert fact in reply.text


def test_who_was_hired_is_not_asked_of_the_one_posting(app: App) -> None:
    """ "Who did bittern gallery hire?" asks who got a job, no fact of the posting that the
    organisation's name finds (a guard of the naming words above)."""
    reply = app.ask("who did bittern gallery hire?")
    assert (reply.understood or {}).get("intent") != "posting"

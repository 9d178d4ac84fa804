"""A small job board asked in the words people type: what went up since a weekday, every
word of an employment type ("temporary or fixed-term"), the hours of an internship or a
fixed-term post, and a list's remote or hybrid word read as its filter, not as a fact asked
of one posting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.answer import _asked_beyond_the_name
from bot.ask.understand import rewrite
from bot.windows import read_windows

TODAY = date(2026, 5, 14)  # a Thursday

PAGES = {
    "jobs/2026-05-01-wren-castle-intern.md": """---
title: Archives Internship
organization: Wren Castle Museum
date: 2026-05-01
tags: [jobs, internships]
location: Inverness, Scotland
---
Wren Castle Museum offers a paid internship in its archive for four months.

The intern works two days a week (part-time) in the castle's record room.

Apply by 10 June 2026 to archive@wrencastle.example.org.
""",
    "jobs/2026-05-12-larch-digitisation-officer.md": """---
title: Digitisation Officer
organization: Larch Records Trust
date: 2026-05-12
tags: [jobs]
location: York, UK
---
Larch Records Trust needs a Digitisation Officer to scan its parish registers.

Full-time, permanent. Apply by 20 June 2026 to jobs@larchrecords.example.org.
""",
    "jobs/2026-05-06-kite-systems-developer.md": """---
title: Systems Developer
organization: Kite Map Library
date: 2026-05-06
tags: [jobs]
location: Remote (Europe)
---
Kite Map Library is hiring a Systems Developer for its map viewer.

We offer a temporary contract of 18 months, full-time, from anywhere in Europe.

Apply by 12 June 2026 to work@kitemaps.example.org.
""",
    "faq/board-faq.md": """---
title: Posting on the board
organization: Curlew Heritage Network
layout: page
---

## How do I post a job?

Email the posting to board@curlew.example.net; it goes up within two days.
""",
    "news/2026-04-15-kite-reading-room.md": """---
title: Kite Map Library opens its new reading room
organization: Kite Map Library
date: 2026-04-15
tags: [news]
---
Our new reading room is open to visitors from Tuesday to Saturday.
""",
    "jobs/2026-03-10-heron-reference-librarian.md": """---
title: Reference Librarian
organization: Heron Reading Room
date: 2026-03-10
tags: [jobs]
location: Bristol, UK
---
Heron Reading Room seeks a Reference Librarian for its local history desk.

Full-time. The closing date was 30 April 2026.
""",
    "jobs/2026-05-05-marsh-archives-officer.md": """---
layout: post
title: "Archives Officer - Marshgate Town Archives (Hull, UK)"
date: 2026-05-05
tag: job
---

### Description

Marshgate Town Archives is hiring an Archives Officer to answer enquiries about the town's
shipping records.

### Terms

Full-time, one-year term position. Hybrid: three days a week in the Hull search room.

### Salary

£28,000 per year.

### How to apply

Write to officer@marshgate.example.org by 12 June 2026.
""",
    "jobs/2026-05-07-gull-map-curator.md": """---
title: Map Curator
organization: Gullhaven Museum
date: 2026-05-07
tags: [jobs]
location: Plymouth, UK
---
Gullhaven Museum is hiring a Map Curator. Salary: £33,000 a year.

Apply by 15 June 2026 to maps@gullhaven.example.org.
""",
    "jobs/2026-05-09-tern-postdoc.md": """---
title: Postdoctoral Fellow in Map History
organization: Tern University
date: 2026-05-09
tags: [jobs]
location: Leeds, UK
---
Tern University invites applications for a Postdoctoral Fellow in map history.

Salary: £36,500 a year. Apply by 19 June 2026 to maps@tern.example.ac.uk.
""",
    "jobs/2026-04-02-stoat-digital-archivist.md": """---
title: Digital Archivist
organization: Stoat Valley Records Office
date: 2026-04-02
tags: [jobs]
location: Swansea, Wales
---
Stoat Valley Records Office needs a Digital Archivist. The closing date is 6 May 2026.
""",
    "jobs/2026-05-02-fen-registrar.md": """---
title: Registrar
organization: Fenwick Art Gallery
date: 2026-05-02
tags: [jobs]
location: Perth, Australia
---
### About the role

Fenwick Art Gallery is recruiting a Registrar to manage its loans and the movement of works.

### Terms

A permanent position, four days a week.

### Salary

AUD $80,000 a year.

### Relocation

Relocation assistance is offered to the person appointed.

### How to apply

Applications close 5 June 2026. Apply through the gallery's careers page.
""",
    "jobs/2026-04-20-heath-project-cataloguer.md": """---
title: Project Cataloguer
organization: Heath Abbey Library
date: 2026-04-20
tags: [jobs]
location: Durham, UK
---
Heath Abbey Library is hiring a Project Cataloguer: a fixed-term post for one year.

Apply by 30 June 2026 to books@heathabbey.example.org.
""",
    "jobs/2026-04-01-osprey-web-developer.md": """---
title: Web Developer, College Library
organization: Osprey College Library
date: 2026-04-01
tags: [jobs]
location: Boston, MA (hybrid)
---
Osprey College Library seeks a Web Developer. The post is hybrid: three days a week on
campus in Boston.

Salary: $70,000 a year. The position is open until filled. Apply at
https://osprey.example.edu/jobs.
""",
}

INTERN = "jobs/2026-05-01-wren-castle-intern.md"
OFFICER = "jobs/2026-05-12-larch-digitisation-officer.md"
SYSTEMS = "jobs/2026-05-06-kite-systems-developer.md"
WEB = "jobs/2026-04-01-osprey-web-developer.md"
CATALOGUER = "jobs/2026-04-20-heath-project-cataloguer.md"
MARSHGATE = "jobs/2026-05-05-marsh-archives-officer.md"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("board"), PAGES, TODAY) as application:
        yield application


def listed(app: App, question: str) -> set[str]:
    reply = app.ask(question)
    return {p.source for p in reply.postings}


def test_since_a_weekday_is_from_the_last_such_day_until_today() -> None:
    window, _, _ = read_windows("posted since monday", TODAY)
    assert window is not None
    assert (window.start, window.end) == (date(2026, 5, 11), TODAY)
    same_day, _, _ = read_windows("new since thursday", TODAY)
    assert same_day is not None and same_day.start == TODAY


@pytest.mark.parametrize("question", ["what's new since monday?", "anything posted since monday"])
def test_whats_new_since_a_weekday_lists_the_postings_that_went_up_since(
    app: App, question: str
) -> None:
    assert listed(app, question) == {OFFICER}


def test_posted_yesterday_is_that_day_alone(app: App) -> None:
    # TODAY is Thursday 14 May: the Larch officer went up on Tuesday 12 May
    reply = app.ask("what got posted yesterday?")
    assert not reply.postings and "No " in reply.text
    assert reply.understood is not None and reply.understood["intent"] == "list"
    window, _, _ = read_windows("posted yesterday", TODAY)
    assert window is not None and window.start == window.end == date(2026, 5, 13)


def test_every_word_of_the_employment_type_is_taken_out(app: App) -> None:
    # "fixed-term" left beside "temporary" would be read as words of the title
    assert listed(app, "temporary or fixed-term jobs?") == {SYSTEMS, CATALOGUER, MARSHGATE}


def test_the_hours_of_an_internship_are_asked_too(app: App) -> None:
    assert listed(app, "part time jobs in scotland") == {INTERN}
    assert INTERN in listed(app, "any part-time work?")


def test_a_fixed_term_post_that_is_full_time_is_a_full_time_job(app: App) -> None:
    assert {SYSTEMS, OFFICER} <= listed(app, "full time jobs")
    assert INTERN not in listed(app, "full time jobs")


@pytest.mark.parametrize(
    "question",
    ["remote developer jobs", "any developer jobs that are remote?", "developer roles remote?"],
)
def test_a_remote_word_filters_a_list_of_developers(app: App, question: str) -> None:
    reply = app.ask(question)
    assert {SYSTEMS, WEB} <= {p.source for p in reply.postings}
    assert reply.understood is not None and reply.understood["intent"] == "list"


def test_a_hybrid_word_filters_a_list_of_developers(app: App) -> None:
    assert listed(app, "anything for a developer that's hybrid") == {WEB}


@pytest.mark.parametrize(
    "question",
    [
        "any jobs that don't require relocating?",
        "jobs i can do without relocating",
        "no need to move?",
    ],
)
def test_work_one_need_not_move_for_is_remote_work(app: App, question: str) -> None:
    found = listed(app, question)
    assert SYSTEMS in found
    assert not found & {INTERN, OFFICER, CATALOGUER}


def test_help_with_relocation_is_answered_by_relocation_assistance(app: App) -> None:
    reply = app.ask("does the fenwick gallery job help with relocation?")
    assert "Relocation assistance is offered" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hey, saw the perth posting - what's the salary? thx",
        "what exactly does the perth job pay? thanks!",
    ],
)
def test_chat_words_around_a_pay_question_name_no_posting(app: App, question: str) -> None:
    assert "$80,000" in app.ask(question).text


def test_question_words_typed_short_are_read_whole() -> None:
    assert rewrite("wht does it pay") == "what does it pay"
    assert rewrite("whats teh deadline") == "whats the deadline"


def test_a_closed_posting_holding_the_words_is_no_open_job(app: App) -> None:
    reply = app.ask("any librarian jobs open rn?")
    assert not reply.postings
    assert "no open postings" in reply.text
    assert "> " not in reply.text  # no quote of the closed posting's page


def test_whats_open_at_an_organisation_lists_its_open_postings(app: App) -> None:
    # its news says "open" as well: a page's word is no answer to what is open there
    reply = app.ask("whats open at kite map library")
    assert {p.source for p in reply.postings} == {SYSTEMS}
    assert reply.understood is not None and reply.understood["intent"] == "list"


def test_what_is_asked_of_an_organisation_beyond_its_name_and_its_job() -> None:
    # a passage of its pages must hold one of these: each holds the name, and "position"
    # (the job's word) answers nothing about a union
    terms = ["marshgate", "job", "position", "opening", "unionized"]
    assert _asked_beyond_the_name(terms, "marshgate Marshgate Town Archives") == {"union"}
    assert not _asked_beyond_the_name(["marshgate", "role"], "marshgate Marshgate Town Archives")


def test_a_question_naming_only_the_organisation_and_a_word_its_pages_hold_is_answered(
    app: App,
) -> None:
    assert "£28,000" in app.ask("what's the salary at marshgate town archives?").text


def test_a_role_the_title_does_not_hold_names_another_posting(app: App) -> None:
    # Gullhaven's opening is a Map Curator: its pay is no answer for a map librarian
    reply = app.ask("what's the salary for the gullhaven map librarian?")
    assert "£33,000" not in reply.text
    assert "£33,000" in app.ask("what's the salary for the gullhaven map curator?").text


@pytest.mark.parametrize(
    "question",
    ["what does the postdoc pay?", "hi herald! quick one: what does the postdoc pay? cheers"],
)
def test_the_postdoc_names_the_postdoctoral_posting(app: App, question: str) -> None:
    assert "£36,500" in app.ask(question).text


STOAT = "jobs/2026-04-02-stoat-digital-archivist.md"


@pytest.mark.parametrize(
    "question", ["any jobs that closed this month?", "what closed this month?"]
)
def test_closed_this_month_is_the_month_so_far(app: App, question: str) -> None:
    # nothing ahead of today has closed: the days of May until today
    assert listed(app, question) == {STOAT}


@pytest.mark.parametrize("question", ["what's closed?", "what's expired?"])
def test_a_state_alone_asks_for_the_postings_in_it(app: App, question: str) -> None:
    found = listed(app, question)
    assert STOAT in found
    assert OFFICER not in found


@pytest.mark.parametrize(
    "question", ["the hull one - is it still open?", "is the hull one still open?"]
)
def test_one_posting_named_by_its_place_is_asked_its_state(app: App, question: str) -> None:
    reply = app.ask(question)
    assert [p.source for p in reply.postings] == [MARSHGATE]
    assert "12 June 2026" in reply.text


def test_the_hours_of_an_internship_answer_is_it_part_time(app: App) -> None:
    reply = app.ask("is the wren castle internship part time or full time?")
    assert "two days a week (part-time)" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "I was wondering if there are any jobs in scotland?",
        "good morning! any jobs in scotland?",
        "just curious whether anyone is hiring in scotland",
    ],
)
def test_greetings_and_wondering_select_no_posting(app: App, question: str) -> None:
    reply = app.ask(question)
    assert {p.source for p in reply.postings} == {INTERN}
    assert "No posting mentions" not in reply.text


def test_a_way_to_apply_without_an_address_is_quoted(app: App) -> None:
    reply = app.ask("who do i contact about the fenwick gallery job?")
    assert "Apply through the gallery's careers page." in reply.text
    assert "not stated" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Hi all, I'm moving to Scotland next year and wondered if there are any jobs there?",
        "we're relocating to scotland in august, any openings?",
        "moving to scotland soon - anything?",
    ],
)
def test_where_the_asker_moves_is_the_place_and_when_is_no_window(app: App, question: str) -> None:
    reply = app.ask(question)
    assert {p.source for p in reply.postings} == {INTERN}
    assert reply.understood is not None and "deadline" not in reply.understood["filters"]


def test_one_posting_named_is_still_asked_whether_it_is_remote(app: App) -> None:
    reply = app.ask("is the kite map library job remote?")
    assert "Europe" in reply.text
    assert reply.understood is not None and reply.understood["intent"] == "posting"

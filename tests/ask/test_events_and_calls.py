"""Pages that are not openings (a network's FAQ, a meeting, a grants call) asked about in
plain words: an organisation whose name is part of another's, "what does X do?", and a
"when" that a passage naming no time does not answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

from bot.app import App
from bot.search import asks_open, faq_terms, org_filter, rank_passages

TODAY = date(2026, 3, 10)

PAGES = {
    "faq/kestrel-faq.md": """---
title: Kestrel Archives Network - Membership FAQ
layout: page
---

## What does the Kestrel Archives Network do?

The Kestrel Archives Network is a consortium of archives that share tools and practice for
preserving born-digital records. It runs working groups, an annual meeting and a shared
registry of preservation file formats.

## Who can join?

Any archive, library, museum or university that holds born-digital records can join as an
institutional member, in any country. Individuals cannot join as members, but anyone may
take part in the working groups.

## How much does membership cost?

Annual fees depend on the institution's yearly budget:

| Annual budget | Yearly fee |
|---|---|
| Under €1 million | €500 |
| €1–10 million | €1,500 |
| Over €10 million | €3,000 |

Institutions in low- and middle-income countries pay half the fee.

## How do we join?

Fill in the membership form on our website and our coordinator, Priya Anand
(members@kestrelarchives.org), will send you the membership agreement.

## Does the network have a code of conduct?

Yes. Every meeting, mailing list and working group follows the Kestrel Code of Conduct;
reports go to conduct@kestrelarchives.org.
""",
    "news/2025-11-03-kestrel-director.md": """---
title: Welcome to our new Executive Director, Amara Okafor
date: 2025-11-03
author: Board of the Kestrel Archives Network
tags: [news]
layout: post
---

The Board of the Kestrel Archives Network is pleased to announce that Amara Okafor has
joined the network as its Executive Director, starting 1 November 2025.

Amara comes to us from the National Archives of Nigeria, where she led the digital
preservation programme for eight years. She will work from our office in Rotterdam.

"I am thrilled to join a community that cares so much about keeping digital records alive,"
Amara said.

Please join us in welcoming her!
""",
    "news/2026-02-24-kestrel-call.md": """---
title: "Call for Papers: Kestrel Annual Meeting 2026"
date: 2026-02-24
author: Programme Committee
tags: [announcements]
layout: post
---

The Programme Committee of the Kestrel Archives Network invites proposals for the 2026
Annual Meeting in Porto (14–16 October 2026).

### What you can propose

* 10-minute talks
* posters
* 90-minute hands-on workshops (for the workshop day)

### How to submit

Send an abstract of no more than 300 words through the submission form at
https://submit.kestrelarchives.org/2026 by **15 May 2026**. Speakers will hear back by 30
June 2026. Each person may submit at most two proposals.

Accepted speakers still register for the meeting, at the early-bird rate whatever the date.

Questions about the call: programme@kestrelarchives.org (Tomasz Wielgosz, programme chair).
""",
    "events/2026-02-10-kestrel-meeting.md": """---
title: "Kestrel Archives Network Annual Meeting 2026: Porto"
date: 2026-02-10
author: Lena Fischbach
tags: [events]
layout: post
---

We are delighted to announce that the **2026 Kestrel Archives Network Annual Meeting** will
take place in **Porto, Portugal, from 14 to 16 October 2026**, hosted by the Arquivo
Municipal do Porto.

## Programme

Day one is a workshop day with hands-on sessions on born-digital appraisal and web
archiving. Days two and three are plenary sessions, lightning talks and a poster reception
on the evening of 15 October.

## Registration

Registration opens on 1 June 2026 and closes on 30 September 2026. Early-bird prices apply
until 31 July 2026.

| Ticket | Early bird | Standard |
|---|---|---|
| Member institution staff | €150 | €180 |
| Non-member | €220 | €260 |
| Student | €60 | €60 |
| Workshop day only | €45 | €45 |

Students must show a valid student card at the desk. A small number of travel bursaries will
be offered; details follow in May.

## Venue

Sessions take place at the Alfândega do Porto congress centre, Rua Nova da Alfândega, a
short walk from the São Bento railway station.

Questions about the meeting go to events@kestrelarchives.org.
""",
    "news/2025-12-01-puffin-grants.md": """---
title: Puffin Trust conservation grants now open
date: 2025-12-01
tags: [announcements]
---

The Puffin Trust is glad to open a new round of its conservation grants for small museums.
Awards of £2,000 to £8,000 are on offer. The deadline for applications is 1 February 2026.
""",
    "news/2026-03-02-gannet-outreach.md": """---
title: Noor Haddad joins Gannet as Outreach Coordinator
date: 2026-03-02
tags: [news]
---

We are pleased to announce that Noor Haddad has joined the Gannet Library Cooperative as our
new Outreach Coordinator. Noor will work with member libraries across Arizona and New Mexico
on shared programming.

Noor previously worked at the Pima County Public Library in Tucson.
""",
    "jobs/2026-01-26-gannet-metadata.md": """---
title: Metadata Librarian
organization: Gannet Library Cooperative
date: 2026-01-26
tags: [jobs]
location: Tucson, AZ
---

The Gannet Library Cooperative seeks a full-time Metadata Librarian to lead cataloguing for
its shared catalogue of 14 member libraries.

This is an on-site position at our Tucson office.

**Salary:** $61,500 per year

**Requirements:** ALA-accredited MLS; experience with MARC and RDA.

**Deadline:** March 1, 2026

Apply with a letter and CV to hr@gannetlibraries.org.
""",
    "jobs/2026-02-02-gannet-intern.md": """---
title: Library Systems Intern (part-time)
organization: Gannet Library Cooperative
date: 2026-02-02
tags: [jobs]
location: Remote (United States)
---

Gannet Library Cooperative is looking for a part-time Library Systems Intern (15 hours per
week) to help migrate our integrated library system.

The internship is remote; interns must live in the United States.

Pay: $18 per hour.

The position is open until filled. Send a short note about yourself to hr@gannetlibraries.org.
""",
    "events/2026-02-05-kestrel-webinars.md": """---
title: Kestrel Archives Network spring webinar series
date: 2026-02-05
tags: [events]
---

The Kestrel Archives Network presents its spring webinars on web archiving. All webinars are
free and online, and registration is required for each one.
""",
    "news/2026-01-20-wren-grants.md": """---
title: Wren Trust digitisation grants 2026
date: 2026-01-20
tags: [announcements]
---

Wren Trust is pleased to open its 2026 round of digitisation grants. Awards of £1,000 to
£5,000 are available to community museums in Wales to scan their collections and publish
them online under open licences.

The deadline for applications is 30 May 2026. Successful applicants will hear by the end
of July 2026.

Read the guidance notes and apply on our website.
""",
    "events/2025-01-10-kestrel-winter-school.md": """---
title: Kestrel Archives Network Winter School 2025
date: 2025-01-10
tags: [events]
---

The Kestrel Archives Network winter school will be held in Leiden on 3 February 2025.
""",
    "news/2026-02-01-kestrel-website.md": """---
title: The alliance has a new website
date: 2026-02-01
tags: [news]
organization: Kestrel Archives Network
---

Our recordings of past summer schools and our guides are now all in one place on the new
website of the Kestrel Archives Network.
""",
    "jobs/2026-02-10-kestrela-officer.md": """---
title: Grants Officer
date: 2026-02-10
organization: Kestrela Fund
tags: [jobs]
location: Lyon, France
---

The Kestrela Fund is hiring a Grants Officer. Apply by 30 April 2026 to jobs@kestrela.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("events-calls"), PAGES, TODAY) as application:
        yield application


def test_a_name_inside_another_name_filters_by_the_whole_name() -> None:
    orgs = ["Kestrel Archives Network", "Kestrela Fund", "IIIF", "IIIF Consortium"]
    assert org_filter("kestrel", orgs) == "kestrel archives network"
    assert org_filter("kestrela", orgs) == "kestrela"
    assert org_filter("iiif", orgs) == "iiif"  # both are IIIF's names


@pytest.mark.parametrize("question", ["is kestrel hiring?", "any kestrel jobs"])
def test_an_organisation_is_not_hiring_for_another_whose_name_holds_its_own(
    app: App, question: str
) -> None:
    reply = app.ask(question)
    assert not reply.postings, reply.text


def test_the_organisation_with_the_longer_name_still_lists_its_postings(app: App) -> None:
    reply = app.ask("is kestrela hiring?")
    assert [p.title for p in reply.postings] == ["Grants Officer"]


@pytest.mark.parametrize(
    "question",
    ["what does the kestrel archives network do?", "what does kestrel do?"],
)
def test_what_a_body_does_is_answered_by_what_it_is(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "consortium of archives" in reply.text, reply.text


def test_a_when_is_not_answered_by_a_passage_naming_no_time(app: App) -> None:
    reply = app.ask("when is the kestrel summer school 2026?")
    assert "I don't know" in reply.text, reply.text
    assert "recordings of past summer schools" not in reply.text


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("any calls for proposals open?", True),
        ("is registration open for the annual meeting", True),
        ("is the grant still open", True),
        ("is the open maps forum free?", False),
        ("who is the call open to?", False),
        ("any open access journals?", False),
        ("any open calls?", True),
        ("open grants for museums", True),
        ("can i still register for the summer school?", True),
        ("is it too late to apply for the grant", True),
        ("can i still work remotely?", False),
    ],
)
def test_open_is_asked_of_what_still_takes_part(question: str, asked: bool) -> None:
    assert asks_open(question) is asked


def test_whether_a_call_is_open_is_answered_with_its_closing_date(app: App) -> None:
    reply = app.ask("any calls for proposals open?")
    assert "15 May 2026" in reply.text, reply.text


def test_a_call_whose_closing_date_is_past_says_so(app: App) -> None:
    reply = app.ask("is the puffin grant still open?")
    assert "1 February 2026" in reply.text, reply.text
    assert "that date has passed" in reply.text


def test_a_role_no_posting_is_for_is_a_no_not_the_other_openings(app: App) -> None:
    reply = app.ask("is gannet hiring an outreach coordinator?")
    assert not reply.postings, reply.text
    assert "No postings match" in reply.text


def test_whom_to_write_to_is_not_answered_by_a_page_naming_no_way_to_write(app: App) -> None:
    reply = app.ask("who do i email about the gannet outreach coordinator job?")
    assert "I don't know" in reply.text, reply.text


WEBINARS = {
    "events/2026-02-05-webinars.md": """---
title: Open Maps Forum spring webinar series
date: 2026-02-05
tags: [events]
---

The Open Maps Forum presents its spring webinar series on historical maps online. All
webinars are free and online (Zoom), and start at 16:00 UTC.

* Thu 12 Mar 2026 — Georeferencing at scale, with Ilse Vandermeer
* Thu 9 Apr 2026 — Gazetteers for historical places, with Rafael Quintero
* Thu 7 May 2026 — Maps in IIIF viewers, with June Takahashi

Registration is required for each webinar: register at
https://openmapsforum.net/webinars. Recordings are posted on our YouTube channel a week
later.

For questions, write to events@openmapsforum.net.
""",
    "faq/circle.md": """---
title: Open Maps Forum FAQ
layout: faq
---

## What is the Open Maps Forum?

The Open Maps Forum is a volunteer community of map librarians, historians and developers
who publish historical maps online with open standards.

## Does it cost anything to join?

No. Taking part in the forum is free: sign up for the mailing list and you are a member.

## How can I give a talk in the webinar series?

Send a title and a paragraph about your talk to events@openmapsforum.net. The steering
group picks talks four times a year.

## Who runs the forum?

A steering group of five volunteers, elected each year at the online general meeting in November.
""",
}


def test_another_kind_of_event_does_not_answer_for_the_one_asked(tmp_path: Path) -> None:
    with app_of(tmp_path, WEBINARS, TODAY) as application:
        for question, answers in [
            ("is the open maps conference free?", False),
            ("is the open maps webinar free?", True),
        ]:
            hits = application.store.search_passages(faq_terms(question), limit=20)
            ranked = rank_passages(question, hits)
            assert any(a.confident for a in ranked) is answers, question


def test_the_kind_of_event_asked_is_answered(app: App) -> None:
    reply = app.ask("how much is registration for the kestrel annual meeting?")
    assert "€" in reply.text, reply.text


def test_who_is_eligible_is_answered_by_whom_a_grant_is_available_to(app: App) -> None:
    reply = app.ask("who can apply for the wren digitisation grants?")
    assert "community museums in Wales" in reply.text, reply.text


@pytest.mark.parametrize("question", ["what's new from kestrel?", "any news from kestrel?"])
def test_what_is_new_from_an_organisation_lists_its_newest_pages(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "Call for Papers: Kestrel Annual Meeting 2026" in reply.text, reply.text
    assert "Kestrel Archives Network spring webinar series" in reply.text
    assert not reply.postings  # it posted news, no openings


def test_new_jobs_are_still_its_postings(app: App) -> None:
    reply = app.ask("any new jobs at gannet?")
    assert "Newest pages" not in reply.text
    assert [p.title for p in reply.postings] == ["Library Systems Intern (part-time)"]


def test_a_rate_asked_is_a_fee(app: App) -> None:
    reply = app.ask("is there a student rate?")
    assert "Student; Early bird: €60" in reply.text, reply.text
    # the price of a ticket, not the sentence that says "rate" of something else
    assert "at the early-bird rate" not in reply.text


def test_whom_to_contact_is_answered_by_an_address_without_the_word(app: App) -> None:
    reply = app.ask("who do i contact about kestrel membership?")
    assert "members@kestrelarchives.org" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    ["what's the deadline for the kestrel call for papers?", "when are kestrel proposals due?"],
)
def test_a_deadline_is_a_day_something_must_be_done_by(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.text.startswith("> Send an abstract"), reply.text


@pytest.mark.parametrize(
    ("today", "session"),
    [(date(2026, 3, 10), "Thu 12 Mar 2026"), (date(2026, 3, 20), "Thu 9 Apr 2026")],
)
def test_the_next_of_several_dated_sessions_is_the_first_still_to_come(
    tmp_path: Path, today: date, session: str
) -> None:
    with app_of(tmp_path, WEBINARS, today) as application:
        reply = application.ask("when is the next open maps webinar?")
        assert session in reply.text, reply.text


def test_what_time_is_answered_by_a_time_of_day(tmp_path: Path) -> None:
    with app_of(tmp_path, WEBINARS, TODAY) as application:
        reply = application.ask("what time are the open maps webinars?")
        assert "16:00 UTC" in reply.text, reply.text


def test_how_many_is_not_answered_by_a_passage_that_counts_nothing_asked(app: App) -> None:
    reply = app.ask("how many members does kestrel have?")
    assert "I don't know" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "is the kestrel archives network hiring an executive director?",
        "is kestrel hiring an executive director",
    ],
)
def test_a_role_filled_in_the_news_is_a_no_then_the_news(app: App, question: str) -> None:
    reply = app.ask(question)
    assert not reply.postings
    assert reply.text.startswith("No open postings match"), reply.text
    assert "Amara Okafor" in reply.text


def test_a_role_with_a_posting_is_listed(app: App) -> None:
    reply = app.ask("is gannet hiring a library systems intern?")
    assert [p.title for p in reply.postings] == ["Library Systems Intern (part-time)"]


def test_too_late_to_apply_is_answered_with_the_closing_date(app: App) -> None:
    reply = app.ask("is it too late to apply for the puffin grant?")
    assert "1 February 2026" in reply.text, reply.text
    assert "that date has passed" in reply.text


@pytest.mark.parametrize("question", ["any events coming up?", "any kestrel events coming up?"])
def test_events_coming_up_are_those_still_to_come_not_calls(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.text.startswith("Coming up:"), reply.text
    assert "Kestrel Archives Network Annual Meeting 2026: Porto" in reply.text
    assert "Winter School 2025" not in reply.text  # held already
    assert "Call for Papers" not in reply.text  # a call, not the meeting


def test_the_kind_of_event_coming_up_is_the_one_asked(tmp_path: Path) -> None:
    with app_of(tmp_path, WEBINARS, date(2026, 3, 20)) as application:
        reply = application.ask("any webinars coming up?")
        assert "Thu 9 Apr 2026" in reply.text, reply.text
        assert "I don't know" in application.ask("any conferences coming up?").text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("when is the kestrel annual meetng?", "14 to 16 October 2026"),
        ("is there a studnet rate?", "Student; Early bird: €60"),
        ("how much is kestrel memebership", "€500"),
    ],
)
def test_words_of_pages_that_are_no_postings_are_read_through_a_typo(
    app: App, question: str, said: str
) -> None:
    assert said in app.ask(question).text


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("is the kestrel winter school over?", "that day has passed"),
        ("did i miss the kestrel winter school?", "that day has passed"),
        ("is the kestrel annual meeting over?", "that day is still to come"),
    ],
)
def test_whether_an_event_is_over_is_its_day_against_today(
    app: App, question: str, status: str
) -> None:
    reply = app.ask(question)
    assert status in reply.text, reply.text


def test_who_the_speakers_are_is_not_answered_by_a_sentence_naming_none(app: App) -> None:
    reply = app.ask("who are the keynote speakers at the kestrel meeting?")
    assert "I don't know" in reply.text, reply.text


def test_a_date_the_page_promises_later_is_said_not_given_yet(app: App) -> None:
    reply = app.ask("what is the deadline for the kestrel travel bursaries?")
    assert reply.text.startswith("The pages do not give it yet:"), reply.text
    assert "details follow in May" in reply.text

"""Questions in chat words: shorthand ("rn", "who's", "devs wanted"), a phrase the pages put
otherwise ("become a member" for "join", "video" for "audio/visual"), the asker paying rather
than being paid, a posting's posted day, a title named by a short form ("tech lead")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import rewrite, understand

TODAY = date(2026, 5, 4)
LINDEN = "Linden Imaging Consortium"
PAGES = {
    "faq/linden-faq.md": f"""---
title: Linden Imaging Consortium questions
organization: {LINDEN}
---
## How can a museum join the Linden Imaging Consortium?

Write to the membership desk at desk@linden.example.org; the board admits new institutions
each spring.

## What does membership cost?

Non-profit institutions pay €400 a year. Companies pay €1,200 a year.

## Payment methods

Invoices are settled by bank transfer or by card within thirty days.

## Does the Linden viewer handle audio/visual materials?

Yes: since version 2 the viewer plays sound and moving images beside still ones.

## What is the difference between the Linden Imaging Consortium and the Linden community?

The consortium is the paying members; the community is everyone who uses the viewer.

## Development and integration of the Linden viewer

Volunteers from member institutions build the viewer in the open.

## Who runs the consortium?

A board of seven elected members runs it.

## Does Linden do 3D?

No formal Linden specification covers 3D objects yet; a 3D group keeps watch on them.
""",
    "news/2026-04-01-linden-news.md": f"""---
title: News from the consortium
date: 2026-04-01
organization: {LINDEN}
---
The consortium is looking for a developer to join the viewer team later this year.
""",
    "jobs/2026-04-20-linden-community-officer.md": f"""---
title: Community Officer
date: 2026-04-20
organization: {LINDEN}
tags: [jobs]
---
The {LINDEN} is hiring a Community Officer to look after its community of viewer users.
This is a part-time post.

The work is 15 hours per week on weekdays, and the contract runs for 18 months.
At least 3 years of experience with volunteer communities.
Remote, anywhere in Europe. Apply by 30 June 2026 to jobs@linden.example.org.
""",
    "jobs/2026-04-28-fjord-technical-lead.md": """---
title: Technical Lead
date: 2026-04-28
organization: Fjord Data Office
tags: [jobs]
---
Fjord Data Office is hiring a Technical Lead for its archive platform. Location: Bergen,
Norway. Salary: NOK 700,000 a year. Apply by 15 June 2026 to work@fjord.example.org.

## Qualifications

Five years of running search services in production, and fluent Norwegian.
""",
    "jobs/2026-04-25-fjord-developer.md": """---
title: Platform Developer
date: 2026-04-25
organization: Fjord Data Office
tags: [jobs]
---
Fjord Data Office is hiring a Platform Developer. Location: Bergen, Norway.
Apply by 20 June 2026 to work@fjord.example.org.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("chat"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("is fjord looking for anyone rn", "is fjord hiring right now"),
        ("who's on the board?", "who is on the board?"),
        ("how do we become a member", "how do we join"),
        ("how do i become an alder guild member?", "how do i join alder guild?"),
        ("can a museum become a member of the guild", "can a museum join the guild"),
        ("becoming members of fjord", "join fjord"),
        ("does it play videos", "does it play audio/visual"),
        ("fees for nonprofits", "fees for non-profit"),
        # words inside other words, or addresses, stay as written
        (
            "write to desk@org.example.org about the orgs",
            "write to desk@org.example.org about the organizations",
        ),
        ("vanguard wanted", "vanguard hiring"),
        ("linden cfp deadline?", "linden call for proposals deadline?"),
        ("any cfps open", "any calls for proposals open"),
        ("the cfpb rules", "the cfpb rules"),
        ("is there a 3d spec", "is there a 3d specification"),
        ("current linden specs?", "current linden specifications?"),
        ("the spectrum of specials", "the spectrum of specials"),
    ],
)
def test_chat_words_are_read_as_the_tables_know_them(said: str, read: str) -> None:
    assert rewrite(said) == read


def test_an_organisation_looking_for_people_is_hiring(app: App) -> None:
    for question in ("is fjord data office looking for anyone rn", "fjord devs wanted?"):
        reply = app.ask(question)
        assert reply.understood is not None and reply.understood["intent"] == "list", question
        assert {p.organization for p in reply.postings} == {"Fjord Data Office"}, question
    assert [p.title for p in app.ask("fjord devs wanted?").postings] == ["Platform Developer"]


@pytest.mark.parametrize(
    "question",
    ["I need a job", "i'm looking for a job", "looking for work!", "find me a job please"],
)
def test_the_asker_wanting_work_is_shown_the_openings(app: App, question: str) -> None:
    """Not a passage that happens to hold "job" (a posting's "Location" section)."""
    reply = app.ask(question)
    assert reply.understood is not None and reply.understood["intent"] == "list", question
    assert reply.postings and not reply.passages


def test_the_reply_quotes_the_question_as_written(app: App) -> None:
    assert (
        "“is fjord data office looking for anyone rn”"
        in app.ask("is fjord data office looking for anyone rn").text
    )


def test_becoming_a_member_is_joining(app: App) -> None:
    reply = app.ask("how does a museum become a member of linden?")
    assert "membership desk" in reply.text


def test_video_is_asked_of_the_audio_visual_heading(app: App) -> None:
    # the heading says "handle audio/visual" where the asker says "support video"
    reply = app.ask("does the linden viewer support video")
    assert "plays sound and moving images" in reply.text


def test_nonprofits_meet_non_profit(app: App) -> None:
    reply = app.ask("what do nonprofits pay for linden membership")
    assert "€400" in reply.text


def test_the_asker_paying_asks_no_salary() -> None:
    for question in ("how do i pay linden?", "can we pay by card", "what is the way to pay"):
        assert "salary" not in understand(question, TODAY, [LINDEN]).asks, question
    for question in ("what does the fjord job pay?", "how much will i get paid?"):
        assert "salary" in understand(question, TODAY, [LINDEN]).asks, question


def test_how_to_pay_is_answered_from_the_page_not_the_postings(app: App) -> None:
    reply = app.ask("how do i pay linden")
    assert not reply.postings
    assert "€" in reply.text or "bank transfer" in reply.text


def test_when_a_posting_went_up(app: App) -> None:
    reply = app.ask("when was the fjord technical lead posted")
    assert [p.title for p in reply.postings] == ["Technical Lead"]
    assert "Posted: 28 April 2026" in reply.text
    assert "Deadline" not in reply.text


def test_a_difference_between_two_things_is_an_explanation(app: App) -> None:
    # "community" is a word of the Community Officer's title, but no posting is asked about
    reply = app.ask("difference between linden consortium and community")
    assert not reply.postings
    assert "the community is everyone" in reply.text


def test_a_title_named_by_a_short_form(app: App) -> None:
    reply = app.ask("does the fjord tech lead job say the salary")
    assert [p.title for p in reply.postings] == ["Technical Lead"]
    assert "NOK 700,000" in reply.text


def test_requirements_are_answered_under_qualifications(app: App) -> None:
    reply = app.ask("requirements for the fjord technical lead?")
    assert "Five years of running search services" in reply.text


def test_how_long_names_no_part_of_a_posting(app: App) -> None:
    # the organisation alone names its one posting; "long" names nothing of it
    reply = app.ask("how long is the linden contract")
    assert reply.understood is not None and reply.understood["intent"] == "posting"
    assert [p.title for p in reply.postings] == ["Community Officer"]


def test_what_a_posting_makes_is_its_salary(app: App) -> None:
    # "make" names no part of the posting (a title of three words or more needs each named)
    u = understand("how much does the fjord developer make per hour", TODAY, ["Fjord Data Office"])
    assert "salary" in u.asks and "make" not in u.subject
    reply = app.ask("how much does the fjord developer make per hour")
    assert [p.title for p in reply.postings] == ["Platform Developer"]
    assert "Salary: not stated" in reply.text


def test_a_heading_sharing_one_word_is_not_the_question(app: App) -> None:
    # "development" in a heading is one word of the question; the sentence that says who
    # is looked for answers
    reply = app.ask("is linden after a developer")
    assert reply.text.startswith("> The consortium is looking for a developer")


def test_the_hours_and_length_of_a_post_are_quoted(app: App) -> None:
    reply = app.ask("how many hours is the linden community officer job")
    assert "15 hours per week" in reply.text
    assert "3 years of experience" not in reply.text  # a requirement, not the post's length


def test_a_spec_is_a_specification(app: App) -> None:
    reply = app.ask("is there a 3d spec in linden")
    assert "No formal Linden specification covers 3D" in reply.text

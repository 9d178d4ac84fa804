"""A line that follows a list: "more" shows its next page, "the second one" its second
posting, for the person it was shown to; a question that only contains such a word is still
a question, and with no list shown a follow-up says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.followup import FollowUp, follow_up, referred

TODAY = date(2026, 5, 4)
CITIES = ["Leeds", "Cork", "Ghent", "Turku", "Porto", "Graz", "Brno"]


SALARY = {"Leeds": "£31,000", "Cork": "€38,000"}


def _page(n: int, city: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-{10 + n:02d}-cataloguer-{city.lower()}.md",
        f"""---
title: Cataloguer in {city}
date: 2026-04-{10 + n:02d}
organization: Wren Libraries
location: {city}
---
Wren Libraries seeks a cataloguer for its {city} branch; the role is on site.
{f"The salary is {SALARY[city]} a year." if city in SALARY else ""}

Apply by {20 + n} May 2026 to jobs@wren.example.org.
""",
    )


PAGES = dict(_page(n, city) for n, city in enumerate(CITIES))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("followups"), PAGES, TODAY) as application:
        yield application


def titles(app: App, line: str, user: str = "ann") -> list[str]:
    return [p.title for p in app.ask(line, user=user).postings]


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("more", FollowUp("more")),
        ("More please!", FollowUp("more")),
        ("next page", FollowUp("more")),
        ("the second one", FollowUp("item", 2)),
        ("2nd", FollowUp("item", 2)),
        ("#3", FollowUp("item", 3)),
        ("number 4", FollowUp("item", 4)),
        ("5", FollowUp("item", 5)),
        ("tell me more about the last one", FollowUp("item", -1)),
        ("what about the third job?", FollowUp("item", 3)),
        ("and the fourth?", FollowUp("item", 4)),
    ],
)
def test_follow_ups_are_read(line: str, asked: FollowUp) -> None:
    assert follow_up(line) == asked


@pytest.mark.parametrize(
    "line",
    ["is a second degree required?", "remote jobs", "one", "0", "101", "the one in cork", "ok"],
)
def test_other_lines_are_no_follow_up(line: str) -> None:
    assert follow_up(line) is None


def test_the_nth_one_shows_that_posting_of_the_list(app: App) -> None:
    listed = titles(app, "cataloguer jobs")
    assert len(listed) == 5
    assert titles(app, "the second one") == [listed[1]]
    assert titles(app, "#1") == [listed[0]]
    # a posting shown whole is no new list: the list is still the one to pick from
    assert titles(app, "tell me about the last one") == [listed[-1]]
    assert app.ask("9", user="ann").text == "The last list had 5 postings; which one?"


def test_more_shows_the_next_page_then_says_the_list_ended(app: App) -> None:
    first = titles(app, "/jobs cataloguer", user="bo")
    second = titles(app, "more", user="bo")
    assert len(first) == 5 and len(second) == 2
    assert not set(first) & set(second)
    assert set(first) | set(second) == {f"Cataloguer in {c}" for c in CITIES}
    assert titles(app, "the second one", user="bo") == [second[1]]
    assert app.ask("more", user="bo").text == "That was the whole list: there is no next page."


def test_a_list_is_only_followed_by_whom_it_was_shown_to(app: App) -> None:
    titles(app, "cataloguer jobs", user="cy")
    reply = app.ask("the second one", user="di")
    assert not reply.postings
    assert reply.text.startswith("I have no recent list here to pick from")
    assert "no recent list" in app.ask("more", user="di").text


def test_a_question_with_an_ordinal_in_it_is_still_a_question(app: App) -> None:
    titles(app, "cataloguer jobs", user="ed")
    reply = app.ask("is a second degree required?", user="ed")
    assert "Cataloguer in" not in reply.text.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("line", "pointed"),
    [
        ("who do I email about the second one?", (2, "who do I email about ?")),
        ("is #3 remote?", (3, "is remote?")),
        ("how much does the first job pay", (1, "how much does pay")),
        ("is the last one still open?", (-1, "is still open?")),
    ],
)
def test_a_question_may_point_at_a_posting_of_the_list(line: str, pointed: tuple[int, str]) -> None:
    assert referred(line) == pointed


@pytest.mark.parametrize("line", ["the two jobs in leeds", "a second graduate degree?"])
def test_other_questions_point_at_none(line: str) -> None:
    assert referred(line) is None


def test_a_fact_of_the_nth_one_is_that_postings_fact(app: App) -> None:
    listed = titles(app, "cataloguer jobs in leeds or cork", user="fay")
    assert sorted(listed) == ["Cataloguer in Cork", "Cataloguer in Leeds"]
    for position, title in enumerate(listed, start=1):
        word = ["first", "second"][position - 1]
        reply = app.ask(f"what does the {word} one pay?", user="fay")
        assert [p.title for p in reply.postings] == [title]
        assert SALARY[title.removeprefix("Cataloguer in ")] in reply.text
    reply = app.ask("who do I email about the second one?", user="fay")
    assert "jobs@wren.example.org" in reply.text
    assert [p.title for p in reply.postings] == [listed[1]]
    # shared later, the words would point into another list: the posting is what is shared
    assert reply.again == f"/jobs show {reply.postings[0].id}"


def test_remind_me_about_the_nth_one_gives_that_postings_reminder(app: App) -> None:
    listed = app.ask("cataloguer jobs", user="gus").postings
    reply = app.ask("remind me about the second one", user="gus")
    assert f"`/jobs remind {listed[1].id}`" in reply.text
    assert [a.value for a in reply.actions] == [f"jobs remind {listed[1].id}"]

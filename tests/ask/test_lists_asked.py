"""Lists in chat words: keywords no posting holds together, who posts the most, what is new,
and the next page of a ``/jobs`` list that only the question pipeline can filter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)


def _posting(day: int, org: str, title: str, where: str) -> tuple[str, str]:
    dated = f"date: 2026-04-{day:02d}\n" if day else ""
    return (
        f"jobs/{day:02d}-{title.lower().replace(' ', '-')}.md",
        f"""---
title: {title}
{dated}organization: {org}
tags: [jobs]
---
{org} is hiring a {title}.

Location: {where}

Apply by {day + 1} June 2026 to jobs@example.org.
""",
    )


PAGES = dict(
    [
        _posting(10, "Alder Library", "Teen Services Clerk", "Leeds, UK"),
        _posting(11, "Alder Library", "Reference Librarian", "Leeds, UK"),
        _posting(12, "Alder Library", "Systems Librarian", "York, UK"),
        _posting(20, "Birch Archive", "Archivist", "Cork, Ireland"),
        _posting(25, "Cedar Museum", "Registrar", "Lyon, France"),
        _posting(0, "Cedar Museum", "Guide", "Lyon, France"),
        _posting(3, "Cedar Museum", "Conservator", "Lille, France"),
    ]
)


PAGES["news/2026-03-01-summit.md"] = """---
title: The 2026 Heritage Summit
date: 2026-03-01
organization: Cedar Museum
---
The Heritage Summit 2026 will be held in Lyon, France, on 9-11 September 2026. The summit
gathers curators and archivists for three days of talks.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("lists"), PAGES, TODAY) as application:
        yield application


def test_keywords_no_posting_holds_together(app: App) -> None:
    # no posting is for a "teen librarian": the one whose title names the rarer word is
    reply = app.ask("any jobs for a teen librarian?")
    assert [p.title for p in reply.postings] == ["Teen Services Clerk"]
    assert "No posting mentions teen and librarian; without librarian" in reply.text


def test_who_posts_the_most(app: App) -> None:
    reply = app.ask("who posted the most jobs?")
    lines = reply.text.splitlines()
    assert lines[1:4] == ["• Alder Library: 3", "• Cedar Museum: 3", "• Birch Archive: 1"]
    assert not reply.postings


def test_the_most_in_one_place(app: App) -> None:
    reply = app.ask("which organisation has the most openings in france?")
    assert reply.text.splitlines()[1:] == ["• Cedar Museum: 3"]


def test_what_is_new_is_newest_first(app: App) -> None:
    # an undated page counts as published, but it is not new
    titles = [p.title for p in app.ask("what's new?").postings]
    assert titles == ["Registrar", "Archivist", "Systems Librarian", "Reference Librarian",
                      "Teen Services Clerk"]  # fmt: skip


def test_new_in_a_question_about_a_page_asks_no_list(app: App) -> None:
    reply = app.ask("can new institutions apply?")
    assert reply.understood is not None and reply.understood["intent"] != "list"


def test_the_next_page_of_a_filtered_jobs_list_is_the_same_list(app: App) -> None:
    # "latest" alone asks no list: the next page asks again with the command's word
    first = app.ask("/jobs latest")
    assert len(first.postings) == 5
    more = next(a for a in first.actions if a.label == "More")
    second = app.ask(f"/{more.value}")
    assert [p.title for p in second.postings] == ["Conservator", "Guide"]


def test_a_thing_asked_of_a_place_is_no_job(app: App) -> None:
    # "summit" is in no posting's title: a place asked with it makes no list of jobs
    reply = app.ask("is there a heritage summit in france?")
    assert not reply.postings
    assert "will be held in Lyon" in reply.text


def test_a_thing_no_page_names_is_not_known(app: App) -> None:
    reply = app.ask("is there a curators hackathon in france?")
    assert not reply.postings
    assert reply.text.startswith("I don't know")


def test_a_plural_fact_word_selects_nothing(app: App) -> None:
    # "closing dates" asks as "closing date" does: deadlines in June, not postings about dates
    reply = app.ask("closing dates in june?")
    assert reply.understood is not None and reply.understood["intent"] == "list"
    assert len(reply.postings) == 5


def test_the_kind_of_organisation_selects_nothing_when_counting(app: App) -> None:
    lines = app.ask("which company has the most vacancies?").text.splitlines()
    assert lines[1:3] == ["• Alder Library: 3", "• Cedar Museum: 3"]


def test_the_newest_posting_is_a_list(app: App) -> None:
    reply = app.ask("what's the newest posting")
    assert [p.title for p in reply.postings][:2] == ["Registrar", "Archivist"]


def test_gigs_and_listings_are_jobs(app: App) -> None:
    for question in ("any gigs in france", "job listings in france"):
        titles = {p.title for p in app.ask(question).postings}
        assert titles == {"Registrar", "Guide", "Conservator"}, question


def test_the_oldest_posting_comes_first(app: App) -> None:
    reply = app.ask("what's the oldest posting")
    dated = [p.posted for p in reply.postings if p.posted is not None]
    assert dated and dated == sorted(dated)
    assert reply.postings[0].title == "Conservator"  # posted on 3 April, the first
    assert "oldest first" in reply.text

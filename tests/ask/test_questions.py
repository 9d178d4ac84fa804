"""Plain questions end to end: our own pages in a real SQLite store, asked through ``App``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pagestore import app_of

from bot.app import App, build
from bot.ask.understand import understand
from bot.clock import fixed_clock
from bot.config import Settings
from bot.places import find_place, places_in

TODAY = date(2026, 3, 10)

PAGES = {
    "jobs/2026-03-01-albany-archivist.md": """---
title: Digital Archivist - Capital Region Library
date: 2026-03-01
---
The Capital Region Library seeks a Digital Archivist.

Location: Albany, NY

Salary: $55-62,000 per year.

Send a letter and CV to jobs@capital-library.example.org by March 14, 2026.
""",
    "jobs/2026-02-20-oakland-developer.md": """---
title: Web Developer - Bay Museum
date: 2026-02-20
---
Bay Museum is hiring a Web Developer to build its collection website.

Location: Oakland, CA

The pay range is $95,000 - $110,000 a year. Apply at https://baymuseum.example.org/jobs by
April 30, 2026.
""",
    "jobs/2026-03-05-newark-clerk.md": """---
title: Part-time Circulation Clerk - Newark Free Library
date: 2026-03-05
---
Newark Free Library needs a circulation clerk for 12 hours per week.

Location: Newark, NJ

$16 per hour. Email hr@newark-library.example.org. Applications close March 31, 2026.
""",
    "jobs/2025-10-01-remote-editor.md": """---
title: Metadata Editor - Open Records Network
date: 2025-10-01
---
Open Records Network is hiring a Metadata Editor. This is a remote position open to people
based in Europe.

Email editor-search@openrecords.example.org.
""",
    "jobs/2025-06-01-collections-assistant.md": """---
title: Collections Assistant - Bay Museum
date: 2025-06-01
---
Bay Museum seeks a Collections Assistant to support our archivist and our developer team in
the development of the online catalogue.

Location: Oakland, CA

Apply by July 1, 2025 at https://baymuseum.example.org/jobs.
""",
    "news/2026-01-15-new-director.md": """---
title: Open Records Network appoints a new director
date: 2026-01-15
---
Maria Lindqvist has been appointed the new Director of the Open Records Network; she starts
in February 2026.
""",
    "faq/network-faq.md": """---
title: Open Records Network FAQ
layout: faq
---
## How much does membership cost?

Annual membership costs EUR 1,500 for each member organisation.

## How do we join the network?

Write to join@openrecords.example.org and sign the membership agreement.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("questions"), PAGES, TODAY) as application:
        find_place("california")  # the gazetteer's tables load once, before anything is timed
        yield application


def listed(app: App, question: str) -> set[str]:
    return {Path(p.source).stem for p in app.ask(question).postings}


def test_a_sentence_is_a_question_not_an_unknown_command(app: App) -> None:
    reply = app.ask("is bay museum hiring?")
    assert "Unknown command" not in reply.text
    assert listed(app, "is bay museum hiring?") == {"2026-02-20-oakland-developer"}
    assert reply.understood is not None and reply.understood["intent"] == "list"


def test_a_mistyped_command_is_still_called_one(app: App) -> None:
    assert app.ask("/jbos remote").text.startswith("Unknown command /jbos.")


def test_a_state_matches_its_cities_and_its_abbreviation_not_a_neighbour(app: App) -> None:
    assert listed(app, "library jobs in new york state?") == {"2026-03-01-albany-archivist"}
    assert listed(app, "any jobs in new jersey") == {"2026-03-05-newark-clerk"}
    assert listed(app, "california jobs") == {"2026-02-20-oakland-developer"}


def test_a_city_with_no_posting_gets_an_honest_empty_answer(app: App) -> None:
    reply = app.ask("any jobs in chicago?")
    assert not reply.postings
    assert "No postings in Chicago match" in reply.text


def test_salary_thresholds_read_ranges_as_ranges(app: App) -> None:
    # "$55-62,000" is 55,000 to 62,000
    assert listed(app, "which jobs pay over $60k?") == {
        "2026-03-01-albany-archivist",
        "2026-02-20-oakland-developer",
    }
    assert listed(app, "jobs paying more than 70,000 dollars") == {"2026-02-20-oakland-developer"}
    assert listed(app, "jobs paying under $20") == {"2026-03-05-newark-clerk"}
    assert "$95,000" in app.ask("which jobs pay over $90k?").text  # salary shown when asked


def test_few_weekly_hours_make_a_job_part_time(app: App) -> None:
    assert listed(app, "anything part time?") == {"2026-03-05-newark-clerk"}


def test_remote_and_where_from(app: App) -> None:
    # posted 160 days before TODAY with no deadline: open for a year after it was posted
    reply = app.ask("remote jobs")
    assert {Path(p.source).stem for p in reply.postings} == {"2025-10-01-remote-editor"}
    assert reply.text.startswith("1 open posting matches")


def test_this_week_is_the_next_seven_days_and_says_so(app: App) -> None:
    reply = app.ask("anything closing this week?")
    assert {Path(p.source).stem for p in reply.postings} == {"2026-03-01-albany-archivist"}
    assert "Monday 16 March 2026" in reply.text


def test_deadline_before_a_month(app: App) -> None:
    assert listed(app, "any deadlines before april?") == {
        "2026-03-01-albany-archivist",
        "2026-03-05-newark-clerk",
    }


def test_facts_of_one_posting_with_the_sentence_they_came_from(app: App) -> None:
    reply = app.ask("who do I email about the circulation clerk job?")
    assert "hr@newark-library.example.org" in reply.text
    assert reply.understood is not None and reply.understood["intent"] == "posting"
    pay = app.ask("what does the web developer job at bay museum pay?").text
    assert "$95,000 - $110,000" in pay


def test_a_posting_without_a_salary_says_so(app: App) -> None:
    assert "Salary: not stated" in app.ask("what's the salary of the metadata editor job?").text


def test_any_page_answers_news_included(app: App) -> None:
    reply = app.ask("who was appointed director of the open records network?")
    assert "Maria Lindqvist" in reply.text
    cost = app.ask("how much does open records network membership cost?")
    assert "EUR 1,500" in cost.text


def test_a_question_about_another_year_is_not_answered_with_this_one(app: App) -> None:
    reply = app.ask("who will be the open records network director in 2030?")
    assert reply.text.startswith("I don't know")


def test_compound_questions_get_both_parts(app: App) -> None:
    reply = app.ask("how much does membership cost, and how do we join the network?")
    assert "EUR 1,500" in reply.text and "join@openrecords.example.org" in reply.text


def test_more_pages_repeat_the_question(app: App) -> None:
    reply = app.ask("jobs posted in 2026")
    more = [a for a in reply.actions if a.label == "More"]
    assert len(reply.postings) <= 5
    if more:
        assert more[0].value.startswith("ask jobs posted in 2026")


def test_places_read_location_lines() -> None:
    wayne = places_in("Wayne, NJ")
    assert any(p.kind == "city" and p.state == "NJ" for p in wayne)
    new_jersey = find_place("new jersey")
    assert new_jersey is not None and all(new_jersey.contains(p) for p in wayne)
    assert not any(find_place("michigan").contains(p) for p in wayne)  # type: ignore[union-attr]
    europe = find_place("europe")
    assert europe is not None and europe.contains(find_place("france"))  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_any_text_is_understood_and_never_raises(text: str) -> None:
    """How fast is measured in bench/, not asserted here: a busy machine made a bound of one
    second fail on the call that builds the typo corrector's dictionary."""
    understood = understand(text, TODAY, ["Bay Museum", "Open Records Network"])
    assert understood.intent


def test_posted_recently_looks_back(app: App) -> None:
    # TODAY is 10 March 2026: the clerk (5 March) is of the last 7 days, the archivist
    # (1 March) is not
    assert listed(app, "jobs posted in the last 7 days") == {"2026-03-05-newark-clerk"}
    assert listed(app, "anything new in the past month?") == {
        "2026-03-01-albany-archivist",
        "2026-03-05-newark-clerk",
        "2026-02-20-oakland-developer",
    }


def test_several_postings_named_are_listed_with_the_fact_asked(app: App) -> None:
    reply = app.ask("what does the library job pay?")
    assert "which one do you mean?" in reply.text
    assert {Path(p.source).stem for p in reply.postings} == {
        "2026-03-01-albany-archivist",
        "2026-03-05-newark-clerk",
    }


def test_jobs_command_takes_the_same_filters(app: App) -> None:
    assert listed(app, "/jobs in california") == {"2026-02-20-oakland-developer"}
    assert listed(app, "/jobs part-time") == {"2026-03-05-newark-clerk"}


def test_feedback_buttons_and_the_unanswered_list(app: App) -> None:
    reply = app.ask("what colour is the network's logo?", platform="slack", user="U1")
    assert reply.text.startswith("I don't know")
    down = next(a for a in reply.actions if a.label == "👎")
    assert app.ask(f"/{down.value}").text.startswith("Thanks")
    listing = app.ask("/herald unanswered").text  # the console is an admin by default
    assert "what colour is the network's logo?" in listing
    assert "U1" not in listing  # who asked is never kept


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer(app: App, text: str) -> None:
    reply = app.ask(text)
    assert reply.error_id is None and reply.text.strip()


REMOTE_PAGES = {
    "emea.md": """---
title: Platform Engineer - Open Records Network
date: 2026-03-02
---
Open Records Network is hiring a Platform Engineer. This is a remote role.

Based in an EMEA time zone, preferably in Europe. Email platform@openrecords.example.org by
April 20, 2026.
""",
    "americas.md": """---
title: Community Manager - Open Records Network
date: 2026-03-03
---
Open Records Network is hiring a Community Manager. Remote position.

Preferably the candidate is based in the Americas. Email community@openrecords.example.org by
April 22, 2026.
""",
    "manhattan.md": """---
title: Reference Librarian - Harbor Library
date: 2026-03-04
---
Location: New York, NY

Email jobs@harbor.example.org by April 2, 2026.
""",
}


def test_remote_regions_and_city_forms(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for name, text in REMOTE_PAGES.items():
        (content / name).write_text(text, encoding="utf-8")
    settings_ = Settings(database_url=f"sqlite:///{tmp_path / 'h.db'}", content_dir=content)
    application = build(settings_, clock=fixed_clock(TODAY))
    try:
        application.prepare()
        assert listed(application, "remote jobs I can do from canada") == {"americas"}
        assert listed(application, "remote jobs in europe") == {"emea"}
        assert listed(application, "any jobs in nyc?") == {"manhattan"}
        assert listed(application, "jobs in new york city") == {"manhattan"}
        assert listed(application, "who is hiring a community manager?") == {"americas"}
        about = application.ask("tell me about the platform engineer job")
        assert about.understood is not None and about.understood["intent"] == "posting"
        assert listed(application, "jobs in new york state") == {"manhattan"}
        from_canada = application.ask("can I do the platform engineer job from canada?").text
        assert "From Canada: no" in from_canada
        assert "EMEA time zone" in from_canada
    finally:
        application.close()


def test_several_places_no_deadline_and_this_months_postings(app: App) -> None:
    assert listed(app, "what's open in new jersey or california?") == {
        "2026-03-05-newark-clerk",
        "2026-02-20-oakland-developer",
    }
    # every posting of the fixture names a deadline but the remote editor, long filled
    assert listed(app, "which jobs don't have a deadline?") == {"2025-10-01-remote-editor"}
    assert listed(app, "what was posted this month?") == {
        "2026-03-01-albany-archivist",
        "2026-03-05-newark-clerk",
    }


def test_a_page_that_is_no_faq_is_packed_into_few_passages() -> None:
    from bot.content import parse_text

    body = "\n\n".join(f"Paragraph {i} says something short about the role." for i in range(30))
    doc = parse_text("jobs/long.md", f"---\ntitle: Archivist - Example Library\n---\n{body}\n")
    passages = [p for section in doc.faq for p in section.passages]
    assert 2 <= len(passages) <= 4  # 30 paragraphs of about 50 characters, up to 700 each
    assert all(len(p) <= 700 for p in passages)
    assert "Paragraph 29" in passages[-1]


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("any closed jobs?", "closed"),
        ("which jobs are no longer open", "closed"),
        ("old jobs at the library", "past"),
        ("show me past openings", "past"),
        ("expired postings in Albany", "past"),
        ("previous jobs at Bay Museum", "past"),
        ("remote jobs", "open"),
        ("jobs open until filled", "open"),
    ],
)
def test_past_and_closed_are_read_apart(question: str, status: str) -> None:
    assert understand(question, TODAY, ["Bay Museum"]).filters.status == status


def test_past_jobs_include_the_probably_filled(tmp_path: Path) -> None:
    """With a shorter freshness (a setting), the 160-day-old posting without a deadline is
    probably filled: listed among past postings, and said so."""
    content = tmp_path / "content"
    path = content / "jobs" / "2025-10-01-remote-editor.md"
    path.parent.mkdir(parents=True)
    path.write_text(PAGES["jobs/2025-10-01-remote-editor.md"], encoding="utf-8")
    settings_ = Settings(
        database_url=f"sqlite:///{tmp_path / 'herald.db'}",
        content_dir=content,
        open_days_without_deadline=60,
        open_days_until_filled=60,
    )
    short = build(settings_, clock=fixed_clock(TODAY))
    assert not short.prepare().failed
    try:
        text = short.ask("old jobs?").text
        assert "Metadata Editor" in text and "probably filled" in text
        assert "No open postings match" in short.ask("remote jobs").text
    finally:
        short.close()


@pytest.mark.parametrize(
    ("question", "at_least", "at_most"),
    [
        ("jobs paying more than 100k", "100000", None),
        ("jobs that pay at least 100,000", "100000", None),
        ("salary above 90000", "90000", None),
        ("jobs over 50k a year", "50000", None),
        ("positions with salary over 150k", "150000", None),
        ("pay over $25 an hour", "25", None),
        ("anything under €40,000 per year?", None, "40000"),
        ("jobs open for over 3 weeks", None, None),
        ("jobs with more than 20 hours a week", None, None),
    ],
)
def test_pay_bounds_with_or_without_a_currency(
    question: str, at_least: str | None, at_most: str | None
) -> None:
    f = understand(question, TODAY, []).filters
    assert (f.salary_at_least, f.salary_at_most) == (
        Decimal(at_least) if at_least else None,
        Decimal(at_most) if at_most else None,
    )


def test_a_keyword_lists_the_postings_it_names_before_the_pages_that_mention_it(app: App) -> None:
    # the developer's title names it; the collections assistant only mentions developers
    assert listed(app, "any developer jobs?") == {"2026-02-20-oakland-developer"}
    assert listed(app, "any archivist jobs?") == {"2026-03-01-albany-archivist"}
    # no title names it: the pages that mention it, past ones included when none is open
    assert listed(app, "any catalogue jobs?") == {"2025-06-01-collections-assistant"}


def test_a_keyword_no_posting_holds_is_not_dropped_for_everything(app: App) -> None:
    reply = app.ask("any internships?")
    assert reply.postings == ()
    assert "No postings match" in reply.text or "do not say" in reply.text.lower()
    # with another filter, the filter still says what is wanted
    assert listed(app, "remote gardening jobs?") == {"2025-10-01-remote-editor"}
    # "internships" is a kind of job: a remote editor is no remote internship
    assert listed(app, "remote internships?") == set()


@pytest.mark.parametrize("question", ["what's new?", "anything new?", "latest jobs", "jobs?"])
def test_what_is_new_lists_the_newest_postings(app: App, question: str) -> None:
    reply = app.ask(question)
    assert reply.postings, reply.text
    assert "Unknown command" not in reply.text


def test_a_region_lies_in_the_region_that_holds_its_countries() -> None:
    europe, western = find_place("europe"), places_in("Western Europe")[0]
    assert europe is not None and europe.contains(western)
    assert not western.contains(europe)


@pytest.mark.parametrize(
    ("region", "place", "inside"),
    [
        # a continent's code is also a country's: NA Namibia, SA Saudi Arabia, AF Afghanistan
        ("africa", "North America", False),
        ("africa", "Namibia", True),
        ("north america", "Namibia", False),
        ("africa", "Afghanistan", False),
        ("asia", "Afghanistan", True),
        ("south america", "Saudi Arabia", False),
        ("middle east", "Saudi Arabia", True),
        ("americas", "Brazil", True),
        ("americas", "Latin America", True),
        ("emea", "Kenya", True),
        ("emea", "Japan", False),
    ],
)
def test_continents_are_not_countries_of_the_same_code(
    region: str, place: str, inside: bool
) -> None:
    holder = find_place(region)
    assert holder is not None
    assert holder.contains(places_in(place)[0]) is inside


@pytest.mark.parametrize(
    ("question", "keywords"),
    [("remote jobs open to people in europe?", ()), ("jobs for someone in Albany", ())],
)
def test_words_about_the_asker_select_nothing(question: str, keywords: tuple[str, ...]) -> None:
    assert understand(question, TODAY, []).search.query.terms == keywords


def test_whats_still_open_lists_the_open_postings(app: App) -> None:
    reply = app.ask("what's still open?")
    assert reply.understood is not None and reply.understood["intent"] == "list"
    assert reply.postings


@pytest.mark.parametrize(
    "question",
    ["<!channel> any remote jobs?", "@room any remote jobs?", "<@U0BOT> any remote jobs?"],
)
def test_a_mention_asks_nothing(question: str) -> None:
    u = understand(question, TODAY, [])
    assert u.search.query.remote is True and u.search.query.terms == ()
    assert "channel" not in u.text and "room" not in u.text


def test_how_many_jobs_counts_the_postings(app: App) -> None:
    reply = app.ask("how many jobs are open?")
    assert reply.understood is not None and reply.understood["intent"] == "list"
    assert reply.text.startswith(f"{len(reply.postings)} open posting")


def test_a_title_naming_more_of_the_keywords_comes_first(app: App) -> None:
    # "web developer": the developer's title names one keyword, no title names both
    assert listed(app, "is there anything for a web developer?") == {"2026-02-20-oakland-developer"}


def test_a_title_saying_part_time_is_listed_as_part_time(tmp_path: Path) -> None:
    """ "Records Intern (part-time)" is an internship first (the more specific kind), and a
    part-time post as well: asked for part-time posts, it is one of them."""
    pages = {
        f"jobs/2026-11-0{i}-{slug}.md": f"""---
title: {title} - Wren Archives
date: 2026-11-0{i}
---
Wren Archives seeks a {title}. Email jobs@wren.example.org by 20 January 2027.
"""
        for i, (slug, title) in enumerate(
            [("intern", "Records Intern (part-time)"), ("keeper", "Keeper (full-time)")], 1
        )
    }
    with app_of(tmp_path, pages, date(2026, 12, 1)) as app:
        part_time = {p.title for p in app.ask("part time jobs?").postings}
        interns = {p.title for p in app.ask("any internships?").postings}
    assert part_time == interns == {"Records Intern (part-time)"}

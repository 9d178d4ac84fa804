"""Questions that name something: an organisation by its initials, one organisation's page
among others', a place where the job is, a fact in a phrase ("salary range", "take place")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App
from bot.ask.understand import understand
from bot.search import org_initials, parse_jobs_query, spell_out_initials

TODAY = date(2026, 3, 10)
NORDIC = "Nordic Digital Heritage Alliance"
KESTREL = "Kestrel Image Lab"
PAGES = {
    "jobs/2026-03-01-nordic-metadata-coordinator.md": f"""---
title: Metadata Coordinator
date: 2026-03-01
organization: {NORDIC}
tags: [jobs]
---
The {NORDIC} seeks a Metadata Coordinator to look after the shared catalogue of its members.

* Location: Oslo, Norway
* Salary: €41,000 - €46,000 per year
* Apply by 15 April 2026 to jobs@nordic-heritage.example.org

The successful candidate would start on 1 September 2026.
""",
    "faq/nordic-membership.md": f"""---
title: The alliance and its members
organization: {NORDIC}
---
## Who can join?

Heritage institutions join Nordic Digital Heritage by signing the charter of the alliance.

## Fees

Each member pays €300 a year.

## Fee waivers

A small institution may ask the board to waive its fee.

## Late fees

A fee paid late is not increased.
""",
    "jobs/2026-03-02-kestrel-developer.md": f"""---
title: Imaging Developer
date: 2026-03-02
organization: {KESTREL}
tags: [jobs]
---
{KESTREL} is hiring an Imaging Developer. Remote, anywhere in Europe. Salary not disclosed.
Apply by 30 April 2026 to hiring@kestrel.example.org.
""",
    "jobs/2026-03-03-kestrel-scientist.md": f"""---
title: Imaging Scientist
date: 2026-03-03
organization: {KESTREL}
tags: [jobs]
---
{KESTREL} is hiring an Imaging Scientist. Remote, anywhere in Europe.
Apply by 30 April 2026 to hiring@kestrel.example.org.
""",
    "jobs/2026-03-04-heron-analyst.md": """---
title: Collections Analyst
date: 2026-03-04
organization: Heron Archive
tags: [jobs]
---
Heron Archive is hiring a Collections Analyst. Location: Remote (preferably Europe).
Apply by 30 April 2026 to jobs@heron.example.org.
""",
    "jobs/2026-03-05-finger-lakes-cataloger.md": """---
title: Cataloger
date: 2026-03-05
organization: Finger Lakes Library
tags: [jobs]
---
Finger Lakes Library is hiring a Cataloger. Location: Ithaca, NY w/ remote hours.
Apply by 30 April 2026 to jobs@fll.example.org.
""",
    "news/2026-01-10-kestrel-conference.md": f"""---
title: The Kestrel conference comes to Porto
date: 2026-01-10
organization: {KESTREL}
---
The annual Kestrel conference will be held in Porto, Portugal, on 12-14 May 2026. Talks cover
image servers, viewers and annotation, and the members of Kestrel choose its board there.

## About Kestrel

Kestrel Image Lab has 42 members in eleven countries.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("named"), PAGES, TODAY) as application:
        yield application


def test_initials_name_organisations_of_three_words_or_more() -> None:
    names = [
        "University of California-Irvine",  # hyphenated words count apart, "of" does not
        NORDIC,
        "IIIF Consortium",  # two words: its own short name does
        "Open Science Centre",
        "Oslo Skills Centre",  # the same initials as the one before: neither
        "Public Open Library",  # "pol"
        "Library Internet Services Team",  # "list": a word people ask with
    ]
    assert org_initials(names) == {
        "uci": "University of California-Irvine",
        "ndha": NORDIC,
        "pol": "Public Open Library",
    }
    said = spell_out_initials("what does the UCI job pay? (ndha, ndhas)", names)
    assert said == f"what does the University of California-Irvine job pay? ({NORDIC}, ndhas)"


def test_jobs_filters_an_organisation_named_by_its_initials() -> None:
    query = parse_jobs_query("ndha remote", TODAY, [NORDIC, KESTREL]).query
    assert query.organization == NORDIC.lower()
    assert query.terms == ()


@pytest.mark.parametrize(
    "question",
    [
        "what does the ndha job pay?",
        "what's the salary range for the ndha position?",
        "what's the pay range for the metadata coordinator?",
    ],
)
def test_a_posting_named_by_initials_or_with_a_range_says_its_salary(
    app: App, question: str
) -> None:
    reply = app.ask(question)
    assert reply.text.startswith(f"**Metadata Coordinator** — {NORDIC}"), reply.text
    # the page's "Salary:" label is not said twice
    assert "Salary: €41,000 - €46,000 per year" in reply.text
    assert "Salary: Salary" not in reply.text


def test_a_question_naming_one_organisation_is_not_answered_from_anothers_page(app: App) -> None:
    # only the Kestrel page says when a conference is held; the Nordic alliance's pages do not
    reply = app.ask("when does the nordic conference take place?")
    assert "will be held" not in reply.text
    assert reply.understood is not None and reply.understood["answered"] is False


def test_take_place_asks_when_a_thing_is_held(app: App) -> None:
    reply = app.ask("when does the kestrel conference take place?")
    assert "will be held in Porto, Portugal, on 12-14 May 2026" in reply.text.splitlines()[0]


@pytest.mark.parametrize(
    "question", ["which jobs are based in norway?", "what positions are based in oslo?"]
)
def test_jobs_based_somewhere_are_there_not_reachable_from_there(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "Metadata Coordinator" in reply.text
    assert "Imaging Developer" not in reply.text  # remote from Europe, based nowhere


@pytest.mark.parametrize(
    "question", ["i'm based in norway, any jobs?", "based in norway, any jobs?"]
)
def test_the_asker_based_somewhere_asks_what_they_can_reach(question: str) -> None:
    u = understand(question, TODAY, [NORDIC, KESTREL])
    assert u.filters.reachable_from is not None and u.filters.place is None


@pytest.mark.parametrize(
    "question",
    [
        "does the nordic job offer remote work?",
        "can i work remotely for the metadata coordinator job?",
        "can the metadata coordinator job be done from home?",
    ],
)
def test_whether_one_posting_is_remote_is_asked_of_that_posting(app: App, question: str) -> None:
    # not a list of remote postings of the organisation: "work", "done" name no posting
    reply = app.ask(question)
    assert reply.text.startswith(f"**Metadata Coordinator** — {NORDIC}"), reply.text
    assert "Remote: not stated" in reply.text


def test_whether_an_organisation_hires_from_a_place_is_a_list_of_its_postings(app: App) -> None:
    # both Kestrel postings are remote from Europe only: no candidates to choose from
    reply = app.ask("does kestrel offer remote work from asia?")
    assert "which one do you mean" not in reply.text
    assert reply.postings == ()
    assert app.ask("does kestrel offer remote work from portugal?").postings != ()


def test_a_region_a_posting_prefers_is_no_limit_on_where_from(app: App) -> None:
    heron = app.ask("can i do the collections analyst job from japan?").text
    assert "From Japan: possibly — it is remote and prefers Europe." in heron
    kestrel = app.ask("can i do the imaging developer job from japan?").text
    assert "From Japan: no — remote work from Europe only." in kestrel


def test_how_much_is_answered_by_a_passage_that_names_a_sum(app: App) -> None:
    # "join" is the rarer word, but the passage that says how to join names no sum
    reply = app.ask("how much does it cost to join nordic?")
    assert "€300 a year" in reply.text.splitlines()[0]


def test_accepting_applications_asks_for_open_postings_not_one_named_so() -> None:
    u = understand("what positions are still accepting applications?", TODAY, [NORDIC])
    assert u.subject == ()


def test_the_askers_place_is_answered_with_one_posting(app: App) -> None:
    reply = app.ask("i'm in japan - can i apply to the imaging developer job?")
    assert "From Japan: no — remote work from Europe only." in reply.text
    assert "hiring@kestrel.example.org" in reply.text


@pytest.mark.parametrize("question", ["who's hiring remote devs?", "any remote dev jobs pls"])
def test_short_forms_and_chat_words(app: App, question: str) -> None:
    # "devs" is "developers"; "pls" asks nothing
    reply = app.ask(question)
    assert {p.title for p in reply.postings} == {"Imaging Developer"}, reply.text


def test_an_explanation_about_a_posting_named_by_its_role_is_read_on_its_page(app: App) -> None:
    reply = app.ask("what's the start date for the nordic metadata coordinator?")
    assert reply.text.startswith(f"**Metadata Coordinator** — {NORDIC}"), reply.text
    assert "would start on 1 September 2026" in reply.text
    assert "\nSalary:" not in reply.text  # the passage answers; the card is not repeated
    # the organisation's own name names no posting
    assert app.ask("what is the nordic digital heritage alliance?").postings == ()


def test_how_many_is_answered_by_a_passage_with_a_number(app: App) -> None:
    reply = app.ask("how many members does kestrel have?")
    assert "42 members in eleven countries" in reply.text.splitlines()[0]


def test_a_hybrid_posting_is_reachable_only_near_its_place(app: App) -> None:
    # remote hours in Ithaca are no remote job from Canada or Portugal
    for question in ("remote jobs i can do from canada", "i'm in portugal, any remote jobs?"):
        titles = {p.title for p in app.ask(question).postings}
        assert "Cataloger" not in titles, question
    assert "Cataloger" in {p.title for p in app.ask("remote jobs in new york state").postings}


def test_posted_since_a_day_lists_what_came_after_it(app: App) -> None:
    titles = {p.title for p in app.ask("any new jobs since march 3?").postings}
    assert titles == {"Imaging Scientist", "Collections Analyst", "Cataloger"}


def test_the_kind_of_employment_is_named_so(app: App) -> None:
    reply = app.ask("is the imaging developer job temporary?")
    assert "Employment: not stated" in reply.text


def test_when_asks_a_deadline_only_of_a_job(app: App) -> None:
    # "when is the kestrel conference?" names no job: the page says when, not a posting
    reply = app.ask("when is the kestrel conference?")
    assert "12-14 May 2026" in reply.text.splitlines()[0], reply.text
    assert "Deadline: 30 April 2026" in app.ask("when is the kestrel imaging developer job?").text


@pytest.mark.parametrize("question", ["is kestrel recruiting?", "is kestrel hiring?"])
def test_recruiting_is_hiring(app: App, question: str) -> None:
    titles = {p.title for p in app.ask(question).postings}
    assert titles == {"Imaging Developer", "Imaging Scientist"}

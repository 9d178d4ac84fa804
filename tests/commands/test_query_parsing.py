"""bot.search: /jobs query parsing, FAQ terms and the passage re-ranking, with injected dates."""

from __future__ import annotations

from datetime import date

import pytest
from cmdfakes import passage
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ask.understand import understand
from bot.domain import PassageHit
from bot.search import (
    faq_terms,
    org_slug,
    parse_jobs_query,
    rank_passages,
    split_sentences,
    tokens,
)

TODAY = date(2022, 2, 1)  # a Tuesday
ORGS = ["DataCite", "IIIF Consortium", "Wikimedia Foundation", "LAC Group"]


def parse(text: str, today: date = TODAY) -> object:
    return parse_jobs_query(text, today, ORGS).query


def test_empty_query_lists_open_postings_of_page_one() -> None:
    search = parse_jobs_query("", TODAY, ORGS)
    q = search.query
    assert (q.terms, q.organization, q.remote, q.deadline_to, q.include_inactive) == (
        (),
        None,
        None,
        None,
        False,
    )
    assert (search.page, q.offset, q.limit, q.today) == (1, 0, 5, TODAY)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("@channel archivist", ("archivist",)),
        ("<!channel>", ()),  # Slack's escaped broadcast, as a slash command may send it
        ("archivist <!here|here> @room", ("archivist",)),
        ("<@U0123> librarian", ("librarian",)),
    ],
)
def test_a_mention_is_no_search_word(text: str, terms: tuple[str, ...]) -> None:
    """A mention addresses people: `/jobs subscribe <!channel>` subscribed to the word
    "channel"; questions left mentions out already, by the same rule."""
    assert parse_jobs_query(text, TODAY, ORGS).query.terms == terms


@pytest.mark.parametrize("word", ["remote", "Remote", "REMOTELY", "virtual", '"remote"'])
def test_remote(word: str) -> None:
    assert parse_jobs_query(word, TODAY, ORGS).query.remote is True


@pytest.mark.parametrize("text", ["onsite", "on-site", "on site", "in-person"])
def test_onsite(text: str) -> None:
    q = parse_jobs_query(text, TODAY, ORGS).query
    assert q.remote is False
    assert q.terms == ()


@pytest.mark.parametrize(
    ("text", "last_day"),
    [
        ("closing this week", date(2022, 2, 7)),  # the next 7 days, today included
        ("closing this month", date(2022, 2, 28)),
        ("any deadlines before june", date(2022, 5, 31)),
        ("closing in the next 3 weeks", date(2022, 2, 22)),
        ("due by march 4", date(2022, 3, 4)),
        ("closing in 10 days", date(2022, 2, 11)),
        ("closes within 3 days", date(2022, 2, 4)),
        ("closing in 2 weeks", date(2022, 2, 15)),
        ("closing today", TODAY),
        ("closing tomorrow", date(2022, 2, 2)),
        ("closing soon", date(2022, 2, 15)),
        ("closing", date(2022, 2, 15)),
    ],
)
def test_deadline_ranges_start_today(text: str, last_day: date) -> None:
    q = parse_jobs_query(text, TODAY, ORGS).query
    assert (q.deadline_from, q.deadline_to) == (TODAY, last_day)
    assert q.terms == ()


def test_deadline_ranges_follow_the_injected_today() -> None:
    q = parse_jobs_query("closing this month", date(2024, 2, 10), ORGS).query
    assert (q.deadline_from, q.deadline_to) == (date(2024, 2, 10), date(2024, 2, 29))
    q = parse_jobs_query("closing this week", date(2022, 2, 6), ORGS).query  # a Sunday
    assert q.deadline_to == date(2022, 2, 12)  # "this week" is the next 7 days, not 1
    q = parse_jobs_query("deadline next week", TODAY, ORGS).query  # a Tuesday
    assert (q.deadline_from, q.deadline_to) == (date(2022, 2, 7), date(2022, 2, 13))


def test_absurd_day_counts_are_capped() -> None:
    q = parse_jobs_query("closing in 99999999999 days", TODAY, ORGS).query
    assert q.deadline_to is not None
    assert q.deadline_to.year < 2040


def test_open_until_filled_and_all_and_page() -> None:
    search = parse_jobs_query("all open until filled page 3", TODAY, ORGS)
    assert search.query.open_until_filled is True
    assert search.query.include_inactive is True
    assert search.page == 3
    assert (search.query.offset, search.query.limit) == (10, 5)
    assert search.query.terms == ()
    assert search.command(page=4) == "jobs all open until filled page 4"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("datacite", "datacite"),
        ("DataCite", "datacite"),
        ("iiif", "iiif"),
        ("IIIF Consortium", "iiif"),
        ("wikimedia", "wikimedia"),
        ("wikimedia foundation", "wikimedia"),
    ],
)
def test_organisations_become_a_filter_not_terms(text: str, slug: str) -> None:
    q = parse_jobs_query(text, TODAY, ORGS).query
    assert q.organization == slug
    assert q.terms == ()


def test_an_organisation_unknown_to_the_store_is_a_plain_term() -> None:
    q = parse_jobs_query("datacite", TODAY, []).query
    assert (q.organization, q.terms) == (None, ("datacite",))


def test_everything_else_becomes_terms_without_stopwords_or_noise() -> None:
    q = parse_jobs_query("open positions for a Python developer in Europe", TODAY, ORGS).query
    assert q.terms == ("python", "developer", "europe")
    # a rolling deadline is no closing date
    for text in ("rolling deadline jobs", "jobs on a rolling basis", "open until filled"):
        assert parse_jobs_query(text, TODAY, ORGS).query.open_until_filled is True
    # how a job is asked for is not what it says ("jobs requiring python")
    for text in ("jobs requiring python", "jobs that mention python", "jobs involving python"):
        assert parse_jobs_query(text, TODAY, ORGS).query.terms == ("python",)


def test_region_words_are_plain_terms() -> None:
    for region in ("europe", "americas", "usa"):
        q = parse_jobs_query(region, TODAY, ORGS).query
        assert (q.terms, q.remote, q.organization) == ((region,), None, None)


def test_filters_combine_freely() -> None:
    search = parse_jobs_query("remote datacite closing this month developer page 2", TODAY, ORGS)
    q = search.query
    assert (q.remote, q.organization, q.deadline_to, q.terms, search.page) == (
        True,
        "datacite",
        date(2022, 2, 28),
        ("developer",),
        2,
    )
    assert search.parts == ("remote", "datacite", "closing this month", "developer")
    assert search.without(1) == "jobs remote closing this month developer"
    assert (
        search.command(include_all=True) == "jobs all remote datacite closing this month developer"
    )


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ('"data manager" AND (python OR java*)', ("data", "manager", "python", "java")),
        ("developer NOT manager", ("developer", "manager")),
        ("🎉 archivist 🎉", ("archivist",)),
        ("full-time archivist", ("full", "time", "archivist")),
        ("a\x00b\x07c archivist", ("archivist",)),
        ("'; DROP TABLE postings; --", ("drop", "table")),
    ],
)
def test_hostile_punctuation_becomes_plain_words(text: str, terms: tuple[str, ...]) -> None:
    assert parse_jobs_query(text, TODAY, ORGS).query.terms == terms


def test_page_numbers_are_clamped() -> None:
    assert parse_jobs_query("page 0", TODAY, ORGS).page == 1
    assert parse_jobs_query("page 999999999999", TODAY, ORGS).page == 1000


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_parsing_never_raises_and_terms_are_clean(text: str) -> None:
    search = parse_jobs_query(text, TODAY, ORGS)
    assert len(search.query.terms) <= 16
    for term in search.query.terms:
        assert term == term.lower()
        assert term.strip() and not any(ch in term for ch in "\"'()*:^ \x00")
    assert search.page >= 1


def test_org_slug() -> None:
    assert org_slug("IIIF Consortium") == "iiif"
    assert org_slug("DataCite") == "datacite"
    assert org_slug("Wikimedia Foundation") == "wikimedia"
    assert org_slug("The British Library") == "british"
    assert org_slug("(CLIR) Council") == "clir"
    assert org_slug("🎉") == ""


def test_tokens_drop_punctuation_and_emoji() -> None:
    assert tokens("IIIF-C's fee (2023)! 🎉") == ["IIIF-C's", "fee", "2023"]


def test_faq_terms() -> None:
    assert faq_terms("How do I join the IIIF Consortium?") == ["join", "iiif", "consortium"]
    # a word searches its synonym group: pages say "dues" or "contribution" for a fee
    terms = faq_terms("membership fees")
    assert terms[:3] == ["membership", "fees", "fee"]
    assert {"cost", "price", "dues", "contribution"} <= set(terms)
    assert faq_terms("What's the IIIF-C?") == ["iiif"]
    assert faq_terms("   ") == []
    # the words a question asks with select no passage: "option" picked a job ad's "option
    # to work in a co-working space" for "does datacite have a consortium option?"
    assert faq_terms("does datacite have a consortium option?") == ["datacite", "consortium"]
    assert faq_terms("when does the conference take place?") == ["conference", "event"]
    assert faq_terms("whats the difference between members and consortia") == [
        "members",
        "member",
        "consortia",
    ]
    # "next" and "upcoming" say when, not what: "Next.js" in a job ad is no conference
    assert faq_terms("when is the next IIIF annual report?") == ["iiif", "annual", "report"]
    assert faq_terms("any upcoming IIIF workshops?")[:2] == ["iiif", "workshops"]


def test_split_sentences_keeps_amounts_and_bullets() -> None:
    text = "Membership costs $10,000 per year. It is paid by invoice.\n* Second bullet e.g. this"
    assert split_sentences(text) == [
        "Membership costs $10,000 per year.",
        "It is paid by invoice.",
        "Second bullet e.g. this",
    ]


def _hits(*passages: object) -> list[PassageHit]:
    return [PassageHit(passage=p, score=1.0) for p in passages]  # type: ignore[arg-type]


def test_rank_picks_the_sentence_that_answers() -> None:
    hits = _hits(
        passage(1, "Why Join?", "IIIF-C Membership contributions provide direct funding."),
        passage(
            2,
            "What is the IIIF Consortium?",
            "The IIIF-C provides sustainability and steering for the IIIF initiative. "
            "Membership requires a signed MOU and a $10,000 annual fee to support staffing, "
            "training and events. The IIIF-C is accepting Founding Members. "
            "Founding Members shape the roadmap, advise on the budget and plan, and "
            "get priority at working meetings and other events held around the world. "
            "Their names are listed on the website and in the annual report.",
        ),
    )
    best = rank_passages("membership fee", hits)[0]
    assert best.confident
    assert "$10,000 annual fee" in best.excerpt
    assert "sustainability" not in best.excerpt
    assert best.full_text.startswith("The IIIF-C provides")
    assert best.hit.passage.text == best.excerpt


def test_rank_prefers_the_heading_of_the_same_question_type() -> None:
    hits = _hits(
        passage(1, "Why Join the IIIF Consortium?", "Benefits of joining the IIIF-C include x."),
        passage(
            2,
            "How can my institution join the IIIF Consortium?",
            "To join the IIIF-C, please send an email expressing interest to srabun@iiif.io.",
        ),
    )
    best = rank_passages("how do I join the iiif consortium", hits)[0]
    assert "srabun@iiif.io" in best.excerpt


def test_a_short_best_sentence_brings_its_neighbour() -> None:
    filler = "Members meet twice a year in different cities around the world to plan the work. "
    text = filler * 3 + "The fee is $5. It is due every January for every member. " + filler
    best = rank_passages("fee", _hits(passage(1, "Fees", text)))[0]
    assert best.excerpt == "The fee is $5. It is due every January for every member."


def test_a_short_bullet_is_the_answer_as_written() -> None:
    text = "To join, send an email to a@b.org. You sign the MOU. Then an invoice follows."
    best = rank_passages("join", _hits(passage(1, "How to join?", text)))[0]
    assert best.excerpt == text


def test_rank_is_not_confident_about_unrelated_words() -> None:
    hits = _hits(passage(1, "What is IIIF?", "IIIF is a set of open standards for images."))
    assert rank_passages("pizza recipe images", hits)[0].confident is False
    assert rank_passages("the of and", hits) == []
    assert rank_passages("membership", []) == []


def test_fee_questions_prefer_the_sentence_with_the_figure() -> None:
    hits = _hits(
        passage(1, "Membership Fee", "Membership fees support the goal of open research."),
        passage(2, "Membership Fee", "Annual Membership Fee: 2000€"),
    )
    assert rank_passages("membership fee", hits)[0].excerpt == "Annual Membership Fee: 2000€"
    # without a quantity in the question the store's order stands
    hits = _hits(
        passage(1, "Membership", "Membership supports the goal of open research."),
        passage(2, "Membership", "Membership since 2009 for 300 members."),
    )
    assert rank_passages("membership goal", hits)[0].hit.passage.id == 1


def test_what_is_questions_prefer_the_defining_sentence() -> None:
    long_intro = (
        "As outlined in the charter, the consortium has eleven founding members and more "
        "to come through the year, who together steer the budget and the agreements. "
    )
    defining = "The consortium is a group of institutions that steers the initiative. "
    hits = _hits(
        passage(1, "What is the consortium?", long_intro * 3),
        passage(2, "What is the consortium?", long_intro + defining + long_intro),
    )
    best = rank_passages("what is the consortium", hits)[0]
    assert best.excerpt.startswith("The consortium is a group of institutions")


@pytest.mark.parametrize(
    ("typed", "remote", "terms"),
    [
        ("wfh archivist", True, ("archivist",)),
        ("work from anywhere", True, ()),
        ("telework datacite", True, ()),
        ("remote-first developer", True, ("developer",)),
        ("in person curator", False, ("curator",)),
        ("on site", False, ()),
        ("in the office", False, ()),
        ("from home", True, ()),
        ("home archivist", None, ("home", "archivist")),
    ],
)
def test_where_the_work_is_done_is_read_the_same_in_jobs_and_questions(
    typed: str, remote: bool | None, terms: tuple[str, ...]
) -> None:
    q = parse_jobs_query(typed, TODAY, ORGS).query
    assert (q.remote, q.terms) == (remote, terms)
    u = understand(f"any {typed} jobs?", TODAY, ORGS)
    # a question's on-site work is any that is not remote, said or not (``ListFilters``)
    assert u.search.query.remote == (True if remote else None)
    assert u.filters.on_site == (remote is False)


def test_a_sentence_ending_in_a_colon_brings_the_list_it_announces() -> None:
    text = "\n".join(
        [
            "The fund was set up in 2022 to help organisations worldwide make their research "
            "outputs discoverable, with outreach, infrastructure and pilot projects.",
            "It is part of a wider programme with partners in many regions of the world.",
            "Applications are reviewed by a committee of members from every region, twice a "
            "year, and the decisions are announced on the programme's pages.",
            "The following funding levels are available:",
            "- Outreach: up to US$10,000",
            "- Infrastructure: up to US$20,000",
            "- Pilots: up to US$50,000",
        ]
    )
    best = rank_passages("what funding levels are available?", _hits(passage(1, "Funding", text)))
    assert best[0].excerpt.startswith("The following funding levels are available:")
    assert "US$50,000" in best[0].excerpt


@pytest.mark.parametrize(
    ("title", "first"), [("Digital Safety Curriculum", "Proposals"), ("Notes", "The")]
)
def test_the_words_of_a_pages_title_choose_the_page_not_its_sentence(
    title: str, first: str
) -> None:
    # on a page titled with them, "digital safety curriculum" say which page; what is asked
    # of it ("when are proposals due") chooses the sentence
    page = {"page_title": title, "source": "c.md"}
    hits = _hits(
        passage(1, "About", "The digital safety curriculum is for librarians.", **page),
        passage(2, "Dates", "Proposals are due by Friday, May 25.", **page),
    )
    best = rank_passages("when are proposals due for the digital safety curriculum?", hits)
    assert best[0].excerpt.startswith(first)


def test_how_much_prefers_the_sentence_with_a_sum() -> None:
    hits = _hits(
        passage(1, "Membership", "Membership fees support the goal of open science."),
        passage(2, "Fees", "The annual membership fee is 2.000€ for each member."),
    )
    assert "2.000€" in rank_passages("how much is the membership fee?", hits)[0].excerpt

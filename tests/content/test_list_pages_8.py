"""Loader rules added for lists of postings (round 8): pages whose opening is said only in a
chatty title and in prose, read through the whole loader (page -> document -> posting)."""

from __future__ import annotations

import pytest

from bot.content import parse_text
from bot.content.orgs import split_title
from bot.domain import ParsedDocument

BLOG = "categories: blog\ndate: 2027-05-06\n"


def _doc(title: str, body: str, front: str = BLOG) -> ParsedDocument:
    return parse_text("_posts/2027-05-06-news.md", f"---\ntitle: {title!r}\n{front}---\n\n{body}\n")


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("We're hiring a cataloguing librarian!", "cataloguing librarian"),
        ("We’re hiring an Oral History Producer", "Oral History Producer"),
        ("We are hiring two new Library Assistants", "Library Assistants"),
        ("Now hiring a part-time Registrar!", "part-time Registrar"),
    ],
)
def test_a_hiring_lead_in_without_its_colon_leads_the_role(title: str, role: str) -> None:
    parts = split_title(title)
    assert (parts.role, parts.organization) == (role, None)


def test_the_employer_before_hiring_is_still_read() -> None:
    parts = split_title("Fernhill Library is hiring a Clerk")
    assert (parts.role, parts.organization) == ("Clerk", "Fernhill Library")


def test_a_blog_post_titled_we_are_hiring_a_role_is_an_opening() -> None:
    doc = _doc(
        "We're hiring a rare books cataloguer!",
        "Our reading room is busy and we need help describing two family collections. The"
        " work is three days a week in Hobart. Write to jobs@example.org by 1 June.",
    )
    assert doc.kind == "job"
    assert len(doc.postings) == 1


def test_a_blog_post_saying_we_are_hiring_without_a_role_stays_news() -> None:
    doc = _doc("We're hiring!", "More about our plans for next year soon.")
    assert doc.kind != "job"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The job is two days a week at our building on Ferry Road in Dunedin.", "Dunedin"),
        ("Our 2027 intern will spend ten weeks in Hobart cleaning glass plates.", "Hobart"),
    ],
)
def test_a_blog_post_says_its_place_only_in_prose(sentence: str, place: str) -> None:
    doc = _doc(
        "We're hiring a cataloguer!",
        f"We need a cataloguer for our photograph collections. {sentence} The pay is $30 an"
        " hour. Write to jobs@example.org by 1 June.",
    )
    (posting,) = doc.postings
    assert posting.location == place


def test_a_city_after_spend_that_is_no_city_is_no_place() -> None:
    doc = _doc(
        "We're hiring a cataloguer!",
        "We need a cataloguer. You will spend most days in Special Collections. The pay is $30"
        " an hour. Write to jobs@example.org by 1 June.",
    )
    (posting,) = doc.postings
    assert posting.location is None


@pytest.mark.parametrize(
    "title",
    ["Jobs roundup: week of 9 March", "Heritage job digest", "This week's vacancies in Wales"],
)
def test_a_round_up_of_other_sites_openings_is_no_opening(title: str) -> None:
    doc = _doc(
        title,
        "Openings from around the network:\n\n"
        "- [Archives Assistant, Tern Library (York)](https://t.example.org/1) - closes 27 March\n"
        "- [Web Developer, Gull University (Hull)](https://g.example.org/2) - closes 2 April\n\n"
        "Send us your vacancies at jobs@example.org.",
        front="tags: [jobs]\ndate: 2027-03-09\n",
    )
    assert doc.kind != "job"
    assert doc.postings == ()


def test_a_posting_titled_with_the_week_is_still_one() -> None:
    doc = _doc(
        "Archivist of the Week Collection",
        "Tern Library is hiring an archivist for its Week family papers. Salary £30,000."
        " Apply by 2 April to jobs@example.org.",
        front="tags: [jobs]\ndate: 2027-03-09\n",
    )
    assert doc.kind == "job"


@pytest.mark.parametrize(
    "title",
    ["Our developer search has concluded", "Position filled: Oral Historian", "Search is over!"],
)
def test_the_end_of_a_search_is_news(title: str) -> None:
    doc = _doc(
        title,
        "Thank you to the thirty people who applied for the role. The search is closed and we"
        " will introduce our new colleague soon.",
        front="tags: [jobs]\ndate: 2027-03-09\n",
    )
    assert doc.kind == "news"
    assert doc.postings == ()

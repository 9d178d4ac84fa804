"""A link written without "https://" or "www." ("apply at riverbendkids.org/jobs") is a way
to apply when the sentence speaks of applying, as a written-out link is; a name that is only a
domain, a file name, an address or a link already read is not one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.facts import urls
from bot.content.text import Scan
from bot.domain import PostingDraft

JOB = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"


def _posting(body: str) -> PostingDraft:
    text = f"---\n{JOB}---\n\nWe seek a records manager.\n\n{body}\n"
    (posting,) = parse_text("_posts/2027-01-04-records.md", text).postings
    return posting


@pytest.mark.parametrize(
    ("sentence", "link"),
    [
        ("Apply at riverbendkids.org/jobs by 1 March.", "https://riverbendkids.org/jobs"),
        (
            "To apply, fill in the form at careers.tidewater.example.ac.uk/vacancies/0412.",
            "https://careers.tidewater.example.ac.uk/vacancies/0412",
        ),
        ("Applications go through hr.oakmere.org/apply?role=records.", None),
    ],
)
def test_a_link_without_a_scheme_in_a_sentence_on_applying_is_a_way_to_apply(
    sentence: str, link: str | None
) -> None:
    expected = link or "https://hr.oakmere.org/apply?role=records"
    assert expected in _posting(sentence).contacts


@pytest.mark.parametrize(
    "sentence",
    [
        "Read about us at riverbendkids.org before you write.",  # a domain alone
        "Our annual report.pdf/2026 is online.",  # a file name
        "The museum's site is https://riverbend.example.org/about.",  # no word of applying
    ],
)
def test_other_names_are_no_way_to_apply(sentence: str) -> None:
    assert _posting(sentence).contacts == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Apply at riverbendkids.org/jobs.", ["https://riverbendkids.org/jobs"]),
        ("Write to jobs@riverbend.org/ now.", []),  # an address
        ("See https://riverbend.org/jobs/2.", ["https://riverbend.org/jobs/2"]),  # read once
        ("See www.riverbend.org/jobs.", ["https://www.riverbend.org/jobs"]),
    ],
)
def test_each_link_is_read_once(text: str, found: list[str]) -> None:
    assert [url for url, _at in urls(Scan(text))] == found


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab./@:-", max_size=300))
def test_any_text_of_link_characters_reads_without_error(text: str) -> None:
    for url, at in urls(Scan(text)):
        assert url.startswith(("https://", "http://")) and 0 <= at < len(text)

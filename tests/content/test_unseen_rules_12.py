"""The rules the twelfth round of unseen pages (test_unseen_pages_12.py) added, on the openings
themselves (how many a page holds, what kind each is, where each is), each with sentences of
our own it must and must not match, read through the whole loader (page -> document ->
posting)."""

from __future__ import annotations

import pytest

from bot.content import parse_text
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, title: str, extra: str = "") -> ParsedDocument:
    front = f'title: "{title}"\ndate: 2027-01-04\n{extra}'
    return parse_text("_posts/2027-01-04-post.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, title: str = "Records Manager", extra: str = "kind: job\n") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- how many openings


@pytest.mark.parametrize(
    ("items", "roles"),
    [
        (
            "**1. Oral History Officer** — full-time, £29,000 a year. Apply by 3 May 2027.\n\n"
            "**2. Sound Archivist** — part-time, £31,000 pro rata. Apply by 9 May 2027.",
            ["Oral History Officer", "Sound Archivist"],
        ),
        (
            "**1) Map Curator.** Permanent, €48,000 a year.\n\n"
            "**2) Imaging Technician.** Closing date 12 June 2027.",
            ["Map Curator", "Imaging Technician"],
        ),
    ],
)
def test_numbered_bold_paragraphs_are_one_opening_each(items: str, roles: list[str]) -> None:
    body = (
        f"The Lowfield Sound Archive in Derby has two roles.\n\n{items}\n\nEmail a@b.example.org."
    )
    assert [p.title for p in _doc(body, "Two roles", "kind: job\n").postings] == roles


@pytest.mark.parametrize(
    ("items", "roles"),
    [
        (
            "- Print Room Curator, full-time, £36,000 a year\n"
            "- Digitisation Assistant, 0.6 FTE, closing date 2 May 2027",
            ["Print Room Curator", "Digitisation Assistant"],
        ),
    ],
)
def test_plain_list_items_naming_a_role_and_a_fact_are_openings(
    items: str, roles: list[str]
) -> None:
    body = (
        f"The Quarry Hill Library has two vacancies:\n\n{items}\n\nApply at https://q.example.org."
    )
    assert [p.title for p in _doc(body, "Vacancies", "kind: job\n").postings] == roles


@pytest.mark.parametrize(
    "items",
    [
        # one fact, in one item: a list of colleagues, not of openings
        "**1. Your manager** — the Head of Collections.\n\n**2. Your team** — three archivists.",
        "- Head of Collections, who leads the team\n- Senior Archivist, £40,000 budget holder",
        # numbered bold steps of how to apply are no roles
        "**1. Send your CV.** Closing date 2 May 2027.\n\n**2. Interview.** On 9 May 2027.",
    ],
)
def test_items_that_are_not_openings_leave_one_posting(items: str) -> None:
    body = f"The Quarry Hill Library seeks a full-time Records Manager.\n\n{items}"
    assert _posting(body).title == "Records Manager"

"""Whole documents: what kind they are, who they are from, how many openings, FAQ sections."""

from __future__ import annotations

import re

import pytest

from bot.content import parse_text
from bot.content.slug import make_slug


def doc_of(front: str, body: str, source: str = "pages/x.md"):  # type: ignore[no-untyped-def]
    return parse_text(source, f"---\n{front}\n---\n{body}\n")


@pytest.mark.parametrize(
    ("front", "body", "kind"),
    [
        ("title: Archivist - Brooklyn Library\ntag: job", "Apply by mail.", "job"),
        ("title: Anything\nkind: faq", "Text.", "faq"),
        (
            "title: DataCite Technical Coordinator Hired\ndate: 2017-08-30\ntags: [news]",
            "Glen has been appointed. He joins the position in September.",
            "news",
        ),
        (
            "title: Welcome to the Team, Richard!\ndate: 2018-01-18",
            "What interested you in the job? Richard joined as developer.",
            "news",
        ),
        (
            "title: Now Accepting Proposals for the 2024 Conference\ndate: 2023-12-19",
            "Submissions are due by February 6, 2024. Please apply.",
            "news",
        ),
        (
            "title: Global Access Fund\nlayout: service",
            "Who can apply: anyone. Application due date: October 15, 2023.",
            "other",
        ),
        (
            "title: DataCite - Fee Model 2023\nlayout: service",
            "Annual Membership Fee: 2000€",
            "faq",
        ),
        (
            "title: IIIF Frequently Asked Questions (FAQs)",
            "## What is IIIF?\n\nA framework.",
            "faq",
        ),
        (
            "title: Jobs\nlayout: jobposts",
            "We host ads for jobs. Post your position here.",
            "other",
        ),
        (
            "title: Seeking a Curriculum Designer\ndate: 2018-05-03\ntag: news",
            "We're looking for a consultant. Proposals are due by May 25.",
            "news",
        ),
        (
            "title: Example Museum Hiring a Registrar\ndate: 2020-01-01\ntags: [new hires]",
            "Applications are now closed.",
            "job",
        ),
        (
            "title: A note\ndate: 2020-01-01",
            "We are looking for a curator. Responsibilities include care of the collection. "
            "Qualifications: a degree. To apply send a cover letter and resume.",
            "job",
        ),
    ],
)
def test_kind(front: str, body: str, kind: str) -> None:
    assert doc_of(front, body).kind == kind


def test_a_jobs_page_with_several_openings_gives_one_posting_each() -> None:
    body = (
        "## Current Openings\n\n- [Community Manager](#one)\n- [Support Specialist](#two)\n\n"
        '# <a name="one"></a>Community Manager\n\nA remote position; apply by 31 January 2027 '
        "to a@example.org.\n\n"
        '# <a name="two"></a>Support Specialist\n\nOn-site in Hannover. The position is on-site '
        "only. Open until filled. Write to b@example.org.\n"
    )
    doc = doc_of("title: DataCite - Job opportunities\nlayout: service", body)
    assert doc.kind == "job"
    assert [p.title for p in doc.postings] == ["Community Manager", "Support Specialist"]
    first, second = doc.postings
    assert first.organization == second.organization == "DataCite"
    assert (first.remote, second.remote) == (True, False)
    assert first.contacts == ("a@example.org",) and second.contacts == ("b@example.org",)
    assert first.deadline is not None and second.deadline is None and second.open_until_filled
    assert "Support Specialist" not in first.body
    assert first.slug != second.slug


def test_a_jobs_page_that_lists_no_opening_holds_no_posting() -> None:
    doc = doc_of(
        "title: DataCite - Job opportunities\nlayout: service",
        "## Current Openings\n\nThere are no open positions at the moment.",
    )
    assert doc.kind == "other"
    assert doc.postings == ()


def test_faq_sections_passages_and_anchors() -> None:
    body = (
        "* [Fees](#fees)\n\n## What does it cost?\n\n"
        " * Membership requires a signed [MOU][mou] and a $10,000 annual fee.\n"
        " * Benefits include:\n    * Voting rights\n    * Conference discounts\n\n"
        "A closing paragraph that\nwraps over two lines.\n\n"
        "## Who are the members?\n\n<ul>\n{% for m in site.data.members %}<li>{{ m.name }}</li>"
        "{% endfor %}\n</ul>\n\n[mou]: /community/mou/\n"
    )
    doc = doc_of("title: Consortium FAQ", body)
    assert doc.kind == "faq"
    (section,) = doc.faq
    assert section.question == "What does it cost?"
    assert section.anchor == "what-does-it-cost"
    assert section.passages == (
        "Membership requires a signed MOU and a $10,000 annual fee.",
        "Benefits include: Voting rights; Conference discounts.",
        "A closing paragraph that wraps over two lines.",
    )


def test_organization_of_pages_that_are_not_postings() -> None:
    assert doc_of("title: IIIF Frequently Asked Questions", "## Q\n\nA.").organization == "IIIF"
    news = doc_of("title: IIIF Technical Coordinator Hired\ndate: 2017-08-30", "Glen joins.")
    assert news.organization == "IIIF Consortium"
    board = doc_of("title: Jobs\nlayout: jobposts", "METRO's jobs page lists positions.")
    assert board.organization == "Metropolitan New York Library Council (METRO)"
    assert doc_of("title: Minutes", "Nothing known here.").organization is None


@pytest.mark.parametrize(
    ("title", "role", "organization"),
    [
        ("Position Search - IIIF Community & Communications Officer",
         "IIIF Community & Communications Officer", "IIIF Consortium"),
        ("Program Officer, GLAM and Heritage - Wikimedia Foundation",
         "Program Officer, GLAM and Heritage", "Wikimedia Foundation"),
        ("Library Director/Fiscal Officer - Toledo County Library System (OH)",
         "Library Director/Fiscal Officer", "Toledo County Library System"),
        ("DataCite is Hiring another Application Developer", "Application Developer", "DataCite"),
        ("Job: Metadata Librarian", "Metadata Librarian", None),
        # a city before the state in the brackets is no part of the name either
        ("Exhibits Preparator (Part-Time) - Alder Museum of Glass (Tacoma, WA)",
         "Exhibits Preparator (Part-Time)", "Alder Museum of Glass"),
        # "The" before a name that says it is hiring is no part of the name
        ("The Kestrel Map Society is hiring a Digital Curator", "Digital Curator",
         "Kestrel Map Society"),
    ],
)  # fmt: skip
def test_role_and_organisation_from_the_title(
    title: str, role: str, organization: str | None
) -> None:
    (posting,) = doc_of(f"title: {title}\ntag: job", "We are hiring.").postings
    assert posting.title == role
    assert posting.organization == organization


def test_organisation_from_front_matter_and_body() -> None:
    (a,) = doc_of("title: Archivist\ntag: job\ninstitution: Example University", "x").postings
    assert a.organization == "Example University"
    (b,) = doc_of("title: Archivist\ntag: job", "Northfield College seeks an archivist.").postings
    assert b.organization == "Northfield College"


def test_role_is_lengthened_from_the_body() -> None:
    (posting,) = doc_of(
        "title: IIIF Consortium Hiring a Managing Director\ndate: 2023-12-04",
        "We published the role of Managing Director of the IIIF Consortium today.",
    ).postings
    assert posting.title == "Managing Director of the IIIF Consortium"
    assert posting.slug == "iiif-managing-director-2023"


@pytest.mark.parametrize(
    "role",
    ["Managing Director", "Ñandú Specialist — Über Archivist", "", "of the and", "x" * 200],
)
def test_slugs_are_short_ascii_and_never_empty(role: str) -> None:
    slug = make_slug(role, "datacite", None, "fallback title")
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 48


@pytest.mark.parametrize(
    ("title", "organization"),
    [
        ("Riverside Historical Society Frequently Asked Questions", "Riverside Historical Society"),
        ("Proposals for the 2022 University of Lakeside Libraries Conference",
         "University of Lakeside Libraries"),
        ("Seeking a Curriculum Designer for NYC Digital Safety", None),
    ],
)  # fmt: skip
def test_organisation_named_inside_a_title(title: str, organization: str | None) -> None:
    assert doc_of(f"title: {title}", "Some words.").organization == organization

"""Previews are pure: what a typed posting becomes, and validation messages a person can act
on (missing title, unknown field, bad dates, past deadline, bad URL or email, duplicates)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.admin.preview import preview_field_lines, preview_fields, preview_markdown
from bot.domain import Posting

TODAY = date(2026, 11, 23)


def _existing(title: str, organization: str | None, status: str = "active") -> Posting:
    return Posting(
        id="metro-archive-data-steward-2026",
        source="postings/x.md",
        position=0,
        title=title,
        organization=organization,
        location=None,
        remote=None,
        deadline=None,
        deadline_inferred=False,
        open_until_filled=False,
        closed=False,
        salary=None,
        salary_min=None,
        salary_currency=None,
        contacts=(),
        posted=None,
        body="",
        url=None,
        status=status,  # type: ignore[arg-type]
        first_seen=datetime(2026, 11, 1, tzinfo=UTC),
    )


def test_fields_become_what_the_loader_reads() -> None:
    preview = preview_fields(
        {
            "title": "Data Steward",
            "organisation": "Metro Archive",
            "location": "Leiden",
            "deadline": "1 March 2027",
            "remote": "no",
            "open until filled": "yes",
            "salary": "EUR 48,000 a year",
            "contact": "steward@metro-archive.example.org",
            "url": "https://metro-archive.example.org/jobs",
        },
        today=TODAY,
    )
    assert preview.ok and not preview.warnings, preview.warnings
    (draft,) = preview.postings
    assert (draft.title, draft.organization, draft.location) == (
        "Data Steward",
        "Metro Archive",
        "Leiden",
    )
    assert (draft.deadline, draft.remote, draft.open_until_filled) == (
        date(2027, 3, 1),
        False,
        True,
    )
    assert draft.salary == "EUR 48,000 a year"
    assert draft.contacts == ("steward@metro-archive.example.org",)
    assert draft.posted == TODAY
    assert preview.document is not None
    assert preview.document.url == "https://metro-archive.example.org/jobs"


def _messages(preview_errors: object) -> str:
    return " ".join(p.message for p in preview_errors)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"organization": "Metro Archive"}, 'A posting needs a title, e.g. title="Data Steward".'),
        (
            {"title": "X", "colour": "blue"},
            "Unknown field “colour”. Known fields: title, organization, location, remote, "
            "deadline, open_until_filled, salary, contacts, url, posted, description.",
        ),
        (
            {"title": "X", "deadline": "32/13/2024"},
            "The deadline “32/13/2024” is not a date; write it as 2027-03-01 or 1 March 2027.",
        ),
        (
            {"title": "X", "deadline": "03/04/2027"},
            "The deadline “03/04/2027” could be 3 April 2027 or 4 March 2027; write it as "
            "YYYY-MM-DD.",
        ),
        ({"title": "X", "deadline": "2027-02-30"}, "The deadline “2027-02-30” is not a date"),
        (
            {"title": "X", "url": "metro-archive.example.org"},
            "The url “metro-archive.example.org” is not a web address; it should start with "
            "https://.",
        ),
        ({"title": "X", "url": "https://nohost"}, "The url “https://nohost” has no valid host"),
        (
            {"title": "X", "contacts": "jobs@metro, https://ok.example.org"},
            "“jobs@metro” is not an email address (name@example.org).",
        ),
        ({"title": "X", "remote": "maybe"}, "remote is yes, no or unknown, not “maybe”."),
        ({"title": "X", "open_until_filled": ""}, "open_until_filled is yes or no"),
        ({"title": "X" * 400}, "The title is too long (over 300 characters)."),
    ],
)
def test_field_errors(fields: dict[str, str], message: str) -> None:
    preview = preview_fields(fields, today=TODAY)
    assert not preview.ok and preview.document is None
    assert message in _messages(preview.errors)


def test_every_problem_is_reported_at_once() -> None:
    preview = preview_fields({"deadline": "soon", "url": "x", "shoe": "42"}, today=TODAY)
    assert {p.field for p in preview.errors} == {"deadline", "url", "title", None}


def test_past_deadline_is_a_warning_needing_the_confirm() -> None:
    preview = preview_fields({"title": "Data Steward", "deadline": "2026-11-01"}, today=TODAY)
    assert preview.ok and preview.past_deadline
    assert "The deadline 2026-11-01 has already passed" in _messages(preview.warnings)


def test_duplicates_are_flagged_not_refused() -> None:
    existing = [_existing("Data steward", "Metro  Archive")]
    preview = preview_fields(
        {"title": "Data Steward", "organization": "Metro Archive"}, today=TODAY, existing=existing
    )
    assert preview.ok and preview.duplicates == ("metro-archive-data-steward-2026",)
    other_org = preview_fields(
        {"title": "Data Steward", "organization": "Coastal Museum"}, today=TODAY, existing=existing
    )
    assert other_org.duplicates == ()
    gone = preview_fields(
        {"title": "Data Steward", "organization": "Metro Archive"},
        today=TODAY,
        existing=[_existing("Data Steward", "Metro Archive", status="withdrawn")],
    )
    assert gone.duplicates == ()


def test_a_value_the_description_contradicts_is_a_warning() -> None:
    preview = preview_fields(
        {"title": "Data Steward", "remote": "no", "description": "The team is fully remote."},
        today=TODAY,
    )
    assert preview.ok
    assert "You set remote to no, but Herald reads yes from “The team is fully remote.”" in (
        _messages(preview.warnings)
    )


def test_field_lines_end_at_the_description() -> None:
    preview = preview_field_lines(
        "title: Data Steward\nDeadline: 2027-03-01\n\nKeeps data tidy.\nremote: maybe", today=TODAY
    )
    assert preview.ok
    (draft,) = preview.postings
    assert draft.deadline == date(2027, 3, 1)
    assert "remote: maybe" in draft.body


def test_markdown_needs_a_title() -> None:
    preview = preview_markdown("---\ntags: [jobs]\n---\nWe are hiring an archivist.", today=TODAY)
    assert "The posting has no title" in _messages(preview.errors)


def test_markdown_with_broken_front_matter_is_refused() -> None:
    preview = preview_markdown("---\ntitle: [unclosed\n---\nBody", today=TODAY)
    assert "Herald cannot read this posting: its front matter is not valid YAML" in _messages(
        preview.errors
    )


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("closing_date: 32/13/2024", "The closing_date “32/13/2024” is not a date"),
        ("apply_url: apply-here", "The apply_url “apply-here” is not a web address"),
        ("url: www.example.org/job", "The url “www.example.org/job” is not a web address"),
    ],
)
def test_markdown_front_matter_values_are_checked(front: str, message: str) -> None:
    text = f"---\ntitle: Archivist wanted\ntags: [jobs]\n{front}\n---\nApply to a@b.example.org."
    assert message in _messages(preview_markdown(text, today=TODAY).errors)


def test_a_page_that_is_no_posting_is_refused() -> None:
    preview = preview_markdown(
        "---\ntitle: Membership FAQ\n---\n## How much is the fee?\n\nFifty euros.", today=TODAY
    )
    assert "Herald reads this as an FAQ page, not a job posting" in _messages(preview.errors)


def test_markdown_with_several_openings_previews_each() -> None:
    text = (
        "---\ntitle: Openings at the Coastal Museum\ntags: [jobs]\n---\n\n## Current openings\n\n"
        "- [Registrar](#registrar)\n- [Conservator](#conservator)\n\n## Registrar\n\nApply by "
        "10 January 2027.\n\n## Conservator\n\nApply by 20 January 2027.\n"
    )
    preview = preview_markdown(text, today=TODAY)
    assert preview.ok
    assert [(p.title, p.deadline) for p in preview.postings] == [
        ("Registrar", date(2027, 1, 10)),
        ("Conservator", date(2027, 1, 20)),
    ]

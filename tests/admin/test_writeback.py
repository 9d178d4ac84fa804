"""The write-back format against the real loader: whatever an admin sets, the loader reads
back (property tests), and edits of a person's file touch only what changed."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.admin.fields import Value, parse_assignments
from bot.admin.writeback import (
    BEGIN,
    CANONICAL_KEY,
    FRONT_KEYS,
    write_posting,
)
from bot.content import parse_bytes
from bot.domain import PostingDraft

ROLES = ["Archivist", "Data Steward", "Developer", "Curator", "Registrar", "Librarian", "Editor"]
SENIORITY = ["", "Senior ", "Junior ", "Lead ", "Assistant "]
ORGS = ["Metro Archive", "Coastal Museum", "Open Maps Lab", "Northern Library", "Atlas Trust"]
PLACES = ["Leiden", "Berlin, Germany", "Kraków", "Cape Town", "Montréal, Canada", "Utrecht"]
DOMAINS = ["metro-archive.example.org", "coastal.example.org", "openmaps.example.net"]

contacts = st.lists(
    st.one_of(
        st.builds(
            lambda user, domain: f"{user}@{domain}",
            st.sampled_from(["jobs", "hr", "apply", "team.lead", "a_b"]),
            st.sampled_from(DOMAINS),
        ),
        st.builds(
            lambda domain, path: f"https://{domain}/{path}",
            st.sampled_from(DOMAINS),
            st.sampled_from(["jobs", "jobs/42", "apply?id=7", "careers/data-steward"]),
        ),
    ),
    max_size=3,
    unique=True,
).map(tuple)
salaries = st.builds(
    lambda cur, low, span: f"{cur} {low:,}–{low + span:,} a year",
    st.sampled_from(["EUR", "USD", "GBP"]),
    st.integers(20, 120).map(lambda n: n * 1000),
    st.integers(0, 20).map(lambda n: n * 1000),
)
values_strategy = st.fixed_dictionaries(
    {
        "title": st.builds(lambda s, r: s + r, st.sampled_from(SENIORITY), st.sampled_from(ROLES)),
        "posted": st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    },
    optional={
        "organization": st.sampled_from(ORGS),
        "location": st.sampled_from(PLACES),
        "remote": st.sampled_from([True, False]),
        "deadline": st.dates(date(2020, 1, 1), date(2035, 12, 31)),
        "open_until_filled": st.booleans(),
        "closed": st.booleans(),
        "salary": salaries,
        "contacts": contacts,
        "url": st.sampled_from([f"https://{d}/jobs/1" for d in DOMAINS]),
        "description": st.sampled_from(
            ["", "Looks after the collections.", "You will work with researchers.\n\nWelcome."]
        ),
    },
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> tuple[PostingDraft, str | None]:
    doc = parse_bytes("postings/2026-01-01-x.md", text.encode("utf-8"))
    assert doc.kind == "job" and len(doc.postings) == 1, text
    return doc.postings[0], doc.url


def _assert_read_back(values: dict[str, Any], draft: PostingDraft, url: str | None) -> None:
    assert draft.title == values["title"]
    assert draft.posted == values["posted"]
    if "organization" in values:
        assert draft.organization == values["organization"]
    if "location" in values:
        assert draft.location == values["location"]
    if "remote" in values:
        assert draft.remote is values["remote"]
    if "deadline" in values:
        assert draft.deadline == values["deadline"]
    assert draft.open_until_filled is values.get("open_until_filled", False)
    assert draft.closed is values.get("closed", False)
    assert draft.salary == values.get("salary")
    given = values.get("contacts", ())
    assert draft.contacts == tuple(
        [c for c in given if "://" not in c] + [c for c in given if "://" in c]
    )
    assert url == values.get("url")


@FAST
@given(values_strategy)
def test_a_new_file_reads_back_as_written(values: dict[str, Any]) -> None:
    draft, url = _read(write_posting(None, values))
    _assert_read_back(values, draft, url)


@FAST
@given(values_strategy, values_strategy)
def test_an_edit_reads_back_and_keeps_the_rest(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    changes: dict[str, Value] = {k: v for k, v in second.items() if k != "description"}
    text = write_posting(write_posting(None, first), changes, old_title=first["title"])
    merged = {**first, **changes}
    draft, url = _read(text)
    _assert_read_back(merged, draft, url)


ARTICLE = """---
# written by the communications team
title: "Metro Archive is hiring a Digital Archivist"
date: 2026-11-02
institution: Metro Archive   # the legal name
permalink: /jobs/digital-archivist/
tags: [jobs, archives]
---

The Metro Archive seeks a digital archivist.

Applications close on 15 January 2027. Write to jobs@metro-archive.example.org.
"""


def _diff(a: str, b: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_an_edit_touches_only_its_own_lines() -> None:
    text = write_posting(ARTICLE, {"deadline": date(2027, 2, 1), "organization": "Metro Archives"})
    assert _diff(ARTICLE, text) == [
        "-institution: Metro Archive   # the legal name",
        "+institution: Metro Archives  # the legal name",
        "+deadline: 2027-02-01",
    ]
    draft, url = _read(text)
    assert (draft.deadline, draft.organization) == (date(2027, 2, 1), "Metro Archives")
    assert url is None  # a permalink is a path, and it is never overwritten


def test_an_url_is_set_beside_a_permalink_not_over_it() -> None:
    text = write_posting(ARTICLE, {"url": "https://metro-archive.example.org/jobs/1"})
    assert "permalink: /jobs/digital-archivist/" in text
    assert _read(text)[1] == "https://metro-archive.example.org/jobs/1"


def test_closing_and_reopening_a_persons_file_gives_it_back_unchanged() -> None:
    closed = write_posting(ARTICLE, {"closed": True})
    assert _diff(ARTICLE, closed) == [
        "+",
        f"+{BEGIN}",
        "+Applications are closed.",
        "+<!-- /herald -->",
    ]
    assert _read(closed)[0].closed
    assert write_posting(closed, {"closed": False}) == ARTICLE


def test_lines_written_into_the_block_by_hand_are_kept() -> None:
    text = write_posting(ARTICLE, {"remote": True})
    text = text.replace("This is a remote position.", "This is a remote position.\n\nAsk Ana.")
    text = write_posting(text, {"salary": "EUR 50,000"})
    assert "Ask Ana." in text and "## Salary\n\nEUR 50,000" in text
    assert _read(text)[0].remote is True


def test_clearing_a_field_removes_every_key_the_loader_would_read() -> None:
    text = (
        "---\ntitle: Archivist wanted\ntags: [jobs]\nclosing_date: 2027-01-01\n"
        "expires: 2027-02-02\n---\nBody.\n"
    )
    cleared = write_posting(text, {"deadline": None})
    assert "closing_date" not in cleared and "expires" not in cleared
    assert _read(cleared)[0].deadline is None


def test_values_yaml_would_misread_are_quoted() -> None:
    text = write_posting(None, {"title": "yes", "location": "no", "salary": "null"})
    draft, _ = _read(text)
    assert (draft.title, draft.location) == ("yes", "no")


def test_the_written_key_is_one_the_loader_reads() -> None:
    """Write-back writes each field under a key of the loader's own table for it (an older
    key the file already has, read first, is kept and set instead: ``_set_front``)."""
    for name, keys in FRONT_KEYS.items():
        assert CANONICAL_KEY[name] in keys


keys = st.sampled_from(["title", "organization", "deadline", "salary", "contacts", "remote"])
plain_values = st.text(
    st.characters(codec="utf-8", exclude_characters='"\n\r=', exclude_categories=("Cs", "Cc")),
    max_size=30,
).map(str.strip)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(keys, plain_values), max_size=5))
def test_quoted_assignments_parse_back(pairs: list[tuple[str, str]]) -> None:
    line = " ".join(f'{k}="{v}"' for k, v in pairs)
    assert parse_assignments(line) == pairs


@settings(max_examples=200, deadline=None)
@given(
    keys,
    st.sampled_from([" ", ": ", " to "]),
    plain_values.filter(lambda v: v[:1] not in ":'‘“«" and v[:3].lower() != "to "),
)
def test_one_field_said_without_equals_parses(key: str, between: str, value: str) -> None:
    """ "deadline 1 March 2027": one known field, then its value, however the value reads
    (but for a colon or "to" it starts with, or its own quotes, read as the separator)."""
    assert parse_assignments(f"{key}{between}{value}") == [(key, value)]


def test_a_file_without_front_matter_gets_one() -> None:
    text = (
        "# Metro Archive is hiring an Archivist\n\nThe Metro Archive seeks an archivist to look "
        "after its collections. Apply to a@b.example.org with a CV and a cover letter.\n"
    )
    edited = write_posting(text, {"deadline": date(2027, 3, 1)})
    assert edited == "---\ndeadline: 2027-03-01\n---\n\n" + text
    assert _read(edited)[0].deadline == date(2027, 3, 1)

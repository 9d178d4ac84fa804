"""A list asked of two organisations ("any kelp or puffin jobs?", "puffin and gull
openings"): the postings of each, not the first one's alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pagestore import app_of

from bot.app import App
from bot.search import org_slug, organizations_named

TODAY = date(2026, 5, 4)
ORGS = ["Kelp Data Trust", "Puffin Museum", "Gull Group"]


def _posting(slug: str, title: str, org: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: {org}
tags: [jobs]
---
{org} is hiring a {title}. Apply by 30 June 2026 to jobs@{slug}.example.org.
""",
    )


PAGES = dict(
    [
        _posting("kelp", "Data Steward", "Kelp Data Trust"),
        _posting("puffin", "Registrar", "Puffin Museum"),
        _posting("gull", "Research Specialist", "Gull Group"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("two-orgs"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("any kelp or puffin jobs?", ["Data Steward", "Registrar"]),
        ("puffin museum and gull group openings", ["Registrar", "Research Specialist"]),
        ("any kelp jobs", ["Data Steward"]),
    ],
)
def test_each_organisation_named_lists_its_postings(
    app: App, question: str, titles: list[str]
) -> None:
    assert sorted(p.title for p in app.ask(question).postings) == sorted(titles)


def test_organisations_named_in_order_each_once() -> None:
    said = "is kelp data trust or the puffin museum hiring, or kelp again?"
    assert organizations_named(said, ORGS) == ["kelp", "puffin"]
    assert organizations_named("any jobs?", ORGS) == []


@given(
    st.lists(st.sampled_from(ORGS), max_size=4),
    st.lists(st.sampled_from(["or", "and", "any", "jobs", ",", "the", "hiring?"]), max_size=4),
)
def test_every_name_said_is_found_once(names: list[str], filler: list[str]) -> None:
    words: list[str] = []
    for i, name in enumerate(names):
        words += [name, *(filler[i : i + 1])]
    expected = list(dict.fromkeys(org_slug(n) for n in names))
    assert organizations_named(" ".join(words), ORGS) == expected

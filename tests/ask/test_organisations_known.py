""" "Which organisations do you know?": every organisation of a posting or an FAQ page, the
most open postings first, with its count and FAQ shortcut; "which companies are hiring?"
is still the count of who is hiring."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 5, 4)


def _job(slug: str, title: str, org: str, deadline: str) -> tuple[str, str]:
    return (
        f"jobs/2026-04-10-{slug}.md",
        f"""---
title: {title}
date: 2026-04-10
organization: {org}
location: Leeds
---
{org} seeks a {title.lower()}. Apply by {deadline} to jobs@{slug}.example.org.
""",
    )


PAGES = dict(
    [
        _job("heron-archivist", "Archivist", "Heron Libraries", "30 May 2026"),
        _job("heron-cataloguer", "Cataloguer", "Heron Libraries", "31 May 2026"),
        _job("ouzel-curator", "Curator", "Ouzel Museum", "20 April 2026"),  # closed
        (
            "faq/wren-consortium.md",
            """---
title: Wren Consortium FAQ
layout: faq
organization: Wren Consortium
---
## How do we join the Wren Consortium?

Write to join@wren.example.org; membership costs EUR 900 a year.
""",
        ),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("orgs"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    ["list all organisations", "which organisations do you know?", "what companies are there?"],
)
def test_the_organisations_known_are_listed_with_counts_and_shortcuts(
    app: App, question: str
) -> None:
    lines = app.ask(question).text.splitlines()
    assert lines[0] == "Organisations I know (3), the most open postings first:"
    assert lines[1:] == [
        "• Heron Libraries: 2 open postings",
        "• Ouzel Museum: no open posting",
        "• Wren Consortium: no open posting · FAQ: `/wren`",
    ]


def test_who_is_hiring_is_still_the_count_of_open_postings(app: App) -> None:
    text = app.ask("which companies are hiring?").text
    assert text.splitlines()[1:] == ["• Heron Libraries: 2"]

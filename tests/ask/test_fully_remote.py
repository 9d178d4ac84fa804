"""Remote with no office beside it: "fully remote jobs", "I can only work from home" leave out
the hybrid postings that "remote jobs" lists (two days in an office, the rest from home)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = dict(
    [
        located_posting("archivist", "Archivist", "Remote (anywhere in the UK)"),
        located_posting(
            "cataloguer", "Cataloguer", "Leeds, UK (hybrid: two days a week in the office)"
        ),
        located_posting("curator", "Curator", "York, UK (on site)"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("fully-remote"), PAGES, TODAY) as application:
        yield application


def _titles(app: App, asked: str) -> set[str]:
    return {p.title for p in app.ask(asked).postings}


@pytest.mark.parametrize(
    "asked",
    [
        "fully remote jobs",
        "any 100% remote roles?",
        "I can only work from home, anything for me?",
        "jobs that are completely remote please",
    ],
)
def test_fully_remote_leaves_out_hybrid_postings(app: App, asked: str) -> None:
    assert _titles(app, asked) == {"Archivist"}


def test_remote_and_hybrid_still_list_what_they_did(app: App) -> None:
    assert _titles(app, "remote jobs") == {"Archivist", "Cataloguer"}
    assert _titles(app, "hybrid jobs") == {"Cataloguer"}
    # "all" of "/jobs all remote" is every posting, closed ones too, not "all remote"
    assert _titles(app, "/jobs all remote") == {"Archivist", "Cataloguer"}

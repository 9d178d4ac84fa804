"""A question about one year is answered by a page of that year, whether the year is in its
words or only in its date: news pages say "this month", not the year."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

from bot.app import App


def _news(day: str, title: str, text: str) -> str:
    return f"---\nlayout: post\ntitle: '{title}'\ndate: '{day}'\n---\n{text}\n"


PAGES = {
    "_posts/2021-03-02-welcome-ines.md": _news(
        "2021-03-02",
        "Welcome to the Harbour Archive Network team, Ines!",
        "The Harbour Archive Network is pleased to welcome Ines Duarte to the team. Ines "
        "joined the Harbour Archive Network as metadata librarian last month.",
    ),
    "_posts/2023-09-14-welcome-tomas.md": _news(
        "2023-09-14",
        "Welcome to the Harbour Archive Network team, Tomas!",
        "The Harbour Archive Network is pleased to welcome Tomas Lind, who joined the "
        "Harbour Archive Network as systems developer this summer.",
    ),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    root: Path = tmp_path_factory.mktemp("years")
    with app_of(root, PAGES, date(2024, 1, 10)) as application:
        yield application


@pytest.mark.parametrize(("year", "name"), [(2021, "Ines Duarte"), (2023, "Tomas Lind")])
def test_the_page_of_the_year_asked_answers(app: App, year: int, name: str) -> None:
    reply = app.ask(f"who joined the harbour archive network in {year}?")
    assert reply.passages, reply.text
    assert name in reply.passages[0].passage.text
    assert reply.passages[0].passage.posted is not None
    assert reply.passages[0].passage.posted.year == year


def test_a_year_no_page_is_of_is_not_answered_by_another_year(app: App) -> None:
    reply = app.ask("who joined the harbour archive network in 2022?")
    assert not reply.passages
    assert reply.text.startswith("I don't know")

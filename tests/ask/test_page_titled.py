"""A page named by its title's words in a row: "how much money can I get from the open
images fund?" is asked of "Wren Open Images Fund", though each word alone is said by a
gallery's news too ("a budget of €12.5 million", "open access to the gallery's images");
the news answers nothing of the fund, first or second."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of
from wrenpages import WREN_PAGES

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    **WREN_PAGES,
    "news/2026-08-01-gallery-budget.md": """---
title: "Ostmark City Gallery announces its budget"
date: 2026-08-01
tags: [news]
---
Ostmark City Gallery will receive a budget of €12.5 million next year, mostly for
its new wing.

Money from the city will also pay for open access to the gallery's images: €400.000 over two years.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("titled"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "how much money can i get from the open images fund?",
        "how much money does the open images fund give?",
        "what is the budget of the open images fund?",
        "how much funding does the open images fund give out?",
    ],
)
def test_the_page_titled_by_the_words_answers_alone(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "€8.000" in reply.text
    assert "Ostmark" not in reply.text


def test_the_news_answers_what_it_says(app: App) -> None:
    """The news is named by its own title's words ("Ostmark City Gallery")."""
    reply = app.ask("what budget will ostmark city gallery receive?")
    assert "€12.5 million" in reply.text

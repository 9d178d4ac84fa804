"""How much money or funding is asked by a sum: "how much money can a project get?" is
answered by "Each library is granted between €1.500 and €6.000", though the page never says
"money" (and no reply says it does not)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "news/2026-10-05-brackwater-grants.md": """---
title: "Brackwater Foundation opens its 2027 digitising grants"
date: 2026-10-05
tags: [funding]
---
The Brackwater Foundation helps village libraries scan their local newspapers.

Each library is granted between €1.500 and €6.000, paid in two parts.

Bids are read by a panel of librarians; the round closes on 28 February 2027.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("money"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    "question",
    [
        "how much money can a library get from brackwater?",
        "how much money does the brackwater foundation give?",
        "how much funding is each library granted by brackwater?",
    ],
)
def test_the_sum_answers_how_much_money(app: App, question: str) -> None:
    reply = app.ask(question)
    assert "between €1.500 and €6.000" in reply.text
    assert "does not say" not in reply.text

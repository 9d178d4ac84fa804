"""On an organisation's own page, the sentence that answers holds what is asked beyond the
organisation's name: "how is the Heron Print Society funded?" is answered by "It is funded
by its members' dues", not by "The Heron Print Society was founded in 1998", which repeats
the name and nothing asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "about-heron-print-society.md": """---
title: About us
organization: Heron Print Society
layout: page
---

The Heron Print Society was founded in 1998 by a group of printmakers in Bristol who
wanted to keep the Heron Print Society archive of woodblocks together. The archive now holds
some 4,000 blocks, from trade cards to posters, and a library of printing manuals that
members may borrow; volunteers catalogue a drawer of blocks every week.

The society is governed by a council of five members. It is funded by its members' dues
and by a grant from the city council. Its newsletter appears in spring and autumn, with
news of exhibitions, workshops and the archive's latest finds.
""",
    "grebe-fund.md": """---
title: Grebe Printmaking Fund
organization: Grebe Trust
layout: page
---

The Grebe Printmaking Fund gives grants of up to £2,000 to printmakers in the west of
England.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("beyond-the-name"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how is the heron print society funded?", "funded by its members' dues"),
        ("who governs the heron print society?", "council of five"),
        ("when does the heron print society newsletter appear?", "spring and autumn"),
        ("can heron print society members borrow books?", "members may borrow"),
    ],
)
def test_the_sentence_holding_what_is_asked_answers(app: App, question: str, said: str) -> None:
    first = next(line for line in app.ask(question).text.splitlines() if line.startswith(">"))
    assert said in first
    assert "founded in 1998" not in first

"""A bulleted FAQ asks its questions in the text ("- **Where is the guild based?** Our
workshop is in Gouda."): the question announces the sentences after it, up to the next
question, so the place, the sum or the day asked is its answer's, not another bullet's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "tern-bookbinders-guild-faq.md": """---
title: Questions people ask us
organization: Tern Bookbinders Guild
layout: page
---

Short answers to what newcomers ask the guild.

- **Can anyone use the guild's presses?** Yes. Members book the presses through the guild's
  calendar; newcomers get a short safety talk first.
- **Where is the guild based?** Our workshop is in Gouda, above the old weigh house.
- **Does the guild run courses?** The guild runs weekend courses in binding and marbling for
  beginners and for members.
- **What does a weekend course cost?** A place costs €85, materials included.
- **Is the guild's library open to visitors?** The guild's library of binding manuals is
  open to members only.
""",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("bulleted-faq"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("where is the tern bookbinders guild based?", "Gouda"),
        ("where is the tern guild's workshop?", "Gouda"),
        ("how much is a tern guild weekend course?", "€85"),
    ],
)
def test_the_question_in_the_text_announces_its_answer(app: App, question: str, said: str) -> None:
    """The quote is the bullet's question and its answer, not the next bullet's question,
    and the guild's own name is no word its page is silent on."""
    text = app.ask(question).text
    first = next(line for line in text.splitlines() if line.startswith(">"))
    assert said in first
    assert first.startswith("> Where is the guild based?") or first.startswith(
        "> What does a weekend course cost?"
    )
    assert "does not say" not in text

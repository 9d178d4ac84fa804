"""A page named by its title's words in a row: "how much money can I get from the open
images fund?" is asked of "Wren Open Images Fund", though each word alone is said by a
gallery's news too ("a budget of €12.5 million", "open access to the gallery's images");
the news answers nothing of the fund, first or second."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pagestore import app_of

from bot.app import App

TODAY = date(2026, 11, 20)

PAGES = {
    "wren-faq.md": """---
title: Wren Image Alliance FAQ
organization: Wren Image Alliance
layout: page
---

## What is the Wren Image Alliance?

The Wren Image Alliance is a group of galleries and libraries that share image tools.

## How can my gallery join the Wren Image Alliance?

Galleries join by signing the alliance agreement; write to hello@wren-alliance.org to start.

## Why join?

Benefits of joining the alliance include:

- a vote on the technical roadmap
- reduced fees at the yearly meeting
- help from the community team

## Does the alliance hire staff?

The alliance has a small staff; open posts are listed on our jobs page.
""",
    "news/2026-10-03-wren-hire.md": """---
title: "Wren Image Alliance hires a community lead"
date: 2026-10-03
tags: [news]
---
The Wren Image Alliance has hired Tomas Quill as community lead.
Tomas will help museums become alliance-compatible and will run the yearly meeting.
""",
    "events/2026-09-10-wren-meeting-cfp.md": """---
title: "Wren yearly meeting 2027: call for talks"
date: 2026-09-10
tags: [conference]
---
The Wren yearly meeting 2027 takes place in Lyon on 12-14 May 2027.

We invite talks of 15 minutes and lightning talks of 5 minutes.
Submissions are due by 31 January 2027 through the meeting's form.
""",
    "wren-fund.md": """---
title: Wren Open Images Fund
organization: Wren Image Alliance
layout: page
---

The Wren Open Images Fund helps small galleries publish their images openly.
Each grant is worth up to €8.000, and the fund awards twelve grants a year.

Applications are read by a panel of three members.
""",
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

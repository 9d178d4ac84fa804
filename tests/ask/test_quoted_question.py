"""A question quoted back in a reply ("No postings match “…”", "I don't know: … “…”") shows the
asker's words as written: their asterisks, backticks and brackets are not the reply's
Markdown. The command a "More" button runs keeps them unescaped, since it is run, not shown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from markdown_it import MarkdownIt
from pagestore import app_of

from bot.app import App
from bot.present import literal

TODAY = date(2026, 5, 4)

PAGES = {
    f"jobs/2026-04-{10 + i}-kelp-{i}.md": f"""---
title: Kelp Role {i}
date: 2026-04-{10 + i}
organization: Kelp Data Trust
tags: [jobs]
---
A remote role. Apply by 30 May 2026 to role{i}@kelp.example.org.
"""
    for i in range(8)
}

_MD = MarkdownIt("commonmark", {"html": False})


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with app_of(tmp_path_factory.mktemp("quoted"), PAGES, TODAY) as application:
        yield application


def _first_line_html(text: str) -> str:
    return _MD.render(text.split("\n")[0])


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("any `rust` jobs with *good* pay", "any `rust` jobs with *good* pay"),
        ("jobs at [kelp](https://evil.example)", "jobs at [kelp](https://evil.example)"),
        ("what is the *weather* like on __mars__", "what is the *weather* like on __mars__"),
        (
            "is there a <b>bonus</b> & a ~~car~~",
            "is there a &lt;b&gt;bonus&lt;/b&gt; &amp; a ~~car~~",
        ),
    ],
)
def test_the_question_quoted_back_is_shown_as_written(app: App, question: str, shown: str) -> None:
    html = _first_line_html(app.ask(question).text)
    assert f"“{shown}”" in html
    assert "<em>" not in html and "<code>" not in html and "<a " not in html


def test_a_listing_heads_with_the_question_as_written_and_pages_on_with_it_unescaped(
    app: App,
) -> None:
    reply = app.ask("remote jobs at *kelp*")
    assert "“remote jobs at *kelp*”" in _first_line_html(reply.text)
    assert "ask remote jobs at *kelp* (page 2)" in [a.value for a in reply.actions]


@pytest.mark.parametrize("text", ["*a* `b` [c](d) <e> f_g \\ & ~ |", "plain words, $5 and 50%?"])
def test_literal_renders_back_to_its_text(text: str) -> None:
    html = _MD.renderInline(literal(text))
    unescaped = html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == text


@pytest.mark.parametrize(
    "question", ["I need a job", "Any Remote Jobs at Kelp?", "Remote Jobs?", "IS KELP HIRING?"]
)
def test_the_first_word_is_quoted_as_typed(app: App, question: str) -> None:
    """The first word is looked up as a command in lower case; a question is still quoted
    with it as written ("i need a job" quoted the pronoun in lower case)."""
    reply = app.ask(question)
    assert f"“{question}”" in reply.text, reply.text

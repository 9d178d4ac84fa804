"""A place with no posting in it, but remote postings its people may take: the reply says
there are none there (the place asks where the work is) and offers the remote ones."""

from __future__ import annotations

from datetime import date

import pytest
from pagestore import app_of, located_posting

from bot.app import App

TODAY = date(2026, 5, 4)

PAGES = dict(
    [
        located_posting("cataloguer", "Cataloguer", "Leeds, UK"),
        located_posting("archivist", "Archivist", "Remote (anywhere in Europe)"),
        located_posting("developer", "Developer", "Remote (within the United States)"),
        located_posting("curator", "Curator", "Lyon, France (on site)"),
    ]
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    with app_of(tmp_path_factory.mktemp("remote-from"), PAGES, TODAY) as application:
        yield application


@pytest.mark.parametrize(
    ("asked", "offered"),
    [
        ("any jobs in the netherlands?", "remote jobs in Netherlands"),
        ("is anyone hiring in berlin?", "remote jobs in Berlin"),
        ("archivist jobs in portugal", "remote archivist jobs in Portugal"),
        ("jobs in texas", "remote jobs in Texas"),
    ],
)
def test_none_there_but_remote_ones_are_offered(app: App, asked: str, offered: str) -> None:
    reply = app.ask(asked)
    assert reply.postings == ()
    assert reply.text.startswith("No postings in ")
    assert "1 remote posting is open to people in " in reply.text
    assert f"ask “{offered}”" in reply.text
    assert reply.actions[0].value == f"ask {offered}"
    listed = app.ask(offered)
    assert len(listed.postings) == 1 and listed.postings[0].location.startswith("Remote")


@pytest.mark.parametrize(
    "asked", ["any jobs in chile?", "onsite jobs in germany", "remote jobs in japan"]
)
def test_nothing_is_offered_when_no_remote_posting_is_open_there(app: App, asked: str) -> None:
    reply = app.ask(asked)
    assert reply.postings == ()
    assert "remote posting" not in reply.text

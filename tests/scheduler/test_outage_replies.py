"""What a person is told while the database is away: that Herald cannot reach it, never
"something went wrong" nor a half-done command, and answers again once it is back.

The outage is real (``outage.py``): PostgreSQL behind a proxy that is cut, SQLite with its
write lock held by another connection (reads go on, as WAL allows; writes wait and fail).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from outage import Outage
from schedfakes import MONDAY, posting_doc, publish, settings
from sqlalchemy.exc import DBAPIError

from bot.app import App
from bot.store import Store
from bot.store.deliveries import Subscriptions
from bot.store.store import UNAVAILABLE, is_outage


@pytest.fixture
def outage(store: Store) -> Iterator[Outage]:
    down = Outage(store)
    yield down
    down.close()


def test_during_an_outage_a_person_is_told_so_and_nothing_is_half_done(
    store: Store, outage: Outage, caplog: pytest.LogCaptureFixture
) -> None:
    doc = posting_doc("p1", title="Digital Archivist", organization="DataCite", remote=True)
    publish(store, MONDAY, doc)
    app = App(settings=settings(), store=outage.store, clock=lambda: MONDAY)

    def ask(line: str) -> str:
        reply = app.ask(line, platform="slack", user="U1")
        assert reply.error_id is None, reply.text  # never "something went wrong"
        return reply.text

    assert "Digital Archivist" in ask("is datacite hiring?")
    outage.cut()
    try:
        with caplog.at_level(logging.WARNING):
            asked = ask("is datacite hiring?")
            subscribed = ask("/jobs subscribe remote")
    finally:
        outage.restore()
    if store.dialect == "postgresql":
        assert asked == UNAVAILABLE
    else:  # reads go on; only the question log waited, and an answer matters more
        assert "Digital Archivist" in asked
        assert "question not logged: the database is unavailable" in caplog.text
    assert subscribed == UNAVAILABLE
    assert Subscriptions(store).all() == []  # the subscription was not half-written
    assert "database unavailable" in caplog.text  # and the cause is in the log

    assert "Digital Archivist" in ask("is datacite hiring?")
    ask("/jobs subscribe remote")
    assert [s.filters_text for s in Subscriptions(store).all()] == ["remote"]


def test_a_statement_that_is_wrong_is_no_outage(store: Store) -> None:
    """Only a database that is away or busy is reported as such: a missing table is a bug
    to log with its traceback, not something to try again in a minute."""
    with pytest.raises(DBAPIError) as raised, store.transaction(write=False) as session:
        session.connection().exec_driver_sql("SELECT * FROM no_such_table")
    assert not is_outage(raised.value)
    assert "no_such_table" in str(raised.value)

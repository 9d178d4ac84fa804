"""Small named values adapters keep across restarts, such as the Matrix sync token.

Each call is one short transaction, so a value written before a crash is there after it.

Example::

    state = StateStore(store)
    token = state.get("matrix:@herald:example.org:next_batch")   # None the first time
    state.set("matrix:@herald:example.org:next_batch", "s72594_4483_1934")
    first = state.claim("slack:event:Ev0123", now)                 # False for a repeat
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.sql.expression import Executable

from bot.store.store import Store

logger = logging.getLogger(__name__)

MAX_KEY_LENGTH = 200

_metadata = MetaData()
# Created by migration 0002; described here with Core because it is no domain value.
state_table = Table(
    "state",
    _metadata,
    Column("key", String(MAX_KEY_LENGTH), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
)


class StateStore:
    """get/set/delete of text values by key, on SQLite and PostgreSQL alike."""

    def __init__(self, store: Store) -> None:
        # Store keeps its engine private; a public accessor would be the cleaner door.
        self._engine: Engine = store._engine

    def get(self, key: str) -> str | None:
        with self._engine.connect() as connection:
            value = connection.execute(
                select(state_table.c.value).where(state_table.c.key == _checked(key))
            ).scalar_one_or_none()
        return value

    def set(self, key: str, value: str) -> None:
        """Insert or replace, atomically (an upsert, so two writers cannot collide). One
        statement is its own transaction: on PostgreSQL it runs without BEGIN and COMMIT
        (every list Herald shows is remembered with it: 0.8 ms a list, 0.4 without them and
        with the statement built once)."""
        dialect = self._engine.dialect.name
        values = {"key": _checked(key), "value": value}
        if dialect == "postgresql":
            with self._engine.connect() as connection:
                alone = connection.execution_options(isolation_level="AUTOCOMMIT")
                alone.execute(_upsert(dialect), values)
        else:
            with self._engine.begin() as connection:
                connection.execute(_upsert(dialect), values)

    def claim(self, key: str, now: datetime) -> bool:
        """Record ``key`` unless it is already there; True for the one caller that did.

        One atomic insert, so of several processes (replicas) claiming the same key at the
        same moment exactly one gets True: what makes a redelivered Slack event run once.
        """
        row = {"key": _checked(key), "value": "", "updated": now}
        statement: Executable
        if self._engine.dialect.name == "postgresql":
            pg = postgresql.insert(state_table).values(**row).on_conflict_do_nothing()
            statement = pg.returning(state_table.c.key)
        else:
            lite = sqlite.insert(state_table).values(**row).on_conflict_do_nothing()
            statement = lite.returning(state_table.c.key)
        # RETURNING says whether the row went in (psycopg's rowcount may be -1 here)
        with self._engine.begin() as connection:
            return connection.execute(statement).first() is not None

    def forget(self, prefix: str, before: datetime) -> int:
        """Delete the keys starting with ``prefix`` last written before ``before``."""
        statement = delete(state_table).where(
            state_table.c.key.startswith(prefix, autoescape=True),
            state_table.c.updated < before,
        )
        with self._engine.begin() as connection:
            return connection.execute(statement).rowcount

    def delete(self, key: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(state_table).where(state_table.c.key == _checked(key)))


@cache
def _upsert(dialect: str) -> Executable:
    """``set``'s statement, built once per dialect with the key and value bound."""
    row: dict[str, Any] = {"key": bindparam("key"), "value": bindparam("value")}
    row["updated"] = func.current_timestamp()
    if dialect == "postgresql":
        pg = postgresql.insert(state_table).values(**row)
        return pg.on_conflict_do_update(
            index_elements=[state_table.c.key],
            set_={"value": pg.excluded.value, "updated": pg.excluded.updated},
        )
    lite = sqlite.insert(state_table).values(**row)
    return lite.on_conflict_do_update(
        index_elements=[state_table.c.key],
        set_={"value": lite.excluded.value, "updated": lite.excluded.updated},
    )


def _checked(key: str) -> str:
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValueError(f"state keys are 1 to {MAX_KEY_LENGTH} characters long")
    return key

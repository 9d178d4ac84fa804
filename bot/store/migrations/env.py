"""Alembic environment: runs on the connection ``bot.store.migrate`` hands over.

Configured programmatically (no alembic.ini), so it works from an installed package.
Offline (SQL script) mode is not supported: the FTS DDL differs per dialect anyway.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=None,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("bot.store.migrate passes a connection or sets sqlalchemy.url")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("Herald migrations run online only (use `herald db upgrade`)")
run_migrations_online()

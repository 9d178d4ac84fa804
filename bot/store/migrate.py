"""Running the Alembic migrations without an alembic.ini, so an installed package can migrate."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config pointing inside the package; ``connection`` is used by env.py when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str | None:
    """The newest migration of this package (read from its files once per process)."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a database already there is left untouched, after
    one read of its version: every ``herald ask`` opens the store this way, and Alembic's
    own upgrade loads its environment and every migration module even when none is due."""
    wanted = head_revision() if revision == "head" else revision
    if current_revision(engine) == wanted:
        return
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    logger.info("database schema at %s", current_revision(engine))

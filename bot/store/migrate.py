"""Running the Alembic migrations without an alembic.ini, so an installed package can migrate.

Every CLI command migrates first, so a database already at the newest revision is recognised
without importing Alembic (a sixth of ``herald ask``'s start-up): the revision ids are read
from the migration files and the database's ``alembic_version`` row with one query. Anything
unusual (branches, a file that does not parse, no version table) goes to Alembic itself.
"""

from __future__ import annotations

import ast
import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.domain import SchemaUnknown

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config pointing inside the package; ``connection`` is used by env.py when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str | None:
    """The newest migration of this package (read from its files once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def shipped_head() -> str | None:
    """The newest revision among the migration files, read without Alembic; None when the
    files are not one plain chain (branches, labels, a file that does not parse)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    migrations = _migrations()
    if migrations is None:
        return None
    for values in migrations:
        revision, down = values.get("revision"), values.get("down_revision")
        labelled = values.get("branch_labels") is not None or values.get("depends_on") is not None
        if not isinstance(revision, str) or labelled:
            return None
        revisions.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif down is not None:  # a merge point: let Alembic read the graph
            return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _migrations() -> list[dict[str, object]] | None:
    """Each migration file's revision assignments; None when a file cannot be read so."""
    found = []
    for path in (MIGRATIONS / "versions").glob("*.py"):
        try:
            found.append(_assignments(path))
        except (OSError, SyntaxError, ValueError):
            return None
    return found


_NAMES = frozenset({"revision", "down_revision", "branch_labels", "depends_on"})


def _assignments(path: Path) -> dict[str, object]:
    """The module-level ``revision = "0009"``-style assignments Alembic reads."""
    values: dict[str, object] = {}
    target: ast.expr
    value: ast.expr | None
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in _NAMES and value is not None:
            values[target.id] = ast.literal_eval(value)
    return values


def at_head(engine: Engine) -> bool:
    """Whether the database is at the newest shipped revision (False when unsure)."""
    head = shipped_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return False  # no version table yet: a new database
    return [row[0] for row in rows] == [head]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a database already there is left untouched, after
    one read of its version: every ``herald ask`` opens the store this way, and Alembic's
    own upgrade loads its environment and every migration module even when none is due."""
    if revision == "head" and at_head(engine):
        return  # known without importing Alembic at all
    wanted = head_revision() if revision == "head" else revision
    current = current_revision(engine)
    if current == wanted:
        return
    shipped = _migrations()
    if current is not None and shipped is not None:
        if current not in {values.get("revision") for values in shipped}:
            raise SchemaUnknown(
                f"the database's schema is at revision {current}, which this Herald does not "
                f"know (it knows up to {head_revision()}): it was written by another version "
                "of Herald. Run that version, or point HERALD_DATABASE_URL at another database."
            )
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    logger.info("database schema at %s", current_revision(engine))

"""The database-side readings of ``/healthz`` and ``/metrics``: reachability, schema, deliveries.

Example::

    ping(store)                              # raises SQLAlchemyError when unreachable
    current, head = schema_revisions(store)  # ("0007", "0007") when migrations are current
    delivery_counts(store)                   # {"pending": 2, "sent": 40, ...}
"""

from __future__ import annotations

from sqlalchemy import func, select, text

from bot.store import migrate
from bot.store.scheduling_models import DeliveryRow
from bot.store.store import Store

DELIVERY_STATES = ("pending", "sending", "sent", "failed", "skipped")


def ping(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def schema_revisions(store: Store) -> tuple[str | None, str | None]:
    """(the database's Alembic revision, the newest this code ships)."""
    return migrate.current_revision(store.engine), migrate.head_revision()


def delivery_counts(store: Store) -> dict[str, int]:
    """Deliveries by state; every known state is present, zero when none has it."""
    counts = dict.fromkeys(DELIVERY_STATES, 0)
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
        )
        for status, count in rows:
            counts[str(status)] = int(count)
    return counts

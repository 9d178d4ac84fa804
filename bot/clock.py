"""Time as a dependency: logic takes ``now``; only the composition root asks the real clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime | date) -> Clock:
    """A clock frozen at ``moment``; a bare date means noon UTC, that day everywhere."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12, 0), tzinfo=UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    frozen = moment
    return lambda: frozen

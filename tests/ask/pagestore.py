"""A store of pages written for a test module, loaded the way Herald loads a content folder
(imported by name: pytest puts each test folder on the path, as for ``cmdfakes``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from bot.app import App, build
from bot.clock import fixed_clock
from bot.config import Settings


@contextmanager
def app_of(root: Path, pages: Mapping[str, str], today: date) -> Iterator[App]:
    """Herald on SQLite under ``root``, its content folder holding ``pages`` (path → text),
    loaded without a failure, answering as on ``today``."""
    content = root / "content"
    for name, text in pages.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = Settings(database_url=f"sqlite:///{root / 'herald.db'}", content_dir=content)
    application = build(settings, clock=fixed_clock(today))
    try:
        assert not application.prepare().failed
        yield application
    finally:
        application.close()

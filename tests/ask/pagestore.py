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


def located_posting(slug: str, title: str, where: str) -> tuple[str, str]:
    """A page of one posting of Heron Libraries at ``where``, posted 2026-04-20 and open to
    30 June 2026: (path, text), for a module's pages where only the place differs."""
    return (
        f"jobs/2026-04-20-{slug}.md",
        f"""---
title: {title}
date: 2026-04-20
organization: Heron Libraries
tags: [jobs]
location: {where}
---
Heron Libraries is hiring a {title}.

Apply by 30 June 2026 to jobs@heron.example.org.
""",
    )

"""An admin test bench: a content folder written by the test, the real store and router,
a clock the test moves, and a recording outbox for the scheduler.

Fakes, not mocks: commands go through ``App.handle`` exactly as an adapter's would, the files
are real files, and the outbox records what would have reached a channel.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import App
from bot.commands import Platform, Reply, Request
from bot.config import Settings
from bot.domain import Posting
from bot.store import Store

# Monday 23 November 2026, 10:00 UTC.
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ADMIN_SLACK = "U0ADMIN"
ADMIN_MATRIX = "@editor:example.org"

ARCHIVIST = """---
title: "Metro Archive is hiring a Digital Archivist"
date: 2026-11-02
organization: Metro Archive
location: Leiden
tags: [jobs]  # shown on the jobs page
---

The Metro Archive seeks a digital archivist to look after its born-digital collections and
to help researchers find their way through them.

Applications close on 15 January 2027. Please write to jobs@metro-archive.example.org with a
letter and a CV.
"""

DEVELOPER = """---
title: "Open Maps Lab is hiring a Frontend Developer"
date: 2026-11-10
organization: Open Maps Lab
tags: [jobs]
---

Open Maps Lab builds map viewers for heritage collections. The team is fully remote and
spread over Europe.

Send your application to careers@openmaps.example.org by 1 February 2027.
"""

TWO_OPENINGS = """---
title: "Two openings at the Coastal Museum"
date: 2026-11-05
organization: Coastal Museum
tags: [jobs]
---

The Coastal Museum has two openings.

## Current openings

- [Registrar](#registrar)
- [Conservator](#conservator)

## Registrar

Keeps the records of the collection. Apply by 10 January 2027 to hr@coastal.example.org.

## Conservator

Cares for paper and textiles. Apply by 20 January 2027 to hr@coastal.example.org.
"""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class FakeOutbox:
    """Records every message that reached a target, with the delivery keys it carried."""

    name: str = "console"
    sent: list[tuple[str, Reply]] = field(default_factory=list)
    marks: set[tuple[str, str]] = field(default_factory=set)

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        self.sent.append((target, reply))
        self.marks.update((target, key) for key in keys)

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        return {key for key in keys if (target, key) in self.marks}


def make_settings(content: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": "sqlite:///:memory:",  # unused: the bench hands the store in
        "content_dir": content,
        "timezone": "UTC",
        "admins": [ADMIN_SLACK, ADMIN_MATRIX],
        "digest_weekday": None,
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class Bench:
    app: App
    clock: Clock
    content: Path

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def settings(self) -> Settings:
        return self.app.settings

    def ask(
        self,
        line: str,
        *,
        platform: Platform = "console",
        user: str = "console",
        channel: str = "C1",
        platform_admin: bool = False,
    ) -> Reply:
        request = Request.from_line(line, platform=platform, user=user, channel=channel)
        if platform_admin:
            request = replace(request, user_is_platform_admin=True)
        return self.app.handle(request)

    def posting(self, posting_id: str) -> Posting:
        found = self.store.get_posting(posting_id)
        assert found is not None, posting_id
        return found

    def file(self, source: str) -> Path:
        return self.content / source

    def snapshot(self) -> dict[str, str]:
        """Every file under the content folder with its hash: what "nothing changed" means."""
        return {
            str(p.relative_to(self.content)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.content.rglob("*"))
            if p.is_file()
        }


def write_content(folder: Path) -> None:
    postings = folder / "postings"
    postings.mkdir(parents=True)
    (postings / "2026-11-02-metro-digital-archivist.md").write_text(ARCHIVIST, encoding="utf-8")
    (postings / "2026-11-10-openmaps-frontend-developer.md").write_text(DEVELOPER, encoding="utf-8")
    (postings / "2026-11-05-coastal-two-openings.md").write_text(TWO_OPENINGS, encoding="utf-8")


def token_of(reply: Reply) -> str:
    """The token of a preview's Confirm button."""
    for action in reply.actions:
        if action.label == "Confirm":
            return action.value.split()[-1]
    raise AssertionError(f"no Confirm action in: {reply.text}")


def shown_id(reply: Reply) -> str:
    for action in reply.actions:
        if action.label == "Show":
            return action.value.split()[-1]
    raise AssertionError(f"no Show action in: {reply.text}")


def find(bench: Bench, words: str) -> Posting:
    """The one stored posting whose title contains ``words`` (ids come from the loader)."""
    found = [p for p in bench.store.all_postings() if words.lower() in p.title.lower()]
    assert len(found) == 1, [p.title for p in found]
    return found[0]

"""The composition root: the one place where settings, store, clock and handlers meet.

Example::

    app = build(Settings(database_url="sqlite:///herald.db"))
    app.prepare()                     # migrate, then sync the content folder
    reply = app.ask("/jobs remote")
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from bot.clock import Clock, system_clock
from bot.commands import Context, Platform, Reply, Request, Router
from bot.config import Settings
from bot.domain import LoadReport
from bot.metrics import Metrics, intent_of
from bot.store import Store
from bot.store.deliveries import PersonalReminders, Subscriptions
from bot.store.questions import QuestionStore
from bot.store.shown import ShownLists
from handlers import admin, ask, faq, jobs, subscriptions

if TYPE_CHECKING:
    from bot.sources import Sources

logger = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]


@dataclass
class App:
    settings: Settings
    store: Store
    clock: Clock = system_clock
    router: Router = field(default_factory=lambda: build_router(), repr=False)
    metrics: Metrics = field(default_factory=Metrics, repr=False)
    _sources: Sources | None = field(default=None, init=False, repr=False)

    @property
    def sources(self) -> Sources:
        """The named sources (one object per App: it remembers when each was fetched)."""
        # the loader (parsers, extraction tables) is imported by the commands that load, only
        from bot.sources import Sources

        if self._sources is None:
            self._sources = Sources(self.store, self.settings, self.clock)
        return self._sources

    def context(self, request: Request) -> Context:
        """One Context per command: the clock is read once, so a reply is consistent."""
        return database_context(self.store, self.settings, self.clock(), request)

    def handle(self, request: Request) -> Reply:
        """Answer one request; never raises (the Router maps every error to a reply)."""
        started = time.perf_counter()
        reply = self.router.dispatch(request, self.context(request))
        self.metrics.served(
            intent_of(request, reply, self.router), reply, time.perf_counter() - started
        )
        return reply

    def ask(self, line: str, *, platform: Platform = "console", user: str = "console") -> Reply:
        return self.handle(Request.from_line(line, platform=platform, user=user, channel=platform))

    def prepare(self) -> LoadReport:
        """Migrate and sync the sources: what the embedded default does on start."""
        self.store.upgrade()
        return self.load()

    def load(
        self, root: Path | None = None, progress: ProgressFn | None = None, force: bool = False
    ) -> LoadReport:
        """Sync ``root`` as its own source (raising ``SyncRefused`` when it would withdraw
        more than half of it), or every configured source (one refused or failing is a
        failure line of the report); each withdraws only its own documents."""
        from bot.sources import merged

        if root is not None:
            source = self.sources.for_folder(root)
            return self.sources.sync(source, force=force, progress=progress)
        return merged(self.sources.sync_all(force=force, progress=progress))

    def close(self) -> None:
        self.store.close()


def database_context(store: Store, settings: Settings, now: datetime, request: Request) -> Context:
    """A Context whose question log, subscriptions and reminders are kept in ``store``."""
    return Context(
        store=store,
        settings=settings,
        now=now,
        request=request,
        questions=QuestionStore(store),
        subscriptions=Subscriptions(store),
        reminders=PersonalReminders(store),
        lists=ShownLists(store),
    )


def build_router() -> Router:
    """Every handler module's router under one root; help is generated from all of them."""
    root = Router()
    for module in (jobs, subscriptions, faq, admin, ask):
        root.include(module.router)
    return root


def build(settings: Settings, clock: Clock = system_clock) -> App:
    """Open the store named by the settings; SQLite files get their folder created."""
    secret = settings.database_url.get_secret_value()
    url = make_url(secret)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(secret)
    return App(settings=settings, store=store, clock=clock)

"""Fixtures for the Slack adapter: real content in a tmp store, a fake Slack, a served adapter.

The store holds the shared seeds plus postings generated here (one titled ``<!channel> hiring``,
others so that ``/jobs`` has more than one page); it is loaded once per session through
``sync_folder``, exactly as ``herald run`` loads a content folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from slackfakes import BOT_TOKEN, SIGNING_SECRET, FakeSlack, LoopThread

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.ingest import sync_folder
from bot.platforms.slack import SlackAdapter, config_from_settings
from bot.store import Store

TODAY = date(2022, 2, 1)

CHANNEL_POSTING = """---
title: "Job opening: <!channel> hiring a Data Steward"
layout: post
date: 2022-01-20
---
# <!channel> hiring a Data Steward @here <@U0SOMEONE> <!subteam^S123|team>

Example Lab & Friends seeks a Data Steward to look after research data. This is a remote
position; you can work from anywhere in Europe.

Applications close on February 20, 2022. To apply, send a letter to jobs@example.org.
"""

EXTRA_POSTING = """---
title: "Job opening: {title}"
layout: post
date: 2022-01-{day:02d}
---
# {title}

The {org} seeks a {title} to join its team in {city}. This is an on-site position.

Applications close on March {day}, 2022. Send your application to jobs@{slug}.example.org.
"""

EXTRAS = [
    ("Metadata Librarian", "Example Archive", "Leiden", "archive"),
    ("Research Software Engineer", "Example Institute", "Lyon", "institute"),
    ("Digital Preservation Officer", "Example Museum", "Turin", "museum"),
]


def write_content(folder: Path, seeds: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds.glob("*.md")):
        shutil.copyfile(seed, folder / seed.name)
    (folder / "example-lab-data-steward.md").write_text(CHANNEL_POSTING, encoding="utf-8")
    for day, (title, org, city, slug) in enumerate(EXTRAS, start=10):
        text = EXTRA_POSTING.format(title=title, org=org, city=city, slug=slug, day=day)
        (folder / f"{slug}-{day}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def content_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = tmp_path_factory.mktemp("slack")
    folder = write_content(root / "content", shared_dir / "seeds")
    store = Store.open(f"sqlite:///{root / 'herald.db'}")
    store.upgrade()
    report = sync_folder(store, folder, now=fixed_clock(TODAY)())
    assert not report.failed, report.failed
    yield store
    store.close()


@pytest.fixture(scope="session")
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.close()


@pytest.fixture
def fake(loop: LoopThread) -> Iterator[FakeSlack]:
    slack = FakeSlack()
    loop.run(slack.start())
    yield slack
    loop.run(slack.stop())


def slack_settings(fake: FakeSlack, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": "sqlite:///:memory:",
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_app_token": None,
        "slack_api_url": fake.api_url,
        "http_host": "127.0.0.1",
        "http_port": 0,
        "timezone": "UTC",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@dataclass
class Served:
    adapter: SlackAdapter
    app: App
    fake: FakeSlack
    loop: LoopThread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.adapter.port}/slack/events"


@pytest.fixture
def served(loop: LoopThread, fake: FakeSlack, content_store: Store) -> Iterator[Served]:
    settings = slack_settings(fake)
    app = App(settings=settings, store=content_store, clock=fixed_clock(TODAY))
    config = config_from_settings(settings)
    assert config is not None

    async def make() -> SlackAdapter:
        adapter = SlackAdapter(app, config)
        await adapter.start()
        return adapter

    adapter = loop.run(make())
    yield Served(adapter, app, fake, loop)
    loop.run(adapter.stop())

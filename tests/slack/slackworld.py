"""The Slack tests' world: the content they load and how an adapter is configured and served."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from slackfakes import BOT_TOKEN, SIGNING_SECRET, FakeSlack, LoopThread

from bot.app import App
from bot.config import Settings
from bot.domain import Posting
from bot.platforms.slack import SlackAdapter

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
    # enough open postings for a second page, now that undated old ones age out (Freshness)
    ("Web Archivist", "Example Library", "Ghent", "library"),
    ("Collections Data Manager", "Example Gallery", "Porto", "gallery"),
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


def make_posting(n: int, title: str) -> Posting:
    return Posting(
        id=f"generated-{n}",
        source=f"g{n}.md",
        position=0,
        title=title,
        organization="Example Lab",
        location="Leiden",
        remote=bool(n % 2),
        deadline=date(2022, 3, 1),
        deadline_inferred=False,
        open_until_filled=False,
        closed=False,
        salary=None,
        salary_min=None,
        salary_currency=None,
        contacts=(f"jobs{n}@example.org",),
        posted=None,
        body="",
        url=None,
        status="active",
    )


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

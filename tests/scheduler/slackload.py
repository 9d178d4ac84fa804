"""``herald run`` as a real process against the recording fake of the Web API.

Shared by the process-level tests and ``bench/bench_fanout.py``. ``FakeSlack`` is imported from
``tests/slack/slackfakes.py`` and only extended: a per-message delay (so a SIGKILL lands in
the middle of a fan-out) and Slack's "1 message per second per channel" limit, answered with
429 and Retry-After as Slack does.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from slackfakes import BOT_TOKEN, SIGNING_SECRET, Call, FakeSlack

from bot.clock import system_clock
from bot.delivery import Filters
from bot.store import Store
from bot.store.deliveries import Subscriptions

# the console script of the Python running the tests, wherever Herald is installed
HERALD = Path(sys.executable).parent / "herald"

POSTING = """---
title: "Job opening: {title}"
layout: post
date: 2026-11-20
---
# {title}

The Example Archive seeks a {title} to join its team in Leiden. This is an on-site position.

Applications close on March 10, 2031. Send your application to jobs@archive.example.org.
"""


class ThrottledSlack(FakeSlack):
    """FakeSlack whose chat.postMessage takes ``delay`` seconds and, with ``per_channel``,
    refuses a second message to a channel within that many seconds (429 + Retry-After)."""

    def __init__(self, *, delay: float = 0.0, per_channel: float | None = None) -> None:
        super().__init__()
        self.delay = delay
        self.per_channel = per_channel
        self._last: dict[str, float] = {}
        self.throttled = 0

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] != "chat.postMessage":
            return await super()._api(request)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.per_channel is not None:
            payload = await self._payload(request)
            channel = str(payload.get("channel", ""))
            now = time.monotonic()
            last = self._last.get(channel)
            if last is not None and now - last < self.per_channel:
                self.throttled += 1
                wait = max(1, round(self.per_channel - (now - last) + 0.5))
                self._record(Call("chat.postMessage", payload, 429, ok=False))
                return web.json_response(
                    {"ok": False, "error": "ratelimited"},
                    status=429,
                    headers={"Retry-After": str(wait)},
                )
            self._last[channel] = now
        return await super()._api(request)

    def per_channel_counts(self) -> Counter[str]:
        return Counter(str(c.payload.get("channel")) for c in self.delivered("chat.postMessage"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def write_posting(folder: Path, slug: str, title: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text(POSTING.format(title=title), encoding="utf-8")


def prepare(database_url: str, channels: int, filters: Filters | None = None) -> list[str]:
    """Migrate the database and subscribe ``channels`` channels (a minute ago)."""
    store = Store.open(database_url)
    try:
        store.upgrade()
        since = system_clock() - timedelta(minutes=1)
        names = [f"C{n:04d}" for n in range(channels)]
        subs = Subscriptions(store)
        for name in names:
            subs.add("slack", name, "", filters or Filters(), "U0ADMIN", since)
    finally:
        store.close()
    return names


def herald_env(
    database_url: str, content: Path, api_url: str, **settings: str | float
) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HERALD_", "SLACK_", "MATRIX_"))
    }
    env.update(
        {
            "HERALD_DATABASE_URL": database_url,
            "HERALD_CONTENT_DIR": str(content),
            "HERALD_SLACK_API_URL": api_url,
            "HERALD_HTTP_HOST": "127.0.0.1",
            "HERALD_HTTP_PORT": str(free_port()),
            "HERALD_LOG_LEVEL": "INFO",
            "HERALD_SCHEDULER_TICK_SECONDS": "0.2",
            "HERALD_SCHEDULER_LEASE_SECONDS": "2",
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        }
    )
    env.update({f"HERALD_{k.upper()}": str(v) for k, v in settings.items()})
    return env


class Herald:
    """One ``herald run`` process; its log goes to a file the test can show on failure."""

    def __init__(self, env: dict[str, str], workdir: Path, name: str = "herald") -> None:
        self.log = workdir / f"{name}.log"
        self._file = self.log.open("wb")
        self.process = subprocess.Popen(
            [str(HERALD), "run"],
            env={**env, "HERALD_HTTP_PORT": str(free_port())},
            cwd=workdir,
            stdout=self._file,
            stderr=subprocess.STDOUT,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: nothing after this instruction runs in Herald, no cleanup, no confirm."""
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._file.close()

    def stop(self) -> int:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=20)
        finally:
            self._file.close()
        return code

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def wait_until(predicate: Any, timeout: float, *procs: Herald, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        for proc in procs:
            if not proc.alive():
                raise AssertionError(f"herald run exited early:\n{proc.output()[-3000:]}")
        if time.monotonic() > deadline:
            logs = "\n".join(p.output()[-2000:] for p in procs)
            raise AssertionError(f"timed out after {timeout} s\n{logs}")
        time.sleep(step)

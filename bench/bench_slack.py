"""Slack ack latency: concurrent signed slash commands against the HTTP adapter on loopback.

Slack gives an app 3 seconds to acknowledge; Herald acks before answering, so the ack must
stay fast while answers are being computed. This sends ROUNDS x CONCURRENCY signed
``/jobs …`` commands (each round all at once), measures the time to the HTTP 200 (the ack)
and to the answer arriving at the response_url, and prints p50 / p99 for both.

    python bench/bench_slack.py [--rounds 10] [--concurrency 20] [--content DIR]

Content: ../shared/seeds when present, else the bundled ./content folder. Slack's side (the
senders, and a sink standing in for the Web API and the response_urls) runs in a second
process, as Slack would, so it does not share Herald's interpreter lock; nothing leaves the
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Coroutine
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
from aiohttp import web

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.ingest import sync_folder
from bot.platforms.slack import SlackAdapter, config_from_settings
from bot.store import Store

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench"
QUERIES = ["remote", "", "datacite", "all", "closing this month", "iiif", "show x", "page 2"]


class Sink:
    """Slack's side: answers auth.test, swallows messages, timestamps response_url posts."""

    def __init__(self) -> None:
        self.answered: dict[str, float] = {}
        self.events: dict[str, asyncio.Event] = {}
        self.base = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _api(self, request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"ok": True, "user_id": "UHERALD", "team_id": "T1", "ts": "1.1"})

    async def _response(self, request: web.Request) -> web.Response:
        await request.read()
        self.answered[request.match_info["key"]] = time.perf_counter()
        return web.Response(text="ok")


class LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(60)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def signed(body: bytes) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def fire(
    session: aiohttp.ClientSession, url: str, sink: Sink, key: str, text: str
) -> tuple[float, float]:
    body = urllib.parse.urlencode(
        {
            "command": "/jobs",
            "text": text,
            "user_id": "U0BENCH",
            "channel_id": "C0BENCH",
            "channel_name": "bench",
            "team_id": "T1",
            "response_url": f"{sink.base}/response/{key}",
            "trigger_id": key,
        }
    ).encode()
    started = time.perf_counter()
    async with session.post(url, data=body, headers=signed(body)) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
    acked = time.perf_counter() - started
    while key not in sink.answered:
        await asyncio.sleep(0.002)
    return acked, sink.answered[key] - started


async def drive(url: str, sink: Sink, rounds: int, concurrency: int) -> list[tuple[float, float]]:
    results: list[tuple[float, float]] = []
    async with aiohttp.ClientSession() as session:
        await fire(session, url, sink, "warm-up", "remote")  # Bolt's first auth.test
        for r in range(rounds):
            batch = [
                fire(session, url, sink, f"{r}-{n}", QUERIES[n % len(QUERIES)])
                for n in range(concurrency)
            ]
            results += await asyncio.gather(*batch)
    return results


def load_generator(conn: Connection, rounds: int, concurrency: int) -> None:
    """The Slack side, in its own process (own GIL), as Slack is: sink plus senders."""

    async def run() -> list[tuple[float, float]]:
        sink = Sink()
        await sink.start()
        conn.send(sink.base)
        endpoint = await asyncio.to_thread(conn.recv)
        try:
            return await drive(endpoint, sink, rounds, concurrency)
        finally:
            await sink.stop()

    conn.send(asyncio.run(run()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--content", type=Path, default=None)
    args = parser.parse_args()
    seeds = ROOT.parent / "shared" / "seeds"
    content = args.content or (seeds if seeds.is_dir() else ROOT / "content")

    ours, theirs = multiprocessing.get_context("spawn").Pipe()
    slack_side = multiprocessing.get_context("spawn").Process(
        target=load_generator, args=(theirs, args.rounds, args.concurrency)
    )
    slack_side.start()
    sink_base: str = ours.recv()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store.open(url)
        store.upgrade()
        clock = fixed_clock(datetime(2022, 2, 1, 12, tzinfo=UTC))
        report = sync_folder(store, content, now=clock())
        background = LoopThread()
        settings = Settings(
            database_url=url,
            slack_bot_token=TOKEN,  # type: ignore[call-arg]
            slack_signing_secret=SECRET,  # type: ignore[call-arg]
            slack_api_url=f"{sink_base}/api/",
            http_host="127.0.0.1",
            http_port=0,
        )
        config = config_from_settings(settings)
        assert config is not None
        app = App(settings=settings, store=store, clock=clock)

        async def make() -> SlackAdapter:
            adapter = SlackAdapter(app, config)
            await adapter.start()
            return adapter

        adapter = background.run(make())
        try:
            ours.send(f"http://127.0.0.1:{adapter.port}/slack/events")
            results: list[tuple[float, float]] = ours.recv()
        finally:
            background.run(adapter.stop())
            background.close()
            store.close()
            slack_side.join(10)

    acks = [a * 1000 for a, _ in results]
    answers = [b * 1000 for _, b in results]
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs"
    )
    print(f"content: {content} ({sum(report.counts().values())} files)")
    print(
        f"{len(results)} signed /jobs commands, {args.rounds} rounds x {args.concurrency} at once"
    )
    for name, values in (("ack", acks), ("answer", answers)):
        print(
            f"{name:>6}: p50 {statistics.median(values):7.1f} ms   "
            f"p99 {percentile(values, 99):7.1f} ms   max {max(values):7.1f} ms"
        )
    goal = percentile(acks, 99) <= 100
    print(f"goal ack p99 <= 100 ms: {'met' if goal else 'NOT met'}")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())

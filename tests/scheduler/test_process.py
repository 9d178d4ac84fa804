"""Process-level faults: ``herald run`` SIGKILLed mid fan-out and restarted; two replicas on
one PostgreSQL with the leader killed; a burst of 429s. The Slack Web API is the
recording fake on loopback; the assertion is always what each channel received."""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slackfakes import Failure, LoopThread
from slackload import Herald, ThrottledSlack, herald_env, prepare, wait_until, write_posting

from bot.clock import system_clock
from bot.ingest import sync_folder
from bot.store import Store
from bot.store.deliveries import Deliveries, Lease

logger = logging.getLogger(__name__)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.close()


def start_fake(loop: LoopThread, **options: float) -> ThrottledSlack:
    fake = ThrottledSlack(**options)
    loop.run(fake.start())
    return fake


def titles(fake: ThrottledSlack, channel: str) -> list[str]:
    """Each message to ``channel`` as JSON text (the title is in its blocks)."""
    return [
        json.dumps(c.payload)
        for c in fake.delivered("chat.postMessage")
        if c.payload.get("channel") == channel
    ]


@pytest.mark.parametrize(
    ("backend", "rounds"),
    # a restart costs seconds of interpreter start-up; test_replicas.py crashes ten times at
    # random moments on both backends within one process
    [("sqlite", 10), pytest.param("postgres", 4, marks=pytest.mark.postgres)],
)
def test_sigkills_mid_fan_out_lose_nothing_and_repeat_nothing(
    loop: LoopThread, tmp_path: Path, request: pytest.FixtureRequest, backend: str, rounds: int
) -> None:
    fake = start_fake(loop, delay=0.01)
    if backend == "postgres":
        url: str = request.getfixturevalue("postgres_server").create_database("herald_kills")
    else:
        url = f"sqlite:///{tmp_path / 'herald.db'}"
    channels = prepare(url, 200)
    content = tmp_path / "content"
    write_posting(content, "metadata-librarian", "Metadata Librarian")
    env = herald_env(url, content, fake.api_url)
    rng = random.Random(16)
    kills: list[int] = []
    try:
        for n in range(rounds):
            process = Herald(env, tmp_path, f"killed-{n}")
            before = len(fake.delivered("chat.postMessage"))
            # a random moment of the fan-out: after 1 to 15 more messages went out
            goal = before + rng.randint(1, 15)
            wait_until(lambda g=goal: len(fake.delivered("chat.postMessage")) >= g, 60, process)
            time.sleep(rng.random() * 0.02)
            process.kill()
            kills.append(len(fake.delivered("chat.postMessage")))
        assert kills[-1] < 200, "the fan-out finished before the last kill; slow the fake down"
        last = Herald(env, tmp_path, "last")
        wait_until(lambda: set(fake.per_channel_counts()) >= set(channels), 60, last)
        wait_until(lambda: _settled(url), 10, last)  # nothing pending or in flight
        assert last.stop() == 0, last.output()[-2000:]
    finally:
        loop.run(fake.stop())

    counts = fake.per_channel_counts()
    duplicates = sorted(c for c, n in counts.items() if n > 1)
    logger.warning("killed after %s of 200 messages; duplicates: %s", kills, duplicates or "none")
    assert set(counts) == set(channels)  # no loss
    assert duplicates == []  # no duplicate: what was in flight at each kill was found
    assert all("Metadata Librarian" in titles(fake, c)[0] for c in channels[:5])
    assert not any(d.duplicate_warning for d in _rows(url))


def _rows(url: str) -> list[Any]:
    store = Store.open(url)
    try:
        return Deliveries(store).all()
    finally:
        store.close()


def _settled(url: str) -> bool:
    store = Store.open(url)
    try:
        counts = Deliveries(store).counts()
    finally:
        store.close()
    return counts.get("pending", 0) == 0 and counts.get("sending", 0) == 0


@pytest.mark.postgres
def test_two_replicas_on_postgresql_send_once_and_survive_the_leader(
    loop: LoopThread, tmp_path: Path, postgres_server: object
) -> None:
    create = postgres_server.create_database  # type: ignore[attr-defined]
    url: str = create("herald_replicas")
    fake = start_fake(loop)
    channels = prepare(url, 40)
    content = tmp_path / "content"
    write_posting(content, "first-opening", "First Opening")
    env = herald_env(url, content, fake.api_url)
    replicas: list[Herald] = []
    try:
        replicas.append(Herald(env, tmp_path, "replica-1"))
        wait_until(lambda: len(fake.delivered("chat.postMessage")) >= 40, 60, *replicas)
        replicas.append(Herald(env, tmp_path, "replica-2"))
        wait_until(lambda: _holder(url) is not None, 10, *replicas)

        # the leader dies; a new opening arrives (loaded by `herald load` elsewhere)
        leader = next(r for r in replicas if f":{r.pid}:" in (_holder(url) or ""))
        survivor = next(r for r in replicas if r is not leader)
        leader.kill()
        write_posting(content, "second-opening", "Second Opening")
        _load(url, content)
        wait_until(lambda: len(fake.delivered("chat.postMessage")) >= 80, 30, survivor)
        assert f":{survivor.pid}:" in (_holder(url) or "")

        # a burst of 429s with Retry-After: waited out, nothing lost, nothing twice
        for _ in range(4):
            fake.fail_next(
                "chat.postMessage",
                Failure(429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}),
            )
        write_posting(content, "third-opening", "Third Opening")
        _load(url, content)
        wait_until(lambda: len(fake.delivered("chat.postMessage")) >= 120, 60, survivor)
        wait_until(lambda: _settled(url), 10, survivor)
        assert survivor.stop() == 0, survivor.output()[-2000:]
    finally:
        for replica in replicas:
            if replica.alive():
                replica.kill()
        loop.run(fake.stop())

    counts = fake.per_channel_counts()
    assert counts == dict.fromkeys(channels, 3)
    for channel in channels:
        texts = titles(fake, channel)
        for title in ("First Opening", "Second Opening", "Third Opening"):
            assert sum(title in t for t in texts) == 1, (channel, texts)
    refused = [c for c in fake.calls if c.method == "chat.postMessage" and c.status == 429]
    assert len(refused) == 4


def _holder(url: str) -> str | None:
    store = Store.open(url)
    try:
        return Lease(store).holder(system_clock())
    finally:
        store.close()


def _load(url: str, content: Path) -> None:
    store = Store.open(url)
    try:
        report = sync_folder(store, content, now=system_clock())
        assert report.added, report
    finally:
        store.close()

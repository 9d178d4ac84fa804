"""Process-level faults: ``herald run`` SIGKILLed mid fan-out and restarted; two replicas on
one PostgreSQL with the leader killed; a burst of 429s. The Slack Web API is the
recording fake on loopback; the assertion is always what each channel received."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

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


def test_sigkill_mid_fan_out_then_restart_announces_once_per_channel(
    loop: LoopThread, tmp_path: Path
) -> None:
    fake = start_fake(loop, delay=0.01)
    url = f"sqlite:///{tmp_path / 'herald.db'}"
    channels = prepare(url, 200)
    content = tmp_path / "content"
    write_posting(content, "metadata-librarian", "Metadata Librarian")
    env = herald_env(url, content, fake.api_url)
    try:
        first = Herald(env, tmp_path, "first")
        wait_until(lambda: len(fake.delivered("chat.postMessage")) >= 60, 60, first)
        first.kill()
        at_kill = len(fake.delivered("chat.postMessage"))
        assert at_kill < 200, "the fan-out finished before the kill; slow the fake down"

        second = Herald(env, tmp_path, "second")
        wait_until(lambda: set(fake.per_channel_counts()) >= set(channels), 60, second)
        wait_until(lambda: _settled(url), 10, second)  # nothing pending or in flight
        assert second.stop() == 0, second.output()[-2000:]
    finally:
        loop.run(fake.stop())

    counts = fake.per_channel_counts()
    duplicates = sorted(c for c, n in counts.items() if n > 1)
    logger.warning(
        "killed after %d of 200 messages; after the restart every channel has it; duplicates: %s",
        at_kill,
        duplicates or "none",
    )
    assert set(counts) == set(channels)
    # exactly once, except at most the one message in flight when the SIGKILL came
    assert len(duplicates) <= 1 and all(n <= 2 for n in counts.values()), duplicates
    assert all("Metadata Librarian" in titles(fake, c)[0] for c in channels[:5])
    if duplicates:  # then it was the claim the restarted process recovered, and said so
        assert f"to slack:{duplicates[0]}) was claimed by" in second.output()


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

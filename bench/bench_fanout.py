"""Fan-out benchmark: new openings announced to N subscribed Slack channels.

The real path end to end: the scheduler (lease, plan, claim/send/confirm per message, pacing
of one message per second per channel) sends through the real Slack adapter to the
recording fake of the Web API on loopback, which enforces Slack's limit of one message per
second per channel (429 with Retry-After). One opening, then a second at once (every
channel is written to twice in quick succession, so pacing is exercised), then a bulk load
of 10 (one combined message per channel). The floor, measured in the same run: the same
adapter posting one message to each of N other channels, without ledger or pacing. Prints
times, messages per second, 429s seen, and checks zero loss and zero duplicates.

    python bench/bench_fanout.py [--channels 500] [--delay 0.0] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "scheduler"), str(ROOT / "tests" / "slack")]

from slackfakes import BOT_TOKEN, SIGNING_SECRET  # noqa: E402
from slackload import ThrottledSlack, prepare, write_posting  # noqa: E402

from bot.app import App  # noqa: E402
from bot.clock import system_clock  # noqa: E402
from bot.commands import Reply  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.ingest import sync_folder  # noqa: E402
from bot.platforms.slack import SlackAdapter, config_from_settings  # noqa: E402
from bot.scheduler import Scheduler  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.deliveries import Deliveries  # noqa: E402


async def fan_out(url: str, channels: int, delay: float, workdir: Path) -> dict[str, float]:
    fake = ThrottledSlack(delay=delay, per_channel=1.0)
    await fake.start()
    names = prepare(url, channels)
    settings = Settings(
        database_url=url,
        slack_bot_token=BOT_TOKEN,  # type: ignore[arg-type]
        slack_signing_secret=SIGNING_SECRET,  # type: ignore[arg-type]
        slack_api_url=fake.api_url,
        http_port=0,
        digest_weekday=None,
        scheduler_tick_seconds=0.1,
    )
    store = Store.open(url)
    app = App(settings=settings, store=store)
    config = config_from_settings(settings)
    assert config is not None
    adapter = SlackAdapter(app, config)
    await adapter.start()
    scheduler = Scheduler(store, settings, {"slack": adapter})
    content = workdir / "content"
    results: dict[str, float] = {}
    try:
        # the floor: the same adapter posting to as many other channels, no ledger, no pacing
        started = time.perf_counter()
        for n in range(channels):
            await adapter.send(f"F{n:04d}", Reply(text="floor"), [f"herald-floor-{n}"])
        floor = time.perf_counter() - started
        results[f"floor: {channels} adapter sends s"] = floor
        results["floor: messages/s"] = channels / floor

        await scheduler.start()
        rounds = [
            ("opening 1", ["Metadata Librarian"]),
            ("opening 2 right after", ["Research Software Engineer"]),
            ("bulk load of 10", [f"Archivist {n}" for n in range(10)]),
        ]
        for round_, (label, titles) in enumerate(rounds):
            for title in titles:
                write_posting(content, title.lower().replace(" ", "-"), title)
            started = time.perf_counter()
            await asyncio.to_thread(sync_folder, store, content, now=system_clock())
            want = channels * (round_ + 1)
            first = None
            while len(sent_to(fake, names)) < want:
                if first is None and len(sent_to(fake, names)) > want - channels:
                    first = time.perf_counter() - started
                await asyncio.sleep(0.02)
                if time.perf_counter() - started > 600:
                    raise SystemExit("gave up after 600 s")
            total = time.perf_counter() - started
            results[f"{label}: first message s"] = first or 0.0
            results[f"{label}: all {channels} channels s"] = total
            results[f"{label}: messages/s"] = channels / total
        await asyncio.sleep(1.5)  # anything late or twice would show up now
    finally:
        await scheduler.stop()
        await adapter.stop()
        await fake.stop()
    counts = fake.per_channel_counts()
    ledger = Counter(d.status for d in Deliveries(store).all())
    store.close()
    results["429 answered by the fake"] = fake.throttled
    results["channels missing a message"] = sum(1 for n in names if counts.get(n, 0) < 3)
    results["messages sent twice"] = sum(max(0, counts.get(n, 0) - 3) for n in names)
    results["ledger rows sent"] = ledger.get("sent", 0)
    results["ledger rows not sent"] = sum(v for k, v in ledger.items() if k != "sent")
    return results


def sent_to(fake: ThrottledSlack, names: list[str]) -> list[object]:
    wanted = set(names)
    return [c for c in fake.delivered("chat.postMessage") if c.payload.get("channel") in wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.0, help="fake Slack latency, s")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="herald-fanout-") as tmp:
        workdir = Path(tmp)
        url = args.database_url or f"sqlite:///{workdir / 'herald.db'}"
        print(
            f"Fan-out to {args.channels} channels: 1 opening, 1 more right after, then 10 at "
            f"once (one combined message each); fake latency {args.delay}s"
        )
        print(f"Python {platform.python_version()} on {platform.machine()}, {url.split(':')[0]}")
        results = asyncio.run(fan_out(url, args.channels, args.delay, workdir))
    for name, value in results.items():
        print(f"  {name:<36} {value:,.2f}" if isinstance(value, float) else f"  {name:<36} {value}")
    lost = results["channels missing a message"] + results["messages sent twice"]
    if lost:
        raise SystemExit("LOSS OR DUPLICATES")
    print(f"  zero loss, zero duplicates (lease {timedelta(seconds=15)})")


if __name__ == "__main__":
    main()

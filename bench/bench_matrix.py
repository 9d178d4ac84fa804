"""Matrix round trip: a person sends a command, Herald answers, the person receives it.

Starts a real Synapse (the test harness's launcher, ``tests/matrix/synapse.py``: its own
virtualenv at .venv-synapse, loopback only, SQLite, no federation), registers a bot and a
person, serves Herald through the Matrix adapter and times N commands one after another,
from the person's send to the reply arriving in the person's /sync. Prints p50 / p99, for an
unencrypted room and, in the same run, for an encrypted one (the person's client encrypts with
its own crypto store, Herald decrypts and answers encrypted, the person decrypts).

    python bench/bench_matrix.py [-n 50] [--content DIR] [--json]

Content: ../shared/seeds when present, else the bundled ./content folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.matrix.harness import (  # noqa: E402
    Person,
    build_content,
    build_store_template,
    make_adapter,
    make_app,
    replies_to,
)
from tests.matrix.synapse import SynapseServer, default_venv, ensure_synapse_venv  # noqa: E402

COMMANDS = ["!jobs remote", "!iiif membership fee", "!help", "!jobs datacite", "!faq fee"]
WARM_UP = 3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def measure(
    server: SynapseServer, store_path: Path, count: int, *, encrypted: bool
) -> list[float]:
    tag = "e2ee" if encrypted else "plain"
    bot, human = server.register(f"herald-{tag}"), server.register(f"human-{tag}")
    app = make_app(store_path, matrix_crypto_store=store_path.parent / f"crypto-{tag}")
    adapter = make_adapter(app, server.url, bot)
    await adapter.start()
    latencies: list[float] = []
    crypto = store_path.parent / f"person-crypto-{tag}" if encrypted else None
    try:
        async with Person(server.url, human, crypto_store=crypto) as person:
            # a third (invited) member keeps it a group room, so commands need the prefix
            third = server.register(f"third-{tag}")
            room = await person.create_room(
                invite=[bot.user_id, third.user_id], encrypted=encrypted
            )
            await person.wait_for_member(room, bot.user_id, "join")
            for n in range(WARM_UP + count):
                started = time.perf_counter()
                asked = await person.say(room, COMMANDS[n % len(COMMANDS)])
                await person.wait_for(lambda e, a=asked: replies_to(e, a), room_id=room)
                if n >= WARM_UP:
                    latencies.append((time.perf_counter() - started) * 1000)
                person.seen.clear()
    finally:
        await adapter.stop()
        app.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="commands to time (default 50)")
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    seeds = ROOT.parent / "shared" / "seeds"
    content = args.content or (seeds if seeds.is_dir() else ROOT / "content")

    with tempfile.TemporaryDirectory(prefix="herald-bench-matrix-") as tmp:
        work = Path(tmp)
        store = build_store_template(build_content(content, work / "content"), work / "h.db")
        python = ensure_synapse_venv(default_venv())
        t0 = time.perf_counter()
        with SynapseServer(python, work / "synapse") as server:
            startup = time.perf_counter() - t0
            runs = {
                name: asyncio.run(measure(server, store, args.n, encrypted=name == "encrypted"))
                for name in ("unencrypted", "encrypted")
            }

    figures: dict[str, Any] = {
        name: {
            "commands": len(latencies),
            "p50_ms": round(percentile(latencies, 0.50), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1),
            "mean_ms": round(statistics.fmean(latencies), 1),
            "max_ms": round(max(latencies), 1),
        }
        for name, latencies in runs.items()
    }
    figures |= {
        "synapse_start_s": round(startup, 1),
        "content": str(content),
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"Matrix round trip over {args.n} commands per room (real Synapse on loopback)")
    for name in runs:
        f = figures[name]
        print(f"  {name:12} p50 {f['p50_ms']} ms   p99 {f['p99_ms']} ms   max {f['max_ms']} ms")
    print(f"  Synapse start {figures['synapse_start_s']} s; content {content}")


if __name__ == "__main__":
    main()

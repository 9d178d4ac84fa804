"""Feed benchmark: /feeds/jobs.atom and /feeds/deadlines.ics over N generated documents.

Each feed is built the way the endpoint builds it (``bot.feeds``: the ``/jobs`` search with
every match up to ``SCAN_LIMIT``, sorted newest first, rendered by feedgen or icalendar) and
timed beside its floor, measured in the same run, interleaved: the store's own search for the
same filter with a page of 20, which is what ``/jobs`` costs. The store is the one
``bench_query.py`` builds and caches under ``bench/out/``.

    python bench/bench_feeds.py -n 10000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_query import OUT, build, machine, percentile  # noqa: E402

from bot import feeds  # noqa: E402
from bot.app import App  # noqa: E402
from bot.clock import fixed_clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.search import JobsSearch, parse_jobs_query  # noqa: E402
from bot.store import Store  # noqa: E402

QUERIES = ("", "remote", "developer", "closing this month")


def timed(run: Callable[[], object], reps: int) -> list[float]:
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="generated documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2019, 6, 12))
    args = parser.parse_args()

    now = datetime(args.today.year, args.today.month, args.today.day, 12, tzinfo=UTC)
    db = OUT / f"query-n{args.n}-seed{args.seed}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        build(db, args.n, args.seed, now)
    url = f"sqlite:///{db}"
    store = Store.open(url)
    store.upgrade()
    app = App(
        settings=Settings(database_url=url, content_dir=db.parent, timezone="UTC"),
        store=store,
        clock=fixed_clock(now),
    )
    print(f"{machine()}; {args.n:,} documents, {args.reps} runs each, ms")
    print(
        f"{'q':<20} {'listed':>6} {'floor p50':>9} {'atom p50':>9} {'atom p99':>9} {'ics p50':>8}"
    )
    for q in QUERIES:
        found = feeds.open_postings(app, q)
        search = parse_jobs_query(q, now.date(), store.organizations())

        def floor(search: JobsSearch = search) -> object:
            return store.find_postings(replace(search.query, limit=20, count_limit=100))

        def atom(q: str = q) -> bytes:
            return feeds.jobs_atom(feeds.open_postings(app, q), self_url="http://x/", now=now)

        def ics(q: str = q) -> bytes:
            return feeds.deadlines_ics(feeds.open_postings(app, q), now=now)

        floors, atoms, icss = [], [], []
        for _ in range(args.reps):  # interleaved, so load on the machine hits all alike
            floors += timed(floor, 1)
            atoms += timed(atom, 1)
            icss += timed(ics, 1)
        print(
            f"{q or '(all open)':<20} {len(found.postings):>6} "
            f"{percentile(floors, 50):>9.1f} {percentile(atoms, 50):>9.1f} "
            f"{percentile(atoms, 99):>9.1f} {percentile(icss, 50):>8.1f}"
        )
    store.close()


if __name__ == "__main__":
    main()

"""Load benchmark: N generated postings into a fresh SQLite store.

Prints, for the same generated folder in the same run:
- the floor: python-frontmatter parsing alone (read + YAML + body split, nothing else);
- a full load (read, hash, clean, extract, save, index) into an empty store;
- an unchanged re-sync (nothing to parse, everything to check);
and the load average before and after, because a shared machine changes every figure. The CPU
time of the full load (this process, which saves, and the parser processes) changes less with
the machine's other work than the wall time, so it is printed too.

    python bench/bench_load.py -n 10000 [--seed 1] [--workers N] [--keep DIR]

``--workers`` defaults to what ``sync_folder`` chooses (one parser process per CPU, up to
four); ``--workers 1`` parses sequentially.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import frontmatter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from bot.content.parallel import available_cpus
from bot.ingest import MAX_AUTO_WORKERS, sync_folder
from bot.store import Store


def write_corpus(folder: Path, n: int, seed: int) -> int:
    count = 0
    for name, data in generate(n, seed):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        count += 1
    return count


def frontmatter_floor(folder: Path) -> float:
    started = time.perf_counter()
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".markdown"):
            continue
        try:
            frontmatter.loads(path.read_bytes().decode("utf-8", "replace"))
        except Exception:  # the floor counts the attempt, as the loader does
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, help="parser processes (1: none; default: as herald load does)"
    )
    parser.add_argument(
        "--keep", type=Path, help="write the corpus and database here and keep them"
    )
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="herald-bench-"))
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    try:
        files = write_corpus(corpus, args.n, args.seed)
        load_before = os.getloadavg()
        floor = frontmatter_floor(corpus)

        db = work / "bench.db"
        db.unlink(missing_ok=True)
        store = Store.open(f"sqlite:///{db}")
        store.upgrade()
        now = datetime.now(UTC)
        cpu_before = _cpu()
        started = time.perf_counter()
        report = sync_folder(store, corpus, now=now, workers=args.workers)
        first = time.perf_counter() - started
        cpu_here, cpu_parsers = (a - b for a, b in zip(_cpu(), cpu_before, strict=True))
        started = time.perf_counter()
        again = sync_folder(store, corpus, now=now, workers=args.workers)
        resync = time.perf_counter() - started
        counts = store.counts()
        store.close()

        print(
            f"machine: {platform.machine()} {platform.processor() or ''} "
            f"python {platform.python_version()} on {platform.system()}"
        )
        load_after = os.getloadavg()
        workers = args.workers or min(available_cpus(), MAX_AUTO_WORKERS)
        print(
            f"cpus: {available_cpus()}; parser processes: {workers}; load average "
            f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
        )
        print(f"files generated: {files}; report: {report.counts()}; store: {counts}")
        print(f"frontmatter-only parse (floor): {floor:.2f} s = {files / floor:,.0f} docs/s")
        print(
            f"full load into empty SQLite:    {first:.2f} s = {files / first:,.0f} docs/s "
            f"(goal >= 1,000 docs/s)"
        )
        print(
            f"  CPU of the full load:         {cpu_here + cpu_parsers:.2f} s = this process "
            f"(results, saving) {cpu_here:.2f} s + parser processes {cpu_parsers:.2f} s"
        )
        print(
            f"unchanged re-sync:              {resync:.3f} s "
            f"({again.counts()['unchanged']} unchanged; goal <= 1 s)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _cpu() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its ended children (the parsers)."""
    here = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return here.ru_utime + here.ru_stime, children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()

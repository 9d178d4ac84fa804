"""Git source benchmark: sync of an N-file git source after a 10-file commit.

A local bare repository is the remote (no network). Prints, in the same run:
- the first sync (clone, list, parse and save every file);
- the sync after a commit that changes 8 files, adds one and deletes one: fetch, fast-forward,
  ``git diff --name-status``, parse and save those 10 (goal <= 1 s);
- floors: ``git diff --name-status`` alone between the same commits, a ``git fetch`` with
  nothing new, and for contrast an unchanged re-sync of the clone as a folder source (read
  and hash every file, which a git source no longer does);
and the load average before and after, because a shared machine changes every figure.

    python bench/bench_git_sync.py -n 10000 [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from bot.clock import system_clock
from bot.config import Settings, SourceSettings
from bot.ingest import Origin, sync_folder
from bot.sources import Sources
from bot.store import Store

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, check=True)
    return done.stdout.decode()


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work here and keep everything")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="herald-bench-git-"))
    work.mkdir(parents=True, exist_ok=True)
    bare, editor = work / "site.git", work / "editor"
    try:
        git(work, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
        git(work, "clone", "--quiet", str(bare), str(editor))
        git(editor, "checkout", "--quiet", "-B", "main")
        names = []
        for name, data in generate(args.n, args.seed):
            path = editor / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            names.append(name)
        git(editor, "add", "--all")
        git(editor, "commit", "--quiet", "-m", "Generated postings")
        git(editor, "push", "--quiet", "origin", "main")

        db = work / "bench.db"
        db.unlink(missing_ok=True)
        store = Store.open(f"sqlite:///{db}")
        store.upgrade()
        source = SourceSettings(name="site", git=str(bare), site_url="https://jobs.example.org")
        settings = Settings(
            database_url=f"sqlite:///{db}",
            sources=[source],
            sources_dir=work / "clones",
        )
        sources = Sources(store, settings, system_clock)
        load_before = os.getloadavg()
        first = timed(lambda: sources.sync(source))
        clone = work / "clones" / "site"
        old = git(clone, "rev-parse", "HEAD").strip()

        # the 10-file commit: 8 changed, 1 added, 1 deleted
        step = max(1, len(names) // 9)
        for name in names[1 : 1 + 8 * step : step]:
            with (editor / name).open("a", encoding="utf-8") as file:
                file.write("\nUpdated: the deadline moved.\n")
        added = editor / "_posts" / "2026-12-01-bench-new-posting.md"
        added.parent.mkdir(parents=True, exist_ok=True)
        added.write_text("---\nlayout: job\ntitle: Bench Archivist\n---\nWe are hiring.\n")
        (editor / names[0]).unlink()
        git(editor, "add", "--all")
        git(editor, "commit", "--quiet", "-m", "Ten files")
        git(editor, "push", "--quiet", "origin", "main")

        report = None

        def incremental() -> None:
            nonlocal report
            report = sources.sync(source)

        after_commit = timed(incremental)
        new = git(clone, "rev-parse", "HEAD").strip()
        diff_floor = timed(lambda: git(clone, "diff", "--name-status", "-z", old, new))
        fetch_floor = timed(lambda: git(clone, "fetch", "--quiet", "origin", "main"))
        nothing_new = timed(lambda: sources.sync(source))
        folder_resync = timed(
            lambda: sync_folder(
                store, clone, now=datetime.now(UTC), origin=Origin(name="site"), force=True
            )
        )
        load_after = os.getloadavg()
        counts = store.counts()
        store.close()

        print(
            f"machine: {platform.machine()} {platform.processor() or ''} "
            f"python {platform.python_version()} on {platform.system()}; "
            f"git {git(work, '--version').split()[-1]}"
        )
        print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
        print(f"files: {len(names)}; store: {counts}")
        print(f"first sync (clone, parse, save all):        {first:.2f} s")
        assert report is not None
        print(
            f"sync after a 10-file commit:                {after_commit:.3f} s "
            f"{report.counts()} (goal <= 1 s)"
        )
        print(f"  floor: git diff --name-status alone:      {diff_floor:.3f} s")
        print(f"  floor: git fetch with nothing new:        {fetch_floor:.3f} s")
        print(f"sync with nothing new (fetch, compare):     {nothing_new:.3f} s")
        print(f"for contrast, unchanged re-sync as folder:  {folder_resync:.3f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

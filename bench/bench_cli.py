"""CLI start-up: how long ``herald --help`` and ``herald ask "/jobs"`` take, beside the floor.

Most of a short command's time is Python importing modules, so the figures are wall times of
whole processes, measured next to ``python -c pass`` (the interpreter alone) in the same run:
the machine's speed swings from minute to minute, the floor swings with it. The processes
run interleaved (one of each, ROUNDS times) so a busy minute slows every line alike; the
table shows the fastest and the median wall time of each, and the median CPU time (user +
system), which a machine shared with other work inflates less.

    python bench/bench_cli.py [--rounds 15] [--herald PATH] [--before PATH] [--content DIR]

``herald`` is the script beside this interpreter unless ``--herald`` names another one.
``--before`` adds a second one to the same rounds (a wrapper that runs an older checkout),
so before-and-after figures share the machine's moods. Content: the bundled ./content
folder (a small store), loaded once into a temporary SQLite file for each script.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = "import typer, rich.console, pydantic_settings, sqlalchemy.orm"
GOALS = {"herald --help": 0.3, 'herald ask "/jobs"': 0.6}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process (CPU time suffers less from a busy machine)."""
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    return time.perf_counter() - started, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--herald", type=Path, default=Path(sys.executable).parent / "herald")
    parser.add_argument("--before", type=Path, help="another herald, timed in the same rounds")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="herald-bench-cli-") as tmp:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("HERALD_", "SLACK_", "MATRIX"))
        }
        env |= {
            "HERALD_DATABASE_URL": f"sqlite:///{Path(tmp) / 'herald.db'}",
            "HERALD_CONTENT_DIR": str(args.content.resolve()),
        }
        cases: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass (floor)": ([sys.executable, "-c", "pass"], env),
            # what any command that reads the store must import: the floor of ``ask``
            "import the libraries ask needs": ([sys.executable, "-c", LIBRARIES], env),
        }
        scripts = {"": args.herald} | ({"before: ": args.before} if args.before else {})
        for label, script in scripts.items():
            herald = str(script)
            database = Path(tmp) / ("before.db" if label else "herald.db")
            own = env | {"HERALD_DATABASE_URL": f"sqlite:///{database}"}
            # the store is made (migrated, loaded) once; the timed ``ask`` then finds it ready
            subprocess.run([herald, "load"], env=own, check=True, cwd=tmp, capture_output=True)
            cases[f"{label}herald --help"] = ([herald, "--help"], own)
            cases[f'{label}herald ask "/jobs"'] = ([herald, "ask", "/jobs"], own)
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.rounds):
            for name, (argv, case_env) in cases.items():
                wall, used = _timed(argv, case_env)
                times[name].append(wall)
                cpu[name].append(used)

    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}, {args.rounds} rounds"
    )
    print(f"{'command':<34} {'fastest':>8} {'median':>8} {'CPU':>8}  goal (on the fastest)")
    floor = min(times["python -c pass (floor)"])
    for name, runs in times.items():
        goal = GOALS.get(name)
        verdict = ""
        if goal is not None:
            verdict = f"≤ {goal:.1f} s: {'met' if min(runs) <= goal else 'NOT met'}"
        print(
            f"{name:<34} {min(runs):>7.3f}s {statistics.median(runs):>7.3f}s "
            f"{statistics.median(cpu[name]):>7.3f}s  {verdict}"
        )
    print(f"(the floor, {floor:.3f} s, is inside every herald figure)")


if __name__ == "__main__":
    main()

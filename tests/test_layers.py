"""The layers of ``.importlinter`` hold, and no function grows past radon's C (complexity 20).

CI runs the README's test command, so these tests are what keeps a new import from making a
cycle and a function from growing unreadable (``scripts/check`` runs the same tools)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    tool = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(tool), "--no-cache", "--config", str(ROOT / ".importlinter")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_no_function_is_above_radons_c() -> None:
    tool = Path(sys.executable).parent / "radon"
    done = subprocess.run(
        [str(tool), "cc", "-n", "D", "-s", "bot", "handlers"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", done.stdout[-3000:]

"""Which reading rules a stored fact came from: a digest of the loader's own source.

A file whose bytes did not change is not read again (its hash says so), so rules that
improved would reach it only when someone edits it. Each source keeps the version it was
last read with (``content_sources.reader``); a sync that finds another reads every file of
the source once (``bot.sources``). Any change to the loader's modules changes the version,
so no one has to remember to bump it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import bot.places


@cache
def reader_version() -> str:
    """16 hex digits of the SHA-256 of the loader's modules and the places it reads with."""
    digest = hashlib.sha256()
    modules = [*sorted(Path(__file__).parent.glob("*.py")), Path(bot.places.__file__)]
    for module in modules:
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]

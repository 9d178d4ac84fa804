"""What a server hides from the garbage collector once started (``bot.runtime.settle``)
includes the places tables: loaded by the first place asked about after the start, their
80,000 objects were walked by every full collection, which paused a reply by 50-100 ms.
In a process of its own: ``gc.freeze`` is for the whole interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROGRAM = textwrap.dedent(
    """
    import gc
    from datetime import UTC, datetime
    from bot.app import App
    from bot.clock import fixed_clock
    from bot.config import Settings
    from bot.runtime import settle
    from bot.store import Store

    url = "sqlite://"
    store = Store.open(url)
    store.upgrade()
    now = datetime(2026, 12, 7, 12, tzinfo=UTC)
    app = App(settings=Settings(database_url=url), store=store, clock=fixed_clock(now))
    app.ask("/jobs")
    settle()
    for question in ("any jobs in germany?", "remote jobs in utc+1", "jobs in krakow"):
        app.ask(question)
    print(len(gc.get_objects()))
    """
)


def test_the_places_tables_are_loaded_before_the_start_is_settled() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120, check=True
    )
    tracked = int(done.stdout.split()[-1])
    assert tracked < 20_000, f"{tracked} objects are left for every full collection to walk"

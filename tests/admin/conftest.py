"""The admin bench on both backends (the ``store`` fixture of tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import App
from bot.store import Store

from .adminfakes import NOW, Bench, Clock, make_settings, write_content


@pytest.fixture
def bench(store: Store, tmp_path: Path) -> Bench:
    content = tmp_path / "content"
    write_content(content)
    clock = Clock(NOW)
    app = App(settings=make_settings(content), store=store, clock=clock)
    report = app.load()
    assert report.counts()["added"] == 3 and not report.failed
    return Bench(app=app, clock=clock, content=content)

"""Fixtures for the Matrix tests: one real Synapse per session, fresh accounts per test.

Synapse comes from its own virtualenv (``tests/matrix/synapse.py`` creates it on first use).
``HERALD_SKIP_MATRIX=1`` skips the Synapse tests; otherwise a Synapse that cannot be installed
or started fails the run under CI and skips it elsewhere, with the reason.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import build_content, build_store_template, make_app
from .synapse import (
    Account,
    SynapseServer,
    SynapseUnavailable,
    default_venv,
    ensure_synapse_venv,
)


def _unavailable(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so this is a failure; HERALD_SKIP_MATRIX=1 skips)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SynapseServer]:
    if os.environ.get("HERALD_SKIP_MATRIX", "") not in ("", "0"):
        pytest.skip("HERALD_SKIP_MATRIX is set")
    try:
        python = ensure_synapse_venv(default_venv())
    except SynapseUnavailable as exc:
        _unavailable(str(exc))
        raise  # unreachable: _unavailable raises
    server = SynapseServer(python, tmp_path_factory.mktemp("synapse"))
    try:
        server.start()
    except SynapseUnavailable as exc:
        _unavailable(str(exc))
    yield server
    server.stop()


@pytest.fixture
def accounts(synapse: SynapseServer) -> dict[str, Account]:
    """A bot, a human and a stranger with unique names, so tests never share state."""
    tag = secrets.token_hex(3)
    return {role: synapse.register(f"{role}-{tag}") for role in ("herald", "human", "stranger")}


@pytest.fixture(scope="session")
def store_template(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("content")
    content = build_content(shared_dir / "seeds", folder / "content")
    return build_store_template(content, folder / "template.db")


@pytest.fixture
def store_path(store_template: Path, tmp_path: Path) -> Path:
    """A private copy of the loaded store; a restart test opens it twice."""
    path = tmp_path / "herald.db"
    shutil.copyfile(store_template, path)
    return path


@pytest.fixture
def app_factory(store_path: Path) -> Iterator[Callable[[], Any]]:
    apps: list[Any] = []

    def make() -> Any:
        app = make_app(store_path)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()

"""The console and herald run sync their own sources only, and a wrong content folder is
refused rather than withdrawing a whole store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings
from bot.store import Store

from .test_git_sources import posting


def folder(root: Path, *titles: str) -> Path:
    for title in titles:
        path = root / "_posts" / f"2026-11-01-{title.lower().replace(' ', '-')}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(posting(title), encoding="utf-8")
    return root


def app_on(store: Store, content: Path) -> App:
    settings = Settings(database_url="sqlite://", content_dir=content)
    return App(settings=settings, store=store, clock=fixed_clock(date(2026, 11, 21)))


def active(store: Store) -> set[str]:
    return {p.title for p in store.all_postings(include_inactive=False)}


def test_the_console_never_withdraws_a_folder_loaded_by_path(store: Store, tmp_path: Path) -> None:
    content = folder(tmp_path / "content", "Archivist", "Curator", "Registrar")
    seeds = folder(tmp_path / "seeds", "Librarian")
    app = app_on(store, content)
    assert app.load().counts()["added"] == 3
    assert app.load(seeds).counts()["added"] == 1
    # what `herald console` and `herald run` do at start: every configured source
    again = app.load()
    assert again.withdrawn == [] and not again.failed
    assert active(store) == {"Archivist", "Curator", "Registrar", "Librarian"}


def test_a_console_started_on_another_folder_is_refused_not_a_mass_withdrawal(
    store: Store, tmp_path: Path
) -> None:
    app_on(store, folder(tmp_path / "content", "Archivist", "Curator", "Registrar")).load()
    other = app_on(store, folder(tmp_path / "elsewhere", "Designer"))
    report = other.load()
    assert [f.path for f in report.failed] == ["source content"]
    assert "would withdraw 3 of its 3 documents" in report.failed[0].reason
    assert active(store) == {"Archivist", "Curator", "Registrar"}
    forced = other.load(force=True)
    assert len(forced.withdrawn) == 3 and active(store) == {"Designer"}

"""A store read by other rules is read again: when the loader changes, every file of a source
is read once more on its next sync, changed or not, keeping its postings' ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

import bot.sources
from bot.clock import fixed_clock
from bot.content.reader import reader_version
from bot.sources import Sources
from bot.store import Store
from bot.store.content_sources import sources_table
from bot.store.models import PostingRow

from .test_app_sources import active, app_on, folder
from .test_git_sources import TODAY, Site, git_source, settings_for, site_fixture

__all__ = ["site_fixture"]  # the git sources' "site" fixture, used here too


def read_by_older_rules(store: Store) -> None:
    """What an older loader left: facts that today's rules would not read from the files."""
    with store.transaction() as session:
        session.execute(update(PostingRow).values(title="Read By Older Rules"))


def ids(store: Store) -> list[str]:
    return sorted(p.id for p in store.all_postings())


def test_the_version_is_a_digest_of_the_loader() -> None:
    assert len(reader_version()) == 16 and int(reader_version(), 16) >= 0


def test_a_folder_read_by_other_rules_is_read_again_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_on(store, folder(tmp_path / "content", "Archivist", "Curator", "Registrar"))
    assert len(app.load().added) == 3
    before = ids(store)
    read_by_older_rules(store)
    assert len(app.load().unchanged) == 3  # same rules, same bytes: not read
    assert active(store) == {"Read By Older Rules"}

    monkeypatch.setattr(bot.sources, "reader_version", lambda: "0123456789abcdef")
    again = app.load()
    assert len(again.updated) == 3 and not again.failed and not again.withdrawn
    assert active(store) == {"Archivist", "Curator", "Registrar"}
    assert ids(store) == before  # the same postings: nothing is announced twice
    assert len(app.load().unchanged) == 3  # once


def test_sources_synced_before_versions_were_kept_are_read_again(
    store: Store, tmp_path: Path
) -> None:
    app = app_on(store, folder(tmp_path / "content", "Archivist", "Curator"))
    app.load()
    read_by_older_rules(store)
    with store.transaction() as session:
        session.execute(update(sources_table).values(reader=None))
    assert len(app.load().updated) == 2
    assert active(store) == {"Archivist", "Curator"}


def test_a_git_source_read_by_other_rules_is_read_in_full_without_a_new_commit(
    store: Store, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path, git_source(site))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    assert len(sources.sync(settings.sources[0]).added) == 3
    read_by_older_rules(store)
    assert sources.sync(settings.sources[0]).counts()["updated"] == 0  # nothing new
    assert active(store) == {"Read By Older Rules"}

    monkeypatch.setattr(bot.sources, "reader_version", lambda: "0123456789abcdef")
    again = sources.sync(settings.sources[0])
    assert len(again.updated) == 3 and not again.withdrawn
    assert active(store) == {"Data Steward", "Digital Archivist", "Curator"}
    assert sources.sync(settings.sources[0]).counts()["updated"] == 0

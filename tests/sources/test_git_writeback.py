"""Admin changes on a git source become commits authored by the admin, pushed to a local
bare repository; a concurrent push is fetched, rebased and retried."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import App
from bot.clock import fixed_clock
from bot.config import Settings, SourceSettings
from bot.store import Store

from .test_git_sources import Site, git, posting

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
ADMIN = "U0ADA"
ADD = (
    '/jobs add title="Data Steward" organization="Metro Archive" location=Leiden '
    "deadline=2027-03-01 contacts=steward@metro-archive.example.org"
)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = Site(tmp_path, "site")
    site.write("_posts/2026-11-01-curator.md", posting("Curator", "Wikimedia"))
    site.push("First posting")
    return site


def make_app(store: Store, site: Site, tmp_path: Path, *, push: bool = True) -> App:
    settings = Settings(
        database_url="sqlite://",
        content_dir=tmp_path / "unused",
        sources=[
            SourceSettings(
                name="site",
                git=str(site.bare),
                paths=["_posts/**"],
                site_url="https://jobs.example.org",
                writeback="_posts",
                push=push,
            )
        ],
        sources_dir=tmp_path / "clones",
        admins=[ADMIN],
        timezone="UTC",
        digest_weekday=None,
    )
    app = App(settings=settings, store=store, clock=fixed_clock(NOW.date()))
    assert not app.load().failed
    return app


def ask(app: App, line: str) -> str:
    return app.ask(line, platform="slack", user=ADMIN).text


def remote_log(site: Site) -> list[str]:
    git(site.work, "pull", "--quiet", "--rebase", "origin", "main")
    return git(site.work, "log", "--format=%an <%ae>|%s").splitlines()


def token(text: str) -> str:
    return text.split("/jobs confirm ")[1].split()[0].strip("`")


def test_an_admins_add_is_a_commit_authored_by_the_admin_and_pushed(
    store: Store, site: Site, tmp_path: Path
) -> None:
    app = make_app(store, site, tmp_path)
    confirmed = ask(app, f"/jobs confirm {token(ask(app, ADD))}")
    assert "pushed it to main of site" in confirmed, confirmed
    log = remote_log(site)
    assert log[0] == f"{ADMIN} <{ADMIN}@slack.herald>|Add posting: Data Steward (Metro Archive)"
    added = site.work / "_posts" / "2026-11-21-metro-archive-data-steward.md"
    assert "Data Steward" in added.read_text()

    posting = next(p for p in store.all_postings() if p.title == "Data Steward")
    assert posting.source == "site//_posts/2026-11-21-metro-archive-data-steward.md"
    assert posting.page_url == (
        "https://jobs.example.org/2026/11/21/metro-archive-data-steward.html"
    )
    # the next sync finds Herald's own commit unchanged
    again = app.load()
    assert again.added == [] and again.updated == [] and not again.failed

    closed = ask(app, f"/jobs close {posting.id}")
    assert "pushed" in closed, closed
    assert remote_log(site)[0].endswith(f"|Close {posting.id}")
    assert "Applications are closed." in added.read_text()

    removed = ask(app, f"/jobs remove {posting.id}")
    assert "pushed" in removed, removed
    assert remote_log(site)[0].endswith(f"|Remove {posting.id}")
    assert not added.exists()


def test_a_concurrent_push_is_fetched_rebased_and_retried(
    store: Store, site: Site, tmp_path: Path
) -> None:
    app = make_app(store, site, tmp_path)
    site.write("_posts/2026-11-02-registrar.md", posting("Registrar", "Getty"))
    site.push("Someone else's posting")  # Herald's clone is now behind
    curator = next(p for p in store.all_postings() if p.title == "Curator")
    edited = ask(app, f"/jobs edit {curator.id} deadline=2027-01-31")
    assert "after replaying it on changes someone else pushed first" in edited, edited
    log = remote_log(site)
    assert log[0].endswith(f"|Edit {curator.id}: deadline=2027-01-31")
    assert log[1].endswith("|Someone else's posting")
    # the next sync brings the other posting in, and keeps the edit
    app.load()
    titles = {p.title: p for p in store.all_postings()}
    assert "Registrar" in titles and str(titles["Curator"].deadline) == "2027-01-31"


def test_a_push_that_cannot_be_replayed_is_reported_and_kept(
    store: Store, site: Site, tmp_path: Path
) -> None:
    app = make_app(store, site, tmp_path)
    curator = next(p for p in store.all_postings() if p.title == "Curator")
    site.write("_posts/2026-11-01-curator.md", posting("Curator", "Wikimedia", "2027-02-28"))
    site.push("Someone changed the same posting")
    edited = ask(app, f"/jobs edit {curator.id} deadline=2027-01-31")
    assert "could not be pushed" in edited and "Nothing is lost" in edited, edited
    clone = tmp_path / "clones" / "site"
    assert (
        git(clone, "log", "-1", "--format=%s").strip() == f"Edit {curator.id}: deadline=2027-01-31"
    )
    assert remote_log(site)[0].endswith("|Someone changed the same posting")


def test_without_push_the_commit_stays_in_the_clone(
    store: Store, site: Site, tmp_path: Path
) -> None:
    app = make_app(store, site, tmp_path, push=False)
    curator = next(p for p in store.all_postings() if p.title == "Curator")
    closed = ask(app, f"/jobs close {curator.id}")
    assert "pushing is off" in closed, closed
    clone = tmp_path / "clones" / "site"
    assert git(clone, "log", "-1", "--format=%an|%s").strip() == f"{ADMIN}|Close {curator.id}"
    assert remote_log(site)[0].endswith("|First posting")


def test_herald_status_says_why_a_fetch_failed(store: Store, site: Site, tmp_path: Path) -> None:
    app = make_app(store, site, tmp_path)
    site.bare.rename(site.bare.with_name("gone.git"))
    reloaded = ask(app, "/herald reload")
    assert reloaded.startswith("Reloaded site:"), reloaded
    status = ask(app, "/herald status")
    line = next(x for x in status.splitlines() if x.startswith("Source site"))
    assert "1 documents, 1 active postings" in line and "git fetch failed" in line, line
    assert "serving the last good content" in line
    assert {p.title for p in store.all_postings(include_inactive=False)} == {"Curator"}

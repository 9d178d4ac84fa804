"""Named sources against real git: local bare repositories as remotes, no network."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import fixed_clock
from bot.config import Settings, SourceSettings
from bot.domain import PostingQuery
from bot.sources import Sources
from bot.store import Store

TODAY = datetime(2026, 11, 21, 12, tzinfo=UTC)


def git(cwd: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "Site Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Site Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(cwd),
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True)
    return done.stdout.decode()


def posting(title: str, org: str = "DataCite", deadline: str = "2026-12-31") -> str:
    return (
        f"---\nlayout: job\ntitle: {title}\ninstitution: {org}\ndeadline: {deadline}\n---\n"
        f"# {title}\n\n{org} is hiring a {title}. Apply by {deadline}.\n"
    )


class Site:
    """A bare repository (the remote) and an editor's working copy that pushes to it."""

    def __init__(self, root: Path, name: str) -> None:
        self.bare = root / f"{name}.git"
        self.work = root / f"{name}-editor"
        git(root, "init", "--quiet", "--bare", "--initial-branch=main", str(self.bare))
        git(root, "clone", "--quiet", str(self.bare), str(self.work))
        git(self.work, "checkout", "--quiet", "-B", "main")

    def write(self, path: str, text: str) -> None:
        file = self.work / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")

    def remove(self, path: str) -> None:
        (self.work / path).unlink()

    def push(self, message: str = "Update postings") -> str:
        git(self.work, "add", "--all")
        git(self.work, "commit", "--quiet", "-m", message)
        git(self.work, "push", "--quiet", "origin", "main")
        return git(self.work, "rev-parse", "HEAD").strip()


@pytest.fixture(name="site")
def site_fixture(tmp_path: Path) -> Site:
    site = Site(tmp_path, "site")
    site.write("_posts/2026-11-01-data-steward.md", posting("Data Steward"))
    site.write("_posts/2026-11-02-archivist.md", posting("Digital Archivist", "Europeana"))
    site.write("jobs/_posts/2026-11-03-curator.md", posting("Curator", "Wikimedia"))
    site.write("about.md", "---\ntitle: About\n---\nAbout this site.\n")
    site.write("README.md", "Not content\n")
    site.push("First postings")
    return site


def settings_for(tmp_path: Path, *sources: SourceSettings) -> Settings:
    return Settings(
        database_url="sqlite://",
        content_dir=tmp_path / "unused",
        sources=list(sources),
        sources_dir=tmp_path / "clones",
    )


def git_source(site: Site, **extra: object) -> SourceSettings:
    return SourceSettings(
        name="site",
        git=str(site.bare),
        branch="main",
        paths=["_posts/**", "jobs/**"],
        site_url="https://jobs.example.org/",
        **extra,  # type: ignore[arg-type]
    )


def titles(store: Store) -> list[str]:
    page = store.find_postings(PostingQuery(today=TODAY.date(), limit=50))
    return sorted(p.title for p in page.items)


def test_a_git_source_follows_new_commits_reading_changed_files_only(
    store: Store, site: Site, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, git_source(site))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    first = sources.sync(settings.sources[0])
    assert sorted(first.added) == [
        "site//_posts/2026-11-01-data-steward.md",
        "site//_posts/2026-11-02-archivist.md",
        "site//jobs/_posts/2026-11-03-curator.md",
    ]  # about.md and README.md are outside the globs
    assert titles(store) == ["Curator", "Data Steward", "Digital Archivist"]

    site.write("_posts/2026-11-04-developer.md", posting("Frontend Developer"))
    site.write("_posts/2026-11-01-data-steward.md", posting("Senior Data Steward"))
    site.remove("_posts/2026-11-02-archivist.md")
    head = site.push("Two new, one gone")
    second = sources.sync(settings.sources[0])
    assert second.added == ["site//_posts/2026-11-04-developer.md"]
    assert second.updated == ["site//_posts/2026-11-01-data-steward.md"]
    assert second.withdrawn == ["site//_posts/2026-11-02-archivist.md"]
    assert second.unchanged == []  # the curator's file was not even read
    assert titles(store) == ["Curator", "Frontend Developer", "Senior Data Steward"]
    record = sources.records.get("site")
    assert record is not None and record.synced_commit == head and record.error is None

    third = sources.sync(settings.sources[0])  # nothing new upstream
    assert third.counts() == {"added": 0, "updated": 0, "unchanged": 0, "withdrawn": 0, "failed": 0}


def test_links_follow_jekyll_permalinks_and_the_repository(
    store: Store, site: Site, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, git_source(site))
    Sources(store, settings, fixed_clock(TODAY.date())).sync(settings.sources[0])
    by_title = {p.title: p for p in store.all_postings()}
    assert by_title["Data Steward"].page_url == (
        "https://jobs.example.org/2026/11/01/data-steward.html"
    )
    assert by_title["Curator"].page_url == "https://jobs.example.org/jobs/2026/11/03/curator.html"
    # a local path has no web page for its files
    assert by_title["Curator"].file_url is None


def test_a_broken_fetch_keeps_serving_the_last_good_content(
    store: Store, site: Site, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, git_source(site))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    sources.sync(settings.sources[0])
    good = titles(store)
    site.bare.rename(site.bare.with_name("moved.git"))  # the remote is gone
    result = sources.sync_one(settings.sources[0])
    assert titles(store) == good
    record = sources.records.get("site")
    assert record is not None and record.error is not None and "fetch" in record.error
    assert any(
        "last error" in line and "serving the last good" in line for line in sources.status_lines()
    )

    site.bare.with_name("moved.git").rename(site.bare)  # back: the error is over
    assert sources.sync_one(settings.sources[0]).error is None
    record = sources.records.get("site")
    assert record is not None and record.error is None
    assert result.report is not None  # a failed fetch still synced from the clone it has


def test_two_sources_side_by_side_never_withdraw_each_other(
    store: Store, site: Site, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    (folder / "postings").mkdir(parents=True)
    # the same relative path as in the git source: different documents
    (folder / "_posts").mkdir()
    (folder / "_posts" / "2026-11-01-data-steward.md").write_text(posting("Librarian", "Getty"))
    (folder / "postings" / "registrar.md").write_text(posting("Registrar", "Getty"))
    settings = settings_for(tmp_path, git_source(site), SourceSettings(name="local", folder=folder))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    results = sources.sync_all()
    assert [r.error for r in results] == [None, None]
    assert titles(store) == [
        "Curator",
        "Data Steward",
        "Digital Archivist",
        "Librarian",
        "Registrar",
    ]

    (folder / "postings" / "registrar.md").unlink()
    again = sources.sync_all()
    assert again[0].report is not None and again[0].report.withdrawn == []
    assert again[1].report is not None and again[1].report.withdrawn == [
        "local//postings/registrar.md"
    ]
    assert titles(store) == ["Curator", "Data Steward", "Digital Archivist", "Librarian"]
    counts = {r.name: (r.documents, r.postings) for r in sources.records.all()}
    assert counts == {"local": (1, 1), "site": (3, 3)}


def test_a_sync_withdrawing_most_of_a_source_waits_for_force(
    store: Store, site: Site, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, git_source(site))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    sources.sync(settings.sources[0])
    site.remove("_posts/2026-11-01-data-steward.md")
    site.remove("_posts/2026-11-02-archivist.md")
    site.push("Clean-up")
    refused = sources.sync_one(settings.sources[0])
    assert refused.error is not None and "withdraw 2 of its 3" in refused.error
    assert len(titles(store)) == 3
    forced = sources.sync_one(settings.sources[0], force=True)
    assert forced.report is not None and len(forced.report.withdrawn) == 2
    assert titles(store) == ["Curator"]


def test_follow_fetches_only_when_due(store: Store, site: Site, tmp_path: Path) -> None:
    settings = settings_for(tmp_path, git_source(site))
    sources = Sources(store, settings, fixed_clock(TODAY.date()))
    assert [r.name for r in sources.follow(TODAY)] == ["site"]
    site.write("_posts/2026-11-05-designer.md", posting("Designer"))
    site.push()
    assert sources.follow(TODAY) == []  # fetched a moment ago
    later = sources.follow(TODAY.replace(hour=13))
    assert [r.report.added for r in later if r.report] == [["site//_posts/2026-11-05-designer.md"]]

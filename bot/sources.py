"""Named sources: syncing each folder or git repository into the store on its own.

A sync of one source adds, updates and withdraws that source's documents only. A git source
is cloned into ``sources_dir/<name>``, fetched on a schedule (by the scheduler lease holder)
and on ``/herald reload``; after the first full sync only the files ``git diff`` names
between the synced commit and the new one are read. A failed fetch keeps the store at the
last good commit and is recorded, for ``herald sources`` and ``/herald status``.

Example::

    sources = Sources(store, settings, clock)
    report = sources.sync(sources.named("site"))     # fetch, then sync what changed
    results = sources.sync_all(fetch=False)           # every configured source
    sources.follow(now)                               # fetch the git sources that are due
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.clock import Clock
from bot.config import Settings, SourceSettings
from bot.content.reader import reader_version
from bot.domain import LoadFailure, LoadReport, ParsedDocument
from bot.gitrepo import Author, Changes, GitError, GitRepo, masked
from bot.ingest import (
    Origin,
    SyncRefused,
    listing_of,
    sync_folder,
    sync_listing,
    with_origin,
)
from bot.links import page_url, repository_file_url
from bot.store import Store
from bot.store.content_sources import SourceRecord, SourceRecords
from bot.store.keys import split_key

logger = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]

# One git operation at a time per clone in this process: the scheduler's fetch runs in a
# thread while an admin's commit or a /herald reload may run in another (git's index.lock
# would refuse the second). Replicas have clones of their own.
_CLONE_LOCKS: dict[Path, threading.RLock] = {}
_LOCKS_LOCK = threading.Lock()


def read_by_other_rules(record: SourceRecord | None) -> bool:
    """Whether a source's documents were read by another version of the loader (or before
    versions were kept): then every file is read again, changed or not."""
    return record is None or record.reader != reader_version()


def clone_lock(path: Path) -> threading.RLock:
    with _LOCKS_LOCK:
        return _CLONE_LOCKS.setdefault(path.resolve(), threading.RLock())


@contextmanager
def change_held(settings: Settings, key: str) -> Iterator[None]:
    """Hold the clone of the git source of ``key`` (if any) while a chat change writes its
    file and commits it, so a fetch cannot reset the file in between."""
    source = git_source_of(settings, key)
    if source is None:
        yield
        return
    with clone_lock(root_of(settings, source)):
        yield


@dataclass(frozen=True)
class SyncResult:
    """One source's sync: its report, or why it did not run (nothing changed then)."""

    name: str
    report: LoadReport | None = None
    error: str | None = None
    commit: str | None = None
    seconds: float = 0.0


def origin_of(source: SourceSettings) -> Origin:
    """The sync's view of a source: its name, default organisation and link rules."""
    site, git = source.site_url, source.git

    def links(path: str, doc: ParsedDocument) -> tuple[str | None, str | None]:
        page = page_url(site, path, doc, source.permalink) if site else None
        file = repository_file_url(git, source.branch, path) if git else None
        return page, file

    return Origin(
        name=source.name,
        organization=source.organization,
        links=links if site or git else None,
    )


def root_of(settings: Settings, source: SourceSettings) -> Path:
    """Where the source's files are on this machine (a git source: its clone)."""
    if source.folder is not None:
        return source.folder.expanduser()
    return settings.sources_dir.expanduser() / source.name


def kind_of(source: SourceSettings) -> str:
    return "git" if source.git else "folder"


def location_of(source: SourceSettings) -> str:
    return masked(source.git) if source.git else str(source.folder)


class Sources:
    """The configured sources of one store; every method is safe to call again."""

    def __init__(self, store: Store, settings: Settings, clock: Clock) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.records = SourceRecords(store)
        self._next_fetch: dict[str, datetime] = {}

    @property
    def configured(self) -> list[SourceSettings]:
        return self.settings.content_sources

    def named(self, name: str) -> SourceSettings | None:
        return next((s for s in self.configured if s.name == name), None)

    def for_folder(self, folder: Path) -> SourceSettings:
        """The configured folder source at ``folder``, else a source named after its path
        (so ``herald load ../seeds`` and ``herald load ../corpus`` never touch each other)."""
        real = folder.expanduser().resolve()
        for source in self.configured:
            if source.folder is not None and source.folder.expanduser().resolve() == real:
                return source
        # named after its path, which no configured name can be (names have no "/")
        return SourceSettings.model_construct(
            name=str(real),
            folder=real,
            git=None,
            branch="main",
            paths=[],
            site_url=None,
            permalink="date",
            organization=None,
            push=False,
        )

    def root(self, source: SourceSettings) -> Path:
        return root_of(self.settings, source)

    def repo(self, source: SourceSettings) -> GitRepo:
        return GitRepo(self.root(source))

    # --- syncing ----------------------------------------------------------------------------

    def sync(
        self,
        source: SourceSettings,
        *,
        fetch: bool = True,
        force: bool = False,
        progress: ProgressFn | None = None,
    ) -> LoadReport:
        """Sync one source; raises ``SyncRefused`` (too much would be withdrawn) and, for a
        git source never cloned, ``GitError``. A failed fetch of a clone is recorded and the
        sync goes on from the commit it has."""
        now = self.clock()
        if source.git is None:
            report = sync_folder(
                self.store,
                self.root(source),
                now=now,
                origin=origin_of(source),
                force=force,
                reread=read_by_other_rules(self.records.get(source.name)),
                progress=progress,
                max_bytes=self.settings.max_file_bytes,
            )
            self.records.synced(
                source.name, "folder", location_of(source), None, now, reader_version()
            )
            return report
        with clone_lock(self.root(source)):
            return self._sync_git(source, now, fetch=fetch, force=force, progress=progress)

    def _sync_git(
        self,
        source: SourceSettings,
        now: datetime,
        *,
        fetch: bool,
        force: bool,
        progress: ProgressFn | None,
    ) -> LoadReport:
        repo = self.repo(source)
        location = location_of(source)
        head, fetch_error = self._fetched(repo, source, now, fetch=fetch)
        record = self.records.get(source.name)
        base = record.synced_commit if record is not None else None
        reread = read_by_other_rules(record)
        # a source whose documents were never stored (or were lost), or were read by other
        # rules, is read in full
        synced = base is not None and not reread and self.store.has_documents(source.name)
        if synced and base == head:
            report = LoadReport()  # nothing new: not even a look at the files
        else:
            changes = self._changes(repo, source, base, head) if synced else None
            listing = listing_of(
                self.root(source),
                changes.changed if changes is not None else repo.files(source.paths),
            )
            report = sync_listing(
                self.store,
                listing,
                now=now,
                origin=origin_of(source),
                removed=changes.removed if changes is not None else None,
                force=force,
                reread=reread,
                progress=progress,
                max_bytes=self.settings.max_file_bytes,
                label=f"{base}..{head}",
            )
        self.records.synced(source.name, "git", location, head, now, reader_version())
        # a failed fetch, or a sync without one (which says nothing about the remote), keeps
        # the error in view until a fetch succeeds
        if fetch_error is not None:
            self.records.failed(source.name, "git", location, fetch_error, now)
        elif not fetch and record is not None and record.error:
            self.records.failed(source.name, "git", location, record.error, record.error_at or now)
        return report

    def _fetched(
        self, repo: GitRepo, source: SourceSettings, now: datetime, *, fetch: bool
    ) -> tuple[str, str | None]:
        """Clone or fetch as asked: the clone's HEAD, and why a fetch failed (the clone then
        stays at its last good commit; a clone that cannot be made raises)."""
        assert source.git is not None
        location = location_of(source)
        head: str | None = None
        try:
            if not repo.exists():
                repo.clone(source.git, source.branch)
                self.records.fetched(source.name, "git", location, now)
            elif fetch:
                self._next_fetch[source.name] = now + timedelta(minutes=self.settings.fetch_minutes)
                head = self._update(repo, source)
                self.records.fetched(source.name, "git", location, now)
        except GitError as exc:
            logger.warning("source %s: %s; keeping the last good content", source.name, exc)
            self.records.failed(source.name, "git", location, str(exc), now)
            if not repo.exists():
                raise
            return repo.head(), str(exc)
        return head or repo.head(), None

    def _changes(
        self, repo: GitRepo, source: SourceSettings, base: str | None, head: str
    ) -> Changes | None:
        """What changed since the synced commit; None when it is gone (a force push): read
        everything then."""
        if base is None:
            return None
        try:
            return repo.changes(base, head, source.paths)
        except GitError:
            logger.info("source %s: commit %s is gone; a full sync", source.name, base)
            return None

    def _update(self, repo: GitRepo, source: SourceSettings) -> str:
        """Fetch the branch and move the clone to it, local commits (chat edits not yet
        pushed) replayed on top; a conflict leaves the clone as it was and raises. The
        clone's new HEAD. (Each git command costs a process: 20-100 ms.)"""
        head = repo.head()
        fetched = repo.fetch(source.branch)
        if head == fetched:
            return head
        if repo.is_ancestor(head, fetched):
            repo.checkout(fetched)
            return fetched
        repo.rebase_onto(source.branch)
        if source.push:  # chat edits a refused push left behind
            repo.push(source.branch)
        return repo.head()

    def sync_all(
        self,
        *,
        fetch: bool = True,
        force: bool = False,
        progress: ProgressFn | None = None,
    ) -> list[SyncResult]:
        """Every configured source in turn; one that fails or is refused does not stop the
        others, and its content stays as it was."""
        return [
            self.sync_one(s, fetch=fetch, force=force, progress=progress) for s in self.configured
        ]

    def sync_one(
        self,
        source: SourceSettings,
        *,
        fetch: bool = True,
        force: bool = False,
        progress: ProgressFn | None = None,
    ) -> SyncResult:
        started = time.perf_counter()
        try:
            report = self.sync(source, fetch=fetch, force=force, progress=progress)
        except (SyncRefused, GitError, OSError) as exc:
            if not isinstance(exc, GitError):  # a fetch error is recorded already
                self.records.failed(
                    source.name, kind_of(source), location_of(source), str(exc), self.clock()
                )
            return SyncResult(source.name, error=str(exc), seconds=time.perf_counter() - started)
        record = self.records.get(source.name)
        return SyncResult(
            source.name,
            report=report,
            commit=record.synced_commit if record else None,
            seconds=time.perf_counter() - started,
        )

    # --- following --------------------------------------------------------------------------

    def follow(self, now: datetime) -> list[SyncResult]:
        """Fetch and sync each git source whose ``fetch_minutes`` have passed since this
        process last did; the scheduler calls it from its lease holder only."""
        every = timedelta(minutes=self.settings.fetch_minutes)
        done: list[SyncResult] = []
        for source in self.configured:
            if source.git is None or self._next_fetch.get(source.name, now) > now:
                continue
            self._next_fetch[source.name] = now + every
            result = self.sync_one(source, fetch=True)
            if result.error:
                logger.warning("source %s: %s", source.name, result.error)
            done.append(result)
        return done

    def status_lines(self) -> list[str]:
        """One line per source for ``/herald status``: what it holds, and any error."""
        return [describe(record) for record in self.records.all()]


# --- write-back as commits ------------------------------------------------------------------


def prepared(settings: Settings, doc: ParsedDocument) -> ParsedDocument:
    """A document written in chat, with what its source adds on a sync (organisation,
    links), so the next sync finds it unchanged."""
    origin, path = split_key(doc.source)
    source = next((s for s in settings.content_sources if s.name == origin), None)
    return doc if source is None else with_origin(doc, path, origin_of(source))


def git_source_of(settings: Settings, key: str) -> SourceSettings | None:
    """The git source a document key belongs to; None for a folder source."""
    origin = split_key(key)[0]
    source = next((s for s in settings.content_sources if s.name == origin), None)
    return source if source is not None and source.git is not None else None


def author_of(name: str, platform: str, user: str) -> Author:
    """``Ada <U123@slack.herald>``: the admin's name (or id) and chat id, as git accepts them."""

    def clean(text: str) -> str:
        return "".join(ch for ch in text if ch.isprintable() and ch not in "<>\n").strip()

    return Author(clean(name) or clean(user) or "admin", f"{clean(user)}@{clean(platform)}.herald")


def commit_change(
    settings: Settings, key: str, message: str, author: Author, *, delete: bool = False
) -> tuple[str, ...]:
    """Commit the file of ``key`` (written, or deleted with ``delete``) in its git source's
    clone, as ``author``; push when the source says so. What happened, in words for the
    admin; nothing for a folder source. Never raises: the change is saved either way."""
    source = git_source_of(settings, key)
    if source is None:
        return ()
    path = split_key(key)[1]
    repo = GitRepo(root_of(settings, source))
    with clone_lock(repo.path):
        return _commit_and_push(repo, source, path, message, author, delete=delete)


def _commit_and_push(
    repo: GitRepo, source: SourceSettings, path: str, message: str, author: Author, *, delete: bool
) -> tuple[str, ...]:
    try:
        if delete:
            (repo.path / path).unlink(missing_ok=True)
        commit = repo.commit([path], message, author)[:10]
    except (GitError, OSError) as exc:
        logger.warning("source %s: cannot commit %s: %s", source.name, path, exc)
        return (f"Saved, but not committed in {source.name}: {exc}",)
    if not source.push:
        return (f"Committed {commit} in Herald's clone of {source.name} (pushing is off).",)
    return (push(repo, source, commit),)


def push(repo: GitRepo, source: SourceSettings, commit: str) -> str:
    """Push; when someone pushed first, fetch, replay Herald's commits on theirs and push
    once more. Nothing is lost when that fails too: the commit stays in the clone."""
    try:
        repo.push(source.branch)
        return f"Committed {commit} and pushed it to {source.branch} of {source.name}."
    except GitError as first:
        logger.info("source %s: push refused (%s); fetching and rebasing", source.name, first)
    try:
        repo.fetch(source.branch)
        repo.rebase_onto(source.branch)
        repo.push(source.branch)
    except GitError as exc:
        logger.warning("source %s: push failed after a rebase: %s", source.name, exc)
        return (
            f"Committed {commit} in Herald's clone of {source.name}, but it could not be "
            f"pushed to {source.branch}: {exc}. Nothing is lost: the commit stays in the "
            "clone and Herald pushes it after the next fetch. If the same posting was changed "
            "in the repository meanwhile, make your change there by hand."
        )
    return (
        f"Committed {commit} and pushed it to {source.branch} of {source.name} (after "
        "replaying it on changes someone else pushed first)."
    )


def describe(record: SourceRecord) -> str:
    commit = f" at {record.synced_commit[:10]}" if record.synced_commit else ""
    line = (
        f"Source {record.name} ({record.kind}{commit}): {record.documents} documents, "
        f"{record.postings} active postings"
    )
    if record.error:
        line += f"; last error: {record.error}"
        if record.kind == "git":
            line += " (serving the last good content)"
    return line


def merged(results: list[SyncResult]) -> LoadReport:
    """One report of several syncs; a source that did not sync is one failure line."""
    total = LoadReport()
    for result in results:
        if result.report is not None:
            for name in ("added", "updated", "unchanged", "withdrawn", "failed", "warnings"):
                getattr(total, name).extend(getattr(result.report, name))
        if result.error:
            total.failed.append(LoadFailure(f"source {result.name}", result.error))
    return total

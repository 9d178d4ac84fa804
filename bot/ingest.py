"""Syncing a content folder into the store: what is new, changed, unchanged, gone or broken.

Unchanged files are recognised by their SHA-256 before any parsing, so a re-sync of a large
folder costs one read and one hash per file. A broken file is reported and never stops a load.
A large load parses in worker processes while this process saves (see ``bot.content.parallel``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal

from bot.config import DEFAULT_MAX_FILE_BYTES, env_name
from bot.content import parse_bytes
from bot.content.parallel import Outcome, Parse, available_cpus, parse_files
from bot.domain import DEFAULT_SOURCE, HeraldError, LoadFailure, LoadReport, ParsedDocument
from bot.store import Store
from bot.store.keys import document_key

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

SUFFIXES = (".md", ".markdown")
# Jekyll's output, and its drafts (published only with --drafts)
SKIPPED_DIRS = frozenset({"_site", "_drafts", "node_modules"})
SKIPPED_FILES = frozenset({"readme.md", "readme.markdown"})
# Below this many files to parse, starting worker processes costs more than it saves.
POOL_THRESHOLD = 200
# Saving, which one process does, keeps up with about three parsing processes.
MAX_AUTO_WORKERS = 4
# With parser processes, the last files are saved in batches this small: what is still pending
# when parsing ends is saved with the other cores idle (500 documents: about 0.1 s).
TAIL_BATCH = 50


def _safe_text(name: str) -> str:
    # Undecodable bytes in a file name become U+FFFD, so the source is valid text everywhere.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _content_folder(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_DIRS


def _content_name(name: str) -> bool:
    lower = name.lower()
    return not name.startswith(".") and lower.endswith(SUFFIXES) and lower not in SKIPPED_FILES


def is_content_path(path: str) -> bool:
    """Whether a path in a source (``jobs/_posts/a.md``) is a document, by the rules ``walk``
    applies while it walks a folder."""
    *folders, name = path.split("/")
    return all(_content_folder(f) for f in folders) and _content_name(name)


def listing_of(root: Path, paths: Iterable[str]) -> Listing:
    """The documents among ``paths`` (relative to ``root``, e.g. from git), as ``walk``
    would list them, links out of ``root`` refused the same way."""
    found = Listing()
    real_root = os.path.join(os.path.realpath(root), "")
    for path in paths:
        if not is_content_path(path):
            continue
        where = os.path.join(root, path)
        if os.path.islink(where) and not os.path.realpath(where).startswith(real_root):
            reason = "skipped: it is a link to a file outside the content folder"
            found.outside.append(LoadFailure(_safe_text(path), reason))
            continue
        found.files.append((_safe_text(path), where))
    found.files.sort()
    return found


def content_files(root: Path) -> list[tuple[str, str]]:
    """(source, path) of every document under root, sorted by source.

    Hidden folders and files, Jekyll's ``_site`` output and ``_drafts``, and README files
    are not content.
    Sources are relative to root with forward slashes. Files that ``walk`` skips are left out.
    """
    return walk(root).files


@dataclasses.dataclass
class Listing:
    """The documents under a folder, and what is skipped with its reason: the links to files
    outside it, or the folder itself when it cannot be read."""

    files: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    outside: list[LoadFailure] = dataclasses.field(default_factory=list)


def walk(root: Path) -> Listing:
    """The folder's documents (as ``content_files``), and a reason for each link whose real
    path leaves the folder (a site with many contributors could otherwise publish
    /etc/passwd)."""
    # Plain strings, not Paths: at 10,000 files pathlib alone costs a third of a re-sync.
    found = Listing()
    real_root = os.path.join(os.path.realpath(root), "")
    stack = [("", os.fspath(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            logger.warning("cannot list %s: %s", folder, exc)
            if not prefix:  # the folder itself: said in the report, not only in a log line
                reason = f"the content folder {root} cannot be read: {exc.strerror or exc}"
                found.outside.append(LoadFailure(".", reason))
            continue
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):  # no symlink loops
                if _content_folder(name):
                    subfolders.append((f"{prefix}{name}/", entry.path))
            elif _content_name(name) and entry.is_file():
                _file_into(found, _safe_text(prefix + name), entry, real_root)
        stack.extend(subfolders)
    found.files.sort()
    return found


def _file_into(found: Listing, source: str, entry: os.DirEntry[str], real_root: str) -> None:
    # Only links need their real path resolved: folders are never followed through links, so
    # any other file is inside the folder.
    if entry.is_symlink() and not os.path.realpath(entry.path).startswith(real_root):
        reason = "skipped: it is a link to a file outside the content folder"
        logger.warning("%s %s", source, reason)
        found.outside.append(LoadFailure(source, reason))
        return
    found.files.append((source, entry.path))


def _too_large(source: str, size: int, max_bytes: int) -> LoadFailure:
    reason = (
        f"skipped: the file is {_size(size)}, over the {_size(max_bytes)} limit for one page "
        f"({env_name('max_file_bytes')}); split it or remove it"
    )
    logger.warning("%s %s", source, reason)
    return LoadFailure(source, reason)


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1_000:.1f} KB"


def _first_look(
    source: str, path: str, stored_hash: str | None, max_bytes: int | None
) -> Literal["changed", "unchanged"] | LoadFailure:
    """ "changed", "unchanged", or why the file is not loaded. A file over ``max_bytes`` is
    found before it is parsed: by a stat for a new file, of the open file for a known one."""
    try:
        if stored_hash is None:
            size = os.stat(path).st_size if max_bytes is not None else 0
            if max_bytes is not None and size > max_bytes:
                return _too_large(source, size, max_bytes)
            return "changed"  # new whatever its hash: read once, to be parsed
        with open(path, "rb") as file:
            # fstat of the open file, not read(limit + 1): that allocates the limit each time
            size = os.fstat(file.fileno()).st_size if max_bytes is not None else 0
            if max_bytes is not None and size > max_bytes:
                return _too_large(source, size, max_bytes)
            data = file.read()
    except OSError as exc:
        return LoadFailure(source, f"cannot read: {exc.strerror or exc}")
    return "unchanged" if hashlib.sha256(data).hexdigest() == stored_hash else "changed"


@dataclasses.dataclass(frozen=True)
class Origin:
    """Which named source a sync is of, and what it adds to each document it reads.

    ``links``: the page's public address and its file's address in the repository, from
    its path in the source and the parsed document (``bot.links``); ``organization``: the
    organisation of pages that name none.
    """

    name: str = DEFAULT_SOURCE
    organization: str | None = None
    links: Callable[[str, ParsedDocument], tuple[str | None, str | None]] | None = None


class SyncRefused(HeraldError):
    """A sync would withdraw more than half of its source's documents: more likely a wrong
    folder, an empty checkout or a bad glob than a deliberate clean-up. Nothing was changed."""

    def __init__(self, origin: str, gone: int, known: int) -> None:
        super().__init__(
            f"syncing {origin} would withdraw {gone} of its {known} documents (more than "
            "half); nothing was changed. Check the folder or its settings, or run "
            f"`herald load --force` to withdraw them."
        )
        self.origin, self.gone, self.known = origin, gone, known


def too_many_gone(gone: int, known: int) -> bool:
    return gone * 2 > known


def sync_folder(
    store: Store,
    root: Path,
    *,
    now: datetime,
    origin: Origin | None = None,
    force: bool = False,
    reread: bool = False,
    parse: Parse = parse_bytes,
    progress: Progress | None = None,
    batch: int = 500,
    workers: int | None = None,
    max_bytes: int | None = DEFAULT_MAX_FILE_BYTES,
) -> LoadReport:
    """Make the store reflect ``root`` for the source ``origin``: add, update, keep,
    withdraw; report every file. Other sources' documents are never touched.

    A file that cannot be read or parsed lands in ``failed`` and keeps its previous stored
    version (it still exists, so it is not withdrawn). A sync that would withdraw more than
    half of the source's documents raises ``SyncRefused`` before changing anything, unless
    ``force``.

    ``reread``: read and store every file, changed or not (the loader's rules changed since
    the source was read: ``bot.content.reader``).

    ``workers``: parser processes for a load of more than ``POOL_THRESHOLD`` changed files;
    1 parses here. None (the default) means one per CPU, up to ``MAX_AUTO_WORKERS``, for the
    default parser only: a parser passed in may keep state, which workers would not share.
    The report is the same either way.

    ``max_bytes``: larger files are skipped and reported as failed (None: no limit). A file
    skipped this way keeps its stored version; a link leaving the folder is not content and
    its stored version, if any, is withdrawn.
    """
    listing = walk(root)
    return sync_listing(
        store,
        listing,
        now=now,
        origin=origin,
        force=force,
        reread=reread,
        parse=parse,
        progress=progress,
        batch=batch,
        workers=workers,
        max_bytes=max_bytes,
        label=str(root),
    )


def sync_listing(
    store: Store,
    listing: Listing,
    *,
    now: datetime,
    origin: Origin | None = None,
    removed: Collection[str] | None = None,
    known: dict[str, str] | None = None,
    force: bool = False,
    reread: bool = False,
    parse: Parse = parse_bytes,
    progress: Progress | None = None,
    batch: int = 500,
    workers: int | None = None,
    max_bytes: int | None = DEFAULT_MAX_FILE_BYTES,
    label: str = "",
) -> LoadReport:
    """``sync_folder`` of the files listed (paths in the source, and where to read them).

    ``removed`` None: the listing is every file of the source, so whatever else the source
    held is withdrawn. Otherwise the listing is only what changed (a git diff) and exactly
    the ``removed`` paths are withdrawn; the rest of the source is kept without a look.
    ``known``: the source's stored hashes (of the listed and removed files at least), when
    the caller has read them already.
    """
    origin = origin or Origin()
    report = LoadReport()
    # (key in the store, path in the source, where to read it)
    files = [(document_key(origin.name, path), path, where) for path, where in listing.files]
    report.failed.extend(
        LoadFailure(document_key(origin.name, f.path), f.reason) for f in listing.outside
    )
    total = len(files)
    listed = {source for source, _, _ in files}
    known, gone_keys = _what_goes(store, origin.name, listed, removed, known, force)
    step = max(1, total // 200)
    done = 0

    def tick() -> None:
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)

    # Pass 1: what changed. Reading and hashing 10,000 known files costs about 0.2 s; a file
    # the store has never seen is new whatever its hash, and is read only once, to be parsed.
    # the parser reads the path in the source (a Jekyll date, a slug), not the store's key
    changed: list[tuple[str, str]] = []
    for source, path, where in files:
        # a file to read again is looked at as a new one: its size, not its hash
        look = _first_look(source, where, None if reread else known.get(source), max_bytes)
        if look == "changed":
            changed.append((path, where))
            continue
        if isinstance(look, LoadFailure):
            report.failed.append(look)
        else:
            report.unchanged.append(source)
        done += 1
        tick()

    # Pass 2: parse what changed (re-read, so the stored hash is that of the bytes parsed) and
    # save in batches; with a pool, workers parse the next files while a batch is saved.
    count = _worker_count(workers, parse, len(changed))
    pending: list[ParsedDocument] = []
    left = len(changed)  # outcomes still to come
    tail = min(batch, TAIL_BATCH) if count > 1 else batch
    for outcome in parse_files(changed, parse, workers=count):
        left -= 1
        doc = _accepted(outcome, report, origin)
        if doc is not None:
            pending.append(doc)
            if len(pending) >= (batch if left >= batch else tail):
                _save(store, pending, now, report, reread)
                pending = []
        done += 1
        tick()
    if pending:
        _save(store, pending, now, report, reread)
    if removed is None:
        report.withdrawn.extend(store.withdraw_missing(listed, now, origin.name))
    elif gone_keys:  # a diff names what went: no need to compare with every stored document
        report.withdrawn.extend(store.withdraw(gone_keys, now))
    logger.info("synced %s %s: %s", origin.name, label, report.counts())
    return report


def _what_goes(
    store: Store,
    origin: str,
    listed: set[str],
    removed: Collection[str] | None,
    known: dict[str, str] | None,
    force: bool,
) -> tuple[dict[str, str], list[str]]:
    """The stored hashes a sync compares with, and the keys it withdraws; raises
    ``SyncRefused`` when those are more than half of the source (unless ``force``)."""
    if removed is None:
        known = store.known_hashes(origin) if known is None else known
        size = len(known)
        gone = [source for source in known if source not in listed]
    else:
        # only what the diff names is looked up: reading 10,000 stored hashes costs 0.2 s
        removed_keys = {document_key(origin, p) for p in removed} - listed
        known = store.present_hashes([*listed, *removed_keys]) if known is None else known
        size = store.count_present(origin)
        gone = sorted(source for source in removed_keys if source in known)
    if gone and too_many_gone(len(gone), size) and not force:
        raise SyncRefused(origin, len(gone), size)
    return known, gone


def _worker_count(workers: int | None, parse: Parse, changed: int) -> int:
    if changed <= POOL_THRESHOLD:
        return 1
    if workers is not None:
        return workers
    return min(available_cpus(), MAX_AUTO_WORKERS) if parse is parse_bytes else 1


def _accepted(outcome: Outcome, report: LoadReport, origin: Origin) -> ParsedDocument | None:
    path, digest, doc = outcome.source, outcome.digest, outcome.doc
    source = document_key(origin.name, path)
    if doc is None or digest is None:
        report.failed.append(LoadFailure(source, outcome.failure or "not parsed"))
        return None
    # The store recognises unchanged files by this folder's own hash, whatever the parser did.
    if doc.source != source or doc.content_hash != digest:
        doc = dataclasses.replace(doc, source=source, content_hash=digest)
    doc = with_origin(doc, path, origin)
    report.warnings.extend(LoadFailure(source, message) for message in doc.warnings)
    return doc


def with_origin(doc: ParsedDocument, path: str, origin: Origin) -> ParsedDocument:
    """``doc`` with what its source adds: the default organisation and the links."""
    if doc.organization is None and origin.organization:
        doc = dataclasses.replace(doc, organization=origin.organization)
    if origin.links is not None:
        page_url, file_url = origin.links(path, doc)
        doc = dataclasses.replace(doc, page_url=page_url, file_url=file_url)
    return doc


def _save(
    store: Store, docs: list[ParsedDocument], now: datetime, report: LoadReport, reread: bool
) -> None:
    try:
        outcomes = store.save_documents(docs, now, reread=reread)
    except Exception as exc:
        if len(docs) == 1:
            logger.exception("cannot store %s", docs[0].source)
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            report.failed.append(
                LoadFailure(docs[0].source, f"cannot store: {type(exc).__name__} {reason}".strip())
            )
            return
        # One bad document spoils its batch's transaction: retry one by one to isolate it.
        logger.warning("batch of %d failed to save; retrying one by one", len(docs))
        for doc in docs:
            _save(store, [doc], now, report, reread)
        return
    buckets = {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}
    for source, outcome in outcomes.items():
        buckets[outcome].append(source)

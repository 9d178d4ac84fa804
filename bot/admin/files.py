"""Where chat-written postings live on disk, and writing them so a crash never leaves half a file.

Sources are document keys (``bot.store.keys``): a path relative to its source's folder or
clone with forward slashes, exactly as a sync names it, so a file Herald writes is the same
document the next sync reads (and, with the same SHA-256, leaves unchanged).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from datetime import date
from pathlib import Path

from bot.admin.records import Refused
from bot.config import Settings, SourceSettings
from bot.content.slug import ascii_words
from bot.domain import DEFAULT_SOURCE
from bot.store.keys import document_key, split_key

logger = logging.getLogger(__name__)

MAX_NAME_WORDS = 8


def source_root(settings: Settings, origin: str) -> Path:
    """The folder (or git clone) of the named source, resolved."""
    from bot.sources import root_of  # with the loader, which only changes of content need

    source = next((s for s in settings.content_sources if s.name == origin), None)
    if source is None:
        raise Refused(
            f"The source {origin} is not configured (a folder loaded by path?); change its "
            "files there, then load it again."
        )
    return root_of(settings, source).expanduser().resolve()


def writeback_source(settings: Settings) -> SourceSettings:
    """The source that takes postings added in chat: the first with a ``writeback`` folder,
    else the default folder source (``writeback_dir`` inside ``content_dir``)."""
    sources = settings.content_sources
    chosen = next((s for s in sources if s.writeback), None)
    chosen = chosen or next((s for s in sources if s.name == DEFAULT_SOURCE), None)
    if chosen is None:
        raise Refused(
            "No source takes postings added in chat: give one a writeback folder "
            '(e.g. "writeback": "_posts" in HERALD_SOURCES).'
        )
    return chosen


def writeback_folder(settings: Settings) -> Path:
    """The folder new postings go to; it must be inside its source, or the next sync would
    not see the files and would withdraw the postings."""
    source = writeback_source(settings)
    root = source_root(settings, source.name)
    if source.writeback:
        folder = (root / source.writeback).resolve()
    else:
        folder = (settings.writeback_dir or root / "postings").expanduser().resolve()
    if not folder.is_relative_to(root):
        raise Refused(
            f"The write-back folder {folder} is outside the content folder {root}; set "
            "HERALD_WRITEBACK_DIR to a folder inside it."
        )
    return folder


def path_of(settings: Settings, source: str) -> Path:
    """The file of the document key ``source``, inside its source's folder or clone."""
    origin, relative = split_key(source)
    root = source_root(settings, origin)
    path = (root / relative).resolve()
    if not path.is_relative_to(root):
        raise Refused(f"{source} is outside the content folder.")
    return path


def source_of(settings: Settings, path: Path) -> str:
    """The document key of a file in the write-back source."""
    origin = writeback_source(settings).name
    relative = path.resolve().relative_to(source_root(settings, origin)).as_posix()
    return document_key(origin, relative)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def file_name(posted: date, title: str, organization: str | None) -> str:
    """ "2026-11-23-datacite-data-steward.md": dated like a Jekyll post, readable in a diff."""
    words = ascii_words(organization or "")[:3] + ascii_words(title)
    slug = "-".join(dict.fromkeys(words[:MAX_NAME_WORDS])) or "posting"
    return f"{posted.isoformat()}-{slug}.md"


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it: readers see the old file or the new one.

    The temporary name starts with a dot, which the content loader skips.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def put_back(path: Path, old: bytes | None) -> None:
    """Undo a write after the database refused the change (best effort, logged)."""
    try:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, old)
    except OSError:
        logger.exception("could not restore %s after a failed admin change", path)

"""Where chat-written postings live on disk, and writing them so a crash never leaves half a file.

Sources are paths relative to the content folder with forward slashes, exactly as
``bot.ingest.content_files`` names them, so a file Herald writes is the same document the next
sync reads (and, with the same SHA-256, leaves unchanged).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from datetime import date
from pathlib import Path

from bot.admin.records import Refused
from bot.config import Settings
from bot.content.slug import ascii_words

logger = logging.getLogger(__name__)

MAX_NAME_WORDS = 8


def content_root(settings: Settings) -> Path:
    return settings.content_dir.expanduser().resolve()


def writeback_folder(settings: Settings) -> Path:
    """The folder new postings go to; it must be inside the content folder, or the next sync
    would not see the files and would withdraw the postings."""
    root = content_root(settings)
    folder = (settings.writeback_dir or root / "postings").expanduser().resolve()
    if not folder.is_relative_to(root):
        raise Refused(
            f"The write-back folder {folder} is outside the content folder {root}; set "
            "HERALD_WRITEBACK_DIR to a folder inside it."
        )
    return folder


def path_of(settings: Settings, source: str) -> Path:
    root = content_root(settings)
    path = (root / source).resolve()
    if not path.is_relative_to(root):
        raise Refused(f"{source} is outside the content folder.")
    return path


def source_of(settings: Settings, path: Path) -> str:
    return path.resolve().relative_to(content_root(settings)).as_posix()


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

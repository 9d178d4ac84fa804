"""A tiny stand-in parser, so sync tests do not depend on the real extractor."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.domain import ContentError, ParsedDocument, PostingDraft


class CountingParser:
    """Reads ``title:`` and ``slug:`` lines; ``boom`` in the body raises, as a parser bug would."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, source: str, data: bytes) -> ParsedDocument:
        self.calls.append(source)
        text = data.decode("utf-8")
        if "broken" in text:
            raise ContentError(source, "no front matter")
        if "boom" in text:
            raise RuntimeError("parser bug")
        fields = dict(
            line.split(":", 1)
            for line in text.splitlines()
            if ":" in line and not line[0].isspace()
        )
        title = fields.get("title", source).strip()
        slug = fields.get("slug", Path(source).stem).strip()
        warnings = ("deadline year inferred",) if "warn" in text else ()
        return ParsedDocument(
            source=source,
            # Deliberately not the file's hash: the sync must store its own.
            content_hash=hashlib.md5(data).hexdigest(),
            kind="job",
            title=title,
            postings=(PostingDraft(slug=slug, title=title, body=text),),
            warnings=warnings,
        )


def write(root: Path, source: str, title: str, extra: str = "") -> Path:
    path = root / source
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\n{extra}\n", encoding="utf-8")
    return path


def strict_parse(source: str, data: bytes) -> ParsedDocument:
    """A module-level parser a process pool can use: ``boom`` raises, ``broken`` is refused,
    ``die`` kills the worker process that reads it (and raises when parsed in the main one)."""
    import multiprocessing
    import os

    if b"die" in data:
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        raise RuntimeError("parsed in the main process after a worker died")
    return CountingParser()(source, data)

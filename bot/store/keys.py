"""Document keys: which source a stored document came from, and its path there.

``documents.source`` is unique, so two sources holding the same relative path (two Jekyll
sites both have ``_posts/2026-01-05-hello.md``) need different keys. A key is the source's
name, ``//`` and the path; the default source ``content`` keeps the bare path, as every
store held before sources had names (so no existing key, id or link changes). ``//`` never
occurs in a path a sync produces (relative, one slash between names), so the split is exact.

Example::

    document_key("site", "_posts/a.md")    # "site//_posts/a.md"
    document_key("content", "jobs/b.md")   # "jobs/b.md"
    split_key("site//_posts/a.md")         # ("site", "_posts/a.md")
"""

from __future__ import annotations

from bot.domain import DEFAULT_SOURCE

SEPARATOR = "//"


def document_key(origin: str, path: str) -> str:
    return path if origin == DEFAULT_SOURCE else f"{origin}{SEPARATOR}{path}"


def split_key(key: str) -> tuple[str, str]:
    """(source name, path) of a key made by ``document_key``."""
    origin, separator, path = key.partition(SEPARATOR)
    return (origin, path) if separator else (DEFAULT_SOURCE, key)


def origin_of(key: str) -> str:
    return split_key(key)[0]

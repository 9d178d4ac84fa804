"""Short, typeable posting ids: ``iiif-managing-director-2023``."""

from __future__ import annotations

import re
from datetime import date

from bot.content.text import remembered
from bot.text import ascii_folded

MAX_LENGTH = 48
_WORDS = re.compile(r"[a-z0-9]+")
_BRACKETS = re.compile(r"\(.*?\)")
_STOP = frozenset(
    "a an and the of for in at to on with by or & de la le les der die das und our your new".split()
)
_NOISE = frozenset("position job opening vacancy posting search hiring temporary".split())


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(ascii_folded(text)))


_remembered_words = remembered(_words_of)  # roles and organisations repeat from page to page


def ascii_words(text: str) -> list[str]:
    return list(_remembered_words(text))


def make_slug(
    role: str, org_short: str | None, posted: date | None, fallback: str, org: str | None = None
) -> str:
    """Organisation short name, up to four role words, the posted year; at most 48 chars."""
    org_words = ascii_words(org_short or "")
    taken = set(org_words) | set(ascii_words(org or ""))
    role_words = [
        w for w in ascii_words(role) if w not in _STOP and w not in taken and w not in _NOISE
    ][:4]
    year = [str(posted.year)] if posted else []
    words = org_words[:3] + role_words
    if not role_words:
        words += ascii_words(fallback)[:4]
    budget = MAX_LENGTH - (len(year[0]) + 1 if year else 0)
    kept: list[str] = []
    length = 0
    for word in words:
        extra = len(word) + (1 if kept else 0)
        if length + extra > budget:
            break
        kept.append(word)
        length += extra
    slug = "-".join(kept + year)
    return slug[:MAX_LENGTH].strip("-") or "posting"


def org_short_name(org: str | None, known: dict[str, str]) -> str | None:
    """A known organisation's handle (``datacite``), else its initials or first words."""
    if not org:
        return None
    if org in known:
        return known[org]
    words = [w for w in ascii_words(_BRACKETS.sub("", org)) if w not in _STOP]
    if len(words) >= 3:
        return "".join(w[0] for w in words[:5])
    return "-".join(words[:2]) or None

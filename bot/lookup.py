"""A posting named by its id in a command (``/jobs show <id>``, ``/jobs remind <id>``).

Ids are short slugs people copy from a list; a mistyped one gets the ids closest to it. Those
are found through the text index, by the words of the id in titles and organisations: a
store of 100,000 postings made comparing with every id take 9-13 s.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

from bot.commands import StoreReader
from bot.domain import NotFound, Posting, PostingQuery

# an id is a short typeable slug; anything else (NUL bytes, emoji, essays) cannot be one, and
# PostgreSQL refuses NUL in a text parameter
_ID = re.compile(r"[\w.\-]{1,120}", re.ASCII)
_ID_WORD = re.compile(r"[a-z]{3,}")  # the words of a slug that a title may hold
_WORDS_TRIED = 3  # the longest words of the id, each looked for alone
CANDIDATES = 50  # postings per word whose ids are compared
SUGGESTED = 3


def posting_by_id(
    store: StoreReader, wanted: str, *, today: date, include_inactive: bool, command: str
) -> Posting:
    """The posting ``wanted`` names (as typed, or lower-cased); else ``NotFound`` offering
    ``command`` (``"/jobs show"``) with the closest ids."""
    plausible = _ID.fullmatch(wanted) is not None
    posting = store.get_posting(wanted.lower()) if plausible else None
    if posting is None and plausible and wanted != wanted.lower():
        posting = store.get_posting(wanted)
    if posting is not None:
        return posting
    close = close_ids(store, wanted, today=today, include_inactive=include_inactive)
    raise NotFound(
        f"No posting has the id `{_printable(wanted)[:80]}`.",
        [f"{command} {c}" for c in close] or ["/jobs"],
    )


def close_ids(store: StoreReader, wanted: str, *, today: date, include_inactive: bool) -> list[str]:
    """Ids like ``wanted``: a word of it mistyped still finds the postings of the others."""
    wanted = wanted.lower()
    words = sorted(set(_ID_WORD.findall(wanted)), key=len, reverse=True)[:_WORDS_TRIED]
    ids: set[str] = set()
    for word in words:
        q = PostingQuery(
            today=today,
            terms=(word,),
            include_inactive=include_inactive,
            in_titles=True,
            limit=CANDIDATES,
            count_limit=0,
        )
        ids.update(h.id for h in store.find_posting_heads(q))
    return difflib.get_close_matches(wanted, sorted(ids), n=SUGGESTED, cutoff=0.5)


def _printable(text: str) -> str:
    return "".join(c for c in text if c.isprintable())

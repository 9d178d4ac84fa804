"""Jobs pages that list several openings: a "Current Openings" list of in-page links, then one
section per opening (the DataCite jobs page). Each section becomes its own posting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.blocks import Heading, own_text, section_text
from bot.content.text import plain, remembered

_LIST_HEADING = re.compile(
    r"^(?:current |open |available |our )?(?:job )?(?:openings|positions|vacancies|opportunities"
    r"|jobs)(?: at .*)?\W*$",
    re.I,
)
_is_list_heading = remembered(lambda title: _LIST_HEADING.match(title) is not None)
_ANCHOR_LINK = re.compile(r"\[([^\]\n]+)\]\(#([^)\s]+)\)")


@dataclass(frozen=True)
class Opening:
    """``headings``: those of ``text``, offsets in it (the page's, moved: a section starts
    after a heading line, where Markdown's block structure starts afresh)."""

    title: str
    anchor: str | None
    text: str
    headings: list[Heading]


def find_openings(markdown: str, found: list[Heading]) -> list[Opening] | None:
    """The openings a jobs page lists; ``[]`` for a list that is empty; None for other pages."""
    for index, heading in enumerate(found):
        if not _is_list_heading(heading.text):
            continue
        listed = _ANCHOR_LINK.findall(own_text(markdown, found, index))
        if not listed:
            body = plain(own_text(markdown, found, index))
            if index + 1 < len(found) or body:
                # A list heading followed by prose only: "no openings at the moment".
                return [] if _says_none(body) or not body else None
            return []
        anchors = {anchor.lower(): label for label, anchor in listed}
        labels = {plain(label).lower(): label for label, _ in listed}
        openings: list[Opening] = []
        for j, candidate in enumerate(found):
            if j == index:
                continue
            title = candidate.text
            anchor = (candidate.anchor or "").lower()
            if anchor in anchors or title.lower() in labels:
                openings.append(_opening(markdown, found, j))
        return openings or None
    return None


def _opening(markdown: str, found: list[Heading], index: int) -> Opening:
    heading = found[index]
    text = section_text(markdown, found, index)
    offset, end = heading.body_start, heading.body_start + len(text)
    inside = [
        h._replace(start=h.start - offset, body_start=h.body_start - offset)
        for h in found[index + 1 :]
        if h.start < end
    ]
    return Opening(heading.text, heading.anchor, text, inside)


def _says_none(body: str) -> bool:
    lowered = body.lower()
    return any(
        phrase in lowered
        for phrase in ("no open", "no current", "not currently", "no vacanc", "no positions")
    )

"""Jobs pages that list several openings: a "Current Openings" list of in-page links, then one
section per opening (the DataCite jobs page). Each section becomes its own posting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.blocks import Heading, own_text, section_text
from bot.content.orgs import ROLE_WORDS
from bot.content.text import plain, remembered

_LIST_HEADING = re.compile(
    r"^(?:current |open |available |our )?(?:job )?(?:openings|positions|vacancies|opportunities"
    r"|jobs)(?: at .*)?\W*$",
    re.I,
)
_is_list_heading = remembered(lambda title: _LIST_HEADING.match(title) is not None)
# A heading that is the name of a job: a few words ending in a role ("Data Curator", "Outreach
# Assistant (part-time)"), not a section of one posting ("About the Position", "Reports to:
# Head of Collections").
_ROLE_HEADING = re.compile(r"^(?P<name>[^:?!]{2,60}?)\s*(?:\([^()]{1,40}\))?\s*$")
_SECTION_START = re.compile(
    r"^(?:about|the|this|our|your|how|what|who|why|when|where|job|position|role|apply|duties"
    r"|responsibilit|qualification|requirement|benefit|salary|compensation|working|key|main"
    r"|essential|desirable|person|skills|more|other|further|summary|overview|contact)",
    re.I,
)
# "## Vacancy: Cataloguing Assistant", "### Position 2 – Digitisation Officer": a label
# before the job's name
_HEADING_LABEL = re.compile(
    r"^(?:vacancy|position|job|role|opening|post)(?: \d{1,2})?[ \t]*[:–—-][ \t]*(?=\S)", re.I
)
_ROLE_AT_END = remembered(lambda name: _ends_in_role(name))
# A role and its field: "Research Associate in Oral History Data", "Curator of Photographs",
# "Coordinator for Community Archives" name the job before the preposition.
_ROLE_FIELD = re.compile(r"\s(?:in|of|for)\s")
# A row of a table of openings, as the cleaner writes one ("- Post: Digitisation Assistant;
# Hours: 22.5; Closing date: 8 March 2027"): the first column names the job.
_OPENING_ROW = re.compile(
    r"- (?:post|role|position|job|job title|title|vacancy|opening|opportunity)s?: "
    r"(?P<title>[^;\n]{2,80})(?:; (?P<rest>[^\n]*))?$",
    re.I | re.M,
)
# A list item naming a job in bold first: "- **Registrar** (full-time, …). Closing date …",
# or a numbered paragraph doing so: "**1. Schools Coordinator** — full-time, …", "**2) …**"
_OPENING_ITEM = re.compile(
    r"(?:[-*+] \*\*|\*\*\d{1,2}[.)] )(?P<title>[^*:\n]{2,80}?)\.?\*\*(?P<rest>[^\n]*)$", re.M
)
# A list item naming a job before a comma, without bold: "- Rare Books Librarian, full-time,
# €52,000 a year" (under "We have three vacancies:").
_PLAIN_ITEM = re.compile(r"[-*+] (?P<title>[^,;:*\n]{2,60}), (?P<rest>[^\n]*)$", re.M)
# A fact of an opening in an item: an amount of money or a deadline's word.
_ITEM_FACT = re.compile(r"[$£€]\s?\d|\d\s?(?:€|eur|usd|gbp)|closing|closes|deadline|apply by", re.I)
# The cells after the first, each "Header: value"; a value may hold "; " of its own.
_NEXT_CELL = re.compile(r"; (?=[^;:\n]{1,40}: )")
_ANCHOR_LINK = re.compile(r"\[([^\]\n]+)\]\(#([^)\s]+)\)")


@dataclass(frozen=True)
class Opening:
    """``headings``: those of ``text``, offsets in it (the page's, moved: a section starts
    after a heading line, where Markdown's block structure starts afresh)."""

    title: str
    anchor: str | None
    text: str
    headings: list[Heading]
    start: int = 0  # where the opening's heading is on the page
    end: int | None = None  # where a row or list item ends (a section runs to the next one)


# A sentence about every opening of a page: "Informal enquiries about either post to …",
# "Applications for both roles go to …", "For all three positions, write to …".
FOR_EVERY_OPENING = re.compile(
    r"\b(?:either|both|all|each|any)(?: of)?(?: the| these| our)?(?: two| three| four| five)?"
    r" (?:posts|post|roles|role|positions|position|openings|opening|vacancies|vacancy|jobs"
    r"|job)\b",
    re.I,
)


def shared_text(markdown: str, openings: list[Opening]) -> str:
    """What a page says outside its openings, which every opening shares ("Both roles are
    based in our office in Aarhaven"): before the first, after the last row or item of a
    table or list of them, and the paragraphs under the last section that speak of every
    opening ("Applications for both positions are accepted until 31 March")."""
    if not openings:
        return ""
    before = _without_contents(markdown[: min(o.start for o in openings)])
    ends = [o.end for o in openings]
    if None in ends:
        last = openings[-1].text.split("\n\n")
        for_all = [p for p in last[1:] if FOR_EVERY_OPENING.search(p) is not None]
        return "\n\n".join([before, *for_all])
    return f"{before}\n\n{markdown[max(e for e in ends if e is not None) :]}"


def _without_contents(text: str) -> str:
    """``text`` without the lines that link to a section of the page ("- [Support Specialist
    (part-time)](#support)"): the list of openings names each of them, and read as words
    every opening shares, one opening's "part-time" became all of theirs."""
    return "\n".join(line for line in text.split("\n") if _ANCHOR_LINK.search(line) is None)


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


def role_sections(markdown: str, found: list[Heading]) -> list[Opening] | None:
    """A page of several openings without a list of links: two or more headings of one level,
    each naming a job ("## Data Curator", "## Outreach Assistant (part-time)"), each section
    one opening. None when the page has fewer."""
    levels = sorted({h.level for h in found})
    for level in levels:
        same = [i for i, h in enumerate(found) if h.level == level]
        roles = [i for i in same if _is_role_heading(found[i].text)]
        if len(roles) >= 2 and len(roles) == len(same):
            return [_opening(markdown, found, i) for i in roles]
    return None


def table_openings(markdown: str) -> list[Opening] | None:
    """A page listing its openings as the rows of one table, a column naming each job
    ("| Post | Hours | Salary | Closing date |"): each row one opening, its cells its facts.
    None when fewer than two rows name a job."""
    rows = [
        row
        for row in _at_items(_OPENING_ROW, markdown, "- ")
        if _ROLE_AT_END(row.group("title").strip())
    ]
    if len(rows) < 2:
        return None
    return [
        Opening(
            row.group("title").strip(),
            None,
            "\n\n".join(_NEXT_CELL.split(row.group("rest") or "")),
            [],
            row.start(),
            row.end(),
        )
        for row in rows
    ]


def _at_items(pattern: re.Pattern[str], markdown: str, marker: str) -> list[re.Match[str]]:
    """``pattern``'s matches at the lines that start with ``marker``, found with ``str.find``:
    a regex anchored at every line start would be tried at every offset of the page."""
    found = []
    at = 0 if markdown.startswith(marker) else _next_line(markdown, marker, 0)
    while at != -1:
        match = pattern.match(markdown, at)
        if match is not None:
            found.append(match)
        at = _next_line(markdown, marker, at)
    return found


def _next_line(markdown: str, marker: str, at: int) -> int:
    line = markdown.find(f"\n{marker}", at)
    return line + 1 if line != -1 else -1


def list_openings(markdown: str) -> list[Opening] | None:
    """A page listing its openings as list items that each start with the job in bold and say
    a fact of one (an amount or a closing date): "- **Registrar** (full-time, £31,500 per
    annum). Closing date 2 May 2027." Each item one opening. None when fewer than two do;
    "You will work with: - **Collections Manager** - **Digital Officer**" says no fact."""
    items = _items_of_openings(_OPENING_ITEM, markdown, ("- **", "* **", "+ **", "**"))
    if len(items) < 2:
        items = _items_of_openings(_PLAIN_ITEM, markdown, ("- ", "* ", "+ "))
    if len(items) < 2:
        return None
    return [
        Opening(item.group("title").strip(), None, item.group("rest"), [], item.start(), item.end())
        for item in items
    ]


def _items_of_openings(
    pattern: re.Pattern[str], markdown: str, markers: tuple[str, ...]
) -> list[re.Match[str]]:
    """The items ``pattern`` finds that name a job and say a fact of one, in page order."""
    items = [
        m
        for marker in markers
        for m in _at_items(pattern, markdown, marker)
        if _ROLE_AT_END(m.group("title").strip()) and _ITEM_FACT.search(m.group("rest"))
    ]
    return sorted(items, key=lambda m: m.start())


def _role_named(title: str) -> str:
    """ "Vacancy: Cataloguing Assistant" -> "Cataloguing Assistant"."""
    return _HEADING_LABEL.sub("", title.strip(), count=1)


def _is_role_heading(title: str) -> bool:
    title = _role_named(title)
    match = _ROLE_HEADING.match(title.strip())
    if match is None or _SECTION_START.match(title.strip()):
        return False
    return _ROLE_AT_END(match.group("name"))


def _ends_in_role(name: str) -> bool:
    return _role_words(name) or _role_words(_ROLE_FIELD.split(name, maxsplit=1)[0])


def _role_words(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 6:
        return False
    last = words[-1].lower().strip(".,")
    return last != "position" and ROLE_WORDS.lower.fullmatch(last) is not None


def _opening(markdown: str, found: list[Heading], index: int) -> Opening:
    heading = found[index]
    text = section_text(markdown, found, index)
    offset, end = heading.body_start, heading.body_start + len(text)
    inside = [
        h._replace(start=h.start - offset, body_start=h.body_start - offset)
        for h in found[index + 1 :]
        if h.start < end
    ]
    return Opening(_role_named(heading.text), heading.anchor, text, inside, heading.start)


def _says_none(body: str) -> bool:
    lowered = body.lower()
    return any(
        phrase in lowered
        for phrase in ("no open", "no current", "not currently", "no vacanc", "no positions")
    )

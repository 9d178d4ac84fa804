"""Body cleaning: mojibake, HTML, Jekyll and kramdown quirks, reference links.

The result is plain CommonMark-ish Markdown that the rest of the loader and the store can trust:
ATX headings (``## Title``, with ``{#id}`` when the page gave the heading an anchor), ``- ``
bullets, inline links ``[text](url)``. Every step first checks cheaply whether it applies,
because most documents need only one or two of them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from bot.content.text import remembered

# Sequences UTF-8 text shows after being decoded as Latin-1/Windows-1252 once too often.
_MOJIBAKE_MARKERS = ("â€", "Ã", "Â", "â„", "Å", "Ä")

# Every pattern here runs in time linear in the page, whatever the page holds: an element's
# text is found by searching for its closing tag once (``_paired``, ``before_last_closer``)
# rather than by a lazy ".*?" retried from every opening tag, and a tag's attributes stop at
# the next "<" as well as at ">". A page of ten thousand unclosed "<a " or "<!--" is then not
# read ten thousand times over.
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_AUTOLINK_URL = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>")
_AUTOLINK_MAIL = re.compile(r"<(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
# "^(#{1,6})…" with re.M, written to start with its literal "#" (a line-start "#": no other
# character before it on its line), which re finds quickly; "^" is tried at every offset.
_HEADING_ANCHOR = re.compile(
    r"(#(?<![^\n]#)#{0,5})[ \t]*<a\s+(?:name|id)\s*=\s*[\"']?([\w:.-]+)[\"']?[^<>\n]*?/?>(.*?)"
    r"(?:</a>)?(.*)$",
    re.M | re.I,
)
_NAMED_ANCHOR = re.compile(r"<a\s+(?:name|id)\s*=[^<>]*?(/?)>", re.I)
_HREF = re.compile(r"<a\s[^<>]*?href\s*=\s*(?:\"([^\"<>]*)\"|'([^'<>]*)'|([^\s<>]+))[^<>]*>", re.I)
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
_ROW = re.compile(r"<tr\b[^<>]*>(.*?)(?=<tr\b|</tbody|</thead|</table|\Z)", re.I | re.S)
_CELL = re.compile(r"<t([hd])\b[^<>]*>(.*?)(?=<t[hd]\b|</tr|\Z)", re.I | re.S)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^<>]*>", re.I)
_CLOSING = {
    name: re.compile(rf"</{name}\s*>", re.I) for name in ("a", *"h1 h2 h3 h4 h5 h6".split())
}
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_BREAK = re.compile(
    r"</?(?:ul|ol|li|p|div|section|article|header|footer|blockquote|center|table|tbody|thead"
    r"|tr|dl|dt|dd|figure|figcaption|br|hr)\b[^<>]*>",
    re.I,
)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# Which tags a page has: one search each is twice as fast as two two-character `in` tests
# ("<h" in text or "<H" in text), which Python scans for at about 1 ns a character.
_LT_H = re.compile(r"<[hH]")
_LT_A = re.compile(r"<[aA]")
_LT_T = re.compile(r"<[tT]")
_LT_LI = re.compile(r"<(?:li|LI)")
# What every _HEADING_ANCHOR match holds: found from its "#", where the multi-line "^" of
# _HEADING_ANCHOR is tried at every offset of the page.
_HEADING_A = re.compile(r"#[ \t]*<[aA]")
_KRAMDOWN_ATTR = re.compile(r"\{:[^{}\n]*\}")
# The closing run starts where a run of blanks or of "#" starts (the look-behinds), so the
# lazy title is not retried at every character of a long run.
_ATX_CLOSE = re.compile(
    r"(#{1,6}[ \t]+.*?|#{1,6}(?=[^#\s]).*?)(?:(?<![ \t])[ \t]+#+|(?<!#)#{2,})[ \t]*$"
)
_ATX_NO_SPACE = re.compile(r"^(#{1,6})(?=[A-Za-z<*])")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*$")
_SYMBOL_BULLETS = frozenset("•·▪◦‣●")
_REWRITE_STARTS = frozenset("#-=*_ \t") | _SYMBOL_BULLETS
_REF_DEF = re.compile(
    r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]*)>?"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
    re.M,
)
_REF_USE = re.compile(r"\[([^\]\n]+)\][ \t]?\[([^\]\n]*)\]")
_SHORTCUT_USE = re.compile(r"\[([^\]\n]+)\](?![(\[:])")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Fix mis-decoded lines with ftfy; only lines that show the tell-tale sequences pay."""
    if text.isascii() or not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text, 0
    import ftfy  # here: most files never need it, and importing it costs a tenth of a second

    lines = text.split("\n")
    fixed = 0
    for i, line in enumerate(lines):
        if any(marker in line for marker in _MOJIBAKE_MARKERS):
            repaired = ftfy.fix_encoding(line)
            if repaired != line:
                lines[i] = repaired
                fixed += 1
    return "\n".join(lines), fixed


def repair_values(meta: dict[str, Any]) -> int:
    """Repair mojibake in the front matter's text values in place ("ZÃ¼rich" -> "Zürich"), so
    a location or organisation written there reads as the body does; returns how many."""
    fixed = 0
    for key, value in meta.items():
        if isinstance(value, str):
            repaired, lines = repair_mojibake(value)
            if lines:
                meta[key] = repaired
                fixed += 1
    return fixed


# Characters a reader never sees or sees as a plain hyphen, pasted from word processors and
# web pages: "full\u2011time" is "full-time", "jobs\u200b@example.org" an address, "cata\u00adlogue"
# one word.
_UNSEEN = (
    ("\u200b", ""), ("\u200c", ""), ("\u2060", ""), ("\ufeff", ""), ("\u00ad", ""),
    ("\u2010", "-"), ("\u2011", "-"),
)  # fmt: skip


def as_seen(text: str) -> str:
    """``text`` without the characters a reader does not see (zero-width spaces, soft hyphens)
    and with non-breaking hyphens as hyphens, so that the rules read what the page shows.
    (One ``replace`` per character the page holds, at memchr speed: ``translate`` with a
    table walks every character of a non-ASCII page in Python's slow path.)"""
    if text.isascii():
        return text
    for char, seen in _UNSEEN:
        if char in text:
            text = text.replace(char, seen)
    return text


def strip_html(text: str) -> str:
    """HTML fragments to Markdown: anchors to ``{#id}``, links to ``[t](u)``, lists to bullets;
    and entities to their characters, with or without tags beside them ("12&nbsp;May", as
    Markdown renders them)."""
    if "<" not in text:
        return html.unescape(text) if "&" in text and ";" in text else text
    if "<!--" in text:
        text = before_last_closer(_COMMENT, _comment, text, "-->")
    if _LT_H.search(text):
        text = _paired(_HTML_HEADING, lambda m: f"h{m.group(1)}", _html_heading, text)
    autolinks = False
    if "<http" in text or "<ftp" in text:
        text = _AUTOLINK_URL.sub(r"\1", text)
        autolinks = True
    if "@" in text:
        text = _AUTOLINK_MAIL.sub(r"\1", text)
        autolinks = True
    if autolinks and "<" not in text:  # its only tags were <https://…> and <a@b.org> links
        return html.unescape(text) if "&" in text and ";" in text else text
    if _LT_A.search(text):
        if _HEADING_A.search(text):
            text = _HEADING_ANCHOR.sub(_heading_anchor, text)
        text = _paired(_NAMED_ANCHOR, lambda m: None if m.group(1) else "a", _anchor, text)
        text = _paired(_HREF, lambda _: "a", _href, text)
    if _LT_T.search(text):
        text = before_last_closer(_TABLE, _table, text, "</table", folded=True)
    if _LT_LI.search(text):
        text = _LIST_ITEM.sub("\n- ", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    if "&" in text and ";" in text:
        text = html.unescape(text)
    return text


def before_last_closer(
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
    text: str,
    closer: str,
    *,
    folded: bool = False,
) -> str:
    """``pattern.sub(replace, text)`` for a pattern "opener, lazy body, ``closer``", searched
    only up to the last closer: there every opener's body ends at the next closer, so each
    character is read once; past it an opener can only fail, after reading to the end of the
    page (a page of ten thousand unclosed openers was read ten thousand times)."""
    last = (text.lower() if folded else text).rfind(closer)
    if last == -1:
        return text
    end = text.find(">", last) + 1 if folded else last + len(closer)
    end = end or len(text)
    return pattern.sub(replace, text[:end]) + text[end:]


def _comment(match: re.Match[str]) -> str:
    return "\n\n" if match.group(1).strip().lower() == "more" else ""


def _heading_anchor(match: re.Match[str]) -> str:
    hashes, anchor, inner, rest = match.groups()
    title = f"{inner}{rest}".replace("</a>", "").strip()
    return f"{hashes} {title} {{#{anchor}}}"


def _paired(
    opener: re.Pattern[str],
    closer: Callable[[re.Match[str]], str | None],
    replace: Callable[[re.Match[str], str | None], str],
    text: str,
) -> str:
    """Each opening tag matched by ``opener`` replaced, with the text up to its closing tag
    (``</name>``, name given by ``closer``; None: the tag closes itself) when there is one.
    A closing tag searched for in vain is not searched for again: none follows."""
    out: list[str] = []
    pos = 0
    absent: set[str] = set()
    while (match := opener.search(text, pos)) is not None:
        out.append(text[pos : match.start()])
        pos = match.end()
        name = closer(match)
        closing = None if name is None or name in absent else _CLOSING[name].search(text, pos)
        if closing is None:
            if name is not None:
                absent.add(name)
            out.append(replace(match, None))
        else:
            out.append(replace(match, text[pos : closing.start()]))
            pos = closing.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _html_heading(match: re.Match[str], inner: str | None) -> str:
    if inner is None:
        return match.group(0)  # an opening tag alone: dropped with the other tags
    return f"\n{'#' * int(match.group(1))} {inner}\n"


def _anchor(match: re.Match[str], inner: str | None) -> str:
    return inner or ""


def _href(match: re.Match[str], inner: str | None) -> str:
    if inner is None:
        return match.group(0)  # no closing tag: dropped with the other tags
    url = (match.group(1) or match.group(2) or match.group(3) or "").strip()
    label = _TAG.sub("", inner).strip()
    if not url:
        return label
    return f"[{label}]({url})" if label else url


def _table(match: re.Match[str]) -> str:
    headers: list[str] = []
    rows: list[list[str]] = []
    for row in _ROW.finditer(match.group(0)):
        cells = [(kind.lower(), _cell_text(body)) for kind, body in _CELL.findall(row.group(1))]
        if not cells:
            continue
        if all(kind == "h" for kind, _ in cells) and not rows:
            headers = [text for _, text in cells]
            continue
        rows.append([text for _, text in cells])
    return "\n\n" + "\n".join(_row_lines(headers, rows)) + "\n\n"


# A two-cell row whose first cell is a short label ("Location | Leiden") is a labelled fact,
# written as "Location: Leiden" like the label lines postings use elsewhere.
_LABEL_CELL = re.compile(r"[^\W\d][\w &/'().-]{0,38}")


# Labels of a posting's facts, as a table of them names its rows ("| Salary | $24.18 |").
_FACT_LABEL = re.compile(
    r"(?:job |work |duty )?(?:location|salary|pay|pay range|pay rate|wage|closing date|deadline"
    r"|application deadline|contract|job type|employment type|hours|grade|status|posting number"
    r"|reference|department|employer|organi[sz]ation|start date|opening date|apply by)\W*",
    re.I,
)


def _row_lines(headers: list[str], rows: list[list[str]]) -> list[str]:
    """The rows as bullets (``_row_line``). A two-column table whose rows are labelled facts
    (two or more of them name one: "| Salary | $24.18 |", "| Location | Fort Ardell |") has a
    header row that is a fact too ("| Job Title | Archivist II |"), not the name of each
    column ("| Role | Closing date |" over "| Curator | 1 May |" is)."""
    if (
        len(headers) == 2
        and all(headers)
        and _LABEL_CELL.fullmatch(headers[0])
        and all(len(row) == 2 and _LABEL_CELL.fullmatch(row[0]) for row in rows)
        and sum(1 for row in rows if _FACT_LABEL.fullmatch(row[0])) >= 2
    ):
        rows, headers = [headers, *rows], []
    found = (_row_line(headers, row) for row in rows)
    return [line for line in found if line]


def _row_line(headers: list[str], values: list[str]) -> str:
    """One table row as a bullet: "- Header: value; …" under headers, "- Label: value" for a
    two-cell row without them, else "- value; value"."""
    if headers and len(headers) == len(values):
        parts = [f"{h}: {v}" if h else v for h, v in zip(headers, values, strict=True) if v]
    elif len(values) == 2 and all(values) and _LABEL_CELL.fullmatch(values[0]):
        parts = [f"{values[0].rstrip(':')}: {values[1]}"]
    else:
        parts = [v for v in values if v]
    return "- " + "; ".join(parts) if parts else ""


_PIPE_SEPARATOR = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*")


def _pipe_tables(text: str) -> str:
    """Markdown pipe tables, as HTML tables are read: a row per bullet, cells named by the
    header row when it names them."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line.startswith("|"):
            out.append(lines[index])
            index += 1
            continue
        block: list[str] = []
        while index < len(lines) and lines[index].strip().startswith("|"):
            block.append(lines[index].strip())
            index += 1
        out.extend(["", *_pipe_rows(block), ""])
    return "\n".join(out)


def _pipe_rows(block: list[str]) -> list[str]:
    headers: list[str] = []
    rows = [[cell.strip().replace("*", "") for cell in row.strip("|").split("|")] for row in block]
    if len(block) >= 2 and _PIPE_SEPARATOR.fullmatch(block[1]):
        headers = rows[0] if any(rows[0]) else []
        rows = rows[2:]
    return _row_lines(
        headers, [row for row in rows if not _PIPE_SEPARATOR.fullmatch("|".join(row))]
    )


def _cell_text(body: str) -> str:
    text = _BREAK.sub(" ", body)
    text = _TAG.sub("", text)
    return " ".join(text.replace("*", "").split())


def normalise_markdown(text: str) -> str:
    """Jekyll/kramdown habits to plain Markdown (see the module docstring).

    One pass over the lines does the line-level work (headings, rules, bullets, trailing and
    repeated blank space): on this machine every extra whole-text scan costs 0.3-15 µs.
    """
    if "READMORE" in text:
        text = text.replace("READMORE", "\n\n")
    # A one-character test runs at memchr speed, a two-character one ten times slower.
    if "{" in text and "{:" in text:
        text = _KRAMDOWN_ATTR.sub("", text)
    if _holds_pair(text, "]", ":"):
        text = _resolve_references(text)
    if "|" in text and ("\n|" in text or text.startswith("|")):
        text = _pipe_tables(text)
    out = _lines(text)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _lines(text: str) -> list[str]:
    out: list[str] = []
    append = out.append
    blank = True  # no leading blank lines
    symbols = not text.isascii()
    fenced = False
    for line in map(str.rstrip, text.split("\n")):
        if not line:
            if not blank:
                append("")
                blank = True
            continue
        first = line[0]
        if first not in _REWRITE_STARTS or (first == "-" and line[1:2] == " "):
            # Prose and "- " bullets, most lines of a page: nothing to rewrite, but a line
            # that goes on with the sentence of the line before joins it.
            if first == "`" and line.startswith("```"):
                fenced = not fenced
            elif not (blank or fenced) and _goes_on(out[-1], line):
                out[-1] = f"{out[-1]} {line}"
                continue
            append(line)
            blank = False
            continue
        if _is_rule(line, first):
            _setext_or_rule(out, line)
            blank = not out or out[-1] == ""
            continue
        if first in " \t" and not (blank or fenced) and _wraps_item(out[-1], line):
            out[-1] = f"{out[-1]} {line.lstrip()}"
            continue
        append(_heading_line(line) if first == "#" else _bullet_line(line, symbols))
        blank = False
    return out


# A line of its own by what it says: "**Salary:** £38,000", "Closing date: 1 May". Its value
# ends with its line, so it is joined to no other.
_LABEL_LINE = re.compile(r"[*_>\s-]*[A-Za-z][\w /&()'’-]{0,40}?[*_]*:(?:[*_]|\s|$)")
_BLOCK_STARTS = frozenset("#|<>`=")
# A joined line grows no longer than a sentence can be (a paragraph of ten thousand wrapped
# lines would otherwise be copied once per line).
_LONGEST_JOINED = 2_000
_NUMBERED = re.compile(r"\d{1,3}[.)]\s")


def _goes_on(before: str, line: str) -> bool:
    """Whether ``line`` continues the paragraph line ``before`` (a hard-wrapped paragraph:
    "… until the position is" / "filled."): not after a heading, a label line or a block
    element, and not when ``line`` is a label line or a numbered item. Read as one line, a
    sentence wrapped in the editor is one sentence to the fact readers."""
    if line[0] in _BLOCK_STARTS or line[0] == "-" or before[0] in _BLOCK_STARTS:
        return False
    if len(before) > _LONGEST_JOINED or _LABEL_LINE.match(line) is not None:
        return False
    if _LABEL_LINE.match(before) is not None:
        # A label whose value is on the next line ("Apply via Workday:" / "[link](…)") is
        # one statement with it; a label line with its value is complete.
        return before.rstrip("*_ ").endswith(":") and _NUMBERED.match(line) is None
    return _NUMBERED.match(line) is None


_LIST_ITEM_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]")


def _wraps_item(before: str, line: str) -> bool:
    """Whether the indented ``line`` goes on with the list item ``before`` (an item wrapped in
    the editor: "- a salary … based on a" / "  full-time position"), rather than starting an
    item, a block or a code line of its own."""
    text = line.lstrip()
    return (
        len(before) <= _LONGEST_JOINED
        and _LIST_ITEM_LINE.match(before) is not None
        and text[0] not in _BLOCK_STARTS
        and text[0] not in _SYMBOL_BULLETS
        and _LIST_ITEM_LINE.match(text) is None
        and not text.startswith("-- ")
    )


def _is_rule(line: str, first: str) -> bool:
    """A "---", "===", "***" or "___" line: a rule, or the underline of a setext heading."""
    return (
        first in "-=*_ "
        and line.lstrip()[:3] in ("---", "===", "***", "___")
        and _RULE.match(line) is not None
    )


def _bullet_line(line: str, symbols: bool) -> str:
    """ "-- item", "• item" (at the start or indented) to "- item"; other lines as they are.
    ``symbols``: whether the page has non-ASCII characters (bullet symbols) at all."""
    stripped = line.lstrip()
    if stripped.startswith("-- "):
        return "- " + stripped[3:].lstrip()
    if symbols and stripped[:1] in _SYMBOL_BULLETS:
        return "- " + stripped[1:].lstrip()
    return line


def _holds_pair(text: str, first: str, second: str) -> bool:
    """``first + second in text``: the first character is searched alone, at memchr speed
    (a two-character search reads the whole page several times slower), then the next one
    checked; the first character is a rare one ("]")."""
    at = text.find(first)
    while at != -1:
        if text.startswith(second, at + 1):
            return True
        at = text.find(first, at + 1)
    return False


def _atx_heading(line: str) -> str:
    """``### Title###`` and ``#Title`` to ``### Title``."""
    if line.endswith("#"):
        closed = _ATX_CLOSE.match(line)  # at the start only: sub would try every offset
        if closed is not None:
            line = closed.group(1)
    if line.lstrip("#")[:1] not in (" ", "\t", ""):
        line = _ATX_NO_SPACE.sub(r"\1 ", line, count=1)
    return line


_heading_line = remembered(_atx_heading)


def _setext_or_rule(out: list[str], line: str) -> None:
    """A ``---``/``===`` line under a short text line makes it a heading; else it is a rule."""
    previous = out[-1].strip() if out else ""
    before = out[-2].strip() if len(out) > 1 else ""
    underline = line.strip()[0]
    if (
        previous
        and underline in "-="
        and len(previous) <= 120
        and not previous.startswith(("#", "- ", "* ", "+ ", "|", ">"))
        and (not before or before.startswith("#"))
    ):
        out[-1] = ("# " if underline == "=" else "## ") + previous
        out.append("")
    elif out and out[-1] != "":
        out.append("")


def _resolve_references(text: str) -> str:
    refs: dict[str, str] = {}

    def collect(match: re.Match[str]) -> str:
        refs.setdefault(match.group(1).strip().lower(), match.group(2).strip())
        return ""

    # A definition is one line: only the lines holding "]:" are searched (re.M's "^" is tried
    # at every offset of a page).
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "]:" in line:
            lines[i] = _REF_DEF.sub(collect, line)
    if not refs:
        return text
    text = "\n".join(lines)

    def use(match: re.Match[str]) -> str:
        label = match.group(1)
        key = (match.group(2) or label).strip().lower()
        url = refs.get(key)
        return f"[{label}]({url})" if url else label

    text = _REF_USE.sub(use, text)

    def shortcut(match: re.Match[str]) -> str:
        url = refs.get(match.group(1).strip().lower())
        return f"[{match.group(1)}]({url})" if url else match.group(0)

    return _SHORTCUT_USE.sub(shortcut, text)

"""Jekyll's Liquid template code, removed so it never reaches stored text.

``{{ page.x }}`` is replaced by the front matter value it names (``# {{ page.title }}`` is a
heading worth keeping); every other output tag, every ``{% … %}`` tag, comments and whole loop
blocks (``{% for %}…{% endfor %}`` with the HTML inside them, which only makes sense once
rendered) go. An include of a theme's button to apply leaves its link ("Apply: https://…").

Broken Liquid loses nothing but itself: a tag that never closes hides the rest of its own line,
a comment or loop that never ends keeps the text after it, and each gets a warning. The page is
read once, left to right, with a stack of open loops: a page of ten thousand unclosed ``{{``
costs what a page of text does (a lazy ``\\{\\{.*?\\}\\}`` retried at each one took minutes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.content.front_matter import as_text

_OPEN = re.compile(r"\{[{%]")
_TAG_NAME = re.compile(r"-?\s*(\w*)")
_END_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_PAGE_VAR = re.compile(r"^\s*page\.([\w-]+)\s*$")
_BLOCKS = frozenset({"for", "tablerow", "capture"})
_ENDS = {f"end{name}": name for name in _BLOCKS}


def strip_liquid(text: str, page: Mapping[str, Any], warnings: list[str] | None = None) -> str:
    """The text without Liquid; what was broken in it is appended to ``warnings``."""
    # Every Liquid construct needs one of these pairs: "{#anchor}" and "{: .class}" need no
    # work. Most pages have no brace at all, which a one-character test finds ten times faster.
    if "{" not in text and "}" not in text:
        return text
    if "{%" not in text and "{{" not in text:
        if "}}" not in text and "%}" not in text:
            return text
        return _stray_closers(text)
    return _Stripper(text, page).run(warnings if warnings is not None else [])


def _stray_closers(text: str) -> str:
    return text.replace("%}", "").replace("}}", "") if "}" in text else text


_MAX_WARNINGS = 3  # of each kind; a page of ten thousand broken tags needs no more


class _Stripper:
    def __init__(self, text: str, page: Mapping[str, Any]) -> None:
        self.text = text
        self.page = page
        self.out: list[str] = []
        self.open: list[tuple[str, int, int]] = []  # (block name, len(out) at its start, line)
        self.open_at: dict[str, list[int]] = {name: [] for name in _BLOCKS}  # indexes in open
        self.comments_end = True  # False once no {% endcomment %} follows
        self.problems: dict[str, list[int]] = {}  # what is wrong -> the lines where it is
        self.counted = (0, 1)  # (offset, its line): offsets only grow as the page is read

    def run(self, warnings: list[str]) -> str:
        text = self.text
        pos = 0
        opener = _OPEN.search(text)
        while opener is not None:
            start = opener.start()
            self.out.append(_stray_closers(text[pos:start]))
            after = _OPEN.search(text, start + 2)
            limit = after.start() if after is not None else len(text)
            closer = "%}" if text[start + 1] == "%" else "}}"
            end = text.find(closer, start + 2, limit)
            if end == -1:  # never closed before the next tag: the rest of its line goes
                line_end = text.find("\n", start, limit)
                pos = limit if line_end == -1 else line_end
                self._problem(
                    f"a tag never closed with {closer}; the rest of its line was left out", start
                )
            elif closer == "}}":
                self.out.append(self._output(text[start + 2 : end]))
                pos = end + 2
            else:
                pos = self._tag(start, end + 2)
            opener = (
                after if after is not None and after.start() >= pos else _OPEN.search(text, pos)
            )
        self.out.append(_stray_closers(text[pos:]))
        for name, _, line in self.open:
            lines = self.problems.setdefault(
                f"{{% {name} %}} never closed with {{% end{name} %}}; the text after it was kept",
                [],
            )
            if not lines or lines[-1] != line:
                lines.append(line)
        warnings.extend(_warnings(self.problems))
        return "".join(self.out)

    def _tag(self, start: int, end: int) -> int:
        """Handle the ``{% … %}`` tag text[start:end]; returns where reading goes on."""
        match = _TAG_NAME.match(self.text, start + 2, end - 2)
        name = match.group(1) if match is not None else ""
        if name == "comment":
            closing = _END_COMMENT.search(self.text, end) if self.comments_end else None
            if closing is not None:
                return closing.end()
            self.comments_end = False
            self._problem(
                "{% comment %} never closed with {% endcomment %}; the text after it was kept",
                start,
            )
        elif name in _BLOCKS:
            self.open_at[name].append(len(self.open))
            self.open.append((name, len(self.out), self._line(start)))
        elif name == "include":
            self.out.append(_apply_link(self.text[start:end]))
        elif name in _ENDS and self.open_at[_ENDS[name]]:
            # The whole block goes, with any block left open inside it.
            index = self.open_at[_ENDS[name]][-1]
            del self.out[self.open[index][1] :]
            for inner, _, _ in self.open[index:]:
                self.open_at[inner].pop()
            del self.open[index:]
        return end

    def _output(self, expression: str) -> str:
        match = _PAGE_VAR.match(expression)
        if match is None:
            return ""
        value = as_text(self.page.get(match.group(1)))
        if value is None or "{{" in value or "{%" in value:
            return ""
        return value

    def _problem(self, what: str, offset: int) -> None:
        lines = self.problems.setdefault(what, [])
        line = self._line(offset)
        if not lines or lines[-1] != line:
            lines.append(line)

    def _line(self, offset: int) -> int:
        counted, line = self.counted
        line += self.text.count("\n", counted, offset)
        self.counted = (offset, line)
        return line


_LINK_END = re.compile(r"[\s\"'%}]")


def _apply_link(tag: str) -> str:
    """ "{% include apply-button.html url="https://…" %}": a theme's button to apply, which the
    rendered page shows as a link; kept as "Apply: https://…". Any other include goes."""
    _, _, rest = tag.partition("include")
    if "apply" not in rest.lower():
        return ""
    at = rest.find("http")
    if at == -1:
        return ""
    end = _LINK_END.search(rest, at)
    link = rest[at : end.start() if end is not None else len(rest)]
    return f"Apply: {link}" if link.startswith(("http://", "https://")) else ""


def _warnings(problems: Mapping[str, list[int]]) -> list[str]:
    found = []
    for what, lines in problems.items():
        where = ", ".join(str(n) for n in lines[:_MAX_WARNINGS])
        if len(lines) > _MAX_WARNINGS:
            where += f" and {len(lines) - _MAX_WARNINGS:,} more"
        found.append(f"Liquid on line{'s' if len(lines) > 1 else ''} {where}: {what}")
    return found

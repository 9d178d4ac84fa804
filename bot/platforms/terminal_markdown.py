"""Chat's Markdown drawn on a terminal by rich: bold, code, lists, quotes, links with their
address. Read as Matrix reads it (``bot.platforms.matrix_render``): HTML is text, a line break
is a line break.

Example::

    Console().print(ChatMarkdown("**Archivist** at `DataCite`\nSee [the FAQ](https://…)"))
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.markdown import Markdown

# markdown-it leaves soft line breaks to its renderer; ``_for_terminal`` makes them hard ones
_PARSER = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])


class ChatMarkdown(Markdown):
    """rich's Markdown, read with chat's rules (``_PARSER``) and showing every link's address:
    "[the FAQ](https://…)" prints "the FAQ (https://…)" on any terminal, a bare address once."""

    def __init__(self, markup: str, style: str = "none") -> None:
        super().__init__(markup, style=style, hyperlinks=False)
        self.parsed = _for_terminal(_PARSER.parse(markup))


def _for_terminal(tokens: list[Token]) -> list[Token]:
    """Each line break kept, as chat shows it; the link dropped around a link whose text is
    its own address (``<https://…>``, an e-mail address), which then shows once, not "x (x)"."""
    for token in tokens:
        children = token.children or []
        kept: list[Token] = []
        i = 0
        while i < len(children):
            child = children[i]
            if child.type == "softbreak":
                child.type = "hardbreak"
            if child.type == "link_open" and i + 2 < len(children):
                text, close = children[i + 1], children[i + 2]
                href = str(child.attrs.get("href", ""))
                if (
                    text.type == "text"
                    and close.type == "link_close"
                    and href.removeprefix("mailto:") == text.content
                ):
                    kept.append(text)
                    i += 3
                    continue
            kept.append(child)
            i += 1
        if token.children is not None:
            token.children = kept
    return tokens

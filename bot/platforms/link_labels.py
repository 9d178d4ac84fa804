"""A link shows where it goes: words that are not a link's address get the address beside them.

A reply's Markdown can carry links Herald did not write: a question quoted back ("is
[datacite](https://evil.example) hiring?"), a sentence quoted from a page. Drawn as a link
labelled "datacite", posted by Herald and perhaps shared in a channel, it would send readers
somewhere its words hide. Herald's own replies write no labelled links (a button or "Open
page" is drawn by the adapter), so every labelled link is shown as "datacite
(https://evil.example)", the address being the link: what the console shows, and what
Matrix's plain body says.

Example::

    tokens = MarkdownIt().parseInline("[x](https://a.example)")[0].children
    unmask_links(tokens)  # text "x", text " (", link to https://a.example, text ")"
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token


def unmask_links(children: Sequence[Token]) -> list[Token]:
    """An inline token list in which every link's text is its own address."""
    out: list[Token] = []
    i = 0
    while i < len(children):
        token = children[i]
        if token.type != "link_open" or token.markup == "autolink":
            out.append(token)
            i += 1
            continue
        end = i + 1  # CommonMark links do not nest: the next close is this link's
        while end < len(children) and children[end].type != "link_close":
            end += 1
        inner = list(children[i + 1 : end])
        close = children[end] if end < len(children) else Token("link_close", "a", -1)
        href = str(token.attrs.get("href", ""))
        address = href.removeprefix("mailto:")
        words = "".join(t.content for t in inner if t.type in ("text", "code_inline"))
        if words.strip() in (href, address):
            out += [token, *inner, close]
        else:
            shown = Token("text", "", 0, content=address)
            out += [*inner, _text(" ("), token, shown, close, _text(")")]
        i = end + 1
    return out


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)

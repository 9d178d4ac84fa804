"""A ``Reply`` as Matrix messages: a plain ``body`` and a sanitised HTML ``formatted_body``.

Pure (no SDK): the adapter sends what ``render`` returns. It shows the same items as the
console (``bot.platforms.console``): postings with their facts and a "Details" hint, FAQ
passages with their page and link, actions as hints written with the Matrix command prefix.

Three promises hold for every message:

- content never pings: ``@room`` and user ids (``@someone:server``) get an invisible word
  joiner after the ``@``, and the adapter sends ``"m.mentions": {}``;
- content never reaches ``formatted_body`` as raw HTML: Markdown is rendered with HTML disabled
  and the result goes through nh3 with Matrix's allow-list;
- an event stays far below Matrix's 64 KiB limit: a long reply is split at item boundaries
  into messages of at most ``max_bytes`` (body and formatted_body together).

Example::

    for message in render(reply, prefix="!"):
        await client.room_send(room_id, "m.room.message", message.content())
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import nh3
from markdown_it import MarkdownIt

from bot.commands import Reply
from bot.domain import PassageHit
from bot.platforms.link_labels import unmask_links
from bot.platforms.plain_text import plain_text
from bot.present import Card, passage_quote

logger = logging.getLogger(__name__)

MAX_EVENT_BYTES = 30_000
"""Body and formatted_body together; Matrix refuses events over 65,536 bytes of JSON, and
JSON escaping of HTML (quotes, non-ASCII) can nearly double the raw size."""

WORD_JOINER = "\u2060"

# Tags and attributes from the Matrix spec's recommended HTML subset (m.room.message).
ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# "@room" anywhere a push rule would see it, and Matrix user ids (@local:server.name).
_MENTION = re.compile(r"@(?=room\b|[a-z0-9._=/+\-]+:[a-z0-9\-]+(?:\.[a-z0-9\-]+)*)", re.I)
# A command Herald writes ("`/jobs show x`", "Unknown command /x."): Matrix clients treat a
# leading slash as their own command, so Herald's are written with its prefix instead. Not
# inside words, URLs or paths ("and/or", "https://x/jobs", "/usr/bin").
_SLASH_COMMAND = re.compile(r"(?<![^\s(`])/(?=[a-z][a-z0-9_-]*(?![a-z0-9_/-]))", re.I)

# Someone else's words as Herald quotes them (kept whole by ``re.split``)
_QUOTED = re.compile(r"(“[^“”]*”)")

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True})


@dataclass(frozen=True)
class MatrixMessage:
    """One ``m.notice``: what a plain client shows, and what an HTML client shows."""

    body: str
    formatted_body: str

    def content(self) -> dict[str, Any]:
        """The event content; ``m.mentions`` is empty so nothing in it notifies anyone."""
        return {
            "msgtype": "m.notice",
            "body": self.body,
            "format": "org.matrix.custom.html",
            "formatted_body": self.formatted_body,
            "m.mentions": {},
        }

    @property
    def size(self) -> int:
        return len(self.body.encode()) + len(self.formatted_body.encode())


@dataclass(frozen=True)
class _Unit:
    """A piece that is never split across messages (unless it alone is too big)."""

    plain: str
    html: str
    listed: bool = False  # drawn as <li>, consecutive ones share one <ul>


def defuse_mentions(text: str) -> str:
    """``@room`` and ``@user:server`` can no longer notify; they still read the same."""
    return _MENTION.sub("@" + WORD_JOINER, text)


def sanitize_html(fragment: str) -> str:
    """Keep only Matrix's recommended tags; links only to http(s) and mailto."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def with_prefix(markdown: str, prefix: str) -> str:
    """Herald's commands written with the Matrix prefix: "`/help`" → "`!help`". What Herald
    quotes (“…”: a question asked, a posting's sentence) is someone else's words, left as
    written: "a fee of 30 /hour" is no command."""
    parts = _QUOTED.split(markdown)
    return "".join(
        part if part.startswith("“") else _SLASH_COMMAND.sub(lambda _m: prefix, part)
        for part in parts
    )


def render(
    reply: Reply, *, prefix: str = "!", max_bytes: int = MAX_EVENT_BYTES
) -> list[MatrixMessage]:
    """The reply as one or more messages, split at item boundaries when it is long."""
    units = list(_units(reply, prefix))
    messages = _pack(units, max_bytes)
    if len(messages) > 1:
        logger.debug("reply split into %d messages", len(messages))
    return messages


# building units


def _said(text: str, value: str) -> bool:
    """Whether ``text`` already gives ``value`` (a command or a link) as a whole word:
    "!jobs unsubscribe 1" is not said by "!jobs unsubscribe 12"."""
    return re.search(re.escape(value) + r"(?![\w/-])", text) is not None


def _units(reply: Reply, prefix: str) -> Iterable[_Unit]:
    if not reply.draws_items:
        text = with_prefix(reply.text, prefix)
        yield from _markdown_units(text)
        # A hint repeating what the text already says ("Try: !jobs" under "Try: `!jobs`")
        # is noise on a platform without buttons.
        shown: set[str] = {
            a.value
            for a in reply.actions
            if _said(text, f"{prefix}{a.value}" if a.kind == "command" else a.value)
        }
    else:
        yield _markdown_unit(with_prefix(reply.summary, prefix))
        cards = reply.cards
        for card in cards:
            yield _posting_unit(card, prefix)
        for hit in reply.passages:
            yield _passage_unit(hit)
        shown = {card.details for card in cards}
    hints = [a for a in reply.actions if a.value not in shown]
    for action in hints:
        if action.kind == "command":
            hint = f"{prefix}{action.value}"
            label = "Try" if action.label in (hint, f"/{action.value}") else action.label
            yield _Unit(
                plain=defuse_mentions(f"{label}: {hint}"),
                html=f"<p><em>{_text(label)}:</em> <code>{_text(hint)}</code></p>",
            )
        else:
            yield _Unit(
                plain=defuse_mentions(f"{action.label}: {action.value}"),
                html=f"<p>{_link(action.value, action.label)}</p>",
            )


def _posting_unit(card: Card, prefix: str) -> _Unit:
    facts = card.facts
    details = f"{prefix}{card.details}"
    plain = "\n".join(
        [f"• {card.title}", "  " + " · ".join([*facts, card.id]), f"  Details: {details}"]
    )
    title = f"<strong>{_text(card.title)}</strong>"
    if card.link:
        title = _link(card.link, title, label_is_html=True)
    fact_html = " · ".join([*(_text(f) for f in facts), f"<code>{_text(card.id)}</code>"])
    body_html = f"{title}<br>{fact_html}<br><em>Details:</em> <code>{_text(details)}</code>"
    return _Unit(plain=defuse_mentions(plain), html=body_html, listed=True)


def _passage_unit(hit: PassageHit) -> _Unit:
    """A passage is a page's plain text (its Markdown was read when loaded), quoted as
    written, as Slack and the console quote it: read as Markdown again, an address's
    underscores ("https://x.org/_apply_") turned to emphasis and dropped from the body."""
    q = passage_quote(hit)
    lines = [line for line in q.text.splitlines() if line.strip()]
    plain_lines = [*(f"> {line}" for line in lines), f"  — {q.source}"]
    caption = f"<em>— {_text(q.source)}</em>"
    if q.url:
        plain_lines.append(f"  {q.url}")
        caption += f"<br>{_link(q.url, q.url)}"
    quote = "<br>".join(_text(line) for line in lines)
    return _Unit(
        plain=defuse_mentions("\n".join(plain_lines)),
        html=f"<blockquote><p>{quote}</p></blockquote><p>{caption}</p>",
    )


def _markdown_unit(markdown: str) -> _Unit:
    return _Unit(plain=markdown_to_plain(markdown), html=_markdown_html(markdown))


def _markdown_units(markdown: str) -> Iterable[_Unit]:
    """One unit per paragraph, so a long text reply splits between paragraphs."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown) if p.strip()]
    for paragraph in paragraphs or [markdown]:
        yield _markdown_unit(paragraph)


def _markdown_html(markdown: str) -> str:
    tokens = _MARKDOWN.parse(defuse_mentions(markdown))
    for token in tokens:
        if token.children:
            token.children = unmask_links(token.children)
    rendered: str = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    return rendered.strip()


def _text(value: str) -> str:
    return html.escape(defuse_mentions(value), quote=False)


def _link(url: str, label: str, *, label_is_html: bool = False) -> str:
    shown = label if label_is_html else _text(label)
    return f'<a href="{html.escape(url, quote=True)}">{shown}</a>'


def markdown_to_plain(markdown: str) -> str:
    """Markdown as text that reads well without rendering, its mentions defused."""
    return plain_text(defuse_mentions(markdown))


# packing units into messages


def _assemble(units: Sequence[_Unit]) -> MatrixMessage:
    plain: list[str] = []
    parts: list[str] = []
    in_list = False
    for unit in units:
        if unit.listed and not in_list:
            parts.append("<ul>")
        elif not unit.listed and in_list:
            parts.append("</ul>")
        in_list = unit.listed
        parts.append(f"<li>{unit.html}</li>" if unit.listed else unit.html)
        plain.append(unit.plain)
    if in_list:
        parts.append("</ul>")
    return MatrixMessage(body="\n".join(plain), formatted_body=sanitize_html("".join(parts)))


def _pack(units: Sequence[_Unit], max_bytes: int) -> list[MatrixMessage]:
    messages: list[MatrixMessage] = []
    current: list[_Unit] = []
    for unit in units:
        for piece in _fit(unit, max_bytes):
            if current and _assemble([*current, piece]).size > max_bytes:
                messages.append(_assemble(current))
                current = []
            current.append(piece)
    if current or not messages:
        messages.append(_assemble(current))
    return messages


def _fit(unit: _Unit, max_bytes: int) -> list[_Unit]:
    """A unit too big for one message, cut at lines, then (a single huge line) at characters."""
    if _assemble([unit]).size <= max_bytes:
        return [unit]
    lines = unit.plain.splitlines()
    if len(lines) > 1:
        return [piece for line in lines for piece in _fit(_plain_unit(line), max_bytes)]
    # one line: each character costs at most 4 bytes in body and ~10 escaped in HTML
    step = max(1, max_bytes // 16)
    text = unit.plain
    return [_plain_unit(text[i : i + step]) for i in range(0, len(text), step)]


def _plain_unit(line: str) -> _Unit:
    return _Unit(plain=line, html=f"<p>{html.escape(line, quote=False)}</p>")

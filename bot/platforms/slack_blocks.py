"""Replies as Slack Block Kit: pure functions, no SDK, so every limit and escape is unit-tested.

A ``Reply`` becomes one or more ``SlackMessage`` values; each respects Slack's limits (50
blocks, 3000 characters per section text, 75 per button label, 2000 per button value), so no
answer fails for its length. Content is escaped (``&``, ``<``, ``>``) in every mrkdwn text and
in the fallback text, and the bare broadcast words (``@channel``, ``@here``, ``@everyone``)
get an invisible word joiner, so a posting titled ``<!channel> hiring`` never pings anyone.
Herald's own control sequences (dates, links, the sharer's mention) are added after escaping.

Example::

    messages = render(reply, share="jobs remote")
    for message in messages:
        await client.chat_postMessage(channel=c, text=message.text, blocks=message.blocks)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from bot.commands import FORMATTING_MARKS, Action, Reply
from bot.domain import PassageHit, Posting
from bot.platforms.link_labels import unmask_links
from bot.platforms.plain_text import plain_text
from bot.present import Card, passage_quote

logger = logging.getLogger(__name__)

Block = dict[str, Any]

# Slack's documented limits (https://docs.slack.dev/reference/block-kit/)
MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_TEXT = 75
MAX_PLAIN_TEXT = 150
MAX_ACTION_VALUE = 2000
MAX_URL = 3000
MAX_MESSAGE_TEXT = 40_000
MAX_ACTIONS_PER_BLOCK = 25
MAX_BLOCK_ID = 255

# Listing lines stay readable; the full text is one "Details" click away.
TITLE_CHARS = 300
FACT_CHARS = 200
FALLBACK_CHARS = 300
# Links longer than this are shown as text: a <url|label> sequence must fit in one section.
MAX_LINK = 1000

ACTION_COMMAND = "herald_command"
ACTION_URL = "herald_url"
ACTION_SHARE = "herald_share"
ACTION_REMIND = "herald_remind"
# "More" shows the next page of a list in place of the page it is under
ACTION_PAGE = "herald_page"
PAGE_LABEL = "More"
SHARE_LABEL = "Share in channel"
REMIND_LABEL = "Remind me"

_WORD_JOINER = "\u2060"
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_BARE_URL = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+")
_URL_TRAILING = ".,;:!?)'\""
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,30}")
_SAFE_SCHEMES = ("https://", "http://", "mailto:")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# The formatting marks and the look-alikes content shows instead, in FORMATTING_MARKS' order
# (modifier letter grave accent, asterisk operator, modifier letter low macron, tilde operator)
_MARK_LOOKALIKES = dict(zip(FORMATTING_MARKS, "\u02cb\u2217\u02cd\u223c", strict=True))
_FORMATTING_MARK = re.compile("[" + re.escape(FORMATTING_MARKS) + "]")


@dataclass(frozen=True)
class SlackMessage:
    """One message as chat.postMessage / response_url want it: fallback text and blocks."""

    text: str
    blocks: tuple[Block, ...]

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": list(self.blocks)}


# --- escaping ---------------------------------------------------------------------------


def _defused(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (Slack's rule), broadcast words defused."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: "@" + _WORD_JOINER + m.group(1), text)


def escape_code(text: str) -> str:
    """Content inside Herald's backticks (an id, a file, a command): entities and defused
    broadcasts as in ``escape``, its marks kept (copied and typed back, they must be the
    same), only a backtick, which would end the span, drawn as its look-alike."""
    return _defused(text).replace("`", _MARK_LOOKALIKES["`"])


def escape(text: str) -> str:
    """Content as mrkdwn that Slack shows literally: no mention, link, date or formatting
    can come from it.

    ``&``, ``<`` and ``>`` become entities (Slack's rule); ``@channel``-style words get a word
    joiner so that even a client that parses bare broadcast words shows them as text. Slack
    has no escape for ``*``, ``_``, ``~`` and backticks: one that could open or close
    formatting (not one inside a word, as in ``jobs_hr@example.org``) is drawn as its
    look-alike, so a title "*NEW* Curator, 3* hotel" or a question quoted back never turns
    bold or struck through. An address (``https://x.org/_apply``) keeps its marks: copied,
    it must still lead where it says.
    """
    out: list[str] = []
    last = 0
    for url in _BARE_URL.finditer(text):
        out.append(_FORMATTING_MARK.sub(_unformatted, _defused(text[last : url.start()])))
        out.append(_defused(url.group(0)))
        last = url.end()
    out.append(_FORMATTING_MARK.sub(_unformatted, _defused(text[last:])))
    return "".join(out)


def _unformatted(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    inside_word = 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()
    return match.group(0) if inside_word else _MARK_LOOKALIKES[match.group(0)]


def unescape(text: str) -> str:
    """What a person typed, from the escaped text Slack delivers in events and commands."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def safe_url(url: str | None, limit: int = MAX_URL) -> str | None:
    """``url`` if a button or link may point at it (http, https, mailto; not too long)."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(_SAFE_SCHEMES) or len(url) > limit:
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    return url


def _link_target(url: str) -> str:
    # inside <…|…> a raw "|" or ">" would end the target early
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def link(url: str, label: str | None = None) -> str:
    """A mrkdwn link Herald makes; the label is content and escaped like any content."""
    target = _link_target(url)
    if label is None:
        return f"<{target}>"
    return f"<{target}|{escape(label).replace('|', '¦')}>"


# --- Markdown → mrkdwn ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # inline rules only (parseInline): a title starting "1." or "#" stays text
    return MarkdownIt("commonmark", {"html": False})


def _linkify(text: str) -> str:
    """Escape plain text, turning bare http(s) URLs into explicit links."""
    out: list[str] = []
    last = 0
    for match in _BARE_URL.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING)
        end = match.start() + len(url)
        out.append(escape(text[last : match.start()]))
        out.append(link(url) if len(url) <= MAX_LINK and len(url) > 8 else escape(url))
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def _label(text: str) -> str:
    return escape(text).replace("|", "¦")


def _autolink_ok(href: str | None) -> bool:
    """An autolink (``<https://…>``, ``<a@b.org>``) Herald may turn into a link."""
    if not href:
        return False
    if href.lower().startswith("mailto:"):
        return _EMAIL.fullmatch(href[len("mailto:") :]) is not None
    return True


def inline_mrkdwn(markdown: str) -> str:
    """One line of Herald's Markdown (bold, italics, code, links) as escaped Slack mrkdwn."""
    tokens = _markdown().parseInline(markdown)
    children = unmask_links(tokens[0].children or []) if tokens else []
    out: list[str] = []
    open_links: list[str | None] = []
    for tok in children:
        kind = tok.type
        if kind == "text":
            # inside a link label a second link (or a "|") would break the first one
            in_link = any(href for href in open_links)
            out.append(_label(tok.content) if in_link else _linkify(tok.content))
        elif kind in ("strong_open", "strong_close"):
            out.append("*")
        elif kind in ("em_open", "em_close"):
            out.append("_")
        elif kind == "code_inline":
            out.append("`" + escape_code(tok.content) + "`")
        elif kind == "link_open":
            href = safe_url(str(tok.attrs.get("href", "")), MAX_LINK)
            if tok.markup == "autolink" and not _autolink_ok(href):
                # "<!subteam^S1|@team>" reads as an e-mail autolink to CommonMark: Slack
                # syntax in content is shown as the text it is, never made a link
                open_links.append("")
                out.append("&lt;")
                continue
            open_links.append(href)
            out.append("<" + _link_target(href) + "|" if href else "")
        elif kind == "link_close":
            href = open_links.pop() if open_links else None
            out.append("&gt;" if href == "" else ">" if href else "")
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            out.append(escape(tok.content))
        else:
            out.append(escape(tok.content))
    return "".join(out)


def markdown_to_mrkdwn(markdown: str) -> str:
    """Herald's reply Markdown, line by line; "> " quote lines stay Slack quotes."""
    lines: list[str] = []
    for line in markdown.split("\n"):
        if line.startswith("> "):
            lines.append("> " + inline_mrkdwn(line[2:]))
        elif line.strip():
            lines.append(inline_mrkdwn(line))
        else:
            lines.append("")
    return "\n".join(lines)


# --- sizes and splitting ----------------------------------------------------------------


def size(text: str) -> int:
    """Length as Slack may count it (UTF-16 code units): never under the character count."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _prefix_fitting(text: str, limit: int) -> int:
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


def _safe_cut(line: str, limit: int) -> int:
    """Where to cut a too-long line: at a space if possible, never inside ``&…;`` or ``<…>``."""
    end = max(1, _prefix_fitting(line, limit))
    cut = line.rfind(" ", end // 2, end)
    if cut <= 0:
        cut = end
    amp = line.rfind("&", max(0, cut - 5), cut)
    if amp > 0 and ";" not in line[amp:cut]:
        cut = amp
    lt = line.rfind("<", 0, cut)
    if lt > 0 and line.rfind(">", lt, cut) == -1:
        cut = lt
    return max(cut, 1)


def split_text(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Pieces of at most ``limit`` (by ``size``), cut at line ends where possible."""
    pieces: list[str] = []
    current = ""
    for raw_line in text.split("\n"):
        line = raw_line
        while size(line) > limit:
            cut = _safe_cut(line, limit)
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:cut].rstrip() or line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if size(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = line
    if current:
        pieces.append(current)
    return [p for p in pieces if p.strip()]


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters (by ``size``), marked with an ellipsis when cut."""
    text = " ".join(text.split())
    if size(text) <= limit:
        return text
    return text[: _prefix_fitting(text, limit - 1)].rstrip() + "…"


# --- block builders ---------------------------------------------------------------------


def mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack must not turn words into mentions or channel links on its own
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def plain(text: str, limit: int = MAX_PLAIN_TEXT) -> dict[str, Any]:
    # plain_text is never parsed for mentions or links, so it is not entity-escaped
    return {"type": "plain_text", "text": truncate(text, limit) or "…", "emoji": False}


def sections(text: str, block_id: str | None = None) -> list[Block]:
    """Section blocks holding ``text`` (mrkdwn, already escaped), split to fit."""
    blocks: list[Block] = []
    for index, piece in enumerate(split_text(text)):
        block: Block = {"type": "section", "text": mrkdwn(piece)}
        if block_id and index == 0 and len(block_id) <= MAX_BLOCK_ID:
            block["block_id"] = block_id
        blocks.append(block)
    return blocks


def context(text: str) -> Block:
    piece = split_text(text, MAX_CONTEXT_TEXT)
    return {"type": "context", "elements": [mrkdwn(piece[0] if piece else " ")]}


def _button(action: Action, action_id: str) -> Block | None:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": plain(action.label or action.value, MAX_BUTTON_TEXT),
    }
    if action.kind == "url":
        url = safe_url(action.value)
        if url is None:
            return None
        button["url"] = url
    else:
        if not action.value or len(action.value) > MAX_ACTION_VALUE:
            return None
        button["value"] = action.value
    return button


class _Ids:
    """Action ids unique within a reply (Slack rejects duplicates within a message)."""

    def __init__(self) -> None:
        self._next = 0

    def __call__(self, action: Action) -> str:
        if action.kind == "url":
            return self.named(ACTION_URL)
        return self.named(ACTION_PAGE if action.label == PAGE_LABEL else ACTION_COMMAND)

    def named(self, prefix: str) -> str:
        self._next += 1
        return f"{prefix}:{self._next}"


def action_blocks(buttons: Sequence[Block], block_id: str | None = None) -> list[Block]:
    blocks: list[Block] = []
    for start in range(0, len(buttons), MAX_ACTIONS_PER_BLOCK):
        block: Block = {
            "type": "actions",
            "elements": list(buttons[start : start + MAX_ACTIONS_PER_BLOCK]),
        }
        if block_id and start == 0 and len(block_id) <= MAX_BLOCK_ID:
            block["block_id"] = block_id
        blocks.append(block)
    return blocks


def remind_button(posting: Posting, action_id: str) -> Block:
    """ "Remind me": a direct message before the deadline, for whoever presses it."""
    return {
        "type": "button",
        "action_id": action_id,
        "text": plain(REMIND_LABEL, MAX_BUTTON_TEXT),
        "value": posting.id,
    }


def posting_blocks(card: Card, ids: _Ids | None = None) -> list[Block]:
    """A posting as a section (title, facts, id) and its Details / Apply / Remind me
    buttons."""
    ids = ids if ids is not None else _Ids()
    text = f"*{escape(truncate(card.title, TITLE_CHARS))}*"
    facts = " · ".join(escape(truncate(fact, FACT_CHARS)) for fact in card.facts)
    if facts:
        text += "\n" + facts
    text += f"\n`{escape_code(truncate(card.id, FACT_CHARS))}`"
    blocks = sections(text, block_id=f"posting:{card.id}")
    buttons: list[Block] = []
    details = Action("Details", "command", card.details)
    button = _button(details, ids(details))
    if button is not None:
        buttons.append(button)
    url = safe_url(card.apply_url)
    if url is not None:
        apply = Action("Apply", "url", url)
        button = _button(apply, ids(apply))
        if button is not None:
            buttons.append(button)
    if card.remindable and len(card.id) <= MAX_ACTION_VALUE:
        buttons.append(remind_button(card.posting, ids.named(ACTION_REMIND)))
    return blocks + action_blocks(buttons)


def passage_blocks(hit: PassageHit) -> list[Block]:
    """An FAQ passage as a quote with its page and question underneath."""
    q = passage_quote(hit)
    quote = "\n".join("> " + escape(line) for line in q.text.split("\n") if line.strip())
    blocks = sections(quote or "> …", block_id=f"passage:{hit.passage.id}")
    source = f"— {escape(truncate(q.source, TITLE_CHARS))}"
    url = safe_url(q.url, MAX_LINK)
    if url is not None:
        source += " · " + link(url, "Open page")
    blocks.append(context(source))
    return blocks


def _shared_by(user: str, line: str) -> Block:
    """Who shared, and what they asked: a command as typed ("`/jobs remote`"), a question in
    its words ("“remote jobs”"; "`/remote jobs`" would be a command no one can type)."""
    who = f"<@{user}>" if _USER_ID.fullmatch(user) else escape(user)
    if line.startswith("/"):
        asked = f"`{escape_code(truncate(line, TITLE_CHARS))}`"
    else:
        asked = f"“{escape(truncate(line, TITLE_CHARS))}”"
    return context(f"Shared by {who} · {asked}")


# --- whole replies ----------------------------------------------------------------------


def reply_units(
    reply: Reply,
    *,
    share: str | None = None,
    shared_by: str | None = None,
) -> list[list[Block]]:
    """The reply's blocks in units that should stay together in one message."""
    ids = _Ids()
    units: list[list[Block]] = []
    if shared_by and share:
        units.append([_shared_by(shared_by, share)])
    body, shown = _body_units(reply, ids)
    units += body
    buttons = _other_buttons(reply, ids, shown)
    if share and not shared_by and len(share) <= MAX_ACTION_VALUE:
        buttons.append(
            {
                "type": "button",
                "action_id": ACTION_SHARE,
                "text": plain(SHARE_LABEL, MAX_BUTTON_TEXT),
                "value": share,
            }
        )
    if buttons:
        units.extend([b] for b in action_blocks(buttons))
    return [u for u in units if u]


def _body_units(reply: Reply, ids: _Ids) -> tuple[list[list[Block]], set[str]]:
    """The reply's text, or its summary and items; and the commands and links the items'
    own buttons already offer (the reply's actions do not repeat them)."""
    if not reply.draws_items:
        text = markdown_to_mrkdwn(reply.text)
        if reply.error_id:
            text = ":warning: " + text
        return [[b] for b in sections(text)], set()
    units: list[list[Block]] = [[b] for b in sections(markdown_to_mrkdwn(reply.summary))]
    cards = reply.cards
    units += [posting_blocks(card, ids) for card in cards]
    units += [passage_blocks(hit) for hit in reply.passages]
    shown = {card.details for card in cards}
    shown |= {url for url in (safe_url(c.apply_url) for c in cards) if url}
    return units, shown


def _other_buttons(reply: Reply, ids: _Ids, shown: set[str]) -> list[Block]:
    """Buttons for the reply's actions that its items do not offer already ("More")."""
    buttons = (_button(a, ids(a)) for a in reply.actions)
    return [b for b in buttons if b is not None and b.get("url", b.get("value")) not in shown]


def _fallback(reply: Reply) -> str:
    first = (reply.summary if reply.draws_items else reply.text).strip().split("\n")[0]
    # a notification shows no formatting: its marks stay as written
    return _defused(truncate(plain_text(first), FALLBACK_CHARS)) or "Herald"


def pack(units: Iterable[list[Block]], limit: int = MAX_BLOCKS) -> list[list[Block]]:
    """Units into messages of at most ``limit`` blocks; a unit is split only if it must be."""
    messages: list[list[Block]] = []
    current: list[Block] = []
    for unit in units:
        if len(current) + len(unit) > limit and current:
            messages.append(current)
            current = []
        for block in unit:
            if len(current) == limit:
                messages.append(current)
                current = []
            current.append(block)
    if current:
        messages.append(current)
    return [_unique_block_ids(m) for m in messages]


def _unique_block_ids(blocks: list[Block]) -> list[Block]:
    seen: set[str] = set()
    out: list[Block] = []
    for block in blocks:
        block_id = block.get("block_id")
        if isinstance(block_id, str):
            if block_id in seen:
                block = {k: v for k, v in block.items() if k != "block_id"}
            seen.add(block_id)
        out.append(block)
    return out


def render(
    reply: Reply,
    *,
    share: str | None = None,
    shared_by: str | None = None,
    max_messages: int | None = None,
) -> list[SlackMessage]:
    """The reply as Slack messages, in order.

    ``share`` is the command line (``jobs remote``) a "Share in channel" button re-runs;
    ``shared_by`` (a user id) marks a shared copy instead. ``max_messages`` caps how many
    messages come back (a response_url takes five); the last then says the answer was cut.
    """
    units = reply_units(reply, share=share, shared_by=shared_by)
    batches = pack(units)
    if max_messages is not None and len(batches) > max_messages:
        kept = batches[:max_messages]
        note = context("The answer was too long for Slack and was shortened.")
        last = kept[-1][: MAX_BLOCKS - 1]
        kept[-1] = [*last, note]
        batches = kept
    fallback = _fallback(reply)
    total = len(batches)
    messages = []
    for index, blocks in enumerate(batches, start=1):
        text = fallback if index == 1 else f"{fallback} (continued {index}/{total})"
        messages.append(SlackMessage(text=text[:MAX_MESSAGE_TEXT], blocks=tuple(blocks)))
    return messages or [SlackMessage(text=fallback, blocks=())]


def home_view(
    closing: Reply,
    newest: Reply,
    *,
    commands: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The App Home tab: open postings closing soonest, newest openings, and help."""
    ids = _Ids()
    blocks: list[Block] = [{"type": "header", "text": plain("Herald")}]
    blocks += sections(
        "Open postings and FAQ answers from the community. Use the commands below in any "
        "channel, mention me, or message me here."
    )
    for title, listed, empty in (
        ("Closing soon", closing, "No open posting closes in the next two weeks."),
        ("Open postings", newest, "No open postings yet."),
    ):
        blocks.append({"type": "divider"})
        blocks.append({"type": "header", "text": plain(title)})
        if not listed.postings:
            blocks += sections(empty)
            continue
        # as in a message: how many match and how to see the rest ("More" answers in the
        # DM), else five postings read as the whole list
        body, shown = _body_units(listed, ids)
        blocks += [block for unit in body for block in unit]
        blocks += action_blocks(_other_buttons(listed, ids, shown))
    blocks.append({"type": "divider"})
    if commands:
        lines = [f"• `/{escape_code(name)}` — {escape(text)}" for name, text in commands]
        blocks += sections("*Commands*\n" + "\n".join(lines))
    help_action = Action("Help", "command", "help")
    button = _button(help_action, ids(help_action))
    if button is not None:
        blocks += action_blocks([button])
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS]
    return {"type": "home", "blocks": _unique_block_ids(blocks)}


__all__ = [
    "ACTION_COMMAND",
    "ACTION_PAGE",
    "ACTION_REMIND",
    "ACTION_SHARE",
    "ACTION_URL",
    "MAX_BLOCKS",
    "SlackMessage",
    "escape",
    "escape_code",
    "home_view",
    "markdown_to_mrkdwn",
    "render",
    "split_text",
    "unescape",
]

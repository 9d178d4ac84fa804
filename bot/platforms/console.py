"""The terminal adapter: a REPL that reads commands and prints replies.

It shows the same items a chat platform gets — postings as compact blocks, passages with their
page and link, actions as hints — so trying Herald locally shows what Slack users will see.
On a terminal, the reply's Markdown is drawn by rich (bold, code, links with their address)
and everything wraps to the terminal's width; piped, the same lines are printed as Markdown
text. Nothing is ever parsed as rich console markup: a posting titled "[bold]x[/bold]" prints
those brackets.

Example::

    run_console(router, make_context)                                 # interactive, with history
    run_console(router, make_context, input=io.StringIO("/jobs remote\\n"), output=out)
"""

from __future__ import annotations

import builtins
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from bot.commands import Context, Reply, Request, Router
from bot.config import DEFAULT_DATA_DIR
from bot.domain import PassageHit
from bot.platforms.addressed import without_name
from bot.present import Card, passage_quote
from bot.text import UNPRINTABLE

logger = logging.getLogger(__name__)

PROMPT = "herald> "
NAMES = ("herald",)
"""Herald's name as people type it to address it ("@herald remote jobs", "herald: jobs")."""
QUIT = frozenset({"/quit", "/exit", "quit", "exit", "/q"})
DEFAULT_HISTORY = DEFAULT_DATA_DIR / "console_history"

Line = tuple[str, str]
"""(text, rich style); the plain and the rich rendering are built from the same lines. A style
that starts with ``markdown`` marks Markdown (drawn by rich on a terminal, the rest of the
style applied to it); a line's leading spaces indent it, wrapped lines included."""

MARKDOWN = "markdown"
QUOTE = "quote"
"""A style for "> " lines quoted as written: a passage is a page's plain text, and read as
Markdown an address's underscores ("https://x.org/_fees_") became emphasis and were lost."""


def _posting_lines(card: Card) -> list[Line]:
    return [
        (f"• {card.title}", "bold"),
        ("  " + " · ".join([*card.facts, card.id]), ""),
        (f"  Details: /{card.details}", "dim"),
    ]


def _passage_lines(hit: PassageHit) -> list[Line]:
    quote = passage_quote(hit)
    quoted = "\n".join(f"> {line}" for line in quote.text.splitlines())
    lines: list[Line] = [(quoted, QUOTE), (f"  — {quote.source}", "italic")]
    if quote.url:
        lines.append((f"  {quote.url}", "dim"))
    return lines


def _lines(reply: Reply) -> list[Line]:
    if not reply.draws_items:
        lines: list[Line] = [(reply.text, f"{MARKDOWN} red" if reply.error_id else MARKDOWN)]
        shown: set[str] = set()
    else:
        lines = [(reply.summary, MARKDOWN)]
        for card in reply.cards:
            lines.extend(_posting_lines(card))
        for hit in reply.passages:
            lines.extend(_passage_lines(hit))
        shown = {f"jobs show {p.id}" for p in reply.postings}
    for action in reply.actions:
        hint = f"/{action.value}" if action.kind == "command" else action.value
        # the text already offers it ("Try: `/jobs remote`"): a second line would only repeat it
        if action.value in shown or (not reply.draws_items and f"`{hint}`" in reply.text):
            continue
        label = "Try" if action.label == hint else action.label
        lines.append((f"{label}: {hint}", "cyan"))
    return lines


def render(reply: Reply) -> RenderableType:
    """A rich renderable of the reply, wrapping to the console's width; content is never
    interpreted as console markup."""
    return Group(
        *(_renderable(UNPRINTABLE.sub("\ufffd", text), style) for text, style in _lines(reply))
    )


def _renderable(text: str, style: str) -> RenderableType:
    if style.split(" ", 1)[0] == MARKDOWN:
        # imported here: printing plain text (a pipe, herald ask) needs no Markdown parser
        from bot.platforms.terminal_markdown import ChatMarkdown

        return ChatMarkdown(text, style=style.removeprefix(MARKDOWN).strip() or "none")
    if style == QUOTE:
        quoted = [
            Text.assemble(("▌ ", "dim"), line.removeprefix("> ")) for line in text.split("\n")
        ]
        return Group(Text(""), *quoted)  # set apart, as rich sets a Markdown quote
    body = text.lstrip(" ")
    indent = len(text) - len(body)
    line = Text(body, style=style)
    return Padding(line, (0, 0, 0, indent)) if indent else line


def render_text(reply: Reply) -> str:
    """The same as ``render``, as plain text (for tests and ``herald ask``)."""
    return UNPRINTABLE.sub("\ufffd", "\n".join(text for text, _style in _lines(reply)))


def run_console(
    router: Router,
    make_context: Callable[[Request], Context],
    input: TextIO | None = None,
    output: TextIO | None = None,
    *,
    history_file: Path | None = DEFAULT_HISTORY,
    user: str = "console",
) -> int:
    """Read commands until ``/quit`` or end of input; returns how many were answered.

    With no streams given it is interactive: ``input()`` with readline editing and a
    history file. Given streams (tests, pipes) it reads lines and writes plain text.
    """
    interactive = input is None and sys.stdin.isatty()
    source = input if input is not None else sys.stdin
    sink = output if output is not None else sys.stdout
    console = Console(file=sink, highlight=False) if interactive else None
    if interactive and history_file is not None:
        _load_history(history_file)
    answered = 0
    try:
        while True:
            line = _read(source, interactive)
            if line is None:
                if interactive:  # Ctrl-D: the shell's prompt starts on a line of its own
                    sink.write("\n")
                break
            line = line.strip()
            if not line:
                continue
            if line.lower() in QUIT:
                break
            line = without_name(line, NAMES) or "/help"
            request = replace(
                Request.from_line(line, platform="console", user=user, channel="console"),
                delivers=False,  # no one to send a reminder or an announcement to later
            )
            reply = router.dispatch(request, make_context(request))
            answered += 1
            if console is not None:
                console.print(render(reply))
                console.print()
            else:
                sink.write(render_text(reply) + "\n\n")
                sink.flush()
    except KeyboardInterrupt:
        sink.write("\n")
    finally:
        if interactive and history_file is not None:
            _save_history(history_file)
    return answered


def _read(source: TextIO, interactive: bool) -> str | None:
    if interactive:
        try:
            # ``input`` is this function's parameter name in the caller; use the builtin
            return builtins.input(PROMPT)
        except EOFError:
            return None
    line = source.readline()
    return line if line else None


def _load_history(path: Path) -> None:
    try:
        import readline

        if path.exists():
            readline.read_history_file(path)
        readline.set_history_length(1000)
    except (ImportError, OSError) as exc:
        logger.debug("no console history: %s", exc)


def _save_history(path: Path) -> None:
    try:
        import readline

        path.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(path)
    except (ImportError, OSError) as exc:
        logger.debug("console history not saved: %s", exc)

"""The console on a terminal: the reply's Markdown drawn by rich, wrapped to the width, and
only what the console can do offered. (Piped, it prints the same lines as Markdown text:
tests/commands/test_console.py.)"""

from __future__ import annotations

import io

from cmdfakes import make_context, make_router, passage, sample_store
from rich.console import Console

from bot.commands import Reply, Request
from bot.domain import PassageHit
from bot.platforms.console import render, render_text, run_console


def _terminal(reply: Reply, width: int = 60) -> list[str]:
    sink = io.StringIO()
    Console(file=sink, width=width, color_system=None, force_terminal=True).print(render(reply))
    return [line.rstrip() for line in sink.getvalue().splitlines()]


def test_markdown_is_drawn_not_printed() -> None:
    lines = _terminal(
        Reply(text="**Digital Archivist** at `DataCite`\nApply by _3 March_.\n\n- one\n- two")
    )
    shown = "\n".join(lines)
    assert lines[:2] == ["Digital Archivist at DataCite", "Apply by 3 March."]  # breaks kept
    assert "**" not in shown and "`" not in shown and "_3" not in shown
    assert "• one" in shown and "• two" in shown
    # piped, the same reply is its Markdown
    assert render_text(Reply(text="**Digital Archivist**")) == "**Digital Archivist**"


def test_a_link_shows_its_address_once() -> None:
    shown = " ".join(
        _terminal(
            Reply(text="See [the FAQ](https://iiif.io/faq), <https://example.org> or <a@b.org>.")
        )
    )
    assert "the FAQ (https://iiif.io/faq)" in shown
    assert shown.count("https://example.org") == 1
    assert shown.count("a@b.org") == 1


def test_markdown_never_runs_html_or_console_markup_or_escapes() -> None:
    shown = "\n".join(
        _terminal(Reply(text="<b>bold?</b> [red]x[/red] \x1b[2Jcleared? [link=http://e]y[/link]"))
    )
    assert "<b>bold?</b>" in shown  # HTML is text, as on Matrix
    assert "[red]x[/red]" in shown and "[link=http://e]y[/link]" in shown
    assert "\x1b" not in shown and "\ufffd[2Jcleared?" in shown
    assert "\x1b" not in render_text(Reply(text="\x1b[2J"))
    assert (
        render_text(Reply(text="apply at \u202egro.elpmaxe@rh")) == "apply at \ufffdgro.elpmaxe@rh"
    )


def test_everything_wraps_to_the_width_and_keeps_its_indent() -> None:
    request = Request.from_line("/jobs remote")
    reply = make_router().dispatch(request, make_context(sample_store(), request))
    lines = _terminal(reply, width=40)
    assert max(len(line) for line in lines) <= 40
    start = lines.index("• Technical Community Manager")
    end = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("Details:"))
    facts = lines[start + 1 : end]
    assert len(facts) > 1 and all(line.startswith("  ") and line[2] != " " for line in facts)
    # the facts line of the plain rendering, in the same words, wrapped
    plain = render_text(reply).splitlines()
    facts_line = plain[plain.index("• Technical Community Manager") + 1]
    assert " ".join(line.strip() for line in facts) == facts_line.strip()


def test_a_passage_is_a_quote_drawn_as_written() -> None:
    """A passage is a page's plain text (its Markdown was read when loaded): drawn as
    Markdown again, an address's underscores became emphasis and were lost."""
    text = "Membership requires a signed Memorandum, *see* below\nand a fee: https://iiif.io/_fee_."
    reply = Reply(
        text="",
        summary="From the IIIF Consortium FAQ:",
        passages=(PassageHit(passage(1, "What is the IIIF Consortium?", text), 1.0),),
    )
    lines = _terminal(reply)
    assert lines[:3] == [
        "From the IIIF Consortium FAQ:",
        "",
        "▌ Membership requires a signed Memorandum, *see* below",
    ]
    assert lines[3] == "▌ and a fee: https://iiif.io/_fee_."
    assert "— IIIF Consortium FAQ: What is the IIIF Consortium?" in lines[4]
    # piped: every line of the passage is quoted
    plain = render_text(reply).splitlines()
    assert plain[1:3] == [
        "> Membership requires a signed Memorandum, *see* below",
        "> and a fee: https://iiif.io/_fee_.",
    ]


def _console(lines: str) -> str:
    out = io.StringIO()
    store = sample_store()

    def make(request: Request) -> object:
        return make_context(store, request)

    run_console(make_router(), make, input=io.StringIO(lines), output=out)  # type: ignore[arg-type]
    return out.getvalue()


def test_the_console_promises_no_direct_message_or_announcement() -> None:
    out = _console(
        "/jobs remind datacite-technical-community-manager\n/jobs remind\n/jobs subscribe remote\n"
    )
    assert "direct message" not in out and "I will remind you" not in out
    assert "Subscribed" not in out and "will be announced" not in out
    assert out.count("Slack or Matrix") == 3
    assert out.count("Nothing was changed.") == 3

"""Console rendering and the REPL, driven through string streams."""

from __future__ import annotations

import io
from datetime import date

import pytest
from cmdfakes import FakeStore, make_context, make_router, posting, sample_store
from rich.console import Console

from bot.commands import Action, Reply, Request
from bot.domain import Passage, PassageHit
from bot.platforms.console import render, render_text, run_console


def _run(lines: str, store: object | None = None) -> tuple[int, str]:
    store = store if store is not None else sample_store()
    out = io.StringIO()

    def make(request: Request) -> object:
        return make_context(store, request)

    count = run_console(make_router(), make, input=io.StringIO(lines), output=out)  # type: ignore[arg-type]
    return count, out.getvalue()


def _rich(reply: Reply) -> str:
    sink = io.StringIO()
    Console(file=sink, width=200, color_system=None).print(render(reply))
    return sink.getvalue()


def test_posting_blocks_show_the_compact_facts() -> None:
    count, out = _run("/jobs remote closing this month\n")
    assert count == 1
    assert "1 open posting matches `/jobs remote closing this month`:" in out
    assert "• Technical Community Manager" in out
    assert (
        "  DataCite · Remote (preferably the Americas) · remote · "
        "deadline 7 February 2022 (closes in 6 days) · datacite-technical-community-manager"
    ) in out
    assert "Details: /jobs show datacite-technical-community-manager" in out
    # the Markdown list of the text is not printed twice
    assert "**Technical Community Manager**" not in out


def test_passages_show_page_title_and_link() -> None:
    _count, out = _run("iiif membership fee\n")
    assert "> Membership requires a signed Memorandum" in out
    assert "— IIIF Consortium FAQ: What is the IIIF Consortium?" in out
    assert "https://iiif.io/community/consortium/faq/" in out


def test_lines_without_slash_help_and_quit() -> None:
    count, out = _run("help\n\njobs datacite\n/quit\n/jobs remote\n")
    assert count == 2
    assert "Herald understands these commands:" in out
    assert "2 open postings match `/jobs datacite`" in out
    assert "postings match `/jobs remote`" not in out  # nothing after /quit runs


def test_herald_addressed_by_name_is_not_a_command() -> None:
    """People type the bot's name as in a chat room: the name is no command, what follows is
    what they ask; the name alone with an at sign is help. The bare name stays a command."""
    count, out = _run(
        "@herald jobs datacite\nHerald: jobs datacite\n@Herald\nherald, jobs remote\n"
    )
    assert count == 4
    assert "Unknown command" not in out
    assert out.count("2 open postings match `/jobs datacite`") == 2
    assert "Herald understands these commands:" in out
    assert "postings match `/jobs remote`" in out


def test_eof_ends_the_loop() -> None:
    count, out = _run("")
    assert (count, out) == (0, "")


def test_errors_are_printed_not_raised() -> None:
    count, out = _run("/nosuch\n/jobs show nope\n")
    assert count == 2
    assert "Unknown command /nosuch." in out
    assert "No posting has the id `nope`." in out


def test_content_is_never_read_as_markup() -> None:
    store = FakeStore(
        postings=[
            posting(
                "x1",
                "[bold]x[/bold] @channel",
                organization="[red]Org[/red]",
                location="[link=http://evil]here[/link]",
            )
        ]
    )
    reply = make_router().dispatch(
        Request.from_line("/jobs"), make_context(store, Request.from_line("/jobs"))
    )
    plain = render_text(reply)
    rich = _rich(reply)
    for out in (plain, rich):
        assert "[bold]x[/bold] @channel" in out
        assert "[red]Org[/red]" in out
        assert "[link=http://evil]here[/link]" in out


def test_plain_text_reply_and_action_hints() -> None:
    reply = Reply(
        text="Only text [b]here[/b]",
        actions=(
            Action("Apply", "url", "mailto:a@b.org"),
            Action("More", "command", "jobs page 2"),
        ),
    )
    assert render_text(reply) == "Only text [b]here[/b]\nApply: mailto:a@b.org\nMore: /jobs page 2"
    assert "Only text [b]here[/b]" in _rich(reply)


def test_single_posting_keeps_its_apply_hint() -> None:
    p = posting("solo", "Archivist", deadline=date(2022, 1, 1), contacts=("hr@x.org",))
    reply = Reply(
        text="**Archivist**\n• the Markdown list",
        postings=(p,),
        actions=(Action("Apply", "url", "mailto:hr@x.org"),),
        today=date(2022, 2, 1),
        summary="1 posting:",
    )
    text = render_text(reply)
    assert text.startswith("1 posting:\n• Archivist\n")
    assert "deadline passed on 1 January 2022" in text
    assert "the Markdown list" not in text
    assert text.endswith("Apply: mailto:hr@x.org")


def test_detail_replies_print_their_full_text() -> None:
    _count, out = _run("/jobs show datacite-technical-community-manager\n")
    assert out.startswith("**Technical Community Manager**\nOrganisation: DataCite\n")
    assert "How to apply: helena.cousijn@datacite.org" in out
    assert "Apply: mailto:helena.cousijn@datacite.org" in out
    assert "Details: /jobs show" not in out


def test_suggestions_print_as_try_hints() -> None:
    _count, out = _run("/jobs nothing\n/jobz\n")
    assert "Try: `/jobs`" in out
    assert "Try: /jobs\n" not in out  # offered once, not again as a hint
    assert "Help: /help jobs" in out


def test_suggestions_already_in_the_text_are_not_repeated_as_hints() -> None:
    from bot.commands import Action, Reply
    from bot.platforms.console import render_text

    reply = Reply(
        text="No postings match `/jobs closing soon`.\nTry: `/jobs`",
        actions=(Action("/jobs", "command", "jobs"), Action("Help", "command", "help jobs")),
    )
    lines = render_text(reply).splitlines()
    assert lines.count("Try: /jobs") == 0
    assert "Help: /help jobs" in lines


def test_bytes_that_are_not_text_are_dropped_not_echoed() -> None:
    """Binary piped in arrives as lone surrogates (stdin decodes with "surrogateescape"): the
    store could not log such a question nor a UTF-8 terminal print it back."""
    line = b"\xff\xfe\x00remote jobs\n".decode("utf-8", "surrogateescape")
    count, out = _run(line)
    assert count == 1
    out.encode("utf-8")  # nothing that a UTF-8 stream refuses
    assert "Technical Community Manager" in out


def test_ctrl_d_at_the_prompt_ends_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-D leaves the cursor after "herald> "; without a line break the shell's prompt
    would be drawn on Herald's."""

    def end_of_input(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", end_of_input)
    out = io.StringIO()
    store = sample_store()
    count = run_console(
        make_router(),
        lambda request: make_context(store, request),  # type: ignore[arg-type]
        output=out,
        history_file=None,
    )
    assert (count, out.getvalue()) == (0, "\n")


def test_a_passage_is_drawn_as_written_on_a_terminal() -> None:
    """A passage is a page's plain text: drawn as Markdown, an address's underscores were
    taken for emphasis and vanished, and "1986." began a numbered list."""
    passage = Passage(
        id=1,
        source="faq.md",
        page_title="FAQ",
        question="Fees?",
        text="Pay at https://x.example/_fees_/now, *members* only\n1986. was the year [x]",
        url="https://x.example/faq",
        organization="X",
        position=0,
    )
    drawn = _rich(Reply(text="x", summary="From FAQ:", passages=(PassageHit(passage, 1.0),)))
    assert "▌ Pay at https://x.example/_fees_/now, *members* only" in drawn
    assert "▌ 1986. was the year [x]" in drawn

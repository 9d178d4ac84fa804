"""Router: registration, generated help, the one error map, unknown commands, limits."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone

import pytest
from cmdfakes import NOW, FakeStore, ask, make_context, make_router, sample_store

from bot.app import build_router
from bot.commands import (
    Action,
    CommandSpec,
    Context,
    Reply,
    Request,
    Router,
    split_command,
)
from bot.domain import NotFound, PermissionDenied, UsageError


def _router_with(handler_body: object) -> Router:
    router = Router()

    @router.command("boom", help="Fails on purpose", usage="/boom <thing>", examples=["/boom x"])
    def boom(ctx: Context, text: str) -> Reply:
        if isinstance(handler_body, BaseException):
            raise handler_body
        return Reply(text=str(handler_body))

    return router


def test_registration_returns_the_function_unchanged() -> None:
    router = Router()

    def ping(ctx: Context, text: str) -> Reply:
        return Reply(text="pong " + text)

    assert router.command("ping", help="Answers pong")(ping) is ping
    assert [s.name for s in router.commands()] == ["ping", "help"]
    assert router.commands()[0].handler is ping
    assert router.commands()[0].usage == "/ping"


def test_declaring_a_command_twice_is_refused() -> None:
    router = Router()
    router.command("ping", help="x")(lambda ctx, text: Reply(text=""))
    with pytest.raises(ValueError, match="already declared"):
        router.command("ping", help="y")
    other = Router()
    other.command("ping", help="z")(lambda ctx, text: Reply(text=""))
    with pytest.raises(ValueError, match="already declared"):
        router.include(other)


def test_dispatch_runs_the_handler_with_the_request_text() -> None:
    reply = ask(_router_with("done"), FakeStore(), "/boom  with   spaces ")
    assert reply.text == "done"
    assert reply.error_id is None


def test_command_names_are_case_and_prefix_insensitive() -> None:
    router = _router_with("done")
    store = FakeStore()
    for line in ("/BOOM x", "boom x", "!boom x"):
        assert ask(router, store, line).text == "done"


def test_split_command() -> None:
    assert split_command("/jobs remote  datacite") == ("jobs", "remote  datacite")
    assert split_command("jobs") == ("jobs", "")
    assert split_command("   ") == ("", "")
    assert split_command("/Jobs\nshow x") == ("jobs", "show x")


def test_usage_error_shows_message_and_generated_usage() -> None:
    reply = ask(_router_with(UsageError("Say which thing.")), FakeStore(), "/boom")
    assert reply.text.startswith("Say which thing.")
    assert "Usage: `/boom <thing>`" in reply.text
    assert "`/boom x`" in reply.text


def test_not_found_shows_suggestions_as_text_and_actions() -> None:
    error = NotFound("No posting has that id.", ["/jobs show abc", "/jobs"])
    reply = ask(_router_with(error), FakeStore(), "/boom")
    assert reply.text.startswith("No posting has that id.")
    assert "`/jobs show abc`" in reply.text
    assert Action("/jobs show abc", "command", "jobs show abc") in reply.actions
    assert reply.error_id is None


def test_permission_denied_says_only_admins() -> None:
    reply = ask(_router_with(PermissionDenied("remove postings")), FakeStore(), "/boom")
    assert reply.text == "Only admins can remove postings."
    reply = ask(_router_with(PermissionDenied()), FakeStore(), "/boom")
    assert reply.text == "Only admins can do that."


def test_unexpected_error_is_logged_with_an_error_id(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="bot.commands"):
        reply = ask(_router_with(RuntimeError("db exploded")), FakeStore(), "/boom")
    assert reply.error_id is not None
    assert len(reply.error_id) == 8
    int(reply.error_id, 16)
    assert reply.text == f"Sorry, something went wrong (error {reply.error_id})."
    assert "db exploded" not in reply.text
    record = next(r for r in caplog.records if reply.error_id in r.getMessage())
    assert record.exc_info is not None
    assert "db exploded" in str(record.exc_info[1])


def test_error_ids_differ_between_failures() -> None:
    router = _router_with(RuntimeError("x"))
    ids = {ask(router, FakeStore(), "/boom").error_id for _ in range(5)}
    assert len(ids) == 5


def test_unknown_command_suggests_the_closest_names() -> None:
    reply = ask(make_router(), sample_store(), "/job remote")
    assert reply.text.startswith("Unknown command /job.")
    assert "`/jobs`" in reply.text
    assert "/help" in reply.text
    assert reply.error_id is None


def test_unknown_command_suggests_org_shortcuts_too() -> None:
    reply = ask(make_router(), sample_store(), "/datacit fee")
    assert "`/datacite`" in reply.text


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("/show datacite-technical-community-manager", "/jobs show"),
        ("/subscribe remote", "/jobs subscribe"),
        ("/status", "/herald status"),
        ("/audit", "/herald audit"),
    ],
)
def test_a_verb_typed_as_a_command_is_offered_its_command(line: str, meant: str) -> None:
    """ "/show <id>" is not read as a question ("show" and a word: every posting): the verb
    was meant, and the reply names the command it belongs to."""
    reply = ask(build_router(), sample_store(), line)
    assert reply.text.startswith(f"Unknown command {line.split()[0]}. Did you mean `{meant}`?")
    assert not reply.postings
    assert reply.actions[0] == Action("Help", "command", f"help {meant.lstrip('/')}")


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        (
            "/jobs shwo datacite-technical-community-manager",
            "/jobs show datacite-technical-community-manager",
        ),
        ("/jobs subscirbe remote", "/jobs subscribe remote"),
        ("/jobs sho", "/jobs show"),
        ("/jobs showw", "/jobs show"),
    ],
)
def test_a_mistyped_verb_that_finds_nothing_is_offered_the_verb(line: str, meant: str) -> None:
    reply = ask(make_router(), sample_store(), line)
    assert f"Did you mean `{meant}`?" in reply.text
    assert reply.actions == (Action(meant, "command", meant.lstrip("/")),)


@pytest.mark.parametrize(
    "line",
    [
        "/jobs remote",
        "/jobs closed",
        "/jobs remot",
        "/jobs remote zzzz",
        "/jobs open zzzz",
        "/jobs remotee zzzz",  # "remote" mistyped, nearer to it than to "remove"
    ],
)
def test_a_search_word_near_a_verb_is_no_typo(line: str) -> None:
    """ "remote" is two letters from an admin's "remove": the console's user is one."""
    assert "Did you mean" not in ask(build_router(), sample_store(), line).text


def test_over_long_query_is_refused_without_running_it() -> None:
    store = sample_store()
    reply = ask(make_router(), store, "/jobs " + "remote " * 100)
    assert "please keep it under 500 characters" in reply.text
    assert store.calls == []
    reply = ask(make_router(), store, "/jobs " + "x" * 40, max_query_length=20)
    assert "under 20 characters" in reply.text
    assert store.calls == []


def test_help_lists_every_command_with_an_example_and_the_shortcuts() -> None:
    router = make_router()
    reply = ask(router, sample_store(), "/help")
    for spec in router.commands():
        assert f"`{spec.usage}`" in reply.text
        assert spec.examples, f"/{spec.name} declares no example"
        assert f"`{spec.examples[0]}`" in reply.text
    assert "Organisation shortcuts" in reply.text
    for slug in ("datacite", "iiif"):  # organisations with an FAQ page
        assert f"`/{slug}`" in reply.text
    for slug in ("wikimedia", "molloy"):  # postings only: they answer, but help stays short
        assert f"`/{slug}`" not in reply.text
    # an empty line or a bare slash is also help
    assert ask(router, sample_store(), "/").text == reply.text


def test_help_for_one_command_gives_its_usage() -> None:
    reply = ask(make_router(), sample_store(), "/help jobs")
    assert reply.text.startswith("`/jobs`")
    assert "Usage: `/jobs [all]" in reply.text
    assert "`/jobs remote`" in reply.text


def test_help_for_a_command_that_does_not_exist_says_so() -> None:
    router = make_router()
    everything = ask(router, sample_store(), "/help").text
    reply = ask(router, sample_store(), "/help jbos")
    assert reply.text.startswith("There is no command `/jbos`. Did you mean `/jobs`?\n")
    assert reply.text.endswith(everything)
    assert ask(router, sample_store(), "/help nosuch").text.startswith(
        "There is no command `/nosuch`.\n"
    )
    # a plain "help me" is a person asking for help, not for a command named "me"
    assert ask(router, sample_store(), "help me").text == everything


@pytest.mark.parametrize("topic", ["show", "subscribe", "jobs show", "/jobs"])
def test_help_for_a_verb_or_a_command_and_its_verb_is_the_commands_help(topic: str) -> None:
    reply = ask(make_router(), sample_store(), f"/help {topic}")
    assert reply.text.startswith("`/jobs`")
    assert "• `/jobs show <id>`" in reply.text


def test_failing_shortcut_provider_does_not_break_dispatch(
    caplog: pytest.LogCaptureFixture,
) -> None:
    router = make_router()

    def broken(ctx: Context) -> list[CommandSpec]:
        raise RuntimeError("provider down")

    router.shortcuts(broken)
    with caplog.at_level(logging.ERROR):
        reply = ask(router, sample_store(), "/nosuch")
    assert reply.text.startswith("Unknown command /nosuch.")
    assert any("provider" in r.getMessage() for r in caplog.records)


def test_shortcuts_never_shadow_declared_commands() -> None:
    store = sample_store()
    store.passages[0] = store.passages[0].__class__(
        **{**store.passages[0].__dict__, "organization": "Jobs Council"}
    )
    reply = ask(make_router(), store, "/jobs remote")
    assert reply.postings, "the /jobs handler must still answer"


def test_context_today_uses_the_configured_time_zone() -> None:
    late = datetime(2022, 2, 1, 23, 30, tzinfo=UTC)
    assert make_context(FakeStore(), now=late).today.isoformat() == "2022-02-01"
    tokyo = make_context(FakeStore(), now=late, timezone="Asia/Tokyo")
    assert tokyo.today.isoformat() == "2022-02-02"
    other = datetime(2022, 2, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert make_context(FakeStore(), now=other).today.isoformat() == "2022-02-02"


def test_context_refuses_a_naive_clock() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        make_context(FakeStore(), now=NOW.replace(tzinfo=None))


def test_request_from_line_defaults_to_a_console_dm() -> None:
    request = Request.from_line("/faq  membership fee ")
    assert (request.platform, request.command, request.text, request.is_dm) == (
        "console",
        "faq",
        "membership fee",
        True,
    )


def test_punctuation_after_a_command_word_is_no_part_of_it() -> None:
    from bot.commands import split_command

    assert split_command("jobs?") == ("jobs", "")
    assert split_command("herald: when is it due?") == ("herald:", "when is it due?")
    assert split_command("help!") == ("help", "")


def test_help_after_a_command_is_that_commands_help() -> None:
    from cmdfakes import ask, make_router, sample_store

    reply = ask(make_router(), sample_store(), "/jobs help")
    assert reply.text.startswith("`/jobs` — ")
    assert "`/jobs show <id>`" in reply.text and not reply.postings


@pytest.mark.parametrize(
    ("typed", "command", "text"),
    [
        # a command in the composer's code or bold, as Herald's own replies show commands
        ("`/jobs remote`", "jobs", "remote"),
        ("```jobs all```", "jobs", "all"),
        ("**jobs in leiden**", "jobs", "in leiden"),
        ("_faq fee_", "faq", "fee"),
        # marks inside the line are the person's words: not unwrapped
        ("*remote* jobs *in leiden*", "*remote*", "jobs *in leiden*"),
        ("`", "`", ""),
    ],
)
def test_a_line_wholly_in_formatting_marks_is_the_line_inside(
    typed: str, command: str, text: str
) -> None:
    request = Request.from_line(typed)
    assert (request.command, request.text) == (command, text)

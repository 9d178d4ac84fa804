"""The adapter's edges: configuration, sending for the scheduler, 429s, Socket Mode, imports."""

from __future__ import annotations

import ast
import logging
import socket
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import yaml
from slackfakes import (
    APP_TOKEN,
    CHANNEL,
    USER,
    Failure,
    FakeSlack,
    LoopThread,
    block_ids,
    buttons,
    message_problems,
    slash_body,
)
from slackworld import TODAY, Served, make_posting, slack_settings

from bot.app import App
from bot.clock import fixed_clock
from bot.commands import Action, Reply
from bot.outbox import PermanentSendError, RateLimited
from bot.platforms import slack
from bot.platforms.base import ConfigurationError
from bot.platforms.slack import SlackAdapter, config_from_settings, mention_text
from bot.runtime import adapter_factories
from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]


# --- configuration --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "variable"),
    [
        ({"slack_signing_secret": None}, "SLACK_SIGNING_SECRET"),
        ({"slack_bot_token": None}, "SLACK_BOT_TOKEN"),
        ({"slack_bot_token": "xoxp-user-token"}, "SLACK_BOT_TOKEN"),
        ({"slack_app_token": "xoxb-not-an-app-token"}, "SLACK_APP_TOKEN"),
    ],
)
def test_half_configured_slack_names_the_variable(
    fake: FakeSlack, values: dict[str, Any], variable: str
) -> None:
    with pytest.raises(ConfigurationError, match=variable):
        config_from_settings(slack_settings(fake, **values))


def test_nothing_configured_means_no_slack(fake: FakeSlack) -> None:
    settings = slack_settings(
        fake, slack_bot_token=None, slack_signing_secret=None, slack_app_token=None
    )
    assert config_from_settings(settings) is None
    assert slack.from_settings(App(settings=settings, store=None)) is None  # type: ignore[arg-type]


def test_socket_mode_needs_no_signing_secret(fake: FakeSlack) -> None:
    config = config_from_settings(
        slack_settings(fake, slack_signing_secret=None, slack_app_token=APP_TOKEN)
    )
    assert config is not None and config.app_token == APP_TOKEN
    assert "xoxb" not in repr(config) and "xapp" not in repr(config)


def test_herald_run_finds_the_slack_adapter() -> None:
    assert slack.from_settings in adapter_factories()


def _adapter(loop: LoopThread, fake: FakeSlack, store: Store, **values: Any) -> SlackAdapter:
    settings = slack_settings(fake, **values)
    config = config_from_settings(settings)
    assert config is not None
    app = App(settings=settings, store=store, clock=fixed_clock(TODAY))

    async def make() -> SlackAdapter:
        return SlackAdapter(app, config)

    return loop.run(make())


def test_a_rejected_bot_token_is_one_clear_message(
    loop: LoopThread, fake: FakeSlack, content_store: Store
) -> None:
    adapter = _adapter(loop, fake, content_store, slack_bot_token="xoxb-revoked")
    with pytest.raises(ConfigurationError, match=r"SLACK_BOT_TOKEN was rejected .*invalid_auth"):
        loop.run(adapter.start())


def test_a_busy_port_names_the_setting(
    loop: LoopThread, fake: FakeSlack, content_store: Store
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        adapter = _adapter(loop, fake, content_store, http_port=port)
        with pytest.raises(ConfigurationError, match="HERALD_HTTP_PORT"):
            loop.run(adapter.start())


def test_a_rejected_app_token_names_it(
    loop: LoopThread, fake: FakeSlack, content_store: Store
) -> None:
    adapter = _adapter(
        loop, fake, content_store, slack_signing_secret=None, slack_app_token="xapp-wrong"
    )
    with pytest.raises(ConfigurationError, match="SLACK_APP_TOKEN was rejected"):
        loop.run(adapter.start())


# --- sending (the scheduler's Outbox) ------------------------------------------------------


def test_send_posts_publicly_without_a_share_button(served: Served) -> None:
    reply = served.app.ask("/jobs datacite")
    served.loop.run(served.adapter.send("C0NEWS", reply))
    [call] = served.fake.delivered("chat.postMessage")
    assert call.payload["channel"] == "C0NEWS"
    assert block_ids(call.payload["blocks"], "posting:") == [p.id for p in reply.postings]
    assert all(b["action_id"] != "herald_share" for b in buttons(call.payload["blocks"]))


def test_send_makes_one_attempt_and_leaves_a_429_to_the_scheduler(served: Served) -> None:
    served.fake.fail_next("chat.postMessage", Failure(429, {"Retry-After": "1"}))
    with pytest.raises(RateLimited) as raised:
        served.loop.run(served.adapter.send(CHANNEL, Reply(text="New posting: *Data Steward*")))
    assert raised.value.retry_after == 1
    served.loop.run(served.adapter.send(CHANNEL, Reply(text="New posting: *Data Steward*")))
    attempts = [c for c in served.fake.calls if c.method == "chat.postMessage"]
    assert [(c.status, c.ok) for c in attempts] == [(429, False), (200, True)]


def test_send_raises_with_slacks_error(served: Served, caplog: pytest.LogCaptureFixture) -> None:
    served.fake.closed_channels.add("C0PRIVATE")
    with pytest.raises(PermanentSendError, match="not_in_channel"):
        served.loop.run(served.adapter.send("C0PRIVATE", Reply(text="hello")))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "chat.postMessage to C0PRIVATE failed: not_in_channel" in logged
    assert "xoxb" not in logged


def test_sixty_postings_with_5000_character_titles_are_delivered(served: Served) -> None:
    postings = tuple(make_posting(n, f"Archivist {n} " + "&<b>" * 1250) for n in range(60))
    assert all(len(p.title) >= 5000 for p in postings)
    reply = Reply(
        text="long",
        postings=postings,
        actions=tuple(Action("Details", "command", f"jobs show {p.id}") for p in postings),
        summary="60 postings match `/jobs all`:",
        today=TODAY,
    )
    served.loop.run(served.adapter.send(CHANNEL, reply))
    calls = [c for c in served.fake.calls if c.method == "chat.postMessage"]
    assert len(calls) > 1 and all(c.ok for c in calls)  # the fake refuses what Slack would
    assert all(message_problems(c.payload) == [] for c in calls)
    shown = [pid for c in calls for pid in block_ids(c.payload["blocks"], "posting:")]
    assert shown == [p.id for p in postings]


# --- Socket Mode ------------------------------------------------------------------------------


def test_socket_mode_acks_the_envelope_and_answers(
    loop: LoopThread, fake: FakeSlack, content_store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # envelopes are logged at DEBUG: never their response_url
    adapter = _adapter(
        loop, fake, content_store, slack_signing_secret=None, slack_app_token=APP_TOKEN
    )
    loop.run(adapter.start())
    try:
        assert adapter.port is None  # no HTTP listener in Socket Mode
        body = slash_body("/jobs", "remote", fake.response_url("sock-capability-77"))
        payload = dict(urllib.parse.parse_qsl(body.decode()))
        envelope = {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }
        deadline = time.monotonic() + 5
        while not fake._sockets and time.monotonic() < deadline:
            time.sleep(0.02)
        loop.run(fake.push_envelope(envelope))
        assert fake.wait_socket_ack("env-1")["envelope_id"] == "env-1"
        [answer] = fake.wait_delivered("response_url:sock-capability-77")
        assert block_ids(answer.payload["blocks"], "posting:")
        assert answer.payload["response_type"] == "ephemeral"
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "Received message" in logged  # the envelope was logged, redacted
        assert "sock-capability-77" not in logged and "/response/" not in logged
    finally:
        loop.run(adapter.stop())


# --- boundaries -------------------------------------------------------------------------------


def test_mention_text_drops_only_herald() -> None:
    assert mention_text("<@UHERALD> remote &amp; jobs", "UHERALD") == "remote & jobs"
    assert mention_text("hey <@UHERALD|herald> ask <@U0BOB>", "UHERALD") == "hey ask <@U0BOB>"


def test_mention_text_reads_slacks_markup_as_the_person_sees_it() -> None:
    said = (
        "<@UHERALD> jobs at <http://datacite.org|datacite.org> or <https://x.org>? "
        "<#C0JOBS|jobs> <!here> <!channel> <!subteam^S1|@team> <!date^1392734382^{date}|Feb 18> "
        "<mailto:a@b.org|a@b.org> <@U0BOB> &lt;b&gt; 1 &lt; 2"
    )
    assert mention_text(said, "UHERALD") == (
        "jobs at datacite.org or https://x.org? #jobs @here @channel @team Feb 18 a@b.org "
        "<@U0BOB> <b> 1 < 2"
    )
    assert mention_text("salary < 50k > 30k", None) == "salary < 50k > 30k"  # not markup


def test_the_router_not_the_adapter_reads_a_sentence(served: Served) -> None:
    """Slack hands the line over unchanged: a command word inside a sentence ("remote jobs",
    "what is the iiif fee") does not turn it into that command; the Router asks it."""
    from bot.commands import Request

    def answered(line: str) -> Reply:
        request = Request.from_line(line, platform="slack", user=USER, channel=CHANNEL)
        return served.app.handle(request)

    assert "$10,000" in answered("what is the iiif membership fee").text
    remote = answered("remote jobs")
    assert remote.postings and all(p.remote for p in remote.postings)
    assert "Unknown command /jbos." in answered("jbos remote").text


def test_only_the_slack_package_imports_slack_sdks() -> None:
    offenders = []
    for path in sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/**/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("slack_bolt", "slack_sdk") for n in names):
                offenders.append(path.relative_to(ROOT).as_posix())
    # the adapter's own package, whichever of its modules needs them
    assert offenders and all(o.startswith("bot/platforms/slack/") for o in offenders)


def test_manifest_declares_what_the_adapter_listens_for() -> None:
    manifest = yaml.safe_load((ROOT / "deploy" / "slack-manifest.yaml").read_text("utf-8"))
    features, settings = manifest["features"], manifest["settings"]
    commands = {c["command"] for c in features["slash_commands"]}
    assert commands == {"/jobs", "/faq", "/herald", "/iiif"}
    urls = [c["url"] for c in features["slash_commands"]]
    urls += [
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(u.endswith(slack.EVENTS_PATH) for u in urls)
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "app_home_opened",
    }
    assert settings["interactivity"]["is_enabled"] is True
    assert features["app_home"]["home_tab_enabled"] is True
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read", "im:history"} <= scopes


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("@herald remote jobs", "remote jobs"),  # the name typed, the pill not picked
        ("@Herald: is the fee paid yearly?", "is the fee paid yearly?"),
        ("Herald, jobs in Leiden", "jobs in Leiden"),
        ("herald status", "herald status"),  # /herald's own verb, typed without the slash
        ("heraldry jobs", "heraldry jobs"),
        ("@Herald", ""),  # the name alone, as a mention alone: help
    ],
)
def test_mention_text_drops_herald_s_name_typed_instead_of_picked(typed: str, asked: str) -> None:
    assert mention_text(typed, "UHERALD", ["herald"]) == asked

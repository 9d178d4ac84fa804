"""The manifest asks for no scope Herald does not use, and for every one it does.

The methods Herald calls are read from the adapter's source; the scopes each one needs are
Slack's documentation, written down here as data. A new call fails the test until its scopes
are entered, and a scope the code no longer needs fails it until it leaves the manifest.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from bot.__main__ import cli
from bot.config import Settings
from bot.ingest import sync_folder
from bot.platforms.slack_manifest import manifest_text
from bot.search import org_slug
from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "deploy" / "slack-manifest.yaml"
ADAPTER = ROOT / "bot" / "platforms" / "slack"

# Bot scopes each Web API method needs (docs.slack.dev/reference/methods/…)
METHOD_SCOPES: dict[str, frozenset[str]] = {
    "auth.test": frozenset(),
    "views.open": frozenset(),
    "views.publish": frozenset(),
    # chat:write.public: posting in a public channel the bot has not joined (Share, announcements)
    "chat.postMessage": frozenset({"chat:write", "chat:write.public"}),
    "chat.postEphemeral": frozenset({"chat:write"}),
    "users.info": frozenset({"users:read"}),
    # a scheduled message in doubt is looked for before it is sent again (SlackAdapter.find);
    # Herald posts to no group DM, so mpim:history is left out
    "conversations.history": frozenset({"channels:history", "groups:history", "im:history"}),
    "conversations.open": frozenset({"im:write"}),
}
# Bot scopes each subscribed event needs (docs.slack.dev/reference/events/…)
EVENT_SCOPES: dict[str, frozenset[str]] = {
    "app_mention": frozenset({"app_mentions:read"}),
    "message.im": frozenset({"im:history"}),
    "app_home_opened": frozenset(),
}
FEATURE_SCOPES: dict[str, frozenset[str]] = {"slash_commands": frozenset({"commands"})}
# Needed only when a setting that is off by default is on; documented, not requested.
OPTIONAL = {"users:read": "slack_workspace_admins_are_admins"}

_CALL = re.compile(r"""\bapi(?:\(|,)\s*"([a-z]+\.[A-Za-z.]+)\"""")


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return data


def called_methods() -> set[str]:
    return {m for p in ADAPTER.glob("*.py") for m in _CALL.findall(p.read_text(encoding="utf-8"))}


def needs() -> dict[str, set[str]]:
    """Scope -> what needs it (methods called, events subscribed, features used)."""
    data = manifest()
    found: dict[str, set[str]] = {}
    users = [(m, METHOD_SCOPES[m]) for m in called_methods()]
    users += [(e, EVENT_SCOPES[e]) for e in data["settings"]["event_subscriptions"]["bot_events"]]
    users += [(f, FEATURE_SCOPES[f]) for f in data["features"] if f in FEATURE_SCOPES]
    for user, scopes in users:
        for scope in scopes:
            found.setdefault(scope, set()).add(user)
    return found


def test_the_calls_are_found_and_each_has_its_scopes_written_down() -> None:
    methods = called_methods()
    assert {"chat.postMessage", "chat.postEphemeral", "views.publish", "users.info"} <= methods
    assert methods <= METHOD_SCOPES.keys(), "enter the new method's scopes in METHOD_SCOPES"


def test_every_scope_in_the_manifest_is_needed() -> None:
    requested = set(manifest()["oauth_config"]["scopes"]["bot"])
    assert requested <= needs().keys()
    assert not {"im:read", "users:read"} & requested


def test_every_needed_scope_is_requested_unless_a_default_off_setting_needs_it() -> None:
    requested = set(manifest()["oauth_config"]["scopes"]["bot"])
    assert needs().keys() - requested == set(OPTIONAL)
    for setting in OPTIONAL.values():
        assert Settings.model_fields[setting].default is False


def test_each_scope_says_what_needs_it() -> None:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    needed = needs()
    for scope in manifest()["oauth_config"]["scopes"]["bot"]:
        [line] = [x for x in lines if re.match(rf"\s*- {re.escape(scope)}\s+#", x)]
        comment = line.split("#", 1)[1]
        named = {word for word in re.findall(r"[\w.]+", comment) if word in needed[scope]}
        assert named, f"{scope}: the comment names none of {sorted(needed[scope])}"
    text = MANIFEST.read_text(encoding="utf-8") + (ROOT / "docs" / "slack.md").read_text("utf-8")
    for scope in OPTIONAL:
        assert scope in text and "WORKSPACE_ADMINS_ARE_ADMINS" in text


def test_the_shipped_manifest_is_the_generated_one_for_the_bundled_content(
    tmp_path: Path,
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'h.db'}")
    try:
        store.upgrade()
        report = sync_folder(store, ROOT / "content", now=datetime.now(UTC))
        assert not report.failed
        organisations = store.faq_organizations()
    finally:
        store.close()
    assert organisations  # the bundled content has FAQ pages
    expected = manifest_text(organisations)
    assert MANIFEST.read_text(encoding="utf-8") == expected, (
        "regenerate it: herald slack manifest > deploy/slack-manifest.yaml"
    )


def test_herald_slack_manifest_prints_one_for_the_content_and_address(
    tmp_path: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HERALD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("HERALD_CONTENT_DIR", str(shared_dir / "seeds"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["slack", "manifest", "--url", "https://bot.example.net/", "--socket-mode"]
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    commands = data["features"]["slash_commands"]
    assert [c["command"] for c in commands] == ["/jobs", "/faq", "/herald", "/iiif"]
    assert {c["url"] for c in commands} == {"https://bot.example.net/slack/events"}
    assert data["settings"]["socket_mode_enabled"] is True
    assert data["oauth_config"] == manifest()["oauth_config"]
    refused = CliRunner().invoke(cli, ["slack", "manifest", "--url", "http://plain.example"])
    assert refused.exit_code == 2 and "https://" in refused.output


def test_an_organisation_name_cannot_break_the_yaml() -> None:
    names = ['The "Quoted" Society: a: b', "Zeta # not a comment", "Ünïcode Ørg", "Jobs Inc"]
    data = yaml.safe_load(manifest_text(names))
    commands = {c["command"]: c for c in data["features"]["slash_commands"]}
    for name in names[:3]:
        assert commands[f"/{org_slug(name)}"]["description"] == f"Ask the FAQ of {name}"
    assert len(commands) == 6  # "Jobs Inc" cannot take /jobs

"""Every command people are told about can be typed in Slack, and help is where they look.

The manifest (deploy/slack-manifest.yaml) decides which slash commands Slack delivers at all:
a command the docs or help name but the manifest lacks can never reach Herald. These tests
read the manifest, the docs and the help Herald gives over signed HTTP, and compare.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from slackfakes import USER, action_body, all_texts, buttons, post, signed_headers
from slackworld import Served
from test_slack_http import FORM, blocks_of, send_event, settle, slash, text_of

from bot.ingest import sync_folder
from bot.platforms.slack_blocks import ACTION_SHARE
from bot.search import org_slug

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "deploy" / "slack-manifest.yaml"
DOCS = ROOT / "docs" / "slack.md"
# Slack's own commands the docs mention (they are not Herald's to declare)
SLACK_BUILT_INS = frozenset({"invite"})
_TYPED_COMMAND = re.compile(r"`/([a-z][a-z0-9_-]*)(?=[\s`])")


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return data


def manifest_commands() -> set[str]:
    return {c["command"].lstrip("/") for c in manifest()["features"]["slash_commands"]}


def typed_commands(text: str) -> set[str]:
    """Command names shown as typed (`/jobs remote`, `/herald help`) in Markdown or mrkdwn."""
    return set(_TYPED_COMMAND.findall(text)) - SLACK_BUILT_INS


def admin_world(serve: Callable[..., Served]) -> Served:
    return serve(admins=[USER])


def test_every_command_the_docs_name_is_in_the_manifest() -> None:
    documented = typed_commands(DOCS.read_text(encoding="utf-8"))
    assert {"jobs", "faq", "herald", "iiif"} <= documented
    assert documented <= manifest_commands()


def test_every_manifest_command_points_at_the_events_url() -> None:
    for command in manifest()["features"]["slash_commands"]:
        assert command["url"].endswith("/slack/events"), command
        assert len(command["description"]) <= 100 and len(command["usage_hint"]) <= 100


@pytest.mark.parametrize("admin", [True, False])
def test_every_command_in_help_is_in_the_manifest(
    serve: Callable[..., Served], admin: bool
) -> None:
    served = serve(admins=[USER] if admin else [])
    call = slash(served, "/herald", "help")
    text = text_of(call)
    assert "Herald understands these commands" in text
    named = typed_commands(text)
    assert {"jobs", "faq", "herald", "iiif"} <= named
    assert named <= manifest_commands()
    # on Slack, help is reached through /herald: no "/help" that Slack would not deliver
    assert "`/help" not in text and "`/herald help" in text
    assert ("/herald status" in text) is admin
    assert ("/herald reload" in text) is admin


def test_organisation_commands_are_the_faq_organisations(served: Served) -> None:
    # a shortcut for an organisation without an FAQ could only answer with pointers
    slugs = {org_slug(o) for o in served.app.store.faq_organizations()}
    assert manifest_commands() - {"jobs", "faq", "herald"} == slugs


def test_bare_herald_is_help(served: Served) -> None:
    assert "Herald understands these commands" in text_of(slash(served, "/herald", ""))


def test_herald_status_from_the_manifest_command_works_for_an_admin(
    serve: Callable[..., Served],
) -> None:
    assert "herald" in manifest_commands()
    served = admin_world(serve)
    text = text_of(slash(served, "/herald", "status"))
    assert text.startswith("Herald status")


def test_herald_status_for_anyone_else_changes_nothing(served: Served) -> None:
    text = text_of(slash(served, "/herald", "status"))
    assert text == "Only admins can see Herald's status."


def test_jobs_help_shows_how_to_use_jobs_instead_of_searching(served: Served) -> None:
    call = slash(served, "/jobs", "help")
    text = text_of(call)
    assert text.startswith("`/jobs` — Open postings")
    assert "Usage: `/jobs" in text
    assert "posting:" not in str(blocks_of(call))  # no search results
    assert ACTION_SHARE not in [b["action_id"] for b in buttons(blocks_of(call))]


def test_unknown_command_points_to_a_help_that_exists(served: Served) -> None:
    call = slash(served, "/jobz", "remote")
    text = text_of(call)
    assert "Unknown command /jobz." in text
    assert "Type `/herald help` to see every command." in text
    assert typed_commands(text) <= manifest_commands()
    # nothing worth sharing in a failure
    assert ACTION_SHARE not in [b["action_id"] for b in buttons(blocks_of(call))]


def test_herald_ask_is_answered_like_a_direct_message(served: Served) -> None:
    asked = slash(served, "/herald", "ask iiif membership fee")
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "iiif membership fee",
        "ts": "1.1",
        "event_ts": "1.1",
    }
    assert send_event(served, dm) == 200
    [direct] = served.fake.wait_delivered("chat.postMessage")
    assert "$10,000 annual fee" in text_of(asked)
    assert [t for _k, t in all_texts(blocks_of(direct))] == [
        t for _k, t in all_texts(blocks_of(asked)) if t != "Share in channel"
    ]
    # the shared copy re-runs the question itself
    share = [b["value"] for b in buttons(blocks_of(asked)) if b["action_id"] == ACTION_SHARE]
    assert share == ["iiif membership fee"]


def test_help_in_the_home_tab_shows_admin_commands_to_admins_only(
    serve: Callable[..., Served],
) -> None:
    served = serve(admins=["U0ADMIN"])
    everyone = str(served.adapter.home(USER))
    admin = str(served.adapter.home("U0ADMIN"))
    assert "/herald` — Ask a question" in everyone and "/herald help` —" in everyone
    assert "reload" not in everyone and "status" not in everyone
    assert "reload" in admin and "status" in admin


def test_help_button_answers_with_slack_spelling(served: Served) -> None:
    body = action_body(
        {"action_id": "herald_command:1", "value": "help jobs"},
        response_url=served.fake.response_url("r2"),
    )
    assert post(served.url, body, signed_headers(body, FORM))[0] == 200
    [answer] = served.fake.wait_delivered("response_url:r2")
    assert text_of(answer).startswith("`/jobs` — Open postings")
    assert [c.method for c in settle(served, 0.1)] == ["response_url:r2"]


LONG_POSTING = """---
title: "Job opening: Senior Collections Cataloguer"
layout: post
date: 2022-01-25
url: https://example.org/jobs/senior-collections-cataloguer
---
# Senior Collections Cataloguer

The Example Gallery seeks a Senior Collections Cataloguer. Applications close on March 1, 2022.
Send your application to jobs@gallery.example.org.

{paragraphs}

The last sentence of the description is here.
"""


def test_jobs_show_gives_the_whole_description_and_links_the_source(
    serve: Callable[..., Served],
) -> None:
    served = serve()
    paragraphs = "\n\n".join(
        f"Paragraph {n}: " + " ".join(["the gallery keeps careful records"] * 40) for n in range(8)
    )
    folder = served.app.settings.content_dir
    (folder / "cataloguer.md").write_text(LONG_POSTING.format(paragraphs=paragraphs), "utf-8")
    sync_folder(served.app.store, folder, now=served.app.clock())
    [posting] = [p for p in served.app.store.all_postings() if "Collections Cataloguer" in p.title]
    assert len(posting.body) > 9_000
    call = slash(served, "/jobs", f"show {posting.id}")
    blocks = blocks_of(call)
    sections = [b for b in blocks if b["type"] == "section"]
    assert len(sections) >= 4  # split within Slack's 3,000 characters a section
    text = text_of(call)
    assert "The last sentence of the description is here." in text
    assert all(f"Paragraph {n}:" in text for n in range(8))
    assert "<https://example.org/jobs/senior-collections-cataloguer>" in text
    urls = [b.get("url") for b in buttons(blocks)]
    assert "https://example.org/jobs/senior-collections-cataloguer" in urls


def test_a_query_too_long_offers_no_share(served: Served) -> None:
    call = slash(served, "/jobs", "remote " * 100)
    assert "please keep it under" in text_of(call)
    assert ACTION_SHARE not in [b["action_id"] for b in buttons(blocks_of(call))]

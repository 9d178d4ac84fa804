"""Who is an admin, and that everyone else is refused every admin command with nothing
changed, on console, Slack and Matrix requests alike."""

from __future__ import annotations

import pytest

from bot.admin.permissions import is_admin
from bot.admin.repository import AdminStore
from bot.commands import Platform, Request
from bot.config import Settings

from .adminfakes import ADMIN_MATRIX, ADMIN_SLACK, Bench, find, token_of


def _request(platform: Platform, user: str, *, platform_admin: bool = False) -> Request:
    return Request(platform, user, "C1", "jobs", "", user_is_platform_admin=platform_admin)


@pytest.mark.parametrize(
    ("settings", "request_", "allowed"),
    [
        (Settings(), _request("console", "console"), True),
        (Settings(console_is_admin=False), _request("console", "console"), False),
        (Settings(admins=["U1"]), _request("slack", "U1"), True),
        (Settings(admins=["U1"]), _request("slack", "U2"), False),
        (Settings(admins=["slack:U1"]), _request("slack", "U1"), True),
        (Settings(admins=["slack:U1"]), _request("matrix", "U1"), False),
        (Settings(admins=["@a:example.org"]), _request("matrix", "@a:example.org"), True),
        (Settings(), _request("slack", "U9", platform_admin=True), False),
        (
            Settings(slack_workspace_admins_are_admins=True),
            _request("slack", "U9", platform_admin=True),
            True,
        ),
        (
            Settings(slack_workspace_admins_are_admins=True),
            _request("matrix", "@m:example.org", platform_admin=True),
            False,
        ),
        (
            Settings(matrix_power_level_admins=True),
            _request("matrix", "@m:example.org", platform_admin=True),
            True,
        ),
        (Settings(matrix_power_level_admins=True), _request("matrix", "@m:example.org"), False),
    ],
)
def test_who_is_an_admin(settings: Settings, request_: Request, allowed: bool) -> None:
    assert is_admin(request_, settings) is allowed


def _commands(bench: Bench) -> list[tuple[str, str]]:
    archivist = find(bench, "Digital Archivist").id
    token = token_of(bench.ask('/jobs add title="Data Steward"'))  # the console's own preview
    return [
        ('/jobs add title="Records Manager"', "Only admins can add postings."),
        ("/jobs import\n---\ntitle: Records Manager\n---\nBody.", "Only admins can import"),
        (f"/jobs edit {archivist} deadline=2027-02-01", "Only admins can edit postings."),
        (f"/jobs close {archivist}", "Only admins can close postings."),
        (f"/jobs reopen {archivist}", "Only admins can reopen postings."),
        (f"/jobs remove {archivist}", "Only admins can remove postings."),
        (f"/jobs restore {archivist}", "Only admins can restore postings."),
        (f"/jobs confirm {token}", "Only admins can confirm admin changes."),
        (f"/jobs cancel {token}", "Only admins can cancel admin changes."),
        ("/herald reload", "Only admins can reload the content."),
        ("/herald status", "Only admins can see Herald's status."),
        ("/herald audit", "Only admins can read the audit trail."),
    ]


@pytest.mark.parametrize(
    ("platform", "user"),
    [("console", "console"), ("slack", "U0NOBODY"), ("matrix", "@guest:example.org")],
)
def test_everyone_else_is_refused_and_nothing_changes(
    bench: Bench, platform: Platform, user: str
) -> None:
    bench.app.settings = bench.settings.model_copy(update={"console_is_admin": False})
    bench.app.settings.admins.append("console")  # so the bench itself can make a preview
    commands = _commands(bench)
    bench.app.settings.admins.remove("console")
    records = AdminStore(bench.store)
    files, counts, postings = bench.snapshot(), bench.store.counts(), bench.store.all_postings()
    for line, refusal in commands:
        # a Slack workspace admin is no Herald admin unless the settings say so
        reply = bench.ask(line, platform=platform, user=user, platform_admin=True)
        assert reply.text.startswith(refusal), (line, reply.text)
    assert bench.snapshot() == files
    assert bench.store.counts() == counts
    assert bench.store.all_postings() == postings
    assert records.recent() == []
    assert records.count_pending(bench.clock.now) == 1  # only the bench's own preview


@pytest.mark.parametrize(("platform", "user"), [("slack", ADMIN_SLACK), ("matrix", ADMIN_MATRIX)])
def test_configured_admins_may(bench: Bench, platform: Platform, user: str) -> None:
    archivist = find(bench, "Digital Archivist").id
    reply = bench.ask(f"/jobs close {archivist}", platform=platform, user=user)
    assert reply.text.startswith(f"Closed `{archivist}`")
    entry = AdminStore(bench.store).recent()[0]
    assert (entry.platform, entry.user, entry.action) == (platform, user, "close")


def test_platform_admins_count_when_enabled(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist").id
    refused = bench.ask(
        f"/jobs close {archivist}", platform="slack", user="U7", platform_admin=True
    )
    assert refused.text == "Only admins can close postings."
    bench.app.settings = bench.settings.model_copy(
        update={"slack_workspace_admins_are_admins": True}
    )
    allowed = bench.ask(
        f"/jobs close {archivist}", platform="slack", user="U7", platform_admin=True
    )
    assert allowed.text.startswith(f"Closed `{archivist}`")

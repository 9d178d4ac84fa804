"""The App Home tab: the Router's answers to ``/jobs closing soon`` and ``/jobs``, and the
commands this user may run, drawn by ``slack_blocks.home_view``."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.commands import Request
from bot.platforms.slack.translate import slack_typed
from bot.platforms.slack_blocks import home_view

if TYPE_CHECKING:
    from bot.app import App

HOME_LISTS = (("jobs", "closing soon"), ("jobs", ""))
"""What the App Home lists: the Router's answers to these, as if the user typed them."""
HOME_COMMANDS = 24


def home_request(user: str) -> Request:
    """Opening the App Home, as the Router reads it: ``user`` in the DM with Herald."""
    return Request("slack", user, user, "home", is_dm=True)


def home(app: App, request: Request) -> dict[str, Any]:
    """The Home tab for ``request.user`` (whose admin flag decides which commands show)."""
    closing, newest = (
        app.handle(replace(request, command=command, text=text)) for command, text in HOME_LISTS
    )
    ctx = app.context(request)
    router = app.router
    commands: list[tuple[str, str]] = []
    for spec in router.available(ctx):
        if spec.listed:
            commands.append((slack_typed(spec.name), spec.help))
        # what only admins may do is shown to them, beside the commands everyone has
        admin_verbs = [v for v in router.verbs(spec.name, ctx) if v.admin is not None]
        commands += [(f"{spec.name} {v.verb}", v.help) for v in admin_verbs]
    return home_view(closing, newest, commands=commands[:HOME_COMMANDS])

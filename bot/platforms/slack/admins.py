"""Whether a Slack user is a workspace admin or owner, for settings that let those count
as Herald admins (``slack_workspace_admins_are_admins``); asked of users.info, cached."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.commands import Request
from bot.platforms.slack.errors import SlackError
from bot.platforms.slack.web import WebApi

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)

# How long users.info's admin flags are trusted; promotions show up within this.
ADMIN_CACHE_SECONDS = 300.0


class WorkspaceAdmins:
    """Answers from users.info, each trusted for ``ADMIN_CACHE_SECONDS`` (on ``web``'s clock)."""

    def __init__(self, app: App, web: WebApi) -> None:
        self.app = app
        self.web = web
        # user id -> (workspace admin or owner, monotonic time the answer expires)
        self._known: dict[str, tuple[bool, float]] = {}

    async def flag(self, request: Request) -> Request:
        """The request with ``user_is_platform_admin`` from users.info, when workspace admins
        count as Herald admins (``slack_workspace_admins_are_admins``); otherwise as it is,
        and Slack is not asked."""
        if not self.app.settings.slack_workspace_admins_are_admins or not request.user:
            return request
        return replace(request, user_is_platform_admin=await self.is_admin(request.user))

    async def is_admin(self, user: str) -> bool:
        """Whether ``user`` is a workspace admin or owner, asked at most every few minutes.

        A failed lookup (``users:read`` missing, Slack down) counts as "no" for as long as a
        good answer would, so a misconfigured app costs one call per person, not per command.
        """
        now = self.web.monotonic()
        cached = self._known.get(user)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            data = await self.web.api("users.info", form=True, user=user)
        except SlackError as exc:
            logger.warning(
                "Slack: cannot tell whether %s is a workspace admin (%s); treating them as "
                "not one. Admin checks need the users:read scope.",
                user,
                exc.error,
            )
            answer = False
        else:
            info = data.get("user") or {}
            answer = any(bool(info.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner"))
        self._known[user] = (answer, now + ADMIN_CACHE_SECONDS)
        return answer

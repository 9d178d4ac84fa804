"""Who is an admin: configured ids, the console, and (when enabled) platform admins.

Example::

    require_admin(ctx.request, ctx.settings, "close postings")   # PermissionDenied otherwise
"""

from __future__ import annotations

import logging

from bot.commands import Request
from bot.config import Settings
from bot.domain import PermissionDenied

logger = logging.getLogger(__name__)


def is_admin(request: Request, settings: Settings) -> bool:
    """Configured ids (``U0123`` on any platform, ``slack:U0123`` on that one), the local
    console when ``console_is_admin``, and Slack workspace admins or Matrix room moderators
    when the settings say their platform role counts (adapters set ``user_is_platform_admin``).
    """
    if request.platform == "console" and settings.console_is_admin:
        return True
    admins = {a.strip() for a in settings.admins if a.strip()}
    if request.user in admins or f"{request.platform}:{request.user}" in admins:
        return True
    if request.user_is_platform_admin:
        if request.platform == "slack" and settings.slack_workspace_admins_are_admins:
            return True
        if request.platform == "matrix" and settings.matrix_power_level_admins:
            return True
    return False


def require_admin(request: Request, settings: Settings, what: str) -> None:
    """Raise ``PermissionDenied("Only admins can <what>")`` unless the asker is an admin."""
    if not is_admin(request, settings):
        logger.info("%s:%s may not %s", request.platform, request.user, what)
        raise PermissionDenied(f"Only admins can {what}")

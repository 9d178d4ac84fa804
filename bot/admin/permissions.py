"""Refusing a non-admin (who is one: ``bot.commands.is_admin``).

Example::

    require_admin(ctx.request, ctx.settings, "close postings")   # PermissionDenied otherwise
"""

from __future__ import annotations

import logging

from bot.commands import Request, is_admin
from bot.config import Settings
from bot.domain import PermissionDenied

logger = logging.getLogger(__name__)


def require_admin(request: Request, settings: Settings, what: str) -> None:
    """Raise ``PermissionDenied("Only admins can <what>")`` unless the asker is an admin."""
    if not is_admin(request, settings):
        logger.info("%s:%s may not %s", request.platform, request.user, what)
        raise PermissionDenied(f"Only admins can {what}")

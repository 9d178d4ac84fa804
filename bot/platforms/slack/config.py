"""Slack's settings, validated, and the log filters that keep its secrets out of the log.

Tokens, signing secrets and response_urls are capabilities: ``SlackConfig`` never shows them
in a repr, and ``redact_logs`` rewrites what Bolt and slack_sdk would otherwise log of them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.platforms.base import ConfigurationError

if TYPE_CHECKING:
    from bot.config import Settings

# The adapter's loggers are named under its package, as they were when it was one module.
_PACKAGE = __name__.rpartition(".")[0]
# Bolt's own logger, which its Socket Mode client also uses (it logs envelopes at DEBUG)
BOLT_LOGGER = f"{_PACKAGE}.bolt"
WEBHOOK_LOGGER = f"{_PACKAGE}.response_url"
# slack_bolt names its verification logger after the middleware class
_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"


@dataclass(frozen=True)
class SlackConfig:
    """The validated Slack settings; tokens are plain here and never logged."""

    bot_token: str
    signing_secret: str | None
    app_token: str | None
    api_url: str | None
    host: str
    port: int

    def __repr__(self) -> str:  # tokens must not reach logs through a repr
        mode = "socket" if self.app_token else f"http {self.host}:{self.port}"
        return f"SlackConfig({mode})"


def _secret(value: Any) -> str:
    if value is None:
        return ""
    raw = value.get_secret_value() if hasattr(value, "get_secret_value") else value
    return str(raw).strip()


def config_from_settings(settings: Settings) -> SlackConfig | None:
    """None when no Slack variable is set; ConfigurationError naming the one to fix."""
    bot = _secret(settings.slack_bot_token)
    secret = _secret(settings.slack_signing_secret)
    app_token = _secret(settings.slack_app_token)
    if not (bot or secret or app_token):
        return None
    if not bot:
        raise ConfigurationError(
            "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from your "
            "Slack app's OAuth & Permissions page."
        )
    if not bot.startswith("xoxb-"):
        raise ConfigurationError(
            "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (from OAuth & Permissions)."
        )
    if app_token and not app_token.startswith("xapp-"):
        raise ConfigurationError(
            "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic "
            "Information → App-Level Tokens, scope connections:write)."
        )
    if not app_token and not secret:
        raise ConfigurationError(
            "SLACK_SIGNING_SECRET is not set: HTTP mode needs the Signing Secret from your "
            "Slack app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)."
        )
    return SlackConfig(
        bot_token=bot,
        signing_secret=secret or None,
        app_token=app_token or None,
        api_url=settings.slack_api_url,
        host=settings.http_host,
        port=settings.http_port,
    )


class _TokenFromEnvironment(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself (as Herald's settings do) and then
    warns, at every start, that the client we give it wins over that token: by design here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("As you gave `client` as well")


logging.getLogger(BOLT_LOGGER).addFilter(_TokenFromEnvironment())


def where(url: str) -> str:
    """A response_url as it may be logged: its host only (the URL is a capability)."""
    return urlsplit(url).netloc or "response_url"


_LOGGED_URL = re.compile(r"\burl: (\S+?)(,|\s|$)")
# "response_url": "https://hooks…" in a logged envelope, also inside a repr() of its JSON
_RESPONSE_URL = re.compile(r"""(response_urls?\W+)(https?:[^"'\\\s,}\]]+)""")


class _Redaction(logging.Filter):
    """Keeps strangers' request bodies and response_urls out of the log, at every level.

    Bolt logs a request that fails signature verification with its whole body at INFO (a
    stranger could fill the log with anything), and slack_sdk's webhook client logs the
    response_url of every answer at DEBUG (a capability: whoever reads it may post as Herald
    in that conversation for 30 minutes). Such records are rewritten, not dropped, so that
    what happened stays visible.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Invalid request signature"):
            record.msg = "Slack request refused: its signature or timestamp did not verify"
            record.args = ()
            return True
        if "url" not in message:
            return True
        if "url: " in message:
            message = _LOGGED_URL.sub(lambda m: f"url: {where(m.group(1))}{m.group(2)}", message)
        message = _RESPONSE_URL.sub(lambda m: m.group(1) + where(m.group(2)), message)
        record.msg, record.args = message, ()
        return True


_REDACTION = _Redaction()


def redact_logs() -> None:
    """Put the redaction on every logger that may see a request body or a response_url."""
    for name in (_VERIFICATION_LOGGER, WEBHOOK_LOGGER, BOLT_LOGGER):
        target = logging.getLogger(name)
        if _REDACTION not in target.filters:
            target.addFilter(_REDACTION)

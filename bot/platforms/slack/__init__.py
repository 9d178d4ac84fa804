"""Herald as a Slack app: slash commands, mentions, direct messages, buttons and the App Home.

The only package that imports slack_bolt / slack_sdk. Bolt's async App receives Slack's
requests (HTTP at ``/slack/events`` with signatures verified, or Socket Mode when
``SLACK_APP_TOKEN`` is set); every request becomes a neutral ``Request``, the synchronous
``App.handle`` runs in a worker thread so the event loop keeps acknowledging within Slack's
3 seconds, and the ``Reply`` goes back as Block Kit built by ``slack_blocks``.

One job per module: ``config`` (settings, log redaction), ``errors`` (Slack's codes and what
they mean for a sender), ``web`` (Web API calls, patient answers), ``outbox`` (the
scheduler's sends and finds), ``translate`` (Slack's words to the Router's and back),
``redeliveries``, ``admins``, ``home``, ``workers``, ``events`` (the listeners) and
``adapter`` (the lifecycle that wires them).

Example::

    adapter = from_settings(app)          # None when Slack is not configured
    if adapter is not None:
        await adapter.start()             # checks the token, then serves
        await adapter.send("C0123", reply)
        await adapter.stop()
"""

from bot.platforms.slack.adapter import EVENTS_PATH, SlackAdapter, from_settings
from bot.platforms.slack.config import SlackConfig, config_from_settings
from bot.platforms.slack.errors import DEFAULT_RETRY_AFTER, SlackError, send_error
from bot.platforms.slack.events import LIMITED_NOTE
from bot.platforms.slack.outbox import HISTORY_PAGE, delivery_marks
from bot.platforms.slack.translate import mention_text
from bot.platforms.slack_blocks import render

__all__ = [
    "DEFAULT_RETRY_AFTER",
    "EVENTS_PATH",
    "HISTORY_PAGE",
    "LIMITED_NOTE",
    "SlackAdapter",
    "SlackConfig",
    "SlackError",
    "config_from_settings",
    "delivery_marks",
    "from_settings",
    "mention_text",
    "render",
    "send_error",
]

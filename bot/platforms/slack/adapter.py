"""The Slack adapter's lifecycle: Bolt wired to the listeners, started over HTTP or Socket
Mode, stopped with the answers in flight finished. Composed of small parts, each with one job:
``WebApi`` (calls), ``SlackOutbox`` (the scheduler's sends), ``SlackEvents`` (listeners),
``Redeliveries``, ``WorkspaceAdmins`` and ``Workers``; none of them is a mixin.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import Reply, Request
from bot.platforms.base import ConfigurationError, listen
from bot.platforms.slack.admins import WorkspaceAdmins
from bot.platforms.slack.config import BOLT_LOGGER, SlackConfig, config_from_settings, redact_logs
from bot.platforms.slack.errors import TOKEN_REJECTED, SlackError
from bot.platforms.slack.events import SlackEvents
from bot.platforms.slack.home import home, home_request
from bot.platforms.slack.outbox import SlackOutbox
from bot.platforms.slack.redeliveries import Redeliveries
from bot.platforms.slack.web import WebApi
from bot.platforms.slack.workers import Workers
from bot.platforms.slack_blocks import (
    ACTION_COMMAND,
    ACTION_PAGE,
    ACTION_REMIND,
    ACTION_SHARE,
    ACTION_URL,
)
from bot.platforms.slack_forms import CONFIRM_CALLBACK, FORM_CALLBACK

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SlackAdapter:
    """Serves one workspace; ``port`` is the bound port once started in HTTP mode.

    ``stop`` lets answers in flight finish before the server goes away. ``patience`` (how
    long an answer waits out rate limits) and ``monotonic`` (the clock of that and of the
    admin cache) are ``WebApi``'s, settable here.
    """

    name = "slack"

    def __init__(self, app: App, config: SlackConfig) -> None:
        self.app = app
        self.port: int | None = None
        redact_logs()
        self.web = WebApi(config)
        self.outbox = SlackOutbox(self.web)
        self.workers = Workers()
        self.admins = WorkspaceAdmins(app, self.web)
        self.redeliveries = Redeliveries(app)
        self.events = SlackEvents(app, self.web, self.workers, self.redeliveries, self.admins)
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._routes: list[web.RouteDef] = []
        self.bolt = AsyncApp(
            name="herald",
            client=self.web.client,
            signing_secret=config.signing_secret or "",
            # signatures and timestamps are checked on every HTTP request (Socket Mode
            # requests arrive over an authenticated connection instead)
            request_verification_enabled=True,
            # listeners only ack and start a task, so "before response" costs nothing and
            # spares Bolt's 10 ms ack polling
            process_before_response=True,
            # Herald is no workflow step and no AI assistant: skip their middleware
            attaching_function_token_enabled=False,
            ignoring_self_assistant_message_events_enabled=False,
            attaching_conversation_kwargs_enabled=False,
            logger=logging.getLogger(BOLT_LOGGER),
        )
        self._register()

    # the parts' settings, as tests and the runtime set them on the adapter

    @property
    def config(self) -> SlackConfig:
        return self.web.config

    @config.setter
    def config(self, config: SlackConfig) -> None:
        self.web.config = config

    @property
    def patience(self) -> float:
        return self.web.patience

    @patience.setter
    def patience(self, seconds: float) -> None:
        self.web.patience = seconds

    @property
    def monotonic(self) -> Callable[[], float]:
        return self.web.monotonic

    @monotonic.setter
    def monotonic(self, clock: Callable[[], float]) -> None:
        self.web.monotonic = clock

    @property
    def bot_user_id(self) -> str | None:
        return self.events.bot_user_id

    # --- lifecycle ----------------------------------------------------------------------

    def _register(self) -> None:
        bolt, events = self.bolt, self.events
        bolt.use(self.redeliveries.drop)
        # shortcuts such as /iiif come from the content, so every command name is accepted
        # and the Router decides
        bolt.command(re.compile(r"^/.+"))(events.on_command)
        bolt.action(re.compile(f"^{ACTION_COMMAND}:"))(events.on_command_button)
        bolt.action(re.compile(f"^{ACTION_PAGE}:"))(events.on_command_button)
        bolt.action(ACTION_SHARE)(events.on_share)
        bolt.action(re.compile(f"^{ACTION_REMIND}:"))(events.on_remind)
        bolt.action(re.compile(f"^{ACTION_URL}:"))(events.on_link_button)
        bolt.event("app_mention")(events.on_mention)
        bolt.event("message")(events.on_message)
        bolt.event("app_home_opened")(events.on_home_opened)
        bolt.view(FORM_CALLBACK)(events.on_form_submitted)
        bolt.view(CONFIRM_CALLBACK)(events.on_confirm_submitted)

    async def start(self) -> None:
        """Check the bot token with Slack, then listen (HTTP) or connect (Socket Mode)."""
        await self.web.open()
        self.workers.open()
        try:
            try:
                auth = await self.web.api("auth.test")
            except SlackError as exc:
                if exc.error in TOKEN_REJECTED:
                    raise ConfigurationError(
                        f"SLACK_BOT_TOKEN was rejected by Slack ({exc.error}); copy the Bot "
                        "User OAuth Token again and reinstall the app if it was revoked."
                    ) from None
                raise ConfigurationError(
                    f"Could not check SLACK_BOT_TOKEN with Slack ({exc.error}); is Slack reachable?"
                ) from None
            self.events.bot_user_id = str(auth.get("user_id") or "") or None
            self.events.bot_names = tuple(str(n) for n in (auth.get("user"),) if n)
            if self.config.app_token:
                await self._start_socket_mode(self.config.app_token)
            else:
                await self._start_http()
        except BaseException:
            await self._close()
            raise

    def host_routes(self, routes: Sequence[web.RouteDef]) -> bool:
        """Serve Herald's own routes (feeds, /healthz, /metrics) beside Slack's events, on
        the one port; Socket Mode runs no server, so the runtime then starts one of its own."""
        if self.config.app_token:
            return False
        self._routes = list(routes)
        return True

    async def _start_http(self) -> None:
        application = self.bolt.web_app(path=EVENTS_PATH)
        application.add_routes(self._routes)
        self._runner, self.port = await listen(
            application, self.config.host, self.config.port, "Slack"
        )
        logger.info("Slack HTTP mode on http://%s:%s%s", self.config.host, self.port, EVENTS_PATH)

    async def _start_socket_mode(self, app_token: str) -> None:
        # The Socket Mode client retries a refused token forever; ask once ourselves first.
        options = self.web.client_options(app_token)
        checker = AsyncWebClient(**options, session=self.web.session)
        try:
            await checker.apps_connections_open(app_token=app_token)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown error"))
            raise ConfigurationError(
                f"SLACK_APP_TOKEN was rejected by Slack ({error}); create an app-level token "
                "with the connections:write scope and enable Socket Mode."
            ) from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ConfigurationError(
                f"Could not check SLACK_APP_TOKEN with Slack ({type(exc).__name__})."
            ) from None
        handler = AsyncSocketModeHandler(self.bolt, app_token, web_client=self.web.client)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        self._socket = handler
        logger.info("Slack Socket Mode connected")

    async def stop(self, grace: float = 10.0) -> None:
        """Stop taking requests, let answers in flight finish (up to ``grace`` s), close."""
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.workers.drain(grace)
        await self._close()

    async def _close(self) -> None:
        self.workers.close()
        await self.web.close()

    # --- what the scheduler and the runtime call ----------------------------------------

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """See :meth:`SlackOutbox.find`."""
        return await self.outbox.find(target, keys, since)

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """See :meth:`SlackOutbox.send`."""
        await self.outbox.send(target, reply, keys)

    def home(self, user: str, request: Request | None = None) -> dict[str, Any]:
        """The Home tab for ``user`` (see :func:`bot.platforms.slack.home.home`)."""
        return home(self.app, request or home_request(user))


def from_settings(app: App) -> SlackAdapter | None:
    """What ``herald run`` calls: an adapter when Slack is configured, else None."""
    config = config_from_settings(app.settings)
    return SlackAdapter(app, config) if config is not None else None

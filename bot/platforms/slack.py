"""Herald as a Slack app: slash commands, mentions, direct messages, buttons and the App Home.

The only module that imports slack_bolt / slack_sdk. Bolt's async App receives Slack's
requests (HTTP at ``/slack/events`` with signatures verified, or Socket Mode when
``SLACK_APP_TOKEN`` is set); every request becomes a neutral ``Request``, the synchronous
``App.handle`` runs in a worker thread so the event loop keeps acknowledging within Slack's
3 seconds, and the ``Reply`` goes back as Block Kit built by ``slack_blocks``.

Example::

    adapter = from_settings(app)          # None when Slack is not configured
    if adapter is not None:
        await adapter.start()             # checks the token, then serves
        await adapter.send("C0123", reply)
        await adapter.stop()
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.commands import Reply, Request
from bot.domain import Posting, PostingQuery
from bot.platforms.base import ConfigurationError
from bot.platforms.slack_blocks import (
    ACTION_COMMAND,
    ACTION_SHARE,
    ACTION_URL,
    SlackMessage,
    home_view,
    render,
    unescape,
)

if TYPE_CHECKING:
    from bot.app import App
    from bot.config import Settings

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# A response_url takes at most five messages (within 30 minutes).
RESPONSE_URL_MESSAGES = 5
HOME_POSTINGS = 5
HOME_COMMANDS = 12
# Enough to outlast Slack's retry window (three retries within minutes) at any sane rate.
DEDUPE_CAPACITY = 10_000
# Slack answers these when the bot may not post where the button was clicked.
_CANNOT_POST = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}
)
_TOKEN_REJECTED = frozenset(
    {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
)
_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")

Body = dict[str, Any]
Ack = Callable[..., Awaitable[None]]


class SlackError(RuntimeError):
    """A Slack Web API call failed; ``error`` is Slack's code (``channel_not_found``, …)."""

    def __init__(self, method: str, error: str) -> None:
        super().__init__(f"Slack {method} failed: {error}")
        self.method = method
        self.error = error


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


def from_settings(app: App) -> SlackAdapter | None:
    """What ``herald run`` calls: an adapter when Slack is configured, else None."""
    config = config_from_settings(app.settings)
    return SlackAdapter(app, config) if config is not None else None


def retry_handlers() -> list[AsyncRetryHandler]:
    """429 waits for Retry-After; server errors and dropped connections get one more try."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        AsyncServerErrorRetryHandler(max_retry_count=1),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


class _Seen:
    """A bounded memory of what was handled, so a redelivery never runs twice."""

    def __init__(self, capacity: int = DEDUPE_CAPACITY) -> None:
        self._keys: OrderedDict[Hashable, None] = OrderedDict()
        self._capacity = capacity

    def first(self, key: Hashable) -> bool:
        """True the first time ``key`` is seen."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self._capacity:
            self._keys.popitem(last=False)
        return True


def _where(url: str) -> str:
    # a response_url is a capability: log its host only
    return urlsplit(url).netloc or "response_url"


def mention_text(text: str, bot_user_id: str | None) -> str:
    """What someone asked Herald in a message: its own mention removed, Slack's escapes undone."""
    if bot_user_id:
        text = _USER_MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text)
    return " ".join(unescape(text).split())


def _channel_of(body: Body) -> str:
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return str(channel.get("id") or container.get("channel_id") or "")


class SlackAdapter:
    """Serves one workspace; ``port`` is the bound port once started in HTTP mode."""

    name = "slack"

    def __init__(self, app: App, config: SlackConfig) -> None:
        self.app = app
        self.config = config
        self.bot_user_id: str | None = None
        self._seen = _Seen()
        options: dict[str, Any] = {"token": config.bot_token, "retry_handlers": retry_handlers()}
        if config.api_url:
            options["base_url"] = config.api_url
        self.client = AsyncWebClient(**options)
        self.bolt = AsyncApp(
            name="herald",
            client=self.client,
            signing_secret=config.signing_secret or "",
            # signatures and timestamps are checked on every HTTP request (Socket Mode
            # requests arrive over an authenticated connection instead)
            request_verification_enabled=True,
            logger=logging.getLogger(f"{__name__}.bolt"),
        )
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.port: int | None = None
        self._register()

    # --- lifecycle ----------------------------------------------------------------------

    def _register(self) -> None:
        bolt = self.bolt
        bolt.use(self._drop_redeliveries)
        # shortcuts such as /iiif come from the content, so every command name is accepted
        # and the Router decides
        bolt.command(re.compile(r"^/.+"))(self._on_command)
        bolt.action(re.compile(f"^{ACTION_COMMAND}:"))(self._on_command_button)
        bolt.action(ACTION_SHARE)(self._on_share)
        bolt.action(re.compile(f"^{ACTION_URL}:"))(self._on_link_button)
        bolt.event("app_mention")(self._on_mention)
        bolt.event("message")(self._on_message)
        bolt.event("app_home_opened")(self._on_home_opened)

    async def start(self) -> None:
        """Check the bot token with Slack, then listen (HTTP) or connect (Socket Mode)."""
        try:
            auth = await self._api("auth.test")
        except SlackError as exc:
            if exc.error in _TOKEN_REJECTED:
                raise ConfigurationError(
                    f"SLACK_BOT_TOKEN was rejected by Slack ({exc.error}); copy the Bot User "
                    "OAuth Token again and reinstall the app if it was revoked."
                ) from None
            raise ConfigurationError(
                f"Could not check SLACK_BOT_TOKEN with Slack ({exc.error}); is Slack reachable?"
            ) from None
        self.bot_user_id = str(auth.get("user_id") or "") or None
        if self.config.app_token:
            await self._start_socket_mode(self.config.app_token)
        else:
            await self._start_http()

    async def _start_http(self) -> None:
        runner = web.AppRunner(self.bolt.web_app(path=EVENTS_PATH), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.config.host, self.config.port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise ConfigurationError(
                f"Cannot listen on {self.config.host}:{self.config.port} for Slack "
                f"({exc.strerror or exc}); set HERALD_HTTP_HOST / HERALD_HTTP_PORT."
            ) from None
        self._runner = runner
        for address in runner.addresses:
            if isinstance(address, tuple):
                self.port = int(address[1])
                break
        logger.info("Slack HTTP mode on http://%s:%s%s", self.config.host, self.port, EVENTS_PATH)

    async def _start_socket_mode(self, app_token: str) -> None:
        # The Socket Mode client retries a refused token forever; ask once ourselves first.
        options: dict[str, Any] = {"token": app_token, "retry_handlers": retry_handlers()}
        if self.config.api_url:
            options["base_url"] = self.config.api_url
        try:
            await AsyncWebClient(**options).apps_connections_open(app_token=app_token)
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
        handler = AsyncSocketModeHandler(self.bolt, app_token, web_client=self.client)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        self._socket = handler
        logger.info("Slack Socket Mode connected")

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- sending ------------------------------------------------------------------------

    async def send(self, target: str, reply: Reply) -> None:
        """Post ``reply`` publicly to a channel (the scheduler's announcements)."""
        for message in self._render(reply):
            await self._api("chat.postMessage", channel=target, **message.payload())

    def _render(self, reply: Reply, **options: Any) -> list[SlackMessage]:
        return render(reply, **options)

    async def _api(self, method: str, **payload: Any) -> dict[str, Any]:
        """One Web API call; failures are logged with their context and raised as SlackError."""
        where = payload.get("channel") or payload.get("user_id") or ""
        try:
            response = await self.client.api_call(method, json=payload or None)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            logger.error("Slack %s to %s failed: %s", method, where or "-", error)
            raise SlackError(method, error) from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.error("Slack %s to %s failed: %s", method, where or "-", exc)
            raise SlackError(method, type(exc).__name__) from None
        data: dict[str, Any] = dict(response.data) if isinstance(response.data, dict) else {}
        return data

    async def _respond(self, url: str, messages: list[SlackMessage], response_type: str) -> bool:
        """Post to a response_url; True when every message was accepted."""
        client = AsyncWebhookClient(url=url, retry_handlers=retry_handlers())
        for message in messages[:RESPONSE_URL_MESSAGES]:
            body = {**message.payload(), "response_type": response_type, "replace_original": False}
            try:
                result = await client.send_dict(body)
            except (aiohttp.ClientError, TimeoutError) as exc:
                logger.error("Slack response_url at %s failed: %s", _where(url), exc)
                return False
            if result.status_code != 200:
                logger.error(
                    "Slack response_url at %s answered %s: %s",
                    _where(url),
                    result.status_code,
                    str(result.body)[:200],
                )
                return False
        return True

    async def _answer(self, request: Request) -> Reply:
        return await asyncio.to_thread(self.app.handle, request)

    async def _answer_line(
        self, line: str, *, user: str, channel: str, is_dm: bool
    ) -> tuple[Request, Reply]:
        """A typed line (mention, DM, button) answered; see ``resolve`` for the command."""
        request = Request.from_line(line, platform="slack", user=user, channel=channel, is_dm=is_dm)

        def work() -> tuple[Request, Reply]:
            resolved = self.resolve(request)
            return resolved, self.app.handle(resolved)

        return await asyncio.to_thread(work)

    def resolve(self, request: Request) -> Request:
        """The first word is the command; when it is not one, the first word that is.

        People write "@Herald remote jobs" or "what is the iiif membership fee": the command
        word is not always first. Known commands keep their meaning untouched.
        """
        if not request.command:
            return request
        names = {s.name for s in self.app.router.available(self.app.context(request))}
        if request.command in names:
            return request
        words = [request.command, *request.text.split()]
        for index, word in enumerate(words):
            if word.lower() in names:
                rest = words[:index] + words[index + 1 :]
                return replace(request, command=word.lower(), text=" ".join(rest))
        return request

    # --- middleware ---------------------------------------------------------------------

    async def _drop_redeliveries(
        self, req: AsyncBoltRequest, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        """Slack retries an event it thinks we missed; the first delivery already answered.

        Runs after Bolt's signature check, so a forged retry still gets a 401.
        """
        retry = req.headers.get("x-slack-retry-num")
        if retry:
            reason = req.headers.get("x-slack-retry-reason", ["?"])
            logger.info("Slack retry %s (%s) acknowledged without running", retry[0], reason[0])
            return BoltResponse(status=200, body="")
        body = req.body if isinstance(req.body, dict) else {}
        event_id = body.get("event_id")
        if event_id and not self._seen.first(("event", str(event_id))):
            logger.info("Slack event %s already handled", event_id)
            return BoltResponse(status=200, body="")
        return await next()

    # --- listeners ----------------------------------------------------------------------

    async def _on_command(self, ack: Ack, body: Body) -> None:
        # Slack wants an ack within 3 s; the answer follows through the response_url
        await ack()
        command = str(body.get("command", "")).lstrip("/").lower()
        text = unescape(str(body.get("text", ""))).strip()
        request = Request(
            platform="slack",
            user=str(body.get("user_id", "")),
            channel=str(body.get("channel_id", "")),
            command=command,
            text=text,
            is_dm=body.get("channel_name") == "directmessage",
        )
        reply = await self._answer(request)
        await self._answer_privately(body, reply, f"{command} {text}".strip())

    async def _answer_privately(self, body: Body, reply: Reply, line: str) -> None:
        url = body.get("response_url")
        share = None if reply.public or reply.error_id else line
        messages = self._render(reply, share=share, max_messages=RESPONSE_URL_MESSAGES)
        if url:
            kind = "in_channel" if reply.public else "ephemeral"
            await self._respond(str(url), messages, kind)
            return
        # the App Home has no response_url: answer in the app's DM with the user
        user = str((body.get("user") or {}).get("id") or body.get("user_id") or "")
        if user:
            await self._post(user, self._render(reply))

    async def _post(self, channel: str, messages: list[SlackMessage], **extra: Any) -> None:
        for message in messages:
            await self._api("chat.postMessage", channel=channel, **message.payload(), **extra)

    async def _on_command_button(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        line = str(action.get("value", ""))
        user = str((body.get("user") or {}).get("id", ""))
        channel = _channel_of(body) or user
        request = Request.from_line(
            line, platform="slack", user=user, channel=channel, is_dm=channel.startswith("D")
        )
        reply = await self._answer(request)
        try:
            await self._answer_privately(body, reply, line)
        except SlackError:
            pass  # logged by _api

    async def _on_link_button(self, ack: Ack) -> None:
        # the browser opens the link; Slack still wants the click acknowledged
        await ack()

    async def _on_share(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        line = str(action.get("value", ""))
        user = str((body.get("user") or {}).get("id", ""))
        channel = _channel_of(body)
        message_ts = str((body.get("container") or {}).get("message_ts", ""))
        if not self._seen.first(("share", channel, message_ts, user, line)):
            logger.info("share of %r in %s already posted", line, channel)
            return
        request = Request.from_line(line, platform="slack", user=user, channel=channel)
        reply = await self._answer(request)
        messages = self._render(reply, share=line, shared_by=user)
        try:
            await self._post(channel, messages)
            return
        except SlackError as exc:
            cannot_post = exc.error in _CANNOT_POST
        url = body.get("response_url")
        if cannot_post and url and await self._respond(str(url), messages, "in_channel"):
            return
        if url:
            note = Reply(
                text="I could not share that here. Invite me to the channel "
                "(`/invite @Herald`) and try again."
            )
            await self._respond(str(url), self._render(note), "ephemeral")

    async def _on_mention(self, event: Body) -> None:
        line = mention_text(str(event.get("text", "")), self.bot_user_id)
        user = str(event.get("user", ""))
        channel = str(event.get("channel", ""))
        thread = event.get("thread_ts")
        request, reply = await self._answer_line(line, user=user, channel=channel, is_dm=False)
        shared_line = f"{request.command} {request.text}".strip()
        extra: dict[str, Any] = {"thread_ts": thread} if thread else {}
        try:
            if reply.public:
                await self._post(channel, self._render(reply), **extra)
                return
            share = None if reply.error_id else shared_line
            for message in self._render(reply, share=share):
                await self._api(
                    "chat.postEphemeral", channel=channel, user=user, **message.payload(), **extra
                )
        except SlackError:
            pass  # logged by _api

    async def _on_message(self, event: Body) -> None:
        # direct messages only; edits, joins and other bots' messages are not questions
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        line = mention_text(str(event.get("text", "")), self.bot_user_id)
        channel = str(event.get("channel", ""))
        _request, reply = await self._answer_line(
            line, user=str(event.get("user", "")), channel=channel, is_dm=True
        )
        thread = event.get("thread_ts")
        try:
            await self._post(
                channel, self._render(reply), **({"thread_ts": thread} if thread else {})
            )
        except SlackError:
            pass  # logged by _api

    async def _on_home_opened(self, event: Body) -> None:
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user", ""))
        view = await asyncio.to_thread(self.home, user)
        try:
            await self._api("views.publish", user_id=user, view=view)
        except SlackError:
            pass  # logged by _api

    def home(self, user: str) -> dict[str, Any]:
        """The Home tab for ``user``: read from the store, drawn by ``slack_blocks``."""
        ctx = self.app.context(Request("slack", user, user, "home", is_dm=True))
        today = ctx.today
        closing = self.app.store.find_postings(
            PostingQuery(today=today, deadline_from=today, limit=HOME_POSTINGS)
        ).items
        newest = newest_openings(self.app.store.all_postings(include_inactive=False), today)
        commands = [
            (spec.name, spec.help) for spec in self.app.router.available(ctx)[:HOME_COMMANDS]
        ]
        return home_view(closing, newest, today=today, commands=commands)


def newest_openings(
    postings: list[Posting], today: date, limit: int = HOME_POSTINGS
) -> list[Posting]:
    """Open postings, most recently posted (or first seen) first."""

    def opened(p: Posting) -> date:
        if p.posted is not None:
            return p.posted
        return p.first_seen.date() if p.first_seen is not None else date.min

    open_now = [p for p in postings if p.is_open(today)]
    return sorted(open_now, key=lambda p: (opened(p), p.id), reverse=True)[:limit]

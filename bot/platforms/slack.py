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
import contextvars
import functools
import hashlib
import json
import logging
import re
import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
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

from bot.commands import HELP_SPEC_NAME, Reply, Request
from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError
from bot.platforms.base import ConfigurationError, listen
from bot.platforms.slack_admin import AdminForms
from bot.platforms.slack_blocks import (
    ACTION_COMMAND,
    ACTION_PAGE,
    ACTION_REMIND,
    ACTION_SHARE,
    ACTION_URL,
    SlackMessage,
    home_view,
    render,
    unescape,
)
from bot.platforms.slack_forms import CONFIRM_CALLBACK, FORM_CALLBACK
from bot.store.state import StateStore

if TYPE_CHECKING:
    from bot.app import App
    from bot.config import Settings

logger = logging.getLogger(__name__)


class _TokenFromEnvironment(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself (as Herald's settings do) and then
    warns, at every start, that the client we give it wins over that token: by design here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("As you gave `client` as well")


# the logger Bolt is given (``_BOLT_LOGGER`` below)
logging.getLogger(f"{__name__}.bolt").addFilter(_TokenFromEnvironment())

EVENTS_PATH = "/slack/events"
# A response_url takes at most five messages (within 30 minutes).
RESPONSE_URL_MESSAGES = 5
# Worker threads answering requests; more would only compete for the interpreter lock with
# the event loop that acknowledges (see bench/bench_slack.py).
HANDLER_THREADS = 2
HOME_LISTS = (("jobs", "closing soon"), ("jobs", ""))
"""What the App Home lists: the Router's answers to these, as if the user typed them."""
HOME_COMMANDS = 24
# Enough to outlast Slack's retry window (three retries within minutes) at any sane rate.
DEDUPE_CAPACITY = 10_000
# Handled event ids, shared by replicas in the state table; Slack retries within minutes.
EVENT_KEY = "slack:event:"
EVENT_MEMORY = timedelta(hours=1)
# Slack answers these when the bot may not post where the button was clicked.
_CANNOT_POST = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}
)
_TOKEN_REJECTED = frozenset(
    {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
)
# chat.postMessage errors that no retry can fix: where (or whether) Herald may post, or a
# message Slack will never take. The scheduler pauses what sends there and says why.
PERMANENT_ERRORS = frozenset(
    {
        # the channel or person
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "messages_tab_disabled",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel",
        "restricted_action_non_threadable_channel",
        "ekm_access_denied",
        "team_access_not_granted",
        "access_denied",
        "enterprise_is_restricted",
        # the token: an admin must reinstall the app
        *_TOKEN_REJECTED,
        "missing_scope",
        "no_permission",
        "not_allowed_token_type",
        "org_login_required",
        "two_factor_setup_required",
        # the message itself (a rendering bug: resending the same bytes fails the same way)
        "invalid_blocks",
        "invalid_blocks_format",
        "msg_too_long",
        "no_text",
        "too_many_attachments",
        "invalid_arguments",
        "invalid_arg_name",
        "invalid_array_arg",
        "invalid_charset",
        "invalid_form_data",
        "invalid_post_type",
        "missing_post_type",
        "method_deprecated",
        "deprecated_endpoint",
    }
)
# Answered with HTTP 200 or 429 by the Web API when it wants us to slow down.
_RATE_LIMIT_ERRORS = frozenset({"ratelimited", "rate_limited", "message_limit_exceeded"})
# When Slack limits without a Retry-After (it always sends one with a 429, but not with 200).
DEFAULT_RETRY_AFTER = 30.0
# How long an answer to a person waits out Slack's rate limits (each wait as long as Slack's
# Retry-After asks) before Herald gives up and says so.
ANSWER_PATIENCE = 120.0
LIMITED_NOTE = (
    "Slack is limiting how fast I may post right now, so I could not answer. "
    "Please ask again in a few minutes."
)
# Scheduled messages carry their delivery keys as message metadata of this type; before
# sending again after an unknown outcome, up to HISTORY_PAGES pages of the channel's history
# are searched for them (see ``SlackAdapter.find``).
DELIVERY_EVENT = "herald_delivery"
HISTORY_PAGE = 200
HISTORY_PAGES = 5
# conversations.history answers that mean Herald may not read there: it cannot tell
_HISTORY_UNREADABLE = frozenset(
    {"missing_scope", "not_in_channel", "channel_not_found", "no_permission", "access_denied"}
)
# Parts already posted of replies whose later parts failed (see ``SlackAdapter.send``).
PROGRESS_CAPACITY = 1_000
# How long users.info's admin flags are trusted; promotions show up within this.
ADMIN_CACHE_SECONDS = 300.0
# Herald's own slash command in Slack (help and plain questions go through it).
SLACK_COMMAND = "herald"
SLACK_HELP = f"/{SLACK_COMMAND} {HELP_SPEC_NAME}"
# Router commands with no slash command of their own in Slack: typed after /herald there
SLACK_VERBS = (HELP_SPEC_NAME, "ask")
_SLACK_TYPED = re.compile(rf"`/({'|'.join(SLACK_VERBS)})\b")
_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")

T = TypeVar("T")
Body = dict[str, Any]
Ack = Callable[..., Awaitable[None]]


class SlackError(RuntimeError):
    """A Slack Web API call failed; ``error`` is Slack's code (``channel_not_found``, …).

    ``status`` is the HTTP status (None when no answer came: ``network`` is then True) and
    ``retry_after`` the seconds a 429's Retry-After asked for.
    """

    def __init__(
        self,
        method: str,
        error: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        network: bool = False,
    ) -> None:
        super().__init__(f"Slack {method} failed: {error}")
        self.method = method
        self.error = error
        self.status = status
        self.retry_after = retry_after
        self.network = network


def send_error(exc: SlackError) -> SendError:
    """What a failed post means for the scheduler (the Outbox contract in ``base``).

    A 429 is ``RateLimited`` for its Retry-After (the scheduler's sends make one attempt);
    no answer, a 5xx or one of Slack's "try later" codes is transient; the codes in
    ``PERMANENT_ERRORS`` are permanent. An unknown code is treated as transient: the
    scheduler backs off (up to 15 minutes) rather than pausing a channel on a guess.
    """
    message = f"slack {exc.error}"
    if exc.status == 429 or exc.error in _RATE_LIMIT_ERRORS:
        wait = DEFAULT_RETRY_AFTER if exc.retry_after is None else exc.retry_after
        return RateLimited(wait, message)
    if exc.network or (exc.status is not None and exc.status >= 500):
        return TransientSendError(message if exc.status is None else f"{message} ({exc.status})")
    if exc.error in PERMANENT_ERRORS:
        return PermanentSendError(message)
    return TransientSendError(message)


def delivery_marks(keys: Sequence[str], part: int, parts: int) -> dict[str, Any]:
    """The message metadata of a scheduled message: the delivery keys it carries, and
    which part of how many it is (a reply too long for one message)."""
    payload = {"keys": ",".join(keys), "part": part, "parts": parts}
    return {"event_type": DELIVERY_EVENT, "event_payload": payload}


def _collect_marks(
    message: dict[str, Any], wanted: set[str], parts: dict[str, set[int]], totals: dict[str, int]
) -> None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != DELIVERY_EVENT:
        return
    payload = metadata.get("event_payload") or {}
    try:
        part, total = int(payload.get("part", 0)), int(payload.get("parts", 1))
    except (TypeError, ValueError):
        return
    for key in str(payload.get("keys", "")).split(","):
        if key in wanted:
            parts.setdefault(key, set()).add(part)
            totals[key] = total


def _retry_after(headers: Any) -> float | None:
    """Retry-After in seconds from a response's headers (any capitalisation), if usable."""
    if not headers:
        return None
    for key in list(headers.keys()):
        if str(key).lower() == "retry-after":
            value = headers[key]
            if isinstance(value, list | tuple):
                value = value[0] if value else None
            try:
                return max(0.0, float(str(value)))
            except ValueError:
                return None
    return None


def _failure(exc: SlackApiError) -> tuple[str, int | None, float | None]:
    """(error code, HTTP status, Retry-After) from whatever response slack_sdk attached."""
    response = exc.response
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    data = getattr(response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    if not error:
        error = "ratelimited" if status == 429 else f"http_{status}" if status else "unknown_error"
    headers = getattr(response, "headers", None)
    return str(error), int(status) if status else None, _retry_after(headers)


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
            message = _LOGGED_URL.sub(lambda m: f"url: {_where(m.group(1))}{m.group(2)}", message)
        message = _RESPONSE_URL.sub(lambda m: m.group(1) + _where(m.group(2)), message)
        record.msg, record.args = message, ()
        return True


_REDACTION = _Redaction()
# slack_bolt names its verification logger after the middleware class
_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"
_WEBHOOK_LOGGER = f"{__name__}.response_url"
# Bolt's own logger, which its Socket Mode client also uses (it logs envelopes at DEBUG)
_BOLT_LOGGER = f"{__name__}.bolt"


def _redact_logs() -> None:
    for name in (_VERIFICATION_LOGGER, _WEBHOOK_LOGGER, _BOLT_LOGGER):
        target = logging.getLogger(name)
        if _REDACTION not in target.filters:
            target.addFilter(_REDACTION)


def mention_text(text: str, bot_user_id: str | None) -> str:
    """What someone asked Herald in a message: its own mention removed, Slack's escapes undone."""
    if bot_user_id:
        text = _USER_MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text)
    return " ".join(unescape(text).split())


def slack_spelling(request: Request) -> Request:
    """Slack's spellings of what the Router knows by other names.

    Slack gives Herald one slash command of its own, ``/herald``: ``/herald ask <question>``
    is the question exactly as if written in a direct message, and ``/herald`` or
    ``/herald help [command]`` is help. ``/jobs help`` (any command followed by the single
    word "help") is that command's help, not a search for "help".
    """
    parts = request.text.strip().split(maxsplit=1)
    verb = parts[0].lower() if parts else ""
    rest = parts[1].strip() if len(parts) > 1 else ""
    if request.command == SLACK_COMMAND:
        if verb == "ask":
            asked = Request.from_line(
                rest,
                platform=request.platform,
                user=request.user,
                channel=request.channel,
                is_dm=request.is_dm,
            )
            return replace(asked, user_is_platform_admin=request.user_is_platform_admin)
        if verb in ("", HELP_SPEC_NAME):
            return replace(request, command=HELP_SPEC_NAME, text=rest)
    elif verb == HELP_SPEC_NAME and not rest and request.command not in ("", HELP_SPEC_NAME):
        return replace(request, command=HELP_SPEC_NAME, text=request.command)
    return request


def spell_commands(reply: Reply) -> Reply:
    """Commands as Slack users type them: the Router's "`/help`" and "`/ask`" are
    "`/herald help`" and "`/herald ask`" here (Slack delivers only the manifest's commands)."""
    if "`/" not in reply.text and "`/" not in reply.summary:
        return reply

    def spelled(text: str) -> str:
        return _SLACK_TYPED.sub(lambda m: f"`/{SLACK_COMMAND} {m.group(1)}", text)

    return replace(reply, text=spelled(reply.text), summary=spelled(reply.summary))


def _slack_typed(command: str) -> str:
    """A command's name as typed in Slack ("help" -> "herald help")."""
    return f"{SLACK_COMMAND} {command}" if command in SLACK_VERBS else command


def worth_sharing(reply: Reply) -> bool:
    """Whether "Share in channel" belongs under a reply: postings or passages to show others.

    Help, usage, "Unknown command", "query too long", "No postings match", confirmations
    and apologies carry none: sharing them would only put a failure in the channel.
    """
    return not reply.public and not reply.error_id and bool(reply.postings or reply.passages)


def _fingerprint(target: str, messages: list[SlackMessage]) -> str:
    """The same reply to the same place gives the same key; any change gives another."""
    digest = hashlib.sha256(target.encode())
    for message in messages:
        digest.update(json.dumps(message.payload(), sort_keys=True).encode())
    return digest.hexdigest()


def _channel_of(body: Body) -> str:
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return str(channel.get("id") or container.get("channel_id") or "")


class SlackAdapter:
    """Serves one workspace; ``port`` is the bound port once started in HTTP mode.

    Every listener acknowledges at once and hands the answer to a tracked task, so Bolt
    replies to Slack without waiting for the store, and ``stop`` lets answers in flight
    finish before the server goes away.
    """

    name = "slack"

    def __init__(self, app: App, config: SlackConfig) -> None:
        self.app = app
        self.config = config
        self.bot_user_id: str | None = None
        self.port: int | None = None
        self._seen = _Seen()
        self._pruned: datetime | None = None
        self._progress: OrderedDict[str, int] = OrderedDict()
        self._lanes: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self.patience = ANSWER_PATIENCE
        # user id -> (workspace admin or owner, monotonic time the answer expires)
        self._admins: dict[str, tuple[bool, float]] = {}
        self.monotonic: Callable[[], float] = time.monotonic
        self.forms = AdminForms(app)
        _redact_logs()
        self._tasks: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._routes: list[web.RouteDef] = []
        self.client = AsyncWebClient(**self._client_options(config.bot_token))
        self.bolt = AsyncApp(
            name="herald",
            client=self.client,
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
            logger=logging.getLogger(_BOLT_LOGGER),
        )
        self._register()

    def _client_options(self, token: str) -> dict[str, Any]:
        options: dict[str, Any] = {"token": token, "retry_handlers": retry_handlers()}
        if self.config.api_url:
            options["base_url"] = self.config.api_url
        return options

    # --- lifecycle ----------------------------------------------------------------------

    def _register(self) -> None:
        bolt = self.bolt
        bolt.use(self._drop_redeliveries)
        # shortcuts such as /iiif come from the content, so every command name is accepted
        # and the Router decides
        bolt.command(re.compile(r"^/.+"))(self._on_command)
        bolt.action(re.compile(f"^{ACTION_COMMAND}:"))(self._on_command_button)
        bolt.action(re.compile(f"^{ACTION_PAGE}:"))(self._on_command_button)
        bolt.action(ACTION_SHARE)(self._on_share)
        bolt.action(re.compile(f"^{ACTION_REMIND}:"))(self._on_remind)
        bolt.action(re.compile(f"^{ACTION_URL}:"))(self._on_link_button)
        bolt.event("app_mention")(self._on_mention)
        bolt.event("message")(self._on_message)
        bolt.event("app_home_opened")(self._on_home_opened)
        bolt.view(FORM_CALLBACK)(self._on_form_submitted)
        bolt.view(CONFIRM_CALLBACK)(self._on_confirm_submitted)

    async def start(self) -> None:
        """Check the bot token with Slack, then listen (HTTP) or connect (Socket Mode)."""
        # one connection pool for every Web API and response_url call
        self._session = aiohttp.ClientSession()
        self.client.session = self._session
        self._executor = ThreadPoolExecutor(HANDLER_THREADS, thread_name_prefix="herald-slack")
        try:
            try:
                auth = await self._api("auth.test")
            except SlackError as exc:
                if exc.error in _TOKEN_REJECTED:
                    raise ConfigurationError(
                        f"SLACK_BOT_TOKEN was rejected by Slack ({exc.error}); copy the Bot "
                        "User OAuth Token again and reinstall the app if it was revoked."
                    ) from None
                raise ConfigurationError(
                    f"Could not check SLACK_BOT_TOKEN with Slack ({exc.error}); is Slack reachable?"
                ) from None
            self.bot_user_id = str(auth.get("user_id") or "") or None
            if self.config.app_token:
                await self._start_socket_mode(self.config.app_token)
            else:
                await self._start_http()
        except BaseException:
            await self._close_session()
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
        checker = AsyncWebClient(**self._client_options(app_token), session=self._session)
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
        handler = AsyncSocketModeHandler(self.bolt, app_token, web_client=self.client)
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
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            if pending:
                logger.warning("%d Slack answers cancelled at shutdown", len(pending))
                await asyncio.gather(*pending, return_exceptions=True)
        await self._close_session()

    async def _close_session(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        if self._session is not None:
            await self._session.close()
            self._session = None
            self.client.session = None

    async def _in_thread(self, work: Callable[[], T]) -> T:
        """Run synchronous work (store, Router, rendering) off the event loop.

        Like ``asyncio.to_thread`` but on Herald's own small pool: every thread busy with
        Python code competes with the event loop for the interpreter lock, and the loop
        must stay free to acknowledge the next request within Slack's 3 seconds.
        """
        if self._executor is None:
            return await asyncio.to_thread(work)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, contextvars.copy_context().run, work)

    def _spawn(self, work: Awaitable[None], what: str) -> None:
        """Run ``work`` after the ack; failures are logged, never lost with the task."""

        async def guarded() -> None:
            try:
                await work
            except SlackError:
                pass  # already logged with its context by _api
            except Exception:
                logger.exception("Slack %s failed", what)

        task = asyncio.create_task(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- sending ------------------------------------------------------------------------

    _send_client: AsyncWebClient | None = None

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """Which ``keys`` are on Herald's messages in ``target`` since ``since``, read from
        the message metadata every scheduled message carries (``conversations.history``,
        up to ``HISTORY_PAGES`` pages). None when Herald may not read there (a scope the
        install lacks, a channel it posts to without being a member) or the history since
        then is longer than it reads: the scheduler then sends again and says so.
        """
        wanted = set(keys)
        if not wanted:
            return set()
        client = self._outbox_client()
        parts: dict[str, set[int]] = {}
        totals: dict[str, int] = {}
        try:
            channel = target
            if target[:1] in ("U", "W"):  # a person: the direct message Herald posts to
                opened = await self._api("conversations.open", client=client, users=target)
                channel = str((opened.get("channel") or {}).get("id") or target)
            cursor = ""
            for _ in range(HISTORY_PAGES):
                page = await self._api(
                    "conversations.history",
                    form=True,
                    client=client,
                    channel=channel,
                    oldest=f"{since.timestamp():.6f}",
                    limit=str(HISTORY_PAGE),
                    include_all_metadata="true",
                    **({"cursor": cursor} if cursor else {}),
                )
                for message in page.get("messages") or ():
                    _collect_marks(message, wanted, parts, totals)
                cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
                if not page.get("has_more") or not cursor:
                    break
            else:
                complete = {k for k, seen in parts.items() if len(seen) >= totals[k]}
                return complete if complete == wanted else None  # not read back far enough
        except SlackError as exc:
            if exc.error in _HISTORY_UNREADABLE:
                logger.warning("Slack: cannot read %s's history (%s)", target, exc.error)
                return None
            raise send_error(exc) from None
        return {k for k, seen in parts.items() if len(seen) >= totals[k]}

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """Post ``reply`` publicly to a channel, or to a person's DM with Herald (a ``U…``
        id), for the scheduler. Raises ``RateLimited``, ``TransientSendError`` or
        ``PermanentSendError`` (see :func:`send_error`).

        Each message carries ``keys`` in its metadata (see :func:`delivery_marks`), which is
        what :meth:`find` looks for. A long reply goes out as several messages. When a later
        one fails, the parts already posted are remembered (in memory, keyed by target and
        the rendered payloads), so the scheduler's retry of the same reply continues where
        it stopped. After a restart, :meth:`find` counts a reply as there only when all its
        parts are, so an interrupted long reply is sent again from the top, its first parts
        twice (announcements and reminders are one message; a long digest is several).
        """
        messages = render(reply)
        key = _fingerprint(target, messages)
        start = self._progress.pop(key, 0)
        client = self._outbox_client()
        for index in range(start, len(messages)):
            extra: dict[str, Any] = {}
            if keys:
                extra["metadata"] = delivery_marks(keys, index, len(messages))
            try:
                await self._api(
                    "chat.postMessage",
                    client=client,
                    channel=target,
                    **messages[index].payload(),
                    **extra,
                )
            except SlackError as exc:
                error = send_error(exc)
                if index and not isinstance(error, PermanentSendError):
                    self._progress[key] = index
                    while len(self._progress) > PROGRESS_CAPACITY:
                        self._progress.popitem(last=False)
                    logger.info(
                        "Slack: %d of %d parts reached %s; a retry sends the rest",
                        index,
                        len(messages),
                        target,
                    )
                raise error from None

    def _outbox_client(self) -> AsyncWebClient:
        """The scheduler's client: no retries of its own. slack_sdk would post again after a
        500 or a dropped connection (Slack may have posted already) and wait out a 429 with
        no cap inside one send; the scheduler's ledger retries instead, fenced by its lease."""
        if self._send_client is None:
            options = {**self._client_options(self.config.bot_token), "retry_handlers": []}
            self._send_client = AsyncWebClient(**options)
        self._send_client.session = self._session
        return self._send_client

    async def _api(
        self,
        method: str,
        *,
        form: bool = False,
        client: AsyncWebClient | None = None,
        **payload: Any,
    ) -> dict[str, Any]:
        """One Web API call; failures are logged with their context and raised as SlackError.

        ``form`` sends the arguments form-encoded: read methods such as users.info do not
        accept JSON bodies. ``client`` defaults to the one with slack_sdk's retries.
        """
        where = payload.get("channel") or payload.get("user_id") or payload.get("user") or ""
        body: dict[str, Any] = {"data": payload} if form else {"json": payload or None}
        # auth.test runs only at start, where a failure becomes the one line `herald run` prints
        log = logger.debug if method == "auth.test" else logger.error
        try:
            response = await (client or self.client).api_call(method, **body)
        except SlackApiError as exc:
            error, status, retry_after = _failure(exc)
            log("Slack %s to %s failed: %s", method, where or "-", error)
            raise SlackError(method, error, status=status, retry_after=retry_after) from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            log("Slack %s to %s failed: %s", method, where or "-", exc)
            raise SlackError(method, type(exc).__name__, network=True) from None
        data: dict[str, Any] = dict(response.data) if isinstance(response.data, dict) else {}
        return data

    # --- answering people: patient with rate limits, in order per channel ----------------

    def _lane(self, target: str) -> asyncio.Lock:
        """One lock per channel (or response_url): an answer waiting out a 429 keeps the
        answers after it behind it, so they arrive in the order they were given."""
        lane = self._lanes.get(target)
        if lane is None:
            lane = asyncio.Lock()
            self._lanes[target] = lane
        return lane

    async def _patiently(self, call: Callable[[], Awaitable[T]], where: str) -> T:
        """``call()``, again after each rate limit for as long as Slack asks, for at most
        ``self.patience`` seconds in all; then its last SlackError is raised.

        slack_sdk retries a 429 twice by itself; a limit that lasts longer (a busy
        workspace, a burst of announcements) would otherwise drop the answer.
        """
        deadline = self.monotonic() + self.patience
        while True:
            try:
                return await call()
            except SlackError as exc:
                limited = send_error(exc)
                if not isinstance(limited, RateLimited):
                    raise
                wait = max(limited.retry_after, 1.0)
                if self.monotonic() + wait > deadline:
                    logger.warning("Slack still rate limits answers to %s; giving up", where)
                    raise
                logger.info("Slack rate limits answers to %s; trying again in %.0f s", where, wait)
                await asyncio.sleep(wait)

    async def _post(self, channel: str, messages: list[SlackMessage], **extra: Any) -> None:
        async with self._lane(channel):
            for message in messages:
                post = functools.partial(
                    self._api, "chat.postMessage", channel=channel, **message.payload(), **extra
                )
                await self._patiently(post, channel)

    async def _post_ephemeral(
        self, channel: str, user: str, messages: list[SlackMessage], **extra: Any
    ) -> None:
        async with self._lane(channel):
            for message in messages:
                post = functools.partial(
                    self._api,
                    "chat.postEphemeral",
                    channel=channel,
                    user=user,
                    **message.payload(),
                    **extra,
                )
                await self._patiently(post, channel)

    async def _respond(
        self,
        url: str,
        messages: list[SlackMessage],
        response_type: str,
        *,
        replace_original: bool = False,
    ) -> bool:
        """Post to a response_url; True when every message was accepted.

        ``replace_original`` makes the first message replace the one whose button was
        pressed (a page of results turning into the next page).
        """
        client = AsyncWebhookClient(
            url=url,
            session=self._session,
            retry_handlers=retry_handlers(),
            logger=logging.getLogger(_WEBHOOK_LOGGER),
        )
        where = _where(url)

        async def send(body: dict[str, Any]) -> None:
            try:
                result = await client.send_dict(body)
            except (aiohttp.ClientError, TimeoutError) as exc:
                logger.error("Slack response_url at %s failed: %s", where, exc)
                raise SlackError("response_url", type(exc).__name__, network=True) from None
            if result.status_code != 200:
                logger.error(
                    "Slack response_url at %s answered %s: %s",
                    where,
                    result.status_code,
                    str(result.body)[:200],
                )
                raise SlackError(
                    "response_url",
                    str(result.body)[:100] or f"http_{result.status_code}",
                    status=result.status_code,
                    retry_after=_retry_after(result.headers),
                )

        async with self._lane(url):
            for index, message in enumerate(messages[:RESPONSE_URL_MESSAGES]):
                body = {
                    **message.payload(),
                    "response_type": response_type,
                    "replace_original": replace_original and index == 0,
                }
                try:
                    await self._patiently(functools.partial(send, body), where)
                except SlackError:
                    return False
        return True

    async def _tell_limited(self, channel: str, user: str | None, **extra: Any) -> None:
        """Say that an answer could not get through Slack's rate limit (one try: the note
        is short and, when Slack is still limiting, logged like any failed call)."""
        note = render(Reply(text=LIMITED_NOTE))[0].payload()
        if user:
            await self._api("chat.postEphemeral", channel=channel, user=user, **note, **extra)
        else:
            await self._api("chat.postMessage", channel=channel, **note, **extra)

    # --- answering (in a worker thread: the store and rendering are synchronous) ---------

    async def _answer(
        self,
        request: Request,
        *,
        offer_share: bool = False,
        shared_by: str | None = None,
        max_messages: int | None = None,
    ) -> tuple[Reply, list[SlackMessage]]:
        """The request answered and rendered off the event loop.

        The Router decides what a line is (a command, or a question for ``bot.ask``);
        ``offer_share`` adds "Share in channel" re-running the same line (only when
        ``worth_sharing``); ``shared_by`` marks a shared copy with who shared it.
        """

        request = await self.with_admin_flag(request)

        def work() -> tuple[Reply, list[SlackMessage]]:
            asked = slack_spelling(request)
            reply = spell_commands(self.app.handle(asked))
            # typed as a command ("/iiif fee") or not ("iiif fee" is a question): a shared
            # copy must be read the same way
            line = f"/{asked.line}" if asked.prefixed else asked.line
            share = None
            if shared_by or (offer_share and worth_sharing(reply)):
                share = line
            messages = render(reply, share=share, shared_by=shared_by, max_messages=max_messages)
            return reply, messages

        return await self._in_thread(work)

    async def with_admin_flag(self, request: Request) -> Request:
        """The request with ``user_is_platform_admin`` from users.info, when workspace admins
        count as Herald admins (``slack_workspace_admins_are_admins``); otherwise as it is,
        and Slack is not asked."""
        if not self.app.settings.slack_workspace_admins_are_admins or not request.user:
            return request
        return replace(request, user_is_platform_admin=await self.workspace_admin(request.user))

    async def workspace_admin(self, user: str) -> bool:
        """Whether ``user`` is a workspace admin or owner, asked at most every few minutes.

        A failed lookup (``users:read`` missing, Slack down) counts as "no" for as long as a
        good answer would, so a misconfigured app costs one call per person, not per command.
        """
        now = self.monotonic()
        cached = self._admins.get(user)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            data = await self._api("users.info", form=True, user=user)
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
        self._admins[user] = (answer, now + ADMIN_CACHE_SECONDS)
        return answer

    async def _answer_privately(
        self, body: Body, request: Request, *, in_place: bool = False
    ) -> None:
        """Answer a command or a click only the clicker sees (with "Share in channel");
        ``in_place`` replaces the message whose button was clicked."""
        url = body.get("response_url")
        if not url:
            # the App Home has no response_url: answer in the app's DM with the user
            _reply, messages = await self._answer(request)
            await self._post(request.user, messages)
            return
        reply, messages = await self._answer(
            request, offer_share=True, max_messages=RESPONSE_URL_MESSAGES
        )
        await self._respond(
            str(url),
            messages,
            "in_channel" if reply.public else "ephemeral",
            replace_original=in_place and not reply.public,
        )

    # --- middleware ---------------------------------------------------------------------

    async def _drop_redeliveries(
        self, req: AsyncBoltRequest, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        """Answer each event id once, whether or not Slack says it is a retry.

        Slack retries (``X-Slack-Retry-Num``) when its first delivery failed or was not
        acknowledged in 3 s: often because Herald was restarting and never saw it. So the
        header alone decides nothing; only an event id already handled is dropped. Runs
        after Bolt's signature check, so a forged retry still gets a 401.
        """
        body = req.body if isinstance(req.body, dict) else {}
        event_id = body.get("event_id")
        retry = req.headers.get("x-slack-retry-num")
        if event_id and not await self._first_delivery(str(event_id)):
            logger.info("Slack event %s already handled; acknowledged without running", event_id)
            return BoltResponse(status=200, body="")
        if retry:
            reason = req.headers.get("x-slack-retry-reason", ["?"])
            logger.info(
                "Slack retry %s (%s) of event %s, not seen before: answering",
                retry[0],
                reason[0],
                event_id or "-",
            )
        return await next()

    async def _first_delivery(self, event_id: str) -> bool:
        """Whether no replica has handled this event yet.

        This process's memory answers repeats at once; a first sighting is then claimed in
        the database, which replicas behind one load balancer share (Slack may send the
        retry to another one). A database that cannot answer counts as "first": better a
        rare second answer than a lost one.
        """
        if not self._seen.first(("event", event_id)):
            return False
        try:
            # the loop's own threads, not the answering pool: the ack must not queue there
            return await asyncio.to_thread(self._claim_event, event_id)
        except Exception as exc:
            logger.warning("Slack event %s: the shared memory failed (%s)", event_id, exc)
            return True

    def _claim_event(self, event_id: str) -> bool:
        now = self.app.clock()
        state = StateStore(self.app.store)
        first = state.claim(f"{EVENT_KEY}{event_id}", now)
        if first and (self._pruned is None or now - self._pruned >= EVENT_MEMORY / 4):
            self._pruned = now
            state.forget(EVENT_KEY, now - EVENT_MEMORY)
        return first

    # --- listeners: ack, then answer in a task ------------------------------------------

    async def _on_command(self, ack: Ack, body: Body) -> None:
        # Slack wants an ack within 3 s; the answer follows through the response_url
        await ack()
        request = Request(
            platform="slack",
            user=str(body.get("user_id", "")),
            channel=str(body.get("channel_id", "")),
            command=str(body.get("command", "")).lstrip("/").lower(),
            text=unescape(str(body.get("text", ""))).strip(),
            is_dm=body.get("channel_name") == "directmessage",
        )
        self._spawn(self._command(body, request), f"/{request.command}")

    async def _command(self, body: Body, request: Request) -> None:
        """A slash command: an admin's bare ``/jobs add`` or ``/jobs edit <id>`` opens the
        posting form; everything else (and anyone else) gets the usual private answer."""
        trigger = body.get("trigger_id")
        if trigger and request.command == "jobs":
            request = await self.with_admin_flag(request)
            asked = request
            view = await self._in_thread(lambda: self.forms.form_for(asked))
            if view is not None:
                try:
                    # the trigger is valid for 3 s after the command: open before anything else
                    await self._api("views.open", trigger_id=str(trigger), view=view)
                    return
                except SlackError:
                    pass  # logged; the usual answer explains how to type the posting instead
        await self._answer_privately(body, request)

    # --- modals (view_submission): Slack waits for the answer, so no task ------------------

    async def _view_request(self, body: Body) -> Request:
        user = str((body.get("user") or {}).get("id", ""))
        return await self.with_admin_flag(Request("slack", user, user, "jobs"))

    async def _on_form_submitted(self, ack: Ack, body: Body, view: Body) -> None:
        request = await self._view_request(body)
        answer = await self._in_thread(lambda: self.forms.submit_form(request, view))
        await ack(**answer)

    async def _on_confirm_submitted(self, ack: Ack, body: Body, view: Body) -> None:
        request = await self._view_request(body)
        answer = await self._in_thread(lambda: self.forms.submit_confirm(request, view))
        await ack(**answer)

    async def _on_command_button(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        user = str((body.get("user") or {}).get("id", ""))
        channel = _channel_of(body) or user
        request = Request.from_line(
            str(action.get("value", "")),
            platform="slack",
            user=user,
            channel=channel,
            is_dm=channel.startswith("D"),
        )
        # a button's value is a command as its reply wrote it ("iiif fee" runs /iiif)
        request = replace(request, prefixed=True)
        # "More" under a private answer replaces that page (a public one stays as it is)
        page = str(action.get("action_id", "")).startswith(f"{ACTION_PAGE}:")
        in_place = page and bool((body.get("container") or {}).get("is_ephemeral"))
        self._spawn(self._answer_privately(body, request, in_place=in_place), "button")

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
        self._spawn(self._share(body, request), "share")

    async def _share(self, body: Body, request: Request) -> None:
        _reply, messages = await self._answer(request, shared_by=request.user)
        try:
            await self._post(request.channel, messages)
            return
        except SlackError as exc:
            cannot_post = exc.error in _CANNOT_POST
            limited = isinstance(send_error(exc), RateLimited)
        url = body.get("response_url")
        if cannot_post and url and await self._respond(str(url), messages, "in_channel"):
            return
        if url:
            if limited:
                why = (
                    "Slack is limiting how fast I may post in this channel right now. "
                    "Press Share in channel again in a few minutes."
                )
            else:
                why = (
                    "I could not share that here. Invite me to the channel "
                    "(`/invite @Herald`) and try again."
                )
            await self._respond(str(url), render(Reply(text=why)), "ephemeral")

    async def _on_remind(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        user = str((body.get("user") or {}).get("id", ""))
        posting_id = str(action.get("value", ""))
        self._spawn(self._remind(body, user, posting_id), "Remind me")

    async def _remind(self, body: Body, user: str, posting_id: str) -> None:
        """ "Remind me" is ``/jobs remind <id>`` typed by whoever pressed it; only they see it."""
        channel = str((body.get("channel") or {}).get("id", "")) or user
        request = Request("slack", user, channel, "jobs", f"remind {posting_id}", is_dm=True)
        _reply, messages = await self._answer(request)
        url = body.get("response_url")
        if url:
            await self._respond(str(url), messages, "ephemeral")
        else:  # pressed in the App Home: no response_url, so the DM with Herald
            await self._post(user, messages)

    async def _on_mention(self, event: Body) -> None:
        request = Request.from_line(
            mention_text(str(event.get("text", "")), self.bot_user_id),
            platform="slack",
            user=str(event.get("user", "")),
            channel=str(event.get("channel", "")),
            is_dm=False,
        )
        thread = event.get("thread_ts")
        self._spawn(self._answer_mention(request, thread), "mention")

    async def _answer_mention(self, request: Request, thread: Any) -> None:
        reply, messages = await self._answer(request, offer_share=True)
        extra: dict[str, Any] = {"thread_ts": thread} if thread else {}
        try:
            if reply.public:
                await self._post(request.channel, messages, **extra)
            else:
                await self._post_ephemeral(request.channel, request.user, messages, **extra)
        except SlackError as exc:
            if isinstance(send_error(exc), RateLimited):
                await self._tell_limited(request.channel, request.user, **extra)

    async def _on_message(self, event: Body) -> None:
        # direct messages only; edits, joins and other bots' messages are not questions
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        request = Request.from_line(
            mention_text(str(event.get("text", "")), self.bot_user_id),
            platform="slack",
            user=str(event.get("user", "")),
            channel=str(event.get("channel", "")),
            is_dm=True,
        )
        thread = event.get("thread_ts")
        self._spawn(self._answer_dm(request, thread), "direct message")

    async def _answer_dm(self, request: Request, thread: Any) -> None:
        _reply, messages = await self._answer(request)
        extra: dict[str, Any] = {"thread_ts": thread} if thread else {}
        try:
            await self._post(request.channel, messages, **extra)
        except SlackError as exc:
            if isinstance(send_error(exc), RateLimited):
                await self._tell_limited(request.channel, None, **extra)

    async def _on_home_opened(self, event: Body) -> None:
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user", ""))
        self._spawn(self._publish_home(user), "App Home")

    async def _publish_home(self, user: str) -> None:
        # the commands shown depend on whether the user is an admin
        request = await self.with_admin_flag(Request("slack", user, user, "home", is_dm=True))
        view = await self._in_thread(functools.partial(self.home, user, request))
        await self._api("views.publish", user_id=user, view=view)

    def home(self, user: str, request: Request | None = None) -> dict[str, Any]:
        """The Home tab for ``user``: ``/jobs closing soon`` and ``/jobs`` as the Router
        answers them, and the commands this user may run, drawn by ``slack_blocks``."""
        asked = request or Request("slack", user, user, "home", is_dm=True)
        closing, newest = (
            self.app.handle(replace(asked, command=command, text=text))
            for command, text in HOME_LISTS
        )
        ctx = self.app.context(asked)
        router = self.app.router
        commands: list[tuple[str, str]] = []
        for spec in router.available(ctx):
            if spec.listed:
                commands.append((_slack_typed(spec.name), spec.help))
            # what only admins may do is shown to them, beside the commands everyone has
            admin_verbs = [v for v in router.verbs(spec.name, ctx) if v.admin is not None]
            commands += [(f"{spec.name} {v.verb}", v.help) for v in admin_verbs]
        return home_view(closing, newest, commands=commands[:HOME_COMMANDS])

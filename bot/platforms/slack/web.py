"""Slack's Web API and response_urls as Herald calls them: one connection pool, every
failure logged with its context and raised as ``SlackError``, and answers to people posted
patiently (waiting out rate limits) and in order per channel.

Example::

    web = WebApi(config)
    await web.open()
    await web.post("C0123", render(reply))
    await web.close()
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.outbox import RateLimited
from bot.platforms.slack.config import WEBHOOK_LOGGER, SlackConfig, where
from bot.platforms.slack.errors import SlackError, failure, retry_after, send_error
from bot.platforms.slack_blocks import SlackMessage

logger = logging.getLogger(__name__)

# A response_url takes at most five messages (within 30 minutes).
RESPONSE_URL_MESSAGES = 5
# How long an answer to a person waits out Slack's rate limits (each wait as long as Slack's
# Retry-After asks) before Herald gives up and says so.
ANSWER_PATIENCE = 120.0

T = TypeVar("T")


def retry_handlers() -> list[AsyncRetryHandler]:
    """429 waits for Retry-After; server errors and dropped connections get one more try."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        AsyncServerErrorRetryHandler(max_retry_count=1),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


class WebApi:
    """The Web API client Bolt is given (with slack_sdk's retries), the scheduler's client
    (without), and the posting of answers. ``config`` is read at each use, so a changed
    ``api_url`` takes effect on the next client built."""

    def __init__(self, config: SlackConfig) -> None:
        self.config = config
        self.patience = ANSWER_PATIENCE
        self.monotonic: Callable[[], float] = time.monotonic
        self.session: aiohttp.ClientSession | None = None
        self.client = AsyncWebClient(**self.client_options(config.bot_token))
        self._send_client: AsyncWebClient | None = None
        self._lanes: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    def client_options(self, token: str) -> dict[str, Any]:
        options: dict[str, Any] = {"token": token, "retry_handlers": retry_handlers()}
        if self.config.api_url:
            options["base_url"] = self.config.api_url
        return options

    async def open(self) -> None:
        """One connection pool for every Web API and response_url call."""
        self.session = aiohttp.ClientSession()
        self.client.session = self.session

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None
            self.client.session = None

    def outbox_client(self) -> AsyncWebClient:
        """The scheduler's client: no retries of its own. slack_sdk would post again after a
        500 or a dropped connection (Slack may have posted already) and wait out a 429 with
        no cap inside one send; the scheduler's ledger retries instead, fenced by its lease."""
        if self._send_client is None:
            options = {**self.client_options(self.config.bot_token), "retry_handlers": []}
            self._send_client = AsyncWebClient(**options)
        self._send_client.session = self.session
        return self._send_client

    async def api(
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
        target = payload.get("channel") or payload.get("user_id") or payload.get("user") or ""
        body: dict[str, Any] = {"data": payload} if form else {"json": payload or None}
        # auth.test runs only at start, where a failure becomes the one line `herald run` prints
        log = logger.debug if method == "auth.test" else logger.error
        try:
            response = await (client or self.client).api_call(method, **body)
        except SlackApiError as exc:
            error, status, wait = failure(exc)
            log("Slack %s to %s failed: %s", method, target or "-", error)
            raise SlackError(method, error, status=status, retry_after=wait) from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            log("Slack %s to %s failed: %s", method, target or "-", exc)
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

    async def _patiently(self, call: Callable[[], Awaitable[T]], target: str) -> T:
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
                    logger.warning("Slack still rate limits answers to %s; giving up", target)
                    raise
                logger.info("Slack rate limits answers to %s; trying again in %.0f s", target, wait)
                await asyncio.sleep(wait)

    async def post(self, channel: str, messages: list[SlackMessage], **extra: Any) -> None:
        """Post ``messages`` to ``channel`` for everyone there to see."""
        call = functools.partial(self.api, "chat.postMessage", channel=channel, **extra)
        await self._post_all(channel, messages, call)

    async def post_ephemeral(
        self, channel: str, user: str, messages: list[SlackMessage], **extra: Any
    ) -> None:
        """Post ``messages`` in ``channel`` for ``user`` only."""
        call = functools.partial(self.api, "chat.postEphemeral", channel=channel, user=user)
        await self._post_all(channel, messages, functools.partial(call, **extra))

    async def _post_all(
        self,
        channel: str,
        messages: list[SlackMessage],
        call: Callable[..., Awaitable[dict[str, Any]]],
    ) -> None:
        async with self._lane(channel):
            for message in messages:
                await self._patiently(functools.partial(call, **message.payload()), channel)

    async def respond(
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
            session=self.session,
            retry_handlers=retry_handlers(),
            logger=logging.getLogger(WEBHOOK_LOGGER),
        )
        host = where(url)

        async def send(body: dict[str, Any]) -> None:
            try:
                result = await client.send_dict(body)
            except (aiohttp.ClientError, TimeoutError) as exc:
                logger.error("Slack response_url at %s failed: %s", host, exc)
                raise SlackError("response_url", type(exc).__name__, network=True) from None
            if result.status_code != 200:
                logger.error(
                    "Slack response_url at %s answered %s: %s",
                    host,
                    result.status_code,
                    str(result.body)[:200],
                )
                raise SlackError(
                    "response_url",
                    str(result.body)[:100] or f"http_{result.status_code}",
                    status=result.status_code,
                    retry_after=retry_after(result.headers),
                )

        async with self._lane(url):
            for index, message in enumerate(messages[:RESPONSE_URL_MESSAGES]):
                body = {
                    **message.payload(),
                    "response_type": response_type,
                    "replace_original": replace_original and index == 0,
                }
                try:
                    await self._patiently(functools.partial(send, body), host)
                except SlackError:
                    return False
        return True

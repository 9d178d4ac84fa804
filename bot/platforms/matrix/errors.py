"""What the homeserver's refusals mean: ``MatrixError`` for what Herald needs to run (login,
sync), and the Outbox's errors for a send (``send_error``), with the bounded waiting out of
rate limits every send goes through (``send_with_retry``)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from nio import ErrorResponse

from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError

logger = logging.getLogger(__name__)

SEND_ATTEMPTS = 5
MAX_RETRY_WAIT = 60.0
DEFAULT_RETRY_AFTER = 1.0  # when M_LIMIT_EXCEEDED comes without retry_after_ms
# Errors that mean "this will never be accepted": the target or the message, not the moment.
PERMANENT_CODES = frozenset(
    {
        "M_FORBIDDEN",
        "M_NOT_FOUND",
        "M_UNKNOWN_TOKEN",
        "M_MISSING_TOKEN",
        "M_USER_DEACTIVATED",
        "M_TOO_LARGE",
        "M_BAD_JSON",
        "M_NOT_JSON",
        "M_INVALID_PARAM",
        "M_GUEST_ACCESS_FORBIDDEN",
    }
)

Sleep = Callable[[float], Awaitable[None]]


class MatrixError(Exception):
    """The homeserver refused something Herald needs (login, syncing); the message says what.

    ``http_status`` and ``errcode`` are the homeserver's answer, when there was one.
    """

    def __init__(
        self, message: str, *, http_status: int | None = None, errcode: str | None = None
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.errcode = errcode


def http_status(response: ErrorResponse) -> int | None:
    """The HTTP status of a refusal, when nio kept the transport's answer."""
    transport = getattr(response, "transport_response", None)
    status = getattr(transport, "status", None)
    return status if isinstance(status, int) else None


def send_error(response: ErrorResponse, retry_after: float | None = None) -> SendError:
    """What a refused send means for the scheduler (the Outbox contract in ``bot.outbox``)."""
    code = response.status_code or "unknown"
    status = http_status(response)
    message = f"matrix {code}: {response.message}"
    if code == "M_FORBIDDEN":
        # people read this in `!jobs subscriptions` when it pauses their room
        message = f"Herald may not post in this room ({response.message})"
    if code == "M_LIMIT_EXCEEDED" or status == 429:
        if retry_after is None:
            retry_after = (response.retry_after_ms or DEFAULT_RETRY_AFTER * 1000) / 1000
        return RateLimited(retry_after, message)
    if code in PERMANENT_CODES or (status is not None and 400 <= status < 500 and status != 408):
        return PermanentSendError(message)
    return TransientSendError(message if status is None else f"{message} ({status})")


async def send_with_retry(
    send: Callable[[], Awaitable[Any]],
    *,
    attempts: int = SEND_ATTEMPTS,
    sleep: Sleep = asyncio.sleep,
    max_total_wait: float | None = None,
) -> Any:
    """Call ``send`` until it is not rate limited, waiting what the server asks each time.

    Gives up with ``RateLimited`` (for the server's last wait) after ``attempts``, or when
    waiting again would pass ``max_total_wait`` seconds in all; any other refusal raises at
    once as :func:`send_error` says, and no answer at all as ``TransientSendError``.
    """
    waited = 0.0
    for attempt in range(1, attempts + 1):
        try:
            response = await send()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise TransientSendError(f"matrix: no answer ({type(exc).__name__}: {exc})") from exc
        if not isinstance(response, ErrorResponse):
            return response
        error = send_error(response)
        if not isinstance(error, RateLimited):
            raise error
        wait = min(MAX_RETRY_WAIT, error.retry_after)
        if attempt == attempts or (max_total_wait is not None and waited + wait > max_total_wait):
            raise error
        logger.info("rate limited; retrying in %.1fs (attempt %d/%d)", wait, attempt, attempts)
        await sleep(wait)
        waited += wait
    raise AssertionError("unreachable")  # pragma: no cover

"""Slack's error codes, and what each means for whoever sent: the one map from a failed Web
API call (or response_url post) to ``SlackError``, and from that to the Outbox's errors."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackApiError

from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError

# Slack answers these when the bot may not post where the button was clicked.
CANNOT_POST = frozenset({"not_in_channel", "channel_not_found", "is_archived", "restricted_action"})
TOKEN_REJECTED = frozenset(
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
        *TOKEN_REJECTED,
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
RATE_LIMIT_ERRORS = frozenset({"ratelimited", "rate_limited", "message_limit_exceeded"})
# When Slack limits without a Retry-After (it always sends one with a 429, but not with 200).
DEFAULT_RETRY_AFTER = 30.0
# conversations.history answers that mean Herald may not read there: it cannot tell
HISTORY_UNREADABLE = frozenset(
    {"missing_scope", "not_in_channel", "channel_not_found", "no_permission", "access_denied"}
)


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
    """What a failed post means for the scheduler (the Outbox contract in ``bot.outbox``).

    A 429 is ``RateLimited`` for its Retry-After (the scheduler's sends make one attempt);
    no answer, a 5xx or one of Slack's "try later" codes is transient; the codes in
    ``PERMANENT_ERRORS`` are permanent. An unknown code is treated as transient: the
    scheduler backs off (up to 15 minutes) rather than pausing a channel on a guess.
    """
    message = f"slack {exc.error}"
    if exc.status == 429 or exc.error in RATE_LIMIT_ERRORS:
        wait = DEFAULT_RETRY_AFTER if exc.retry_after is None else exc.retry_after
        return RateLimited(wait, message)
    if exc.network or (exc.status is not None and exc.status >= 500):
        return TransientSendError(message if exc.status is None else f"{message} ({exc.status})")
    if exc.error in PERMANENT_ERRORS:
        return PermanentSendError(message)
    return TransientSendError(message)


def rate_limited(exc: SlackError) -> bool:
    """Whether Slack only asked to wait (the answer may get through later)."""
    return isinstance(send_error(exc), RateLimited)


def retry_after(headers: Any) -> float | None:
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


def failure(exc: SlackApiError) -> tuple[str, int | None, float | None]:
    """(error code, HTTP status, Retry-After) from whatever response slack_sdk attached."""
    response = exc.response
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    data = getattr(response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    if not error:
        error = "ratelimited" if status == 429 else f"http_{status}" if status else "unknown_error"
    headers = getattr(response, "headers", None)
    return str(error), int(status) if status else None, retry_after(headers)

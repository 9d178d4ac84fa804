"""Herald on Matrix, through matrix-nio: the one module that imports nio.

It long-polls ``/sync``, answers commands (``!jobs remote``, ``Herald: jobs remote``, a message
whose ``m.mentions`` names Herald, anything in a direct-message room) with threaded
``m.notice`` replies rendered by ``bot.platforms.matrix_render``, and joins rooms when an
allowed user invites it. A room is direct when Herald's ``m.direct`` account data lists it
(Herald adds rooms it was invited to with ``is_direct``), never because it has two members.
Edits (``m.replace``) are not answered again.

Membership: a kick or ban pauses the room's subscriptions at once with a reason people read
in ``!jobs subscriptions``; an invite after a kick is a fresh invite; joining again resumes
them (and says so); Herald leaves a room once everyone else has. Changing a room's
subscriptions takes the room's ``state_default`` power level (``Request.manage_refused``).

Restart safety comes from the sync token, kept in the store's state table and written after
each batch is answered: a restarted Herald picks up exactly where it stopped, answering what
arrived meanwhile, once. The very first start has no token; it syncs without a timeline
(``limit: 0``) so the room history is never answered. A stored token the homeserver no longer
accepts (its database was reset, say) is dropped with a warning and Herald starts as if for
the first time.

Sending for the scheduler (``send``) maps the homeserver's answers to the Outbox errors:
``M_LIMIT_EXCEEDED`` is raised at once as ``RateLimited`` (one attempt per send); a refusal
(``M_FORBIDDEN`` — not in the room, unknown room — and other 4xx) is ``PermanentSendError``;
a 5xx or no answer is ``TransientSendError``. A target that is a user id (``@ana:example.org``,
a personal reminder) is sent to Herald's direct room with that person, created on first use
and recorded in ``m.direct`` like any client does.

Who may run admin commands: with ``matrix_power_level_admins``, a power level of at least
``ADMIN_POWER_LEVEL`` in the room the command came from counts as a platform admin (and the
creators of a room of version 12 or later, whose power is unlimited without being listed).

End-to-end encryption (matrix-nio's, on vodozemac): Herald keeps its device's keys in a crypto
store folder (``matrix_crypto_store``) and its device id across restarts, so people's clients
see one device with stable keys. After each sync it uploads its one-time keys, queries the
keys of new devices and claims sessions as nio asks; nio decrypts what arrives and encrypts
every reply in an encrypted room. Trust is TOFU: a device is trusted the first time Herald
sees it (there is nobody to compare emoji with); nio pins its keys, so the same device id with
other keys later is not trusted. An event Herald cannot decrypt (the sender's client never
sent it the room key) is logged once per session with a hint, the key is requested from the
sender's devices, and the room gets a short explanation at most once per
``UNDECRYPTABLE_NOTICE_EVERY``; if the key arrives later the message is answered then. With
encryption off (``matrix_encryption``), Herald says once per encrypted room that it cannot
read it, rather than staying silent.

Example::

    adapter = from_settings(app)          # None unless MATRIX_HOMESERVER is set
    await adapter.start()                  # logged in, first sync done, serving
    await adapter.send("!room:example.org", reply)
    await adapter.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    DirectRoomsResponse,
    EncryptionError,
    ErrorResponse,
    InviteMemberEvent,
    JoinError,
    KeysUploadError,
    LocalProtocolError,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    MessageDirection,
    RoomCreateResponse,
    RoomGetStateEventResponse,
    RoomGetStateResponse,
    RoomMemberEvent,
    RoomMessagesResponse,
    RoomMessageText,
    RoomPreset,
    RoomSendResponse,
    SyncResponse,
    UnknownAccountDataEvent,
    WhoamiResponse,
)
from nio.crypto import ENCRYPTION_ENABLED

from bot.app import App
from bot.commands import Reply, Request, split_command
from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError
from bot.platforms.base import ConfigurationError
from bot.platforms.matrix_render import MatrixMessage, render
from bot.store.deliveries import Subscriptions
from bot.store.state import MAX_KEY_LENGTH, StateStore

logger = logging.getLogger(__name__)

ENCRYPTED_NOTICE = (
    "I can't read encrypted messages in this room; use an unencrypted room or a DM without "
    "encryption."
)
UNDECRYPTABLE_NOTICE = (
    "I couldn't decrypt a message here: your client did not share its key with my device. "
    "If it was meant for me, please send it again (if it keeps happening, your client may "
    "be set to send keys to verified devices only)."
)
UNDECRYPTABLE_NOTICE_EVERY = 600.0  # seconds between two such notices in one room
_PENDING_UNDECRYPTED = 100  # undecryptable events kept to retry when their key arrives
SYNC_TIMEOUT_MS = 30_000
TIMELINE_LIMIT = 100
BACKFILL_PAGES = 5
SEND_ATTEMPTS = 5
MAX_RETRY_WAIT = 60.0
# The scheduler's sends make one attempt and raise RateLimited at once: its ledger retries,
# pausing only that room, and a wait in here would outlive the lease the send is fenced by.
OUTBOX_MAX_WAIT = 0.0
DEFAULT_RETRY_AFTER = 1.0  # when M_LIMIT_EXCEEDED comes without retry_after_ms
# Scheduled messages carry their delivery keys in this content field; before sending again
# after an unknown outcome, up to HISTORY_PAGES pages of the room are read back for them.
DELIVERY_FIELD = "org.herald.delivery"
HISTORY_PAGE = 100
HISTORY_PAGES = 5
ADMIN_POWER_LEVEL = 50
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
_SEEN_EVENTS = 2_000


def sync_filter(timeline_limit: int) -> dict[str, Any]:
    """Presence is noise for a bot; ``timeline_limit`` 0 is the first start's "no history"."""
    return {"room": {"timeline": {"limit": timeline_limit}}, "presence": {"not_types": ["*"]}}


Sleep = Callable[[float], Awaitable[None]]


@contextlib.contextmanager
def _quiet_retries() -> Iterator[None]:
    """While starting, nio's "Timed out, sleeping for 0s" before each quick retry is noise:
    if the homeserver cannot be reached, start says so in one line."""
    nio_client = logging.getLogger("nio.client.async_client")
    level = nio_client.level
    nio_client.setLevel(logging.ERROR)
    try:
        yield
    finally:
        nio_client.setLevel(level)


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
    transport = getattr(response, "transport_response", None)
    status = getattr(transport, "status", None)
    return status if isinstance(status, int) else None


def send_error(response: ErrorResponse, retry_after: float | None = None) -> SendError:
    """What a refused send means for the scheduler (the Outbox contract in ``base``)."""
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


# pure helpers: what a message asks, who may invite


_REPLY_FALLBACK = re.compile(r"\A(?:> .*\n)+\n", re.MULTILINE)


class Asked(NamedTuple):
    """What a message asks Herald: the line without prefix or name, whether it was
    addressed explicitly, and whether it was typed with the command prefix."""

    line: str
    explicit: bool
    prefixed: bool


def command_line(body: str, *, prefix: str, names: Sequence[str], is_dm: bool) -> Asked | None:
    """What a message asks for, and whether it was addressed explicitly.

    "!jobs remote" and "Herald: jobs remote" are explicit; "Herald jobs remote" (a name
    without a colon) is not, so the caller answers it only when "jobs" is a command. In a
    direct-message room (and in a message whose ``m.mentions`` names Herald: the caller
    passes ``is_dm`` for both) every message is explicit. ``prefixed`` tells the Router a
    command was meant ("!iiif fee" runs a shortcut, "iiif fee" is a question). None: the
    message is not for Herald.
    """
    text = _REPLY_FALLBACK.sub("", body, count=1).strip()
    if not text:
        return None
    if prefix and text.startswith(prefix):
        rest = text[len(prefix) :]
        if rest[:1].isalnum():
            return Asked(rest.strip(), True, True)
        return None
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        match = re.match(rf"{re.escape(name)}(?P<sep>\s*[:,])?\s+(?P<rest>\S.*)", text, re.I | re.S)
        if match:
            rest = match["rest"].strip()
            prefixed = bool(prefix) and rest.startswith(prefix)
            if prefixed:
                rest = rest[len(prefix) :]
            return Asked(rest, bool(match["sep"]) or is_dm, prefixed)
    if is_dm:
        return Asked(text, True, False)
    return None


def _token_refused(exc: MatrixError) -> bool:
    """Whether a sync failure means "that since token is not valid here" (Synapse answers
    400 M_UNKNOWN "Invalid stream token"); a rejected access token or an outage is not."""
    status = exc.http_status
    if exc.errcode in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN") and status == 401:
        return False  # the access token itself: starting afresh cannot help
    return status is not None and 400 <= status < 500 and status not in (401, 403, 408, 429)


def mentions_user(content: dict[str, Any], user_id: str) -> bool:
    """Whether the event's ``m.mentions`` names ``user_id`` (a pill in Element, or a reply
    to one of that user's messages); whatever the sender put there is only trusted if it
    has the shape the spec gives it."""
    mentions = content.get("m.mentions")
    if not isinstance(mentions, dict):
        return False
    users = mentions.get("user_ids")
    return isinstance(users, list) and user_id in users


def is_edit(content: dict[str, Any]) -> bool:
    """An ``m.replace`` (an edit of an earlier message): its body is "* new text"."""
    relates = content.get("m.relates_to")
    return isinstance(relates, dict) and relates.get("rel_type") == "m.replace"


def direct_rooms_of(content: dict[str, Any]) -> set[str]:
    """The room ids in an ``m.direct`` account-data content ({user: [room, …]})."""
    rooms: set[str] = set()
    for listed in content.values():
        if isinstance(listed, list):
            rooms.update(r for r in listed if isinstance(r, str))
    return rooms


def removal_reason(event: RoomMemberEvent, own_user_id: str, when: date) -> str | None:
    """Why Herald is no longer in a room, in words a room member reads in
    ``!jobs subscriptions``; None for a declined or withdrawn invite (nothing was posted)."""
    if event.prev_membership == "invite" and event.membership == "leave":
        return None
    raw = event.content.get("reason")
    why = f" ({str(raw)[:200]})" if isinstance(raw, str) and raw.strip() else ""
    if event.sender == own_user_id:
        return f"Herald left this room on {when.isoformat()}{why}"
    verb = "banned from" if event.membership == "ban" else "removed from"
    return f"Herald was {verb} this room by {event.sender} on {when.isoformat()}{why}"


def creators_privileged(room_version: str) -> bool:
    """Whether the room's creators have unlimited power (room version 12 and later)."""
    return room_version.isdecimal() and int(room_version) >= 12


def room_creators(state: Sequence[dict[str, Any]]) -> frozenset[str]:
    """The sender of ``m.room.create`` and its ``additional_creators``, from a room's state."""
    for event in state:
        if event.get("type") == "m.room.create" and event.get("state_key", "") == "":
            content = event.get("content") or {}
            extra = content.get("additional_creators") or []
            users = [event.get("sender"), *(extra if isinstance(extra, list) else [])]
            return frozenset(u for u in users if isinstance(u, str))
    return frozenset()


def server_name(user_id: str) -> str:
    """ "example.org" from "@herald:example.org" (the port stays: "localhost:8448")."""
    return user_id.partition(":")[2].lower()


def inviter_allowed(inviter: str, allowed: Sequence[str], own_user_id: str) -> bool:
    """Rules are user ids ("@a:example.org"), homeservers ("example.org") or "*" (anyone);
    none given means the bot's own homeserver."""
    rules = [r.strip() for r in allowed if r.strip()] or [server_name(own_user_id)]
    for rule in rules:
        if rule == "*":
            return True
        if rule.startswith("@"):
            if inviter == rule:
                return True
        elif server_name(inviter) == rule.lower():
            return True
    return False


def reply_relation(event_id: str, source: dict[str, Any]) -> dict[str, Any]:
    """``m.relates_to`` answering ``event_id``; inside a thread the answer stays in it."""
    relates = source.get("content", {}).get("m.relates_to") or {}
    in_reply_to = {"event_id": event_id}
    if isinstance(relates, dict) and relates.get("rel_type") == "m.thread":
        root = relates.get("event_id")
        if isinstance(root, str):
            return {
                "rel_type": "m.thread",
                "event_id": root,
                "is_falling_back": False,
                "m.in_reply_to": in_reply_to,
            }
    return {"m.in_reply_to": in_reply_to}


def state_key(user_id: str, name: str) -> str:
    """A state-table key for this account; hashed when a long id would not fit."""
    key = f"matrix:{user_id}:{name}"
    if len(key) <= MAX_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"matrix:{digest}"


def transaction_base(keys: Sequence[str]) -> str:
    """Transaction ids of a scheduled message's events: the same delivery keys give the same
    ids in any process, so the homeserver takes the message once per device."""
    if not keys:
        return ""
    return "herald-" + hashlib.sha256("\x1f".join(sorted(keys)).encode()).hexdigest()[:32]


def _collect_marks(
    content: dict[str, Any], wanted: set[str], parts: dict[str, set[int]], totals: dict[str, int]
) -> None:
    mark = content.get(DELIVERY_FIELD)
    if not isinstance(mark, dict):
        return
    try:
        part, total = int(mark.get("part", 0)), int(mark.get("parts", 1))
    except (TypeError, ValueError):
        return
    for key in str(mark.get("keys", "")).split(","):
        if key in wanted:
            parts.setdefault(key, set()).add(part)
            totals[key] = total


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


@dataclass(frozen=True)
class MatrixConfig:
    homeserver: str
    user_id: str | None
    access_token: str | None = field(repr=False)
    password: str | None = field(repr=False)
    device_name: str = "Herald"
    allowed_inviters: tuple[str, ...] = ()
    prefix: str = "!"
    power_level_admins: bool = False
    # None: the room's own state_default
    subscription_power_level: int | None = None
    # where the end-to-end encryption keys live; None: encryption off
    crypto_store: Path | None = None


def from_settings(app: App) -> MatrixAdapter | None:
    """The adapter when MATRIX_HOMESERVER is set; None when Matrix is not configured at all."""
    s = app.settings
    token = s.matrix_access_token.get_secret_value() if s.matrix_access_token else None
    password = s.matrix_password.get_secret_value() if s.matrix_password else None
    if not s.matrix_homeserver:
        if token or password:
            raise ConfigurationError(
                "MATRIX_HOMESERVER is not set, but Matrix credentials are; set it to the "
                "homeserver URL, e.g. https://matrix.example.org"
            )
        return None
    if not token and not password:
        raise ConfigurationError(
            "MATRIX_HOMESERVER is set; set MATRIX_ACCESS_TOKEN too (or MATRIX_USER_ID and "
            "MATRIX_PASSWORD)"
        )
    if not token and not s.matrix_user_id:
        raise ConfigurationError("MATRIX_PASSWORD is set; set MATRIX_USER_ID too")
    config = MatrixConfig(
        homeserver=s.matrix_homeserver,
        user_id=s.matrix_user_id,
        access_token=token,
        password=password,
        device_name=s.matrix_device_name,
        allowed_inviters=tuple(s.matrix_allowed_inviters),
        prefix=s.command_prefix,
        power_level_admins=s.matrix_power_level_admins,
        subscription_power_level=s.matrix_subscription_power_level,
        crypto_store=s.matrix_crypto_store if s.matrix_encryption else None,
    )
    return MatrixAdapter(app, config)


class MatrixAdapter:
    """Serves one Matrix account. ``start`` returns once the first sync is done."""

    name = "matrix"

    def __init__(
        self,
        app: App,
        config: MatrixConfig,
        *,
        sync_timeout_ms: int = SYNC_TIMEOUT_MS,
        timeline_limit: int = TIMELINE_LIMIT,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.app = app
        self.config = config
        self.state = StateStore(app.store)
        self.sync_timeout_ms = sync_timeout_ms
        self._filter = sync_filter(timeline_limit)
        self._sleep = sleep
        self._client: AsyncClient | None = None
        self._user_id = config.user_id or ""
        self._display_name: str | None = None
        self._token: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._invites_handled: set[str] = set()
        self._direct_lock = asyncio.Lock()
        self._room_creators: dict[str, frozenset[str]] = {}
        # Rooms that are direct chats, as m.direct (Herald's account data) lists them.
        self._dm_rooms: set[str] = set()
        # encryption: sessions already logged, last notice per room, events awaiting a key
        self._undecryptable_logged: set[str] = set()
        self._undecryptable_noticed: dict[str, float] = {}
        self._undecrypted: OrderedDict[str, tuple[str, MegolmEvent]] = OrderedDict()
        self._key_troubles: set[str] = set()

    @property
    def user_id(self) -> str:
        return self._user_id

    @property
    def device_id(self) -> str | None:
        device: str | None = self._client.device_id if self._client else None
        return device

    # lifecycle

    async def start(self) -> None:
        crypto = self.config.crypto_store
        if crypto is not None and not ENCRYPTION_ENABLED:
            raise ConfigurationError(
                "Matrix encryption needs matrix-nio's e2e extra (pip install 'matrix-nio[e2e]'); "
                "install it, or set HERALD_MATRIX_ENCRYPTION=false"
            )
        if crypto is not None:
            # the keys of Herald's device: readable by Herald only
            crypto.mkdir(parents=True, exist_ok=True, mode=0o700)
            # nio warns about routine steps ("Missing session for device …" before every
            # key claim, each failed decryption); Herald logs what needs a person itself.
            nio_crypto = logging.getLogger("nio.crypto")
            if nio_crypto.level == logging.NOTSET:
                nio_crypto.setLevel(logging.ERROR)
        client = AsyncClient(
            self.config.homeserver,
            self.config.user_id or "",
            store_path=str(crypto) if crypto is not None else "",
            config=AsyncClientConfig(
                # Herald waits out rate limits itself (bounded); nio would retry forever.
                max_limit_exceeded=0,
                max_timeouts=3,
                encryption_enabled=crypto is not None,
                store_sync_tokens=False,
            ),
        )
        self._client = client
        try:
            with _quiet_retries():
                await self._log_in(client)
                self._display_name = await self._fetch_display_name(client)
                await self._load_direct_rooms(client)
                self._token = await asyncio.to_thread(self.state.get, self._key("next_batch"))
                await self._first_sync(client)
        except BaseException as exc:
            await client.close()
            self._client = None
            # `herald run` prints a ConfigurationError as one line, like Slack's
            if isinstance(exc, (aiohttp.ClientError, TimeoutError)):
                raise ConfigurationError(
                    f"Could not reach the Matrix homeserver {self.config.homeserver} "
                    f"({exc or type(exc).__name__}); check MATRIX_HOMESERVER and that the "
                    "homeserver is up."
                ) from None
            if isinstance(exc, MatrixError):
                raise ConfigurationError(f"Matrix: {exc}") from None
            raise
        self._stopping.clear()
        self._task = asyncio.create_task(self._sync_loop(), name="herald-matrix-sync")
        logger.info("Matrix: serving as %s on %s", self._user_id, self.config.homeserver)

    async def stop(self) -> None:
        """Finish the batch being answered, save its token, then close the connection."""
        self._stopping.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """Post ``reply`` to the room ``target``, or to the direct room with the person
        ``target`` names (``@ana:example.org``), for the scheduler; one attempt.

        Raises ``RateLimited``, ``TransientSendError`` or ``PermanentSendError``. Each event
        carries ``keys`` in its content (``DELIVERY_FIELD``, what :meth:`find` reads) and a
        transaction id derived from them, so the homeserver drops a repeat from the same
        device (Synapse remembers transaction ids for a day).
        """
        room_id = await self.direct_room(target) if target.startswith("@") else target
        messages = render(reply, prefix=self.config.prefix)
        base = transaction_base(keys)
        for index, message in enumerate(messages):
            content = message.content()
            if keys:
                content[DELIVERY_FIELD] = {
                    "keys": ",".join(keys),
                    "part": index,
                    "parts": len(messages),
                }
            await self._send_content(
                room_id,
                content,
                max_total_wait=OUTBOX_MAX_WAIT,
                tx_id=f"{base}.{index}" if base else None,
            )

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """Which ``keys`` are on Herald's events in the room (or the person's direct rooms)
        since ``since``, read back through ``/messages`` (up to ``HISTORY_PAGES`` pages).
        None when Herald cannot read the room, the history since then is longer, or Herald's
        events there are encrypted (the mark is inside the ciphertext)."""
        wanted = set(keys)
        if not wanted:
            return set()
        client = self._require_client()
        if target.startswith("@"):
            rooms = (await self._direct_rooms(client)).get(target, [])
        else:
            rooms = [target]
        parts: dict[str, set[int]] = {}
        totals: dict[str, int] = {}
        complete = True
        for room_id in rooms:
            read = await self._read_marks(client, room_id, wanted, since, parts, totals)
            complete = complete and read
        found = {k for k, seen in parts.items() if len(seen) >= totals[k]}
        return found if complete or found == wanted else None

    async def _read_marks(
        self,
        client: AsyncClient,
        room_id: str,
        wanted: set[str],
        since: datetime,
        parts: dict[str, set[int]],
        totals: dict[str, int],
    ) -> bool:
        """Collect the delivery marks of Herald's own events back to ``since``; False when
        the room could not be read that far."""
        limit_ms = since.timestamp() * 1000
        types = ["m.room.message", "m.room.encrypted"]
        event_filter = json.dumps({"senders": [self._user_id], "types": types})
        token = ""
        headers = {"Authorization": f"Bearer {client.access_token}"}
        for _ in range(HISTORY_PAGES):
            query = f"dir=b&limit={HISTORY_PAGE}&filter={quote(event_filter, safe='')}"
            if token:
                query += f"&from={quote(token, safe='')}"
            path = f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/messages?{query}"
            try:
                answer = await client.send("GET", path, None, headers)
                status = answer.status
                body = await answer.json() if status in (200, 429) else {}
                answer.release()
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                raise TransientSendError(f"matrix: reading {room_id} failed ({exc})") from exc
            if status == 429:
                raise RateLimited((body.get("retry_after_ms") or 1000) / 1000, "matrix /messages")
            if status >= 500:
                raise TransientSendError(f"matrix: reading {room_id} failed (HTTP {status})")
            if status != 200:
                logger.warning("Matrix: cannot read %s (HTTP %s)", room_id, status)
                return False
            for event in body.get("chunk") or ():
                if event.get("origin_server_ts", 0) < limit_ms:
                    return True
                if event.get("type") == "m.room.encrypted":
                    # the mark is inside the ciphertext: Herald cannot tell from here (a
                    # repeat from this device is still dropped by its transaction id)
                    return False
                _collect_marks(event.get("content") or {}, wanted, parts, totals)
            token = str(body.get("end") or "")
            if not token or not body.get("chunk"):
                return True  # the room's beginning
        return False

    # direct rooms (personal reminders)

    async def direct_room(self, user_id: str) -> str:
        """Herald's direct room with ``user_id``: one listed in ``m.direct`` that both are
        still in (the person joined or invited), else a new one, invited and recorded."""
        client = self._require_client()
        async with self._direct_lock:
            direct = await self._direct_rooms(client)
            for known in reversed(direct.get(user_id, [])):
                if await self._usable_direct_room(client, known, user_id):
                    return known
            # Synapse invites an id nobody has without complaint; its profile tells (404).
            # Where profiles are private (403) Herald invites anyway.
            profile = await client.get_profile(user_id)
            if isinstance(profile, ErrorResponse) and http_status(profile) == 404:
                raise PermanentSendError(f"matrix: there is no user {user_id}")
            created = await client.room_create(
                is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat
            )
            if not isinstance(created, RoomCreateResponse):
                raise send_error(created)
            room_id: str = created.room_id
            kept = [r for r in direct.get(user_id, []) if r != room_id]
            direct[user_id] = [*kept, room_id]
            await self._save_direct_rooms(client, direct)
            self._dm_rooms.add(room_id)
            logger.info("Matrix: opened a direct room with %s", user_id)
            return room_id

    async def _direct_rooms(self, client: AsyncClient) -> dict[str, list[str]]:
        response = await client.list_direct_rooms()
        if isinstance(response, DirectRoomsResponse):
            return {user: list(rooms) for user, rooms in response.rooms.items()}
        if response.status_code == "M_NOT_FOUND":  # no direct room yet
            return {}
        raise send_error(response)

    async def _membership(self, client: AsyncClient, room_id: str, user_id: str) -> str | None:
        response = await client.room_get_state_event(room_id, "m.room.member", user_id)
        # nio reports the homeserver's refusal as a "response" whose content is the error
        if not isinstance(response, RoomGetStateEventResponse) or "errcode" in response.content:
            return None
        membership = response.content.get("membership")
        return membership if isinstance(membership, str) else None

    async def _usable_direct_room(self, client: AsyncClient, room_id: str, user_id: str) -> bool:
        if await self._membership(client, room_id, self._user_id) != "join":
            return False
        return await self._membership(client, room_id, user_id) in ("join", "invite")

    async def _save_direct_rooms(self, client: AsyncClient, direct: dict[str, list[str]]) -> None:
        """PUT the ``m.direct`` account data (nio has no call for it), so Herald and the
        person's clients find the room again after a restart."""
        path = f"/_matrix/client/v3/user/{quote(self._user_id, safe='')}/account_data/m.direct"
        headers = {
            "Authorization": f"Bearer {client.access_token}",
            "Content-Type": "application/json",
        }
        try:
            answer = await client.send("PUT", path, json.dumps(direct), headers)
            ok = answer.status == 200
            answer.release()
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("Matrix: recording the direct room failed: %s", exc)
            return
        if not ok:
            logger.warning("Matrix: recording the direct room failed (HTTP %s)", answer.status)

    async def _require_synced_room(self, client: AsyncClient, room_id: str) -> None:
        """Teach nio a room Herald joined but has not synced yet (a send right after the
        join), with its encryption read from the room's state, so the message is encrypted
        exactly when the room is."""
        if await self._membership(client, room_id, self._user_id) != "join":
            raise PermanentSendError(
                f"Herald may not post in this room (not a member of {room_id})"
            )
        response = await client.room_get_state_event(room_id, "m.room.encryption")
        content = getattr(response, "content", None) or {}
        if content.get("errcode") not in (None, "M_NOT_FOUND"):
            raise TransientSendError(f"matrix: reading {room_id}'s encryption failed: {content}")
        if room_id not in client.rooms:  # the sync may have come meanwhile
            encrypted = "algorithm" in content
            client.rooms[room_id] = MatrixRoom(room_id, self._user_id, encrypted=encrypted)

    def _require_client(self) -> AsyncClient:
        if self._client is None:
            raise TransientSendError("the Matrix adapter is not started")
        return self._client

    # logging in

    async def _log_in(self, client: AsyncClient) -> None:
        if self.config.access_token:
            client.access_token = self.config.access_token
            whoami = await client.whoami()
            if not isinstance(whoami, WhoamiResponse):
                raise MatrixError(f"MATRIX_ACCESS_TOKEN was refused: {whoami.message}")
            if self.config.user_id and whoami.user_id != self.config.user_id:
                raise MatrixError(
                    f"MATRIX_ACCESS_TOKEN belongs to {whoami.user_id}, "
                    f"not MATRIX_USER_ID {self.config.user_id}"
                )
            client.user_id = whoami.user_id
            client.device_id = whoami.device_id
            if client.config.encryption_enabled:
                if not whoami.device_id:
                    raise MatrixError(
                        "MATRIX_ACCESS_TOKEN has no device, and encryption needs one: use a "
                        "token from a login (or MATRIX_USER_ID and MATRIX_PASSWORD), or set "
                        "HERALD_MATRIX_ENCRYPTION=false"
                    )
                client.load_store()  # a password login does this itself
        else:
            # Reusing the device id keeps one device for Herald instead of one per restart.
            device_key = state_key(client.user, "device_id")
            client.device_id = await asyncio.to_thread(self.state.get, device_key)
            login = await client.login(self.config.password, device_name=self.config.device_name)
            if not isinstance(login, LoginResponse):
                raise MatrixError(f"logging in as {client.user} failed: {login.message}")
            await asyncio.to_thread(self.state.set, device_key, login.device_id)
        self._user_id = client.user_id

    async def _fetch_display_name(self, client: AsyncClient) -> str | None:
        response = await client.get_displayname(self._user_id)
        name = getattr(response, "displayname", None)
        return name if isinstance(name, str) else None

    def _key(self, name: str) -> str:
        return state_key(self._user_id, name)

    # syncing

    async def _first_sync(self, client: AsyncClient) -> None:
        if self._token is not None:
            try:
                await self._catch_up(client, self._token)
                return
            except MatrixError as exc:
                if not _token_refused(exc):
                    raise
                logger.warning(
                    "Matrix: the homeserver refused the stored sync token (%s); starting "
                    "afresh: what was said while Herald was away is not answered",
                    exc,
                )
                self._token = None
        # First start ever: learn the rooms and a token, answer none of the history.
        response = await self._sync(client, sync_filter(0), since=None, full_state=False)
        await self._keep_keys(client)
        self._note_account_data(response)
        await self._handle_invites(response)
        await self._save_token(response.next_batch)
        logger.info("Matrix: first start, room history skipped")

    async def _catch_up(self, client: AsyncClient, token: str) -> None:
        # A restart: full state refills nio's room list (members, encryption), and the
        # timeline brings what was said while Herald was away.
        response = await self._sync(client, self._filter, since=token, full_state=True)
        await self._process(response)

    async def _sync(
        self,
        client: AsyncClient,
        sync_filter: dict[str, Any],
        *,
        since: str | None,
        full_state: bool,
        timeout_ms: int = 0,
    ) -> SyncResponse:
        response = await client.sync(
            timeout=timeout_ms, sync_filter=sync_filter, since=since, full_state=full_state
        )
        if not isinstance(response, SyncResponse):
            raise MatrixError(
                f"sync failed: {response.status_code} {response.message}",
                http_status=http_status(response),
                errcode=response.status_code,
            )
        return response

    async def _sync_loop(self) -> None:
        client = self._client
        assert client is not None
        failures = 0
        while not self._stopping.is_set():
            polling = asyncio.create_task(
                self._sync(
                    client,
                    self._filter,
                    since=self._token,
                    full_state=False,
                    timeout_ms=self.sync_timeout_ms,
                )
            )
            stopping = asyncio.create_task(self._stopping.wait())
            await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not polling.done():
                # Only the long poll is cancelled; a batch being answered always finishes.
                polling.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await polling
                return
            try:
                response = polling.result()
            except Exception as exc:
                failures += 1
                wait = min(60.0, 2.0 ** min(failures, 6))
                logger.warning("Matrix sync failed (%s); retrying in %.0fs", exc, wait)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), wait)
                continue
            failures = 0
            try:
                await self._process(response)
            except Exception:
                # The token is not advanced, so the batch is tried again rather than lost.
                logger.exception("Matrix: answering a sync batch failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), 5)

    async def _save_token(self, token: str) -> None:
        await asyncio.to_thread(self.state.set, self._key("next_batch"), token)
        self._token = token

    async def _process(self, response: SyncResponse) -> None:
        """Answer one batch, then store its token: a crash in between repeats, never skips."""
        client = self._require_client()
        await self._keep_keys(client)
        self._note_account_data(response)
        await self._handle_leaves(response)
        await self._handle_invites(response)
        for room_id, info in response.rooms.join.items():
            events = list(info.timeline.events)
            joined_at = self._own_join(events)
            if joined_at is not None:
                # Newly joined: what was said before Herald came is history, not a question.
                events = events[joined_at + 1 :]
                await self._resume_room(room_id)
            elif info.timeline.limited and self._token is not None:
                events = await self._backfill(room_id, info.timeline.prev_batch) + events
            room = self._client.rooms.get(room_id) if self._client else None
            if room is None:
                continue
            if room.encrypted and client.olm is None:
                await self._say_encrypted_once(room_id)
            for event in events:
                await self._handle_event(room, event)
            await self._leave_if_alone(client, room, events)
        await self._retry_undecrypted(client)
        await self._save_token(response.next_batch)

    def _own_join(self, events: Sequence[Any]) -> int | None:
        """Index of the event where Herald joined (not a profile change), if in ``events``."""
        for index in range(len(events) - 1, -1, -1):
            event = events[index]
            if (
                isinstance(event, RoomMemberEvent)
                and event.state_key == self._user_id
                and event.membership == "join"
                and event.prev_membership != "join"
            ):
                return index
        return None

    async def _backfill(self, room_id: str, prev_batch: str | None) -> list[Any]:
        """The events a limited timeline left out, back to the previous token, oldest first."""
        client = self._client
        if client is None or prev_batch is None or self._token is None:
            return []
        older: list[Any] = []
        start = prev_batch
        for _page in range(BACKFILL_PAGES):
            response = await client.room_messages(
                room_id, start=start, end=self._token, direction=MessageDirection.back, limit=100
            )
            if not isinstance(response, RoomMessagesResponse) or not response.chunk:
                break
            older.extend(response.chunk)
            if not response.end or response.end == start:
                break
            start = response.end
        else:
            logger.warning("Matrix: more than %d pages missed in %s", BACKFILL_PAGES, room_id)
        older.reverse()
        logger.info("Matrix: backfilled %d events in %s", len(older), room_id)
        return older

    # direct rooms, as the account data lists them

    async def _load_direct_rooms(self, client: AsyncClient) -> None:
        """Read ``m.direct`` once at start; later changes arrive with the syncs."""
        try:
            direct = await self._direct_rooms(client)
        except SendError as exc:
            logger.warning("Matrix: reading m.direct failed (%s); no room counts as direct", exc)
            return
        self._dm_rooms = {room for rooms in direct.values() for room in rooms}

    def _note_account_data(self, response: SyncResponse) -> None:
        for event in response.account_data_events:
            if isinstance(event, UnknownAccountDataEvent) and event.type == "m.direct":
                self._dm_rooms = direct_rooms_of(event.content)

    async def _record_direct_room(self, user_id: str, room_id: str) -> None:
        """Add an accepted direct invite to ``m.direct``, as the invitee's client does, so it
        stays a direct room after a restart and personal reminders to that person go there."""
        client = self._require_client()
        self._dm_rooms.add(room_id)
        async with self._direct_lock:
            try:
                direct = await self._direct_rooms(client)
            except SendError as exc:
                logger.warning("Matrix: reading m.direct failed: %s", exc)
                return
            if room_id in direct.get(user_id, []):
                return
            direct[user_id] = [*direct.get(user_id, []), room_id]
            await self._save_direct_rooms(client, direct)

    # end-to-end encryption

    async def _keep_keys(self, client: AsyncClient) -> None:
        """What nio's own sync loop does between syncs: one-time keys up, new devices'
        keys fetched (and trusted on first use), Olm sessions claimed, queued key requests
        and forwards sent. Failures are tried again after the next sync and logged once
        each: encryption housekeeping never holds up answering the batch."""
        if client.olm is None:
            return
        steps: list[tuple[str, Callable[[], Awaitable[Any]]]] = []
        if client.should_upload_keys:
            steps.append(("uploading keys", client.keys_upload))
        if client.should_query_keys:
            steps.append(("querying device keys", client.keys_query))
        if client.should_claim_keys:
            users = client.get_users_for_key_claiming()
            steps.append(("claiming one-time keys", lambda: client.keys_claim(users)))
        steps.append(("sending to-device messages", client.send_to_device_messages))
        for what, step in steps:
            try:
                answer = await step()
            except Exception as exc:
                self._key_trouble(what, f"{type(exc).__name__}: {exc}")
                continue
            # send_to_device_messages answers with a list, the others with one response
            items = answer if isinstance(answer, list) else [answer]
            refused = next((i for i in items if isinstance(i, ErrorResponse)), None)
            if refused is None:
                self._key_troubles.discard(what)  # a later failure is news again
            else:
                upload = isinstance(refused, KeysUploadError)
                self._key_trouble(what, str(refused.message), upload=upload)
        self._trust_new_devices(client)

    def _key_trouble(self, what: str, message: str, *, upload: bool = False) -> None:
        if what in self._key_troubles:
            return  # retried after every sync; said once until it works again
        self._key_troubles.add(what)
        # the homeserver quotes the keys it compared; they have no place in a log
        message = message.split(" Old key")[0].split("{")[0].strip()[:200]
        logger.warning("Matrix encryption: %s failed: %s", what, message)
        if upload:
            logger.warning(
                "Matrix encryption: the homeserver refused this device's keys. Was the crypto "
                "store (%s) lost or copied, or the access token taken from another client? "
                "Give Herald a fresh login (a new device) and an empty crypto store.",
                self.config.crypto_store,
            )

    def _trust_new_devices(self, client: AsyncClient) -> None:
        """TOFU: every device seen for the first time is trusted; nio pins its keys."""
        for device in client.device_store:
            if device.deleted or device.blacklisted or device.verified:
                continue
            if client.verify_device(device):
                logger.info(
                    "Matrix encryption: trusting %s's device %s (first seen)",
                    device.user_id,
                    device.id,
                )

    async def _undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        """An event Herald has no key for: log it once per session, ask the sender's
        devices for the key, keep the event to answer if the key comes, and tell the room
        (at most once per ``UNDECRYPTABLE_NOTICE_EVERY``) instead of staying silent."""
        client = self._require_client()
        if client.olm is None:
            await self._say_encrypted_once(room.room_id)
            return
        self._undecrypted[event.event_id] = (room.room_id, event)
        while len(self._undecrypted) > _PENDING_UNDECRYPTED:
            self._undecrypted.popitem(last=False)
        if event.session_id not in self._undecryptable_logged:
            self._undecryptable_logged.add(event.session_id)
            logger.warning(
                "Matrix encryption: cannot decrypt %s from %s (device %s) in %s: no room key "
                "for its session. The sender's client did not share it with Herald's device "
                "%s (it may share keys with verified devices only, or it sent before Herald "
                "joined); the key was requested from the sender's devices",
                event.event_id,
                event.sender,
                event.device_id,
                room.room_id,
                client.device_id,
            )
            with contextlib.suppress(LocalProtocolError):  # already requested
                await client.request_room_key(event)
        now = asyncio.get_running_loop().time()
        last = self._undecryptable_noticed.get(room.room_id)
        if last is not None and now - last < UNDECRYPTABLE_NOTICE_EVERY:
            return
        self._undecryptable_noticed[room.room_id] = now
        content = {"msgtype": "m.notice", "body": UNDECRYPTABLE_NOTICE, "m.mentions": {}}
        content["m.relates_to"] = reply_relation(event.event_id, event.source)
        try:
            await self._send_content(room.room_id, content)
        except SendError as exc:
            logger.warning("Matrix: the undecryptable notice to %s failed: %s", room.room_id, exc)

    async def _retry_undecrypted(self, client: AsyncClient) -> None:
        """Answer the events whose room key arrived after them."""
        olm = client.olm
        if olm is None or not self._undecrypted:
            return
        for event_id, (room_id, event) in list(self._undecrypted.items()):
            if olm.inbound_group_store.get(room_id, event.sender_key, event.session_id) is None:
                continue  # its key has not come yet
            try:
                decrypted = client.decrypt_event(event)
            except EncryptionError:
                continue
            del self._undecrypted[event_id]
            room = client.rooms.get(room_id)
            if room is not None:
                logger.info("Matrix encryption: %s decrypted once its key came", event_id)
                self._seen.pop(event_id, None)
                await self._handle_event(room, decrypted)

    # membership: removed, banned, back again

    async def _handle_leaves(self, response: SyncResponse) -> None:
        """Pause a room's subscriptions the moment Herald is removed from it, with a reason
        people can read, so no announcement is lost on a send that cannot work."""
        for room_id, info in response.rooms.leave.items():
            # a later invite to this room is a fresh one, to be answered again
            self._invites_handled.discard(room_id)
            own = [
                e
                for e in info.timeline.events
                if isinstance(e, RoomMemberEvent)
                and e.state_key == self._user_id
                and e.membership in ("leave", "ban")
            ]
            if not own:
                continue
            now = self.app.clock()
            reason = removal_reason(own[-1], self._user_id, now.date())
            if reason is None:
                continue
            subscriptions = Subscriptions(self.app.store)
            paused = await asyncio.to_thread(
                subscriptions.pause_target, "matrix", room_id, reason, now
            )
            logger.warning(
                "Matrix: %s: %s; paused subscriptions %s",
                room_id,
                reason,
                ", ".join(f"#{i}" for i in paused) or "(none)",
            )

    async def _leave_if_alone(
        self, client: AsyncClient, room: MatrixRoom, events: Sequence[Any]
    ) -> None:
        """Leave a room once everyone else has left it (nobody joined or invited): nobody
        reads what is posted there, and a person who comes back can invite Herald again."""
        someone_left = any(
            isinstance(e, RoomMemberEvent)
            and e.state_key != self._user_id
            and e.membership in ("leave", "ban")
            for e in events
        )
        if not someone_left or room.joined_count > 1 or room.invited_count > 0:
            return
        answer = await client.room_leave(room.room_id)
        if isinstance(answer, ErrorResponse):
            logger.warning("Matrix: leaving the empty room %s failed: %s", room.room_id, answer)
            return
        self._dm_rooms.discard(room.room_id)
        logger.info("Matrix: left %s: everyone else had left", room.room_id)

    async def _resume_room(self, room_id: str) -> None:
        """Herald (re)joined: what was paused here runs again, and the room is told so."""
        subscriptions = Subscriptions(self.app.store)
        resumed = await asyncio.to_thread(
            subscriptions.resume_target, "matrix", room_id, self.app.clock()
        )
        if not resumed:
            return
        logger.info(
            "Matrix: back in %s; resumed subscriptions %s",
            room_id,
            ", ".join(f"#{s.id}" for s in resumed),
        )
        lines = ["Herald is back in this room; these subscriptions run again:"]
        for sub in resumed:
            what = f"`/jobs {sub.filters_text}`" if sub.filters_text else "every new posting"
            lines.append(f"• #{sub.id} {what} — stop with `/jobs unsubscribe {sub.id}`")
        lines.append("Openings that appeared while Herald was away are not announced.")
        messages = render(Reply(text="\n".join(lines)), prefix=self.config.prefix)
        try:
            await self._send_messages(room_id, messages, None)
        except SendError as exc:
            logger.warning(
                "Matrix: telling %s about resumed subscriptions failed: %s", room_id, exc
            )

    # invites

    async def _handle_invites(self, response: SyncResponse) -> None:
        client = self._client
        assert client is not None
        for room_id, info in response.rooms.invite.items():
            if room_id in self._invites_handled:
                continue
            invite = next(
                (
                    e
                    for e in info.invite_state
                    if isinstance(e, InviteMemberEvent)
                    and e.state_key == self._user_id
                    and e.membership == "invite"
                ),
                None,
            )
            if invite is None:
                continue
            inviter = invite.sender
            self._invites_handled.add(room_id)
            logger.info("Matrix: invited to %s by %s", room_id, inviter)
            if inviter_allowed(inviter, self.config.allowed_inviters, self._user_id):
                joined = await client.join(room_id)
                if isinstance(joined, JoinError):
                    logger.warning("Matrix: joining %s failed: %s", room_id, joined.message)
                    continue
                direct = invite.content.get("is_direct") is True
                logger.info(
                    "Matrix: joined %s (%sinvited by %s)",
                    room_id,
                    "a direct chat, " if direct else "",
                    inviter,
                )
                if direct:
                    await self._record_direct_room(inviter, room_id)
            else:
                await client.room_leave(room_id)
                logger.warning(
                    "Matrix: refused the invite to %s from %s "
                    "(not allowed by HERALD_MATRIX_ALLOWED_INVITERS)",
                    room_id,
                    inviter,
                )

    # messages

    def _first_time(self, event_id: str) -> bool:
        if event_id in self._seen:
            return False
        self._seen[event_id] = None
        if len(self._seen) > _SEEN_EVENTS:
            self._seen.popitem(last=False)
        return True

    async def _handle_event(self, room: MatrixRoom, event: Any) -> None:
        if getattr(event, "sender", None) == self._user_id:
            return
        if not self._first_time(getattr(event, "event_id", "")):
            return
        if isinstance(event, MegolmEvent):
            await self._undecryptable(room, event)
            return
        if not isinstance(event, RoomMessageText):
            return
        content = event.source.get("content") or {}
        if is_edit(content):
            # An edit repeats a message already answered (or ignored): answering "* jobs"
            # again would only say the same twice, or worse.
            return
        is_dm = room.room_id in self._dm_rooms
        addressed = is_dm or mentions_user(content, self._user_id)
        names = [self._user_id, self._user_id.partition(":")[0].lstrip("@")]
        names += [n for n in (self._display_name, room.user_name(self._user_id)) if n]
        asked = command_line(event.body, prefix=self.config.prefix, names=names, is_dm=addressed)
        if asked is None:
            return
        line, explicit, prefixed = asked
        command, text = split_command(line, "/!" + self.config.prefix)
        request = Request(
            "matrix",
            event.sender,
            room.room_id,
            command,
            text,
            is_dm,
            user_is_platform_admin=await self._platform_admin(room, event.sender),
            prefixed=prefixed,
            manage_refused=None if is_dm else await self._manage_refusal(room, event.sender),
        )
        reply = await asyncio.to_thread(self._answer, request, explicit)
        if reply is None:
            return
        relation = reply_relation(event.event_id, event.source)
        messages = render(reply, prefix=self.config.prefix)
        try:
            await self._send_messages(room.room_id, messages, relation)
        except SendError as exc:
            logger.warning("Matrix: answering %s in %s failed: %s", command, room.room_id, exc)

    async def _platform_admin(self, room: MatrixRoom, user_id: str) -> bool:
        """Power level >= ``ADMIN_POWER_LEVEL`` in ``room``, when the settings say it counts.

        From room version 12 the creators hold unlimited power without being listed in the
        power levels, so they are looked up in the room's create event (once per room).
        """
        if not self.config.power_level_admins:
            return False
        if room.power_levels.get_user_level(user_id) >= ADMIN_POWER_LEVEL:
            return True
        return creators_privileged(room.room_version) and user_id in await self._creators(
            room.room_id
        )

    async def _manage_refusal(self, room: MatrixRoom, user_id: str) -> str | None:
        """Why ``user_id`` may not change what Herald posts in ``room``, or None if they may.

        The maubot/mautrix convention: changing what a bot posts to a room is like changing
        the room's settings, so it takes the power level of state events (``state_default``,
        50 unless the room says otherwise), or the configured level. In a direct chat the
        person may always (the caller does not ask).
        """
        levels = room.power_levels
        needed = self.config.subscription_power_level
        if needed is None:
            needed = levels.defaults.state_default
        own = levels.get_user_level(user_id)
        if own >= needed:
            return None
        if creators_privileged(room.room_version) and user_id in await self._creators(room.room_id):
            return None
        return (
            f"Changing this room's subscriptions needs power level {needed} here (a "
            f"moderator, by default); yours is {own}. Ask a moderator of the room."
        )

    async def _creators(self, room_id: str) -> frozenset[str]:
        known = self._room_creators.get(room_id)
        if known is not None:
            return known
        client = self._require_client()
        response = await client.room_get_state(room_id)
        if not isinstance(response, RoomGetStateResponse):
            logger.warning("Matrix: reading the state of %s failed: %s", room_id, response)
            return frozenset()
        creators = room_creators(response.events)
        self._room_creators[room_id] = creators
        return creators

    def _answer(self, request: Request, explicit: bool) -> Reply | None:
        """The reply; None for "Herald said something" that names no command."""
        if not explicit:
            known = {s.name for s in self.app.router.available(self.app.context(request))}
            if request.command not in known:
                return None
        return self.app.handle(request)

    async def _say_encrypted_once(self, room_id: str) -> None:
        key = self._key(f"encrypted-notice:{room_id}")
        if await asyncio.to_thread(self.state.get, key) is not None:
            return
        # Recorded first: a failed send is better than a notice repeated on every event.
        await asyncio.to_thread(self.state.set, key, "sent")
        content = {"msgtype": "m.notice", "body": ENCRYPTED_NOTICE, "m.mentions": {}}
        try:
            await self._send_content(room_id, content)
        except SendError as exc:
            logger.warning("Matrix: the encryption notice to %s failed: %s", room_id, exc)
        logger.info("Matrix: told %s that encrypted messages cannot be read", room_id)

    async def _send_messages(
        self,
        room_id: str,
        messages: Sequence[MatrixMessage],
        relation: dict[str, Any] | None,
        *,
        max_total_wait: float | None = None,
    ) -> None:
        for message in messages:
            content = message.content()
            if relation is not None:
                content["m.relates_to"] = relation
            await self._send_content(room_id, content, max_total_wait=max_total_wait)

    async def _send_content(
        self,
        room_id: str,
        content: dict[str, Any],
        *,
        max_total_wait: float | None = None,
        tx_id: str | None = None,
    ) -> RoomSendResponse:
        client = self._require_client()
        # One transaction id for every attempt, so a retried send is never posted twice.
        tx_id = tx_id or str(uuid.uuid4())

        if client.olm is not None and room_id not in client.rooms:
            # nio encrypts only for rooms it has synced; never guess "unencrypted"
            await self._require_synced_room(client, room_id)

        async def attempt() -> Any:
            # TOFU: new devices are trusted as they come (see _trust_new_devices), also
            # one that appears between the last key query and this send
            return await client.room_send(
                room_id, "m.room.message", content, tx_id=tx_id, ignore_unverified_devices=True
            )

        response: RoomSendResponse = await send_with_retry(
            attempt, sleep=self._sleep, max_total_wait=max_total_wait
        )
        return response

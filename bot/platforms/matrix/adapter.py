"""The Matrix adapter's lifecycle: log in, sync once, then serve; composed of small parts,
each with one job (``Link`` shared by all, ``Sender``, ``DirectRooms``, ``Encryption``,
``Membership``, ``MatrixEvents``, ``Sync``, ``MatrixOutbox``); none of them is a mixin.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import aiohttp
from nio import AsyncClient, AsyncClientConfig, LoginResponse, WhoamiResponse
from nio.crypto import ENCRYPTION_ENABLED

from bot.commands import Reply
from bot.platforms.base import ConfigurationError
from bot.platforms.matrix.config import MatrixConfig, config_from_settings
from bot.platforms.matrix.direct import DirectRooms
from bot.platforms.matrix.e2ee import Encryption
from bot.platforms.matrix.errors import MatrixError, Sleep
from bot.platforms.matrix.events import MatrixEvents
from bot.platforms.matrix.link import Link
from bot.platforms.matrix.membership import Membership
from bot.platforms.matrix.outbox import MatrixOutbox
from bot.platforms.matrix.rules import state_key
from bot.platforms.matrix.sending import Sender
from bot.platforms.matrix.sync import SYNC_TIMEOUT_MS, TIMELINE_LIMIT, Sync

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)


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


def from_settings(app: App) -> MatrixAdapter | None:
    """The adapter when MATRIX_HOMESERVER is set; None when Matrix is not configured at all."""
    config = config_from_settings(app.settings)
    return MatrixAdapter(app, config) if config is not None else None


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
        self.link = Link(app, config, sleep)
        self.sender = Sender(self.link)
        self.direct = DirectRooms(self.link)
        self.encryption = Encryption(self.link, self.sender)
        self.membership = Membership(self.link, self.sender, self.direct)
        self.events = MatrixEvents(self.link, self.sender, self.direct, self.encryption)
        self.outbox = MatrixOutbox(self.link, self.sender, self.direct)
        self.sync = Sync(
            self.link,
            self.direct,
            self.encryption,
            self.membership,
            self.events,
            sync_timeout_ms=sync_timeout_ms,
            timeline_limit=timeline_limit,
        )

    @property
    def user_id(self) -> str:
        return self.link.user_id

    @property
    def device_id(self) -> str | None:
        device: str | None = self.link.nio.device_id if self.link.nio else None
        return device

    # lifecycle

    async def start(self) -> None:
        client = self._new_client()
        self.link.nio = client
        try:
            with _quiet_retries():
                await self._log_in(client)
                self.link.display_name = await self._fetch_display_name(client)
                await self.direct.load()
                await self.sync.first()
        except BaseException as exc:
            await client.close()
            self.link.nio = None
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
        self.sync.start()
        logger.info("Matrix: serving as %s on %s", self.link.user_id, self.config.homeserver)

    def _new_client(self) -> AsyncClient:
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
        return AsyncClient(
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

    async def stop(self) -> None:
        """Finish the batch being answered, save its token, then close the connection."""
        await self.sync.stop()
        if self.link.nio is not None:
            await self.link.nio.close()
            self.link.nio = None

    # what the scheduler calls

    async def send(self, target: str, reply: Reply, keys: Sequence[str] = ()) -> None:
        """See :meth:`MatrixOutbox.send`."""
        await self.outbox.send(target, reply, keys)

    async def find(self, target: str, keys: Collection[str], since: datetime) -> set[str] | None:
        """See :meth:`MatrixOutbox.find`."""
        return await self.outbox.find(target, keys, since)

    async def direct_room(self, user_id: str) -> str:
        """See :meth:`DirectRooms.room_with`."""
        return await self.direct.room_with(user_id)

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
            client.device_id = await asyncio.to_thread(self.link.state.get, device_key)
            login = await client.login(self.config.password, device_name=self.config.device_name)
            if not isinstance(login, LoginResponse):
                raise MatrixError(f"logging in as {client.user} failed: {login.message}")
            await asyncio.to_thread(self.link.state.set, device_key, login.device_id)
        self.link.user_id = client.user_id

    async def _fetch_display_name(self, client: AsyncClient) -> str | None:
        response = await client.get_displayname(self.link.user_id)
        name = getattr(response, "displayname", None)
        return name if isinstance(name, str) else None

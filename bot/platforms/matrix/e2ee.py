"""End-to-end encryption housekeeping (matrix-nio's, on vodozemac): keys uploaded, queried
and claimed between syncs, new devices trusted on first use, and an event Herald cannot
decrypt logged once, its key requested, the room told, and the event answered if the key
comes later. With encryption off, an encrypted room is told once that Herald cannot read it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from nio import (
    AsyncClient,
    EncryptionError,
    ErrorResponse,
    KeysUploadError,
    LocalProtocolError,
    MatrixRoom,
    MegolmEvent,
)

from bot.platforms.matrix.link import Link
from bot.platforms.matrix.rules import reply_relation
from bot.platforms.matrix.sending import Sender

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

Answer = Callable[[MatrixRoom, Any], Awaitable[None]]


class Encryption:
    """The encryption state of Herald's device in this process: troubles already logged,
    sessions already reported, the last notice per room, events waiting for their key."""

    def __init__(self, link: Link, sender: Sender) -> None:
        self.link = link
        self.sender = sender
        self._troubles: set[str] = set()
        self._undecryptable_logged: set[str] = set()
        self._undecryptable_noticed: dict[str, float] = {}
        self._undecrypted: OrderedDict[str, tuple[str, MegolmEvent]] = OrderedDict()

    async def keep_keys(self) -> None:
        """What nio's own sync loop does between syncs: one-time keys up, new devices'
        keys fetched (and trusted on first use), Olm sessions claimed, queued key requests
        and forwards sent. Failures are tried again after the next sync and logged once
        each: encryption housekeeping never holds up answering the batch."""
        client = self.link.client
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
                self._troubles.discard(what)  # a later failure is news again
            else:
                upload = isinstance(refused, KeysUploadError)
                self._key_trouble(what, str(refused.message), upload=upload)
        self._trust_new_devices(client)

    def _key_trouble(self, what: str, message: str, *, upload: bool = False) -> None:
        if what in self._troubles:
            return  # retried after every sync; said once until it works again
        self._troubles.add(what)
        # the homeserver quotes the keys it compared; they have no place in a log
        message = message.split(" Old key")[0].split("{")[0].strip()[:200]
        logger.warning("Matrix encryption: %s failed: %s", what, message)
        if upload:
            logger.warning(
                "Matrix encryption: the homeserver refused this device's keys. Was the crypto "
                "store (%s) lost or copied, or the access token taken from another client? "
                "Give Herald a fresh login (a new device) and an empty crypto store.",
                self.link.config.crypto_store,
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

    async def undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        """An event Herald has no key for: log it once per session, ask the sender's
        devices for the key, keep the event to answer if the key comes, and tell the room
        (at most once per ``UNDECRYPTABLE_NOTICE_EVERY``) instead of staying silent."""
        client = self.link.client
        if client.olm is None:
            await self.say_encrypted_once(room.room_id)
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
        relation = reply_relation(event.event_id, event.source)
        await self.sender.notice(room.room_id, UNDECRYPTABLE_NOTICE, relation)

    async def retry_undecrypted(self, answer: Answer) -> None:
        """Answer the events whose room key arrived after them (``answer`` as if new)."""
        client = self.link.client
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
                await answer(room, decrypted)

    async def say_encrypted_once(self, room_id: str) -> None:
        """With encryption off, tell an encrypted room once (ever) that Herald cannot read it."""
        key = self.link.key(f"encrypted-notice:{room_id}")
        if await asyncio.to_thread(self.link.state.get, key) is not None:
            return
        # Recorded first: a failed send is better than a notice repeated on every event.
        await asyncio.to_thread(self.link.state.set, key, "sent")
        await self.sender.notice(room_id, ENCRYPTED_NOTICE)
        logger.info("Matrix: told %s that encrypted messages cannot be read", room_id)

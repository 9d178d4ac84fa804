"""What every part of the Matrix adapter shares: the App, the settings, the state table, and
the nio client once Herald is logged in. Each part holds the one ``Link`` (composition): the
client and Herald's user id are known only after ``start``, so the parts read them here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nio import AsyncClient, RoomGetStateEventResponse

from bot.outbox import TransientSendError
from bot.platforms.matrix.config import MatrixConfig
from bot.platforms.matrix.errors import Sleep
from bot.platforms.matrix.rules import state_key
from bot.store.state import StateStore

if TYPE_CHECKING:
    from bot.app import App


class Link:
    """Herald's account on one homeserver, as the adapter's parts use it."""

    def __init__(self, app: App, config: MatrixConfig, sleep: Sleep) -> None:
        self.app = app
        self.config = config
        self.state = StateStore(app.store)
        self.sleep = sleep
        self.nio: AsyncClient | None = None
        self.user_id = config.user_id or ""
        self.display_name: str | None = None

    @property
    def client(self) -> AsyncClient:
        """The logged-in client; a send before ``start`` is a transient failure."""
        if self.nio is None:
            raise TransientSendError("the Matrix adapter is not started")
        return self.nio

    def key(self, name: str) -> str:
        """A state-table key for this account."""
        return state_key(self.user_id, name)

    async def membership(self, room_id: str, user_id: str) -> str | None:
        """``user_id``'s membership of ``room_id`` as the room's state says (None: unknown)."""
        response = await self.client.room_get_state_event(room_id, "m.room.member", user_id)
        # nio reports the homeserver's refusal as a "response" whose content is the error
        if not isinstance(response, RoomGetStateEventResponse) or "errcode" in response.content:
            return None
        membership = response.content.get("membership")
        return membership if isinstance(membership, str) else None

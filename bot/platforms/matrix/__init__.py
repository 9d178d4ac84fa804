"""Herald on Matrix, through matrix-nio: the one package that imports nio.

It long-polls ``/sync``, answers commands (``!jobs remote``, ``Herald: jobs remote``, a message
whose ``m.mentions`` names Herald, anything in a direct-message room) with threaded
``m.notice`` replies rendered by ``bot.platforms.matrix_render``, and joins rooms when an
allowed user invites it. A room is direct when Herald's ``m.direct`` account data lists it
(Herald adds rooms it was invited to with ``is_direct``), never because it has two members.
An edit (``m.replace``) is answered once, and only when Herald left the message it edits
unanswered.

Membership: a kick or ban pauses the room's subscriptions at once with a reason people read
in ``!jobs subscriptions``; an invite after a kick is a fresh invite; joining again resumes
them (and says so); Herald leaves a room once everyone else has. Changing a room's
subscriptions takes the room's ``state_default`` power level (``Request.manage_refused``).

Restart safety comes from the sync token, stored after each batch is answered (see ``sync``).

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

One job per module: ``config`` (settings), ``rules`` (pure rules, tested one by one),
``errors`` (refusals and the bounded retry of sends), ``link`` (the account every part
shares), ``sending``, ``direct`` (``m.direct``), ``e2ee`` (keys, trust, undecryptable
events), ``membership`` (invites, removals, returns), ``events`` (messages to Requests and
Replies back), ``sync`` (the loop), ``outbox`` (the scheduler's sends and finds) and
``adapter`` (the lifecycle that composes them).

Example::

    adapter = from_settings(app)          # None unless MATRIX_HOMESERVER is set
    await adapter.start()                  # logged in, first sync done, serving
    await adapter.send("!room:example.org", reply)
    await adapter.stop()
"""

from bot.platforms.matrix.adapter import MatrixAdapter, from_settings
from bot.platforms.matrix.config import MatrixConfig, config_from_settings
from bot.platforms.matrix.e2ee import ENCRYPTED_NOTICE, UNDECRYPTABLE_NOTICE
from bot.platforms.matrix.errors import MatrixError, send_error, send_with_retry
from bot.platforms.matrix.rules import (
    command_line,
    creators_privileged,
    direct_rooms_of,
    inviter_allowed,
    is_edit,
    mentions_user,
    reply_relation,
    room_creators,
    state_key,
)

__all__ = [
    "ENCRYPTED_NOTICE",
    "UNDECRYPTABLE_NOTICE",
    "MatrixAdapter",
    "MatrixConfig",
    "MatrixError",
    "command_line",
    "config_from_settings",
    "creators_privileged",
    "direct_rooms_of",
    "from_settings",
    "inviter_allowed",
    "is_edit",
    "mentions_user",
    "reply_relation",
    "room_creators",
    "send_error",
    "send_with_retry",
    "state_key",
]

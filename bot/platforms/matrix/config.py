"""Matrix's settings, validated: the homeserver, how Herald logs in (secrets never in a
repr), who may invite it, its command prefix, admin and subscription power levels, and where
its encryption keys live."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.platforms.base import ConfigurationError

if TYPE_CHECKING:
    from bot.config import Settings


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


def config_from_settings(s: Settings) -> MatrixConfig | None:
    """None when Matrix is not configured at all; ConfigurationError naming what to fix."""
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
    return MatrixConfig(
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

"""Settings: the only module that reads the environment.

Example::

    settings = Settings()                      # HERALD_* variables, then .env, then defaults
    settings = Settings(database_url="sqlite:///:memory:", content_dir=Path("content"))
"""

from __future__ import annotations

import logging
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain import DEFAULT_SOURCE, Freshness

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "herald"
# A page larger than this is a mistake (a pasted log, a data dump) or an attack.
DEFAULT_MAX_FILE_BYTES = 2_000_000


SOURCE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class SourceSettings(BaseModel):
    """One named source of content: a folder, or a git repository Herald clones and follows.

    Example (``HERALD_SOURCES`` is a JSON list of these)::

        [{"name": "site", "git": "https://github.com/example/site.git", "branch": "main",
          "paths": ["_posts/**", "_jobs/**"], "site_url": "https://example.org"}]
    """

    model_config = {"extra": "forbid"}

    name: str = Field(pattern=SOURCE_NAME_PATTERN, description="Short name, e.g. site")
    folder: Path | None = Field(default=None, description="A folder of Markdown files")
    git: str | None = Field(default=None, description="A git URL (https, ssh or a path)")
    branch: str = "main"
    paths: list[str] = Field(
        default_factory=list,
        description="Git pathspec globs of the files to read (e.g. _posts/**); empty: all",
    )
    site_url: str | None = Field(
        default=None, description="The published site's base URL, for each posting's link"
    )
    permalink: str = Field(
        default="date",
        description="The site's Jekyll permalink style or template for posts (date, pretty, "
        "ordinal, none, or /:categories/:title/ …), as in its _config.yml",
    )
    organization: str | None = Field(
        default=None, description="Organisation of pages that do not name one"
    )
    push: bool = Field(
        default=False, description="Push the commits of chat edits to the branch (git only)"
    )
    writeback: str | None = Field(
        default=None,
        description="Folder in the source where postings added in chat are written (e.g. "
        "_posts); the first source that has one takes them",
    )

    @model_validator(mode="after")
    def _one_location(self) -> SourceSettings:
        if (self.folder is None) == (self.git is None):
            raise ValueError(f"source {self.name!r} needs exactly one of folder or git")
        return self


def _default_content_dir() -> Path:
    # An installed package has no bundled content next to it; a checkout does.
    bundled = PROJECT_ROOT / "content"
    return bundled if bundled.is_dir() else Path.cwd() / "content"


def with_escaped_userinfo(url: str) -> str:
    """``url`` with each ``@`` of its user name and password percent-encoded.

    A password such as ``p@ss`` typed raw into ``postgresql://herald:p@ss@db/herald`` would be
    read as password ``p`` on host ``ss@db``: the connection fails and the rest of the password
    shows in messages. A host never holds ``@``, so every ``@`` but the last one before the
    path belongs to the credentials.
    """
    scheme, sep, rest = url.partition("://")
    if not sep or rest.startswith("/"):
        return url  # no host part (sqlite:///path): nothing to escape
    authority_end = len(rest)
    for mark in "?#":
        if mark in rest:
            authority_end = min(authority_end, rest.index(mark))
    at = rest.rfind("@", 0, authority_end)
    if at < 0:
        return url
    return f"{scheme}://{rest[:at].replace('@', '%40')}{rest[at:]}"


def safe_url(url: str) -> str:
    """The database URL with its password masked, for messages and logs."""
    from sqlalchemy.engine import make_url  # only when a URL is shown: a message, a repr

    try:
        return make_url(with_escaped_userinfo(url)).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


class DatabaseUrl(SecretStr):
    """A database URL whose password never shows: ``str()`` and ``repr()`` give the URL with
    ``***`` for it. ``get_secret_value()`` is for connecting.

    Example::

        url = DatabaseUrl("postgresql+psycopg://herald:s3cret@db/herald")
        str(url)                  # 'postgresql+psycopg://herald:***@db/herald'
    """

    def _display(self) -> str:
        return safe_url(self.get_secret_value())


def _default_database_url() -> DatabaseUrl:
    return DatabaseUrl(f"sqlite:///{DEFAULT_DATA_DIR / 'herald.db'}")


class Settings(BaseSettings):
    """Herald's configuration; secrets are ``SecretStr`` so they never reach logs or reprs."""

    model_config = SettingsConfigDict(
        env_prefix="HERALD_", env_file=".env", extra="ignore", populate_by_name=True
    )

    database_url: DatabaseUrl = Field(
        default_factory=_default_database_url,
        description="SQLAlchemy URL; sqlite:///path (default) or postgresql+psycopg://…",
    )
    content_dir: Path = Field(default_factory=_default_content_dir)
    sources: list[SourceSettings] = Field(
        default_factory=list,
        description="Named sources (JSON list); empty: content_dir as the source 'content'",
    )
    sources_dir: Path = Field(
        default=DEFAULT_DATA_DIR / "sources",
        description="Where git sources are cloned, one folder per source",
    )
    fetch_minutes: float = Field(
        default=15.0, gt=0, description="How often git sources are fetched (by one replica)"
    )
    max_file_bytes: int = Field(
        default=DEFAULT_MAX_FILE_BYTES,
        gt=0,
        description="Content files larger than this are skipped, with a reason in the report",
    )
    timezone: str = "UTC"
    log_level: str = "WARNING"
    command_prefix: str = "!"
    max_query_length: int = 500
    # How long a posting without a deadline is listed as open after it was posted (bot.domain).
    open_days_without_deadline: int = Field(default=365, ge=1)
    open_days_until_filled: int = Field(default=365, ge=1)

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str | None = Field(
        default=None, description="Web API base URL; only tests point it elsewhere"
    )
    http_host: str = "127.0.0.1"
    http_port: int = 3000
    public_url: str | None = Field(
        default=None,
        description="Where Herald's HTTP endpoints are reachable from outside (behind a proxy), "
        "e.g. https://herald.example.org; the feeds' self links use it",
    )

    matrix_homeserver: str | None = Field(default=None, alias="MATRIX_HOMESERVER")
    matrix_user_id: str | None = Field(default=None, alias="MATRIX_USER_ID")
    matrix_access_token: SecretStr | None = Field(default=None, alias="MATRIX_ACCESS_TOKEN")
    matrix_password: SecretStr | None = Field(default=None, alias="MATRIX_PASSWORD")
    matrix_device_name: str = "Herald"
    matrix_encryption: bool = Field(
        default=True, description="End-to-end encryption: read and answer encrypted rooms"
    )
    matrix_crypto_store: Path = Field(
        default=DEFAULT_DATA_DIR / "matrix-crypto",
        description="Folder of Herald's Matrix encryption keys (its device's olm account and "
        "room keys); keep it with the database and back it up together",
    )
    matrix_allowed_inviters: list[str] = Field(
        default_factory=list,
        description="Homeservers (example.org) or user ids (@a:example.org) whose invites are "
        "accepted, or * for anyone; empty means the bot's own homeserver",
    )

    # Scheduler (bot.scheduler): reminders, digests, and how often the database is polled.
    reminder_offsets_days: list[int] = Field(default_factory=lambda: [7, 1])
    reminder_time: time = Field(default=time(9, 0), description="Workspace-local send time")
    digest_weekday: int | None = Field(default=0, ge=0, le=6, description="0=Monday; None=off")
    digest_time: time = Field(default=time(9, 0), description="Workspace-local digest time")
    scheduler_tick_seconds: float = Field(default=5.0, gt=0)
    scheduler_lease_seconds: float = Field(default=15.0, gt=0)
    scheduler_channel_interval_seconds: float = Field(
        default=1.0,
        ge=0,
        description="At most one scheduled message per channel (or person) this often",
    )
    scheduler_combine_over: int = Field(
        default=3,
        ge=1,
        description="More announcements than this due together for one channel are listed "
        "in one combined message",
    )
    scheduler_send_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        description="A scheduled send (or a look in a channel's history) that takes longer is "
        "abandoned and its outcome checked later; kept under half the lease",
    )

    # Admins (bot.admin): who may add, edit, close and remove postings from chat.
    admins: list[str] = Field(
        default_factory=list,
        description="Slack or Matrix user ids (U0123, @ana:example.org); 'slack:U0123' "
        "limits an id to one platform",
    )
    console_is_admin: bool = True
    slack_workspace_admins_are_admins: bool = False
    matrix_power_level_admins: bool = Field(
        default=False, description="Users with power level >= 50 in the room they ask from"
    )
    matrix_subscription_power_level: int | None = Field(
        default=None,
        description="Power level needed to subscribe or unsubscribe a room; default the "
        "room's own state_default (50 unless the room changed it)",
    )
    writeback_dir: Path | None = Field(
        default=None,
        description="Where postings added in chat are written (inside content_dir); "
        "default <content_dir>/postings",
    )

    @field_validator("database_url", mode="before")
    @classmethod
    def _escape_credentials(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        return DatabaseUrl(with_escaped_userinfo(value)) if isinstance(value, str) else value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """A zone name the tz database knows, checked here: a mistyped one ("Europe/Berln")
        was a traceback from the first command that read a date."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"no time zone is named {value!r}; write one such as Europe/Berlin or UTC"
            ) from None
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        """A level ``logging`` knows (any case): "verbose" was a traceback at start."""
        if not isinstance(logging.getLevelName(value.upper()), int):
            raise ValueError(
                f"no log level is named {value!r}; write DEBUG, INFO, WARNING, ERROR or CRITICAL"
            )
        return value

    @model_validator(mode="after")
    def _distinct_sources(self) -> Settings:
        names = [source.name for source in self.sources]
        if len(set(names)) != len(names):
            raise ValueError("two sources have the same name")
        return self

    @property
    def content_sources(self) -> list[SourceSettings]:
        """The configured sources, or ``content_dir`` as the one source named ``content``."""
        if self.sources:
            return list(self.sources)
        return [SourceSettings(name=DEFAULT_SOURCE, folder=self.content_dir)]

    @property
    def freshness(self) -> Freshness:
        return Freshness(self.open_days_without_deadline, self.open_days_until_filled)


def env_name(field: str) -> str:
    """The environment variable that sets ``field``: its alias, else HERALD_<FIELD>.

    Messages about a bad setting name it this way, and a test holds the env example to it.
    """
    info = Settings.model_fields.get(field)
    if info is not None and info.alias:
        return info.alias
    return f"{Settings.model_config.get('env_prefix', '')}{field.upper()}"

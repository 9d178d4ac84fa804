"""Secrets in the settings never show: not in ``repr(Settings())`` (which a traceback or a debug
log may print), not in the CLI's messages, and a password holding ``@`` not by halves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from bot.__main__ import cli
from bot.config import Settings, safe_url, with_escaped_userinfo

SECRETS = {
    "SLACK_BOT_TOKEN": "xoxb-very-secret",
    "SLACK_SIGNING_SECRET": "signing-very-secret",
    "SLACK_APP_TOKEN": "xapp-very-secret",
    "MATRIX_ACCESS_TOKEN": "syt_very_secret",
    "MATRIX_PASSWORD": "matrix-very-secret",
    "HERALD_DATABASE_URL": "postgresql+psycopg://herald:db-very-secret@db.example.org/herald",
}


def test_repr_of_the_settings_shows_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    shown = repr(settings) + str(settings) + repr(settings.model_dump())
    assert "very-secret" not in shown and "very_secret" not in shown
    # where the URL points stays visible: that is what an operator needs to read
    assert "herald:***@db.example.org/herald" in repr(settings)
    # and the values are there for the code that connects
    assert settings.database_url.get_secret_value() == SECRETS["HERALD_DATABASE_URL"]
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == "xoxb-very-secret"


@pytest.mark.parametrize(
    "password", ["p@ss", "@", "a@b@c", "p@ss:word/x", "plain", "pa%40ss"], ids=repr
)
def test_a_password_with_at_signs_is_masked_whole_and_still_connects(password: str) -> None:
    url = f"postgresql+psycopg://herald:{password}@127.0.0.1:5432/herald"
    settings = Settings(database_url=url)
    shown = str(settings.database_url)
    assert shown == "postgresql+psycopg://herald:***@127.0.0.1:5432/herald"
    assert safe_url(url) == shown
    parsed = make_url(settings.database_url.get_secret_value())
    # the driver gets the whole password and the right host
    assert (parsed.host, parsed.username, parsed.database) == ("127.0.0.1", "herald", "herald")
    assert parsed.password == password.replace("%40", "@")


def test_urls_without_credentials_are_left_alone() -> None:
    for url in (
        "sqlite:///:memory:",
        "sqlite:////srv/herald@2/herald.db",
        "postgresql+psycopg://db.example.org/herald?application_name=a@b",
        "sqlite://",
    ):
        assert with_escaped_userinfo(url) == url


@given(
    user=st.text(st.characters(codec="ascii", exclude_characters=":/?#%"), min_size=1),
    password=st.text(st.characters(codec="ascii", exclude_characters="%?#"), min_size=1),
)
def test_no_part_of_any_password_is_shown(user: str, password: str) -> None:
    url = f"postgresql+psycopg://{user}:{password}@db.example.org:5432/herald"
    shown = safe_url(url)
    assert shown.endswith(":***@db.example.org:5432/herald"), shown
    parsed = make_url(with_escaped_userinfo(url))
    assert parsed.password == password and parsed.host == "db.example.org"


def test_the_cli_names_the_database_without_its_password(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HERALD_DATABASE_URL", "postgresql+psycopg://herald:qz7@xk9@127.0.0.1:1/h")
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "herald:***@127.0.0.1:1/h" in result.output
    for piece in ("qz7", "xk9"):
        assert piece not in result.output

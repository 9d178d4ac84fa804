"""What Herald's Slack side writes to the log: no request bodies from strangers at INFO, and
no response_url (a capability to post as Herald) at any level.

Logs are captured at the root, from the loop thread that serves Bolt, while signed and
unsigned requests go through real HTTP.
"""

from __future__ import annotations

import logging

import pytest
from slackfakes import post, signed_headers, slash_body
from slackworld import Served
from test_slack_http import FORM, click, slash

BODY_MARKER = "zz-stranger-body-marker"


def all_logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(
        f"{r.name} {r.levelname} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
    )


def test_a_request_failing_verification_is_one_short_line_without_its_body(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    body = slash_body("/jobs", BODY_MARKER * 50, served.fake.response_url())
    headers = signed_headers(body, FORM, secret="not-the-secret")
    for _ in range(3):
        assert post(served.url, body, headers)[0] == 401
    logged = all_logged(caplog)
    assert BODY_MARKER not in logged
    assert "response_url" not in logged
    refused = [r for r in caplog.records if "verif" in r.getMessage()]
    assert len(refused) == 3
    assert all(len(r.getMessage()) < 120 for r in refused)


def test_no_response_url_is_logged_even_at_debug(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_path = "r-capability-0123456789"
    slash(served, "/jobs", "remote", key=secret_path)
    click(
        served,
        {"action_id": "herald_command:1", "value": "jobs page 2"},
        response_url=served.fake.response_url(secret_path + "b"),
    )
    served.fake.wait_delivered(f"response_url:{secret_path}b")
    logged = all_logged(caplog)
    assert caplog.records  # DEBUG was on: Bolt and slack_sdk did log
    assert secret_path not in logged
    assert "/response/" not in logged

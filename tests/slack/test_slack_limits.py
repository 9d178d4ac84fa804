"""Answers to people outlast Slack's rate limits, in order, and say so when they cannot.

Over signed HTTP into Bolt, with the fake Web API answering 429 (with Retry-After) for a
while: the answer is delivered once the limit clears; only when it outlasts the adapter's
patience is the person told.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from slackfakes import CHANNEL, USER, Failure, action_body, post, signed_headers
from slackworld import Served
from test_slack_http import FORM, block_ids, blocks_of, console_posting_ids, send_event, text_of

from bot.platforms.slack import LIMITED_NOTE
from bot.platforms.slack_blocks import ACTION_SHARE


def dm(text: str, ts: str = "1.1") -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": text,
        "ts": ts,
        "event_ts": ts,
    }


def limited(status: int = 429, wait: str = "1") -> Failure:
    return Failure(status, {"Retry-After": wait})


@pytest.mark.slow
def test_a_direct_message_answer_survives_a_ten_second_429_storm(served: Served) -> None:
    served.fake.storm("chat.postMessage", seconds=10, retry_after=2)
    started = time.monotonic()
    assert send_event(served, dm("jobs datacite")) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage", timeout=40)
    assert time.monotonic() - started >= 10
    assert answer.payload["channel"] == "D0ALICE"
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs datacite")
    tries = [c for c in served.fake.calls if c.method == "chat.postMessage"]
    assert len(tries) > 3  # more than slack_sdk's own three tries
    assert all(c.status == 429 for c in tries[:-1])
    assert LIMITED_NOTE not in str(served.fake.calls)


def test_answers_waiting_for_a_limit_keep_their_order(served: Served) -> None:
    served.fake.storm("chat.postMessage", seconds=3, retry_after=1)
    assert send_event(served, dm("jobs datacite", "1.1")) == 200
    served.fake.wait_for(lambda calls: any(c.method == "chat.postMessage" for c in calls))
    assert send_event(served, dm("help", "1.2")) == 200
    first, second = served.fake.wait_delivered("chat.postMessage", count=2, timeout=20)
    assert block_ids(blocks_of(first), "posting:")
    assert "Herald understands these commands" in text_of(second)


def test_a_limit_outlasting_patience_is_told_to_the_asker(served: Served) -> None:
    served.adapter.patience = 1.0
    for _ in range(3):  # slack_sdk's three tries, then Herald's patience is over
        served.fake.fail_next("chat.postMessage", limited())
    assert send_event(served, dm("jobs datacite")) == 200
    [note] = served.fake.wait_delivered("chat.postMessage", timeout=20)
    assert note.payload["channel"] == "D0ALICE"
    assert text_of(note) == LIMITED_NOTE


def test_a_mention_answer_waits_out_a_limit_given_with_http_200(served: Served) -> None:
    body = {"ok": False, "error": "ratelimited"}
    for _ in range(4):  # more than slack_sdk retries (it only retries a 429)
        served.fake.fail_next("chat.postEphemeral", Failure(200, {"Retry-After": "1"}, body))
    event = {
        "type": "app_mention",
        "user": USER,
        "text": "<@UHERALD> jobs datacite",
        "ts": "1.1",
        "channel": CHANNEL,
        "event_ts": "1.1",
    }
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postEphemeral", timeout=20)
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs datacite")


def test_share_during_a_limit_says_so_not_invite_me(served: Served) -> None:
    served.adapter.patience = 0.0
    for _ in range(3):
        served.fake.fail_next("chat.postMessage", limited())
    body = action_body(
        {"action_id": ACTION_SHARE, "value": "jobs datacite"},
        response_url=served.fake.response_url("r2"),
    )
    assert post(served.url, body, signed_headers(body, FORM))[0] == 200
    [note] = served.fake.wait_delivered("response_url:r2", timeout=20)
    assert note.payload["response_type"] == "ephemeral"
    text = text_of(note)
    assert "limiting how fast I may post" in text and "Share in channel again" in text
    assert "invite" not in text.lower()

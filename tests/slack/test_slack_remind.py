""" "Remind me" on a posting: a signed block_actions click records a personal reminder for the
person who clicked, and only they are told when it will come."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from slackfakes import USER, action_body, buttons, post, signed_headers
from slackworld import TODAY, Served, make_posting
from test_slack_http import FORM, blocks_of, slash, text_of

from bot.commands import Reply
from bot.platforms.slack_blocks import ACTION_REMIND, REMIND_LABEL, render
from bot.store.deliveries import PersonalReminders

DATACITE = "datacite-technical-community-manager"  # deadline 2022-02-07, today 2022-02-01


def remind_buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [b for b in buttons(blocks) if b["action_id"].startswith(f"{ACTION_REMIND}:")]


def click(served: Served, action: dict[str, Any], key: str | None, **options: Any) -> None:
    url = served.fake.response_url(key) if key else None
    body = action_body(action, response_url=url, **options)
    status, _ = post(served.url, body, signed_headers(body, FORM))
    assert status == 200


def reminders(served: Served, user: str = USER) -> list[str]:
    return [r.posting_id for r in PersonalReminders(served.app.store).for_user("slack", user)]


def test_remind_me_records_a_reminder_and_tells_only_the_clicker(
    serve: Callable[..., Served],
) -> None:
    served = serve()
    listing = slash(served, "/jobs", "datacite")
    [button] = remind_buttons(blocks_of(listing))
    assert (button["text"]["text"], button["value"]) == (REMIND_LABEL, DATACITE)
    action = {"action_id": button["action_id"], "value": button["value"]}

    click(served, action, "r2")
    [answer] = served.fake.wait_delivered("response_url:r2")
    assert answer.payload["response_type"] == "ephemeral"
    text = text_of(answer)
    assert "I will remind you by direct message about *Technical Community Manager*" in text
    assert "2022-02-06 09:00" in text  # a day before the deadline; a week before is past
    assert reminders(served) == [DATACITE]

    click(served, action, "r3")  # a second click keeps one reminder and says so
    [again] = served.fake.wait_delivered("response_url:r3")
    assert "You already have reminders" in text_of(again)
    assert reminders(served) == [DATACITE]
    assert served.fake.delivered("chat.postMessage") == []  # nothing public


def test_remind_me_for_a_posting_that_is_gone(serve: Callable[..., Served]) -> None:
    served = serve()
    click(served, {"action_id": f"{ACTION_REMIND}:1", "value": "no-such-posting"}, "r1")
    [answer] = served.fake.wait_delivered("response_url:r1")
    assert "No posting has the id `no-such-posting`" in text_of(answer)
    assert reminders(served) == []


def test_remind_me_in_the_app_home_answers_in_the_dm(serve: Callable[..., Served]) -> None:
    served = serve()
    home = served.adapter.home(USER)
    ids = {b["value"] for b in remind_buttons(home["blocks"])}
    assert DATACITE in ids
    assert "iiif-managing-director-2023" not in ids  # closed: nothing to remind
    click(served, {"action_id": f"{ACTION_REMIND}:7", "value": DATACITE}, None, channel=None)
    [dm] = served.fake.wait_delivered("chat.postMessage")
    assert dm.payload["channel"] == USER
    assert "I will remind you" in text_of(dm)
    assert reminders(served) == [DATACITE]


def test_only_postings_with_a_deadline_still_ahead_offer_remind_me() -> None:
    cases = {
        "ahead": make_posting(1, "Ahead"),  # deadline 2022-03-01
        "today": replace(make_posting(2, "Today"), deadline=TODAY),
        "past": replace(make_posting(3, "Past"), deadline=date(2022, 1, 1)),
        "none": replace(make_posting(4, "No deadline"), deadline=None, open_until_filled=True),
        "closed": replace(make_posting(5, "Closed"), closed=True),
        "removed": replace(make_posting(6, "Removed"), status="removed"),
    }
    postings = tuple(replace(p, id=name) for name, p in cases.items())
    reply = Reply(text="x", postings=postings, summary="Postings:", today=TODAY)
    [message] = render(reply)
    assert {b["value"] for b in remind_buttons(list(message.blocks))} == {"ahead"}

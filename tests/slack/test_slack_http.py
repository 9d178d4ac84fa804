"""The adapter served for real: Bolt over HTTP on loopback, signed requests, a fake Slack.

Each test posts what Slack would post (slash commands, block_actions, events) signed with the
signing secret, then asserts on what reached the fake Web API / response_url.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import pytest
from slackfakes import (
    BOT_USER,
    CHANNEL,
    USER,
    Call,
    Failure,
    LoopThread,
    action_body,
    all_texts,
    block_ids,
    buttons,
    event_body,
    post,
    signed_headers,
    slash_body,
)
from slackworld import Served

from bot.app import App
from bot.commands import Request
from bot.platforms.console import render_text
from bot.platforms.slack import SlackAdapter, config_from_settings
from bot.platforms.slack_blocks import ACTION_SHARE
from bot.store import Store

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def slash(served: Served, command: str, text: str, key: str = "r1", **extra: Any) -> Call:
    body = slash_body(command, text, served.fake.response_url(key), **extra)
    status, answer = post(served.url, body, signed_headers(body, FORM))
    assert (status, answer) == (200, "")  # acknowledged, nothing said yet
    return served.fake.wait_delivered(f"response_url:{key}")[0]


def click(served: Served, action: dict[str, Any], **options: Any) -> None:
    body = action_body(action, **options)
    status, _ = post(served.url, body, signed_headers(body, FORM))
    assert status == 200


def send_event(served: Served, event: dict[str, Any], event_id: str | None = None) -> int:
    body = event_body(event, event_id)
    status, _ = post(served.url, body, signed_headers(body, JSON))
    return status


def console_posting_ids(served: Served, line: str) -> list[str]:
    reply = served.app.handle(Request.from_line(line))
    return re.findall(r"Details: /jobs show (\S+)", render_text(reply))


def blocks_of(call: Call) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = call.payload["blocks"]
    return blocks


def text_of(call: Call) -> str:
    return "\n".join(t for _kind, t in all_texts(blocks_of(call)))


def settle(served: Served, seconds: float = 0.3) -> list[Call]:
    """Give a wrongly started listener time to call Slack, then return what it sent.

    auth.test is left out: Herald checks its token on start and Bolt once more on its first
    request; neither says anything to anyone.
    """
    time.sleep(seconds)
    return [c for c in served.fake.calls if c.method != "auth.test"]


# --- slash commands -----------------------------------------------------------------------


def test_jobs_answers_privately_with_the_same_postings_as_the_console(served: Served) -> None:
    call = slash(served, "/jobs", "remote")
    assert call.payload["response_type"] == "ephemeral"
    blocks = blocks_of(call)
    expected = console_posting_ids(served, "jobs remote")
    assert expected and block_ids(blocks, "posting:") == expected
    text = text_of(call)
    assert "open postings match `/jobs remote`" in text
    # deadline in each reader's time zone, and how far it is
    assert "deadline 7 February 2022 (closes in 6 days)" in text
    values = {b.get("value") or b.get("url") for b in buttons(blocks)}
    assert {f"jobs show {pid}" for pid in expected} <= values
    assert "mailto:helena.cousijn@datacite.org" in values
    share = [b for b in buttons(blocks) if b["action_id"] == ACTION_SHARE]
    assert [b["value"] for b in share] == ["/jobs remote"]  # re-run as typed: a command


def test_more_button_pages_without_retyping(served: Served) -> None:
    call = slash(served, "/jobs", "")
    more = [b for b in buttons(blocks_of(call)) if b["text"]["text"] == "More"]
    assert [b["value"] for b in more] == ["jobs page 2"]
    first_page = block_ids(blocks_of(call), "posting:")
    assert len(first_page) == 5
    click(
        served,
        {"action_id": more[0]["action_id"], "value": more[0]["value"]},
        response_url=served.fake.response_url("r2"),
    )
    page2 = served.fake.wait_delivered("response_url:r2")[0]
    # the next page takes the place of the first instead of piling up under it
    assert call.payload["replace_original"] is False
    assert page2.payload["replace_original"] is True
    second_page = block_ids(blocks_of(page2), "posting:")
    assert second_page == console_posting_ids(served, "jobs page 2")
    assert second_page and not set(second_page) & set(first_page)


def test_details_button_shows_the_posting(served: Served) -> None:
    call = slash(served, "/jobs", "datacite")
    details = next(b for b in buttons(blocks_of(call)) if b["text"]["text"] == "Details")
    assert details["value"] == "jobs show datacite-technical-community-manager"
    click(
        served,
        {"action_id": details["action_id"], "value": details["value"]},
        response_url=served.fake.response_url("r2"),
    )
    shown = served.fake.wait_delivered("response_url:r2")[0]
    assert shown.payload["response_type"] == "ephemeral"
    assert "*Technical Community Manager*" in text_of(shown)
    assert "mailto:helena.cousijn@datacite.org" in [b.get("url") for b in buttons(blocks_of(shown))]


def test_link_buttons_are_acknowledged_and_nothing_is_sent(served: Served) -> None:
    click(
        served,
        {"action_id": "herald_url:2", "url": "mailto:x@example.org"},
        response_url=served.fake.response_url(),
    )
    assert settle(served) == []


def test_organisation_shortcut_gives_the_consoles_passage(served: Served) -> None:
    call = slash(served, "/iiif", "membership fee")
    expected = served.app.handle(Request.from_line("/iiif membership fee"))
    assert expected.passages
    assert block_ids(blocks_of(call), "passage:") == [str(h.passage.id) for h in expected.passages]
    assert "$10,000 annual fee" in text_of(call)
    assert expected.passages[0].passage.text[:40] in render_text(expected)


def test_unknown_command_gets_the_routers_reply(served: Served) -> None:
    call = slash(served, "/nosuchthing", "")
    assert "Unknown command /nosuchthing." in text_of(call)
    typo = slash(served, "/jbos", "remote", key="r2")
    assert "Unknown command /jbos. Did you mean `/jobs`?" in text_of(typo)


def test_channel_posting_and_hostile_query_never_ping(served: Served) -> None:
    call = slash(served, "/jobs", "<!here> @channel steward")
    # every text Slack would show (button values are never shown or parsed)
    raw = text_of(call) + call.payload["text"]
    for needle in ("<!channel>", "<!here>", "<@U0SOMEONE>", "<!subteam", "@channel", "@here"):
        assert needle not in raw, needle
    assert "*&lt;!channel&gt; hiring a Data Steward*" in text_of(call)
    echoed = slash(served, "/faq", "<!here> @channel <@U0BOB> zebra crossings?", key="r2")
    text = text_of(echoed) + echoed.payload["text"]
    # "<!here>" is read as the "@here" the person saw, and echoed so that it cannot ping
    assert "@\u2060here @\u2060channel &lt;@U0BOB&gt; zebra crossings?" in text
    assert "<!here>" not in text and "<@U0BOB>" not in text


# --- sharing ----------------------------------------------------------------------------


def test_share_posts_publicly_once_and_says_who_shared(served: Served) -> None:
    private = slash(served, "/jobs", "remote")
    share = next(b for b in buttons(blocks_of(private)) if b["action_id"] == ACTION_SHARE)
    action = {"action_id": share["action_id"], "value": share["value"]}
    click(served, action, response_url=served.fake.response_url("r2"))
    [public] = served.fake.wait_delivered("chat.postMessage")
    assert public.payload["channel"] == CHANNEL
    blocks = blocks_of(public)
    assert blocks[0]["elements"][0]["text"] == f"Shared by <@{USER}> · `/jobs remote`"
    assert block_ids(blocks, "posting:") == block_ids(blocks_of(private), "posting:")
    assert ACTION_SHARE not in [b["action_id"] for b in buttons(blocks)]
    click(served, action, response_url=served.fake.response_url("r2"))  # a double click
    calls = settle(served)
    assert sum(c.method == "chat.postMessage" for c in calls) == 1


def test_share_where_herald_is_not_a_member_falls_back_to_the_response_url(
    served: Served,
) -> None:
    served.fake.closed_channels.add(CHANNEL)
    click(
        served,
        {"action_id": ACTION_SHARE, "value": "jobs datacite"},
        response_url=served.fake.response_url("r2"),
    )
    [answer] = served.fake.wait_delivered("response_url:r2")
    assert answer.payload["response_type"] == "in_channel"
    assert "Shared by" in text_of(answer)
    assert served.fake.delivered("chat.postMessage") == []


# --- mentions, DMs, App Home ---------------------------------------------------------------


def test_mention_with_the_command_word_second(served: Served) -> None:
    event = {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER}> remote jobs",
        "ts": "1700000000.000200",
        "channel": CHANNEL,
        "event_ts": "1700000000.000200",
    }
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postEphemeral")
    assert (answer.payload["channel"], answer.payload["user"]) == (CHANNEL, USER)
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs remote")
    share = [b["value"] for b in buttons(blocks_of(answer)) if b["action_id"] == ACTION_SHARE]
    assert share == ["remote jobs"]  # sharing asks the same question again


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("help", "Herald understands these commands"),
        ("", "Herald understands these commands"),
        ("zzz", "I don't know"),  # a word that is no command is a question
        ("jbos remote", "Unknown command /jbos."),  # a typo of one is a typo
    ],
)
def test_mention_help_and_unknown(served: Served, said: str, expected: str) -> None:
    event = {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER}> {said}",
        "ts": "1.1",
        "channel": CHANNEL,
        "event_ts": "1.1",
        "thread_ts": "0.9",
    }
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postEphemeral")
    assert expected in text_of(answer)
    assert answer.payload["thread_ts"] == "0.9"


def test_direct_message_answers_in_the_dm_and_ignores_bots(served: Served) -> None:
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "jobs datacite",
        "ts": "1.1",
        "event_ts": "1.1",
    }
    bot = {**dm, "bot_id": "B0OTHER", "text": "jobs", "ts": "1.2", "event_ts": "1.2"}
    edit = {**dm, "subtype": "message_changed", "ts": "1.3", "event_ts": "1.3"}
    for event in (bot, edit, dm):
        assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    assert answer.payload["channel"] == "D0ALICE"
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs datacite")
    assert ACTION_SHARE not in [b["action_id"] for b in buttons(blocks_of(answer))]
    assert len(settle(served, 0.2)) == 1


def test_a_direct_message_follows_the_list_shown_in_it(served: Served) -> None:
    def said(text: str, ts: str, count: int) -> Call:
        dm = {"type": "message", "channel_type": "im", "channel": "D0BEN", "user": USER}
        assert send_event(served, {**dm, "text": text, "ts": ts, "event_ts": ts}) == 200
        return served.fake.wait_delivered("chat.postMessage", count)[-1]

    listed = block_ids(blocks_of(said("remote jobs", "2.1", 1)), "posting:")
    assert len(listed) >= 2
    second = said("the second one", "2.2", 2)
    [shown] = served.app.ask(f"/jobs show {listed[1]}").postings
    assert f"Source: {shown.source}" in text_of(second)
    assert "Unknown command" not in text_of(second)
    # "Reply in thread" under the list: the thread has shown nothing yet, so it is the list's
    dm = {"type": "message", "channel_type": "im", "channel": "D0BEN", "user": USER}
    threaded = {**dm, "text": "the first one", "ts": "2.3", "event_ts": "2.3", "thread_ts": "2.15"}
    assert send_event(served, threaded) == 200
    first = served.fake.wait_delivered("chat.postMessage", 3)[-1]
    [shown] = served.app.ask(f"/jobs show {listed[0]}").postings
    assert f"Source: {shown.source}" in text_of(first) and first.payload["thread_ts"] == "2.15"


def test_each_thread_follows_the_list_shown_in_it(served: Served) -> None:
    """A list in a thread, then its next page in the channel: "the second one" in the thread
    is the thread's, and its answer stays in the thread."""
    sent = 0

    def said(text: str, ts: str, thread: str | None) -> Call:
        nonlocal sent
        event = {"type": "app_mention", "user": USER, "channel": CHANNEL, "text": text}
        event |= {"ts": ts, "event_ts": ts} | ({"thread_ts": thread} if thread else {})
        assert send_event(served, event) == 200
        sent += 1
        return served.fake.wait_delivered("chat.postEphemeral", sent)[-1]

    in_thread = block_ids(blocks_of(said(f"<@{BOT_USER}> jobs", "7.1", "7.0")), "posting:")
    in_channel = block_ids(blocks_of(said(f"<@{BOT_USER}> jobs page 2", "7.2", None)), "posting:")
    assert len(in_thread) >= 2 and len(in_channel) >= 2
    second = said(f"<@{BOT_USER}> the second one", "7.3", "7.0")
    assert second.payload["thread_ts"] == "7.0"
    [meant] = served.app.ask(f"/jobs show {in_thread[1]}").postings
    [other] = served.app.ask(f"/jobs show {in_channel[1]}").postings
    assert f"Source: {meant.source}" in text_of(second)
    assert f"Source: {other.source}" not in text_of(second)


def test_edits_deletions_and_other_bots_mentions_are_not_answered(served: Served) -> None:
    """Only a person writing is asked: another bot mentioning Herald (two bots answering
    each other never stop), an edit or a deletion of a mention, a file without a caption
    gets nothing; a file with a caption, in a DM or as a mention, and a thread reply sent to
    the channel are asked."""
    mention = {
        "type": "app_mention",
        "user": USER,
        "channel": CHANNEL,
        "text": f"<@{BOT_USER}> jobs",
    }
    dm = {"type": "message", "channel_type": "im", "channel": "D0ALICE", "user": USER}
    quiet = [
        {**mention, "bot_id": "B0OTHER", "bot_profile": {"id": "B0OTHER"}},
        {**mention, "subtype": "bot_message", "bot_id": "B0OTHER"},
        {**mention, "subtype": "message_changed"},
        {**mention, "subtype": "message_deleted"},
        {**dm, "subtype": "message_changed", "text": "jobs"},
        {**dm, "subtype": "message_deleted"},
        # a picture sent without a word asks nothing (it got the whole of help)
        {**dm, "subtype": "file_share", "text": ""},
    ]
    for n, event in enumerate(quiet):
        ts = f"5.{n}"
        assert send_event(served, {**event, "ts": ts, "event_ts": ts}) == 200
    assert [c for c in settle(served, 0.5) if c.method != "auth.test"] == []
    asked = [
        ({**mention, "subtype": "thread_broadcast", "thread_ts": "4.0"}, "chat.postEphemeral"),
        ({**dm, "subtype": "file_share", "text": "jobs datacite"}, "chat.postMessage"),
    ]
    for n, (event, method) in enumerate(asked):
        ts = f"6.{n}"
        assert send_event(served, {**event, "ts": ts, "event_ts": ts}) == 200
        [answer] = served.fake.wait_delivered(method)
        assert block_ids(blocks_of(answer), "posting:"), text_of(answer)


def test_a_mention_in_the_dm_is_answered_once(served: Served) -> None:
    """ "@Herald jobs datacite" in the DM with Herald comes as app_mention and as
    message.im (two event ids): one answer, in the DM."""
    said = {"user": USER, "channel": "D0ALICE", "text": f"<@{BOT_USER}> jobs datacite"}
    times = {"ts": "9.1", "event_ts": "9.1"}
    assert send_event(served, {"type": "app_mention", **said, **times}) == 200
    assert send_event(served, {"type": "message", "channel_type": "im", **said, **times}) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs datacite")
    assert [c.method for c in settle(served, 0.5) if c.method != "auth.test"] == [
        "chat.postMessage"
    ]


def test_a_domain_slack_linked_in_a_question_is_read_as_typed(served: Served) -> None:
    """Slack links what people type: "any jobs at datacite.org?" arrives as
    "<http://datacite.org|datacite.org>"; it gets the console's answer to the words."""
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "any jobs at <http://datacite.org|datacite.org>?",
        "ts": "9.5",
        "event_ts": "9.5",
    }
    assert send_event(served, dm) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    posted = console_posting_ids(served, "any jobs at datacite.org?")
    assert posted and block_ids(blocks_of(answer), "posting:") == posted
    assert "“any jobs at datacite.org?”" in text_of(answer)


def test_a_double_press_of_a_button_runs_once(served: Served) -> None:
    """A double click on 👎 counts one vote and says thanks once; the same button on another
    answer, or pressed again later, runs again."""
    from bot.store.questions import QuestionStore

    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "is datacite hiring?",
        "ts": "9.7",
        "event_ts": "9.7",
    }
    assert send_event(served, dm) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    down = next(b for b in buttons(blocks_of(answer)) if b.get("value", "").endswith(" down"))
    press = {"action_id": down["action_id"], "value": down["value"]}
    question = int(down["value"].split()[2])

    def unhelpful() -> int:
        logged = QuestionStore(served.app.store).unanswered(500)
        return next((q.unhelpful for q in logged if q.id == question), 0)

    before = unhelpful()
    for key in ("d1", "d2"):
        click(served, press, response_url=served.fake.response_url(key), channel="D0ALICE")
    served.fake.wait_delivered("response_url:d1")
    click(
        served,
        press,
        response_url=served.fake.response_url("d3"),
        channel="D0ALICE",
        message_ts="1700000000.000999",  # the same answer, asked again: another message
    )
    served.fake.wait_delivered("response_url:d3")
    settle(served, 0.5)
    assert served.fake.delivered("response_url:d2") == []
    assert unhelpful() == before + 2
    served.adapter.monotonic = lambda: time.monotonic() + 60  # a minute later
    click(served, press, response_url=served.fake.response_url("d4"), channel="D0ALICE")
    served.fake.wait_delivered("response_url:d4")


def test_a_link_in_a_question_quoted_back_shows_its_address(served: Served) -> None:
    """ "is [datacite](https://evil.example) hiring?" is quoted in the answer, which may be
    shared in the channel: Herald must not post a link whose words hide where it goes."""
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "is [datacite](https://evil.example) hiring? &lt;https://evil.example|datacite&gt;",
        "ts": "7.1",
        "event_ts": "7.1",
    }
    assert send_event(served, dm) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    text = text_of(answer)
    # the question is quoted as written (its brackets are no Markdown), its address shown
    assert "[datacite](<https://evil.example>)" in text
    for target, words in re.findall(r"<([^<>|]+)\|([^<>]*)>", text):
        shown = unquote(target).removeprefix("mailto:")
        assert words.replace("\u00a6", "|") in (unquote(target), shown), text


def test_app_home_lists_postings_closing_soon_and_newest(served: Served) -> None:
    event = {
        "type": "app_home_opened",
        "user": USER,
        "channel": "D0ALICE",
        "tab": "home",
        "event_ts": "1.1",
    }
    assert send_event(served, event) == 200
    [published] = served.fake.wait_delivered("views.publish")
    assert published.payload["user_id"] == USER
    view = published.payload["view"]
    ids = block_ids(view["blocks"], "posting:")
    # closing soonest: the DataCite posting closes first (2022-02-07)
    assert ids[0] == "datacite-technical-community-manager"
    assert "elf-channel-data-steward-2022" in ids  # employer: "Example Lab & Friends seeks …"
    assert "iiif-managing-director-2023" not in ids  # closed
    assert any(b.get("value") == "help" for b in buttons(view["blocks"]))
    # Help from the Home tab has no response_url: the answer comes as a DM
    click(
        served, {"action_id": "herald_command:99", "value": "help"}, response_url=None, channel=None
    )
    [dm] = served.fake.wait_delivered("chat.postMessage")
    assert dm.payload["channel"] == USER
    assert "Herald understands these commands" in text_of(dm)


def test_app_home_says_how_many_postings_match_and_shows_the_rest(served: Served) -> None:
    """Five postings under "Open postings" read as the whole list: the Home says how many
    match, as a message does, and its "More" sends the next page to the DM."""
    view = served.adapter.home(USER)
    assert "7 open postings match `/jobs` (showing 1–5)" in str(view["blocks"])
    [more] = [b for b in buttons(view["blocks"]) if b.get("value") == "jobs page 2"]
    click(served, {"action_id": more["action_id"], "value": more["value"]}, response_url=None)
    [dm] = served.fake.wait_delivered("chat.postMessage")
    assert dm.payload["channel"] == USER
    assert "(showing 6–7)" in text_of(dm)


# --- safety -----------------------------------------------------------------------------


def test_bad_signature_is_refused_and_nothing_runs(served: Served) -> None:
    body = slash_body("/jobs", "remote", served.fake.response_url())
    headers = signed_headers(body, FORM, secret="not-the-secret")
    assert post(served.url, body, headers)[0] == 401
    tampered = signed_headers(body, FORM)
    assert post(served.url, body + b"&text=other", tampered)[0] == 401
    assert [c.method for c in settle(served)] == []


def test_stale_timestamp_is_refused(served: Served) -> None:
    body = slash_body("/jobs", "remote", served.fake.response_url())
    old = int(time.time()) - 6 * 60
    assert post(served.url, body, signed_headers(body, FORM, timestamp=old))[0] == 401
    assert [c.method for c in settle(served)] == []


def _mention(text: str = "jobs") -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER}> {text}",
        "ts": "1.1",
        "channel": CHANNEL,
        "event_ts": "1.1",
    }


def _retry(served: Served, event: dict[str, Any], event_id: str, number: int = 1) -> int:
    body = event_body(event, event_id)
    retry = {"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": "http_timeout"}
    return post(served.url, body, signed_headers(body, JSON, extra=retry))[0]


def test_a_retry_of_an_event_never_received_is_answered_once(served: Served) -> None:
    # Herald was down for the first delivery: Slack's retry is the only copy it gets
    assert _retry(served, _mention(), "Ev0MISSED") == 200
    served.fake.wait_delivered("chat.postEphemeral")
    # the next retry and a redelivery without the header are true repeats
    assert _retry(served, _mention(), "Ev0MISSED", number=2) == 200
    assert send_event(served, _mention(), "Ev0MISSED") == 200
    calls = settle(served)
    assert sum(c.method == "chat.postEphemeral" for c in calls) == 1


def test_a_retry_of_an_answered_event_runs_nothing(served: Served) -> None:
    assert send_event(served, _mention(), "Ev0FIRST") == 200
    served.fake.wait_delivered("chat.postEphemeral")
    assert _retry(served, _mention(), "Ev0FIRST") == 200
    assert send_event(served, _mention(), "Ev0FIRST") == 200  # redelivered without the header
    calls = settle(served)
    assert sum(c.method == "chat.postEphemeral" for c in calls) == 1
    # another event (new id) with a retry header is still answered
    assert _retry(served, _mention("jobs remote"), "Ev0OTHER", number=3) == 200
    served.fake.wait_delivered("chat.postEphemeral", count=2)


def test_a_forged_retry_is_refused_before_the_memory(served: Served) -> None:
    body = event_body(_mention(), "Ev0FORGED")
    retry = {"X-Slack-Retry-Num": "1"}
    headers = signed_headers(body, JSON, secret="not-the-secret", extra=retry)
    assert post(served.url, body, headers)[0] == 401
    # the forged copy did not use up the id: the real delivery is answered
    assert send_event(served, _mention(), "Ev0FORGED") == 200
    served.fake.wait_delivered("chat.postEphemeral")


def test_rate_limited_response_url_is_retried_after_the_wait(served: Served) -> None:
    served.fake.fail_next("response_url:r1", Failure(429, {"Retry-After": "1"}))
    started = time.monotonic()
    call = slash(served, "/jobs", "remote")
    assert time.monotonic() - started >= 1
    assert block_ids(blocks_of(call), "posting:")
    attempts = [c for c in served.fake.calls if c.method == "response_url:r1"]
    assert [c.status for c in attempts] == [429, 200]


# --- plain questions ---------------------------------------------------------------------


def test_plain_questions_in_a_dm_a_mention_and_herald_ask(served: Served) -> None:
    # the seeds' DataCite Technical Community Manager closes on 7 February 2022
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ALICE",
        "user": USER,
        "text": "when's the deadline for the datacite technical community manager job?",
        "ts": "2.1",
        "event_ts": "2.1",
    }
    assert send_event(served, dm) == 200
    [in_dm] = served.fake.wait_delivered("chat.postMessage")
    said = text_of(in_dm)
    assert "Unknown command" not in said
    assert "7 February 2022" in said and "helena.cousijn@datacite.org" in said

    mention = {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER}> is datacite hiring?",
        "ts": "2.2",
        "channel": CHANNEL,
        "event_ts": "2.2",
    }
    assert send_event(served, mention) == 200
    [in_channel] = served.fake.wait_delivered("chat.postEphemeral")
    assert "Unknown command" not in text_of(in_channel)
    assert "Technical Community Manager" in text_of(in_channel)

    answer = slash(served, "/herald", "ask what is the iiif consortium?", key="r9")
    assert "Unknown command" not in text_of(answer)
    assert "IIIF" in text_of(answer)


def test_a_retry_reaching_another_replica_is_not_answered_again(
    serve: Callable[..., Served], loop: LoopThread
) -> None:
    first = serve()
    # a second replica: its own process state and connections, the same database
    store = Store.open(first.app.store.engine.url.render_as_string(hide_password=False))
    app = App(settings=first.app.settings, store=store, clock=first.app.clock)
    config = config_from_settings(first.app.settings)
    assert config is not None
    adapter = SlackAdapter(app, config)
    loop.run(adapter.start())
    second = Served(adapter, app, first.fake, loop)
    try:
        assert send_event(first, _mention(), "Ev0REPLICA") == 200
        first.fake.wait_delivered("chat.postEphemeral")
        assert _retry(second, _mention(), "Ev0REPLICA") == 200  # Slack chose the other one
        assert sum(c.method == "chat.postEphemeral" for c in settle(first)) == 1
        assert _retry(second, _mention("jobs remote"), "Ev0UNSEEN") == 200
        first.fake.wait_delivered("chat.postEphemeral", count=2)
    finally:
        loop.run(adapter.stop())
        store.close()


def test_a_suggestion_button_runs_its_shortcut_not_a_question(served: Served) -> None:
    click(
        served,
        {"action_id": "herald_command:1", "value": "iiif membership fee"},
        response_url=served.fake.response_url("r7"),
    )
    [answer] = served.fake.wait_delivered("response_url:r7")
    expected = served.app.handle(Request.from_line("/iiif membership fee"))
    assert block_ids(blocks_of(answer), "passage:") == [
        str(h.passage.id) for h in expected.passages
    ]


def test_sharing_a_follow_up_shares_what_it_showed(served: Served) -> None:
    """ "more" and "the second one" mean the list shown last: pressed later (after another
    list, or after "more" moved the list on), Share must post what the asker saw, not
    re-read the words against whatever list is remembered by then."""

    def mention(text: str, ts: str, count: int) -> Call:
        event = {**_mention(text), "ts": ts, "event_ts": ts, "channel": "C0FOLLOW"}
        assert send_event(served, event) == 200
        return served.fake.wait_delivered("chat.postEphemeral", count)[-1]

    mention("jobs", "3.1", 1)
    page2 = mention("more", "3.2", 2)
    seen = block_ids(blocks_of(page2), "posting:")
    assert seen
    share = next(b for b in buttons(blocks_of(page2)) if b["action_id"] == ACTION_SHARE)
    mention("jobs datacite", "3.3", 3)  # another list is remembered before Share is pressed
    click(
        served,
        {"action_id": share["action_id"], "value": share["value"]},
        channel="C0FOLLOW",
        response_url=served.fake.response_url("r-follow"),
    )
    [public] = served.fake.wait_delivered("chat.postMessage")
    assert block_ids(blocks_of(public), "posting:") == seen


def test_a_direct_message_naming_herald_instead_of_a_pill_is_asked(served: Served) -> None:
    """Typing "@herald" without picking Slack's suggestion sends the name as text: it
    addresses Herald, it is no command ("Unknown command /@herald")."""
    dm = {"type": "message", "channel_type": "im", "channel": "D0NAME", "user": USER}
    event = {**dm, "text": "@herald remote jobs", "ts": "4.1", "event_ts": "4.1"}
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    assert "Unknown command" not in text_of(answer)
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "remote jobs")


def test_a_question_quoted_back_keeps_its_marks_as_typed(served: Served) -> None:
    """Slack has no escape for * _ ~: the asker's words quoted back ("I found no confident
    answer to “…”") must not turn bold or struck through in the answer."""
    dm = {"type": "message", "channel_type": "im", "channel": "D0MARKS", "user": USER}
    event = {**dm, "text": "zzqx *urgent* ~blorp~ _now_", "ts": "5.1", "event_ts": "5.1"}
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    said = text_of(answer)
    assert "I don't know" in said
    assert "∗urgent∗ ∼blorp∼ ˍnowˍ" in said
    assert not re.search(r"[*_~](urgent|blorp|now)[*_~]", said)


def test_a_shared_question_says_the_words_asked(served: Served) -> None:
    event = {**_mention("remote jobs"), "ts": "6.1", "event_ts": "6.1"}
    assert send_event(served, event) == 200
    [private] = served.fake.wait_delivered("chat.postEphemeral")
    share = next(b for b in buttons(blocks_of(private)) if b["action_id"] == ACTION_SHARE)
    click(
        served,
        {"action_id": share["action_id"], "value": share["value"]},
        response_url=served.fake.response_url("r-asked"),
    )
    [public] = served.fake.wait_delivered("chat.postMessage")
    # not "`/remote jobs`": no one can type that command
    assert blocks_of(public)[0]["elements"][0]["text"] == f"Shared by <@{USER}> · “remote jobs”"


def test_herald_with_a_question_typed_after_it_answers_it(served: Served) -> None:
    """Slack lists /herald as "Ask in plain words": "/herald remote jobs" without "ask"."""
    call = slash(served, "/herald", "remote jobs")
    assert "Say what to do" not in text_of(call)
    assert block_ids(blocks_of(call), "posting:") == console_posting_ids(served, "remote jobs")


def test_share_pressed_in_a_thread_posts_in_that_thread(served: Served) -> None:
    """An answer asked for in a thread is shared where the conversation is, not in the
    channel's main timeline."""
    click(
        served,
        {"action_id": ACTION_SHARE, "value": "/jobs datacite"},
        response_url=served.fake.response_url("r-thread"),
        thread_ts="7.0",
    )
    [public] = served.fake.wait_delivered("chat.postMessage")
    assert public.payload["channel"] == CHANNEL
    assert public.payload.get("thread_ts") == "7.0"


def test_a_command_typed_in_code_formatting_runs(served: Served) -> None:
    """Herald shows commands in code ("Try `/jobs datacite`"); typed back the same way in
    Slack's composer, the backticks come with the text: still that command."""
    dm = {"type": "message", "channel_type": "im", "channel": "D0CODE", "user": USER}
    event = {**dm, "text": "`/jobs all`", "ts": "8.1", "event_ts": "8.1"}
    assert send_event(served, event) == 200
    [answer] = served.fake.wait_delivered("chat.postMessage")
    assert "Unknown command" not in text_of(answer)
    assert block_ids(blocks_of(answer), "posting:") == console_posting_ids(served, "jobs all")

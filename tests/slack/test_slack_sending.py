"""Sending for the scheduler: Slack's failures become the Outbox's three errors, a long reply
is never posted twice from the start, and the scheduler acts on what the adapter raises.

Every failure is answered by the recording fake as Slack answers it (HTTP status, ``error``
code, Retry-After); the scheduler runs its real ``tick`` with the adapter as its outbox.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from slackfakes import Failure, block_ids
from slackworld import EXTRA_POSTING, TODAY, Served, make_posting

from bot.commands import Action, Reply
from bot.delivery import Filters
from bot.ingest import sync_folder
from bot.outbox import PermanentSendError, RateLimited, SendError, TransientSendError
from bot.platforms import slack
from bot.scheduler import Scheduler, TickReport
from bot.store.deliveries import Deliveries, Subscriptions

NOON = datetime.combine(TODAY, time(12, 0), tzinfo=UTC)
NEWS = "C0NEWS"
ROOT = Path(__file__).resolve().parents[2]


def failure(status: int, error: str, **headers: str) -> Failure:
    return Failure(status, dict(headers), {"ok": False, "error": error})


def send(served: Served, target: str, reply: Reply) -> None:
    served.loop.run(served.adapter.send(target, reply))


def attempts(served: Served, channel: str) -> list[tuple[int, bool]]:
    return [
        (c.status, c.ok)
        for c in served.fake.calls
        if c.method == "chat.postMessage" and c.payload.get("channel") == channel
    ]


# --- the mapping, one Slack answer at a time ------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "user_not_found",
        "cannot_dm_bot",
        "invalid_blocks",
    ],
)
def test_codes_no_retry_can_fix_are_permanent(served: Served, code: str) -> None:
    served.fake.fail_next("chat.postMessage", failure(200, code))
    with pytest.raises(PermanentSendError, match=code):
        send(served, NEWS, Reply(text="hello"))
    assert attempts(served, NEWS) == [(200, False)]  # nobody retried it


@pytest.mark.parametrize(
    ("failures", "expected"),
    [
        ([failure(500, "internal_error")], TransientSendError),  # once: Slack may have posted
        ([failure(503, "service_unavailable")], TransientSendError),
        ([failure(502, "bad_gateway")], TransientSendError),
        ([failure(200, "fatal_error")], TransientSendError),
        ([failure(200, "request_timeout")], TransientSendError),
        ([failure(200, "some_code_slack_adds_next_year")], TransientSendError),
        ([failure(200, "ratelimited")], RateLimited),
    ],
)
def test_server_trouble_is_transient_and_limits_are_rate_limits(
    served: Served, failures: list[Failure], expected: type[SendError]
) -> None:
    for f in failures:
        served.fake.fail_next("chat.postMessage", f)
    with pytest.raises(expected) as raised:
        send(served, NEWS, Reply(text="hello"))
    assert type(raised.value) is expected
    assert len(attempts(served, NEWS)) == len(failures)


def test_a_429_is_rate_limited_for_its_retry_after_without_waiting_in_the_send(
    served: Served,
) -> None:
    # the scheduler's ledger retries (pausing that channel only); a wait in here would
    # outlive the lease the send is fenced by
    served.fake.fail_next("chat.postMessage", failure(429, "ratelimited", **{"Retry-After": "65"}))
    with pytest.raises(RateLimited) as raised:
        send(served, NEWS, Reply(text="hello"))
    assert raised.value.retry_after == 65
    assert attempts(served, NEWS) == [(429, False)]


def test_no_answer_at_all_is_transient(served: Served) -> None:
    # discard port: refused
    served.adapter.config = replace(served.adapter.config, api_url="http://127.0.0.1:9/api/")
    with pytest.raises(TransientSendError, match="Client"):
        send(served, NEWS, Reply(text="hello"))


def test_send_error_covers_every_documented_kind() -> None:
    def error(code: str, **extra: Any) -> SendError:
        return slack.send_error(slack.SlackError("chat.postMessage", code, **extra))

    assert isinstance(error("not_in_channel", status=200), PermanentSendError)
    assert isinstance(error("internal_error", status=500), TransientSendError)
    assert isinstance(error("ClientConnectorError", network=True), TransientSendError)
    limited = error("ratelimited", status=429, retry_after=12.0)
    assert isinstance(limited, RateLimited) and limited.retry_after == 12
    no_header = error("message_limit_exceeded", status=200)
    assert isinstance(no_header, RateLimited) and no_header.retry_after == slack.DEFAULT_RETRY_AFTER
    # the status decides before the code: a 503 carrying a permanent-looking code is transient
    assert isinstance(error("invalid_auth", status=503), TransientSendError)


# --- a reply in several messages --------------------------------------------------------------


def long_reply() -> Reply:
    postings = tuple(make_posting(n, f"Archivist {n}") for n in range(60))
    return Reply(
        text="long",
        postings=postings,
        actions=tuple(Action("Details", "command", f"jobs show {p.id}") for p in postings[:3]),
        summary="60 postings:",
        today=TODAY,
        public=True,
    )


def test_a_retry_after_a_failed_part_sends_only_the_rest(served: Served) -> None:
    reply = long_reply()
    parts = len(slack.render(reply))
    assert parts >= 3
    served.fake.fail_next("chat.postMessage", failure(502, "bad_gateway"), after=1)
    with pytest.raises(TransientSendError):
        send(served, NEWS, reply)
    served.fake.fail_next("chat.postMessage", failure(200, "ratelimited"), after=1)
    with pytest.raises(RateLimited):
        send(served, NEWS, reply)  # the second part went out, the third was limited
    send(served, NEWS, reply)
    delivered = served.fake.delivered("chat.postMessage")
    assert len(delivered) == parts
    shown = [pid for c in delivered for pid in block_ids(c.payload["blocks"], "posting:")]
    assert shown == [p.id for p in reply.postings]  # each once, in order
    send(served, NEWS, reply)  # delivered in full: sending it again is a new message
    assert len(served.fake.delivered("chat.postMessage")) == 2 * parts


def test_a_changed_reply_starts_from_the_top(served: Served) -> None:
    reply = long_reply()
    served.fake.fail_next("chat.postMessage", failure(502, "bad_gateway"), after=1)
    with pytest.raises(TransientSendError):
        send(served, NEWS, reply)
    changed = replace(reply, summary="60 postings, one day later:")
    send(served, NEWS, changed)
    delivered = served.fake.delivered("chat.postMessage")
    assert len(delivered) == 1 + len(slack.render(changed))


# --- through the scheduler --------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


def announce_world(serve: Callable[..., Served], *channels: str) -> tuple[Served, Scheduler, Clock]:
    """Channels subscribed at noon, then a new posting a minute later: one announcement each."""
    served = serve(digest_weekday=None)
    store = served.app.store
    for channel in channels:
        Subscriptions(store).add("slack", channel, "", Filters(), "U0ADMIN", NOON)
    folder = served.app.settings.content_dir
    text = EXTRA_POSTING.format(
        title="Collections Data Manager", org="Example Library", city="Ghent", slug="lib", day=25
    )
    (folder / "library-25.md").write_text(text, encoding="utf-8")
    later = NOON + timedelta(minutes=1)
    assert sync_folder(store, folder, now=later).added
    clock = Clock(later + timedelta(seconds=5))
    scheduler = Scheduler(
        store,
        served.app.settings,
        {"slack": served.adapter},
        holder="test",
        clock=clock,
        sleep=clock.sleep,
    )
    return served, scheduler, clock


def tick(served: Served, scheduler: Scheduler) -> TickReport:
    return served.loop.run(scheduler.tick(), timeout=30)


def test_not_in_channel_pauses_the_subscription_with_the_reason(
    serve: Callable[..., Served],
) -> None:
    served, scheduler, clock = announce_world(serve, "C0GONE")
    served.fake.closed_channels.add("C0GONE")
    report = tick(served, scheduler)
    assert (report.sent, report.failed, report.retried) == (0, 1, 0)
    [sub] = Subscriptions(served.app.store).all()
    assert sub.status == "paused" and "not_in_channel" in (sub.reason or "")
    [row] = Deliveries(served.app.store).all()
    assert row.status == "failed"
    clock.now += timedelta(minutes=10)
    tick(served, scheduler)
    assert attempts(served, "C0GONE") == [(200, False)]  # never tried again


def test_a_500_then_200_delivers_exactly_once(serve: Callable[..., Served]) -> None:
    served, scheduler, clock = announce_world(serve, NEWS)
    served.fake.fail_next("chat.postMessage", failure(500, "internal_error"))
    report = tick(served, scheduler)
    assert (report.sent, report.retried) == (0, 1)
    assert served.fake.delivered("chat.postMessage") == []
    clock.now += timedelta(seconds=6)  # past the first backoff (5 s)
    report = tick(served, scheduler)
    assert report.sent == 1
    assert attempts(served, NEWS) == [(500, False), (200, True)]
    [message] = served.fake.delivered("chat.postMessage")
    assert "Collections Data Manager" in message.payload["text"] + str(message.payload["blocks"])
    [row] = Deliveries(served.app.store).all()
    assert row.status == "sent"
    clock.now += timedelta(minutes=30)
    tick(served, scheduler)
    assert len(served.fake.delivered("chat.postMessage")) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_post_answered_with_a_server_error_is_found_in_the_history_not_posted_again(
    serve: Callable[..., Served], status: int
) -> None:
    served, scheduler, clock = announce_world(serve, NEWS, "C0OTHER")
    served.fake.fail_next(
        "chat.postMessage", replace(failure(status, "internal_error"), posted=True)
    )
    report = tick(served, scheduler)
    assert (report.sent, report.retried) == (0, 1)
    clock.now += timedelta(seconds=6)
    report = tick(served, scheduler)
    assert (report.found, report.sent) == (1, 1)
    counts = Counter(c.payload["channel"] for c in served.fake.delivered("chat.postMessage"))
    assert counts == {NEWS: 1, "C0OTHER": 1}
    [message] = [
        c for c in served.fake.delivered("chat.postMessage") if c.payload["channel"] == NEWS
    ]
    [row] = [d for d in Deliveries(served.app.store).all() if d.key.target == NEWS]
    assert message.payload["metadata"]["event_payload"]["keys"] == row.key.token
    assert row.status == "sent" and row.duplicate_warning is None
    history = [c for c in served.fake.calls if c.method == "conversations.history"]
    assert [c.payload["channel"] for c in history] == [NEWS]  # looked only where in doubt


def test_a_direct_message_in_doubt_is_looked_for_in_the_persons_dm(
    serve: Callable[..., Served],
) -> None:
    served = serve()
    adapter = served.adapter
    keys = ["herald-aaaa", "herald-bbbb"]
    send(served, "U0ALICE", Reply(text="Reminder: applications close tomorrow"))
    since = datetime.now(UTC) - timedelta(minutes=5)
    assert served.loop.run(adapter.find("U0ALICE", keys, since)) == set()
    served.loop.run(adapter.send("U0ALICE", Reply(text="Reminder"), keys[:1]))
    assert served.loop.run(adapter.find("U0ALICE", keys, since)) == {"herald-aaaa"}
    assert served.loop.run(adapter.find("U0ALICE", keys, datetime.now(UTC))) == set()
    served.fake.unreadable.add("DU0ALICE")  # an install without im:history
    assert served.loop.run(adapter.find("U0ALICE", keys, since)) is None


def test_without_the_history_scope_it_is_sent_again_and_flagged(
    serve: Callable[..., Served],
) -> None:
    served, scheduler, clock = announce_world(serve, NEWS)
    served.fake.unreadable.add(NEWS)
    served.fake.fail_next("chat.postMessage", replace(failure(500, "internal_error"), posted=True))
    tick(served, scheduler)
    clock.now += timedelta(seconds=6)
    report = tick(served, scheduler)
    assert (report.found, report.sent) == (0, 1)
    assert len(served.fake.delivered("chat.postMessage")) == 2
    [row] = Deliveries(served.app.store).all()
    assert row.status == "sent" and "may have been sent twice" in (row.duplicate_warning or "")


def test_a_long_history_is_read_page_by_page(serve: Callable[..., Served]) -> None:
    served = serve()
    adapter = served.adapter
    since = datetime.now(UTC) - timedelta(minutes=5)
    served.loop.run(adapter.send(NEWS, Reply(text="announcement"), ["herald-old"]))
    for n in range(slack.HISTORY_PAGE + 5):  # newer chatter pushes it to the second page
        served.loop.run(adapter.send(NEWS, Reply(text=f"chatter {n}")))
    assert served.loop.run(adapter.find(NEWS, ["herald-old"], since)) == {"herald-old"}
    pages = [c for c in served.fake.calls if c.method == "conversations.history"]
    assert len(pages) == 2


def test_a_rate_limit_is_waited_out_by_the_ledger(serve: Callable[..., Served]) -> None:
    served, scheduler, clock = announce_world(serve, NEWS)
    served.fake.fail_next("chat.postMessage", failure(429, "ratelimited", **{"Retry-After": "2"}))
    report = tick(served, scheduler)
    assert (report.sent, report.retried) == (0, 1) and clock.slept == []
    clock.now += timedelta(seconds=2)
    report = tick(served, scheduler)
    assert report.sent == 1
    assert attempts(served, NEWS) == [(429, False), (200, True)]


def test_personal_reminders_go_to_the_persons_dm(serve: Callable[..., Served]) -> None:
    served = serve()
    send(served, "U0ALICE", Reply(text="Reminder: applications close tomorrow"))
    [call] = served.fake.delivered("chat.postMessage")
    assert call.payload["channel"] == "U0ALICE"
    served.fake.fail_next("chat.postMessage", failure(200, "cannot_dm_bot"))
    with pytest.raises(PermanentSendError):
        send(served, "UBOT", Reply(text="x"))


def test_the_manifest_asks_for_the_history_scopes_finding_a_message_needs() -> None:
    manifest = yaml.safe_load((ROOT / "deploy" / "slack-manifest.yaml").read_text())
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    # conversations.history in channels, private channels and DMs; conversations.open for DMs
    assert {"channels:history", "groups:history", "im:history", "im:write"} <= scopes

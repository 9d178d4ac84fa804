"""``/jobs subscribe|unsubscribe|subscriptions|remind`` through the real router and store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from schedfakes import MONDAY, Clock, FakeOutbox, posting_doc, publish, scheduler, settings, tick

from bot.app import build_router, database_context
from bot.commands import Platform, Reply, Request
from bot.store import Store
from bot.store.deliveries import PersonalReminders, Subscriptions

DEADLINE = date(2026, 12, 14)
ROUTER = build_router()


def ask(
    store: Store,
    line: str,
    *,
    now: datetime = MONDAY,
    channel: str = "C1",
    user: str = "U1",
    platform: Platform = "slack",
) -> Reply:
    request = Request.from_line(line, platform=platform, user=user, channel=channel, is_dm=False)
    ctx = database_context(store, settings(), now, request)
    return ROUTER.dispatch(request, ctx)


def test_subscribe_records_the_filters_and_says_what_will_come(store: Store) -> None:
    publish(store, MONDAY - timedelta(days=1), posting_doc("old", deadline=DEADLINE, remote=True))
    reply = ask(store, "/jobs subscribe remote archivist")
    assert reply.public and reply.error_id is None
    assert "follows `/jobs remote archivist` (subscription #1)" in reply.text
    assert "reminders 7 and 1 days before their deadlines" in reply.text
    assert "1 open posting already matches; it is not announced again" in reply.text
    (sub,) = Subscriptions(store).for_channel("slack", "C1")
    assert sub.filters.remote is True and sub.filters.terms == ("archivist",)
    assert sub.since == MONDAY and sub.created_by == "U1"

    again = ask(store, "/jobs subscribe remote archivist")
    assert "already subscribed" in again.text
    assert len(Subscriptions(store).for_channel("slack", "C1")) == 1


def test_subscribe_understands_organisations_like_jobs_does(store: Store) -> None:
    publish(store, MONDAY, posting_doc("a1", deadline=DEADLINE, organization="DataCite"))
    ask(store, "/jobs subscribe datacite")
    (sub,) = Subscriptions(store).for_channel("slack", "C1")
    assert sub.filters.organization == "datacite" and sub.filters.terms == ()


def test_closing_filters_all_and_pages_are_refused_with_a_reason(store: Store) -> None:
    reply = ask(store, "/jobs subscribe remote closing this month")
    assert "cannot use `closing …`" in reply.text and "Usage:" in reply.text
    assert "`all` has no meaning" in ask(store, "/jobs subscribe all").text
    assert "no pages" in ask(store, "/jobs subscribe remote page 2").text
    assert Subscriptions(store).all() == []


def test_unsubscribe_without_an_id_takes_the_only_one_or_asks(store: Store) -> None:
    assert "no subscriptions" in ask(store, "/jobs unsubscribe").text
    ask(store, "/jobs subscribe")
    reply = ask(store, "/jobs unsubscribe")
    assert reply.text == "Unsubscribed #1 (every new posting)."
    assert Subscriptions(store).for_channel("slack", "C1") == []

    ask(store, "/jobs subscribe remote")
    ask(store, "/jobs subscribe onsite")
    choose = ask(store, "/jobs unsubscribe")
    assert "which one?" in choose.text
    assert [a.value for a in choose.actions] == ["jobs unsubscribe 2", "jobs unsubscribe 3"]
    assert "no subscription #9" in ask(store, "/jobs unsubscribe 9").text
    # another channel cannot touch this channel's subscriptions
    assert "no subscriptions" in ask(store, "/jobs unsubscribe 2", channel="C-other").text
    assert ask(store, "/jobs unsubscribe #3").text.startswith("Unsubscribed #3")
    assert [s.id for s in Subscriptions(store).for_channel("slack", "C1")] == [2]


def test_subscriptions_lists_the_channels_and_the_users_reminders(store: Store) -> None:
    assert "no subscriptions" in ask(store, "/jobs subscriptions").text
    publish(store, MONDAY, posting_doc("a1", deadline=DEADLINE))
    ask(store, "/jobs subscribe remote")
    ask(store, "/jobs remind a1")
    Subscriptions(store).pause_target("slack", "C1", "not_in_channel", MONDAY)
    text = ask(store, "/jobs subscriptions").text
    assert "#1 `/jobs remote` (since 2026-11-23) — paused: not_in_channel" in text
    assert "Your reminders: `a1`" in text


def test_a_subscription_made_by_command_is_announced_by_the_scheduler(store: Store) -> None:
    clock = Clock(MONDAY)
    outbox = FakeOutbox()
    ask(store, "/jobs subscribe remote", channel="C-remote")
    ask(store, "/jobs subscribe", channel="C-all")
    publish(store, clock.advance(minutes=1), posting_doc("r1", deadline=DEADLINE, remote=True))
    publish(store, clock(), posting_doc("o1", deadline=DEADLINE, remote=False))
    tick(scheduler(store, outbox, clock))
    assert [r.postings[0].id for r in outbox.to("C-remote")] == ["r1"]
    assert sorted(r.postings[0].id for r in outbox.to("C-all")) == ["o1", "r1"]
    assert outbox.to("C-remote")[0].summary == "New opening matching `/jobs remote`:"


def test_remind_sends_direct_messages_before_the_deadline(store: Store) -> None:
    clock = Clock(MONDAY)
    publish(store, MONDAY, posting_doc("a1", deadline=DEADLINE))
    reply = ask(store, "/jobs remind A1", platform="matrix", user="@ann:example.org")
    assert "I will remind you by direct message" in reply.text
    assert "2026-12-07 09:00, 2026-12-13 09:00 (UTC)" in reply.text
    assert (
        "already have"
        in ask(store, "/jobs remind a1", platform="matrix", user="@ann:example.org").text
    )

    outbox = FakeOutbox(name="matrix")
    s = scheduler(store, outbox, clock)
    for day in (DEADLINE - timedelta(days=7), DEADLINE - timedelta(days=1)):
        clock.set(datetime(day.year, day.month, day.day, 9, tzinfo=UTC))
        tick(s)
        tick(s)
    sent = outbox.to("@ann:example.org")
    assert [r.summary for r in sent] == [
        "Reminder (you asked with `/jobs remind`): this posting closes in 7 days:",
        "Reminder (you asked with `/jobs remind`): this posting closes tomorrow:",
    ]


def test_remind_explains_when_there_is_nothing_to_remind(store: Store) -> None:
    publish(
        store,
        MONDAY,
        posting_doc("open-ended", deadline=None),
        posting_doc("closed", deadline=DEADLINE, closed=True),
        posting_doc("tomorrow", deadline=MONDAY.date()),
    )
    assert "has no deadline" in ask(store, "/jobs remind open-ended").text
    assert "no longer open" in ask(store, "/jobs remind closed").text
    assert "too soon" in ask(store, "/jobs remind tomorrow").text
    missing = ask(store, "/jobs remind open-endd")
    assert "No posting has the id" in missing.text and "/jobs remind open-ended" in missing.text
    assert "Usage:" in ask(store, "/jobs remind").text
    assert PersonalReminders(store).for_user("slack", "U1") == []


def test_the_console_is_told_it_receives_no_announcements(store: Store) -> None:
    reply = ask(store, "/jobs subscribe", platform="console", channel="console")
    assert "console receives no announcements" in reply.text


def test_a_refused_member_changes_nothing_but_a_herald_admin_may(store: Store) -> None:
    refusal = "Changing this room's subscriptions needs power level 50 here; yours is 0."

    def as_member(line: str, user: str, **changes: object) -> Reply:
        request = Request("matrix", user, "!room:x.org", "jobs", line, manage_refused=refusal)
        ctx = database_context(store, settings(**changes), MONDAY, request)
        return ROUTER.dispatch(request, ctx)

    reply = as_member("subscribe remote", "@eve:x.org")
    assert reply.text.startswith(refusal) and "Nothing was changed" in reply.text
    assert Subscriptions(store).for_channel("matrix", "!room:x.org") == []
    assert "follows" in as_member("subscribe remote", "@ed:x.org", admins=["@ed:x.org"]).text
    (sub,) = Subscriptions(store).for_channel("matrix", "!room:x.org")
    assert as_member(f"unsubscribe {sub.id}", "@eve:x.org").text.startswith(refusal)
    assert f"#{sub.id}" in as_member("subscriptions", "@eve:x.org").text  # reading is for all
    assert len(Subscriptions(store).for_channel("matrix", "!room:x.org")) == 1


def test_a_paused_channel_resumes_afresh_and_others_stay_as_they_were(store: Store) -> None:
    ask(store, "/jobs subscribe remote", channel="C1")
    ask(store, "/jobs subscribe datacite", channel="C1")
    ask(store, "/jobs subscribe remote", channel="C2")
    subs = Subscriptions(store)
    later = MONDAY + timedelta(days=3)
    assert len(subs.pause_target("slack", "C1", "Herald was removed", MONDAY)) == 2
    subs.pause_target("slack", "C2", "gone", MONDAY)
    resumed = subs.resume_target("slack", "C1", later)
    assert [s.filters_text for s in resumed] == ["remote", "datacite"]
    for sub in subs.for_channel("slack", "C1"):
        assert (sub.status, sub.reason, sub.since) == ("active", None, later)
    (other,) = subs.for_channel("slack", "C2")
    assert (other.status, other.reason) == ("paused", "gone")
    assert subs.resume_target("slack", "C1", later) == []  # nothing paused: nothing to say

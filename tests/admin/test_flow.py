"""Admin actions through the Router on the real store: add → preview → confirm → listed and
announced; edit moves reminders; close stops them; remove/restore; who may confirm."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest

from bot.admin.repository import AdminStore
from bot.announce import Schedule, upcoming
from bot.delivery import Filters, Subscription
from bot.domain import Posting

from .adminfakes import ADMIN_SLACK, NOW, Bench, FakeOutbox, find, shown_id, token_of

ADD = (
    '/jobs add title="Data Steward" organization="Metro Archive" location=Leiden '
    "deadline=2027-03-01 remote=yes contacts=steward@metro-archive.example.org "
    'salary="EUR 48,000 a year"'
)


def _subscribe(bench: Bench, channel: str = "C-news") -> None:
    from bot.store.deliveries import Subscriptions

    Subscriptions(bench.store).add("console", channel, "", Filters(), "U1", bench.clock.now)


def _tick(bench: Bench, outbox: FakeOutbox) -> None:
    from bot.scheduler import Scheduler

    scheduler = Scheduler(
        bench.store,
        bench.settings,
        {"console": outbox},
        holder="test",
        clock=bench.clock,
        sleep=bench.clock.sleep,
    )
    asyncio.run(scheduler.tick(bench.clock.now))


def _reminders(bench: Bench, posting: Posting) -> list[datetime]:
    """When subscribed channels would be reminded of ``posting`` over the next 200 days."""
    sub = Subscription(1, "console", "C1", "", Filters(), "active", NOW, NOW)
    due = upcoming(
        bench.clock.now,
        Schedule.from_settings(bench.settings),
        [sub],
        {1: [posting]},
        until=bench.clock.now + timedelta(days=200),
    )
    return [d.key.due_at for d in due if d.key.kind == "reminder"]


def test_add_preview_confirm_then_listed_and_announced(bench: Bench) -> None:
    _subscribe(bench)
    before = bench.store.counts()["postings"]
    files_before = bench.snapshot()

    preview = bench.ask(ADD)
    assert preview.text.startswith("Preview — nothing is stored until you confirm.")
    for expected in (
        "**Data Steward**",
        "Organisation: Metro Archive",
        "Location: Leiden · Remote: yes",
        "Deadline: 2027-03-01 (closes in 98 days)",
        "Salary: EUR 48,000 a year",
        "How to apply: steward@metro-archive.example.org",
        "File: postings/2026-11-23-metro-archive-data-steward.md",
    ):
        assert expected in preview.text
    assert "Possible duplicate" not in preview.text
    # a preview stores nothing and writes no file
    assert bench.store.counts()["postings"] == before
    assert bench.snapshot() == files_before

    bench.clock.advance(minutes=2)
    confirmed = bench.ask(f"/jobs confirm {token_of(preview)}")
    assert confirmed.text.startswith("Added **Data Steward**")
    posting = bench.posting(shown_id(confirmed))
    assert (posting.title, posting.organization, posting.deadline, posting.remote) == (
        "Data Steward",
        "Metro Archive",
        date(2027, 3, 1),
        True,
    )
    assert posting.first_seen == bench.clock.now
    assert bench.file(posting.source).is_file()
    assert posting.source == "postings/2026-11-23-metro-archive-data-steward.md"

    listed = bench.ask("/jobs metro")
    assert posting.id in [p.id for p in listed.postings]

    outbox = FakeOutbox()
    bench.clock.advance(minutes=1)
    _tick(bench, outbox)
    announced = [reply.text for target, reply in outbox.sent if target == "C-news"]
    assert len(announced) == 1
    assert "Data Steward" in announced[0]


def test_field_lines_and_markdown_add_the_same_way(bench: Bench) -> None:
    lines = bench.ask(
        "/jobs add\ntitle: Records Manager\norganization: Coastal Museum\n"
        "deadline: 1 March 2027\nopen until filled: no\n\nLooks after the museum's records."
    )
    assert "**Records Manager**" in lines.text and "Deadline: 2027-03-01" in lines.text
    markdown = bench.ask(
        "/jobs import\n---\ntitle: Records Officer\norganization: Coastal Museum\ntags: [jobs]\n"
        "---\n\nThe Coastal Museum seeks a records officer. Apply by 1 March 2027 to "
        "records@coastal.example.org."
    )
    assert "**Records Officer**" in markdown.text
    assert "How to apply: records@coastal.example.org" in markdown.text
    added = bench.ask(f"/jobs confirm {token_of(markdown)}")
    posting = bench.posting(shown_id(added))
    # an import is written as pasted
    text = bench.file(posting.source).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Records Officer\n")


def test_edit_deadline_changes_posting_file_and_reminders(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    assert archivist.deadline == date(2027, 1, 15)
    old = _reminders(bench, archivist)
    assert [d.date() for d in old] == [date(2027, 1, 8), date(2027, 1, 14)]

    reply = bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    assert "deadline 2027-01-15 → 2027-02-01" in reply.text
    edited = bench.posting(archivist.id)
    assert edited.deadline == date(2027, 2, 1)
    assert [d.date() for d in _reminders(bench, edited)] == [date(2027, 1, 25), date(2027, 1, 31)]
    # written where the loader reads it first; the rest of the file untouched
    text = bench.file(archivist.source).read_text(encoding="utf-8")
    assert "deadline: 2027-02-01" in text
    assert "tags: [jobs]  # shown on the jobs page" in text


@pytest.mark.parametrize(
    "change",
    [
        "deadline 2027-02-01",
        "deadline: 1 February 2027",
        "deadline to 2027-02-01",
        "closes 2027-02-01",
    ],
)
def test_one_field_is_edited_as_people_say_it(bench: Bench, change: str) -> None:
    """One field written as said, without the equals sign, is that field's new value."""
    archivist = find(bench, "Digital Archivist")
    reply = bench.ask(f"/jobs edit {archivist.id} {change}")
    assert "deadline 2027-01-15 → 2027-02-01" in reply.text
    assert bench.posting(archivist.id).deadline == date(2027, 2, 1)


def test_edit_title_keeps_the_id(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    bench.ask(f'/jobs edit {archivist.id} title="Senior Digital Archivist" salary="EUR 52,000"')
    edited = bench.posting(archivist.id)
    assert (edited.title, edited.salary) == ("Senior Digital Archivist", "EUR 52,000")
    assert bench.ask(f"/jobs show {archivist.id}").postings[0].title == "Senior Digital Archivist"


def test_close_hides_and_stops_reminders_reopen_announces_again(bench: Bench) -> None:
    _subscribe(bench)
    archivist = find(bench, "Digital Archivist")
    reply = bench.ask(f"/jobs close {archivist.id}")
    assert reply.text.startswith(f"Closed `{archivist.id}`")
    closed = bench.posting(archivist.id)
    assert closed.closed and not closed.is_open(NOW.date())
    assert archivist.id not in [p.id for p in bench.ask("/jobs metro").postings or ()]
    assert _reminders(bench, closed) == []
    assert "Applications are closed." in bench.file(archivist.source).read_text(encoding="utf-8")
    assert bench.ask(f"/jobs close {archivist.id}").text == f"`{archivist.id}` is already closed."

    bench.clock.advance(hours=1)
    reply = bench.ask(f"/jobs reopen {archivist.id}")
    assert reply.text.startswith(f"Reopened `{archivist.id}`")
    reopened = bench.posting(archivist.id)
    assert not reopened.closed and reopened.first_seen == bench.clock.now
    assert archivist.id in [p.id for p in bench.ask("/jobs metro").postings]
    outbox = FakeOutbox()
    bench.clock.advance(minutes=1)
    _tick(bench, outbox)
    assert [r.text for t, r in outbox.sent if "Digital Archivist" in r.text]


def test_close_then_reopen_restores_the_original_file(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    original = bench.file(archivist.source).read_bytes()
    bench.ask(f"/jobs close {archivist.id}")
    assert bench.file(archivist.source).read_bytes() != original
    bench.ask(f"/jobs reopen {archivist.id}")
    assert bench.file(archivist.source).read_bytes() == original


def test_reopen_refused_when_the_text_itself_says_closed(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    path = bench.file(archivist.source)
    path.write_text(
        path.read_text(encoding="utf-8") + "\nThis position has been filled.\n", encoding="utf-8"
    )
    bench.ask("/herald reload")
    assert bench.posting(archivist.id).closed
    before = bench.snapshot()
    reply = bench.ask(f"/jobs reopen {archivist.id}")
    assert "This position has been filled." in reply.text
    assert "Nothing was changed." in reply.text
    assert bench.snapshot() == before


def test_remove_and_restore(bench: Bench) -> None:
    developer = find(bench, "Frontend Developer")
    files = bench.snapshot()
    reply = bench.ask(f"/jobs remove {developer.id}")
    assert f"`/jobs restore {developer.id}`" in reply.text
    assert bench.posting(developer.id).status == "removed"
    assert developer.id not in [p.id for p in bench.ask("/jobs").postings]
    assert bench.snapshot() == files  # moderation, not content: no file changes
    # a removal survives a reload and a change of the file
    bench.ask("/herald reload")
    assert bench.posting(developer.id).status == "removed"
    assert bench.ask(f"/jobs close {developer.id}").text.startswith(f"`{developer.id}` is removed")

    assert bench.ask(f"/jobs restore {developer.id}").text == f"Restored `{developer.id}`."
    assert bench.posting(developer.id).status == "active"
    assert developer.id in [p.id for p in bench.ask("/jobs open maps").postings]
    assert bench.ask(f"/jobs restore {developer.id}").text == f"`{developer.id}` is not removed."


def test_only_the_author_confirms_and_previews_expire(bench: Bench) -> None:
    preview = bench.ask(ADD, platform="slack", user=ADMIN_SLACK)
    token = token_of(preview)
    other = bench.ask(f"/jobs confirm {token}")  # the console is an admin too, but not the author
    assert other.text == "Only the admin who asked for this preview can confirm or cancel it."
    bench.clock.advance(hours=1, seconds=1)
    late = bench.ask(f"/jobs confirm {token}", platform="slack", user=ADMIN_SLACK)
    assert late.text.startswith("That preview expired at 2026-11-23 11:00 UTC")
    assert bench.store.counts()["postings"] == 4

    again = bench.ask(ADD, platform="slack", user=ADMIN_SLACK)
    assert bench.ask(
        f"/jobs cancel {token_of(again)}", platform="slack", user=ADMIN_SLACK
    ).text == ("Cancelled; nothing was stored.")
    reply = bench.ask(f"/jobs confirm {token_of(again)}", platform="slack", user=ADMIN_SLACK)
    assert reply.text == "That preview was already cancelled."
    assert bench.ask("/jobs confirm nope").text == "No preview has the token `nope`."


def test_confirming_twice_adds_once(bench: Bench) -> None:
    token = token_of(bench.ask(ADD))
    assert bench.ask(f"/jobs confirm {token}").text.startswith("Added")
    assert bench.ask(f"/jobs confirm {token}").text == "That preview was already confirmed."
    assert bench.store.counts()["postings"] == 5


def test_duplicate_is_flagged_in_the_preview(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    reply = bench.ask('/jobs add title="Digital Archivist" organization="Metro Archive"')
    assert f"⚠ Possible duplicate: `{archivist.id}`" in reply.text


def test_past_deadline_edit_needs_a_confirm(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    reply = bench.ask(f"/jobs edit {archivist.id} deadline=2026-11-01")
    assert "has already passed" in reply.text
    assert bench.posting(archivist.id).deadline == date(2027, 1, 15)
    bench.ask(f"/jobs confirm {token_of(reply)}")
    assert bench.posting(archivist.id).deadline == date(2026, 11, 1)
    assert not bench.posting(archivist.id).is_open(NOW.date())


def test_edit_the_text_contradicts_is_refused(bench: Bench) -> None:
    developer = find(bench, "Frontend Developer")
    before = bench.snapshot()
    reply = bench.ask(f"/jobs edit {developer.id} remote=no")
    assert "You set remote to no, but Herald reads yes from “The team is fully remote" in (
        reply.text
    )
    assert bench.snapshot() == before
    assert bench.posting(developer.id).remote is True
    assert AdminStore(bench.store).recent() == []


def test_one_of_several_openings_cannot_be_edited_but_can_be_removed(bench: Bench) -> None:
    registrar = find(bench, "Registrar")
    reply = bench.ask(f"/jobs close {registrar.id}")
    assert "is one of 2 openings on one page (postings/2026-11-05-coastal-two-openings.md)" in (
        reply.text
    )
    assert not bench.posting(registrar.id).closed
    bench.ask(f"/jobs remove {registrar.id}")
    assert bench.posting(registrar.id).status == "removed"
    assert find(bench, "Conservator").status == "active"


def test_unknown_posting_and_bad_usage(bench: Bench) -> None:
    assert bench.ask("/jobs close no-such-posting").text.startswith(
        "No posting has the id `no-such-posting`."
    )
    assert "Give one posting id" in bench.ask("/jobs remove").text
    assert "What should change?" in bench.ask(f"/jobs edit {find(bench, 'Registrar').id}").text
    # "close" followed by a search phrase is still a search
    assert "closing this week" in bench.ask("/jobs close this week").text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("colour=blue", "Unknown field “colour”. Known fields: title, organization, location"),
        ("deadline=32/13/2024", "The deadline “32/13/2024” is not a date"),
        ("url=www.example", "is not a web address; it should start with https://"),
        ("contacts=jobs-at-example", "is neither an email address nor a web address"),
        ("description=new", "The description cannot be changed from chat; edit the file"),
        ('title=""', "The title cannot be empty."),
        ("please make it later", "expected field=value, found “please”"),
        ("deadline 2027-03-01 remote=no", "expected field=value, found “deadline”"),
    ],
)
def test_edit_validation_messages(bench: Bench, change: str, message: str) -> None:
    archivist = find(bench, "Digital Archivist")
    before = bench.snapshot()
    reply = bench.ask(f"/jobs edit {archivist.id} {change}")
    assert message in reply.text
    assert bench.snapshot() == before


def test_a_racing_second_confirm_adds_nothing(bench: Bench) -> None:
    """A double click: the first confirm has claimed the preview when the second arrives."""
    token = token_of(bench.ask(ADD))
    records = AdminStore(bench.store)
    assert records.claim_pending(token)
    assert bench.ask(f"/jobs confirm {token}").text == "That preview is being confirmed right now."
    assert bench.store.counts()["postings"] == 4


def test_a_refused_confirm_can_be_tried_again(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    token = token_of(bench.ask(f"/jobs edit {archivist.id} deadline=2026-11-01"))
    path = bench.file(archivist.source)
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nA note.\n", encoding="utf-8")
    assert "changed on disk" in bench.ask(f"/jobs confirm {token}").text
    path.write_text(original, encoding="utf-8")
    assert bench.ask(f"/jobs confirm {token}").text.startswith(f"Updated `{archivist.id}`")
    assert bench.posting(archivist.id).deadline == date(2026, 11, 1)

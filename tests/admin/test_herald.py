"""``/herald reload|status|audit`` and the audit trail's content."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from bot.admin.repository import AdminStore

from .adminfakes import ADMIN_SLACK, Bench, find, token_of


def test_reload_reports_and_is_audited(bench: Bench) -> None:
    (bench.content / "postings" / "2026-11-20-extra.md").write_text(
        "---\ntitle: Archivist wanted\ntags: [jobs]\n---\nThe Atlas Trust seeks an archivist.\n",
        encoding="utf-8",
    )
    reply = bench.ask("/herald reload", platform="slack", user=ADMIN_SLACK)
    assert reply.text == (
        "Reloaded content: 1 added, 0 updated, 3 unchanged, 0 withdrawn, 0 failed."
    )
    (entry,) = AdminStore(bench.store).recent()
    assert (entry.action, entry.platform, entry.user) == ("reload", "slack", ADMIN_SLACK)
    assert entry.after == {"added": 1, "updated": 0, "unchanged": 3, "withdrawn": 0, "failed": 0}
    assert entry.note == "+postings/2026-11-20-extra.md"


def test_reload_lists_failed_files(bench: Bench) -> None:
    (bench.content / "postings" / "empty.md").write_bytes(b"")
    reply = bench.ask("/herald reload")
    assert "1 failed" in reply.text and "• failed: postings/empty.md:" in reply.text


def test_status(bench: Bench) -> None:
    bench.ask('/jobs add title="Data Steward"')
    bench.ask("/herald reload")
    text = bench.ask("/herald status").text
    assert text.splitlines()[:2] == [
        "Herald status",
        "Postings: 4 (4 active, 0 withdrawn, 0 removed) · documents: 3 · passages: 5",
    ]
    assert "Content last changed: 2026-11-23 10:00 UTC" in text
    assert "Last reload from chat: 2026-11-23 10:00 UTC by console:console" in text
    assert "Previews waiting for a confirm: 1" in text
    assert "Scheduler leader: none (no replica holds the lease) · deliveries waiting: 0" in text


def test_status_names_claims_in_flight_and_what_may_have_gone_twice(bench: Bench) -> None:
    from datetime import timedelta

    from bot.delivery import DeliveryKey, Due
    from bot.store.deliveries import Deliveries, Lease

    now = bench.clock.now
    ledger = Deliveries(bench.store)
    keys = [DeliveryKey("announce", f"p{n}", "slack", f"C{n}", now) for n in range(3)]
    ledger.record([Due(k, posting_id=k.subject) for k in keys], now)
    first, second, third = ledger.all()
    assert Lease(bench.store).acquire("replica-a", now, timedelta(seconds=15))
    for row in (first, second, third):
        assert ledger.claim(row.id, "replica-a", now)
    ledger.retry_later(second.id, now, "no answer within 5 s", in_doubt=True)
    ledger.confirm(third.id, now)
    ledger.warn_duplicate(third.id, "may have been sent twice: …")
    text = bench.ask("/herald status").text
    assert "Scheduler leader: replica-a · deliveries waiting: 2" in text
    assert "Outcome unknown: 1 (looked for on the platform before any resend)" in text
    assert "May have been sent twice: 1 (`herald schedule` lists them)" in text
    at = "2026-11-23 10:00 UTC"
    assert (
        f"• #{third.id} announce p2 to slack:C2: sent, claimed by replica-a at {at}, "
        "attempt 1, may have been sent twice" in text
    )
    assert (
        f"• #{second.id} announce p1 to slack:C1: pending, claimed by replica-a at {at}, "
        "attempt 1, outcome unknown" in text
    )
    assert (
        f"• #{first.id} announce p0 to slack:C0: sending, claimed by replica-a at {at}, "
        "attempt 1" in text
    )


def test_status_without_the_scheduler_tables(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.store import deliveries

    def missing(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT … FROM scheduler_leases", {}, Exception("no such table"))

    monkeypatch.setattr(deliveries.Lease, "holder", missing)
    text = bench.ask("/herald status").text
    assert "Scheduler leader" not in text
    assert "The scheduler's tables do not exist yet (`herald db upgrade`)." in text


def test_audit_shows_who_did_what_newest_first(bench: Bench) -> None:
    archivist = find(bench, "Digital Archivist")
    preview = bench.ask('/jobs add title="Data Steward"', platform="slack", user=ADMIN_SLACK)
    bench.ask(f"/jobs confirm {token_of(preview)}", platform="slack", user=ADMIN_SLACK)
    bench.clock.advance(minutes=5)
    bench.ask(f"/jobs edit {archivist.id} deadline=2027-02-01")
    bench.clock.advance(minutes=5)
    bench.ask(f"/jobs remove {archivist.id}")

    lines = bench.ask("/herald audit").text.splitlines()
    assert lines[0] == "The last 3 admin actions:"
    assert lines[1] == (
        f"• 2026-11-23 10:10 UTC · console:console · remove `{archivist.id}` — "
        "status active → removed"
    )
    assert lines[2] == (
        f"• 2026-11-23 10:05 UTC · console:console · edit `{archivist.id}` — "
        "deadline 2027-01-15 → 2027-02-01"
    )
    assert lines[3].startswith(f"• 2026-11-23 10:00 UTC · slack:{ADMIN_SLACK} · add `")
    assert lines[3].endswith("written to postings/2026-11-23-data-steward.md")
    assert bench.ask("/herald audit 1").text.splitlines()[0] == "The last 1 admin action:"

    edit = AdminStore(bench.store).recent(2)[1]
    assert edit.before is not None and edit.after is not None
    assert (edit.before["deadline"], edit.after["deadline"]) == ("2027-01-15", "2027-02-01")
    assert edit.source == archivist.source


def test_audit_usage(bench: Bench) -> None:
    assert bench.ask("/herald audit").text == "No admin actions yet."
    assert "Give how many actions to show" in bench.ask("/herald audit lots").text
    told = bench.ask("/herald dance").text
    assert told.startswith("Say what to do with `/herald`.")
    # usage generated from the declared verbs; the console is an admin, so it sees theirs
    assert "`/herald ask <question>`" in told and "`/herald audit [n]`" in told


def test_herald_followed_by_a_sentence_is_asked_it(bench: Bench) -> None:
    """/herald is "Ask a question in plain words": "/herald is datacite hiring?" (typed
    without "ask", as its help reads) is that question, not "Say what to do"."""
    asked = bench.ask("/herald how do I join the iiif consortium?")
    assert asked.text == bench.ask("/herald ask how do I join the iiif consortium?").text
    assert not asked.text.startswith("Say what to do")


def test_herald_help_and_a_command_is_that_commands_help(bench: Bench) -> None:
    """``/herald help jobs`` is /herald's own example (on Slack, /herald may be the only slash
    command there is)."""
    assert bench.ask("/herald help jobs").text == bench.ask("/help jobs").text
    assert bench.ask("/herald help").text.startswith("`/herald`")


def test_a_mistyped_herald_verb_is_offered_the_verb(bench: Bench) -> None:
    reply = bench.ask("/herald statu")
    assert reply.text.startswith("There is no `/herald statu`. Did you mean `/herald status`?")

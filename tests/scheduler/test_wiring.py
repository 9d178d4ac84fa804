"""The scheduler under APScheduler and ``herald run``'s runtime, and ``herald schedule``."""

from __future__ import annotations

import asyncio
import gc
import json
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from schedfakes import Clock, FakeOutbox, posting_doc, publish, settings, subscribe
from typer.testing import CliRunner

from bot.__main__ import cli
from bot.clock import system_clock
from bot.delivery import DeliveryKey, Due
from bot.runtime import serve
from bot.scheduler import Scheduler
from bot.store import Store
from bot.store.deliveries import Deliveries, Lease


class FakeAdapter(FakeOutbox):
    """An adapter as the runtime sees it: an outbox that starts and stops."""

    started = False

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.started = False


def test_herald_run_starts_the_scheduler_beside_the_adapters(store: Store) -> None:
    now = system_clock()
    deadline = (now + timedelta(days=30)).date()
    subscribe(store, "C1", now - timedelta(minutes=1))
    publish(store, now, posting_doc("a1", deadline=deadline))
    adapter = FakeAdapter(name="slack")
    scheduler = Scheduler(
        store, settings(scheduler_tick_seconds=0.05), {"slack": adapter}, holder="run-1"
    )

    async def main() -> None:
        stop = asyncio.Event()
        running = asyncio.create_task(serve([adapter], stop, [scheduler]))
        for _ in range(200):
            await asyncio.sleep(0.02)
            if adapter.sent:
                break
        assert Lease(store).holder(system_clock()) == "run-1"
        await asyncio.sleep(0.2)  # several more ticks: still once
        stop.set()
        await running

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 5
    assert adapter.counts() == {"C1": 1}
    assert not adapter.started
    assert Lease(store).holder(system_clock()) is None  # given up on a clean stop


def test_herald_schedule_shows_what_is_due_and_what_was_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'herald.db'}"
    monkeypatch.setenv("HERALD_DATABASE_URL", url)
    monkeypatch.setenv("HERALD_DIGEST_WEEKDAY", "0")
    monkeypatch.chdir(tmp_path)
    store = Store.open(url)
    store.upgrade()
    now = system_clock()
    soon = (now + timedelta(days=5)).date()
    subscribe(store, "C1", now - timedelta(hours=1))
    publish(store, now - timedelta(minutes=1), posting_doc("a1", deadline=soon))
    outbox = FakeOutbox()
    asyncio.run(Scheduler(store, settings(), {"slack": outbox}, holder="cli-test").tick(now))
    store.close()
    assert outbox.counts() == {"C1": 1}

    result = CliRunner().invoke(cli, ["schedule", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["leader"] == "cli-test"
    assert [(s["kind"], s["subject"], s["to"], s["status"]) for s in data["sent"]] == [
        ("announce", "a1", "slack:C1", "sent")
    ]
    upcoming = [(u["kind"], u["subject"]) for u in data["upcoming"]]
    assert ("reminder", "a1") in upcoming and ("digest", "subscription:1") in upcoming
    reminder_due = next(u["due"] for u in data["upcoming"] if u["kind"] == "reminder")
    assert datetime.fromisoformat(reminder_due) == datetime.combine(
        soon - timedelta(days=1), datetime.min.time().replace(hour=9), tzinfo=UTC
    )
    assert all(isinstance(date.fromisoformat(u["due"][:10]), date) for u in data["upcoming"])

    text = CliRunner().invoke(cli, ["schedule"])
    assert text.exit_code == 0, text.output
    assert "Scheduler: cli-test" in text.output
    assert "Sent recently" in text.output and "slack:C1" in text.output
    assert "Waiting to be sent: none" in text.output


def test_apscheduler_is_imported_by_the_scheduler_module_only() -> None:
    root = Path(__file__).resolve().parents[2]
    importers = sorted(
        str(path.relative_to(root))
        for folder in ("bot", "handlers")
        for path in (root / folder).rglob("*.py")
        if "apscheduler" in path.read_text(encoding="utf-8")
        and any(
            line.lstrip().startswith(("import apscheduler", "from apscheduler"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    )
    assert importers == ["bot/scheduler.py"]


def test_the_migrations_form_one_line() -> None:
    from alembic.script import ScriptDirectory

    from bot.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert script.get_revision("0003").down_revision == "0002"  # type: ignore[union-attr]


def test_herald_schedule_shows_claims_attempts_and_what_may_have_gone_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'herald.db'}"
    monkeypatch.setenv("HERALD_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    store = Store.open(url)
    store.upgrade()
    now = system_clock()
    for channel in ("C1", "C2", "C3"):
        subscribe(store, channel, now - timedelta(hours=1))
    publish(store, now - timedelta(minutes=1), posting_doc("a1"))
    outbox = FakeOutbox(history=False)  # a platform that cannot tell what it received
    outbox.fail_after_posting("C2", TimeoutError())
    clock = Clock(now)
    scheduler = Scheduler(
        store, settings(), {"slack": outbox}, holder="cli-test", clock=clock, sleep=clock.sleep
    )
    asyncio.run(scheduler.tick())
    clock.advance(seconds=6)
    asyncio.run(scheduler.tick())  # C2 again: maybe twice
    # a replica that died mid-send leaves a claim behind
    later = now + timedelta(minutes=1)
    Deliveries(store).record([Due(DeliveryKey("announce", "a1", "slack", "C9", now))], now)
    (row,) = [d for d in Deliveries(store).all() if d.key.target == "C9"]
    assert Lease(store).acquire("dead-replica", later, timedelta(seconds=15))
    assert Deliveries(store).claim(row.id, "dead-replica", later)
    store.close()

    result = CliRunner().invoke(cli, ["schedule", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    by_target = {s["to"]: s for s in data["sent"]}
    assert by_target["slack:C2"]["attempts"] == 2
    assert by_target["slack:C2"]["claimed_by"] == "cli-test"
    assert datetime.fromisoformat(by_target["slack:C2"]["claimed_at"]) == now + timedelta(seconds=6)
    assert "may have been sent twice" in by_target["slack:C2"]["maybe_sent_twice"]
    assert by_target["slack:C1"]["maybe_sent_twice"] is None
    [waiting] = data["waiting"]
    assert (waiting["to"], waiting["status"], waiting["claimed_by"]) == (
        "slack:C9",
        "sending",
        "dead-replica",
    )
    assert datetime.fromisoformat(waiting["claimed_at"]) == later
    assert [a["to"] for a in data["attention"]] == ["slack:C9", "slack:C2"]
    text = CliRunner().invoke(cli, ["schedule"], env={"COLUMNS": "300"})
    assert "maybe sent twice" in text.output and "may have been sent twice" in text.output


def test_once_started_the_runtime_hides_what_is_alive_from_the_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen: list[bool] = []
    # recorded, not done: this test process keeps collecting as usual
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    adapter = FakeAdapter(name="slack")

    async def main() -> None:
        stop = asyncio.Event()
        running = asyncio.create_task(serve([adapter], stop))
        for _ in range(100):
            await asyncio.sleep(0.01)
            if frozen:
                break
        assert adapter.started and frozen == [True]
        stop.set()
        await running

    asyncio.run(main())

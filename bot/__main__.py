"""The ``herald`` command line: load content, inspect the store, talk to Herald in a terminal."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

# Start-up time is a feature: ``herald --help`` imports typer and nothing of Herald's, and each
# command imports what it needs (SQLAlchemy, Alembic, the loader, Bolt, nio) in its own body.
# tests/cli/test_imports.py holds this module to that.
if TYPE_CHECKING:
    from rich.console import Console

    from bot.app import App
    from bot.config import Settings
    from bot.domain import LoadReport


class _Commands(TyperGroup):
    """Herald's commands; output cut short by its reader (``herald postings --json | head``)
    ends the command quietly with status 0, as it does for cat or grep."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # what is still buffered goes nowhere, so the exit's flush cannot fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None


cli = typer.Typer(
    cls=_Commands,
    name="herald",
    help="Herald: job openings and FAQ answers for the cultural-heritage community.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # docstrings are wrapped at the source's width: Markdown joins their lines into paragraphs
    rich_markup_mode="markdown",
)
db_cli = typer.Typer(
    help="Database maintenance.", no_args_is_help=True, rich_markup_mode="markdown"
)
cli.add_typer(db_cli, name="db")
slack_cli = typer.Typer(
    help="Setting up the Slack app.", no_args_is_help=True, rich_markup_mode="markdown"
)
cli.add_typer(slack_cli, name="slack")


def _out() -> Console:
    # a new one each time: a Console made while COLUMNS is set keeps that width for good
    return _output_class()()


@cache
def _output_class() -> type[Console]:
    from rich.console import Console

    class Output(Console):
        def on_broken_pipe(self) -> None:
            # rich exits with 1 here; the command group ends a cut-short output with 0
            self.quiet = True
            raise BrokenPipeError

    return Output


def _err() -> Console:
    from rich.console import Console

    # soft_wrap: an error is one line however narrow the terminal (or a log collector's pipe)
    return Console(stderr=True, soft_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


# Libraries that log every retry as a warning ("Timed out, sleeping for 0s"); the adapters
# report what matters themselves, so these speak only at HERALD_LOG_LEVEL=INFO or DEBUG.
CHATTY_LOGGERS = ("nio",)


def _settings() -> Settings:
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    from bot.config import Settings, env_name

    try:
        settings = Settings()
    except SettingsError as exc:
        # a list or object setting that is not JSON (HERALD_ADMINS=U0123): pydantic-settings
        # names the field only in its message
        field = re.search(r'field "(\w+)"', str(exc))
        name = env_name(field.group(1)) if field else "a setting"
        _err().print(
            f"[red]Invalid setting:[/] {_escape(name)}: not valid JSON; write a JSON list or "
            'object, e.g. ["U0123"] or [7, 1]'
        )
        raise typer.Exit(2) from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{env_name(str(e['loc'][0])) if e['loc'] else 'settings'}: "
            + e["msg"].removeprefix("Value error, ")
            for e in exc.errors()
        )
        _err().print(f"[red]Invalid setting:[/] {_escape(problems)}")
        raise typer.Exit(2) from None
    level = logging.getLevelName(settings.log_level.upper())
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if isinstance(level, int) and level >= logging.WARNING:
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)
    return settings


@contextmanager
def _app(settings: Settings, *, now: date | None = None, upgrade: bool = True) -> Iterator[App]:
    """Open the store (migrating it unless told not to), turning database trouble into one line."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.app import build
    from bot.clock import fixed_clock, system_clock
    from bot.domain import SchemaUnknown, StoreUnavailable

    clock = fixed_clock(now) if now is not None else system_clock
    try:
        app = build(settings, clock=clock)
    except (SQLAlchemyError, StoreUnavailable, OSError) as exc:
        reason = exc.__cause__ if isinstance(exc, StoreUnavailable) else exc
        _err().print(
            # str() of the URL masks its password
            f"[red]Cannot open the database {_escape(str(settings.database_url))}:[/] "
            f"{_escape(str(reason).splitlines()[0])}"
        )
        raise typer.Exit(2) from exc
    try:
        if upgrade:
            app.store.upgrade()
        yield app
    except (SQLAlchemyError, SchemaUnknown) as exc:
        _err().print(
            f"[red]Database error on {_escape(str(settings.database_url))}:[/] "
            f"{_escape(str(exc).splitlines()[0])}"
        )
        raise typer.Exit(2) from exc
    finally:
        app.close()


def _print_report(report: LoadReport, seconds: float) -> None:
    from rich.table import Table

    counts = report.counts()
    table = Table(title="Load summary", show_header=True)
    for name in counts:
        table.add_column(name, justify="right")
    table.add_row(*(str(v) for v in counts.values()))
    _out().print(table)
    files = sum(counts.values()) - counts["withdrawn"]
    if seconds > 0 and files:
        _out().print(f"{files} files in {seconds:.2f} s ({files / seconds:,.0f} files/s)")
    from bot.store.keys import split_key

    # paths in their source: a folder loaded by path has its whole path as its name
    for failure in report.failed:
        _out().print(
            f"[red]failed[/]  {_escape(split_key(failure.path)[1])}: {_escape(failure.reason)}"
        )
    for warning in report.warnings:
        _out().print(
            f"[yellow]warning[/] {_escape(split_key(warning.path)[1])}: {_escape(warning.reason)}"
        )
    for source in report.withdrawn:
        _out().print(f"[dim]withdrawn[/] {_escape(split_key(source)[1])}")


@cli.command()
def load(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Folder of Markdown files, synced as its own source (default: "
            "every configured source)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 if any file failed.")] = False,
    force: Annotated[
        bool,
        typer.Option(help="Withdraw even when more than half of a source's documents would go."),
    ] = False,
) -> None:
    """Load (sync) sources of postings and FAQ pages into the store; each sync withdraws
    only its own source's documents."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from bot.health import sync_content
    from bot.sources import merged

    settings = _settings()
    if folder is not None and not folder.is_dir():
        # "herald load posting.md": a file is loaded with its folder, never alone
        said = "is a file, not a folder" if folder.exists() else "no such folder"
        _err().print(f"[red]{_escape(str(folder))}: {said}[/] (give the folder of the pages)")
        raise typer.Exit(2)
    with _app(settings) as app:
        started = datetime.now()
        with Progress(
            TextColumn("Loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=_err(),
            transient=True,
        ) as progress:
            task = progress.add_task("load", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            results = sync_content(app, folder, progress=advance, force=force)
        report = merged([r for r in results if r.report is not None])
        _print_report(report, (datetime.now() - started).total_seconds())
        for result in results:
            if result.error:
                _err().print(
                    f"[red]Source {_escape(result.name)} not synced:[/] {_escape(result.error)}"
                )
    if any(r.error for r in results) or (strict and report.failed):
        raise typer.Exit(1)


@cli.command()
def sources(
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
    withdraw: Annotated[
        str | None,
        typer.Option(
            help="Withdraw every posting of this source, which is no longer configured (e.g. "
            "'content' after moving to HERALD_SOURCES, or a folder loaded by path)."
        ),
    ] = None,
) -> None:
    """List the sources: what each holds, when it last synced, from which commit, and the
    last error."""
    settings = _settings()
    with _app(settings) as app:
        if withdraw is not None:
            _withdraw_source(app, withdraw)
        records = {r.name: r for r in app.sources.records.all()}
        configured = {s.name: s for s in app.sources.configured}
    rows = [
        _source_row(name, configured.get(name), records.get(name))
        for name in [*configured, *(n for n in records if n not in configured)]
    ]
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    _print_sources(rows)


def _withdraw_source(app: App, name: str) -> None:
    if app.sources.named(name) is not None:
        _err().print(
            f"[red]{_escape(name)} is configured:[/] its next sync would load it "
            "again; remove it from HERALD_SOURCES first."
        )
        raise typer.Exit(2)
    known = [r.name for r in app.sources.records.all()]
    if name not in known:  # a mistyped name withdrew nothing and said "Withdrew 0 documents"
        listed = ", ".join(known) or "none"
        _err().print(f"[red]No source is named {_escape(name)}.[/] Sources: {_escape(listed)}.")
        raise typer.Exit(2)
    gone = app.store.withdraw_missing(set(), app.clock(), name)
    _err().print(f"Withdrew {len(gone)} documents of {_escape(name)}.")


def _source_row(name: str, source: Any, record: Any) -> dict[str, Any]:
    from bot.sources import kind_of, location_of

    if source is not None:
        kind, location = kind_of(source), location_of(source)
    else:
        kind, location = (record.kind, record.location) if record else ("?", "")
    synced_at = record.synced_at if record else None
    return {
        "name": name,
        "kind": kind,
        "location": location,
        "configured": source is not None,
        "documents": record.documents if record else 0,
        "postings": record.postings if record else 0,
        "synced_at": synced_at.isoformat() if synced_at else None,
        "commit": record.synced_commit if record else None,
        "error": record.error if record else None,
    }


def _print_sources(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Sources")
    columns = ("name", "kind", "location", "documents", "postings", "last sync", "commit", "error")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        name = str(row["name"]) + ("" if row["configured"] else " (not configured)")
        cells = (
            name,
            row["kind"],
            row["location"],
            row["documents"],
            row["postings"],
            row["synced_at"] or "never",
            (row["commit"] or "")[:10],
            row["error"] or "",
        )
        table.add_row(*(_escape(str(v)) for v in cells))
    _out().print(table)


@cli.command()
def postings(
    as_json: Annotated[bool, typer.Option("--json", help="Print every field as JSON.")] = False,
    include_all: Annotated[
        bool, typer.Option("--all/--active", help="Include withdrawn and removed postings.")
    ] = True,
    now: Annotated[
        str | None, typer.Option(help="Say where each stands as of this day (YYYY-MM-DD).")
    ] = None,
) -> None:
    """List what the store holds: each posting's facts and where it stands, in chat's words."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from bot.commands import Request, posting_json
    from bot.present import posting_card, status_words

    settings = _settings()
    with _app(settings, now=_parse_now(now)) as app:
        items = app.store.all_postings(include_inactive=include_all)
        today = app.context(Request.from_line("/jobs")).today
    if as_json:
        sys.stdout.write(json.dumps([posting_json(p) for p in items], indent=2, ensure_ascii=False))
        sys.stdout.write("\n")
        return
    # Two columns, so 80 are enough: the posting (title; the facts chat shows; the id, which
    # /jobs show takes and is never broken) and where it stands, in chat's words.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, leading=1)
    table.add_column("posting", ratio=3, overflow="fold")
    table.add_column("status", ratio=2)
    for p in items:
        card = posting_card(p, today, settings.freshness)
        words = status_words(p, card.state, today)
        cell = Text(p.title, style="bold")
        if facts := [fact for fact in card.facts if fact != words]:
            cell.append("\n" + " · ".join(facts))
        cell.append("\n" + p.id, style="cyan")
        status = Text(words, style=_STATE_STYLES.get(card.state, "yellow"))
        if p.deadline is not None and p.deadline_inferred:
            status.append("\n(year inferred from the posting date)", style="dim")
        table.add_row(cell, status)
    _out().print(table)
    _out().print(f"{len(items)} postings, as of {today.isoformat()}")


_STATE_STYLES = {"open": "green", "withdrawn": "dim"}


def _parse_now(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date like 2019-05-20") from exc


@cli.command()
def ask(
    line: Annotated[str, typer.Argument(help='One command, e.g. "/jobs remote".')],
    as_json: Annotated[bool, typer.Option("--json", help="Print the structured reply.")] = False,
    now: Annotated[
        str | None, typer.Option(help="Evaluate dates as of this day (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Ask Herald one command and print the reply (Markdown text when piped)."""
    from dataclasses import replace

    from bot.commands import Request
    from bot.platforms.console import render, render_text

    settings = _settings()
    with _app(settings, now=_parse_now(now)) as app:
        _first_start(app)
        # the console's request: nothing can be sent to it later
        reply = app.handle(replace(Request.from_line(line), delivers=False))
    if as_json:
        sys.stdout.write(json.dumps(reply.to_json(), indent=2, ensure_ascii=False) + "\n")
    elif _out().is_terminal:
        _out().print(render(reply))
    else:
        sys.stdout.write(render_text(reply) + "\n")
    if reply.error_id:
        raise typer.Exit(1)


@cli.command()
def console(
    now: Annotated[
        str | None, typer.Option(help="Evaluate dates as of this day (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Chat with Herald in the terminal (syncs the content folder first)."""
    from bot.platforms.console import run_console

    settings = _settings()
    with _app(settings, now=_parse_now(now)) as app:
        report = app.load()  # each source withdraws only its own documents
        if sys.stdin.isatty():
            _out().print(_banner(app, report))
            for failure in report.failed:
                _out().print(f"[red]failed[/] {_escape(failure.path)}: {_escape(failure.reason)}")
        run_console(app.router, app.context)


@cli.command()
def run() -> None:
    """Serve every configured chat platform (Slack, Matrix) until interrupted."""
    from bot.health import sync_content
    from bot.platforms.base import ConfigurationError
    from bot.runtime import run as serve

    settings = _settings()
    with _app(settings) as app:
        from bot.sources import merged

        report = merged(sync_content(app))
        for failure in report.failed:
            _err().print(f"[red]failed[/] {_escape(failure.path)}: {_escape(failure.reason)}")
        try:
            serve(app)
        except ConfigurationError as exc:
            _err().print(f"[red]{_escape(str(exc))}[/]")
            raise typer.Exit(2) from exc


@cli.command()
def schedule(
    days: Annotated[int, typer.Option(help="How far ahead to look.", min=1)] = 14,
    limit: Annotated[int, typer.Option(help="How many sent messages to show.", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """Show what the scheduler will send next and what it sent (from the database)."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from rich.table import Table

    from bot.scheduler import Scheduler, describe

    settings = _settings()
    with _app(settings) as app:
        now = app.clock()
        planner = Scheduler(app.store, settings, {}, clock=app.clock)
        holder = planner.lease.holder(now)
        waiting = [describe(d) for d in planner.ledger.outstanding()]
        coming = planner.upcoming(now, now + timedelta(days=days))
        sent = [describe(d) for d in planner.ledger.recent(limit)]
        # in flight, outcome unknown, or maybe sent twice: kept in view whatever their age
        watched = [describe(d) for d in planner.ledger.attention(limit)]
    upcoming = [
        {
            "kind": d.key.kind,
            "subject": d.key.subject,
            "to": f"{d.key.platform}:{d.key.target}",
            "due": d.key.due_at.isoformat(),
        }
        for d in coming
    ]
    if as_json:
        data = {
            "leader": holder,
            "waiting": waiting,
            "upcoming": upcoming,
            "sent": sent,
            "attention": watched,
        }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    zone = ZoneInfo(settings.timezone)

    def local(iso: str | None) -> str:
        return (
            datetime.fromisoformat(iso).astimezone(zone).strftime("%Y-%m-%d %H:%M") if iso else ""
        )

    _out().print(f"Scheduler: {_escape(holder) if holder else 'not running (no lease held)'}")
    for title, rows, columns in (
        (
            "Waiting to be sent",
            waiting,
            ("due", "kind", "subject", "to", "status", "attempts", "claimed_by", "note"),
        ),
        (f"Due in the next {days} days", upcoming, ("due", "kind", "subject", "to")),
        ("Sent recently", sent, ("sent", "kind", "subject", "to", "status", "attempts", "note")),
        (
            "Being sent, outcome unknown, or maybe sent twice",
            watched,
            (
                "id",
                "kind",
                "to",
                "status",
                "claimed_by",
                "claimed_at",
                "attempts",
                "in_doubt",
                "maybe_sent_twice",
            ),
        ),
    ):
        table = Table(title=f"{title} ({settings.timezone})")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            cells = [row.get(c) for c in columns]
            table.add_row(
                *(
                    _escape(local(v) if c in ("due", "sent", "claimed_at") else _cell(v))
                    for c, v in zip(columns, cells, strict=True)
                )
            )
        _out().print(table if rows else f"{title}: none")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(value)


def _banner(app: App, report: LoadReport) -> str:
    """The console's first line (rich markup): what there is to ask about, counted as the
    commands count it."""
    passages = app.store.counts().get("passages", 0)
    loaded = len(report.added) + len(report.updated)
    return (
        f"[bold]Herald[/] — {_open_postings(app)} open postings and {passages} FAQ passages "
        f"to ask about, from {_escape(str(app.settings.content_dir))}"
        f" ({loaded} files loaded now). Type [bold]help[/], or [bold]/quit[/] to leave."
    )


def _open_postings(app: App) -> int:
    """How many postings a bare ``/jobs`` lists: its query, counted with one row read."""
    from dataclasses import replace

    from bot.commands import Request
    from bot.search import parse_jobs_query

    today = app.context(Request.from_line("/jobs")).today
    query = parse_jobs_query("", today, app.store.organizations()).query
    page = app.store.find_postings(replace(query, freshness=app.settings.freshness, limit=1))
    return page.total


def _first_start(app: App) -> None:
    """An empty store on the embedded default gets its sources, as the console does."""
    if app.store.is_empty():
        app.load()


@slack_cli.command("manifest")
def slack_manifest(
    url: Annotated[
        str | None,
        typer.Option(
            help="The public HTTPS address that reaches `herald run` "
            "[default: a placeholder to replace].",
            show_default=False,
        ),
    ] = None,
    socket_mode: Annotated[
        bool, typer.Option("--socket-mode", help="Socket Mode instead of HTTP mode.")
    ] = False,
) -> None:
    """Print the Slack app manifest, with a command for each organisation that has FAQ pages
    in the content (syncs the content folder first)."""
    from bot.platforms.slack_manifest import BASE_URL, manifest_text

    url = BASE_URL if url is None else url
    if not url.startswith("https://") or any(ch.isspace() for ch in url):
        raise typer.BadParameter(f"{url!r} is not an https:// address", param_hint="--url")
    settings = _settings()
    with _app(settings) as app:
        app.load()
        organisations = app.store.faq_organizations()
    sys.stdout.write(manifest_text(organisations, base_url=url, socket_mode=socket_mode))


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (safe to run again)."""
    settings = _settings()
    with _app(settings, upgrade=False) as app:
        app.store.upgrade()
    _out().print(f"Database at {_escape(str(settings.database_url))} is up to date.")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

"""``/jobs subscribe|unsubscribe|subscriptions|remind``: standing queries and personal reminders.

The ``jobs`` command belongs to ``handlers.jobs``; these four verbs of it are declared here.
What a subscription brings (announcements, reminders, digests) is sent by ``bot.scheduler``;
this module only records the wish, so every reply here is about what *will* happen.

Example::

    reply = subscribe(ctx, "remote datacite")          # /jobs subscribe remote datacite
    reply = remind(ctx, "iiif-director-2023")         # /jobs remind …, or "Remind me" pressed
"""

from __future__ import annotations

import logging

from bot.announce import Schedule
from bot.commands import (
    Action,
    Context,
    ReminderBook,
    Reply,
    Router,
    SubscriptionBook,
    is_admin,
)
from bot.config import Settings
from bot.delivery import Filters, Subscription
from bot.domain import NotFound, UsageError
from bot.lookup import posting_by_id
from bot.search import parse_jobs_query

logger = logging.getLogger(__name__)

router = Router()
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _book(ctx: Context) -> SubscriptionBook:
    if ctx.subscriptions is None:
        raise UsageError("Subscriptions need Herald's database, which this session does not have.")
    return ctx.subscriptions


def _reminders(ctx: Context) -> ReminderBook:
    if ctx.reminders is None:
        raise UsageError("Reminders need Herald's database, which this session does not have.")
    return ctx.reminders


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _promise(settings: Settings) -> str:
    """What a subscription brings, in the words of the current settings."""
    schedule = Schedule.from_settings(settings)
    parts = ["New openings will be announced here"]
    if schedule.offsets_days:
        days = " and ".join(str(d) for d in schedule.offsets_days)
        parts.append(f"with reminders {days} days before their deadlines")
    if schedule.digest_weekday is not None:
        day = WEEKDAYS[schedule.digest_weekday]
        parts.append(f"and a weekly digest on {day}s at {schedule.digest_time:%H:%M}")
    return ", ".join(parts) + f" ({settings.timezone})."


def _refusal(ctx: Context) -> Reply | None:
    """Who may change what Herald posts in a channel is the platform's call (the adapter
    says so in the Request); Herald's own admins may always."""
    refused = ctx.request.manage_refused
    if refused is None or is_admin(ctx.request, ctx.settings):
        return None
    logger.info("%s:%s may not change subscriptions", ctx.request.platform, ctx.request.user)
    return Reply(text=f"{refused} Nothing was changed; `/jobs subscriptions` shows what there is.")


def _deliverable(ctx: Context, what: str) -> None:
    """Refuse a wish this platform could never see fulfilled (the console gets no messages)."""
    if not ctx.request.delivers:
        raise UsageError(
            f"{what} come as messages later, which the {ctx.request.platform} cannot receive: "
            "ask Herald on Slack or Matrix. Nothing was changed."
        )


@router.subcommand(
    "jobs", "subscribe", args="[filters]", help="Announce new postings matching the filters here"
)
def subscribe(ctx: Context, text: str) -> Reply:
    _deliverable(ctx, "Announcements of new postings")
    book = _book(ctx)
    if (refused := _refusal(ctx)) is not None:
        return refused
    search = parse_jobs_query(text, ctx.today, ctx.store.organizations())
    q = search.query
    if q.deadline_to is not None:
        raise UsageError(
            "A subscription cannot use `closing …`: it would mean a different week every day. "
            "Subscribe without it; reminders before each deadline come anyway."
        )
    if q.include_inactive:
        raise UsageError("A subscription announces new openings, so `all` has no meaning here.")
    if search.page > 1:
        raise UsageError("A subscription has no pages; leave out `page …`.")
    filters = Filters(
        organization=q.organization,
        remote=q.remote,
        open_until_filled=q.open_until_filled,
        terms=q.terms,
    )
    request = ctx.request
    sub, outcome = book.add(
        request.platform, request.channel, search.canonical, filters, request.user, ctx.now
    )
    what = f"`/jobs {sub.filters_text}`" if sub.filters_text else "every new posting"
    if outcome == "exists":
        return Reply(
            text=f"This channel is already subscribed to {what} (#{sub.id}).",
            actions=(Action("Subscriptions", "command", "jobs subscriptions"),),
        )
    verb = "Resumed" if outcome == "resumed" else "Subscribed"
    lines = [f"{verb}: this channel follows {what} (subscription #{sub.id})."]
    lines.append(_promise(ctx.settings))
    current = ctx.store.find_postings(filters.query(ctx.today, limit=1)).total
    if current:
        agree = "matches; it is" if current == 1 else "match; they are"
        lines.append(
            f"{_plural(current, 'open posting')} already {agree} not announced again "
            f"— see `/{search.command()}`."
        )
    if request.platform == "console":
        lines.append("(The console receives no announcements; `herald run` sends them.)")
    lines.append(f"Stop with `/jobs unsubscribe {sub.id}`.")
    return Reply(
        text="\n".join(lines),
        actions=(Action("Unsubscribe", "command", f"jobs unsubscribe {sub.id}"),),
        public=True,
    )


def _line(sub: Subscription) -> str:
    what = f"`/jobs {sub.filters_text}`" if sub.filters_text else "every new posting"
    state = f" — paused: {sub.reason}" if sub.status == "paused" else ""
    return f"• #{sub.id} {what} (since {sub.created_at:%Y-%m-%d}){state}"


@router.subcommand("jobs", "unsubscribe", args="[id]", help="Stop a subscription of this channel")
def unsubscribe(ctx: Context, text: str) -> Reply:
    book = _book(ctx)
    if (refused := _refusal(ctx)) is not None:
        return refused
    request = ctx.request
    subs = book.for_channel(request.platform, request.channel)
    wanted = text.strip().lstrip("#").strip()
    if not subs:
        raise NotFound("This channel has no subscriptions.", ["/jobs subscribe"])
    if not wanted:
        if len(subs) > 1:
            lines = ["This channel has several subscriptions; which one?"]
            lines.extend(_line(s) for s in subs)
            return Reply(
                text="\n".join(lines),
                actions=tuple(
                    Action(f"Unsubscribe #{s.id}", "command", f"jobs unsubscribe {s.id}")
                    for s in subs
                ),
            )
        chosen = subs[0]
    else:
        found = next((s for s in subs if wanted.isdecimal() and s.id == int(wanted)), None)
        if found is None:
            raise NotFound(
                f"This channel has no subscription #{wanted[:20]}.",
                [f"/jobs unsubscribe {s.id}" for s in subs],
            )
        chosen = found
    book.cancel(chosen.id, ctx.now)
    what = f"`/jobs {chosen.filters_text}`" if chosen.filters_text else "every new posting"
    return Reply(text=f"Unsubscribed #{chosen.id} ({what}).", public=True)


@router.subcommand("jobs", "subscriptions", help="This channel's subscriptions and your reminders")
def list_subscriptions(ctx: Context, text: str) -> Reply:
    request = ctx.request
    subs = _book(ctx).for_channel(request.platform, request.channel)
    reminders = _reminders(ctx).for_user(request.platform, request.user)
    lines: list[str] = []
    if subs:
        lines.append(f"This channel has {_plural(len(subs), 'subscription')}:")
        lines.extend(_line(s) for s in subs)
    else:
        lines.append("This channel has no subscriptions. Try `/jobs subscribe remote`.")
    if reminders:
        lines.append(f"Your reminders: {', '.join(f'`{r.posting_id}`' for r in reminders)}")
    actions = tuple(
        Action(f"Unsubscribe #{s.id}", "command", f"jobs unsubscribe {s.id}") for s in subs
    )
    return Reply(text="\n".join(lines), actions=actions)


@router.subcommand("jobs", "remind", args="<id>", help="A direct message before the deadline")
def remind(ctx: Context, text: str) -> Reply:
    _deliverable(ctx, "Reminders")
    wanted = text.strip().strip("`<>").strip()
    if not wanted:
        raise UsageError("Which posting? `/jobs remind <id>` with an id from a /jobs list.")
    settings, store, posting_id, now = ctx.settings, ctx.store, wanted, ctx.now
    schedule = Schedule.from_settings(settings)
    posting = posting_by_id(
        store, posting_id, today=ctx.today, include_inactive=False, command="/jobs remind"
    )
    today = schedule.today(now)
    if not posting.is_open(today):
        return Reply(text=f"**{posting.title}** is no longer open, so there is nothing to remind.")
    if posting.deadline is None:
        return Reply(
            text=f"**{posting.title}** has no deadline"
            + (" (open until filled)" if posting.open_until_filled else "")
            + ", so there is nothing to remind you of."
        )
    times = [
        schedule.reminder_due(posting.deadline, d)
        for d in schedule.offsets_days
        if schedule.reminder_due(posting.deadline, d) >= now
    ]
    if not times:
        return Reply(
            text=f"**{posting.title}** closes {posting.deadline.isoformat()}: too soon for "
            "a reminder."
        )
    request = ctx.request
    _reminder, created = _reminders(ctx).add(request.platform, request.user, posting.id, now)
    when = ", ".join(f"{t.astimezone(schedule.tz):%Y-%m-%d %H:%M}" for t in times)
    lead = "I will remind you" if created else "You already have reminders"
    return Reply(
        text=f"{lead} by direct message about **{posting.title}** (deadline "
        f"{posting.deadline.isoformat()}): {when} ({settings.timezone})."
    )

"""Admin commands: ``/jobs add|import|edit|close|reopen|remove|restore|confirm|cancel`` and
``/herald reload|status|audit``.

``/jobs`` belongs to ``handlers.jobs``; these verbs of it are declared here as admin verbs,
so the Router refuses anyone else before any of them runs, and ``/herald`` is this module's own
command. The work is done by ``bot.admin.service.Admin``; this module only turns its results
into replies.

Example::

    app.ask("/jobs add title: Data Steward\\ndeadline: 2027-03-01")   # a preview, for admins
    app.ask("/jobs confirm 1a2b3c4d")                                 # stored
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.admin.records import Actor, AuditEntry, changed_fields, snapshot
from bot.commands import Action, Context, Handler, Reply, Router
from bot.delivery import Delivery
from bot.domain import Posting, PostingDraft, UsageError
from bot.present import deadline_phrase
from bot.store import Store
from handlers import ask

if TYPE_CHECKING:
    # the service (and its YAML write-back) is loaded when an admin acts, not for every
    # question the command line answers
    from bot.admin.service import Admin, Outcome, Proposal

logger = logging.getLogger(__name__)

router = Router()

# "/jobs close this week" is a search ("close" means "closing" there), "/jobs close <id>" is not.
_SEARCH_AFTER_CLOSE = frozenset({"today", "tomorrow", "soon"})
DEFAULT_AUDIT = 10

AdminVerb = Callable[[Context, "Admin", Actor, str], Reply]


def _admin_verb(
    verb: str, what: str, help: str, args: str = "", applies: Callable[[str], bool] | None = None
) -> Callable[[AdminVerb], Handler]:
    """Declare ``/jobs <verb>`` for admins: the handler gets the service and who acts."""

    def declare(run: AdminVerb) -> Handler:
        def handler(ctx: Context, rest: str) -> Reply:
            return run(ctx, _admin(ctx), _actor(ctx), rest)

        handler.__doc__ = run.__doc__
        return router.subcommand("jobs", verb, help=help, args=args, admin=what, applies=applies)(
            handler
        )

    return declare


def _closes_one(rest: str) -> bool:
    """``/jobs close <id>`` closes a posting; ``/jobs close soon`` lists what closes soon."""
    words = rest.split()
    return len(words) <= 1 and not (words and words[0].lower() in _SEARCH_AFTER_CLOSE)


@router.command(
    "herald",
    help="Ask a question in plain words, or see every command",
    usage="/herald help [command]",
    examples=["/herald ask how do I join the iiif consortium", "/herald help jobs"],
)
def herald(ctx: Context, text: str) -> Reply:
    """``/herald`` alone, or words that are none of its verbs (declared below): several are
    the plain question /herald is for ("/herald is datacite hiring?", as ``/herald ask``);
    one is a verb it does not have ("/herald dance"), answered with its usage."""
    if not text.strip():  # "/herald help" is answered by the Router, as every command's
        return Reply(text="Type `help` to see every command.")
    if len(text.split()) > 1:
        return ask.ask(ctx, text)
    raise UsageError("Say what to do with `/herald`.")


@router.subcommand("herald", "ask", args="<question>", help="A question in plain words")
def herald_ask(ctx: Context, text: str) -> Reply:
    return ask.ask(ctx, text)


@router.subcommand(
    "herald", "feedback", args="<id> up|down", help="What 👍/👎 under an answer send"
)
def herald_feedback(ctx: Context, text: str) -> Reply:
    return ask.feedback(ctx, text)


@router.subcommand(
    "herald",
    "unanswered",
    args="[n]",
    help="Questions Herald could not answer, most asked first",
    admin="read the unanswered questions",
)
def herald_unanswered(ctx: Context, text: str) -> Reply:
    return ask.unanswered(ctx, text)


def _admin(ctx: Context) -> Admin:
    from bot.admin.service import Admin

    if isinstance(ctx.store, Store):
        return Admin(ctx.store, ctx.settings)
    raise UsageError("Admin commands need Herald's database, which this session does not have.")


def _actor(ctx: Context) -> Actor:
    request = ctx.request
    return Actor(request.platform, request.user, request.channel)


# --- adding ---------------------------------------------------------------------------------


@_admin_verb(
    "add", "add postings", "Preview a posting written as Markdown, then confirm", "<markdown>"
)
def _add(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _proposal_reply(ctx, admin.propose(rest, actor, ctx.now, "add"))


@_admin_verb(
    "import",
    "import postings",
    "Preview a posting from a page or file, then confirm",
    "<url|markdown>",
)
def _import(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _proposal_reply(ctx, admin.propose(rest, actor, ctx.now, "import"))


def _proposal_reply(ctx: Context, proposal: Proposal) -> Reply:
    preview = proposal.preview
    if proposal.token is None or preview is None:
        problems = preview.errors if preview else ()
        lines = ["Herald cannot add this posting yet:"]
        lines.extend(f"• {p.message}" for p in problems)
        lines.append("Nothing was stored; send the command again with the fixes.")
        return Reply(text="\n".join(lines))
    today = ctx.today
    lines = ["Preview — nothing is stored until you confirm."]
    for draft in preview.postings:
        lines.extend(_draft_lines(draft, today))
    lines.append(f"File: {proposal.source}")
    for warning in preview.warnings:
        lines.append(f"⚠ {warning.message}")
    lines.append(_confirm_line(ctx, proposal))
    return Reply(text="\n".join(lines), actions=_confirm_actions(proposal), today=today)


def _draft_lines(draft: PostingDraft, today: date) -> list[str]:
    lines = [f"**{draft.title}**", f"Organisation: {draft.organization or 'not stated'}"]
    remote = {True: "yes", False: "no, on site", None: "not stated"}[draft.remote]
    lines.append(f"Location: {draft.location or 'not stated'} · Remote: {remote}")
    if draft.deadline is not None:
        lines.append(
            f"Deadline: {draft.deadline.isoformat()} ({deadline_phrase(draft.deadline, today)})"
        )
    else:
        lines.append("Deadline: not stated")
    lines.append(f"Open until filled: {'yes' if draft.open_until_filled else 'no'}")
    if draft.closed:
        lines.append("Status: the text says applications are closed")
    lines.append(f"Salary: {draft.salary or 'not stated'}")
    lines.append(f"How to apply: {', '.join(draft.contacts) or 'not stated'}")
    if draft.posted:
        lines.append(f"Posted: {draft.posted.isoformat()}")
    return lines


def _confirm_line(ctx: Context, proposal: Proposal) -> str:
    until = _when(ctx, proposal.expires_at) if proposal.expires_at else "soon"
    return (
        f"Confirm with `/jobs confirm {proposal.token}` or cancel with "
        f"`/jobs cancel {proposal.token}` (until {until})."
    )


def _confirm_actions(proposal: Proposal) -> tuple[Action, ...]:
    return (
        Action("Confirm", "command", f"jobs confirm {proposal.token}"),
        Action("Cancel", "command", f"jobs cancel {proposal.token}"),
    )


@_admin_verb("confirm", "confirm admin changes", "Store what a preview showed", "<token>")
def _confirm(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _outcome_reply(ctx, admin.confirm(rest, actor, ctx.now))


@_admin_verb("cancel", "cancel admin changes", "Drop a preview", "<token>")
def _cancel(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    admin.cancel(rest, actor, ctx.now)
    return Reply(text="Cancelled; nothing was stored.")


# --- changing -------------------------------------------------------------------------------


@_admin_verb("edit", "edit postings", "Change fields of a posting", "<id> field=value …")
def _edit(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    posting_id, changes = [*rest.strip().split(maxsplit=1), "", ""][:2]
    if not posting_id:
        raise UsageError("Which posting? e.g. `/jobs edit <id> deadline=2027-03-01`.")
    result = admin.edit(posting_id, changes, actor, ctx.now)
    from bot.admin.service import Proposal

    if isinstance(result, Proposal):
        lines = [
            f"The new deadline of `{result.posting_id}` has already passed: it would no longer "
            f"be listed. Changes: {', '.join(result.changes)}.",
            _confirm_line(ctx, result),
        ]
        return Reply(text="\n".join(lines), actions=_confirm_actions(result))
    return _outcome_reply(ctx, result)


@_admin_verb("close", "close postings", "Mark a posting closed", "<id>", applies=_closes_one)
def _close(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _outcome_reply(ctx, admin.close(_one_id(rest, "close"), actor, ctx.now))


@_admin_verb("reopen", "reopen postings", "List a closed posting again", "<id>")
def _reopen(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _outcome_reply(ctx, admin.reopen(_one_id(rest, "reopen"), actor, ctx.now))


@_admin_verb(
    "remove", "remove postings", "Take a posting off Herald (restore brings it back)", "<id>"
)
def _remove(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _outcome_reply(ctx, admin.remove(_one_id(rest, "remove"), actor, ctx.now))


@_admin_verb("restore", "restore postings", "Bring a removed posting back", "<id>")
def _restore(ctx: Context, admin: Admin, actor: Actor, rest: str) -> Reply:
    return _outcome_reply(ctx, admin.restore(_one_id(rest, "restore"), actor, ctx.now))


def _one_id(rest: str, verb: str) -> str:
    words = rest.split()
    if len(words) != 1:
        raise UsageError(f"Give one posting id, e.g. `/jobs {verb} <id>` from a /jobs list.")
    return words[0]


def _outcome_reply(ctx: Context, outcome: Outcome) -> Reply:
    posting = outcome.postings[0] if outcome.postings else None
    if posting is None:
        return Reply(text="Done.")
    pid = f"`{posting.id}`"
    where = f" ({outcome.source})" if outcome.source else ""
    lines: list[str]
    if outcome.action == "add":
        ids = ", ".join(f"`{p.id}`" for p in outcome.postings)
        lines = [
            f"Added **{posting.title}** as {ids}, written to {outcome.source}.",
            "It is listed by `/jobs` now; subscribed channels hear about it with the next "
            "announcements.",
        ]
    elif outcome.action == "edit":
        before = outcome.before[0] if outcome.before else None
        changes = _changes(before, posting)
        lines = [f"Updated {pid}{where}: " + ("; ".join(changes) or "no visible change") + "."]
    elif outcome.action == "close":
        lines = [f"Closed {pid}{where}: it is no longer listed and gets no more reminders."]
    elif outcome.action == "reopen":
        lines = [f"Reopened {pid}{where}: listed again and announced as a new opening."]
    elif outcome.action == "remove":
        lines = [
            f"Removed {pid}: no longer listed, announced or reminded; "
            f"`/jobs restore {posting.id}` brings it back."
        ]
    else:
        lines = [f"Restored {pid}."]
    lines.extend(outcome.notes)
    actions = (Action("Show", "command", f"jobs show {posting.id}"),)
    return Reply(text="\n".join(lines), actions=actions, today=ctx.today)


def _changes(before: Posting | None, after: Posting) -> list[str]:
    if before is None:
        return []
    return changed_fields(snapshot(before), snapshot(after))


# --- /herald --------------------------------------------------------------------------------


@router.subcommand(
    "herald", "reload", args="", help="Read the content folder again", admin="reload the content"
)
def _reload(ctx: Context, rest: str) -> Reply:
    admin = _admin(ctx)
    report = admin.reload(_actor(ctx), ctx.now)
    counts = report.counts()
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    names = ", ".join(s.name for s in ctx.settings.content_sources)
    lines = [f"Reloaded {names}: {summary}."]
    for failure in report.failed[:10]:
        lines.append(f"• failed: {failure.path}: {failure.reason}")
    if len(report.failed) > 10:
        lines.append(f"… and {len(report.failed) - 10} more failures")
    return Reply(text="\n".join(lines))


@router.subcommand(
    "herald",
    "status",
    args="",
    help="Postings, scheduler and previews at a glance",
    admin="see Herald's status",
)
def _status(ctx: Context, rest: str) -> Reply:
    admin = _admin(ctx)
    facts = admin.status(ctx.now)
    c = facts.counts
    lines = [
        "Herald status",
        f"Postings: {c.get('postings', 0)} ({c.get('postings_active', 0)} active, "
        f"{c.get('postings_withdrawn', 0)} withdrawn, {c.get('postings_removed', 0)} removed) · "
        f"documents: {c.get('documents', 0)} · passages: {c.get('passages', 0)}",
    ]
    changed = _when(ctx, facts.last_content_change) if facts.last_content_change else "never"
    lines.append(f"Content last changed: {changed}")
    if facts.last_reload is not None:
        lines.append(
            f"Last reload from chat: {_when(ctx, facts.last_reload.at)} "
            f"by {facts.last_reload.actor}"
        )
    lines.append(f"Previews waiting for a confirm: {facts.pending_previews}")
    if facts.deliveries is not None:
        leader = facts.scheduler_leader or "none (no replica holds the lease)"
        waiting = facts.deliveries.get("pending", 0) + facts.deliveries.get("sending", 0)
        lines.append(f"Scheduler leader: {leader} · deliveries waiting: {waiting}")
        in_doubt, twice = (
            facts.deliveries.get("in_doubt", 0),
            facts.deliveries.get("maybe_twice", 0),
        )
        if in_doubt:
            lines.append(
                f"Outcome unknown: {in_doubt} (looked for on the platform before any resend)"
            )
        if twice:
            lines.append(f"May have been sent twice: {twice} (`herald schedule` lists them)")
        lines.extend(_watched_line(ctx, d) for d in facts.watched)
    lines.extend(facts.notes)
    return Reply(text="\n".join(lines))


def _watched_line(ctx: Context, delivery: Delivery) -> str:
    key = delivery.key
    what = f"• #{delivery.id} {key.kind} {key.subject} to {key.platform}:{key.target}"
    state: str = delivery.status
    if delivery.claimed_by and delivery.claimed_at:
        state += f", claimed by {delivery.claimed_by} at {_when(ctx, delivery.claimed_at)}"
    state += f", attempt {delivery.attempts}"
    if delivery.in_doubt:
        state += ", outcome unknown"
    if delivery.duplicate_warning:
        state += ", may have been sent twice"
    return f"{what}: {state}"


@router.subcommand(
    "herald", "audit", args="[n]", help="The last admin actions", admin="read the audit trail"
)
def _audit(ctx: Context, rest: str) -> Reply:
    admin = _admin(ctx)
    word = rest.strip()
    if word and not word.isdecimal():
        raise UsageError("Give how many actions to show, e.g. `/herald audit 20`.")
    entries = admin.audit(int(word) if word else DEFAULT_AUDIT)
    if not entries:
        return Reply(text="No admin actions yet.")
    lines = [f"The last {len(entries)} admin action{'s' if len(entries) != 1 else ''}:"]
    lines.extend(f"• {_audit_line(ctx, e)}" for e in entries)
    return Reply(text="\n".join(lines))


def _audit_line(ctx: Context, entry: AuditEntry) -> str:
    head = f"{_when(ctx, entry.at)} · {entry.actor} · {entry.action}"
    if entry.posting_id:
        head += f" `{entry.posting_id}`"
    details = changed_fields(entry.before, entry.after)
    if entry.action == "add" and entry.source:
        details = [f"written to {entry.source}"]
    if entry.action == "reload" and entry.after:
        details = [", ".join(f"{n} {k}" for k, n in entry.after.items())]
    if entry.note and entry.action != "reload":
        details.append(entry.note)
    return head + (" — " + "; ".join(details) if details else "")


def _when(ctx: Context, moment: datetime) -> str:
    local = moment.astimezone(ZoneInfo(ctx.settings.timezone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ctx.settings.timezone}"

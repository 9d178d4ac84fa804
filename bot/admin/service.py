"""Admin actions on postings: add (preview, confirm), edit, close, reopen, remove, restore.

The content folder stays the source of truth. Adding writes a new Markdown file into the
write-back folder; editing, closing and reopening rewrite the posting's own file
(``bot.admin.writeback``); the store then saves exactly what the loader reads from the
written bytes, with their SHA-256, so the next sync finds the file unchanged: no duplicate,
no "updated" flap. Removing and restoring are moderation, not content: they change the
posting's status only, and a later change of its file keeps the removal.

**Conflicts: a file edit Herald has not read always wins.** Before rewriting a file Herald
compares it with the hash it stored when it last loaded or wrote it. If someone changed the
file since, the chat change is refused with the file's name and nothing is written; after
``/herald reload`` (or the next sync) the file's version is what Herald shows, and the chat
change can be made on top of it. A change the file's own text contradicts (``remote=no``
while the text says "fully remote") is refused too, quoting the sentence, rather than
written and silently ignored.

Example::

    admin = Admin(store, settings)
    proposal = admin.propose("title: Data Steward\\ndeadline: 2027-03-01", actor, now)
    outcome = admin.confirm(proposal.token, actor, now)
    admin.edit(outcome.postings[0].id, 'deadline=2027-04-01', actor, now)
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import ModuleType
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from bot.admin import files
from bot.admin.fields import (
    FieldProblem,
    known_fields,
    looks_like_assignments,
    normalise_keys,
    parse_assignments,
    starts_with_field_line,
    validate,
)
from bot.admin.preview import (
    Preview,
    disagreements,
    preview_field_lines,
    preview_fields,
    preview_markdown,
    with_duplicates,
)
from bot.admin.records import (
    Actor,
    AuditEntry,
    NewAudit,
    Pending,
    PostingFile,
    Refused,
    StatusFacts,
)
from bot.admin.repository import AdminStore
from bot.admin.writeback import write_posting
from bot.config import Settings
from bot.delivery import Delivery
from bot.domain import LoadReport, NotFound, ParsedDocument, Posting, UsageError
from bot.store import Store, deliveries

logger = logging.getLogger(__name__)

PREVIEW_TTL = timedelta(hours=1)
AddMode = Literal["add", "import"]
MAX_AUDIT = 50
STATUS_WATCHED = 5  # deliveries /herald status names (herald schedule --json has them all)


@dataclass(frozen=True)
class Proposal:
    """A preview waiting for ``/jobs confirm <token>``; ``token`` is None when the preview
    has errors (nothing was stored, nothing can be confirmed)."""

    action: str
    preview: Preview | None
    token: str | None
    expires_at: datetime | None
    source: str | None = None
    posting_id: str | None = None
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What an action did: the postings after it (and before, when they existed)."""

    action: str
    postings: tuple[Posting, ...]
    before: tuple[Posting | None, ...] = ()
    source: str | None = None
    notes: tuple[str, ...] = ()


class Admin:
    """Admin actions for one store and content folder. Permission checks are the caller's
    (``bot.admin.permissions``); everything here assumes an admin asked."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.records = AdminStore(store)

    def _today(self, now: datetime) -> date:
        return now.astimezone(ZoneInfo(self.settings.timezone)).date()

    # --- adding -----------------------------------------------------------------------------

    def preview(self, message: str, now: datetime, mode: AddMode = "add") -> Preview:
        """What Herald would make of a ``/jobs add`` or ``/jobs import`` message."""
        return self._with_duplicates(self._preview(message, now, mode))

    def _preview(self, message: str, now: datetime, mode: AddMode) -> Preview:
        today = self._today(now)
        existing: tuple[Posting, ...] = ()  # duplicates are looked up afterwards, by title
        source = self._provisional_source(now)
        text = message.strip("\n")
        if not text.strip():
            raise UsageError(
                "Write the posting after the command: `field: value` lines "
                f"({known_fields()}) or a Markdown posting with front matter."
            )
        if mode == "add" and not text.lstrip().startswith("---"):
            if looks_like_assignments(text):
                try:
                    pairs = parse_assignments(text)
                except ValueError as exc:
                    return Preview(text="", document=None, errors=(FieldProblem(None, str(exc)),))
                return preview_fields(dict(pairs), today=today, existing=existing, source=source)
            if starts_with_field_line(text):
                return preview_field_lines(text, today=today, existing=existing, source=source)
        return preview_markdown(text, today=today, existing=existing, source=source)

    def propose(self, message: str, actor: Actor, now: datetime, mode: AddMode = "add") -> Proposal:
        """Preview a new posting and keep it for its author's confirm (an hour)."""
        return self._keep(self.preview(message, now, mode), actor, now)

    def propose_fields(self, fields: Mapping[str, str], actor: Actor, now: datetime) -> Proposal:
        """The same from a form (a Slack modal's submitted values)."""
        preview = preview_fields(
            fields, today=self._today(now), source=self._provisional_source(now)
        )
        return self._keep(self._with_duplicates(preview), actor, now)

    def _with_duplicates(self, preview: Preview) -> Preview:
        titles = [p.title for p in preview.postings]
        return with_duplicates(preview, self.records.postings_titled(titles))

    def _keep(self, preview: Preview, actor: Actor, now: datetime) -> Proposal:
        if not preview.ok or preview.document is None:
            return Proposal("add", preview, None, None)
        source = self._new_source(preview.document, now)
        token = secrets.token_hex(4)
        pending = self.records.add_pending(
            token, actor, "add", {"source": source, "text": preview.text}, now, PREVIEW_TTL
        )
        return Proposal("add", preview, token, pending.expires_at, source=source)

    def _provisional_source(self, now: datetime) -> str:
        name = f"{self._today(now).isoformat()}-new-posting.md"
        return files.source_of(self.settings, files.writeback_folder(self.settings) / name)

    def _new_source(self, doc: ParsedDocument, now: datetime) -> str:
        """A file name no file and no document (not even a withdrawn one) has used."""
        folder = files.writeback_folder(self.settings)
        first = doc.postings[0]
        name = files.file_name(doc.posted or self._today(now), first.title, first.organization)
        stem = name.removesuffix(".md")
        for n in range(1, 1000):
            candidate = folder / (name if n == 1 else f"{stem}-{n}.md")
            source = files.source_of(self.settings, candidate)
            if not candidate.exists() and not self.records.source_known(source):
                return source
        raise Refused(f"Too many files named {name} in {folder}.")

    # --- confirming -------------------------------------------------------------------------

    def confirm(self, token: str, actor: Actor, now: datetime) -> Outcome:
        """Do what the preview showed; only its author, once, before it expires."""
        pending = self._pending(token, actor, now)
        if not self.records.claim_pending(pending.token):
            raise Refused("That preview is being confirmed right now.")
        try:
            outcome = self._confirmed(pending, actor, now)
        except BaseException:
            self.records.finish_pending(pending.token, "pending", from_status=("confirming",))
            raise
        self.records.finish_pending(pending.token, "confirmed", from_status=("confirming",))
        return outcome

    def _confirmed(self, pending: Pending, actor: Actor, now: datetime) -> Outcome:
        token = pending.token
        if pending.action == "edit":
            payload = pending.payload
            result = self.edit(
                str(payload["posting_id"]),
                dict(payload["values"]),
                actor,
                now,
                allow_past=True,
                pending_token=token,
            )
            if isinstance(result, Proposal):  # cannot happen with allow_past
                raise Refused("That change still needs a confirm; nothing was changed.")
            return result
        from bot.content import parse_bytes  # the loader: imported by the commands that write

        source = str(pending.payload["source"])
        data = str(pending.payload["text"]).encode("utf-8")
        if files.path_of(self.settings, source).exists() or self.records.source_known(source):
            doc = parse_bytes(source, data)
            source = self._new_source(doc, now)
        doc = _sources().prepared(self.settings, parse_bytes(source, data))
        with _sources().change_held(self.settings, source):
            pairs = self._save(
                doc, data, now, actor, "add", expected_hash=None, pending_token=token
            )
            added = tuple(p for _, p in pairs)
            title = added[0].title if added else doc.title
            org = f" ({added[0].organization})" if added and added[0].organization else ""
            notes = self._commit(source, f"Add posting: {title}{org}", actor)
        return Outcome("add", added, source=source, notes=notes)

    def cancel(self, token: str, actor: Actor, now: datetime) -> None:
        self._pending(token, actor, now)
        self.records.finish_pending(token, "cancelled")

    def _pending(self, token: str, actor: Actor, now: datetime) -> Pending:
        wanted = token.strip().strip("`<>").lower()
        if not wanted:
            raise UsageError("Which preview? Give its token, e.g. `/jobs confirm 1a2b3c4d`.")
        pending = self.records.pending(wanted[:32])
        if pending is None:
            raise Refused(f"No preview has the token `{wanted[:32]}`.")
        if (pending.actor.platform, pending.actor.user) != (actor.platform, actor.user):
            raise Refused("Only the admin who asked for this preview can confirm or cancel it.")
        if pending.status == "confirming":
            raise Refused("That preview is being confirmed right now.")
        if pending.status != "pending":
            raise Refused(f"That preview was already {pending.status}.")
        if pending.expired(now):
            raise Refused(
                f"That preview expired at {pending.expires_at:%Y-%m-%d %H:%M} UTC; "
                "send the command again."
            )
        return pending

    # --- editing ----------------------------------------------------------------------------

    def edit(
        self,
        posting_id: str,
        changes: str | Mapping[str, str],
        actor: Actor,
        now: datetime,
        *,
        allow_past: bool = False,
        pending_token: str | None = None,
    ) -> Outcome | Proposal:
        """Apply ``field=value`` changes to the posting's file; a past deadline needs a
        confirm (a Proposal is returned instead)."""
        found = self._file(posting_id)
        if isinstance(changes, str):
            try:
                pairs = parse_assignments(changes)
            except ValueError as exc:
                raise UsageError(f"{exc}. Write changes as field=value.") from exc
        else:
            pairs = list(changes.items())
        if not pairs:
            raise UsageError(
                f"What should change? e.g. `/jobs edit {found.posting.id} deadline=2027-03-01`. "
                f"Fields: {known_fields(editable_only=True)}."
            )
        raw, problems = normalise_keys(pairs, editing=True)
        values, invalid = validate(raw, require_title=False)
        problems.extend(invalid)
        if problems:
            raise Refused("\n".join(p.message for p in problems) + "\nNothing was changed.")
        self._editable(found, "edit")
        deadline = values.get("deadline")
        if not allow_past and isinstance(deadline, date) and deadline < self._today(now):
            token = secrets.token_hex(4)
            pending = self.records.add_pending(
                token,
                actor,
                "edit",
                {"posting_id": found.posting.id, "values": dict(raw)},
                now,
                PREVIEW_TTL,
            )
            return Proposal(
                "edit",
                None,
                token,
                pending.expires_at,
                source=found.source,
                posting_id=found.posting.id,
                changes=tuple(f"{k}={v}" for k, v in raw.items()),
            )
        return self._rewrite(found, values, actor, now, "edit", pending_token=pending_token)

    def close(self, posting_id: str, actor: Actor, now: datetime) -> Outcome:
        found = self._file(posting_id)
        if found.posting.closed:
            raise Refused(f"`{found.posting.id}` is already closed.")
        self._active(found, "close")
        self._editable(found, "close")
        return self._rewrite(found, {"closed": True}, actor, now, "close")

    def reopen(self, posting_id: str, actor: Actor, now: datetime) -> Outcome:
        found = self._file(posting_id)
        if not found.posting.closed:
            raise Refused(f"`{found.posting.id}` is not closed.")
        self._active(found, "reopen")
        self._editable(found, "reopen")
        outcome = self._rewrite(found, {"closed": False}, actor, now, "reopen", reannounce=True)
        posting = outcome.postings[0]
        today = self._today(now)
        if posting.deadline is not None and posting.deadline < today:
            note = (
                f"Its deadline {posting.deadline.isoformat()} has passed, so it is still not "
                f"listed: `/jobs edit {posting.id} deadline=YYYY-MM-DD` sets a new one."
            )
            return Outcome(
                outcome.action, outcome.postings, outcome.before, outcome.source, (note,)
            )
        return outcome

    def remove(self, posting_id: str, actor: Actor, now: datetime) -> Outcome:
        found = self._file(posting_id)
        status = found.posting.status
        if status == "removed":
            raise Refused(f"`{found.posting.id}` is already removed.")
        if status == "withdrawn":
            raise Refused(
                f"`{found.posting.id}` is already gone from the content ({found.source})."
            )
        before, after = self.records.set_status(
            found.posting.id, "removed", now, actor=actor, action="remove"
        )
        notes: tuple[str, ...] = ()
        if _sources().git_source_of(self.settings, found.source) is not None:
            if found.openings == 1 and found.document_present:
                # on a site's repository, removing means the site stops publishing it
                message = f"Remove {found.posting.id}\n\n{found.posting.title}"
                notes = self._commit(found.source, message, actor, delete=True)
            else:
                notes = (
                    f"Its file {found.source} holds {found.openings} openings, so it stays in "
                    "the repository; the posting is removed from Herald only.",
                )
        return Outcome("remove", (after,), (before,), found.source, notes)

    def restore(self, posting_id: str, actor: Actor, now: datetime) -> Outcome:
        found = self._file(posting_id)
        if found.posting.status != "removed":
            raise Refused(f"`{found.posting.id}` is not removed.")
        status: Literal["active", "withdrawn"] = "active" if found.document_present else "withdrawn"
        before, after = self.records.set_status(
            found.posting.id, status, now, actor=actor, action="restore"
        )
        notes: tuple[str, ...] = ()
        if status == "withdrawn":
            notes = (f"Its file {found.source} is gone, so it stays out of the listings.",)
        return Outcome("restore", (after,), (before,), found.source, notes)

    def _file(self, posting_id: str) -> PostingFile:
        wanted = posting_id.strip().strip("`<>").strip()
        if not wanted:
            raise UsageError("Which posting? Give its id, e.g. from a `/jobs` list.")
        found = self.records.posting_file(wanted[:120]) or self.records.posting_file(
            wanted[:120].lower()
        )
        if found is None:
            raise NotFound(f"No posting has the id `{wanted[:80]}`.", ["/jobs all"])
        return found

    def _active(self, found: PostingFile, verb: str) -> None:
        if found.posting.status == "removed":
            raise Refused(
                f"`{found.posting.id}` is removed; `/jobs restore {found.posting.id}` first, "
                f"then {verb} it."
            )

    def _editable(self, found: PostingFile, verb: str) -> None:
        if not found.document_present:
            raise Refused(
                f"The file of `{found.posting.id}` ({found.source}) is gone from the content "
                f"folder, so there is nothing to {verb}."
            )
        if found.openings > 1:
            raise Refused(
                f"`{found.posting.id}` is one of {found.openings} openings on one page "
                f"({found.source}); a change there would touch all of them, so {verb} it in "
                "that file."
            )

    def _rewrite(
        self,
        found: PostingFile,
        values: Mapping[str, Any],
        actor: Actor,
        now: datetime,
        action: str,
        *,
        reannounce: bool = False,
        pending_token: str | None = None,
    ) -> Outcome:
        path = files.path_of(self.settings, found.source)
        old = files.read(path)
        if old is None:
            raise Refused(
                f"The file {found.source} is gone from disk; `/herald reload` withdraws its "
                "postings. Nothing was changed."
            )
        if files.digest(old) != found.content_hash:
            raise Refused(
                f"{found.source} changed on disk since Herald last loaded it. Herald never "
                "overwrites a file edit it has not read: run `/herald reload` to load that "
                "version, check the posting, then repeat your change. Nothing was changed."
            )
        try:
            text = old.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Refused(f"{found.source} is not UTF-8 text; edit that file by hand.") from exc
        from bot.content import parse_bytes

        new_text = write_posting(text, values, source=found.source, old_title=found.posting.title)
        data = new_text.encode("utf-8")
        doc = _sources().prepared(self.settings, parse_bytes(found.source, data))
        position = found.posting.position
        if (
            doc.kind != "job"
            or len(doc.postings) != found.openings
            or position >= len(doc.postings)
        ):
            raise Refused(
                f"After this change Herald would no longer read {found.source} as the same "
                "job posting; nothing was changed. Edit the file by hand."
            )
        problems = disagreements(values, doc.postings[position], doc.url)
        if problems:
            raise Refused("\n".join(p.message for p in problems) + "\nNothing was changed.")
        if data == old:
            return Outcome(
                action,
                (found.posting,),
                (found.posting,),
                found.source,
                ("Nothing to change: the posting already says so.",),
            )
        changed = ", ".join(f"{k}={_shown(v)}" for k, v in values.items())
        what = f"{action.capitalize()} {found.posting.id}" + (
            f": {changed}" if action == "edit" else ""
        )
        with _sources().change_held(self.settings, found.source):
            pairs = self._save(
                doc,
                data,
                now,
                actor,
                action,
                expected_hash=found.content_hash,
                posting_id=found.posting.id,
                reannounce=reannounce,
                pending_token=pending_token,
                old=old,
            )
            notes = self._commit(found.source, f"{what}\n\n{found.posting.title}", actor)
        return Outcome(
            action,
            tuple(p for _, p in pairs),
            tuple(b for b, _ in pairs),
            found.source,
            notes,
        )

    def _commit(
        self, source: str, message: str, actor: Actor, *, delete: bool = False
    ) -> tuple[str, ...]:
        """One commit per change in a git source's clone, authored by the admin."""
        from bot.sources import author_of, commit_change

        author = author_of(actor.name, actor.platform, actor.user)
        return commit_change(self.settings, source, message, author, delete=delete)

    def _save(
        self,
        doc: ParsedDocument,
        data: bytes,
        now: datetime,
        actor: Actor,
        action: str,
        *,
        expected_hash: str | None,
        posting_id: str | None = None,
        reannounce: bool = False,
        pending_token: str | None = None,
        old: bytes | None = None,
    ) -> list[tuple[Posting | None, Posting]]:
        """Write the file and save what it says, as one step: a failure puts the file back."""
        path = files.path_of(self.settings, doc.source)
        written: list[bool] = []

        def write() -> None:
            if expected_hash is None and path.exists():
                raise Refused(f"{doc.source} already exists; nothing was written.")
            files.write_atomic(path, data)
            written.append(True)

        try:
            return self.records.save_document(
                doc,
                now,
                expected_hash=expected_hash,
                write=write,
                actor=actor,
                action=action,
                posting_id=posting_id,
                reannounce=reannounce,
                pending_token=pending_token,
            )
        except BaseException:
            if written:
                files.put_back(path, old)
            raise

    # --- content folder and reports ---------------------------------------------------------

    def reload(self, actor: Actor, now: datetime) -> LoadReport:
        """Fetch and sync every source now (each withdraws only its own documents; one that
        fails or is refused is a failure line); the audit keeps the summary and changes."""
        # the loader (parsers, extraction tables) is imported by the commands that load, only
        from bot.sources import Sources, merged

        report = merged(Sources(self.store, self.settings, lambda: now).sync_all())
        changed = [f"+{s}" for s in report.added] + [f"~{s}" for s in report.updated]
        changed += [f"-{s}" for s in report.withdrawn]
        note = " ".join(changed[:20]) + (" …" if len(changed) > 20 else "")
        self.records.record(
            NewAudit(actor=actor, action="reload", after=dict(report.counts()), note=note or None),
            now,
        )
        return report

    def audit(self, limit: int = 10) -> list[AuditEntry]:
        return self.records.recent(max(1, min(limit, MAX_AUDIT)))

    def status(self, now: datetime) -> StatusFacts:
        leader, deliveries, notes, watched = _scheduler_facts(self.store, now)
        reloads = self.records.recent(1, action="reload")
        return StatusFacts(
            counts=self.store.counts(),
            last_content_change=self.records.last_content_change(),
            last_reload=reloads[0] if reloads else None,
            pending_previews=self.records.count_pending(now),
            scheduler_leader=leader,
            deliveries=deliveries,
            notes=(
                *_sources().Sources(self.store, self.settings, lambda: now).status_lines(),
                *notes,
            ),
            watched=watched,
        )


def _scheduler_facts(
    store: Store, now: datetime
) -> tuple[str | None, dict[str, int] | None, tuple[str, ...], tuple[Delivery, ...]]:
    """The scheduler's lease holder, delivery counts (with ``in_doubt`` and ``maybe_twice``)
    and the rows worth a look, when its module and tables exist."""
    try:
        ledger = deliveries.Deliveries(store)
        counts = {**ledger.counts(), **ledger.doubts()}
        watched = tuple(ledger.attention(STATUS_WATCHED))
        return deliveries.Lease(store).holder(now), counts, (), watched
    except SQLAlchemyError:
        logger.info("scheduler tables not readable", exc_info=True)
        note = "The scheduler's tables do not exist yet (`herald db upgrade`)."
        return None, None, (note,), ()


def _sources() -> ModuleType:
    # the loader (parsers, extraction tables) is imported by the commands that change content
    import bot.sources

    return bot.sources


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value.isoformat() if isinstance(value, date) else value)


def describe_problems(problems: Sequence[FieldProblem]) -> str:
    return "\n".join(f"• {p.message}" for p in problems)

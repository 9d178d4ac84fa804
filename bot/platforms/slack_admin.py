"""The admin modal flow on Slack, without the SDK: which command opens a form, what a
submitted form answers, what a confirm does.

``slack.py`` wires these to Bolt (``views.open``, ``view_submission``) and runs them in a
worker thread; everything here is synchronous and reads the store through ``bot.admin``, so
the modal is checked by exactly the rules the chat commands use. Every step checks again
that the person is an admin: a form left open after someone lost the role does nothing.

Example::

    flow = AdminForms(app)
    opened = flow.form_for(request)            # a view to open, or None: answer as usual
    answer = flow.submit_form(request, view)   # what to ack: errors, or the confirm view
    answer = flow.submit_confirm(request, view)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.admin.fields import FieldProblem, normalise_keys, validate
from bot.admin.records import Actor, Refused, changed_fields, snapshot
from bot.admin.service import Admin, Outcome, Proposal
from bot.commands import Request, is_admin
from bot.domain import HeraldError, Posting
from bot.platforms import slack_forms as forms
from bot.platforms.slack_blocks import escape, escape_code, markdown_to_mrkdwn
from bot.store import Store

if TYPE_CHECKING:
    from bot.app import App

logger = logging.getLogger(__name__)

Ack = dict[str, Any]
_WHAT = {"add": "add postings", "edit": "edit postings"}


def errors(problems: Mapping[str, str]) -> Ack:
    return {"response_action": "errors", "errors": dict(problems)}


def update(view: forms.View) -> Ack:
    return {"response_action": "update", "view": view}


class AdminForms:
    """The three steps of a modal: open, submit the form, submit the confirm."""

    def __init__(self, app: App) -> None:
        self.app = app

    def _admin(self) -> Admin:
        if not isinstance(self.app.store, Store):
            raise Refused("Admin forms need Herald's database.")
        return Admin(self.app.store, self.app.settings)

    def _posting(self, posting_id: str) -> Posting | None:
        wanted = posting_id.strip().strip("`<>")
        return self.app.store.get_posting(wanted) or self.app.store.get_posting(wanted.lower())

    def _today(self) -> date:
        return self.app.context(Request("slack", "", "", "jobs")).today

    # --- opening --------------------------------------------------------------------------

    def form_for(self, request: Request) -> forms.View | None:
        """The modal ``/jobs add`` or ``/jobs edit <id>`` opens for an admin; None when the
        command is not one of those two, has its fields typed out, or the asker is not an
        admin (the usual answer then says why)."""
        if request.command != "jobs":
            return None
        words = request.text.split()
        if words == ["add"]:
            state = forms.FormState("add", channel=request.channel)
            values: dict[str, str] = {}
        elif len(words) == 2 and words[0].lower() == "edit":
            posting = self._posting(words[1])
            if posting is None:
                return None
            state = forms.FormState("edit", channel=request.channel, posting_id=posting.id)
            values = forms.posting_values(posting)
        else:
            return None
        if not is_admin(request, self.app.settings):
            return None
        return forms.posting_form(state, values)

    # --- the form ---------------------------------------------------------------------------

    def submit_form(self, request: Request, view: Mapping[str, Any]) -> Ack:
        """Check a submitted form: errors under the fields, or the confirm view."""
        try:
            state = forms.FormState.load(view.get("private_metadata"))
        except ValueError:
            return errors({"title": "This form is out of date; close it and open it again."})
        if not is_admin(request, self.app.settings):
            return errors({"title": f"Only admins can {_WHAT[state.mode]}."})
        values = forms.submitted(((view.get("state") or {}).get("values")) or {})
        actor = Actor("slack", request.user, state.channel)
        try:
            if state.mode == "add":
                return self._check_new(state, values, actor)
            return self._check_changes(state, values)
        except HeraldError as exc:
            return errors({"title": str(exc) or "That did not work."})

    def _check_new(self, state: forms.FormState, values: dict[str, str], actor: Actor) -> Ack:
        proposal: Proposal = self._admin().propose_fields(values, actor, self.app.clock())
        preview = proposal.preview
        if proposal.token is None or preview is None:
            problems = preview.errors if preview else (FieldProblem(None, "Nothing to add."),)
            return errors(forms.errors_by_block(problems))
        today = self._today()
        summary = "\n\n".join(forms.understood(draft, today) for draft in preview.postings)
        until = f"{proposal.expires_at:%Y-%m-%d %H:%M} UTC" if proposal.expires_at else "soon"
        note = f"File: `{escape_code(proposal.source or '')}` · this preview expires at {until}"
        confirmed = forms.FormState("add", channel=state.channel, token=proposal.token)
        warnings = [w.message for w in preview.warnings]
        return update(forms.confirm_view(confirmed, summary, warnings=warnings, note=note))

    def _check_changes(self, state: forms.FormState, values: dict[str, str]) -> Ack:
        posting = self._posting(state.posting_id or "")
        if posting is None:
            return errors({"title": f"The posting `{state.posting_id}` is gone."})
        changes = forms.changed_fields(forms.posting_values(posting), values)
        if not changes:
            return errors({"title": "Nothing is changed: change a field, or Cancel."})
        raw, problems = normalise_keys(changes.items(), editing=True)
        typed, invalid = validate(raw, require_title=False)
        problems.extend(invalid)
        if problems:
            return errors(forms.errors_by_block(problems))
        confirmed = forms.FormState(
            "edit", channel=state.channel, posting_id=posting.id, changes=dict(raw)
        )
        if not confirmed.fits():
            return errors({"title": "Too many long changes at once; change fewer fields."})
        before = forms.posting_values(posting)
        lines = [f"*{escape(posting.title)}* (`{escape_code(posting.id)}`)"]
        for name, value in raw.items():
            old = before.get(name) or "not stated"
            lines.append(f"{escape(name)}: {escape(old)} → {escape(value)}")
        warnings = []
        deadline = typed.get("deadline")
        if isinstance(deadline, date) and deadline < self._today():
            warnings.append(
                f"The deadline {deadline.isoformat()} has already passed: the posting will no "
                "longer be listed. Confirm only if that is what you want."
            )
        note = f"File: `{escape_code(posting.source)}`"
        return update(forms.confirm_view(confirmed, "\n".join(lines), warnings=warnings, note=note))

    # --- the confirm --------------------------------------------------------------------------

    def submit_confirm(self, request: Request, view: Mapping[str, Any]) -> Ack:
        """Do what the confirm view showed; the modal then says what happened."""
        try:
            state = forms.FormState.load(view.get("private_metadata"))
        except ValueError:
            return update(forms.done_view("This form is out of date; nothing was changed."))
        if state.mode == "add":
            # the chat command's own path: permission, the preview's author, once, in time
            reply = self.app.handle(
                Request(
                    platform="slack",
                    user=request.user,
                    channel=state.channel,
                    command="jobs",
                    text=f"confirm {state.token}",
                    user_is_platform_admin=request.user_is_platform_admin,
                )
            )
            return update(forms.done_view(markdown_to_mrkdwn(reply.text)))
        if not is_admin(request, self.app.settings):
            return update(forms.done_view("Only admins can edit postings. Nothing was changed."))
        try:
            result = self._admin().edit(
                state.posting_id or "",
                state.changes,
                Actor("slack", request.user, state.channel),
                self.app.clock(),
                allow_past=True,
            )
        except HeraldError as exc:
            return update(forms.done_view(markdown_to_mrkdwn(str(exc))))
        return update(forms.done_view(_edited(result)))


def _edited(result: Outcome | Proposal) -> str:
    if not isinstance(result, Outcome) or not result.postings:
        return "Nothing was changed."
    after = result.postings[0]
    before = result.before[0] if result.before else None
    changed = changed_fields(snapshot(before), snapshot(after)) if before else []
    lines = [
        f"Updated `{escape_code(after.id)}`: " + escape("; ".join(changed) or "no change") + "."
    ]
    lines.extend(escape(n) for n in result.notes)
    return "\n".join(lines)

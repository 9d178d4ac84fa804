"""The Slack modals admins use to add and edit postings: pure functions, no SDK.

``/jobs add`` (no text) opens :func:`posting_form`; ``/jobs edit <id>`` (no fields) opens the
same form filled from the posting. What is submitted comes back through :func:`submitted`
as the field values an admin would have typed (``{"title": "…", "remote": "yes"}``), so the
modal and the chat commands share ``bot.admin``'s validation word for word. Problems become
``response_action: errors`` keyed by the block of the field they are about
(:func:`errors_by_block`); a valid form is answered with :func:`confirm_view`, showing what
Herald understood, and the confirm's outcome with :func:`done_view`.

Example::

    view = posting_form(FormState("add", channel="C0123"))
    fields = submitted(payload["view"]["state"]["values"])
    ack(response_action="errors", errors=errors_by_block(preview.errors))
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from bot.admin.fields import FieldProblem
from bot.domain import Posting, PostingDraft
from bot.platforms.slack_blocks import escape, escape_code, mrkdwn, plain, sections, truncate
from bot.present import deadline_phrase

logger = logging.getLogger(__name__)

FORM_CALLBACK = "herald_posting_form"
CONFIRM_CALLBACK = "herald_posting_confirm"
ACTION = "value"
MAX_INPUT = 3000  # Slack's plain_text_input max_length
MAX_ERROR = 300
MAX_METADATA = 3000
Mode = Literal["add", "edit"]
View = dict[str, Any]


@dataclass(frozen=True)
class Input:
    """One field of the form; ``block`` is the field's name in ``bot.admin.fields``."""

    block: str
    label: str
    kind: Literal["text", "long", "remote", "date", "checkbox"] = "text"
    hint: str | None = None
    placeholder: str | None = None
    required: bool = False


INPUTS: tuple[Input, ...] = (
    Input("title", "Title", required=True, placeholder="Data Steward"),
    Input("organization", "Organisation", placeholder="Example Library"),
    Input("location", "Location", placeholder="Leiden, or Remote (Europe)"),
    Input("remote", "Remote", "remote"),
    Input("deadline", "Deadline", "date", hint="Leave empty when there is none."),
    Input("open_until_filled", "Open until filled", "checkbox"),
    Input("salary", "Salary", placeholder="as the posting states it"),
    Input(
        "contacts",
        "How to apply",
        hint="Email addresses or web addresses, separated by commas.",
        placeholder="jobs@example.org",
    ),
    Input(
        "description",
        "Description",
        "long",
        hint="Markdown. Herald reads facts from it too (a deadline, “fully remote”): what it "
        "reads is shown before anything is stored.",
    ),
)
BLOCKS = tuple(i.block for i in INPUTS)
_REMOTE = (("yes", "Yes, remote"), ("no", "No, on site"), ("unknown", "Not stated"))
_CHECKED = "yes"


@dataclass(frozen=True)
class FormState:
    """What a modal carries between steps in its ``private_metadata`` (kept small: Slack
    allows 3000 characters)."""

    mode: Mode
    channel: str = ""
    posting_id: str | None = None
    token: str | None = None
    changes: dict[str, str] = field(default_factory=dict)

    def dump(self) -> str:
        data: dict[str, Any] = {"mode": self.mode, "channel": self.channel}
        if self.posting_id:
            data["posting_id"] = self.posting_id
        if self.token:
            data["token"] = self.token
        if self.changes:
            data["changes"] = self.changes
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, text: str | None) -> FormState:
        """The state a view was opened with; ValueError when it is not Herald's."""
        try:
            data = json.loads(text or "")
        except json.JSONDecodeError as exc:
            raise ValueError("not a Herald form") from exc
        if not isinstance(data, dict) or data.get("mode") not in ("add", "edit"):
            raise ValueError("not a Herald form")
        changes = data.get("changes") or {}
        return cls(
            mode=data["mode"],
            channel=str(data.get("channel") or ""),
            posting_id=str(data["posting_id"]) if data.get("posting_id") else None,
            token=str(data["token"]) if data.get("token") else None,
            changes={str(k): str(v) for k, v in changes.items()}
            if isinstance(changes, dict)
            else {},
        )

    def fits(self) -> bool:
        return len(self.dump()) <= MAX_METADATA


# --- the form ---------------------------------------------------------------------------


def posting_values(posting: Posting) -> dict[str, str]:
    """A stored posting as the form's field values (what ``/jobs edit`` starts from)."""
    remote = {True: "yes", False: "no", None: "unknown"}[posting.remote]
    return {
        "title": posting.title,
        "organization": posting.organization or "",
        "location": posting.location or "",
        "remote": remote,
        "deadline": posting.deadline.isoformat() if posting.deadline else "",
        "open_until_filled": _CHECKED if posting.open_until_filled else "",
        "salary": posting.salary or "",
        "contacts": ", ".join(posting.contacts),
    }


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": plain(label, 75), "value": value}


def _element(spec: Input, initial: str) -> dict[str, Any]:
    element: dict[str, Any] = {"action_id": ACTION}
    if spec.kind in ("text", "long"):
        element |= {"type": "plain_text_input", "max_length": MAX_INPUT}
        if spec.kind == "long":
            element["multiline"] = True
        if initial:
            element["initial_value"] = initial[:MAX_INPUT]
        if spec.placeholder:
            element["placeholder"] = plain(spec.placeholder)
    elif spec.kind == "remote":
        options = [_option(v, label) for v, label in _REMOTE]
        element |= {"type": "static_select", "options": options}
        chosen = next((o for o in options if o["value"] == initial), None)
        if chosen is not None:
            element["initial_option"] = chosen
    elif spec.kind == "date":
        element["type"] = "datepicker"
        if initial:
            element["initial_date"] = initial
    else:
        option = _option(_CHECKED, "Applications are open until the position is filled")
        element |= {"type": "checkboxes", "options": [option]}
        if initial == _CHECKED:
            element["initial_options"] = [option]
    return element


def posting_form(state: FormState, values: Mapping[str, str] | None = None) -> View:
    """The modal: an empty form to add, or one filled with ``values`` to edit.

    Editing leaves the description out: it is the file's text, changed in the file.
    """
    values = values or {}
    blocks: list[dict[str, Any]] = []
    for spec in INPUTS:
        if state.mode == "edit" and spec.block == "description":
            continue
        block: dict[str, Any] = {
            "type": "input",
            "block_id": spec.block,
            "label": plain(spec.label),
            "element": _element(spec, values.get(spec.block, "")),
            "optional": not spec.required,
        }
        if spec.hint:
            block["hint"] = plain(spec.hint, 2000)
        blocks.append(block)
    if state.mode == "edit":
        note = (
            f"Editing `{escape_code(state.posting_id or '')}`. The description is the text of "
            "its file; change that in the file."
        )
        blocks.insert(0, {"type": "context", "elements": [mrkdwn(note)]})
    title = "Add a posting" if state.mode == "add" else "Edit a posting"
    return _modal(FORM_CALLBACK, title, blocks, state, submit="Preview")


def _modal(
    callback: str,
    title: str,
    blocks: list[dict[str, Any]],
    state: FormState | None,
    *,
    submit: str | None,
    close: str = "Cancel",
) -> View:
    view: View = {
        "type": "modal",
        "callback_id": callback,
        "title": plain(title, 24),
        "close": plain(close, 24),
        "blocks": blocks,
    }
    if submit:
        view["submit"] = plain(submit, 24)
    if state is not None:
        view["private_metadata"] = state.dump()
    return view


# --- what came back -----------------------------------------------------------------------


def submitted(state_values: Mapping[str, Any]) -> dict[str, str]:
    """Field values as typed, from ``view.state.values``; empty fields are left out."""
    fields: dict[str, str] = {}
    for block in BLOCKS:
        element = _mapping(_mapping(state_values.get(block)).get(ACTION))
        kind = element.get("type")
        value: object = None
        if kind == "plain_text_input":
            value = element.get("value")
        elif kind == "static_select":
            value = _mapping(element.get("selected_option")).get("value")
        elif kind == "datepicker":
            value = element.get("selected_date")
        elif kind == "checkboxes":
            options = element.get("selected_options")
            chosen = (
                [_mapping(o).get("value") for o in options] if isinstance(options, list) else []
            )
            value = _CHECKED if _CHECKED in chosen else None
        if isinstance(value, str) and value.strip():
            fields[block] = value if block == "description" else value.strip()
    return fields


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def changed_fields(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, str]:
    """What an edit form changes, as ``field=value`` changes (an emptied field is cleared)."""
    changes: dict[str, str] = {}
    for block in BLOCKS:
        if block == "description":
            continue
        old, new = before.get(block, ""), after.get(block, "")
        if old == new:
            continue
        if block == "open_until_filled":
            changes[block] = "yes" if new == _CHECKED else "no"
        else:
            changes[block] = new or "none"
    return changes


def errors_by_block(
    problems: Iterable[FieldProblem], blocks: Sequence[str] = BLOCKS
) -> dict[str, str]:
    """Slack's ``errors`` map: each message under its field; a problem about no field in
    the form (the whole posting, a field the form does not show) under the first one."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        block = problem.field if problem.field and problem.field in blocks else blocks[0]
        found.setdefault(block, []).append(problem.message)
    return {block: truncate(" ".join(messages), MAX_ERROR) for block, messages in found.items()}


# --- confirming and done --------------------------------------------------------------------


def understood(draft: PostingDraft, today: date) -> str:
    """What Herald read from the form, as escaped mrkdwn lines."""
    remote = {True: "yes", False: "no, on site", None: "not stated"}[draft.remote]
    if draft.deadline is not None:
        deadline = f"{draft.deadline.isoformat()} ({deadline_phrase(draft.deadline, today)})"
    else:
        deadline = "not stated"
    lines = [
        f"*{escape(truncate(draft.title, 300))}*",
        f"Organisation: {escape(draft.organization or 'not stated')}",
        f"Location: {escape(draft.location or 'not stated')} · Remote: {remote}",
        f"Deadline: {deadline}",
        f"Open until filled: {'yes' if draft.open_until_filled else 'no'}",
        f"Salary: {escape(draft.salary or 'not stated')}",
        f"How to apply: {escape(', '.join(draft.contacts) or 'not stated')}",
    ]
    if draft.closed:
        lines.append("Status: the text says applications are closed")
    return "\n".join(lines)


def confirm_view(
    state: FormState,
    summary: str,
    *,
    warnings: Sequence[str] = (),
    note: str = "",
) -> View:
    """The second step: what Herald understood (``summary``, mrkdwn), warnings, Confirm."""
    head = (
        "Herald understood this. Nothing is stored until you press *Confirm*."
        if state.mode == "add"
        else "These changes are written to the posting's file when you press *Confirm*."
    )
    blocks = [*sections(head), {"type": "divider"}, *sections(summary)]
    for warning in warnings:
        blocks += sections(f":warning: {escape(warning)}")
    if note:
        blocks.append({"type": "context", "elements": [mrkdwn(note)]})
    return _modal(CONFIRM_CALLBACK, "Check and confirm", blocks, state, submit="Confirm")


def done_view(text: str) -> View:
    """The last step: what was done (or why not), with nothing left to submit."""
    return _modal(CONFIRM_CALLBACK, "Herald", sections(text), None, submit=None, close="Close")


__all__ = [
    "CONFIRM_CALLBACK",
    "FORM_CALLBACK",
    "FormState",
    "changed_fields",
    "confirm_view",
    "done_view",
    "errors_by_block",
    "posting_form",
    "posting_values",
    "submitted",
    "understood",
]

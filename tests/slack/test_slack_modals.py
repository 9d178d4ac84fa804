"""Admin modals: a bare ``/jobs add`` or ``/jobs edit <id>`` opens a form (views.open, recorded
by the fake), signed view_submission payloads get errors under their fields, a confirm view
showing what Herald understood, and a confirm that stores the posting — which ``/jobs`` then
lists. A non-admin gets "Only admins can …" and no form."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slackfakes import (
    USER,
    Call,
    post,
    signed_headers,
    slash_body,
    view_problems,
    view_submission_body,
)
from slackworld import Served
from test_slack_http import FORM, settle, slash, text_of

from bot.platforms.slack_forms import CONFIRM_CALLBACK, FORM_CALLBACK

DATACITE = "datacite-technical-community-manager"  # deadline 2022-02-07, today 2022-02-01
BOSS = "U0BOSS"
NEW_POSTING = {
    "title": {"value": "Digital Curator"},
    "organization": {"value": "Example Library"},
    "location": {"value": "Ghent"},
    "remote": {"selected_option": {"value": "no", "text": {"type": "plain_text", "text": "No"}}},
    "deadline": {"selected_date": "2022-03-15"},
    "contacts": {"value": "jobs@library.example.org"},
    "description": {
        "value": "The Example Library seeks a **digital curator** to look after its "
        "digitised newspapers in Ghent.\n\nApply by 15 March 2022."
    },
}


def open_form(served: Served, text: str, *, user: str = USER) -> dict[str, Any]:
    """Type the command; return the view Herald opened with the command's trigger."""
    body = slash_body("/jobs", text, served.fake.response_url("form"), user=user)
    assert post(served.url, body, signed_headers(body, FORM)) == (200, "")
    [opened] = served.fake.wait_delivered("views.open")
    trigger = dict(p.split("=", 1) for p in body.decode().split("&"))["trigger_id"]
    assert opened.payload["trigger_id"] == trigger
    view: dict[str, Any] = opened.payload["view"]
    return view


def submit(
    served: Served, view: dict[str, Any], values: dict[str, Any], *, user: str = USER
) -> dict[str, Any]:
    """Press the modal's submit; return what Herald answered Slack (the response_action)."""
    body = view_submission_body(view, values, user=user)
    status, answer = post(served.url, body, signed_headers(body, FORM))
    assert status == 200, answer
    result: dict[str, Any] = json.loads(answer) if answer else {}
    if "view" in result:
        assert view_problems(result["view"]) == []  # what Slack would accept
    return result


def view_text(view: dict[str, Any]) -> str:
    parts = []
    for block in view["blocks"]:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts.extend(e.get("text", "") for e in block.get("elements", []) if isinstance(e, dict))
    return "\n".join(parts)


def views_opened(served: Served) -> list[Call]:
    return [c for c in served.fake.calls if c.method == "views.open"]


def test_add_opens_the_form_for_an_admin_and_says_nothing_else(
    serve: Callable[..., Served],
) -> None:
    served = serve(admins=[USER])
    view = open_form(served, "add")
    assert view["callback_id"] == FORM_CALLBACK
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [
        "title",
        "organization",
        "location",
        "remote",
        "deadline",
        "open_until_filled",
        "salary",
        "contacts",
        "description",
    ]
    kinds = {b["block_id"]: b["element"]["type"] for b in inputs}
    assert kinds["remote"] == "static_select" and kinds["deadline"] == "datepicker"
    assert kinds["open_until_filled"] == "checkboxes"
    assert inputs[-1]["element"]["multiline"] is True
    assert [b["block_id"] for b in inputs if not b["optional"]] == ["title"]
    assert [c.method for c in settle(served)] == ["views.open"]  # no message besides


def test_a_non_admin_gets_only_admins_and_no_form(serve: Callable[..., Served]) -> None:
    served = serve(admins=["U0SOMEONEELSE"])
    answer = slash(served, "/jobs", "add")
    assert "Only admins can add postings." in text_of(answer)
    answer = slash(served, "/jobs", f"edit {DATACITE}", key="r2")
    assert "Only admins can edit postings." in text_of(answer)
    assert views_opened(served) == []


def test_a_forged_submission_from_a_non_admin_changes_nothing(
    serve: Callable[..., Served],
) -> None:
    served = serve(admins=[USER])
    view = open_form(served, "add")
    result = submit(served, view, NEW_POSTING, user="U0INTRUDER")
    assert result == {
        "response_action": "errors",
        "errors": {"title": "Only admins can add postings."},
    }
    assert not list((served.app.settings.content_dir / "postings").glob("*.md"))


def test_problems_come_back_under_their_fields(serve: Callable[..., Served]) -> None:
    served = serve(admins=[USER])
    view = open_form(served, "add")
    values = {
        **NEW_POSTING,
        "title": {"value": "   "},
        "contacts": {"value": "write to the library"},
    }
    result = submit(served, view, values)
    assert result["response_action"] == "errors"
    errors = result["errors"]
    assert set(errors) == {"title", "contacts"}
    assert "needs a title" in errors["title"]
    assert "neither an email address nor a web address" in errors["contacts"]


def test_a_valid_form_is_confirmed_then_stored_and_listed(serve: Callable[..., Served]) -> None:
    served = serve(admins=[USER])
    assert "Digital Curator" not in text_of(slash(served, "/jobs", "curator", key="before"))
    form = open_form(served, "add")
    result = submit(served, form, NEW_POSTING)
    assert result["response_action"] == "update"
    confirm = result["view"]
    assert confirm["callback_id"] == CONFIRM_CALLBACK
    shown = view_text(confirm)
    assert "*Digital Curator*" in shown
    assert "Organisation: Example Library" in shown
    assert "Location: Ghent · Remote: no, on site" in shown
    assert "Deadline: 2022-03-15 (closes in 42 days)" in shown
    assert "How to apply: jobs@library.example.org" in shown
    assert not list((served.app.settings.content_dir / "postings").glob("*.md"))  # not yet

    done = submit(served, confirm, {})
    assert done["response_action"] == "update"
    said = view_text(done["view"])
    assert "Added *Digital Curator*" in said
    assert "submit" not in done["view"]  # nothing left to press but Close
    [written] = list((served.app.settings.content_dir / "postings").glob("*.md"))
    assert "Digital Curator" in written.read_text(encoding="utf-8")

    listed = slash(served, "/jobs", "curator", key="after")
    assert "Digital Curator" in text_of(listed)
    again = submit(served, confirm, {})  # a second press of the same confirm
    assert "already confirmed" in view_text(again["view"])
    assert len(list((served.app.settings.content_dir / "postings").glob("*.md"))) == 1


def test_edit_opens_the_form_filled_and_changes_only_what_changed(
    serve: Callable[..., Served],
) -> None:
    served = serve(admins=[USER])
    form = open_form(served, f"edit {DATACITE}")
    inputs = {b["block_id"]: b["element"] for b in form["blocks"] if b["type"] == "input"}
    assert "description" not in inputs  # the file's text, edited in the file
    assert inputs["title"]["initial_value"] == "Technical Community Manager"
    assert inputs["deadline"]["initial_date"] == "2022-02-07"
    assert DATACITE in view_text(form)

    unchanged = submit(served, form, {})
    assert unchanged["errors"] == {"title": "Nothing is changed: change a field, or Cancel."}

    result = submit(served, form, {"deadline": {"selected_date": "2022-03-01"}})
    confirm = result["view"]
    assert "deadline: 2022-02-07 → 2022-03-01" in view_text(confirm)
    before = served.app.store.get_posting(DATACITE)
    assert before is not None and before.deadline is not None
    assert before.deadline.isoformat() == "2022-02-07"  # nothing written before the confirm

    done = submit(served, confirm, {})
    assert f"Updated `{DATACITE}`: deadline 2022-02-07 → 2022-03-01." in view_text(done["view"])
    after = served.app.store.get_posting(DATACITE)
    assert after is not None and after.deadline is not None
    assert after.deadline.isoformat() == "2022-03-01"
    assert after.title == before.title and after.contacts == before.contacts


def test_a_workspace_admin_gets_the_form_when_workspace_admins_count(
    serve: Callable[..., Served],
) -> None:
    served = serve(slack_workspace_admins_are_admins=True)
    served.fake.users[BOSS] = {"is_admin": True}
    view = open_form(served, "add", user=BOSS)
    result = submit(served, view, NEW_POSTING, user=BOSS)
    assert result["view"]["callback_id"] == CONFIRM_CALLBACK

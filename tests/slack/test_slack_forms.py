"""The posting form's pure parts: what a submission means, what an edit changes, where a
problem is shown, and the state a modal carries between steps."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slackfakes import view_problems
from slackworld import make_posting

from bot.admin.fields import FieldProblem
from bot.platforms.slack_forms import (
    FormState,
    changed_fields,
    errors_by_block,
    posting_form,
    posting_values,
    submitted,
)


def test_submitted_reads_every_kind_of_input_and_drops_empty_ones() -> None:
    values = {
        "title": {"value": {"type": "plain_text_input", "value": "  Data Steward "}},
        "organization": {"value": {"type": "plain_text_input", "value": "   "}},
        "remote": {"value": {"type": "static_select", "selected_option": {"value": "yes"}}},
        "deadline": {"value": {"type": "datepicker", "selected_date": "2027-03-01"}},
        "open_until_filled": {
            "value": {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
        },
        "salary": {"value": {"type": "plain_text_input", "value": None}},
        "description": {"value": {"type": "plain_text_input", "value": "Line one\n\nTwo\n"}},
        "unknown_block": {"value": {"type": "plain_text_input", "value": "ignored"}},
    }
    assert submitted(values) == {
        "title": "Data Steward",
        "remote": "yes",
        "deadline": "2027-03-01",
        "open_until_filled": "yes",
        "description": "Line one\n\nTwo\n",  # Markdown keeps its shape
    }


def test_an_edit_changes_only_what_differs_and_clears_emptied_fields() -> None:
    posting = replace(make_posting(1, "Archivist"), salary="EUR 40,000", open_until_filled=True)
    before = posting_values(posting)
    after = {**before, "deadline": "2022-04-01", "location": "Utrecht"}
    del after["salary"], after["open_until_filled"]  # emptied and unchecked
    assert changed_fields(before, after) == {
        "location": "Utrecht",
        "deadline": "2022-04-01",
        "open_until_filled": "no",
        "salary": "none",
    }
    assert changed_fields(before, dict(before)) == {}


def test_problems_go_under_their_field_or_the_first_one() -> None:
    problems = [
        FieldProblem("contacts", "Not an address."),
        FieldProblem("contacts", "Another one."),
        FieldProblem(None, "Herald reads this as an FAQ page."),
        FieldProblem("url", "The url has spaces."),  # no such input in the form
    ]
    assert errors_by_block(problems) == {
        "contacts": "Not an address. Another one.",
        "title": "Herald reads this as an FAQ page. The url has spaces.",
    }


@pytest.mark.parametrize("mode", ["add", "edit"])
def test_forms_are_views_slack_accepts_even_with_huge_values(mode: Any) -> None:
    posting = replace(make_posting(1, "T" * 5000), salary="€" * 4000, contacts=("a@b.org",) * 900)
    state = FormState(mode, channel="C1", posting_id=posting.id if mode == "edit" else None)
    view = posting_form(state, posting_values(posting) if mode == "edit" else {})
    assert view_problems(view) == []
    for block in view["blocks"]:
        assert len(block.get("element", {}).get("initial_value", "")) <= 3000


_text = st.text(max_size=40)
_states = st.builds(
    FormState,
    mode=st.sampled_from(["add", "edit"]),
    channel=_text,
    posting_id=st.none() | st.text(min_size=1, max_size=40),
    token=st.none() | st.text(min_size=1, max_size=12),
    changes=st.dictionaries(_text, _text, max_size=5),
)


@given(_states)
def test_form_state_survives_the_round_trip(state: FormState) -> None:
    assert FormState.load(state.dump()) == state


@given(st.text(max_size=200))
def test_foreign_metadata_is_refused_with_a_value_error(text: str) -> None:
    try:
        FormState.load(text)
    except ValueError:
        return


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=12,
)


_element = st.fixed_dictionaries(
    {"type": st.sampled_from(["plain_text_input", "static_select", "datepicker", "checkboxes"])},
    optional={
        "value": _json,
        "selected_option": _json,
        "selected_date": _json,
        "selected_options": _json,
    },
)


@given(
    st.dictionaries(
        st.sampled_from(["title", "remote", "deadline", "x"]), _element | _json, max_size=4
    )
)
def test_submitted_never_fails_on_odd_state(values: dict[str, Any]) -> None:
    result = submitted({block: {"value": state} for block, state in values.items()})
    assert set(result) <= {"title", "remote", "deadline"}
    assert all(isinstance(v, str) and v.strip() for v in result.values())

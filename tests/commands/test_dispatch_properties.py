"""Whatever people type, every command answers with a Reply and no internal error."""

from __future__ import annotations

import pytest
from cmdfakes import ask, make_router, sample_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import Request
from bot.text import BIDI_CONTROLS, UNPRINTABLE

ROUTER = make_router()
STORE = sample_store()
COMMANDS = ["jobs", "jobs show", "faq", "iiif", "datacite", "wikimedia", "help", "nosuch", ""]

hostile = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(
        [
            "",
            '"remote" AND (datacite OR iiif) NOT *',
            "🎉🔥 remote 🎉",
            "\x00\x1b[31m\x07",
            "remote \u202ejobs\u202c in \u2067europe\u2069",
            "x" * 5000,
            "page 99999999999999999999",
            "closing in 99999999999999 days",
            "'; DROP TABLE postings; --",
            "NEAR(a b) ^c title:x",
        ]
    ),
    st.lists(
        st.sampled_from(
            [
                "remote",
                "onsite",
                "all",
                "page",
                "2",
                "closing",
                "this",
                "month",
                "in",
                "3",
                "days",
                "datacite",
                "iiif",
                "open",
                "until",
                "filled",
                "show",
                "AND",
                "(",
                ")",
                "*",
                '"',
                "membership",
                "fee",
                "join",
                "how",
                "🎉",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command=st.sampled_from(COMMANDS), text=hostile)
def test_any_text_to_any_command_is_a_reply(command: str, text: str) -> None:
    reply = ask(ROUTER, STORE, f"/{command} {text}")
    assert reply.error_id is None, reply.text
    assert isinstance(reply.text, str) and reply.text


@pytest.mark.parametrize("command", COMMANDS)
def test_five_thousand_characters_get_the_limit_message(command: str) -> None:
    reply = ask(ROUTER, STORE, f"/{command} " + "a" * 5000)
    assert "please keep it under 500 characters" in reply.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command=st.sampled_from(COMMANDS), text=hostile)
def test_no_reply_holds_a_control_or_bidirectional_character(command: str, text: str) -> None:
    # Questions are quoted back ("No postings match …"): what is quoted must be what was read.
    reply = ask(ROUTER, STORE, f"/{command} {text}")
    assert not UNPRINTABLE.search(reply.text), repr(reply.text)


# and the invisible ones: a zero-width space, a word joiner, a byte-order mark, a soft hyphen
@pytest.mark.parametrize(
    "control", [*BIDI_CONTROLS, "\x1b", "\x07", "\x85", "\u200b", "\u2060", "\ufeff", "\u00ad"]
)
def test_a_message_is_read_without_its_control_characters(control: str) -> None:
    request = Request.from_line(f"/jobs{control} re{control}mote\n{control}in europe")
    assert (request.command, request.text) == ("jobs", "remote\nin europe")
    assert (
        ask(ROUTER, STORE, f"re{control}mote jobs").text == ask(ROUTER, STORE, "remote jobs").text
    )


@pytest.mark.parametrize("asked", ["--help", "-h", "?", "help"])
def test_a_command_line_help_flag_shows_the_usage(asked: str) -> None:
    reply = ask(ROUTER, STORE, f"/jobs {asked}")
    assert reply.text == ask(ROUTER, STORE, "/help jobs").text
    assert "Usage: `/jobs" in reply.text

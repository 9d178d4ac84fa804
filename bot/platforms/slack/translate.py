"""Slack's words to the Router's and back: what a message asks once Herald's mention and
Slack's escapes are gone, Slack's spellings of help and questions (``/herald help``,
``/herald ask``), and the Router's "`/help`" spelled as Slack users type it.

What a line means (a command, or a question) is not decided here: ``Request.from_line``
splits it and the Router decides, on every platform alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.commands import HELP_SPEC_NAME, Reply, Request
from bot.platforms.addressed import without_name
from bot.platforms.slack_blocks import unescape

# Herald's own slash command in Slack (help and plain questions go through it).
SLACK_COMMAND = "herald"
SLACK_HELP = f"/{SLACK_COMMAND} {HELP_SPEC_NAME}"
# Router commands with no slash command of their own in Slack: typed after /herald there
SLACK_VERBS = (HELP_SPEC_NAME, "ask")
_SLACK_TYPED = re.compile(rf"`/({'|'.join(SLACK_VERBS)})\b")
_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
# Slack's markup in a message: <https://x.org|x.org>, <mailto:a@b.org|a@b.org>, <#C1|jobs>,
# <!here>, <!subteam^S1|@team>, <!date^…|Feb 7>; a person's mention (<@U1>) stays
_MARKUP = re.compile(r"<([^\s<>@|][^\s<>|]*)(?:\|([^<>]*))?>")
_BROADCASTS = ("here", "channel", "everyone")

Body = dict[str, Any]


def _as_seen(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if label:
        return label if not target.startswith("#") else f"#{label}"
    if target.startswith("!"):
        word = target[1:]
        return f"@{word}" if word in _BROADCASTS else ""
    return target.removeprefix("mailto:")


def slack_text(text: str) -> str:
    """A message's text as the person sees it in Slack: links as their words, channels as
    #names, Slack's escapes undone. Slack links what people type ("datacite.org" arrives as
    "<http://datacite.org|datacite.org>"), and a question is read by its words, not the
    markup around them."""
    return unescape(_MARKUP.sub(_as_seen, text))


def mention_text(text: str, bot_user_id: str | None, names: Sequence[str] = ()) -> str:
    """What someone asked Herald in a message: its own mention removed, as seen in Slack,
    and its name typed instead of picked ("@herald remote jobs", "Herald: jobs": ``names``).
    The bare name stays: "herald status" is ``/herald status`` typed without its slash."""
    if bot_user_id:
        text = _USER_MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text)
    return without_name(" ".join(slack_text(text).split()), names)


def slack_spelling(request: Request) -> Request:
    """Slack's spellings of what the Router knows by other names.

    Slack gives Herald one slash command of its own, ``/herald``: ``/herald ask <question>``
    is the question exactly as if written in a direct message, and ``/herald`` or
    ``/herald help [command]`` is help. ``/jobs help`` (any command followed by the single
    word "help") is that command's help, not a search for "help".
    """
    parts = request.text.strip().split(maxsplit=1)
    verb = parts[0].lower() if parts else ""
    rest = parts[1].strip() if len(parts) > 1 else ""
    if request.command == SLACK_COMMAND:
        if verb == "ask":
            asked = Request.from_line(
                rest,
                platform=request.platform,
                user=request.user,
                channel=request.channel,
                is_dm=request.is_dm,
            )
            return replace(asked, user_is_platform_admin=request.user_is_platform_admin)
        if verb in ("", HELP_SPEC_NAME):
            return replace(request, command=HELP_SPEC_NAME, text=rest)
    elif verb == HELP_SPEC_NAME and not rest and request.command not in ("", HELP_SPEC_NAME):
        return replace(request, command=HELP_SPEC_NAME, text=request.command)
    return request


def spell_commands(reply: Reply) -> Reply:
    """Commands as Slack users type them: the Router's "`/help`" and "`/ask`" are
    "`/herald help`" and "`/herald ask`" here (Slack delivers only the manifest's commands)."""
    if "`/" not in reply.text and "`/" not in reply.summary:
        return reply

    def spelled(text: str) -> str:
        return _SLACK_TYPED.sub(lambda m: f"`/{SLACK_COMMAND} {m.group(1)}", text)

    return replace(reply, text=spelled(reply.text), summary=spelled(reply.summary))


def slack_typed(command: str) -> str:
    """A command's name as typed in Slack ("help" -> "herald help")."""
    return f"{SLACK_COMMAND} {command}" if command in SLACK_VERBS else command


def worth_sharing(reply: Reply) -> bool:
    """Whether "Share in channel" belongs under a reply: postings or passages to show others.

    Help, usage, "Unknown command", "query too long", "No postings match", confirmations
    and apologies carry none: sharing them would only put a failure in the channel.
    """
    return not reply.public and not reply.error_id and bool(reply.postings or reply.passages)


def user_of(body: Body) -> str:
    """Who clicked or submitted, in an interaction's payload."""
    return str((body.get("user") or {}).get("id", ""))


def channel_of(body: Body) -> str:
    """Where an interaction happened (none for the App Home)."""
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return str(channel.get("id") or container.get("channel_id") or "")


def slash_request(body: Body) -> Request:
    """A slash command's payload as the Router reads it (``/jobs remote``)."""
    return Request(
        platform="slack",
        user=str(body.get("user_id", "")),
        channel=str(body.get("channel_id", "")),
        command=str(body.get("command", "")).lstrip("/").lower(),
        text=slack_text(str(body.get("text", ""))).strip(),
        is_dm=body.get("channel_name") == "directmessage",
    )


# Message subtypes that are a person writing: a file with a caption, a thread reply also
# sent to the channel. Edits, deletions, joins and bots' posts ask nothing.
_ASKING_SUBTYPES = frozenset({"file_share", "thread_broadcast"})


def asks_herald(event: Body) -> bool:
    """Whether a message or mention event is a person asking something: not an edit
    (``message_changed``), a deletion, a join, another bot's post (two bots answering
    each other's mentions would never stop) or a file sent without a word."""
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    subtype = event.get("subtype")
    if subtype == "file_share" and not str(event.get("text") or "").strip():
        return False
    return (not subtype or subtype in _ASKING_SUBTYPES) and bool(event.get("user"))


def is_direct_message(event: Body) -> bool:
    """Whether a message or mention was written in a person's DM with Herald (app_mention
    events carry no channel_type; DM ids start with "D")."""
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def message_request(
    event: Body, bot_user_id: str | None, *, is_dm: bool, names: Sequence[str] = ()
) -> Request:
    """A mention or a direct message as the Router reads it (a command or a question)."""
    request = Request.from_line(
        mention_text(str(event.get("text", "")), bot_user_id, names),
        platform="slack",
        user=str(event.get("user", "")),
        channel=str(event.get("channel", "")),
        is_dm=is_dm,
    )
    return replace(request, thread=str(event.get("thread_ts") or ""))

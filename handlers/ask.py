"""Plain questions: anything that is not a command, and ``/ask <question>``.

The understanding, retrieval and wording live in ``bot.ask``; this module declares where
questions enter, and keeps the question log (without who asked) that ``/herald unanswered``
reads, offering 👍/👎 on every answer so a wrong one is counted too.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.ask.answer import answer, answer_about
from bot.commands import Action, Context, Reply, Router
from bot.domain import Posting, StoreUnavailable, UsageError
from bot.followup import referred

logger = logging.getLogger(__name__)

router = Router()


@router.command(
    "ask",
    help="Ask anything in your own words (plain messages are questions too)",
    usage="/ask <question>",
    examples=["/ask is datacite hiring?", "/ask any jobs in california?"],
)
def ask(ctx: Context, text: str) -> Reply:
    if not text.strip():
        raise UsageError("What would you like to know? Ask a question after /ask.")
    return question(ctx, text)


@router.question
def question(ctx: Context, text: str) -> Reply:
    pointed = _pointed(ctx, text)
    if pointed is None:
        reply = answer(ctx, text)
    else:  # shared later, "the second one" would mean another list: the posting is shared
        reply = replace(answer_about(ctx, *pointed), again=f"/jobs show {pointed[0].id}")
    understood = reply.understood or {}
    log = ctx.questions
    if understood.get("intent") in ("help", "smalltalk") or log is None:
        return reply
    try:
        qid = log.record(
            text, intent=str(understood.get("intent")), answered=bool(understood.get("answered")),
            now=ctx.now,
        )  # fmt: skip
    except StoreUnavailable:  # while SQLite's write lock is held elsewhere, reads go on
        logger.warning("question not logged: the database is unavailable")
        return reply
    except Exception:  # the answer matters more than its statistics
        logger.exception("could not log a question")
        return reply
    if ctx.request.platform == "console":  # buttons are for chat; a terminal would print them
        return reply
    feedback = (
        Action("👍", "command", f"herald feedback {qid} up"),
        Action("👎", "command", f"herald feedback {qid} down"),
    )
    return replace(reply, actions=reply.actions + feedback)


def _pointed(ctx: Context, text: str) -> tuple[Posting, str] | None:
    """The posting a question points at in the list last shown here ("who do I email about
    the second one?") and the question without the pointing words; None when it points at
    none, no list is remembered, or the list is shorter."""
    referred_to = referred(text)
    if referred_to is None or ctx.lists is None:
        return None
    position, rest = referred_to
    shown = ctx.lists.recall(ctx.request.conversation, ctx.now)
    if shown is None or position > len(shown.ids):
        return None
    found = ctx.store.postings_by_id([shown.ids[position - 1 if position > 0 else -1]])
    return (found[0], rest) if found else None


def feedback(ctx: Context, text: str) -> Reply:
    """``/herald feedback <id> up|down``: what the 👍/👎 buttons send."""
    parts = text.split()
    if len(parts) != 2 or not parts[0].isdecimal() or parts[1] not in ("up", "down"):
        raise UsageError("Use the 👍/👎 buttons under an answer.")
    if ctx.questions is None:
        return Reply(text="Thanks!")
    known = ctx.questions.feedback(int(parts[0]), helpful=parts[1] == "up")
    if not known:
        return Reply(text="That answer is no longer on record; thanks all the same.")
    if parts[1] == "up":
        return Reply(text="Thanks! Glad it helped.")
    return Reply(text="Thanks — noted, so an admin can write a better answer.")


def unanswered(ctx: Context, text: str) -> Reply:
    """``/herald unanswered [n]``: the questions to write an FAQ entry for, most wanted first."""
    limit = int(text) if text.strip().isdecimal() else 20
    if ctx.questions is None:
        return Reply(text="No question log in this session.")
    rows = ctx.questions.unanswered(max(1, min(limit, 100)))
    if not rows:
        return Reply(text="No unanswered or 👎 questions so far.")
    lines = ["Questions Herald could not answer, or whose answer got a 👎:"]
    for row in rows:
        what = "no answer" if not row.answered else f"{row.unhelpful}× 👎"
        lines.append(f"• “{row.text}” — asked {row.asked}×, {what}, last {row.last_asked:%Y-%m-%d}")
    return Reply(text="\n".join(lines))

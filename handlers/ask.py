"""Plain questions: anything that is not a command, and ``/ask <question>``.

The understanding, retrieval and wording live in ``bot.ask``; this module only declares where
questions enter, so every platform's direct messages, mentions and slash commands reach it.
"""

from __future__ import annotations

from bot.ask.answer import answer
from bot.commands import Context, Reply, Router
from bot.domain import UsageError

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
    return answer(ctx, text)


@router.question
def question(ctx: Context, text: str) -> Reply:
    return answer(ctx, text)

"""What Herald's scheduled messages say: a new opening, a reminder, several at once, a digest.

The scheduler decides *when* to send and to whom; these neutral replies are *what* it sends,
each posting drawn by ``bot.present`` exactly as ``/jobs`` draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.commands import Action, Reply
from bot.domain import DEFAULT_FRESHNESS, Freshness, Posting
from bot.present import deadline_phrase, posting_card

MAX_DIGEST_ITEMS = 10
MAX_BUTTONS = 5


def _listed(
    head: str,
    postings: Sequence[Posting],
    today: date,
    freshness: Freshness,
    *,
    summary: str | None = None,
    lines: Sequence[str] = (),
) -> Reply:
    reply = Reply(
        text="",
        postings=tuple(postings),
        public=True,
        summary=summary or head,
        today=today,
        freshness=freshness,
    )
    cards = reply.cards
    text = "\n".join([head, *(lines or [f"• {card.line}" for card in cards])])
    actions = [Action("Details", "command", card.details) for card in cards[:MAX_BUTTONS]]
    if len(cards) == 1:
        card = cards[0]
        if card.apply_url:
            actions.append(Action("Apply", "url", card.apply_url))
        if card.posting.url:
            actions.append(Action("Source", "url", card.posting.url))
    return replace(reply, text=text, actions=tuple(actions))


def announcement_reply(
    posting: Posting,
    today: date,
    subscription: str = "",
    *,
    freshness: Freshness = DEFAULT_FRESHNESS,
) -> Reply:
    what = f" matching {subscription}" if subscription else ""
    return _listed(f"New opening{what}:", [posting], today, freshness)


def combined_reply(
    postings: Sequence[Posting], today: date, *, freshness: Freshness = DEFAULT_FRESHNESS
) -> Reply:
    """Several announcements due together for one channel, in one message."""
    return _listed(f"{len(postings)} new openings:", postings, today, freshness)


def reminder_reply(
    posting: Posting,
    today: date,
    *,
    personal: bool = False,
    freshness: Freshness = DEFAULT_FRESHNESS,
) -> Reply:
    deadline = posting.deadline
    when = deadline_phrase(deadline, today) if deadline else "closes soon"
    asked = " (you asked with `/jobs remind`)" if personal else ""
    return _listed(f"Reminder{asked}: this posting {when}:", [posting], today, freshness)


def digest_reply(
    fresh: Sequence[Posting],
    closing: Sequence[Posting],
    today: date,
    subscription: str = "",
    *,
    freshness: Freshness = DEFAULT_FRESHNESS,
) -> Reply | None:
    """The weekly digest, or None when there is nothing to tell (no empty digests)."""
    closing = [p for p in closing if p not in fresh]
    if not fresh and not closing:
        return None
    head = "Weekly digest" + (f" for {subscription}" if subscription else "")
    lines: list[str] = []
    parts = []
    for label, count_label, group in (
        ("New this week:", "new", fresh),
        ("Closing within a week:", "closing within a week", closing),
    ):
        if group:
            parts.append(f"{len(group)} {count_label}")
            lines.append(label)
            shown = group[:MAX_DIGEST_ITEMS]
            lines.extend(f"• {posting_card(p, today, freshness).line}" for p in shown)
    listed = (*fresh[:MAX_DIGEST_ITEMS], *closing[:MAX_DIGEST_ITEMS])
    summary = f"{head}: " + ", ".join(parts) + "."
    return _listed(f"{head}:", listed, today, freshness, summary=summary, lines=lines)

"""``/faq <question>`` and the per-organisation shortcuts (``/iiif membership fee``).

The answer is the sentence that answers, not the page: the store returns candidate passages,
``bot.search.rank_passages`` picks the sentence, and when nothing is convincing we say so and
offer the nearest FAQ headings instead of a wrong answer.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Literal, overload

from bot.commands import Action, CommandSpec, Context, Reply, Router
from bot.domain import UsageError
from bot.search import closest_questions, faq_terms, org_slug, rank_passages, tokens

logger = logging.getLogger(__name__)

router = Router()

CANDIDATES = 20
ALTERNATIVES = 2
SEE_ALSO_RATIO = 0.6


@router.command(
    "faq",
    help="Answer a question from the FAQ pages",
    usage="/faq <question>",
    examples=["/faq how do I join the iiif consortium", "/faq membership fee"],
)
def faq(ctx: Context, text: str) -> Reply:
    """A question naming one organisation ("iiif membership fee") is first asked of its FAQ:
    a generic word like "fee" is rare enough to outweigh the name otherwise."""
    slugs = {org_slug(o) for o in ctx.store.organizations()} - {""}
    named = {w.lower() for w in tokens(text)} & slugs
    if len(named) == 1:
        slug = named.pop()
        # within its own FAQ the name says nothing: every passage is about it
        rest = " ".join(w for w in tokens(text) if w.lower() != slug)
        if rest:
            reply = answer_question(ctx, rest, organization=slug, command="faq", fallback=False)
            if reply is not None:
                return reply
    return answer_question(ctx, text, organization=None, command="faq")


@router.shortcuts
def organisation_shortcuts(ctx: Context) -> Sequence[CommandSpec]:
    """``/iiif …``, ``/datacite …``: one command per organisation with an FAQ page. An employer
    of a posting is not a command: "/white plains jobs" is a question, not "/white"."""
    specs: dict[str, CommandSpec] = {}
    for organization in sorted(ctx.store.faq_organizations()):
        slug = org_slug(organization)
        if not slug or slug in specs:
            continue
        handler = functools.partial(_ask_organisation, slug=slug, name=organization)
        specs[slug] = CommandSpec(
            name=slug,
            help=f"Ask the FAQ of {organization}",
            usage=f"/{slug} <question>",
            examples=(f"/{slug} membership fee",),
            handler=handler,
            dynamic=True,
        )
    return sorted(specs.values(), key=lambda spec: spec.name)


def _ask_organisation(ctx: Context, text: str, *, slug: str, name: str) -> Reply:
    return answer_question(ctx, text, organization=slug, command=slug, label=name)


@overload
def answer_question(
    ctx: Context,
    question: str,
    *,
    organization: str | None,
    command: str,
    label: str | None = None,
) -> Reply: ...


@overload
def answer_question(
    ctx: Context,
    question: str,
    *,
    organization: str | None,
    command: str,
    label: str | None = None,
    fallback: Literal[False],
) -> Reply | None: ...


def answer_question(
    ctx: Context,
    question: str,
    *,
    organization: str | None,
    command: str,
    label: str | None = None,
    fallback: bool = True,
) -> Reply | None:
    """Answer with the best passage; when nothing is confident, offer the nearest headings
    (or, with ``fallback=False``, return None so the caller can ask more widely)."""
    question = question.strip()
    if not question:
        raise UsageError(f"What would you like to know? Ask a question after /{command}.")
    terms = faq_terms(question)
    hits = (
        # an organisation's shortcut asks its FAQ pages; /faq asks every page
        ctx.store.search_passages(
            terms, organization=organization, limit=CANDIDATES, faq_only=organization is not None
        )
        if terms
        else []
    )
    ranked = rank_passages(question, hits)
    # the best answer we are sure of; a higher-scoring one that misses half the question is
    # a guess (its heading matched, its text did not)
    best = next((a for a in ranked if a.confident), None)
    if best is None:
        if not fallback:
            return None
        return _no_confident_answer(ctx, question, organization, command, label)

    p = best.hit.passage
    lines = [f"> {best.excerpt}", f"— *{p.page_title}*, “{p.question}”"]
    if p.url:
        lines[-1] += f" ({p.url})"
    actions = [Action("Open page", "url", p.url)] if p.url else []
    # Other sections that also answer well; offered, not shown, so the answer stays one.
    see_also: list[str] = []
    for other in ranked[1:]:
        heading = other.hit.passage.question
        if len(see_also) == ALTERNATIVES:
            break
        good = other.confident and other.score >= SEE_ALSO_RATIO * best.score
        if good and heading != p.question and heading not in see_also:
            see_also.append(heading)
    actions += [Action("See also", "command", f"{command} {h}") for h in see_also]
    return Reply(
        text="\n".join(lines),
        passages=(best.hit,),
        actions=tuple(actions),
        summary=f"From {p.page_title}:",
    )


def _no_confident_answer(
    ctx: Context, question: str, organization: str | None, command: str, label: str | None
) -> Reply:
    sections = ctx.store.faq_sections(organization)
    nearest = closest_questions(question, sections)
    where = f" in the FAQ of {label or organization}" if organization else ""
    lines = [f"I found no confident answer to “{question[:200]}”{where}."]
    actions: list[Action] = []
    if nearest:
        lines.append("Closest topics:")
        for title, heading, url in nearest:
            lines.append(f"• {heading} — *{title}*" + (f" ({url})" if url else ""))
            actions.append(Action(heading[:75], "command", f"{command} {heading}"))
    elif sections:
        pages = list(dict.fromkeys(title for title, _heading, _url in sections))
        lines.append("FAQ pages I know: " + "; ".join(pages[:5]) + ".")
    elif organization:
        lines.append(f"There is no FAQ page for this organisation; try `/jobs {organization}`.")
        actions.append(Action("Postings", "command", f"jobs {organization}"))
    else:
        lines.append("No FAQ pages are loaded yet.")
    return Reply(text="\n".join(lines), actions=tuple(actions))

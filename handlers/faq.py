"""``/faq <question>`` and the per-organisation shortcuts (``/iiif membership fee``).

Both ask the pages the way a plain question does (``bot.ask.answer.passage_answer``: the
sentence that answers, not the page), but never answer with a list of postings; when nothing
is convincing they say so and offer the nearest FAQ headings instead of a wrong answer.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from bot.ask.answer import dont_know, passage_answer
from bot.ask.understand import understand
from bot.commands import CommandSpec, Context, Reply, Router
from bot.domain import UsageError
from bot.search import org_slug

logger = logging.getLogger(__name__)

router = Router()


@router.command(
    "faq",
    help="Answer a question from the FAQ pages",
    usage="/faq <question>",
    examples=["/faq how do I join the iiif consortium", "/faq membership fee"],
)
def faq(ctx: Context, text: str) -> Reply:
    """A question for the pages only (never a list of postings); one naming an organisation
    ("iiif membership fee") is first asked of that organisation's pages."""
    return _answer(ctx, text, command="faq")


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
    return _answer(ctx, text, command=slug, organization=slug, label=name)


def _answer(
    ctx: Context, text: str, *, command: str, organization: str | None = None, label: str = ""
) -> Reply:
    question = text.strip()
    if not question:
        raise UsageError(f"What would you like to know? Ask a question after /{command}.")
    u = understand(question, ctx.today, ctx.store.organizations())
    answered = passage_answer(ctx, u, organization=organization)
    if answered is not None:
        return answered
    return dont_know(ctx, question, organization=organization, label=label, command=command)

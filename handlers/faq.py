"""``/faq <question>`` and the per-organisation shortcuts (``/iiif membership fee``).

Both ask the pages the way a plain question does (``bot.ask.answer.passage_answer``: the
sentence that answers, not the page), but never answer with a list of postings; when nothing
is convincing they say so and offer the nearest FAQ headings instead of a wrong answer. An
organisation's name alone asks nothing: the reply asks what to know, and names its pages.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from bot.ask.answer import dont_know, passage_answer
from bot.ask.understand import understand
from bot.commands import CommandSpec, Context, Reply, Router
from bot.domain import UsageError
from bot.search import org_slug, tokens

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
    named = _only_named(ctx, question)
    if named is not None:
        return _what_about(ctx, named, command, organization)
    u = understand(question, ctx.today, ctx.store.organizations())
    answered = passage_answer(ctx, u, organization=organization)
    if answered is not None:
        return answered
    return dont_know(ctx, question, organization=organization, label=label, command=command)


def _only_named(ctx: Context, question: str) -> str | None:
    """The organisation a "question" only names ("/faq datacite"): nothing is asked of it,
    and any passage that merely names it would be a guess."""
    typed = tuple(word.lower() for word in tokens(question))
    return _by_words(tuple(ctx.store.organizations())).get(typed)


@functools.lru_cache(maxsize=4)
def _by_words(names: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """Each organisation by the words of its name and by its shortcut word ("iiif"), made
    once per list of names (a board of a thousand employers is asked of on every /faq)."""
    found: dict[tuple[str, ...], str] = {}
    for name in names:
        found.setdefault((org_slug(name),), name)
    for name in names:  # a whole name before another's shortcut
        found[tuple(word.lower() for word in tokens(name))] = name
    return found


def _what_about(ctx: Context, name: str, command: str, organization: str | None) -> Reply:
    """Ask what to know about ``name``, with the FAQ pages there are to ask about."""
    pages = ctx.store.page_titles(name)
    if not pages:
        return Reply(text=f"There is no FAQ page for {name}; its postings: `/jobs {name}`.")
    asked = f"/{command}" if organization else f"/{command} {name}"
    return Reply(
        text=f"What would you like to know about {name}? Ask your question after `{asked}`.\n"
        + "Pages I know: "
        + "; ".join(pages)
        + "."
    )

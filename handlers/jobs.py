"""``/jobs``: list open postings with filters, and ``/jobs show <id>`` for one in full."""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import replace
from datetime import date

from bot.ask.answer import list_answer
from bot.ask.understand import understand
from bot.ask.vocabulary import ABBREVIATIONS
from bot.commands import MORE, Action, Context, Reply, Router
from bot.domain import NotFound, Posting, UsageError
from bot.lookup import posting_by_id
from bot.present import contact_url, contacts_by_use, fact_lines, posting_card
from bot.search import PAGE_SIZE, JobsSearch, org_slug, parse_jobs_query, tokens
from bot.windows import DEADLINE_CUE, POSTED_CUE, Blanked, windows_in
from handlers.ask import question

logger = logging.getLogger(__name__)

router = Router()

# The whole description, as "/jobs show" promises; renderers split it to their limits (Slack:
# sections of 3,000). Only a runaway page is cut.
DESCRIPTION_CHARS = 20_000
# Counting every match of a common word costs more than finding the page; past this many,
# the reply says "more than 100" (bench/bench_query.py).
COUNT_LIMIT = 100


@router.command(
    "jobs",
    help="Open postings; filters combine freely",
    usage=(
        "/jobs [all] [remote|onsite] [organisation] [in <place>] [over $<pay>] [part-time] "
        "[closing this week|this month|before <month>|in N days|soon] [open until filled] "
        "[keywords] [page N]"
    ),
    examples=[
        "/jobs remote",
        "/jobs datacite",
        "/jobs closing this month",
        "/jobs show <id>",
        "/jobs subscribe remote",
    ],
)
def jobs(ctx: Context, text: str) -> Reply:
    """The postings the filters find; the verbs (show, subscribe, add …) are declared below
    and in ``handlers.subscriptions`` and ``handlers.admin``."""
    if not ctx.request.prefixed and _sentence(ctx, text):
        # "jobs for someone with an MLIS", typed without a slash, is a question that starts
        # with "jobs": read as one, its words that only ask select nothing
        return question(ctx, ctx.request.line)
    return search_jobs(ctx, text)


# A command's own words: what the parse of "/jobs all remote page 2" leaves out of its parts.
_COMMAND_WORDS = frozenset({"all", "page"})


def _sentence(ctx: Context, text: str) -> bool:
    """Whether the words after "jobs" are a sentence: words no filter reads ("for", "that",
    "where i") are left out of the typed search's parts, or the typed search keeps a word a
    question only asks with ("someone", "needing"). "jobs remote" and "jobs closing this
    week" are the command's filters, every word read."""
    organizations = ctx.store.organizations()
    typed = parse_jobs_query(text, ctx.today, organizations)
    read = {w.lower() for w in tokens(" ".join(typed.parts))}
    left = {w.lower() for w in tokens(text)} - read - _COMMAND_WORDS
    if any(not w.isdigit() for w in left):
        return True
    kept = set(understand(text, ctx.today, organizations).search.query.terms)
    return any(t not in kept and t not in ABBREVIATIONS for t in typed.query.terms)


def _closing_said(text: str, today: date) -> str:
    """The usage's ``[closing this week|…|before <month>|in N days|soon]`` with its first
    word left out ("/jobs before june", "/jobs remote in 30 days") still names a deadline
    window: read as if "closing" were typed. Without it "before" was dropped and "june"
    searched, and "in 30 days" found a posting offering 30 days of holiday. A window back in
    time ("recently") or a word of posting ("new this week") is left as it is."""
    low = text.lower()
    if DEADLINE_CUE.search(low) or POSTED_CUE.search(low):
        return text
    ahead, _month = windows_in(Blanked(f" {' '.join(low.split())} "), today)
    return f"closing {text}" if ahead is not None and ahead.start >= today else text


def search_jobs(ctx: Context, text: str) -> Reply:
    today = ctx.today
    text = _closing_said(text, today)
    organizations = ctx.store.organizations()
    understood = understand(text, today, organizations)
    if understood.filters.beyond_sql:
        # a place, pay, hours, status or dates posted: the question pipeline's list knows them
        # (its "More" asks again with the command's word: "for a new grad" alone is no list)
        return list_answer(ctx, replace(understood, said=f"jobs {understood.quoted}"))
    search = parse_jobs_query(text, today, organizations)
    q = replace(search.query, count_limit=COUNT_LIMIT, freshness=ctx.settings.freshness)
    page = ctx.store.find_postings(q)
    # the store counts exactly up to this many (see PostingQuery.count_limit)
    counted = max(COUNT_LIMIT, q.offset + q.limit)
    typed = f"/{search.command(page=search.page)}"
    if not page.items:
        raise _no_match(ctx, search, page.total, page.hidden, organizations, text, counted)

    first = search.query.offset + 1
    last = search.query.offset + len(page.items)
    noun = "posting matches" if page.total == 1 else "postings match"
    state = "" if search.query.include_inactive else "open "
    how_many = f"More than {counted}" if page.total > counted else str(page.total)
    summary = f"{how_many} {state}{noun} `{typed}`"
    if page.total > len(page.items):
        summary += f" (showing {first}–{last})"
    summary += ":"
    lines = [summary]
    freshness = ctx.settings.freshness
    lines.extend(f"• {posting_card(p, today, freshness).line}" for p in page.items)
    if page.hidden and not search.query.include_inactive:
        verb = "posting matches" if page.hidden == 1 else "postings match"
        hidden = f"Over {counted}" if page.hidden > counted else str(page.hidden)
        hidden_note = f"{hidden} more closed {verb}"
        if page.total > counted:  # counted only when the open ones are (``PostingPage``)
            hidden_note = "Closed postings match too"
        hidden_note += f" — `/{search.command(include_all=True)}`"
        lines.append(hidden_note)
        summary += f"\n{hidden_note}"

    actions = [Action("Details", "command", f"jobs show {p.id}") for p in page.items]
    if last < page.total:
        actions.append(Action(MORE, "command", search.command(page=search.page + 1)))
        lines.append(f"More: `/{search.command(page=search.page + 1)}`")
    return Reply(
        text="\n".join(lines),
        postings=page.items,
        actions=tuple(actions),
        summary=summary,
        today=today,
        freshness=freshness,
    )


def _no_match(
    ctx: Context,
    search: JobsSearch,
    total: int,
    hidden: int,
    organizations: list[str],
    text: str,
    counted: int,
) -> NotFound:
    """Explain an empty page and offer queries that do find something."""
    q = search.query
    if total > 0:
        pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
        return NotFound(
            f"There is no page {search.page}; `/{search.command()}` has {pages} "
            f"page{'s' if pages != 1 else ''}.",
            [f"/{search.command()}"],
        )
    if hidden and not q.include_inactive:
        how_many = f"more than {counted}" if hidden > counted else str(hidden)
        return NotFound(
            f"No open postings match, but {how_many} closed "
            f"{'one does' if hidden == 1 else 'ones do'}.",
            [f"/{search.command(include_all=True)}"],
        )
    suggestions: list[str] = []
    slugs = sorted({s for s in (org_slug(o) for o in organizations) if s})
    for word in text.lower().split():
        for close in difflib.get_close_matches(word, slugs, n=1, cutoff=0.75):
            if close != word:
                suggestions.append(f"/jobs {close}")
    # "drop a filter": only offer the variants that find something
    for i in range(len(search.parts)):
        command = search.without(i)
        relaxed = parse_jobs_query(command.removeprefix("jobs"), q.today, organizations)
        # whether anything matches: no page, and one match is enough to count
        probe = replace(relaxed.query, limit=0, count_limit=0, freshness=q.freshness)
        if ctx.store.find_postings(probe).total > 0:
            suggestions.append(f"/{command}")
    if not suggestions:
        suggestions.append("/jobs")
    return NotFound(f"No postings match `/{search.command()}`.", list(dict.fromkeys(suggestions)))


@router.subcommand("jobs", "show", args="<id>", help="One posting in full, with how to apply")
def show_posting(ctx: Context, posting_id: str) -> Reply:
    wanted = posting_id.strip().strip("`<>").strip()
    if not wanted:
        raise UsageError("Which posting? Give its id, e.g. `/jobs show <id>` from a /jobs list.")
    posting = posting_by_id(
        ctx.store, wanted, today=ctx.today, include_inactive=True, command="/jobs show"
    )
    return _posting_reply(posting, ctx)


def _posting_reply(p: Posting, ctx: Context) -> Reply:
    today = ctx.today
    lines = fact_lines(p, today, ctx.settings.freshness)
    description = _description(p.body)
    if description:
        lines.append("")
        lines.append(description)
    actions = [
        Action("Questions" if for_questions else "Apply", "url", contact_url(contact))
        for contact, for_questions in contacts_by_use(p)
    ]
    if p.page_url:
        actions.append(Action("Page", "url", p.page_url))
    if p.url:
        actions.append(Action("Source", "url", p.url))
    return Reply(
        text="\n".join(lines),
        postings=(p,),
        actions=tuple(actions),
        today=today,
        freshness=ctx.settings.freshness,
    )


# Linear: the closing "#"s and spaces are stripped by rstrip, not by a lazy group before
# "[\s#]*$" (which retried at every space of a long heading: 16 s for 60 KB).
_HEADING = re.compile(r"#{1,6}\s+(.*)")
_HEADING_CLOSE = "# \t"


def _description(body: str) -> str:
    """The body as one paragraph; headings become "Label:" so the flattened text still reads."""
    parts = []
    for line in body.splitlines():
        heading = _HEADING.fullmatch(line.strip())
        parts.append(f"{heading.group(1).rstrip(_HEADING_CLOSE).rstrip(':')}:" if heading else line)
    text = " ".join(" ".join(parts).split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0]
    return f"{cut} …"

"""Answering a question: retrieve what it asks for, and compose one neutral Reply with sources.

Three ways to answer, chosen by ``bot.ask.understand``: a list of postings (filters, then the
store's candidates filtered here for what SQL does not know), the facts of one posting (with the
sentences they came from), or the passage of any page that answers (ranked by
``bot.search.rank_passages``). Below the confidence threshold the reply says it does not know
and offers the nearest pages instead of a guess.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from bot.ask import vocabulary as vocab
from bot.ask.typos import corrected, fact_words_corrected, misspelt
from bot.ask.understand import (
    HIRING_NOW,
    ListFilters,
    Understanding,
    asked_words,
    beside_a_fact_word,
    deadline_by_when_only,
    page_words,
    understand,
)
from bot.commands import MORE, Action, Context, Reply
from bot.content.dates import mentions
from bot.content.employment import kinds_in
from bot.content.orgs import ROLE_WORDS
from bot.domain import (
    PERIODS_PER_YEAR,
    Passage,
    PassageHit,
    Posting,
    PostingQuery,
    PostingState,
    in_usd,
)
from bot.places import Place, accepts, find_place, places_in, read_places
from bot.present import EXTRA_FACTS, apply_url, day, fact_line, literal, page_link, source_line
from bot.search import (
    CLOSING_TERMS,
    EVENT_KIND,
    EVENT_TERMS,
    PAGE_SIZE,
    STOPWORDS,
    SYNONYMS,
    Answer,
    answers_the_figure,
    asks_open,
    closest_questions,
    closing_sentence,
    faq_terms,
    meaning_stems,
    only_asking,
    org_filter,
    org_slug,
    rank_passages,
    spell_out_initials,
    split_sentences,
    stem,
    tokens,
)
from bot.windows import Window

CANDIDATES = 200  # postings read to filter in Python; far more than a question's answer
# Counting every match of a common word costs more than finding the page (handlers/jobs.py)
COUNT_LIMIT = 100
PASSAGE_CANDIDATES = 20
# passages read for the closing date of the pages a reply quotes (``_closing_lines``)
CLOSING_CANDIDATES = 100
SEE_ALSO_RATIO = 0.6
_PAGE = re.compile(r"\s+\(?page (\d{1,4})\)?\s*$", re.I)
_LOCATION_WORDS = frozenset(
    """based remote remotely located location timezone time zone zones anywhere office
    onsite on-site hybrid relocate relocation country countries""".split()
)


def answer(ctx: Context, text: str) -> Reply:
    """The one entry point: a message in plain words → a Reply (never raises on any text)."""
    page = 1
    paged = _PAGE.search(text)
    if paged is not None:
        page = max(1, int(paged.group(1)))
        text = text[: paged.start()]
    reply = _read(ctx, text, page)
    intent = (reply.understood or {}).get("intent")
    if _found(reply) or intent in ("help", "smalltalk"):
        return reply
    # "whats the deadine for the william patterson job": what found nothing as typed is
    # asked again with its misspelt words read as the words they miss (``typos``)
    # (a posting's title is a name as an organisation's is: "the metdata librarian job");
    # so is what found postings only without a word no posting holds ("is the utrect job
    # hybrid?" listed the hybrid jobs without "utrect")
    fixed = corrected(text, [*ctx.store.organizations(), *ctx.store.posting_titles()])
    if fixed == text:
        return reply
    again = _read(ctx, fixed, page)
    return again if _found(again) else reply


def _found(reply: Reply) -> bool:
    """Whether a reply found postings or passages with every word asked."""
    return bool(reply.postings or reply.passages) and not (reply.understood or {}).get(DROPPED)


def _read(ctx: Context, text: str, page: int) -> Reply:
    text = spell_out_initials(text, ctx.store.organizations())
    u = understand(text, ctx.today, ctx.store.organizations())
    if u.intent == "help":
        return _with(_help(ctx), u)
    if u.intent == "smalltalk":
        return _with(Reply(text=u.reply), u)
    reply = _answer(ctx, u, page)
    # "how do I get notified of new jobs?" asks how to use Herald (the router answers with
    # the verbs' help), unless a page answers it ("how do I post a job on the metro board?")
    page_says = (reply.understood or {}).get("intent") == "answer" and bool(reply.passages)
    if u.verbs and not page_says:
        return _with(_help(ctx), u, intent="help")
    return reply


def _answer(ctx: Context, u: Understanding, page: int) -> Reply:
    if u.organisations_listed:
        return _with(organisations_known(ctx), u, intent="list")
    if u.most_postings:
        return _with(most_postings(ctx, u), u, intent="list")
    if _asks_news(u):
        return _with(_news(ctx, u, page), u, intent="list")
    if _asks_events(u):
        return _with(_events(ctx, u), u, intent="answer")
    asked_kinds = {k.lower() for k in EVENT_KIND.findall(u.text)}
    held = _held_or_not(ctx, u, asked_kinds) if asked_kinds and _PAST_ASKED.search(u.text) else None
    if held is not None:
        return _with(held, u, intent="answer")
    if _about_the_organisation(ctx, u):
        said = _passages_for_parts(ctx, u) or _passages_for_parts(ctx, _without_place(u))
        return _with(said or dont_know(ctx, u.quoted), u, intent="answer")
    if _open_at_the_organisation(ctx, u):
        return _with(list_answer(ctx, u, page), u, intent="list")
    about_one = _one_posting(ctx, u)
    if about_one is not None:
        return about_one
    if u.intent == "list":
        return _list_or_thing(ctx, u, page)
    reply = _passages_for_parts(ctx, u)
    # "who is the X now?" wants a name: postings for the role do not give one
    if reply is None and u.list_cue and u.about_jobs and not _asks_person(u):
        return _with(list_answer(ctx, u, page), u, intent="list")
    return _with(reply or dont_know(ctx, u.quoted), u, intent="answer")


def _hiring_for_a_role(u: Understanding) -> bool:
    """ "Is X hiring an executive director?": whether a role is open is asked."""
    return HIRING_NOW.search(u.text.lower()) is not None and _role_asked_now(
        u, u.search.query.terms
    )


def _no_opening_first(u: Understanding, said: Reply) -> Reply:
    """ "No", said before what the pages say of the role (its hire's news is no opening)."""
    return replace(said, text=f"No open postings match {_describe(u)}. The pages say:\n{said.text}")


_NEWS = re.compile(r"\b(?:" + "|".join(map(re.escape, vocab.NEWS_CUES)) + r")\b", re.I)
NEWEST_PAGES = 4


def _asks_news(u: Understanding) -> bool:
    """ "What's new from X?", "any news from X?": what an organisation has said lately, no job
    asked ("any new jobs at X?" asks its postings), and nothing else named."""
    organization = u.search.query.organization
    asked = [t for t in u.search.query.terms if _NEWS.fullmatch(t) is None]
    if organization is None or u.job_word or asked:
        return False
    return u.filters.newest_first or _NEWS.search(u.text) is not None


def _news(ctx: Context, u: Understanding, page: int) -> Reply:
    """The organisation's newest pages (its news, events and calls, which are no postings),
    then its open postings as a list question gives them."""
    organization = u.search.query.organization or ""
    terms = faq_terms(organization)
    hits = ctx.store.search_passages(terms, organization=organization, limit=NEAREST_CANDIDATES)
    hits += _of_no_one(ctx, terms, org_slug(organization))
    # a page dated after today is not published yet
    pages = {h.passage.source: h.passage for h in hits if _published(h.passage.posted, ctx)}
    newest = sorted(pages.values(), key=lambda p: p.posted or date.min, reverse=True)
    listed = list_answer(ctx, u, page)
    if not newest:
        return listed
    lines = ["Newest pages:"]
    lines += [f"• {day(p.posted)} — *{p.page_title}*" for p in newest[:NEWEST_PAGES] if p.posted]
    actions = tuple(Action(p.page_title[:75], "url", p.url) for p in newest[:NEWEST_PAGES] if p.url)
    text = "\n".join(lines) + ("\n\n" + listed.text if listed.postings else "")
    return replace(listed, text=text, actions=actions + listed.actions)


_EVENTS_ASKED = re.compile(r"\bevents?\b", re.I)
UPCOMING = 5  # events listed


def _asks_events(u: Understanding) -> bool:
    """ "Any events coming up?", "upcoming conferences?": events still to come, no job asked
    and no other thing named."""
    if u.job_word or not _NEXT.search(u.text):
        return False
    kinds = EVENT_KIND.findall(u.text)
    if not kinds and not _EVENTS_ASKED.search(u.text):
        return False
    said = {w for k in kinds for w in k.lower().split()}
    event_words = _EVENT_WORDS | said | {w + "s" for w in said}
    return not {t.lower() for t in u.search.query.terms} - event_words


_EVENT_WORDS = frozenset({"event", "events", "coming", "upcoming", "next", "soon"})


def _events(ctx: Context, u: Understanding) -> Reply:
    """The pages of events whose day is still to come, the soonest first, each with the
    sentence that gives that day."""
    kinds = [k.lower() for k in EVENT_KIND.findall(u.text)]
    organization = u.search.query.organization
    hits = ctx.store.search_passages(
        list(EVENT_TERMS), organization=organization, limit=CLOSING_CANDIDATES
    )
    soonest: dict[str, tuple[date, str, Passage]] = {}
    for hit in hits:
        found = _event_day(ctx, hit.passage, kinds)
        source = hit.passage.source
        if found is not None and (source not in soonest or found < soonest[source][:2]):
            soonest[source] = (*found, hit.passage)
    if not soonest:
        return dont_know(ctx, u.quoted)
    shown = sorted(soonest.values(), key=lambda item: item[0])[:UPCOMING]
    lines = ["Coming up:"] + [f"• *{p.page_title}*: {line}" for _d, line, p in shown]
    actions = tuple(Action(p.page_title[:75], "url", p.url) for _d, _l, p in shown if p.url)
    return Reply(text="\n".join(lines), actions=actions)


# A call for papers names its meeting in its title; it is a call, not the event
_CALL = re.compile(r"\bcall for\b|\bcfp\b|\bproposals?\b|\bsubmissions?\b|\bcall$", re.I)
EVENT_LINE = 200  # characters of the sentence that gives an event's day


def _event_day(ctx: Context, passage: Passage, kinds: Sequence[str]) -> tuple[date, str] | None:
    """The first day still to come that the passage gives its event, with its sentence: in a
    sentence naming an event or a weekday, on a page whose title names an event (of the kind
    asked, when one is) and is no call for papers."""
    titled = {k.lower() for k in EVENT_KIND.findall(passage.page_title)}
    if not titled or (kinds and not titled & set(kinds)) or _CALL.search(passage.page_title):
        return None
    days = [
        (d.value, line[:EVENT_LINE])
        for line in split_sentences(passage.text)
        if EVENT_KIND.search(line) or _HAS_WEEKDAY.search(line)
        for d in mentions(line, passage.posted)
        if d.value >= ctx.today
    ]
    return min(days, default=None)


# "Is the summer school over?", "did I miss the meeting?": whether an event's day has passed
_PAST_ASKED = re.compile(
    r"\b(?:is|was|are|were) (?:the |it |this |that )?(?:[\w-]+ ){0,6}?(?:over|done|finished)\b"
    r"|\bdid (?:i|we|you) miss\b|\balready (?:happened|over|taken place|been held)\b"
    r"|\bstill (?:on|happening|to come|ahead)\b",
    re.I,
)


def _held_or_not(ctx: Context, u: Understanding, kinds: set[str]) -> Reply | None:
    """The sentence that gives the day of the event asked about (the best-ranked page whose
    title names an event of the kind asked), and whether that day has passed; None when no
    such page answers."""
    terms = faq_terms(u.text)
    ranked = rank_passages(u.text, ctx.store.search_passages(terms, limit=PASSAGE_CANDIDATES))
    for answer_ in ranked:
        p = answer_.hit.passage
        titled = {k.lower() for k in EVENT_KIND.findall(p.page_title)}
        if not titled & kinds or _CALL.search(p.page_title):
            continue
        days = [
            (d.value, line)
            for line in split_sentences(answer_.full_text)
            if EVENT_KIND.search(line) or _HAS_WEEKDAY.search(line)
            for d in mentions(line, p.posted)
        ]
        if not days:
            continue
        last, line = max(days)
        status = "that day has passed" if last < ctx.today else "that day is still to come"
        return Reply(text=f"> {line}\n— *{p.page_title}*: {status}.")
    return None


_HAS_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d", re.I)


def _published(day: date | None, ctx: Context) -> bool:
    return day is not None and day <= ctx.today


def _list_or_thing(ctx: Context, u: Understanding, page: int) -> Reply:
    """A list question's postings, or the page about the thing it asks of ("is there a iiif
    conference in europe?": no job word, no list word, and no listed posting's title names
    the thing asked about: a place makes no job of it; or, "any grants for orgs in africa?",
    no posting mentions it at all)."""
    listed, held = _listed(ctx, u, page)
    terms = u.search.query.terms
    named = _titles_name(listed.postings, terms)
    thing = not u.job_word and ((not u.list_cue and not named) or not held)
    # "which organisations can apply to the fund?": applying, to something no title names
    thing = thing or (u.job_verb_only and not named)
    # "is the global access fund open to companies?": a page is named, not a job; "is the
    # puffin grant still open?" names the page whole, and a "Grants Officer" only in part
    whole = _titles_name(listed.postings, terms, every=True)
    thing = thing or (bool(terms) and not u.job_word and not whole and _page_named(ctx, terms))
    if terms and (not held or thing):
        # "is the metro jobs board free?": words no posting holds may be a page's topic
        answered = _passages_for_parts(ctx, u)
        if answered is not None and not (
            thing and not _passage_names(answered, terms, u.filters.place)
        ):
            if _hiring_for_a_role(u) and not listed.postings:
                answered = _no_opening_first(u, answered)
            return _with(answered, u, intent="answer")
        if not u.about_jobs or thing:  # "which formats are supported?": no job asked
            return _with(dont_know(ctx, u.quoted), u, intent="answer")
    return _with(listed, u)


def _page_named(ctx: Context, terms: Sequence[str]) -> bool:
    """Whether a page's title holds every keyword ("Global Access Fund"): the question is
    about that page, whatever postings happen to hold the words."""
    wanted = {next(iter(_stems(t)), t) for t in terms}
    hits = ctx.store.search_passages(list(terms), limit=PASSAGE_CANDIDATES)
    return any(wanted <= _stems(h.passage.page_title) for h in hits)


def _one_posting(ctx: Context, u: Understanding) -> Reply | None:
    """The facts of the posting a question names, or the candidates when it names several
    and asks a fact of them; None when it names none (or asks for a list)."""
    named = _named_postings(ctx, u) or _named_by_its_text(ctx, u)
    if len(named) == 1 and not u.asks:
        u = _fact_words_fixed(ctx, u)
    if len(named) == 1 and (u.asks or not u.list_cue):
        return _with(posting_answer(ctx, named[0], u), u, intent="posting")
    # "does datacite offer remote work from asia?" and "who's hiring remote devs?" ask which
    # of them: a list, filtered
    if (
        len(named) > 1
        and set(u.asks) & _POSTING_FACTS
        and u.filters.reachable_from is None
        and not u.list_cue
    ):
        # "when is the datacite job deadline?": the candidates, with the fact asked
        return _with(_candidates(ctx, named, u), u, intent="list")
    return None


def _named_by_its_text(ctx: Context, u: Understanding) -> list[Posting]:
    """ "Is the edinburgh job remote?", "is the leeds postdoc permanent?": a fact asked of a
    posting named by a word of its page (its city), which no title holds: the one posting,
    open or not, whose text holds every word, a short form counting when it starts a word
    of its title ("postdoc"). None when several do (the list or the candidates answer)."""
    words = [w for w in u.subject if w not in STOPWORDS]
    if not words or u.list_cue or not set(u.asks) & _POSTING_FACTS:
        return []
    for short in (None, *words):
        rest = tuple(w for w in words if w != short)
        if not rest or (short is not None and len(short) < SHORT_FORM):
            continue
        q = PostingQuery(
            today=ctx.today, terms=rest, include_inactive=True, limit=PAGE_SIZE, count_limit=0
        )
        found = list(ctx.store.find_postings(q).items)
        if short is not None:
            found = [p for p in found if _shortened(short, _stems(p.title)) in _stems(p.title)]
        if found:
            one = len(found) == 1 and not _titled_elsewhere(ctx, words, found[0])
            return found if one else []
    return []


def _titled_elsewhere(ctx: Context, words: Sequence[str], p: Posting) -> bool:
    """Whether another page's title holds every word: "where is the lumen meeting?" names
    the meeting's page, not the job advert that mentions the meeting."""
    wanted = {next(iter(_stems(w)), w) for w in words}
    hits = ctx.store.search_passages(list(words), limit=PASSAGE_CANDIDATES)
    return any(
        h.passage.source != p.source and wanted <= _stems(h.passage.page_title) for h in hits
    )


def _fact_words_fixed(ctx: Context, u: Understanding) -> Understanding:
    """ "wikimedia program officer - can i work remotly?": the posting is named, and a
    misspelt word asks its fact (``typos.fact_words_corrected``); read without the typo."""
    fixed = fact_words_corrected(u.text)
    if fixed == u.text:
        return u
    again = understand(fixed, ctx.today, ctx.store.organizations())
    return again if again.asks else u


def _about_the_organisation(ctx: Context, u: Understanding) -> bool:
    """ "Does DataCite have an office in Berlin?", "where is iiif based?": where an
    organisation is, asked with no job word and naming nothing but the organisation, is asked
    of its pages, not of its postings' places."""
    if u.job_word or not u.asks or not set(u.asks) <= {"where", "remote"}:
        return False
    words = set(u.subject)
    return bool(words) and words <= _organisation_words(ctx)


def _open_at_the_organisation(ctx: Context, u: Understanding) -> bool:
    """ "What's open at X?", "anything open at X right now?": what is open is asked and the
    question names nothing but the organisation, so its open postings are the answer, not a
    passage of one of them that happens to say "open"."""
    # "is the X job still open?" names one posting: its status is asked (``_one_posting``)
    if u.one_job or u.search.query.organization is None or set(u.asks) != {"status"}:
        return False
    words = set(u.subject) - _NOW_SUBJECT
    return bool(words) and words <= _organisation_words(ctx)


# what "rn", "atm" and "now" leave in a question's subject ("what's open at X right now?")
_NOW_SUBJECT = frozenset({"right", "now", "moment", "today", "currently"})


def _without_place(u: Understanding) -> Understanding:
    """The question less the place it names: "does X have an office in Berlin?" is answered
    by "we don't have a physical office", which names no city."""
    place = u.filters.place
    if place is None:
        return u
    name = re.escape(place.name.lower())
    text = re.sub(rf"(?i)\b(?:in|at|near)\s+(?:the\s+)?{name}\b|\b{name}\b", " ", u.text)
    return replace(u, text=" ".join(text.split()))


def _named_postings(ctx: Context, u: Understanding) -> list[Posting]:
    """The postings the question names, when it is about one (or a few) of them."""
    # a posting is looked for when a fact is asked, or when no list or explanation was ("the
    # toledo job?"); an organisation named in a list question is the list's filter
    looked_for = bool(u.asks) or (not u.list_cue and (u.one_job or not u.explain))
    organisation_words = _organisation_words(ctx)
    only_organisation = u.list_cue and set(u.subject) <= organisation_words
    if not u.subject or "hired" in u.asks or (u.list_cue and not looked_for) or only_organisation:
        return []
    # an explanation is about a posting only when it names one by its role (``_role_named``)
    roles = {w for w in u.subject if w not in organisation_words}
    if not looked_for and len(roles) < _ROLE_WORDS:
        return []
    named = find_postings(ctx, u)
    if not looked_for and not (len(named) == 1 and _role_named(named[0], roles)):
        return []
    return named


_ROLE_WORDS = 2


def _role_named(p: Posting, roles: set[str]) -> bool:
    """Whether an explanation names ``p`` by its role ("what's the start date for the
    datacite technical lead?"): two words of its title that name no organisation (``roles``).
    "What is the iiif consortium?" names the consortium, not its managing director's
    posting."""
    title = _stems(p.title)
    named = {_shortened(next(iter(_stems(w)), w), title) for w in roles}
    return len(named & title) >= _ROLE_WORDS


def _with(reply: Reply, u: Understanding, *, intent: str | None = None) -> Reply:
    """The reply with how its question was read, and whether it found anything to say."""
    understood = {**(reply.understood or {}), **u.to_json()}
    if intent is not None:
        understood["intent"] = intent
    # an empty list is an answer ("no jobs in Chicago"); a page that does not say is not
    understood["answered"] = understood["intent"] != "answer" or bool(reply.passages)
    return replace(reply, understood=understood)


_EXAMPLE_TITLE = 40  # characters of a posting title help offers as an example


def _help(ctx: Context) -> Reply:
    """What to ask, as examples that answer on this store's content: the questions about one
    posting name an open posting of it, the FAQ's an organisation with FAQ pages ("the toledo
    job" of another site's content was a dead end for a newcomer trying it)."""
    lines = [
        "Ask me in your own words, for example:",
        "• `remote jobs` · `any jobs in california?` · `which jobs pay over $90k?`",
        "• `anything closing this month?` · `part-time jobs`",
    ]
    q = PostingQuery(today=ctx.today, limit=PAGE_SIZE, count_limit=0)
    found = [p.title.replace("`", "'").lower() for p in ctx.store.find_postings(q).items]
    titles = [t for t in found if len(t) <= _EXAMPLE_TITLE][:2]  # short enough to retype
    if titles:
        about = [f"`who do I email about the {titles[0]} job?`"]
        about += [f"`what does the {t} job pay?`" for t in titles[1:]]
        lines.append("• " + " · ".join(about))
    slugs = [org_slug(o) for o in ctx.store.faq_organizations()[:1]]
    if slugs:
        lines.append(f"• `what is {slugs[0]}?` · `/{slugs[0]} <your question>`")
    lines.append("Type `/help` for every command.")
    return Reply(text="\n".join(lines))


# ---------------------------------------------------------------- one posting


_POSTING_FACTS = frozenset(
    {"salary", "deadline", "apply", "where", "remote", "status", "employment", "posted"}
)


def _organisation_words(ctx: Context) -> set[str]:
    return {w.lower() for o in ctx.store.organizations() for w in tokens(o)}


def find_postings(ctx: Context, u: Understanding) -> list[Posting]:
    """The posting the question names by its title (and organisation, year); several when
    they match equally well; none when nothing matches well enough."""
    subject = [w for w in u.subject if w not in STOPWORDS]
    if not subject:
        return []
    titled = _titled_by(ctx, subject) if len(subject) > 1 and not _several_asked(u) else None
    if titled is not None and not titled:
        subject, titled = _naming_words(ctx, u, subject), None
    candidates = _titled_by_most(ctx, subject, titled)
    # "tcm at datacite - what working group…": a word of another title ("LAC Group") finds
    # postings that the words asked do not name well enough
    named_well = any(_title_score(p, subject, u.year) >= NAMED_ENOUGH for p in candidates.values())
    if not named_well:
        candidates = _of_the_organisation(ctx, subject) or candidates
    scored = sorted(
        ((_title_score(p, subject, u.year), p) for p in candidates.values()),
        key=lambda item: item[0],
        reverse=True,
    )
    scored = [(score, p) for score, p in scored if _holds_the_roles(p, subject)]
    if not scored or scored[0][0] < NAMED_ENOUGH:
        return []
    return [p for score, p in scored if score >= scored[0][0]]


def _naming_words(ctx: Context, u: Understanding, subject: list[str]) -> list[str]:
    """ "Is there parking at the minster gate museum job?": the words asked of the posting
    ("parking") are in no title and no place asked; the others name the posting, when they
    name one ("the utrech developer job" is no "developer" of many). Words that a page's title
    holds ("what does datacite's global access fund fund?") may name it: the subject as it is."""
    places = {w.lower() for p in (u.filters.place, *u.filters.also) if p for w in tokens(p.name)}
    naming = [w for w in subject if w in places or _titled_by(ctx, [w])]
    rest = [w for w in subject if w not in naming]
    # an organisation named without a job ("does the linden viewer support video?") is
    # asked of its pages, not of its one posting
    a_job = u.job_word or bool(set(naming) - _organisation_words(ctx))
    # the rest must ask something of a posting: "who did harbourline hire?", "who did X hire
    # as CTO?" ask who was hired (a word of the hiring synonyms beside "who")
    if not a_job or not asked_words(rest) or len(_titled_by(ctx, naming)) != 1:
        return subject
    if _WHO.match(u.text) and any(SYNONYMS.get(stem(w)) == _HIRED for w in rest):
        return subject
    if _a_title_holds(ctx, rest):
        return subject
    # a misspelt word ("the kelp libary director") is read again as the word it misses
    # (``answer``), not taken as asked
    return naming if not misspelt(rest) else subject


_WHO = re.compile(r"\s*who\b", re.I)
_HIRED = SYNONYMS[stem("hire")]


def _a_title_holds(ctx: Context, words: Sequence[str]) -> bool:
    """Whether a page's title holds a word of ``words`` ("who hosts the harbor conf?": the
    conference's page, not the organisation's one posting)."""
    if not words:
        return False
    wanted = {s for w in words for s in _stems(w)}
    hits = ctx.store.search_passages(list(words), limit=PASSAGE_CANDIDATES)
    return any(wanted & _stems(h.passage.page_title) for h in hits)


# "are there internships she could apply for?", "any jobs …": several postings are asked for
_SEVERAL = frozenset(w for w in vocab.JOB_NOUNS | {"internships", "fellowships"} if w.endswith("s"))


def _several_asked(u: Understanding) -> bool:
    """Whether the question asks for postings in the plural: its words are no posting's name
    and what it asks of one ("my daughter is studying history - are there internships…?")."""
    return bool(_SEVERAL & {w.lower() for w in tokens(u.text)})


def _titled_by_most(
    ctx: Context, subject: Sequence[str], titled: Sequence[Posting] | None = None
) -> dict[str, Posting]:
    """The postings whose titles hold every word of ``subject`` (``titled``, when the caller
    has read them), or, when none does, every word but one (the first word left out that
    finds any)."""
    candidates: dict[str, Posting] = {}
    tries = [list(subject)] + [[*subject[:i], *subject[i + 1 :]] for i in range(len(subject))]
    for number, words in enumerate(tries[: 1 + min(len(subject), 6)]):
        if not words:
            continue
        found = titled if number == 0 and titled is not None else _titled_by(ctx, words)
        for p in found:
            candidates.setdefault(p.id, p)
        if candidates:
            break
    return candidates


# Role nouns that also say little of which role ("the lead", "a head start", "page two")
_VAGUE_ROLES = frozenset({"position", "lead", "head", "page", "chair", "worker", "owner"})


def _holds_the_roles(p: Posting, subject: Sequence[str]) -> bool:
    """Whether the posting's title holds every role noun the question names: "the harbourline
    metadata librarian" is not its Metadata Developer, though both words of the rest agree
    (the role was hired and announced, it is not open)."""
    roles = [w for w in subject if ROLE_WORDS.found(w) and w.rstrip("s") not in _VAGUE_ROLES]
    if not roles:
        return True
    title = _stems(p.title)
    return all(_shortened(next(iter(_stems(w)), w), title) in title for w in roles)


def _of_the_organisation(ctx: Context, subject: Sequence[str]) -> dict[str, Posting]:
    """ "The datacite tech lead": a short form no title holds as a word; the postings of the
    organisation named, to be scored by their titles (``_shortened``); none when the
    question names no organisation, or nothing else."""
    org_words = _organisation_words(ctx)
    # "datacite … working group": the organisation named by its first word, not "LAC Group"'s
    slugs = {org_slug(o) for o in ctx.store.organizations()}
    named_org = tuple(w for w in subject if w in slugs) or tuple(
        w for w in subject if w in org_words
    )
    if not named_org or len(named_org) >= len(subject):
        return {}
    return {p.id: p for p in _titled_by(ctx, named_org)}


def _titled_by(ctx: Context, words: Sequence[str]) -> Sequence[Posting]:
    """Postings, open or not, whose title or organisation holds ``words``: a posting named
    by its title is not one whose body has the words."""
    q = PostingQuery(
        today=ctx.today, terms=tuple(words), include_inactive=True, limit=20, count_limit=0,
        in_titles=True,
    )  # fmt: skip
    return ctx.store.find_postings(q).items


def _candidates(ctx: Context, postings: Sequence[Posting], u: Understanding) -> Reply:
    today = ctx.today
    fresh = ctx.settings.freshness
    published = [
        p for p in postings if p.state(today, fresh) not in ("not yet posted", "withdrawn")
    ]
    postings = published or postings
    shown = sorted(postings, key=lambda p: (p.state(today, fresh) != "open", _newest(p)))
    head = f"{len(postings)} postings match {_describe(u)}; which one do you mean?"
    return _listing(ctx, u, head, shown[:PAGE_SIZE])


def _stems(text: str) -> set[str]:
    # "California-Irvine" is named "california irvine" as well
    return {stem(part.lower()) for w in tokens(text) for part in w.split("-") if part}


def _stem_list(text: str) -> list[str]:
    """``_stems`` in the order of the words."""
    return [stem(part.lower()) for w in tokens(text) for part in w.split("-") if part]


def _title_score(p: Posting, subject: Sequence[str], year: int | None) -> float:
    title = _stems(p.title)
    org = _stems(p.organization or "")
    words = [w for w in subject if w]
    stems = _spelled_out(
        [_shortened(next(iter(_stems(w)), w), title) for w in words], _stem_list(p.title)
    )
    # "iiif consortium perks" names the consortium, not the "Managing Director of the IIIF
    # Consortium": the organisation's words in a title name no role
    in_title = sum(1 for s in stems if s in title and s not in org)
    covered = sum(1 for s in stems if s in title or s in org)
    if in_title == 0:
        # "the toledo job": an organisation named alone names its posting when it has one
        return 0.7 if covered == len(stems) else 0.0
    score = covered / len(stems)
    if in_title < 2 and len(title) > 2:
        score -= 0.2
    if _in_order(stems, _stem_list(p.title)):
        # "the tech lead … management experience" names "Technical Lead" before "Technical
        # Community Manager": two words asked side by side as its title has them
        score += TITLE_PHRASE
    if year is not None and p.posted is not None:
        score += 0.3 if p.posted.year == year else -0.3
    return score


NAMED_ENOUGH = 0.6  # a title score below it names no posting
SHORT_FORM = 4  # "tech" names "Technical", "coord" "Coordinator"; "art" names no "Artist"
INITIALS = (2, 3)  # "md" names "Managing Director", "pm" "Project Manager"


def _spelled_out(stems: list[str], title: list[str]) -> list[str]:
    """The words asked, a title's initials spelled out as its words ("the iiif md" names the
    "Managing Director of the IIIF Consortium"; a word the title holds stays as it is)."""
    out: list[str] = []
    for s in stems:
        n = len(s)
        run = next(
            (
                title[i : i + n]
                for i in range(len(title) - n + 1)
                if "".join(t[0] for t in title[i : i + n]) == s
            ),
            None,
        )
        out.extend(run if n in INITIALS and s not in title and run else [s])
    return out


TITLE_PHRASE = 0.1


def _in_order(asked: Sequence[str], title: Sequence[str]) -> bool:
    """Whether two words asked one after the other stand side by side in the title."""
    pairs = set(itertools.pairwise(title))
    return any(pair in pairs for pair in itertools.pairwise(asked))


def _shortened(word: str, title: set[str]) -> str:
    """The title's word that ``word`` is the start of, when it is a short form of one
    ("tech lead" of "Technical Lead"); else the word itself."""
    if word in title or len(word) < SHORT_FORM:
        return word
    return next((t for t in sorted(title) if t.startswith(word)), word)


def posting_answer(ctx: Context, p: Posting, u: Understanding) -> Reply:
    today = ctx.today
    freshness = ctx.settings.freshness
    state = p.state(today, freshness)
    lines = [f"**{p.title}**" + (f" — {p.organization}" if p.organization else "")]
    said, unsaid, asks = _asked_of(ctx, u, p)
    # where the work is done answers "where"; and "I'm in Canada - can I apply?" as well
    if ("where" in asks or u.filters.reachable_from is not None) and "remote" not in asks:
        asks.append("remote")
    for fact in dict.fromkeys(asks):
        lines.extend(_fact_lines(p, fact, u, today, state))
    if "status" not in asks and state != "open":
        lines.append(str(fact_line(p, "status", today, state)))
    if said is not None:
        lines.insert(1, said)
    elif unsaid:
        # "is there parking at the X job?": the page is silent; its facts are no answer
        words = " ".join(unsaid)
        lines.insert(1, f"The posting does not say anything about “{words}”. What it does say:")
    if page_link(p) is not None:
        lines.append(source_line(p))
    actions = [Action("Details", "command", f"jobs show {p.id}")]
    link = apply_url(p) if p.contacts else None
    if link is not None and state == "open":
        actions.append(Action("Apply", "url", link))
    return Reply(
        text="\n".join(lines),
        postings=(p,),
        actions=tuple(actions),
        today=today,
        freshness=freshness,
    )


_CARD = ("where", "deadline", "salary", "apply")


def _asked_of(
    ctx: Context, u: Understanding, p: Posting
) -> tuple[str | None, list[str], list[str]]:
    """What the question asks of the posting: its page's passage that answers something no
    fact holds ("what's the start date for …?"), the words asked that the page leaves
    unanswered, and the facts to show (the card's, when the passage does not answer).
    "When does it start?" asks the start, not the deadline "when" beside a job noun stands
    for."""
    by_when = u.asks == ("deadline",) and deadline_by_when_only(u.text)
    if by_when or not u.asks:
        said, unsaid = _from_page(ctx, u, p)
    else:
        said, unsaid = None, _unsaid_beside_facts(u, p)
    default = [] if said is not None else list(_CARD)
    asked = [] if said is not None or (by_when and unsaid) else u.asks
    return said, unsaid, [a for a in asked if a != "hired"] or default


def answer_about(ctx: Context, p: Posting, text: str) -> Reply:
    """A question about one posting named by where it stood in a list shown before ("is the
    second one remote?", ``bot.followup.referred``): its facts, as asked; "remind me about
    the second one" gets the command that does it for that posting."""
    u = understand(text, ctx.today, ctx.store.organizations())
    if "remind" in u.verbs:
        command = f"jobs remind {p.id}"
        said = f"To be reminded before **{literal(p.title)}** closes: `/{command}`"
        reply = Reply(text=said, postings=(p,), actions=(Action("Remind me", "command", command),))
        return _with(reply, u, intent="posting")
    return _with(posting_answer(ctx, p, u), u, intent="posting")


def _beyond_its_names(u: Understanding, p: Posting) -> list[str]:
    """The words of the question that its title, organisation and place do not hold ("datacite
    tcm: do i need a degree?": the title's initials name it, as its words do)."""
    named = _stems(f"{p.title} {p.organization or ''} {p.location or ''}")
    title = _stem_list(p.title)
    return [
        w
        for w in page_words(u.text)
        if (s := _shortened(next(iter(_stems(w)), w), named)) not in named
        and _spelled_out([s], title) == [s]
    ]


def _unsaid_beside_facts(u: Understanding, p: Posting) -> list[str]:
    """ "How much paid leave does the X job have?": "paid" asks the salary, but "leave" beside
    it is what is asked; when no sentence of the posting holds such a word (a place, a short
    or a misspelt word aside), the facts shown are not the answer."""
    beside = beside_a_fact_word(u.text)
    asked = [
        w
        for w in asked_words(_beyond_its_names(u, p))
        if w in beside and len(w) > SHORT_WORD and find_place(w) is None
    ]
    if not asked or _sentence_saying(p, asked, u.text) is not None:
        return []
    typos = misspelt(asked)
    return [w for w in asked if w not in typos]


def _from_page(ctx: Context, u: Understanding, p: Posting) -> tuple[str | None, list[str]]:
    """The passage of the posting's own page that answers the words its title does not hold;
    when none does, the words asked that it left unanswered (none when the question asks
    nothing but names the posting: "the toledo job?", "tell me about the leeds job")."""
    rest = _beyond_its_names(u, p)
    if not rest:
        return None, []
    # "iiif md: do i need iiif experience?": the organisation named twice is asked of the
    # second time ("previous experience with IIIF is not required")
    said = [w.lower() for w in tokens(u.text)]
    named = _stems(f"{p.title} {p.organization or ''} {p.location or ''}")
    again = [w for w in dict.fromkeys(said) if said.count(w) > 1 and _stems(w) <= named]
    wide = ctx.store.search_passages(faq_terms(" ".join(rest)), limit=PASSAGE_CANDIDATES * 5)
    ranked = rank_passages(
        " ".join(rest + again), [h for h in wide if h.passage.source == p.source]
    )
    best = next((a for a in ranked if a.confident), None)
    if best is not None:
        return f"> {best.excerpt}", []
    asked = asked_words(rest)
    sentence = _sentence_saying(p, asked, u.text)
    return (f"> {sentence}", []) if sentence is not None else (None, asked)


def _sentence_saying(p: Posting, asked: Sequence[str], question: str) -> str | None:
    """The posting's sentence holding most of the words asked of it, a synonym counting
    ("is there parking?": "parking for cars is in the street"; "what's the dress code?": "Dress
    is casual"): too few words for the ranking to be confident, but the page's own words on
    what was asked, which a reply must quote rather than say the page is silent. A figure
    asked ("how big is the team?") is said only by a sentence holding one."""
    wanted = meaning_stems(" ".join(asked))
    if not wanted:
        return None
    sentences = [sentence.strip() for sentence in split_sentences(p.body)]
    scored = [
        (len(wanted & meaning_stems(sentence)), i)
        for i, sentence in enumerate(sentences)
        if len(sentence) < SAID_SENTENCE and answers_the_figure(question, sentence)
    ]
    best, at = max(scored, key=lambda item: item[0], default=(0, 0))
    return _under_heading(sentences, at) if best else None


_HEADING = re.compile(r"^#{1,6}\s+")


def _under_heading(sentences: Sequence[str], at: int) -> str:
    """The sentence at ``at``; a heading ("## What we offer" of "what benefits…?") with the
    lines under it, up to the next heading: a heading says what follows, not the answer."""
    if not _HEADING.match(sentences[at]):
        return sentences[at]
    under = itertools.takewhile(lambda s: not _HEADING.match(s), sentences[at + 1 :])
    lines = [_HEADING.sub("", sentences[at]), *itertools.islice(under, _UNDER_A_HEADING)]
    return "; ".join(lines)


_UNDER_A_HEADING = 6  # lines quoted under a heading: a list of benefits, not the whole page


SAID_SENTENCE = 400  # characters: a longer "sentence" is a run of text, no answer to quote


def _fact_lines(
    p: Posting, fact: str, u: Understanding, today: date, state: PostingState
) -> list[str]:
    """The presenter's line for the fact asked; a remote question also gets whether the
    asker's place is accepted and the posting's own sentences about where the work is done."""
    line = fact_line(p, fact, today, state, asked=fact == "status")
    if fact == "apply" and _WHO_IS.search(u.text) and not _names_a_person(line or ""):
        # "who is the hiring manager?" wants a name: a form or an address is no answer to it
        return [_NO_ONE_NAMED, *_fact_lines(p, fact, replace(u, text=""), today, state)]
    if fact == "apply" and not p.contacts:
        # no address or link was read ("Fill out the application form on our website",
        # "Apply through the college careers page"): the posting's own words say the way
        said = _apply_sentences(p)
        if said:
            return ["How to apply (no email or link given), the posting says:", f"> {said[0]}"]
        return [line] if line is not None else []
    if fact == "employment":
        # "how many hours is it?", "how long is the contract?": the sentence that says
        # a remote worker's hours to keep ("calls between UTC-5 and UTC+2") answer it too
        said = _span_sentences(p)
        said += [x for x in _hours_kind_sentences(p) if x not in said]
        said += _hours_sentences(p, said)
        return ([line] if line is not None else []) + [f"> {s}" for s in said]
    if fact != "remote":
        return [line] if line is not None else []
    lines = [line] if line is not None else []
    said = _location_sentences(p, asked=u.text)
    if u.filters.reachable_from is not None:
        lines.insert(0, _reachable_line(p, u.filters.reachable_from, said))
    lines.extend(f"> {s}" for s in said)
    # "available for meetings from -8 UTC to +1 UTC": hours to keep, said beside where the
    # work is done, though they limit no place ("anywhere" stays anywhere)
    lines.extend(f"> {s}" for s in _hours_sentences(p, said))
    return lines


_WHO_IS = re.compile(r"^\s*who(?:'s|’s|\s+is|\s+are|\s+was|\s+will\s+be|\s+would\s+be)\b", re.I)
_NO_ONE_NAMED = "The posting does not say who: it names no person, only how to apply."


def _names_a_person(said: str) -> bool:
    """Whether ``said`` names a person ("Branch manager Ola Berg"): two capitalised words in a
    row that are no role, place or body."""
    for match in _PERSON.finditer(said):
        words = [w.lower().rstrip("’'s") for w in tokens(match.group())]
        if (
            not any(w in vocab.NOT_PERSON_WORDS for w in words)
            and find_place(match.group()) is None
        ):
            return True
    return False


# "20-24 hours of work per week", "will run for approximately 3 months", "a one-year
# appointment", "Work Schedule: 8:00 a.m. - 5:00 p.m."
_TIME_OF_DAY = r"\d{1,2}(?::\d\d)?\s?[ap]\.?m\b\.?"
_SPAN_NUMBER = r"(?:\d+|one|two|three|four|five|six|eight|nine|ten|twelve|eighteen|twenty-four)"
_SPAN = re.compile(
    r"\b\d+(?:\s?(?:-|–|to)\s?\d+)?\s+(?:hours?|hrs|days?|weeks?|months?|years?)\b"
    rf"|\b{_SPAN_NUMBER}[- ](?:years?|months?|weeks?)\b"
    rf"|\b{_TIME_OF_DAY}\s?(?:-|–|to)\s?{_TIME_OF_DAY}",
    re.I,
)


_EXPERIENCE = re.compile(r"\bexperience|\bdegree\b|\bqualifi", re.I)  # "2 years of experience"


def _span_sentences(p: Posting, limit: int = 2) -> list[str]:
    """Sentences of the posting giving its hours or how long it runs, as written."""
    known = (p.evidence_for("employment_type") or "").strip()
    found = (
        s.strip()
        for s in split_sentences(p.body)
        if _SPAN.search(s) and not _EXPERIENCE.search(s) and len(s) < 400 and s.strip() != known
    )
    return list(dict.fromkeys(found))[:limit]


_APPLY_WORDS = re.compile(r"\bappl(?:y|ying|ication|ications)\b", re.I)
_WAY_WORDS = re.compile(
    r"\b(?:form|website|site|page|portal|online|through|via|email|write)\b", re.I
)


def _apply_sentences(p: Posting, limit: int = 1) -> list[str]:
    """The posting's sentence on how to apply when no address or link was read: one naming a
    way (a form, a website, a page), else any naming the application."""
    said = [s.strip() for s in split_sentences(p.body) if _APPLY_WORDS.search(s) and len(s) < 400]
    return sorted(said, key=lambda s: _WAY_WORDS.search(s) is None)[:limit]


def _hours_kind_sentences(p: Posting, limit: int = 1) -> list[str]:
    """An internship's or a fixed-term post's sentence saying its hours ("The intern works
    three days a week (part-time)"): its kind is the term, and "is it part time?" asks the
    hours (``_kind_as_asked`` lists it so)."""
    if p.employment_type not in _TERM_KINDS:
        return []
    known = (p.evidence_for("employment_type") or "").strip()
    found = (
        s.strip()
        for s in split_sentences(p.body)
        if kinds_in(s) & _HOURS_KINDS and len(s) < 400 and s.strip() != known
    )
    return list(dict.fromkeys(found))[:limit]


_HOURS = re.compile(r"\b(?:UTC|GMT)\b|\bworking hours of\b")


def _hours_sentences(p: Posting, said: Sequence[str], limit: int = 1) -> list[str]:
    """Sentences of a remote posting about the hours its worker must keep."""
    if not p.remote:
        return []
    found = (s.strip() for s in split_sentences(p.body) if _HOURS.search(s) and len(s) < 400)
    return [s for s in found if s not in said][:limit]


def _location_sentences(p: Posting, limit: int = 3, asked: str = "") -> list[str]:
    """Sentences of the posting about where the work is done, as written; those holding a
    word of ``asked`` (the question: "which time zone…?") first."""
    out: list[str] = []
    known = {(p.evidence_for("remote") or "").strip(), (p.evidence_for("location") or "").strip()}
    wanted = _place_words(asked) & _LOCATION_WORDS
    for sentence in split_sentences(p.body):
        words = {w.lower() for w in tokens(sentence)}
        if words & _LOCATION_WORDS and len(sentence) < 400 and sentence.strip() not in known:
            if places_in(sentence) or words & {"remote", "remotely", "timezone", "hybrid"}:
                out.append(sentence.strip())
        if len(out) == limit and not wanted:
            break
    out.sort(key=lambda s: not _place_words(s) & wanted)  # stable: the page's order otherwise
    return out[:limit]


def _place_words(text: str) -> set[str]:
    """Lower-case words, "time zone" written as one."""
    return {w.lower() for w in tokens(re.sub(r"(?i)\btime[ -]zones?\b", "timezone", text))}


def _reachable_line(p: Posting, where: Place, said: Sequence[str]) -> str:
    if not p.remote:
        inside = any(where.contains(r) for r in _named(p))
        return f"From {where.name}: {'yes' if inside else 'not remotely'}: it is on site."
    regions = read_places(p.remote_regions)
    if not regions:
        return f"From {where.name}: probably — it is remote and names no region."
    named = ", ".join(dict.fromkeys(r.name for r in regions))
    if accepts(regions, where):
        return f"From {where.name}: yes — remote work from {named} only."
    if all(r.kind == "city" for r in regions):  # "Ithaca, NY w/ remote hours"
        return f"From {where.name}: not remotely — part of the work is done in {named}."
    evidence = [p.evidence_for(f) or "" for f in ("location", "remote", "remote_regions")]
    if _only_preferred([p.location or "", *evidence, *said]):
        return f"From {where.name}: possibly — it is remote and prefers {named}."
    return f"From {where.name}: no — remote work from {named} only."


# ---------------------------------------------------------------- lists


def list_answer(ctx: Context, u: Understanding, page: int = 1) -> Reply:
    """The postings a list question asks for, open ones first; when none is open, the past
    ones that match, labelled; when nothing matches, a reply that says so."""
    return _listed(ctx, u, page)[0]


def _listed(ctx: Context, u: Understanding, page: int) -> tuple[Reply, bool]:
    """``list_answer``'s reply, and whether it lists postings holding the keywords."""
    f = u.filters
    if f.status == "open" and not f.beyond_query and not u.search.query.terms:
        # what SQL can filter alone, it also pages and counts: five rows read, not hundreds
        q = replace(
            u.search.query,
            include_inactive=False,
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
            count_limit=COUNT_LIMIT,
            freshness=ctx.settings.freshness,
        )
        found = ctx.store.find_postings(q)
        if found.items:
            total = min(found.total, COUNT_LIMIT + 1)
            return _list_reply(ctx, u, list(found.items), total, page), True
    q = replace(u.search.query, include_inactive=f.status != "open", limit=CANDIDATES, offset=0)
    matching, past, dropped = _matching(ctx, u, q)
    fewer = False
    if not matching and len(q.terms) > 1:
        matching, past, dropped = _fewer_words(ctx, q, f)
        fewer = bool(matching)
    if past and u.now_asked:
        # past postings hold the keywords: they are a job's words, not some page's topic
        # ("any librarian jobs open right now?" is no question about the librarian's page)
        return _none_open(ctx, u, len(matching)), True
    if not matching:
        return _nothing_matches(ctx, u), False
    pages = (len(matching) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(page, pages)
    shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    reply = _list_reply(ctx, u, shown, len(matching), page, past=past, dropped=dropped)
    # one word of several left out (``_fewer_words``) still lists postings holding the rest
    return reply, fewer or not dropped


def _matching(
    ctx: Context, u: Understanding, q: PostingQuery
) -> tuple[list[Posting], bool, tuple[str, ...]]:
    """(the postings that match, whether they are past ones, the keywords dropped). Open
    ones are found by SQL (which knows the freshness rule), the rest among all; the keywords
    are kept in past postings before they are ever dropped ("any developer jobs?" lists the
    past developer jobs, not every open one), and dropped only when another filter still
    says what is wanted ("remote archivist jobs": the remote ones)."""
    f = u.filters
    attempts: list[tuple[PostingQuery, ListFilters, bool]] = [(q, f, False)]
    if f.status == "open":
        attempts.append((replace(q, include_inactive=True), replace(f, status="past"), True))
    if q.terms and _narrowed(u) and not _role_asked_now(u, q.terms):
        unworded = replace(q, terms=())
        attempts.append((unworded, f, False))
        if f.status == "open":
            attempts.append(
                (replace(unworded, include_inactive=True), replace(f, status="past"), True)
            )
    for query, filters, of_the_past in attempts:
        matching = _titled(_filtered(ctx, query, filters), query)
        if matching:
            return matching, of_the_past, (q.terms if not query.terms else ())
    return [], False, ()


def _role_asked_now(u: Understanding, terms: Sequence[str]) -> bool:
    """ "Is halyard hiring an outreach coordinator?": the role is what is asked, and no
    posting for it is a "no", not the organisation's other openings (its news may announce
    that someone was hired for it)."""
    return u.now_asked and ROLE_WORDS.found(" ".join(terms))


def _nothing_matches(ctx: Context, u: Understanding) -> Reply:
    text = f"No postings match {_describe(u)}."
    actions = [Action("Open postings", "command", "jobs")]
    if u.filters.place is not None:
        where = " or ".join(x.name for x in (u.filters.place, *u.filters.also))
        text = f"No postings in {where} match {_describe(u)}."
        remote = _remote_from(ctx, u)
        if remote:
            noun = "posting is" if remote == 1 else "postings are"
            asked = " ".join(["remote", *u.search.query.terms, f"jobs in {where}"])
            text += f"\n{remote} remote {noun} open to people in {where}: ask “{asked}”."
            actions.insert(0, Action("Remote ones", "command", f"ask {asked}"))
    return Reply(text=text, today=ctx.today, actions=tuple(actions))


def _remote_from(ctx: Context, u: Understanding) -> int:
    """How many remote postings people in the asked place may take ("jobs in the
    netherlands" with none there, but remote ones open to Europe): a place asks where the
    work is, so they are not the answer, only the next thing to ask."""
    q = u.search.query
    if q.remote is not None or u.filters.on_site:
        return 0
    remote = replace(q, remote=True, include_inactive=False, limit=CANDIDATES, offset=0)
    return len(_filtered(ctx, remote, replace(u.filters, status="open")))


def _none_open(ctx: Context, u: Understanding, past: int) -> Reply:
    """No open posting matches a question that asks what is open now ("is X hiring?"): the
    past ones that match are counted, not offered — a posting whose deadline passed is no
    answer to "who is hiring?", and listing it reads as an opening."""
    noun = "posting matches" if past == 1 else "postings match"
    text = (
        f"I found no open postings matching {_describe(u)}. "
        f"{past} past {noun} (no longer open); ask for past jobs to see them."
    )
    return Reply(text=text, today=ctx.today, actions=(Action("Open postings", "command", "jobs"),))


def _fewer_words(
    ctx: Context, q: PostingQuery, f: ListFilters
) -> tuple[list[Posting], bool, tuple[str, ...]]:
    """When no posting holds every keyword ("jobs for a children's librarian"), the postings
    whose titles name the others, one keyword left out: of those, the fewest (the rarest
    words say the most). Empty when no title names them."""
    found: list[tuple[int, list[Posting], bool, tuple[str, ...]]] = []
    for left_out in q.terms:
        rest = tuple(t for t in q.terms if t != left_out)
        wanted = {stem(t.lower()) for t in rest}
        fewer = replace(q, terms=rest)
        tries = [(fewer, f, False)]
        if f.status == "open":
            tries.append((replace(fewer, include_inactive=True), replace(f, status="past"), True))
        for query, filters, of_the_past in tries:
            named = [p for p in _filtered(ctx, query, filters) if wanted & _stems(p.title)]
            if named:
                found.append((len(named), named, of_the_past, (left_out,)))
                break
    if not found:
        return [], False, ()
    _n, matching, past, dropped = min(found, key=lambda item: (item[2], item[0]))
    return matching, past, dropped


def most_postings(ctx: Context, u: Understanding) -> Reply:
    """ "Who posted the most jobs?": the organisations with the most postings that match,
    open ones when there are, else all (of the ``CANDIDATES`` newest)."""
    f = u.filters
    q = replace(u.search.query, include_inactive=f.status != "open", limit=CANDIDATES, offset=0)
    matching = _filtered(ctx, q, f)
    scope = "open postings"
    if not matching and f.status == "open":
        everything = replace(q, include_inactive=True)
        matching = _filtered(ctx, everything, replace(f, status="any"))
        scope = "postings, open or not (none is open now)"
    if not matching:
        return Reply(text=f"No postings match {_describe(u)}.", today=ctx.today)
    counts = Counter(p.organization or "(no organisation named)" for p in matching)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    capped = " (of the newest)" if len(matching) >= CANDIDATES else ""
    lines = [f"Most {scope}{capped}, by organisation:"]
    lines += [f"• {name}: {n}" for name, n in ranked[: PAGE_SIZE * 2]]
    actions = tuple(Action(name[:75], "command", f"jobs {name}") for name, _n in ranked[:PAGE_SIZE])
    return Reply(text="\n".join(lines), actions=actions, today=ctx.today)


ORGANISATIONS_SHOWN = 20


def organisations_known(ctx: Context) -> Reply:
    """ "Which organisations do you know?": every organisation of a posting or an FAQ page,
    those with the most open postings first (of the ``CANDIDATES`` newest), each with its
    count and its FAQ shortcut: what a newcomer can ask about."""
    names = ctx.store.organizations()
    if not names:
        return Reply(text="I know no organisation yet: no posting or FAQ page names one.")
    q = PostingQuery(today=ctx.today, limit=CANDIDATES, freshness=ctx.settings.freshness)
    open_now = Counter(p.organization for p in ctx.store.find_postings(q).items)
    counts = {name: open_now[name] for name in names}
    faq = set(ctx.store.faq_organizations())
    ranked = sorted(names, key=lambda name: (-counts[name], name.lower()))
    lines = [f"Organisations I know ({len(names)}), the most open postings first:"]
    for name in ranked[:ORGANISATIONS_SHOWN]:
        n = counts[name]
        said = [f"{n} open posting{'s' if n != 1 else ''}" if n else "no open posting"]
        if name in faq and (slug := org_slug(name)):
            said.append(f"FAQ: `/{slug}`")
        lines.append(f"• {literal(name)}: {' · '.join(said)}")
    if len(ranked) > ORGANISATIONS_SHOWN:
        lines.append(f"…and {len(ranked) - ORGANISATIONS_SHOWN} more.")
    shown = [name for name in ranked[:PAGE_SIZE] if counts[name]]
    actions = tuple(Action(name[:75], "command", f"jobs {name}") for name in shown)
    return Reply(text="\n".join(lines), actions=actions, today=ctx.today)


def _passage_names(reply: Reply, terms: Sequence[str], place: Place | None = None) -> bool:
    """Whether the passage that answers names every one of the words (the thing asked
    about, not only the place it was asked of), or the place itself and most of them ("how
    many staff will be trained in the NYC project?" of the page "… for NYC Digital Safety")."""
    p = reply.passages[0].passage
    said = f"{p.text} {p.question} {p.page_title}"
    wanted = {stem(t.lower()) for t in terms}
    named = wanted & _stems(said)
    if named == wanted:
        return True
    # the place named, and most of the thing: a passage naming the place alone answers no
    # "conference in Europe"
    most = 2 * len(named) > len(wanted)
    return most and place is not None and any(place.contains(x) for x in places_in(said))


def _titles_name(postings: Sequence[Posting], terms: Sequence[str], *, every: bool = False) -> bool:
    """Whether a posting's title names one of the words (``every``: all of them)."""
    wanted = {stem(t.lower()) for t in terms}
    if every:
        return any(wanted <= _stems(p.title) for p in postings)
    return any(wanted & _stems(p.title) for p in postings)


def _titled(postings: list[Posting], q: PostingQuery) -> list[Posting]:
    """The postings whose title names the most keywords, when any title names one:
    "developer jobs" are the developer postings, not every page that mentions development;
    a title naming the role otherwise ("Software Engineer") names it."""
    otherwise = [(stem(t.lower()), _stems(said)) for t, said in q.said_otherwise]

    def names(title: set[str]) -> int:
        held = {t for t, said in otherwise if said <= title}
        return len(({stem(t.lower()) for t in q.terms} & title) | held)

    named = [(names(_stems(p.title)), p) for p in postings]
    most = max((n for n, _p in named), default=0)
    return [p for n, p in named if n == most] if most else postings


def _narrowed(u: Understanding) -> bool:
    """Whether a list question says what it wants besides its keywords."""
    q, f = u.search.query, u.filters
    sql = q.organization or q.remote is not None or q.open_until_filled or q.deadline_to
    # an order ("what's new") says nothing of which postings are wanted
    unordered = replace(f, status="open", newest_first=False, oldest_first=False)
    return bool(sql) or unordered != ListFilters()


def _list_reply(
    ctx: Context,
    u: Understanding,
    shown: list[Posting],
    total: int,
    page: int,
    *,
    past: bool = False,
    dropped: tuple[str, ...] = (),
) -> Reply:
    f = u.filters
    what = _describe(u)
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    noun = "posting matches" if total == 1 else "postings match"
    how_many = f"More than {COUNT_LIMIT}" if total > COUNT_LIMIT else str(total)
    order = {"high": ", best paid first", "low": ", lowest paid first"}.get(f.pay_order or "")
    if f.oldest_first and not order:
        order = ", oldest first"
    if past:
        head = f"No open postings match {what}. {how_many} past {noun}{order or ', newest first'}"
    else:
        state = {"open": "open ", "closed": "closed ", "any": ""}.get(f.status, "")
        head = f"{how_many} {state}{noun} {what}{order or ''}"
    notes = [f"deadlines {f.deadline.label}"] if f.deadline is not None else []
    if pages > 1:  # how many pages only when the count is exact ("more than 100": page 1)
        notes.append(f"page {page} of {pages}" if total <= COUNT_LIMIT else f"page {page}")
    head += f" ({', '.join(notes)}):" if notes else ":"
    left = [t for t in u.search.query.terms if t not in dropped]
    if dropped and left:  # one of several words left out (``_fewer_words``)
        both = " and ".join(u.search.query.terms)
        head = f"No posting mentions {both}; without {' '.join(dropped)}: " + head
    elif dropped:
        head = f"No posting mentions {' '.join(dropped)}; without it: " + head
    more = f"ask {u.quoted} (page {page + 1})" if page < pages else None
    listing = _listing(ctx, u, head, shown, more)
    # the words no posting holds, which ``answer`` reads again for a typo ("the utrect job")
    return replace(listing, understood={DROPPED: list(dropped)}) if dropped else listing


DROPPED = "dropped"


def _listing(
    ctx: Context, u: Understanding, head: str, shown: Sequence[Posting], more: str | None = None
) -> Reply:
    """Postings under a heading, each with the facts the question asked about."""
    f = u.filters
    reply = Reply(
        text="",
        postings=tuple(shown),
        summary=head,
        today=ctx.today,
        freshness=ctx.settings.freshness,
        extras=tuple(
            x
            for x in EXTRA_FACTS
            if x in u.asks
            or (x == "salary" and f.pay_asked)
            or (x == "employment" and f.employment)
        ),
    )
    cards = reply.cards  # drawn once: each read of ``Reply.cards`` draws them again
    lines = [head, *(f"• {card.line}" for card in cards)]
    actions = [Action("Details", "command", card.details) for card in cards]
    if more is not None:
        actions.append(Action(MORE, "command", more))
        lines.append(f"More: `/{more}`")
    return replace(reply, text="\n".join(lines), actions=tuple(actions))


def _describe(u: Understanding) -> str:
    return f"“{literal(u.quoted[:120])}”"


def _filtered(ctx: Context, q: PostingQuery, f: ListFilters) -> list[Posting]:
    today = ctx.today
    # only the candidates are read: counting every match would cost more than the answer
    q = replace(q, freshness=ctx.settings.freshness, count_limit=0)
    items = _fetched(ctx, q, f)
    remote_asked = q.remote is True
    kept = [p for p in items if _keep(p, f, today, ctx, remote_asked=remote_asked)]
    if f.status == "open":
        kept.sort(key=lambda p: (p.deadline is None, p.deadline or date.max, _newest(p)))
    else:
        kept.sort(key=lambda p: (_newest(p), p.id))
    if f.newest_first:  # "what's new?": undated pages last
        kept.sort(key=lambda p: (p.posted is None, _newest(p)))
    if f.oldest_first:  # "what's the oldest posting?": undated pages last too
        kept.sort(key=lambda p: (p.posted is None, p.posted or date.max))
    if f.pay_order is not None:  # stable: equal pay keeps the order above
        kept.sort(key=_yearly_pay, reverse=f.pay_order == "high")
    return kept


def _fetched(ctx: Context, q: PostingQuery, f: ListFilters) -> Sequence[Posting]:
    """The store's candidates for a list, before the filters it cannot apply."""
    if f.any_term and len(q.terms) > 1:
        # "archivists or librarians": the postings of each word (the store wants them all)
        found: dict[str, Posting] = {}
        for term in q.terms:
            for p in _fetched(ctx, replace(q, terms=(term,)), replace(f, any_term=False)):
                found.setdefault(p.id, p)
        return list(found.values())
    items: Sequence[Posting]
    if f.place is not None and f.reachable_from is None:
        # a posting on site is in the place or not by its location alone: of hundreds of
        # candidates, only the ones that may be are read whole
        places, remote = (f.place, *f.also), q.remote is True
        heads = ctx.store.find_posting_heads(q)
        maybe = [
            h.id
            for h in heads
            if any(_by_location(h.location, h.remote, x, remote) is not False for x in places)
        ]
        items = ctx.store.postings_by_id(maybe)
    else:
        items = ctx.store.find_postings(q).items
    for other in f.also_organizations:  # "iiif or datacite jobs": each one's postings
        seen = {x.id for x in items}
        more = ctx.store.find_postings(replace(q, organization=other)).items
        items = [*items, *(p for p in more if p.id not in seen)]
    return items


def _yearly_pay(p: Posting) -> Decimal:
    """The most a posting pays in a year in US dollars, to order postings by pay."""
    top = p.salary_max or p.salary_min or Decimal(0)
    return in_usd(top * PERIODS_PER_YEAR.get(p.salary_period or "year", 1), p.salary_currency)


def _newest(p: Posting) -> int:
    return -(p.posted or p.deadline or date.min).toordinal()


_WANTED_STATES: dict[str, tuple[str, ...]] = {
    "open": ("open",),
    "closed": ("closed", "deadline passed"),
    "past": ("closed", "deadline passed", "probably filled"),
    "any": ("open", "closed", "deadline passed", "probably filled"),
}


def _keep(
    p: Posting, f: ListFilters, today: date, ctx: Context, *, remote_asked: bool = False
) -> bool:
    """Whether the posting passes every filter the store's query could not apply."""
    if p.state(today, ctx.settings.freshness) not in _WANTED_STATES[f.status]:
        return False  # withdrawn and not-yet-posted ones are never wanted
    return _dated_as_asked(p, f, ctx) and _as_asked(p, f, remote_asked=remote_asked)


def _within(day: date | None, window: Window | None) -> bool:
    return window is None or (day is not None and window.start <= day <= window.end)


def _dated_as_asked(p: Posting, f: ListFilters, ctx: Context) -> bool:
    """Its deadline, posted date and active days within the windows asked for."""
    if not _within(p.deadline, f.deadline) or not _within(p.posted, f.posted):
        return False
    if f.without_deadline and p.deadline is not None:
        return False
    during = f.active_during
    return during is None or _active_during(p, during.start, during.end, ctx)


def _as_asked(p: Posting, f: ListFilters, *, remote_asked: bool) -> bool:
    """Its place, who it is open to and its hours as asked for (the store's query applied
    the pay)."""
    return _where_as_asked(p, f, remote_asked=remote_asked) and _kind_as_asked(p, f)


def _where_as_asked(p: Posting, f: ListFilters, *, remote_asked: bool) -> bool:
    """Where the work is done, and from where it may be, as asked for."""
    # a hybrid job's place is its office's: remote work from the place asked does not count
    remote_asked = remote_asked and not f.hybrid
    if f.place is not None and not any(
        _located_in(p, place, remote_asked=remote_asked) for place in (f.place, *f.also)
    ):
        return False
    if f.reachable_from is not None and not _reachable(p, f.reachable_from):
        return False
    if f.outside is not None and not _beyond(p, f.outside):
        return False
    if f.hybrid and not _hybrid(p):
        return False
    if f.fully_remote and (not p.remote or _hybrid(p)):
        return False
    return not (f.on_site and p.remote)


_HOURS_KINDS = frozenset({"part-time", "full-time"})
_TERM_KINDS = frozenset({"temporary", "internship"})


def _kind_as_asked(p: Posting, f: ListFilters) -> bool:
    """Its employer, its pay's statement, what it does not need and its hours as asked
    for."""
    if f.employer is not None and f.employer not in _stems(p.organization or ""):
        return False
    if f.unneeded is not None and not _says_unneeded(p, f.unneeded):
        return False
    if f.pay_stated and p.salary_min is None and p.salary_max is None:
        return False
    if f.pay_period is not None and p.salary_period != f.pay_period:
        return False
    if f.employment is None or p.employment_type == f.employment:
        return True
    if f.employment in kinds_in(p.title):  # "Systems Intern (part-time)" is part-time
        return True
    # A posting's kind is its term (an internship, a fixed term) before its hours, yet its
    # hours are asked too: "part-time jobs" holds the intern who "works three days a week
    # (part-time)", "full-time jobs" the two-year post that is "Full-time, fixed-term".
    hours_of_a_term = f.employment in _HOURS_KINDS and p.employment_type in _TERM_KINDS
    return hours_of_a_term and f.employment in kinds_in(p.body)


_NEGATION = frozenset({"no", "not", "without", "never", "nor", "neither"})
_NEGATED_BEFORE = 4  # words: "you do not need a degree", "no formal degree"
_NEGATED_AFTER = 3  # words: "a degree is not required"


def _says_unneeded(p: Posting, thing: str) -> bool:
    """Whether the posting says ``thing`` is not needed, a negation a few words before or
    after it ("No degree is required", "You do not need a degree", "a degree isn't
    needed"); "A master's degree is required" does not, nor "no degree is required: we want
    practical experience" of experience, nor a posting silent on it."""
    wanted = stem(thing.lower())
    return any(_negated(clause, wanted) for clause in _CLAUSE_END.split(p.body))


_CLAUSE_END = re.compile(r"[.;:!?,()]")


def _negated(clause: str, wanted: str) -> bool:
    """Whether a word of stem ``wanted`` in ``clause`` has a negation near it."""
    words = [w.lower().replace("’", "'") for w in tokens(clause)]
    negated = [w in _NEGATION or w.endswith("n't") for w in words]
    return any(
        stem(w) == wanted and any(negated[max(i - _NEGATED_BEFORE, 0) : i + 1 + _NEGATED_AFTER])
        for i, w in enumerate(words)
    )


def _hybrid(p: Posting) -> bool:
    """Whether the posting's work is remote beside a city's office ("Washington, DC, with two
    days a week of remote work", "Paramus, NJ w/ remote hours")."""
    return bool(p.remote) and any(x.kind == "city" for x in _named(p))


def _active_during(p: Posting, start: date, end: date, ctx: Context) -> bool:
    if p.posted is not None and p.posted > end:
        return False
    if p.deadline is not None:
        # an undated page was advertised for at most the freshness window before its
        # deadline: a 2022 deadline says nothing of 2020
        advertised = p.posted or p.deadline - timedelta(days=ctx.settings.freshness.days)
        return p.deadline >= start and advertised <= end
    if p.posted is None:
        return False
    since = ctx.settings.freshness.open_since(start, until_filled=p.open_until_filled)
    return p.posted >= since


def _in(location: str | None, place: Place) -> bool:
    """Whether a location line names a place within ``place``."""
    return any(place.contains(found) for found in places_in(location or ""))


def _by_location(
    location: str | None, remote: bool | None, place: Place, remote_asked: bool
) -> bool | None:
    """What a posting's location line and remote flag say of it being in ``place``: True
    when the line names a place within it; None for remote work that may be open to it,
    when that counts (for a region, "jobs in Europe", or when remote work was asked for,
    "remote jobs in Canada"); False otherwise."""
    if _in(location, place):
        return True
    wide = place.kind == "region" and not place.of_states  # "the Midwest" is as a state is
    return None if (wide or remote_asked) and remote else False


def _located_in(p: Posting, place: Place, *, remote_asked: bool = False) -> bool:
    """In the place, or remote work open to it where that counts (``_by_location``)."""
    said = _by_location(p.location, p.remote, place, remote_asked)
    return said is True or (said is None and _reachable(p, place))


def _named(p: Posting) -> list[Place]:
    """The places a posting's location line and its sentence about remote work name."""
    return places_in(f"{p.location or ''} {p.evidence_for('remote') or ''}")


def _beyond(p: Posting, place: Place) -> bool:
    """Whether some of the work may be done outside ``place``: a place named beyond it, or
    remote work that names no limit. A posting that names no place is not known to be."""
    if p.remote:
        regions = read_places(p.remote_regions)
        return not regions or any(not place.contains(x) for x in regions)
    return any(not place.contains(x) for x in _named(p))


def _reachable(p: Posting, where: Place) -> bool:
    """Whether the work can be done from ``where``: it is there, or it is remote and the
    places it may be done from (as the loader read them, ``remote_regions``) accept it."""
    if any(where.contains(x) for x in _named(p)):
        return True
    if not p.remote:
        return False
    regions = read_places(p.remote_regions)
    return not regions or accepts(regions, where)


# "Remote (preferably the Americas)": a wish, not a limit; "in an EMEA time zone, preferably
# in Europe" limits to EMEA (a clause names it without the wish)
_PREFERRED = re.compile(r"\b(?:prefer(?:ably|red|ence)?|ideally)\b", re.I)
_CLAUSE = re.compile(r"[,;]|\band\b")


def _only_preferred(said: Sequence[str]) -> bool:
    """Whether every place a remote posting names is one it prefers, not requires (a list
    keeps to the places; one posting's answer says "possibly")."""
    clauses = [c for s in said for c in _CLAUSE.split(s) if places_in(c)]
    return bool(clauses) and all(_PREFERRED.search(c) for c in clauses)


# ---------------------------------------------------------------- passages


# Where a question asks two things: "…, and who can apply?", "… free? is it …".
_PARTS = re.compile(
    r"\?\s+|[,;]?\s+and\s+(?=(?:who|what|when|where|how|why|is|are|can|does|do)\b)", re.I
)


def _passages_for_parts(ctx: Context, u: Understanding) -> Reply | None:
    """One passage per part of a compound question; each part keeps the whole question's
    subject ("who can apply" of "the global access fund")."""
    parts = [x.strip(" ,;?") for x in _PARTS.split(u.text)]
    if len(parts) < 2 or any(len(x.split()) < 2 for x in parts):
        return passage_answer(ctx, u)
    replies: list[Reply] = []
    for part in parts[:3]:
        found = _part_answer(ctx, u, part, replies[0].passages[0] if replies else None)
        shown = {r.passages[0].passage.id for r in replies}
        if found is not None and found.passages[0].passage.id not in shown:
            replies.append(found)
    if not replies:
        return None
    if len(replies) == 1:
        return replies[0]
    return Reply(
        text="\n\n".join(r.text for r in replies),
        passages=tuple(h for r in replies for h in r.passages),
        actions=tuple(dict.fromkeys(a for r in replies for a in r.actions)),
        summary=replies[0].summary,
    )


def _part_answer(
    ctx: Context, u: Understanding, part: str, first: PassageHit | None
) -> Reply | None:
    """One part's passage: asked alone of the page that answered the first part, else with
    the rest of the question's subject."""
    if first is not None:
        found = passage_answer(ctx, replace(u, text=part), page=first)
        if found is not None:
            return found
    own = {w.lower() for w in tokens(part)}
    context = " ".join(_naming(ctx, [w for w in u.subject if w not in own]))
    return passage_answer(ctx, replace(u, text=f"{part} {context}".strip()))


def _naming(ctx: Context, words: Sequence[str]) -> list[str]:
    """Of another part's words, those that name what the question is about: an
    organisation's, or a page's title's ("the global access fund"); not what that part asks
    ("who is eligible" adds nothing to "what does the fund fund?")."""
    if not words:
        return []
    hits = ctx.store.search_passages(list(words), limit=PASSAGE_CANDIDATES)
    titled = {s for h in hits for s in _stems(h.passage.page_title)} | {
        s for w in _organisation_words(ctx) for s in _stems(w)
    }
    return [w for w in words if _stems(w) & titled]


def passage_answer(
    ctx: Context,
    u: Understanding,
    *,
    page: PassageHit | None = None,
    organization: str | None = None,
) -> Reply | None:
    """The passage that answers, with its page, or None when nothing is confident. With
    ``page``, only that passage's page is asked; with ``organization`` (a shortcut such as
    ``/iiif``), only that organisation's FAQ pages."""
    question = u.text
    terms = faq_terms(question)
    if not terms:
        return None
    if page is not None:
        source = page.passage.source
        wide = ctx.store.search_passages(terms, limit=PASSAGE_CANDIDATES * 5)
        return _best_of(ctx, u, [h for h in wide if h.passage.source == source])
    if organization is not None:
        own = ctx.store.search_passages(
            terms, organization=organization, limit=PASSAGE_CANDIDATES, faq_only=True
        )
        return _best_of(ctx, u, own)
    slugs = {org_slug(o) for o in ctx.store.organizations()} - {""}
    named = [w.lower().removesuffix("'s") for w in tokens(question)]
    orgs = [w for w in dict.fromkeys(named) if w in slugs]
    if len(orgs) == 1:  # a question naming one organisation is asked of its pages only
        # naming nothing else ("what is datacite?"), every passage of its pages holds the
        # word as much as another: the index's order says little, so more are read
        limit = PASSAGE_CANDIDATES * (5 if set(terms) <= {orgs[0]} else 1)
        named_as = org_filter(orgs[0], ctx.store.organizations())
        own = ctx.store.search_passages(terms, organization=named_as, limit=limit)
        if own:  # another organisation's page does not answer for this one
            asked = _asked_beyond_the_name(terms, f"{orgs[0]} {named_as}")
            return _best_of(ctx, u, own + _of_no_one(ctx, terms, orgs[0]), asked=asked)
    return _best_of(ctx, u, ctx.store.search_passages(terms, limit=PASSAGE_CANDIDATES))


def _of_no_one(ctx: Context, terms: Sequence[str], slug: str) -> list[PassageHit]:
    """The passages that name the organisation (``slug``) on pages of no organisation: an
    event's announcement or a call for proposals ("Lumen Annual Meeting 2025") often has
    none, and what the organisation's own pages do not say ("how much is registration for
    the lumen meeting?") may be there. Another's meeting does not answer for it."""
    wide = ctx.store.search_passages(terms, limit=PASSAGE_CANDIDATES)
    return [
        h
        for h in wide
        if not h.passage.organization
        and slug in {w.lower() for w in tokens(f"{h.passage.page_title} {h.passage.text}")}
    ]


def _asked_beyond_the_name(terms: Sequence[str], name: str) -> frozenset[str]:
    """What a question asks of an organisation beyond naming it and its job ("is the X job
    unionized?" asks "unioniz"), as the ranking's word groups: every passage of its pages
    holds its name, so the name alone answers nothing."""
    named = _stems(name) | {_JOB_GROUP}
    return frozenset(SYNONYMS.get(s, s) for t in terms for s in _stems(t)) - named


_JOB_GROUP = SYNONYMS.get(stem("job"), stem("job"))


def _holds_the_asked(a: Answer, asked: frozenset[str]) -> bool:
    """Whether the passage (its heading and title with it) holds a word asked beyond the
    organisation's name; any passage does when nothing more is asked ("what is X?")."""
    if not asked:
        return True
    p = a.hit.passage
    held = _stems(f"{p.page_title} {p.question} {a.full_text}")
    return bool(asked & {SYNONYMS.get(s, s) for s in held})


def _confident(
    ctx: Context, u: Understanding, ranked: list[Answer], asked: frozenset[str]
) -> list[Answer]:
    """The ranked passages that answer: confident, of the year asked, naming the person
    asked for, holding what is asked beyond an organisation's name."""
    person = _asks_person(u)
    return [
        a
        for a in ranked
        if a.confident
        and _years_agree(u, a.hit.passage, a.excerpt)
        and (not person or _names_the_person(ctx, u, a.hit.passage, a.excerpt))
        and _holds_the_asked(a, asked)
    ]


def _best_of(
    ctx: Context, u: Understanding, hits: list[PassageHit], asked: frozenset[str] = frozenset()
) -> Reply | None:
    confident = _confident(ctx, u, rank_passages(u.text, hits), asked)
    if not confident:
        return None
    best = confident[0]
    if _NEXT.search(u.text):
        best = _next_to_come(ctx, best)
    p = best.hit.passage
    lines = [_NOT_YET_SAID] if _WHEN.search(u.text) and _NOT_YET.search(best.excerpt) else []
    unsaid = _unsaid_by(ctx, u, best)
    if unsaid:
        # "is there a student rate for X membership?": the fee is the nearest the page says,
        # not the answer
        lines.append(f"The page does not say anything about “{' '.join(unsaid)}”. It says:")
    lines += [
        f"> {best.excerpt}",
        f"— *{p.page_title}*" + (f", “{p.question}”" if p.question != p.page_title else ""),
    ]
    if p.url:
        lines[-1] += f" ({p.url})"
    used = [best.hit]
    for other in confident[1:]:
        o = other.hit.passage
        if other.score < SEE_ALSO_RATIO * best.score:
            break
        if o.source == p.source and o.question == p.question:
            continue
        lines.append(f"> {other.excerpt}")
        lines.append(f"— *{o.page_title}*" + (f" ({o.url})" if o.url else ""))
        used.append(other.hit)
        break
    if asks_open(u.text):
        lines.extend(_closing_lines(ctx, used))
    actions = tuple(Action("Open page", "url", h.passage.url) for h in used if h.passage.url)
    return Reply(
        text="\n".join(lines),
        passages=tuple(used),
        actions=actions,
        summary=f"From {p.page_title}:",
    )


def _unsaid_by(ctx: Context, u: Understanding, best: Answer) -> list[str]:
    """The words a question puts before a thing the passage speaks of, which the passage,
    its heading and its page's title do not hold, a synonym counting: "student" of "is there
    a student rate for X membership?" answered by the membership fee. A word that only asks,
    an organisation's name, a short word ("per year") and a misspelt one are none."""
    passage = best.hit.passage
    # the page's organisation is what it speaks of ("tern" of the Tern Guild's FAQ)
    named = f"{passage.page_title} {passage.question} {passage.organization or ''}"
    held = {SYNONYMS.get(s, s) for s in _stems(named)}
    held |= {SYNONYMS.get(s, s) for s in _stems(best.full_text)}
    held |= meaning_stems(f"{passage.question} {best.full_text}")  # "car park" is parking

    def holds(word: str) -> bool:
        return bool({SYNONYMS.get(s, s) for s in _stems(word)} & held)

    said = [w.lower() for w in tokens(u.text)]
    # a word that only asks is no thing asked ("money" of "how much money can I get?")
    asking = _only_asking_words(u.text, said)
    asked = set(asked_words(page_words(u.text))) - _organisation_words(ctx) - asking
    # a post's own fact asked of a page ("what's the salary for the X fund?"): the fund's
    # sums are no salary, wherever the word stands in the question
    facts = [
        w
        for w in said
        if w in _POST_FACT_WORDS and len(w) > SHORT_WORD and not holds(w) and w not in asking
    ]
    missing = (
        facts
        + [
            w
            for at, w in enumerate(said)
            if w in asked
            and len(w) > SHORT_WORD
            and not w.endswith(("n't", "n’t"))  # "don't": a negation, no thing asked
            and not holds(w)
            and _said_of_held(said[at - 1 : at] if at else [], said[at + 1 :], holds)
        ]
    )
    typos = misspelt(missing) if missing else set()
    return [w for w in dict.fromkeys(missing) if w not in typos]


def _only_asking_words(question: str, said: Sequence[str]) -> set[str]:
    """The words of ``said`` that only ask (``only_asking``): "money" of "how much money…"."""
    asking = only_asking(question)
    return {w for w in said if meaning_stems(w) & asking}


def _said_of_held(
    before: Sequence[str], after: Sequence[str], holds: Callable[[str], bool]
) -> bool:
    """Whether an asked word is said of a thing the passage holds: the next word, or past a
    preposition the next that is none ("student rate", "discount on the membership"). A
    word before an article, or after a subject or an auxiliary, is a verb ("report a
    mistake", "who will speak at …"): of a verb only the next word counts."""
    if not after or after[0] in _ARTICLES:
        return False
    if before and before[0] in _BEFORE_A_VERB:
        return after[0] not in STOPWORDS and holds(after[0])
    thing = next((word for word in after if word not in STOPWORDS), None)
    return thing is not None and holds(thing)


_ARTICLES = frozenset({"a", "an", "the"})
_BEFORE_A_VERB = frozenset(
    "i we you they he she it to will can could would should may might must do does did".split()
)
SHORT_WORD = 3
# The facts only a post has (its pay, whether it is remote, its hours and term), as the words
# that ask them
_POST_FACT_WORDS = frozenset(
    cue
    for fact in ("salary", "remote", "employment")
    for cue in vocab.FACT_CUES[fact]
    if " " not in cue and cue not in STOPWORDS  # "from" of "remote from Europe"
)


# "When is the deadline for the travel bursaries?" answered by "details follow in May": the
# page does not give it yet, which is said before the sentence that says so
_WHEN = re.compile(r"\b(?:when|deadline|deadlines|date|dates|due)\b", re.I)
_NOT_YET = re.compile(
    r"\bdetails (?:will )?follow\b|\bto be (?:announced|confirmed|decided|set)\b|\btb[ac]\b"
    r"|\bwill be (?:announced|published|confirmed)\b|\bnot yet (?:known|announced|set|fixed)\b"
    r"|\bcoming soon\b",
    re.I,
)
_NOT_YET_SAID = "The pages do not give it yet:"
_NEXT = re.compile(r"\b(?:" + "|".join(vocab.NEXT_WORDS) + r")\b", re.I)


def _next_to_come(ctx: Context, best: Answer) -> Answer:
    """ "When is the next webinar?": of the passage's dated lines (a programme of sessions),
    the one whose day is the first still to come, rather than the line the words chose;
    the answer as it is when no line is dated after today."""
    days = [
        (min(d.value for d in said), line)
        for line in split_sentences(best.full_text)
        if (said := [d for d in mentions(line, best.hit.passage.posted) if d.value >= ctx.today])
    ]
    if not days:
        return best
    line = min(days)[1]
    hit = replace(best.hit, passage=replace(best.hit.passage, text=line))
    return replace(best, hit=hit, excerpt=line)


def _closing_lines(ctx: Context, used: Sequence[PassageHit]) -> list[str]:
    """ "Any calls for proposals open?", "is registration open?": whether a call still takes
    part is its closing date (``closing_sentence``), quoted from its page when the passages
    shown do not say it, and said to have passed when it has."""
    lines: list[str] = []
    for source, hit in {h.passage.source: h for h in used}.items():
        found = _first_closing(h for h in used if h.passage.source == source)
        quote = found is None
        if quote:  # the page's other passages: its title's words find them among many
            terms = [*faq_terms(hit.passage.page_title), *CLOSING_TERMS]
            wide = ctx.store.search_passages(terms, limit=CLOSING_CANDIDATES)
            found = _first_closing(h for h in wide if h.passage.source == source)
        if found is None:
            continue
        said = mentions(found, hit.passage.posted)
        passed = bool(said) and said[-1].value < ctx.today  # "opens on …, closes on …"
        title = hit.passage.page_title
        if quote:
            lines.append(f"> {found}")
            lines.append(f"— *{title}*" + (": that date has passed" if passed else ""))
        elif passed:
            lines.append(f"(*{title}*: that date has passed.)")
    return lines


def _first_closing(hits: Iterable[PassageHit]) -> str | None:
    return next((c for c in (closing_sentence(h.passage.text) for h in hits) if c), None)


_ROLE_ASKED = re.compile(
    r"^\s*who(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+(?:the|their|its|our)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(vocab.ROLE_NOUNS)) + r")\b",
    re.I,
)
_NOW = re.compile(r"\b(?:" + "|".join(vocab.NOW_WORDS) + r")\b", re.I)
# Two or more capitalised words in a row, an initial allowed ("Glen Robson", "Sarala
# Wimalaratne", "Julien A. Raemy")
_PERSON = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+")
# how long a page about who holds a role is taken as saying who holds it now
_STILL_SAYS = timedelta(days=365)


def _asks_person(u: Understanding) -> bool:
    """Whether the question wants the name of whoever holds a role or got a job ("who is the
    iiif managing director now?", "who got the toledo job?")."""
    return "hired" in u.asks or _ROLE_ASKED.search(u.text) is not None


def _names_the_person(ctx: Context, u: Understanding, passage: Passage, excerpt: str) -> bool:
    """Whether the passage names a person (not a role, a place or a body), from a page recent
    enough when the question asks who it is now. A search for a Managing Director names
    none; a 2017 appointment does not say who holds the role in 2026."""
    if _NOW.search(u.text) and passage.posted is not None:
        if ctx.today - passage.posted > _STILL_SAYS:
            return False
    asked = {w.lower() for w in tokens(u.text)}
    for match in _PERSON.finditer(excerpt):
        words = [w.lower().rstrip("’'s") for w in tokens(match.group())]
        named = not any(w in vocab.NOT_PERSON_WORDS or w in asked for w in words)
        if named and find_place(match.group()) is None:  # "North America" is nobody
            return True
    return False


def _years_agree(u: Understanding, passage: Passage, excerpt: str) -> bool:
    """A question about one year is not answered by a page about another: the year is in
    its words, or it is the page's date ("who joined datacite in 2018?"); a question about the
    years after one ("after 2024") by a page naming or dated in a later one."""
    if u.year is None:
        return True
    said = " ".join((excerpt, passage.question, passage.page_title, passage.text))
    if u.after_year:  # "the next conference after 2024": a later year, named or dated
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", said)]
        if passage.posted is not None:
            years.append(passage.posted.year)
        return any(y > u.year for y in years)
    if passage.posted is not None and passage.posted.year == u.year:
        return True
    return str(u.year) in said


NEAREST_CANDIDATES = 50


def _sections_near(
    ctx: Context, topic: str, organization: str | None
) -> list[tuple[str, str, str | None]]:
    """(page title, heading, link) of the sections whose passages the index finds for the
    topic's words: the candidates for "Closest topics" (reading every section of a large
    store took a second)."""
    terms = faq_terms(topic)
    if not terms:
        return []
    hits = ctx.store.search_passages(
        terms, organization=organization, limit=NEAREST_CANDIDATES, faq_only=bool(organization)
    )
    sections = ((h.passage.page_title, h.passage.question, h.passage.url) for h in hits)
    return list(dict.fromkeys(sections))


def dont_know(
    ctx: Context,
    question: str,
    *,
    organization: str | None = None,
    label: str | None = None,
    command: str | None = None,
) -> Reply:
    """The honest answer when no page answers: say so, and offer the nearest FAQ headings
    (asked again with ``command`` when given, else opened), or the pages there are."""
    # an organisation's name is in all its headings: nearness is in the other words
    slugs = {org_slug(o) for o in ctx.store.organizations()}
    topic = " ".join(w for w in tokens(question) if w.lower() not in slugs)
    nearest = closest_questions(topic, _sections_near(ctx, topic, organization))
    where = f" in the FAQ of {label or organization}" if organization else ""
    lines = [f"I don't know: I found no confident answer to “{literal(question[:200])}”{where}."]
    actions: list[Action] = []
    if nearest:
        lines.append("Closest topics:")
        for title, heading, url in nearest:
            label_ = heading if heading == title else f"{heading} — *{title}*"
            lines.append(f"• {label_}" + (f" ({url})" if url else ""))
            if command is not None:
                actions.append(Action(heading[:75], "command", f"{command} {heading}"))
            elif url:
                actions.append(Action(heading[:75], "url", url))
    elif pages := ctx.store.page_titles(organization):
        lines.append("Pages I know: " + "; ".join(pages) + ".")
    elif organization:
        lines.append(f"There is no FAQ page for this organisation; try `/jobs {organization}`.")
        actions.append(Action("Postings", "command", f"jobs {organization}"))
    else:
        lines.append("No FAQ pages are loaded yet.")
    if command is None:
        lines.append("Try `/jobs` for open postings, or `/help`.")
    return Reply(text="\n".join(lines), actions=tuple(actions))

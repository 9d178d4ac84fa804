"""How Herald shows a posting or a passage: every word written once, for every platform.

A posting appears in a ``/jobs`` list, a ``/jobs show`` card, an answer to a question, an
announcement, a reminder and a digest, on Slack, Matrix and the console. People compare them,
so the same posting must say the same things in each: this module decides *what* is said
(the facts, their order, the status words, the apply link); adapters only decide *how* it
looks (Block Kit, Matrix HTML, rich), escaping each piece as their platform requires.

Example::

    card = posting_card(p, today)
    card.facts   # ("DataCite", "Hannover", "remote", "deadline 6 March 2027 (closes in 3 days)")
    card.line    # "**Developer** — DataCite · Hannover · remote · deadline … · `datacite-dev`"
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.content.facts import for_enquiries_only
from bot.domain import DEFAULT_FRESHNESS, Freshness, PassageHit, Posting, PostingState

EXTRA_FACTS = ("salary", "apply", "employment")
"""Facts a reply may add to each line when the question was about them."""
# the page's own label, not said twice ("Salary: Salary: Range $45,012 - $52,326")
_SALARY_LABEL = re.compile(r"^(?:salary|pay|compensation)\s*:\s*", re.I)


# what CommonMark reads as emphasis or code, then as other markup inside a line; block
# markers (#, -, 1.) are not at a line's start where a question is quoted, so they stay
_EMPHASIS_MARKS = r"\\`*_~"
_EMPHASIS = re.compile(rf"([{_EMPHASIS_MARKS}])")
_MARKUP = re.compile(rf"([{_EMPHASIS_MARKS}\[\]<>&|])")


def literal(text: str) -> str:
    """``text`` as it is written, once rendered as Markdown: someone's own words quoted in a
    reply ("No postings match “*remote*”") must not turn into italics, code or a link.
    Not for a command or a button's value, which is run, not rendered."""
    return _MARKUP.sub(r"\\\1", text)


def titled(title: str) -> str:
    """A posting's title in Herald's bold: "**" + titled(t) + "**". Its marks are escaped
    ("*NEW* Curator, 3* hotel" must not end the bold or start italics); its ``&`` and
    brackets, which format nothing there, are left as written."""
    return _EMPHASIS.sub(r"\\\1", title)


def day(d: date) -> str:
    """A date as people write it in prose: "6 March 2027" (unambiguous in every locale)."""
    return f"{d.day} {d:%B %Y}"


def deadline_phrase(deadline: date, today: date) -> str:
    """ "closes in 6 days", "closes today", "closed 3 days ago" — relative to ``today``."""
    days = (deadline - today).days
    if days > 1:
        return f"closes in {days} days"
    if days == 1:
        return "closes tomorrow"
    if days == 0:
        return "closes today"
    if days == -1:
        return "closed yesterday"
    return f"closed {-days} days ago"


def status_words(p: Posting, state: PostingState, today: date) -> str:
    """Where the posting stands, in the words every renderer uses (see ``Posting.state``)."""
    if state == "open":
        if p.deadline is not None:
            return f"deadline {day(p.deadline)} ({deadline_phrase(p.deadline, today)})"
        return "open until filled" if p.open_until_filled else "open, no deadline given"
    if state == "closed":
        return "applications closed"
    if state == "deadline passed":
        assert p.deadline is not None
        return f"deadline passed on {day(p.deadline)}"
    if state == "probably filled":
        posted = f"posted {day(p.posted)}, " if p.posted else ""
        return f"probably filled ({posted}no deadline given)"
    if state == "not yet posted":
        return f"to be posted on {day(p.posted)}" if p.posted else "not yet posted"
    if p.status == "removed":  # an admin's doing, not the site's: said so, with the way back
        return f"removed by an admin (/jobs restore {p.id} brings it back)"
    return "withdrawn: no longer on its site"


def contact_url(contact: str) -> str:
    """A posting's contact as a link: an e-mail address becomes ``mailto:``."""
    if "@" in contact and "://" not in contact and not contact.startswith("mailto:"):
        return f"mailto:{contact}"
    return contact


def contacts_by_use(p: Posting) -> list[tuple[str, bool]]:
    """The posting's contacts, those to apply with first, each with whether its sentence
    offers it for questions only ("Details on how to apply are on our website. If you have
    questions, contact …": the website first, then the address, for questions)."""
    said = {f.value: f.sentence for f in p.evidence if f.field == "contact"}
    contacts = [c.strip() for c in p.contacts if c.strip()]
    used = [(c, for_enquiries_only(said.get(c, ""))) for c in contacts]
    return sorted(used, key=lambda contact: contact[1])


def apply_url(p: Posting) -> str | None:
    """Where "Apply" leads: the first contact to apply with (``contacts_by_use``; an address
    becomes ``mailto:``), else the page."""
    contacts = contacts_by_use(p)
    return contact_url(contacts[0][0]) if contacts else p.url


SHORT_FACT = 80
"""Characters of a fact in a one-line card; ``/jobs show`` gives the whole."""


def _short(text: str) -> str:
    """A long location sentence cut at a word, so a list line stays one line's worth."""
    if len(text) <= SHORT_FACT:
        return text
    return text[:SHORT_FACT].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


@dataclass(frozen=True)
class Card:
    """A posting as every renderer shows it: title, the facts in order, and what to do next."""

    posting: Posting
    state: PostingState
    facts: tuple[str, ...]
    apply_url: str | None
    remindable: bool
    """Whether "Remind me" can still lead to a reminder: open, with a deadline after today."""

    @property
    def id(self) -> str:
        return self.posting.id

    @property
    def title(self) -> str:
        return self.posting.title

    @property
    def link(self) -> str | None:
        return page_link(self.posting)

    @property
    def details(self) -> str:
        """The command that shows the whole posting."""
        return f"jobs show {self.posting.id}"

    @property
    def line(self) -> str:
        """The posting as one Markdown line, for lists and plain-text platforms."""
        return f"**{titled(self.title)}** — " + " · ".join([*self.facts, f"`{self.id}`"])


def posting_card(
    p: Posting,
    today: date,
    freshness: Freshness = DEFAULT_FRESHNESS,
    extras: Sequence[str] = (),
) -> Card:
    """Organisation · location · remote · status, then any ``EXTRA_FACTS`` asked for."""
    state = p.state(today, freshness)
    # a location that only repeats the employer ("University of X" at "University of X")
    # is said once
    named = dict.fromkeys(_short(x) for x in (p.organization, p.location) if x)
    facts = list(named)
    if p.remote:
        facts.append("remote")
    facts.append(status_words(p, state, today))
    if "salary" in extras and p.salary:
        facts.append(f"salary: {_SALARY_LABEL.sub('', p.salary)}")
    if "apply" in extras and p.contacts:
        facts.append("apply: " + ", ".join(p.contacts))
    if "employment" in extras and p.employment_type:
        facts.append(p.employment_type)
    remindable = state == "open" and p.deadline is not None and p.deadline > today
    return Card(p, state, tuple(facts), apply_url(p), remindable)


# --- one posting in full ------------------------------------------------------------------

FACTS = (
    "organization", "where", "remote", "deadline", "status", "salary", "employment", "posted",
    "apply",
)  # fmt: skip
"""The facts of ``/jobs show``, in order; a question's answer shows the ones it asked for."""


def _quote(sentence: str | None, *, unless: str | None = None) -> str:
    if not sentence or sentence.strip() == (unless or "").strip():
        return ""
    return f" — the posting says: “{sentence.strip()}”"


def _remote_line(p: Posting) -> str:
    remote = {True: "yes", False: "no, on site", None: "not stated"}[p.remote]
    if p.remote and p.remote_regions:  # where from, as the loader read it
        remote = f"yes, from {' or '.join(p.remote_regions)}"
    return f"Remote: {remote}{_quote(p.evidence_for('remote'))}"


def fact_line(
    p: Posting, fact: str, today: date, state: PostingState, *, asked: bool = False
) -> str | None:
    """One fact of a posting as a labelled line with the sentence it was read from, or None
    when the fact does not apply (the status of an open posting, a deadline it never had).
    ``asked``: the fact is what a question asks, so its status line quotes the sentence that
    decides it even when the deadline's line (not shown then) would."""
    if fact == "organization":
        return f"Organisation: {p.organization}" if p.organization else None
    if fact == "where":
        return f"Location: {p.location or 'not stated'}{_quote(p.evidence_for('location'))}"
    if fact == "remote":
        return _remote_line(p)
    if fact == "deadline":
        if p.deadline is not None:
            inferred = " (year inferred from the posting date)" if p.deadline_inferred else ""
            when = f"{day(p.deadline)} ({deadline_phrase(p.deadline, today)}){inferred}"
            return f"Deadline: {when}{_quote(p.evidence_for('deadline'))}"
        if p.open_until_filled:
            return f"Deadline: none, open until filled{_quote(p.evidence_for('open_until_filled'))}"
        return "Deadline: not stated"
    if fact == "status":
        return _status_line(p, state, today, asked=asked)
    if fact == "salary":
        if not p.salary:
            return "Salary: not stated"
        amount = _SALARY_LABEL.sub("", p.salary)
        return f"Salary: {amount}{_quote(p.evidence_for('salary'), unless=p.salary)}"
    if fact == "employment":
        said = _quote(p.evidence_for("employment_type"))
        kind = p.employment_type
        return f"Employment: {kind}{said}" if kind else "Employment: not stated"
    if fact == "posted":
        return f"Posted: {day(p.posted)}" if p.posted else None
    if fact == "apply":
        if not p.contacts:
            return "How to apply: not stated"
        return f"How to apply: {', '.join(p.contacts)}{_quote(p.evidence_for('contact'))}"
    raise ValueError(f"unknown fact {fact!r}")


def _status_line(p: Posting, state: PostingState, today: date, *, asked: bool) -> str:
    # unasked, only a closure is quoted: the deadline's line says the rest
    said = _state_said(p, state) if asked or state == "closed" else None
    return f"Status: {status_words(p, state, today)}{_quote(said)}"


def _state_said(p: Posting, state: PostingState) -> str | None:
    """The posting's sentence that decides where it stands ("Applications are now closed",
    the deadline's, "open until filled"): "is the X job still open?" is answered with it."""
    if state == "closed":
        return p.evidence_for("closed")
    if state == "deadline passed" or (state == "open" and p.deadline is not None):
        return p.evidence_for("deadline")
    if p.open_until_filled and state in ("open", "probably filled"):
        return p.evidence_for("open_until_filled")
    return None


def fact_lines(
    p: Posting, today: date, freshness: Freshness = DEFAULT_FRESHNESS, facts: Sequence[str] = FACTS
) -> list[str]:
    """The title, then each fact that applies, then the page it came from."""
    state = p.state(today, freshness)
    # an open posting's status is its deadline line, already shown
    shown = [fact for fact in facts if fact != "status" or state != "open"]
    lines = [f"**{titled(p.title)}**"]
    lines += [line for fact in shown if (line := fact_line(p, fact, today, state)) is not None]
    lines.append(source_line(p))
    return lines


def page_link(p: Posting) -> str | None:
    """Where a person reads the posting: its page on the site (``bot.links``), else the
    address its front matter gives."""
    return p.page_url or p.url


def source_line(p: Posting) -> str:
    """The posting's page (with its file in the repository), else the file it was read from."""
    link = page_link(p)
    if link is None:
        return f"Source: {p.source}"
    in_repository = f" (file: {p.file_url})" if p.page_url and p.file_url else ""
    return f"Posting: {link}{in_repository}"


# --- passages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A passage as every renderer shows it: the text quoted, then where it comes from."""

    text: str
    source: str
    url: str | None


def passage_quote(hit: PassageHit) -> Quote:
    """Where a passage comes from: "Page: Question", or the page alone when the passage is
    the page's opening (its "question" is the page title: "Fund: Fund" read as a stutter)."""
    p = hit.passage
    same = _heading_words(p.question) in ("", _heading_words(p.page_title))
    source = p.page_title if same else f"{p.page_title}: {p.question}"
    return Quote(text=p.text, source=source, url=p.url)


def _heading_words(heading: str) -> str:
    return " ".join(heading.casefold().strip(" :?!.").split())

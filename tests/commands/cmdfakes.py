"""An in-memory fake of the store's read side, and builders for postings and passages.

A fake, not a mock: it answers with the store's documented semantics (terms AND-ed for
postings and OR-ed for passages, organisation as a case-insensitive substring, only open
postings unless asked, ``hidden`` counting the rest), so handler tests assert behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from bot.commands import Context, Request, Router
from bot.config import Settings
from bot.delivery import Filters, PersonalReminder, SubscribeOutcome, Subscription
from bot.domain import (
    Fact,
    LoggedQuestion,
    Passage,
    PassageHit,
    Posting,
    PostingHead,
    PostingPage,
    PostingQuery,
)
from bot.search import rank_passages
from handlers import ask as questions
from handlers import faq, jobs, subscriptions

NOW = datetime(2022, 2, 1, 9, 30, tzinfo=UTC)


def posting(pid: str, title: str, **overrides: Any) -> Posting:
    values: dict[str, Any] = {
        "id": pid,
        "source": f"postings/{pid}.md",
        "position": 0,
        "title": title,
        "organization": None,
        "location": None,
        "remote": None,
        "deadline": None,
        "deadline_inferred": False,
        "open_until_filled": False,
        "closed": False,
        "salary": None,
        "salary_min": None,
        "salary_currency": None,
        "contacts": (),
        "posted": None,
        "body": "",
        "url": None,
        "status": "active",
    }
    values.update(overrides)
    return Posting(**values)


def passage(pid: int, question: str, text: str, **overrides: Any) -> Passage:
    values: dict[str, Any] = {
        "id": pid,
        "source": "faq/iiif-consortium.md",
        "page_title": "IIIF Consortium FAQ",
        "organization": "IIIF Consortium",
        "question": question,
        "text": text,
        "url": "https://iiif.io/community/consortium/faq/",
        "position": pid,
    }
    values.update(overrides)
    return Passage(**values)


def as_hits(*passages: Passage) -> list[PassageHit]:
    """Passages as the store's hits, all of one score: the ranking under test orders them."""
    return [PassageHit(passage=p, score=1.0) for p in passages]


def best_excerpt(question: str, found: list[PassageHit]) -> str:
    """What Herald quotes first for ``question`` among ``found``; "" when nothing answers."""
    ranked = rank_passages(question, found)
    best = next((a for a in ranked if a.confident), None)
    return best.excerpt if best is not None else ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@dataclass
class FakeStore:
    postings: list[Posting] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def get_posting(self, posting_id: str) -> Posting | None:
        return next((p for p in self.postings if p.id == posting_id), None)

    def all_postings(self, include_inactive: bool = True) -> list[Posting]:
        return [p for p in self.postings if include_inactive or p.status == "active"]

    def _matches(self, p: Posting, q: PostingQuery) -> bool:
        fields = (
            (p.title, p.organization)
            if q.in_titles
            else (p.title, p.organization, p.location, p.body)
        )
        haystack = _words(" ".join(x or "" for x in fields))
        if any(t.lower() not in haystack for t in q.terms):
            return False
        if q.organization and q.organization.lower() not in (p.organization or "").lower():
            return False
        if q.remote is not None and p.remote is not q.remote:
            return False
        if q.deadline_from and (p.deadline is None or p.deadline < q.deadline_from):
            return False
        if q.deadline_to and (p.deadline is None or p.deadline > q.deadline_to):
            return False
        top = p.salary_max if p.salary_max is not None else p.salary_min
        bottom = p.salary_min if p.salary_min is not None else p.salary_max
        if q.salary_at_least is not None and (top is None or top < q.salary_at_least):
            return False
        if q.salary_at_most is not None and (bottom is None or bottom > q.salary_at_most):
            return False
        return q.open_until_filled is None or p.open_until_filled == q.open_until_filled

    def find_postings(self, q: PostingQuery) -> PostingPage:
        self.calls.append("find_postings")
        matching = [p for p in self.postings if self._matches(p, q)]
        listed = (
            matching
            if q.include_inactive
            else [p for p in matching if p.is_open(q.today, q.freshness)]
        )
        listed.sort(key=lambda p: (p.posted or date.min).toordinal(), reverse=True)
        listed.sort(key=lambda p: (p.deadline is None, p.deadline or date.max))
        return PostingPage(
            items=tuple(listed[q.offset : q.offset + q.limit]),
            total=len(listed),
            hidden=len(matching) - len(listed),
        )

    def find_posting_heads(self, q: PostingQuery) -> list[PostingHead]:
        self.calls.append("find_posting_heads")
        page = self.find_postings(q)
        return [PostingHead(p.id, p.location, p.remote) for p in page.items]

    def postings_by_id(self, ids: Sequence[str]) -> list[Posting]:
        by_id = {p.id: p for p in self.postings}
        return [by_id[i] for i in ids if i in by_id]

    def search_passages(
        self,
        terms: Sequence[str],
        *,
        organization: str | None = None,
        limit: int = 20,
        faq_only: bool = False,  # the fake holds FAQ passages only
    ) -> list[PassageHit]:
        self.calls.append("search_passages")
        wanted = {t.lower() for t in terms}
        hits = []
        for p in self.passages:
            if organization and organization.lower() not in (p.organization or "").lower():
                continue
            score = len(wanted & _words(f"{p.question} {p.text} {p.page_title}"))
            if score:
                hits.append(PassageHit(passage=p, score=float(score)))
        hits.sort(key=lambda h: h.score, reverse=True)
        return hits[:limit]

    def page_titles(self, organization: str | None = None, limit: int = 5) -> list[str]:
        titles = {
            p.page_title
            for p in self.passages
            if not organization or organization.lower() in (p.organization or "").lower()
        }
        return sorted(titles)[:limit]

    def organizations(self) -> list[str]:
        names = {p.organization for p in self.postings if p.status == "active" and p.organization}
        names |= {p.organization for p in self.passages if p.organization}
        return sorted(names)

    def faq_organizations(self) -> list[str]:
        return sorted({p.organization for p in self.passages if p.organization})

    def posting_titles(self) -> list[str]:
        return sorted({p.title for p in self.postings})


def sample_store() -> FakeStore:
    """A small world as of 2022-02-01: remote and on-site, open, closed and expired postings."""
    return FakeStore(
        postings=[
            posting(
                "datacite-technical-community-manager",
                "Technical Community Manager",
                organization="DataCite",
                location="Remote (preferably the Americas)",
                remote=True,
                deadline=date(2022, 2, 7),
                salary="competitive local salary",
                contacts=("helena.cousijn@datacite.org",),
                body="Lead the DataCite adoption team; community engagement in the Americas.",
                evidence=(
                    Fact("deadline", "2022-02-07", "Apply by the 7th of February 2022."),
                    Fact("remote", "true", "This is a remote position."),
                ),
            ),
            posting(
                "datacite-technical-lead",
                "Technical Lead",
                organization="DataCite",
                location="Europe",
                remote=True,
                deadline=date(2022, 4, 30),
                body="Lead the engineering team. Based in Europe.",
                posted=date(2022, 1, 25),
            ),
            posting(
                "iiif-community-officer",
                "IIIF Community & Communications Officer",
                organization="IIIF Consortium",
                location="North America or Western Europe",
                remote=True,
                open_until_filled=True,
                contacts=("work@clir.org", "https://www.clir.org/about/positions/iiif"),
                # open until filled, posted 77 days before NOW: still open (Freshness)
                posted=date(2021, 11, 16),
                body="Support the IIIF community, events and communications.",
            ),
            posting(
                "iiif-managing-director",
                "Managing Director of the IIIF Consortium",
                organization="IIIF Consortium",
                remote=True,
                deadline=date(2024, 1, 16),
                closed=True,
                salary_min=Decimal("100000"),
                salary_currency="USD",
            ),
            posting(
                "toledo-library-director",
                "Library Director/Fiscal Officer",
                organization="Toledo Lucas County Public Library",
                location="Toledo, OH",
                remote=False,
                deadline=date(2019, 6, 9),
                body="Lead the library system.",
            ),
            posting(
                "wikimedia-glam-program-officer",
                "Program Officer, GLAM and Underrepresented Heritage",
                organization="Wikimedia Foundation",
                location="San Francisco, CA or Remote",
                remote=True,
                # no deadline, posted 52 days before NOW: still open (Freshness)
                posted=date(2021, 12, 11),
                body="Work with galleries, libraries, archives and museums.",
            ),
            posting(
                "molloy-technology-lead",
                "Technology Lead",
                organization="Molloy College",
                location="Rockville Centre, New York",
                remote=False,
                deadline=date(2022, 2, 3),
                body="Head of electronic and access services at the library.",
            ),
        ],
        passages=[
            passage(
                1,
                "What is the IIIF Consortium?",
                "The IIIF Consortium is a group of institutions committed to providing steering "
                "and sustainability for the IIIF initiative.",
            ),
            passage(
                2,
                "What is the IIIF Consortium?",
                "The IIIF-C provides sustainability and steering for the IIIF initiative. "
                "Membership requires a signed Memorandum of Understanding (MOU) and a $10,000 "
                "annual fee to support staffing and events. The consortium welcomes new "
                "members every year and reviews its plans at the annual conference, where "
                "members discuss strategy, training and the shared infrastructure. Founding "
                "Members agree to join and help advance the IIIF Consortium.",
            ),
            passage(
                3,
                "Why Join the IIIF Consortium?",
                "Benefits of joining the IIIF-C as a Founding Member include: recognition.",
            ),
            passage(
                4,
                "How can my institution join the IIIF Consortium?",
                "To join the IIIF-C, please send an email expressing interest to Sheila Rabun, "
                "at srabun@iiif.io. You will be asked to sign and return the MOU.",
            ),
            passage(
                5,
                "Membership Fee",
                "Annual Membership Fee: 2000€ for every member.",
                source="faq/datacite-fees.md",
                page_title="DataCite Fee Model",
                organization="DataCite",
                url="https://datacite.org/feemodel.html",
            ),
        ],
    )


def make_router() -> Router:
    root = Router()
    for module in (jobs, subscriptions, faq, questions):
        root.include(module.router)
    return root


@dataclass
class MemorySubscriptions:
    """Subscriptions, reminders and the question log below are kept in lists, as the store
    keeps them in tables, so the handlers that write run in unit tests without a database."""

    subs: list[Subscription] = field(default_factory=list)

    def add(
        self,
        platform: str,
        channel: str,
        filters_text: str,
        filters: Filters,
        user: str | None,
        now: datetime,
    ) -> tuple[Subscription, SubscribeOutcome]:
        for sub in self.for_channel(platform, channel):
            if sub.filters == filters:
                return sub, "exists"
        sub = Subscription(
            len(self.subs) + 1, platform, channel, filters_text, filters, "active", now, now, user
        )
        self.subs.append(sub)
        return sub, "created"

    def for_channel(self, platform: str, channel: str) -> list[Subscription]:
        return [
            s
            for s in self.subs
            if (s.platform, s.channel, s.status) == (platform, channel, "active")
        ]

    def cancel(self, subscription_id: int, now: datetime) -> None:
        self.subs = [
            replace(s, status="cancelled") if s.id == subscription_id else s for s in self.subs
        ]


@dataclass
class MemoryReminders:
    kept: list[PersonalReminder] = field(default_factory=list)

    def add(
        self, platform: str, user: str, posting_id: str, now: datetime
    ) -> tuple[PersonalReminder, bool]:
        for r in self.for_user(platform, user):
            if r.posting_id == posting_id:
                return r, False
        reminder = PersonalReminder(len(self.kept) + 1, platform, user, posting_id, "active", now)
        self.kept.append(reminder)
        return reminder, True

    def for_user(self, platform: str, user: str) -> list[PersonalReminder]:
        return [r for r in self.kept if (r.platform, r.user) == (platform, user)]


@dataclass
class MemoryQuestions:
    logged: dict[int, LoggedQuestion] = field(default_factory=dict)

    def record(self, text: str, *, intent: str, answered: bool, now: datetime) -> int:
        qid = len(self.logged) + 1
        self.logged[qid] = LoggedQuestion(qid, text, intent, answered, 1, 0, 0, now)
        return qid

    def feedback(self, question_id: int, *, helpful: bool) -> bool:
        q = self.logged.get(question_id)
        if q is None:
            return False
        self.logged[question_id] = replace(
            q, helpful=q.helpful + helpful, unhelpful=q.unhelpful + (not helpful)
        )
        return True

    def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        wanted = [q for q in self.logged.values() if not q.answered or q.unhelpful]
        return wanted[:limit]


def make_context(
    store: Any,
    request: Request | None = None,
    now: datetime = NOW,
    books: tuple[MemorySubscriptions, MemoryReminders, MemoryQuestions] | None = None,
    **settings: Any,
) -> Context:
    subs, reminders, log = books or (None, None, None)
    return Context(
        store=store,
        settings=Settings(database_url="sqlite://", **settings),
        now=now,
        request=request or Request("console", "tester", "console", "jobs", ""),
        questions=log,
        subscriptions=subs,
        reminders=reminders,
    )


def ask(router: Router, store: Any, line: str, now: datetime = NOW, **settings: Any) -> Any:
    """Dispatch one typed line the way an adapter would."""
    request = Request.from_line(line)
    return router.dispatch(request, make_context(store, request, now, **settings))

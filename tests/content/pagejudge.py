"""Pages written for Herald with what a careful reader takes from each, judged field by field.

The unseen-page modules (test_unseen_pages*.py) hold pages the loader had not seen when they
were written, in two sets: ``first``, which the loader was then fixed against, and
``held_out``, written after those fixes and scored blind. This module is how both are judged,
written once.

How a field is judged (as ../shared/*/expected.yaml is): title, kind, posted, deadline, flags,
amounts, currency, period and employment type equal; organization equal to one of the " / "
alternatives (case-insensitive); role (an opening's title, where a module gives it apart from
the page's title) equal, capitals and all; location contains the expected place;
remote_regions contain each expected region; contacts the same set. A page of several
openings is judged opening by opening, in page order. A page that is not a job holds no
posting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from bot.content import parse_bytes, parse_text
from bot.domain import ParsedDocument, PostingDraft


@dataclass(frozen=True)
class Page:
    name: str
    text: str | bytes  # bytes: a file as read from disk (its encoding is the loader's to find)
    want: dict[str, Any] = field(default_factory=dict)


# The keys of an opening's expectations -> the PostingDraft field each is judged on.
FIELDS = {
    "title": "title", "org": "organization", "location": "location", "remote": "remote",
    "regions": "remote_regions", "deadline": "deadline", "ouf": "open_until_filled",
    "closed": "closed", "smin": "salary_min", "smax": "salary_max", "cur": "salary_currency",
    "period": "salary_period", "etype": "employment_type", "contacts": "contacts",
    "role": "title",
}  # fmt: skip
_PAGE_FIELDS = ("kind", "title", "posted", "org")


def _norm(text: object) -> str:
    return " ".join(str(text or "").lower().split()).rstrip(".")


def judge(key: str, want: Any, got: Any) -> bool:
    if key == "org":
        if want is None:
            return got is None
        return got is not None and _norm(got) in {_norm(w) for w in want.split(" / ")}
    if key == "location":
        return got is not None and _norm(want) in _norm(got)
    if key == "regions":
        return all(any(_norm(w) == _norm(g) for g in got or ()) for w in want)
    if key in ("smin", "smax"):
        return got is None if want is None else got == Decimal(str(want))
    if key == "contacts":
        return {c.lower().rstrip("/") for c in got or ()} == {c.lower() for c in want}
    if key == "role":  # an opening's title as a reader writes it: capitals count
        return " ".join(str(got or "").split()) == want
    if key in ("title", "kind"):
        wants = want if isinstance(want, tuple) else (want,)
        return _norm(got) in {_norm(w) for w in wants}
    return bool(want == got)


def _is_job(want: dict[str, Any]) -> bool:
    kinds = want["kind"] if isinstance(want["kind"], tuple) else (want["kind"],)
    return "job" in kinds


def _openings(want: dict[str, Any]) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] | None = want.get("positions")
    if listed is not None:
        return listed
    return [{k: v for k, v in want.items() if k in FIELDS and k not in ("title", "org")}]


class PageSet:
    """The pages of one module. ``page(...)`` adds to the first set until ``hold_out()``."""

    def __init__(self) -> None:
        self.first: list[Page] = []
        self.held_out: list[Page] = []
        self._into = self.first
        self._parsed: dict[str, ParsedDocument] = {}

    def page(self, name: str, text: str | bytes, **want: Any) -> None:
        if any(p.name == name for p in self.first + self.held_out):
            raise ValueError(f"two pages are named {name}")
        self._into.append(Page(name, text, want))

    def hold_out(self) -> None:
        """The pages added from now on were written after the fixes (the held-out set)."""
        self._into = self.held_out

    @property
    def pages(self) -> dict[str, Page]:
        return {p.name: p for p in self.first + self.held_out}

    def parsed(self, name: str) -> ParsedDocument:
        if name not in self._parsed:
            text = self.pages[name].text
            if isinstance(text, bytes):
                self._parsed[name] = parse_bytes(name, text)
            else:
                self._parsed[name] = parse_text(name, text)
        return self._parsed[name]

    def checks(self) -> list[tuple[str, str]]:
        """(page, field) pairs: the page's own fields, then each opening's ("deadline[1]")."""
        found: list[tuple[str, str]] = []
        for name, page_ in self.pages.items():
            want = page_.want
            found += [(name, key) for key in _PAGE_FIELDS if key in want or key == "kind"]
            if not _is_job(want):
                found.append((name, "no postings"))
                continue
            several = "positions" in want
            if several:
                found.append((name, "openings"))
            for index, opening in enumerate(_openings(want)):
                for key, value in opening.items():
                    if key == "location" and value is None:
                        continue  # "not stated" is not judged: a remote page may say "Remote"
                    found.append((name, f"{key}[{index}]" if several else key))
        return found

    def outcome(self, name: str, check: str) -> tuple[bool, Any, Any]:
        """(right?, expected, extracted)."""
        doc = self.parsed(name)
        want = self.pages[name].want
        if check == "kind":
            return judge("kind", want["kind"], doc.kind), want["kind"], doc.kind
        if check == "title":
            return judge("title", want["title"], doc.title), want["title"], doc.title
        if check == "posted":
            return doc.posted == want["posted"], want["posted"], doc.posted
        if check == "no postings":
            return not doc.postings, (), [p.title for p in doc.postings]
        if check == "openings":
            titles = [p.title for p in doc.postings]
            return len(titles) == len(want["positions"]), len(want["positions"]), titles
        if check == "org":
            got = doc.postings[0].organization if doc.postings else doc.organization
            return judge("org", want["org"], got), want["org"], got
        key, _, index = check.partition("[")
        position = int(index.rstrip("]")) if index else 0
        expected = _openings(want)[position][key]
        posting: PostingDraft | None = (
            doc.postings[position] if position < len(doc.postings) else None
        )
        got = getattr(posting, FIELDS[key]) if posting is not None else None
        return judge(key, expected, got), expected, got

    def assert_agrees(self, name: str, check: str) -> None:
        """What a careful reader takes from page ``name`` for ``check`` is what Herald read."""
        right, expected, got = self.outcome(name, check)
        assert right, f"{check}: expected {expected!r}, extracted {got!r}"

    def assert_accuracy(self, at_least: float = 0.85) -> None:
        """The per-field accuracy on both sets (printed with -s), no less than ``at_least``."""
        table, right, total = self.field_table()
        print("\n" + table)
        assert right / total >= at_least, f"{right}/{total}"

    def assert_kinds(self, *, pages: int, jobs: int, others: int) -> None:
        """At least this many pages, of which job postings and pages of other kinds."""
        kinds = Counter(str(p.want["kind"]) for p in self.pages.values())
        assert len(self.pages) >= pages and kinds["job"] >= jobs, kinds
        assert len(self.pages) - kinds["job"] >= others, kinds

    def params(self, known_misses: dict[tuple[str, str], str]) -> list[Any]:
        """One pytest param per check; a known miss is a strict xfail with its reason."""
        checks = self.checks()
        unknown = set(known_misses) - set(checks)
        if unknown:
            raise ValueError(f"known misses of no check: {sorted(unknown)}")
        return [self._param(check, known_misses.get(check)) for check in checks]

    @staticmethod
    def _param(check: tuple[str, str], reason: str | None) -> Any:
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        return pytest.param(*check, id=f"{check[0].rsplit('/', 1)[-1]}:{check[1]}", marks=marks)

    def field_table(self) -> tuple[str, int, int]:
        """The per-field tally of both sets, as printed text, and (right, total) overall."""
        lines = [f"{'field':<12}{'first':>10}{'held out':>10}"]
        tallies: dict[str, Counter[str]] = {"first": Counter(), "held": Counter()}
        totals: dict[str, Counter[str]] = {"first": Counter(), "held": Counter()}
        held = {p.name for p in self.held_out}
        misses: list[str] = []
        for name, check in self.checks():
            key = check.partition("[")[0]
            side = "held" if name in held else "first"
            totals[side][key] += 1
            right, expected, got = self.outcome(name, check)
            tallies[side][key] += right
            if not right:
                misses.append(f"  {name} {check}: expected {expected!r}, extracted {got!r}")
        for key in totals["first"] | totals["held"]:
            cells = [f"{tallies[s][key]}/{totals[s][key]}" for s in ("first", "held")]
            lines.append(f"{key:<12}{cells[0]:>10}{cells[1]:>10}")
        right = sum(sum(t.values()) for t in tallies.values())
        total = sum(sum(t.values()) for t in totals.values())
        lines.append(f"{'all':<12}{right:>10}/{total}")
        return "\n".join([*lines, "misses:", *misses]), right, total

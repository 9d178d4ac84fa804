"""Accuracy on real pages that were not used to write the loader (../shared/corpus).

Prints a per-field table (run with ``-s`` to see it) and holds kind, deadline, remote and
organization to at least 90 %. How each field is judged:

- kind, title, posted: equal (titles case- and whitespace-insensitive).
- organization: equal to one of the names in the expected text, ignoring a bracketed note:
  "IIIF / IIIF Consortium" accepts either; "Molloy College (James E. Tobin Library)" wants
  "Molloy College"; "METRO (…) with Brooklyn Public Library, …" wants the part before "with".
- deadline, remote, closed, salary on a job page: the first posting's value. A news or other
  page holds no posting, so it is right when the loader claims nothing that disagrees.
- salary: the expected words appear in the extracted salary text.
- contact (job pages only): the set of e-mail addresses and URLs in the expected text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.content import parse_bytes
from bot.domain import ParsedDocument, PostingDraft

FIELDS = (
    "kind", "title", "organization", "deadline", "remote", "closed", "salary", "contact", "posted",
)  # fmt: skip
GATED = ("kind", "deadline", "remote", "organization")
_TOKENS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s;,]+")

Judge = Callable[[dict[str, Any], ParsedDocument], bool | None]


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split()).rstrip(".")


def _main_name(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return _norm(text.split(" with ")[0])


def _posting(doc: ParsedDocument) -> PostingDraft | None:
    return doc.postings[0] if doc.postings else None


def _expected_date(want: dict[str, Any]) -> date | None:
    raw = (want.get("deadline") or {}).get("date")
    return date.fromisoformat(str(raw)) if raw else None


def judge_kind(want: dict[str, Any], doc: ParsedDocument) -> bool:
    return doc.kind == want["kind"]


def judge_title(want: dict[str, Any], doc: ParsedDocument) -> bool:
    return _norm(doc.title) == _norm(want["title"])


def judge_organization(want: dict[str, Any], doc: ParsedDocument) -> bool:
    if not want["organization"]:
        return doc.organization is None
    names = {_main_name(part) for part in str(want["organization"]).split(" / ")}
    return doc.organization is not None and _main_name(doc.organization) in names


def judge_posted(want: dict[str, Any], doc: ParsedDocument) -> bool:
    raw = want.get("posted_date")
    return doc.posted == (date.fromisoformat(str(raw)) if raw else None)


def _claims(doc: ParsedDocument, field: str) -> list[Any]:
    return [getattr(p, field) for p in doc.postings]


def judge_deadline(want: dict[str, Any], doc: ParsedDocument) -> bool:
    expected = _expected_date(want)
    if want["kind"] == "job":
        posting = _posting(doc)
        return (posting.deadline if posting else None) == expected
    return all(d is None or d == expected for d in _claims(doc, "deadline"))


def judge_remote(want: dict[str, Any], doc: ParsedDocument) -> bool:
    if want["kind"] == "job":
        posting = _posting(doc)
        return (posting.remote if posting else None) is want["remote"]
    return all(r is None or r is want["remote"] for r in _claims(doc, "remote"))


def judge_closed(want: dict[str, Any], doc: ParsedDocument) -> bool:
    if want["kind"] == "job":
        posting = _posting(doc)
        return bool(posting and posting.closed) is bool(want["closed"])
    return all(c is bool(want["closed"]) or not c for c in _claims(doc, "closed"))


def judge_salary(want: dict[str, Any], doc: ParsedDocument) -> bool:
    posting = _posting(doc)
    extracted = posting.salary if posting else None
    if not want["salary"]:
        return extracted is None
    if want["kind"] != "job":
        return all(s is None for s in _claims(doc, "salary"))
    return _norm(want["salary"]) in _norm(extracted)


def judge_contact(want: dict[str, Any], doc: ParsedDocument) -> bool | None:
    if want["kind"] != "job":
        return None  # a posting field; news and other pages have no posting
    wanted = {t.rstrip("/.;").lower() for t in _TOKENS.findall(str(want["apply_contact"] or ""))}
    posting = _posting(doc)
    got = {c.rstrip("/").lower() for c in (posting.contacts if posting else ())}
    return got == wanted


JUDGES: dict[str, Judge] = {
    "kind": judge_kind,
    "title": judge_title,
    "organization": judge_organization,
    "deadline": judge_deadline,
    "remote": judge_remote,
    "closed": judge_closed,
    "salary": judge_salary,
    "contact": judge_contact,
    "posted": judge_posted,
}


@pytest.fixture(scope="module")
def results(corpus_dir: Path, corpus_expected: dict[str, Any]) -> dict[str, dict[str, bool | None]]:
    expected = corpus_expected
    table: dict[str, dict[str, bool | None]] = {}
    for want in expected["documents"]:
        path = corpus_dir / Path(want["file"]).name
        doc = parse_bytes(want["file"], path.read_bytes())
        table[path.name] = {name: JUDGES[name](want, doc) for name in FIELDS}
    return table


def accuracy(results: dict[str, dict[str, bool | None]], field: str) -> tuple[int, int]:
    judged = [row[field] for row in results.values() if row[field] is not None]
    return sum(1 for ok in judged if ok), len(judged)


def test_corpus_accuracy_table(results: dict[str, dict[str, bool | None]]) -> None:
    lines = ["", f"{'field':<14}{'right':>7}{'of':>5}{'accuracy':>10}"]
    for field in FIELDS:
        right, total = accuracy(results, field)
        lines.append(f"{field:<14}{right:>7}{total:>5}{right / total:>10.0%}")
    misses = [
        f"  {name}: {', '.join(f for f, ok in row.items() if ok is False)}"
        for name, row in sorted(results.items())
        if any(ok is False for ok in row.values())
    ]
    print("\n".join(lines + (["misses:", *misses] if misses else [])))
    for field in GATED:
        right, total = accuracy(results, field)
        assert right / total >= 0.9, f"{field}: {right}/{total}"


def test_every_corpus_file_is_judged(corpus_dir: Path, corpus_expected: dict[str, Any]) -> None:
    expected = corpus_expected
    listed = {Path(d["file"]).name for d in expected["documents"]}
    assert listed == {p.name for p in corpus_dir.glob("*.md")}


def test_fee_page_sections_answer_fee_questions(corpus_dir: Path) -> None:
    path = corpus_dir / "datacite-fee-model-2023.md"
    doc = parse_bytes("corpus/datacite-fee-model-2023.md", path.read_bytes())
    sections = {section.question: section.passages for section in doc.faq}
    assert "Annual Membership Fee: 2000€" in sections["Membership Fee"]
    assert any("500€ per year" in p for p in sections["Organization Fee"])
    assert any(
        p.startswith("Annual DOI range: 0 - 1.999; Tier: Tier 1") for p in sections["DOI Fee"]
    )
    navigation = [p for ps in sections.values() for p in ps if p.startswith("Fee Structure:")]
    assert navigation == []

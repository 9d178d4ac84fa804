"""Every field a careful reader takes from the seed documents (../shared/seeds/expected.yaml).

Comparisons are case-insensitive; a location or salary is right when the expected words are in
the extracted text. Two expected values carry a reader's annotation in brackets ("anywhere with a
reliable Internet connection (meetings between UTC-8 and UTC+1)"): there the words outside the
brackets must be extracted. "minimum USD 100,000" is checked as salary_min and salary_currency.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.content import parse_bytes
from bot.domain import ParsedDocument, PostingDraft

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
# Parametrised by the files present; test_every_seed_is_described checks they match the yaml.
NAMES = sorted(p.name for p in SEEDS.glob("*.md")) or ["(seeds absent)"]

# For each question of the FAQ seed: the heading that answers it and the words its passage needs.
FAQ_ANSWERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "iiif membership fee": ("What is the IIIF Consortium?", ("$10,000 annual fee",)),
    "how do I join the IIIF consortium": (
        "How can my institution join the IIIF Consortium?",
        (
            "send an email expressing interest",
            "srabun@iiif.io",
            "Memorandum of Understanding",
            "invoice for an initial payment of $10,000",
        ),
    ),
    "what is the IIIF consortium": (
        "What is the IIIF Consortium?",
        (
            "group of institutions committed to providing steering and sustainability for the IIIF "
            "initiative",
        ),
    ),
    "consortium vs community": (
        "What is the difference between the IIIF Consortium and the IIIF community?",
        (
            "signed a Memorandum of Understanding",
            "$10,000 per year",
            "IIIF community comprises institutions who have adopted IIIF",
        ),
    ),
    "letter of support for a grant": (
        "Can I request a letter of support from the IIIF Consortium for my IIIF-related grant "
        "application?",
        ("may be requested according to the IIIF Support for Grant Proposals policy",),
    ),
    "who manages IIIF-C funds": (
        "What is the difference between the IIIF Consortium and the IIIF community?",
        (
            "managed by the Council on Library and Information Resources (CLIR), based in "
            "Washington, DC",
        ),
    ),
}


@pytest.fixture(scope="module")
def expected(seeds_expected: dict[str, Any]) -> dict[str, Any]:
    return seeds_expected


def test_every_seed_is_described(expected: dict[str, Any], seeds_dir: Path) -> None:
    assert set(expected) == {p.name for p in seeds_dir.glob("*.md")}


@pytest.fixture(scope="module")
def parsed(seeds_dir: Path) -> dict[str, ParsedDocument]:
    return {
        path.name: parse_bytes(f"seeds/{path.name}", path.read_bytes())
        for path in sorted(seeds_dir.glob("*.md"))
    }


def _same(a: str | None, b: str | None) -> bool:
    norm = lambda s: " ".join((s or "").lower().split())  # noqa: E731
    return norm(a) == norm(b)


def _contains(extracted: str | None, wanted: str) -> bool:
    """Wanted words in the extracted text; a bracketed reader's note in ``wanted`` is optional."""
    have = " ".join((extracted or "").lower().split())
    want = " ".join(wanted.lower().split())
    if want in have:
        return True
    outside = re.sub(r"\s*\([^)]*\)", "", want).strip()
    return outside != want and bool(outside) and outside in have


def _salary_ok(posting: PostingDraft, wanted: str | None) -> bool:
    if wanted is None:
        return posting.salary is None
    minimum = re.fullmatch(r"minimum ([A-Z]{3}) ([\d,]+)", wanted)
    if minimum is not None:
        return posting.salary_currency == minimum.group(1) and posting.salary_min == Decimal(
            minimum.group(2).replace(",", "")
        )
    return _contains(posting.salary, wanted)


@pytest.mark.parametrize("name", NAMES)
def test_seed_document(
    name: str, expected: dict[str, Any], parsed: dict[str, ParsedDocument]
) -> None:
    want = expected[name]
    doc = parsed[name]
    assert doc.kind == want["kind"]
    assert doc.posted == (date.fromisoformat(str(want["posted"])) if want["posted"] else None)
    assert _same(doc.organization, want["organization"])
    if want["kind"] != "job":
        assert _same(doc.title, want["title"])
        assert doc.postings == ()
        return
    assert len(doc.postings) == 1
    posting = doc.postings[0]
    assert _same(posting.title, want["title"])
    assert _same(posting.organization, want["organization"])
    assert posting.posted == doc.posted
    assert _contains(posting.location, want["location"]), posting.location
    assert posting.remote is want["remote"]
    deadline = date.fromisoformat(str(want["deadline"])) if want["deadline"] else None
    assert posting.deadline == deadline
    assert posting.deadline_inferred is False
    assert posting.open_until_filled is want["open_until_filled"]
    assert posting.closed is want["closed"]
    assert _salary_ok(posting, want["salary"]), posting.salary
    assert [c.lower() for c in posting.contacts] == [c.lower() for c in want["contact"]]


@pytest.mark.parametrize("name", NAMES)
def test_every_job_fact_has_its_sentence(name: str, parsed: dict[str, ParsedDocument]) -> None:
    for posting in parsed[name].postings:
        fields = {fact.field for fact in posting.evidence}
        if posting.deadline:
            assert "deadline" in fields
        if posting.remote is not None:
            assert "remote" in fields
        if posting.salary:
            assert "salary" in fields
        if posting.closed:
            assert "closed" in fields
        for fact in posting.evidence:
            assert fact.sentence.strip(), fact


def test_faq_answers_carry_the_facts(
    expected: dict[str, Any], parsed: dict[str, ParsedDocument]
) -> None:
    questions = next(v["questions"] for v in expected.values() if v["kind"] == "faq")
    assert set(questions) == set(FAQ_ANSWERS), "expected.yaml changed: update FAQ_ANSWERS"
    doc = parsed["iiif-consortium-faq.md"]
    by_question = {section.question: section for section in doc.faq}
    for asked, (heading, fragments) in FAQ_ANSWERS.items():
        section = by_question[heading]
        assert any(all(f in passage for f in fragments) for passage in section.passages), asked
    assert not any("i.name" in p or "site.data" in p for s in doc.faq for p in s.passages)
    assert "What institutions are part of the IIIF Consortium?" not in by_question  # only a loop


@pytest.mark.parametrize("name", NAMES)
def test_no_liquid_or_mojibake_in_stored_text(
    name: str, parsed: dict[str, ParsedDocument], leftovers: Callable[[str], str | None]
) -> None:
    doc = parsed[name]
    texts = [doc.title, doc.body, doc.organization or ""]
    for posting in doc.postings:
        texts += [posting.title, posting.body, posting.location or "", posting.salary or ""]
        texts += list(posting.contacts)
        texts += [fact.sentence for fact in posting.evidence]
    for section in doc.faq:
        texts += [section.question, *section.passages]
    for text in texts:
        assert leftovers(text) is None, leftovers(text)


def test_mojibake_is_repaired_where_it_was(parsed: dict[str, ParsedDocument]) -> None:
    officer = parsed["iiif-community-officer-2017.md"].body
    assert "Chair’s designate" in officer or "Chair's designate" in officer
    manager = parsed["datacite-technical-community-manager.md"].body
    assert "don’t hesitate" in manager or "don't hesitate" in manager


def test_liquid_wrapped_body_is_kept(parsed: dict[str, ParsedDocument]) -> None:
    body = parsed["iiif-managing-director-2023.md"].body
    assert "Minimum salary for this role" in body
    assert "theme.block" not in body


def test_slugs_are_short_and_typeable(parsed: dict[str, ParsedDocument]) -> None:
    slugs = [p.slug for doc in parsed.values() for p in doc.postings]
    assert "iiif-managing-director-2023" in slugs
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 48, slug

"""Every example sentence of every rule table, through the whole loader (page -> posting).

A rule's ``matches`` must give the posting the rule's value; its ``rejects`` must not. The
sentence is put in an ordinary posting page, so a gate, a cleaning step or another rule that
hides it fails here by the rule's name.
"""

from __future__ import annotations

import pytest

from bot.content import parse_text
from bot.content.rules import TABLES, Rule, Table, lead_words
from bot.domain import PostingDraft


def _posting(sentence: str, before: str = "") -> PostingDraft:
    # A salary statement needs an amount: the period tables' examples all carry one.
    doc = parse_text(
        "postings/2026-03-01-records.md",
        "---\ntitle: Records Manager\nkind: job\ndate: 2026-03-01\n---\n\n"
        f"The Atlas Trust seeks a records manager.{before}\n\n{sentence}\n",
    )
    assert not any("could not" in w for w in doc.warnings), doc.warnings
    (posting,) = doc.postings
    return posting


def _examples(kind: str) -> list[tuple[Table, Rule, str]]:
    return [
        (table, rule, sentence)
        for table in TABLES
        for rule in table
        for sentence in (rule.matches if kind == "matches" else rule.rejects)
    ]


def _id(example: tuple[Table, Rule, str]) -> str:
    table, rule, sentence = example
    return f"{table.field}={rule.value}: {sentence[:40]}"


@pytest.mark.parametrize("example", _examples("matches"), ids=_id)
def test_a_rule_finds_its_sentences(example: tuple[Table, Rule, str]) -> None:
    table, rule, sentence = example
    value = getattr(_posting(sentence), table.field)
    if table.check == "set":
        assert value, f"{table.field} is not read from {sentence!r}"
    else:
        assert _said(value) == rule.value


@pytest.mark.parametrize("example", _examples("matches"), ids=_id)
def test_a_rule_finds_its_sentences_after_text_that_lowers_longer(
    example: tuple[Table, Rule, str],
) -> None:
    """ "İ" lower-cases to two characters: the offsets found in the lower-cased page must
    still be the page's."""
    table, rule, sentence = example
    value = getattr(_posting(sentence, " Offices in İstanbul and İzmir." * 20), table.field)
    if table.check == "set":
        assert value
    else:
        assert _said(value) == rule.value


@pytest.mark.parametrize("example", _examples("rejects"), ids=_id)
def test_a_rule_leaves_its_other_sentences(example: tuple[Table, Rule, str]) -> None:
    table, rule, sentence = example
    value = getattr(_posting(sentence), table.field)
    if table.check == "set":
        assert not value, f"{table.field} = {value!r} read from {sentence!r}"
    else:
        assert _said(value) != rule.value


def _said(value: object) -> object:
    return str(value).lower() if isinstance(value, bool) else value


def test_every_rule_has_examples_both_ways_or_says_why() -> None:
    assert {t.field for t in TABLES} >= {
        "employment_type", "salary_period", "closed", "open_until_filled", "deadline", "remote",
        "location", "contacts",
    }  # fmt: skip
    for table in TABLES:
        for rule in table:
            assert len(rule.matches) >= 2, rule.value


@pytest.mark.parametrize(
    ("phrasing", "lead"),
    [
        ("internships?\\b", "internship"),
        ("part[- ]?time\\b", "part"),
        ("contract (?:position|role)\\b", "contract "),
        ("/\\s?(?:hour|hr)\\b", "/"),
        ("p\\.\\s?a\\.(?!\\w)", "p."),
        ("b\\.c\\.(?!\\w)", "b.c."),
        ("e\\.?g\\b", "e"),
        ("(?:position|job) (?:is|was) filled\\b", "position|job"),
        ("(?<!based on a )(?<!on )full[- ]?time\\b", "full"),
    ],
)
def test_a_phrasing_is_found_by_its_fixed_start(phrasing: str, lead: str) -> None:
    assert lead_words(phrasing) == tuple(lead.split("|"))


def test_a_phrasing_must_start_with_a_fixed_word_in_lower_case() -> None:
    with pytest.raises(ValueError, match="fixed word"):
        Rule("x", ("(?:a|b)?c",), matches=())
    with pytest.raises(ValueError, match="lower case"):
        Rule("x", ("FTE",), matches=())

""" "Who funds it?", "who runs it?": the sentence that names someone the question does not
("made possible by a grant from the Osprey Foundation") answers; "perks" are asked of
"Benefits"."""

from __future__ import annotations

from cmdfakes import passage

from bot.domain import PassageHit
from bot.search import rank_passages

FUND = {"page_title": "Harbour Access Fund"}


def _hits(*passages: object) -> list[PassageHit]:
    return [PassageHit(passage=p, score=1.0) for p in passages]  # type: ignore[arg-type]


def _best(question: str, hits: list[PassageHit]) -> str:
    ranked = rank_passages(question, hits)
    best = next((a for a in ranked if a.confident), None)
    return best.excerpt if best is not None else ""


def test_who_is_answered_by_the_sentence_naming_someone_else() -> None:
    hits = _hits(
        passage(
            1,
            "Harbour Access Fund",
            "The Harbour Access Fund was set up to help small archives publish their records. "
            "The fund is made possible by a grant from the Osprey Foundation.",
            **FUND,
        ),
        passage(2, "Timeline", "Applications to the Harbour Access Fund close in May.", **FUND),
    )
    assert "Osprey Foundation" in _best("who funds the harbour access fund", hits)
    assert "Osprey Foundation" in _best("who is putting up the money for the fund", hits)


def test_perks_are_asked_of_benefits() -> None:
    hits = _hits(
        passage(1, "Benefits", "Members get early access to the annual report.", **FUND),
        passage(2, "Eligibility", "Archives in any country may apply.", **FUND),
    )
    assert "early access" in _best("what perks do members get", hits)


def test_parking_is_not_a_park() -> None:
    hits = _hits(
        passage(1, "The city", "Visitors enjoy the zoo and the Heron Bay State Park.", **FUND),
        passage(2, "Eligibility", "Archives in any country may apply.", **FUND),
    )
    assert _best("is parking free at the harbour fund office", hits) == ""

""" "Who funds it?", "who runs it?": the sentence that names someone the question does not
("made possible by a grant from the Osprey Foundation") answers; "perks" are asked of
"Benefits"."""

from __future__ import annotations

from cmdfakes import as_hits, best_excerpt, passage

FUND = {"page_title": "Harbour Access Fund"}


def test_who_is_answered_by_the_sentence_naming_someone_else() -> None:
    hits = as_hits(
        passage(
            1,
            "Harbour Access Fund",
            "The Harbour Access Fund was set up to help small archives publish their records. "
            "The fund is made possible by a grant from the Osprey Foundation.",
            **FUND,
        ),
        passage(2, "Timeline", "Applications to the Harbour Access Fund close in May.", **FUND),
    )
    assert "Osprey Foundation" in best_excerpt("who funds the harbour access fund", hits)
    assert "Osprey Foundation" in best_excerpt("who is putting up the money for the fund", hits)


def test_perks_are_asked_of_benefits() -> None:
    hits = as_hits(
        passage(1, "Benefits", "Members get early access to the annual report.", **FUND),
        passage(2, "Eligibility", "Archives in any country may apply.", **FUND),
    )
    assert "early access" in best_excerpt("what perks do members get", hits)


def test_parking_is_not_a_park() -> None:
    hits = as_hits(
        passage(1, "The city", "Visitors enjoy the zoo and the Heron Bay State Park.", **FUND),
        passage(2, "Eligibility", "Archives in any country may apply.", **FUND),
    )
    assert best_excerpt("is parking free at the harbour fund office", hits) == ""

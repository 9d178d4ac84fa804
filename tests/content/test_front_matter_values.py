"""A front matter value Herald cannot use is named with its key; nothing is dropped silently."""

from __future__ import annotations

import pytest

from bot.content import parse_text


def _load(front: str) -> tuple[list[str], object]:
    doc = parse_text(
        "postings/2026-11-02-archivist.md",
        f"---\ntitle: Archivist\nkind: job\n{front}\n---\n\nThe Atlas Trust seeks an archivist.\n",
    )
    return list(doc.warnings), doc


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        ('deadline: "yesterday"', 'deadline: "yesterday" is not a date; write it as 2027-03-01'),
        ("deadline: yesterday", 'deadline: "yesterday" is not a date; write it as 2027-03-01'),
        ("closing_date: 2023-02-30", 'closing_date: "2023-02-30" is not a date; write it as '),
        ("date: 2019-13-45", 'date: "2019-13-45" is not a date; write it as 2027-03-01'),
        ("expires: [1, 2]", 'expires: "1, 2" is not a date; write it as 2027-03-01'),
    ],
)
def test_a_value_that_is_not_a_date_names_its_key(front: str, warning: str) -> None:
    warnings, doc = _load(front)
    assert any(w.startswith(warning) for w in warnings), warnings
    # the rest of the front matter is still read
    assert doc.title == "Archivist"  # type: ignore[attr-defined]


def test_a_valid_date_elsewhere_survives_an_impossible_one() -> None:
    warnings, doc = _load("date: 2023-02-30\ndeadline: 2027-03-01")
    assert doc.postings[0].deadline.isoformat() == "2027-03-01"  # type: ignore[attr-defined]
    assert not any("not valid YAML" in w for w in warnings)


def test_dates_the_loader_understands_give_no_warning() -> None:
    for front in ("deadline: 2027-03-01", "deadline: 1 March 2027", "deadline: March 1"):
        warnings, _ = _load(front)
        assert not any("is not a date" in w for w in warnings), (front, warnings)


@pytest.mark.parametrize(
    "front",
    [
        "location: Leiden\nlocation: Utrecht",
        "location: Leiden\ntags: [jobs]\nlocation: Utrecht",
        'location: "Leiden"\nlocation: Utrecht',
    ],
)
def test_duplicate_keys_warn_and_the_last_value_is_used(front: str) -> None:
    warnings, doc = _load(front)
    assert "the key location is given twice; the last value is used" in warnings
    assert doc.postings[0].location == "Utrecht"  # type: ignore[attr-defined]


def test_a_duplicate_key_inside_a_mapping_warns_once() -> None:
    warnings, _ = _load("location:\n  city: Leiden\n  city: Utrecht")
    assert warnings.count("the key city is given twice; the last value is used") == 1

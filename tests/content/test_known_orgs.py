"""The known organisations: found by their aliases as whole names, and counted on a page."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import orgs

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ALIASES = [(name, alias) for name, aliases in orgs.KNOWN for alias in aliases]
# Aliases that hold no other alias: glued to a word, nothing may be found in them.
ALONE = [
    (name, alias)
    for name, alias in ALIASES
    if not any(other != alias and other in alias for _, other in ALIASES)
]
# One alias per organisation, each found once where it is written (for counting).
ONE_EACH = {name: alias for name, alias in ALONE if name != "IIIF Consortium"}
ONE_EACH["IIIF Consortium"] = "IIIF-C"
ORDER = [name for name, _ in orgs.KNOWN]


@pytest.mark.parametrize(("name", "alias"), ALIASES)
@pytest.mark.parametrize("around", ["{}", "Join {} today.", "({})", "the {}'s", "x, {}\n", "«{}»"])
def test_every_alias_names_its_organisation(name: str, alias: str, around: str) -> None:
    assert orgs.known_in(around.format(alias)) == name


@pytest.mark.parametrize(("name", "alias"), ALONE)
@pytest.mark.parametrize("glued", ["x{}", "{}x", "pre-{}", "_{}", "{}2", "{}é", "é{}"])
def test_an_alias_inside_a_longer_word_names_nothing(name: str, alias: str, glued: str) -> None:
    assert orgs.known_in(glued.format(alias)) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the IIIF-C board", "IIIF Consortium"),
        ("IIIF-Co", "IIIF"),  # not "-C" as a word
        ("an IIIF-compatible viewer", "IIIF"),
        ("The (IIIF) Consortium", "IIIF Consortium"),
        ("DataCite-hosted", "DataCite"),  # a hyphen after the name ends it
        ("METROPOLITAN", None),  # aliases are case-sensitive
        ("datacite", None),
        ("", None),
    ],
)
def test_known_in_examples(text: str, name: str | None) -> None:
    assert orgs.known_in(text) == name


_SEPARATORS = (" ", ", ", ". ", "\n", " and ", " (", ") ", " — ")


@FAST
@given(st.dictionaries(st.sampled_from(sorted(ONE_EACH)), st.integers(0, 4)), st.randoms())
def test_most_named_is_the_organisation_named_most_often(
    counts: dict[str, int], random: object
) -> None:
    words = [ONE_EACH[name] for name, count in counts.items() for _ in range(count)]
    random.shuffle(words)  # type: ignore[attr-defined]
    text = "Intro " + "".join(w + random.choice(_SEPARATORS) for w in words)  # type: ignore[attr-defined]
    if counts.get("IIIF Consortium"):
        counts.pop("IIIF", None)  # the framework counts toward its consortium when it is named
    top = max(counts.values(), default=0)
    expected = next((n for n in ORDER if top and counts.get(n) == top), None)  # ties: the table
    assert orgs.most_named(text) == expected


def test_most_named_counts_every_alias_of_an_organisation() -> None:
    text = "DPLA and DataCite. The Digital Public Library of America hosts DataCite talks; DPLA."
    assert orgs.most_named(text) == "Digital Public Library of America"
    assert orgs.most_named("IIIF, IIIF and IIIF. The IIIF Consortium.") == "IIIF Consortium"
    assert orgs.most_named("IIIF, IIIF and IIIF.") == "IIIF"
    assert orgs.most_named("No known names here, only Datacitex and xORCID.") is None

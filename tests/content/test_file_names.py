"""A file's name: the Jekyll date prefix, the readable rest, and the extensions taken off."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.front_matter import file_name_parts

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = (".markdown", ".md", ".mdown", ".mkd", ".html", ".htm", ".txt", ".textile")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("_posts/2019-11-06-RESEARCH--INNOVATION-SPECIALIST.markdown",
         (date(2019, 11, 6), "RESEARCH--INNOVATION-SPECIALIST")),
        ("faq/iiif.md", (None, "iiif")),
        ("C:\\site\\_posts\\2020-1-2-archivist.MD", (date(2020, 1, 2), "archivist")),
        ("jobs/2020-01-02-archivist.Markdown", (date(2020, 1, 2), "archivist")),
        ("pages/fees.HTM", (None, "fees")),
        ("2019-02-30-not-a-day.md", (None, "2019-02-30-not-a-day")),
        ("2019-01-02-.md", (date(2019, 1, 2), "")),
        ("notes.mdx", (None, "notes.mdx")),  # not an extension Herald reads
        ("notes.md.bak", (None, "notes.md.bak")),
        ("archive.tar.md", (None, "archive.tar")),  # only the last extension goes
        ("README", (None, "README")),
        ("2019-01-02", (None, "2019-01-02")),
    ],
)  # fmt: skip
def test_file_name_parts(source: str, expected: tuple[date | None, str]) -> None:
    assert file_name_parts(source) == expected


# What a file name may hold after its folder, but a dot (the extension is the text after the
# last dot) or a newline.
_STEMS = st.text(st.characters(blacklist_characters="/\\\n.", blacklist_categories=("Cs",)))


@FAST
@given(st.sampled_from(["", "a/", "a\\b\\", "_posts/x/"]), _STEMS, st.sampled_from(EXTENSIONS),
       st.sampled_from([str.lower, str.upper, str.title]))  # fmt: skip
def test_a_known_extension_in_any_case_is_taken_off(
    folder: str, stem: str, ext: str, case: object
) -> None:
    assert callable(case)
    name = f"x{stem}"  # no date prefix
    assert file_name_parts(folder + name + case(ext)) == (None, name)


@FAST
@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)), _STEMS, st.booleans())
def test_the_date_prefix_is_read_and_removed(day: date, stem: str, padded: bool) -> None:
    prefix = day.isoformat() if padded else f"{day.year}-{day.month}-{day.day}"
    assert file_name_parts(f"{prefix}-{stem}.md") == (day, stem)

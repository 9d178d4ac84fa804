"""Headings as markdown-it-py reads them, with the offsets the loader cuts sections by."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from bot.content import parse_text
from bot.content.blocks import headings, own_text
from bot.content.openings import find_openings

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))


def test_a_hash_line_in_a_code_block_is_no_heading() -> None:
    markdown = (
        "# Data Engineer {#top}\n\nWe seek an engineer.\n\n```bash\n# install the tools\n"
        "make setup\n```\n\n    # indented code\n\n   ## Salary ##\n$50,000 a year.\n"
    )
    found = headings(markdown)
    assert [(h.level, h.title, h.anchor) for h in found] == [
        (1, "Data Engineer", "top"),
        (2, "Salary", None),
    ]
    salary = found[1]
    assert markdown[salary.start : salary.body_start] == "## Salary ##\n"
    assert own_text(markdown, found, 1) == "$50,000 a year.\n"
    assert "# install the tools" in own_text(markdown, found, 0)


def test_a_section_heading_inside_a_fence_does_not_cut_the_posting() -> None:
    doc = parse_text(
        "postings/2026-03-01-dev.md",
        "---\ntitle: Developer\nkind: job\ndate: 2026-03-01\n---\n\nThe Atlas Trust seeks a "
        "developer.\n\n```\n## Salary\n```\n\n## Salary\n\n$60,000 per year.\n",
    )
    (posting,) = doc.postings
    assert posting.salary_min == 60000


_FRAGMENTS = ["#", "##", "#######", "\n", " ", "   ", "\t", "Title", "x#", "{#a-1}", " {#b}"]
_FRAGMENTS += ["*Bold*", "é", "\r", "```", "~~~", "    ", "- ", "> "]


@settings(
    max_examples=max(EXAMPLES, 200), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join))
def test_each_heading_is_markdown_its_and_its_offsets_are_its_line(markdown: str) -> None:
    found = headings(markdown)
    # Setext headings are ATX ones after cleaning; headings inside list items and quotes are
    # not sections of the page (neither reader takes them).
    parser = MarkdownIt("commonmark").disable(["lheading", "list", "blockquote"])
    tokens = parser.parse(markdown.replace("\r", " "))
    said = [
        (int(t.tag[1]), tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    # the CommonMark parser with its other rules, inline ones too, finds the same headings
    assert [(h.level, h.title) for h in found] == [
        (level, content.removesuffix(f"{{#{h.anchor}}}").strip() if h.anchor else content)
        for (level, content), h in zip(said, found, strict=False)
    ]
    assert len(found) == len(said)
    for heading in found:
        line_start = markdown.rfind("\n", 0, heading.start) + 1
        assert markdown[line_start : heading.start].strip(" \r") == ""  # "\r": a space
        assert markdown[heading.start] == "#"
        assert heading.body_start == len(markdown) or markdown[heading.body_start - 1] == "\n"
        assert "\n" not in markdown[heading.start : heading.body_start - 1]


def test_an_openings_headings_are_those_of_its_own_text() -> None:
    markdown = (
        "# Atlas Trust\n\n## Current openings\n\n"
        "- [Data Steward](#steward)\n- [Developer](#dev)\n\n"
        "## Data Steward {#steward}\n\nWe seek a steward.\n\n### Salary\n\n$50,000.\n\n"
        "```\n# not a heading\n```\n\n### How to apply\n\nWrite to us.\n\n"
        "## Developer {#dev}\n\n### Salary\n\n$60,000.\n"
    )
    openings = find_openings(markdown, headings(markdown))
    assert openings is not None
    assert [o.title for o in openings] == ["Data Steward", "Developer"]
    for opening in openings:
        assert opening.headings == headings(opening.text)
    assert [h.title for h in openings[0].headings] == ["Salary", "How to apply"]

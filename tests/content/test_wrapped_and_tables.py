"""Page structure a reader does not notice: paragraphs hard-wrapped in the editor, and pipe
tables of labelled facts. Both are read as the sentences and label lines they are."""

from __future__ import annotations

from datetime import date

from bot.content import parse_text
from bot.content.clean import normalise_markdown


def test_a_wrapped_sentence_is_one_line() -> None:
    text = "We will accept applications until the position is\nfilled. Email us at\njobs@x.org."
    assert normalise_markdown(text) == (
        "We will accept applications until the position is filled. Email us at jobs@x.org."
    )


def test_label_lines_list_items_and_code_stay_lines() -> None:
    text = (
        "**Location:** Leiden\n**Salary:** EUR 3,000 per month\nClosing date: 1 May 2026\n"
        "Apply at the portal\n- a bullet\n1. a numbered item\n\n```\nkeep\nthese\n```"
    )
    assert normalise_markdown(text).split("\n") == [
        "**Location:** Leiden",
        "**Salary:** EUR 3,000 per month",
        "Closing date: 1 May 2026",
        "Apply at the portal",
        "- a bullet",
        "1. a numbered item",
        "",
        "```",
        "keep",
        "these",
        "```",
    ]


def test_a_link_on_the_line_after_its_cue_is_the_apply_link() -> None:
    doc = parse_text(
        "postings/2026-03-01-archivist.md",
        "---\ntitle: Archivist\nkind: job\ndate: 2026-03-01\n---\n\nThe Atlas Trust seeks an "
        "archivist. For an informal talk, call us. Apply online:\nhttps://jobs.example.org/a1\n",
    )
    assert doc.postings[0].contacts == ("https://jobs.example.org/a1",)


def test_a_two_column_table_is_labelled_facts() -> None:
    assert normalise_markdown("| | |\n|---|---|\n| Location | Brussels |\n| Hours | 38 |") == (
        "- Location: Brussels\n- Hours: 38"
    )


def test_a_table_with_a_header_names_each_cell() -> None:
    table = (
        "| Role | Closing date |\n| :-- | --: |\n| Curator | 1 May 2026 |\n| Intern | 8 May 2026 |"
    )
    assert normalise_markdown(table) == (
        "- Role: Curator; Closing date: 1 May 2026\n- Role: Intern; Closing date: 8 May 2026"
    )


def test_a_posting_in_a_table_is_read_from_it() -> None:
    doc = parse_text(
        "postings/2026-03-01-rse.md",
        "---\ntitle: Research Software Engineer\nkind: job\ndate: 2026-03-01\n---\n\n"
        "The Atlas Trust is recruiting.\n\n| | |\n|---|---|\n| Location | Ghent (hybrid) |\n"
        "| Contract | Fixed term, 24 months |\n| Deadline | 15/04/2026 |\n",
    )
    (posting,) = doc.postings
    assert (posting.location, posting.remote, posting.employment_type, posting.deadline) == (
        "Ghent (hybrid)",
        True,
        "temporary",
        date(2026, 4, 15),
    )


def test_a_pipe_in_prose_is_no_table() -> None:
    assert (
        normalise_markdown("Open days | Mondays\nand Fridays") == "Open days | Mondays and Fridays"
    )

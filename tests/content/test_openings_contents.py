"""A page of several openings that lists them first, linked to their sections (its table of
contents): each opening's facts are its own, and the list's words ("part-time", "remote")
are no fact every opening shares."""

from __future__ import annotations

from bot.content import parse_text

PAGE = """---
title: Vacancies at the Tern Archive
layout: page
---
## Current vacancies

- [Records Archivist (part-time)](#records)
- [Digitisation Officer (remote)](#digitisation)

All our posts close on 30 June 2027.

## <a name="records"></a>Records Archivist (part-time)

The Tern Archive seeks a records archivist for its reading room in Leeds, three days a week.
Write to jobs@tern.example.org.

## <a name="digitisation"></a>Digitisation Officer (remote)

The Tern Archive seeks a full-time digitisation officer; the post is remote within the UK.
Write to jobs@tern.example.org.
"""


def test_each_opening_has_its_own_hours_and_place_not_the_lists() -> None:
    postings = {p.title: p for p in parse_text("jobs/vacancies.md", PAGE).postings}
    records = postings["Records Archivist (part-time)"]
    digitisation = postings["Digitisation Officer"]
    assert records.employment_type == "part-time"
    assert digitisation.employment_type == "full-time"
    assert digitisation.remote is True
    assert records.remote is not True


def test_what_the_page_says_of_every_opening_is_still_shared() -> None:
    deadlines = {p.deadline for p in parse_text("jobs/vacancies.md", PAGE).postings}
    assert {d.isoformat() if d else None for d in deadlines} == {"2027-06-30"}

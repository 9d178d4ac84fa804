""" "Apply" leads to where applications go, not to an address offered for questions about the
post, whichever the page names first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

TODAY = date(2026, 5, 4)


def _page(how: str) -> dict[str, str]:
    return {
        "jobs/2026-04-20-registrar.md": f"""---
title: Registrar
date: 2026-04-20
organization: Heron Libraries
tags: [jobs]
---
Heron Libraries is hiring a Registrar in Leeds.

{how} Apply by 30 June 2026.
""",
    }


@pytest.mark.parametrize(
    ("how", "apply"),
    [
        (
            "If you have questions about the role, write to ann@heron.example.org. "
            "Apply online at https://heron.example.org/jobs/registrar.",
            "https://heron.example.org/jobs/registrar",
        ),
        (
            "Informal enquiries to Dr Ann Roe (ann@heron.example.org). Send a CV and a cover "
            "letter to hr@heron.example.org.",
            "mailto:hr@heron.example.org",
        ),
        (
            "Any queries? Email ann@heron.example.org. The application form is at "
            "https://forms.heron.example.org/registrar.",
            "https://forms.heron.example.org/registrar",
        ),
        (
            "Questions? ann@heron.example.org will answer them. Apply through "
            "https://heron.example.org/apply.",
            "https://heron.example.org/apply",
        ),
        # one address for both: it is where applications go
        (
            "Send questions and applications to hr@heron.example.org.",
            "mailto:hr@heron.example.org",
        ),
    ],
)
def test_apply_skips_an_address_for_questions(tmp_path: Path, how: str, apply: str) -> None:
    with app_of(tmp_path, _page(how), TODAY) as app:
        [posting] = app.ask("/jobs").postings
        shown = app.ask(f"/jobs show {posting.id}")
        assert [a.value for a in shown.actions if a.label == "Apply"] == [apply]
        assert shown.cards[0].apply_url == apply  # the list's card and its button
        asking = [a.value for a in shown.actions if a.label == "Questions"]
        assert asking == ([] if "questions and" in how else ["mailto:ann@heron.example.org"])

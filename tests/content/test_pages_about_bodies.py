"""Whose page a page that is no posting is: an "About …" page names its organisation after
the word "About"; an event's page that names a known body once (a talk "Maps in IIIF
viewers") is not that body's page. Our own words, invented organisations."""

from __future__ import annotations

import pytest

from bot.content.document import parse_text
from bot.content.orgs import org_in_title

WEBINARS = """---
title: Harrier Maps Circle spring webinar series
date: 2026-02-05
tags: [events]
---

The Harrier Maps Circle presents its spring webinars on old maps online. All are free.

* Thu 12 Mar 2026 — Georeferencing at scale
* Thu 9 Apr 2026 — Maps in IIIF viewers

Register for each webinar on our website.
"""

CONFERENCE = """---
title: Spring meeting on image services
date: 2026-02-05
tags: [events]
---

The spring meeting of IIIF adopters in the region is open to all. The IIIF community call
will follow the meeting.
"""


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("About Beacon Heritage Trust", "Beacon Heritage Trust"),
        ("Join Kestrel Archives Network", "Kestrel Archives Network"),
        ("Support Harbor County Museum", "Harbor County Museum"),
        ("Riverside Historical Society FAQ", "Riverside Historical Society"),
    ],
)
def test_a_page_about_an_organisation_is_its_page(title: str, name: str) -> None:
    assert org_in_title(title) == name


def test_a_known_body_named_once_by_an_event_page_is_not_its_organisation() -> None:
    assert parse_text("events/webinars.md", WEBINARS).organization is None


def test_a_known_body_named_again_and_again_is() -> None:
    assert parse_text("events/meeting.md", CONFERENCE).organization == "IIIF Consortium"

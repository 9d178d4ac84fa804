"""The web tests' world: a few postings of our own, loaded into a store as ``herald run`` does.

Chosen so the feeds have something to get wrong: markup and ampersands in titles and links, a
form feed (no XML document may carry one), a remote posting for ``?q=remote``, a posting with
no deadline (in the feed, not in the calendar), and an expired one (in neither).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

TODAY = date(2026, 12, 1)

POSTING = """---
title: '{title}'
layout: post
kind: job
date: {posted}
organization: '{org}'
url: '{url}'
---
# {title}

The {org} seeks a colleague to join its team in {city}. {where}

{deadline}
"""

REMOTE = "This is a remote position; you can work from anywhere in Europe."
ONSITE = "This is an on-site position."

# slug -> (title, organisation, city, remote?, posted, deadline sentence, url)
POSTINGS: dict[str, tuple[str, str, str, bool, str, str, str]] = {
    "archivist": (
        "Digital Archivist",
        "Example Archive",
        "Leiden",
        False,
        "2026-11-20",
        "Applications close on March 10, 2031.",
        "https://jobs.example.org/archivist?ref=feed&lang=en",
    ),
    "developer": (
        'IIIF Developer <script>alert(1)</script> & "Friends"',
        "Example Lab & Co <b>",
        "Lyon",
        True,
        "2026-11-25",
        "Applications close on January 15, 2031.",
        "https://jobs.example.org/dev?a=1&b=<2>",
    ),
    "librarian": (
        "Metadata Librarian\f",
        "Example Library",
        "Turin",
        False,
        "2026-11-10",
        "We review applications until the position is filled.",
        "https://jobs.example.org/librarian",
    ),
    "expired": (
        "Collections Manager",
        "Example Museum",
        "Ghent",
        False,
        "2019-05-01",
        "Applications close on June 1, 2019.",
        "https://jobs.example.org/old",
    ),
}

# What the feeds must list, newest first; the calendar lists those with a deadline.
FEED_ORDER = ("developer", "archivist", "librarian")
DEADLINES = {"developer": date(2031, 1, 15), "archivist": date(2031, 3, 10)}


def write_content(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for slug, (title, org, city, remote, posted, deadline, url) in POSTINGS.items():
        text = POSTING.format(
            title=title,
            org=org,
            city=city,
            where=REMOTE if remote else ONSITE,
            posted=posted,
            deadline=deadline,
            url=url,
        )
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return folder

"""An eleventh round of pages the loader had never seen, of shapes earlier rounds had little
of, and about HOW TO APPLY, with what a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names). One page of
several openings, each with its own place, pay and closing date under a shared "how to
apply"; a blog post that mentions hiring and is no opening; a "we are not hiring at the
moment" page; postings closed in prose ("This position has been filled", "Applications are
now closed") or in the front matter (``closed: true``); front matter of other Jekyll themes
(``company:``, ``employer:``, ``job_location:``, ``deadline:``, ``expires:``,
``apply_url:``, ``salary:`` as a string, ``tags: [remote]``, ``categories: jobs``). How to
apply said many ways: "jobs (at) … dot org", a mailto link, "apply via our portal: …",
"quoting reference …", informal enquiries to a named person beside the address for
applications (both are contacts, as in earlier rounds), a form link. And text as it arrives:
mojibake, non-breaking spaces, HTML inside the Markdown (``<br>``, ``<strong>``, a table).

Two sets, each written before any fix for it: the first set (fixed against) and the held-out
set, scored blind once on the first set's rules. /work/notes/loader11.md has the tables. Run
with ``-s`` to see the per-field table. A field the loader still misses is in
``KNOWN_MISSES`` with the reason, as a strict xfail.

How a field is judged: tests/content/pagejudge.py.
"""

from __future__ import annotations

from datetime import date as D

import pytest
from pagejudge import PageSet

PAGES = PageSet()
page = PAGES.page

# ---------------------------------------------------------------- the pages fixed against

page(
    "_posts/2027-04-06-three-posts-digitisation-team.md",
    """---
title: Three posts in our digitisation team
date: 2027-04-06
---

The Severn Vale Record Office is growing its digitisation team, with three posts funded by a
National Lottery Heritage Fund grant.

## Imaging Technician

Based at our search room in Gloucester. Full-time, permanent. £26,500 a year.
Closing date: 30 April 2027.

## Metadata Officer

Based in Worcester, two days a week; the rest from home. 0.8 FTE, fixed-term for two years.
£29,000 – £31,500 per annum, pro rata. Closing date: 7 May 2027.

## Web Developer (contract)

Fully remote within the UK. A six-month contract at £320 per day.
Closing date: 14 May 2027.

### How to apply

Send your CV and a cover letter to jobs (at) severnvalerecords dot org dot uk, with the post
in the subject line.
""",
    kind="job",
    title="Three posts in our digitisation team",
    org="Severn Vale Record Office / The Severn Vale Record Office",
    positions=[
        dict(
            role="Imaging Technician",
            location="Gloucester",
            deadline=D(2027, 4, 30),
            smin=26500,
            cur="GBP",
            period="year",
            etype="full-time",
            contacts={"jobs@severnvalerecords.org.uk"},
        ),
        dict(
            role="Metadata Officer",
            location="Worcester",
            remote=True,
            deadline=D(2027, 5, 7),
            smin=29000,
            smax=31500,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={"jobs@severnvalerecords.org.uk"},
        ),
        dict(
            role="Web Developer",
            remote=True,
            regions=["UK"],
            deadline=D(2027, 5, 14),
            smin=320,
            cur="GBP",
            period="day",
            etype="temporary",
            contacts={"jobs@severnvalerecords.org.uk"},
        ),
    ],
    posted=D(2027, 4, 6),
)

page(
    "_posts/2027-04-12-a-year-of-the-reading-room.md",
    """---
title: A year of the new reading room
date: 2027-04-12
categories: blog
---

A year ago we opened the new reading room at the Fenwick Maritime Library in Hull. Since then
12,000 visitors have called up logbooks, crew lists and harbour plans, and we have been
hiring: two archivists and a conservator joined us last autumn, and our volunteers now number
forty.

What comes next? We hope to grow the team again next year, when the second phase of the
building is finished. Until then, the best way to help is to join the Friends of the Library
or to transcribe a logbook online.

Thank you to everyone who visited.
""",
    kind=("news", "other"),
    title="A year of the new reading room",
    posted=D(2027, 4, 12),
)

page(
    "jobs/index.md",
    """---
title: Work with us
layout: page
permalink: /jobs/
---

The Aldermoor Textile Archive is a small team of six, and we are not hiring at the moment.

Vacancies, when we have them, are listed on this page with the salary, the closing date and
how to apply. You can also follow our newsletter to hear about them first. We do not keep
speculative CVs on file, so please do not send one.

Looking for volunteering instead? Email volunteers@aldermoortextiles.example.org.
""",
    kind="other",
    title="Work with us",
    posted=None,
)

page(
    "_jobs/collections-systems-manager.md",
    """---
layout: job
title: Collections Systems Manager
company: Kestrel Museums Trust
job_location: Norwich, UK
salary: "£38,000 - £42,000 per year"
expires: 2027-03-31
apply_url: https://kestrelmuseums.example.org/vacancies/csm
categories: jobs
closed: true
date: 2027-03-01
---

Kestrel Museums Trust runs five museums across Norfolk. We are looking for a Collections
Systems Manager to look after our collections management system and lead its move to a new
platform.

This is a full-time, permanent role, based at our headquarters in Norwich.
""",
    kind="job",
    title="Collections Systems Manager",
    org="Kestrel Museums Trust",
    location="Norwich",
    remote=None,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=True,
    smin=38000,
    smax=42000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://kestrelmuseums.example.org/vacancies/csm"},
    posted=D(2027, 3, 1),
)

page(
    "_posts/2027-02-15-oral-history-coordinator.md",
    """---
title: Oral History Coordinator
date: 2027-02-15
employer: Lanark Mills Heritage Society
deadline: 2027-03-15
tags: [jobs, remote]
---

**This position has been filled. Thank you to everyone who applied.**

The Lanark Mills Heritage Society is looking for an Oral History Coordinator to record the
memories of former mill workers and their families.

The role is part-time (21 hours a week) and can be done remotely, with some travel to
interviews. Pay: £14.50 per hour.

To apply, please send a CV to <a href="mailto:recruitment@lanarkmills.example.org.uk">our
recruitment team</a>.
""",
    kind="job",
    title="Oral History Coordinator",
    org="Lanark Mills Heritage Society / The Lanark Mills Heritage Society",
    remote=True,
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=True,
    smin=14.50,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"recruitment@lanarkmills.example.org.uk"},
    posted=D(2027, 2, 15),
)

page(
    "_posts/2027-05-03-senior-archivist-bristol.md",
    """---
title: Senior Archivist
date: 2027-05-03
---

<strong>Avonside University Library</strong> seeks a Senior Archivist to lead its special
collections team.<br>
Location: Bristol<br>
Salary: Grade 8, £45,585\u00a0–\u00a0£52,815 per annum<br>
Contract: full-time, open-ended<br>
Closing date: 28 May 2027

Apply online at https://jobs.avonside.example.ac.uk, quoting reference HR-2741.

For informal enquiries contact Dr Helen Marsh
([helen.marsh@avonside.example.ac.uk](mailto:helen.marsh@avonside.example.ac.uk)).
""",
    kind="job",
    title="Senior Archivist",
    org="Avonside University Library",
    location="Bristol",
    remote=None,
    deadline=D(2027, 5, 28),
    ouf=False,
    closed=False,
    smin=45585,
    smax=52815,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://jobs.avonside.example.ac.uk", "helen.marsh@avonside.example.ac.uk"},
    posted=D(2027, 5, 3),
)

page(
    "_posts/2027-05-10-chargee-de-collections-lyon.md",
    """---
title: "Collections Officer â€“ MusÃ©e des Canuts, Lyon"
date: 2027-05-10
---

The MusÃ©e des Canuts, Lyon's museum of silk weavers, is recruiting a Collections Officer
(chargÃ©e de collections) to inventory 4,000 pattern books and looms.

* Place: Lyon, Croix-Rousse
* Contract: CDD, 18 months, full-time
* Salary: 2Â\u00a0400Â\u00a0â‚¬ gross per month
* Deadline: 15/06/2027

Send your CV and letter to recrutement@museedescanuts.example.fr.
""",
    kind="job",
    title="Collections Officer – Musée des Canuts, Lyon",
    org="Musée des Canuts",
    location="Lyon",
    remote=None,
    deadline=D(2027, 6, 15),
    ouf=False,
    closed=False,
    smin=2400,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"recrutement@museedescanuts.example.fr"},
    posted=D(2027, 5, 10),
)

page(
    "_posts/2027-05-20-linked-data-developer.md",
    """---
title: Linked Data Developer
date: 2027-05-20
tags: [remote]
---

Nordlys Heritage Data is a small non-profit that publishes museum records from across the
Nordic countries as linked open data.

<table>
<tr><td><b>Where</b></td><td>Remote, anywhere in the EU</td></tr>
<tr><td><b>Hours</b></td><td>Full-time</td></tr>
<tr><td><b>Pay</b></td><td>€52,000–€60,000 per year</td></tr>
<tr><td><b>Apply by</b></td><td>20 June 2027</td></tr>
</table>

Apply via our portal: https://nordlysdata.example.eu/careers/linked-data-developer
""",
    kind="job",
    title="Linked Data Developer",
    org="Nordlys Heritage Data",
    remote=True,
    regions=["EU"],
    deadline=D(2027, 6, 20),
    ouf=False,
    closed=False,
    smin=52000,
    smax=60000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"https://nordlysdata.example.eu/careers/linked-data-developer"},
    posted=D(2027, 5, 20),
)

page(
    "_posts/2027-01-18-learning-officer-cardiff.md",
    """---
title: Learning Officer
date: 2027-01-18
---

Applications are now closed. We will contact shortlisted candidates in early March.

Amgueddfa Glanrhyd, the Glanrhyd Valley Museum, is looking for a Learning Officer to run
school visits and family days in Cardiff. Welsh speakers are encouraged to apply.

Part-time, 22.5 hours a week; £27,800 a year pro rata. The closing date was 14 February 2027.

To apply, fill in the application form at https://forms.example.org/glanrhyd-learning.
""",
    kind="job",
    title="Learning Officer",
    org="Glanrhyd Valley Museum / Amgueddfa Glanrhyd / The Glanrhyd Valley Museum",
    location="Cardiff",
    remote=None,
    deadline=D(2027, 2, 14),
    ouf=False,
    closed=True,
    smin=27800,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"https://forms.example.org/glanrhyd-learning"},
    posted=D(2027, 1, 18),
)

PAGES.hold_out()
# ---------------------------------------------------------------- the held-out pages

page(
    "_posts/2027-06-02-two-roles-wikimedia-aurland.md",
    """---
title: "Join us: two openings at Wikimedia Aurland"
date: 2027-06-02
categories: jobs
---

Wikimedia Aurland supports volunteers who write about Norway's museums and archives. We
have two openings this summer.

**1. Partnerships Coordinator** — based in our Bergen office, 80%, permanent.
NOK 52,000 per month. Apply by 25 June 2027.

**2. Community Support Assistant** — remote within Norway, 50%, fixed-term for one year.
NOK 280 per hour. Apply by 2 July 2027.

Both applications go through one form: https://wikimedia-aurland.example.no/apply. Questions
about the roles? Write to Ingrid Solheim, ingrid.solheim@wikimedia-aurland.example.no.
""",
    kind="job",
    title="Join us: two openings at Wikimedia Aurland",
    org="Wikimedia Aurland",
    positions=[
        dict(
            role="Partnerships Coordinator",
            location="Bergen",
            deadline=D(2027, 6, 25),
            smin=52000,
            cur="NOK",
            period="month",
            etype="part-time",
            contacts={
                "https://wikimedia-aurland.example.no/apply",
                "ingrid.solheim@wikimedia-aurland.example.no",
            },
        ),
        dict(
            role="Community Support Assistant",
            remote=True,
            regions=["Norway"],
            deadline=D(2027, 7, 2),
            smin=280,
            cur="NOK",
            period="hour",
            etype="temporary",
            contacts={
                "https://wikimedia-aurland.example.no/apply",
                "ingrid.solheim@wikimedia-aurland.example.no",
            },
        ),
    ],
    posted=D(2027, 6, 2),
)

page(
    "_posts/2027-06-09-welcome-our-new-registrar.md",
    """---
title: Meet Priya, our new registrar
date: 2027-06-09
categories: news
---

We are delighted to welcome Priya Nair as Registrar of the Thornbury Costume Collection.
Priya joins us from a regional museum service, where she managed loans to forty venues.

Her first job will be to move our loans records into the new collections system. We
advertised the post in March and had over sixty applications: thank you to everyone who
applied. We will be recruiting a Collections Assistant later this year, so watch this space.
""",
    kind="news",
    title="Meet Priya, our new registrar",
    posted=D(2027, 6, 9),
)

page(
    "_jobs/digital-preservation-analyst.md",
    """---
layout: job_post
title: Digital Preservation Analyst
employer: Cascade State Historical Records
job_location: Olympia, Washington
salary: "$64,000 – $71,500 annually"
deadline: July 16, 2027
date: 2027-06-15
tags: [jobs, full-time]
---

Cascade State Historical Records keeps the permanent records of state agencies. The Digital
Preservation Analyst looks after our digital repository, checks fixity and plans format
migrations.

This is an on-site position. Benefits include health cover and a state pension.

**How to apply:** email a résumé and cover letter to
[hiring@cascaderecords.example.gov](mailto:hiring@cascaderecords.example.gov).
""",
    kind="job",
    title="Digital Preservation Analyst",
    org="Cascade State Historical Records",
    location="Olympia",
    remote=False,
    deadline=D(2027, 7, 16),
    ouf=False,
    closed=False,
    smin=64000,
    smax=71500,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"hiring@cascaderecords.example.gov"},
    posted=D(2027, 6, 15),
)

page(
    "_posts/2027-06-21-archives-assistant-galway.md",
    """---
title: Archives Assistant
date: 2027-06-21
---

The Corrib Heritage Archive in Galway is looking for an Archives Assistant to answer\u00a0enquiries
in the reading room and repackage the estate papers of the Lynch family.<br><br>
<strong>Hours:</strong> part-time, 3 days a week<br>
<strong>Pay:</strong> €16.20\u00a0per\u00a0hour<br>
<strong>Closing date:</strong> Friday 9 July 2027 at noon

Please send your CV to careers (at) corribarchive (dot) ie. For an informal chat about the
post, ring or email Siobhán Ní Bhriain, the archivist (s.nibhriain@corribarchive.ie).
""",
    kind="job",
    title="Archives Assistant",
    org="Corrib Heritage Archive / The Corrib Heritage Archive",
    location="Galway",
    remote=None,
    deadline=D(2027, 7, 9),
    ouf=False,
    closed=False,
    smin=16.20,
    cur="EUR",
    period="hour",
    etype="part-time",
    contacts={"careers@corribarchive.ie", "s.nibhriain@corribarchive.ie"},
    posted=D(2027, 6, 21),
)

page(
    "_posts/2027-04-19-exhibitions-technician-york.md",
    """---
title: Exhibitions Technician
date: 2027-04-19
---

UPDATE 24 May 2027: this post has now been filled and we are no longer accepting
applications.

The Ouse Bridge Gallery is looking for an Exhibitions Technician to install shows, build
plinths and cases and care for the gallery's lighting. The post is based in York.

Full-time, permanent. Salary: £25,400 per annum. Closing date: 16 May 2027.

Apply with a CV and a short letter to vacancies@ousebridgegallery.example.org.uk.
""",
    kind="job",
    title="Exhibitions Technician",
    org="Ouse Bridge Gallery / The Ouse Bridge Gallery",
    location="York",
    remote=None,
    deadline=D(2027, 5, 16),
    ouf=False,
    closed=True,
    smin=25400,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"vacancies@ousebridgegallery.example.org.uk"},
    posted=D(2027, 4, 19),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
_TWO_ROLES = "_posts/2027-06-02-two-roles-wikimedia-aurland.md"
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("_posts/2027-04-06-three-posts-digitisation-team.md", "role[2]"): (
        "a bracket of hours or contract stays in the role ('Web Developer (contract)'), as"
        " test_documents has 'Exhibits Preparator (Part-Time)' (the house convention; round 10"
        " has '(casual)')"
    ),
    (_TWO_ROLES, "etype[0]"): (
        "a share of full time as a percentage ('80%, permanent') is not read as part-time"
        " (only FTE and weekly hours are); a bare percentage says too many other things"
    ),
}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=14, jobs=11, others=3)

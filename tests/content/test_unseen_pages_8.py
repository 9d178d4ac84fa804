"""An eighth round of pages the loader had never seen, about where the work is done, with what
a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names). Places said in
many ways: in a label line with a building before the city, in the first sentence ("based in
our Toledo office"), in a table, in the title, only in the address block at the foot, two
cities ("London or Edinburgh"), "Remote (US only)", "anywhere in the EU", "remote within
UTC-2 to UTC+3", "hybrid, 2 days a week in Utrecht", "on-site", and a "Location" section whose
only words are a sentence about remote work (a location is a place, never a sentence).

Two sets, each written before any fix for it: the first set (fixed against) and the held-out
set, scored blind once on the first set's rules. /work/notes/loader8.md has the tables. Run
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
    "_posts/2027-05-03-film-preservation-technician-leeds.md",
    """---
title: Film Preservation Technician
date: 2027-05-03
---

**Organisation:** Aire Valley Moving Image Archive
**Location:** Hartwell Building, Kirkstall Road, Leeds, UK
**Hours:** Full-time (37 hours), permanent
**Salary:** £31,300 – £34,100 per annum

We keep 40,000 cans of regional film and television news. The technician inspects, repairs
and scans nitrate and acetate film, and keeps the vault's condition records.

Send a CV and a short letter to vacancies@avmia.example.org.uk by 28 May 2027.
""",
    kind="job",
    title="Film Preservation Technician",
    org="Aire Valley Moving Image Archive",
    location="Leeds",
    remote=None,
    deadline=D(2027, 5, 28),
    ouf=False,
    closed=False,
    smin=31300,
    smax=34100,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"vacancies@avmia.example.org.uk"},
    posted=D(2027, 5, 3),
)

page(
    "_posts/2027-05-04-collections-assistant-toledo.md",
    """---
title: Collections Assistant
date: 2027-05-04
---

The Maumee River Historical Society is hiring a Collections Assistant, based in our Toledo
office, to help move 9,000 objects into the new store on Summit Street.

This is a part-time post (24 hours a week) for eighteen months, paid $21.50 an hour.

Questions and applications go to Dana Whitcomb, registrar@maumeehistory.example.org. We
review applications until the position is filled.
""",
    kind="job",
    title="Collections Assistant",
    org="Maumee River Historical Society",
    location="Toledo",
    remote=None,
    ouf=True,
    closed=False,
    smin=21.50,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"registrar@maumeehistory.example.org"},
    posted=D(2027, 5, 4),
)

page(
    "jobs/oral-history-producer-brooklyn.md",
    """---
title: Oral History Producer
date: 2027-05-05
---

The Gowanus Neighborhood Memory Project records the lives of people who worked on the canal
and in the factories along it.

| Position | Oral History Producer |
|---|---|
| Location | Brooklyn, NY, USA |
| Schedule | Full-time |
| Pay | $68,000 – $74,000 per year |
| Closes | June 4, 2027 |

You will plan interviews, record them, and edit them into a podcast series with our
archivist. Apply at https://gowanusmemory.example.org/jobs/producer.
""",
    kind="job",
    title="Oral History Producer",
    org="Gowanus Neighborhood Memory Project",
    location="Brooklyn",
    remote=None,
    deadline=D(2027, 6, 4),
    ouf=False,
    closed=False,
    smin=68000,
    smax=74000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://gowanusmemory.example.org/jobs/producer"},
    posted=D(2027, 5, 5),
)

page(
    "_posts/2027-05-06-library-assistant-inverness.md",
    """---
title: Library Assistant (Local Studies)
date: 2027-05-06
---

We are looking for a Library Assistant to join the local studies team. You will help
visitors with maps, newspapers and family history sources, and scan items on request.

Part-time, 21 hours per week, permanent. £12.90 per hour.

Please send a CV to Morag Lindsay at jobs@glenholmlibrary.example.org.uk before 31 May
2027.

---

Glenholm Library
14 Castle Street
Inverness IV2 3EA
Scotland
""",
    kind="job",
    title="Library Assistant (Local Studies)",
    org="Glenholm Library",
    location="Inverness",
    remote=None,
    deadline=D(2027, 5, 31),
    ouf=False,
    closed=False,
    smin=12.90,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"jobs@glenholmlibrary.example.org.uk"},
    posted=D(2027, 5, 6),
)

page(
    "_posts/2027-05-07-digital-archivist-london-edinburgh.md",
    """---
title: Digital Archivist
date: 2027-05-07
---

The Thistle and Rose Performing Arts Archive holds programmes, scripts and recordings of
theatre across Britain. We are hiring a Digital Archivist to look after our born-digital
collections.

Location: London or Edinburgh (our two reading rooms)

Full-time, permanent. Salary £36,000 – £39,500 a year.

Apply by email to hr@thistlerose.example.org.uk. Closing date: 11 June 2027.
""",
    kind="job",
    title="Digital Archivist",
    org="Thistle and Rose Performing Arts Archive",
    location="London or Edinburgh",
    remote=None,
    deadline=D(2027, 6, 11),
    ouf=False,
    closed=False,
    smin=36000,
    smax=39500,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"hr@thistlerose.example.org.uk"},
    posted=D(2027, 5, 7),
)

page(
    "_posts/2027-05-10-metadata-engineer-remote-us.md",
    """---
title: Metadata Engineer
date: 2027-05-10
---

OpenShelf Commons runs a shared catalogue for 300 public libraries. We need a Metadata
Engineer to keep our MARC-to-linked-data pipeline healthy.

- Location: Remote (US only)
- Full-time, permanent
- Salary: $105,000 – $120,000

Apply by June 15, 2027 at https://openshelf.example.org/careers/metadata-engineer.
""",
    kind="job",
    title="Metadata Engineer",
    org="OpenShelf Commons",
    location="Remote",
    remote=True,
    regions=["US"],
    deadline=D(2027, 6, 15),
    ouf=False,
    closed=False,
    smin=105000,
    smax=120000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://openshelf.example.org/careers/metadata-engineer"},
    posted=D(2027, 5, 10),
)

page(
    "_posts/2027-05-11-community-manager-location-sentence.md",
    """---
title: Community Manager
date: 2027-05-11
---

Danube Open Heritage is a small foundation that helps museums share their images under open
licences.

## The role

You will look after our forum, run monthly calls with partner museums and write the
newsletter. Part-time, 20 hours a week, for two years.

## Location

This is a remote position: you can work from anywhere with a good internet connection. The
team meets twice a year in Vienna.

## How to apply

Send a CV and a short letter to jobs@danube-heritage.example.at by 20 June 2027.
""",
    kind="job",
    title="Community Manager",
    org="Danube Open Heritage",
    location="Remote",
    remote=True,
    regions=[],
    deadline=D(2027, 6, 20),
    ouf=False,
    closed=False,
    etype="part-time",
    contacts={"jobs@danube-heritage.example.at"},
    posted=D(2027, 5, 11),
)

page(
    "_posts/2027-05-12-research-software-engineer-utrecht.md",
    """---
title: Research Software Engineer, Digital Editions
date: 2027-05-12
---

Huygens Lane Institute for Textual Scholarship builds digital editions of letters and
diaries. We are hiring a Research Software Engineer for three years.

Where: hybrid, 2 days a week in Utrecht
Salary: €4,100 – €5,600 gross per month (scale 10)
Hours: 36 per week

Apply via https://werkenbij.huygenslane.example.nl/vacature/2027-07 before 18 June 2027.
""",
    kind="job",
    title="Research Software Engineer, Digital Editions",
    org="Huygens Lane Institute for Textual Scholarship",
    location="Utrecht",
    remote=True,
    deadline=D(2027, 6, 18),
    ouf=False,
    closed=False,
    smin=4100,
    smax=5600,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"https://werkenbij.huygenslane.example.nl/vacature/2027-07"},
    posted=D(2027, 5, 12),
)

page(
    "_posts/2027-05-13-support-engineer-utc.md",
    """---
title: Support Engineer
date: 2027-05-13
---

Linked Archives Cooperative hosts the catalogues of 60 small archives. We are hiring a
Support Engineer to answer members' questions and fix what breaks.

The job is fully remote within UTC-2 to UTC+3, so that you share most of the working day with
our members.

Salary: €52,000 a year. Full-time, permanent.

Apply by 25 June 2027: careers@linkedarchives.example.coop.
""",
    kind="job",
    title="Support Engineer",
    org="Linked Archives Cooperative",
    location="Remote",
    remote=True,
    regions=["UTC-2 to UTC+3"],
    deadline=D(2027, 6, 25),
    ouf=False,
    closed=False,
    smin=52000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"careers@linkedarchives.example.coop"},
    posted=D(2027, 5, 13),
)

page(
    "_posts/2027-05-14-open-day-leiden.md",
    """---
title: Open day at the conservation studio
date: 2027-05-14
---

On Saturday 12 June our paper conservation studio opens its doors. Come and see how we
repair maps, letters and bound volumes.

Location: Rapenburg Studio, Leiden. Free entry, no booking needed.
""",
    kind=("news", "other"),
    title="Open day at the conservation studio",
    posted=D(2027, 5, 14),
)

PAGES.hold_out()
# ---------------------------------------------------------------- the held-out pages

page(
    "_posts/2027-05-17-data-steward-eu.md",
    """---
title: Data Steward
date: 2027-05-17
---

Europeana Friends Network helps small cultural institutions publish their data. We are
looking for a Data Steward for a two-year project.

You can work remotely from anywhere in the EU; we meet online every Tuesday.

Pay: €3,900 per month, full-time.

Send your application to team@europeana-friends.example.eu by 30 June 2027.
""",
    kind="job",
    title="Data Steward",
    org="Europeana Friends Network",
    location="Remote",
    remote=True,
    regions=["EU"],
    deadline=D(2027, 6, 30),
    ouf=False,
    closed=False,
    smin=3900,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"team@europeana-friends.example.eu"},
    posted=D(2027, 5, 17),
)

page(
    "_posts/2027-05-18-visitor-host-york.md",
    """---
title: Visitor Host
date: 2027-05-18
---

Ouse Bridge Heritage Centre welcomes 80,000 visitors a year to its medieval merchants' hall.

Work pattern: on-site, weekends and school holidays
Location: Merchants' Hall, Fossgate, York YO1 9XD
Pay: £11.80 per hour, zero-hours contract

Apply by 6 June 2027 to people@ousebridge.example.org.uk.
""",
    kind="job",
    title="Visitor Host",
    org="Ouse Bridge Heritage Centre",
    location="York",
    remote=False,
    deadline=D(2027, 6, 6),
    ouf=False,
    closed=False,
    smin=11.80,
    cur="GBP",
    period="hour",
    contacts={"people@ousebridge.example.org.uk"},
    posted=D(2027, 5, 18),
)

page(
    "_posts/2027-05-19-conservator-cardiff.md",
    """---
title: Objects Conservator (Cardiff)
date: 2027-05-19
---

The Taff Valley Museums Trust is recruiting an Objects Conservator to care for its industrial
and social history collections across four sites.

Full-time, permanent. Salary: £33,500 per annum.

For an informal chat call Rhys Morgan; to apply, email recruitment@taffvalley.example.org.uk
by 9 July 2027.
""",
    kind="job",
    title="Objects Conservator (Cardiff)",
    org="Taff Valley Museums Trust",
    location="Cardiff",
    remote=None,
    deadline=D(2027, 7, 9),
    ouf=False,
    closed=False,
    smin=33500,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"recruitment@taffvalley.example.org.uk"},
    posted=D(2027, 5, 19),
)

page(
    "_posts/2027-05-20-developer-canada-remote.md",
    """---
title: Web Developer
date: 2027-05-20
---

Prairie Digital Heritage builds exhibition websites for museums across the Prairies.

## Location

You can work from home anywhere in Canada; the team is spread between Winnipeg and Regina.

## Terms

Full-time, permanent. Salary: $78,000 – $86,000 CAD per year.

Apply by July 2, 2027 via https://prairiedigital.example.ca/jobs/web-developer.
""",
    kind="job",
    title="Web Developer",
    org="Prairie Digital Heritage",
    location="Remote",
    remote=True,
    regions=["Canada"],
    deadline=D(2027, 7, 2),
    ouf=False,
    closed=False,
    smin=78000,
    smax=86000,
    cur="CAD",
    period="year",
    etype="full-time",
    contacts={"https://prairiedigital.example.ca/jobs/web-developer"},
    posted=D(2027, 5, 20),
)

page(
    "_posts/2027-05-21-archivist-dundee-campus.md",
    """---
title: Archivist
date: 2027-05-21
---

Tayside University Archives, Tower Building, Dundee, seeks an Archivist to catalogue the
records of the city's jute and shipbuilding firms.

Grade 6: £35,100 – £39,400 per annum. Fixed-term for 24 months, full-time.

Apply online at https://jobs.tayside.example.ac.uk/ref/ARC-118 by 12 July 2027.
""",
    kind="job",
    title="Archivist",
    org="Tayside University Archives / Tayside University",
    location="Dundee",
    remote=None,
    deadline=D(2027, 7, 12),
    ouf=False,
    closed=False,
    smin=35100,
    smax=39400,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://jobs.tayside.example.ac.uk/ref/ARC-118"},
    posted=D(2027, 5, 21),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("_posts/2027-05-17-data-steward-eu.md", "location"): (
        "the house keeps 'anywhere in …' as a remote job's location (the seeds and"
        " test_phrasings expect it); the regions hold EU"
    ),
}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=15, jobs=14, others=1)

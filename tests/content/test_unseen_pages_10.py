"""A tenth round of pages the loader had never seen, about WHERE, WHEN, HOW MUCH and WHAT KIND,
said the ways people write them, with what a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names). The place said
as "based in our Glasgow office", "on site at" a campus, "Hybrid (2 days a week in Leipzig)", a
street address, "Remote (UK time zones)", "remote within Canada", "US-remote", "work from
anywhere" and "relocation required". Deadlines as "applications close 5pm on Friday 12 March"
(no year: the posted date's), "review begins 3/1", "by the end of the month" under a posted
date, "rolling", "until filled", "extended to …" beside a crossed-out date. Pay as "£32k–£36k",
"EUR 3.200 brutto/Monat", "$28/hr", "Grade 6 (£33,966 – £40,521)", "competitive", "DOE" and a
stipend; terms as fixed-term 12 months, 0.6 FTE, casual, contract, secondment and fellowship.
And a page that is not an opening as a reader looking for work counts it: an unpaid
internship with no contract of employment.

Two sets, each written before any fix for it: the first set (fixed against) and the held-out
set, scored blind once on the first set's rules. /work/notes/loader10.md has the tables. Run
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
    "_posts/2027-02-19-map-cataloguer-glasgow.md",
    """---
title: Map Cataloguer
date: 2027-02-19
---

The Kelvinbrae Map Collection holds 80,000 sheet maps, town plans and sea charts of the west
of Scotland. We seek a Map Cataloguer to describe the Admiralty charts, a gift of 2026.

You will be based in our Glasgow office, with visits to the store at Hillington.

Fixed-term for 12 months, 0.6 FTE. Grade 6 (£33,966 – £40,521), pro rata.

Applications close 5pm on Friday 12 March. Send a CV and a cover letter to
Morag Lennox, recruitment@kelvinbraemaps.example.org.uk.
""",
    kind="job",
    title="Map Cataloguer",
    org="Kelvinbrae Map Collection / The Kelvinbrae Map Collection",
    location="Glasgow",
    remote=None,
    deadline=D(2027, 3, 12),
    ouf=False,
    closed=False,
    smin=33966,
    smax=40521,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"recruitment@kelvinbraemaps.example.org.uk"},
    posted=D(2027, 2, 19),
)

page(
    "_posts/2027-03-05-digitisation-technician-leipzig.md",
    """---
title: Digitisation Technician (m/f/d)
date: 2027-03-05
---

The Saxon Letterpress Archive keeps the type specimens, proofs and order books of forty
printing houses. For a three-year project we are looking for a Digitisation Technician.

- Hybrid (2 days a week in Leipzig)
- 30 hours a week
- EUR 3.200 brutto/Monat

Please send your application by the end of the month to bewerbung@letterpressarchiv.example.de.
""",
    kind="job",
    title="Digitisation Technician (m/f/d)",
    role="Digitisation Technician",
    org="Saxon Letterpress Archive / The Saxon Letterpress Archive",
    location="Leipzig",
    remote=True,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=False,
    smin=3200,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"bewerbung@letterpressarchiv.example.de"},
    posted=D(2027, 3, 5),
)

page(
    "_posts/2027-03-08-digital-archivist-remote-uk.md",
    """---
title: Digital Archivist (remote)
date: 2027-03-08
---

Hedgerow Oral History Trust records the memories of farm workers across England. We need a
Digital Archivist for a six-month contract to move 2,000 interviews into a preservation
system.

**Where:** Remote (UK time zones)
**Pay:** £32k–£36k a year, pro rata
**Apply:** send a CV to hello@hedgerowvoices.example.org.uk

We review applications on a rolling basis.
""",
    kind="job",
    title="Digital Archivist (remote)",
    role="Digital Archivist",
    org="Hedgerow Oral History Trust",
    remote=True,
    regions=["UK"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=32000,
    smax=36000,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"hello@hedgerowvoices.example.org.uk"},
    posted=D(2027, 3, 8),
)

page(
    "_posts/2027-03-09-collections-data-assistant-canada.md",
    """---
title: Collections Data Assistant
date: 2027-03-09
---

Boreal Trail Heritage Network links 60 small museums across the prairies. We are hiring a
Collections Data Assistant on a casual basis, up to 20 hours a week, to clean and merge
their object records.

The role is remote within Canada. Pay is $28/hr (CAD).

Email your resume to careers@borealtrail.example.ca before April 2, 2027.
""",
    kind="job",
    title="Collections Data Assistant",
    org="Boreal Trail Heritage Network",
    remote=True,
    regions=["Canada"],
    deadline=D(2027, 4, 2),
    ouf=False,
    closed=False,
    smin=28,
    cur="CAD",
    period="hour",
    etype="part-time",
    contacts={"careers@borealtrail.example.ca"},
    posted=D(2027, 3, 9),
)

page(
    "jobs/metadata-librarian-us-remote.md",
    """---
title: Metadata Librarian (US-remote)
date: 2027-02-10
layout: job
---

Prairie Lantern Digital Library brings together the photographs and newspapers of 200 rural
libraries. We are looking for a full-time Metadata Librarian.

This is a US-remote position; you may live in any state where we can employ staff.

Salary: DOE, with health insurance and a retirement plan.

Review begins 3/1 and continues until the position is filled. Apply at
https://prairielantern.example.org/jobs/metadata-librarian.
""",
    kind="job",
    title="Metadata Librarian (US-remote)",
    role="Metadata Librarian",
    org="Prairie Lantern Digital Library",
    remote=True,
    regions=["US"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=None,
    cur=None,
    etype="full-time",
    contacts={"https://prairielantern.example.org/jobs/metadata-librarian"},
    posted=D(2027, 2, 10),
)

page(
    "_posts/2027-03-15-open-data-fellowship.md",
    """---
title: Open Heritage Data Fellowship 2027
date: 2027-03-15
---

The Lowland Commons Foundation offers a six-month fellowship to someone who wants to publish
a heritage data set as open data, with a mentor from our team.

Work from anywhere: the fellowship is fully remote. Fellows receive a stipend of €1,500 per
month.

Applications are open until 30 April 2027: https://lowlandcommons.example.org/fellowship.
""",
    kind="job",
    title="Open Heritage Data Fellowship 2027",
    org="Lowland Commons Foundation / The Lowland Commons Foundation",
    remote=True,
    regions=[],
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=1500,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"https://lowlandcommons.example.org/fellowship"},
    posted=D(2027, 3, 15),
)

page(
    "_posts/2027-03-22-conservation-manager-dundee.md",
    """---
title: Conservation Manager – deadline extended
date: 2027-03-22
---

Taybank Museums Partnership is looking for a Conservation Manager to lead its studio of six
conservators, on secondment or as an 18-month fixed-term appointment.

The post is on site at our Riverside campus in Dundee. Relocation required: we offer up to
£3,000 towards moving costs.

Salary: competitive.

Closing date: ~~16 April 2027~~ extended to 30 April 2027. Apply to
people@taybankmuseums.example.org.uk.
""",
    kind="job",
    title="Conservation Manager – deadline extended",
    role="Conservation Manager",
    org="Taybank Museums Partnership",
    location="Dundee",
    remote=False,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=None,
    cur=None,
    etype="temporary",
    contacts={"people@taybankmuseums.example.org.uk"},
    posted=D(2027, 3, 22),
)

page(
    "_posts/2027-04-01-print-room-assistant-cork.md",
    """---
title: Print Room Assistant
date: 2027-04-01
---

We are a small print studio and archive of Irish posters, at 14 Harbour Row, Cork. We are
looking for a Print Room Assistant to handle, pack and photograph our collection.

Permanent, 0.8 FTE. €42,000 – €48,000 a year (pro rata).

Applications close at noon, Monday 3 May 2027. Write to studio@harbourrowprints.example.ie.

— Harbour Row Print Archive
""",
    kind="job",
    title="Print Room Assistant",
    org="Harbour Row Print Archive",
    location="Cork",
    remote=None,
    deadline=D(2027, 5, 3),
    ouf=False,
    closed=False,
    smin=42000,
    smax=48000,
    cur="EUR",
    period="year",
    etype="part-time",
    contacts={"studio@harbourrowprints.example.ie"},
    posted=D(2027, 4, 1),
)

page(
    "_posts/2027-04-05-research-associate-textile-memory.md",
    """---
title: Research Associate, Mill Voices
date: 2027-04-05
---

The Centre for Textile Memory at the University of Huddersfield is hiring a Research
Associate for Mill Voices, a two-year project on the songs and sayings of weaving sheds.

Full-time, fixed-term for 24 months. Salary £36,024 per annum.

Closing date: 6 May 2027. Informal enquiries to Dr Amrit Sandhu,
a.sandhu@textilememory.example.ac.uk.
""",
    kind="job",
    title="Research Associate, Mill Voices",
    org="Centre for Textile Memory / University of Huddersfield",
    location="Huddersfield",
    remote=None,
    deadline=D(2027, 5, 6),
    ouf=False,
    closed=False,
    smin=36024,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"a.sandhu@textilememory.example.ac.uk"},
    posted=D(2027, 4, 5),
)

page(
    "_posts/2027-04-07-internship-digitisation.md",
    """---
title: "Internship: Digitisation Assistant"
date: 2027-04-07
---

Moorfoot Parish Records Society invites students to a four-week internship in digitisation
this summer, in Peebles. You will scan parish registers and check the images.

The internship is unpaid; we refund bus fares. It gives no contract of employment, and it
suits students who need a placement for their course.

Write to Elspeth Gow at records@moorfootparish.example.org.uk by 14 May 2027.
""",
    kind=("news", "other"),
    title="Internship: Digitisation Assistant",
    posted=D(2027, 4, 7),
)

PAGES.hold_out()

# ---------------------------------------------------------------- the held-out pages

page(
    "_posts/2027-05-10-visitor-archive-assistant-leeds.md",
    """---
title: Archive Assistant (casual)
date: 2027-05-10
---

Aire Valley Sound Archive is looking for a casual Archive Assistant to help researchers in our
listening room, up to 15 hours a week, mostly Saturdays.

Location: Leeds (hybrid: cataloguing can be done from home)
Pay: £14.50 per hour

Applications close 23:59 on Sunday 6 June. Email jobs@airevalleysound.example.org.uk.
""",
    kind="job",
    title="Archive Assistant (casual)",
    role="Archive Assistant",
    org="Aire Valley Sound Archive",
    location="Leeds",
    remote=True,
    deadline=D(2027, 6, 6),
    ouf=False,
    closed=False,
    smin=14.5,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"jobs@airevalleysound.example.org.uk"},
    posted=D(2027, 5, 10),
)

page(
    "_posts/2027-05-12-data-engineer-eu-remote.md",
    """---
title: Data Engineer, Linked Heritage
date: 2027-05-12
---

Nordsee Heritage Graph is a consortium of archives in five countries. We need a Data Engineer
to run our triple store and harvest records from partners.

Remote within the EU. Fixed-term contract of 24 months, full-time. Salary €45k–€52k gross a
year, depending on experience.

Apply by 13 June 2027 at https://nordseegraph.example.eu/jobs/data-engineer.
""",
    kind="job",
    title="Data Engineer, Linked Heritage",
    org="Nordsee Heritage Graph",
    remote=True,
    regions=["EU"],
    deadline=D(2027, 6, 13),
    ouf=False,
    closed=False,
    smin=45000,
    smax=52000,
    cur="EUR",
    period="year",
    etype="temporary",
    contacts={"https://nordseegraph.example.eu/jobs/data-engineer"},
    posted=D(2027, 5, 12),
)

page(
    "_posts/2027-05-14-collection-officer-melbourne.md",
    """---
title: Collection Officer, Photography
date: 2027-05-14
---

Yarra Bend Photographic Society seeks a Collection Officer to care for 90,000 negatives and
prints of Victorian towns.

The role is based in Melbourne, on site at our Carlton campus. It is a 0.6 FTE position,
fixed-term for two years, at AUD 95,000 per annum pro rata plus superannuation.

Applications close 11:59pm AEST, 20 June 2027. Send your application to
hr@yarrabendphoto.example.org.au.
""",
    kind="job",
    title="Collection Officer, Photography",
    org="Yarra Bend Photographic Society",
    location="Melbourne",
    remote=None,
    deadline=D(2027, 6, 20),
    ouf=False,
    closed=False,
    smin=95000,
    cur="AUD",
    period="year",
    etype="temporary",
    contacts={"hr@yarrabendphoto.example.org.au"},
    posted=D(2027, 5, 14),
)

page(
    "_posts/2027-05-18-engagement-fellow-manchester.md",
    """---
title: Community Engagement Fellow
date: 2027-05-18
---

The Irwell Workers' Library offers a twelve-month fellowship to a community organiser who
wants to bring trade union banners and minute books to new audiences.

Hybrid (three days a week in Manchester). A stipend of £1,650 per month.

The fellowship is open until filled; write to fellowship@irwellworkers.example.org.uk.
""",
    kind="job",
    title="Community Engagement Fellow",
    org="Irwell Workers' Library / The Irwell Workers' Library",
    location="Manchester",
    remote=True,
    deadline=None,
    ouf=True,
    closed=False,
    smin=1650,
    cur="GBP",
    period="month",
    etype="temporary",
    contacts={"fellowship@irwellworkers.example.org.uk"},
    posted=D(2027, 5, 18),
)

page(
    "jobs/digital-projects-archivist-dc.md",
    """---
title: Digital Projects Archivist
date: 2027-06-01
layout: job
---

Anacostia River Records Center is hiring a Digital Projects Archivist (full-time, exempt) to
lead the digitization of its neighborhood newspapers.

Location: 1200 Water Street SE, Washington, DC. Relocation assistance is not provided.

Salary range: $72,000–$80,000.

Review of applications begins 7/15; the position is open until filled. Apply at
https://anacostiarecords.example.org/careers/dpa.
""",
    kind="job",
    title="Digital Projects Archivist",
    org="Anacostia River Records Center",
    location="Washington",
    remote=None,
    deadline=None,
    ouf=True,
    closed=False,
    smin=72000,
    smax=80000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://anacostiarecords.example.org/careers/dpa"},
    posted=D(2027, 6, 1),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("_posts/2027-03-08-digital-archivist-remote-uk.md", "regions"): (
        "the house keeps a zone as the page names it ('Remote (UK time zones)' gives 'UK time"
        " zones', as 'US time zones' in round 6); a reader names the country"
    ),
    ("_posts/2027-05-10-visitor-archive-assistant-leeds.md", "role"): (
        "a bracket of hours or contract stays in the role ('Archive Assistant (casual)'), as"
        " test_documents has 'Exhibits Preparator (Part-Time)': the role's kind is read from it"
    ),
}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=15, jobs=14, others=1)

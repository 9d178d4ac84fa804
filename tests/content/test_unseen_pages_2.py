"""A second round of pages the loader had never seen, in styles the first round
(test_unseen_pages.py) left out, with what a careful reader takes from each, field by field.

Our own words, invented organisations and addresses: Wikimedia chapter vacancies, a
consortium's post with unusual front matter (employer, location as a list, ``remote: true``,
``expires``), Australian, Canadian, Dutch and German university and library ads in English,
a US state archive's "Closing Date" table, UK grades and NHS bands ("£32,332 - £38,205 per
annum", "Band 6"), hourly wages and stipends, contract lengths, "apply via Workday" and
"apply through our portal" links, job-board front matter (``salary``, ``job_type``,
``apply_url``), deadlines written "31/01/2027", "Jan. 5th", "5 January 2027 at 23:59 GMT"
and "applications close midnight Friday 3 March", closed and filled notices added later,
and pages that look like openings but are not: news of a hire, a call for papers, a
members' meeting with a registration deadline.

The first set was written first and scored blind, then the loader was fixed against it; the
held-out set (after ``PAGES.hold_out()``) was written after those fixes and scored blind
before the last round (/work/notes/loader-unseen-2.md has both tables). Run with ``-s`` to
see the per-field table. A field the loader still misses is in ``KNOWN_MISSES`` with the
reason, as a strict xfail: a fix shows up as an unexpected pass.

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
    "_posts/2026-11-20-glam-coordinator.md",
    """---
layout: post
title: "Vacancy: GLAM Programme Coordinator"
date: 2026-11-20
author: Office
categories: [Vacancies]
---

Wikimedia Nordmark, the independent chapter supporting the Wikimedia projects in the Nordmark
region, is recruiting a GLAM Programme Coordinator to build open content partnerships with
galleries, libraries, archives and museums.

**Hours:** 0.8 FTE (30 hours per week)
**Contract:** 24 months, with the possibility of extension
**Salary:** £32,332 - £38,205 per annum, pro rata
**Location:** Home-based, with occasional travel to our office in Carrowby
**Closing date:** 5 January 2027 at 23:59 GMT

To apply, please download the application pack from
[our website](https://wikimedia-nordmark.org/jobs/glam-2026) and return it to
recruitment@wikimedia-nordmark.org. We do not accept CVs.
""",
    kind="job",
    title="Vacancy: GLAM Programme Coordinator",
    org="Wikimedia Nordmark",
    location="Home-based",
    remote=True,
    deadline=D(2027, 1, 5),
    ouf=False,
    closed=False,
    smin=32332,
    smax=38205,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={
        "https://wikimedia-nordmark.org/jobs/glam-2026",
        "recruitment@wikimedia-nordmark.org",
    },
    posted=D(2026, 11, 20),
)

page(
    "_posts/2026-10-05-technical-coordinator.md",
    """---
layout: post
title: Technical Coordinator
date: 2026-10-05
employer: Open Annotation Consortium
location:
  - Remote
  - Europe or the Americas
remote: true
expires: 2026-11-15
---

The Open Annotation Consortium (OAC) supports libraries, museums and software projects that
share annotations across platforms. We are recruiting our first Technical Coordinator.

## About the role

You will shepherd the specifications through the technical working groups, run the monthly
community calls and keep the shared test suite healthy.

## What we offer

- A salary between USD 85,000 and 95,000 per year, or the equivalent in local currency
- A fully distributed team; most calls happen between 14:00 and 17:00 UTC
- 30 days of paid leave

## How to apply

Send a CV and a one-page letter to hiring@openannotation.example by 15 November. Questions
are welcome at the same address.
""",
    kind="job",
    title="Technical Coordinator",
    org="Open Annotation Consortium",
    location="Remote",
    remote=True,
    regions=["Europe", "Americas"],
    deadline=D(2026, 11, 15),
    ouf=False,
    closed=False,
    smin=85000,
    smax=95000,
    cur="USD",
    period="year",
    etype=None,
    contacts={"hiring@openannotation.example"},
    posted=D(2026, 10, 5),
)

page(
    "_posts/2026-12-14-research-data-librarian.md",
    """---
title: "Research Data Librarian (HEO7)"
date: 2026-12-14
categories: [jobs]
---

**University of Wattlebrook Library**

- Parkville campus, Melbourne
- Full-time, fixed-term for two years
- HEO7: $98,452 – $106,280 p.a. plus 17% superannuation

The Library's Research Services team is looking for a Research Data Librarian to help
researchers plan, store and share their data.

Applications close: Sunday 31 January 2027, 11:55pm AEDT.

Apply through the University's careers portal:
https://careers.wattlebrook.edu.au/jobs/RDL-1120. The position description and selection
criteria are attached to the online ad.
""",
    kind="job",
    title="Research Data Librarian (HEO7)",
    org="University of Wattlebrook Library / University of Wattlebrook",
    location="Melbourne",
    remote=None,
    deadline=D(2027, 1, 31),
    ouf=False,
    closed=False,
    smin=98452,
    smax=106280,
    cur="AUD",
    period="year",
    etype="temporary",
    contacts={"https://careers.wattlebrook.edu.au/jobs/RDL-1120"},
    posted=D(2026, 12, 14),
)

page(
    "_posts/2027-01-04-digital-archivist-term.md",
    """---
title: Digital Archivist (Term)
date: 2027-01-04
tags: [job]
---

The City of Lakehead Archives invites applications for a Digital Archivist for an 18-month
term.

| | |
|---|---|
| Status | Temporary full-time (18 months) |
| Salary | $36.12 – $42.50 per hour |
| Location | Lakehead, Ontario – hybrid |
| Closing date | January 22, 2027 at 4:30 p.m. (EST) |

Apply through our portal at https://lakehead.ca/careers and quote competition number
ARC-27-03. We thank all applicants; only those selected for an interview will be contacted.
""",
    kind="job",
    title="Digital Archivist (Term)",
    org="City of Lakehead Archives / City of Lakehead",
    location="Lakehead",
    remote=True,
    deadline=D(2027, 1, 22),
    ouf=False,
    closed=False,
    smin=36.12,
    smax=42.50,
    cur="CAD",
    period="hour",
    etype="temporary",
    contacts={"https://lakehead.ca/careers"},
    posted=D(2027, 1, 4),
)

page(
    "_posts/2026-11-02-data-steward-arts.md",
    """---
title: Data Steward, Faculty of Arts
date: 2026-11-02
---

The Faculty of Arts of Noordhaven University is looking for a Data Steward who helps
researchers make their data findable, accessible and reusable.

**Conditions of employment**

Under the collective labour agreement of the Dutch universities we offer:

- a salary of minimum €3,546 to maximum €5,538 gross per month (scale 10), based on a
  full-time position
- a holiday allowance of 8% and an end-of-year bonus of 8.3%
- a temporary appointment for 0.8 FTE for two years
- the option of working partly from home

**Application**

Apply before 31/01/2027 at 23:59 CET through the form on our vacancy page:
https://werkenbij.noordhaven.nl/vacatures/data-steward-arts
""",
    kind="job",
    title="Data Steward, Faculty of Arts",
    org="Faculty of Arts / Noordhaven University",
    remote=True,
    deadline=D(2027, 1, 31),
    ouf=False,
    closed=False,
    smin=3546,
    smax=5538,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"https://werkenbij.noordhaven.nl/vacatures/data-steward-arts"},
    posted=D(2026, 11, 2),
)

page(
    "_posts/2026-12-01-systemadministrator.md",
    """---
title: "IT-Systemadministrator (m/w/d) / Systems Administrator"
date: 2026-12-01
location: [Weserburg, Germany]
---

The State and University Library Weserburg is one of the largest academic libraries in northern
Germany. In its Digital Services department the following position is to be filled as soon as
possible, limited to three years:

**Systems Administrator (m/f/d)**
Pay group 11 TV-L, 100 %

You will run the servers and storage behind our digital collections and the regional union
catalogue. We offer flexible working hours and mobile working for up to 40% of your time.

Please send your application, quoting reference 2026-41, as a single PDF by 15.01.2027 to
bewerbung@sub-weserburg.de. Severely disabled applicants are given preference when equally
qualified.
""",
    kind="job",
    title="IT-Systemadministrator (m/w/d) / Systems Administrator",
    org="State and University Library Weserburg",
    location="Weserburg",
    remote=True,
    deadline=D(2027, 1, 15),
    ouf=False,
    closed=False,
    smin=None,
    cur=None,
    period=None,
    etype="temporary",
    contacts={"bewerbung@sub-weserburg.de"},
    posted=D(2026, 12, 1),
)

page(
    "_posts/2026-12-07-archivist-ii.md",
    """---
title: Archivist II - Electronic Records
date: 2026-12-07
categories: jobs
---

**Dakota State Archives, Department of History and Heritage**

| Job Title | Archivist II – Electronic Records |
|---|---|
| Posting Number | 26-1187 |
| Salary | $24.18 - $31.44 Hourly |
| Job Type | Full Time, Permanent |
| Location | Fort Ardell, ND |
| Opening Date | 12/07/2026 |
| Closing Date | 01/08/2027 11:59 PM Central |

The Electronic Records Archivist appraises, ingests and preserves born-digital records that
state agencies transfer to the Archives.

To be considered, you must apply through the state employment website,
https://careers.dakota.example.gov, by the closing date. Paper applications are not accepted.
""",
    kind="job",
    title="Archivist II - Electronic Records",
    org="Dakota State Archives",
    location="Fort Ardell",
    remote=None,
    deadline=D(2027, 1, 8),
    ouf=False,
    closed=False,
    smin=24.18,
    smax=31.44,
    cur="USD",
    period="hour",
    etype="full-time",
    contacts={"https://careers.dakota.example.gov"},
    posted=D(2026, 12, 7),
)

page(
    "_posts/2026-11-23-rse-digital-culture.md",
    """---
title: Digital Humanities Research Software Engineer
date: 2026-11-23
---

The Centre for Digital Culture at the University of Fenbridge is seeking a Research Software
Engineer to build tools for textual scholarship.

Salary: £32,332 - £38,205 per annum
Grade 6
Fixed term until 31 July 2029
Closing date: 31/01/2027

We welcome applicants who wish to work flexibly; hybrid working can be discussed at
interview.

Apply via Workday:
[Research Software Engineer (R-0004412)](https://fenbridge.wd3.myworkdayjobs.com/careers/job/R-0004412).
For informal enquiries please contact Dr Tom Ames (t.ames@fenbridge.ac.uk).
""",
    kind="job",
    title="Digital Humanities Research Software Engineer",
    org="Centre for Digital Culture / University of Fenbridge",
    remote=True,
    deadline=D(2027, 1, 31),
    ouf=False,
    closed=False,
    smin=32332,
    smax=38205,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={
        "https://fenbridge.wd3.myworkdayjobs.com/careers/job/R-0004412",
        "t.ames@fenbridge.ac.uk",
    },
    posted=D(2026, 11, 23),
)

page(
    "_posts/2028-02-07-trust-archivist.md",
    """---
title: Trust Archivist
date: 2028-02-07
---

Northwold Hospitals NHS Foundation Trust holds one of the oldest hospital archives in the
country, and we need an archivist to look after it.

Band 6 (£37,338 – £44,962 per annum, pro rata)
Part time, 22.5 hours per week
Permanent

Applications close midnight Friday 3 March. Interviews are planned for the week of 13 March.

Apply through NHS Jobs (reference 123-ARC-4455):
https://www.jobs.nhs.uk/candidate/jobadvert/C9123-28-0017
""",
    kind="job",
    title="Trust Archivist",
    org="Northwold Hospitals NHS Foundation Trust",
    remote=None,
    deadline=D(2028, 3, 3),
    ouf=False,
    closed=False,
    smin=37338,
    smax=44962,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"https://www.jobs.nhs.uk/candidate/jobadvert/C9123-28-0017"},
    posted=D(2028, 2, 7),
)

page(
    "_posts/2026-09-14-community-archivist.md",
    """---
title: Community Archivist
date: 2026-09-14
tags: [vacancies]
---

> **Update, 30 October 2026:** this vacancy has closed and we are no longer reviewing
> applications. Thank you for your interest.

The Ravensworth Community Archive is looking for a Community Archivist to work with local
groups on oral history and family papers.

- Salary: £29,000 per year
- Fixed term for 12 months

Send a CV and covering letter to hello@ravensworth-archive.org.uk by 12 October 2026.
""",
    kind="job",
    title="Community Archivist",
    org="Ravensworth Community Archive",
    remote=None,
    deadline=D(2026, 10, 12),
    ouf=False,
    closed=True,
    smin=29000,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"hello@ravensworth-archive.org.uk"},
    posted=D(2026, 9, 14),
)

page(
    "_posts/2026-12-04-student-digitization.md",
    """---
title: Student Digitization Assistant (Spring 2027)
date: 2026-12-04
---

The Media Preservation Lab at Calder State University Libraries is hiring student workers for
the spring semester.

- Pay: $15.75/hr
- Up to 15 hrs/wk, scheduled around your classes
- Work takes place in the lab (Room B12, Hollis Library); this is not a remote job

Apply by Jan. 5th through Handshake: https://calder.joinhandshake.com/stu/jobs/771204.
Questions? Email mpl@calder.edu.
""",
    kind="job",
    title="Student Digitization Assistant (Spring 2027)",
    org=("Media Preservation Lab / Calder State University Libraries / Calder State University"),
    remote=False,
    deadline=D(2027, 1, 5),
    ouf=False,
    closed=False,
    smin=15.75,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"https://calder.joinhandshake.com/stu/jobs/771204", "mpl@calder.edu"},
    posted=D(2026, 12, 4),
)

page(
    "_posts/2026-12-10-short-term-fellowships.md",
    """---
title: Short-Term Research Fellowships 2027-28
date: 2026-12-10
closing_date: "March 1, 2027"
---

The Larkspur Research Library awards short-term fellowships to scholars whose work needs its
collections of early modern maps and travel writing.

Fellows receive a stipend of $3,000 per month for one to three months, and must be in
residence in Larkspur for the tenure of the award. Remote fellowships are not offered.

Applications are made through our online system:
https://larkspurlibrary.org/fellowships/apply. Letters of reference should be sent to
fellowships@larkspurlibrary.org.
""",
    kind="job",
    title="Short-Term Research Fellowships 2027-28",
    org="Larkspur Research Library",
    remote=False,
    deadline=D(2027, 3, 1),
    ouf=False,
    closed=False,
    smin=3000,
    cur="USD",
    period="month",
    contacts={"https://larkspurlibrary.org/fellowships/apply", "fellowships@larkspurlibrary.org"},
    posted=D(2026, 12, 10),
)

page(
    "_jobs/2026-11-30-metadata-contractor.md",
    """---
layout: job
title: Metadata Contractor
company: Brightwater Digital Humanities Lab
location: Remote (US time zones)
job_type: Contract
salary: "$45 - $55 per hour"
apply_url: https://brightwaterlab.org/jobs/metadata-contractor
date: 2026-11-30
expires: 2027-01-15
---

We need an experienced metadata specialist for a six-month engagement to clean up and
reconcile about 40,000 MODS records before our move to a new platform.

**Contract length:** 6 months, approximately 20 hours per week
**Start:** February 2027

Experience with OpenRefine and controlled vocabularies (LCSH, LCNAF) is required.
""",
    kind="job",
    title="Metadata Contractor",
    org="Brightwater Digital Humanities Lab",
    location="Remote",
    remote=True,
    regions=["US time zones"],
    deadline=D(2027, 1, 15),
    ouf=False,
    closed=False,
    smin=45,
    smax=55,
    cur="USD",
    period="hour",
    etype="temporary",
    contacts={"https://brightwaterlab.org/jobs/metadata-contractor"},
    posted=D(2026, 11, 30),
)

page(
    "_posts/2026-10-19-digital-collections-manager.md",
    """---
title: Digital Collections Manager
date: 2026-10-19
---

After an open search this summer, Priya Nair started as our Digital Collections Manager on
Monday. Priya comes to us from the Harbourside Maritime Museum, where she led the move to a new
collections management system.

We advertised the post in July and received more than sixty applications; thank you to everyone
who applied and to the interview panel.

Priya will work on our IIIF image service first. You can reach her at pnair@westvale-museum.org.
""",
    kind="news",
    title="Digital Collections Manager",
    posted=D(2026, 10, 19),
)

page(
    "_posts/2026-11-09-cfp-symposium.md",
    """---
title: "CFP: Archives and Machine Learning Symposium 2027"
date: 2026-11-09
tags: [events]
---

The third Archives and Machine Learning Symposium will be held at the University of Eastcliff on
17-18 June 2027, with online participation possible.

We welcome proposals for 20-minute papers, lightning talks and demonstrations. Abstracts of up
to 300 words are due by 15 January 2027; notifications will be sent in March.

Submit via EasyChair: https://easychair.org/conferences/?conf=amls2027. Questions:
amls@eastcliff.ac.uk.
""",
    kind="news",
    title="CFP: Archives and Machine Learning Symposium 2027",
    posted=D(2026, 11, 9),
)

page(
    "_posts/2027-01-18-spring-members-meeting.md",
    """---
title: Spring Members' Meeting 2027
date: 2027-01-18
---

Our Spring Members' Meeting takes place in Utrecht on 22-23 April 2027. The programme includes
sessions on persistent identifiers, a hands-on session on the new API and the annual general
meeting.

Registration is open until 26 March 2027 at https://members.example.org/spring-2027.
Attendance is free for members; non-members pay €95.
""",
    kind="news",
    title="Spring Members' Meeting 2027",
    posted=D(2027, 1, 18),
)

page(
    "_posts/2026-12-02-front-end-developer.md",
    """---
title: Front-end Developer
date: 2026-12-02
organization: Northlight Publishing Cooperative
remote: true
deadline: 2027-01-10
---

Northlight builds the open-source platform that many scholarly presses use to publish
open-access books. We are looking for a front-end developer to work on our reader and our
authoring tools.

You will work in Vue and TypeScript with a team of six developers spread over four countries.

We offer a salary of €4,200–€4,900 per month (before tax), 28 days of leave and a yearly
learning budget.

Email your CV and links to your work to jobs@northlight.coop.
""",
    kind="job",
    title="Front-end Developer",
    org="Northlight Publishing Cooperative",
    remote=True,
    deadline=D(2027, 1, 10),
    ouf=False,
    closed=False,
    smin=4200,
    smax=4900,
    cur="EUR",
    period="month",
    etype=None,
    contacts={"jobs@northlight.coop"},
    posted=D(2026, 12, 2),
)

page(
    "_posts/2026-11-16-two-roles-vesterland.md",
    """---
title: "We're recruiting: two roles at Wikimedia Vesterland"
date: 2026-11-16
---

Wikimedia Vesterland is growing, and we are looking for two new colleagues. Both roles are
based in our office in Aarhaven, with up to two days a week working from home.

### Education Programme Officer

- 30 hours per week, permanent
- DKK 34,000–38,000 per month
- Apply by 4 December 2026

### Finance Assistant

- 15 hours per week, permanent
- DKK 210 per hour
- Apply by 11 December 2026

Send your application and CV to jobs@wikimedia-vesterland.dk, with the role in the subject line.
""",
    kind="job",
    title="We're recruiting: two roles at Wikimedia Vesterland",
    org="Wikimedia Vesterland",
    positions=[
        dict(
            title="Education Programme Officer",
            location="Aarhaven",
            remote=True,
            deadline=D(2026, 12, 4),
            smin=34000,
            smax=38000,
            cur="DKK",
            period="month",
            etype="part-time",
            contacts={"jobs@wikimedia-vesterland.dk"},
        ),
        dict(
            title="Finance Assistant",
            location="Aarhaven",
            remote=True,
            deadline=D(2026, 12, 11),
            smin=210,
            cur="DKK",
            period="hour",
            etype="part-time",
            contacts={"jobs@wikimedia-vesterland.dk"},
        ),
    ],
    posted=D(2026, 11, 16),
)

page(
    "_posts/2026-12-09-registrar.md",
    """---
title: Registrar
date: 2026-12-09
---

The Arroyo Museum of Art in Santa Fe, New Mexico, seeks a Registrar to manage loans,
acquisitions and the collection database.

Salary: $52,000–$56,000/year, DOE. Benefits include health and dental cover and a 403(b) plan.
This position is in-office Monday through Friday.

First review of applications: January 12, 2027. The position remains open until filled.

[Apply here](https://recruiting.paylocity.com/recruiting/jobs/Details/2278901) through our
portal.
""",
    kind="job",
    title="Registrar",
    org="Arroyo Museum of Art",
    location="Santa Fe",
    remote=False,
    deadline=None,
    ouf=True,
    closed=False,
    smin=52000,
    smax=56000,
    cur="USD",
    period="year",
    etype=None,
    contacts={"https://recruiting.paylocity.com/recruiting/jobs/Details/2278901"},
    posted=D(2026, 12, 9),
)

page(
    "_posts/2027-01-11-library-technician.md",
    """---
title: Library Technician, Special Collections
date: 2027-01-11
---

Seabright University Library, Halifax, Nova Scotia

Seabright University Library has an opening for a Library Technician in Special Collections
(casual, up to 20 hours per week) to support reading-room services and digitization requests.

Rate of pay: $28.50/hour.

Please apply through our portal at https://jobs.seabright.ca, quoting posting #SU-2027-014, by
Jan. 29, 2027. Only those selected for an interview will be contacted.
""",
    kind="job",
    title="Library Technician, Special Collections",
    org="Seabright University Library / Seabright University",
    location="Halifax",
    remote=None,
    deadline=D(2027, 1, 29),
    ouf=False,
    closed=False,
    smin=28.50,
    cur="CAD",
    period="hour",
    etype="part-time",
    contacts={"https://jobs.seabright.ca"},
    posted=D(2027, 1, 11),
)

page(
    "_posts/2026-08-03-project-archivist-filled.md",
    """---
title: "[FILLED] Project Archivist, Labour History Collections"
date: 2026-08-03
---

The Tyneside Labour History Society is hiring a Project Archivist for 12 months to catalogue
the records of the regional trades councils.

Salary: £30,500 per annum. Full-time (35 hours a week). Closing date: Friday 4 September 2026.

To apply, email a CV and a covering letter to archive@tynesidelabourhistory.org.uk.
""",
    kind="job",
    title="[FILLED] Project Archivist, Labour History Collections",
    org="Tyneside Labour History Society",
    remote=None,
    deadline=D(2026, 9, 4),
    ouf=False,
    closed=True,
    smin=30500,
    cur="GBP",
    period="year",
    contacts={"archive@tynesidelabourhistory.org.uk"},
    posted=D(2026, 8, 3),
)


# ---------------------------------------------------------------- written after the fixes

PAGES.hold_out()

page(
    "careers/index.md",
    """---
title: Careers
layout: page
---

# Careers at the Persistent Identifier Collaborative

## Current openings

- [Support Engineer](#support-engineer)
- [Communications Lead](#communications-lead)

## Support Engineer {#support-engineer}

The Persistent Identifier Collaborative runs a registration service for research
organisations. We are hiring a Support Engineer to answer technical questions from members.

- Remote, but you must live in a country between UTC-2 and UTC+3
- €52,000–€60,000 per year, depending on experience
- Full-time, permanent

Apply by 12 March 2027 at https://pidcollab.example/jobs/support-engineer.

## Communications Lead {#communications-lead}

**This position has now been filled.**

Part-time (24 hours a week), remote within Europe. Salary €30,000 a year.
""",
    kind="job",
    title="Careers",
    org="Persistent Identifier Collaborative",
    positions=[
        dict(
            title="Support Engineer",
            remote=True,
            regions=["UTC-2 to UTC+3"],
            deadline=D(2027, 3, 12),
            closed=False,
            smin=52000,
            smax=60000,
            cur="EUR",
            period="year",
            etype="full-time",
            contacts={"https://pidcollab.example/jobs/support-engineer"},
        ),
        dict(
            title="Communications Lead",
            remote=True,
            regions=["Europe"],
            closed=True,
            smin=30000,
            cur="EUR",
            period="year",
            etype="part-time",
        ),
    ],
    posted=None,
)

page(
    "_posts/2027-01-25-collections-officer-hobart.md",
    """---
title: Collections Officer (Digital)
date: 2027-01-25
---

The State Library of Lutruwita holds the island's documentary heritage. We are seeking a
Collections Officer to manage born-digital acquisitions.

- Location: Hobart, Tasmania
- Salary: $85,000 - $92,000 + super
- Ongoing, full-time

Applications close 11:59pm, Sunday 14 February 2027 (AEDT). Apply online via our careers page:
https://careers.lutruwitalibrary.example.au/collections-officer
""",
    kind="job",
    title="Collections Officer (Digital)",
    org="State Library of Lutruwita",
    location="Hobart",
    remote=None,
    deadline=D(2027, 2, 14),
    ouf=False,
    closed=False,
    smin=85000,
    smax=92000,
    cur="AUD",
    period="year",
    etype="full-time",
    contacts={"https://careers.lutruwitalibrary.example.au/collections-officer"},
    posted=D(2027, 1, 25),
)

page(
    "_posts/2026-12-28-archivist-state.md",
    """---
title: Archivist I
date: 2026-12-28
tags: [jobs]
---

**Pacifica State Archives**

Salary Range: $4,212 - $5,630 Monthly
Schedule: Full Time - Permanent
Location: Capitol Annex, Sacramento, CA
Closes: 01/15/27

The Archivist I arranges and describes government records and answers reference questions
from agencies and the public.

Apply through the State's job portal:
https://jobs.pacifica.example.gov/JobPosting.aspx?JobControlId=412345
""",
    kind="job",
    title="Archivist I",
    org="Pacifica State Archives",
    location="Sacramento",
    remote=None,
    deadline=D(2027, 1, 15),
    ouf=False,
    closed=False,
    smin=4212,
    smax=5630,
    cur="USD",
    period="month",
    etype="full-time",
    contacts={"https://jobs.pacifica.example.gov/JobPosting.aspx?JobControlId=412345"},
    posted=D(2026, 12, 28),
)

page(
    "_posts/2027-01-20-learning-officer.md",
    """---
title: Learning Officer (maternity cover)
date: 2027-01-20
---

Thornbury Museum and Art Gallery is looking for a Learning Officer to run our schools programme
while a colleague is on leave.

Salary: £28,000 - £31,500 pa
Hours: 37.5 hours per week
Contract: 12-month fixed term
Closing date: Midday, 10th February 2027
Interview date: 24 February 2027

Apply through our recruitment portal: https://thornburymuseum.example.uk/jobs/learning-officer
""",
    kind="job",
    title="Learning Officer (maternity cover)",
    org="Thornbury Museum and Art Gallery",
    remote=None,
    deadline=D(2027, 2, 10),
    ouf=False,
    closed=False,
    smin=28000,
    smax=31500,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://thornburymuseum.example.uk/jobs/learning-officer"},
    posted=D(2027, 1, 20),
)

page(
    "_posts/2027-02-01-job-fair.md",
    """---
title: "Job Fair: Careers in Heritage 2027"
date: 2027-02-01
---

Meet employers from archives, libraries and museums across the region at our careers day on
12 March 2027 in the Guildhall, Norbridge. Bring your CV: several employers will be taking
applications on the day.

Registration closes 5 March 2027. Book your free place at https://heritagecareers.example.org.
""",
    kind="news",
    title="Job Fair: Careers in Heritage 2027",
    posted=D(2027, 2, 1),
)

page(
    "_posts/2027-01-28-metadata-lead.md",
    """---
title: Metadata Lead
date: 2027-01-28
tags: [blog]
---

We're delighted that Tomasz Wójcik has accepted the role of Metadata Lead and will start on
1 March. Tomasz spent eight years on the cataloguing team of a national library, where he led
the move to linked data.

The recruitment closed on 14 January. Thanks to all who applied, and to the panel.
""",
    kind="news",
    title="Metadata Lead",
    posted=D(2027, 1, 28),
)

page(
    "_posts/2027-01-12-digitisation-grants.md",
    """---
title: "Digitisation Grants 2027: call for applications"
date: 2027-01-12
---

The Heritage Access Fund invites small museums and community archives to apply for grants of
up to £15,000 towards digitising their collections.

The deadline for applications is 31 March 2027. Decisions will be announced in June. Read the
guidance and apply at https://heritageaccessfund.example.org.uk/2027.
""",
    kind="news",
    title="Digitisation Grants 2027: call for applications",
    posted=D(2027, 1, 12),
)

page(
    "_posts/2027-01-06-library-assistant-kamloops.md",
    """---
title: Library Assistant II (Casual)
date: 2027-01-06
---

Thompson Valley Regional Library, Kamloops, B.C.

We have an opening for a casual Library Assistant II at our downtown branch. Pay is $22.45 to
$25.10 an hour, and the role works evenings and weekends as needed.

Please submit a cover letter and resume to hr@tvrl.example.ca by 4:00 pm on January 22, 2027.
""",
    kind="job",
    title="Library Assistant II (Casual)",
    org="Thompson Valley Regional Library",
    location="Kamloops",
    remote=None,
    deadline=D(2027, 1, 22),
    ouf=False,
    closed=False,
    smin=22.45,
    smax=25.10,
    cur="CAD",
    period="hour",
    contacts={"hr@tvrl.example.ca"},
    posted=D(2027, 1, 6),
)

page(
    "_posts/2027-01-04-developer-remote-first.md",
    """---
title: Software Developer
date: 2027-01-04
---

Open Letters Project is a small non-profit that publishes scholarly editions of correspondence.
We are a remote-first organisation: staff work from home and meet in person twice a year.

We're looking for a developer with Python and XML experience. The salary is competitive and
we offer 30 days of annual leave.

Send a short note about yourself and a link to some code to work@openletters.example.org by
end of day Friday, January 22nd.
""",
    kind="job",
    title="Software Developer",
    org="Open Letters Project",
    remote=True,
    deadline=D(2027, 1, 22),
    ouf=False,
    closed=False,
    smin=None,
    cur=None,
    period=None,
    contacts={"work@openletters.example.org"},
    posted=D(2027, 1, 4),
)

page(
    "_posts/2027-01-18-praktikum.md",
    """---
title: "Internship Digital Collections (f/m/x)"
date: 2027-01-18
location: Vienna, Austria
---

The Austrian Museum of Folk Life offers a six-month internship in its digital collections team,
starting in April 2027.

You will photograph objects, write short descriptions and help publish them online. Interns
receive a monthly allowance of €500.

Deadline for applications: 28.02.2027. Please send your CV and a short letter to
praktikum@volkslebenmuseum.example.at.
""",
    kind="job",
    title="Internship Digital Collections (f/m/x)",
    org="Austrian Museum of Folk Life",
    location="Vienna",
    remote=None,
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=False,
    smin=500,
    cur="EUR",
    period="month",
    etype="internship",
    contacts={"praktikum@volkslebenmuseum.example.at"},
    posted=D(2027, 1, 18),
)

page(
    "_posts/2027-02-15-head-of-digital.md",
    """---
title: Head of Digital Scholarship
date: 2027-02-15
---

Marrow College Library invites applications for the position of Head of Digital Scholarship.

The Head leads a team of five and reports to the University Librarian. Salary is commensurate
with experience; the expected range is $95,000-$110,000.

Priority deadline: March 15, 2027. Applications will be accepted until the position is filled.
Apply online at https://marrow.example.edu/jobs/head-digital-scholarship.
""",
    kind="job",
    title="Head of Digital Scholarship",
    org="Marrow College Library / Marrow College",
    remote=None,
    deadline=D(2027, 3, 15),
    ouf=True,
    closed=False,
    smin=95000,
    smax=110000,
    cur="USD",
    period="year",
    contacts={"https://marrow.example.edu/jobs/head-digital-scholarship"},
    posted=D(2027, 2, 15),
)

page(
    "_posts/2027-01-07-office-manager-closed.md",
    """---
title: "Vacancy (closed): Office Manager"
date: 2027-01-07
---

Applications are no longer being accepted for this role.

Wikimedia Eastmarch is hiring an Office Manager to keep our small office in Lindholm running:
finance administration, board logistics and volunteer support.

- 0.6 FTE (three days a week)
- €2,150 per month
- Apply by 31 January 2027 to office@wikimedia-eastmarch.example.org
""",
    kind="job",
    title="Vacancy (closed): Office Manager",
    org="Wikimedia Eastmarch",
    location="Lindholm",
    remote=None,
    deadline=D(2027, 1, 31),
    ouf=False,
    closed=True,
    smin=2150,
    cur="EUR",
    period="month",
    etype="part-time",
    contacts={"office@wikimedia-eastmarch.example.org"},
    posted=D(2027, 1, 7),
)


# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=30, jobs=20, others=5)

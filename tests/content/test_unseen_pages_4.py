"""A fourth round of pages the loader had never seen, in shapes the first three rounds
(test_unseen_pages.py, _2.py, _3.py) did not cover, with what a careful reader takes from
each, field by field.

Our own words, invented organisations, people and addresses (real city names): US university
HR boilerplate (salary grades, hiring ranges, "posting closes at 11:59 pm", FLSA), French,
Spanish, Italian, Swiss and Scandinavian institutions writing in English with their pay scales
("14 payments", "net per month", "NOK … per year", "salary by agreement"), "review of
applications begins", priority deadlines, hourly rates, stipends and fellowships, internships,
volunteer roles, remote work limited to countries listed in bullets, "must be eligible to work
in the UK", hybrid "3 days on site", reposted and filled notes at the top, front matter of odd
types (a list of places, `expires:`, `closing_date:` in other formats, tags saying remote),
pages of several openings, news that mentions a job, mojibake, Windows line endings and very
long lines.

Three sets, each scored blind before its fixes: the first set (fixed against), then the
held-out set in two batches, A and B (``HELD_OUT_B`` names B's pages), each written before any
fix and scored once on the rules of the round before it. /work/notes/loader-unseen-4.md has the
tables. Run with ``-s`` to see the per-field table. A field the loader still misses is in
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
    "_posts/2027-02-01-digital-scholarship-librarian-northfield.md",
    """---
layout: post
title: "Digital Scholarship Librarian - University of Northfield (MN)"
date: 2027-02-01
tag: job
---

**Job ID:** 31877<br>
**Location:** Duluth Campus<br>
**Job Family:** Library<br>
**Full/Part Time:** Full-Time<br>
**Regular/Temporary:** Regular

### Job Summary

University Libraries seeks a Digital Scholarship Librarian to support faculty and students
who use computational methods, digital exhibits and data visualisation in their research.

### Compensation

Salary Grade: 9L. Hiring Range: $62,400 - $70,000 annually, depending on education and
experience. This position is classified as exempt under the Fair Labor Standards Act (FLSA).

### How to Apply

Applications must be submitted online at https://hr.northfield.example.edu/jobs/31877.
Attach a cover letter, a CV and the contact information of three references. This posting
closes at 11:59 pm (Central Time) on March 14, 2027.

The University of Northfield is an equal opportunity educator and employer.
""",
    kind="job",
    title="Digital Scholarship Librarian - University of Northfield (MN)",
    org="University of Northfield / University Libraries",
    location="Duluth",
    remote=None,
    deadline=D(2027, 3, 14),
    ouf=False,
    closed=False,
    smin=62400,
    smax=70000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://hr.northfield.example.edu/jobs/31877"},
    posted=D(2027, 2, 1),
)

page(
    "_posts/2027-02-03-ingenieur-donnees-patrimoniales.md",
    """---
title: Heritage Data Engineer (fixed-term, 24 months)
date: 2027-02-03
categories: [jobs]
---

The Institut régional du patrimoine numérique (IRPN) in Lyon is recruiting a Heritage Data
Engineer to move the catalogues of twelve municipal libraries onto a shared linked-data
platform.

**Contract:** CDD of 24 months, full time (35 hours per week)
**Pay:** gross annual salary between €34,000 and €39,500 depending on experience, on the
public-service scale for category A staff
**Place of work:** Lyon (Part-Dieu), with up to two days of teleworking per week

Send a CV and a cover letter, in French or English, to recrutement@irpn.example.fr before
15/04/2027.
""",
    kind="job",
    title="Heritage Data Engineer (fixed-term, 24 months)",
    org="Institut régional du patrimoine numérique",
    location="Lyon",
    remote=True,
    deadline=D(2027, 4, 15),
    ouf=False,
    closed=False,
    smin=34000,
    smax=39500,
    cur="EUR",
    period="year",
    etype="temporary",
    contacts={"recrutement@irpn.example.fr"},
    posted=D(2027, 2, 3),
)

page(
    "_posts/2027-02-05-tecnico-digitalizacion.md",
    """---
title: Digitisation Technician
date: 2027-02-05
---

Biblioteca Histórica de Valladolid is hiring a Digitisation Technician for its manuscripts
and early printed books.

- Gross salary: €26,600 per year, paid in 14 payments
- Permanent contract, full-time (37.5 hours per week), Monday to Friday
- The work is on site at our reading room in Valladolid; remote work is not possible

Applications close on 31 March 2027. Please apply through
https://empleo.bhvalladolid.example.es/oferta/2027-03 and attach your CV.
""",
    kind="job",
    title="Digitisation Technician",
    org="Biblioteca Histórica de Valladolid",
    location="Valladolid",
    remote=False,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=False,
    smin=26600,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"https://empleo.bhvalladolid.example.es/oferta/2027-03"},
    posted=D(2027, 2, 5),
)

page(
    "_posts/2027-02-08-assegnista-di-ricerca.md",
    """---
title: Research Fellow in Digital Epigraphy
date: 2027-02-08
tags: [jobs, fellowship]
---

The Department of Humanities of the University of Trevento offers a twelve-month research
fellowship (assegno di ricerca) in digital epigraphy, to encode Latin inscriptions from
Campania in EpiDoc.

The fellowship carries €1,720 net per month. The fellow will work at the Department in Naples.

Applications must reach the Department by 12:00 CET on 20 April 2027, by certified e-mail to
protocollo.dsu@pec.trevento.example.it.
""",
    kind="job",
    title="Research Fellow in Digital Epigraphy",
    org="University of Trevento / Department of Humanities",
    location="Naples",
    remote=None,
    deadline=D(2027, 4, 20),
    ouf=False,
    closed=False,
    smin=1720,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"protocollo.dsu@pec.trevento.example.it"},
    posted=D(2027, 2, 8),
)

page(
    "_posts/2027-02-10-archivist-harnosand.md",
    """---
title: Archivist, digital records
date: 2027-02-10
---

The Regional Archives in Härnösand collect, preserve and make available the records of public
authorities in northern Sweden. We are now looking for an archivist to work with the transfer
of digital records from government agencies.

Type of employment: Permanent position, starting with six months' probation
Extent: Full time
Salary: Individual salary setting
Location: Härnösand

Last day to apply is 2027-03-07. Apply via https://regionarkiv.example.se/jobb/2027-112.
Union representatives can be reached through the switchboard.
""",
    kind="job",
    title="Archivist, digital records",
    org="Regional Archives in Härnösand / Regional Archives",
    location="Härnösand",
    remote=None,
    deadline=D(2027, 3, 7),
    ouf=False,
    closed=False,
    smin=None,
    etype="full-time",
    contacts={"https://regionarkiv.example.se/jobb/2027-112"},
    posted=D(2027, 2, 10),
)

page(
    "_posts/2027-02-11-senior-engineer-oslo.md",
    """---
title: Senior Engineer, Digital Collections
date: 2027-02-11
categories: [stillinger, jobs]
---

Nordvik Museum of Cultural History has a vacant permanent position as Senior Engineer in its
Digital Collections section in Oslo.

The position is paid in salary band 1181 Senior Engineer, NOK 615,000 - 720,000 per year in
the state pay scale. A statutory 2 % contribution to the Norwegian Public Service Pension Fund
is deducted from the salary.

Application deadline: 1 March 2027. Apply electronically at
https://nordvikmuseum.example.no/jobs/senior-engineer and attach a CV and copies of diplomas.
""",
    kind="job",
    title="Senior Engineer, Digital Collections",
    org="Nordvik Museum of Cultural History",
    location="Oslo",
    remote=None,
    deadline=D(2027, 3, 1),
    ouf=False,
    closed=False,
    smin=615000,
    smax=720000,
    cur="NOK",
    period="year",
    contacts={"https://nordvikmuseum.example.no/jobs/senior-engineer"},
    posted=D(2027, 2, 11),
)

page(
    "_posts/2027-02-12-collections-assistant-part-time.md",
    """---
title: Collections Assistant (Part-Time)
date: 2027-02-12
---

The Piedmont Heritage Museum in Asheville, North Carolina, seeks a part-time Collections
Assistant to help with inventory, housing and photography of the permanent collection.

* 24 hours per week, Tuesday through Thursday
* $19.50 - $22.00 per hour, depending on experience
* This position works on site; it is not eligible for remote work

Review of applications will begin February 26, 2027 and continue until the position is
filled. To apply, send a letter of interest and resume to jobs@piedmontheritage.example.org.
""",
    kind="job",
    title="Collections Assistant (Part-Time)",
    org="Piedmont Heritage Museum",
    location="Asheville",
    remote=False,
    deadline=None,
    ouf=True,
    closed=False,
    smin=19.50,
    smax=22,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"jobs@piedmontheritage.example.org"},
    posted=D(2027, 2, 12),
)

page(
    "_posts/2027-02-15-metadata-coordinator-priority.md",
    """---
title: Metadata Coordinator
date: 2027-02-15
---

The Lakeshore Digital Library Consortium is searching for a Metadata Coordinator to lead
its shared cataloguing standards and train staff at member libraries. The Coordinator may
work from any location in Michigan, Ohio or Indiana, with occasional travel to member sites.

Salary: $58,000 minimum, with a full benefits package.

Priority consideration will be given to applications received by March 19, 2027; the
search remains open until filled. Apply at https://lakeshoredl.example.org/careers.
""",
    kind="job",
    title="Metadata Coordinator",
    org="Lakeshore Digital Library Consortium",
    remote=True,
    deadline=D(2027, 3, 19),
    ouf=True,
    closed=False,
    smin=58000,
    cur="USD",
    period="year",
    contacts={"https://lakeshoredl.example.org/careers"},
    posted=D(2027, 2, 15),
)

page(
    "_posts/2027-02-17-postdoctoral-fellowship.md",
    """---
title: Postdoctoral Fellowship in Computational Provenance Research
date: 2027-02-17
closing_date: "April 1, 2027"
---

The Harwell Center for the History of Collecting invites applications for a two-year
postdoctoral fellowship in computational provenance research, beginning September 2027.

The fellow receives an annual stipend of $61,000, health insurance and $3,000 a year in
research funds. The fellowship is in residence at the Center in Pasadena, California.

Submit a cover letter, CV, writing sample and two letters of recommendation through
https://harwellcenter.example.org/fellowships/apply.
""",
    kind="job",
    title="Postdoctoral Fellowship in Computational Provenance Research",
    org="Harwell Center for the History of Collecting",
    location="Pasadena",
    remote=False,
    deadline=D(2027, 4, 1),
    ouf=False,
    closed=False,
    smin=61000,
    cur="USD",
    period="year",
    etype="temporary",
    contacts={"https://harwellcenter.example.org/fellowships/apply"},
    posted=D(2027, 2, 17),
)

page(
    "_posts/2027-02-18-summer-internship-digital-collections.md",
    """---
title: Summer Internship in Digital Collections
date: 2027-02-18
categories: [internships]
---

The Prairie State Historical Society offers a paid ten-week summer internship in its digital
collections program, from June 7 to August 13, 2027.

The internship pays $18 per hour for 35 hours per week. The internship is fully remote;
interns must live in the United States for the whole internship.

Deadline to apply: April 2, 2027. Send a resume, a short statement of interest and an
unofficial transcript to internships@prairiehistory.example.org.
""",
    kind="job",
    title="Summer Internship in Digital Collections",
    org="Prairie State Historical Society",
    remote=True,
    regions=["United States"],
    deadline=D(2027, 4, 2),
    ouf=False,
    closed=False,
    smin=18,
    cur="USD",
    period="hour",
    etype="internship",
    contacts={"internships@prairiehistory.example.org"},
    posted=D(2027, 2, 18),
)

page(
    "_posts/2027-02-19-volunteer-archive-guides.md",
    """---
title: Volunteer role - Reading Room Guide
date: 2027-02-19
categories: [volunteering]
---

Do you enjoy helping people find things out? Our reading room volunteers welcome visitors,
show them how to use the catalogue and handle original documents.

This is an unpaid voluntary role of three to four hours a week. We reimburse travel expenses
and offer full training. No previous experience is needed.

To find out more, write to volunteers@eastridingarchive.example.org.uk.
""",
    kind=("other", "news"),
    title="Volunteer role - Reading Room Guide",
    posted=D(2027, 2, 19),
)

page(
    "_posts/2027-02-22-backend-developer-countries.md",
    """---
title: Backend Developer (Python)
date: 2027-02-22
tags: [jobs, remote]
---

OpenCatalogue Foundation builds the open-source cataloguing tool used by over 300 museums. We
are a fully remote team and are hiring a Backend Developer.

We can employ you through our payroll partner if you live in one of these countries:

- Germany
- the Netherlands
- Ireland
- Portugal
- Poland

Salary: €58,000 to €68,000 per year, plus a home-office allowance.

Apply by 21 March 2027 at https://opencatalogue.example.org/jobs/backend-developer.
""",
    kind="job",
    title="Backend Developer (Python)",
    org="OpenCatalogue Foundation",
    remote=True,
    regions=["Germany", "Netherlands", "Ireland", "Portugal", "Poland"],
    deadline=D(2027, 3, 21),
    ouf=False,
    closed=False,
    smin=58000,
    smax=68000,
    cur="EUR",
    period="year",
    contacts={"https://opencatalogue.example.org/jobs/backend-developer"},
    posted=D(2027, 2, 22),
)

page(
    "_posts/2027-02-24-data-manager-london.md",
    """---
title: Collections Data Manager
date: 2027-02-24
---

The Thameside Museum of Science is looking for a Collections Data Manager to look after its
collections management system and the data of 400,000 objects.

This is a hybrid role: you will be on site at our Kensington office 3 days a week, and can
work from home for the rest.

Salary: £42,000 - £47,000 per annum, plus a generous pension. Full time, permanent.

You must be eligible to work in the UK; we are unable to sponsor visas for this role. Closing
date: 17 March 2027. Apply via https://careers.thamesidescience.example.org.uk/cdm-27.
""",
    kind="job",
    title="Collections Data Manager",
    org="Thameside Museum of Science",
    location="Kensington",
    remote=True,
    deadline=D(2027, 3, 17),
    ouf=False,
    closed=False,
    smin=42000,
    smax=47000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://careers.thamesidescience.example.org.uk/cdm-27"},
    posted=D(2027, 2, 24),
)

page(
    "_posts/2027-02-25-repository-manager-reposted.md",
    """---
title: Repository Manager (reposted)
date: 2027-02-25
---

**Reposted 25 February 2027. Candidates who applied in January need not apply again.**

Kestrel University Library in Galway is seeking a Repository Manager to run its institutional
repository and open-access services.

- Salary scale: €52,000 - €67,000 per annum
- Contract: permanent, full-time
- New closing date: Friday, 19 March 2027 at 5pm (Irish time)

Apply through https://kestrel.example.ie/vacancies/repository-manager. Queries to
Siobhán Ní Bhriain, siobhan.nibhriain@kestrel.example.ie.
""",
    kind="job",
    title="Repository Manager (reposted)",
    org="Kestrel University Library / Kestrel University",
    location="Galway",
    remote=None,
    deadline=D(2027, 3, 19),
    ouf=False,
    closed=False,
    smin=52000,
    smax=67000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={
        "https://kestrel.example.ie/vacancies/repository-manager",
        "siobhan.nibhriain@kestrel.example.ie",
    },
    posted=D(2027, 2, 25),
)

page(
    "_posts/2027-01-20-oral-history-archivist-filled.md",
    """---
title: Oral History Archivist
date: 2027-01-20
---

> **Update, 3 March 2027: this position has been filled. Thank you to everyone who applied.**

The Delta Folklife Center in Clarksdale, Mississippi, is hiring an Oral History Archivist to
process and digitise 1,200 recorded interviews.

Full-time, grant funded for two years. Salary $48,000 per year plus benefits.

Send your application to search@deltafolklife.example.org by February 20, 2027.
""",
    kind="job",
    title="Oral History Archivist",
    org="Delta Folklife Center",
    location="Clarksdale",
    remote=None,
    deadline=D(2027, 2, 20),
    ouf=False,
    closed=True,
    smin=48000,
    cur="USD",
    period="year",
    etype="temporary",
    contacts={"search@deltafolklife.example.org"},
    posted=D(2027, 1, 20),
)

page(
    "_posts/2027-02-26-linked-data-developer-leiden.md",
    """---
title: Linked Data Developer
date: 2027-02-26
location: [Leiden, Amsterdam]
expires: 2027-04-01
tags: [vacancy, hybrid]
---

The Netherlands Platform for Cultural Data connects the collections of museums, archives and
libraries. We are looking for a Linked Data Developer for 32 to 36 hours a week.

You will work from our offices in Leiden or Amsterdam and from home. We offer a salary of
between €3,800 and €5,400 gross per month (scale 10 of the collective agreement for museums),
plus an 8% holiday allowance.

Send your motivation and CV to vacatures@nlculturaldata.example.nl.
""",
    kind="job",
    title="Linked Data Developer",
    org="Netherlands Platform for Cultural Data",
    location="Leiden",
    remote=True,
    deadline=D(2027, 4, 1),
    ouf=False,
    closed=False,
    smin=3800,
    smax=5400,
    cur="EUR",
    period="month",
    contacts={"vacatures@nlculturaldata.example.nl"},
    posted=D(2027, 2, 26),
)

page(
    "_posts/2027-03-01-web-archivist-remote.md",
    """---
title: Web Archivist
date: 01/03/2027
closing_date: 29 March 2027
categories: [jobs, remote]
---

The Internet Heritage Trust, a charity that preserves the websites of British community
organisations, is recruiting a Web Archivist to run its crawls and quality assurance.

The post is home-based, 0.6 FTE (three days a week), on a salary of £34,000 per annum pro
rata.

Please send a CV and supporting statement to recruitment@internetheritage.example.org.uk.
""",
    kind="job",
    title="Web Archivist",
    org="Internet Heritage Trust",
    remote=True,
    deadline=D(2027, 3, 29),
    ouf=False,
    closed=False,
    smin=34000,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"recruitment@internetheritage.example.org.uk"},
    posted=D(2027, 3, 1),
)

page(
    "_posts/2027-03-03-zurich-two-positions.md",
    """---
title: Two positions at the Zurich Centre for Digital Heritage
date: 2027-03-03
tags: [jobs]
---

The Zurich Centre for Digital Heritage at the University of Zurich develops tools for the
digital study of cultural heritage. We are filling two positions from 1 June 2027.

### Research Software Engineer (80-100%)

You will develop our annotation platform in Python and TypeScript. Salary according to the
University of Zurich pay scale, from CHF 98,000 per year at 100%. Permanent position.

### Project Coordinator (60%)

You will coordinate our national digitisation partnership, fixed-term for three years.
Salary from CHF 86,000 per year at 100%, pro rata.

Applications for both positions are accepted until 31 March 2027 through
https://jobs.uzh.example.ch/zcdh-2027. Questions: Dr. Lea Brunner, lea.brunner@zcdh.example.ch.
""",
    kind="job",
    title="Two positions at the Zurich Centre for Digital Heritage",
    org="Zurich Centre for Digital Heritage / University of Zurich",
    positions=[
        dict(
            title="Research Software Engineer (80-100%)",
            deadline=D(2027, 3, 31),
            smin=98000,
            cur="CHF",
            period="year",
            contacts={
                "https://jobs.uzh.example.ch/zcdh-2027",
                "lea.brunner@zcdh.example.ch",
            },
        ),
        dict(
            title="Project Coordinator (60%)",
            deadline=D(2027, 3, 31),
            smin=86000,
            cur="CHF",
            period="year",
            etype="temporary",
            contacts={
                "https://jobs.uzh.example.ch/zcdh-2027",
                "lea.brunner@zcdh.example.ch",
            },
        ),
    ],
    posted=D(2027, 3, 3),
)

page(
    "_posts/2027-03-04-project-update-hiring-later.md",
    """---
title: "Project update: the first 10,000 maps are online"
date: 2027-03-04
categories: [news]
---

We have reached our first milestone: 10,000 historical maps from the county collection are now
online, with georeferencing for 6,500 of them.

The second phase starts in the autumn. We will be hiring a project archivist and a GIS
assistant for it later this year, so watch this space; the posts will be advertised here and on
our mailing list.

Thanks to the 140 volunteers who checked the georeferencing.
""",
    kind="news",
    title="Project update: the first 10,000 maps are online",
    posted=D(2027, 3, 4),
)

page(
    "_posts/2027-03-05-conservator-mojibake.md",
    """---
title: Paper Conservator
date: 2027-03-05
---

The Marchmont Record Officeâ€™s conservation studio in Carlisle is looking for a Paper
Conservator to treat maps, deeds and parish registers.

Salary: Â£29,500 â€“ Â£32,800 per annum. Full time, 37 hours per week, permanent.

Closing date: 26 March 2027. For an application pack, email jobs@marchmontro.example.org.uk.
""".replace("\n", "\r\n"),
    kind="job",
    title="Paper Conservator",
    org="Marchmont Record Office",
    location="Carlisle",
    remote=None,
    deadline=D(2027, 3, 26),
    ouf=False,
    closed=False,
    smin=29500,
    smax=32800,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"jobs@marchmontro.example.org.uk"},
    posted=D(2027, 3, 5),
)

page(
    "_posts/2027-03-08-library-technician-long-line.md",
    "---\ntitle: Library Technician II - Special Collections\ndate: 2027-03-08\n---\n\n"
    "Mesa Verde State University Library is accepting applications for a Library Technician II "
    "in Special Collections and Archives in Flagstaff, Arizona. The Technician processes "
    "manuscript collections, creates finding aids in ArchivesSpace, scans photographs for the "
    "digital repository and supervises two student assistants. Minimum qualifications: an "
    "associate degree and two years of library or archives experience. Salary: $47,840.00 - "
    "$52,000.00 Annually. Job Type: Full-Time. Closing Date: 4/30/2027. This is an in-person "
    "position; remote work is not available. For full consideration apply online at "
    "https://careers.mesaverde.example.edu/postings/21904 with a cover letter and resume. "
    "Mesa Verde State University is an Equal Opportunity / Affirmative Action employer and "
    "welcomes applications from veterans and people with disabilities. "
    + "Benefits include health, dental and vision insurance, a state pension and tuition "
    "waivers for employees and their dependents. " * 12 + "\n",
    kind="job",
    title="Library Technician II - Special Collections",
    org="Mesa Verde State University Library / Mesa Verde State University",
    location="Flagstaff",
    remote=False,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=47840,
    smax=52000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://careers.mesaverde.example.edu/postings/21904"},
    posted=D(2027, 3, 8),
)

PAGES.hold_out()

# ---------------------------------------------------------------- held out A

page(
    "_posts/2027-03-10-archives-specialist-kansas.md",
    """---
title: Archives Specialist
date: 2027-03-10
tag: job
---

| | |
|---|---|
| Department | Spencer Research Archives |
| Work Location | Lawrence, KS |
| Pay Grade | 12 |
| Salary Range | $51,500 - $57,000 per year |
| Employment Type | Full-Time, Benefits Eligible |
| Remote Work Eligible | Hybrid |
| Posting Close Date | 03/31/2027 |
| Open Until Filled | No |

**Position Overview.** The Archives Specialist arranges and describes university records and
faculty papers and answers reference questions from researchers.

Wakarusa State University. Apply at https://jobs.wakarusa.example.edu/postings/5521.
""",
    kind="job",
    title="Archives Specialist",
    org="Wakarusa State University / Spencer Research Archives",
    location="Lawrence",
    remote=True,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=False,
    smin=51500,
    smax=57000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://jobs.wakarusa.example.edu/postings/5521"},
    posted=D(2027, 3, 10),
)

page(
    "_posts/2027-03-11-digital-archivist-aarhus.md",
    """---
title: Digital Archivist at the Jutland Archives of Labour History
date: 2027-03-11
---

The Jutland Archives of Labour History in Aarhus seek a digital archivist for a permanent,
full-time position (37 hours per week) from 1 May 2027.

You will take in born-digital records from trade unions and associations and plan their long-
term preservation.

Salary and terms of employment are in accordance with the collective agreement between the
Ministry of Finance and the Danish Confederation of Professional Associations.

Application deadline: 4 April 2027 at 23:59 CET. Apply via the link
https://jala.example.dk/job/digital-archivist.
""",
    kind="job",
    title="Digital Archivist at the Jutland Archives of Labour History",
    org="Jutland Archives of Labour History",
    location="Aarhus",
    remote=None,
    deadline=D(2027, 4, 4),
    ouf=False,
    closed=False,
    smin=None,
    etype="full-time",
    contacts={"https://jala.example.dk/job/digital-archivist"},
    posted=D(2027, 3, 11),
)

page(
    "_posts/2027-03-12-data-specialist-helsinki.md",
    """---
title: Data Specialist, Digital Humanities (fixed term)
date: 2027-03-12
---

The Helsinki Centre for Language Heritage is recruiting a Data Specialist for a fixed-term
position until 31.12.2028.

The salary will be based on level 5 of the demands of work in the salary system for
universities. In addition, a personal performance bonus is paid. The total starting salary
will be approximately €3,350 per month.

Please submit your application by 28 February 2027 at 15:45 Finnish time, through
https://rekry.hclh.example.fi/data-specialist. Further information: project director Aino
Virtanen, aino.virtanen@hclh.example.fi.
""",
    kind="job",
    title="Data Specialist, Digital Humanities (fixed term)",
    org="Helsinki Centre for Language Heritage",
    remote=None,
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=False,
    smin=3350,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={
        "https://rekry.hclh.example.fi/data-specialist",
        "aino.virtanen@hclh.example.fi",
    },
    posted=D(2027, 3, 12),
)

page(
    "_posts/2027-03-15-postdoc-barcelona.md",
    """---
title: Postdoctoral Researcher in Computational Archival Science
date: 2027-03-15
---

The Institute of Documentary Heritage of Catalonia (IDHC) in Barcelona offers a three-year
postdoctoral contract within the research project ARXIU-ML.

Conditions:

- Full-time contract for three years, starting in September 2027
- Gross annual salary of €32,400, paid in 12 monthly payments
- Workplace: IDHC headquarters, Barcelona

Applications should be sent by 15th April 2027 to seleccio@idhc.example.cat, with a CV, a
research statement and two references.
""",
    kind="job",
    title="Postdoctoral Researcher in Computational Archival Science",
    org="Institute of Documentary Heritage of Catalonia",
    location="Barcelona",
    remote=None,
    deadline=D(2027, 4, 15),
    ouf=False,
    closed=False,
    smin=32400,
    cur="EUR",
    period="year",
    etype="temporary",
    contacts={"seleccio@idhc.example.cat"},
    posted=D(2027, 3, 15),
)

page(
    "_posts/2027-03-16-graduate-assistantship.md",
    """---
title: Graduate Assistantship, Digital Humanities Lab
date: 2027-03-16
expires: 2027-05-01
---

The Cooper River University Digital Humanities Lab invites applications for a graduate
assistantship for the 2027-28 academic year. The assistant works 20 hours per week on the
Lab's text-encoding projects.

The assistantship includes a stipend of $20,000 for the academic year and full tuition
remission. Applicants must be admitted to a graduate program at Cooper River University.

Applications are accepted through May 1, 2027. Send a CV and a one-page letter to
dhlab@cooperriver.example.edu.
""",
    kind="job",
    title="Graduate Assistantship, Digital Humanities Lab",
    org=(
        "Digital Humanities Lab / Cooper River University Digital Humanities Lab"
        " / Cooper River University"
    ),
    remote=None,
    deadline=D(2027, 5, 1),
    ouf=False,
    closed=False,
    smin=20000,
    cur="USD",
    period="year",
    etype="part-time",
    contacts={"dhlab@cooperriver.example.edu"},
    posted=D(2027, 3, 16),
)

page(
    "_posts/2027-03-17-volunteer-web-editor.md",
    """---
title: "Get involved: volunteer web editor"
date: 2027-03-17
tags: [volunteer, remote]
---

The Society for Industrial Archaeology of the Pennines is run entirely by volunteers. We are
looking for a volunteer web editor to keep our website's news and events pages up to date.

The role is unpaid and can be done from home, for about two hours a week. If you would like to
help, email the secretary at secretary@siap.example.org.uk.
""",
    kind=("other", "news"),
    title="Get involved: volunteer web editor",
    posted=D(2027, 3, 17),
)

page(
    "_posts/2027-03-18-product-manager-remote-countries.md",
    """---
title: Product Manager, Discovery
date: 2027-03-18
---

Scholarly Commons Network is a non-profit that runs open discovery infrastructure for
research libraries. Our staff work remotely.

We can currently hire in:
* Canada
* the United Kingdom
* Australia

The salary range for this role is $95,000-$115,000 USD per year.

We review applications on a rolling basis. Apply at https://scholarlycommons.example.org/jobs/pm.
""",
    kind="job",
    title="Product Manager, Discovery",
    org="Scholarly Commons Network",
    remote=True,
    regions=["Canada", "United Kingdom", "Australia"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=95000,
    smax=115000,
    cur="USD",
    period="year",
    contacts={"https://scholarlycommons.example.org/jobs/pm"},
    posted=D(2027, 3, 18),
)

page(
    "_posts/2027-03-19-systems-librarian-edinburgh.md",
    """---
title: Library Systems Officer
date: 2027-03-19
---

The Royal Society of Caledonian Antiquaries is looking for a Library Systems Officer to
manage its library management system, discovery layer and digital repository.

- Salary: £38,500 to £44,000
- Full time, 35 hours per week, open-ended contract
- Hybrid working: 3 days on site at our library in Edinburgh, 2 days from home
- Applicants must have the right to work in the UK

Closing date: 23:59 on 2 April 2027. Apply at https://rsca.example.org.uk/vacancies/lso.
""",
    kind="job",
    title="Library Systems Officer",
    org="Royal Society of Caledonian Antiquaries",
    location="Edinburgh",
    remote=True,
    deadline=D(2027, 4, 2),
    ouf=False,
    closed=False,
    smin=38500,
    smax=44000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://rsca.example.org.uk/vacancies/lso"},
    posted=D(2027, 3, 19),
)

page(
    "_posts/2027-01-25-state-library-position-filled.md",
    """---
title: Digital Projects Librarian
date: 2027-01-25
---

**POSITION FILLED - we thank all applicants for their interest.**

The Tidewater State Library in Richmond, Virginia, seeks a Digital Projects Librarian to manage
its digitization program.

Salary: $64,000 - $71,000, full-time with state benefits.

Applications were due February 28, 2027 through https://tidewater.example.gov/jobs/dpl.
""",
    kind="job",
    title="Digital Projects Librarian",
    org="Tidewater State Library",
    location="Richmond",
    remote=None,
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=True,
    smin=64000,
    smax=71000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://tidewater.example.gov/jobs/dpl"},
    posted=D(2027, 1, 25),
)

page(
    "_posts/2027-03-22-board-meeting-summary.md",
    """---
title: Summary of the March board meeting
date: 2027-03-22
---

The board met on 18 March. It approved the 2027 budget and the creation of a new Digital
Archivist post (Grade 6, £31,000 - £34,500), which will be advertised in May with a closing
date in June. The board also thanked the outgoing treasurer for eight years of service.

Minutes will be published on the members' area once approved.
""",
    kind=("news", "other"),
    title="Summary of the March board meeting",
    posted=D(2027, 3, 22),
)

# ---------------------------------------------------------------- held out B

page(
    "_posts/2027-03-24-two-vacancies-headings.md",
    """---
title: Vacancies at the Borders Archive Service
date: 2027-03-24
categories: [jobs]
---

The Borders Archive Service in Hawick has two vacancies.

## Vacancy: Cataloguing Assistant

Part-time, 21 hours per week, Grade 4 (£24,100 - £25,900 per annum pro rata). Permanent.
Closing date: 14 April 2027.

## Vacancy: Digitisation Officer

Full-time, fixed-term for 18 months, Grade 5 (£27,300 - £29,800 per annum). Closing date: 21
April 2027.

Application forms for either vacancy are available from archives@bordersarchive.example.org.uk.
""",
    kind="job",
    title="Vacancies at the Borders Archive Service",
    org="Borders Archive Service",
    positions=[
        dict(
            title="Cataloguing Assistant",
            location="Hawick",
            deadline=D(2027, 4, 14),
            smin=24100,
            smax=25900,
            cur="GBP",
            period="year",
            etype="part-time",
            contacts={"archives@bordersarchive.example.org.uk"},
        ),
        dict(
            title="Digitisation Officer",
            location="Hawick",
            deadline=D(2027, 4, 21),
            smin=27300,
            smax=29800,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={"archives@bordersarchive.example.org.uk"},
        ),
    ],
    posted=D(2027, 3, 24),
)

page(
    "_posts/2027-03-25-ux-designer-eu.md",
    """---
title: UX Designer
date: 2027-03-25
expires: "30.04.2027"
location: "Remote (EU)"
tags: [jobs, remote-first]
---

Europeana Labs Kollektiv is a small cooperative that designs interfaces for digital
collections. We are hiring a UX Designer for 30 hours a week.

The pay is €4,100 gross per month. Everyone works remotely, from anywhere in the EU.

Tell us about yourself at hello@elk.example.eu.
""",
    kind="job",
    title="UX Designer",
    org="Europeana Labs Kollektiv",
    remote=True,
    regions=["EU"],
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=4100,
    cur="EUR",
    period="month",
    etype="part-time",
    contacts={"hello@elk.example.eu"},
    posted=D(2027, 3, 25),
)

page(
    "_posts/2027-03-26-catalogatore-firenze.md",
    (
        "---\r\ntitle: Cataloguer of Photographic Collections\r\ndate: 2027-03-26\r\n---\r\n\r\n"
        "The Fondazione Archivio Fotografico Toscano in Florence is looking for a cataloguer of "
        "photographic collections, with a fixed-term contract of 18 months and a gross annual "
        "salary of €31,000. The cataloguer will describe 20,000 prints and negatives of the "
        "Alinari-era studios in our database and check the rights of each image. "
        "Knowledge of Italian and English is required; experience with photographic "
        "materials is an advantage. The work takes place at our premises in Florence. "
        "Applications, with CV and cover letter, must be sent to "
        "selezione@faft.example.it by 30 April 2027.\r\n"
    ),
    kind="job",
    title="Cataloguer of Photographic Collections",
    org="Fondazione Archivio Fotografico Toscano",
    location="Florence",
    remote=None,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=31000,
    cur="EUR",
    period="year",
    etype="temporary",
    contacts={"selezione@faft.example.it"},
    posted=D(2027, 3, 26),
)

page(
    "_posts/2027-03-29-curatorial-internship-rome.md",
    """---
title: Curatorial Internship (unpaid)
date: 2027-03-29
categories: [internships]
---

The Museo delle Arti Decorative in Rome offers a six-month curatorial internship for
university students, from October 2027 to March 2028.

The internship is unpaid; students may receive academic credit. Interns work on site in Rome,
four days a week.

Please apply by 31 May 2027 by sending a CV and a cover letter to tirocini@mad.example.it.
""",
    kind="job",
    title="Curatorial Internship (unpaid)",
    org="Museo delle Arti Decorative",
    location="Rome",
    remote=False,
    deadline=D(2027, 5, 31),
    ouf=False,
    closed=False,
    smin=None,
    etype="internship",
    contacts={"tirocini@mad.example.it"},
    posted=D(2027, 3, 29),
)

page(
    "_posts/2027-03-30-library-page.md",
    """---
title: Library Page (Part-Time)
date: 2027-03-30
---

Cedar Falls Public Library is hiring a Library Page to shelve materials and help patrons at
the main library in Cedar Falls, Iowa.

Pay: $15.50/hr. Schedule: 15-19 hours per week, including some evenings and Saturdays.

Applications reviewed beginning April 5, 2027. Posting closes April 16, 2027 at 11:59 PM.
Apply online: https://cedarfallslibrary.example.org/jobs
""",
    kind="job",
    title="Library Page (Part-Time)",
    org="Cedar Falls Public Library",
    location="Cedar Falls",
    remote=None,
    deadline=D(2027, 4, 16),
    ouf=False,
    closed=False,
    smin=15.5,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"https://cedarfallslibrary.example.org/jobs"},
    posted=D(2027, 3, 30),
)

page(
    "_posts/2027-03-31-research-fellowship-lisbon.md",
    """---
title: Research Fellowship (BI) - Digital Heritage Data
date: 2027-03-31
closing_date: 2027-04-30
---

Centro de Estudos do Património Digital (CEPD), Lisbon

Call for one research fellowship (Bolsa de Investigação) in the project "Azulejo Data".

Duration: 12 months, starting 1 July 2027, with exclusive dedication.
Stipend: 1,309.64 EUR per month, according to the FCT stipend table.
Place: CEPD, Lisbon.

Applications by e-mail to bolsas@cepd.example.pt, with CV and motivation letter.
""",
    kind="job",
    title="Research Fellowship (BI) - Digital Heritage Data",
    org="Centro de Estudos do Património Digital",
    location="Lisbon",
    remote=None,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=1309.64,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"bolsas@cepd.example.pt"},
    posted=D(2027, 3, 31),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("_posts/2027-03-24-two-vacancies-headings.md", "location[0]"): (
        "Hawick (14,000 people) is below the gazetteer's 15,000, so 'in Hawick has two"
        " vacancies' names no city to the place rule"
    ),
    ("_posts/2027-03-24-two-vacancies-headings.md", "location[1]"): "as location[0]",
}

# The pages of the held-out set's second batch.
HELD_OUT_B: frozenset[str] = frozenset(
    {
        "_posts/2027-03-24-two-vacancies-headings.md",
        "_posts/2027-03-25-ux-designer-eu.md",
        "_posts/2027-03-26-catalogatore-firenze.md",
        "_posts/2027-03-29-curatorial-internship-rome.md",
        "_posts/2027-03-30-library-page.md",
        "_posts/2027-03-31-research-fellowship-lisbon.md",
    }
)


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=30, jobs=20, others=4)

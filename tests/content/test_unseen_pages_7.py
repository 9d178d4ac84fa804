"""A seventh round of pages the loader had never seen, in shapes rounds 1-6 did not cover, with
what a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names): Wikimedia
chapters' and affiliates' calls for grants and residencies (not jobs), research-data posts at
universities in Canada, Australia, India and South Africa with their HR conventions (union
locals, "+ 17% super", "consolidated pay", "total cost to company"), US museum posts with a
pay-range table and a union note, titles that hold the place ("Archivist (Leeds, hybrid)"),
deadlines written "COB Friday 5 March", "midnight AEST", "by 17:00 on …", as an ISO week date,
or "on a rolling basis until …", remote work bounded by time-zone words ("overlap with US
Eastern hours"), application by web form only, a page that links a PDF description and says
little itself, postings in English from Latin America and East Asia, and a post closed by an
"UPDATE: this position has been filled" line at its foot.

Two sets, each written before any fix for it: the first set (fixed against) and the held-out
set, scored blind once on the first set's rules. /work/notes/loader-unseen-7.md has the
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
    "_posts/2027-02-15-wikimedian-in-residence-call.md",
    """---
layout: post
title: "Call for hosts: Wikimedian in Residence 2027"
date: 2027-02-15
categories: [news, glam]
---

Wikimedia Nordvest, the chapter for the west of the country, opens its yearly call for
cultural institutions that want to host a Wikimedian in Residence. A residency lasts six
months; the chapter pays a grant of up to 90,000 NOK towards the resident's time, and the host
gives a desk, access to its collections and a named contact.

Who can apply: museums, archives and libraries in Bergen, Stavanger and the surrounding
region. Joint applications from two smaller institutions are welcome.

Send the two-page proposal form to glam@nordvest.example.no by 31 March 2027. We announce
the hosts in early May.
""",
    kind=("news", "other"),
    title="Call for hosts: Wikimedian in Residence 2027",
    posted=D(2027, 2, 15),
)

page(
    "_posts/2027-02-20-rapid-grants-spring.md",
    """---
title: Rapid grants for community projects — spring round
date: 2027-02-20
---

The Wikimedia User Group Río de la Plata funds small projects that improve free knowledge
about the region: photo walks, edit-a-thons in libraries, transcription of local newspapers.

- Grants from USD 300 to USD 2,000
- Open to volunteers and to groups of volunteers
- Applications open until 15 April 2027, or until the round's budget is spent

Fill in the application on Meta-Wiki and tell us about it on our talk page. Questions go to
grants@riodelaplata-wm.example.org.
""",
    kind=("news", "other"),
    title="Rapid grants for community projects — spring round",
    posted=D(2027, 2, 20),
)

page(
    "careers/research-data-management-specialist-kingston.md",
    """---
title: Research Data Management Specialist
date: 2027-02-22
---

**Lakeshore University Library** — Kingston, Ontario

Posting number: LIB-2027-014
Employee group: USW Local 2010 (support staff)
Appointment type: Continuing, full-time (35 hours per week)
Salary range: $78,412 – $92,180 per annum (Grade 9)

The Research Data Management Specialist helps researchers write data management plans,
deposit data in the university's Dataverse collection and meet the tri-agency policy.

Lakeshore University is committed to employment equity and diversity. All qualified
candidates are encouraged to apply; Canadians and permanent residents will be given priority.

Posting closes: March 12, 2027 at 11:59 p.m. EST. Apply through the Careers site:
https://careers.lakeshoreu.example.ca/postings/LIB-2027-014
""",
    kind="job",
    title="Research Data Management Specialist",
    org="Lakeshore University Library / Lakeshore University",
    location="Kingston",
    deadline=D(2027, 3, 12),
    ouf=False,
    closed=False,
    smin=78412,
    smax=92180,
    cur="CAD",
    period="year",
    etype="full-time",
    contacts={"https://careers.lakeshoreu.example.ca/postings/LIB-2027-014"},
    posted=D(2027, 2, 22),
)

page(
    "_posts/2027-02-24-research-data-librarian-brisbane.md",
    """---
title: Research Data Librarian (HEW Level 7)
date: 2027-02-24
---

Moreton Bay University, Brisbane campus

- Full-time, fixed-term for 2 years
- HEW Level 7: $101,580 – $109,422 p.a. + 17% super

Moreton Bay University's Library supports 2,000 higher-degree researchers. As Research Data
Librarian you will run training in data management, advise on the university's repository
and work with eResearch on storage for large collections.

To apply, upload a CV and a response to the selection criteria through the jobs portal
(https://jobs.moretonbay.example.edu.au/en/job/51277).

Applications close midnight AEST, Sunday 14 March 2027.
""",
    kind="job",
    title="Research Data Librarian (HEW Level 7)",
    org="Moreton Bay University",
    location="Brisbane",
    deadline=D(2027, 3, 14),
    ouf=False,
    closed=False,
    smin=101580,
    smax=109422,
    cur="AUD",
    period="year",
    etype="temporary",
    contacts={"https://jobs.moretonbay.example.edu.au/en/job/51277"},
    posted=D(2027, 2, 24),
)

page(
    "jobs/project-data-curator-bengaluru.md",
    """---
title: Project Data Curator (contractual)
date: 2027-02-25
---

Applications are invited from eligible candidates for the post of Project Data Curator in
the project "Digitising the Mysore Palace Records", funded by the Ministry of Culture and
hosted by the Deccan Institute of Archival Studies, Bengaluru.

| | |
|---|---|
| No. of posts | 1 |
| Emoluments | Consolidated ₹60,000 per month |
| Tenure | One year, extendable by a further year on performance |
| Age limit | 35 years as on the last date |

Essential: Master's degree in Library and Information Science or History, with 55% marks.

Interested candidates may send their CV and copies of certificates to
recruitment@dias.example.in. Last date for receipt of applications: 15-03-2027. Only
shortlisted candidates will be called for an interview; no TA/DA will be paid.
""",
    kind="job",
    title=("Project Data Curator (contractual)", "Project Data Curator"),
    org="Deccan Institute of Archival Studies",
    location="Bengaluru",
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=False,
    smin=60000,
    cur="INR",
    period="month",
    etype="temporary",
    contacts={"recruitment@dias.example.in"},
    posted=D(2027, 2, 25),
)

page(
    "_posts/2027-02-26-rdm-officer-pretoria.md",
    """---
title: "Vacancy: Research Data Management Officer"
date: 2027-02-26
---

The University of the Highveld invites applications for a permanent post in its Library and
Information Services, based on the Hatfield campus in Pretoria.

**Remuneration:** R 520 000 – R 610 000 per annum (total cost to company)

The officer will support researchers in managing and sharing data, look after the
institutional data repository, and teach postgraduate workshops.

Preference will be given to candidates in line with the university's employment equity plan.

Closing date: 12 March 2027. Apply online at https://careers.highveld.example.ac.za; enquiries
to Ms N. Dlamini, rdm-jobs@highveld.example.ac.za. If you have not heard from us within six
weeks of the closing date, please take it that your application was not successful.
""",
    kind="job",
    title=("Vacancy: Research Data Management Officer", "Research Data Management Officer"),
    org="University of the Highveld",
    location="Pretoria",
    deadline=D(2027, 3, 12),
    ouf=False,
    closed=False,
    smin=520000,
    smax=610000,
    cur="ZAR",
    period="year",
    etype="full-time",
    contacts={"https://careers.highveld.example.ac.za", "rdm-jobs@highveld.example.ac.za"},
    posted=D(2027, 2, 26),
)

page(
    "_posts/2027-03-01-collections-technician-cleveland.md",
    """---
title: Collections Technician
date: 2027-03-01
---

The Cuyahoga Museum of Industry and Labor is looking for a Collections Technician to move,
pack and install objects, from machine parts to union banners, for exhibitions and loans.

| Pay range | Schedule | Status |
|---|---|---|
| $24.50 – $27.00 per hour | Tuesday–Saturday, 8 a.m.–4:30 p.m. | Full-time, non-exempt |

This position is part of a bargaining unit represented by AFSCME Local 3361. Pay rates are
set by the collective bargaining agreement.

Our building is in downtown Cleveland, Ohio, and this work is done on site.

Apply using the form on our website: https://cmil.example.org/jobs/apply?req=CT-27. We
review applications as they arrive; the position is open until filled.
""",
    kind="job",
    title="Collections Technician",
    org="Cuyahoga Museum of Industry and Labor",
    location="Cleveland",
    remote=False,
    deadline=None,
    ouf=True,
    closed=False,
    smin=24.50,
    smax=27.00,
    cur="USD",
    period="hour",
    etype="full-time",
    contacts={"https://cmil.example.org/jobs/apply?req=CT-27"},
    posted=D(2027, 3, 1),
)

page(
    "_posts/2027-04-19-archivist-leeds-hybrid.md",
    """---
title: Archivist (Leeds, hybrid)
date: 2027-04-19
---

Aire Valley Archives Trust looks after the records of mills, chapels and co-operative
societies across West Yorkshire. We need an archivist to catalogue newly deposited
collections and answer enquiries from family and local historians.

You will be in the searchroom three days a week and can work from home on the others.

- 30 hours per week (part-time), permanent
- £27,500 pro rata

Please email a CV and covering letter to jobs@airevalley-archives.example.org.uk by
17:00 on 3 May 2027. Interviews will take place in the week beginning 17 May.
""",
    kind="job",
    title="Archivist (Leeds, hybrid)",
    org="Aire Valley Archives Trust",
    location="Leeds",
    remote=True,
    deadline=D(2027, 5, 3),
    ouf=False,
    closed=False,
    smin=27500,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"jobs@airevalley-archives.example.org.uk"},
    posted=D(2027, 4, 19),
)

page(
    "_posts/2027-02-22-digitisation-officer-sydney.md",
    """---
title: Digitisation Officer
date: 2027-02-22
---

The Harbourside Maritime Collection in Sydney is digitising 12,000 ships' plans and
photographs. We're after a Digitisation Officer for a 12-month contract, full-time, to run
the imaging studio and check the metadata that goes with every file.

Salary: $82,000 plus superannuation.

How to apply: send a résumé and a one-page letter to people@harbourside.example.com.au,
quoting DO-2027. Applications close COB Friday 5 March.
""",
    kind="job",
    title="Digitisation Officer",
    org="Harbourside Maritime Collection",
    location="Sydney",
    deadline=D(2027, 3, 5),
    ouf=False,
    closed=False,
    smin=82000,
    cur="AUD",
    period="year",
    etype="temporary",
    contacts={"people@harbourside.example.com.au"},
    posted=D(2027, 2, 22),
)

page(
    "jobs/2027/systemutvecklare-uppsala.md",
    """---
title: Systems Developer, Digital Collections
date: 2027-02-28
location: Uppsala, Sweden
---

Fyris Regional Museum has 1.2 million objects in its collection database and a new public
website to build on top of it. We are looking for a developer who knows Python and is curious
about museum data.

Employment: permanent, full-time, with a six-month probationary period. Salary by agreement.

Send your application through our recruitment system, https://fyrismuseum.example.se/jobb.
Last day to apply: 2027-W11-5.
""",
    kind="job",
    title="Systems Developer, Digital Collections",
    org="Fyris Regional Museum",
    location="Uppsala",
    deadline=D(2027, 3, 19),
    ouf=False,
    closed=False,
    smin=None,
    etype="full-time",
    contacts={"https://fyrismuseum.example.se/jobb"},
    posted=D(2027, 2, 28),
)

page(
    "_posts/2027-03-02-metadata-specialist-rolling.md",
    """---
title: Metadata Specialist
date: 2027-03-02
---

Tessellate Press publishes open-access monographs in art history. We are hiring a Metadata
Specialist to feed our books to libraries, aggregators and indexes (ONIX, MARC, Crossref).

This is a full-time role based in our Utrecht office.

Salary: €3,400 – €4,100 gross per month, plus holiday allowance.

We review applications on a rolling basis until 30 April 2027. Write to
work@tessellatepress.example.nl with your CV.
""",
    kind="job",
    title="Metadata Specialist",
    org="Tessellate Press",
    location="Utrecht",
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=3400,
    smax=4100,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"work@tessellatepress.example.nl"},
    posted=D(2027, 3, 2),
)

page(
    "_posts/2027-03-03-developer-advocate-remote.md",
    """---
title: Developer Advocate (remote)
date: 2027-03-03
---

Lodestar Collections Cloud hosts collection management systems for 300 museums. We are
looking for a Developer Advocate to write guides for our API and help museum technologists
build on it.

The role is fully remote, but you will need at least four hours of overlap with US Eastern
hours each working day for calls with customers and the team.

- Full-time
- $105,000–$120,000 a year

Apply at https://lodestarcloud.example.com/careers/developer-advocate — no email
applications, please.
""",
    kind="job",
    title=("Developer Advocate (remote)", "Developer Advocate"),
    org="Lodestar Collections Cloud",
    remote=True,
    deadline=None,
    closed=False,
    smin=105000,
    smax=120000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://lodestarcloud.example.com/careers/developer-advocate"},
    posted=D(2027, 3, 3),
)

page(
    "_posts/2027-03-04-paper-conservator-pdf.md",
    """---
title: Paper Conservator
date: 2027-03-04
---

The Norwich Record Office is recruiting a Paper Conservator (permanent, full-time).

Full details of the role, the person specification and the salary are in the
[job description (PDF, 240 KB)](/assets/jobs/paper-conservator-2027.pdf).

Closing date: 26 March 2027.

To apply, complete the application form on our website,
https://www.norwichrecordoffice.example.gov.uk/vacancies.
""",
    kind="job",
    title="Paper Conservator",
    org="Norwich Record Office",
    location="Norwich",
    deadline=D(2027, 3, 26),
    ouf=False,
    closed=False,
    smin=None,
    etype="full-time",
    contacts={"https://www.norwichrecordoffice.example.gov.uk/vacancies"},
    posted=D(2027, 3, 4),
)

page(
    "_posts/2027-03-05-digital-archive-coordinator-cdmx.md",
    """---
title: Digital Archive Coordinator
date: 2027-03-05
---

*Esta convocatoria también está disponible en español.*

The Fundación Casa de la Memoria Obrera, in Mexico City, keeps the papers and photographs of
trade unions from the twentieth century. We are looking for a Digital Archive Coordinator to
lead a two-year project to describe and publish 40,000 photographs.

- Contract: 24 months, full-time, on site in Coyoacán
- Monthly gross salary: MXN 38,000, plus benefits under Mexican law

Send your CV in Spanish or English to convocatorias@casamemoria.example.org.mx.
Deadline: 26/03/2027.
""",
    kind="job",
    title="Digital Archive Coordinator",
    org="Fundación Casa de la Memoria Obrera",
    location="Mexico City",
    deadline=D(2027, 3, 26),
    ouf=False,
    closed=False,
    smin=38000,
    cur="MXN",
    period="month",
    etype="temporary",
    contacts={"convocatorias@casamemoria.example.org.mx"},
    posted=D(2027, 3, 5),
)

page(
    "_posts/2027-03-08-digital-curator-seoul.md",
    """---
title: Digital Curator (English-speaking)
date: 2027-03-08
---

The Hangang Museum of Modern Craft in Seoul is hiring a Digital Curator to build the
museum's English-language online collection and to work with partner museums abroad.

**Conditions**
- Annual salary: KRW 42,000,000 (before tax)
- One-year contract, renewable; full-time
- Korean is a plus, not a requirement

Please send a CV, a cover letter and two writing samples to recruit@hmmc.example.kr by
2027.03.26 (KST).
""",
    kind="job",
    title=("Digital Curator (English-speaking)", "Digital Curator"),
    org="Hangang Museum of Modern Craft",
    location="Seoul",
    deadline=D(2027, 3, 26),
    ouf=False,
    closed=False,
    smin=42000000,
    cur="KRW",
    period="year",
    etype="temporary",
    contacts={"recruit@hmmc.example.kr"},
    posted=D(2027, 3, 8),
)

page(
    "_posts/2027-01-11-volunteer-coordinator-bristol.md",
    """---
title: Volunteer Coordinator
date: 2027-01-11
---

The Avon Gorge Heritage Railway in Bristol is looking for a Volunteer Coordinator to recruit,
train and thank the 150 volunteers who keep our trains and stations running.

- Part-time, 21 hours a week, permanent
- £24,000 per annum pro rata

Apply by sending a CV to jobs@avongorge-railway.example.org.uk. Closing date: 5 February 2027.

UPDATE: this position has been filled. Thank you to everyone who applied.
""",
    kind="job",
    title="Volunteer Coordinator",
    org="Avon Gorge Heritage Railway",
    location="Bristol",
    deadline=D(2027, 2, 5),
    closed=True,
    smin=24000,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"jobs@avongorge-railway.example.org.uk"},
    posted=D(2027, 1, 11),
)

# ---------------------------------------------------------------- held out (scored blind once)
PAGES.hold_out()

page(
    "_posts/2027-03-10-residency-call-wiki-loves-archives.md",
    """---
title: Open call — archive residencies with Wikimedia Eesti Ühendus
date: 2027-03-10
---

Are you a Wikipedian who would like to spend three months inside an archive? Together with
three county archives, our affiliate offers two residencies in autumn 2027, in Tartu and
Pärnu. Residents receive a stipend of €1,500 a month and travel costs.

The residency is not employment: residents stay volunteers and keep their own schedule.

Apply with the online form by 30 April 2027; the jury's choice is announced in June.
""",
    kind=("news", "other"),
    title="Open call — archive residencies with Wikimedia Eesti Ühendus",
    posted=D(2027, 3, 10),
)

page(
    "careers/digital-preservation-analyst-vancouver.md",
    """---
title: Digital Preservation Analyst
date: 2027-03-11
---

Pacific Coast University Archives, Vancouver, British Columbia

Union: CUPE Local 116
Position type: Full-time, temporary (until 31 March 2028)
Salary range: $74,300 - $86,900 per year

The Digital Preservation Analyst looks after the Archives' preservation system, writes
workflows for born-digital acquisitions and checks the fixity of 300 TB of files.

We acknowledge that our campus is on the traditional, ancestral and unceded territory of the
Musqueam people.

The posting closes at 4:30 p.m. (PT) on April 2, 2027. Apply through Workday:
https://pacificcoast.example.ca/workday/req-30418
""",
    kind="job",
    title="Digital Preservation Analyst",
    org="Pacific Coast University Archives / Pacific Coast University",
    location="Vancouver",
    deadline=D(2027, 4, 2),
    ouf=False,
    closed=False,
    smin=74300,
    smax=86900,
    cur="CAD",
    period="year",
    etype="temporary",
    contacts={"https://pacificcoast.example.ca/workday/req-30418"},
    posted=D(2027, 3, 11),
)

page(
    "_posts/2027-03-12-data-steward-adelaide.md",
    """---
title: Data Steward, Humanities and Social Sciences
date: 2027-03-12
---

The University of the Southern Gulf is seeking a Data Steward to help humanities and social
science researchers manage, describe and share their data. Based on our North Terrace campus
in Adelaide. Continuing, full-time appointment.

Remuneration: Level 6, $92,150 – $99,870 per annum, plus an employer contribution of 17%
superannuation.

Please apply online (https://careers.southerngulf.example.edu.au/jobs/7731), addressing the
key selection criteria. Applications close 11:55pm ACDT, Monday 29 March 2027.
""",
    kind="job",
    title="Data Steward, Humanities and Social Sciences",
    org="University of the Southern Gulf",
    location="Adelaide",
    deadline=D(2027, 3, 29),
    ouf=False,
    closed=False,
    smin=92150,
    smax=99870,
    cur="AUD",
    period="year",
    etype="full-time",
    contacts={"https://careers.southerngulf.example.edu.au/jobs/7731"},
    posted=D(2027, 3, 12),
)

page(
    "_posts/2027-03-15-registrar-philadelphia.md",
    """---
title: Associate Registrar
date: 2027-03-15
---

The Schuylkill Museum of American Glass in Philadelphia seeks an Associate Registrar to
manage incoming and outgoing loans and keep the collection records in order.

| | |
|---|---|
| Department | Collections |
| Reports to | Head Registrar |
| Status | Full-time, exempt |
| Pay range | $58,000 – $64,000 annually |

This is a union position (UAW Local 2890, Museum Workers United). The pay range is the one
agreed in the current contract.

Apply online at https://smag.example.org/careers. The first review of applications is on
April 5, 2027; the position is open until filled.
""",
    kind="job",
    title="Associate Registrar",
    org="Schuylkill Museum of American Glass",
    location="Philadelphia",
    deadline=None,
    ouf=True,
    closed=False,
    smin=58000,
    smax=64000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://smag.example.org/careers"},
    posted=D(2027, 3, 15),
)

page(
    "_posts/2027-03-16-dh-developer-glasgow.md",
    """---
title: Digital Humanities Developer (Glasgow or remote within the UK)
date: 2027-03-16
---

The Clyde Centre for Digital Scholarship builds websites and tools for research projects in
literature and history. We have a two-year post for a developer (Python, JavaScript, TEI).

Salary: £38,200 – £43,400 per annum. Full-time.

Apply by 12 noon on 9 April 2027 through https://jobs.clydecentre.example.ac.uk/ref/2231.
""",
    kind="job",
    title="Digital Humanities Developer (Glasgow or remote within the UK)",
    org="Clyde Centre for Digital Scholarship",
    location="Glasgow",
    remote=True,
    regions=["UK"],
    deadline=D(2027, 4, 9),
    ouf=False,
    closed=False,
    smin=38200,
    smax=43400,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://jobs.clydecentre.example.ac.uk/ref/2231"},
    posted=D(2027, 3, 16),
)

page(
    "_posts/2027-03-17-catalogue-editor-taipei.md",
    """---
title: English Catalogue Editor
date: 2027-03-17
---

Tamsui River Heritage Foundation, Taipei, is looking for an English Catalogue Editor
(part-time, 20 hours a week) to edit English descriptions of our photograph collection.

Pay: TWD 32,000 per month. The contract runs for one year.

Please send your CV to jobs@tamsuiheritage.example.tw before March 31, 2027 (Taipei time).
""",
    kind="job",
    title="English Catalogue Editor",
    org="Tamsui River Heritage Foundation",
    location="Taipei",
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=False,
    smin=32000,
    cur="TWD",
    period="month",
    etype="temporary",
    contacts={"jobs@tamsuiheritage.example.tw"},
    posted=D(2027, 3, 17),
)

page(
    "_posts/2027-02-01-learning-officer-filled.md",
    """---
title: Learning Officer
date: 2027-02-01
---

Kelvin Hall of Textiles in Paisley is hiring a Learning Officer to run school visits and
family workshops.

Full-time, permanent. Salary: £29,000 per annum.

To apply, email learning-jobs@kelvintextiles.example.org.uk by 1 March 2027.

**UPDATE (10 March 2027): this position has been filled.**
""",
    kind="job",
    title="Learning Officer",
    org="Kelvin Hall of Textiles",
    location="Paisley",
    deadline=D(2027, 3, 1),
    closed=True,
    smin=29000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"learning-jobs@kelvintextiles.example.org.uk"},
    posted=D(2027, 2, 1),
)

page(
    "_posts/2027-03-18-archivist-santiago.md",
    """---
title: Archivist, Photographic Collections
date: 2027-03-18
---

The Centro de Documentación Visual Andina in Santiago, Chile, invites applications for an
Archivist for its photographic collections. Full-time, indefinite contract.

Salary: CLP 1.650.000 gross per month.

We work in Spanish; English is needed to correspond with partner archives. We will read
applications on a rolling basis until 23 April 2027. Send them to
postulaciones@cedova.example.cl.
""",
    kind="job",
    title="Archivist, Photographic Collections",
    org="Centro de Documentación Visual Andina",
    location="Santiago",
    deadline=D(2027, 4, 23),
    ouf=False,
    closed=False,
    smin=1650000,
    cur="CLP",
    period="month",
    etype="full-time",
    contacts={"postulaciones@cedova.example.cl"},
    posted=D(2027, 3, 18),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("_posts/2027-03-05-digital-archive-coordinator-cdmx.md", "location"): (
        "'on site in Coyoacán' (a borough) is read before the employer's ', in Mexico City,'"
    ),
}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=24, jobs=20, others=3)

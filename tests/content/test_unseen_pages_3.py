"""A third round of pages the loader had never seen, in styles the first two rounds
(test_unseen_pages.py, test_unseen_pages_2.py) covered thinly, with what a careful reader takes
from each, field by field.

Our own words, invented organisations, people and addresses: national libraries, Wikimedia
chapters, university digital-humanities centres, research-data infrastructures and museum
consortia; British, Irish, Australian, Canadian, German and Dutch ways of stating pay
("Grade 7, £35,333–£42,155 per annum", "TV-L E13", "HEW Level 6", "0.6 FTE", pro rata) and
deadlines ("12 noon on Friday 5th March 2027", "by COB 15/04", ISO dates, "applications
reviewed from 1 May until filled"); remote and hybrid phrasings; several postings on one page;
``<br>`` and HTML tables inside Markdown; Liquid tags; front matter of odd types (a list for a
location, dates as strings); and pages that look like openings and are not: a volunteer call,
fellows already chosen, a hire, a call for papers, board elections, and fee and FAQ pages.

The first set was written first and scored blind on main, then the loader was fixed against
it. The held-out set (after ``PAGES.hold_out()``) came in two batches, each written after the
fixes before it and scored blind once before being fixed: eleven pages after the first set's
round, six more on the rules that round and the first batch's left
(/work/notes/loader-unseen-3.md has the tables). Run with ``-s`` to see the per-field table.
A field the loader still misses is in ``KNOWN_MISSES`` with the reason, as a strict xfail: a
fix shows up as an unexpected pass.

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
    "_posts/2027-01-30-digital-curator-web-archives.md",
    """---
layout: vacancy
title: Digital Curator (Web Archives)
date: 2027-01-30
categories: [vacancies]
---

The National Library of Westmarch is looking for a Digital Curator to lead the selection and
description of its web archive collections.

**Grade:** Grade 7, £35,333–£42,155 per annum (spine points 30–36)<br>
**Contract:** Permanent, full time (36.5 hours per week)<br>
**Location:** Aberystwyth, with hybrid working (at least two days a week in the office)<br>
**Closing date:** 12 noon on Friday 5th March 2027<br>
**Interviews:** week commencing 22 March 2027

Apply online at https://jobs.nlwestmarch.example.org/vacancy/2027-014. For an informal
conversation about the role, contact Dr Ffion Rees (ffion.rees@nlwestmarch.example.org).
""",
    kind="job",
    title="Digital Curator (Web Archives)",
    org="National Library of Westmarch",
    location="Aberystwyth",
    remote=True,
    deadline=D(2027, 3, 5),
    ouf=False,
    closed=False,
    smin=35333,
    smax=42155,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={
        "https://jobs.nlwestmarch.example.org/vacancy/2027-014",
        "ffion.rees@nlwestmarch.example.org",
    },
    posted=D(2027, 1, 30),
)

page(
    "_posts/2027-02-08-wissenschaftliche-mitarbeiterin.md",
    """---
title: "Research Software Engineer (m/w/d), TV-L E13, 65 %"
date: 2027-02-08
tags: [stellenangebote, jobs]
---

The Centre for Digital Editions at the University of Kaltenbach is offering a position as
Research Software Engineer, limited to 31 December 2029, to build the publication platform of
our scholarly editions.

* Pay group E13 TV-L, 65 % of full-time hours (26 hours per week)
* Place of work: Kaltenbach; mobile working is possible in agreement with the team
* Application deadline: 15.03.2027

Please send your application as a single PDF, quoting reference 27/041, to
bewerbung-zde@uni-kaltenbach.example.de.
""",
    kind="job",
    title="Research Software Engineer (m/w/d), TV-L E13, 65 %",
    org="Centre for Digital Editions / University of Kaltenbach",
    location="Kaltenbach",
    remote=True,
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=False,
    smin=None,
    etype="temporary",
    contacts={"bewerbung-zde@uni-kaltenbach.example.de"},
    posted=D(2027, 2, 8),
)

page(
    "_posts/2027-03-01-collections-data-officer.md",
    """---
title: Collections Data Officer
date: 2027-03-01
categories: [careers]
---

State Library of Eastern Vale

Collections Data Officer, HEW Level 6
0.6 FTE, fixed-term until 30 June 2028

Remuneration: $85,421 - $93,070 pro rata, plus up to 17% superannuation.

The Collections Data Officer cleans, enriches and publishes the Library's catalogue data as
open datasets. The role sits in the Digital Collections branch and works three days a week
from our Ballarat reading room.

How to apply: address the selection criteria in no more than two pages and apply via
https://careers.slev.example.gov.au/job/CDO-0627. Applications close by COB 15/04.
""",
    kind="job",
    title="Collections Data Officer",
    org="State Library of Eastern Vale",
    location="Ballarat",
    remote=None,
    deadline=D(2027, 4, 15),
    ouf=False,
    closed=False,
    smin=85421,
    smax=93070,
    cur="AUD",
    period="year",
    etype="temporary",
    contacts={"https://careers.slev.example.gov.au/job/CDO-0627"},
    posted=D(2027, 3, 1),
)

page(
    "_posts/2027-03-22-digital-preservation-librarian.md",
    """---
title: Digital Preservation Librarian
date: 2027-03-22
---

Hadley University Library, Saskatoon, Saskatchewan

Hadley University Library invites applications for a permanent, full-time Digital Preservation
Librarian. The successful candidate will develop the Library's preservation programme for born
digital collections and research data.

Salary: $78,000 - $92,000 CAD annually, commensurate with qualifications and experience.

Applications will be reviewed from 1 May 2027 until the position is filled. Submit a cover
letter, CV and the names of three referees through https://jobs.hadley.example.ca/req/4471.
""",
    kind="job",
    title="Digital Preservation Librarian",
    org="Hadley University Library / Hadley University",
    location="Saskatoon",
    remote=None,
    deadline=None,
    ouf=True,
    closed=False,
    smin=78000,
    smax=92000,
    cur="CAD",
    period="year",
    etype="full-time",
    contacts={"https://jobs.hadley.example.ca/req/4471"},
    posted=D(2027, 3, 22),
)

page(
    "_posts/2027-01-15-pid-infrastructure-developer.md",
    """---
title: PID Infrastructure Developer
date: "2027-01-15"
location: [Remote, Berlin]
deadline: "2027-02-28"
---

IdentiLink, the membership organisation that runs persistent identifiers for research outputs,
is hiring a developer for its registration and resolution services.

You will maintain the APIs that some 2,000 member repositories call every day, mostly in Ruby
and Go. We work remotely from anywhere in Europe; our small office in Berlin is there for those
who want it.

We offer €60,000–€72,000 gross per year depending on experience, and a permanent contract.

Deadline: 2027-02-28. Apply with a CV and a short note at https://identilink.example/careers.
""",
    kind="job",
    title="PID Infrastructure Developer",
    org="IdentiLink",
    location="Remote",
    remote=True,
    regions=["Europe"],
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=False,
    smin=60000,
    smax=72000,
    cur="EUR",
    period="year",
    contacts={"https://identilink.example/careers"},
    posted=D(2027, 1, 15),
)

page(
    "_posts/2027-02-01-three-posts-museum-consortium.md",
    """---
title: Three posts at the Midland Museums Partnership
date: 2027-02-01
categories: [jobs]
---

The Midland Museums Partnership brings nine county museums together to share collections
systems, conservation and training. Thanks to a new National Heritage grant we are recruiting
three posts, all fixed-term to March 2029 and based at our shared store in Leicester.

<table>
<tr><th>Post</th><th>Hours</th><th>Salary</th><th>Closing date</th></tr>
<tr><td>Collections Systems Manager</td><td>37 hours</td>
  <td>£38,000 per annum</td><td>1 March 2027</td></tr>
<tr><td>Digitisation Assistant</td><td>22.5 hours</td>
  <td>£24,500 per annum, pro rata</td><td>8 March 2027</td></tr>
<tr><td>Training Coordinator</td><td>30 hours</td>
  <td>£31,000 per annum, pro rata</td><td>8 March 2027</td></tr>
</table>

Job descriptions and the application form are on https://midlandmuseums.example.org.uk/jobs.
Return completed forms to recruitment@midlandmuseums.example.org.uk.
""",
    kind="job",
    title="Three posts at the Midland Museums Partnership",
    org="Midland Museums Partnership",
    positions=[
        dict(
            title="Collections Systems Manager",
            location="Leicester",
            deadline=D(2027, 3, 1),
            smin=38000,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={
                "https://midlandmuseums.example.org.uk/jobs",
                "recruitment@midlandmuseums.example.org.uk",
            },
        ),
        dict(
            title="Digitisation Assistant",
            location="Leicester",
            deadline=D(2027, 3, 8),
            smin=24500,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={
                "https://midlandmuseums.example.org.uk/jobs",
                "recruitment@midlandmuseums.example.org.uk",
            },
        ),
        dict(
            title="Training Coordinator",
            location="Leicester",
            deadline=D(2027, 3, 8),
            smin=31000,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={
                "https://midlandmuseums.example.org.uk/jobs",
                "recruitment@midlandmuseums.example.org.uk",
            },
        ),
    ],
    posted=D(2027, 2, 1),
)

page(
    "_posts/2027-02-10-dh-centre-two-roles.md",
    """---
title: "Join us: two research posts in the Digital Humanities Lab"
date: 2027-02-10
---

The Digital Humanities Lab at Carrick University is recruiting two posts for the five-year
project *Voices of the Coalfields*. Both posts are based on the Dunmore campus.

## Research Associate in Oral History Data

Grade 6, £33,966 - £38,205 pa. Fixed term for 36 months.
Closing date: 23:59 on 4 April 2027.
Apply at https://jobs.carrick.example.ac.uk/RA-0417.

## Research Software Engineer

Grade 7, £39,347 - £46,974 pa. Fixed term for 48 months, 0.5 FTE.
Closing date: 23:59 on 11 April 2027.
Apply at https://jobs.carrick.example.ac.uk/RSE-0418.

Informal enquiries about either post to the project lead, Prof. Morag Lennox
(m.lennox@carrick.example.ac.uk).
""",
    kind="job",
    title="Join us: two research posts in the Digital Humanities Lab",
    org="Digital Humanities Lab / Carrick University",
    positions=[
        dict(
            title="Research Associate in Oral History Data",
            location="Dunmore",
            deadline=D(2027, 4, 4),
            smin=33966,
            smax=38205,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={
                "https://jobs.carrick.example.ac.uk/RA-0417",
                "m.lennox@carrick.example.ac.uk",
            },
        ),
        dict(
            title="Research Software Engineer",
            location="Dunmore",
            deadline=D(2027, 4, 11),
            smin=39347,
            smax=46974,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={
                "https://jobs.carrick.example.ac.uk/RSE-0418",
                "m.lennox@carrick.example.ac.uk",
            },
        ),
    ],
    posted=D(2027, 2, 10),
)

page(
    "_posts/2027-02-12-volunteer-wikidata-editors.md",
    """---
title: Volunteers wanted for our Wikidata editathon season
date: 2027-02-12
categories: [events, volunteering]
---

Wikimedia Cambria is looking for volunteers to help run six Wikidata editathons with local
libraries this spring. You will welcome participants, help newcomers with their first edits and
share photos afterwards. No experience is needed; we provide training and cover travel costs.

Register your interest by 1 March 2027 at https://wikimedia-cambria.example.org/volunteer.
""",
    kind=("news", "other"),
    title="Volunteers wanted for our Wikidata editathon season",
    posted=D(2027, 2, 12),
)

page(
    "_posts/2027-01-20-fellows-announced.md",
    """---
title: Meet our 2027 Open Collections Fellows
date: 2027-01-20
categories: [news]
---

We are delighted to announce the four Open Collections Fellows for 2027, chosen from 112
applications. Each fellow receives a stipend of £6,000 and will spend six months working with
the Partnership's collections data.

- Amara Osei, who will map colonial-era trade records
- Tomasz Wiśniewski, working on Polish-language periodicals
- Leah Carmichael, on herbarium labels
- Rui Fontes, on harbour photographs

Thank you to everyone who applied. The next call for fellows will open in the autumn.
""",
    kind="news",
    title="Meet our 2027 Open Collections Fellows",
    posted=D(2027, 1, 20),
)

page(
    "_posts/2027-03-08-welcome-community-manager.md",
    """---
title: "We have hired: welcome, Dana!"
date: 2027-03-08
---

We are pleased to say that Dana Whitcombe has joined the Heritage Linked Data Network as
Community Manager. Dana was chosen from a strong field after our search this winter and will
lead the working groups and the newsletter.

Dana previously ran the volunteer programme at the Ashby Museum. Say hello at
dana@hldn.example.org.
""",
    kind="news",
    title="We have hired: welcome, Dana!",
    posted=D(2027, 3, 8),
)

page(
    "_posts/2027-01-05-summer-internship-closed.md",
    """---
title: Summer Internship in Digital Collections 2027
date: 2027-01-05
---

**Update, 2 March 2027: applications for this internship are closed. Thank you to everyone who
applied.**

The Kelby Museum of Science offers a ten-week paid summer internship in its digital collections
team, from 14 June to 20 August 2027. The intern will photograph and catalogue objects from the
instrument collection.

- $18.50 per hour, 35 hours a week
- On site in Kelby, Ohio
- Apply by 26 February 2027 via https://kelbymuseum.example.org/internships
""",
    kind="job",
    title="Summer Internship in Digital Collections 2027",
    org="Kelby Museum of Science",
    location="Kelby",
    remote=False,
    deadline=D(2027, 2, 26),
    ouf=False,
    closed=True,
    smin=18.50,
    cur="USD",
    period="hour",
    etype="internship",
    contacts={"https://kelbymuseum.example.org/internships"},
    posted=D(2027, 1, 5),
)

page(
    "_posts/2027-02-03-cfp-digital-heritage.md",
    """---
title: "Call for Papers: Digital Heritage Ireland 2027"
date: 2027-02-03
tags: [conference]
---

Digital Heritage Ireland 2027 will take place in Galway on 9-10 September. We invite papers,
posters and panels on digitisation, digital preservation and public engagement with heritage
collections.

The closing date for submissions is Friday 30 April 2027. Proposals of up to 400 words should
be sent through the submission system at https://dhi2027.example.ie/submit.
""",
    kind="news",
    title="Call for Papers: Digital Heritage Ireland 2027",
    posted=D(2027, 2, 3),
)

page(
    "_posts/2027-02-20-board-elections.md",
    """---
title: Board elections 2027 - call for candidates
date: 2027-02-20
categories: [governance]
---

Three seats on the Board of Trustees of Wikimedia Albion fall vacant at the Annual General
Meeting in June. Any member of the chapter can stand for election.

Candidates should send a statement of up to 300 words and the names of two members who support
their nomination to elections@wikimedia-albion.example.org. Nominations close at 17:00 on
30 April 2027. Trustees are unpaid volunteers and serve a three-year term.
""",
    kind=("news", "other"),
    title="Board elections 2027 - call for candidates",
    posted=D(2027, 2, 20),
)

page(
    "membership/fees.md",
    """---
title: Membership fees
layout: page
permalink: /membership/fees/
---

Membership of the Museum Data Consortium runs from January to December. Fees depend on the
size of the institution.

| Institution | Annual fee |
|---|---|
| Small (fewer than 20 staff) | €750 |
| Medium (20-250 staff) | €2,000 |
| Large (over 250 staff) | €4,500 |

Fees are invoiced in January and payable within 30 days. Members who join after June pay half
the fee for their first year. To join, write to members@museumdata.example.eu.
""",
    kind="faq",
    title="Membership fees",
    posted=None,
)

page(
    "about/faq.md",
    """---
title: Frequently asked questions
layout: page
---

### What is a researcher identifier?

A persistent identifier that distinguishes you from every other researcher and links you to
your publications, grants and datasets.

### Does it cost anything?

Registering an identifier is free for researchers. Institutions pay a membership fee to
connect their systems.

### Can I have two identifiers?

No. If you find a duplicate record, write to support@researcherid.example.org and we will
merge them.
""",
    kind="faq",
    title="Frequently asked questions",
    posted=None,
)

page(
    "_posts/2027-02-15-metadata-specialist-liquid.md",
    """---
title: Metadata Specialist
date: 2027-02-15
deadline: 2027-03-19
apply_email: jobs@openmuseumsnetwork.example.org
---

{% include job-banner.html %}

The Open Museums Network is hiring a Metadata Specialist to look after the shared authority
files that our 40 member museums use. This is a full-time, permanent position.

The position is fully remote; you must be able to work within UK working hours.

Salary: £40,000 per annum.

Apply by {{ page.deadline | date: "%-d %B %Y" }} with a CV and cover letter to
{{ page.apply_email }}.
""",
    kind="job",
    title="Metadata Specialist",
    org="Open Museums Network",
    remote=True,
    deadline=D(2027, 3, 19),
    ouf=False,
    closed=False,
    smin=40000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"jobs@openmuseumsnetwork.example.org"},
    posted=D(2027, 2, 15),
)

page(
    "_posts/2027-02-22-archives-technician.md",
    """---
title: Archives Technician (0.5 FTE)
date: 2027-02-22
---

The Riverton County Historical Society is seeking an Archives Technician to process
manuscript collections and answer reference requests.

This is a 0.5 FTE position (20 hours per week) at $24.50/hour. Work is performed on site at our
research center in Riverton, Wyoming; remote work is not available.

Applications are due by 5:00 PM MT on 03/15/2027. Send a résumé and cover letter to
archives@rivertonhistory.example.org.
""",
    kind="job",
    title="Archives Technician (0.5 FTE)",
    org="Riverton County Historical Society",
    location="Riverton",
    remote=False,
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=False,
    smin=24.50,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"archives@rivertonhistory.example.org"},
    posted=D(2027, 2, 22),
)

page(
    "_posts/2027-01-25-assistant-librarian-ireland.md",
    """---
title: Assistant Librarian, Special Collections
date: 2027-01-25
---

Trinity Harbour College Library is recruiting an Assistant Librarian for Special Collections on
a specified-purpose contract of two years.

Salary scale: €45,320 - €58,760 per annum (Assistant Librarian scale). Appointment will be made
at the first point of the scale.

The closing date for receipt of applications is 5pm (Irish time) on Thursday, 18th February
2027. Applications must be made online at https://hr.thc.example.ie/vacancies/AL-SC-27.
""",
    kind="job",
    title="Assistant Librarian, Special Collections",
    org="Trinity Harbour College Library / Trinity Harbour College",
    deadline=D(2027, 2, 18),
    ouf=False,
    closed=False,
    smin=45320,
    smax=58760,
    cur="EUR",
    period="year",
    etype="temporary",
    contacts={"https://hr.thc.example.ie/vacancies/AL-SC-27"},
    posted=D(2027, 1, 25),
)

page(
    "_posts/2027-02-17-engagement-lead-apac.md",
    """---
title: Engagement Lead, Asia Pacific
date: 2027-02-17
---

OpenCite is a non-profit that keeps citation metadata open for everyone. We are looking for an
Engagement Lead to work with publishers, libraries and funders across the Asia-Pacific region.

This is a remote position; candidates must be based in the Asia-Pacific region and able to
travel up to four times a year.

- Full-time, permanent
- USD 70,000–80,000 per year, or the equivalent in local currency
- Applications reviewed on a rolling basis

Apply through our careers page: https://opencite.example.org/jobs/engagement-apac
""",
    kind="job",
    title="Engagement Lead, Asia Pacific",
    org="OpenCite",
    remote=True,
    regions=["Asia-Pacific"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=70000,
    smax=80000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://opencite.example.org/jobs/engagement-apac"},
    posted=D(2027, 2, 17),
)

page(
    "_posts/2027-03-03-collections-assistant-dutch.md",
    """---
title: Collections Information Assistant
date: 2027-03-03
employer: Museum Het Zeehuis
location: Den Helder
---

Museum Het Zeehuis tells the story of the sea and the people who lived from it. We are looking
for a Collections Information Assistant who registers new acquisitions and keeps our
collection database in order.

What we offer:
- 28 hours a week, a one-year contract with the prospect of a permanent one
- Salary scale 7 (€2,850 – €3,920 gross per month on a full-time basis)
- Holiday allowance of 8% and an end-of-year bonus

Send your letter and CV before 21 March 2027 to vacatures@zeehuis.example.nl.
""",
    kind="job",
    title="Collections Information Assistant",
    org="Museum Het Zeehuis",
    location="Den Helder",
    remote=None,
    deadline=D(2027, 3, 21),
    ouf=False,
    closed=False,
    smin=2850,
    smax=3920,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"vacatures@zeehuis.example.nl"},
    posted=D(2027, 3, 3),
)

page(
    "_posts/2027-03-10-web-developer-hybrid.md",
    """---
title: Web Developer
date: 2027-03-10
---

The Museum of Northern Crafts in Newcastle upon Tyne is recruiting a Web Developer to rebuild
our online collection and shop.

Salary: £36,000 – £40,000
Hours: 35 per week, Monday to Friday
Working pattern: hybrid, with 60% of your time on site
Closing date: midnight, Sunday 4 April

Please apply via our recruitment site, https://northerncrafts.example.org.uk/work-with-us.
""",
    kind="job",
    title="Web Developer",
    org="Museum of Northern Crafts",
    location="Newcastle upon Tyne",
    remote=True,
    deadline=D(2027, 4, 4),
    ouf=False,
    closed=False,
    smin=36000,
    smax=40000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://northerncrafts.example.org.uk/work-with-us"},
    posted=D(2027, 3, 10),
)


# ---------------------------------------------------------------- held out: written after the
# first fixes, scored blind once before the last round

PAGES.hold_out()

page(
    "_posts/2027-02-19-partnerships-manager.md",
    """---
title: Partnerships Manager (0.8 FTE)
date: 2027-02-19
categories: [jobs]
---

Wikimedia Southern Cross is hiring a Partnerships Manager to grow our work with galleries,
libraries, archives and museums across the country.

**Salary:** AUD 88,000 pro rata + super
**Location:** Remote within Australia, with quarterly meetups in Sydney
**Applications close:** 11:59pm AEST Sunday 14 March 2027

Send your CV and a cover letter addressing the key criteria to
jobs@wikimedia-sx.example.org.au.
""",
    kind="job",
    title="Partnerships Manager (0.8 FTE)",
    org="Wikimedia Southern Cross",
    remote=True,
    regions=["Australia"],
    deadline=D(2027, 3, 14),
    ouf=False,
    closed=False,
    smin=88000,
    cur="AUD",
    period="year",
    etype="part-time",
    contacts={"jobs@wikimedia-sx.example.org.au"},
    posted=D(2027, 2, 19),
)

page(
    "_posts/2027-03-05-archivist-2-term.md",
    """---
title: Archivist 2 (Term)
date: 2027-03-05
---

Lakeshore Provincial Archives, Winnipeg, Manitoba

Competition No. 27-LPA-114

The Lakeshore Provincial Archives acquires, preserves and makes available the records of the
provincial government. We are looking for an Archivist 2 to appraise and describe government
records in our digital repository.

This is a term position ending March 31, 2028. The position is located at our Vaughan Street
building and is not eligible for remote work.

Salary: $68,432 – $82,117 per year
Closing Date: April 9, 2027

Apply online: https://jobs.lpa.example.ca/27-LPA-114
""",
    kind="job",
    title="Archivist 2 (Term)",
    org="Lakeshore Provincial Archives",
    location="Winnipeg",
    remote=False,
    deadline=D(2027, 4, 9),
    ouf=False,
    closed=False,
    smin=68432,
    smax=82117,
    cur="CAD",
    period="year",
    etype="temporary",
    contacts={"https://jobs.lpa.example.ca/27-LPA-114"},
    posted=D(2027, 3, 5),
)

page(
    "_posts/2027-01-28-data-steward-graz.md",
    """---
title: Data Steward (all genders)
date: 2027-01-28
---

The Austrian Research Data Hub (ARDH) in Graz is looking for a Data Steward (all genders) for
30 hours per week, initially limited to two years.

Your tasks: advising research projects on data management plans, curating deposits in our
repository and running training sessions.

Salary: minimum €3,412.50 gross per month (14 times a year) according to the collective
agreement; higher pay depending on experience.

Application deadline: 28 February 2027. Apply via our job portal:
https://ardh.example.at/jobs/ds-2027
""",
    kind="job",
    title="Data Steward (all genders)",
    org="Austrian Research Data Hub",
    location="Graz",
    remote=None,
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=False,
    smin=3412.50,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"https://ardh.example.at/jobs/ds-2027"},
    posted=D(2027, 1, 28),
)

page(
    "_posts/2026-12-01-postdoc-digital-humanities.md",
    """---
title: Postdoctoral Fellow in Digital Humanities
date: 2026-12-01
---

The Humanities Computing Lab at Eastbrook University invites applications for a Postdoctoral
Fellow to work on computational approaches to nineteenth-century newspapers.

The fellowship is a two-year appointment beginning August 1, 2027, with an annual salary of
$62,000 plus benefits.

Review of applications will begin on January 15, 2027, and will continue until the position is
filled. Apply via Interfolio: https://apply.interfolio.com/199887
""",
    kind="job",
    title="Postdoctoral Fellow in Digital Humanities",
    org="Humanities Computing Lab / Eastbrook University",
    remote=None,
    deadline=None,
    ouf=True,
    closed=False,
    smin=62000,
    cur="USD",
    period="year",
    etype="temporary",
    contacts={"https://apply.interfolio.com/199887"},
    posted=D(2026, 12, 1),
)

page(
    "_posts/2027-02-22-two-roles-harbour-museum.md",
    """---
title: Two roles at Bristol Harbour Museum
date: 2027-02-22
---

Bristol Harbour Museum tells the story of the city's port. Both roles are based at our museum
in Bristol. Apply using the form at https://bristolharbourmuseum.example.org.uk/jobs.

### Learning Officer (maternity cover)

- £27,800 per annum, pro rata (0.6 FTE)
- Closing date: Monday 8 March 2027, 9am

### Visitor Experience Assistant

- Part-time, 16 hours per week
- £11.90 per hour
- Closing date: 15/03/2027
""",
    kind="job",
    title="Two roles at Bristol Harbour Museum",
    org="Bristol Harbour Museum",
    positions=[
        dict(
            title="Learning Officer (maternity cover)",
            location="Bristol",
            deadline=D(2027, 3, 8),
            smin=27800,
            cur="GBP",
            period="year",
            etype="temporary",
            contacts={"https://bristolharbourmuseum.example.org.uk/jobs"},
        ),
        dict(
            title="Visitor Experience Assistant",
            location="Bristol",
            deadline=D(2027, 3, 15),
            smin=11.90,
            cur="GBP",
            period="hour",
            etype="part-time",
            contacts={"https://bristolharbourmuseum.example.org.uk/jobs"},
        ),
    ],
    posted=D(2027, 2, 22),
)

page(
    "_posts/2027-02-09-traineeships-coming-soon.md",
    """---
title: "Digitisation traineeships 2027: coming soon"
date: 2027-02-09
---

Our next round of paid digitisation traineeships will be advertised in April. Trainees spend
twelve months learning imaging, metadata and digital preservation with our collections team.

We are not accepting applications yet. Sign up to our newsletter at
https://northernarchives.example.org/newsletter to hear as soon as the round opens.
""",
    kind=("news", "other"),
    title="Digitisation traineeships 2027: coming soon",
    posted=D(2027, 2, 9),
)

page(
    "working-here/faq.md",
    """---
title: "Working at the Library: frequently asked questions"
layout: page
---

## How do I apply for a job?

Every vacancy is advertised on our recruitment portal. Apply online there; we do not accept CVs
sent by e-mail.

## When is the closing date?

Closing dates are given in each advert, usually three weeks after it is published.

## Do you offer hybrid working?

Most roles can combine work in the library with working from home, by agreement with the line
manager.
""",
    kind="faq",
    title="Working at the Library: frequently asked questions",
    posted=None,
)

page(
    "_posts/2027-03-12-trustee-vacancies.md",
    """---
title: Trustee vacancies
date: 2027-03-12
---

Open Heritage Data UK is looking for two new trustees to join its board. Trustees set the
charity's strategy and meet four times a year, mostly online. The roles are unpaid, but we
cover travel expenses.

We would particularly welcome applicants with experience of finance or fundraising. To express
interest, send a short statement to chair@openheritagedata.example.org.uk by 30 April 2027.
""",
    kind=("news", "other"),
    title="Trustee vacancies",
    posted=D(2027, 3, 12),
)

page(
    "_posts/2027-02-24-rse-open-heritage-lab.md",
    """---
title: Research Software Engineer
date: 2027-02-24
tags: job
salary: 4200
deadline: "15-03-2027"
location:
  city: Utrecht
  country: Netherlands
---

The Open Heritage Lab builds tools that let museums publish their collections as linked open
data. We are hiring a Research Software Engineer for our team in Utrecht.

The salary is €4,200 gross per month, for 36 hours a week. You can work from home up to two
days a week.

Apply with your CV and a link to code you are proud of at https://openheritagelab.example.nl/apply.
""",
    kind="job",
    title="Research Software Engineer",
    org="Open Heritage Lab",
    location="Utrecht",
    remote=True,
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=False,
    smin=4200,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"https://openheritagelab.example.nl/apply"},
    posted=D(2027, 2, 24),
)

page(
    "_posts/2027-03-09-casual-collection-photographer.md",
    """---
title: Casual Collection Photographer
date: 2027-03-09
---

Location: Museum of the Southern Coast, Wollongong NSW

We are building a pool of casual photographers to image objects for our online collection.
Work is offered as required, usually about two days a week.

Pay: $45.12 per hour (including 25% casual loading)

Applications close 5pm Friday 26 March 2027. Submit your application through
https://careers.msc.example.org.au/casual-photographer.
""",
    kind="job",
    title="Casual Collection Photographer",
    org="Museum of the Southern Coast",
    location="Wollongong",
    remote=None,
    deadline=D(2027, 3, 26),
    ouf=False,
    closed=False,
    smin=45.12,
    cur="AUD",
    period="hour",
    contacts={"https://careers.msc.example.org.au/casual-photographer"},
    posted=D(2027, 3, 9),
)

page(
    "_posts/2027-03-15-digital-heritage-advisor.md",
    """---
title: "Vacancy: Digital Heritage Advisor (32 hours)"
date: 2027-03-15
---

Erfgoedhuis Noord-Veluwe supports forty heritage organisations in the region with their
collections, their websites and their digital archives. We are looking for a Digital Heritage
Advisor.

Your salary will be a maximum of €4,988 gross per month (scale 11), depending on experience.
You will work from our office in Harderwijk.

Closing date: 1 April 2027. Send your motivation and CV to vacature@erfgoedhuis-nv.example.nl.
""",
    kind="job",
    title="Vacancy: Digital Heritage Advisor (32 hours)",
    org="Erfgoedhuis Noord-Veluwe",
    location="Harderwijk",
    remote=None,
    deadline=D(2027, 4, 1),
    ouf=False,
    closed=False,
    smin=None,
    smax=4988,
    cur="EUR",
    period="month",
    contacts={"vacature@erfgoedhuis-nv.example.nl"},
    posted=D(2027, 3, 15),
)

# ---------------------------------------------------------------- held out, second batch:
# written after every fix above and scored blind once, on the final rules

page(
    "_posts/2027-03-02-research-data-officer.md",
    """---
title: Research Data Officer (part-time, fixed term)
date: 2027-03-02
---

The University of Glenmoor Library is looking for a Research Data Officer to help researchers
deposit and describe their datasets in our repository.

This post is available on a part-time basis (0.5 FTE) for a fixed term of 18 months.

**Salary:** £37,099 to £44,263 per year (Grade 7), pro rata
**Vacancy ref:** 2027/114
**Closing date:** 31 March 2027 at midnight (UK time)

Hybrid working is available, with a minimum of 40% of your time on campus in Glenmoor.

Apply online at https://jobs.glenmoor.example.ac.uk/2027-114.
""",
    kind="job",
    title="Research Data Officer (part-time, fixed term)",
    org="University of Glenmoor Library / University of Glenmoor",
    location="Glenmoor",
    remote=True,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=False,
    smin=37099,
    smax=44263,
    cur="GBP",
    period="year",
    # part-time and fixed-term both: the project's convention takes the more specific kind,
    # as round two's "0.8 FTE … Contract: 24 months" (this expectation was "part-time" when
    # the page was scored blind)
    etype="temporary",
    contacts={"https://jobs.glenmoor.example.ac.uk/2027-114"},
    posted=D(2027, 3, 2),
)

page(
    "_posts/2027-03-29-archives-assistant-tacoma.md",
    """---
title: Part-time Archives Assistant (20 hrs/week)
date: 2027-03-29
---

The Puget Sound Labor History Archive collects the records of unions and working people in
the region. We are hiring a part-time Archives Assistant to rehouse and inventory new
accessions and help researchers in our reading room.

Pay: $19.00 - $21.00 hourly, depending on experience. Position is located in Tacoma, WA.

Applications will be accepted through 11:59 p.m. on Sunday, April 18, 2027. Email your resume
and a short cover letter to director@pslha.example.org.
""",
    kind="job",
    title="Part-time Archives Assistant (20 hrs/week)",
    org="Puget Sound Labor History Archive",
    location="Tacoma",
    remote=None,
    deadline=D(2027, 4, 18),
    ouf=False,
    closed=False,
    smin=19,
    smax=21,
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"director@pslha.example.org"},
    posted=D(2027, 3, 29),
)

page(
    "_posts/2027-04-12-senior-software-engineer.md",
    """---
title: Senior Software Engineer
date: 2027-04-12
---

## About RefLink

RefLink is a not-for-profit membership organisation that makes research outputs easy to find,
cite and link. Our team is fully remote and distributed across eight countries.

## The role

You will lead work on the metadata deposit pipeline. We can hire in most countries through our
employer-of-record partner, but you need at least four hours' overlap with 9:00-17:00 UK time.

## Pay and how to apply

£60,000–£70,000 a year (or the local equivalent), depending on experience. Deadline: Sunday
9 May. Apply through https://reflink.example.org/careers/senior-software-engineer.
""",
    kind="job",
    title="Senior Software Engineer",
    org="RefLink",
    remote=True,
    deadline=D(2027, 5, 9),
    ouf=False,
    closed=False,
    smin=60000,
    smax=70000,
    cur="GBP",
    period="year",
    contacts={"https://reflink.example.org/careers/senior-software-engineer"},
    posted=D(2027, 4, 12),
)

page(
    "_posts/2027-09-06-meet-our-interns.md",
    """---
title: "Meet the team: this summer's digitisation interns"
date: 2027-09-06
categories: [news]
---

Our three digitisation interns finished their placements last week. Between June and August
Amira, Joel and Tess imaged more than 4,000 glass plate negatives and wrote the descriptions
that are now live in our online catalogue.

The internship was paid at £11.44 per hour and funded by the Heritage Skills Trust. We will
advertise next year's placements in the spring.
""",
    kind="news",
    title="Meet the team: this summer's digitisation interns",
    posted=D(2027, 9, 6),
)

page(
    "services/reproduction-fees.md",
    """---
title: Reproduction fees
layout: page
---

We charge for reproductions to cover the cost of our imaging studio.

- Digital image for private study: £5 per image
- Digital image for publication: £30 per image
- Licence for commercial use: on request

Orders are usually ready within ten working days. Email images@countyrecords.example.org.uk
with the reference numbers of the items you need.
""",
    kind="faq",
    title="Reproduction fees",
    posted=None,
)

page(
    "_posts/2027-04-20-two-roles-list.md",
    """---
title: Join the Coastal Museums Alliance
date: 2027-04-20
tags: [jobs]
---

The Coastal Museums Alliance shares staff and systems between six small museums on the
coast. We have two openings:

- **Registrar** (full-time, permanent, £31,500 per annum). Closing date 2 May 2027.
  [Job description](https://coastalmuseums.example.org.uk/jobs/registrar)
- **Digital Engagement Officer** (part-time, 22.5 hours per week, £28,000 per annum pro
  rata). Closing date 7 May 2027.
  [Job description](https://coastalmuseums.example.org.uk/jobs/digital-engagement)

Both roles are based at our office in Whitby. Send a CV and covering letter for either role to
jobs@coastalmuseums.example.org.uk.
""",
    kind="job",
    title="Join the Coastal Museums Alliance",
    org="Coastal Museums Alliance",
    positions=[
        dict(
            title="Registrar",
            location="Whitby",
            deadline=D(2027, 5, 2),
            smin=31500,
            cur="GBP",
            period="year",
            etype="full-time",
            contacts={
                "https://coastalmuseums.example.org.uk/jobs/registrar",
                "jobs@coastalmuseums.example.org.uk",
            },
        ),
        dict(
            title="Digital Engagement Officer",
            location="Whitby",
            deadline=D(2027, 5, 7),
            smin=28000,
            cur="GBP",
            period="year",
            etype="part-time",
            contacts={
                "https://coastalmuseums.example.org.uk/jobs/digital-engagement",
                "jobs@coastalmuseums.example.org.uk",
            },
        ),
    ],
    posted=D(2027, 4, 20),
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

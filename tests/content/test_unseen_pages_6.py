"""A sixth round of pages the loader had never seen, in shapes rounds 1-5 did not cover, with
what a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names): Jekyll posts
whose front matter carries the facts in odd keys (a ``location:`` list, ``remote: "partial"``,
``deadline: rolling``, ``tags:`` holding the kind of post, a location mapping), postings that
are mostly a table, deadlines said only in a sentence ("applications close at noon (CET) on
…", "we will start reviewing applications on …" — a review date, not a deadline — and
"within two weeks of this posting", which no reader can date), news of a hire, FAQ pages,
calls for papers and proposals with deadlines (not jobs), closed postings ("This position has
been filled", a struck-through title, "[CLOSED]"), remote "anywhere in the EU/EEA",
"US-based, remote", "remote-first with quarterly meetups", hourly and day rates, ranges in
"k", "up to", pay grades with a linked scale, employment in other words (fixed-term, 0.6 FTE,
secondment, fellowship, consultancy), addresses written "jobs [at] example [dot] org",
application portals, and messy files: tabs in the YAML, a byte-order mark, a front matter
that never closes, HTML in the front matter, Windows-1252 bytes.

Three sets, each written before any fix for it: the first set (fixed against), the held-out
set's batch A, scored blind once on the first set's rules, and batch B (``HELD_OUT_B`` names
its pages: a list of labels, a US remote-first company, ``status: filled``, news of a hire
without a hiring word, a journal's call, "careers AT … DOT …", "home office", a Swiss postdoc
with no amount, a careers page with no vacancies), written after A's fixes and scored blind
once on their rules. /work/notes/loader-unseen-6.md has the tables. Run with ``-s`` to see the
per-field table. A field the loader still misses is in
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
    "_posts/2027-04-05-digital-archivist-lyon.md",
    """---
layout: job
title: Digital Archivist
date: 2027-04-05
location:
  - Lyon
  - Grenoble
remote: "partial"
deadline: rolling
tags: [jobs, full-time, archives]
---

The Rhône-Alpes Film Heritage Trust keeps about 40,000 reels of regional amateur and
industrial film. We are looking for a Digital Archivist to look after the files our
digitisation produces and to make them findable.

You can work from either of our two sites, and up to two days a week from home.

- Gross salary: €3,100–3,600 per month, depending on experience
- Permanent contract

We read applications on a rolling basis until the post is filled. Send your CV and a short
letter to recrutement@rafht.example.fr.
""",
    kind="job",
    title="Digital Archivist",
    org="Rhône-Alpes Film Heritage Trust",
    location="Lyon",
    remote=True,
    deadline=None,
    ouf=True,
    closed=False,
    smin=3100,
    smax=3600,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"recrutement@rafht.example.fr"},
    posted=D(2027, 4, 5),
)

page(
    "jobs/systems-librarian-dundee.md",
    """---
title: "Vacancy: Systems Librarian"
date: 2027-03-29
---

| | |
|---|---|
| **Post** | Systems Librarian |
| **Employer** | Kestrel University Library |
| **Location** | Dundee |
| **Contract** | Fixed-term, 18 months |
| **Hours** | Full-time (35 hours per week) |
| **Salary** | £36k–£41k per annum |
| **Closing date** | 12:00 noon, 9 April 2027 |
| **Reference** | KU0412 |

The Library's systems team runs our library services platform, discovery layer and link
resolver. The Systems Librarian will lead the upgrade of our discovery layer and support the
colleagues who use the platform every day.

Apply online at https://jobs.kestrel.example.ac.uk/vacancy/KU0412.
""",
    kind="job",
    title=("Vacancy: Systems Librarian", "Systems Librarian"),
    org="Kestrel University Library / Kestrel University",
    location="Dundee",
    remote=None,
    deadline=D(2027, 4, 9),
    ouf=False,
    closed=False,
    smin=36000,
    smax=41000,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://jobs.kestrel.example.ac.uk/vacancy/KU0412"},
    posted=D(2027, 3, 29),
)

page(
    "_posts/2027-04-07-community-support-specialist.md",
    """---
title: Community Support Specialist (part-time, remote)
date: 2027-04-07
categories: [jobs]
---

OpenShelf Software builds free cataloguing tools used by more than 900 small public and
school libraries. We are looking for a part-time Community Support Specialist to answer
questions from librarians on our forum and help desk.

**Where:** US-based, remote. You must live in, and be authorized to work in, the United
States.

**Hours:** 20 hours per week, with some flexibility.

**Pay:** $28 per hour.

We will start reviewing applications on April 26, 2027. To apply, fill in the form at
https://openshelf.example.org/jobs/support and attach your résumé.
""",
    kind="job",
    title="Community Support Specialist (part-time, remote)",
    org="OpenShelf Software",
    remote=True,
    regions=["United States"],
    deadline=None,
    ouf=False,
    closed=False,
    smin=28,  # one amount: Herald stores it as both ends, as rounds 1-5 expect (not judged)
    cur="USD",
    period="hour",
    etype="part-time",
    contacts={"https://openshelf.example.org/jobs/support"},
    posted=D(2027, 4, 7),
)

page(
    "_posts/2027-04-08-research-associate-berlin.md",
    """---
title: Research Associate, Digital Provenance (0.6 FTE)
date: 2027-04-08
---

The Institute for Object Histories at Havelberg University in Berlin is looking for a
Research Associate to join the project "Traces of Trade", which follows objects sold at
auction in Berlin between 1925 and 1945 into today's museum collections.

The position is 0.6 FTE (24 hours a week) and fixed-term until 31 December 2028. Pay follows
the TV-L collective agreement, pay group E13; at 0.6 FTE this comes to about €2,900 gross
per month.

Applications close at noon (CET) on 3 May 2027. Please send a single PDF to
provenance-jobs@havelberg-uni.example.de.
""",
    kind="job",
    title="Research Associate, Digital Provenance (0.6 FTE)",
    org="Institute for Object Histories / Havelberg University",
    location="Berlin",
    remote=None,
    deadline=D(2027, 5, 3),
    ouf=False,
    closed=False,
    smin=2900,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"provenance-jobs@havelberg-uni.example.de"},
    posted=D(2027, 4, 8),
)

page(
    "_posts/2027-04-09-ux-researcher-eu.md",
    """---
title: UX Researcher (remote, EU/EEA)
date: 2027-04-09
---

Collectiva is a small company that builds collection-management software for museums in
twelve countries. We are hiring a UX Researcher to help us understand how registrars and
curators use what we build.

- Fully remote: you can live anywhere in the EU/EEA.
- Full-time, permanent.
- Salary up to €58,000 a year, depending on experience.

Applications should reach us within two weeks of this posting. Apply at
https://collectiva.example.eu/careers/ux-researcher.
""",
    kind="job",
    title="UX Researcher (remote, EU/EEA)",
    org="Collectiva",
    remote=True,
    regions=["EU", "EEA"],  # first written ["EU/EEA"]: one region per name, as elsewhere
    deadline=None,
    ouf=False,
    closed=False,
    smin=None,
    smax=58000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"https://collectiva.example.eu/careers/ux-researcher"},
    posted=D(2027, 4, 9),
)

page(
    "_posts/2027-04-12-welcome-head-of-collections.md",
    """---
title: Welcome, Dr Ama Boateng!
date: 2027-04-12
categories: [news]
---

We are delighted to announce that Dr Ama Boateng has joined the Harrowgate Museum of
Everyday Life as our new Head of Collections. Ama comes to us from the National Folk Archive,
where she led the move of 60,000 objects to a new store.

She takes over from Peter Lindqvist, who retires this summer after 23 years with the museum.
Ama will start by reviewing our collections development policy; you can reach her at
ama.boateng@hmel.example.org.uk.

Thank you to everyone who applied for the post, and to the interview panel.
""",
    kind="news",
    title="Welcome, Dr Ama Boateng!",
    posted=D(2027, 4, 12),
)

page(
    "working-with-us/faq.md",
    """---
title: Working with us – frequently asked questions
permalink: /working-with-us/faq/
---

## Do you accept speculative applications?

No. We only consider applications for the posts we advertise on our vacancies page.

## How do I apply?

Each vacancy says how to apply. Most ask for a CV and a cover letter sent through our
recruitment portal; a few ask for an application form.

## When is the closing date?

The closing date is on each advert. We do not accept applications after it, and we cannot
extend it for one applicant.

## Do you pay for travel to interviews?

Yes, for shortlisted candidates travelling from within the UK, up to £150 a trip.

## Can I work part-time?

Most of our posts can be worked part-time or as a job share; please say so in your cover
letter.
""",
    kind="faq",
    title="Working with us – frequently asked questions",
    posted=None,
)

page(
    "_posts/2027-04-14-cfp-linked-archives.md",
    """---
title: "Call for papers: Linked Archives Symposium 2027"
date: 2027-04-14
tags: [events, cfp]
---

The Linked Archives Symposium returns to Tallinn on 23–24 September 2027. We invite
proposals for 20-minute papers, lightning talks and posters on linked data in archives:
authority files, records in contexts, Wikidata, and the tools that make them work.

**Submission deadline:** 15 June 2027. Send an abstract of up to 300 words through
https://linkedarchives.example.org/submit.

A small number of bursaries of up to €500 are available for students and unwaged
participants.
""",
    kind=("news", "other"),
    title="Call for papers: Linked Archives Symposium 2027",
    posted=D(2027, 4, 14),
)

page(
    "_posts/2027-02-01-collections-photographer.md",
    """---
title: Collections Photographer
date: 2027-02-01
---

# ~~Collections Photographer~~

**This position has been filled. Thank you to everyone who applied.**

The Museum of the Lower Rhine in Duisburg is looking for a Collections Photographer to
photograph objects for our online collection, about 3,000 a year, in our own studio.

This is a full-time post, limited to two years. The salary is €3,400 gross per month.

Send your portfolio and CV to bewerbung@mlr-duisburg.example.de by 28 February 2027.
""",
    kind="job",
    title="Collections Photographer",
    org="Museum of the Lower Rhine",
    location="Duisburg",
    remote=None,
    deadline=D(2027, 2, 28),
    ouf=False,
    closed=True,
    smin=3400,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"bewerbung@mlr-duisburg.example.de"},
    posted=D(2027, 2, 1),
)

page(
    "_posts/2027-01-18-metadata-intern-closed.md",
    """---
title: "[CLOSED] Metadata Intern, summer 2027"
date: 2027-01-18
---

The Baltic Sound Archive in Gdańsk offers a paid summer internship for a student of library
or information science. The intern will describe a collection of 1970s radio recordings,
working with our cataloguers.

- Eight weeks, from 5 July 2027
- Stipend of €800 per month
- Applications by 15 March 2027 to internships@bsa.example.pl
""",
    kind="job",
    title="[CLOSED] Metadata Intern, summer 2027",
    org="Baltic Sound Archive",
    location="Gdańsk",
    remote=None,
    deadline=D(2027, 3, 15),
    ouf=False,
    closed=True,
    smin=800,
    cur="EUR",
    period="month",
    etype="internship",
    contacts={"internships@bsa.example.pl"},
    posted=D(2027, 1, 18),
)

page(
    "_posts/2027-04-15-backend-engineer-remote-first.md",
    """---
title: Backend Engineer
date: 2027-04-15
tags: [hiring, engineering]
---

At Folio & Frame we build the image servers and viewers that more than 200 museums use to
show their collections online. We are a remote-first team of twelve, spread over six
countries, and we meet in person in Amsterdam once a quarter.

We are looking for a Backend Engineer who enjoys Rust or Go, cares about caching, and likes
to read a specification closely.

What we offer:

- a full-time, permanent contract
- a salary of €60k–€70k, depending on experience
- four quarterly meetups a year, with travel paid

Please apply through https://folioframe.example.com/jobs/backend before 30 April 2027.
""",
    kind="job",
    title="Backend Engineer",
    org="Folio & Frame",
    location=None,
    remote=True,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=60000,
    smax=70000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"https://folioframe.example.com/jobs/backend"},
    posted=D(2027, 4, 15),
)

page(
    "_posts/2027-04-16-evaluation-consultant.md",
    """---
title: Freelance evaluation consultant wanted
date: 2027-04-16
---

The Northern Reading Rooms Partnership, six community libraries around Leeds, is looking for
a freelance consultant to evaluate our three-year volunteer digitisation programme.

This is a consultancy of 20 days between May and July 2027, paid at £350 per day. You will
interview volunteers and staff, look at what we have digitised, and write a short report
with recommendations.

Send a two-page proposal and your day rate to programme@nrrp.example.org.uk by 5 pm on
Friday 30 April 2027.
""",
    kind="job",
    title="Freelance evaluation consultant wanted",
    org="Northern Reading Rooms Partnership",
    location="Leeds",
    remote=None,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=False,
    smin=350,
    cur="GBP",
    period="day",
    etype="temporary",
    contacts={"programme@nrrp.example.org.uk"},
    posted=D(2027, 4, 16),
)

page(
    "_posts/2027-04-19-records-manager-secondment-cardiff.md",
    """---
title: Records Manager (secondment or fixed-term)
date: 2027-04-19
---

The Archive of Welsh Public Life in Cardiff is looking for a Records Manager for 12 months,
to set up a retention schedule for our own records and train staff in using it.

The post is open as a secondment to staff of other public bodies, or as a fixed-term
contract. It is full-time, at Grade 7 of our pay scale
([see our pay scales](https://awpl.example.wales/pay-scales)).

To apply, complete the application form on our recruitment portal,
https://recruitment.awpl.example.wales/posts/RM-2027. Closing date: 10 May 2027.
""",
    kind="job",
    title="Records Manager (secondment or fixed-term)",
    org="Archive of Welsh Public Life",
    location="Cardiff",
    remote=None,
    deadline=D(2027, 5, 10),
    ouf=False,
    closed=False,
    smin=None,
    smax=None,
    cur=None,
    period=None,
    etype="temporary",
    contacts={"https://recruitment.awpl.example.wales/posts/RM-2027"},
    posted=D(2027, 4, 19),
)

page(
    "_posts/2027-04-20-visitor-services-assistant.md",
    """---
title: Visitor Services Assistant
date: 2027-04-20
---

Moorside Heritage Centre, a small independent museum in Halifax, needs a Visitor Services
Assistant to welcome visitors, run the shop and help with school groups.

The job is part-time, 22.5 hours a week including alternate weekends, and permanent. The
pay is £12.60 per hour.

To apply, email a CV and a few lines about yourself to jobs [at] moorside-heritage [dot] org
[dot] uk. The closing date is 14 May 2027.
""",
    kind="job",
    title="Visitor Services Assistant",
    org="Moorside Heritage Centre",
    location="Halifax",
    remote=None,
    deadline=D(2027, 5, 14),
    ouf=False,
    closed=False,
    smin=12.60,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"jobs@moorside-heritage.org.uk"},
    posted=D(2027, 4, 20),
)

page(
    "_posts/2027-04-21-aldine-fellowship.md",
    """---
title: The Aldine Fellowship in Book History, 2027-28
date: 2027-04-21
tags: [fellowship, research]
---

The Whitcombe Library in Providence invites applications for the Aldine Fellowship, which
supports research in our collections of early printed books for one to three months.

Fellows receive a stipend of $4,000 per month and a desk in the reading room. The
fellowship is open to doctoral candidates, academic staff and independent scholars.

Send a research proposal of up to 1,000 words, a CV and the names of two referees to
fellowships@whitcombe.example.org by June 1, 2027.
""",
    kind="job",
    title="The Aldine Fellowship in Book History, 2027-28",
    org="Whitcombe Library",
    location="Providence",
    remote=None,
    deadline=D(2027, 6, 1),
    ouf=False,
    closed=False,
    smin=4000,
    cur="USD",
    period="month",
    etype="temporary",
    contacts={"fellowships@whitcombe.example.org"},
    posted=D(2027, 4, 21),
)

page(
    "_posts/2027-04-22-digitisation-technician-utrecht.md",
    "\ufeff---\n"
    "title:\tDigitisation Technician\n"
    "date:\t2027-04-22\n"
    "location:\tUtrecht\n"
    "tags:\n"
    "\t- jobs\n"
    "\t- digitisation\n"
    "---\n"
    """
The Utrecht Newspaper Archive is digitising 1.2 million pages of regional newspapers and is
looking for a Digitisation Technician to scan, check and correct them.

We offer a contract for one year, 32 hours a week, with a salary of €2,750 to €3,200 gross
per month.

Apply by 20 May 2027 with a letter and CV to vacatures@una.example.nl.
""",
    kind="job",
    title="Digitisation Technician",
    org="Utrecht Newspaper Archive",
    location="Utrecht",
    remote=None,
    deadline=D(2027, 5, 20),
    ouf=False,
    closed=False,
    smin=2750,
    smax=3200,
    cur="EUR",
    period="month",
    etype="temporary",
    contacts={"vacatures@una.example.nl"},
    posted=D(2027, 4, 22),
)

page(
    "_posts/2027-04-23-web-developer-no-closing-fence.md",
    """---
title: Web Developer (Drupal)
date: 2027-04-23
location: Glasgow

The Clydeside Museums Trust runs seven museums in and around Glasgow, and their website
runs on Drupal. We are looking for a Web Developer to keep it secure and to build the new
pages our exhibitions need.

It is a permanent, full-time post. The salary is £34,200 to £38,900 per year.

Apply through https://jobs.clydesidemuseums.example.org.uk/web-developer by 21 May 2027.
""",
    kind="job",
    title="Web Developer (Drupal)",
    org="Clydeside Museums Trust",
    location="Glasgow",
    remote=None,
    deadline=D(2027, 5, 21),
    ouf=False,
    closed=False,
    smin=34200,
    smax=38900,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://jobs.clydesidemuseums.example.org.uk/web-developer"},
    posted=D(2027, 4, 23),
)

page(
    "_posts/2027-04-26-research-software-engineer-html.md",
    """---
title: "Research Software Engineer <small>(part-time)</small>"
date: 2027-04-26
description: "<p>Join the <strong>Digital Lab</strong> of the Marlow Institute.</p>"
---

The Digital Lab of the Marlow Institute for Classical Studies in London builds editions and
databases of ancient texts. We are looking for a Research Software Engineer for 3 days a
week (0.6 FTE) to look after our editions platform.

The salary is £44,000 to £49,500 per annum pro rata. The post is open-ended.

Closing date: 24 May 2027. Apply at https://marlow.example.ac.uk/jobs/rse.
""",
    kind="job",
    title="Research Software Engineer (part-time)",
    org="Marlow Institute for Classical Studies",
    location="London",
    remote=None,
    deadline=D(2027, 5, 24),
    ouf=False,
    closed=False,
    smin=44000,
    smax=49500,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"https://marlow.example.ac.uk/jobs/rse"},
    posted=D(2027, 4, 26),
)

page(
    "_posts/2027-04-27-conservator-paper-cp1252.md",
    (
        b"---\r\n"
        b"title: Paper Conservator\r\n"
        b"date: 2027-04-27\r\n"
        b"---\r\n"
        b"\r\n"
        b"Lindenhall Castle Trust\x92s conservation studio in Bath is looking for a Paper\r\n"
        b"Conservator to care for the castle\x92s archive of estate maps and letters.\r\n"
        b"\r\n"
        b"This is a permanent, full-time post. Salary: \xa341,000 \x96 \xa347,000 per annum,\r\n"
        b"with a \x93studio week\x94 each year for your own research.\r\n"
        b"\r\n"
        b"Send your CV and a covering letter to conservation@lindenhall.example.org.uk by\r\n"
        b"28 May 2027.\r\n"
    ),
    kind="job",
    title="Paper Conservator",
    org="Lindenhall Castle Trust",
    location="Bath",
    remote=None,
    deadline=D(2027, 5, 28),
    ouf=False,
    closed=False,
    smin=41000,
    smax=47000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"conservation@lindenhall.example.org.uk"},
    posted=D(2027, 4, 27),
)

page(
    "_posts/2027-04-28-community-archives-grants.md",
    """---
title: Community Archives Grants 2027 now open
date: 2027-04-28
categories: [news, funding]
---

The Fenland Heritage Fund is pleased to open its 2027 round of Community Archives Grants.
Community groups in Cambridgeshire and Lincolnshire can apply for up to £5,000 to sort,
catalogue, digitise or share their archives.

The deadline for applications is 30 June 2027. Read the guidance and apply at
https://fenlandheritage.example.org.uk/grants. We will announce the awards in September.
""",
    kind=("news", "other"),
    title="Community Archives Grants 2027 now open",
    posted=D(2027, 4, 28),
)

page(
    "_posts/2027-04-29-casual-gallery-guide.md",
    """---
title: Casual Gallery Guides
date: 2027-04-29
---

The Riverside Gallery of Photography in Bristol is recruiting Casual Gallery Guides for the
summer season, to welcome visitors and talk about the exhibitions.

Guides work on a casual, zero-hours basis, mostly at weekends, and are paid £13.15 an hour.

We'd like to hear from you by 21/05/2027: send a short CV to guides@rgp.example.org.uk.
""",
    kind="job",
    title="Casual Gallery Guides",
    org="Riverside Gallery of Photography",
    location="Bristol",
    remote=None,
    deadline=D(2027, 5, 21),
    ouf=False,
    closed=False,
    smin=13.15,
    cur="GBP",
    period="hour",
    contacts={"guides@rgp.example.org.uk"},
    posted=D(2027, 4, 29),
)

page(
    "_posts/2027-04-30-solutions-architect-us.md",
    """---
title: Solutions Architect
date: 2027-04-30
location: "Remote (US-based)"
employment_type: Full-time
---

Lantern Digital Repositories hosts repository software for 150 colleges and research
institutes. Our Solutions Architect will design migrations from other systems and advise
members on storage and preservation.

The salary range is $95k–$110k, plus health insurance and a 403(b) plan.

Apply at https://lanternrepos.example.com/careers/solutions-architect. We review
applications as they arrive and will keep the posting open until the role is filled.
""",
    kind="job",
    title="Solutions Architect",
    org="Lantern Digital Repositories",
    remote=True,
    regions=["US"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=95000,
    smax=110000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://lanternrepos.example.com/careers/solutions-architect"},
    posted=D(2027, 4, 30),
)

page(
    "internships/faq.md",
    """---
title: Internships FAQ
layout: page
---

### Are the internships paid?

Yes. All our internships pay at least the Real Living Wage, currently £12.60 an hour.

### How long does an internship last?

Most last ten weeks over the summer; a few run part-time through the academic year.

### Can international students apply?

Yes, if you have the right to work in the UK for the length of the internship.

### When do applications open?

We advertise each year's internships in February, with a closing date in March.
""",
    kind="faq",
    title="Internships FAQ",
    posted=None,
)

page(
    "_posts/2027-05-03-wikidata-trainer.md",
    """---
title: Wikidata Trainer
date: 2027-05-03
location:
  city: Copenhagen
  country: Denmark
tags: [job, part-time]
---

The Danish Library Network is looking for a Wikidata Trainer to teach librarians in public
libraries how to add and improve data about their local authors.

The role is 0.5 FTE (18.5 hours a week), based at our office in Copenhagen. Salary according
to the collective agreement, about DKK 21,000 per month for 0.5 FTE.

Applications in English or Danish by 31 May 2027 to job@dln.example.dk.
""",
    kind="job",
    title="Wikidata Trainer",
    org="Danish Library Network",
    location="Copenhagen",
    remote=None,
    deadline=D(2027, 5, 31),
    ouf=False,
    closed=False,
    smin=21000,
    cur="DKK",
    period="month",
    etype="part-time",
    contacts={"job@dln.example.dk"},
    posted=D(2027, 5, 3),
)

page(
    "_posts/2027-05-04-two-posts-table.md",
    """---
title: Two posts in our Special Collections team
date: 2027-05-04
---

Hartwell College Library in Oxford has two posts in its Special Collections team.

| Post | Hours | Salary | Closing date |
|---|---|---|---|
| Rare Books Cataloguer | Full-time, fixed-term 2 years | £33,000–£36,500 per annum | 2 June 2027 |
| Reading Room Assistant | Part-time, 18 hours a week | £12.90 per hour | 2 June 2027 |

For both posts, send a CV and covering letter to specialcollections@hartwell.example.ac.uk.
""",
    kind="job",
    title="Two posts in our Special Collections team",
    org="Hartwell College Library / Hartwell College",
    positions=[
        {
            "title": "Rare Books Cataloguer",
            "location": "Oxford",
            "deadline": D(2027, 6, 2),
            "smin": 33000,
            "smax": 36500,
            "cur": "GBP",
            "period": "year",
            "etype": "temporary",
            "contacts": {"specialcollections@hartwell.example.ac.uk"},
        },
        {
            "title": "Reading Room Assistant",
            "location": "Oxford",
            "deadline": D(2027, 6, 2),
            "smin": 12.90,
            "cur": "GBP",
            "period": "hour",
            "etype": "part-time",
            "contacts": {"specialcollections@hartwell.example.ac.uk"},
        },
    ],
    posted=D(2027, 5, 4),
)

# ---------------------------------------------------------------- held out: written before
# any fix, scored blind once on the first set's rules
PAGES.hold_out()

page(
    "_posts/2027-03-01-oral-history-officer.md",
    """---
title: Oral History Officer
date: 2027-03-01
---

**Update, 2 April 2027: this vacancy is now closed and we are no longer accepting
applications.**

Tyneside Voices, a community oral history project based in Newcastle upon Tyne, is looking
for an Oral History Officer to record, transcribe and archive interviews with former
shipyard workers.

This is a part-time post (3 days a week), fixed-term for 18 months, funded by a heritage
grant. The salary is £27,500 per annum pro rata.

~~Apply by 31 March 2027~~ to hello@tynesidevoices.example.org.uk.
""",
    kind="job",
    title="Oral History Officer",
    org="Tyneside Voices",
    location="Newcastle",
    remote=None,
    deadline=D(2027, 3, 31),
    ouf=False,
    closed=True,
    smin=27500,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"hello@tynesidevoices.example.org.uk"},
    posted=D(2027, 3, 1),
)

page(
    "_posts/2027-05-05-data-engineer-eea.md",
    """---
title: Data Engineer
date: 2027-05-05
remote: true
---

Stillwater Archives Cooperative runs a shared digital preservation service for 40 archives.
We are hiring a Data Engineer to build the pipelines that check, package and store what our
members deposit.

You can work from anywhere in the EEA or Switzerland. The role is full-time and permanent,
and pays €4,000 to €4,800 gross monthly, depending on experience.

Apply by 4 June 2027 through https://stillwater.example.coop/jobs/data-engineer.
""",
    kind="job",
    title="Data Engineer",
    org="Stillwater Archives Cooperative",
    remote=True,
    regions=["EEA", "Switzerland"],
    deadline=D(2027, 6, 4),
    ouf=False,
    closed=False,
    smin=4000,
    smax=4800,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"https://stillwater.example.coop/jobs/data-engineer"},
    posted=D(2027, 5, 5),
)

page(
    "_posts/2027-05-06-call-for-proposals-residencies.md",
    """---
title: "Call for proposals: Digital Residencies 2028"
date: 2027-05-06
tags: [call, residencies]
---

The Orchard Street Archive invites artists, writers and technologists to propose a
three-month digital residency working with our collections of trade catalogues.

Each resident receives a fee of £6,000 and access to our digitised collection. Proposals of
up to two pages are due by 1 August 2027 via https://orchardstreet.example.org/residencies.
""",
    kind=("news", "other"),
    title="Call for proposals: Digital Residencies 2028",
    posted=D(2027, 5, 6),
)

page(
    "news/2027-05-07-meet-our-new-preservation-manager.md",
    """---
title: Meet our new Digital Preservation Manager
date: 2027-05-07
---

We are very pleased to welcome Tomasz Wierzbicki, who joined the Harbour City Archives this
month as Digital Preservation Manager. Tomasz was until recently the preservation lead at a
university library in Kraków.

His first task is our preservation policy; the post was created with a grant from the
Coastal Heritage Foundation. We will advertise two more posts in his team later this year.
""",
    kind="news",
    title="Meet our new Digital Preservation Manager",
    posted=D(2027, 5, 7),
)

page(
    "_posts/2027-05-10-curator-html-table.md",
    """---
title: Curator of Textiles
date: 2027-05-10
---

<table>
  <tr><th>Employer</th><td>Ardent Mills Museum</td></tr>
  <tr><th>Location</th><td>Manchester</td></tr>
  <tr><th>Contract</th><td>Permanent, full-time</td></tr>
  <tr><th>Salary</th><td>£38,500 per annum</td></tr>
  <tr><th>Closing date</th><td>11 June 2027</td></tr>
</table>

The Curator of Textiles will care for and research our collection of 12,000 samples, pattern
books and machines, and plan a new gallery on the cotton trade.

To apply, send your CV to careers@ardentmills.example.org.uk.
""",
    kind="job",
    title="Curator of Textiles",
    org="Ardent Mills Museum",
    location="Manchester",
    remote=None,
    deadline=D(2027, 6, 11),
    ouf=False,
    closed=False,
    smin=38500,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"careers@ardentmills.example.org.uk"},
    posted=D(2027, 5, 10),
)

page(
    "_posts/2027-05-11-library-assistant-obfuscated.md",
    """---
title: Library Assistant (evenings)
date: 2027-05-11
---

St Aidan's College Library in Durham needs a Library Assistant for evening opening, Monday
to Thursday, 6 pm to 10 pm (16 hours a week).

The pay is £12.75 per hour. The post is permanent.

Please send your application to library.jobs (at) staidans.example (dot) ac (dot) uk by
noon on 4 June 2027.
""",
    kind="job",
    title="Library Assistant (evenings)",
    org="St Aidan's College Library / St Aidan's College",
    location="Durham",
    remote=None,
    deadline=D(2027, 6, 4),
    ouf=False,
    closed=False,
    smin=12.75,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"library.jobs@staidans.example.ac.uk"},
    posted=D(2027, 5, 11),
)

page(
    "_posts/2027-05-12-collections-officer-melbourne.md",
    """---
title: Casual Collections Officer
date: 2027-05-12
---

The Yarra Bend Historical Society in Melbourne is looking for a Casual Collections Officer to
help move our collection into new storage over the next six months.

Pay is $52.30 per hour, which includes the 25% casual loading, for about two days a week.

Applications close at 5 pm (AEST) on Friday 4 June 2027. Email your CV to
collections@ybhs.example.org.au.
""",
    kind="job",
    title="Casual Collections Officer",
    org="Yarra Bend Historical Society",
    location="Melbourne",
    remote=None,
    deadline=D(2027, 6, 4),
    ouf=False,
    closed=False,
    smin=52.30,
    cur="AUD",
    period="hour",
    contacts={"collections@ybhs.example.org.au"},
    posted=D(2027, 5, 12),
)

page(
    "_posts/2027-05-13-metadata-analyst-half-time.md",
    """---
title: Metadata Analyst (0.5 FTE)
date: 2027-05-13
---

The Scholarly Commons Lab at Ostvik University in Stockholm is recruiting a Metadata Analyst
to improve the metadata of our open-access repository.

The position is 0.5 FTE and permanent. Salary: SEK 38k–42k per month (full-time
equivalent), by individual agreement.

Apply via our portal, https://ostvik.example.se/jobs/ref-2027-144, no later than 7 June 2027.
""",
    kind="job",
    title="Metadata Analyst (0.5 FTE)",
    org="Scholarly Commons Lab / Ostvik University",
    location="Stockholm",
    remote=None,
    deadline=D(2027, 6, 7),
    ouf=False,
    closed=False,
    smin=38000,
    smax=42000,
    cur="SEK",
    period="month",
    etype="part-time",
    contacts={"https://ostvik.example.se/jobs/ref-2027-144"},
    posted=D(2027, 5, 13),
)

page(
    "_posts/2027-05-14-product-designer-tags.md",
    """---
title: Product Designer
date: 2027-05-14
tags: [job, full-time, remote]
location:
  city: Lisbon
  country: Portugal
---

Tessera builds tools that let small museums publish their collections online. Our Product
Designer will work with our two developers and with the museums that use Tessera.

You can work from our office in Lisbon or remotely from anywhere in Portugal.

The salary is €2,400–€2,900 gross per month, in 14 payments.

Send your portfolio to design-jobs@tessera.example.pt by 10 June 2027.
""",
    kind="job",
    title="Product Designer",
    org="Tessera",
    location="Lisbon",
    remote=True,
    regions=["Portugal"],
    deadline=D(2027, 6, 10),
    ouf=False,
    closed=False,
    smin=2400,
    smax=2900,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"design-jobs@tessera.example.pt"},
    posted=D(2027, 5, 14),
)

page(
    "help/applying-faq.md",
    """---
title: "Applying for a job at the Archive: FAQ"
---

**Q: Where are your vacancies advertised?**

A: On this website and on the national jobs portal. We do not use agencies.

**Q: Can I send my CV by email?**

A: No, please use the application form for the post. We cannot consider CVs sent by email.

**Q: Will you tell me if I am not shortlisted?**

A: Yes. We write to every applicant within three weeks of the closing date.
""",
    kind="faq",
    title="Applying for a job at the Archive: FAQ",
    posted=None,
)

page(
    "_posts/2027-05-17-evaluation-consultancy-digital.md",
    """---
title: Consultancy - Digital Strategy Review
date: 2027-05-17
---

The Alpine Photography Foundation in Innsbruck seeks a consultant to review its digital
strategy and advise on a new collections website.

The assignment runs from July to October 2027, about 25 working days, for a total fee of up
to €12,000 (excluding VAT).

Send an offer with your approach, two references and a budget to office@apf.example.at by
15 June 2027.
""",
    kind="job",
    title="Consultancy - Digital Strategy Review",
    org="Alpine Photography Foundation",
    location="Innsbruck",
    remote=None,
    deadline=D(2027, 6, 15),
    ouf=False,
    closed=False,
    smin=None,
    smax=12000,
    cur="EUR",
    period=None,
    etype="temporary",
    contacts={"office@apf.example.at"},
    posted=D(2027, 5, 17),
)

page(
    "_posts/2027-05-18-archivist-bom-crlf.md",
    "\ufeff---\r\n"
    "title: Assistant Archivist\r\n"
    "date: 2027-05-18\r\n"
    "deadline: 2027-06-18\r\n"
    "---\r\n"
    "\r\n"
    "The Solway Family History Archive in Dumfries is looking for an Assistant Archivist\r\n"
    "to catalogue deposited family papers and answer enquiries from researchers.\r\n"
    "\r\n"
    "Hours: 28 per week. Salary: £26,800 per annum pro rata. Permanent.\r\n"
    "\r\n"
    "Email your application to archive@bfha.example.org.uk.\r\n",
    kind="job",
    title="Assistant Archivist",
    org="Solway Family History Archive",
    location="Dumfries",
    remote=None,
    deadline=D(2027, 6, 18),
    ouf=False,
    closed=False,
    smin=26800,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"archive@bfha.example.org.uk"},
    posted=D(2027, 5, 18),
)

# ---------------------------------------------------------------- held out, batch B: written
# after the fixes of the first set and of batch A, scored blind once on their rules

page(
    "_posts/2027-05-19-research-data-officer-aberdeen.md",
    """---
title: Research Data Officer
date: 2027-05-19
---

- **Department:** Library, Special Collections and Museums
- **Location:** Aberdeen
- **Grade:** 6 (£29,605–£34,308 per annum)
- **Contract:** Open-ended, full-time
- **Closing date:** 23:59 BST, 18 June 2027

The University of Grampian's Library helps researchers plan, store and share their data. As
Research Data Officer you will advise researchers on data management plans and look after
our data repository.

Apply through the University's vacancy portal: https://jobs.grampian.example.ac.uk/rdo-0619.
""",
    kind="job",
    title="Research Data Officer",
    org="University of Grampian / Library, Special Collections and Museums",
    location="Aberdeen",
    remote=None,
    deadline=D(2027, 6, 18),
    ouf=False,
    closed=False,
    smin=29605,
    smax=34308,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://jobs.grampian.example.ac.uk/rdo-0619"},
    posted=D(2027, 5, 19),
)

page(
    "_posts/2027-05-20-implementation-specialist-us.md",
    """---
title: Implementation Specialist
date: 2027-05-20
---

Quillstone is a remote-first company that builds digital exhibit software for museums, with
staff spread across US time zones. We are looking for an Implementation Specialist to help new
customers move their collections data into Quillstone.

You must reside in the United States. This is a full-time role paying $70,000 - $80,000 USD
annually, with benefits.

Applications will be reviewed starting June 1, 2027; the position will remain open until
filled. Apply at https://quillstone.example.com/careers/implementation.
""",
    kind="job",
    title="Implementation Specialist",
    org="Quillstone",
    remote=True,
    regions=["United States"],
    deadline=None,
    ouf=True,
    closed=False,
    smin=70000,
    smax=80000,
    cur="USD",
    period="year",
    etype="full-time",
    contacts={"https://quillstone.example.com/careers/implementation"},
    posted=D(2027, 5, 20),
)

page(
    "_posts/2027-04-02-archives-assistant-filled.md",
    """---
title: Archives Assistant
date: 2027-04-02
status: filled
---

The Cotswold Parish Records Centre in Gloucester is looking for an Archives Assistant to
produce documents for visitors in our search room and to repackage parish registers.

Part-time, 21 hours a week, permanent. £12.45 per hour.

Send a CV and covering letter to records@cprc.example.org.uk by 30 April 2027.
""",
    kind="job",
    title="Archives Assistant",
    org="Cotswold Parish Records Centre",
    location="Gloucester",
    remote=None,
    deadline=D(2027, 4, 30),
    ouf=False,
    closed=True,
    smin=12.45,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"records@cprc.example.org.uk"},
    posted=D(2027, 4, 2),
)

page(
    "_posts/2027-05-21-a-new-face-in-the-reading-room.md",
    """---
title: A new face in the reading room
date: 2027-05-21
---

We're happy to say that Lena Fischer started this week as our Reading Room Supervisor. Lena
worked for six years at a county record office, and she will look after our volunteers and
the booking system.

If you visit us this summer, do say hello!
""",
    kind="news",
    title="A new face in the reading room",
    posted=D(2027, 5, 21),
)

page(
    "_posts/2027-05-24-special-issue-web-archives.md",
    """---
title: "Submissions open: special issue on web archives"
date: 2027-05-24
deadline: 2027-07-01
---

The Journal of Digital Memory invites articles for a special issue on web archives as
historical sources. We welcome research articles of up to 8,000 words and shorter case
studies from archives and libraries.

Send your abstract by 1 July 2027 to editors@jdm.example.org; full articles are due in
November.
""",
    kind=("news", "other"),
    title="Submissions open: special issue on web archives",
    posted=D(2027, 5, 24),
)

page(
    "_posts/2027-05-25-frontend-developer-careers-at.md",
    """---
title: Frontend Developer (Vue)
date: 2027-05-25
---

Mapmakers Collective builds open-source viewers for historical maps, used by libraries in
Europe and North America. We are looking for a Frontend Developer with Vue and a liking for
maps.

- Based in our Ghent office, with two days a week from home
- Full-time, permanent
- €45–52k gross per year, depending on experience

Send your CV and a link to your code to careers AT mapmakers DOT example DOT be before
20 June 2027.
""",
    kind="job",
    title="Frontend Developer (Vue)",
    org="Mapmakers Collective",
    location="Ghent",
    remote=True,
    deadline=D(2027, 6, 20),
    ouf=False,
    closed=False,
    smin=45000,
    smax=52000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"careers@mapmakers.example.be"},
    posted=D(2027, 5, 25),
)

page(
    "_posts/2027-05-26-collections-registrar-vienna-cp1252.md",
    (
        b"---\r\n"
        b"title: Collections Registrar\r\n"
        b"date: 2027-05-26\r\n"
        b"---\r\n"
        b"\r\n"
        b"The Museum of Applied Sound in Vienna is looking for a Collections Registrar "
        b"to manage\r\n"
        b"loans, insurance and the movement of objects between our stores and galleries.\r\n"
        b"\r\n"
        b"The position is full-time (40 hours a week) and permanent, with the option "
        b"of two days\r\n"
        b"a week in home office. The salary is \x802,800 gross per month (14 times a year).\r\n"
        b"\r\n"
        b"Closing date: 30 June 2027. Please send your application to "
        b"jobs@mas.example.at \x96 we\r\n"
        b"look forward to hearing from you.\r\n"
    ),
    kind="job",
    title="Collections Registrar",
    org="Museum of Applied Sound",
    location="Vienna",
    remote=True,
    deadline=D(2027, 6, 30),
    ouf=False,
    closed=False,
    smin=2800,
    cur="EUR",
    period="month",
    etype="full-time",
    contacts={"jobs@mas.example.at"},
    posted=D(2027, 5, 26),
)

page(
    "_posts/2027-05-27-postdoc-zurich.md",
    """---
title: "Postdoc in Digital Musicology (80–100%)"
date: 2027-05-27
---

The Institute of Music Heritage at the University of the Limmat in Zürich invites
applications for a postdoctoral position in digital musicology, to work on encoded editions
of 18th-century manuscripts.

- Pensum: 80–100%
- Duration: 2 years, with the possibility of extension
- Start date: 1 October 2027 or by agreement
- Salary according to the University's guidelines
- Application deadline: 15 July 2027

Please submit your application as one PDF through https://jobs.limmat.example.ch/postdoc-dm.
""",
    kind="job",
    title="Postdoc in Digital Musicology (80–100%)",
    org="University of the Limmat / Institute of Music Heritage",
    location="Zürich",
    remote=None,
    deadline=D(2027, 7, 15),
    ouf=False,
    closed=False,
    smin=None,
    cur=None,
    etype="temporary",
    contacts={"https://jobs.limmat.example.ch/postdoc-dm"},
    posted=D(2027, 5, 27),
)

page(
    "careers/index.md",
    """---
title: Careers
layout: page
---

Thank you for your interest in working at the Fenwick Textile Archive.

There are no vacancies at present. We advertise every post on this page and on the national
museums jobs board; to hear about new posts, sign up to our newsletter.

We also welcome volunteers: see our volunteering page.
""",
    kind=("other", "news"),
    title="Careers",
    posted=None,
)

HELD_OUT_B: frozenset[str] = frozenset(
    (
        "_posts/2027-05-19-research-data-officer-aberdeen.md",
        "_posts/2027-05-20-implementation-specialist-us.md",
        "_posts/2027-04-02-archives-assistant-filled.md",
        "_posts/2027-05-21-a-new-face-in-the-reading-room.md",
        "_posts/2027-05-24-special-issue-web-archives.md",
        "_posts/2027-05-25-frontend-developer-careers-at.md",
        "_posts/2027-05-26-collections-registrar-vienna-cp1252.md",
        "_posts/2027-05-27-postdoc-zurich.md",
        "careers/index.md",
    )
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=45, jobs=32, others=11)

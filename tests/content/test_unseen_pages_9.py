"""A ninth round of pages the loader had never seen, about WHO is hiring and for WHAT, and
whether a page is an opening at all, with what a careful reader takes from each, field by field.

Our own words, invented organisations, people and addresses (real city names). The employer
said in many ways: the subject of the first sentence with a verb other than "seeks" ("X is
growing", "X has an opening", "Join X as …", "At X, we …"), only in a sign-off ("— The X
team"), only in the email domain, in an "About us" section at the end, a job board posting
for another employer ("Posted on behalf of …"), a consortium employed through a host body;
names with "The", "&", "of" and an acronym in brackets. Titles in many shapes ("We're hiring:
…", "Job: …", "Vacancy – …", "Now recruiting a …", "Role, Employer (City)", lower case, ALL
CAPS) and two openings on one page. And pages that are not openings, as a careful reader
decides: a hire announced, "we are not hiring at the moment", a call for volunteers, and an
unpaid student placement (no pay and no contract of employment: a reader looking for work
would not count it as a job opening).

Two sets, each written before any fix for it: the first set (fixed against) and the held-out
set, scored blind once on the first set's rules. /work/notes/loader9.md has the tables. Run
with ``-s`` to see the per-field table. A field the loader still misses is in
``KNOWN_MISSES`` with the reason, as a strict xfail.

How a field is judged: tests/content/pagejudge.py. ``title`` is the page's title; ``role`` is
each opening's title as a careful reader writes it, capitals and all ("Paper Conservator"
under the title "paper conservator", "Registrar" under "REGISTRAR – …").
"""

from __future__ import annotations

from datetime import date as D

import pytest
from pagejudge import PageSet

PAGES = PageSet()
page = PAGES.page

# ---------------------------------------------------------------- the pages fixed against

page(
    "_posts/2027-06-01-hiring-digitisation-officer.md",
    """---
title: We're hiring a digitisation officer!
date: 2027-06-01
---

Copperleaf Photographic Archive is growing, and we need a Digitisation Officer to help us
scan 120,000 glass plate negatives of Sheffield's steelworks and streets.

The post is full-time and fixed-term for two years, based at our reading room in Sheffield.
Salary £29,800 per annum.

Send a CV and covering letter to Priya Nandakumar, jobs@copperleafarchive.example.org.uk, by
30 June 2027.
""",
    kind="job",
    title="We're hiring a digitisation officer!",
    role="Digitisation Officer",
    org="Copperleaf Photographic Archive",
    location="Sheffield",
    remote=None,
    deadline=D(2027, 6, 30),
    ouf=False,
    closed=False,
    smin=29800,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"jobs@copperleafarchive.example.org.uk"},
    posted=D(2027, 6, 1),
)

page(
    "_posts/2027-06-02-job-metadata-specialist.md",
    """---
title: "Job: Metadata Specialist"
date: 2027-06-02
---

Join the Harbourside Maritime Museum as our Metadata Specialist and help sailors' letters,
ship plans and logbooks reach readers online.

You will write and clean catalogue records, map them to Linked Art, and train volunteers.

- Location: Portsmouth, UK
- Contract: full-time, permanent
- Salary: £33,000 – £36,000 a year

Applications close on 25 June 2027. Apply at https://harbourside.example.org.uk/careers/metadata.
""",
    kind="job",
    title="Job: Metadata Specialist",
    role="Metadata Specialist",
    org="Harbourside Maritime Museum",
    location="Portsmouth",
    remote=None,
    deadline=D(2027, 6, 25),
    ouf=False,
    closed=False,
    smin=33000,
    smax=36000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"https://harbourside.example.org.uk/careers/metadata"},
    posted=D(2027, 6, 2),
)

page(
    "_posts/2027-06-03-vacancy-textile-conservator.md",
    """---
title: Vacancy – Textile Conservator
date: 2027-06-03
---

We care for 6,000 garments, samplers and mill pattern books, from Georgian silks to 1970s
nylon. We are now looking for a Textile Conservator to treat objects for loan and display.

Part-time (3 days a week), permanent, £34,500 pro rata. The studio is in Bradford.

To apply, email a CV to studio@fenwickdaughters.example.org.uk by 2 July 2027.

— The Fenwick & Daughters Textile Collection team
""",
    kind="job",
    title="Vacancy – Textile Conservator",
    role="Textile Conservator",
    org="Fenwick & Daughters Textile Collection",
    location="Bradford",
    remote=None,
    deadline=D(2027, 7, 2),
    ouf=False,
    closed=False,
    smin=34500,
    cur="GBP",
    period="year",
    etype="part-time",
    contacts={"studio@fenwickdaughters.example.org.uk"},
    posted=D(2027, 6, 3),
)

page(
    "_posts/2027-06-04-records-manager.md",
    """---
title: Now recruiting a Records Manager
date: 2027-06-04
---

We are a small film club with a large archive: 40 years of programmes, posters and
projection logs. We are now recruiting a Records Manager to put them in order and set up a
retention schedule for our office files.

This is a part-time role, 15 hours a week, in Bristol, paid £15.20 per hour.

Email hr@riverbend-film-society.example.org with a short letter. We read applications as
they arrive and will close the post once it is filled.
""",
    kind="job",
    title="Now recruiting a Records Manager",
    role="Records Manager",
    org="Riverbend Film Society",
    location="Bristol",
    remote=None,
    ouf=True,
    closed=False,
    smin=15.20,
    cur="GBP",
    period="hour",
    etype="part-time",
    contacts={"hr@riverbend-film-society.example.org"},
    posted=D(2027, 6, 4),
)

page(
    "_posts/2027-06-07-archives-assistant-swansea.md",
    """---
title: ARCHIVES ASSISTANT
date: 2027-06-07
---

At the Museum of Welsh Copper Smelting, we keep the records of the works that once made
Swansea "Copperopolis". We need an Archives Assistant to answer enquiries, fetch records for
the searchroom and help with our school visits.

**Hours:** 37 per week, permanent
**Pay:** £24,100 per year
**Where:** Swansea

Apply by 9 July 2027: send your CV to archives@copperopolis-museum.example.org.uk.
""",
    kind="job",
    title="ARCHIVES ASSISTANT",
    role="Archives Assistant",
    org="Museum of Welsh Copper Smelting",
    location="Swansea",
    remote=None,
    deadline=D(2027, 7, 9),
    ouf=False,
    closed=False,
    smin=24100,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"archives@copperopolis-museum.example.org.uk"},
    posted=D(2027, 6, 7),
)

page(
    "jobs/project-archivist-brackenfield.md",
    """---
title: Project Archivist, Brackenfield Borough Council (Derby)
date: 2027-06-08
layout: job
---

*Posted on behalf of Brackenfield Borough Council by Midlands Heritage Jobs.*

The council's record office is cataloguing the papers of its former tramways department, and
wants a Project Archivist for eighteen months to lead the work.

Grade 5, £30,900 – £32,800 per annum, full-time.

Closing date: 16 July 2027. Apply at https://brackenfield.example.gov.uk/jobs/PA-204.
""",
    kind="job",
    title="Project Archivist, Brackenfield Borough Council (Derby)",
    role="Project Archivist",
    org="Brackenfield Borough Council",
    location="Derby",
    remote=None,
    deadline=D(2027, 7, 16),
    ouf=False,
    closed=False,
    smin=30900,
    smax=32800,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://brackenfield.example.gov.uk/jobs/PA-204"},
    posted=D(2027, 6, 8),
)

page(
    "_posts/2027-06-09-community-manager-herbaria.md",
    """---
title: Community Manager
date: 2027-06-09
---

The Open Herbaria Consortium (OHC) brings together forty herbaria that publish their
specimen sheets as open data. We are looking for a Community Manager to run our working
groups, newsletter and annual meeting.

The post is employed by the University of Exmoor on behalf of the consortium. You can work
from home in the UK, with a few trips a year to Exeter.

Full-time, fixed-term for three years. Salary £41,000 – £45,500 per year.

Apply by 20 July 2027 at https://jobs.exmoor.example.ac.uk/OHC-CM.
""",
    kind="job",
    title="Community Manager",
    role="Community Manager",
    org="Open Herbaria Consortium / OHC / University of Exmoor",
    remote=True,
    regions=["UK"],
    deadline=D(2027, 7, 20),
    ouf=False,
    closed=False,
    smin=41000,
    smax=45500,
    cur="GBP",
    period="year",
    etype="temporary",
    contacts={"https://jobs.exmoor.example.ac.uk/OHC-CM"},
    posted=D(2027, 6, 9),
)

page(
    "_posts/2027-06-10-two-posts-boat-museum.md",
    """---
title: "We're hiring: two posts at the museum"
date: 2027-06-10
---

The Broadland Boat Museum in Norwich tells the story of the wherries, lifeboats and pleasure
cruisers of the Norfolk Broads. We have two openings.

## Collections Officer

Look after 300 boats and 12,000 small objects; plan the move into our new store.
Full-time, permanent, £28,400 a year.

## Learning Officer

Run school visits and family days on the riverbank. Part-time, 22.5 hours a week, £27,000 a
year pro rata.

Both posts close on 11 July 2027. Send a CV and letter to jobs@broadlandboats.example.org.uk.
""",
    kind="job",
    title="We're hiring: two posts at the museum",
    org="Broadland Boat Museum",
    positions=[
        {
            "role": "Collections Officer",
            "location": "Norwich",
            "deadline": D(2027, 7, 11),
            "smin": 28400,
            "cur": "GBP",
            "period": "year",
            "etype": "full-time",
            "contacts": {"jobs@broadlandboats.example.org.uk"},
        },
        {
            "role": "Learning Officer",
            "location": "Norwich",
            "deadline": D(2027, 7, 11),
            "smin": 27000,
            "cur": "GBP",
            "period": "year",
            "etype": "part-time",
            "contacts": {"jobs@broadlandboats.example.org.uk"},
        },
    ],
    posted=D(2027, 6, 10),
)

page(
    "_posts/2027-06-11-welcome-digital-archivist.md",
    """---
title: Please welcome our new Digital Archivist
date: 2027-06-11
---

After a busy spring of interviews, we are pleased to say that Tomasz Wieczorek has accepted
the post of Digital Archivist at the Calder Valley Sound Archive. He starts on 1 July 2027.

Tomasz comes to us from a broadcaster's tape library, where he moved 20,000 hours of audio to
files. Many thanks to everyone who applied; we had over sixty applications.

If you would like to talk to Tomasz about depositing recordings, write to
tomasz@caldersound.example.org.uk.
""",
    kind="news",
    title="Please welcome our new Digital Archivist",
    posted=D(2027, 6, 11),
)

page(
    "careers.md",
    """---
title: Careers at the Heronsgate Library
layout: page
permalink: /careers/
---

Thank you for your interest in working with us. We are not hiring at the moment: every post
in our team is filled, and we have no vacancies planned for this year.

When a post opens we will list it here with its salary, closing date and how to apply, and
announce it in our newsletter. Please do not send speculative CVs.
""",
    kind="other",
    title="Careers at the Heronsgate Library",
    posted=None,
)

PAGES.hold_out()
# ---------------------------------------------------------------- the held-out pages

page(
    "_posts/2027-06-14-paper-conservator-edinburgh.md",
    """---
title: paper conservator
date: 2027-06-14
---

The Lindqvist Book & Paper Studio has an opening for a Paper Conservator to join our team of
five in Edinburgh. We repair maps, letters and bound volumes for libraries, archives and
private owners across Scotland.

The post is full-time and permanent, paid £35,200 – £38,000 a year depending on experience.

Write to Ingrid Lindqvist at studio@lindqvistpaper.example.co.uk before 14 July 2027.
""",
    kind="job",
    title="paper conservator",
    role="Paper Conservator",
    org="Lindqvist Book & Paper Studio / The Lindqvist Book & Paper Studio",
    location="Edinburgh",
    remote=None,
    deadline=D(2027, 7, 14),
    ouf=False,
    closed=False,
    smin=35200,
    smax=38000,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"studio@lindqvistpaper.example.co.uk"},
    posted=D(2027, 6, 14),
)

page(
    "_posts/2027-06-15-digital-preservation-officer.md",
    """---
title: "Vacancy: Digital Preservation Officer"
date: 2027-06-15
---

We are looking for a Digital Preservation Officer to look after the born-digital records of
Scotland's lighthouses and their keepers: photographs, logbooks scanned years ago, and the
email of the last keepers' association.

Full-time, permanent, based in Aberdeen. Salary £37,400 per annum.

Apply by 18 July 2027 to recruitment@nlrt.example.org.uk.

## About us

The Northern Lights Records Trust (NLRT) is a charity founded in 1998 to keep the records of
Scotland's lighthouse service together and open to the public.
""",
    kind="job",
    title="Vacancy: Digital Preservation Officer",
    role="Digital Preservation Officer",
    org="Northern Lights Records Trust / NLRT",
    location="Aberdeen",
    remote=None,
    deadline=D(2027, 7, 18),
    ouf=False,
    closed=False,
    smin=37400,
    cur="GBP",
    period="year",
    etype="full-time",
    contacts={"recruitment@nlrt.example.org.uk"},
    posted=D(2027, 6, 15),
)

page(
    "_posts/2027-06-16-summer-placement-collections-care.md",
    """---
title: "Summer placement: collections care"
date: 2027-06-16
---

Are you studying conservation or museum studies? The Tamar Mills Museum offers a six-week
summer placement in collections care, from 19 July to 27 August 2027, in Plymouth.

This is an unpaid placement for students; we cover travel within the city and lunch each day.
You will clean and pack objects, monitor pests and help with an environmental survey.

To take part, send a short note about your course to learning@tamarmills.example.org.uk by
9 July 2027.
""",
    kind=("news", "other"),
    title="Summer placement: collections care",
    posted=D(2027, 6, 16),
)

page(
    "_posts/2027-06-17-volunteers-wanted-transcription.md",
    """---
title: Volunteers wanted for our transcription project
date: 2027-06-17
---

The Leicester Hosiery History Group is looking for volunteers to transcribe the wage books of
the town's knitting factories, 1880–1930. You can help from home, for as little or as much
time as you like.

No experience is needed: we run a short online training session each month. Sign up at
https://hosieryhistory.example.org.uk/volunteer.
""",
    kind=("news", "other"),
    title="Volunteers wanted for our transcription project",
    posted=D(2027, 6, 17),
)

page(
    "jobs/registrar-corrib-galway.md",
    """---
title: REGISTRAR – Corrib Heritage Trust (Galway)
date: 2027-06-18
layout: job
---

This listing is shared by the Western Heritage Jobs board for the Corrib Heritage Trust.

The Registrar keeps the loans, acquisitions and location records of the trust's three
museums, and manages the move to a new collections database.

Full-time, permanent contract. Salary €38,000 – €42,000 per year.

Apply through https://corribheritage.example.ie/registrar by 23 July 2027.
""",
    kind="job",
    title="REGISTRAR – Corrib Heritage Trust (Galway)",
    role="Registrar",
    org="Corrib Heritage Trust",
    location="Galway",
    remote=None,
    deadline=D(2027, 7, 23),
    ouf=False,
    closed=False,
    smin=38000,
    smax=42000,
    cur="EUR",
    period="year",
    etype="full-time",
    contacts={"https://corribheritage.example.ie/registrar"},
    posted=D(2027, 6, 18),
)

# (page, field or "field[i]" for the i-th opening) -> why the loader still misses it
KNOWN_MISSES: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize(("name", "check"), PAGES.params(KNOWN_MISSES))
def test_a_reader_and_the_loader_agree(name: str, check: str) -> None:
    PAGES.assert_agrees(name, check)


def test_field_table() -> None:
    PAGES.assert_accuracy(at_least=0.85)


def test_there_are_enough_pages_of_each_kind() -> None:
    PAGES.assert_kinds(pages=15, jobs=10, others=4)

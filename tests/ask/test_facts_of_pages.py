"""Facts and passages of pages Herald has never seen: fees, events and the calls of an
organisation, asked the way members ask in chat."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pagestore import app_of

from bot.app import App
from bot.domain import Passage, PassageHit
from bot.search import _candidate, _page_named, rank_passages

TODAY = date(2026, 3, 2)

FAQ = """---
title: Kestrel Map Society - Frequently Asked Questions
organization: Kestrel Map Society
layout: page
---

## What is the Kestrel Map Society?

The Kestrel Map Society is a network of map libraries that share scanned atlases and the
tools to georeference them.

## How do members join?

Send a letter of intent to the society's secretary at join@kestrelmaps.example.org. The
board confirms new members at its next meeting.

## What do members pay?

Members pay an annual fee of €900.
"""

MEETING = """---
layout: post
title: "Kestrel Map Days 2026: Gdansk"
date: 2025-11-03
tags: [events]
---

The Kestrel Map Days 2026 take place in Gdansk, Poland, on 8 and 9 October 2026.

Tickets go on sale on 1 May 2026; a ticket costs €140, and students pay €60.

Questions about the programme can go to days@kestrelmaps.example.org.
"""


HIRING = """---
layout: post
title: The Kestrel Map Society is hiring a Digital Curator
date: 2026-02-10
tags: [jobs]
---
The Kestrel Map Society is looking for a Digital Curator to look after the society's scanned
atlases and to help at the Kestrel Map Days. The Kestrel Map Society has no office: the
curator works from home.

Send a CV to curator@kestrelmaps.example.org by 31 March 2026.
"""


GUILD = """---
title: Wren Bookbinders Guild - Membership FAQ
layout: page
---

## Can students become members?

Yes. Membership of the Wren Bookbinders Guild is open to students of any bindery course.

## What is the yearly fee?

The standard fee is £300; students pay £40.
"""


FEES = """---
title: Osprey Data Trust - Fees
layout: service
---

## Membership

Annual membership fee: £700

## Record fees

On top of membership, each member pays £0.02 per record registered during the year.
"""


POSTDOC = """---
layout: post
title: "Postdoctoral Fellow in Map History, Gannet University"
date: 2026-01-12
tags: [jobs]
---

Gannet University in Cork invites applications for a Postdoctoral Fellow in Map History. The
fellow will join a project that reads the estate maps of Munster drawn between 1650 and 1850,
and will help to build a gazetteer of the townland names they record, with the project's two
doctoral students and the county library's map room.

**Term:** two years, starting on 1 October 2026.

**Requirements:** a PhD in geography or history, and a reading knowledge of Irish.

**Closing date:** 20 March 2026. Informal enquiries to Dr Ines Roche (i.roche@gannet.example.ie).
"""


DEVELOPER = """---
layout: post
title: "Job opening: Senior Developer"
date: 2026-02-02
organization: Osprey Data Trust
tags: [jobs]
---

The Osprey Data Trust is hiring a Senior Developer for its record registry.

## Where

The post is based in our Galway office, with three days a week in the office and two from
home.

## Apply

Send a CV to jobs@osprey.example.org by 15 April 2026.
"""


RING = """---
title: About the Heron Archive Network
layout: page
---

## What is the Heron Archive Network?

The Heron Archive Network is a partnership of twelve county archives in Ireland that share one
catalogue.

## Contact

Write to the office at office@heronring.example.ie.
"""

BOARD = """---
layout: page
title: Plover Library Jobs Board
---

The Plover Library Network runs a jobs board for libraries and archives in Munster.

Posting a job costs €40 for non-members; posting is free for member archives.
"""


FAIR = """---
layout: post
title: "Heron Book Fair 2026"
date: 2025-12-01
tags: [events]
---

The Heron Book Fair 2026 opens in Limerick on 5 September 2026. A day ticket costs €30.
"""

FUND = """---
title: Tern Digitisation Fund
organization: Kestrel Map Society
layout: page
---

The Tern Digitisation Fund welcomes applications from map libraries each spring. It is paid for
by the Whimbrel Trust.

## What we fund

The Tern Digitisation Fund pays for scanning and georeferencing of atlases, up to €5,000
for each project.

## Who can apply

Map libraries in Ireland and Wales may apply, members of the society or not.

## How to apply

Fill in the two-page form on the society's website and send it to tern@kestrelmaps.example.org.
"""

SUMMER = """---
title: Summer school
date: 2026-01-05
tags: [news]
---

Our summer program for students of cartography runs in July in Cork.
"""

PRIZE = """---
title: About the Plover Prize
layout: page
---

The Plover Prize is an award of €2,000 given each year to the best first book on the history of
maps, chosen by a jury of five map librarians.
"""


WELCOME = """---
layout: post
title: Welcome to Aoife Byrne, our new Community Lead
date: 2026-01-20
tags: [news]
---

We are glad to welcome Aoife Byrne, who joins the Kestrel Map Society as Community Lead.
"""

SECRETARIAT = """---
title: About the Curlew Records Group
layout: page
---

## What is the Curlew Records Group?

The Curlew Records Group is a partnership of parish record offices that share one index of
baptisms and burials, set up in 2021 so that family historians can search them together.

## Who runs it?

A secretariat of two people in Aberdeen runs the group for its partners.
"""


TRAINER = """---
layout: post
title: Seeking a Trainer for the Sandpiper Reading Project
date: 2026-01-26
organization: Kestrel Map Society
tags: [news]
---

The Sandpiper Reading Project teaches library staff in Cork how to read old maps with
readers. We are seeking a trainer to write and give six workshops of two hours of teaching.

Proposals are due on 27 February 2026. For questions, contact Nora Quinn, project lead, at
nquinn@kestrelmaps.example.org.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    root: Path = tmp_path_factory.mktemp("facts")
    pages = {
        "faq/kestrel.md": FAQ,
        "news/2025-11-03-map-days.md": MEETING,
        "jobs/2026-02-10-curator.md": HIRING,
        "faq/wren.md": GUILD,
        "faq/osprey.md": FEES,
        "jobs/2026-01-12-postdoc.md": POSTDOC,
        "jobs/2026-02-02-developer.md": DEVELOPER,
        "news/trainer.md": TRAINER,
    }
    with app_of(root, pages, TODAY) as application:
        yield application


def test_an_event_page_of_no_organisation_answers_for_the_organisation(app: App) -> None:
    """The organisation's own pages say nothing of tickets; its event's page, which names no
    organisation, does."""
    reply = app.ask("how much is a ticket for the kestrel map days?")
    assert "€140" in reply.text


def test_a_page_naming_the_organisation_only_does_not_answer_what_is_asked_of_it(app: App) -> None:
    """Every sentence of the society's job advert names the society; the section about
    joining answers how to join."""
    reply = app.ask("how do we join the kestrel map society?")
    assert "join@kestrelmaps.example.org" in reply.text
    assert "Digital Curator" not in reply.text


def test_a_page_named_whole_answers_with_the_figure_asked(app: App) -> None:
    """Every word asked is in the page's title ("… - Membership FAQ"): the sentence with a
    sum answers "how much", though it repeats none of them."""
    reply = app.ask("how much is wren bookbinders guild membership?")
    assert "£300" in reply.text


def test_per_year_asks_the_annual_fee(app: App) -> None:
    """ "Per year" is the annual fee, not the sentence that says "per" and "year"."""
    reply = app.ask("how much is osprey membership per year?")
    assert "£700" in reply.passages[0].passage.text


def test_a_short_form_is_read_as_the_word_it_starts(app: App) -> None:
    """ "Postdoc" is the start of "Postdoctoral": the posting's sentence about its start
    answers, though no page holds the word as asked."""
    reply = app.ask("when does the postdoc start?")
    assert "1 October 2026" in reply.text


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("is the galway job remote?", "Senior Developer"),
        ("is the cork postdoc permanent?", "Postdoctoral Fellow"),
    ],
)
def test_a_posting_named_by_a_word_of_its_page(app: App, question: str, title: str) -> None:
    """No title names the city: the one posting whose page does answers the fact asked."""
    reply = app.ask(question)
    assert reply.postings
    assert reply.postings[0].title.startswith(title)
    assert (reply.understood or {}).get("intent") == "posting"


def test_another_page_does_not_answer_for_the_page_named(tmp_path: Path) -> None:
    """Only one page is named "Heron": the jobs board's price for members of another
    network is no membership fee of it."""
    with app_of(tmp_path, {"about/heron.md": RING, "board.md": BOARD}, TODAY) as app:
        reply = app.ask("how much is membership of the heron archive network?")
    assert "€40" not in reply.text
    assert "I don't know" in reply.text


def test_another_organisations_event_does_not_answer_for_it(tmp_path: Path) -> None:
    """The Heron fair's page names no organisation, and not Kestrel either: its tickets are
    no answer about a Kestrel fair."""
    with app_of(tmp_path, {"faq/kestrel.md": FAQ, "news/fair.md": FAIR}, TODAY) as app:
        reply = app.ask("how much is a ticket for the kestrel book fair?")
    assert "€30" not in reply.text


def test_each_part_of_a_question_keeps_what_names_the_page_not_what_the_other_asks(
    tmp_path: Path,
) -> None:
    """ "Who can apply" is read as "who is eligible": the first part is not asked as
    "… fund eligible", which only the section on applying answers."""
    pages = {"faq/kestrel.md": FAQ, "jobs/curator.md": HIRING, "fund.md": FUND}
    with app_of(tmp_path, pages, TODAY) as app:
        reply = app.ask("what does kestrel's tern digitisation fund fund, and who can apply?")
    assert "up to €5,000" in reply.text
    assert "Ireland and Wales" in reply.text


def test_the_sentence_quoted_holds_what_is_asked_besides_the_pages_name(app: App) -> None:
    """The opening names the Gannet postdoc; the sentence on requirements answers."""
    reply = app.ask("gannet postdoc requirements")
    assert "a PhD in geography" in reply.text


def test_a_salary_asked_is_a_sum_a_welcome_names_none(tmp_path: Path) -> None:
    with app_of(tmp_path, {"faq/kestrel.md": FAQ, "news/welcome.md": WELCOME}, TODAY) as app:
        reply = app.ask("what's the salary for the kestrel community lead?")
    assert "I don't know" in reply.text


def test_an_event_is_not_the_posting_that_mentions_it(app: App) -> None:
    """The curator's advert mentions the Map Days; the page titled by them says where."""
    reply = app.ask("where are the kestrel map days this year?")
    assert "Gdansk" in reply.text


def test_where_a_body_is_based_is_the_place_that_runs_it(tmp_path: Path) -> None:
    with app_of(tmp_path, {"about/curlew.md": SECRETARIAT}, TODAY) as app:
        reply = app.ask("where is the curlew records group based?")
    assert "Aberdeen" in reply.text


RECORDS = """---
title: "Records Manager - Whimbrel County Council (Leeds)"
date: 2026-02-16
tag: job
---

Whimbrel County Council seeks a Records Manager for its archive service.

The salary is £41,000 a year. Apply by 30 March 2026 to jobs@whimbrel.example.gov.uk.
"""

ESTATES = """---
title: "Estates Officer - Whimbrel County Council (Leeds)"
date: 2026-02-16
tag: job
---

Whimbrel County Council seeks an Estates Officer to look after its buildings.

The salary is £33,000 a year. Apply by 30 March 2026 to jobs@whimbrel.example.gov.uk.
"""


def test_a_misspelt_word_of_a_title_is_read_as_the_title_has_it(tmp_path: Path) -> None:
    """ "recrods" is no English word, and one letter from a word of a posting's title."""
    pages = {"jobs/records.md": RECORDS, "jobs/estates.md": ESTATES}
    with app_of(tmp_path, pages, TODAY) as app:
        reply = app.ask("what does the recrods job pay?")
    assert "£41,000" in reply.text


def test_a_heading_asking_the_same_way_is_the_question(tmp_path: Path) -> None:
    """ "How to apply" asks what "how do I apply for the fund?" asks, one word though it
    shares: it answers beside the page's opening, which speaks of applications."""
    with app_of(tmp_path, {"faq/kestrel.md": FAQ, "fund.md": FUND}, TODAY) as app:
        reply = app.ask("how do i apply for the tern digitisation fund?")
    assert "tern@kestrelmaps.example.org" in reply.text


def test_what_a_thing_is_is_answered_whatever_the_asker_calls_it(tmp_path: Path) -> None:
    """ "Program" is the asker's word for the prize; the sentence saying what it is answers."""
    pages = {"about/prize.md": PRIZE, "news/summer.md": SUMMER}
    with app_of(tmp_path, pages, TODAY) as app:
        reply = app.ask("what is the plover prize program?")
    assert "best first book" in reply.text


def test_whom_to_contact_about_a_thing_called_otherwise(app: App) -> None:
    """ "The trainer call": the page says "seeking a trainer"; the word the asker calls it by
    does not keep its page from naming whom to write to."""
    reply = app.ask("who do i contact about the kestrel sandpiper trainer call?")
    assert "nquinn@kestrelmaps.example.org" in reply.text


def _hit(pid: int, title: str, text: str) -> PassageHit:
    page = Passage(pid, f"{pid}.md", title, None, title, text, None, 0)
    return PassageHit(passage=page, score=1.0)


def test_who_is_answered_by_a_name_whatever_verb_asks_it() -> None:
    """ "Who runs it?": the page says who pays for it, in other words than "run"; the rule
    on a page's own name does not keep it from answering."""
    hits = [
        _hit(1, "Tern Fund", "The Tern Fund is paid for by the Whimbrel Trust."),
        _hit(2, "Osprey Board", "The board runs the osprey archive for the county."),
    ]
    best = next(a for a in rank_passages("who runs the tern fund?", hits) if a.confident)
    assert "Whimbrel Trust" in best.excerpt


def test_the_page_most_words_name_whatever_their_order() -> None:
    """ "Who do I ask about the wren grants?": "ask" is only in the title of another page's
    "Frequently Asked Questions", "wren" and "grant" only in the grants page's title; the
    grants page is the one named, in whatever order the words are read (they were read from
    a set: the answer changed from one run to the next)."""
    hits = [
        _hit(1, "Lark Network Frequently Asked Questions", "Post on the forum for help."),
        _hit(2, "Wren Trust Small Grants 2027", "Questions go to grants@wren.example.org."),
    ]
    candidates = [_candidate(h) for h in hits]
    words = ["ask", "wren", "grant"]
    for order in (words, words[::-1], words[1:] + words[:1]):
        assert _page_named(order, candidates) == "2.md", order
    # as many words name each page: none is named
    assert _page_named(["ask", "wren"], candidates) is None


WREN_GRANTS = """---
title: Wren Trust Small Grants 2027
date: 2026-11-02
---
The Wren Trust invites applications for its 2027 Small Grants, which help village archives
put their parish registers online.

## How to apply

Applications are made through the trust's online portal and are due by March 3, 2027.
Decisions follow in May. Questions can be sent to grants@wren.example.org.
"""


def _wren_job(slug: str, title: str) -> tuple[str, str]:
    return (
        f"jobs/2026-11-10-{slug}.md",
        f"""---
title: {title} - Plover Library
date: 2026-11-10
---
Plover Library seeks a {title}. Apply by January 20, 2027 to jobs@plover.example.org.
""",
    )


def test_who_to_ask_about_a_page_is_its_address(tmp_path: Path) -> None:
    """ "Who do I ask about X?" asks whom to write to ("ask" is no word of the topic): X's
    page is found by the topic, and its sentence with an address answers, though the
    passage most about X names none."""
    pages = {"grants/wren.md": WREN_GRANTS}
    with app_of(tmp_path, pages, date(2026, 12, 1)) as app:
        reply = app.ask("who do i ask about wren grants?")
    assert "grants@wren.example.org" in reply.text, reply.text


def test_a_due_date_stays_an_answer_beside_postings_due_by_theirs(tmp_path: Path) -> None:
    """Every "apply by <date>" of the postings says a deadline; how rare the asked word is
    counts only the pages that write it, so the grant's dated passage still answers."""
    pages = dict([_wren_job(s, t) for s, t in [("cat", "Cataloguer"), ("con", "Conservator")]])
    pages["grants/wren.md"] = WREN_GRANTS
    with app_of(tmp_path, pages, date(2026, 12, 1)) as app:
        reply = app.ask("when are wren grant applications due")
    assert "March 3, 2027" in reply.text, reply.text

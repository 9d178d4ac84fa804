"""Re-ranking FAQ passages when the question's words ask rather than name: a light verb
("looking for", "send", "write"), the asker's own institution ("my museum"), "how long",
a sum asked of a passage that names none, a number written with separators, a page named by
its initials, a bullet defining the term asked, whom to contact, and what is needed (the
section of requirements)."""

from __future__ import annotations

from cmdfakes import as_hits, best_excerpt, passage

from bot.search import asks_contact

FUND = "Harbour Access Fund"


def test_a_light_verb_no_passage_holds_does_not_block_the_heading_that_answers() -> None:
    call = {"page_title": "Call for talks: annual meeting"}
    hits = as_hits(
        passage(
            1, "Proposal topics", "We welcome talks on these topics: maps, annotation.", **call
        ),
        passage(2, "Venue", "The meeting is held in Porto at the old customs house.", **call),
        passage(3, "Format", "Talks last 15 minutes with 5 minutes of questions.", **call),
    )
    assert "maps, annotation" in best_excerpt("what topics is the meeting looking for", hits)
    assert "maps, annotation" in best_excerpt("which topics do you want to see", hits)


def test_can_they_write_a_letter_is_asked_of_the_heading_without_write() -> None:
    hits = as_hits(
        passage(
            1,
            "Can I request a letter of support for my grant application?",
            "Letters of support may be requested under the grant support policy.",
        ),
        passage(2, "Grants", "The board reviews grant budgets each spring."),
    )
    assert "Letters of support" in best_excerpt(
        "can the consortium write a letter of support", hits
    )


def test_the_askers_own_institution_says_who_asks_not_what_about() -> None:
    hits = as_hits(
        passage(
            1,
            "Why join the consortium?",
            "Members shape the roadmap and get reduced conference rates.",
        ),
        passage(
            2,
            "Why images?",
            "Libraries and museums put images online in silos that do not talk to each other.",
        ),
    )
    assert "roadmap" in best_excerpt("why should my museum join the consortium", hits)
    # a thing of the asker's that is the topic stays the topic
    assert "silos" in best_excerpt("why should museums put images online", hits)


def test_how_long_asks_for_a_figure_not_for_the_word_long() -> None:
    hits = as_hits(
        passage(
            1,
            "Timeline",
            "Call opens: 1 March 2026. Awarded projects duration: 1 June - 30 November 2026.",
            page_title=FUND,
        ),
        passage(2, "About", "The fund has a long history of supporting projects.", page_title=FUND),
        passage(
            3,
            FUND,
            "The HAF supports projects with grant 2022-316573 from the Harbour Trust.",
            page_title=FUND,
        ),
    )
    assert "duration" in best_excerpt("how long do haf projects last", hits)


def test_how_much_is_not_answered_by_a_passage_naming_no_sum() -> None:
    hits = as_hits(
        passage(1, "Welcome", "Ana joined the consortium as its developer in May."),
        passage(2, "Team", "You would join a small team of two developers."),
    )
    assert best_excerpt("how much is it to join the consortium", hits) == ""
    assert best_excerpt("who joined the consortium", hits) != ""
    free = as_hits(passage(1, "What does posting a job cost?", "Member libraries post for free."))
    assert "for free" in best_excerpt("how much does it cost to post a job", free)
    # a fee named as the topic asks no sum
    late = as_hits(passage(1, "Billing", "Late fee payments make accounts inactive."))
    assert "inactive" in best_excerpt("what happens if we pay the fee late", late)


def test_a_number_with_separators_is_the_number_typed_without_them() -> None:
    hits = as_hits(
        passage(1, "Large members", "Members registering more than 10.000 records move tier."),
        passage(2, "Small members", "Members registering a few records pay the base fee."),
    )
    assert "10.000" in best_excerpt("what if we register more than 10000 records", hits)
    assert "10.000" in best_excerpt("members with over 10,000 records", hits)


def test_a_page_named_by_its_initials_counts_in_every_one_of_its_passages() -> None:
    hits = as_hits(
        passage(
            1,
            FUND,
            "The HAF is part of the Harbour Access Program funded by a grant.",
            page_title=FUND,
        ),
        passage(
            2,
            "Eligibility (Who can apply):",
            "Non-profit archives based in coastal regions can apply.",
            page_title=FUND,
        ),
    )
    assert "Non-profit archives" in best_excerpt("who is eligible for the haf", hits)


def test_a_bullet_naming_the_term_asked_defines_it() -> None:
    hits = as_hits(
        passage(
            1,
            "What is Lumen?",
            "The Lumen standards are a set of shared programming interface (API) specifications.",
        ),
        passage(
            2,
            "What are the current Lumen specifications?",
            "Image API -- Delivers the pixels of an image at any size.\n"
            "Search API -- Finds words within transcriptions.",
        ),
    )
    assert best_excerpt("what is the lumen image api", hits).startswith("Image API --")


def test_whom_to_contact_is_the_sentence_with_an_address_on_the_page_about_it() -> None:
    news = {"source": "news/safety.md", "page_title": "Seeking a trainer for Safe Streets"}
    hits = as_hits(
        passage(
            1,
            "Seeking a trainer for Safe Streets",
            "Safe Streets is a partnership of three public libraries and the city.",
            **news,
        ),
        passage(
            2,
            "Seeking a trainer for Safe Streets",
            "Proposals are due on Friday. Please be in touch with Ada Lin at ada@lib.example.org.",
            **news,
        ),
        passage(3, "Contact", "Contact the front desk at desk@other.example.org.", position=9),
    )
    best = best_excerpt("who do i contact about safe streets", hits)
    assert "ada@lib.example.org" in best
    assert asks_contact("where do I send questions about the conference?")
    assert asks_contact("who is the contact for the conference")
    assert not asks_contact("where is the conference?")


def test_word_families_the_stemmer_keeps_apart_meet() -> None:
    hits = as_hits(
        passage(1, "Format", "Each speaker may make no more than one talk submission."),
        passage(2, "Venue", "The hall seats four hundred people."),
    )
    assert "one talk submission" in best_excerpt("can i submit more than one talk", hits)
    billing = as_hits(
        passage(1, "Billing cycle", "Members are billed annually in January."),
        passage(2, "Jobs", "Please send a resume to the director."),
    )
    assert "billed annually" in best_excerpt("when do you send invoices", billing)


def test_an_officer_is_no_office() -> None:
    hits = as_hits(passage(1, "Community Officer", "The Community Officer plans the events."))
    assert best_excerpt("is there an office of the consortium", hits) == ""
    assert "plans the events" in best_excerpt("what does the community officer do", hits)


def test_how_many_is_answered_by_the_sentence_with_the_count() -> None:
    text = (
        "Safe Streets is a partnership between the public libraries and the city council. "
        "The Safe Streets curriculum should draw on library staff profiles for its "
        "training topics. "
        "More than 1,000 library staff members will receive training in the autumn. "
        "Curriculum developed during the project builds on an earlier privacy project that "
        "ran in the same libraries, and it will be shared openly when the work is done."
    )
    hits = as_hits(
        passage(1, "Safe Streets", text, page_title="Seeking a trainer for Safe Streets"),
        passage(2, "Venue", "Training takes place in the library's hall.", position=5),
    )
    assert best_excerpt("how many library staff will be trained in safe streets", hits).startswith(
        "More than 1,000"
    )


def test_a_passage_holding_all_that_is_asked_beats_one_repeating_half_of_it() -> None:
    fund = {"page_title": FUND}
    hits = as_hits(
        passage(
            1,
            FUND,
            "The Harbour Access Fund was set up so that organisations on the coast can make "
            "their archives discoverable, and the Harbour Access Fund supports their "
            "outreach and their infrastructure.",
            **fund,
        ),
        passage(
            2,
            "Eligibility (Who can apply):",
            "Applications are open to member and non-member organisations.",
            **fund,
        ),
    )
    assert "non-member" in best_excerpt("can non members apply to the harbour access fund", hits)


def test_a_digit_beside_its_word_names_the_row_and_yearly_is_annual() -> None:
    rows = "\n".join(
        f"Annual range: {low} - {high}; Tier: Tier {n}; Organisation fee: 500€; "
        f"Record fee: {fee}; Annual service fee: {total}."
        for n, low, high, fee, total in (
            (1, "0", "1.999", "0,80€ per record", "500€ + 0,80€ per record"),
            (2, "2.000", "10.000", "1.600€", "2.100€"),
            (3, "10.001", "100.000", "2.500€", "3.000€"),
        )
    )
    hits = as_hits(passage(1, "Record fee", rows))
    assert best_excerpt("what does tier 2 cost", hits).startswith("Annual range: 2.000")
    dues = as_hits(
        passage(1, "Meetings", "The members' meeting is held each year in May in Oslo."),
        passage(2, "Dues", "Annual dues are 2.000€ for each member.", position=8),
    )
    assert best_excerpt("when is the yearly meeting", dues).startswith("The members' meeting")
    assert best_excerpt("what are the yearly dues", dues).startswith("Annual dues")


def test_when_is_answered_by_a_date_not_by_a_grant_number() -> None:
    fund = {"page_title": FUND}
    hits = as_hits(
        passage(
            1,
            FUND,
            "The Harbour Access Fund is part of the Harbour Access Program, made possible by "
            "grant 2022-316573 of the Harbour Trust.",
            **fund,
        ),
        passage(
            2, "Timeline", "Call opens: September 1. Application due date: October 15.", **fund
        ),
    )
    assert "October 15" in best_excerpt("when were harbour access fund applications due", hits)


def test_how_many_prefers_the_count_of_the_thing_asked() -> None:
    hits = as_hits(
        passage(
            1,
            "Meetings",
            "The director meets staff and members from the west coast (-8 UTC) to Europe (+1 UTC).",
        ),
        passage(
            2,
            "Team",
            "The director supervises the other staff members (currently two full time staff).",
        ),
    )
    assert "two full time staff" in best_excerpt("how many staff does the consortium have", hits)


def test_work_asks_with_the_verb_the_topic_is_the_rest() -> None:
    # "do i need to work weekends": the weekends are asked of, not any sentence with "work"
    job = {"page_title": "Part-time Clerk - Gannet Library"}
    hits = as_hits(
        passage(1, "Description", "Must be comfortable working with computers.", **job),
        passage(2, "Description", "Evenings and weekends required. $9.50 per hour.", **job),
        passage(3, "Location", "Gannet, NY, USA", **job),
    )
    assert "weekends required" in best_excerpt("do i need to work weekends at gannet", hits)


def test_sit_asks_with_the_verb_the_group_is_the_topic() -> None:
    # "what group would i sit on": a group is asked of, not a seat
    board = {"page_title": "Community Manager - Kelp Trust"}
    hits = as_hits(
        passage(1, "Responsibilities", "Lead the adoption team of three.", **board),
        passage(3, "Why work for us", "Flexible working hours.", **board),
        passage(4, "Where", "Working from home is fine.", **board),
        passage(2, "Responsibilities", "Represent Kelp on the Metadata Working Group.", **board),
    )
    assert "Metadata Working Group" in best_excerpt("what working group would i sit on", hits)


def test_which_regions_is_answered_by_the_sentence_naming_them() -> None:
    job = {"page_title": "Programme Officer - Gannet Foundation"}
    hits = as_hits(
        passage(
            1,
            "Description",
            "The officer joins a team that builds cross-regional partnerships among volunteers.",
            **job,
        ),
        passage(
            2,
            "Description",
            "The work is mostly with communities in Latin America, Africa or Asia.",
            **job,
        ),
    )
    assert "Latin America" in best_excerpt("what regions would i work with", hits)
    assert "Latin America" in best_excerpt("which countries or regions is it focused on", hits)


def test_a_list_s_head_brings_the_list_under_it() -> None:
    job = {"page_title": "Programme Officer - Gannet Foundation"}
    hits = as_hits(
        passage(
            1,
            "Company Information",
            "Our team works from three continents and meets twice a year in person, "
            "usually in the spring and in the autumn, in a city chosen by the staff.\n"
            "The Gannet Foundation is an equal opportunity employer and encourages people "
            "with a diverse range of backgrounds to apply.\n"
            "Benefits & Perks *\n-- Fully paid medical cover for employees\n"
            "-- A wellness budget for fitness and courses\n-- 19 paid holidays",
            **job,
        ),
        passage(2, "Description", "The officer supports volunteer organisers.", **job),
    )
    said = best_excerpt("gannet perks", hits)
    assert "medical cover" in said and "wellness budget" in said


def test_what_is_needed_is_answered_by_the_section_of_requirements() -> None:
    job = {"page_title": "Online Librarian - Heron College"}
    hits = as_hits(
        passage(
            1,
            "Responsibilities",
            "Virtual reference by chat; LibGuides, videos and tutorials for online courses.",
            **job,
        ),
        passage(2, "Qualifications", "Familiarity with LibChat and LibGuides.", **job),
    )
    assert "Familiarity" in best_excerpt("does the heron job need libguides", hits)
    # asked without a word of needing, the page's order stands
    assert "Virtual reference" in best_excerpt("heron librarian libguides", hits)

"""The rules the eighth round of unseen pages (test_unseen_pages_8.py) added outside the rule
tables, each with sentences of our own it must and must not match, read through the whole
loader (page -> document -> posting). Rules inside a table carry their examples there
(test_rule_tables.py runs them)."""

from __future__ import annotations

import pytest

from bot.content import parse_text
from bot.domain import PostingDraft

JOB = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"
_REST = "Full-time, permanent. Email jobs@example.org by 1 March 2027."


def _posting(body: str) -> PostingDraft:
    doc = parse_text("_posts/2027-01-04-records.md", f"---\n{JOB}---\n\n{body}\n")
    (posting,) = doc.postings
    return posting


# ---------------------------------------------------------------- a location is a place


@pytest.mark.parametrize(
    ("said", "location", "regions"),
    [
        (
            "This is a remote role: you may work from anywhere with a decent broadband line.",
            "Remote",
            (),
        ),
        ("You can work from home anywhere in Ireland; we meet in Cork each spring.",
         "Remote (Ireland)", ("Ireland",)),
        ("The post is remote, and you must live in Norway or Sweden.",
         "Remote (Norway or Sweden)", ("Norway", "Sweden")),
    ],
)  # fmt: skip
@pytest.mark.parametrize("form", ["section", "label"])
def test_a_location_that_is_a_sentence_about_remote_work_is_read_for_its_place(
    said: str, location: str, regions: tuple[str, ...], form: str
) -> None:
    where = f"## Location\n\n{said}" if form == "section" else f"Location: {said}"
    posting = _posting(f"We are hiring a records manager.\n\n{where}\n\n## Terms\n\n{_REST}")
    assert posting.location == location
    assert posting.remote is True
    assert posting.remote_regions == regions


@pytest.mark.parametrize(
    "said",
    [
        "You will be based in our Galway office, with some travel to partner archives.",
        # remote part of the time: the office's city is where the rest is done
        "The role is based in our Galway office, with hybrid working: two days a week there.",
    ],
)
def test_a_location_sentence_naming_an_office_gives_its_city(said: str) -> None:
    posting = _posting(f"We are hiring a records manager.\n\n## Location\n\n{said}\n\n{_REST}")
    assert posting.location == "Galway"


@pytest.mark.parametrize(
    "place",
    [
        "Hartwell Building, Kirkstall Road, Leeds, UK",
        "London or Edinburgh (our two reading rooms)",
        "Hybrid, 2 days a week in Utrecht",
        "Remote (EU only)",
        "On site at the Old Town Hall, Bath",
    ],
)
def test_a_location_that_is_a_place_is_kept_as_written(place: str) -> None:
    posting = _posting(f"We are hiring a records manager.\n\nLocation: {place}\n\n{_REST}")
    assert posting.location == place


@pytest.mark.parametrize(
    ("said", "place", "regions"),
    [
        (
            "Galway, Ireland. Working from home is possible two days a week",
            "Galway, Ireland",
            ("Ireland",),
        ),
        ("Kilkenny; home working can be agreed with the team", "Kilkenny", ()),
        (
            "Portland, OR. Remote work is possible for candidates residing in the United States.",
            "Portland, OR",
            ("United States",),
        ),
        # the sentence after "Remote" says where remote work is done: kept with it
        (
            "Remote. Must be able to work US hours.",
            "Remote. Must be able to work US hours",
            ("United States",),
        ),
    ],
)
@pytest.mark.parametrize("form", ["Location: {}", "## Location\n\n{}"])
def test_a_place_then_a_sentence_gives_the_place(
    said: str, place: str, regions: tuple[str, ...], form: str
) -> None:
    """A location is a place, not a sentence: the sentence after it is read with the prose,
    for whether the work is remote and from where."""
    posting = _posting(f"We are hiring a records manager.\n\n{form.format(said)}\n\n{_REST}")
    assert posting.location is not None
    said_at = (posting.location.rstrip("."), posting.remote, posting.remote_regions)
    assert said_at == (place, True, regions)


# ---------------------------------------------------------------- the address at the foot

_WANTED = "We need a records manager for the county's estate papers. " + _REST


@pytest.mark.parametrize(
    ("address", "employer", "town"),
    [
        ("Bracken Hill Archive\n7 Marischal Lane\nAberdeen AB10 1YS\nScotland",
         "Bracken Hill Archive", "Aberdeen"),
        ("Lakeview Historical Society\n410 Front Street\nDuluth, MN 55802",
         "Lakeview Historical Society", "Duluth"),
    ],
)  # fmt: skip
def test_the_postal_address_at_the_foot_gives_the_employer_and_its_town(
    address: str, employer: str, town: str
) -> None:
    posting = _posting(f"{_WANTED}\n\n---\n\n{address}\n")
    assert posting.organization == employer
    assert posting.location == town


def test_an_address_said_in_a_sentence_or_a_place_said_before_is_not_the_foot_address() -> None:
    sentence = "Visit us at 7 Marischal Lane, Aberdeen AB10 1YS, on open days."
    assert _posting(f"{_WANTED}\n\n{sentence}\n").location is None
    address = "Bracken Hill Archive\n7 Marischal Lane\nAberdeen AB10 1YS"
    posting = _posting(f"Location: Inverness\n\n{_WANTED}\n\n{address}\n")
    assert posting.location == "Inverness"


# ---------------------------------------------------------------- a span of time zones


@pytest.mark.parametrize(
    ("said", "location", "regions"),
    [
        ("The post is fully remote within UTC-5 to UTC+1, to share our mornings.",
         "Remote (UTC-5 to UTC+1)", ("UTC-5 to UTC+1",)),
        ("You can work remotely from GMT+0 to GMT+2 only.",
         "Remote (GMT+0 to GMT+2)", ("GMT+0 to GMT+2",)),
    ],
)  # fmt: skip
def test_a_span_of_time_zones_is_one_region_and_the_location(
    said: str, location: str, regions: tuple[str, ...]
) -> None:
    posting = _posting(f"We are hiring a records manager. {said}\n\n{_REST}")
    assert posting.location == location
    assert posting.remote_regions == regions


# ---------------------------------------------------------------- an employer named after its city


@pytest.mark.parametrize(
    ("employer", "city"),
    [
        ("Carlisle Record Office", "Carlisle"),
        ("Leeds City Archives", "Leeds"),
        ("Boston Public Library", "Boston"),
        ("Lincoln Center", None),
        ("Columbia University", None),
        ("Victoria and Albert Museum", None),
    ],
)
def test_an_employer_named_after_its_city_gives_the_city_when_nothing_else_does(
    employer: str, city: str | None
) -> None:
    body = f"The {employer} is recruiting a Records Manager (permanent, full-time).\n\n{_REST}"
    assert _posting(body).location == city


def test_a_place_said_outright_wins_over_the_city_in_the_employer_name() -> None:
    body = "The Carlisle Record Office is recruiting a Records Manager, based in Penrith."
    assert _posting(f"{body}\n\n{_REST}").location == "Penrith"


# ---------------------------------------------------------------- a salary section's sentences


@pytest.mark.parametrize(
    ("section", "salary"),
    [
        (
            "Minimum salary $68,000, commensurate with experience. Full-time, 12-month "
            "faculty appointment.",
            "Minimum salary $68,000, commensurate with experience.",
        ),
        (
            "Grade 7 (£35,333–£42,155 per annum). The post is fixed-term for two years.",
            "Grade 7 (£35,333–£42,155 per annum).",
        ),
        # every sentence that speaks of pay stays
        (
            "£30,000 - £35,000 per annum. Pro rata for part-time staff. 25 days of leave.",
            "£30,000 - £35,000 per annum. Pro rata for part-time staff.",
        ),
        ("Competitive. We also offer a pension.", "Competitive."),
    ],
)
def test_a_salary_section_gives_the_sentences_about_pay(section: str, salary: str) -> None:
    """A "Salary" section's sentences after the pay (the hours, the contract, the leave) are
    no part of the salary a card shows."""
    posting = _posting(f"We are hiring a records manager.\n\n## Salary\n\n{section}\n\n{_REST}")
    assert posting.salary == salary

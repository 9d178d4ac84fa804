"""The rules the sixth round of unseen pages (test_unseen_pages_6.py) added outside the rule
tables, each with sentences of our own it must and must not match, read through the whole
loader (page -> document -> posting). Rules inside a table carry their examples there
(test_rule_tables.py runs them)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.content.front_matter import split
from bot.content.regions import regions_in
from bot.domain import ParsedDocument, PostingDraft

JOB = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"


def _doc(body: str, front: str = JOB) -> ParsedDocument:
    return parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n")


def _posting(body: str, front: str = JOB) -> PostingDraft:
    (posting,) = _doc(body, front).postings
    return posting


# ---------------------------------------------------------------- a kind of post in the tags


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        ("[jobs, full-time, archives]", "full-time"),
        ("[job, part-time]", "part-time"),
        ("fixed-term jobs", "temporary"),
        ("[internship]", "internship"),
        ("[jobs, full_time]", "full-time"),
    ],
)
def test_a_tag_that_is_a_kind_of_post_gives_the_employment_type(tags: str, kind: str) -> None:
    posting = _posting("We seek a records manager.", f"{JOB}tags: {tags}\n")
    assert posting.employment_type == kind


@pytest.mark.parametrize("tags", ["[jobs, part-time-jobs-digest]", "[jobs, timeline]", "[jobs]"])
def test_a_tag_that_only_holds_the_word_says_nothing(tags: str) -> None:
    posting = _posting("We seek a records manager.", f"{JOB}tags: {tags}\n")
    assert posting.employment_type is None


def test_the_front_matters_own_key_outranks_a_tag() -> None:
    front = f"{JOB}employment_type: Part-time\ntags: [full-time]\n"
    assert _posting("We seek a records manager.", front).employment_type == "part-time"


# ---------------------------------------------------------------- the employer's city


@pytest.mark.parametrize(
    ("body", "city"),
    [
        (
            "The Digital Lab of the Marlow Institute for Classical Studies in London builds "
            "editions. We need a records manager.",
            "London",
        ),
        (
            "Moorside Heritage Centre, a small independent museum in Halifax, needs a records "
            "manager.",
            "Halifax",
        ),
        (
            "The Northern Reading Rooms Partnership, six community libraries around Leeds, "
            "is looking for a records manager.",
            "Leeds",
        ),
    ],
)
def test_the_city_after_the_employers_name_is_the_location(body: str, city: str) -> None:
    assert _posting(body).location == city


@pytest.mark.parametrize(
    "body",
    [
        # an apposition that does not close before the verb says something else
        "Moorside Heritage Centre, a museum with partners in Halifax and Leeds. We need a "
        "records manager.",
        # a field, not a city
        "The Centre for Research in Reading Practices builds editions. We need a records manager.",
        # the city is another organisation's
        "Moorside Heritage Centre lends prints to a museum in Halifax. We need a records manager.",
    ],
)
def test_no_city_is_read_where_the_name_is_not_followed_by_its_own(body: str) -> None:
    front = f"{JOB}organization: Moorside Heritage Centre\n"
    assert _posting(body, front).location is None


# ---------------------------------------------------------------- employers


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("At Folio & Frame we build image servers. We need a records manager.", "Folio & Frame"),
        ("At the Kestrel Library, we keep maps. We need a records manager.", "Kestrel Library"),
        (
            "Hartwell College Library in Oxford has two posts in its team. We need a records "
            "manager.",
            "Hartwell College Library",
        ),
        (
            "Lantern Digital Repositories hosts repository software for colleges. We need a "
            "records manager.",
            "Lantern Digital Repositories",
        ),
        (
            "The Digital Lab of the Marlow Institute for Classical Studies builds editions. "
            "We need a records manager.",
            "Marlow Institute for Classical Studies",
        ),
    ],
)
def test_the_employer_is_read(body: str, org: str) -> None:
    assert _posting(body).organization == org


@pytest.mark.parametrize(
    "body",
    [
        "At first we thought of hiring later. We need a records manager.",
        "At our office we keep maps. We need a records manager.",
        "The library has posts on its blog about us. We need a records manager.",
    ],
)
def test_no_employer_is_read_from_these(body: str) -> None:
    assert _posting(body).organization is None


# ---------------------------------------------------------------- a front matter never closed


def test_a_front_matter_that_never_ends_is_read_up_to_its_first_blank_line() -> None:
    text = "---\ntitle: Web Developer (Drupal)\ndate: 2027-04-23\nlocation: Glasgow\n\nBody."
    got = split(text, "x.md")
    assert got.meta == {"title": "Web Developer (Drupal)", "date": date(2027, 4, 23),
                        "location": "Glasgow"}  # fmt: skip
    assert got.body == "Body."
    assert "never ends" in got.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "---\nThis page has a rule on top.\n\nBody.",  # prose, not key: value lines
        "---\nNote: read this first\n\nBody.",  # a label, but no front matter key
        "---\ntitle: Lonely\ndate: 2027-01-01",  # no blank line: nothing after it to be body
    ],
)
def test_a_block_that_is_not_a_front_matter_stays_body(text: str) -> None:
    got = split(text, "x.md")
    assert got.meta == {} and got.body == text


_WORDS = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    title=st.lists(_WORDS, min_size=1, max_size=6).map(" ".join),
    day=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    extra=st.lists(st.sampled_from(["layout: post", "tags:\n  - jobs", "author: A B"])),
)
def test_any_unclosed_front_matter_gives_its_title_and_date(
    title: str, day: date, extra: list[str]
) -> None:
    lines = "\n".join([f"title: '{title}'", f"date: {day.isoformat()}", *extra])
    got = split(f"---\n{lines}\n\nThe body.\n", "x.md")
    assert (got.meta["title"], got.meta["date"], got.body) == (title, day, "The body.\n")


# ---------------------------------------------------------------- regions and pay


# words a region phrase is read around ("Europe or Asia", "anywhere in Canada"), not names
_PHRASE_WORDS = frozenset(
    "or and in within from across the an only preferably ideally preferred anywhere "
    "somewhere".split()
)


@settings(max_examples=200, deadline=None)
@given(
    name=st.from_regex(r"[A-Z]{2,3}|[A-Z][a-z]{2,10}", fullmatch=True).filter(
        lambda name: name.lower() not in _PHRASE_WORDS
    )
)
def test_a_region_said_with_based_is_the_region(name: str) -> None:
    assert regions_in(f"{name}-based") == [name] == regions_in(f"{name} based")


@pytest.mark.parametrize(
    ("sentence", "low", "high", "period"),
    [
        ("The salary range is $95k–$110k, plus health insurance and a 403(b) plan.",
         "95000", "110000", "year"),
        ("The assignment is paid a total fee of up to €12,000 (excluding VAT).",
         None, "12000", None),
        ("This is a consultancy of 20 days, paid at £350 per day.", "350", "350", "day"),
    ],
)  # fmt: skip
def test_pay_is_read(sentence: str, low: str | None, high: str, period: str | None) -> None:
    posting = _posting(f"We seek a records manager.\n\n{sentence}")
    assert posting.salary_min == (Decimal(low) if low else None)
    assert (posting.salary_max, posting.salary_period) == (Decimal(high), period)


@pytest.mark.parametrize(
    "sentence",
    [
        "We pay health insurance and a 401(k) plan for every employee.",
        "The conference fee of €300 is paid by us.",
        "The 401(k) match is 5% of salary, plus a bonus.",
    ],
)
def test_no_pay_is_read_from_these(sentence: str) -> None:
    assert _posting(f"We seek a records manager.\n\n{sentence}").salary_min is None


# ---------------------------------------------------------------- what a page is


@pytest.mark.parametrize(
    "body",
    [
        "The Alpine Photography Foundation in Innsbruck seeks a consultant to review its "
        "strategy. Send an offer to office@apf.example.at by 15 June 2027.",
        "Riverside Gallery in Bristol is recruiting casual guides, paid £13.15 an hour on a "
        "zero-hours basis. Send a CV by 21/05/2027.",
    ],
)
def test_short_openings_are_jobs(body: str) -> None:
    doc = _doc(body, "title: A page\ndate: 2027-05-17\n")
    assert doc.kind == "job"


@pytest.mark.parametrize(
    "body",
    [
        "The Alpine Photography Foundation is looking for volunteers for its open day.",
        "We are delighted to welcome Dr Ama Boateng, who has joined us as Head of Collections.",
        "Our summer talk lasts an hour and is free for members.",
        # news of an opening to come, with no way to answer it yet
        "The consortium is looking for a developer to join the viewer team later this year.",
    ],
)
def test_these_are_not_jobs(body: str) -> None:
    assert _doc(body, "title: A page\ndate: 2027-05-17\n").kind != "job"


def test_hear_from_you_by_a_date_is_the_deadline() -> None:
    posting = _posting("We seek a records manager. We'd like to hear from you by 21/05/2027.")
    assert posting.deadline == date(2027, 5, 21)


# ---------------------------------------------------------------- held out, batch B


@pytest.mark.parametrize(
    "front",
    ["status: filled", "status: Position filled", "job_status: Closed", "filled: true",
     "closed: true", "status: expired"],
)  # fmt: skip
def test_front_matter_that_says_the_post_is_filled_closes_it(front: str) -> None:
    assert _posting("We seek a records manager.", f"{JOB}{front}\n").closed


@pytest.mark.parametrize(
    "front", ["status: open", "status: published", "closed: false", "status: filled soon?"]
)
def test_front_matter_that_does_not_say_so_leaves_it_open(front: str) -> None:
    assert not _posting("We seek a records manager.", f"{JOB}{front}\n").closed


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("Send your CV to careers AT mapmakers DOT example DOT be today.",
         "careers@mapmakers.example.be"),
        ("Write to jobs AT example DOT org.", "jobs@example.org"),
    ],
)  # fmt: skip
def test_an_address_spelled_with_at_and_dot_in_capitals_is_read(
    sentence: str, address: str
) -> None:
    assert _posting(f"We seek a records manager. {sentence}").contacts == (address,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Meet us at the museum dot com stand.",
        "Send your CV to careers AT mapmakers.",  # no DOT: no address
        "We are AT the Museum DOT.",
    ],
)
def test_no_address_is_read_from_these(sentence: str) -> None:
    assert _posting(f"We seek a records manager. {sentence}").contacts == ()


_PART = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(
    local=st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z]", fullmatch=True),
    parts=st.lists(_PART, min_size=1, max_size=3),
    tld=st.from_regex(r"[a-z]{2,6}", fullmatch=True),
)
def test_any_address_spelled_in_capitals_is_read_back(
    local: str, parts: list[str], tld: str
) -> None:
    from bot.content.facts import emails

    spelled = " DOT ".join([*parts, tld])
    got = emails(f"Write to {local} AT {spelled} please.")
    assert [address for address, _ in got] == [f"{local}@{'.'.join([*parts, tld])}"]

"""Each family of phrasing the loader must read, with sentences of our own and drawn dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.domain import PostingDraft

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
POSTED = date(2021, 3, 1)


def posting(body: str, posted: date | None = POSTED, extra: str = "") -> PostingDraft:
    stamp = f"date: {posted.isoformat()}\n" if posted else ""
    text = f"---\ntitle: Digital Archivist - Example Library\n{stamp}tag: job\n{extra}---\n{body}\n"
    doc = parse_text("postings/example.md", text)
    assert doc.kind == "job"
    return doc.postings[0]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------- deadlines

WITH_YEAR = (
    lambda d: f"Applications are due by {MONTHS[d.month - 1]} {d.day}, {d.year}.",
    lambda d: (
        f"Please send a CV and a letter to the chair by the {ordinal(d.day)} of "
        f"{MONTHS[d.month - 1]} {d.year}."
    ),
    lambda d: f"This posting will be open through {MONTHS[d.month - 1]} {d.day}, {d.year}.",
    lambda d: f"Closing date: {d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"Application deadline: {d.isoformat()}",
    lambda d: f"Extended Application Receipt Deadline: {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: (
        f"Applications received by no later than {MONTHS[d.month - 1]} {d.day}, {d.year} "
        "will be given full consideration."
    ),
    lambda d: (
        f"Send your materials to the committee on or before the closing date of {d.day} "
        f"{MONTHS[d.month - 1]} {d.year}."
    ),
    lambda d: (
        f"Open until filled; for greatest consideration apply by **{MONTHS[d.month - 1]} "
        f"{d.day}, {d.year}**"
    ),
    lambda d: (
        f"The deadline for applications is {WEEKDAYS[d.weekday()]}, {d.day} "
        f"{MONTHS[d.month - 1]} {d.year}."
    ),
)
WITHOUT_YEAR = (
    lambda d: (
        f"Deadline to apply is {WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day} at 5pm."
    ),
    lambda d: (
        f"Contact me by {MONTHS[d.month - 1]} {ordinal(d.day)} if you are interested in "
        "the position."
    ),
    lambda d: f"Applications close on {d.day} {MONTHS[d.month - 1]}.",
)
NOT_DEADLINES = (
    lambda d: f"Interviews will start on {MONTHS[d.month - 1]} {ordinal(d.day)}.",
    lambda d: f"Review of applications will begin on {MONTHS[d.month - 1]} {d.day}, {d.year}.",
    lambda d: f"Posting Date: {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"The successful candidate will start on {d.day} {MONTHS[d.month - 1]} {d.year}.",
    lambda d: "You will work well in a fast-paced, deadline-driven environment.",
    lambda d: f"We were founded on {MONTHS[d.month - 1]} {d.day}, {d.year - 20}.",
)
future = st.dates(min_value=POSTED + timedelta(days=1), max_value=POSTED + timedelta(days=300))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WITH_YEAR), future)
def test_deadline_with_a_year(phrase, day: date) -> None:  # type: ignore[no-untyped-def]
    found = posting(f"We are hiring.\n\n{phrase(day)}\n")
    assert found.deadline == day
    assert found.deadline_inferred is False
    assert any(f.field == "deadline" and f.value == day.isoformat() for f in found.evidence)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(WITHOUT_YEAR), future)
def test_deadline_year_is_inferred_from_the_posting_date(phrase, day: date) -> None:  # type: ignore[no-untyped-def]
    found = posting(f"We are hiring.\n\n{phrase(day)}\n")
    assert found.deadline == day
    assert found.deadline_inferred is True


def test_inferred_deadline_rolls_into_the_next_year() -> None:
    found = posting("Send a resume by January 15 to be considered.", posted=date(2021, 12, 10))
    assert found.deadline == date(2022, 1, 15)
    assert found.deadline_inferred


def test_no_year_and_no_posting_date_means_no_guess() -> None:
    assert posting("Send a resume by January 15 to be considered.", posted=None).deadline is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(NOT_DEADLINES), future)
def test_other_dates_are_not_deadlines(phrase, day: date) -> None:  # type: ignore[no-untyped-def]
    assert posting(f"We are hiring.\n\n{phrase(day)}\n").deadline is None


def test_front_matter_closedate_wins() -> None:
    found = posting("Apply by June 1, 2021.", extra="closedate: 2021-05-20\n")
    assert found.deadline == date(2021, 5, 20)


def test_strong_phrasing_beats_an_earlier_weak_one() -> None:
    body = "Send questions by April 2, 2021.\n\nThe application deadline is April 30, 2021."
    assert posting(body).deadline == date(2021, 4, 30)


@pytest.mark.parametrize(
    ("sentence", "until_filled", "closed"),
    [
        ("The position will remain open until filled.", True, False),
        ("Review begins at once and continues until the position is filled.", True, False),
        ("Closing Date: Open until filled", True, False),
        ("Applications are now closed. Thank you to everyone who applied!", False, True),
        ("This position has been filled.", False, True),
        ("We are no longer accepting applications.", False, True),
        ("Applications close on the closing date.", False, False),
    ],
)
def test_open_until_filled_and_closed(sentence: str, until_filled: bool, closed: bool) -> None:
    found = posting(sentence)
    assert found.open_until_filled is until_filled
    assert found.closed is closed


# ---------------------------------------------------------------- remote work

REMOTE = {
    "This is a fully remote position.": True,
    "The role can be based anywhere with a reliable Internet connection.": True,
    "Remote work (from somewhere in Europe) is possible.": True,
    "Candidates may be located anywhere in Canada or the United States.": True,
    "The schedule is hybrid: two days on campus and three days remote.": True,
    "The position is suited for remote work from Africa or Europe.": True,
    "Telecommuting is possible for this position.": True,
    "This position is on-site.": False,
    "This is not a remote position.": False,
    "Remote work is not possible for this role; the job is on site.": False,
    "You will work well in a fast-paced, deadline-driven environment.": None,
    "Experience with remote sensing imagery is a plus.": None,
    "We provide remote reference services to our patrons.": None,
    "Comfortable working remotely with colleagues.": None,
}
LOCATIONS = {
    "San Francisco, CA or Remote": True,
    "Virtual, USA": True,
    "Paramus, NJ w/ remote hours": True,
    "Anywhere in Europe": True,
    "Toledo, OH": None,
    "Brooklyn, NY, USA. This role is on-site.": False,
}


@pytest.mark.parametrize(("sentence", "remote"), REMOTE.items())
def test_remote_sentences(sentence: str, remote: bool | None) -> None:
    found = posting(f"We are hiring an archivist.\n\n{sentence}")
    assert found.remote is remote
    if remote is not None:
        assert any(f.field == "remote" for f in found.evidence)


@pytest.mark.parametrize(("location", "remote"), LOCATIONS.items())
def test_location_section(location: str, remote: bool | None) -> None:
    found = posting(f"### Description\n\nWe are hiring.\n\n### Location\n\n{location}\n")
    assert found.location is not None and location.startswith(found.location.split(".")[0])
    assert found.remote is remote


def test_preferred_region_becomes_the_location() -> None:
    found = posting("Remote position.\n\nPreferably the candidate is based in the Americas.")
    assert found.location == "Remote (preferably the Americas)"


def test_a_colleague_based_elsewhere_is_not_the_location() -> None:
    body = (
        "You would join a small team of one developer based in Berlin.\n\n"
        "Remote work (from somewhere in Europe) is possible."
    )
    assert posting(body).location == "somewhere in Europe"


# ---------------------------------------------------------------- salary

SALARIES = [
    ("Salary: Range $45,012 - $52,326", Decimal(45012), "USD"),
    ("Minimum salary for this role is USD$100,000 or local equivalent.", Decimal(100000), "USD"),
    ("The salary is 48.000€ – 56.000€ per year.", Decimal(48000), "EUR"),
    ("Salary: 2.000€ per month.", Decimal(2000), "EUR"),
    ("£32,000 per annum, plus pension.", Decimal(32000), "GBP"),
    ("Pay rate: $9.50/hour", Decimal("9.50"), "USD"),
    ("The starting salary is CA$60k.", Decimal(60000), "CAD"),
    ("Salary EUR 3.200,50 gross per month.", Decimal("3200.50"), "EUR"),
    ("Hourly rate up to $25", None, "USD"),
    ("Competitive local salary.", None, None),
    ("Salary commensurate with experience.", None, None),
]  # fmt: skip
NOT_SALARIES = [
    "The 401(k) retirement plan offers matched contributions at 4% of annual salary.",
    "Life insurance (2x salary) and an employee assistance program.",
    "Please include your salary requirements in the cover letter.",
    "Salary not disclosed.",
    "The salary is undisclosed at this stage.",
    "Salary: not stated",
    "Members pay a $10,000 annual fee.",
]


@pytest.mark.parametrize(("sentence", "minimum", "currency"), SALARIES)
def test_salary_sentences(sentence: str, minimum: Decimal | None, currency: str | None) -> None:
    found = posting(f"We are hiring.\n\n{sentence}")
    assert found.salary is not None
    assert found.salary_min == minimum
    assert found.salary_currency == currency


@pytest.mark.parametrize("sentence", NOT_SALARIES)
def test_mentions_of_salary_that_state_none(sentence: str) -> None:
    assert posting(f"We are hiring.\n\n{sentence}").salary is None


@pytest.mark.parametrize(
    ("section", "text"),
    [("Compensation", "DOE"), ("Salary", "Depends on experience"), ("Pay", "$18/hour")],
)
def test_salary_section_is_taken_as_written(section: str, text: str) -> None:
    found = posting(f"### Description\n\nWe are hiring.\n\n### {section}\n\n{text}\n")
    assert found.salary == text


# ---------------------------------------------------------------- contacts


def test_contacts_are_emails_then_apply_links_without_duplicates() -> None:
    body = (
        "Details on how to apply are on our [careers page](https://jobs.example.org/42).\n\n"
        "Questions? Write to <hr@example.org> or hr@example.org.\n\n"
        "Read about [our history](https://example.org/history).\n\n"
        "### To Apply\n\n[https://jobs.example.org/42](https://jobs.example.org/42)\n"
    )
    assert posting(body).contacts == ("hr@example.org", "https://jobs.example.org/42")


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("Send your CV to jobs [at] example [dot] org.", "jobs@example.org"),
        ("Questions: m.rossi (at) archivio.example.it", "m.rossi@archivio.example.it"),
        ("Write to hr{at}museum{dot}example{dot}org today.", "hr@museum.example.org"),
    ],
)
def test_addresses_hidden_from_robots_are_contacts(sentence: str, address: str) -> None:
    assert posting(f"To apply, see below.\n\n{sentence}\n").contacts == (address,)


def test_at_in_brackets_is_no_address_without_a_domain() -> None:
    assert posting("Have a look [at] the collection (at) the museum.\n").contacts == ()


def test_front_matter_link_is_an_apply_link() -> None:
    found = posting("Nothing else here.", extra="link: https://hr.example.edu/job?T=1&\n")
    assert found.contacts == ("https://hr.example.edu/job?T=1&",)


# ---------------------------------------------------------------- gaps found on our sample postings


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("Please write to hiring@example.org by 14 March 2022 with your CV.", date(2022, 3, 14)),
        ("Write to us by 2 May 2021 with a portfolio.", date(2021, 5, 2)),
        ("Reach out to the team lead by 9 April 2021 if this sounds like you.", date(2021, 4, 9)),
        ("Send hiring@example.org a short note by 20 June 2021.", date(2021, 6, 20)),
        ("We write our annual reports by 3 May 2021.", None),
    ],
)
def test_writing_to_an_address_by_a_date_is_a_deadline(
    sentence: str, deadline: date | None
) -> None:
    assert posting(f"We are hiring.\n\n{sentence}").deadline == deadline


@pytest.mark.parametrize(
    ("sentence", "salary"),
    [
        (
            "We offer a competitive salary, 25 days of annual leave and a training budget.",
            "competitive salary",
        ),
        ("Benefits include a pension, health cover and an attractive salary.", "attractive salary"),
        ("You will receive a generous salary and a yearly travel budget.", "generous salary"),
        ("We offer 25 days of leave, a pension and a travel budget.", None),
        ("The salary, paid from a research grant, is competitive.", None),
    ],
)
def test_salary_named_in_a_list_of_benefits(sentence: str, salary: str | None) -> None:
    found = posting(f"We are hiring.\n\n{sentence}")
    assert found.salary == salary
    if salary is not None:
        assert found.salary_min is None
        assert any(f.field == "salary" and f.sentence == sentence for f in found.evidence)


@pytest.mark.parametrize(
    ("sentence", "remote"),
    [
        ("You will join a distributed and remote team of six engineers.", None),
        ("Our remote colleagues in Nairobi run the support desk.", None),
        ("You will join a fully remote team of six engineers.", True),
        ("This role can be remote for the right person.", True),
        ("It is a remote position with occasional travel.", True),
    ],
)
def test_a_remote_team_alone_does_not_make_the_job_remote(
    sentence: str, remote: bool | None
) -> None:
    assert posting(f"We are hiring an archivist.\n\n{sentence}").remote is remote


SENTENCE_WORDS = st.lists(
    st.sampled_from(("office", "Lisbon", "calls", "team", "hours", "travel", "week", "Porto")),
    min_size=3,
    max_size=14,
).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE_WORDS, min_size=1, max_size=12))
def test_location_is_whole_sentences_never_cut(sentences: list[str]) -> None:
    paragraph = " ".join(sentences)
    found = posting(f"### Description\n\nWe are hiring.\n\n### Location\n\n{paragraph}\n")
    assert found.location is not None
    kept = [" ".join(sentences[:k]) for k in range(1, len(sentences) + 1)]
    assert found.location in kept
    assert found.location == sentences[0] or len(found.location) <= 200


def test_a_long_location_sentence_about_remote_work_is_read_as_remote() -> None:
    """A location is a place, never a sentence (test_unseen_rules_8.py has more)."""
    where = (
        "The job is remote: you may live anywhere with a steady connection, provided you can "
        "join our weekly planning call on Tuesday mornings and travel twice a year to the "
        "members' meeting, which moves between Lisbon, Porto and Coimbra."
    )
    found = posting(f"### Description\n\nWe are hiring.\n\n### Where\n\n{where}\n\nMore text.\n")
    assert found.location == "Remote"
    assert found.remote is True


def test_consecutive_label_lines_are_separate_statements() -> None:
    body = (
        "We are hiring.\n\n"
        "Salary: EUR 41,000 per year\nClosing date: 30 June 2021\nContact: jobs@example.org\n"
    )
    found = posting(body)
    sentences = {f.field: f.sentence for f in found.evidence}
    assert sentences["salary"] == "Salary: EUR 41,000 per year"
    assert sentences["deadline"] == "Closing date: 30 June 2021"
    assert sentences["contact"] == "Contact: jobs@example.org"
    assert found.deadline == date(2021, 6, 30)


def test_a_wrapped_sentence_is_still_one_sentence() -> None:
    found = posting("We are hiring. Applicants may be based anywhere in\nEurope: we meet online.")
    assert found.location == "anywhere in Europe"
    assert found.remote is True

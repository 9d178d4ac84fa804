"""The facts issue 13 asked for beyond the first extraction, with phrasings of our own, each
read page to posting: salary ranges with currency and period, employment type, the regions a
remote job accepts, organisations without an organisation word, locations after mojibake
repair, and one-letter typos of fixed phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.content import parse_text
from bot.content.typos import correct
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, title: str = "Records Manager", extra: str = "") -> ParsedDocument:
    return parse_text(
        "postings/2026-03-01-records.md",
        f"---\ntitle: {title}\nkind: job\ndate: 2026-03-01\n{extra}---\n\n{body}\n",
    )


def _posting(body: str, title: str = "Records Manager", extra: str = "") -> PostingDraft:
    (posting,) = _doc(body, title, extra).postings
    return posting


# ---------------------------------------------------------------- salary range and period

D = Decimal
SALARIES = [
    ("Salary: $55-62,000 per year.", D(55000), D(62000), "USD", "year"),
    ("Salary: £30k–£35k per annum.", D(30000), D(35000), "GBP", "year"),
    ("The salary is €45,000 a year.", D(45000), D(45000), "EUR", "year"),
    ("Pay: $25/hour.", D(25), D(25), "USD", "hour"),
    ("The pay range is $95,000 - $110,000 a year.", D(95000), D(110000), "USD", "year"),
    ("Hourly rate up to $25.", None, D(25), "USD", "hour"),
    ("Minimum salary for this role is USD$100,000.", D(100000), None, "USD", "year"),
    ("The salary is 48.000€ – 56.000€ per year.", D(48000), D(56000), "EUR", "year"),
    ("Salary: 2.000€ per month.", D(2000), D(2000), "EUR", "month"),
    ("Pay: $20 to $25 an hour.", D(20), D(25), "USD", "hour"),
    ("Salary: CHF 90,000 p.a. plus benefits.", D(90000), D(90000), "CHF", "year"),
    ("The stipend is $600 per week.", D(600), D(600), "USD", "week"),
    ("Salary: from £28,000 depending on experience.", D(28000), None, "GBP", "year"),
    ("Salary: Range $45,012 - $52,326", D(45012), D(52326), "USD", "year"),
    ("The stipend is $6,000 for the summer.", D(6000), D(6000), "USD", None),
    ("Salary: SEK 38,000 before tax.", D(38000), D(38000), "SEK", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "low", "high", "currency", "period"), SALARIES)
def test_salary_range_currency_and_period(
    sentence: str, low: Decimal | None, high: Decimal | None, currency: str, period: str | None
) -> None:
    found = _posting(f"The Atlas Trust seeks a records manager.\n\n{sentence}")
    assert (found.salary_min, found.salary_max) == (low, high)
    assert (found.salary_currency, found.salary_period) == (currency, period)


def test_a_range_end_smaller_than_its_start_is_not_a_range() -> None:
    found = _posting("The Atlas Trust seeks a records manager.\n\nSalary: $50,000 - 2 years.")
    assert (found.salary_min, found.salary_max) == (D(50000), D(50000))


# ---------------------------------------------------------------- employment type

EMPLOYMENT = [
    ("Part-time Children's Clerk", "We need a clerk.", "part-time"),
    ("Records Manager", "This is a full-time, permanent position.", "full-time"),
    ("Records Manager", "The clerk works 12 hours per week at the desk.", "part-time"),
    ("Records Manager", "The post is 37.5 hours a week.", "full-time"),
    ("Records Manager", "The position is 0.6 FTE.", "part-time"),
    ("Research Specialist (Temporary)", "We need help.", "temporary"),
    ("Records Manager", "A 12-month contract to digitise the letters.", "temporary"),
    ("Records Manager", "This is a fixed-term post until June.", "temporary"),
    ("Summer Internship in Conservation", "Work in our lab.", "internship"),
    ("Records Manager", "The intern will catalogue the photographs.", "internship"),
    # in passing, then the statement: the statement wins
    (
        "Records Manager",
        "You may join us in a contract position with our partner.\n\nThis is a full-time position.",
        "full-time",
    ),
    ("Records Manager", "You will supervise student interns.", None),
    ("Records Manager", "Our contemporary art collection grows.", None),
    ("Records Manager", "You will supervise two full-time staff.", None),
]


@pytest.mark.parametrize(("title", "body", "kind"), EMPLOYMENT)
def test_employment_type(title: str, body: str, kind: str | None) -> None:
    found = _posting(f"The Atlas Trust seeks a records manager.\n\n{body}", title=title)
    assert found.employment_type == kind
    if kind is not None:
        assert any(f.field == "employment_type" for f in found.evidence)


# ---------------------------------------------------------------- remote regions

REGIONS = [
    ("Location: Remote (Europe or North America)", ("Europe", "North America")),
    ("Location: Remote - EU", ("EU",)),
    ("Location: Virtual, USA", ("USA",)),
    ("Location: Remote within Canada", ("Canada",)),
    ("Location: Europe (remote)", ("Europe",)),
    ("Location: San Francisco, CA or Remote", ()),
    # a remote job's location line limits it to its country, or, part on site, to its place
    ("Location: Leipzig, Germany\n\nThe role is remote.", ("Germany",)),
    ("Location: Ithaca, NY w/ remote hours", ("Ithaca, NY",)),
    ("Location: Hybrid, 2 days a week in Leeds", ("Leeds",)),
    ("Remote (UK or Ireland).", ("UK", "Ireland")),
    ("Remote work from somewhere in Europe is possible.", ("Europe",)),
    (
        "This is a remote position; candidates must be located in North America or Western Europe.",
        ("North America", "Western Europe"),
    ),
    (
        "This is a remote position. You must live between the west coast of North "
        "America (-8 UTC) and central Europe (+1 UTC).",
        ("UTC-8 to UTC+1",),
    ),
    # hours to keep limit no place
    (
        "This is a remote position. You will meet colleagues from the west coast of North "
        "America (-8 UTC) to central Europe (+1 UTC).",
        (),
    ),
    ("This is a remote role; we meet between UTC-5 and UTC+2.", ()),
    (
        "This is a remote role, based in a country between UTC-5 and UTC+2 for our calls.",
        ("UTC-5 to UTC+2",),
    ),
    ("This is a remote role. Based in an EMEA timezone, please.", ("EMEA time zones",)),
    ("This is a remote position open to anyone anywhere in the world.", ()),
]


@pytest.mark.parametrize(("body", "regions"), REGIONS)
def test_remote_regions(body: str, regions: tuple[str, ...]) -> None:
    found = _posting(f"The Atlas Trust seeks a records manager.\n\n{body}")
    assert found.remote is True
    assert found.remote_regions == regions


def test_an_on_site_job_has_no_remote_regions() -> None:
    found = _posting("The Atlas Trust seeks a records manager.\n\nLocation: Berlin, Germany")
    assert found.remote is not True
    assert found.remote_regions == ()


# ---------------------------------------------------------------- organisations

ORGANISATIONS = [
    ("Metadata Librarian at Northwind", "We need help with metadata.", "Northwind"),
    ("Archivist at the Bluebird Trust", "Help us.", "Bluebird Trust"),
    (
        "Collections Developer – Acme Heritage",
        "Join Acme Heritage as a developer.",
        "Acme Heritage",
    ),
    ("Archivist - Northwind", "About Northwind: we keep records.", "Northwind"),
    ("Records Manager", "Acme Heritage is hiring a records manager.", "Acme Heritage"),
    ("Records Manager", "Northwind invites applications for a records manager.", "Northwind"),
    ("Records Manager", "Bluebird seeks a records manager.", "Bluebird"),
    ("Records Manager", "Redwood Works is looking for a records manager.", "Redwood Works"),
    ("Records Manager", "Redwood Works is seeking a records manager.", "Redwood Works"),
    # a plural name, and a name before its apposition
    ("Records Manager", "Harbor Archives seek a records manager.", "Harbor Archives"),
    (
        "Records Manager",
        "The Weston Libraries, University of Eastham, are recruiting a records manager.",
        "Weston Libraries",
    ),
    ("Records Manager", "We seek a records manager.", None),
    # offering a post is hiring; offering anything else is not
    ("Records Fellow", "The Weston Trust offers a two-year fellowship.", "Weston Trust"),
    ("Records Manager", "The Weston Library offers free parking to visitors.", None),
    ("Records Manager", "The Weston Maps project has two openings.", "Weston Maps"),
    ("Records Manager", "Harbor Archives has a vacancy for a records manager.", "Harbor Archives"),
    # a place after the dash is not an employer unless the body says so
    ("Web Developer - Oakland", "Oakland is a city by the bay.", None),
    ("Records Manager", "We are looking for a records manager.", None),
    ("Records Manager", "This role is hiring now.", None),
]


@pytest.mark.parametrize(("title", "body", "organization"), ORGANISATIONS)
def test_organisation_without_an_organisation_word(
    title: str, body: str, organization: str | None
) -> None:
    text = f"{body}\n\nResponsibilities: keep records. Qualifications: care. Apply by email."
    assert _posting(text, title=title).organization == organization


# ---------------------------------------------------------------- mojibake


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        ("The Atlas Trust seeks an archivist.", 'location: "ZÃ¼rich, Switzerland"\n'),
        ("The Atlas Trust seeks an archivist.\n\nLocation: ZÃ¼rich, Switzerland", ""),
        ("The Atlas Trust seeks an archivist.\n\n## Location\n\nZÃ¼rich, Switzerland", ""),
    ],
)
def test_a_location_is_recovered_after_mojibake_repair(body: str, extra: str) -> None:
    doc = _doc(body, extra=extra)
    assert doc.postings[0].location == "Zürich, Switzerland"
    assert any("mojibake" in w for w in doc.warnings)


# ---------------------------------------------------------------- typos

TYPOS = [
    ("The position is open untill filled.", "open_until_filled", True),
    ("Applicaton deadine: 20 March 2026.", "deadline", "2026-03-20"),
    ("We are not acepting applications.", "closed", True),
    ("Applications are now clsoed.", "closed", True),
    ("The deadlne to apply is 20 March 2026.", "deadline", "2026-03-20"),
    ("This is a remote positon.", "remote", True),
]


@pytest.mark.parametrize(("sentence", "field", "value"), TYPOS)
def test_one_letter_typos_of_fixed_phrases(sentence: str, field: str, value: object) -> None:
    doc = _doc(f"The Atlas Trust seeks an archivist.\n\n{sentence}")
    found = getattr(doc.postings[0], field)
    assert (found.isoformat() if hasattr(found, "isoformat") else found) == value
    assert any(w.startswith("read misspelt words") for w in doc.warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "The project was funded by museums and founding members.",
        "The employer would finding it billed to the account.",
        "Positions open in several institutions.",
        "Basel is a city; the hosting was smart, the latter preview killed it.",
    ],
)
def test_real_words_are_left_as_written(sentence: str) -> None:
    assert correct(sentence) == (sentence, [])


# ---------------------------------------------------------------- hostile pages


def _best_of_three(run: object) -> float:
    import time

    times = []
    for _ in range(3):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize(
    ("title", "extra", "body"),
    [
        ("Archivist at " + "Acme " * 20_000, "", "Join Acme."),
        ("Archivist - " + "A" * 100_000, "", "About " + "A" * 100_000),
        ("Archivist", "location: " + "a " * 50_000 + "(remote)\n", "Remote."),
        ("Archivist", "", "This is a remote role (" + "UTC+1 " * 15_000 + ")."),
        ("Archivist", "", "Salary: $" + "5" * 50_000 + "-" + "6" * 50_000 + " per year."),
        ("Archivist", "", "untill " * 15_000),
        ("Archivist", "", "full-time " * 10_000 + "intern " * 5_000),
        ("Archivist", "", "Remote (" + "Europe or " * 10_000 + ")."),
    ],
    ids=["at-title", "dash-title", "location", "utc", "salary", "typos", "employment", "regions"],
)
def test_the_new_facts_read_hostile_100_kb_lines_in_linear_time(
    title: str, extra: str, body: str
) -> None:
    assert _best_of_three(lambda: _doc(body, title=title, extra=extra)) < 1.5

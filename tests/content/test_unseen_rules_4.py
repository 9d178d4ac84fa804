"""The rules the fourth round of unseen pages (test_unseen_pages_4.py) added outside the rule
tables, each with sentences of our own it must and must not match, read through the whole
loader (page -> document -> posting). Rules inside a table carry their examples there
(test_rule_tables.py runs them)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import parse_text
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, front: str = "title: Records Manager\ndate: 2027-01-04\n") -> ParsedDocument:
    return parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n")


def _posting(
    body: str, front: str = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"
) -> PostingDraft:
    (posting,) = _doc(body, front).postings
    return posting


# ---------------------------------------------------------------- the date a page was posted


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_a_slashed_date_is_read_the_way_its_file_name_writes_it(day: date) -> None:
    """dd/mm/yyyy and mm/dd/yyyy read the same numbers two ways; the file name settles it."""
    for written in (
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
    ):
        name = f"_posts/{day.isoformat()}-archivist.md"
        doc = parse_text(name, f"---\ntitle: Archivist\ndate: {written}\n---\n\nWe seek one.\n")
        assert doc.posted == day, written


def test_a_slashed_date_the_file_name_does_not_confirm_is_kept() -> None:
    doc = parse_text(
        "_posts/2027-05-20-archivist.md", "---\ntitle: Archivist\ndate: 01/03/2027\n---\n\nHi.\n"
    )
    assert doc.posted != date(2027, 5, 20)
    assert doc.posted in (date(2027, 1, 3), date(2027, 3, 1))


# ---------------------------------------------------------------- remote, listed countries


@pytest.mark.parametrize(
    ("intro", "items", "want"),
    [
        (
            "We can employ you if you live in one of these countries:",
            ["Germany", "the Netherlands", "Portugal"],
            {"Germany", "Netherlands", "Portugal"},
        ),
        ("We can currently hire in:", ["Canada", "Australia"], {"Canada", "Australia"}),
        (
            "Candidates must reside in one of these countries:",
            ["Norway", "Sweden"],
            {"Norway", "Sweden"},
        ),
        (
            "Remote work is open to applicants in the following countries:",
            ["1. Ireland"],
            {"Ireland"},
        ),
    ],
)
def test_a_list_of_countries_after_its_intro_is_where_a_remote_worker_may_be(
    intro: str, items: list[str], want: set[str]
) -> None:
    listed = "\n".join(item if item[0].isdigit() else f"- {item}" for item in items)
    posting = _posting(f"This is a fully remote position.\n\n{intro}\n\n{listed}\n\nApply.")
    assert want <= set(posting.remote_regions)


@pytest.mark.parametrize(
    "listed",
    [
        # a list of duties, not of places
        "You will work in these areas:\n\n- cataloguing new accessions\n- answering enquiries",
        # no list after the intro
        "We hire in these countries: see our careers page.",
    ],
)
def test_no_region_from_a_list_that_names_no_places(listed: str) -> None:
    posting = _posting(f"This is a fully remote position.\n\n{listed}")
    assert posting.remote_regions == ()


# ---------------------------------------------------------------- several openings


def test_a_paragraph_for_every_opening_under_the_last_section_is_shared() -> None:
    doc = _doc(
        "We are filling two posts.\n\n### Research Software Engineer\n\nPython work.\n\n"
        "### Project Coordinator\n\nPartnership work.\n\n"
        "Applications for both positions are accepted until 31 March 2027.",
        "title: Two posts\nkind: job\ndate: 2027-01-04\n",
    )
    assert [p.deadline for p in doc.postings] == [date(2027, 3, 31)] * 2


def test_a_paragraph_of_the_last_section_alone_is_not_shared() -> None:
    doc = _doc(
        "We are filling two posts.\n\n### Research Software Engineer\n\nPython work.\n\n"
        "### Project Coordinator\n\nPartnership work.\n\nApply for this post by 31 March 2027.",
        "title: Two posts\nkind: job\ndate: 2027-01-04\n",
    )
    assert [p.deadline for p in doc.postings] == [None, date(2027, 3, 31)]


@pytest.mark.parametrize("label", ["Vacancy: ", "Position 2 – ", "Job: "])
def test_a_label_before_a_role_heading_is_no_part_of_the_role(label: str) -> None:
    doc = _doc(
        f"Two vacancies.\n\n## {label}Cataloguing Assistant\n\nClosing date 1 May 2027.\n\n"
        f"## {label}Digitisation Officer\n\nClosing date 8 May 2027.",
        "title: Vacancies\nkind: job\ndate: 2027-01-04\n",
    )
    assert [p.title for p in doc.postings] == ["Cataloguing Assistant", "Digitisation Officer"]


def test_section_headings_with_a_label_are_still_no_openings() -> None:
    doc = _doc(
        "## Position: Overview\n\nWe need an archivist.\n\n## Position: Requirements\n\nA degree.",
        "title: Archivist\nkind: job\ndate: 2027-01-04\n",
    )
    assert len(doc.postings) == 1


# ---------------------------------------------------------------- the employer


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "The Institut régional du patrimoine numérique (IRPN) in Lyon is recruiting a "
            "data engineer.",
            "Institut régional du patrimoine numérique",
        ),
        (
            "Istituto per la memoria digitale (IMD) is looking for a developer.",
            "Istituto per la memoria digitale",
        ),
    ],
)
def test_a_name_before_the_initials_it_spells_is_the_employer(sentence: str, org: str) -> None:
    assert _posting(sentence).organization == org


@pytest.mark.parametrize(
    "sentence",
    [
        # the initials do not spell the words before them
        "Our small team of three (XYZ) is recruiting a data engineer.",
        # initials of a person
        "the director, jean dupont (JD), is recruiting a data engineer.",
    ],
)
def test_initials_that_spell_no_name_name_no_employer(sentence: str) -> None:
    assert _posting(sentence).organization is None


@given(
    st.lists(
        st.sampled_from(["Institut", "régional", "du", "patrimoine", "Musée", "de", "la", "ville"]),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=200, deadline=None)
def test_initials_spelled_by_capitalised_name_words_give_those_words(words: list[str]) -> None:
    from bot.content.orgs import _spelled_out

    small = {"du", "de", "la"}
    initials = "".join(w[0].upper() for w in words if w not in small)
    found = _spelled_out(f"We know that {' '.join(words)} ({initials}) ")
    if len(initials) < 2:
        assert found is None
    elif found is not None:
        # the name starts at a capital and its initials are the ones given
        assert found[0].isupper()
        assert "".join(w[0].upper() for w in found.split() if w not in small) == initials


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "The Marchmont Record Office's conservation studio in Carlisle is looking for a "
            "conservator.",
            "Marchmont Record Office",
        ),
        ("Christie's Education is hiring a lecturer.", None),
    ],
)
def test_an_organisation_before_a_possessive_owns_the_hiring_unit(
    sentence: str, org: str | None
) -> None:
    found = _posting(sentence).organization
    if org is None:
        assert found is None or not found.endswith("Christie")
    else:
        assert found == org


def test_a_list_item_on_the_first_line_names_no_employer() -> None:
    posting = _posting("- Department: Spencer Research Archives\n- Grade: 12\n\nApply now.")
    assert posting.organization != "- Department: Spencer Research Archives"


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "The Museo delle Arti Decorative in Rome offers a curatorial internship.",
            "Museo delle Arti Decorative",
        ),
    ],
)
def test_small_words_of_other_languages_stay_inside_a_name(sentence: str, org: str) -> None:
    assert _posting(sentence).organization == org


# ---------------------------------------------------------------- salary


@pytest.mark.parametrize(
    ("body", "amount", "period"),
    [
        ("Pay Grade: 12.\n\nSalary Range: $51,500 - $57,000 per year.", 51500, "year"),
        (
            "The salary will be based on level 5 of the salary system. The total starting "
            "salary will be approximately €3,350 per month.",
            3350,
            "month",
        ),
        ("Gross annual salary of €32,400, paid in 12 monthly payments.", 32400, "year"),
        ("A monthly stipend of €1,300, paid for 12 months.", 1300, "month"),
    ],
)
def test_the_amount_and_the_period_a_salary_names(body: str, amount: int, period: str) -> None:
    posting = _posting(body)
    assert posting.salary_min == Decimal(amount)
    assert posting.salary_period == period


@pytest.mark.parametrize(
    "body",
    [
        "Salary: Individual salary setting.",
        "Salary: Grade 7 on the university scale.",
    ],
)
def test_a_salary_named_without_an_amount_is_kept_when_no_amount_follows(body: str) -> None:
    posting = _posting(f"{body}\n\nWe also have a café.")
    assert posting.salary is not None and posting.salary_min is None


def test_an_annual_budget_after_a_monthly_salary_is_no_period_of_it() -> None:
    posting = _posting("Salary: €4,100 per month. The project's annual budget is €900,000.")
    assert posting.salary_min == Decimal(4100) and posting.salary_period == "month"


# ---------------------------------------------------------------- the time a date is within


@given(st.integers(min_value=0, max_value=364))
@settings(max_examples=50, deadline=None)
def test_open_until_filled_no_is_never_open_until_filled(days: int) -> None:
    deadline = date(2027, 2, 1) + timedelta(days=days)
    posting = _posting(f"Posting Close Date: {deadline.isoformat()}\n\n**Open Until Filled:** No")
    assert not posting.open_until_filled
    assert posting.deadline == deadline


# ---------------------------------------------------------------- names in other languages


@pytest.mark.parametrize(
    "sentence",
    [
        "The Museo delle Arti Decorative in Rome offers a curatorial internship.",
        "Centro de Estudos do Património Digital is looking for a fellow.",
        "Archivio di Stato della Val Trebbia is hiring an archivist.",
    ],
)
def test_a_capitalised_word_beside_a_foreign_small_word_is_no_typo(sentence: str) -> None:
    doc = _doc(sentence, "title: Archivist\nkind: job\ndate: 2027-01-04\n")
    assert doc.postings[0].body == sentence
    assert not any("->" in w for w in doc.warnings)


def test_a_misspelt_rule_word_is_still_corrected() -> None:
    doc = _doc(
        "Applicaton deadline: 1 May 2027.", "title: Archivist\nkind: job\ndate: 2027-01-04\n"
    )
    assert doc.postings[0].deadline == date(2027, 5, 1)
    assert any("Applicaton -> Application" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "Europeana Labs Kollektiv is a small cooperative that designs interfaces.",
            "Europeana Labs Kollektiv",
        ),
        ("Europeana is hiring a product owner.", "Europeana Foundation"),
        ("The Europeana Foundation is hiring a product owner.", "Europeana Foundation"),
    ],
)
def test_a_name_holding_a_known_alias_is_the_known_one_only_in_its_words(
    sentence: str, org: str
) -> None:
    assert _posting(sentence).organization == org


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The County Record Office in Carlisle has a vacancy for an archivist.", "Carlisle"),
        ("The Borders Archive Service in Dumfries has two vacancies.", "Dumfries"),
    ],
)
def test_a_city_before_has_openings_is_the_place(sentence: str, place: str) -> None:
    assert _posting(sentence).location == place


@pytest.mark.parametrize(
    "sentence",
    [
        "The Centre for Research in Reading Practices has two openings.",
        "Vacancies in Carlisle are listed on the council's site.",
    ],
)
def test_openings_without_a_city_before_has_name_no_place(sentence: str) -> None:
    assert _posting(sentence).location is None

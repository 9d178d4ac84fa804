"""The rules the second round of unseen pages (test_unseen_pages_2.py) added outside the rule
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
from bot.content.clean import normalise_markdown
from bot.content.money import dollar_of, pay
from bot.content.text import Scan
from bot.domain import ParsedDocument, PostingDraft


def _doc(body: str, front: str = "title: Records Manager\ndate: 2027-01-04\n") -> ParsedDocument:
    return parse_text("_posts/2027-01-04-records.md", f"---\n{front}---\n\n{body}\n")


def _posting(
    body: str, front: str = "title: Records Manager\nkind: job\ndate: 2027-01-04\n"
) -> PostingDraft:
    (posting,) = _doc(body, front).postings
    return posting


# ---------------------------------------------------------------- what a page is


@pytest.mark.parametrize(
    ("front", "kind"),
    [
        ('title: "CFP: Archives and Machine Learning Symposium"\ndate: 2027-01-04\n', "news"),
        ('title: "Call for abstracts: Web Archiving Day"\ndate: 2027-01-04\n', "news"),
        ("title: Spring Members' Gathering\ndate: 2027-01-04\ntags: [events]\n", "news"),
        ('title: "Archivar (m/w/d) Digitale Sammlungen"\ndate: 2027-01-04\n', "job"),
        ('title: "Data Engineer (f/m/x)"\ndate: 2027-01-04\n', "job"),
        # a field's name in a role's title is no scholarship
        ("title: Head of Digital Scholarship\ndate: 2027-01-04\n", "job"),
        ("title: Digital Scholarship Awards 2027\ndate: 2027-01-04\n", "news"),
    ],
)
def test_what_a_title_or_tag_makes_a_page(front: str, kind: str) -> None:
    body = (
        "The Weston Library invites applications for the position. The salary is $60,000 and "
        "the deadline is 1 March 2027; apply online."
        if kind == "job"
        else "Join us in Leeds on 3 May 2027. Submissions are due by 1 March 2027."
    )
    assert _doc(body, front).kind == kind


# ---------------------------------------------------------------- who is hiring, and where


@pytest.mark.parametrize(
    ("body", "organization"),
    [
        # the page's first line names the employer, and a place after it
        (
            "Seabright University Library, Halifax, Nova Scotia\n\nWe need a technician.",
            "Seabright University Library",
        ),
        (
            "**Dakota State Archives, Department of History**\n\nWe need an archivist.",
            "Dakota State Archives",
        ),
        (
            "Thompson Valley Library, Kamloops, B.C.\n\nWe need an assistant.",
            "Thompson Valley Library",
        ),
        (
            "# Careers at the Persistent Identifier Collaborative\n\nWe need help.",
            "Persistent Identifier Collaborative",
        ),
        # the subject of the first sentence, when it is an organisation
        (
            "Northwold Hospitals NHS Foundation Trust holds an old archive. We need help.",
            "Northwold Hospitals NHS Foundation Trust",
        ),
        (
            "The Larkspur Research Library awards fellowships each year.",
            "Larkspur Research Library",
        ),
        (
            "Open Letters Project is a small non-profit that publishes letters.",
            "Open Letters Project",
        ),
        # a unit of an institution, and a place in the employer's apposition
        (
            "The Faculty of Arts of Noordhaven University is looking for a data steward.",
            "Noordhaven University",
        ),
        (
            "The Centre for Culture at the University of Fenbridge is seeking an engineer.",
            "University of Fenbridge",
        ),
        (
            "The Arroyo Museum of Art in Santa Fe, New Mexico, seeks a registrar.",
            "Arroyo Museum of Art",
        ),
    ],
)
def test_the_employer_a_page_names(body: str, organization: str) -> None:
    assert _posting(body).organization == organization


@pytest.mark.parametrize(
    "body",
    [
        # offering something other than a post names no employer
        "The Weston Library offers free parking to visitors.",
        # a part of an organisation the sentence leaves unnamed
        "The Library's Research Services team is looking for a librarian.",
        # a name that the page does not say is an organisation
        "Oakland is a city by the bay.",
    ],
)
def test_names_that_are_not_the_employer(body: str) -> None:
    assert _posting(body).organization is None


def test_the_page_names_the_employer_before_a_name_in_the_title() -> None:
    """ "Product Owner, Discovery Services": a department in a posting's title is the employer
    only when the page itself names none."""
    front = "title: Product Owner, Discovery Services\nkind: job\ndate: 2027-01-04\n"
    said = "OpenShelf Cooperative is a member-owned provider of discovery software."
    assert _posting(said, front).organization == "OpenShelf Cooperative"
    assert _posting("We need a product owner.", front).organization == "Discovery Services"


def test_roles_at_an_organisation_in_a_title() -> None:
    doc = _doc(
        "We are looking for two colleagues.\n\n### Data Curator\n\nApply by 1 May 2027.\n\n"
        "### Finance Assistant\n\nApply by 8 May 2027.",
        'title: "We\'re recruiting: two roles at Wikimedia Vesterland"\n',
    )
    assert doc.kind == "job"
    assert [p.organization for p in doc.postings] == ["Wikimedia Vesterland"] * 2


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("Seabright University Library, Halifax, Nova Scotia\n\nHelp.", "Halifax, Nova Scotia"),
        ("The Arroyo Museum of Art in Santa Fe, New Mexico, seeks staff.", "Santa Fe, New Mexico"),
        ("- Parkville campus, Melbourne\n- Full-time", "Parkville campus, Melbourne"),
        ("The post is based in our office in Aarhaven.", "Aarhaven"),
        ("Hybrid (Aberdeen office two days a week).", "Aberdeen"),
    ],
)  # fmt: skip
def test_where_the_job_is(body: str, location: str) -> None:
    assert _posting(body).location == location


@pytest.mark.parametrize(
    "body",
    [
        "**Dakota State Archives, Department of History**\n\nWe need an archivist.",
        "The campus has a café.",
        "The Centre for Research in Digital Humanities seeks a developer.",
    ],
)
def test_what_is_no_place_of_work(body: str) -> None:
    assert _posting(body).location is None


# ---------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    ("extra", "remote"),
    [("remote: true\n", True), ("remote: no\n", False), ("remote: hybrid\n", True), ("", None)],
)
def test_front_matter_says_remote(extra: str, remote: bool | None) -> None:
    front = f"title: Records Manager\nkind: job\ndate: 2027-01-04\n{extra}"
    assert _posting("We need a records manager.", front).remote is remote


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ("job_type: Contract\n", "temporary"),
        ("employment_type: Full Time\n", "full-time"),
        ("type: Internship\n", "internship"),
        ("type: post\n", None),
    ],
)
def test_front_matter_says_the_employment_type(extra: str, kind: str | None) -> None:
    front = f"title: Records Manager\nkind: job\ndate: 2027-01-04\n{extra}"
    assert _posting("We need a records manager.", front).employment_type == kind


def test_front_matter_salary_is_read_as_the_salary() -> None:
    front = 'title: Records Manager\nkind: job\ndate: 2027-01-04\nsalary: "$45 - $55 per hour"\n'
    posting = _posting("We need a records manager. The budget is $9,000,000.", front)
    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (
        Decimal(45),
        Decimal(55),
        "hour",
    )


# ---------------------------------------------------------------- pay


@pytest.mark.parametrize(
    ("sentence", "low", "high", "period"),
    [
        ("A salary between USD 85,000 and 95,000 per year.", 85000, 95000, "year"),
        ("Salary: minimum €3,546 to maximum €5,538 gross per month.", 3546, 5538, "month"),
        ("Band 6 (£37,338 – £44,962 per annum, pro rata), 22.5 hours per week", 37338, 44962,
         "year"),
        ("Fellows receive a stipend of $3,000 per month for the tenure of the award.", 3000,
         3000, "month"),
        ("We offer a salary of €4,200 per month and a yearly learning budget.", 4200, 4200,
         "month"),
        ("Salary is commensurate with experience; the range is $95,000-$110,000.", 95000,
         110000, "year"),
    ],
)  # fmt: skip
def test_salary_amounts(sentence: str, low: int, high: int, period: str) -> None:
    posting = _posting(sentence)
    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (
        Decimal(low),
        Decimal(high),
        period,
    )


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # "and" makes a range only after "between"
        ("Salary: $50,000 and 25 days of leave.", 50000, 50000),
        ("Salary: DOE; a $2,000 relocation allowance is offered.", None, None),
    ],
)
def test_what_is_no_salary_range(sentence: str, low: int | None, high: int | None) -> None:
    posting = _posting(sentence)
    assert (posting.salary_min, posting.salary_max) == (
        None if low is None else Decimal(low),
        None if high is None else Decimal(high),
    )


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ("Salary $60,000. Based in Ottawa, Ontario.", "CAD"),
        ("HEO7: $98,452 plus 17% superannuation.", "AUD"),
        ("$72,000 in Wellington, New Zealand.", "NZD"),
        ("$60,000; remote in the United States or Canada.", "USD"),
        ("$60,000 to curate coins from 300 B.C. onwards.", "USD"),
        ("No dollars here, though Canada is named.", "USD"),
    ],
)
def test_whose_dollar_a_page_means(page: str, code: str) -> None:
    assert dollar_of(Scan(page)) == code


@settings(max_examples=200, deadline=None)
@given(
    low=st.integers(1_000, 400_000),
    step=st.integers(1, 100_000),
    sign=st.sampled_from(["$", "£", "€", "USD "]),
    joiner=st.sampled_from(["between {a} and {b}", "{a} to maximum {b}", "{a} - {b}"]),
)
def test_a_range_reads_its_two_ends(low: int, step: int, sign: str, joiner: str) -> None:
    high = low + step
    text = "Salary " + joiner.format(a=f"{sign}{low:,}", b=f"{sign}{high:,}") + " a year"
    stated = pay(text)
    assert (stated.minimum, stated.maximum, stated.period) == (Decimal(low), Decimal(high), "year")


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(1000, 400_000), days=st.integers(1, 999))
def test_and_without_between_joins_no_range(amount: int, days: int) -> None:
    stated = pay(f"Salary: ${amount:,} and {days} days of leave")
    assert (stated.minimum, stated.maximum) == (Decimal(amount), Decimal(amount))


# ---------------------------------------------------------------- status and type


@pytest.mark.parametrize(
    ("title", "closed"),
    [
        ("[FILLED] Project Archivist", True),
        ("Vacancy (closed): Office Manager", True),
        ("Digital Archivist (position filled)", True),
        ("Project Archivist (fixed term)", False),
        ("Closed Collections Archivist", False),
    ],
)
def test_a_notice_on_the_title(title: str, closed: bool) -> None:
    front = f'title: "{title}"\nkind: job\ndate: 2027-01-04\n'
    assert _posting("We need an archivist. Apply by 1 May 2027.", front).closed is closed


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("- Up to 15 hrs/wk, scheduled around classes", "part-time"),
        (
            "- a salary of €3,546 gross per month, based on a\n  full-time position\n"
            "- a temporary appointment for 0.8 FTE",
            "temporary",
        ),
    ],
)
def test_employment_type_in_lists(body: str, kind: str) -> None:
    assert _posting(body).employment_type == kind


# ---------------------------------------------------------------- lines and tables


def test_a_wrapped_list_item_is_one_item() -> None:
    assert normalise_markdown("- a salary based on a\n  full-time position\n  - a sub-item") == (
        "- a salary based on a full-time position\n  - a sub-item"
    )


def test_a_label_whose_value_is_on_the_next_line() -> None:
    assert normalise_markdown("Apply via Workday:\n[Archivist](https://x.org/1)") == (
        "Apply via Workday: [Archivist](https://x.org/1)"
    )
    # a label with its value is complete; a list after a label stays a list
    assert normalise_markdown("Salary: £30,000\nGrade 6") == "Salary: £30,000\nGrade 6"
    assert normalise_markdown("Duties:\n- catalogue") == "Duties:\n- catalogue"


def test_a_table_of_facts_whose_header_is_a_fact() -> None:
    table = (
        "| Job Title | Archivist II |\n|---|---|\n| Salary | $24.18 Hourly |\n"
        "| Location | Fort Ardell, ND |"
    )
    assert normalise_markdown(table) == (
        "- Job Title: Archivist II\n- Salary: $24.18 Hourly\n- Location: Fort Ardell, ND"
    )


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=8), min_size=2, max_size=30
    ),
    cut=st.integers(1, 29),
)
def test_a_list_item_wrapped_anywhere_reads_as_written_whole(words: list[str], cut: int) -> None:
    cut = min(cut, len(words) - 1)
    whole = normalise_markdown("- " + " ".join(words))
    wrapped = normalise_markdown("- " + " ".join(words[:cut]) + "\n  " + " ".join(words[cut:]))
    assert wrapped == whole


# ---------------------------------------------------------------- several openings


def test_openings_share_what_the_page_says_before_them() -> None:
    doc = _doc(
        "Both roles are based in our office in Aarhaven, with two days a week from home.\n\n"
        "### Data Curator\n\n- 30 hours per week\n- Apply by 4 December 2027\n\n"
        "### Finance Assistant\n\n- 15 hours per week\n- Apply by 11 December 2027\n\n"
        "Send applications for either role to jobs@example.org.",
        "title: Two roles\nkind: job\ndate: 2027-01-04\n",
    )
    curator, assistant = doc.postings
    assert (curator.location, curator.remote) == ("Aarhaven", True)
    assert (assistant.location, assistant.remote) == ("Aarhaven", True)
    assert curator.deadline == date(2027, 12, 4)
    assert curator.contacts == assistant.contacts == ("jobs@example.org",)
    # the posting's own text is its body; the shared text is read, not copied into it
    assert "Aarhaven" not in curator.body

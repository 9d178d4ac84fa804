"""Every regex the loader runs on page text is linear-time: a 100 KB line built to make a
backtracking or retried-from-every-offset pattern go quadratic is read in well under a second.

Each case below was quadratic (seconds to minutes at 100 KB) before its pattern was fixed.
Timing on a shared machine is noisy, so a case that exceeds the bound is timed again and the
best of three counts; one still over it is timed at a quarter of the size, and fails only when
it grew faster than a linear pattern can (a quadratic one grows 16 times for 4 times the
text): a loaded machine slows both sizes alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.content import parse_text

SIZE = 100_000
BOUND = 1.0  # seconds for a 100 KB line; linear code takes 0.05-0.5 s here
GROWTH = 8.0  # most a time may grow for 4 times the text: linear 4, quadratic 16

# (name, repeated unit): what is repeated to make the line
UNITS = {
    "unclosed output tags": "{{",
    "unclosed Liquid tags": "{%",
    "unclosed Liquid loops": "{% for x in y %}",
    "unclosed Liquid comments": "{% comment %}",
    "unclosed HTML comments": "<!--",
    "unclosed anchors": "<a ",
    "named anchors without </a>": "<a name=x>",
    "links without </a>": "<a href=x>",
    "HTML headings without a closing tag": "<h1>",
    "unclosed Markdown links": "[a](",
    "header ids": "{#",
    "kramdown attributes": "{:",
    "dotted URLs": "https://a.",
    "links without a scheme": "apply at a.bc/",
    "domains without a path": "a.bc.",
    "one capitalised word": "A",
    "remote cues": "remote ",
    "weak deadline cues": "apply by ",
    "places": "based in Ab ",
    "anywhere": "anywhere in ",
    "on-site phrasings": "on site ",
    "dots without spaces": "a.",
    "spaces": " ",
    "hashes": "#",
    "hash space": "# ",
    # each cue's sentence walked through every abbreviation of the line (7 s at 100 KB)
    "abbreviations after remote cues": "remote e.g. ",
    "abbreviations after employment cues": "part-time Dr. ",
    "addresses hidden from robots": "a [at] b [dot] ",
    "pipe table separators": "|-",
    "pipe table cells": "| a ",
    "times before a deadline": "apply no later than 5pm on ",
    "work from home cues": "days a week at home mobile working telework ",
    "two-cell rows": "|Location|",
    "places in prose": "Full-time, based in A on-site in B in our C office ",
    "office without a place": "in our office ",
    # round two of the unseen pages
    "possessive subjects": "The Ab's ",
    "units of institutions": "Faculty of Ab of ",
    "names at institutions": "at the Ab of Cd and ",
    "campuses": "Ab campus, ",
    "employers in places": "in Ab, Cd, seeks ",
    "offices in places": "our small office in Ab ",
    "ranges between amounts": "between $1 and $2 to maximum ",
    "province codes": "$1, B.C., BC ",
    "non-profits": "Ab is a small big ",
    "salaries named then stated": "Salary is DOE; $1; ",
    "closed notices": "[filled] (closed) ",
    "terms of contracts": "Contract: 2 months limited to 3 years ",
    # round three of the unseen pages
    "rows of a table of openings": "Post: Ab Officer; Hours: 3; ",
    "role headings with a field": "Research Associate in Oral ",
    "days and months without a year": "close by 15/04 ",
    "times before a deadline's date": "closing date is 5pm (irish time) on ",
    "end dates of terms": "limited to 31 december 2029 ",
    "hours labels": "Hours: 35 per week ",
    "rolling review": "reviewed on a rolling basis ",
    "pa after amounts": "£1 pa ",
    "contacts for every opening": "either post a@b.co ",
    "premises": "at our Ab reading room our shared store in Ab ",
    "employers in cities": "The Ab in Newcastle upon Tyne is recruiting ",
    "units at institutions": "The Centre for Ab at the University of Cd is offering ",
    "posts in a title": "two posts in the Ab Lab ",
    "dashed dates": "15-03-2027-",
    "ceilings": "€1 to a maximum of €2 ",
    "term posts": "(term) term position maternity cover ",
    "organisation verbs": "Ab Cd supports ",
    "first-line labels": "Location: Ab, ",
    "based at our building": "based at our museum in Ab ",
    "bold list items": "**Ab Officer** £1 closing ",
    "names said to be organisations": "Ab Cd is a big ",
    "campuses with a place after": "on campus in Ab ",
    # round four of the unseen pages
    "units in cities": "the Department in Ab its Cd section in ",
    "names spelled by their initials": "Ab cd de (ABC) in Ef is recruiting ",
    "periods a salary names": "annual gross salary of approximately eur ",
    "form labels naming both kinds": "Full/Part Time: Regular/Temporary: Open Until Filled: No ",
    "heading labels": "Vacancy: Position 2 - ",
    "residence and any location": "is in residence work from any location and from home ",
    "filled notices": "position filled position filled by ",
    "work on site in": "work on site in Ab ",
    "lists of countries": "if you live in one of these countries: hire in: ",
    "funding terms": "funded for up to 2 years funded for ",
    "list items and labels on a first line": "- Ab: ",
    "places before has openings": "in Ab has two vacancies openings has a ",
    "misspelt words in foreign names": "Centro de Applicaton di ",
    # round five of the unseen pages
    "currency codes": "KES 1 COP 1,000 PHP 8 PHP 1,000 R 1 000 R$ 1 ₹1 KSh ",
    "amounts grouped by spaces": "€1 000 000 000 ",
    "unfinished space groups": "R 1 000 000 0001 ",
    "year-first dates": "2027.03.15.2027/03/31/",
    "cities between commas": "Ab, Cd, invites applications Ef, ",
    "subjects after an opening phrase": "After ab, the Cd Ef is hiring! Good: the Ab is hiring ",
    "our team in a city": "join our team in Ab ",
    # round six of the unseen pages
    "posts a subject has": "Ab has two posts has one role has 3 open positions ",
    "seekers of a role": "is looking for a ab cd ef is hiring an ab seeks two ",
    "fellowships and consultancies": "our fellowship the consultancy in consultancy fellowships ",
    "benefits after plus": "Salary $1 plus insurance plus 401 ",
    "fees of a consultancy": "a total fee of up to €1 fee of about ",
    "regions based": "Remote (US-based, UK-based / EU based ",
    "hear from you": "hear from you by 1/1/2027 by ",
    "pay by the hour in words": "an hour zero-hours ",
    "addresses spelled AT and DOT": "ab AT cd DOT ef DOT gh AT DOT ",
    "work in home office": "in home office from home office equipment ",
    # round seven of the unseen pages
    "notices of a post": "applications are invited for the post of last date for ",
    "last dates and week dates": "last date for receipt of 2027-W11-5 2027w115 2027-w ",
    "rolling basis until": "on a rolling basis until 30 april on a rolling basis, until ",
    "names in bold and campuses": "**Ab Library** — Cd, Ef campus in Gh ",
    "a city between commas": "The Ab Library, in Cd, in Ef, ",
    "downtown": "in downtown Ab in downtown ",
    "work done on site": "work is done on site job is performed in person post is ",
    "brackets in titles": "Archivist (Ab, cd (Ef or gh) (Ab Cd, ",
    "pro rata and tenure": "£1 pro rata tenure: one year pro-rata ",
    "permanent posts and terms": "permanent post contract: permanent contract runs for one year ",
    "department labels": "Department: Ab Department: ",
    "hosts and their cities": "hosted by the Ab Library, Cd, hosted by Ef ",
    # round eleven of the unseen pages
    "addresses hidden with bare dots": "a (at) b dot c dot ",
    "names going on after adjectives": "La Biblioteca ab cd de Ef Gh ",
    "places joined to remote": "US-remote Ab-remote- ",
    "labelled places": "Place: Ab, ",
    "closed notices set off by dashes": "closed - filled | closed: ",
    "posts to come": "the post will be posted here role will be ",
    "addresses spelled at and dot": "ab at cd dot ef dot at dot ",
    "cities after a role sought": "seeks a curator in Ab Cd in Ef in ",
    "closed notices in prose": "status: recruitment for the post is deadline has post is no ",
    "includes of buttons to apply": "{% include apply.html url=http",
    "terms in brackets after a role sought": "seeks a curator (full-time, ",
    # round twelve of the unseen pages
    "days a week after places": "in the office 3 days a week based 2 days per week ",
    "terms lines after hours": "Full-time, 2 years, full-time, in ",
    "casual and bank work": "casual casual) bank zero-hours job share ",
    "sums for the year": "£1 for the year £1 for a ",
    "open until we": "open until we have open until ",
    "struck-out subjects": "~~~~**__ seeks ",
    "numbered bold openings": "**1. Ab Curator** £1 **2) Cd.** ",
    "plain items of openings": "Ab Curator, £1, Cd Archivist, ",
    "offices and counts in titles": "Two Archivists, Ab office - Cd Ef branch ",
}
PLACES = {
    "body": "---\ntitle: Archivist\nkind: job\n---\n\nWe seek an archivist.\n\n{line}\n\nApply.\n",
    "heading": "---\nkind: job\n---\n\n# {line}\n\nWe seek an archivist.\n",
    "closed heading": "---\nkind: job\n---\n\n## {line} x ##\n\nWe seek an archivist.\n",
    "title": '---\nkind: job\ntitle: "{line}"\n---\n\nWe seek an archivist.\n',
    "bullet": "---\ntitle: Archivist\nkind: job\n---\n\n- {line}\n- and more\n",
}


def line_of(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def best_time(run: object, tries: int = 3) -> float:
    assert callable(run)
    best = float("inf")
    for _ in range(tries):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
        if best < BOUND:
            break
    return best


def assert_linear(
    page: Callable[[int], str], read: Callable[[str, str], object] = parse_text
) -> None:
    """``page(size)`` is read within ``BOUND`` at ``SIZE``, or grows linearly from a quarter."""
    seconds = best_time(lambda: read("hostile.md", page(SIZE)))
    if seconds < BOUND:
        return
    quarter = best_time(lambda: read("hostile.md", page(SIZE // 4)))
    assert seconds < GROWTH * quarter, f"{seconds:.2f} s, and {quarter:.2f} s at a quarter"


def _slow_reader(power: int) -> Callable[[str, str], object]:
    """A reader as slow as a pattern of that power, just over the bound at ``SIZE``."""
    return lambda _name, text: time.sleep(1.1 * BOUND * (len(text) / SIZE) ** power)


def test_a_loaded_machine_is_told_from_a_quadratic_pattern() -> None:
    assert_linear(lambda size: "a" * size, _slow_reader(1))  # over the bound, linear: passes
    with pytest.raises(AssertionError, match="at a quarter"):
        assert_linear(lambda size: "a" * size, _slow_reader(2))


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("unit", UNITS.values(), ids=list(UNITS))
def test_pathological_lines_load_in_linear_time(place: str, unit: str) -> None:
    def page(size: int) -> str:
        line = line_of(unit, size)
        if place == "title":
            line = line.replace('"', "").replace("\\", "")
        return PLACES[place].format(line=line)

    assert_linear(page)


def _job(body: str) -> str:
    return f"---\ntitle: Archivist\nkind: job\n---\n\nWe seek an archivist.\n\n{body}"


def test_a_paragraph_of_many_wrapped_lines_loads_in_linear_time() -> None:
    assert_linear(lambda size: _job("the position is\n" * (size // 16)))


def _times(size: int, count: int) -> int:
    """``count`` at ``SIZE``, in proportion at another size."""
    return count * size // SIZE


@pytest.mark.parametrize(
    "rows",
    [
        lambda n: "| Location | Leiden |\n|---|---|\n" * (n // 30),
        lambda n: (
            "| Job Title | Archivist |\n|---|---|\n"
            + "| Salary | $1 |\n| Location | Ab |\n" * _times(n, 3000)
        ),
        lambda n: (
            "| Role | Closing date |\n|---|---|\n"
            + "| Archivist | 1 May 2027 |\n" * _times(n, 2000)
        ),
        lambda n: "- **Archivist** closing 1 May 2027\n" * _times(n, 2000),
        lambda n: "\n\n".join(["Ab Cd is a big"] * _times(n, 5000)),
        lambda n: (
            "You can work remotely if you live in one of these countries:\n"
            + "- Germany\n" * _times(n, 6000)
        ),
        lambda n: "We hire in:\n" + "- the Ab Cd\n" * _times(n, 6000),
    ],
    ids=[
        "rows",
        "a header row that is a fact",
        "rows that are openings",
        "list items that are openings",
        "paragraphs naming no organisation",
        "a list of countries",
        "a list of places after 'in:'",
    ],
)
def test_a_table_of_many_rows_loads_in_linear_time(rows: Callable[[int], str]) -> None:
    assert_linear(lambda size: _job(rows(size)))


@pytest.mark.parametrize(
    "lines",
    [
        lambda n: "- a list item\n" + "  wrapped on and on\n" * (n // 20),
        lambda n: "Apply via:\n[a](https://x.org)\n" * (n // 30),
    ],
    ids=["a list item wrapped over many lines", "labels whose value is on the next line"],
)
def test_joined_lines_load_in_linear_time(lines: Callable[[int], str]) -> None:
    assert_linear(lambda size: _job(lines(size)))


def test_unbalanced_liquid_keeps_the_text_and_warns() -> None:
    text = (
        "---\ntitle: Archivist\n---\n\nWe seek an archivist.\n\n{% comment %} a note\n\n"
        "The post is full time.\n\nApply by {{ page.deadline\n\nSalary: 40,000 EUR.\n"
    )
    doc = parse_text("liquid.md", text)
    assert "The post is full time." in doc.body
    assert "Salary: 40,000 EUR." in doc.body
    assert "{{" not in doc.body and "{%" not in doc.body
    assert (
        "Liquid on line 3: {% comment %} never closed with {% endcomment %}; the text after "
        "it was kept" in doc.warnings
    )
    assert (
        "Liquid on line 7: a tag never closed with }}; the rest of its line was left out"
        in doc.warnings
    )


# ---------------------------------------------------------------- round six of the unseen pages


@pytest.mark.parametrize(
    "unit", ["Ab Library, a b c d e f g h in Cd ", "Ab Library in ", "Ab Library, six in Cd, "]
)
def test_the_employers_name_repeated_before_cities_loads_in_linear_time(unit: str) -> None:
    front = "---\ntitle: Archivist\nkind: job\norganization: Ab Library\n---\n\n"
    assert_linear(lambda size: f"{front}{line_of(unit, size)}\n")


@pytest.mark.parametrize("unit", ["At Ab Cd Ef ", "At the Ab & Cd, ", "At Ab "])
def test_a_page_opening_with_at_a_name_loads_in_linear_time(unit: str) -> None:
    front = "---\ntitle: Archivist\nkind: job\n---\n\n"
    assert_linear(lambda size: f"{front}{line_of(unit, size)} we build.\n")


@pytest.mark.parametrize("line", ["a: b\n", "title: x\n", "\t- item\n", "  nested: 1\n"])
def test_a_front_matter_that_never_ends_loads_in_linear_time(line: str) -> None:
    assert_linear(lambda size: "---\ntitle: x\n" + line * (size // len(line)) + "\nBody.\n")


def test_many_tags_load_in_linear_time() -> None:
    def page(size: int) -> str:
        tags = ", ".join(["full-time-jobs", "part", "time"] * (size // 30))
        return f"---\ntitle: Archivist\nkind: job\ntags: [{tags}]\n---\n\nWe seek one.\n"

    assert_linear(page)


# ---------------------------------------------------------------- round seven of the unseen pages


@pytest.mark.parametrize(
    "unit", ["*Ab cd* ", "**Ab Library** — Cd, ", "The Ab Cd, in Ef, ", "_ab_\n"]
)
def test_a_page_opening_with_a_note_or_a_name_in_bold_loads_in_linear_time(unit: str) -> None:
    front = "---\ntitle: Archivist\nkind: job\n---\n\n"
    assert_linear(lambda size: f"{front}{line_of(unit, size)} keeps records.\n")


def test_a_long_title_of_brackets_loads_in_linear_time() -> None:
    def page(size: int) -> str:
        title = "(Ab, c) (Leeds or " * (size // 18)
        return f"---\nkind: job\ntitle: '{title}'\n---\n\nWe seek an archivist.\n"

    assert_linear(page)

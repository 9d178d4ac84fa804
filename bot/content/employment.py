"""Employment type: full-time, part-time, temporary (contract, fixed-term) or internship.

The title decides when it says one ("Part-time Children's Clerk"). Otherwise the posting's
sentences do, a statement about the job first ("This is a part-time position"), else the first
that says one; within a sentence the table's order decides, the more specific kind first ("a
temporary, full-time position" is temporary). Failing words, the weekly hours or the FTE
decide: at most 30 hours a week (or under 1.0 FTE) is part-time, 35 or more full-time.
"""

from __future__ import annotations

import re

from bot.content.rules import Rule, Table
from bot.content.text import Scan, plain, sentence_bounds

# What a number of months or years is the term of: "a 12-month contract", "an 18-month
# grant-funded project", "a two-year postdoctoral fellowship" (not "10 years contract work").
_TERM_OF = (
    r"(?:(?:grant[- ]funded|funded|postdoctoral|paid|research) )?"
    r"(?:contract|appointment|position|post|role|project|fellowship|engagement|assignment)\b"
)
# A number of months or years, in figures or words: "24 months", "three years".
_TERM = (
    r"(?:\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four)[- ]"
    r"(?:months?|years?)\b"
)
# An end date: "31 December 2029", "31.12.2029", "December 31, 2029".
_END_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.? ?(?:[a-z]{3,9}|\d{1,2}\.)|[a-z]{3,9} \d{1,2},?) ?"
    r"(?:19|20)\d\d\b"
)
EMPLOYMENT = Table(
    "employment_type",
    (
        Rule(
            "internship",
            (
                r"internships?\b",
                r"traineeships?\b",
                r"apprenticeships?\b",
                r"practicum\b",
                # one intern: "the intern will"; "supervise student interns" is not this job
                r"intern\b",
                r"trainee\b",
            ),
            matches=(
                "We offer a paid summer internship in our conservation lab.",
                "This traineeship lasts twelve months.",
                "The intern will catalogue the photograph collection.",
                "Digital Archives Intern (paid) for the summer.",
                "A graduate practicum in the map library.",
            ),
            rejects=(
                "You will supervise student interns and volunteers.",
                "Experience with internal audits is required.",
                "The international team meets twice a year.",
            ),
        ),
        Rule(
            "temporary",
            (
                # "Regular/Temporary: Regular" is a form's label naming both kinds
                r"(?<!regular/)(?<!regular / )temporary\b",
                r"temp\b",
                r"fixed[- ]term\b",
                r"interim\b",
                r"seasonal\b",
                r"term[- ]limited\b",
                r"limited[- ]term\b",
                r"time[- ]limited\b",
                # "a contract position", "a contract of two years"
                r"contract (?:(?:position|role|job|post|basis|appointment|opportunity"
                rf"|assignment)\b|(?:of|for) {_TERM})",
                # "a two-year appointment", "12-month contract" (not "10 years contract work")
                rf"month[- ]{_TERM_OF}",
                rf"year[- ]{_TERM_OF}",
                r"freelance\b",
                # French: contrat à durée déterminée
                r"cdd\b",
                r"durée déterminée\b",
                # "The contract runs for one year", "the appointment lasts 18 months"
                rf"(?:contract|appointment|post|position) (?:runs|lasts|will run|will last)"
                rf" (?:for )?{_TERM}",
                # a label giving the term: "Contract: 24 months", "Duration: two years"
                rf"(?:contract|contract length|length of contract|duration|term|tenure)[*_]*:[*_]*"
                rf" (?:of )?{_TERM}",
                # "limited to three years", "limited for 24 months", and an end date: "limited
                # to 31 December 2029", "limited until 31.12.2029"
                rf"limited (?:(?:to|for) {_TERM}|(?:to|until|till|through) {_END_DATE})",
                r"specified[- ]purpose contract\b",
                # "grant funded for two years": the post lasts as long as its funding
                rf"funded for (?:up to |a period of )?{_TERM}",
                # "We are hiring a Research Software Engineer for three years": the opening
                # named, then its term
                rf"(?:hiring|recruiting|appointing|seeking|looking for|wants|needs) an?"
                rf" [^.;:\n]{{1,60}}?"
                rf" for (?:a period of |up to )?{_TERM}",
                # "a term position ending March 31, 2028", "Archivist 2 (Term)"
                r"(?<!long-)(?<!long )term(?: (?:position|appointment|post|role|job)\b"
                r"|\)(?<=\(term\)))",
                # cover while the post holder is on leave
                r"(?:maternity|parental) (?:leave )?cover\b",
                r"cover for (?:a )?(?:maternity|paternity|parental|adoption|sick|study) leave\b",
                # a consultancy offered (not "consultancy experience", "experience in
                # consultancy" or "a consultancy firm")
                # a doctor's word for cover: "Locum Conservator", "a locum post"
                r"locum\b",
                # a terms line giving hours then length: "Full-time, 2 years, in Aberdeen."
                # (a "12-month faculty appointment" is one for the whole year, not a term)
                rf"(?:full|part)[- ]?time, (?:for )?{_TERM}"
                r"(?! (?:of|experience|faculty|academic|calendar|fiscal)\b)",
                r"(?<!in )(?<!of )consultancy\b"
                r"(?! (?:firms?|company|companies|services|experience|work|skills|fees?)\b)",
                # a named or research fellowship is an award for a term ("The Aldine
                # Fellowship in Book History"); the programme that runs them is not one
                r"(?<!our )(?<!the )(?<!a )fellowships?\b"
                r"(?! (?:of|programmes?|programs?|schemes?|funds?|funding|applications?)\b)",
            ),
            matches=(
                "This is a temporary position funded through June.",
                "A fixed-term contract of 18 months, with a possible extension.",
                "Interim Library Director.",
                "The role is offered on a contract basis.",
                "This is a two-year appointment funded by a grant.",
                "A 12-month contract to digitise the letters.",
                "Term-limited position ending in December 2027.",
                "An 18-month grant-funded project to process the papers.",
                "A two-year postdoctoral fellowship beginning in January.",
                "The archive needs a freelance cataloguer for forty days.",
                "Contract: CDD of 18 months, full-time.",
                "**Contract:** 24 months, with the possibility of extension",
                "| Tenure | One year, extendable by a further year on performance |",
                "Pay: TWD 32,000 per month. The contract runs for one year.",
                "The appointment will last 18 months.",
                "Duration: two years from 1 March.",
                "The position is to be filled as soon as possible, limited to three years.",
                "We need a specialist for a six-month engagement.",
                "A developer post, limited to 31 December 2029, in the editions team.",
                "The position is limited until 31.12.2028.",
                "We are recruiting on a specified-purpose contract of two years.",
                "Appointment is on a contract for 18 months.",
                "This is a term position ending March 31, 2028.",
                "Archivist 2 (Term)",
                "Learning Officer (maternity cover)",
                "The post is offered as cover for parental leave until June.",
                "Full-time, grant funded for two years.",
                "The post is funded for up to 36 months by the Arts Council.",
                "We are hiring a Research Software Engineer for three years.",
                "The museum is recruiting an exhibition designer for 18 months.",
                "The record office wants a Project Archivist for eighteen months.",
                "Our gallery needs an installer for six months over the move.",
                "A twelve-month research fellowship in digital epigraphy.",
                "The Aldine Fellowship in Book History, 2027-28",
                "Postdoctoral Fellowship in Digital Humanities",
                "Consultancy - Digital Strategy Review",
                "This is a consultancy of 20 days between May and July.",
                "Locum Paper Conservator for the summer.",
                "Full-time, 2 years, based in the search room.",
                "Part-time, eighteen months, from September.",
            ),
            rejects=(
                "You will manage vendor contract negotiations.",
                "Our contemporary art collection is growing.",
                "This is a permanent, full-time position.",
                "Five years contract management experience.",
                "The 150-year history of the project is told in our archive.",
                "Contract: permanent, 24 hours per week.",
                "Loans are limited to three books at a time.",
                "We have been hiring curators for three years now.",
                "We are looking for a cataloguer with five years of experience.",
                "The museum needs a curator who has spent two years in a gallery.",
                "Attendance is limited to 30 people.",
                "You will manage the contract for the new catalogue.",
                "This is a long-term position with a pension.",
                "We offer generous maternity pay and flexible hours.",
                "A student assistant (10-12 hours per week during term).",
                "Regular/Temporary: Regular",
                "You will run our fellowship programme and its events.",
                "Experience of winning fellowship funding is an advantage.",
                "Members of the fellowship of the Society meet in May.",
                "Experience in consultancy is an advantage.",
                "You have worked for a consultancy firm.",
                "Full-time, 2 years of experience required.",
                "Full-time, 12-month faculty appointment.",
                "Part-time, 9-month academic appointment with summers off.",
            ),
        ),
        Rule(
            "part-time",
            # "Full/Part Time: Full-Time" is a form's label naming both kinds
            # French: "à temps partiel"
            (
                r"(?<!full/)(?<!full / )part[- ]?time\b",
                r"half[- ]time\b",
                r"temps partiel\b",
                # work by the shift as needed, no set hours, and no end said: casual,
                # sessional, zero-hours and bank work (not "casual visitors")
                r"(?:casual|sessional|bank)"
                r"(?: (?:basis|posts?|roles?|positions?|jobs?|work|contracts?|staff|workers?)\b"
                r"|\))",
                r"zero[- ]hours?\b",
                # a job shared by two people, each working part of the week
                r"job[- ]?share\b",
            ),
            matches=(
                "Part-time Children's Clerk.",
                "This part time position works Saturdays.",
                "A half-time appointment in the archive.",
                "Un poste à temps partiel (80 %).",
                "These are casual posts: you choose your shifts.",
                "Visitor Host (casual)",
                "We take on sessional staff for the school holidays.",
                "A zero-hours contract with evening shifts.",
                "The post is offered as a job share.",
                "Gallery attendants are hired on a bank basis.",
            ),
            rejects=(
                "Students may work part of the time from home.",
                "We are a team of ten.",
                "Full/Part Time: Full-Time",
                "Casual visitors are welcome at the reading room.",
                "The dress code is casual.",
                "You will deal with the bank and the auditors.",
            ),
        ),
        Rule(
            "full-time",
            # "two full-time staff" are colleagues, not this job; "a salary … based on a
            # full-time position" is how the pay of a part-time post is reckoned
            (
                # "65 % of full-time hours" is a part of them
                r"(?<!based on a )(?<!based on )(?<!basis of a )(?<!% of )(?<!percent of )"
                r"full[- ]?time\b(?! (?:staff|employees|colleagues|equivalent|team))",
                # French: "à temps plein", "à temps complet"
                r"temps (?:plein|complet)\b",
            ),
            matches=(
                "This is a full-time, permanent position.",
                "Un CDI à temps plein, à Roubaix.",
                "A fulltime role with benefits.",
                "Full time, with benefits.",
                "Full/Part Time: Full-Time",
            ),
            rejects=(
                "You will supervise two full-time staff and a volunteer.",
                "Over time you will lead the team.",
                "A salary of €3,546 gross per month, based on a full-time position.",
                "Pay group E13 TV-L, 65 % of full-time hours.",
            ),
        ),
    ),
)

# A sentence that says what this job is outranks one that mentions a kind of work in passing
# ("can be an employee of or in a contract position with CLIR").
_STATEMENT = re.compile(
    r"\b(?:this|the) (?:is an?|(?:\w+ )?(?:position|role|job|post|appointment|opening|vacancy)"
    r" (?:is|will be))\b|^(?:this|an?) ",
    re.I,
)
# Weekly hours ("12 hours per week", "20-25 hrs/week", "37.5 hours a week") and FTE ("0.5 FTE").
_WEEKLY = re.compile(r"(?:hours?|hrs?)\s?(?:per|a|/|each|every)\s?(?:week|wk)\b|fte\b")
# "Hours: 35 per week": a label line gives the hours, the word is not repeated.
_HOURS_LABEL = re.compile(
    r"^[-*_ \t]*(?:working |weekly )?hours[*_]*:[*_]*[ \t]?(\d{1,2}(?:\.\d{1,2})?)[ \t]?"
    r"(?:per|a|/|each)[ \t]?(?:week|wk)\b",
    re.M,
)
# Days of work a week: "3 days a week", "2.5 days per week", "four days a week".
_DAYS = re.compile(
    r"\b(\d(?:\.5)?|one|two|three|four|five) days? (?:per|a|each|every) (?:week|wk)\b"
)
_DAYS_IN_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}
# "In the office two days a week", "on site 3 days a week": where a hybrid post's days are
# spent, not how many it works.
_WHERE_DAYS = re.compile(
    r"\b(?:office|on[- ]?site|home|in person|campus|remote\w*|based|hybrid|studio)\b[^.\n]*$"
)
FULL_TIME_DAYS = 5  # a week; fewer is part of the week
_AMOUNT_BEFORE = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2})?|\.\d{1,2})\s?$")
PART_TIME_HOURS = 30  # at most, a week
FULL_TIME_HOURS = 35  # at least, a week


def stated_employment(value: str) -> str | None:
    """The kind a front matter value names: ``job_type: Contract`` is a contract position,
    ``Full Time`` a full-time one. The value is read as the kind of a position, so the
    table's phrasings that need the word ("contract position") find it."""
    said = EMPLOYMENT.first(f"{value} position")
    return said.value if said is not None else None


def kinds_in(title: str) -> frozenset[str]:
    """Every kind a title says: "Library Systems Intern (part-time)" is an internship (the
    more specific kind, ``find_employment``) and part-time, as a list of part-time posts
    asks."""
    return frozenset(hit.rule.value for hit in EMPLOYMENT.hits(title.lower()))


def find_employment(title: str, scan: Scan) -> tuple[str, str] | None:
    """(kind, the words that say it); see the module's docstring for the order."""
    said = EMPLOYMENT.first(title)
    if said is not None:
        return said.value, title
    text = scan.text
    low = scan.low
    best: tuple[bool, int, int] | None = None  # (not a statement, sentence start, rule index)
    kind = sentence = ""
    read: dict[int, tuple[str, bool]] = {}  # sentence start -> (its words, a statement?)
    temporary: tuple[str, str] | None = None
    for hit in EMPLOYMENT.hits(low):
        start, end = sentence_bounds(text, hit.start)
        if start not in read:
            words = plain(text[start:end])
            read[start] = (words, _STATEMENT.search(words) is not None)
        words, statement = read[start]
        if temporary is None and hit.rule.value == "temporary":
            temporary = hit.rule.value, words
        rank = (not statement, start, EMPLOYMENT.rules.index(hit.rule))
        if best is None or rank < best:
            best, kind, sentence = rank, hit.rule.value, words
    # a part-time post for a term ("part-time, 20 hours a week" … "The contract runs for one
    # year") is temporary, as "a part-time, fixed-term post" is in one sentence
    if kind == "part-time" and temporary is not None:
        return temporary
    if best is not None:
        return kind, sentence
    # "Partnerships Manager (0.8 FTE)": the title's hours first, as its words come first
    return _from_hours(title, title.lower()) or _from_hours(text, low) or _permanent(text, low)


# "The University invites applications for a permanent post": a post with no end and no
# hours said is a full-time one (a permanent part-time post says "part-time", read first).
# Not "our permanent collection", "permanent residents".
_PERMANENT = re.compile(
    r"\bpermanent (?:post|position|role|job|appointment|contract|employment)\b"
    r"|\b(?:contract|appointment|employment)(?: type)?[*_]*:[*_]*[ \t]*permanent\b"
)


def _permanent(text: str, low: str) -> tuple[str, str] | None:
    said = _PERMANENT.search(low) if "permanent" in low else None
    if said is None:
        return None
    start, end = sentence_bounds(text, said.start())
    return "full-time", plain(text[start:end])


def _from_hours(text: str, low: str) -> tuple[str, str] | None:
    for hit in _WEEKLY.finditer(low):
        amount = _AMOUNT_BEFORE.search(low, max(0, hit.start() - 8), hit.start())
        if amount is None:
            continue
        found = _kind_of_hours(text, hit.start(), float(amount.group(1)), hit.group(0) == "fte")
        if found is not None:
            return found
    if "hours" in low:
        for label in _HOURS_LABEL.finditer(low):
            found = _kind_of_hours(text, label.start(), float(label.group(1)), fte=False)
            if found is not None:
                return found
    return _from_days(text, low) if "day" in low else None


def _from_days(text: str, low: str) -> tuple[str, str] | None:
    """ "3 days a week" is part-time, "five days a week" full-time: the hours' rule said in
    days, read after any hours the page gives (they are the more exact)."""
    said = _DAYS.search(low)
    if said is None or _WHERE_DAYS.search(low, max(0, said.start() - 40), said.start()):
        return None
    days = _DAYS_IN_WORDS.get(said.group(1)) or float(said.group(1))
    start, end = sentence_bounds(text, said.start())
    return ("part-time" if days < FULL_TIME_DAYS else "full-time"), plain(text[start:end])


def _kind_of_hours(text: str, at: int, value: float, fte: bool) -> tuple[str, str] | None:
    if fte:
        kind = "part-time" if value < 1 else "full-time"
    elif value <= PART_TIME_HOURS:
        kind = "part-time"
    elif value >= FULL_TIME_HOURS:
        kind = "full-time"
    else:
        return None
    start, end = sentence_bounds(text, at)
    return kind, plain(text[start:end])

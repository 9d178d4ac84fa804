"""Facts stated in a posting's prose: where, whether remote, open or closed, how to apply.

Each finder returns the value with the sentence it came from. The phrasings are rule tables
(see bot/content/rules.py); a finder reads only the sentences where a phrasing of its table
starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.content.cities import is_city
from bot.content.rules import Hit, Rule, Table, phrase
from bot.content.text import (
    Scan,
    find_all,
    plain,
    remembered,
    sentence_bounds,
    whole_sentences,
)


@dataclass(frozen=True)
class Found:
    value: str
    sentence: str


# ---------------------------------------------------------------- remote or on-site

ON_SITE = Rule(
    "false",
    (
        r"(?:not remote|not a remote|not fully remote|not a fully remote)\b",
        r"no remote\b",
        r"not eligible for remote\b",
        r"remote work is not\b",
        r"(?:cannot|can not|can't) be (?:done |performed )?remote\w*",
        r"does not offer remote\b",
        r"(?:on-site|onsite|on site) (?:only|position|role|job|work is required)\b",
        r"(?:on-site|onsite|on site),? not remote\b",
        # "Location: Mill Valley, CA (on-site)"
        r"(?:on-site|onsite|on site|in-person|in person)\)",
        r"(?:on-site|onsite) in\b",
        # "- On site in Kelby, Ohio" at a clause's start ("parking on site in the lot" is not)
        r"(?<![a-z] )on site in\b",
        # "Interns work on site in Rome"
        r"(?<=work )on site in\b",
        r"(?<=works )on site in\b",
        r"(?:must work on|must be on|must report on)[- ]?site\b",
        # "Working arrangement: on site, Tuesday to Saturday": a label of how the work is done
        r"work(?:ing)? (?:pattern|arrangement|mode):\s*(?:on[- ]?site|in[- ]person|in[- ]office)"
        r"\b",
        r"(?:in-person|in person) (?:only|position|role|job)\b",
        r"(?:role is|position is|job is|work is|post is) (?:fully )?(?:on[- ]?site|in[- ]person"
        r"|in[- ]office|based on[- ]?site)\b",
        r"(?:in-office|in office) (?:only|position|role|job|every day|five days|full[- ]time)\b",
        # "Remote fellowships are not offered."
        r"remote(?: \w+)? (?:is|are) not (?:offered|possible|available|an option|permitted"
        r"|allowed|supported)\b",
        r"requires? (?:daily |regular |full-time )?(?:on[- ]?site|in[- ]person)"
        r" (?:work|presence|attendance)\b",
        r"(?:fully|entirely) on[- ]?site\b",
        # "this work is done on site", "the job is performed in person"
        r"(?:work|job|role|post) is (?:done|performed|carried out) (?:on[- ]?site|in[- ]person)"
        r"\b",
        r"100% on[- ]?site\b",
        r"(?:work on|works on|working on)[- ]?site (?:every day|full[- ]time|five days)\b",
        r"(?:in the office|at our office|in office) (?:every day|five days a week|full[- ]time)\b",
        # "The fellowship is in residence at the Center"
        r"(?<=is )in residence\b",
        r"(?<=are )in residence\b",
        r"(?<=be )in residence\b",
    ),
    matches=(
        "This is not a remote position.",
        "The role is on-site only, at our Leeds reading room.",
        "This position is fully onsite in Leiden.",
        "Remote work is not possible for this role.",
        "The work cannot be done remotely, as it handles fragile originals.",
        "Staff must report on site at 8:30 each morning.",
        "An in-person role in our conservation studio.",
        "The job requires daily on-site presence in the stacks.",
        "We work in the office five days a week.",
        "This post is 100% on-site.",
        "The successful candidate works on site full-time.",
        "Please note: no remote or hybrid arrangement is offered.",
        "Location: Mill Valley, CA (on-site)",
        "A six-month paid internship, on-site in Lisbon.",
        "- On site in Kelby, Ohio",
        "Interns work on site in Rome, four days a week.",
        "Work is in person in the reading room.",
        "This position is in-office Monday through Friday.",
        "An in-office role at our Leeds reading room.",
        "Remote fellowships are not offered.",
        "Remote working is not possible for this post.",
        "The fellowship is in residence at the Center in Pasadena, California.",
        "Fellows are expected to be in residence for the academic year.",
        "Our building is in Cleveland, and this work is done on site.",
        "The job is performed in person at the studio.",
        "Working arrangement: on site, Tuesday to Saturday",
        "Work mode: in person at the museum store",
    ),
    rejects=(
        "We offer an on-site café and a bicycle shed.",
        "The library is in person and online.",
        "The in-office printer is shared.",
        "Remote access is not required for the catalogue.",
        "Parking is available on site in the evenings, and remote work is possible.",
        "Our writer in residence will give a talk in May.",
        "Some of the work is done remotely, the rest on site.",
        "Working arrangement: hybrid, two days a week on site.",
        "Perks: on-site café and gym.",
    ),
)
REMOTE_WORK = Rule(
    "true",
    (
        r"remote(?:ly)?\b",
        r"telecommut\w*",
        r"(?:work from home|working from home)\b",
        r"home[- ]based\b",
        r"wfh\b",
        r"hybrid (?:work\w*|schedule|role|position|arrangement|model|job)\b",
        r"virtual(?:ly)?(?= (?:position|role|job|work|based|team|office)\b)",
        r"virtual-based\b",
        r"work virtually\b",
        r"(?:located anywhere|based anywhere|work anywhere|working anywhere|live anywhere"
        r"|reside anywhere|be anywhere)\b",
        r"anywhere (?:in the world|with (?:a|an) (?:reliable )?internet)\b",
        r"distributed (?:position|role|job)\b",
        r"from (?:your own|your) home\b",
        r"(?:role|position|job|post) is hybrid\b",
        r"hybrid(?=\s?[(,:;])",
        r"telework\w*",
        r"home[- ]working\b",
        r"mobile work(?:ing)?\b(?! (?:force|devices?|apps?))",
        # "two days a week from home is possible"
        r"(?:day|days) (?:a |per |each )?(?:week )?(?:from|at) home\b",
        # "work from anywhere", "the option of working partly from home"
        r"(?:work|working) (?:from anywhere|(?:partly|partially|mostly|largely|occasionally"
        r"|sometimes|part of the (?:week|time)) (?:from|at) home)\b",
        # "work from any location in Michigan, Ohio or Indiana"
        r"(?<=work )from any (?:location|place|state|province|country)\b",
        r"(?<=working )from any (?:location|place|state|province|country)\b",
        # "from our offices in Leiden or Amsterdam and from home" (not "travel to and from home")
        r"(?<!to )and from home\b",
        r"and partly from home\b",
        # "two days a week in Worcester; the rest from home"
        r"(?:the rest|the remaining days|the other days)(?: of the (?:week|time))? (?:from|at)"
        r" home\b",
        # "two days a week in home office": working from home, as German-speaking employers
        # say it in English (not "the Home Office", a ministry, nor "home office equipment")
        *(
            rf"(?<=\b{word} )home[- ]?office\b(?! (?:equipment|furniture|costs?|allowance))"
            for word in ("in", "from")
        ),
    ),
    matches=(
        "This role is WFH.",
        "This is a remote position.",
        "You can work from home most days.",
        "The post holder will work remotely.",
        "Telecommuting is welcome.",
        "A hybrid schedule: two days in the archive, three at home.",
        "This is a home-based job with occasional travel to Utrecht.",
        "It is a virtual position; the team meets online.",
        "You may be located anywhere with a reliable internet connection.",
        "The job is fully remote within Canada.",
        "Work from your own home, with a laptop we provide.",
        "A distributed role: our staff live in four countries.",
        "Wfh is fine for this post.",
        "This role is hybrid, with two days a week in our London office.",
        "Teleworking up to two days a week.",
        "Westbrook campus, with up to 40% home working.",
        "Twenty hours per week, hybrid (Aberdeen office two days a week).",
        "Mobile working is possible by arrangement.",
        "Hybrid working: two days a week from home is possible.",
        "You can work from anywhere, as long as you overlap with US Eastern time.",
        "We offer the option of working partly from home.",
        "Three days a week in the studio, the rest of the week from home.",
        "Staff work part of the week at home.",
        "The Coordinator may work from any location in Michigan, Ohio or Indiana.",
        "You will work from our offices in Leiden or Amsterdam and from home.",
        "Full-time, with the option of two days a week in home office.",
        "Up to 40% of the time can be worked from home office.",
    ),
    rejects=(
        "Your visa is sponsored by the Home Office.",
        "We pay for your equipment in home office equipment budgets.",
        "Experience with remote sensing data is a plus.",
        "The archive serves remote communities in the north.",
        "We catalogue our collections for remote access.",
        "You will visit remote sites to survey monuments.",
        "Our virtual exhibitions drew many visitors.",
        "Build hybrid digital-physical displays.",
        "You will support our mobile workforce of field archaeologists.",
        "Visitors come from anywhere in the region.",
        "The reading room is open three days a week.",
        "Volunteers work mostly from the museum's stores.",
        "We reimburse travel to and from home for interviews.",
        "Researchers can consult the catalogue from any location.",
    ),
)
# A remote work fact, stated either way. Within a sentence an on-site phrasing wins ("not a
# remote position" holds "remote position"); between sentences, one that states the
# arrangement (_REMOTE_STATEMENT) wins over one that mentions remote work.
REMOTE = Table("remote", (ON_SITE, REMOTE_WORK))
# Remote words that are not about where this job is done; blanked before REMOTE_WORK reads a
# sentence.
_REMOTE_IGNORED = re.compile(
    r"\bremote(?:ly)? (?:sensing|access(?:ed|ible)?|control\w*|desktop|areas?|communities"
    r"|regions?|locations?|sites?|islands?|villages?|learning|instruction|teaching|patrons?"
    r"|users?|services?|reference|storage|server|repositor\w+|collections?|controlled)\b"
    r"|\b(?:the|a|and)?\s*remote (?:past|possibility|chance)\b"
    r"|\bremote(?:ly)? (?:located|situated)\b"
    r"|\b(?:comfortable|experience|familiar\w*) (?:with |in )?(?:working )?remote(?:ly)?\b"
    # "a distributed and remote team" describes the colleagues, not the job; "a fully remote
    # team" says the job is remote too.
    r"|(?<!fully )(?<!entirely )(?<!100% )(?<!all-)(?<!completely )\bremote (?:teams?"
    r"|colleagues|staff|members|workers|workforce|meetings?|collaboration|participants)\b",
)
# A short location value ("Remote", "Virtual, USA", "Hybrid - Leeds") says it in one word.
_LOCATION_REMOTE = phrase(
    r"\b(?:remote|virtual|anywhere|telecommut\w*|work from home|hybrid|home[- ]based)\b"
)


def remote_from_location(location: str) -> bool | None:
    low = location.lower()
    if ON_SITE.said(low):
        return False
    # "Remote Sensing Lab, Leeds" names a place, not remote work
    return True if _LOCATION_REMOTE.search(_REMOTE_IGNORED.sub(" ", low)) else None


_REMOTE_STATEMENT = phrase(
    r"\b(?:remote (?:position|role|job|work|working|first|friendly|option|basis|employee)"
    r"|fully remote|100% remote|(?:position|role|job) (?:is|can be|will be) (?:fully )?remote"
    r"|(?:based|located|work from) anywhere|remote/virtual|hybrid)\b",
)


def find_remote(scan: Scan) -> tuple[bool, str] | None:
    """True for remote, hybrid or region-restricted remote; False only when on-site is said.

    The sentences read are those where a phrasing of ``REMOTE`` starts; see ``REMOTE`` for
    which sentence wins.
    """
    text = scan.text
    negative: str | None = None
    positive: str | None = None
    for start, end in scan.sentences(hit.start for hit in REMOTE.hits(scan.low)):
        sentence = text[start:end]
        low = sentence.lower()
        if ON_SITE.said(low):
            negative = negative or plain(sentence)
            continue
        cleaned = _REMOTE_IGNORED.sub(" ", low)
        if REMOTE_WORK.said(cleaned):
            if _REMOTE_STATEMENT.search(cleaned):
                return True, plain(sentence)
            positive = positive or plain(sentence)
    if positive:
        return True, positive
    return (False, negative) if negative else None


# ---------------------------------------------------------------- where

# Where a remote worker may or should be. "where": a word before the place ("based in Canada",
# "remote from Europe"); "anywhere": the place begins with it ("anywhere in Europe"). The
# patterns that cut the place out (_REGION, _ANYWHERE) are built from these phrasings.
_PLACE_NEXT = r"\s+(?=(?:in|from|within|anywhere|somewhere)\b)"
REGION = Table(
    "location",
    (
        Rule(
            "where",
            tuple(
                words + _PLACE_NEXT
                for words in (
                    "located",
                    "based",
                    "live",
                    "living",
                    "reside",
                    "residing",
                    "remote work",
                    "remote",
                    "remotely",
                    "candidates",
                    "applicants",
                    "position is remote,?",
                    "hire",
                )
            ),
            matches=(
                "Candidates must be based in Canada.",
                "The successful candidate should reside in Scotland.",
                "Applicants must live within the European Union.",
                "This is remote work from the Netherlands or Belgium.",
                "Ideally you are located in New Zealand.",
                "The position is remote, in Ireland.",
                "You can be living in Portugal or Spain.",
                "Applicants residing in Norway are preferred.",
                "Remote work is possible for candidates in Canada.",
                "You can work remotely from anywhere in the UK.",
            ),
            rejects=(
                "She worked with a developer based in Berlin.",
                "Our partners are located in many places.",
                "We welcome candidates in all stages of their careers.",
            ),
        ),
        Rule(
            "anywhere",
            (r"anywhere\s+(?:in|within|with)\s", r"somewhere\s+(?:in|within|with)\s"),
            matches=(
                "You may work from anywhere in Europe.",
                "The role can be done from somewhere within the Nordic countries.",
                "Staff can be anywhere with good internet.",
                "We hire anywhere in the Americas.",
            ),
            rejects=("There is nothing like it anywhere.",),
        ),
    ),
    check="set",
)
_WHERE, _ANYWHERE_RULE = REGION.rules
_PLACE_WORDS = r"[^.;:()\n]+"
# A span of time zones is a place too: "remote within UTC-2 to UTC+3".
_UTC_OFFSET = r"(?:UTC|GMT) ?[+\-−–] ?\d{1,2}(?::\d\d)?"
_REGION = re.compile(
    r"(?P<pref>\bprefer\w*\b|\bideally\b|\bpreferabl\w*\b)?[^.;]{0,60}?"
    rf"\b(?:{'|'.join(_WHERE.phrasings)})"
    rf"(?P<loc>(?:{'|'.join(_ANYWHERE_RULE.phrasings)}){_PLACE_WORDS}"
    rf"|(?:in|from|within)\s+{_UTC_OFFSET}\s+(?:to|and)\s+{_UTC_OFFSET}"
    r"|(?:in|from|within)\s+(?:the\s+)?(?:an?\s+)?[A-Z][\w-]*"
    r"(?:(?:\s+|,\s+|\s+or\s+|\s+and\s+|\s*/\s*|\s+of\s+)(?:the\s+)?[A-Z][\w-]*)*"
    r"(?:\s+time\s?zones?)?)",
)
_ANYWHERE = re.compile(rf"\b(?P<loc>(?:{'|'.join(_ANYWHERE_RULE.phrasings)}){_PLACE_WORDS})", re.I)
_REGION_LEAD = re.compile(r"^(?:in|from|within)\s+")
# What follows a region is cut ("anywhere in Europe to work with us"), but not the end of a
# span of time zones ("UTC-2 to UTC+3").
_REGION_TAIL = re.compile(r"\s+(?:to(?! (?:UTC|GMT))|and to|who|which|where)\s.*$")
_REGION_STRONG = re.compile(r"\b(?:remote\w*|anywhere|somewhere|prefer\w*|ideally)\b", re.I)
_REGION_ABOUT_JOB = re.compile(
    r"\b(?:candidates?|applicants?|position|role|job|must|should|can be|may be|will be"
    r"|you will|you must|you can|you should|the successful)\b",
    re.I,
)


# "if you live in one of these countries:" and a list of them after it
_LISTED = re.compile(
    r"\b(?:(?:the following|these|those) (?:countries|regions|states|provinces|territories)"
    r"(?: only)?|in):$",
    re.I,
)
_LIST_ITEM = re.compile(
    r"\n(?:[ \t]*\n)?[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+(?P<item>[^\n]{1,60})(?=\n|$)"
)
_ITEM_PLACE = re.compile(r"(?:the )?[A-Z][\w'’.-]*(?: (?:of |and )?[A-Z][\w'’.-]*){0,4}")
_MOST_ITEMS = 60


def _listed_places(text: str, end: int) -> str | None:
    """ "Germany, the Netherlands, Ireland": the list of places right after ``end``."""
    items: list[str] = []
    while len(items) < _MOST_ITEMS and (item := _LIST_ITEM.match(text, end)) is not None:
        words = plain(item.group("item")).strip(" .,;")
        if _ITEM_PLACE.fullmatch(words) is None:
            return None
        items.append(words)
        end = item.end()
    return ", ".join(items) if items else None


def is_listing_sentence(sentence: str) -> bool:
    """Whether a region sentence lists where the worker must be ("… in one of these
    countries: Germany, Ireland"), which says it of the job as a remote one does."""
    return _LISTED_IN_SENTENCE.search(sentence) is not None


_LISTED_IN_SENTENCE = re.compile(
    r"\b(?:(?:[Tt]he following|[Tt]hese|[Tt]hose) (?:countries|regions|states|provinces"
    r"|territories)(?: only)?|in): (?:the )?[A-Z]",
)


def find_region(scan: Scan) -> tuple[str, bool, str] | None:
    """Where a remote worker may or should be: ("anywhere in Europe", preferred?, sentence).

    Sentences about remote work or the candidate win over others ("a developer based in Berlin"
    describes a colleague, not the job).
    """
    text = scan.text
    best: tuple[int, int, str, bool, str] | None = None
    for start, end in scan.sentences(hit.start for hit in REGION.hits(scan.low)):
        sentence = plain(text[start:end])
        listed = _listed_places(text, end) if _LISTED.search(sentence) else None
        if listed is not None:
            # a list of places is a condition on the worker: it outranks any other sentence
            return listed, "prefer" in sentence.lower(), f"{sentence} {listed}"
        match = _REGION.search(sentence) or _ANYWHERE.search(sentence)
        if match is None:
            continue
        loc = _REGION_LEAD.sub("", match.group("loc")).strip(" ,")
        if not loc.lower().startswith(("anywhere", "somewhere")):
            loc = _REGION_TAIL.sub("", loc)
        if len(loc) < 3 or len(loc) > 110:
            continue
        score = 2 * bool(_REGION_STRONG.search(sentence)) + bool(_REGION_ABOUT_JOB.search(sentence))
        if score == 0:
            continue
        preferred = bool(match.groupdict().get("pref")) or "prefer" in sentence.lower()
        if best is None or (score, -start) > (best[0], best[1]):
            best = (score, -start, loc, preferred, sentence)
    return (best[2], best[3], best[4]) if best else None


# Where the job itself is done, said in prose: "Full-time, based in Aberdeen", "an on-site
# position in Riverside, Ohio", "two days a week in our London office". The place is the
# capitalised words after the phrasing ("office": before the word "office").
# "has two vacancies", "has an opening": each written whole, so its fixed start is rare
_HAS_POSTS = tuple(
    f"has {count}{noun}\\b"
    for count, nouns in (
        ("a ", ("vacancy",)),
        ("an ", ("opening",)),
        *((n, ("vacancies", "openings")) for n in ("", "two ", "three ")),
    )
    for noun in nouns
)
PLACE = Table(
    "location",
    (
        Rule(
            "based",
            (r"based (?:in|at)\s",),
            matches=(
                "Full-time, based in Aberdeen.",
                "The post is based in Leeds, with some travel.",
                "Based at our Glasgow reading room.",
                "Both roles are based at our museum in Bristol.",
                "All three are based in Berlin.",
                "All three posts are based at the gallery in Glasgow.",
            ),
            rejects=(
                "She worked with a developer based in Berlin.",
                "Our partners are based in many countries.",
            ),
        ),
        # "Our building is in downtown Cleveland, Ohio": the heart of a city is in it
        Rule(
            "downtown",
            (r"(?<![\w-])in downtown\s",),
            matches=(
                "Our building is in downtown Cleveland, Ohio.",
                "The museum is located in downtown Tucson.",
            ),
            rejects=(
                "We are a short walk from downtown Cleveland.",
                "Downtown parking is free for staff.",
            ),
        ),
        Rule(
            "on-site",
            tuple(
                rf"{words} (?:(?:position|role|job|post) )?(?:in|at)\s"
                for words in ("on-site", "onsite", "in-person", "(?<![a-z] )on site")
            ),
            matches=(
                "This is an on-site position in Riverside, Ohio.",
                "A six-month paid internship, on-site in Lisbon.",
                "- On site in Kelby, Ohio",
            ),
            rejects=(
                "We offer on-site parking in the lot behind the museum.",
                "Visitors can park on site in Dunmore Street.",
            ),
        ),
        Rule(
            "office",
            (r"office\b",),
            matches=(
                "This role is hybrid, with two days a week in our London office.",
                "You will work from the Utrecht office three days a week.",
                "Both roles are based in our office in Aarhaven.",
                "You will keep our small office in Lindholm running.",
                "Twenty hours a week, hybrid (Aberdeen office two days a week).",
            ),
            rejects=(
                "Send your letter to the main office by post.",
                "The office in charge of Records will reply.",
            ),
        ),
        # "from our Ballarat reading room", "at our shared store in Leicester", "at our
        # research center in Riverton, Wyoming": a place of work of the employer's own ("our")
        Rule(
            "premises",
            (
                r"reading rooms?\b",
                r"research (?:center|centre)\b",
                r"stores?\b",
                r"studios?\b",
            ),
            matches=(
                "The role works three days a week from our Ballarat reading room.",
                "All three posts are based at our shared store in Leicester.",
                "Work is performed on site at our research center in Riverton, Wyoming.",
                "You will join the team at our conservation studio in Dundee.",
            ),
            rejects=(
                "Visit the reading room in person to see the originals.",
                "Our online store in the museum's web shop sells prints.",
                "The Research Centre in Digital Humanities seeks a developer.",
                "We store in Leeds the records of three counties.",
            ),
        ),
        # "at our building on Harbour Road in Auckland": the city after the employer's own
        # building (the name before it is a street's: "our Vaughan Street building")
        Rule(
            "building",
            (r"buildings?\b",),
            matches=(
                "The job is three days a week at our building on Harbour Road in Auckland.",
                "You will be based at our main building in Gdansk.",
            ),
            rejects=(
                "The position is located at our Vaughan Street building downtown.",
                "Our building in the old town dates from 1790.",
                "The building on Harbour Road in Auckland was sold.",
            ),
        ),
        Rule(
            "campus",
            (r"campus\b",),
            matches=(
                "- Parkville campus, Melbourne",
                "You will work at the Riverside Campus of the college.",
                "Hybrid working, with a minimum of 40% of your time on campus in Glenmoor.",
            ),
            rejects=(
                "The campus has a café and a gym.",
                "Parking on campus is free.",
                "The campus in the valley has a café.",
            ),
        ),
        # "The Arroyo Museum of Art in Santa Fe, New Mexico, seeks a Registrar": the place
        # between the employer's name and its verb, as an apposition (commas both sides)
        Rule(
            "seeks",
            (
                r"seeks?\b",
                r"offers\b",
                # "The Borders Archive Service in Dumfries has two vacancies"
                *_HAS_POSTS,
                r"(?:is seeking|is hiring|is recruiting|is looking for)\b",
                r"invites applications\b",
            ),
            matches=(
                "The Arroyo Museum of Art in Santa Fe, New Mexico, seeks a Registrar.",
                "A small archive in Leeds, England, is recruiting a conservator.",
                "The Museum of Northern Crafts in Newcastle upon Tyne is recruiting a developer.",
                "The Archives of Labour History in Bergen seek a digital archivist.",
                "The Institute of Heritage (IH) in Barcelona offers a postdoctoral contract.",
                "The Borders Archive Service in Dumfries has two vacancies.",
                "The County Record Office in Carlisle has a vacancy for an archivist.",
                "The Centre for Indic Manuscript Studies, Pune, invites applications.",
                # the city in brackets after the name
                "Pike County Library (Columbus, OH) seeks a Records Manager.",
                "The Lindqvist Photo Archive (Malmo) is hiring a cataloguer.",
            ),
            rejects=(
                "The Centre for Research in Digital Humanities seeks a developer.",
                "The museum seeks a registrar for its Leeds branch.",
                "The Institute for Studies in Early Modern Culture is recruiting a fellow.",
                "The Centre for Research in Reading Practices has two openings.",
                "The Bodleian Libraries, University of Oxford, invite applications.",
                "Our partner, Wellcome Collection, seeks a registrar.",
                "The Digital Archive Service (DAS) seeks a registrar.",
            ),
        ),
        # "Cedar Archives seeks an Outreach Archivist in Denver, CO": the city after the role
        # sought (a gazetteer's city: "a specialist in Digital Humanities" names none)
        Rule(
            "role-in",
            (
                # "(full-time, 2 years)": the terms in brackets between the role and its city
                r"(?:seeks|is seeking|is hiring|is recruiting|is looking for) (?:an?|one|two)"
                r" (?:[\w-]+ ){1,5}?(?:\([^()\n]{1,40}\) )?in\s",
            ),
            matches=(
                "Cedar Archives seeks an Outreach Archivist in Denver, CO.",
                "The society is hiring a part-time records clerk in Hobart.",
                "The Harbour Trust seeks a Project Archivist (full-time, 2 years) in Aberdeen.",
            ),
            rejects=(
                "The lab seeks a specialist in Digital Humanities.",
                "We are seeking a developer in Python and Rust.",
                "The lab seeks a specialist (part-time) in Digital Humanities.",
            ),
        ),
        # "The fellow will work at the Department in Naples", "its Digital Collections
        # section in Oslo", "at our library in Edinburgh": a named unit or a building of
        # the employer's own, and the city it is in. Each phrasing is written with its " in"
        # so that its fixed start is rare: "library" alone is on most pages.
        Rule(
            "unit",
            tuple(
                rf"{word} in\s"
                for word in (
                    "department",
                    "section",
                    "division",
                    "unit",
                    "branch",
                    "center",
                    "centre",
                    "archives",
                    "collections",
                    "library",
                    "museum",
                    "gallery",
                    # "two people to join our team in Norwich": only "our" team
                    "team",
                    # "to join our team of five in Edinburgh": its size between
                    "team of [a-z0-9]+(?: [a-z0-9]+)?",
                )
            ),
            matches=(
                "The fellow will work at the Department in Naples.",
                "A vacant position in its Digital Collections section in Oslo.",
                "The fellowship is in residence at the Center in Pasadena, California.",
                "A technician in Special Collections and Archives in Flagstaff, Arizona.",
                "Hybrid working: 3 days on site at our library in Edinburgh, 2 days from home.",
                "We are hiring two people to join our team in Norwich.",
                "A paper conservator to join our team of five in Edinburgh.",
            ),
            rejects=(
                "The Centre for Research in Digital Humanities seeks a developer.",
                "Experience with archives in London is an advantage.",
                "The Department in charge of records will reply.",
                "Our Digital Collections team in the north of the country is growing.",
                "The library in Leeds lends our prints for exhibitions.",
                "A team in Leeds wrote the software we use.",
                "A team of two experts in Leeds wrote the software we use.",
                "Our team in the north of England is growing.",
            ),
        ),
        # "The intern will spend twelve weeks in Toronto", "Hybrid (2 days a week in Leipzig)":
        # the time of the job spent in a city
        Rule(
            "spend",
            (r"spend (?:[\w-]+ ){0,4}?in\s", r"days? (?:a|per|each) week in\s"),
            matches=(
                "The 2027 intern will spend twelve weeks in Dunedin helping us rehouse slides.",
                "You will spend two days a week in Malmo and the rest at home.",
                "Hybrid (2 days a week in Leipzig)",
                "Hybrid working: three days per week in Manchester, two from home.",
            ),
            rejects=(
                "Volunteers spend time in the reading room.",
                "You will spend twelve weeks in Summer School.",
                "The reading room opens two days a week in winter.",
            ),
        ),
        # "a part-time role, 15 hours a week, in Bristol, paid £15.20 per hour": the city
        # between commas in the line of a post's terms, right after the post (or one term)
        Rule(
            "terms-in",
            # or right after its hours, which open a terms line: "Full-time, 2 years, in
            # Aberdeen."
            tuple(
                rf"{lead}(?:, [^,.;:\n]{{1,30}})?, in\s"
                for lead in ("(?:role|post|position|job)", "full[- ]?time", "part[- ]?time")
            ),
            matches=(
                "This is a part-time role, 15 hours a week, in Bristol, paid £15.20 per hour.",
                "A permanent post, in Leeds, from 1 May.",
                "We need a map curator. Full-time, 2 years, in Aberdeen.",
                "Part-time, in Dundee, from June.",
            ),
            rejects=(
                "This is a part-time role, 15 hours a week, in Summer, paid £15.20 per hour.",
                "The role works with archives in Leeds and York.",
                "Full-time, 2 years, in Summer we move.",
            ),
        ),
        # "Our studio at 14 Harbour Row, Cork": the city after a street address
        Rule(
            "address",
            (r"(?<![\w-])at \d{1,4}[a-z]? (?=[a-z])",),
            matches=(
                "We are a small print archive at 14 Harbour Row, Cork.",
                "The studio is at 3b Mill Lane, Sheffield, up two flights of stairs.",
            ),
            rejects=(
                "Doors open at 10 Monday to Friday.",
                "Meet us at 14 Harbour Row, in the old fish market.",
            ),
        ),
        # "The studio is in Bradford", "The post is in Leeds": the place of the work, said
        # plainly (a gazetteer's city after it: "the post is in Digital Humanities" names none)
        Rule(
            "is-in",
            (r"(?:post|role|job|position|studio|workplace) is (?:located |held )?in\s",),
            matches=(
                "Part-time, permanent. The studio is in Bradford.",
                "The post is in Leeds, with some travel to our other sites.",
            ),
            rejects=(
                "Our collection is in good order.",
                "The post was in Leeds until 2020.",
            ),
        ),
    ),
    check="set",
)
(
    _BASED,
    _DOWNTOWN,
    _ON_SITE_IN,
    _OFFICE,
    _PREMISES,
    _BUILDING,
    _CAMPUS,
    _SEEKS,
    _ROLE_IN,
    _UNIT,
    _SPEND,
    _TERMS_IN,
    _ADDRESS,
    _IS_IN,
) = PLACE.rules
# The place: capitalised words, and a state or country after a comma ("Riverside, Ohio").
_PLACE_NAME = re.compile(
    r"(?:the\s|our\s)?(?P<place>[A-Z][\w'’-]{1,30}(?:[ -][A-Z][\w'’-]{1,30}){0,3}"
    r"(?:,\s[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30})?)?)"
)
# "based in" says where this job is only at the start of a clause ("Full-time, based in
# Aberdeen", "The post is based in Leeds"), not after a person ("a developer based in Berlin").
# Both leads are read in the few characters before the phrasing.
_BASED_LEAD = re.compile(
    r"(?:[,;(:]\s*|\b(?:positions?|roles?|posts?|jobs?|you|team|work|it|both|all|two|three"
    r"|four|five) (?:is|are|will be) )$",
    re.I,
)
# "based at our museum in Bristol": the place after the employer's own building
# or after the building the page speaks of ("based at the gallery in Glasgow")
_BASED_OURS = re.compile(r"(?:our|the)(?: [a-z]+){1,2} in (?=[A-Z])")
_OFFICE_LEAD = re.compile(
    r"(?:\b(?:in|at|from) (?:our|the) |\()"
    r"(?P<place>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2}) $"
)
# "based in our office in Aarhaven", "our small office in Lindholm": the place after it
_OFFICE_OURS = re.compile(r"\b(?:our|the)(?: [a-z]+){0,2} $")
# premises are the employer's when "our" says so: "from our Ballarat reading room"
_PREMISES_LEAD = re.compile(
    r"\b(?:in|at|from) our (?P<place>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2}) $"
)
_PREMISES_OURS = re.compile(r"\bour(?: [a-z]+){0,2} $")
# "our office on Main Street in Springfield": the street before the city is passed over
_OFFICE_IN = re.compile(r"(?: on [A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,3})? in (?=[A-Z])")
_LEAD_READ = 50
_CAMPUS_NAME = re.compile(
    r"(?!(?:The|Our|A|An|This|Each|Every|Main|Your) )"
    r"(?P<place>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2}) $"
)
# "Parkville campus, Melbourne", "the Hatfield campus in Pretoria"
_CAMPUS_CITY = re.compile(r"(?:,|\sin)\s(?P<city>[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30})?)")
_SEEKER_PLACE = re.compile(
    r"\bin (?P<place>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2},"
    r" [A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30})?), $"
)


# "Pike County Library (Columbus, OH) seeks": a city, and perhaps its state, in brackets
_SEEKER_BRACKET = re.compile(
    r"\((?P<place>(?P<city>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2})"
    r"(?:, [A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30})?)?)\) $"
)


# Without the apposition's commas, the words after "in" must be a city's name
_SEEKER_CITY = re.compile(
    r"\bin (?P<place>[A-Z][\w'’-]{1,30}(?: (?:upon |on )?[A-Z][\w'’-]{1,30}){0,3}) $"
)

# "The Centre for Indic Manuscript Studies, Pune, invites applications": a city between
# commas after the employer's name
_SEEKER_COMMAS = re.compile(
    r"[\w)], (?P<place>[A-Z][\w'’-]{1,30}(?: (?:upon |on )?[A-Z][\w'’-]{1,30}){0,2}), $"
)


def find_place(scan: Scan) -> tuple[str, str] | None:
    """(place, sentence) of the first prose statement of where the job is done."""
    text = scan.text
    for hit in PLACE.hits(scan.low):
        start, _ = sentence_bounds(text, hit.start)
        lead = text[max(start, hit.start - _LEAD_READ) : hit.start]
        place = _PLACE_READERS.get(hit.rule, _after_cue)(text, hit, lead, start)
        if place is not None:
            return place, sentence_at(text, hit.start)
    return None


# After the employer's name, the city it is in: "The Digital Lab of the Marlow Institute in
# London builds …", or at the end of an apposition that describes it: "Moorside Heritage
# Centre, a small independent museum in Halifax, needs …", "… Partnership, six community
# libraries around Leeds, is looking for …".
_NAME_THEN_CITY = re.compile(
    r"(?:,\s(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3})\s"
    r"[^,.;:()\n]{1,60}?)?\s(?:in|around)\s"
    r"(?P<place>[A-Z][\w'’-]{1,30}(?:\s(?:upon\s|on\s)?[A-Z][\w'’-]{1,30}){0,3})"
    r"(?P<end>,)?"
)
_NAME_COMMA_CITY = re.compile(
    r",\s(?P<place>[A-Z][\w'’-]{1,30}(?:\s(?:upon\s|on\s)?[A-Z][\w'’-]{1,30}){0,3})"
    r"(?:[.,;)]|\s*$)",
    re.M,
)
_NAMES_READ = 3000  # characters of the page searched for the employer's name


# "Archivist (Leeds, hybrid)", "Developer (Glasgow or remote within the UK)", "Objects
# Conservator (Cardiff)", "Registrar – Corrib Heritage Trust (Galway)": a title's bracket that
# begins with a city, then perhaps how or where else the work is done; "Archivist (Grade 5,
# part-time)" names none.
_TITLE_BRACKET = re.compile(
    r"\((?P<place>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2})(?:(?:,|\sor)\s[^()]{1,60})?\)"
)


def place_in_title(title: str) -> str | None:
    """The city a title's bracket names first, when the gazetteer knows it."""
    for bracket in _TITLE_BRACKET.finditer(title):
        if is_city(bracket.group("place")):
            return bracket.group("place")
    return None


# An employer named after its city, "Norwich Record Office", "Leeds City Archives", "Boston
# Public Library": a public body of records or collections called by its city and what it
# keeps. "Lincoln Center" and "Columbia University" name no such body, so give no place.
_CITY_BODY = re.compile(
    r"(?:The )?(?P<city>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2}?) "
    r"(?:(?:City|County|Municipal|Public|Central) )?(?:Record Office|Records Office|Archives?"
    r"|Librar(?:y|ies)|Museums?|Historical Society|History Cent(?:re|er))"
)
# "University of Huddersfield", "Museum of Bristol": a body named "of" its city.
_OF_CITY_BODY = re.compile(
    r"(?:The )?(?:University|Museum) of (?P<city>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2})"
)
_LONGEST_NAME = 90


def city_of_name(name: str) -> tuple[str, str] | None:
    """(city, name) of an employer named after its city ("Leeds City Archives", "University
    of Huddersfield"); the gazetteer must know the city ("University of California" names
    none)."""
    if len(name) > _LONGEST_NAME:
        return None
    body = _CITY_BODY.fullmatch(name) or _OF_CITY_BODY.fullmatch(name)
    if body is None or not is_city(body.group("city")):
        return None
    return body.group("city"), name


def place_after_name(text: str, name: str) -> tuple[str, str] | None:
    """(city, sentence) where the page names its employer ``name`` with the city it is in;
    the city must be one to the gazetteer, and an apposition must close with a comma."""
    head = text[:_NAMES_READ]
    at = head.find(name) if len(name) >= 3 else -1
    while at != -1:
        # "… hosted by the Deccan Institute of Archival Studies, Bengaluru.": the city alone
        # between commas or before the sentence's end
        alone = _NAME_COMMA_CITY.match(head, at + len(name))
        if alone is not None and is_city(alone.group("place")):
            return alone.group("place"), sentence_at(text, at)
        found = _NAME_THEN_CITY.match(head, at + len(name))
        if found is not None and (found.group("end") or not head.startswith(",", at + len(name))):
            place = found.group("place")
            while place and not is_city(place):  # "London builds" is read as "London"
                place = place.rpartition(" ")[0]
            if place:
                return place, sentence_at(text, at)
        at = head.find(name, at + 1)
    return None


def _named_before_or_after(
    text: str, hit: Hit, lead: str, before: re.Pattern[str], ours: re.Pattern[str]
) -> str | None:
    """ "in our London office" (the place before), "our small office in Lindholm" (after)."""
    named = before.search(lead)
    if named is not None:
        return named.group("place")
    return _named_after(text, hit, lead, ours)


def _named_after(text: str, hit: Hit, lead: str, ours: re.Pattern[str]) -> str | None:
    """ "our small office in Lindholm", "our building on Ferry Road in Dunedin"."""
    after = _OFFICE_IN.match(text, hit.end) if ours.search(lead) else None
    name = _PLACE_NAME.match(text, after.end()) if after is not None else None
    return name.group("place") if name is not None else None


def _office(text: str, hit: Hit, lead: str, start: int) -> str | None:
    return _named_before_or_after(text, hit, lead, _OFFICE_LEAD, _OFFICE_OURS)


def _premises(text: str, hit: Hit, lead: str, start: int) -> str | None:
    return _named_before_or_after(text, hit, lead, _PREMISES_LEAD, _PREMISES_OURS)


def _seeker(text: str, hit: Hit, lead: str, start: int) -> str | None:
    apposition = _SEEKER_PLACE.search(lead)
    if apposition is not None:
        return apposition.group("place")
    bracket = _SEEKER_BRACKET.search(lead)
    if bracket is not None and is_city(bracket.group("city")):
        return bracket.group("place")
    city = _SEEKER_CITY.search(lead) or _SEEKER_COMMAS.search(lead)
    return city.group("place") if city is not None and is_city(city.group("place")) else None


def _building(text: str, hit: Hit, lead: str, start: int) -> str | None:
    # the name before a building is its street's ("our Vaughan Street building")
    return _named_after(text, hit, lead, _PREMISES_OURS)


def _campus(text: str, hit: Hit, lead: str, start: int) -> str | None:
    campus = _CAMPUS_NAME.search(text, max(start, hit.start - 32), hit.start)
    if campus is None:
        # "40% of your time on campus in Glenmoor": the place after it
        after = _OFFICE_IN.match(text, hit.end)
        name = _PLACE_NAME.match(text, after.end()) if after is not None else None
        return name.group("place") if name is not None else None
    city = _CAMPUS_CITY.match(text, hit.end)
    place = f"{campus.group('place')} {text[hit.start : hit.end]}"
    return f"{place}, {city.group('city')}" if city is not None else place


def _based(text: str, hit: Hit, lead: str, start: int) -> str | None:
    if lead.strip() and _BASED_LEAD.search(lead) is None:
        return None
    ours = _BASED_OURS.match(text, hit.end)
    name = _PLACE_NAME.match(text, ours.end() if ours is not None else hit.end)
    return name.group("place") if name is not None else None


# The street after the number ("at 14 Harbour Row, "), the city after its comma.
_STREET = re.compile(r"[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,3},\s")


def _address(text: str, hit: Hit, lead: str, start: int) -> str | None:
    street = _STREET.match(text, hit.end)
    if street is None:
        return None
    name = _PLACE_NAME.match(text, street.end())
    if name is None or not is_city(name.group("place").split(",", 1)[0]):
        return None
    return name.group("place")


# A unit is named when its word is capitalised ("the Department") or follows capitalised
# words of its own ("its Digital Collections section").
_UNIT_NAMED = re.compile(r"\b(?:the|its|our)(?: [A-Z][\w'’-]{1,30}){1,4} $")


def _unit(text: str, hit: Hit, lead: str, start: int) -> str | None:
    named = text[hit.start].isupper() or _UNIT_NAMED.search(lead) is not None
    if not named and _PREMISES_OURS.search(lead) is None:
        return None
    return _city_after(text, hit, lead, start)


def _city_after(text: str, hit: Hit, lead: str, start: int) -> str | None:
    """The place right after the phrasing, when the gazetteer knows its city."""
    name = _PLACE_NAME.match(text, hit.end)
    if name is None:
        return None
    place = name.group("place")
    return place if is_city(place.split(",", 1)[0]) else None


def _after_cue(text: str, hit: Hit, lead: str, start: int) -> str | None:
    name = _PLACE_NAME.match(text, hit.end)
    return name.group("place") if name is not None else None


# How each PLACE rule's place is read; the others' is the name right after the phrasing.
_PLACE_READERS: dict[Rule, Callable[[str, Hit, str, int], str | None]] = {
    _OFFICE: _office,
    _PREMISES: _premises,
    _BUILDING: _building,
    _SEEKS: _seeker,
    _CAMPUS: _campus,
    _BASED: _based,
    _UNIT: _unit,
    _ROLE_IN: _city_after,
    _SPEND: _city_after,
    _TERMS_IN: _city_after,
    _ADDRESS: _address,
    _IS_IN: _city_after,
}


# "… is looking for a Learning Officer to run school visits and family days in Cardiff": the
# one city the sentence that seeks the role names after it. Only asked when the page says
# where in no other way: a purpose clause may name a city where the work is not done.
_IN_A_NAME = re.compile(r"\bin\s(?=[A-Z])")


def city_where_sought(scan: Scan) -> tuple[str, str] | None:
    """(city, sentence): the only gazetteer city named after "in" in the first sentence that
    seeks the role, after its verb."""
    text = scan.text
    first = min(_SEEKS.hits(scan.low), default=None)
    if first is None:
        return None
    _, end = sentence_bounds(text, first[0])
    cities = set()
    for cue in _IN_A_NAME.finditer(text, first[1], end):
        name = _PLACE_NAME.match(text, cue.end(), end)
        city = name.group("place").split(",", 1)[0] if name is not None else ""
        while city and not is_city(city):  # "Cardiff Bay Museum" is read as "Cardiff"
            city = city.rpartition(" ")[0]
        if city:
            cities.add(city)
    return (cities.pop(), sentence_at(text, first[0])) if len(cities) == 1 else None


def is_remote_sentence(sentence: str) -> bool:
    """Whether a sentence speaks of remote work or of anywhere ("Remote work from Europe")."""
    return _REGION_STRONG.search(sentence) is not None


def first_paragraph(text: str, limit: int = 200) -> str | None:
    """The first paragraph (wrapped lines joined); a long one keeps its leading whole
    sentences up to ``limit`` characters, and always its first sentence."""
    for paragraph in text.split("\n\n"):
        words = plain(paragraph)
        if words:
            return whole_sentences(words, limit) if len(words) > limit else words
    return None


# ---------------------------------------------------------------- open, closed

CLOSED = Table(
    "closed",
    (
        Rule(
            "true",
            (
                r"applications? (?:are|is|have|has) (?:now )?(?:been )?closed\b",
                # "Applications for this role are now closed.", "… for this position closed
                # on 1 March"
                r"applications? for (?:this|the) (?:role|position|post|job|vacancy|opening"
                r"|internship|fellowship|traineeship|studentship|residency)"
                r" (?:(?:are|is|have|has) (?:now )?(?:been )?)?closed\b",
                r"(?:application|applications|submission) (?:period|window) (?:is|has)"
                r" (?:now )?closed\b",
                r"(?:position|job|role|vacancy|search|posting|opening|advert|opportunity)"
                r" (?:has|have|is|was)(?: now)?(?: been)? (?:filled|closed|cancell?ed|withdrawn"
                r"|expired)\b",
                # "The position is no longer available."
                r"(?:position|job|role|vacancy|post|opportunity) is (?:now )?no longer"
                r" (?:available|open)\b",
                r"no longer (?:accepting|taking|considering|reviewing|open)\b",
                r"applications closed\b",
                r"closed to applications\b",
                r"not (?:currently )?accepting applications\b",
                # "**POSITION FILLED** - thank you" (not "the position filled by Dr Rees")
                r"position (?:filled|closed)\b(?! (?:by|with|through|in|on|at|as|from|for"
                r"|internally)\b)",
                # "UPDATE: We have made an appointment to this role."
                r"(?:have|has) (?:now )?made an appointment\b",
                r"an appointment has (?:now )?been made\b",
                r"(?:have|has) (?:now )?appointed to (?:this|the) (?:role|post|position"
                r"|vacancy)\b",
                r"recruitment (?:for (?:this|the) (?:role|post|position|vacancy) )?(?:is|has)"
                r" (?:now )?(?:complete|completed|closed|ended)\b",
                r"deadline (?:for applications )?has (?:now )?passed\b",
                r"offered and accepted\b",
                # "Status: Closed", a line of the posting's facts
                r"status[*_ ]*:[*_ ]*(?:closed|filled|expired)\b",
            ),
            matches=(
                "Applications are now closed. Thank you to everyone who applied!",
                "This position has been filled.",
                "We are no longer accepting applications.",
                "We are not accepting applications.",
                "The application window has now closed.",
                "The search was cancelled.",
                "Applications closed on 1 May.",
                "Applications for this role are now closed.",
                "Applications for the post have been closed early.",
                "Update, 2 March: applications for this internship are closed.",
                "Applications for the fellowship have now closed.",
                "Update: this vacancy has closed. Thank you for your interest.",
                "This position has now been filled.",
                "We are no longer reviewing applications.",
                "POSITION FILLED - we thank all applicants for their interest.",
                "UPDATE: We have made an appointment to this role. Thank you.",
                "An appointment has now been made.",
                "This vacancy has now expired.",
                "The position is no longer available.",
                "Recruitment for this post is now complete.",
                "We have now appointed to this role.",
                "The deadline for applications has passed.",
                "Applications for this position closed on 1 March 2027.",
                "This opportunity is closed.",
                "Update: the post has been offered and accepted.",
                "Position closed.",
                "**Status:** Closed",
            ),
            rejects=(
                "Applications close on the closing date.",
                "The position will remain open until the position is filled.",
                "We are accepting applications.",
                "The museum is closed on Mondays.",
                "Applications for this role are reviewed weekly.",
                "Applications for this internship are reviewed in March.",
                "The position has closing date 1 May.",
                "The position filled by Dr Rees in 2019 was a fixed-term one.",
                "Please make an appointment to visit the reading room.",
                "The position closed for lunch is the front desk.",
                "Recruitment for this post is now open.",
                "Our archive is no longer available on microfilm.",
                "We have appointed a new director, who will lead this team.",
                "Status: open until filled.",
                "Applications received after the deadline has passed are not read.",
                "If the position has been filled, we will say so here.",
            ),
        ),
        # a notice marked on a line or on the title (the only rule read there): "[FILLED]
        # Project Archivist", "Digital Archivist (position filled)", "Web Developer (Closed)";
        # or, at the very start or end, a word set off by a colon or dash: "CLOSED: Project
        # Archivist", "Project Archivist - FILLED"
        Rule(
            "true",
            (
                r"(?:filled|closed)[\])]",
                r"(?<!.)(?<!\n)(?:filled|closed)\s?[:|–—-]\s",
                r"(?<=\s[|–—-]\s)(?:filled|closed)(?!.)(?!\n)",
                r"(?<=\s[|–—-]\s)position (?:filled|closed)(?!.)(?!\n)",
            ),
            matches=(
                "[FILLED] Project Archivist, Labour History Collections",
                "Digital Archivist (position filled)",
                "Web Developer (Closed)",
                # (a notice at the start is a title's: tests/content/test_unseen_rules_11.py)
                "Collections Assistant – position filled",
            ),
            rejects=(
                "The reading room (closed on Mondays) reopens in May.",
                "The reading room is closed: it reopens in May.",
                "Filled with maps - and closed - the store is full.",
            ),
        ),
    ),
)
# A closed notice on a title: the role's name is read without it (extract.py).
NOTICE = CLOSED.rules[1]
UNTIL_FILLED = Table(
    "open_until_filled",
    (
        Rule(
            "true",
            (
                # "Open Until Filled: No" is a form's answer, not the fact
                r"until (?:the )?(?:position|role|job|post|vacancy)?\s?(?:is |has been )?filled\b"
                r"(?![*_ \t]*:[*_ \t]*(?:no|false|n)\b)",
                r"until a suitable candidate\b",
                # "We keep the call open until we have enough people": no date, the hiring ends it
                r"open until we (?:have|find|fill|appoint|hire)\b",
                # "We will close the post once it is filled": open till then, with no date
                r"(?:once|when) (?:it|the (?:position|role|job|post|vacancy)) (?:is|has been)"
                r" filled\b",
                # "Applications reviewed on a rolling basis": no date ends them ("on a rolling
                # basis until 30 April" has a deadline instead)
                r"on a rolling basis\b(?!,?\s(?:until|till|through|up to)\s(?:the\s)?"
                r"(?:\d|[a-z]{3,9}\.?\s\d))",
            ),
            matches=(
                "The position will remain open until filled.",
                "Review begins at once and continues until the position is filled.",
                "Closing Date: Open until filled",
                "Applications are accepted until the role has been filled.",
                "We will keep reviewing until a suitable candidate is found.",
                "- Applications reviewed on a rolling basis",
                "We consider applications on a rolling basis.",
                "We read applications on a rolling basis until the post is filled.",
                "We read letters as they arrive and will close the post once it is filled.",
                "The advert comes down when the role has been filled.",
                "We will keep the call open until we have enough people.",
                "The advert stays open until we find the right person.",
            ),
            rejects=(
                "This position has been filled.",
                "Applications are due by 1 May.",
                "We publish new collections on a monthly basis.",
                "| Open Until Filled | No |",
                "We review applications on a rolling basis until 30 April 2027.",
                "Applications are read on a rolling basis until April 23, 2027.",
                "Once it is signed, the contract is filed.",
                "When the post was filled in 2019, the team moved.",
                "The reading room is open until we close at five.",
            ),
        ),
    ),
)
# "open until the position is closed", "we close the advert once the post is filled", "after
# the deadline has passed", "if the position has been filled" are not closed postings: the
# words just before a closed phrasing must not hold a word of time to come or of a condition.
_UNTIL_REACH = 16  # "until the job posting has …"
_NOT_YET = ("until", "once", "when", "after ", "if ")


def find_status(scan: Scan, titles: tuple[str, ...] = ()) -> tuple[Found | None, Found | None]:
    """(closed, open until filled), each with its sentence when the text says so; a notice
    may also stand in one of ``titles`` ("[FILLED] Project Archivist")."""
    text = scan.text
    low = scan.low
    closed: Found | None = None
    for title in titles:
        if NOTICE.said(title.lower()):
            return Found("true", title), _until_filled(scan)
    for hit in CLOSED.hits(low):
        before = low[max(0, hit.start - _UNTIL_REACH) : hit.start]
        if not any(word in before for word in _NOT_YET):
            closed = Found("true", sentence_at(text, hit.start))
            break
    return closed, _until_filled(scan)


def _until_filled(scan: Scan) -> Found | None:
    low = scan.low
    filled = UNTIL_FILLED.first_hit(low)
    return Found("true", sentence_at(scan.text, filled.start)) if filled else None


# ---------------------------------------------------------------- how to apply

_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_EMAIL = re.compile(r"[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}")
_NOT_TLD = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"})
_URL_END = re.compile(r"[\s<>\[\]\"'`{}|\\^]")
# Bounds that keep a hostile page linear: no real link is longer, no real posting has more.
_LONGEST_URL = 2_000
_MOST_URLS = 500
# A link in a sentence that speaks of applying is a way to apply; other links are too, in a
# "How to apply" section (APPLY_HEADINGS) unless they are about the employer.
APPLY = Table(
    "contacts",
    (
        Rule(
            "apply",
            (
                r"(?:apply|applying)\b",
                # "an application developer" writes software: not this job's application
                r"applications?\b(?! (?:developers?|development|programmers?|engineers?|support"
                r"|architects?|software|servers?|layer|code)\b)",
                r"application (?:process|form|portal|instructions|page|system|materials|packet"
                r"|link|website|site)\b",
                r"job (?:posting|description|details?|ad|advert|advertisement|listing"
                r"|announcement|board)\b",
                r"position (?:description|announcement|details|posting)\b",
                r"full (?:job )?(?:description|posting|details)\b",
                r"vacanc\w+",
                r"careers? (?:page|site|portal|website)\b",
                r"submit\w*",
                r"(?:recruitment|hiring) (?:portal|site|page|system)\b",
                r"(?:cv|cvs|resume|resumes|cover letter)\b",
            ),
            matches=(
                "Apply online at https://jobs.example.org/records-manager.",
                "Applications go through https://atlas.example.org/jobs/42 only.",
                "The application form is at https://forms.example.org/rm.",
                "Read the full job description: https://example.org/rm.pdf",
                "Submit your materials via www.example.org/hr.",
                "See our careers page, https://example.org/careers, for this vacancy.",
                "Details of the vacancy: https://example.org/vacancies/rm",
                "Our recruitment portal https://hr.example.org/ takes your letter.",
                "Upload a CV and cover letter at https://example.org/upload.",
                "The position description is at http://example.org/pd.html.",
                "Applying is easy: https://example.org/go.",
                "Resumes to https://dropbox.example.org/rm please.",
            ),
            rejects=(
                "Read about our collections at https://example.org/collections.",
                "Our annual report is at https://example.org/report.",
                "You would join [one application developer](https://example.org/team).",
            ),
        ),
    ),
    check="set",
)
APPLY_HEADINGS = re.compile(
    r"^(?:to apply|how to apply|apply|apply now|application|applications|application process"
    r"|application instructions|applying|submission|how to submit)\W*$",
    re.I,
)
is_apply_heading = remembered(lambda title: APPLY_HEADINGS.match(title) is not None)


# "jobs [at] example [dot] org", "jobs (at) example.org", "jobs (at) example dot org": an
# address written so that robots miss it (after a bracketed "at", a bare "dot" between words
# is the domain's dot too); each part is bounded, so a hostile line is read in linear time
_DOT = r"(?:\s?[\[({]\s?dot\s?[\])}]\s?| dot )"
_HIDDEN_AT = re.compile(
    r"(?<![\w.%+-])([\w.%+-]{1,64})\s?[\[({]\s?at\s?[\])}]\s?"
    rf"((?:[A-Za-z0-9-]{{1,63}}(?:{_DOT}|\.)){{1,8}}[A-Za-z]{{2,24}})\b",
    re.I,
)
_HIDDEN_DOT = re.compile(_DOT, re.I)
HIDDEN_MARKS = ("[at]", "(at)", "{at}", "[ at ]", "( at )")


# "careers AT mapmakers DOT example DOT be": the words in capitals, each between spaces; in
# lower case ("jobs at saltmarsh dot example dot org") they are English words ("meet us at
# noon"), so there the address must end in a common top-level domain.
def _spelled_at(at: str, dot: str, tld: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.%+-])([\w.%+-]{{1,64}}) {at} ((?:[A-Za-z0-9-]{{1,63}} {dot} ){{1,8}}{tld})\b"
    )


_SPELLED_AT = _spelled_at("AT", "DOT", "[A-Za-z]{2,24}")
_SPELLED_AT_LOWER = _spelled_at(
    "at",
    "dot",
    "(?:org|com|net|edu|gov|eu|uk|ie|de|fr|nl|be|ch|it|es|pt|se|no|dk|fi|ca|us|au|nz|za|in|info)",
)


def emails(text: str) -> list[tuple[str, int]]:
    """Addresses in ``text`` and where each is, written out or hidden from robots."""
    found = _plain_emails(text) if "@" in text else []
    low = text.lower()
    if any(mark in low for mark in HIDDEN_MARKS):
        for match in _HIDDEN_AT.finditer(text):
            domain = _HIDDEN_DOT.sub(".", match.group(2))
            found.append((f"{match.group(1)}@{domain}", match.start()))
        found.sort(key=lambda address: address[1])
    for spelled, at, dot in ((_SPELLED_AT, " AT ", " DOT "), (_SPELLED_AT_LOWER, " at ", " dot ")):
        if at in text and dot in text:
            for match in spelled.finditer(text):
                domain = match.group(2).replace(dot, ".")
                found.append((f"{match.group(1)}@{domain}", match.start()))
            found.sort(key=lambda address: address[1])
    return found


def _plain_emails(text: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    at = text.find("@")
    while at != -1:
        lo = at
        while lo > 0 and text[lo - 1] in _EMAIL_CHARS and at - lo < 64:
            lo -= 1
        hi = at + 1
        while hi < len(text) and text[hi] in _DOMAIN_CHARS and hi - at < 255:
            hi += 1
        match = _EMAIL.search(text, lo, hi)
        if match is not None and match.start() < at < match.end():
            address = match.group(0).strip(".-")
            if address.rsplit(".", 1)[-1].lower() not in _NOT_TLD and not address.startswith("."):
                found.append((address, at))
        at = text.find("@", at + 1)
    return found


# What a link written out in the text starts with.
_URL_STARTS = (b"http://", b"https://", b"www.")


def urls(scan: Scan) -> list[tuple[str, int]]:
    text, folded = scan.text, scan.folded
    found: list[tuple[str, int]] = []
    for needle in _URL_STARTS:
        for pos in find_all(folded, needle):
            if needle == b"www." and folded[pos - 3 : pos] in (b"://", b"/ww"):
                continue
            end = _URL_END.search(text, pos, pos + _LONGEST_URL)
            url = text[pos : end.start() if end else pos + _LONGEST_URL]
            url = _trim_url(url)
            if len(url) > len(needle) + 3:
                found.append((url if url.startswith("http") else f"https://{url}", pos))
                if len(found) >= _MOST_URLS:
                    break
    found += _bare_links(scan)
    found.sort(key=lambda item: item[1])
    return found


# "Apply at riverbendkids.org/jobs": a link written without "https://" or "www.", known by a
# top-level domain right before a path (a name alone, "example.org", may be the employer's
# name; a file name, "report.pdf", has no path after it)
_BARE_LINK = re.compile(r"\.[a-z]{2,24}/")
_LONGEST_DOMAIN = 253
_BEFORE_A_LINK = frozenset("@/:\\")  # an address, or a link that starts earlier


def _bare_links(scan: Scan) -> list[tuple[str, int]]:
    text, low = scan.text, scan.low
    found: list[tuple[str, int]] = []
    for match in _BARE_LINK.finditer(low):
        start = match.start()
        while (
            start > 0
            and low[start - 1] in _DOMAIN_CHARS
            and match.start() - start <= _LONGEST_DOMAIN
        ):
            start -= 1
        domain = low[start : match.end() - 1]
        if (
            start == match.start()
            or match.start() - start > _LONGEST_DOMAIN
            or (start > 0 and low[start - 1] in _BEFORE_A_LINK)
            or domain.startswith(("www.", ".", "-"))
            or domain.rsplit(".", 1)[-1] in _NOT_TLD
        ):
            continue
        end = _URL_END.search(text, start, start + _LONGEST_URL)
        url = _trim_url(text[start : end.start() if end else start + _LONGEST_URL])
        found.append((f"https://{url}", start))
        if len(found) >= _MOST_URLS:
            break
    return found


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?*_'\")":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    # "[label](url)" leaves the link's closing parenthesis glued on
    cut = url.find("](")
    return url[:cut] if cut != -1 else url


_ABOUT_EMPLOYER = phrase(
    r"\b(?:information about|learn more about|more about) (?:the |our )?(?:university|college"
    r"|library|organi[sz]ation|institution|company|city|area|campus|museum|region|us)\b",
)


def is_apply_sentence(sentence: str) -> bool:
    return APPLY.first(sentence) is not None


# "Questions? Write to …", "Informal enquiries to …": an address for asking, not applying
_ENQUIRY = re.compile(r"\b(?:questions?|quer(?:y|ies)|enquir\w*|inquir\w*)\b", re.I)


def for_enquiries_only(sentence: str) -> bool:
    """Whether a contact's sentence offers it for questions about the post, not to apply
    ("If you have questions, contact …"; "Send questions and applications to …" applies)."""
    return _ENQUIRY.search(sentence) is not None and not is_apply_sentence(sentence)


def is_about_employer(sentence: str) -> bool:
    return _ABOUT_EMPLOYER.search(sentence.lower()) is not None


def sentence_at(text: str, pos: int) -> str:
    start, end = sentence_bounds(text, pos)
    return plain(text[start:end])


# "Questions? Email …", "Any queries? Contact …": a short question the next sentence answers
_ASKED_BEFORE = re.compile(r"\b(?:any )?(?:questions|queries|enquiries|inquiries)\?\s*$", re.I)


def contact_sentence(text: str, pos: int) -> str:
    """The sentence a contact at ``pos`` stands in, with the short question before it that it
    answers ("Questions? Email …"), which says what the contact is for."""
    start, end = sentence_bounds(text, pos)
    asked = _ASKED_BEFORE.search(text, max(0, start - 30), start)
    return plain(text[asked.start() if asked else start : end])

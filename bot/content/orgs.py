"""Who is speaking or hiring: known organisations of the community, and names in titles.

The table is deliberately small: the organisations whose pages Herald loads and their usual
short names, so that "/jobs datacite" and "/iiif membership fee" find their pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.content.cities import is_city
from bot.content.text import Folded, last_match, plain
from bot.domain import Kind

# (canonical name, aliases as written, most specific first). Aliases are case-sensitive.
KNOWN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("IIIF Consortium", ("IIIF Consortium", "IIIF-C", "(IIIF) Consortium")),
    ("IIIF", ("IIIF", "International Image Interoperability Framework")),
    ("DataCite", ("DataCite", "Datacite")),
    ("Wikimedia Foundation", ("Wikimedia Foundation",)),
    ("CLIR", ("Council on Library and Information Resources", "CLIR")),
    (
        "Metropolitan New York Library Council (METRO)",
        ("Metropolitan New York Library Council", "METRO"),
    ),
    ("Crossref", ("Crossref", "CrossRef")),
    ("ORCID", ("ORCID",)),
    ("Europeana Foundation", ("Europeana Foundation", "Europeana")),
    ("Digital Public Library of America", ("Digital Public Library of America", "DPLA")),
    ("Digital Library Federation", ("Digital Library Federation", "DLF")),
    ("LYRASIS", ("LYRASIS", "Lyrasis")),
    ("Research Data Alliance", ("Research Data Alliance",)),
    ("Software Heritage", ("Software Heritage",)),
    ("Internet Archive", ("Internet Archive",)),
    ("Samvera", ("Samvera",)),
    ("OCLC", ("OCLC",)),
    ("HathiTrust", ("HathiTrust",)),
)  # fmt: skip
# An alias is a whole name: not part of a longer word or hyphenated name ("DataCiteX",
# "pre-DataCite"), and "IIIF" not the start of "IIIF-C" (the consortium).
_ALIAS_PATTERNS = tuple(
    (name, tuple((a, re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w]|-C\b)")) for a in aliases))
    for name, aliases in KNOWN
)
SHORT_NAMES = {
    "IIIF Consortium": "iiif",
    "IIIF": "iiif",
    "DataCite": "datacite",
    "Wikimedia Foundation": "wikimedia",
    "CLIR": "clir",
    "Metropolitan New York Library Council (METRO)": "metro",
    "Digital Public Library of America": "dpla",
    "Digital Library Federation": "dlf",
    "Europeana Foundation": "europeana",
    "Research Data Alliance": "rda",
}
ORG_WORDS = re.compile(
    r"\b(?:Universit(?:y|ies|ät|é|at)|College|Library|Libraries|Foundation|Group|Institute"
    r"|Institution|Museum|Museums|Council|Consortium|Association|Society|Archives?|Center"
    r"|Centre|Trust|Inc|LLC|Ltd|GmbH|Company|Corporation|School|Department|Office|Agency"
    r"|Registry|Registries"
    r"|Alliance|Network|Partners|Press|Gallery|Galleries|Services?|System|Academy|Federation"
    r"|Board|Commission|Laborator(?:y|ies)|Hospital|Publishing|Collective|Initiative"
    r"|Collaborative|Cooperative|Collection|Stadsarchief|Bibliothe[ek]k?|Faculty|Lab|Labs|Hub"
    # the same words in the other languages of the community's pages
    r"|Institut|Istituto|Instituto|Museo|Museu|Musée|Biblioteca|Bibliothèque|Archivio"
    r"|Arquivo|Archivo|Fondazione|Fundación|Fundação|Fondation|Stiftung|Centro|Università"
    r"|Universidad|Universidade|Hochschule|Akademie|Accademia|Academia)(?!\w)"
)
# Words that name a role ("Digital Archivist", "Web Developer"), singular; the question
# typo corrector knows them too ("librarain jobs").
ROLE_NOUN_WORDS = (
    "librarian", "archivist", "manager", "director", "officer", "coordinator", "developer",
    "engineer", "specialist", "assistant", "associate", "curator", "analyst", "lead", "head",
    "fellow", "fellowship", "intern", "internship", "designer", "technician", "administrator",
    "editor", "scientist", "researcher", "postdoc", "professor", "lecturer", "clerk",
    "consultant", "architect", "programmer", "strategist", "producer", "chair", "dean",
    "supervisor", "adviser", "advisor", "steward", "conservator", "registrar", "position",
    "instructor", "educator", "writer", "owner", "trainee", "apprentice", "worker", "aide",
    "page", "representative", "cataloguer", "cataloger", "transcriber", "digitizer", "digitiser",
    "photographer", "preparator", "attendant", "facilitator", "illustrator", "translator",
    "accountant", "bookkeeper", "receptionist", "technologist",
)  # fmt: skip
# A plural possessive is the name's, not a role: "The Irwell Workers' Library", "Artists'
# Archive" (a singular one stays a role: "Curator's Assistant").
ROLE_WORDS = Folded(r"\b(?:" + "|".join(ROLE_NOUN_WORDS) + r")(?:s\b(?!['’])|\b)")
_GENERIC_PREFIX = re.compile(
    r"^(?:position search|position announcement|job(?: opening| posting| ad| offer)?|vacancy"
    r"|vacancies|now hiring|we(?:['’]re| are) hiring|hiring|opening|open position|career"
    # "Now recruiting a Records Manager": the lead-in, not an employer called "Now"
    r"|now recruiting|we(?:['’]re| are) (?:now )?recruiting|recruiting"
    r"|opportunity|job opportunity|new position|position)$",
    re.I,
)
_GENERIC_PAGE = re.compile(
    r"^(?:jobs?|careers?|job opportunities|opportunities|job openings|openings|vacancies"
    r"|work with us|join us|join our team|employment|positions)\b",
    re.I,
)
_HIRING = Folded(
    r"^(?P<org>.+?)\s+(?:is\s+|are\s+)?(?:hiring|seeks|seeking|is seeking|is looking for"
    r"|looking for|recruiting|wants|searching for|invites applications for)\s+"
    r"(?:(?:a|an|another|the|new|its|their|our|two|three)\s+)*(?P<role>.+)$"
)
# The articles between "we're hiring" and its role ("we're hiring a …", "… two new …").
_ARTICLES_AFTER = re.compile(r"(?:\s+(?:a|an|another|the|new|its|their|our|two|three))*\s*$", re.I)
SEPARATORS = re.compile(r"\s+[-–—|]+\s+|\s*:\s+")
# "(OH)", "(Ohio)", "(Tacoma, WA)": where, after the name
_STATE_SUFFIX = re.compile(r"\s*\((?:[A-Z][\w.' -]{1,30},\s*)?(?:[A-Z]{2}|[A-Z][a-z]+)\)\s*$")
_SEEK_VERBS = (
    " seeks ", " is seeking ", " invites applications", " is hiring ", " is looking for ",
    " is searching for ", " is recruiting ",
    # a plural name: "The Bodleian Libraries, University of Oxford, are recruiting"
    " seek ", " are seeking ", " are hiring ", " are looking for ", " are recruiting ",
    " invite applications",
    " needs a ", " needs an ", " is looking to hire ",
    # "Good news: the Osu Community Library in Accra is hiring!"
    " is hiring!", " are hiring!",
)  # fmt: skip
# "The", and the articles Dutch, German, French and Spanish names begin with ("Het
# Stadsarchief Lindeveld is looking for …"): not part of the name.
_ARTICLE = r"(?:The|Het|De|Die|Der|Das|La|Le|El)\s+"
# The small words inside names: "Museum of the City", "Museo delle Arti Decorative", "Centro
# de Estudos do Património".
_SMALL = (
    r"of|for|and|the|at|&|de|la|las|los|in|upon|del|della|delle|dei|degli|di|do|da|dos|das|du|des"
)
_SUBJECT = re.compile(
    rf"(?:{_ARTICLE})?(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:(?:{_SMALL})\s+){{0,2}}"
    r"[A-Z(][\w&.'’()-]*){0,8})\s*"
)


# "… at the University of Fenbridge": the name after "at", with the small words names use.
_AT_ORG = re.compile(
    r"\bat\s+((?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|the|&|de)\s+){0,2}"
    r"[A-Z][\w&.'’-]*)*)$"
)
# "Faculty of Arts of Noordhaven University": a unit "of" its institution.
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
# "The Library's Research Services team": a part of an organisation the sentence leaves
# unnamed (its possessor is a common noun).
_POSSESSIVE_PART = re.compile(r"The\s+[A-Z][\w-]*['’]s\s")
# "The Arroyo Museum of Art in Santa Fe, New Mexico, seeks": the place the name is in, when
# an apposition goes on with it.
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
# "The Museum of Northern Crafts in Newcastle upon Tyne is recruiting": a city after the
# name (cities.is_city tells it from a field: "Centre for Research in Digital Humanities").
_IN_CITY = re.compile(
    r"\s+in\s+(?P<city>[A-Z][\w'’-]*(?:\s+(?:upon\s+|on\s+)?[A-Z][\w'’-]*){0,3})$"
)
_LEADING_THE = re.compile(r"^the\s+", re.I)
# What a page's title says of the organisation it is about, capitalised as the name is
# ("About Beacon Heritage Trust", "Join Kestrel Archives Network", "Support Harbor Museum")
_PAGE_LEAD = re.compile(r"^(?:about|meet|contact|support|join|discover|visit)\s+", re.I)
# "The Marchmont Record Office's conservation studio … is looking for": a unit of the
# organisation named before the possessive.
_POSSESSIVE_END = re.compile(r"['’]s$")
# "Open Repository Services (ORS)": the name without its initials.
_INITIALS_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)$")
# A label line naming the employer: "**Organization:** Harbor County Museum".
_ORG_LINE = re.compile(
    r"^[ \t>*_-]*(?:hiring |employing )?(?P<label>organi[sz]ation|employer|institution|company"
    r"|hiring unit|department)[*_ \t]*:[*_ \t]*(?P<org>[^\n]{2,100}?)[*_ \t]*$",
    re.I | re.M,
)
# "Join the infrastructure team of the Nordic Heritage Data Service."
_JOIN_TEAM = re.compile(r"join (?:the |our )?(?:[a-z-]{1,30} ){0,3}team (?:of|at) (?:the )?", re.I)
# Words of at most 40 characters, taken whole (possessive): a match may start inside a word,
# and an endless capitalised word would otherwise be read again from each of its letters.
_NAME_RUN = re.compile(
    r"[A-Z][\w&.'’-]{0,40}+(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]{0,40}+){1,8}"
)


# A proper name: capitalised words, joined by the small words names use ("Museum of the City
# of New York", "Acme & Sons"). With _NOT_A_NAME it lets an employer be recognised by where it
# stands ("Acme Heritage is hiring", "Archivist at Northwind") rather than by a word list.
_PROPER_NAME = re.compile(
    rf"(?:The\s+)?[A-Z][\w&.'’-]{{0,40}}(?:\s+(?:(?:{_SMALL}|on)\s+){{0,2}}"
    r"[A-Z0-9][\w&.'’-]{0,40}){0,7}"
)
_NOT_A_NAME = Folded(
    r"\b(?:remote|hybrid|virtual|part[- ]time|full[- ]time|temporary|contract|internship|jobs?"
    r"|vacanc(?:y|ies)|positions?|openings?|hiring|we|our|you|your|this|that|it|he|she|they"
    r"|applicants?|candidates?|everyone|nobody|someone|anyone)\b"
)
_POSTS = Folded(r"\b(?:roles|jobs|openings|vacancies|positions|posts|opportunities)\b")
_POSTS_IN = re.compile(
    r"^[^:]{0,60}?\b(?:roles|jobs|openings|vacancies|positions|posts|opportunities)"
    r"\s+(?:at|in|with)\s+(?:the\s+)?(?P<org>[A-Z][^:]{1,80})$"
)
_AT_TITLE = re.compile(r"^(?P<role>.+?)\s+at\s+(?:the\s+)?(?P<org>[A-Z].*)$")
# "Project Archivist, Brackenfield Borough Council (Derby)": a job board's title of role,
# employer and the employer's place in brackets. The bracket is asked for: without it, "Librarian,
# Digital Library Services" may name a department as well as an employer.
_ROLE_COMMA_ORG = re.compile(
    r"(?P<role>[^,()]{2,80}),\s+(?:[Tt]he\s+)?(?P<org>[^,()]{2,90}?)\s*\((?P<where>[^()]{2,40})\)"
)


def looks_like_name(text: str) -> bool:
    """ "Acme Heritage", "Northwind": a short proper name that names no role, place of work
    or person ("We", "Remote", "Part-time")."""
    text = text.strip()
    return (
        len(text) <= 60
        and _PROPER_NAME.fullmatch(text) is not None
        and not ROLE_WORDS.found(text)
        and not _NOT_A_NAME.found(text)
    )


def _employs(name: str, body: str) -> bool:
    """Whether the body speaks of ``name`` as the employer: "join Acme Heritage", "Acme
    Heritage seeks", "About Acme Heritage" (not merely "Acme Heritage is a city")."""
    named = re.escape(name)
    return (
        re.search(
            rf"\b(?:at|join|about|with|for)\s+(?:the\s+)?{named}\b"
            rf"|\b{named}\s+(?:seeks|is seeking|invites|is hiring|are hiring|is looking for"
            rf"|is recruiting|offers|employs)\b",
            body,
            re.I,
        )
        is not None
    )


@dataclass(frozen=True)
class TitleParts:
    role: str | None
    organization: str | None
    where: str | None = None  # a place the title puts in brackets, e.g. "(OH)"
    posts: bool = False  # the title names posts at the organisation ("two roles at X")


@lru_cache(maxsize=4096)
def known_in(text: str) -> str | None:
    """The first known organisation (most specific alias first) named in a short text."""
    for name, patterns in _ALIAS_PATTERNS:
        for alias, pattern in patterns:
            if alias in text and pattern.search(text):
                return name
    return None


def most_named(text: str, least: int = 1) -> str | None:
    """The known organisation a long text names most often (ties: the first in the table),
    named at least ``least`` times."""
    best: tuple[int, str] | None = None
    for name, patterns in _ALIAS_PATTERNS:
        count = sum(len(p.findall(text)) for alias, p in patterns if alias in text)
        if name == "IIIF" and best is not None and best[1] == "IIIF Consortium":
            continue  # the framework counts toward its consortium, named just before it
        if count >= least and (best is None or count > best[0]):
            best = (count, name)
    return best[1] if best else None


def for_kind(name: str | None, kind: Kind) -> str | None:
    """IIIF the framework employs nobody and posts no news: its consortium does."""
    if name == "IIIF" and kind in ("job", "news"):
        return "IIIF Consortium"
    return name


@lru_cache(maxsize=4096)
def split_title(title: str) -> TitleParts:
    """Role and organisation from the ways postings are titled on these sites."""
    text = _as_names_are_written(" ".join(title.split()))
    hiring = _hiring_title(text)
    if hiring is not None:
        return hiring
    office = _role_at_office(text)
    if office is not None:
        return office
    parts = SEPARATORS.split(text)
    separated = _separated(parts) if len(parts) >= 2 else None
    return separated if separated is not None else _role_comma_org(text)


def _as_names_are_written(text: str) -> str:
    """A title in capitals in title case (``_in_title_case``); others as they are."""
    cased = _in_title_case(text) if text.isupper() and known_in(text) is None else text
    # "A", "Ǆ": words that stay capitals are read as they are
    return text if cased.isupper() else cased


def _hiring_title(text: str) -> TitleParts | None:
    """ "Acme Heritage is hiring a Developer", "We're hiring a cataloguing librarian!"."""
    hiring = _HIRING.match(text)
    if hiring is None:
        return None
    if _GENERIC_PREFIX.match(_ARTICLES_AFTER.sub("", hiring.group(0)[: hiring.start("role")])):
        # "We're hiring a cataloguing librarian!": the lead-in of "We're hiring: X" without
        # its colon, followed by the role
        return TitleParts(_clean_role(hiring.group("role")), None)
    if _is_employer(hiring.group("org")):
        org = _LEADING_THE.sub("", hiring.group("org"))
        return TitleParts(_clean_role(hiring.group("role")), _canonical(org))
    return None


def _separated(parts: list[str]) -> TitleParts | None:
    """Role and organisation of a title in parts ("Digital Archivist - DataCite")."""
    left, right = " - ".join(parts[:-1]), parts[-1]
    first, rest = parts[0], " - ".join(parts[1:])
    # "We're recruiting: two roles at Wikimedia Vesterland" names posts (title_parts)
    if _GENERIC_PREFIX.match(first.strip()) and not _POSTS.found(rest):
        return _role_and_suffix(rest)
    if _GENERIC_PAGE.match(right.strip()) and _is_org_like(left):
        return TitleParts(None, _canonical(left))
    # "Join us: two research posts in the Digital Humanities Lab" names posts, not a name
    posts = _POSTS_IN.match(right)
    if posts is not None and _is_org_like(posts.group("org")):
        return TitleParts(None, _canonical(posts.group("org")), posts=True)
    where = None
    state = _STATE_SUFFIX.search(right)
    if state is not None and ORG_WORDS.search(right[: state.start()]):
        where = state.group(0).strip(" ()")
        right = right[: state.start()]
    else:
        # "Collections Officer – Musée des Canuts, Lyon": the employer, then its city
        name, comma, city = right.rpartition(", ")
        if comma and ORG_WORDS.search(name) and is_city(city):
            where, right = city.strip(), name
    # "The Archive of Tyne & Wear Song: Sound Archivist": the name without its article, as a
    # name is kept wherever else it is read
    if _is_org_like(right) and (ROLE_WORDS.found(left) or not _is_org_like(left)):
        return TitleParts(_clean_role(left), _canonical(_LEADING_THE.sub("", right)), where)
    if _is_org_like(first) and ROLE_WORDS.found(rest) and not _is_org_like(rest):
        return TitleParts(_clean_role(rest), _canonical(_LEADING_THE.sub("", first)))
    return None


# "Digital Archivist, Berlin office", "Registrar - Leeds branch": a role and the city of the
# employer's office it works from (the employer is named in the body)
_AT_OFFICE = re.compile(
    r"(?P<role>[^,|]{2,80}?)(?:,| [-–—|]) (?:our |the )?"
    r"(?P<city>[A-Z][\w'’-]{1,30}(?: [A-Z][\w'’-]{1,30}){0,2}) (?:office|branch)"
)


def _role_at_office(text: str) -> TitleParts | None:
    found = _AT_OFFICE.fullmatch(text)
    if found is None or not ROLE_WORDS.found(found.group("role")):
        return None
    if not is_city(found.group("city")):
        return None
    return TitleParts(_clean_role(found.group("role")), None, found.group("city"))


def _role_comma_org(text: str) -> TitleParts:
    """ "Archivist, Leeds City Council (Leeds)" -> role, employer and its place."""
    found = _ROLE_COMMA_ORG.fullmatch(text)
    if found is None:
        return TitleParts(None, None)
    role, org = found.group("role"), found.group("org")
    if ROLE_WORDS.found(role) and _is_org_like(org) and not _is_org_like(role):
        return TitleParts(_clean_role(role), _canonical(org), found.group("where").strip())
    return TitleParts(None, None)


# "… and we need a Cataloguing Librarian to help us", "The Open Maps Collective seeks a
# Community Lead": the role a sentence of the body seeks, in the capitals of a post's name.
_ROLE_NOUN_CAPITALISED = "|".join(w.capitalize() for w in ROLE_NOUN_WORDS)
_ROLE_SOUGHT = re.compile(
    r"\b(?:needs?|seeks?|seeking|hiring|recruiting|looking for|wants?|an opening for"
    r"|a vacancy for) (?:an?|one|our|a new) "
    rf"(?P<role>(?:[A-Z][\w'’-]*\s){{0,4}}?(?:{_ROLE_NOUN_CAPITALISED})s?)\b"
)
_SOUGHT_READ = 3000


def generic_title(title: str) -> bool:
    """ "We're hiring!", "Vacancy", "Job opening": a title that names no role."""
    return _GENERIC_PREFIX.match(title.strip(" !.:")) is not None


def role_sought(text: str) -> str | None:
    """The role the body's first sentence of seeking names, written as a post's name."""
    found = _ROLE_SOUGHT.search(text[:_SOUGHT_READ])
    return found.group("role") if found is not None else None


def _in_title_case(text: str) -> str:
    """ "DIGITAL ARCHIVIST – MUSEUM OF THE FENS" -> "Digital Archivist – Museum of the Fens":
    a title in capitals read as names are written, so that an organisation's words are
    found (the body's own spelling of the role is taken later)."""
    words = text.split(" ")
    return " ".join(w.lower() if w.lower() in _LOWER_IN_NAMES else w.capitalize() for w in words)


def _role_and_suffix(text: str) -> TitleParts:
    inner = split_title(text)
    if inner.role is not None:
        return inner
    return TitleParts(_clean_role(text), None)


def _is_org_like(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 90:
        return False
    return known_in(text) is not None or (
        ORG_WORDS.search(text) is not None and not ROLE_WORDS.found(text)
    )


def _canonical(text: str) -> str:
    text = _INITIALS_AFTER.sub("", text.strip().strip(",;:"))
    known = known_in(text)
    if known is not None and len(text) <= len(known) + 4 and _only_known_words(text, known):
        return known
    return text


# "The IIIF Consortium" is the known name; "Europeana Labs Kollektiv" holds an alias but
# names another organisation.
_KNOWN_WORDS = {
    name: frozenset(w.lower() for a in (name, *aliases) for w in re.findall(r"[\w-]+", a))
    | {"the", "inc", "ltd", "llc", "gmbh"}
    for name, aliases in KNOWN
}


def _only_known_words(text: str, known: str) -> bool:
    return all(w.lower() in _KNOWN_WORDS[known] for w in re.findall(r"[\w-]+", text))


def _clean_role(text: str) -> str:
    return _one_of_a_count(text.strip().strip(",;:-!").strip())


# "Two Collections Officers", "3 Gallery Technicians": a count of posts of one role
_COUNT = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|several|[2-9]|1\d)\s+(?=\S)", re.I
)
_ROLE_NOUNS = frozenset(ROLE_NOUN_WORDS)


def _one_of_a_count(role: str) -> str:
    """The role of one of the posts a title counts: "Two Collections Officers" is the role
    "Collections Officer", as a list of openings names each (the count is the page's to say).
    Only a plural role word at the end is made one ("Two Days of Archives" is no role)."""
    count = _COUNT.match(role)
    if count is None:
        return role
    rest = role[count.end() :]
    head, _, last = rest.rpartition(" ")
    if not last.endswith("s") or last[:-1].lower() not in _ROLE_NOUNS:
        return role
    return f"{head} {last[:-1]}".strip()


def org_in_title(title: str) -> str | None:
    """An organisation named anywhere in a title: "Riverside Historical Society FAQ",
    "Proposals for the University of Lakeside Libraries Conference"."""
    for run in _NAME_RUN.finditer(title):
        words = run.group(0)
        end = last_match(ORG_WORDS, words)
        if end is None:
            continue
        name = _LEADING_THE.sub("", _PAGE_LEAD.sub("", words[: end.end()]))
        if len(name.split()) >= 2 and not ROLE_WORDS.found(name):
            return name
    return None


# "The Lindqvist Centre offers two one-year fellowships", "The Atlas project has three
# openings": offering or having a post is hiring ("The library offers free parking", "… has
# a job board" name no employer)
OFFERS_A_POST = re.compile(
    r" offers (?:an? |one |two |three |several )?(?:[\w()-]+ ){0,4}?"
    r"(?:internships?|fellowships?|traineeships?|residenc(?:y|ies)|positions?|posts?|jobs?"
    r"|contracts?)\b"
    r"| has (?:an? |one |two |three |four |five |several |\d{1,2} )?(?:new )?"
    r"(?:openings?|vacanc(?:y|ies))\b"
    # "Hartwell College Library has two posts in its Special Collections team": a number of
    # posts (not "has posts on its blog")
    r"| has (?:one |two |three |four |five |several |\d{1,2} )(?:new |open )?"
    r"(?:posts?|positions?|roles?)\b"
)


_COMMON_TAIL = re.compile(
    r"\s+(?:project|team|programme|program|initiative|network|lab|collective)\s*$"
)


def org_from_seeks(text: str) -> str | None:
    """ "William Paterson University invites applications …" -> the organisation named."""
    head = text[:3000]
    for verb in _SEEK_VERBS:
        pos = head.find(verb)
        while pos != -1:
            name = _subject_before(head, pos)
            if name is not None:
                return name
            pos = head.find(verb, pos + 1)
    for offer in OFFERS_A_POST.finditer(head):
        name = _subject_before(head, offer.start())
        if name is not None:
            return name
    return None


_OPENING_MARKS = frozenset("~*_")


def _subject_before(head: str, pos: int) -> str | None:
    """The employer named by the subject of the sentence whose verb starts at ``pos``."""
    dot = head.rfind(". ", 0, pos)
    start = max(dot + 2 if dot != -1 else 0, head.rfind("\n", 0, pos) + 1)
    # "~~Rivermouth Film Archive seeks …~~ Applications have closed": the marks of emphasis or
    # of a strike-through that open the sentence are no part of its subject
    while start < pos and head[start] in _OPENING_MARKS:
        start += 1
    # "The Bodleian Libraries, University of Oxford, are recruiting": the name before its
    # apposition; "The Arroyo Museum of Art in Santa Fe, New Mexico, seeks": before its place
    comma = head.find(", ", start, pos)
    end = comma if comma != -1 and head[pos - 1] == "," else pos
    if end == comma:
        place = _IN_PLACE.search(head, start, end)
        end = place.start() if place is not None else end
    if _POSSESSIVE_PART.match(head, start, end) is not None:
        return None
    # "The Atlas of Open Maps project has three openings": the name before its common noun
    tail = _COMMON_TAIL.search(head, start, end)
    end = tail.start() if tail is not None else end
    subject = _SUBJECT.fullmatch(head, start, end)
    lead = (
        max(head.rfind(", ", start, end), head.rfind(": ", start, end)) if subject is None else -1
    )
    if lead != -1:
        # "After a year of new projects, the Saltmarsh Digital Library is hiring", "Good
        # news: the Osu Community Library is hiring!": the subject after an opening phrase
        the = lead + 2 + 4 if head.startswith("the ", lead + 2) else lead + 2
        subject = _SUBJECT.fullmatch(head, the, end)
    if subject is not None:
        return _organisation_in(subject.group("org").strip())
    spelled = _spelled_out(head[start:end])
    if spelled is not None:
        return spelled
    # "Our digital library team at Prairie State University is hiring"
    tail = _AT_ORG.search(head, start, end)
    if tail is not None and _is_org_like(tail.group(1)):
        return _canonical(_LEADING_THE.sub("", tail.group(1)))
    return None


# "The Institut régional du patrimoine numérique (IRPN) in Lyon": a name whose initials
# are given after it, then perhaps its city.
_INITIALS_THEN = re.compile(
    r"\s*\((?P<initials>[A-Z]{2,8})\)(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?,?\s*$"
)
# Words a name's initials skip, in the languages of the community's pages.
_UNSPELLED = frozenset(
    "of for and the at in on de du des la le les et d' di del della dello degli e y van voor"
    " der den für und zu per pour para por".split()
)
_MOST_NAME_WORDS = 12


def _spelled_out(subject: str) -> str | None:
    """The name before its initials, in any language ("Institut régional du patrimoine
    numérique (IRPN)"): the words whose first letters, small words aside, spell them."""
    given = _INITIALS_THEN.search(subject)
    if given is None:
        return None
    initials = given.group("initials")
    words = subject[: given.start()].split()[-_MOST_NAME_WORDS:]
    spelled = ""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.lower() not in _UNSPELLED:
            spelled = word[0].upper() + spelled
        if spelled == initials and word[0].isupper():
            return " ".join(words[index:])
        if len(spelled) >= len(initials):
            return None
    return None


def _employer_part(name: str) -> str:
    """A subject's employer: "The Centre for Digital Editions at the University of
    Kaltenbach" -> "University of Kaltenbach" (a unit at its institution, which must have an
    organisation's word: "Museum at the Crossroads" stays); "Museum of Northern Crafts in
    Newcastle upon Tyne" -> "Museum of Northern Crafts" (a city after the name)."""
    name = _without_city(name)
    tail = _AT_ORG.search(name)
    if tail is not None and _is_org_like(tail.group(1)):
        return _LEADING_THE.sub("", tail.group(1))
    # "The Digital Lab of the Marlow Institute for Classical Studies": the institute
    return _institution_of(name)


def _without_city(name: str) -> str:
    city = _IN_CITY.search(name)
    return name[: city.start()] if city is not None and is_city(city.group("city")) else name


def _organisation_in(name: str) -> str | None:
    if name.lower().startswith(("we ", "the candidate", "this ", "our ")):
        return None
    name = _without_city(name)
    tail = _AT_ORG.search(name)
    if tail is not None and _is_employer(tail.group(1)):
        name = tail.group(1)
    if _is_employer(name):
        return _canonical(_LEADING_THE.sub("", _institution_of(name)))
    return None


def _institution_of(name: str) -> str:
    """ "Faculty of Arts of Noordhaven University" -> "Noordhaven University": a unit of two
    words or more, "of" an organisation ("Institute of Museum Services" is one name)."""
    cuts = list(_OF.finditer(name))
    for cut in reversed(cuts):
        unit, institution = name[: cut.start()], name[cut.end() :]
        if len(unit.split()) >= 2 and _is_org_like(unit) and _is_org_like(institution):
            return institution
    return name


# "… in the project on palace records, funded by the Ministry and hosted by the Deccan
# Institute of Archival Studies, Bengaluru": the institution a project's post is hosted by.
_HOSTED_BY = re.compile(rf"\bhosted by (?:the )?(?={_SUBJECT.pattern})")


def org_hosting(text: str) -> str | None:
    """The organisation a post or its project is "hosted by", when it has an organisation's
    word ("hosted by the Deccan Institute …", not "hosted by Maria Lopez")."""
    head = text[:3000]
    for hosted in _HOSTED_BY.finditer(head):
        subject = _SUBJECT.match(head, hosted.end())
        if subject is not None and _is_org_like(subject.group("org").strip()):
            return _canonical(_without_city(subject.group("org").strip()))
    return None


# The postal address a page ends with, its lines joined by Markdown into one: "Glenholm
# Library 14 Castle Street Inverness IV2 3EA Scotland". The employer is what comes before the
# house number; the town is the gazetteer's city just before a postcode (UK "IV2 3EA", US
# "OH 43604") or just after one ("10115 Berlin").
_ADDRESS_LONGEST = 160
_HOUSE_NUMBER = re.compile(r"(?:^|\s)\d{1,4}[a-z]?,? (?=[A-Z])")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|\d{4,5})\b")
_TOWN_WORDS = 3


@dataclass(frozen=True)
class Address:
    employer: str | None
    town: str | None
    text: str


def address_at_foot(text: str) -> Address | None:
    """The postal address that is a page's last paragraph (not a sentence, no email or link)."""
    last = plain(text.rstrip().rsplit("\n\n", 1)[-1]).strip()
    if (
        len(last) > _ADDRESS_LONGEST
        or "@" in last
        or "://" in last
        or last.endswith((".", "!", "?", ":"))
    ):
        return None
    number = _HOUSE_NUMBER.search(last)
    if number is None:
        return None
    name = last[: number.start()].strip(" ,")
    employer = name if looks_like_name(name) else None
    return Address(employer, _town(last, number.end()), last)


def _town(address: str, start: int) -> str | None:
    """The city named just before or just after a postcode in ``address`` from ``start``."""
    for code in _POSTCODE.finditer(address, start):
        before = address[start : code.start()].replace(",", " ").split()
        after = address[code.end() :].replace(",", " ").split()
        candidates = [before[-size:] for size in range(min(_TOWN_WORDS, len(before)), 0, -1)]
        candidates += [after[:size] for size in range(min(_TOWN_WORDS, len(after)), 0, -1)]
        for words in candidates:
            if is_city(" ".join(words)):
                return " ".join(words)
    return None


# "— The Fenwick & Daughters Textile Collection team", "– Kelso Heritage Trust": a sign-off,
# the page's last paragraph, naming who wrote it. A person's name signs too ("— Maria Lopez"):
# the signer is the employer only when it is said to be a team or has an organisation's word.
_SIGN_OFF = re.compile(
    r"(?P<dash>[—–~-]{1,2}\s*)?(?:the\s+)?(?P<org>[^\n]{2,90}?)(?P<team>\s+team)?[.!]?",
    re.I,
)
_SIGN_OFF_LONGEST = 120


def signed_by(text: str) -> str | None:
    """The organisation whose team signs the page off at its foot."""
    last = plain(text.rstrip()[-_SIGN_OFF_LONGEST * 2 :].rsplit("\n\n", 1)[-1]).strip()
    signed = _SIGN_OFF.fullmatch(last) if len(last) <= _SIGN_OFF_LONGEST else None
    if signed is None or not (signed.group("dash") or signed.group("team")):
        return None
    name = signed.group("org").strip()
    if _PROPER_NAME.fullmatch(name) is None:
        return None  # "— Posted by the Acme Library": a sentence, not a signature
    if (signed.group("team") and looks_like_name(name)) or _is_org_like(name):
        return _canonical(name)
    return None


# "hr@riverbend-film-society.example.org": a mail domain whose words, split by hyphens, are
# an organisation's name ("Riverbend Film Society"); read when the page names its employer
# nowhere else. "jobs@copperleafarchive.example.org" cannot be split into words, and is not.
_HYPHENATED_DOMAIN = re.compile(r"@(?P<words>[a-z]{2,30}(?:-[a-z]{1,30}){1,5})\.[a-z]", re.I)
_LOWER_IN_NAMES = frozenset(("of", "for", "and", "the", "at", "in", "upon", "on"))


def org_of_mail_domain(text: str) -> str | None:
    """The organisation a hyphenated mail domain spells out, when it has an organisation's
    word."""
    for found in _HYPHENATED_DOMAIN.finditer(text[:_NAMES_READ]):
        words = found.group("words").lower().split("-")
        words = words[1:] if words[0] == "the" else words
        name = " ".join(w if w in _LOWER_IN_NAMES else w.capitalize() for w in words)
        if words[0] not in _LOWER_IN_NAMES and _is_org_like(name):
            return name
    return None


_NAMES_READ = 6000


# "Posted on behalf of Brackenfield Borough Council by Midlands Heritage Jobs": a job board
# or a host posting for the employer, who is named after "on behalf of" ("employed by the
# university on behalf of the consortium" names the consortium, a common noun here).
_ON_BEHALF = re.compile(rf"\bon behalf of (?:the\s+)?(?={_SUBJECT.pattern})")


def org_on_behalf(text: str) -> str | None:
    """The organisation a page is posted "on behalf of", when it has an organisation's word
    or is known."""
    head = text[:_NAMES_READ]
    for behalf in _ON_BEHALF.finditer(head):
        line_end = head.find("\n", behalf.end())
        subject = _SUBJECT.match(head, behalf.end(), line_end if line_end != -1 else len(head))
        if subject is None:
            continue
        name = _without_city(_BY_AFTER.sub("", subject.group("org").strip()).rstrip("."))
        if _is_org_like(name):
            return _canonical(name)
    return None


# "… Borough Council by Midlands Heritage Jobs": the poster after the employer's name
_BY_AFTER = re.compile(r"\s+by\s.*$")


def org_from_label(text: str) -> str | None:
    """ "**Organization:** Harbor County Historical Museum" -> the name after the label."""
    found = _ORG_LINE.search(text[:3000])
    if found is None:
        return None
    name = found.group("org").strip(" .*_")
    # "| Department | Collections |" names a part of the employer, not the employer: only a
    # department with an organisation's word ("Department of Classics, Fenbridge University")
    if found.group("label").lower() in _PART_LABELS:
        return _canonical(name) if _is_org_like(name) else None
    return _canonical(name) if name and (looks_like_name(name) or _is_org_like(name)) else None


_PART_LABELS = frozenset(("department", "hiring unit"))


_EMPHASIS = re.compile(r"\*\*|__")
# The dash between a name and its place: "Lakeshore University Library — Kingston, Ontario"
_NAME_DASH = re.compile(r"\s+[—–]\s+|\s+-\s+(?=[A-Z])")
# "Moreton Bay University, Brisbane campus": the campus is in the city it is named after
_CAMPUS = re.compile(r"\s+campus$", re.I)
_WHERE_LABEL = re.compile(
    r"^(?:location|where|employer|organi[sz]ation|institution|place of work)[*_ ]*:", re.I
)


# "- Department: Spencer Research Archives": a list item or a label line names no employer
_ITEM_OR_LABEL = re.compile(r"(?:[-+•]|\d{1,2}[.)])\s|[A-Z][\w /&-]{0,30}:\s")


def opening_line(text: str) -> tuple[str, str | None] | None:
    """(organisation, place) of a page whose first line names them: "Kingsmere Borough
    Council Archives", "Seabright University Library, Halifax, Nova Scotia" (a place after
    the name), "Dakota State Archives, Department of History" (the name's own department)."""
    head = text[:200].lstrip()
    line_end = head.find("\n")
    # "**Lakeshore University Library** — Kingston, Ontario": the name in bold, then its place
    first_line = _EMPHASIS.sub("", head if line_end == -1 else head[:line_end]).strip(" *_#")
    first_line = _NAME_DASH.sub(", ", first_line, count=1)
    # "Location: Museum of the Southern Coast, Wollongong NSW"
    first_line = _WHERE_LABEL.sub("", first_line, count=1).strip(" *_")
    if (
        len(first_line) > 80
        or _SENTENCE_WORD.search(first_line) is not None
        or _ITEM_OR_LABEL.match(first_line) is not None
    ):
        return None
    # "Careers at the Persistent Identifier Collaborative"
    at = _AT_ORG.search(first_line)
    if at is not None and _is_org_like(at.group(1)):
        first_line = _LEADING_THE.sub("", at.group(1))
    name, _, rest = first_line.partition(", ")
    rest = _CAMPUS.sub("", rest)
    if rest and _is_org_like(name):
        place = rest if _PLACE_LINE.fullmatch(rest) and not _is_org_like(rest) else None
        return _canonical(_LEADING_THE.sub("", name)), place
    if _is_org_like(first_line):
        return _canonical(_LEADING_THE.sub("", first_line)), None
    return None


_IS_AN_ORG = re.compile(
    r"\s*(?:is|are) (?:a|an|the)(?: [\w-]+){0,3}? (?:non-?profit|not-for-profit|charity"
    r"|organi[sz]ation|company|consortium|co-?operative|foundation|society|network|collective"
    r"|institute|initiative|project|provider|publisher|community|registry|association"
    # a movement's local body, named by the movement: "the independent Wikimedia chapter for
    # Latvia" (not "the author of a chapter")
    r"|[A-Z][\w-]* (?:chapter|affiliate))\b"
)
# What an organisation does, said of a name that has no organisation's word
_DOES_AS_AN_ORG = re.compile(
    r"\s+(?:supports|serves|preserves|collects|maintains|builds|runs|connects|represents"
    r"|promotes|publishes|develops|brings together|cares for|looks after|safeguards"
    r"|digitises|digitizes|funds|coordinates|hosts|operates)\b"
)
# A line that names, not a sentence: no lower-case word but the small words of names.
_SENTENCE_WORD = re.compile(rf"(?<![\w'’.-])(?!(?:{_SMALL}|on|campus$)\b)[a-z]")
# A place as a heading line gives it: capitalised words, a state or country after a comma.
_PLACE_LINE = re.compile(
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})?"
)
# After a page's opening name, the word that starts its verb: "… Trust holds", "… builds".
# What an organisation offers is read by OFFERS_A_POST: "The Weston Library offers free
# parking" names no employer.
_VERB_NEXT = re.compile(r"\s*(?!offers?\b|provides?\b)[a-z]")


def org_introduced(text: str) -> str | None:
    """The organisation a page opens with: a line of its own (``opening_line``), "Join the …
    team of X", or the subject of the page's first sentence when it is an organisation's name
    ("Northwold Hospitals NHS Foundation Trust holds one of the oldest …", "Linked Archives
    Collaborative (LAC) builds …")."""
    head = text[:3000].lstrip()
    # "*Esta convocatoria también está disponible en español.*": a note in italics before
    # the page's first words
    note = _ITALIC_NOTE.match(head)
    if note is not None:
        head = head[note.end() :]
    opening = opening_line(head)
    if opening is not None:
        return opening[0]
    join = _JOIN_TEAM.match(head)
    if join is not None:
        line = head.find("\n", join.end())
        team_of = _SUBJECT.match(head, join.end(), line if line != -1 else len(head))
        name = team_of.group("org").strip().rstrip(".") if team_of is not None else ""
        if _is_org_like(name):
            return _canonical(name)
    at_we = _AT_WE.match(head) or _JOIN_AS.match(head)
    if at_we is not None and _is_employer(at_we.group("org").strip()):
        return _canonical(_without_city(at_we.group("org").strip()))
    subject = _SUBJECT.match(head)
    if _POSSESSIVE_PART.match(head) is not None:
        return None
    if subject is None:
        return _said_to_be_an_org(head)
    return _first_subject(head, subject)


def _first_subject(head: str, subject: re.Match[str]) -> str | None:
    """The organisation the page's first sentence has as its subject, if it names one."""
    name = _possessor(subject.group("org").strip())
    after = subject.end("org")
    more = _NAME_GOES_ON.match(head, after)
    if more is not None and _VERB_NEXT.match(head, more.end()) is not None:
        name, after = head[subject.start("org") : more.end()], more.end()
    # "The Fundación Casa de la Memoria Obrera, in Mexico City, keeps …": its city between
    city = _CITY_BETWEEN.match(head, after)
    if city is not None and is_city(city.group("city")):
        after = city.end()
    if (_is_org_like(name) or _named_project(name)) and _VERB_NEXT.match(head, after) is not None:
        return _canonical(_employer_part(name))
    # "Open Letters Project is a small non-profit that …": a name the page says is one;
    # "Erfgoedhuis Noord-Veluwe supports forty heritage organisations": what one does
    if looks_like_name(name) and (
        _IS_AN_ORG.match(head, subject.end("org")) is not None
        or _DOES_AS_AN_ORG.match(head, subject.end("org")) is not None
    ):
        return _canonical(name)
    return _said_to_be_an_org(head)


# "La Bibliothèque patrimoniale de Valmont recrute": a name in French, Spanish or Italian
# goes on after its first word with lower-case adjectives, then "de" and a proper name (the
# words read as the subject's verb otherwise).
_NAME_GOES_ON = re.compile(
    r"(?:\s+[a-zà-ÿ][\w'’-]{2,30}){1,2}\s+(?:de la|de|du|des|di|del|della|d['’])\s*"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
)
_ITALIC_NOTE = re.compile(r"([*_])(?![*_\s])[^*_\n]{1,200}(?<!\s)\1[ \t]*\n\s*")
_CITY_BETWEEN = re.compile(
    r",\s+in\s+(?P<city>[A-Z][\w'’-]*(?:\s+(?:upon\s+|on\s+)?[A-Z][\w'’-]*){0,3}),"
)
# "At Folio & Frame we build image servers …": the page opens by saying who "we" are.
_AT_WE = re.compile(rf"At\s+(?:the\s+)?{_SUBJECT.pattern},?\s+we\s")
# "Join the Harbourside Maritime Museum as our Metadata Specialist": the page opens by inviting
# the reader into the employer (not "Join us", nor "Join our team").
_JOIN_AS = re.compile(rf"Join\s+(?:the\s+)?{_SUBJECT.pattern}(?:as|in|on)\s")
# A paragraph that starts by saying what a name is: "RefLink is a not-for-profit …" after an
# "About RefLink" heading, wherever the page's first words are.
_PARAGRAPH_NAME = re.compile(
    r"\n\n(?:The )?(?P<name>[A-Z][\w&.'’-]*(?: (?:(?:of|for|and|&|the) ){0,2}[A-Z][\w&.'’-]*){0,5})"
    # "The Northern Lights Records Trust (NLRT) is a charity …": its initials after it
    r"(?: \([A-Z]{2,8}\))?(?= (?:is|are) )"
)


# "The Gowanus Neighborhood Memory Project records …": a project named by two or more words of
# its own is a body that employs, when it is the page's first subject ("Project" is no
# ORG_WORDS word: "Project Archivist" is a role, "the Atlas project" a piece of work).
_NAMED_PROJECT = re.compile(r"(?:[A-Z][\w&'’-]*\s+){2,6}Project")


def _named_project(name: str) -> bool:
    return _NAMED_PROJECT.fullmatch(name) is not None and not ROLE_WORDS.found(name)


def _possessor(name: str) -> str:
    """ "Marchmont Record Office's" -> "Marchmont Record Office" when that is an
    organisation's name ("Christie's" stays: its owner is no organisation's word)."""
    owner = _POSSESSIVE_END.sub("", name)
    return owner if owner != name and _is_org_like(owner) else name


def _said_to_be_an_org(head: str) -> str | None:
    for paragraph in _PARAGRAPH_NAME.finditer(head):
        name = paragraph.group("name")
        if looks_like_name(name) and _IS_AN_ORG.match(head, paragraph.end()) is not None:
            return _canonical(name)
    return None


def _is_employer(name: str) -> bool:
    """Said where an employer stands ("… is hiring"): a known or organisation-like name, or
    any proper name."""
    return _is_org_like(name) or looks_like_name(name)


def title_parts(title: str, body: str) -> TitleParts:
    """``split_title``, and the titles it leaves whose organisation has no organisation word:
    "Role at Name", and "Role - Name" when the body speaks of Name as the employer (so that
    "Web Developer - Oakland" does not make a city the employer)."""
    parts = split_title(title)
    if parts.organization is not None and _quoted(parts.organization, body):
        # "Project Officer - Wikidata for Philippine Museums", a project the body quotes:
        # names of projects, exhibitions and works are quoted, employers' are not
        return TitleParts(parts.role, None, parts.where, parts.posts)
    if parts.role is not None:
        return parts
    text = " ".join(title.split())
    at = _AT_TITLE.match(text)
    if at is not None and looks_like_name(at.group("org")):
        if ROLE_WORDS.found(at.group("role")):
            return TitleParts(_clean_role(at.group("role")), _canonical(at.group("org")))
        # "We're recruiting: two roles at Wikimedia Vesterland" names posts, not one role
        if _POSTS.found(at.group("role")):
            return TitleParts(None, _canonical(at.group("org")), posts=True)
    pieces = SEPARATORS.split(text)
    if len(pieces) == 2:
        role, name = pieces
        if ROLE_WORDS.found(role) and looks_like_name(name) and _employs(name.strip(), body):
            return TitleParts(_clean_role(role), _canonical(name))
    return parts


def _quoted(name: str, body: str) -> bool:
    return any(f"{left}{name}{right}" in body for left, right in _QUOTES)


_QUOTES = (('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"))


def body_spelling(name: str, text: str) -> str:
    """The body's own spelling of a title's organisation ("… County Public Library")."""
    if name in text:
        return name
    words = name.split()
    if len(words) < 3:
        return name
    head = " ".join(words[:2])
    at = text.find(head)
    if at == -1:
        return name
    match = _NAME_RUN.match(text, at)
    if match is None:
        return name
    found = match.group(0)
    org_end = last_match(ORG_WORDS, found)
    if org_end is None:
        return name
    candidate = found[: org_end.end()]
    return candidate if len(candidate.split()) >= 3 else name

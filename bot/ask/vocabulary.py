"""The words of questions, as data: what asks for a list, for one fact, or for an explanation.

Each table is a plain mapping or tuple; ``bot.ask.understand`` derives its patterns from them,
so a new phrasing is one entry here (with a sentence of its own in tests/ask).
"""

from __future__ import annotations

# A fact of one posting → the words and phrases that ask for it.
FACT_CUES: dict[str, tuple[str, ...]] = {
    "salary": ("pay", "pays", "paid", "paying", "earning", "salary", "salaries", "wage", "wages",
               "compensation", "earn", "how much does", "rate of pay", "stipend", "hourly",
               "rate", "rates", "salary range", "pay range", "pay scale", "pay band",
               "pay grade", "salary band"),
    "deadline": ("deadline", "closing date", "close", "closes", "closing", "due", "apply by",
                 "last day"),
    "apply": ("email", "e-mail", "contact", "apply", "send", "cv", "resume", "résumé",
              "who do i", "whom", "application", "applications", "write to"),
    "where": ("where", "based", "located", "location", "city", "office", "live", "reside",
              "time zone", "time zones", "timezone", "timezones"),
    "remote": ("remote", "remotely", "from home", "wfh", "telework", "hybrid", "from"),
    "status": ("still open", "still accepting", "open", "closed", "filled", "accepting"),
    "employment": ("full time", "full-time", "part time", "part-time", "hours", "permanent",
                   "temporary", "contract", "how long is", "how long does"),
    "posted": ("posted", "published", "advertised", "put up", "went up", "go up"),
    "hired": ("who got", "who was hired", "hired", "appointed", "who was chosen", "who won"),
}  # fmt: skip

# Words naming a job; a question about "the X job" names one posting, "jobs" asks for a list.
JOB_NOUNS = frozenset(
    """job jobs position positions opening openings vacancy vacancies role roles posting
    postings opportunity opportunities career careers post posts gig gigs listing
    listings ad ads advert adverts advertisement advertisements""".split()
)
LIST_CUES = frozenset(
    """any anything which jobs positions openings vacancies roles postings opportunities
    careers hiring recruiting list show gigs listings ads adverts""".split()
)
# How a question that wants an explanation starts: it is answered from a page, and becomes a
# list only when no page answers it.
EXPLAIN_STARTS = (
    "how do", "how does", "how can", "how to", "how much", "how many", "how long", "what is",
    "what are", "what's", "whats", "what does", "what do", "why", "tell me about", "explain",
    "who is", "who are", "who can", "who manages", "difference between",
    "what's the difference", "whats the difference", "what is the difference", "who runs",
    "when is", "when are",
    "when and where", "where is", "where are", "who got", "who was",
)  # fmt: skip
# How a list question can start although it looks like an explanation ("who is hiring?").
LIST_STARTS = (
    "oldest", "what's the oldest", "whats the oldest", "what is the oldest",
    "who is hiring", "who's hiring", "who hires", "who is recruiting", "who's recruiting",
    "what jobs", "which jobs", "what positions", "what openings", "what roles", "what's open",
    "what is open", "what's new", "whats new", "what is new", "anything new", "what's latest",
    "latest", "newest", "any news",
)  # fmt: skip
_HELLO = "Hello! Ask me about jobs or the FAQ pages, e.g. “remote jobs” or “what is iiif?”."
_WELCOME = "You're welcome!"
_BYE = "Bye!"
_NOTED = "Anything else? Ask me about jobs or the FAQ pages."
# "more" where no list was shown in the last half hour (``bot.followup`` reads it after one)
_MORE = (
    "I have no recent list here to continue: ask again (e.g. `remote jobs`), or use the"
    " “More” line under a list (e.g. `/jobs page 2`)."
)
SMALL_TALK = {
    "hi": _HELLO, "hello": _HELLO, "hey": _HELLO, "hiya": _HELLO, "howdy": _HELLO,
    "greetings": _HELLO, "what's up": _HELLO, "whats up": _HELLO, "sup": _HELLO, "yo": _HELLO,
    "how are you": "Fine, thanks! " + _HELLO, "how are you doing": "Fine, thanks! " + _HELLO,
    "thanks": _WELCOME, "thank you": _WELCOME, "thx": _WELCOME, "ty": _WELCOME,
    "cheers": _WELCOME, "many thanks": _WELCOME, "thanks a lot": _WELCOME,
    "thank you so much": _WELCOME, "thanks so much": _WELCOME, "much appreciated": _WELCOME,
    "good morning": "Good morning! Ask me about jobs or the FAQ pages.",
    "good afternoon": "Good afternoon! Ask me about jobs or the FAQ pages.",
    "good evening": "Good evening! Ask me about jobs or the FAQ pages.",
    "bye": _BYE, "goodbye": _BYE, "good bye": _BYE, "bye bye": _BYE, "see you": _BYE,
    "see ya": _BYE, "good night": _BYE,
    "ok": _NOTED, "okay": _NOTED, "k": _NOTED, "cool": _NOTED, "great": _NOTED,
    "nice": _NOTED, "got it": _NOTED, "lol": _NOTED, "perfect": _NOTED, "awesome": _NOTED,
    "more": _MORE, "next": _MORE, "next page": _MORE, "show more": _MORE, "more please": _MORE,
    "any more": _MORE, "anything else": _MORE,
}  # fmt: skip
# Words that only address the bot or the room after a greeting ("hi there", "thanks herald")
# or acknowledge before one ("ok thanks"): small talk with them is small talk still.
ADDRESSED = frozenset({"there", "herald", "everyone", "all", "folks", "team", "bot", "again"})
ACKNOWLEDGED = frozenset({"ok", "okay", "oh", "great", "cool", "perfect", "awesome", "nice"})
# What a newcomer asks the bot about itself: every command with an example answers.
HELP_PHRASES = frozenset({
    "help", "what can you do", "commands", "usage", "who are you", "what are you",
    "what is herald", "what's herald", "whats herald", "who is herald", "what is this",
    "what do you do", "how does this work", "how do i use this", "how do i use you",
    "what can i ask", "what can i ask you",
})  # fmt: skip

# Words for what a verb of Herald's commands does ("how do I get notified of new jobs?" asks
# about ``/jobs subscribe``): the verb's own help answers such a question (``understand``).
# Words that are also a page's topic ("how do I delete a DOI?") count only beside a job noun.
VERB_WORDS = {
    "subscribe": "subscribe", "subscribed": "subscribe", "subscription": "subscribe",
    "notify": "subscribe", "notified": "subscribe", "notification": "subscribe",
    "notifications": "subscribe", "alert": "subscribe", "alerts": "subscribe",
    "alerted": "subscribe", "announce": "subscribe", "announced": "subscribe",
    "announcements": "subscribe", "updates": "subscribe",
    "unsubscribe": "unsubscribe", "unfollow": "unsubscribe", "mute": "unsubscribe",
    "stop": "unsubscribe", "turn off": "unsubscribe",
    "remind": "remind", "reminder": "remind", "reminders": "remind", "reminded": "remind",
    "add": "add", "post a": "add", "post an": "add", "post our": "add", "post my": "add",
    "advertise": "add", "import": "import", "edit": "edit", "reopen": "reopen",
    "remove": "remove", "delete": "remove", "take down": "remove",
}  # fmt: skip

# Short forms people type for words postings spell out.
ABBREVIATIONS = {
    "app": "application", "apps": "applications", "dev": "developer", "devs": "developers",
    "mgr": "manager", "dir": "director", "asst": "assistant", "admin": "administrator",
    "eng": "engineer", "prof": "professor", "lib": "library", "dh": "digital humanities",
    "postdoc": "postdoctoral", "postdocs": "postdoctoral",
}  # fmt: skip

# Chat words and phrases → the words the rest of the tables know, applied to a question
# (whole words, lower case) before it is read. A phrase the asker uses for a thing the pages
# call otherwise ("become a member": "join"), or chat shorthand ("rn", "who's").
REWRITES: dict[str, str] = {
    "rn": "right now", "atm": "at the moment", "asap": "soon",
    # question words typed short ("wht does it pay", "wat's the deadline")
    "wht": "what", "wat": "what", "whts": "what's", "wats": "what's",
    # the three-letter slips the typo corrector leaves (it reads words of four letters up)
    "teh": "the", "hte": "the",
    "who's": "who is", "who’s": "who is", "where's": "where is", "where’s": "where is",
    "when's": "when is", "when’s": "when is", "how's": "how is",
    # an organisation looking for people is hiring; the asker "looking for something" is not
    "looking for anyone": "hiring", "looking for someone": "hiring",
    "looking for people": "hiring", "looking for staff": "hiring",
    "wanted": "hiring",
    # the asker wanting work asks for the openings ("I'm looking for a job in Ohio")
    "looking for a job": "looking for jobs", "looking for work": "looking for jobs",
    "need a job": "need jobs", "want a job": "want jobs", "find me a job": "find me jobs",
    # what joining costs is what membership costs ("how much is it to join?")
    "how much is it to join": "how much is membership of",
    "how much does it cost to join": "how much does membership cost for",
    "what does it cost to join": "what does membership cost for",
    "cost to join": "membership cost for", "price to join": "membership price for",
    "fee to join": "membership fee for",
    # who may apply is who is eligible: pages head it "Eligibility"
    "who can apply": "who is eligible to apply", "who may apply": "who is eligible to apply",
    "who is allowed to apply": "who is eligible to apply",
    "who can get money from": "who is eligible to apply to",
    "who can get funding from": "who is eligible to apply to",
    "sign up": "join", "signing up": "joining",
    "nonprofit": "non-profit", "nonprofits": "non-profit", "not-for-profit": "non-profit",
    "forprofit": "for-profit",
    "orgs": "organizations", "org": "organization", "insts": "institutions",
    "video": "audio/visual", "videos": "audio/visual", "audiovisual": "audio/visual",
    "av": "audio/visual", "a/v": "audio/visual",
    # whom to write to about a posting is its contact, not a list of who is hiring
    "hiring manager": "contact", "recruiter": "contact", "recruiting manager": "contact",
    "point of contact": "contact", "contact person": "contact", "hr contact": "contact",
    # time off is no pay asked
    "paid time off": "vacation time", "pto": "vacation time", "paid vacation": "vacation",
    # pay in chat words
    "six figure": "over $100,000", "six figures": "over $100,000",
    "six-figure": "over $100,000", "bucks": "dollars", "401k": "401(k)",
    # deadlines ahead, unsaid how far: the next thirty days
    "deadlines coming up": "deadlines in the next 30 days",
    "deadlines are coming up": "deadlines are in the next 30 days",
    "upcoming deadlines": "deadlines in the next 30 days",
    # what is still open is what one can still apply for
    "can i still apply for": "is still open for", "can i still apply to": "is still open for",
    "advertise a job": "post a job", "advertise a position": "post a position",
    "advertise our job": "post our job", "advertise my job": "post my job",
    # a call for proposals by its short form ("iiif cfp deadline"); pages spell it out
    "cfp": "call for proposals", "cfps": "calls for proposals",
    # a specification by its short form ("is there a 3d spec?"); pages spell it out
    "spec": "specification", "specs": "specifications",
    # pay and events by their chat short forms ("toledo director comp?", "iiif conf"); a
    # course of computer science keeps its own
    "comp": "compensation", "total comp": "total compensation", "comp sci": "computer science",
    "conf": "conference", "confs": "conferences",
    # a chat spelling of a word pages write with a hyphen ("do they pay for coworking?")
    "coworking": "co-working", "co-work": "co-working",
}  # fmt: skip

# What a chat message may open with before its question ("hey herald, any remote jobs?",
# "sorry one more: …", "thx! also who do I email…"): greetings, thanks, "ok and"; read as
# nothing when more words follow (alone, a greeting is small talk).
LEAD_INS = (
    "hey herald", "hi herald", "hello herald", "ok herald", "herald", "hey there", "hi there",
    "hello there", "hey", "hi", "hello", "thanks", "thank you", "thx", "ty", "cheers", "sorry",
    "one more question", "one more", "quick question", "quick one", "a quick one",
    "quick q", "ok", "okay", "so", "and", "also",
    "btw", "by the way", "yo", "yo herald", "hiya", "heya", "good morning", "morning all",
    "morning everyone", "good afternoon", "good evening",
)  # fmt: skip

# How an apology or a hedge opens a message before its question, up to "but" ("sorry if this
# was asked already, but how much…", "not sure this is the right place, but any jobs…"):
# the clause is read as nothing.
PREFACES = ("sorry", "apologies", "not sure", "forgive me", "excuse me", "this may be",
            "this might be", "might be a silly question", "probably a silly question",
            "maybe a silly question", "dumb question", "silly question",
            "stupid question")  # fmt: skip

# What a chat message may close with after its question ("…what's the salary? thx"): the
# thanks of ``LEAD_INS`` and their longer forms, read as nothing.
SIGN_OFFS = ("thanks", "thank you", "thx", "ty", "cheers", "many thanks", "thanks a lot",
             "thanks in advance", "tia", "thank you so much", "thanks so much",
             "much appreciated", "asking for a friend", "just curious", "just wondering",
             "if anyone knows", "if you know")  # fmt: skip

# The people of the asker's story ("a friend of mine is a photographer in Melbourne, is anyone
# hiring there?", "my daughter is looking for internships"): whom the asker speaks for
# selects no posting; what they do and where still do.
ASKERS_PEOPLE = frozenset(
    """friend friends mine daughter daughters son sons wife husband partner boss colleague
    colleagues coworker coworkers mum mom dad parent parents sister brother niece nephew
    cousin kid kids child children""".split()
)

# Roles a person holds: "who is the iiif managing director now?" wants a person's name, and
# a page that names none (the search for one) does not answer it.
ROLE_NOUNS = frozenset(
    """director coordinator officer manager ceo cto cfo chair chairman chairperson chairwoman
    head lead leader president editor secretary treasurer
    speaker speakers keynote keynotes presenter presenters panelist panelists""".split()
)
# Capitalised words that name no person ("Lucas County", "Technical Director").
NOT_PERSON_WORDS = ROLE_NOUNS | frozenset(
    """the a an of and for county city state library libraries university college school
    foundation consortium council committee team group board museum institute initiative
    program programme fund api conference community project services service center centre
    department office technical senior associate assistant executive general annual""".split()
)
# Words that ask who holds a role today: a page from years ago does not say.
NOW_WORDS = ("now", "currently", "current", "today", "these days", "at the moment")
# Words people ask about pages that are no postings (events, calls, memberships), known to
# the typo corrector as the tables' words are ("when is the corvid meetng?", "how much is
# memebership", "is there a studnet rate?")
PAGE_WORDS = """
    meeting meetings conference conferences webinar webinars workshop workshops symposium
    summit seminar school registration register ticket tickets student students discount
    membership member members venue programme program schedule speaker speakers keynote
    proposal proposals submission submissions abstract abstracts grant grants funding award
    awards bursary bursaries scholarship scholarships travel hotel accommodation eligible
    eligibility conduct newsletter mailing announcement announcements news events event
""".split()
# The first of several dated things still to come: "when is the next webinar?"
NEXT_WORDS = ("next", "upcoming", "coming up", "the soonest")

# Employment types → the words that say so, in a title or a sentence of the posting.
EMPLOYMENT_TYPES: dict[str, tuple[str, ...]] = {
    "part-time": ("part-time", "part time", "parttime", "half-time", "hours per week",
                  "hours a week", "hours/week"),
    "full-time": ("full-time", "full time", "fulltime"),
    "temporary": ("temporary", "temp", "contract", "fixed-term", "fixed term", "interim"),
    "internship": ("internship", "internships", "intern", "interns", "traineeship",
                   "traineeships", "trainee"),
}  # fmt: skip
# Words of a posting's kind that ask its fact of one posting ("is the X role permanent?") but
# that no list filter reads: a list searches the postings' words for them ("permanent jobs"
# are those that say so, not every opening).
KINDS_SEARCHED = ("permanent",)
# How a list asks for pay: ordered by it, stated at all, paid by a period.
PAY_ORDER: dict[str, tuple[str, ...]] = {
    "high": ("best paid", "best paying", "best-paid", "best-paying", "highest paid",
             "highest paying", "highest-paid", "highest-paying", "highest salary",
             "highest salaries", "top paying", "top-paying", "pays the most", "pay the most",
             "most money", "biggest salary", "best salary", "best salaries", "well paid",
             "well-paid", "well paying", "well-paying", "high paying", "high-paying",
             "pay well", "pays well", "good salary", "good salaries", "good pay"),
    "low": ("lowest paid", "lowest paying", "lowest-paid", "lowest-paying", "lowest salary",
            "worst paid", "worst paying", "pays the least", "pay the least"),
}  # fmt: skip
PAY_STATED = (
    "salary listed", "salary stated", "salary given", "salary posted", "salary shown",
    "salary included", "salaries listed", "pay listed", "pay stated", "with salary",
    "with a salary", "with salaries", "with pay", "with a salary range", "with salary info",
    "list a salary", "list the salary", "list salary", "lists a salary", "lists the salary",
    "state a salary", "state the salary", "states a salary", "states the salary",
    "give a salary", "gives a salary", "show a salary", "show the salary", "show salary",
    "mention a salary", "mention the salary", "mentions a salary", "mentions the salary",
    "say what they pay", "say the salary", "says the salary", "list pay", "list the pay",
    "state the pay", "salary transparency",
)  # fmt: skip
PAY_PERIODS: dict[str, tuple[str, ...]] = {
    "hour": ("hourly", "per hour", "by the hour", "an hour", "paid hourly", "hourly rate"),
}  # fmt: skip

# Kinds of employer a list is asked "at" ("jobs at colleges", "openings at a museum"): the
# organisation's name says it, not a word of the text ("Owens Community College" nearby).
# Not "firm" or "company": "jobs at a law firm" is said of the client, not in a name.
EMPLOYER_KINDS = ("college", "colleges", "university", "universities", "museum", "museums",
                  "library", "libraries", "archive", "archives", "school", "schools",
                  "foundation", "foundations")  # fmt: skip
# ... and the kinds whose word before a job noun names the employer as well ("museum jobs",
# "any university positions?"); "library jobs" and "archive jobs" name a kind of work, done
# at a college too.
EMPLOYER_KINDS_BEFORE_JOBS = ("college", "university", "museum", "school")

# Remote work beside a place of work ("hybrid jobs?"): a remote posting that names a city.
HYBRID_CUES = ("hybrid", "partly remote", "partially remote", "part remote", "part-remote",
               "remote days", "some remote work")  # fmt: skip
# Remote work with no office to go to ("fully remote jobs", "I can only work from home"): a
# hybrid posting is no answer.
FULLY_REMOTE_CUES = ("fully remote", "100% remote", "entirely remote", "completely remote",
                     "remote only", "remote-only", "only remote",
                     "only work from home", "only work remotely", "only from home",
                     "work from home full time")  # fmt: skip

# A list in the order postings went up: the newest first.
NEWEST_CUES = ("new", "newest", "latest", "recently", "just posted")
# What an organisation has said lately, of any kind of page ("any news from X?", "what's
# new from X?" with a newest cue): its newest pages as well as its open postings.
NEWS_CUES = ("news", "announcements", "updates", "blog", "anything new", "what's new",
             "whats new", "what is new")  # fmt: skip
# ... and the oldest first: "what's the oldest posting?"
OLDEST_CUES = ("oldest", "earliest", "first posted")
# The open postings that close first: "which jobs close soonest?" is the list of open
# postings in the order it has anyway (deadline first), no keyword "soonest" to search.
SOONEST_CUES = ("close soonest", "closes soonest", "closing soonest", "close first",
                "closes first", "closing first", "soonest", "earliest deadline",
                "earliest deadlines", "nearest deadline", "nearest deadlines",
                "closest deadline", "closest deadlines")  # fmt: skip
# A count of postings by organisation: who posts the most.
MOST_POSTINGS = (
    "the most jobs", "most jobs", "most postings", "most openings", "most positions",
    "most vacancies", "posted the most", "posts the most", "hiring the most", "hires the most",
    "most job postings", "most job ads", "how many jobs each", "how many postings each",
)  # fmt: skip

# "Which organisations are hiring?", "what companies have posted jobs?": organisations are
# asked for, not postings; with a job or hiring word it is the count by organisation, and
# with no job word, no filter and nothing else asked ("list all organisations", "which
# organisations do you know?") every organisation Herald knows.
ORGANISATION_NOUNS = ("organizations", "organisations", "orgs", "companies", "employers",
                      "institutions")  # fmt: skip
ORGANISATIONS_ASKED = tuple(
    f"{which} {kind}"
    for which in ("which", "what")
    for kind in (*ORGANISATION_NOUNS, "libraries", "universities", "museums")
)

# Words of a status question → the states of ``Posting.state`` it asks for.
STATUS_CUES: dict[str, tuple[str, ...]] = {
    "closed": ("closed", "no longer open", "not accepting"),
    # closed, deadline passed or probably filled: whatever is no longer open
    "past": ("expired", "past", "filled", "old", "previous", "earlier", "former", "archived"),
    "open": (
        "open",
        "current",
        "currently",
        "still open",
        "now",
        "accepting applications",
        "taking applications",
    ),
}

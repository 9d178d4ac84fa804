"""Salary statements: the words a posting uses; the amounts, their ISO currency and period."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from bot.content.rules import Rule, Table, lead_words, phrase
from bot.content.text import (
    Scan,
    plain,
    remembered,
    sentence_bounds,
    whole_sentences,
    words_in,
)

# The currencies as written before an amount and after one; _MONEY and _RANGE_END share them.
# The ISO codes of the currencies pages from Latin America, Africa, Asia and the rest of Europe
# name ("COP 6.500.000 per month", "KES 180,000", "INR 35,000"), in capitals as codes are
# written; codes that are also English words ("TRY", "PEN", "MAD") are left out. "PHP" is a
# programming language too, so it is a currency only before a grouped amount ("PHP 45,000",
# not "PHP 8").
_OTHER_CODES = (
    "ARS", "BDT", "BGN", "BRL", "CLP", "CNY", "COP", "CZK", "EGP", "ETB", "GHS", "HKD", "HUF",
    "IDR", "INR", "ISK", "KES", "KRW", "LKR", "MXN", "MYR", "NGN", "NPR", "PKR", "PLN", "RWF",
    "SGD", "THB", "TWD", "TZS", "UGX", "UYU", "VND", "ZAR",
)  # fmt: skip
# The rand's "R" likewise, and not inside a word: "R 420 000 per annum".
_OTHER_BEFORE = "|".join(
    (
        *_OTHER_CODES,
        r"PHP(?=\s?\d{1,3}[ ,.]\d{3})",
        r"R\$",
        r"(?<![\w$])R(?=\s?\d{1,3}[ ,]\d{3}(?!\d))",
        "₹",
        "₱",
        "KSh",
    )
)
_CURRENCY_BEFORE = (
    r"US\s?\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|AU\$|A\$|AUD\s?\$?|NZ\$|NZD\s?\$?"
    rf"|EUR\s?€?|€|£|GBP\s?£?|CHF|SEK|NOK|DKK|¥|JPY|{_OTHER_BEFORE}|\$"
)
_CURRENCY_AFTER = (
    r"€|EUR\b|euros?\b|USD\b|US dollars\b|dollars\b|GBP\b|£|CHF\b|SEK\b|NOK\b|DKK\b"
    rf"|(?:{'|'.join(_OTHER_CODES)})\b"
)
# Thousands grouped by a mark or a space ("420 000", as South Africa and much of Europe
# write them).
_NUMBER = r"\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d{1,2})?"
_MONEY = phrase(
    rf"(?P<cur>{_CURRENCY_BEFORE})\s?(?P<num>{_NUMBER})(?P<k>\s?[kK]\b)?"
    rf"|(?P<num2>\d{{1,3}}(?:[,.' ]\d{{3}})+(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d{{1,2}})?)"
    rf"(?P<k2>\s?[kK]\b)?\s?(?P<cur2>{_CURRENCY_AFTER})",
)
# The second figure of a range: "$55-62,000", "£30k–£35k", "48.000€ – 56.000€", "$20 to $25",
# "minimum €3,546 to maximum €5,538", "€3,400 to a maximum of €4,988", and after "between",
# "USD 85,000 and 95,000".
_RANGE_END = re.compile(
    rf"\s?(?P<sep>-|–|—|to|and)\s?(?:(?:a\s)?max(?:imum)?\.?\s(?:of\s)?)?(?:{_CURRENCY_BEFORE})?\s?"
    rf"(?P<num>{_NUMBER})(?P<k>\s?[kK]\b)?(?:\s?(?:{_CURRENCY_AFTER}))?"
)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
# Both alternatives of _MONEY need a digit; finding one first is far cheaper than trying
# _MONEY's currency alternation at every offset of a clause.
_DIGIT = re.compile(r"\d")
_ISO = {
    "$": "USD", "us$": "USD", "usd": "USD", "usd$": "USD", "dollars": "USD", "us dollars": "USD",
    "ca$": "CAD", "c$": "CAD", "cad": "CAD", "cad$": "CAD",
    "au$": "AUD", "a$": "AUD", "aud": "AUD", "aud$": "AUD",
    "nz$": "NZD", "nzd": "NZD", "nzd$": "NZD",
    "€": "EUR", "eur": "EUR", "eur€": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "gbp£": "GBP",
    "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "¥": "JPY", "jpy": "JPY",
    "php": "PHP", "r$": "BRL", "r": "ZAR", "₹": "INR", "₱": "PHP", "ksh": "KES",
    **{code.lower(): code for code in _OTHER_CODES},
}  # fmt: skip
# Whose dollar a bare "$" is: the currency of the one dollar country a page names ("Halifax,
# Nova Scotia", "plus 17% superannuation"). A page that names none, or several, is read in US
# dollars, as the community's pages mostly are.
DOLLAR = Table(
    "salary_currency",
    (
        Rule(
            "CAD",
            (
                *(
                    rf"{words}\b"
                    for words in (
                        "canada", "canadian", "ontario", "quebec", "québec", "british columbia",
                        "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick",
                        "newfoundland", "prince edward island", "yukon", "nunavut",
                    )
                ),
                # a province's code after a town: "Kamloops, B.C.", "Quebec City, QC" ("300
                # B.C." is a year). Only the codes that are rare inside words: every place a
                # lead is found is looked at, and "on", "nt", "ab" or "pe" are in most words.
                r"(?<=, )b\.c\.(?!\w)",
                r"(?<=, )(?:bc|qc|nb|yt)\b",
            ),
            matches=(
                "Salary: $68,000 a year. The post is in Ottawa, Ontario.",
                "Rate of pay: $28.50/hour, at our Halifax, Nova Scotia branch.",
                "Pay is $22.45 an hour at our branch in Kamloops, B.C.",
                "Pay is $22.45 an hour at our branch in Kamloops, BC.",
            ),
            rejects=(
                "Salary: US$68,000 a year; you may live in Canada.",
                "Salary: $68,000 a year, to curate coins from 300 B.C. to the Tudors.",
            ),
        ),
        Rule(
            "AUD",
            tuple(
                rf"{words}\b"
                for words in (
                    "australia", "australian", "superannuation", "new south wales", "nsw",
                    "queensland", "tasmania", "aedt", "aest",
                )
            ),
            matches=(
                "HEO7: $98,452 a year plus 17% superannuation.",
                "Salary: $41.20 per hour. Applications close 5pm AEST, 3 March.",
            ),
            rejects=("Salary: $98,452 a year; our partners are in Australia and Texas, USA.",),
        ),
        Rule(
            "NZD",
            (r"new zealand\b", r"aotearoa\b"),
            matches=(
                "Salary: $72,000 per annum, in Wellington, New Zealand.",
                "Pay: $31 an hour. Our archive serves Aotearoa's libraries.",
            ),
        ),
        Rule(
            "USD",
            (r"united states\b", r"usa\b", r"u\.s\.a?\b"),
            matches=(
                "Salary: $60,000 a year, remote within the United States or Canada.",
                "Salary: $60,000 a year; candidates in the USA or Australia may apply.",
            ),
            rejects=("Salary: $60,000 a year, in Toronto, Canada.",),
        ),
    ),
)  # fmt: skip


# Each rule's phrasings are whole words, so a page can say one only if it has every word of
# one of them: lookups in the page's set of words, where a search reads the whole page.
_DOLLAR_WORDS = tuple(
    (rule, tuple(words_in(lead) for phrasing in rule.phrasings for lead in lead_words(phrasing)))
    for rule in DOLLAR
)
# What a bare "$" is, asked only when a salary has one (a page's currency is read once).
Dollar = Callable[[], str]


def us_dollar() -> str:
    return "USD"


def dollar_of(scan: Scan) -> str:
    """The ISO code of a bare "$" on a page; see ``DOLLAR``."""
    if "$" not in scan.text:
        return "USD"
    words = scan.words
    named = {
        rule.value
        for rule, leads in _DOLLAR_WORDS
        if any(lead <= words for lead in leads) and rule.said(scan.low)
    }
    return named.pop() if len(named) == 1 else "USD"


_SALARY_WORD = phrase(
    r"\b(?:salary|salaries|compensation|remuneration|pay (?:range|rate|scale|band|grade)"
    r"|wages?|stipend|hourly (?:rate|wage|pay)|starting at|doe|commensurate|negotiable"
    # what a consultant is paid: "for a total fee of up to €12,000" (not "registration fee")
    r"|(?:total|consultancy|consulting|contract) fees?"
    # "£27,500 pro rata": a full-time salary of which a part-time post is paid its share
    r"|pro[- ]rata)\b",
)
# What an amount is paid for. The first rule found in the salary's clause names the period.
PERIOD = Table(
    "salary_period",
    (
        Rule(
            "hour",
            (r"per\s?(?:hour|hr)\b", r"an?\s(?:hour|hr)\b", r"/\s?(?:hour|hr)\b", r"hourly\b"),
            matches=("Pay rate: $9.50/hour.", "$25 per hour.", "Hourly rate up to $25.",
                     "We pay $18 an hour."),
            rejects=("£32,000 per annum, plus one paid hour of training.",),
        ),
        Rule(
            "day",
            (r"per\s?day\b", r"a\sday\b", r"/\s?day\b", r"daily rate\b"),
            matches=("We pay €300 per day.", "Daily rate: £250.", "The fee is £220 per day."),
        ),
        Rule(
            "week",
            (r"per\s?(?:week|wk)\b", r"a\sweek\b", r"/\s?(?:week|wk)\b", r"weekly\b"),
            matches=("The stipend is $600 per week.", "£400 a week."),
            rejects=("The clerk works 12 hours per week for $16 per hour.",),
        ),
        Rule(
            "month",
            (r"per\s?month\b", r"a\smonth\b", r"/\s?(?:month|mo)\b", r"monthly\b",
             # German postings: "EUR 3.200 brutto/Monat", "3.200 € pro Monat", "monatlich"
             r"/\s?monat\b", r"pro\smonat\b", r"monatlich\b"),
            matches=("Salary: 2.000€ per month.", "Salary EUR 3.200,50 gross per month.",
                     "A monthly stipend of $1,500.", "EUR 3.200 brutto/Monat",
                     "3.450 € brutto pro Monat", "3.100 € monatlich"),
            rejects=("Die Stelle ist ab Monat drei besetzt, 3.200 Besucher.",),
        ),
        Rule(
            "year",
            (
                r"per\s?(?:year|yr|annum)\b", r"an?\s(?:year|annum)\b", r"/\s?(?:year|yr)\b",
                r"annual(?:ly)?\b", r"yearly\b", r"p\.\s?a\.(?!\w)",
                # German postings: "EUR 48.000 brutto/Jahr", "pro Jahr"
                r"/\s?jahr\b", r"pro\sjahr\b",
                # "£33,966 - £38,205 pa": right after an amount ("Erie, PA" is a state)
                r"(?<=\d )pa\b",
                # "£34,500 pro rata": a full-time year's salary, of which a part-time post is
                # paid its share (not "3 days a week", said before it)
                r"(?<=\d )pro[- ]rata\b",
                # "a bursary of £21,000 for the year": the sum right before names its year
                r"(?<=\d )for (?:the|a|one|each) year\b",
            ),
            matches=("Salary: $55-62,000 per year.", "£30k–£35k per annum.",
                     "€45,000 a year.", "An annual salary of $48,000.",
                     "Salary: CHF 90,000 p.a. plus benefits.", "$60,000/yr.",
                     "Grade 6, £33,966 - £38,205 pa. Fixed term for 36 months.",
                     "Part-time (3 days a week), £34,500 pro rata.",
                     "EUR 48.000 brutto/Jahr", "52.000 € brutto pro Jahr",
                     "A bursary of £21,000 for the year, working 37 hours a week."),
            rejects=("$16 per hour, for a year at least.", "Pay: $18, in Erie, PA.",
                     "Pay is pro rata to hours worked."),
        ),
    ),
)  # fmt: skip
_TIME_RATES = ("hour", "day")
# Money that is not pay, and mentions of salary that state none (benefits, requirements).
_NOT_PAY = phrase(
    r"\b(?:donations?|budget|grants?|funding|fees?|membership|tuition|awards?|prizes?"
    r"|contributions?|invoice|revenue|raised|relocation)\b",
)
_NOT_SALARY = phrase(
    r"\b(?:401|insurance|retirement|pension|\d+\s?x\s+salary|%\s+of|of (?:annual )?salary"
    r"|requirements?|expectations?|history|undisclosed"
    r"|not (?:disclosed|stated|specified|listed|given|available))\b",
)
_CLAUSES = re.compile(r";\s+|\s+\u2014\s+")
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+and\s+(?=an?\s|the\s|\d)")
_OFFER_LEAD = re.compile(
    r"^((?:we|you) (?:will )?(?:offer|provide|receive|get)s?|the (?:position|role|job) "
    r"(?:offers|comes with)|(?:it|this) (?:offers|comes with)|with|plus|including)?\s*"
    r"(?:an?\s+|the\s+)?",
    re.I,
)
_UPPER_BOUND = re.compile(r"\b(?:up to|maximum(?: of)?|max\.?|not to exceed|under)\s*$")
_SECTION_TITLES = re.compile(
    r"^(?:compensation|salary|salary range|pay|pay range|remuneration|wages?|stipend|rate|"
    r"salary and benefits|compensation and benefits|compensation & benefits)\W*$",
    re.I,
)


@dataclass(frozen=True)
class Pay:
    """The amounts of one salary statement. ``period``: a ``PERIOD`` value ("year", "hour")."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    currency: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class Salary:
    text: str
    minimum: Decimal | None
    currency: str | None
    sentence: str
    pay: Pay = Pay()


is_salary_heading = remembered(lambda title: _SECTION_TITLES.match(title.strip()) is not None)


def _speaks_of_pay(sentence: str) -> bool:
    return bool(_MONEY.search(sentence) or _SALARY_WORD.search(sentence.lower()))


def from_section(text: str, dollar: Dollar = us_dollar) -> Salary | None:
    """The first statement under a "Compensation" heading, whatever it says ("DOE" too); a
    front matter value (``salary: "$45 - $55 per hour"``) is read the same way. ``dollar``:
    what a bare "$" is (asked only when one is found: ``dollar_of``)."""
    for line in text.split("\n\n"):
        words = plain(line)
        if words:
            # "… $68,000, commensurate with experience. Full-time, 12-month appointment.":
            # the sentences that speak of pay
            words = whole_sentences(words, 300, keep=_speaks_of_pay)
            stated = pay(words, dollar=dollar)
            return Salary(words, stated.minimum, stated.currency, words, stated)
    return None


# Where a salary can be said: _salary_in takes a clause only if it names a currency (every
# _MONEY match does) or a salary word (_SALARY_WORD), so the sentences holding either are all
# it needs to read. Both come from the tables above: the currency signs and codes of _ISO.
_SIGNS = tuple(sorted(key for key in _ISO if len(key) == 1 and not key.isalpha()))
# The other codes are found in capitals, in the page's own text: a pattern whose first letters
# are capitals skips the lower-case prose at once, where one over the lower-cased page would
# try most letters (and "r" alone would be a salary's lead).
_IN_CAPITALS = (*_OTHER_CODES, "PHP", "KSh", "R")
_IN_CAPITALS_LOWER = frozenset(code.lower() for code in _IN_CAPITALS)
_CODES = re.compile(
    r"(?:"
    + "|".join(sorted(k for k in _ISO if k.isalpha() and k not in _IN_CAPITALS_LOWER))
    + r")\b"
)
# Neither pattern starts with \b: one that starts with its letters lets the engine skip to
# them, a third faster, and a hit inside a word ("amateur") only marks a sentence for
# _salary_in to read, which finds no amount there.
_CAPITAL_CODES = re.compile("(?:" + "|".join(_IN_CAPITALS) + r")\b")


def find_salary(scan: Scan, dollar: Dollar = us_dollar) -> Salary | None:
    """The first sentence that states a salary, in page order; ``dollar`` as for
    ``from_section``."""
    text = scan.text
    low = scan.low
    hits = [m.start() for m in _SALARY_WORD.finditer(low)]
    hits += [m.start() for m in _CODES.finditer(low)]
    hits += [m.start() for m in _CAPITAL_CODES.finditer(text)]
    for sign in _SIGNS:
        hits += find_all_str(text, sign)
    sentences: dict[int, int] = {}
    for at in sorted(hits):
        if sentences and at < max(sentences.values()):
            continue  # in a sentence already found
        start, end = sentence_bounds(text, at)
        sentences.setdefault(start, end)
    # "Pay Grade: 12" or "based on level 5 of the salary system" names the salary without an
    # amount: a later sentence's amount ("approximately €3,350 per month") says more
    wordy: Salary | None = None
    for start in sorted(sentences):
        found = _salary_in(text[start : sentences[start]], dollar)
        if found is not None and found.pay != Pay():
            return found
        wordy = wordy or found
    return wordy


def find_all_str(text: str, needle: str) -> list[int]:
    found = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _salary_in(sentence_md: str, dollar: Dollar) -> Salary | None:
    """The salary a sentence states, clause by clause. A clause that names the salary without
    an amount is the answer unless a later clause gives the amount ("Salary is commensurate
    with experience; the expected range is $95,000-$110,000")."""
    sentence = plain(sentence_md)
    wordy: Salary | None = None
    for clause in _CLAUSES.split(sentence):
        found = _clause_salary(clause, sentence, dollar, said_salary=wordy is not None)
        if found is None:
            continue
        if wordy is None and found.pay == Pay():
            wordy = found
            continue
        if wordy is not None and found.pay != Pay():
            text = f"{wordy.text}; {found.text}"
            return Salary(text, found.minimum, found.currency, sentence, found.pay)
        return found
    return wordy


def _clause_salary(
    clause: str, sentence: str, dollar: Dollar, *, said_salary: bool
) -> Salary | None:
    """The salary one clause of ``sentence`` states; ``said_salary``: an earlier clause named
    the salary, so an amount here is it."""
    first = _MONEY.search(clause) if _DIGIT.search(clause) is not None else None
    has_money = first is not None
    if not has_money:
        benefit = _benefit_list_salary(clause)
        if benefit is not None:
            return Salary(benefit, None, None, sentence)
    low = clause.lower()
    said = _period(low, first.start()) if first is not None else None
    # "The fee is £220 per day": a freelancer's fee by the day or hour is pay; so is an
    # amount a salary word introduces ("a stipend of $3,000 … for the tenure of the award")
    if (
        _NOT_PAY.search(low)
        and (said is None or said not in _TIME_RATES)
        and (first is None or not _introduced(low, first.start()))
    ):
        return None
    named = said_salary and has_money
    # "The salary range is $95k–$110k, plus health insurance and a 403(b) plan": what is
    # added after "plus" is a benefit beside the salary, not a sign that none is stated
    plus = low.find(" plus ", first.end()) if first is not None else -1
    stated_part = low[:plus] if plus != -1 else low
    if not (said is not None or named) and (
        _SALARY_WORD.search(low) is None or _NOT_SALARY.search(stated_part)
    ):
        return None
    text = clause.strip().rstrip(".")
    if len(text) > 300:
        text = text[:300].rsplit(" ", 1)[0] + "…"
    # the amounts are read from the first one on: _MONEY is tried at every offset before it
    stated = pay(clause, first.start() if first is not None else len(clause), dollar)
    return Salary(text, stated.minimum, stated.currency, sentence, stated)


def _benefit_list_salary(clause: str) -> str | None:
    """ "We offer a competitive salary, 30 days of holiday and a conference budget": without an
    amount, the salary is the list item that names it; the other benefits are not pay, and a
    word such as "budget" in one of them must not hide it."""
    items = _LIST_SEPARATOR.split(clause.strip().rstrip("."))
    if len(items) < 2:
        return None
    lead = _OFFER_LEAD.match(items[0])
    if len(items) < 3 and (lead is None or not lead.group(1)):
        return None
    for item in items:
        low = item.lower()
        if _SALARY_WORD.search(low) and not _NOT_PAY.search(low) and not _NOT_SALARY.search(low):
            text = _OFFER_LEAD.sub("", item.strip(), count=1)
            return text if " " in text else None
    return None


def amount(text: str, start: int = 0) -> tuple[Decimal | None, str | None]:
    """The lowest stated amount (not an "up to" ceiling) and its ISO 4217 code; ``start``: where
    the first amount is, if the caller knows (none before it)."""
    lowest: Decimal | None = None
    currency: str | None = None
    if _DIGIT.search(text, start) is None:
        return lowest, currency
    for match in _MONEY.finditer(text, start):
        raw = match.group("num") or match.group("num2")
        symbol = (match.group("cur") or match.group("cur2") or "").lower().replace(" ", "")
        value = _number(raw)
        if value is None:
            continue
        if match.group("k") or match.group("k2"):
            value *= 1000
        code = _ISO.get(symbol)
        if currency is None:
            currency = code
        if _UPPER_BOUND.search(text[max(0, match.start() - 20) : match.start()].lower()):
            continue
        if lowest is None or value < lowest:
            lowest = value
    return lowest, currency


# A salary that names no period is a year's when it is this large in a currency whose monthly
# pay stays below it ("Salary range $52,000-$58,000", "£27,500 FTE"): what a reader takes.
# Kronor, francs and yen are paid monthly in such figures, so they say nothing.
_YEARLY_AT_LEAST = Decimal(10000)
_YEARLY_CURRENCIES = frozenset(("USD", "GBP", "EUR", "CAD", "AUD", "NZD"))


_FEE_BEFORE = re.compile(r"\bfees?\b(?: of)?(?: up to| about| around)?\s*$")


def _unsaid_period(low: Decimal, currency: str | None) -> str | None:
    return "year" if currency in _YEARLY_CURRENCIES and low >= _YEARLY_AT_LEAST else None


# Words before a lone amount that make it a floor: "minimum USD 100,000", "from £30,000".
_LOWER_BOUND = re.compile(
    r"\b(?:minimum|min\.|at least|starting (?:at|from)|from|no less than|not less than)\b", re.I
)


def pay(text: str, start: int = 0, dollar: Dollar = us_dollar) -> Pay:
    """The first amount or range of a salary statement, with its currency and period:
    "$55-62,000 per year" is 55,000 to 62,000 USD a year; "up to $25" has only a maximum,
    "minimum USD 100,000" only a minimum; any other lone amount is both. ``start``: where the
    first amount is, if the caller knows; ``dollar``: what a bare "$" is."""
    match = _MONEY.search(text, start) if _DIGIT.search(text, start) is not None else None
    if match is None:
        return Pay()
    first = _value(match)
    if first is None:
        return Pay()
    symbol = (match.group("cur") or match.group("cur2") or "").lower().replace(" ", "")
    currency = dollar() if symbol == "$" else _ISO.get(symbol)
    low = text.lower()
    period = _period(low, match.start())
    # a fee is paid for the whole engagement: "a total fee of up to €12,000" is no year's pay
    if (
        period is None
        and _FEE_BEFORE.search(low, max(0, match.start() - 30), match.start()) is None
    ):
        period = _unsaid_period(first, currency)
    lead = text[max(0, match.start() - 60) : match.start()]
    tail = _RANGE_END.match(text, match.end())
    if tail is not None and tail.group("sep") == "and" and _BETWEEN.search(lead) is None:
        tail = None  # "$50,000 and 25 days of leave" is no range
    second = _value(tail) if tail is not None else None
    if second is not None:
        if first < 1000 <= second and first * 1000 <= second:  # "$55-62,000"
            first *= 1000
        if second > first:
            return Pay(first, second, currency, period)
    if _UPPER_BOUND.search(lead[-20:].lower()):
        return Pay(None, first, currency, period)
    if _LOWER_BOUND.search(lead):
        return Pay(first, None, currency, period)
    return Pay(first, first, currency, period)


# How far from its amount a period is read: "minimum €3,546 to maximum €5,538 gross per month"
_PERIOD_REACH = 120


# "a gross annual salary of €32,400, paid in 12 monthly payments": the period the salary's
# own noun phrase names, right before the amount, is the amount's
_NAMED_PERIODS = {"annual": "year", "yearly": "year", "monthly": "month", "hourly": "hour"}
_PERIOD_NAMED = re.compile(
    r"\b(?P<period>annual|yearly|monthly|hourly)(?: gross| net| base| basic| starting)?"
    r" (?:salary|pay|stipend|wage|rate)(?: of| is| will be)?:? (?:approximately |about |up to )?"
    r"(?:[a-z]{3} )?$"
)


@lru_cache(maxsize=256)  # a clause is read for its salary, then for its amounts (``pay``)
def _period(low: str, at: int) -> str | None:
    """The period said nearest after the amount at ``at`` ("£37,338 per annum, pro rata, 22.5
    hours per week" is a year's), else the last said before it ("Hourly rate up to $25")."""
    named = _PERIOD_NAMED.search(low, max(0, at - 40), at)
    if named is not None:
        return _NAMED_PERIODS[named.group("period")]
    after = PERIOD.first_hit(low[at : at + _PERIOD_REACH])
    if after is not None:
        return after.rule.value
    before = PERIOD.hits(low[max(0, at - _PERIOD_REACH) : at])
    return before[-1].rule.value if before else None


def _introduced(low: str, at: int) -> bool:
    """Whether a salary word stands just before the amount at ``at`` ("a stipend of $3,000")."""
    return _SALARY_WORD.search(low, max(0, at - 30), at) is not None


def _value(match: re.Match[str]) -> Decimal | None:
    groups = match.groupdict()
    value = _number(groups.get("num") or groups.get("num2") or "")
    if value is not None and (groups.get("k") or groups.get("k2")):
        value *= 1000
    return value


def _number(raw: str) -> Decimal | None:
    text = raw.replace("'", "").replace(" ", "")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        parts = text.split(",")
        text = (
            text.replace(",", "") if all(len(p) == 3 for p in parts[1:]) else text.replace(",", ".")
        )
    elif "." in text:
        parts = text.split(".")
        if len(parts) > 2 or len(parts[1]) == 3:  # 2.000€ is two thousand euros
            text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None

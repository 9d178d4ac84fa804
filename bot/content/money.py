"""Salary statements: the words a posting uses, and the lowest amount with its ISO currency."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bot.content.text import Scan, cue, led_by, plain, remembered, whole_sentences

# Led by every character a match can start with: re then rejects most offsets of a clause
# after one test instead of trying the twenty currency alternatives at each.
_MONEY = led_by(
    "UCANEGSDJ€£¥$\\d",
    r"(?P<cur>US\s?\$|USD\s?\$?|CA\$|C\$|CAD\s?\$?|AU\$|A\$|AUD\s?\$?|NZ\$|NZD\s?\$?"
    r"|EUR\s?€?|€|£|GBP\s?£?|CHF|SEK|NOK|DKK|¥|JPY|\$)\s?"
    r"(?P<num>\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?P<k>\s?[kK]\b)?"
    r"|(?P<num2>\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?P<k2>\s?[kK]\b)?"
    r"\s?(?P<cur2>€|EUR\b|euros?\b|USD\b|US dollars\b|dollars\b|GBP\b|£|CHF\b|SEK\b|NOK\b|DKK\b)",
)
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
}  # fmt: skip
_SALARY_WORD = led_by(
    "scrpwhdn",
    r"\b(?:salary|salaries|compensation|remuneration|pay (?:range|rate|scale|band|grade)"
    r"|wages?|stipend|hourly (?:rate|wage|pay)|starting at|doe|commensurate|negotiable)\b",
)
_RATE = led_by(
    "pah/",
    r"(?:per|an?|/)\s?(?:hour|hr|year|yr|annum|month|week)\b|\bhourly\b|\bannually\b|\bp\.?a\.?\b",
)
# Money that is not pay, and mentions of salary that state none (benefits, requirements).
_NOT_PAY = led_by(
    "dbgfmtapcir",
    r"\b(?:donations?|budget|grants?|funding|fees?|membership|tuition|awards?|prizes?"
    r"|contributions?|invoice|revenue|raised)\b",
)
_NOT_SALARY = led_by(
    "irpoeh%\\d",
    r"\b(?:401|insurance|retirement|pension|\d+\s?x\s+salary|%\s+of|of (?:annual )?salary"
    r"|requirements?|expectations?|history)\b",
)
_CLAUSES = re.compile(r";\s+|\s+\u2014\s+")
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+and\s+(?=an?\s|the\s|\d)")
_OFFER_LEAD = re.compile(
    r"^((?:we|you) (?:will )?(?:offer|provide|receive|get)s?|the (?:position|role|job) "
    r"(?:offers|comes with)|(?:it|this) (?:offers|comes with)|with|plus|including)?\s*"
    r"(?:an?\s+|the\s+)?",
    re.I,
)
_UPPER_BOUND = re.compile(r"\b(?:up to|maximum|max\.?|not to exceed|under)\s*$")
_CUES = (
    cue("salar", "salary", "salaries"), cue("compensat", "compensation"),
    cue("remunerat", "remuneration"), cue("hour", "hour", "hourly", "hr"), cue("per annum"),
    cue("per year"), cue("a year"), cue("annually"), cue("wage", "wage", "wages"),
    cue("stipend"), cue("commensurate"), cue("doe"), cue("pay ", "pay"),
)  # fmt: skip
_SECTION_TITLES = re.compile(
    r"^(?:compensation|salary|salary range|pay|pay range|remuneration|wages?|stipend|rate|"
    r"salary and benefits|compensation and benefits|compensation & benefits)\W*$",
    re.I,
)


@dataclass(frozen=True)
class Salary:
    text: str
    minimum: Decimal | None
    currency: str | None
    sentence: str


is_salary_heading = remembered(lambda title: _SECTION_TITLES.match(title.strip()) is not None)


def from_section(text: str) -> Salary | None:
    """The first statement under a "Compensation" heading, whatever it says ("DOE" too)."""
    for line in text.split("\n\n"):
        words = plain(line)
        if words:
            words = whole_sentences(words, 300)
            minimum, currency = amount(words)
            return Salary(words, minimum, currency, words)
    return None


def find_salary(scan: Scan) -> Salary | None:
    """The first sentence that states a salary; cue hits are read in page order, so the
    reading stops there."""
    text = scan.text
    for start, end in scan.cue_sentences(_CUES, in_order=True):
        found = _salary_in(text[start:end])
        if found is not None:
            return found
    return None


def _salary_in(sentence_md: str) -> Salary | None:
    sentence = plain(sentence_md)
    for clause in _CLAUSES.split(sentence):
        first = _MONEY.search(clause) if _DIGIT.search(clause) is not None else None
        has_money = first is not None
        if not has_money:
            benefit = _benefit_list_salary(clause)
            if benefit is not None:
                return Salary(benefit, None, None, sentence)
        low = clause.lower()
        if _NOT_PAY.search(low):
            continue
        pay_rate = has_money and _RATE.search(low) is not None
        if not pay_rate and (_SALARY_WORD.search(low) is None or _NOT_SALARY.search(low)):
            continue
        text = clause.strip().rstrip(".")
        if len(text) > 300:
            text = text[:300].rsplit(" ", 1)[0] + "…"
        # the amounts are read from the first one on: _MONEY is tried at every offset before it
        minimum, currency = amount(clause, first.start() if first is not None else len(clause))
        return Salary(text, minimum, currency, sentence)
    return None


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

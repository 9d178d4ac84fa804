"""The posting fields an admin can set, how they are typed in chat, and their validation.

Two ways of typing them: ``field=value`` pairs on one line (``/jobs edit x title="Senior
Developer" remote=yes``; quotes only needed around a value containing ``=``; one field may be
written as people say it, ``deadline 1 March 2027`` or ``deadline: 1 March 2027``) and
``field: value`` lines at the start of a ``/jobs add`` message. Both give raw strings;
:func:`validate` turns them into typed values or messages a person can act on.

Example::

    raw = parse_assignments('title="Data Steward" deadline=2027-03-01')
    values, problems = validate(raw)
    values["deadline"]    # date(2027, 3, 1)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from bot.content.dates import parse_date_words

logger = logging.getLogger(__name__)

ValueKind = Literal["text", "date", "bool", "tristate", "contacts", "url", "body"]
Value = str | date | bool | tuple[str, ...] | None

MAX_TEXT = 300
MAX_BODY = 20_000
_NONE_WORDS = frozenset({"none", "unknown", "-", "—", "n/a", "null", "not stated", "clear"})
_YES = frozenset({"yes", "y", "true", "1", "on"})
_NO = frozenset({"no", "n", "false", "0", "off"})
_EMAIL = re.compile(r"[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}", re.ASCII)
_AMBIGUOUS = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_KEY = r"[A-Za-z_][\w-]*"
_PAIR_START = re.compile(rf"\s*({_KEY})\s*=\s*")
_NEXT_PAIR = re.compile(rf"\s+{_KEY}\s*=")
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»"}
_LINE = re.compile(rf"^\s*({_KEY}(?: [A-Za-z_][\w-]*){{0,3}})\s*:(?!//)\s?(.*)$")
_SAID = re.compile(rf"\s*({_KEY})\s*(?::\s*|\s+(?:to\s+)?)(\S.*)", re.S)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: ValueKind
    help: str
    aliases: tuple[str, ...] = ()
    clearable: bool = True
    editable: bool = True


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", "the job title", ("position", "role", "job_title"), False),
    FieldSpec(
        "organization",
        "text",
        "who hires",
        ("organisation", "org", "institution", "company", "employer"),
    ),
    FieldSpec("location", "text", "where, e.g. Berlin or Remote (Europe)", ("city", "place")),
    FieldSpec("remote", "tristate", "yes, no or unknown"),
    FieldSpec(
        "deadline",
        "date",
        "a date such as 2027-03-01 or 1 March 2027, or none",
        ("closing_date", "closes", "apply_by", "close_date"),
    ),
    FieldSpec("open_until_filled", "bool", "yes or no", ("until_filled", "open_until")),
    FieldSpec("salary", "text", "as the posting states it", ("pay", "compensation")),
    FieldSpec(
        "contacts",
        "contacts",
        "emails or web addresses to apply, comma-separated",
        ("contact", "apply", "email", "apply_url", "how_to_apply"),
    ),
    FieldSpec("url", "url", "the posting's web page", ("link", "web", "website")),
    FieldSpec("posted", "date", "when it was posted", ("date", "published"), False),
    FieldSpec(
        "description",
        "body",
        "the text of the posting (when adding; edit the file to change it later)",
        ("body", "text"),
        editable=False,
    ),
)
BY_NAME: dict[str, FieldSpec] = {}
for _spec in FIELDS:
    for _name in (_spec.name, *_spec.aliases):
        BY_NAME[_name] = _spec


@dataclass(frozen=True)
class FieldProblem:
    """A message about one field (``None``: about the whole posting); Slack modals show it
    under that field's input."""

    field: str | None
    message: str


def known_fields(*, editable_only: bool = False) -> str:
    """ "title, organization, …" for messages listing what can be set."""
    return ", ".join(s.name for s in FIELDS if s.editable or not editable_only)


def canonical(name: str) -> str | None:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    spec = BY_NAME.get(key)
    return spec.name if spec else None


def parse_assignments(text: str) -> list[tuple[str, str]]:
    """``title="Senior Developer" remote=yes`` → [("title", "Senior Developer"), …].

    A value runs to the next ``name=`` (so quotes are optional), or is quoted with straight or
    typographic quotes (Slack and phones turn " into “”). Raises ValueError on stray text.
    """
    pairs: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    said = _SAID.fullmatch(text)
    if said and canonical(said.group(1)) and _PAIR_START.match(text) is None:
        if _NEXT_PAIR.search(text) is None:  # one field, as said: "deadline 1 March 2027"
            return [(said.group(1), _unquoted(said.group(2).strip()))]
    while pos < len(text):
        start = _PAIR_START.match(text, pos)
        if start is None:
            stray = text[pos:].split()[0]
            raise ValueError(f"expected field=value, found “{stray[:40]}”")
        key = start.group(1)
        pos = start.end()
        opener = text[pos : pos + 1]
        if opener in _QUOTES:
            close = text.find(_QUOTES[opener], pos + 1)
            if close == -1:
                raise ValueError(f"the value of {key} has no closing quote")
            value = text[pos + 1 : close]
            pos = close + 1
            if pos < len(text) and not text[pos].isspace():
                raise ValueError(f"put a space after the quoted value of {key}")
        else:
            nxt = _NEXT_PAIR.search(text, pos)
            end = nxt.start() if nxt else len(text)
            value = text[pos:end].strip()
            pos = end
        pairs.append((key, value))
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return pairs


def _unquoted(value: str) -> str:
    if len(value) > 1 and _QUOTES.get(value[0]) == value[-1]:
        return value[1:-1]
    return value


def looks_like_assignments(text: str) -> bool:
    return _PAIR_START.match(text) is not None and "\n" not in text.strip()


def split_field_lines(text: str) -> tuple[list[tuple[str, str]], str]:
    """Leading ``field: value`` lines and the text after them (the description).

    The fields end at the first blank line or the first line that is not ``name: value``.
    """
    lines = text.strip("\n").split("\n")
    pairs: list[tuple[str, str]] = []
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 - index is read after the loop
        match = _LINE.match(line)
        if not line.strip() or match is None:
            break
        pairs.append((match.group(1), match.group(2).strip()))
    else:
        index = len(lines)
    return pairs, "\n".join(lines[index:]).strip("\n")


def starts_with_field_line(text: str) -> bool:
    first = text.strip().split("\n", 1)[0]
    match = _LINE.match(first)
    return match is not None and canonical(match.group(1)) is not None


def normalise_keys(
    pairs: Iterable[tuple[str, str]], *, editing: bool = False
) -> tuple[dict[str, str], list[FieldProblem]]:
    """Raw (name, value) pairs to canonical names; unknown names are problems that list the
    known ones. A field given twice keeps its last value."""
    raw: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for name, value in pairs:
        key = canonical(name)
        if key is None:
            problems.append(
                FieldProblem(
                    None,
                    f"Unknown field “{name[:40]}”. Known fields: "
                    f"{known_fields(editable_only=editing)}."
                    + ("" if editing else " (Leave a blank line before the description.)"),
                )
            )
            continue
        if editing and not BY_NAME[key].editable:
            problems.append(
                FieldProblem(key, f"The {key} cannot be changed from chat; edit the file instead.")
            )
            continue
        raw[key] = value
    return raw, problems


def validate(
    raw: Mapping[str, str], *, require_title: bool = True
) -> tuple[dict[str, Value], list[FieldProblem]]:
    """Typed values for canonical field names, and what is wrong with the others."""
    values: dict[str, Value] = {}
    problems: list[FieldProblem] = []
    for name, text in raw.items():
        spec = BY_NAME[name]
        try:
            values[name] = _typed(spec, text)
        except ValueError as exc:
            problems.append(FieldProblem(name, str(exc)))
    if require_title and not (values.get("title") or "title" in {p.field for p in problems}):
        problems.append(
            FieldProblem("title", 'A posting needs a title, e.g. title="Data Steward".')
        )
    return values, problems


def _typed(spec: FieldSpec, text: str) -> Value:
    value = text.strip()
    if spec.kind == "body":
        if len(value) > MAX_BODY:
            raise ValueError(f"The description is too long (over {MAX_BODY:,} characters).")
        return value
    if value.lower() in _NONE_WORDS or not value:
        if spec.kind == "bool":
            raise ValueError(f"{spec.name} is yes or no, not “{value}”.")
        if not spec.clearable:
            raise ValueError(f"The {spec.name} cannot be empty.")
        return () if spec.kind == "contacts" else None
    if "\n" in value:
        raise ValueError(f"The {spec.name} fits on one line.")
    if len(value) > MAX_TEXT:
        raise ValueError(f"The {spec.name} is too long (over {MAX_TEXT} characters).")
    if spec.kind == "text":
        return value
    if spec.kind == "date":
        return parse_date(value, spec.name)
    if spec.kind in ("bool", "tristate"):
        word = value.lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        choices = "yes or no" if spec.kind == "bool" else "yes, no or unknown"
        raise ValueError(f"{spec.name} is {choices}, not “{value}”.")
    if spec.kind == "url":
        return check_url(value, spec.name)
    return parse_contacts(value)


def parse_date(value: str, name: str = "deadline") -> date:
    """A date typed by a person; refuses what is not one and what could be two."""
    iso = _ISO.match(value)
    if iso is not None:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            raise ValueError(_not_a_date(value, name)) from None
    ambiguous = _AMBIGUOUS.match(value)
    if ambiguous is not None:
        first, second, year = (int(g) for g in ambiguous.groups())
        if first <= 12 and second <= 12 and first != second:
            raise ValueError(
                f"The {name} “{value}” could be {_spelled(year, second, first)} or "
                f"{_spelled(year, first, second)}; write it as YYYY-MM-DD."
            )
    parsed, _ = parse_date_words(value, None)
    if parsed is None:
        raise ValueError(_not_a_date(value, name))
    return parsed


def _spelled(year: int, month: int, day: int) -> str:
    day_date = date(year, month, day)
    return f"{day_date.day} {day_date:%B %Y}"


def _not_a_date(value: str, name: str) -> str:
    return f"The {name} “{value[:40]}” is not a date; write it as 2027-03-01 or 1 March 2027."


def check_url(value: str, name: str = "url") -> str:
    """An absolute http(s) address with a host; anything else is refused with the reason."""
    if any(ch.isspace() for ch in value):
        raise ValueError(f"The {name} “{value[:60]}” contains spaces; is it one address?")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(
            f"The {name} “{value[:60]}” is not a web address; it should start with https://."
        )
    host = parts.hostname or ""
    if "." not in host and host != "localhost":
        raise ValueError(f"The {name} “{value[:60]}” has no valid host name.")
    return value


def check_email(value: str) -> str:
    address = value.removeprefix("mailto:")
    if _EMAIL.fullmatch(address) is None:
        raise ValueError(f"“{value[:60]}” is not an email address (name@example.org).")
    return address


def parse_contacts(value: str) -> tuple[str, ...]:
    """Comma/semicolon/space separated emails and web addresses, each checked."""
    items = [item for item in re.split(r"[,;\s]+", value) if item]
    contacts: list[str] = []
    for item in items:
        if "@" in item and "://" not in item:
            contacts.append(check_email(item))
        elif item.startswith(("http://", "https://")):
            contacts.append(check_url(item, "contact"))
        else:
            raise ValueError(
                f"The contact “{item[:60]}” is neither an email address nor a web address "
                "starting with https://."
            )
    # the loader lists a posting's emails before its links; keep its order so a stored
    # posting reads back exactly as written
    emails = [c for c in contacts if "://" not in c]
    links = [c for c in contacts if "://" in c]
    return tuple(dict.fromkeys(emails + links))

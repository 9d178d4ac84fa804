"""Jekyll front matter: split it off, read it as YAML, and recover what a broken one still says.

python-frontmatter finds the front matter, PyYAML's C safe loader reads it (aliases refused, a
key given twice and an impossible date noted); when it cannot, the lines that still read as
``key: value`` are kept and a warning says why.

Values can be any YAML type (a ``title`` can be a number, a ``date`` a string, a ``location`` a
mapping), so everything here reads them through ``as_text`` / ``as_date`` / ``as_words``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from bot.content.dates import parse_date_words

try:  # libyaml is ten times faster; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

logger = logging.getLogger(__name__)

_HANDLER = YAMLHandler()
_FILE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.*)$")
_SIMPLE_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")  # value rstripped: linear
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]|$)")
_WORD_SEPARATORS = re.compile(r"[,\s]+")
_EXTENSIONS = (".markdown", ".md", ".mdown", ".mkd", ".html", ".htm", ".txt", ".textile")


@dataclass
class FrontMatter:
    meta: dict[str, Any]
    body: str
    warnings: list[str] = field(default_factory=list)


def split(text: str, source: str) -> FrontMatter:
    """Front matter and body; a broken front matter yields what it can and a warning."""
    stripped = text.lstrip("\ufeff \t\n")
    if not _HANDLER.detect(stripped):
        return FrontMatter({}, text)
    try:
        raw, body = _HANDLER.split(stripped)
    except ValueError:
        return _unclosed(stripped)
    body = body.lstrip("\n")
    try:
        loaded, problems = read_yaml(raw)
    except AliasRefused as exc:
        logger.warning("%s: front matter refused: %s", source, exc)
        return _recovered(raw, body, f"front matter refused: {exc}")
    except yaml.MarkedYAMLError as exc:
        where = f"line {exc.problem_mark.line + 1}: " if exc.problem_mark is not None else ""
        return _recovered(raw, body, _invalid(f"{where}{exc.problem or exc.context}"))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # libyaml's constructors raise ValueError for dates such as 2019-13-45
        return _recovered(raw, body, _invalid(str(exc).splitlines()[0] if str(exc) else repr(exc)))
    if loaded is None:
        return FrontMatter({}, body)
    if not isinstance(loaded, dict):
        return FrontMatter(
            {},
            body,
            [f"front matter is a YAML {type(loaded).__name__}, not key: value pairs; ignored"],
        )
    return FrontMatter({str(key): value for key, value in loaded.items()}, body, problems)


class _Loader(_BaseLoader):
    """PyYAML's safe loader, noting what it would otherwise lose in silence: a key given twice
    (the last value wins, as before) and a date that does not exist (2023-02-30, kept as its
    text so the key's reader can say it is not a date, instead of failing the whole front
    matter)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[str] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    self.problems.append(
                        f"the key {key.value} is given twice; the last value is used"
                    )
                seen.add(key.value)
        return super().construct_mapping(node, deep)

    def construct_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_timestamp)


class AliasRefused(yaml.YAMLError):
    """The YAML uses an alias (``*name``), which Herald does not read."""


def load_yaml(text: str) -> Any:
    """YAML as PyYAML's C safe loader reads it, with aliases refused (AliasRefused).

    An alias makes one value stand for another: nine short lines of aliases nested nine deep
    describe 387 million values, which anything that walks the value (the text of a location,
    a tag list, a chat reply) would build, for minutes and gigabytes. Front matter has no need
    of them. Every YAML that Herald reads from content or from chat comes through here.
    """
    return read_yaml(text)[0]


def read_yaml(text: str) -> tuple[Any, list[str]]:
    """``load_yaml``, and the problems the loader noted (a key given twice)."""
    if "*" in text:  # no alias without one: the common case pays one scan
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                raise AliasRefused(
                    f"it uses the YAML alias *{event.anchor}, which Herald refuses "
                    "(nested aliases can expand into millions of values); write the value out"
                )
    loader = _Loader(text)
    try:
        # a mapping's keys are checked each time it is constructed: one warning each
        return loader.get_single_data(), list(dict.fromkeys(loader.problems))
    finally:
        loader.dispose()


# Keys only a front matter has: the block after an opening '---' is one when it names one.
_FRONT_MATTER_KEYS = frozenset(("title", "date", "layout", "permalink"))


def _unclosed(text: str) -> FrontMatter:
    """A front matter whose closing '---' is missing: its ``key: value`` lines run from the
    opening '---' to the first blank line, when each line of that block is one (or a list
    item or an indented line under one) and a key is a front matter's own (``title``,
    ``date``…); the rest is the body. Otherwise the whole file is body."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if i and not line.strip()), len(lines))
    block = lines[1:end]
    keys = [m.group(1) for m in map(_SIMPLE_LINE.match, block) if m is not None]
    nested = all(
        _SIMPLE_LINE.match(line) is not None or line[:1] in (" ", "\t", "-") for line in block
    )
    if block and nested and _FRONT_MATTER_KEYS.intersection(keys) and end < len(lines):
        body = "\n".join(lines[end + 1 :])
        meta = _recovered("\n".join(block), body, "").meta
        return FrontMatter(
            meta,
            body,
            [
                "the front matter never ends (no closing '---'); its lines up to the first "
                "blank line were read as front matter"
            ],
        )
    return FrontMatter(
        {},
        text,
        ["the file starts with '---' but the front matter never ends; read it all as body"],
    )


def _invalid(problem: str) -> str:
    return f"front matter is not valid YAML ({problem})"


def _recovered(raw: str, body: str, reason: str) -> FrontMatter:
    """What the lines of a front matter PyYAML refused still say, one ``key: value`` each."""
    meta: dict[str, Any] = {}
    for line in raw.splitlines():
        match = _SIMPLE_LINE.match(line)
        if match is None or match.group(1) in meta:
            continue
        value = match.group(2).rstrip(" \t")
        try:
            parsed = load_yaml(value) if value else None
        except AliasRefused:
            continue
        except Exception:
            parsed = value.strip("\"'")
        if parsed is None or isinstance(parsed, str | int | float | date):
            meta[match.group(1)] = parsed
        else:  # "title: Job: Archivist" reads as a mapping; the line meant text
            meta[match.group(1)] = value.strip("\"'")
    kept = sorted(k for k in ("title", "date") if meta.get(k) not in (None, ""))
    if kept:
        how = f"{' and '.join(kept)} read line by line"
        missing = [k for k in ("title", "date") if k not in kept]
        if missing:
            how += f", {' and '.join(missing)} taken from the file name"
    else:
        how = "title and date taken from the file name"
    return FrontMatter(meta, body, [f"{reason}; {how}"])


def file_name_parts(source: str) -> tuple[date | None, str]:
    """The Jekyll date prefix and the readable rest of a file name."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    lowered = name.lower()
    for ext in _EXTENSIONS:
        if lowered.endswith(ext):
            name = name[: -len(ext)]
            break
    posted: date | None = None
    match = _FILE_DATE.match(name) if name[:4].isdecimal() else None
    if match is not None:
        try:
            posted = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            name = match.group(4)
        except ValueError:
            posted = None
    return posted, name


def title_from_file_name(stem: str) -> str:
    """``RESEARCH--INNOVATION-SPECIALIST`` -> ``Research & Innovation Specialist``."""
    words = stem.replace("--", " & ").replace("-", " ").replace("_", " ").split()
    if not words:
        return ""
    shout = all(w.isupper() or not w.isalpha() for w in words)
    if shout or all(w.islower() or not w.isalpha() for w in words):
        words = [w if w == "&" else w.capitalize() for w in words]
    return " ".join(words)


_PLACE_PARTS = ("address", "city", "town", "locality", "region", "state", "province", "country")


def as_text(value: Any) -> str | None:
    """A readable string for any front matter value, or None when it says nothing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        for key in ("name", "title", "text", "value"):
            if key in value:
                return as_text(value[key])
        # a place given by its parts: "location: {city: Utrecht, country: Netherlands}"
        parts = [t for t in (as_text(value.get(key)) for key in _PLACE_PARTS) if t]
        return ", ".join(parts) or None
    if isinstance(value, list | tuple):
        parts = [t for t in (as_text(v) for v in value) if t]
        return ", ".join(parts) or None
    return None


def first_text(meta: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of ``keys`` that holds readable text, as (key, text)."""
    for key in keys:
        if key in meta:
            text = as_text(meta[key])
            if text:
                return key, text
    return None


def as_words(value: Any) -> list[str]:
    """Tags and categories: a list, a comma/space separated string or nothing."""
    if value is None:
        return []
    if isinstance(value, str):
        return [w.lower() for w in _WORD_SEPARATORS.split(value) if w]
    if isinstance(value, list | tuple):
        words: list[str] = []
        for item in value:
            text = as_text(item)
            if text:
                words.append(text.lower())
        return words
    text = as_text(value)
    return [text.lower()] if text else []


def date_problems(meta: Mapping[str, Any], keys: tuple[str, ...], posted: date | None) -> list[str]:
    """``deadline: "yesterday" is not a date`` for each of ``keys`` whose value reads as no
    date (as a deadline reads it: a year may be inferred from the posting date)."""
    problems = []
    for key in keys:
        value = meta.get(key)
        if value is None or value == "" or as_date(value) is not None:
            continue
        if isinstance(value, str) and parse_date_words(value, posted)[0] is not None:
            continue
        shown = value if isinstance(value, str) else as_text(value) or type(value).__name__
        problems.append(f'{key}: "{shown[:60]}" is not a date; write it as 2027-03-01')
    return problems


def as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match is not None:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
        return parse_date_words(value.strip(), None)[0] if value.strip() else None
    return None

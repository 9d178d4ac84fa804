"""Chat changes as Markdown: the text of a posting file after an add, an edit, a close.

The file stays the source of truth: the store holds what the loader reads from it. So every
change is written where the loader looks for it:

- **front matter** for title (``position``), organization, location, deadline, posted date
  and url, under the key the loader reads first (an existing ``institution:`` is updated
  rather than shadowed; ``permalink:`` is never overwritten). ruamel.yaml edits it in place,
  so comments, key order and quoting of everything else survive and a git diff shows only
  the change;
- a **Herald block** at the end of the body for what the loader reads from prose: remote,
  open until filled, closed, how to apply, salary. The block is fenced by HTML comments
  (the loader drops comments, Jekyll hides them), holds plain sentences the loader
  understands, and is rewritten as a whole; lines someone adds inside it by hand are kept.

Pure text in, text out: no files, no store. Callers parse the result with the loader and
compare it with what was asked (``bot.admin.preview``), so a change the text contradicts is
caught before anything is written.

Example::

    text = write_posting(None, {"title": "Data Steward", "remote": True})   # a new file
    text = write_posting(text, {"deadline": date(2027, 3, 1)})              # an edit
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.admin.fields import Value
from bot.admin.records import Refused
from bot.content import document, extract
from bot.content.front_matter import AliasRefused, load_yaml

logger = logging.getLogger(__name__)

# The keys the loader reads for each field, in the order it tries them: the loader's own
# tables, so that write-back never sets a key the loader would not read first
FRONT_KEYS: dict[str, tuple[str, ...]] = {
    "title": extract.ROLE_KEYS,
    "organization": extract.ORG_KEYS,
    "location": extract.LOCATION_KEYS,
    "deadline": extract.DEADLINE_KEYS,
    "posted": document.DATE_KEYS,
    "url": document.URL_KEYS,
}
CANONICAL_KEY = {
    "title": "position",
    "organization": "organization",
    "location": "location",
    "deadline": "deadline",
    "posted": "date",
    "url": "url",
}
NEW_FILE_ORDER = ("title", "organization", "location", "deadline", "posted", "url")
BLOCK_FIELDS = frozenset({"remote", "open_until_filled", "closed", "contacts", "salary"})

BEGIN = "<!-- herald: facts set in chat; edit them here or with /jobs edit -->"
END = "<!-- /herald -->"
REMOTE_YES = "This is a remote position."
REMOTE_NO = "This position is on-site only."
UNTIL_FILLED = "Applications are open until the position is filled."
CLOSED = "Applications are closed."
APPLY = "How to apply: "
SALARY_HEADING = "## Salary"

_FRONT = re.compile(r"\A(\ufeff?---[ \t]*\n)(.*?)(^(?:---|\.\.\.)[ \t]*(?:\n|\Z))", re.S | re.M)
_BLOCK = re.compile(r"<!--\s*herald:.*?-->[ \t]*\n(.*?)<!--\s*/herald\s*-->[ \t]*\n?", re.S)
_SALARY = re.compile(r"^#{1,6}[ \t]*salary[ \t#]*$", re.I)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class BlockFacts:
    """What the Herald block states; ``other`` keeps paragraphs written into it by hand."""

    remote: bool | None = None
    open_until_filled: bool = False
    closed: bool = False
    contacts: tuple[str, ...] = ()
    salary: str | None = None
    other: tuple[str, ...] = field(default_factory=tuple)


def _yaml() -> YAML:
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never fold a long title over two lines
    return rt


def split_front(text: str) -> tuple[str | None, str, str]:
    """(front matter YAML or None, the text before the body, the body)."""
    match = _FRONT.match(text)
    if match is None:
        return None, "", text
    return match.group(2), match.group(1), text[match.end() :]


def read_block(body: str) -> BlockFacts:
    match = _BLOCK.search(body)
    return _parse_block(match.group(1)) if match else BlockFacts()


def _parse_block(inner: str) -> BlockFacts:
    facts = BlockFacts()
    other: list[str] = []
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(inner) if p.strip()]
    index = 0
    while index < len(paragraphs):
        text = paragraphs[index]
        first, _, rest = text.partition("\n")
        if text == REMOTE_YES:
            facts = replace(facts, remote=True)
        elif text == REMOTE_NO:
            facts = replace(facts, remote=False)
        elif text == UNTIL_FILLED:
            facts = replace(facts, open_until_filled=True)
        elif text == CLOSED:
            facts = replace(facts, closed=True)
        elif text.startswith(APPLY) and "\n" not in text:
            items = tuple(c.strip() for c in text[len(APPLY) :].split(",") if c.strip())
            facts = replace(facts, contacts=items)
        elif _SALARY.match(first):
            if rest.strip():
                facts = replace(facts, salary=" ".join(rest.split()))
            elif index + 1 < len(paragraphs):
                index += 1
                facts = replace(facts, salary=" ".join(paragraphs[index].split()))
        else:
            other.append(text)
        index += 1
    return replace(facts, other=tuple(other))


def render_block(facts: BlockFacts) -> str:
    """The block's text, or "" when it states nothing (then the block is left out)."""
    paragraphs: list[str] = []
    if facts.remote is True:
        paragraphs.append(REMOTE_YES)
    elif facts.remote is False:
        paragraphs.append(REMOTE_NO)
    if facts.open_until_filled:
        paragraphs.append(UNTIL_FILLED)
    if facts.closed:
        paragraphs.append(CLOSED)
    if facts.contacts:
        paragraphs.append(APPLY + ", ".join(facts.contacts))
    paragraphs.extend(facts.other)
    if facts.salary:
        paragraphs.append(f"{SALARY_HEADING}\n\n{facts.salary}")
    if not paragraphs:
        return ""
    return f"{BEGIN}\n" + "\n\n".join(paragraphs) + f"\n{END}\n"


def _with_block(body: str, block: str) -> str:
    match = _BLOCK.search(body)
    if match is not None:
        before, after = body[: match.start()], body[match.end() :]
        if before.strip():
            before = before.rstrip("\n") + ("\n\n" if block else "\n")
        after = "\n" + after.lstrip("\n") if after.strip() else ""
        return before + block + after
    if not block:
        return body
    if not body.strip():
        return block
    return body.rstrip("\n") + "\n\n" + block


def _block_update(facts: BlockFacts, values: Mapping[str, Value]) -> BlockFacts:
    for name in BLOCK_FIELDS & values.keys():
        value = values[name]
        if name == "remote":
            facts = replace(facts, remote=value if isinstance(value, bool) else None)
        elif name == "open_until_filled":
            facts = replace(facts, open_until_filled=bool(value))
        elif name == "closed":
            facts = replace(facts, closed=bool(value))
        elif name == "contacts":
            items = value if isinstance(value, tuple) else ()
            # emails first, as the loader reads them (it scans emails before links)
            ordered = [c for c in items if "://" not in c] + [c for c in items if "://" in c]
            facts = replace(facts, contacts=tuple(ordered))
        elif name == "salary":
            facts = replace(facts, salary=value if isinstance(value, str) and value else None)
    return facts


def _scalar(value: Value) -> Any:
    """Strings PyYAML (the loader, YAML 1.1) would misread plain are double-quoted."""
    if not isinstance(value, str):
        return value
    try:
        plain_ok = load_yaml(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else DoubleQuotedScalarString(value)


def _set_front(meta: CommentedMap, name: str, value: Value) -> None:
    keys = FRONT_KEYS[name]
    canonical = CANONICAL_KEY[name]
    if value is None:
        for key in keys:  # every key the loader would fall back to
            meta.pop(key, None)
        return
    candidates = keys[: keys.index(canonical) + 1]
    key = next((k for k in candidates if k in meta), canonical)
    if key in meta:
        meta[key] = _scalar(value)
    else:  # beside its neighbours, so a new key reads naturally in the file and the diff
        meta.insert(_position_for(meta, name), key, _scalar(value))


def _position_for(meta: CommentedMap, name: str) -> int:
    order = ("title", *NEW_FILE_ORDER)
    keys = list(meta.keys())
    for earlier in reversed(order[: order.index(name)]):
        names = ("title",) if earlier == "title" else FRONT_KEYS[earlier]
        found = [keys.index(k) for k in names if k in meta]
        if found:
            return max(found) + 1
    return len(keys)


def _load_meta(raw: str, source: str) -> CommentedMap:
    try:
        load_yaml(raw)  # ruamel would keep the aliases the loader refuses
    except AliasRefused as exc:
        raise Refused(f"The front matter of {source} is refused: {exc}.") from exc
    except Exception:  # ruamel says what is wrong, below
        pass
    try:
        loaded = _yaml().load(raw) if raw.strip() else CommentedMap()
    except RuamelError as exc:
        raise Refused(
            f"The front matter of {source} is not valid YAML ({exc.__class__.__name__}); "
            "fix the file first, then `/herald reload`."
        ) from exc
    if loaded is None:
        return CommentedMap()
    if not isinstance(loaded, CommentedMap):
        raise Refused(f"The front matter of {source} is not a list of `key: value` lines.")
    return loaded


def _dump(meta: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(meta, stream)
    return stream.getvalue()


def write_posting(
    text: str | None,
    values: Mapping[str, Value],
    *,
    source: str = "the file",
    old_title: str | None = None,
) -> str:
    """The file text after setting ``values`` (canonical field names, plus ``closed``).

    ``text`` None starts a new file (``kind: job``, ``title`` and ``position`` both set). A
    page ``title:`` equal to ``old_title`` follows a title change, so a Herald-written file
    does not keep its old heading.
    """
    if text is None:
        return _new_file(values)
    raw, opening, body = split_front(text)
    front_changes = {k: v for k, v in values.items() if k in FRONT_KEYS}
    if front_changes:
        meta = _load_meta(raw or "", source)
        for name, value in front_changes.items():
            _set_front(meta, name, value)
        title = values.get("title")
        if isinstance(title, str) and old_title is not None and _same(meta.get("title"), old_title):
            meta["title"] = _scalar(title)
        dumped = _dump(meta)
        if raw is None:
            head = f"---\n{dumped}---\n\n"
        else:
            closing = _FRONT.match(text)
            assert closing is not None  # split_front found it
            head = f"{opening}{dumped}{closing.group(3)}"
    else:
        head = text[: len(text) - len(body)]
    if BLOCK_FIELDS & values.keys():
        facts = _block_update(read_block(body), values)
        body = _with_block(body, render_block(facts))
    result = head + body
    return result if result.endswith("\n") else result + "\n"


def _same(value: Any, title: str) -> bool:
    return isinstance(value, str) and " ".join(value.split()) == " ".join(title.split())


def _new_file(values: Mapping[str, Value]) -> str:
    meta = CommentedMap()
    meta["kind"] = "job"
    title = values.get("title")
    if isinstance(title, str):
        meta["title"] = _scalar(title)
    for name in NEW_FILE_ORDER:
        value = values.get(name)
        if value is not None:
            meta[CANONICAL_KEY[name]] = _scalar(value)
    description = values.get("description")
    body = description.strip() + "\n" if isinstance(description, str) and description else ""
    block = render_block(_block_update(BlockFacts(), values))
    body = _with_block(body, block)
    return f"---\n{_dump(meta)}---\n\n{body}".rstrip("\n") + "\n"


def front_matter_problem(text: str) -> str | None:
    """Why the loader (PyYAML) cannot read this text's front matter, or None."""
    raw, _, _ = split_front(text)
    if raw is None:
        return None
    try:
        loaded = load_yaml(raw)
    except AliasRefused as exc:
        return f"its front matter is refused: {exc}"
    except yaml.YAMLError as exc:
        return f"its front matter is not valid YAML: {str(exc).splitlines()[0]}"
    if loaded is not None and not isinstance(loaded, dict):
        return "its front matter is not a list of `key: value` lines"
    return None


def front_matter(text: str) -> dict[str, Any]:
    """The front matter as the loader reads it (PyYAML); {} when absent or unreadable."""
    raw, _, _ = split_front(text)
    if raw is None:
        return {}
    try:
        loaded = load_yaml(raw)
    except yaml.YAMLError:  # AliasRefused too
        return {}
    return loaded if isinstance(loaded, dict) else {}


def posted_default(values: Mapping[str, Value], today: date) -> dict[str, Value]:
    """New files carry their posting date, so the id and the digest do not guess it."""
    if values.get("posted") is None:
        return {**values, "posted": today}
    return dict(values)

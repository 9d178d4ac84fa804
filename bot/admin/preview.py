"""What Herald would store: a new posting's file text run through the loader, checked.

Pure (no store, no files, no clock): a Slack modal submission can call
:func:`preview_fields` to show errors under the fields, chat commands call it through
``bot.admin.service``. The document in a preview is exactly what the loader makes of the
file that confirming writes, so the admin sees what Herald understood, not what was typed.

Example::

    preview = preview_fields({"title": "Data Steward", "deadline": "2027-03-01"},
                             today=date(2026, 11, 23))
    preview.ok, preview.postings[0].deadline, [w.message for w in preview.warnings]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.admin.fields import (
    FieldProblem,
    Value,
    check_url,
    normalise_keys,
    split_field_lines,
    validate,
)
from bot.admin.writeback import (
    FRONT_KEYS,
    front_matter,
    front_matter_problem,
    posted_default,
    split_front,
    write_posting,
)
from bot.content.dates import parse_date_words
from bot.content.front_matter import as_date, as_text
from bot.content.text import plain
from bot.domain import ContentError, ParsedDocument, Posting, PostingDraft

logger = logging.getLogger(__name__)

DEFAULT_SOURCE = "postings/new-posting.md"
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_TITLE_KEYS = ("title", *FRONT_KEYS["title"])
_APPLY_KEYS = ("apply", "apply_url", "application_url", "applylink", "apply_link")


@dataclass(frozen=True)
class Preview:
    """A posting file as Herald would write and read it.

    ``errors`` block confirming; ``warnings`` are shown and may be confirmed anyway (a past
    deadline, a likely duplicate, a value the text contradicts).
    """

    text: str
    document: ParsedDocument | None
    errors: tuple[FieldProblem, ...] = ()
    warnings: tuple[FieldProblem, ...] = ()
    past_deadline: bool = False
    duplicates: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and self.document is not None

    @property
    def postings(self) -> tuple[PostingDraft, ...]:
        return self.document.postings if self.document else ()


def preview_fields(
    fields: Mapping[str, str],
    *,
    today: date,
    existing: Sequence[Posting] = (),
    source: str = DEFAULT_SOURCE,
) -> Preview:
    """A new posting from field values as typed (``{"title": "…", "remote": "yes"}``)."""
    raw, problems = normalise_keys(fields.items())
    values, invalid = validate(raw)
    problems.extend(invalid)
    if problems:
        return Preview(text="", document=None, errors=tuple(problems))
    values = posted_default(values, today)
    text = write_posting(None, values)
    return _checked(text, source, today, existing, values)


def preview_field_lines(
    message: str, *, today: date, existing: Sequence[Posting] = (), source: str = DEFAULT_SOURCE
) -> Preview:
    """``title: …`` lines, then the description after them."""
    pairs, description = split_field_lines(message)
    fields = dict(pairs)
    if description:
        fields["description"] = description
    return preview_fields(fields, today=today, existing=existing, source=source)


def preview_markdown(
    text: str, *, today: date, existing: Sequence[Posting] = (), source: str = DEFAULT_SOURCE
) -> Preview:
    """A whole Markdown posting as published (front matter optional), written as pasted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n") + "\n"
    errors: list[FieldProblem] = []
    problem = front_matter_problem(text)
    if problem is not None:
        errors.append(FieldProblem(None, f"Herald cannot read this posting: {problem}."))
        return Preview(text=text, document=None, errors=tuple(errors))
    meta = front_matter(text)
    _, _, body = split_front(text)
    if not any(as_text(meta.get(k)) for k in _TITLE_KEYS) and not _HEADING.search(body):
        errors.append(
            FieldProblem("title", "The posting has no title: add `title:` to its front matter.")
        )
    for key in FRONT_KEYS["deadline"]:
        raw = meta.get(key)
        if raw is not None and as_date(raw) is None and _date_words(raw) is None:
            errors.append(
                FieldProblem(
                    "deadline",
                    f"The {key} “{str(raw)[:40]}” is not a date; write it as 2027-03-01.",
                )
            )
    for key in (*FRONT_KEYS["url"][:1], *_APPLY_KEYS):
        raw = meta.get(key)
        if raw is not None:
            try:
                check_url(str(raw), key)
            except ValueError as exc:
                errors.append(FieldProblem("url" if key == "url" else "contacts", str(exc)))
    if errors:
        return Preview(text=text, document=None, errors=tuple(errors))
    return _checked(text, source, today, existing, {})


def _date_words(raw: object) -> date | None:
    return parse_date_words(str(raw), None)[0] if isinstance(raw, str) else None


def _checked(
    text: str,
    source: str,
    today: date,
    existing: Sequence[Posting],
    asked: Mapping[str, Value],
) -> Preview:
    try:
        from bot.content import parse_bytes  # the loader, imported when a preview is made

        document = parse_bytes(source, text.encode("utf-8"))
    except ContentError as exc:
        return Preview(text=text, document=None, errors=(FieldProblem(None, exc.reason),))
    if document.kind != "job" or not document.postings:
        what = {"faq": "an FAQ page", "news": "a news item", "other": "something else"}
        return Preview(
            text=text,
            document=document,
            errors=(
                FieldProblem(
                    None,
                    f"Herald reads this as {what.get(document.kind, 'something else')}, not "
                    "a job posting; add `kind: job` to its front matter.",
                ),
            ),
        )
    warnings = [FieldProblem(None, w) for w in document.warnings]
    if len(document.postings) == 1:
        warnings.extend(disagreements(asked, document.postings[0], document.url))
    past = [p.deadline for p in document.postings if p.deadline is not None and p.deadline < today]
    for deadline in past:
        warnings.append(
            FieldProblem(
                "deadline",
                f"The deadline {deadline.isoformat()} has already passed: the posting would be "
                "stored but not listed. Confirm only if that is what you want.",
            )
        )
    preview = Preview(
        text=text, document=document, warnings=tuple(warnings), past_deadline=bool(past)
    )
    return with_duplicates(preview, existing)


def with_duplicates(preview: Preview, existing: Iterable[Posting]) -> Preview:
    """The preview with stored postings of the same title and organisation flagged."""
    known = list(existing)
    duplicates = tuple(
        dict.fromkeys(p.id for draft in preview.postings for p in duplicates_of(draft, known))
    )
    if not duplicates:
        return preview
    ids = ", ".join(f"`{d}`" for d in duplicates)
    warning = FieldProblem(
        None,
        f"Possible duplicate: {ids} has the same title and organisation. "
        "Cancel and edit that one instead, unless this is a second opening.",
    )
    return replace(preview, warnings=(*preview.warnings, warning), duplicates=duplicates)


def _norm(text: str | None) -> str:
    return " ".join(plain(text or "").split()).casefold()


def duplicates_of(draft: PostingDraft, existing: Iterable[Posting]) -> list[Posting]:
    """Stored postings (not withdrawn) with the same title and organisation."""
    title, org = _norm(draft.title), _norm(draft.organization)
    return [
        p
        for p in existing
        if p.status != "withdrawn" and _norm(p.title) == title and _norm(p.organization) == org
    ]


def _evidence(draft: PostingDraft, name: str) -> str | None:
    for fact in draft.evidence:
        if fact.field == name:
            return fact.sentence
    return None


def _shown(value: object) -> str:
    if value is None or value == ():
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return f"“{value}”"


def disagreements(
    asked: Mapping[str, Value], draft: PostingDraft, url: str | None = None
) -> list[FieldProblem]:
    """Fields whose value Herald would read differently from what was asked, with the
    sentence that says otherwise: the text wins, so the admin must change the text."""
    problems: list[FieldProblem] = []
    for name, wanted in asked.items():
        if name == "description":
            continue
        got: object = url if name == "url" else getattr(draft, name, None)
        if _agrees(name, wanted, got):
            continue
        evidence_name = "contact" if name == "contacts" else name
        sentence = _evidence(draft, evidence_name)
        where = f" from “{sentence.strip()[:160]}”" if sentence else ""
        problems.append(
            FieldProblem(
                name,
                f"You set {name} to {_shown(wanted)}, but Herald reads {_shown(got)}{where}. "
                "Change that text in the file.",
            )
        )
    return problems


def _agrees(name: str, wanted: Value, got: object) -> bool:
    if name == "contacts":
        asked = {_contact(c) for c in wanted} if isinstance(wanted, tuple) else set()
        found = {_contact(c) for c in got} if isinstance(got, tuple) else set()
        return asked <= found and (bool(asked) or not found)
    if name in ("title", "organization", "location", "salary"):
        a = _norm(wanted) if isinstance(wanted, str) else ""
        b = _norm(got) if isinstance(got, str) else ""
        if name == "organization" and a and b:
            return a in b or b in a  # the loader spells known organisations its own way
        return a == b
    return wanted == got


def _contact(value: str) -> str:
    return value.casefold().removeprefix("mailto:").rstrip("/")

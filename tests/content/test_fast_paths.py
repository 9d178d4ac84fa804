"""The loader's fast paths give what the plain forms they replaced give, kept here as references.

Each reference is the code as it was before it was rewritten for speed; random texts made of
the fragments the fast path treats specially (line starts, separators, aliases) compare them.
"""

from __future__ import annotations

import codecs
import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import decoding, front_matter, orgs
from bot.content import text as text_module
from bot.domain import ContentError

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
MANY = settings(
    max_examples=max(EXAMPLES, 200), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _texts(fragments: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments), max_size=max_size).map("".join)


# ---------------------------------------------------------------- known organisations

_PLAIN_ALIASES = tuple(
    (name, tuple((a, re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w]|-C\b)")) for a in aliases))
    for name, aliases in orgs.KNOWN
)


def _most_named_alias_by_alias(text: str) -> str | None:
    """orgs.most_named before aliases were looked for from the word starts of one pass."""
    best: tuple[int, str] | None = None
    for name, patterns in _PLAIN_ALIASES:
        count = sum(len(p.findall(text)) for alias, p in patterns if alias in text)
        if name == "IIIF" and best is not None and best[1] == "IIIF Consortium":
            continue
        if count and (best is None or count > best[0]):
            best = (count, name)
    return best[1] if best else None


_ALIAS_TEXT = _texts(
    [alias for _, aliases in orgs.KNOWN for alias in aliases]
    + [" ", "-", "(", ")", "_", "x", "é", "Dig", "-C", "-Co", "\n", "III", "Data"]
)


@MANY
@given(_ALIAS_TEXT)
def test_most_named_as_counted_alias_by_alias(text: str) -> None:
    assert orgs.most_named(text) == _most_named_alias_by_alias(text)
    for alias_text in (text[:40], text[-40:]):
        expected = next(
            (
                n
                for n, ps in _PLAIN_ALIASES
                for a, p in ps
                if a in alias_text and p.search(alias_text)
            ),
            None,
        )
        assert orgs.known_in(alias_text) == expected


# ---------------------------------------------------------------- sentences


def _old_breaks_before(text: str, i: int, lo: int) -> tuple[int, int]:
    width = 256
    while True:
        start = max(lo, i - width)
        nl = text.rfind("\n", start, i)
        cut = max(
            text.rfind(". ", start, i), text.rfind("! ", start, i), text.rfind("? ", start, i)
        )
        if nl != -1 or cut != -1 or start == lo:
            return nl, cut
        width *= 4


def _old_breaks_after(text: str, i: int, hi: int) -> tuple[int, int]:
    width = 256
    while True:
        end = min(hi, i + width)
        nl = text.find("\n", i, end)
        stop = -1
        for mark in (". ", "! ", "? "):
            j = text.find(mark, i, end)
            if j != -1 and (stop == -1 or j < stop):
                stop = j
        if nl != -1 or stop != -1 or end == hi:
            return nl, stop
        width *= 4


def _old_sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """text.sentence_bounds when marks were searched as two-character strings in windows."""
    i = pos
    while True:
        nl, cut = _old_breaks_before(text, i, lo)
        if nl >= cut:
            if nl == -1:
                start = lo
            elif nl <= lo or text_module._line_break_ends(text, nl):
                start = nl + 1
            else:
                i = nl
                continue
        elif text_module._is_abbreviation(text, cut):
            i = cut
            continue
        else:
            start = cut + 2
        break
    i = pos
    while True:
        nl, stop = _old_breaks_after(text, i, hi)
        if nl != -1 and (stop == -1 or nl < stop):
            if nl + 1 >= hi or text_module._line_break_ends(text, nl):
                return start, nl
            i = nl + 1
            continue
        if stop == -1:
            return start, hi
        if text_module._is_abbreviation(text, stop):
            i = stop + 1
            continue
        return start, stop + 1


_PROSE = _texts(
    [". ", "! ", "? ", ".", "!", "?", " ", "\n", "\n\n", "e.g. ", "Dr. ", "word", "x" * 300,
     "- ", "# ", "Label: ", "a.b", "1. ", "?!", ".\n"],
    max_size=40,
)  # fmt: skip


@MANY
@given(_PROSE, st.data())
def test_sentence_bounds_as_found_with_two_character_marks(text: str, data: st.DataObject) -> None:
    if not text:
        return
    lo = data.draw(st.integers(0, len(text) - 1))
    hi = data.draw(st.integers(lo + 1, len(text)))
    pos = data.draw(st.integers(lo, hi - 1))
    expected = _old_sentence_bounds(text, pos, lo, hi)
    assert text_module.sentence_bounds(text, pos, lo, hi) == expected
    assert text_module.whole_sentences(text, 80) == _old_whole_sentences(text, 80)


def _old_whole_sentences(text: str, limit: int) -> str:
    end = _old_sentence_bounds(text, 0, 0, len(text))[1]
    while end < len(text):
        following = _old_sentence_bounds(text, end + 1, 0, len(text))[1]
        if following > limit:
            break
        end = following
    return text[:end].strip()


# ---------------------------------------------------------------- decoding


def _old_decode(source: str, data: bytes) -> tuple[str, list[str]]:
    """decoding.decode as it was: emptiness by strip(), UTF-8 read by the "utf-8-sig" codec."""
    warnings: list[str] = []
    if not data.strip():
        raise ContentError(source, "the file is empty; write a title and a body, or delete it")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decoding.decode(source, data)  # unchanged
    if b"\x00" in data:
        return decoding.decode(source, data)  # unchanged
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        warnings.append(
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); it was read as Windows-1252, please save it as UTF-8"
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if (warnings or data.translate(None, decoding._ALLOWED_BYTES)) and decoding._CONTROL.search(
        text
    ):
        bad = len(decoding._CONTROL.findall(text))
        if bad > decoding._MAX_CONTROL_SHARE * len(text):
            raise ContentError(source, "not a text file")
        text = decoding._CONTROL.sub("", text)
        warnings.append(f"removed {bad} control or undecodable characters")
    if not text.strip():
        raise ContentError(source, "the file holds only whitespace; write a title and a body")
    return text, warnings


@MANY
@given(
    _texts(["\ufeff", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\u3000", "a", "é"]).map(
        lambda t: t.encode("utf-8")
    )
    | _texts(["\xef\xbb\xbf", " ", "\n", "\xff", "a", "\xc3"]).map(lambda t: t.encode("latin-1"))
)
def test_decode_reads_as_with_utf_8_sig(data: bytes) -> None:
    try:
        expected: tuple[str, list[str]] | str = _old_decode("x", data)
    except ContentError as exc:
        expected = exc.message if hasattr(exc, "message") else str(exc)
    try:
        got: tuple[str, list[str]] | str = decoding.decode("x", data)
    except ContentError as exc:
        got = exc.message if hasattr(exc, "message") else str(exc)
    if isinstance(expected, str) and "not a text file" in expected:
        assert isinstance(got, str) and "does not look like a text file" in got
    else:
        assert got == expected


# ---------------------------------------------------------------- front matter boundaries


def _old_file_name_parts(source: str) -> tuple[date | None, str]:
    """front_matter.file_name_parts when each extension was tried with endswith."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    lowered = name.lower()
    for ext in front_matter._EXTENSIONS:
        if lowered.endswith(ext):
            name = name[: -len(ext)]
            break
    posted: date | None = None
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.*)$", name) if name[:4].isdigit() else None
    if match is not None:
        try:
            posted = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            name = match.group(4)
        except ValueError:
            posted = None
    return posted, name


_EXTENSION_LIKE = st.sampled_from(
    [*front_matter._EXTENSIONS, ".MD", ".Markdown", ".HTM", ".m\u212ad", ".mdx", ".", "", ".md.x"]
)


@MANY
@given(
    st.tuples(
        _texts(["2019-01-02-", "a", ".", "md", "İ", "/", "\\", "-", "\u212a"], max_size=6),
        _EXTENSION_LIKE,
    ).map("".join)
)
def test_file_name_parts_as_with_endswith(name: str) -> None:
    assert front_matter.file_name_parts(name) == _old_file_name_parts(name)

"""Bytes to text: what a file's bytes are read as, and what the reader is told about it."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.decoding import decode
from bot.domain import ContentError
from bot.text import BIDI_CONTROLS

EXAMPLES = int(os.environ.get("HERALD_HYPOTHESIS_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as people write it: no control or bidirectional characters (removed, with a warning).
_WRITTEN = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff\ufffd" + BIDI_CONTROLS
    )
    | st.sampled_from("\n\t"),
    min_size=1,
).filter(lambda t: t.strip())


@FAST
@given(_WRITTEN, st.booleans(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_utf_8_is_read_as_written_with_or_without_a_bom(text: str, bom: bool, newline: str) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.replace("\n", newline).encode("utf-8")
    assert decode("x.md", data) == (text, [])


@FAST
@given(_WRITTEN)
def test_utf_16_with_a_bom_is_read_with_a_warning(text: str) -> None:
    got, warnings = decode("x.md", text.encode("utf-16"))
    assert got == text
    assert warnings == ["the file is UTF-16; it was read, but please save it as UTF-8"]


@pytest.mark.parametrize(
    ("data", "byte", "offset", "text"),
    [
        (b"Caf\xe9 au lait", "0xe9", 3, "Café au lait"),
        (b"\xef\xbb\xbfCaf\xe9", "0xe9", 6, "Café"),  # the offset in the file, BOM counted
        (b"ok\n\x93quoted\x94", "0x93", 3, "ok\n\u201cquoted\u201d"),
    ],
)
def test_other_bytes_are_read_as_windows_1252_naming_the_first_bad_byte(
    data: bytes, byte: str, offset: int, text: str
) -> None:
    got, warnings = decode("x.md", data)
    assert got == text
    assert warnings == [
        f"the file is not valid UTF-8 (byte {byte} at offset {offset}); it was read as "
        "Windows-1252, please save it as UTF-8"
    ]


@pytest.mark.parametrize("data", [b"", b" ", b"\n\r\n\t \x0b\x0c"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(ContentError, match="the file is empty"):
        decode("x.md", data)


@pytest.mark.parametrize("text", [" \n", "\u3000\u2003\n", "\u00a0 \u2028"])
def test_a_file_of_unicode_whitespace_is_refused(text: str) -> None:
    with pytest.raises(ContentError, match="holds only whitespace"):
        decode("x.md", (codecs.BOM_UTF8 + text.encode("utf-8")))


def test_a_few_control_characters_are_removed_with_a_count() -> None:
    text, warnings = decode("x.md", b"Title\x07 and body\x00"[:-1] + b" text" * 20)
    assert text == "Title and body" + " text" * 20
    assert warnings == ["removed 1 control or undecodable characters"]


def test_binary_is_refused() -> None:
    with pytest.raises(ContentError, match="NUL bytes"):
        decode("x.md", b"PK\x03\x04\x00\x00")
    with pytest.raises(ContentError, match="does not look like a text file"):
        decode("x.md", bytes(range(1, 9)) * 10)


@FAST
@given(_WRITTEN, st.lists(st.tuples(st.integers(0), st.sampled_from(BIDI_CONTROLS)), min_size=1))
def test_bidirectional_controls_are_removed_and_counted(
    text: str, inserted: list[tuple[int, str]]
) -> None:
    # "Trojan Source": a title or an address displayed in another order than it is stored.
    disguised = text
    for at, control in inserted:
        disguised = (
            disguised[: at % (len(disguised) + 1)]
            + control
            + disguised[at % (len(disguised) + 1) :]
        )
    decoded, warnings = decode("x.md", disguised.encode("utf-8"))
    assert decoded == text
    assert warnings == [
        f"removed {len(inserted)} bidirectional control characters: they can make a title or an "
        "address display in another order than it is written"
    ]


def test_right_to_left_text_is_kept() -> None:
    text = "title: وظيفة أمين مكتبة\nמשרה בספרייה\n"
    assert decode("x.md", text.encode("utf-8")) == (text, [])

"""Bytes to text: UTF-8 first, the encodings real Jekyll sites leak second, binary refused."""

from __future__ import annotations

import codecs
import re

from bot.domain import ContentError
from bot.text import without_bidi_controls

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
# Every byte but the control characters: deleting them leaves only what is suspicious.
_ALLOWED_BYTES = bytes(b for b in range(256) if b not in (*range(9), 11, *range(14, 32), 127))
# More than this share of control or undecodable characters means it is not a text file.
_MAX_CONTROL_SHARE = 0.02


def decode(source: str, data: bytes) -> tuple[str, list[str]]:
    """Return the text with ``\\n`` newlines and the warnings about how it was read."""
    warnings: list[str] = []
    if not data.strip():
        raise ContentError(source, "the file is empty; write a title and a body, or delete it")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ContentError(
                source,
                f"the file starts like UTF-16 but byte {exc.start} is broken; save it as UTF-8",
            ) from exc
        warnings.append("the file is UTF-16; it was read, but please save it as UTF-8")
    elif b"\x00" in data:
        raise ContentError(
            source,
            "the file contains NUL bytes, so it is binary, not Markdown; "
            "save it as UTF-8 text or remove it from the content folder",
        )
    else:
        # The BOM is taken off here rather than by the "utf-8-sig" codec, so that the fallback
        # does not read it as "ï»¿" and the warning names the broken byte's offset in the file.
        body = data.removeprefix(codecs.BOM_UTF8)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = body.decode("cp1252", errors="replace")
            warnings.append(
                f"the file is not valid UTF-8 (byte 0x{body[exc.start]:02x} at offset "
                f"{len(data) - len(body) + exc.start}); it was read as Windows-1252, please save "
                "it as UTF-8"
            )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Scanning the bytes is cheaper; only a fallback decoding can add U+FFFD.
    if (warnings or data.translate(None, _ALLOWED_BYTES)) and _CONTROL.search(text):
        bad = len(_CONTROL.findall(text))
        if bad > _MAX_CONTROL_SHARE * len(text):
            raise ContentError(
                source,
                f"{bad} of {len(text)} characters are control or undecodable characters, so "
                "this does not look like a text file; save it as UTF-8 Markdown",
            )
        text = _CONTROL.sub("", text)
        warnings.append(f"removed {bad} control or undecodable characters")
    text, count = without_bidi_controls(text)
    if count:
        warnings.append(
            f"removed {count} bidirectional control characters: they can make a title or an "
            "address display in another order than it is written"
        )
    if not text.strip():
        raise ContentError(source, "the file holds only whitespace; write a title and a body")
    return text, warnings

"""Characters that may not pass from a page or a message into a reply.

Control characters can clear, recolour or retitle a terminal. The bidirectional embeddings,
overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a line display in another order
than it is stored ("Trojan Source"): a posting's title or address, or a question quoted back,
could show as something it is not. Right-to-left text needs none of them, only its letters.
Herald drops them where text enters — pages when they are decoded (``bot.content.decoding``),
messages when they are dispatched (``bot.commands``) — and the console shows any it is handed
as "�".

Also here, for the same reason of being needed on both sides of the store: ``ascii_folded``,
the one way a posting's id is spelt in ASCII, whether the loader proposes it or the store
makes it unique; and ``without_mentions``, read by questions and by commands alike.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Line breaks and tabs stay: a posting pasted after "/jobs add" keeps its lines.
UNPRINTABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def without_bidi_controls(text: str) -> tuple[str, int]:
    """``text`` without bidirectional controls, and how many there were. Nine substring tests
    rather than one character class: a page of 100 KB is scanned in 20 µs instead of 800."""
    if not any(char in text for char in BIDI_CONTROLS):
        return text, 0
    kept = text.translate(dict.fromkeys(map(ord, BIDI_CONTROLS)))
    return kept, len(text) - len(kept)


# Characters that show as nothing and cut a word in two ("re\u200bmote" was two words that
# found nothing): dropped from messages, where no one typed them on purpose. The zero-width
# (non-)joiners stay: Persian words and emoji sequences need them.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
# Lone surrogates are bytes that were not UTF-8: binary piped into the console arrives so
# (stdin decodes with "surrogateescape"), and JSON may spell one ("\ud800" escaped). No one
# typed them, and neither the store nor a UTF-8 stream can take them.
SURROGATES = "\ud800-\udfff"
_NOT_TYPED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}{INVISIBLE}{SURROGATES}]")


def printable(text: str) -> str:
    """``text`` without the characters that could disguise it or drive a terminal, nor the
    invisible ones that split its words, nor bytes that were not text."""
    return _NOT_TYPED.sub("", text)


def ascii_folded(text: str) -> str:
    """``text`` in lower-case ASCII: accents dropped ("Zürich" → "zurich"), other letters
    that have no ASCII form dropped too."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


# A mention addresses people and asks nothing: Slack's "<@U123>", "<!channel>", "<#C1>" as
# they arrive, and the broadcasts as people type them ("@channel", "@room")
_MENTION = re.compile(r"<[@!#][^<>\s]{0,80}>|(?<!\w)@(?:room|channel|here|everyone)\b", re.I)


def without_mentions(text: str) -> str:
    """``text`` with its mentions blanked: "@channel archivist" searches "archivist", and
    "/jobs subscribe <!channel>" subscribes to everything, not to the word "channel"."""
    return _MENTION.sub(" ", text)

"""A message that starts with Herald's name is addressed to it: the rule every adapter uses.

People write to a bot as to a person: "Herald: remote jobs", "herald, any jobs?", and,
where the client offers a pill they did not pick, the name typed with an at sign
("@Herald remote jobs"). What follows the name is what they ask; the name itself is no
command ("@herald" read as one was "Unknown command /@herald"). A colon or a comma after the
name makes the address explicit; the name alone before the words is a weaker sign (a
Matrix room then answers only a known command).

Example::

    addressed("@Herald: remote jobs", ["herald"])  # Addressed("remote jobs", explicit=True)
    addressed("heraldry is fun", ["herald"])  # None
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple


class Addressed(NamedTuple):
    """The words after Herald's name, and whether a colon or comma followed the name."""

    rest: str
    explicit: bool


def addressed(text: str, names: Sequence[str]) -> Addressed | None:
    """What ``text`` asks after one of ``names`` (longest first, any case, with or without
    an ``@``); None when it does not start with one, or says nothing after it."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        found = re.match(
            rf"@?{re.escape(name.removeprefix('@'))}(?P<sep>\s*[:,])?\s+(?P<rest>\S.*)",
            text,
            re.I | re.S,
        )
        if found:
            return Addressed(found["rest"].strip(), bool(found["sep"]))
    return None


def without_name(text: str, names: Sequence[str]) -> str:
    """``text`` without Herald's name typed before it where a person wrote it as an address
    ("@herald remote jobs", "Herald: jobs"); "" for the name alone with an at sign (help).
    The bare name stays where Herald has a command of that name: "herald status" is
    ``/herald status`` typed without its slash."""
    if text.lower() in {f"@{n.removeprefix('@')}".lower() for n in names}:
        return ""
    named = addressed(text, names)
    if named is not None and (named.explicit or text.startswith("@")):
        return named.rest
    return text

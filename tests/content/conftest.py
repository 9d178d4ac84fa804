"""Where the shared real-world material lives, and how tests that need it skip without it."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

_FLOW_LIST = re.compile(r"^(\s*[\w-]+:\s*)\[([^\]\n]*)\]", re.M)
_PLAIN_WITH_COLON = re.compile(
    r"^(\s*[\w-]+:[ \t]+)(?![\[{\"'>|])(.*?: .*?)([ \t]+#[ \t].*)?$", re.M
)
_LIQUID = re.compile(r"\{[{%]|[}%]\}")
_MOJIBAKE = ("â€", "Ã©", "Ã¨", "Ã¶", "Ã¼", "Ã¤", "Â ", "â„¢")


def _material(name: str) -> Path:
    folder = (SHARED / name).resolve()
    if not (folder / "expected.yaml").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{folder} is missing and CI is set: the shared test material is required")
        pytest.skip(f"{folder} is absent (shared real-world material not checked out)")
    return folder


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _material("seeds")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _material("corpus")


@pytest.fixture(scope="session")
def seeds_expected(seeds_dir: Path) -> dict[str, Any]:
    return load_expected(seeds_dir / "expected.yaml")


@pytest.fixture(scope="session")
def corpus_expected(corpus_dir: Path) -> dict[str, Any]:
    return load_expected(corpus_dir / "expected.yaml")


@pytest.fixture(scope="session")
def leftovers() -> Callable[[str], str | None]:
    """``leftovers(text)``: what Liquid or mojibake left in stored text, None when clean."""
    return _leftovers


def load_expected(path: Path) -> dict[str, Any]:
    """The expected.yaml files, read although PyYAML rejects two habits of their authors.

    ``contact: [https://…/1236692?gh_src=…]`` (a bare '?' in a flow list) and
    ``notes: uses "tag: job"; …`` (': ' inside a plain value) are rewritten as quoted strings
    before loading; nothing else changes.
    """
    text = path.read_text(encoding="utf-8")
    try:
        loaded: dict[str, Any] = yaml.safe_load(text)
    except yaml.YAMLError:
        text = _FLOW_LIST.sub(_quoted_list, text)
        text = _PLAIN_WITH_COLON.sub(_quoted_value, text)
        loaded = yaml.safe_load(text)
    return loaded


def _quoted_value(match: re.Match[str]) -> str:
    return f"{match.group(1)}{json.dumps(match.group(2))}{match.group(3) or ''}"


def _quoted_list(match: re.Match[str]) -> str:
    items = [item.strip() for item in match.group(2).split(",") if item.strip()]
    return match.group(1) + "[" + ", ".join(json.dumps(item) for item in items) + "]"


def _leftovers(text: str) -> str | None:
    """What Liquid or mojibake left in stored text, or None when it is clean."""
    liquid = _LIQUID.search(text)
    if liquid is not None:
        return text[max(0, liquid.start() - 30) : liquid.end() + 30]
    for marker in _MOJIBAKE:
        at = text.find(marker)
        if at != -1:
            return text[max(0, at - 30) : at + 30]
    return None

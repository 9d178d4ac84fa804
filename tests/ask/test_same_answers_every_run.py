"""The same question gets the same reply in every run of Herald.

Python orders the words of a set differently in each process (``PYTHONHASHSEED``); a rule that
took the first of a set's words answered "who do I ask about the wren grants?" in some runs and
not in others. Each run here is a process of its own, with its own seed, loading the real
pages of ``../shared`` and pages of our own, and asking the real questions and ours.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

RUN = """
import json, sys
from datetime import date
from pathlib import Path
from bot.app import build
from bot.clock import fixed_clock
from bot.config import Settings
content, database, questions = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
app = build(Settings(database_url=f"sqlite:///{database}", content_dir=Path(content)))
app.prepare()
replies = []
for question, today in questions:
    app.clock = fixed_clock(date.fromisoformat(today))
    replies.append(app.ask(question).text)
print(json.dumps(replies))
"""

OWN_PAGES = {
    "faq/lark.md": """---
title: Lark Network Frequently Asked Questions
kind: faq
---
## Where can I get help?

Post on the community forum; someone answers within a day.
""",
    "grants/wren.md": """---
title: Wren Trust Small Grants 2027
date: 2026-11-02
---
The Wren Trust invites applications for its 2027 Small Grants, which help village archives
put their parish registers online.

## How to apply

Applications are due by March 3, 2027. Questions can be sent to grants@wren.example.org.
""",
    "events/fair.md": """---
title: Lark Spring Fair 2027
date: 2026-11-05
---
Tickets cost €15, or €8 for students. Stalls are free for member archives.
""",
}
OWN_QUESTIONS = [
    # "wren" names one page, "fair" another: which was read first decided the reply
    "is the wren fair free?",
    "who do i ask about wren grants?",
    "where can i get help with lark?",
    "when are wren grant applications due",
]
SEEDS = ("1", "6", "2")  # 6 answered the wren fair question unlike 1 before the fix


def _replies(
    content: Path, database: Path, questions: list[tuple[str, str]], seed: str
) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(content), str(database), json.dumps(questions)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=300,
    )
    replies: list[str] = json.loads(done.stdout)
    return replies


def _same_in_every_run(
    tmp_path: Path, content: Path, questions: list[tuple[str, str]]
) -> list[str]:
    runs = [
        _replies(content, tmp_path / f"{content.name}{seed}.db", questions, seed) for seed in SEEDS
    ]
    for seed, replies in zip(SEEDS[1:], runs[1:], strict=True):
        changed = [q for (q, _), a, b in zip(questions, runs[0], replies, strict=True) if a != b]
        assert not changed, f"PYTHONHASHSEED={seed} answered otherwise: {changed}"
    return runs[0]


def test_the_real_questions_get_the_same_replies(tmp_path: Path, shared_dir: Path) -> None:
    content = tmp_path / "shared"
    for name in ("seeds", "corpus"):
        (content / name).mkdir(parents=True)
        for page in (shared_dir / name).glob("*.md"):
            (content / name / page.name).write_bytes(page.read_bytes())
    asked = yaml.safe_load((shared_dir / "questions.yaml").read_text(encoding="utf-8"))
    questions = [
        (q["question"], str(q.get("reference_date") or "2026-12-01")) for q in asked["questions"]
    ]
    _same_in_every_run(tmp_path, content, questions)


def test_words_naming_two_pages_get_the_same_reply(tmp_path: Path) -> None:
    content = tmp_path / "own"
    for name, text in OWN_PAGES.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    replies = _same_in_every_run(tmp_path, content, [(q, "2026-12-01") for q in OWN_QUESTIONS])
    assert (
        "grants@wren.example.org" in replies[OWN_QUESTIONS.index("who do i ask about wren grants?")]
    )

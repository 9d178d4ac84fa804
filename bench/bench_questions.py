"""Plain questions over the real pages in ``../shared``, scored the way the question set says.

Loads ``../shared/seeds`` and ``../shared/corpus`` into a fresh SQLite store (each under its
folder name, so a posting's source reads ``corpus/…md`` as in the question set), then asks every
question of ``../shared/questions.yaml`` as plain text through ``App.ask`` — the path of
``herald ask --json`` — with the clock at the question's ``reference_date`` (or the real date
when it has none), following "More" pages. Scoring, as the file's description has it:

- an answer question passes when the first 60 normalised characters of one span appear in the
  reply;
- a list question passes when every expected file is listed and no ``must_not_include`` file is
  (an empty expected list: nothing listed, and the reply says so);
- a question with neither spans nor files passes when Herald says it does not know.

    python bench/bench_questions.py            # one line per question, then the score
    python bench/bench_questions.py -v         # also the replies of failed questions
    python bench/bench_questions.py --only V8  # one question, with its reply
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import App, build  # noqa: E402
from bot.clock import fixed_clock  # noqa: E402
from bot.commands import Reply  # noqa: E402
from bot.config import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDERS = ("seeds", "corpus")
SPAN_CHARS = 60
MAX_PAGES = 10
# What an honest "I don't know" says; scored on the reply's own words.
NO_ANSWER = re.compile(
    r"\b(?:i (?:do not|don't) know|(?:does|do) not (?:say|state|give|mention)|"
    r"no (?:postings?|jobs?|openings?) (?:match|found|in)|i found no|not stated|nothing (?:in|on))",
    re.I,
)


def normalise(text: str) -> str:
    """Lowercase words and figures only: Markdown, HTML and punctuation spacing dropped."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"[*_`>#\[\]()]", " ", text)
    return " ".join(text.lower().split())


@dataclass
class Outcome:
    qid: str
    passed: bool
    why: str
    listed: list[str]
    text: str
    seconds: float


def load_store(workdir: Path) -> App:
    content = workdir / "content"
    for name in FOLDERS:
        shutil.copytree(SHARED / name, content / name, ignore=shutil.ignore_patterns("*.yaml"))
    settings = Settings(database_url=f"sqlite:///{workdir / 'herald.db'}", content_dir=content)
    app = build(settings)
    report = app.prepare()
    if report.failed:
        print("failed to load:", [(f.path, f.reason) for f in report.failed], file=sys.stderr)
    return app


def ask_all_pages(app: App, question: str) -> tuple[list[Reply], float]:
    """The reply and every "More" page after it (a person would click through them)."""
    started = time.perf_counter()
    replies = [app.ask(question)]
    for _ in range(MAX_PAGES):
        more = next((a for a in replies[-1].actions if a.label == "More"), None)
        if more is None:
            break
        replies.append(app.ask(f"/{more.value}"))
    return replies, time.perf_counter() - started


def score(item: dict[str, Any], replies: list[Reply]) -> tuple[bool, str, list[str]]:
    listed: list[str] = []
    for reply in replies:
        listed.extend(p.source for p in reply.postings if p.source not in listed)
    text = "\n".join(r.text for r in replies)
    said = normalise(text)
    spans = item.get("answer_spans") or []
    expected = item.get("expected_job_files")
    banned = set(item.get("must_not_include") or [])
    if expected is not None:
        missing = sorted(set(expected) - set(listed))
        wrong = sorted(banned & set(listed))
        if expected == [] and listed:
            return False, f"listed {listed} where nothing matches", listed
        if missing or wrong:
            return False, f"missing {missing}; wrongly listed {wrong}", listed
        if expected == [] and not NO_ANSWER.search(text):
            return False, "listed nothing but did not say so", listed
        return True, "", listed
    if not spans:
        if NO_ANSWER.search(text):
            return True, "", listed
        return False, "answered where the pages say nothing", listed
    for span in spans:
        if normalise(span["span"])[:SPAN_CHARS] in said:
            return True, "", listed
    return False, "no span in the reply", listed


def run(only: str | None, verbose: bool) -> list[Outcome]:
    data = yaml.safe_load((SHARED / "questions.yaml").read_text(encoding="utf-8"))
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = load_store(Path(tmp))
        try:
            for item in data["questions"]:
                if only and item["id"] != only:
                    continue
                ref = item.get("reference_date")
                when = date.fromisoformat(ref) if ref else datetime.now(UTC).date()
                app.clock = fixed_clock(when)
                replies, seconds = ask_all_pages(app, item["question"])
                passed, why, listed = score(item, replies)
                text = "\n---\n".join(r.text for r in replies)
                outcomes.append(Outcome(item["id"], passed, why, listed, text, seconds))
                mark = "pass" if passed else "FAIL"
                print(f"{item['id']:>4} {mark} {seconds * 1000:6.0f} ms  {item['question']}")
                if (not passed and verbose) or only:
                    print(f"       {why}")
                    print("       " + text.replace("\n", "\n       ")[:3000])
        finally:
            app.close()
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one question id, e.g. V8")
    parser.add_argument("-v", "--verbose", action="store_true", help="print failed replies")
    args = parser.parse_args()
    outcomes = run(args.only, args.verbose)
    passed = sum(o.passed for o in outcomes)
    failed = ", ".join(o.qid for o in outcomes if not o.passed) or "none"
    print(f"{passed}/{len(outcomes)} questions answered right (failed: {failed})")


if __name__ == "__main__":
    main()

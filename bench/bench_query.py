"""Query latency on SQLite and PostgreSQL: /jobs, /faq and plain questions over N generated
documents, each beside two floors measured in the same run, and a relevance check.

Every query goes the real way, ``App.handle(Request)`` → Router → handler → store. Beside it,
interleaved in the same run, two floors on the same database:

- **index**: the bare index lookup for the same words (20 keys from the full-text index, no
  ranking, no rows; a deadline range for a list without words): what any answer costs at least;
- **by hand**: one hand-written SQL doing the same work as Herald (the capped counts, then the
  page: the window of open matches by posted date, scored as ``bot.store.ranking.RANKING``
  says, the page's full rows), written directly for the dialect; for ``/faq`` and plain
  questions the passage ranking over the newest 500 matches of the passages' index.

The relevance check pages through ``/jobs <word>`` for a few words: every open posting whose
title holds the word and that was posted in the last 30 days must come before any posting
that has the word only in its body.

The SQLite store is built once per (N, seed) from ``bench/generate.py`` — parsed on every core,
saved with the store's own ``save_documents`` — and cached under ``bench/out/`` (gitignored);
a cached file is upgraded to the current migrations before it is used. PostgreSQL is a
throw-away server started from the Debian binaries as the tests start it (tests/conftest.py),
filled by copying the SQLite store's rows (its generated text vectors are computed as they
arrive), then analysed.

    python bench/bench_query.py -n 10000                       # both stores
    python bench/bench_query.py -n 100000 --reps 100 --backend postgres
    python bench/bench_query.py -n 10000 --db /tmp/x.db --reps 500 --today 2021-02-10

The clock is fixed (``--today``, default in the middle of the generated years) so that
"open", "closed" and "closing this month" select a realistic share of the postings. Each
line gives wall-clock percentiles and the ratio of Herald's p50 to each floor's p50.
"""

# The floors are SQL assembled from this file's own constants; every value is bound.
# ruff: noqa: S608

from __future__ import annotations

import argparse
import itertools
import os
import platform
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from generate import generate  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bot.app import App  # noqa: E402
from bot.clock import fixed_clock  # noqa: E402
from bot.commands import Request  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.content import parse_bytes  # noqa: E402
from bot.domain import ContentError, ParsedDocument, PostingQuery  # noqa: E402
from bot.runtime import settle  # noqa: E402
from bot.search import faq_terms, parse_jobs_query  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.fulltext import clean_terms, fts5_fields_query, fts5_query  # noqa: E402
from bot.store.passages import RANK_WINDOW  # noqa: E402
from bot.store.ranking import FIELD_WEIGHTS, POSTING_WINDOW  # noqa: E402

OUT = ROOT / "bench" / "out"
BATCH = 500
QUERIES = (
    "/jobs developer",  # a common word: in 90% of generated postings
    "/jobs librarian",  # mid-frequency: about 20%
    "/jobs archivist",  # rare: about 5%
    "/jobs remote",
    "/jobs datacite remote",
    "/jobs closing this month",
    "/jobs zebrafish",  # nothing matches: the "try without…" suggestions path
    "/faq membership fee",
    "/iiif membership fee",  # an organisation's shortcut: its FAQ first
    "/jobs show no-such-posting",  # a mistyped id: the closest ids, by the id's words
)
# Plain questions, the way people ask (bot.ask): every one goes through the whole pipeline.
QUESTIONS = (
    "is datacite hiring?",
    "remote jobs",
    "any jobs in california?",
    "which jobs pay over $90k?",
    "anything closing this month?",
    "how much is the membership fee?",
    "who do i email about the digital archivist job?",
    "what is the iiif consortium?",  # one organisation's pages
    "when is the iiif conference in 2030?",  # no page says: "I don't know" and the nearest
    "who do i email about the conference job?",  # no title has the words, many bodies do
    "remote jobs in europe",  # where a remote job may be done from: the stored regions
)
RELEVANCE_WORDS = ("developer", "librarian", "archivist", "metadata")
GOAL_P99_MS = 15.0  # issue 20: every command and a plain question, both stores, at 100k
COPIED = ("documents", "postings", "faq_passages")


# ----------------------------------------------------------------- building the store


def _parse(item: tuple[str, bytes]) -> ParsedDocument | None:
    name, data = item
    try:
        return parse_bytes(name, data)
    except ContentError:
        return None


def _chunked(items: Iterable[tuple[str, bytes]], size: int) -> Iterator[list[tuple[str, bytes]]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def build(db: Path, n: int, seed: int, now: datetime) -> None:
    """Parse ``n`` generated documents on every core and save them in batches of 500."""
    partial = db.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{partial}")
    store.upgrade()
    started = time.perf_counter()
    saved = 0
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for chunk in _chunked(generate(n, seed), 4 * BATCH):
            docs = [d for d in pool.map(_parse, chunk, chunksize=50) if d is not None]
            for start in range(0, len(docs), BATCH):
                store.save_documents(docs[start : start + BATCH], now)
            saved += len(chunk)
            print(f"\rbuilding: {saved:,}/{n:,} documents", end="", file=sys.stderr, flush=True)
    store.close()
    # one self-contained file: fold the WAL back in before renaming
    with sqlite3.connect(partial) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(db)
    for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    print(f"\rbuilt {db} from {n:,} documents in {elapsed:.0f} s", file=sys.stderr)


# ----------------------------------------------------------------- PostgreSQL


def start_postgres(stack: ExitStack) -> Any:
    """A throw-away PostgreSQL server on loopback, as the tests start one."""
    from tests.conftest import PostgresServer, _find_pg_bin

    bindir = _find_pg_bin()
    if bindir is None:
        raise SystemExit("no PostgreSQL binaries (HERALD_POSTGRES_BIN, /usr/lib/postgresql/*/bin)")
    server = PostgresServer(bindir)
    stack.callback(server.stop)
    server.start()
    return server


def copy_to_postgres(sqlite_db: Path, store: Store) -> None:
    """The SQLite store's documents, postings and passages into an upgraded, empty PostgreSQL
    store, by COPY; the generated text vectors are computed as rows arrive."""
    from bot.store.models import Base

    started = time.perf_counter()
    source = sqlite3.connect(sqlite_db)
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SET TIME ZONE 'UTC'")  # SQLite keeps UTC without a zone
        for table in COPIED:
            columns = ", ".join(c.name for c in Base.metadata.tables[table].columns)
            key = "pk" if table == "postings" else "id"
            rows = source.execute(f"SELECT {columns} FROM {table} ORDER BY {key}")
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for n, row in enumerate(rows, 1):
                    copy.write_row(row)
                    if n % 20_000 == 0:
                        print(f"\rcopying {table}: {n:,}", end="", file=sys.stderr, flush=True)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'), "
                f"(SELECT coalesce(max({key}), 1) FROM {table}))"
            )
        raw.commit()
        raw.driver_connection.autocommit = True  # VACUUM runs outside a transaction
        cursor.execute("VACUUM ANALYZE")
    finally:
        raw.close()
        source.close()
    print(
        f"\rcopied into PostgreSQL in {time.perf_counter() - started:.0f} s" + " " * 20,
        file=sys.stderr,
    )


# ----------------------------------------------------------------- floors


OPEN = (
    "p.status = 'active' AND NOT p.closed AND (p.posted IS NULL OR p.posted <= :today) "
    "AND ((p.deadline IS NOT NULL AND p.deadline >= :today) OR (p.deadline IS NULL AND "
    "(p.posted IS NULL OR p.posted >= :fresh OR (p.open_until_filled AND p.posted >= :filled))))"
)


@dataclass(frozen=True)
class Floors:
    """The two floors of a command, as hand-written SQL for one dialect (see the module
    docstring); ``index`` and ``by_hand`` are (statements, parameters)."""

    index: tuple[list[str], dict[str, Any]]
    by_hand: tuple[list[str], dict[str, Any]]


def _passage_floors(words: Sequence[str], sqlite: bool) -> Floors:
    if sqlite:
        expression = fts5_query(words, any_word=True)
        index = ["SELECT rowid FROM faq_passages_fts WHERE faq_passages_fts MATCH :q LIMIT 20"]
        ranked = (
            "SELECT p.*, d.url FROM (SELECT rowid AS k, bm25(faq_passages_fts, 2.0, 1.0, 0.5) "
            "AS s FROM faq_passages_fts WHERE faq_passages_fts MATCH :q AND rowid >= coalesce("
            "(SELECT rowid FROM faq_passages_fts WHERE faq_passages_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT 1 OFFSET :nth), 0) ORDER BY s LIMIT 40) f "
            "JOIN faq_passages p ON p.id = f.k JOIN documents d ON d.id = p.document_id "
            "WHERE d.status = 'present' ORDER BY f.s LIMIT 20"
        )
        values = {"q": expression, "nth": RANK_WINDOW - 1}
        return Floors((index, values), ([ranked], values))
    query = "websearch_to_tsquery('english', :q)"
    index = [f"SELECT id FROM faq_passages WHERE search_vector @@ {query} LIMIT 20"]
    # two steps, as Herald takes them: in one statement PostgreSQL's generic plan (after five
    # runs of a prepared statement) does not know the window's start and took seconds
    newest = (
        f"SELECT coalesce((SELECT id FROM faq_passages WHERE search_vector @@ {query} "
        "ORDER BY id DESC LIMIT 1 OFFSET :nth), 0) AS window_from"
    )
    ranked = (
        "SELECT p.*, d.url FROM faq_passages p JOIN documents d ON d.id = p.document_id "
        f"WHERE p.search_vector @@ {query} AND p.id >= :window_from "
        f"AND d.status = 'present' ORDER BY ts_rank_cd(p.search_vector, {query}) DESC LIMIT 20"
    )
    values = {"q": " or ".join(words), "nth": RANK_WINDOW - 1}
    return Floors((index, values), ([newest, ranked], values))


def _score_sql(sqlite: bool) -> str:
    """``RANKING``'s score written out by hand over the window ``w`` (see ranking.RANKING)."""
    tiers = []
    for i, (fields, weight) in enumerate(FIELD_WEIGHTS):
        if sqlite:
            held = (
                f"w.pk IN (SELECT rowid FROM postings_head_fts "
                f"WHERE postings_head_fts MATCH :fields_{i})"
            )
        else:
            letters = ",".join(
                {"title": "a", "organization": "b", "location": "c"}[f] for f in fields
            )
            held = (
                f"ts_filter(w.head_vector, '{{{letters}}}') @@ plainto_tsquery('english', :words)"
            )
        tiers.append(f"WHEN {held} THEN {weight}")
    return (
        f"(CASE {' '.join(tiers)} ELSE 1.0 END) * (1.0 "
        "+ CASE WHEN w.posted > :today THEN 0 WHEN w.posted >= :r7 THEN 0.5 "
        "WHEN w.posted >= :r30 THEN 0.35 WHEN w.posted >= :r90 THEN 0.2 "
        "WHEN w.posted >= :r365 THEN 0.1 ELSE 0 END "
        "+ CASE WHEN w.deadline >= :today AND w.deadline <= :d14 THEN 0.25 ELSE 0 END)"
    )


def _posting_floors(q: PostingQuery, sqlite: bool, today: date) -> Floors:
    words = clean_terms(q.terms)
    values: dict[str, Any] = {
        "today": today,
        "fresh": today - timedelta(days=60),
        "filled": today - timedelta(days=180),
        **{f"r{d}": today - timedelta(days=d) for d in (7, 30, 90, 365)},
        "d14": today + timedelta(days=14),
        "over": 101,
        "window": POSTING_WINDOW,
    }
    filters = ""
    if q.remote is not None:
        filters += " AND p.remote = :remote"
        values["remote"] = q.remote
    if q.organization:
        filters += " AND lower(p.organization) LIKE :organization"
        values["organization"] = f"%{q.organization.strip().lower()}%"
    if q.deadline_from is not None:
        filters += " AND p.deadline >= :deadline_from"
        values["deadline_from"] = q.deadline_from
    if q.deadline_to is not None:
        filters += " AND p.deadline <= :deadline_to"
        values["deadline_to"] = q.deadline_to
    if words and sqlite:
        values["q"] = fts5_query(words, any_word=False)
        for i, (fields, _) in enumerate(FIELD_WEIGHTS):
            values[f"fields_{i}"] = fts5_fields_query(words, fields)
        match = " AND p.pk IN (SELECT rowid FROM postings_fts WHERE postings_fts MATCH :q)"
        index = ["SELECT rowid FROM postings_fts WHERE postings_fts MATCH :q LIMIT 20"]
    elif words:
        values["words"] = " ".join(words)
        match = " AND p.search_vector @@ plainto_tsquery('english', :words)"
        index = [f"SELECT pk FROM postings p WHERE TRUE{match} LIMIT 20"]
    else:
        match = ""
        index = ["SELECT pk FROM postings WHERE deadline >= :today ORDER BY deadline LIMIT 20"]
    # written as one would by hand with the schema at hand: on SQLite (no statistics) naming
    # the indexes Herald's migrations made for these reads
    if sqlite and words:
        found = (
            "FROM postings_fts f JOIN postings p INDEXED BY ix_postings_listing "
            f"ON p.pk = f.rowid WHERE postings_fts MATCH :q{filters}"
        )
    elif sqlite:
        found = f"FROM postings p INDEXED BY ix_postings_by_deadline WHERE TRUE{filters}"
    else:
        found = f"FROM postings p WHERE TRUE{match}{filters}"
    counts = (
        f"SELECT (SELECT count(*) FROM (SELECT 1 {found} AND {OPEN} LIMIT :over) a), "
        f"(SELECT count(*) FROM (SELECT 1 {found} AND NOT ({OPEN}) LIMIT :over) b)"
    )
    full = "SELECT p.*, d.source, d.url FROM postings p JOIN documents d ON d.id = p.document_id"
    if words:
        if sqlite:  # dated ones newest first from today, then the undated ones
            by_posted = f"FROM postings p INDEXED BY ix_postings_by_posted WHERE {OPEN}{filters}"
            window = (
                f"SELECT * FROM (SELECT p.pk, p.id, p.posted, p.deadline {by_posted} "
                f"AND p.posted <= :today{match} ORDER BY p.posted DESC, p.pk DESC "
                "LIMIT :window) UNION ALL "
                f"SELECT * FROM (SELECT p.pk, p.id, p.posted, p.deadline {by_posted} "
                f"AND p.posted IS NULL{match} ORDER BY p.pk DESC LIMIT :window) LIMIT :window"
            )
        else:
            window = (
                f"SELECT p.pk, p.id, p.posted, p.deadline, p.head_vector {found} AND {OPEN} "
                "ORDER BY p.posted DESC NULLS LAST, p.pk DESC LIMIT :window"
            )
        page = (
            f"WITH w AS ({window}), "
            f"r AS (SELECT w.pk, {_score_sql(sqlite)} AS s, w.deadline, w.posted, w.id FROM w "
            "ORDER BY s DESC, w.deadline IS NULL, w.deadline, w.posted IS NULL, w.posted DESC, "
            f"w.id LIMIT 20) {full} JOIN r ON r.pk = p.pk ORDER BY r.s DESC, r.deadline IS NULL, "
            "r.deadline, r.posted IS NULL, r.posted DESC, r.id"
        )
    else:  # open postings by deadline (the page is full of dated ones in these runs)
        listed = (
            f"SELECT p.pk, p.deadline, p.posted, p.id {found} AND p.deadline >= :today "
            f"AND {OPEN} ORDER BY p.deadline, p.posted DESC, p.id LIMIT 20"
        )
        page = f"{full} JOIN ({listed}) k ON k.pk = p.pk ORDER BY k.deadline, k.posted DESC, k.id"
    return Floors((index, values), ([counts, page], values))


def floors_for(line: str, today: date, organizations: list[str], sqlite: bool) -> Floors | None:
    """The floors of one command or question: a plain question and ``/faq`` (or an
    organisation's shortcut) search passages for any of their words, ``/jobs`` lists."""
    command, _, rest = line.lstrip("/").partition(" ")
    if line.startswith("/") and command == "jobs":
        if rest.startswith("show "):  # one posting by its id: no list to compare with
            return None
        return _posting_floors(parse_jobs_query(rest, today, organizations).query, sqlite, today)
    words = clean_terms(faq_terms(rest if line.startswith("/") else line))
    return _passage_floors(words, sqlite) if words else None


# ----------------------------------------------------------------- timing


@dataclass
class Case:
    label: str
    run: Callable[[], object]
    samples: list[float] = field(default_factory=list)

    def time_once(self) -> None:
        started = time.perf_counter()
        self.run()
        self.samples.append((time.perf_counter() - started) * 1000)

    def p(self, q: float) -> float:
        return percentile(self.samples, q)


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: p99 of 300 samples is the 297th smallest, a real sample."""
    ordered = sorted(samples)
    rank = max(1, round(p / 100 * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.platform()}; {cpu} ({os.cpu_count()} CPUs); Python "
        f"{platform.python_version()}; SQLite {sqlite3.sqlite_version}"
    )


def _statements(connection: Any, statements: list[str], values: dict[str, Any]) -> None:
    """Run a floor's statements in order; a ``window_from`` one returns is bound in the next."""
    values = dict(values)
    for statement in statements:
        result = connection.execute(text(statement), values)
        rows = result.all()
        if "window_from" in result.keys() and rows:
            values["window_from"] = rows[0][0]


def relevance_check(store: Store, today: date) -> list[str]:
    """For each word: every open posting with it in its title, posted in the last 30 days,
    must be listed before any posting that has it only in its body. Returns failures."""
    failures = []
    since = today - timedelta(days=30)
    for word in RELEVANCE_WORDS:
        with store.engine.connect() as connection:
            ids = connection.execute(
                text(
                    "SELECT id FROM postings WHERE status = 'active' AND posted >= :since "
                    "AND posted <= :today AND lower(title) LIKE :like"
                ),
                {"since": since, "today": today, "like": f"%{word}%"},
            ).scalars()
            fresh = {
                p.id for i in ids if (p := store.get_posting(i)) is not None and p.is_open(today)
            }
        last_fresh = first_body = None
        seen: set[str] = set()
        position = 0
        for page in range(50):
            q = PostingQuery(today=today, terms=(word,), limit=100, offset=100 * page)
            items = store.find_postings(replace_count(q)).items
            for p in items:
                position += 1
                head = f"{p.title} {p.organization or ''} {p.location or ''}".lower()
                if p.id in fresh:
                    seen.add(p.id)
                    last_fresh = position
                elif word not in head and first_body is None:
                    first_body = position
            if seen == fresh or not items:
                break
        verdict = seen == fresh and (
            first_body is None or last_fresh is None or last_fresh < first_body
        )
        print(
            f"  relevance /jobs {word}: {len(fresh)} fresh open postings with it in the title, "
            f"the last at position {last_fresh}; the first body-only match at {first_body}: "
            f"{'pass' if verdict else 'FAIL'}"
        )
        if not verdict:
            failures.append(word)
    return failures


def replace_count(q: PostingQuery) -> PostingQuery:
    from dataclasses import replace

    return replace(q, count_limit=0)


def run(backend: str, url: str, store: Store, args: argparse.Namespace, now: datetime) -> list[str]:
    """Time every query of one store beside its floors; print the table; relevance check."""
    counts = store.counts()
    app = App(
        settings=Settings(database_url=url, content_dir=OUT, timezone="UTC"),
        store=store,
        clock=fixed_clock(now),
    )
    sqlite = backend == "sqlite"
    organizations = store.organizations()
    floor_connection = store.engine.connect()
    rows: list[tuple[str, Case, Case | None, Case | None]] = []
    cases: list[Case] = []
    answers: dict[str, str] = {}
    for line in (*QUERIES, *QUESTIONS):
        request = Request.from_line(line)
        herald = Case(line, lambda request=request: app.handle(request))
        reply = app.handle(request)
        if reply.error_id:
            raise SystemExit(f"{line} failed on {backend}: {reply.text}")
        answers[line] = reply.text.splitlines()[0][:90]
        floors = floors_for(line, args.today, organizations, sqlite)
        index = by_hand = None
        if floors is not None:
            index = Case("index", lambda f=floors: _statements(floor_connection, *f.index))
            by_hand = Case("by hand", lambda f=floors: _statements(floor_connection, *f.by_hand))
        rows.append((line, herald, index, by_hand))
        cases += [c for c in (herald, index, by_hand) if c is not None]

    for case in cases:  # warm caches, statements and plans outside the timing
        for _ in range(3):
            case.run()
    settle()  # as the running bot does once started
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    started = time.perf_counter()
    for _ in range(args.reps):
        for case in cases:  # interleaved, so a slow moment of the machine hits every query
            case.time_once()
    elapsed = time.perf_counter() - started
    floor_connection.close()

    print(f"\n## {backend}: N = {args.n:,} documents (seed {args.seed})")
    print(
        f"{counts['postings']:,} postings, {counts['passages']:,} passages; clock {args.today}; "
        f"{args.reps} runs per query, interleaved, in {elapsed:.0f} s; "
        f"load average before: {load}; goal p99 <= {GOAL_P99_MS:g} ms"
    )
    print(
        "| query | p50 ms | p95 ms | p99 ms | index p50 | × index | by hand p50 | × by hand "
        "| goal |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for line, herald, index, by_hand in rows:
        p50 = herald.p(50)
        cells = [f"{herald.p(q):.2f}" for q in (50, 95, 99)]
        for floor in (index, by_hand):
            if floor is None:
                cells += ["–", "–"]
            else:
                cells += [f"{floor.p(50):.2f}", f"{p50 / floor.p(50):.1f}"]
        met = "met" if herald.p(99) <= GOAL_P99_MS else "**not met**"
        print(f"| {line} | " + " | ".join(cells) + f" | {met} |")
    print("answers (first line):")
    for line, first in answers.items():
        print(f"  {line}: {first}")
    return relevance_check(store, args.today)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="generated documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse")
    parser.add_argument("--reps", type=int, default=200, help="timed runs of every query")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2019, 6, 12))
    parser.add_argument("--rebuild", action="store_true", help="build even when cached")
    parser.add_argument(
        "--backend", choices=("sqlite", "postgres", "both"), default="both", help="stores to time"
    )
    parser.add_argument(
        "--postgres-url", help="a PostgreSQL store this bench filled before: no server, no copy"
    )
    args = parser.parse_args()

    now = datetime(args.today.year, args.today.month, args.today.day, 12, tzinfo=UTC)
    db = args.db or OUT / f"query-n{args.n}-seed{args.seed}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not db.exists():
        db.unlink(missing_ok=True)
        build(db, args.n, args.seed, now)
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {machine()}")

    failures: list[str] = []
    url = f"sqlite:///{db}"
    store = Store.open(url)
    store.upgrade()  # a cached file gets any index added since it was built
    if args.backend in ("sqlite", "both"):
        failures += [f"sqlite {w}" for w in run("sqlite", url, store, args, now)]
    store.close()
    if args.backend in ("postgres", "both"):
        with ExitStack() as stack:
            pg_url = args.postgres_url
            if pg_url is None:
                pg_url = start_postgres(stack).create_database("herald_bench")
            pg = Store.open(pg_url)
            stack.callback(pg.close)
            pg.upgrade()
            if args.postgres_url is None:
                copy_to_postgres(db, pg)
            failures += [f"postgres {w}" for w in run("postgres", pg_url, pg, args, now)]
    if failures:
        raise SystemExit(f"relevance check failed: {', '.join(failures)}")


if __name__ == "__main__":
    main()

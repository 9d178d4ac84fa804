"""The Store: Herald's one door to the database. Rows stay behind it; domain values come out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from bot.domain import (
    DEFAULT_SOURCE,
    ParsedDocument,
    PassageHit,
    Posting,
    PostingHead,
    PostingPage,
    PostingQuery,
    StoreUnavailable,
)
from bot.store import migrate, names, passages, queries, saving
from bot.store.models import DocumentRow
from bot.store.saving import SaveOutcome

logger = logging.getLogger(__name__)

SUPPORTED = ("sqlite", "postgresql")
ORGANIZATIONS_TTL = 5.0
TITLES_TTL = 300.0
"""How long the posting titles are kept (``posting_titles``): reading them costs 155 ms at
100,000 postings on SQLite (50 on PostgreSQL), every posting's row read; they only give the
typo corrector its words, so a title stored by another process may be minutes late."""
WRITE_OPTION = "herald_write"


def _tune_sqlite(engine: Engine, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so a
        # read-then-write sequence is one transaction (the documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: durable at checkpoints, and no fsync per transaction.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=10000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock up front: a deferred transaction that reads first
        # fails at once (SQLITE_BUSY, no waiting) if another process wrote in between.
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


UNAVAILABLE = "Herald cannot reach its database just now. Please try again in a minute."
# SQLite's errors of a database that is there but cannot be used now (a lock held too long,
# a file that cannot be opened or written); "no such table" and its kin are not among them
_SQLITE_OUTAGES = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL")


def is_outage(exc: DBAPIError) -> bool:
    """Whether ``exc`` says the database is away or busy, not that a statement is wrong:
    PostgreSQL's operational errors (connection refused or lost, the server shutting down),
    a connection SQLAlchemy found dead, SQLite's locks and unopenable files."""
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError):
        return False
    name = getattr(exc.orig, "sqlite_errorname", None)
    return name is None or name.startswith(_SQLITE_OUTAGES)


@contextmanager
def _reachable() -> Iterator[None]:
    """Database outages as ``StoreUnavailable``, which every caller can tell its user about;
    the driver's error stays attached (``__cause__``) for the logs."""
    try:
        yield
    except DBAPIError as exc:
        if is_outage(exc):
            raise StoreUnavailable(UNAVAILABLE) from exc
        raise


class Store:
    """Persistence and search for documents, postings and FAQ passages.

    One short-lived session per call; every method returns domain values. Example::

        store = Store.open("sqlite:///herald.db")   # or postgresql+psycopg://user@host/herald
        store.upgrade()                             # migrations; safe to run again
        store.save_documents(parsed, now=now)       # {"postings/x.md": "added", ...}
        page = store.find_postings(PostingQuery(today=now.date(), terms=("remote",)))
        hits = store.search_passages(["membership", "fee"], organization="iiif")
        store.close()
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writes = 0  # this Store's committed writes, which end a cached read
        # name lists every command reads: (when read, writes then, names) by query
        self._names: dict[str, tuple[float, int, tuple[str, ...]]] = {}

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect (lazily) to ``url``; SQLite gets WAL, foreign keys and relaxed syncing."""
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        if backend not in SUPPORTED:
            raise ValueError(f"Herald supports SQLite and PostgreSQL, not {backend!r}")
        if backend == "sqlite":
            in_memory = parsed.database in (None, "", ":memory:")
            options: dict[str, Any] = {}
            if in_memory:  # one shared connection, or every session sees an empty database
                options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            engine = create_engine(parsed, **options)
            _tune_sqlite(engine, in_memory)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @property
    def engine(self) -> Engine:
        """For store-side modules with tables of their own (state, deliveries)."""
        return self._engine

    def upgrade(self) -> None:
        """Apply the Alembic migrations up to head (a no-op when already there)."""
        migrate.upgrade(self._engine)

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with _reachable(), self._sessions() as session:
            yield session

    @contextmanager
    def _query(self) -> Iterator[Connection]:
        """A bare connection for the reads a chat command makes: without a Session's unit of
        work each statement costs about 0.2 ms less, as much as most of them take to run."""
        with _reachable(), self._engine.connect() as connection:
            yield connection

    @contextmanager
    def _write(self, *, content: bool = True) -> Iterator[Session]:
        try:
            with _reachable(), self._sessions() as session, session.begin():
                session.connection(execution_options={WRITE_OPTION: True})
                yield session
        finally:
            if content:
                self._writes += 1

    # ingest

    def is_empty(self) -> bool:
        """Whether no document is present: one row read, where ``known_hashes`` reads every
        document's name and hash (0.3 s and 45 MiB at 100,000)."""
        with self._query() as connection:
            return connection.execute(queries.any_present_document()).first() is None

    def has_documents(self, origin: str) -> bool:
        """Whether the source ``origin`` has any present document."""
        query = select(DocumentRow.id).where(
            DocumentRow.origin == origin, DocumentRow.status == "present"
        )
        with self._read() as session:
            return session.execute(query.limit(1)).first() is not None

    def count_present(self, origin: str) -> int:
        query = select(func.count()).where(
            DocumentRow.origin == origin, DocumentRow.status == "present"
        )
        with self._read() as session:
            return int(session.scalar(query) or 0)

    def present_hashes(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> content hash of those of ``keys`` that are present documents."""
        with self._read() as session:
            return saving.present_hashes(session, keys)

    def known_hashes(self, origin: str | None = None) -> dict[str, str]:
        """key -> content hash of every document currently present (not withdrawn), of the
        source ``origin`` or (None) of every source."""
        query = select(DocumentRow.source, DocumentRow.content_hash).where(
            DocumentRow.status == "present"
        )
        if origin is not None:
            query = query.where(DocumentRow.origin == origin)
        with self._read() as session:
            return {source: content_hash for source, content_hash in session.execute(query)}

    def save_documents(
        self, docs: Sequence[ParsedDocument], now: datetime, *, reread: bool = False
    ) -> dict[str, SaveOutcome]:
        """Upsert documents with their postings and passages, in one transaction.

        An unchanged hash writes nothing unless ``reread`` (the loader's rules changed: what
        it reads from the same bytes may have); a changed file keeps its postings' ids
        (matched by source and position); a withdrawn source that comes back is "updated" and
        active again.
        """
        with self._write() as session:
            return saving.save_documents(session, docs, now, reread=reread)

    def withdraw_missing(
        self, present: set[str], now: datetime, origin: str = DEFAULT_SOURCE
    ) -> list[str]:
        """Withdraw documents of the source ``origin`` (and their postings) whose key is not
        in ``present``; other sources' documents stay as they are.

        Nothing is deleted, so a posting id never points at nothing and is never reused.
        """
        with self._write() as session:
            gone = saving.withdraw_missing(session, present, now, origin)
        if gone:
            logger.info("withdrew %d documents", len(gone))
        return gone

    def withdraw(self, keys: Sequence[str], now: datetime) -> list[str]:
        """Withdraw exactly the documents ``keys`` (files a git diff says were deleted)."""
        with self._write() as session:
            return saving.withdraw(session, keys, now)

    # reads

    def get_posting(self, posting_id: str) -> Posting | None:
        with self._read() as session:
            return queries.get_posting(session, posting_id)

    def find_postings(self, q: PostingQuery) -> PostingPage:
        """Filtered, ranked, paginated postings; ``hidden`` counts closed/expired matches."""
        named = self._named(q)
        with self._query() as connection:
            return queries.find_postings(connection, q, named)

    def find_posting_heads(self, q: PostingQuery) -> list[PostingHead]:
        """``find_postings``' page as heads (id, location, remote): for a caller that filters
        hundreds of candidates before it needs a few of them whole."""
        named = self._named(q)
        with self._query() as connection:
            return queries.find_posting_heads(connection, q, named)

    def _named(self, q: PostingQuery) -> list[str] | None:
        """The kept names ``q.organization`` stands for (None: the query reads them). A name
        a few seconds new to another process is missed, as by ``organizations``, unless it is
        the only one: a filter no kept name holds is looked up in the postings."""
        if not q.organization or not q.organization.strip():
            return None
        return names.named_organizations(q.organization, self.organizations()) or None

    def postings_by_id(self, ids: Sequence[str]) -> list[Posting]:
        with self._query() as connection:
            return queries.postings_by_id(connection, ids)

    def all_postings(self, include_inactive: bool = True) -> list[Posting]:
        with self._read() as session:
            return queries.all_postings(session, include_inactive)

    def search_passages(
        self,
        terms: Sequence[str],
        *,
        organization: str | None = None,
        limit: int = 20,
        faq_only: bool = False,
    ) -> list[PassageHit]:
        """Passages of any page matching any term, best first (higher score is better);
        ``faq_only`` with an organisation: of its FAQ pages only."""
        with self._query() as connection:
            return passages.search_passages(connection, terms, organization, limit, faq_only)

    def page_titles(self, organization: str | None = None, limit: int = 5) -> list[str]:
        """The first ``limit`` titles, alphabetically, of present FAQ pages (of an
        organisation when given): what "Pages I know" names."""
        with self._query() as connection:
            return passages.page_titles(connection, organization, limit)

    def organizations(self) -> list[str]:
        """Distinct organisations of active postings and present FAQ pages."""
        return self._kept_names(names.organizations)

    def faq_organizations(self) -> list[str]:
        """Distinct organisations of present FAQ pages (those worth a shortcut in help)."""
        return self._kept_names(names.faq_organizations)

    def posting_titles(self) -> list[str]:
        """Distinct titles of postings, open or not (what a misspelt title is read against);
        kept as the organisations are, for ``TITLES_TTL``."""
        return self._kept_names(names.posting_titles, titles=True)

    def _kept_names(
        self, query: Callable[[Connection], list[str]], *, titles: bool = False
    ) -> list[str]:
        """Every command needs the organisations (to recognise a name, to route a shortcut),
        so they are kept until this Store writes or ``ORGANIZATIONS_TTL`` seconds pass (the
        titles ``TITLES_TTL``): a name stored by another process is recognised a few seconds
        late, and is meanwhile searched as words (which finds it)."""
        kept, now = self._names.get(query.__name__), time.monotonic()
        ttl = TITLES_TTL if titles else ORGANIZATIONS_TTL
        if kept is not None and kept[1] == self._writes and now - kept[0] < ttl:
            return list(kept[2])
        writes = self._writes
        with self._query() as connection:
            found = query(connection)
        self._names[query.__name__] = (now, writes, tuple(found))
        return found

    def counts(self) -> dict[str, int]:
        """documents, documents_withdrawn, postings (all), postings_<status>, passages."""
        with self._read() as session:
            return queries.counts(session)

    @contextmanager
    def transaction(self, *, write: bool = True, content: bool = True) -> Iterator[Session]:
        """A session for repositories beside the Store (``bot.store.deliveries``): one
        committed transaction when ``write``, otherwise a read that commits nothing. A write
        that cannot change postings or pages (the question log, deliveries, a source's sync
        record) says ``content=False``, so it keeps the names this Store holds: every
        question is logged, and would otherwise make the next one read them again."""
        with self._write(content=content) if write else self._read() as session:
            yield session

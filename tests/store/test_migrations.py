"""The migrations build the whole schema on both backends, and running them again is a no-op."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, event, inspect, text

from bot.store import Store
from bot.store.migrate import current_revision, head_revision
from bot.store.models import Base

from .factories import NOW, doc, draft


def _check_migration(url: str) -> None:
    store = Store.open(url)
    try:
        engine = create_engine(url)
        assert current_revision(engine) is None
        store.upgrade()
        assert head_revision() is not None
        assert current_revision(engine) == head_revision()

        columns = {
            t: {c["name"] for c in inspect(engine).get_columns(t)} for t in Base.metadata.tables
        }
        for table in Base.metadata.tables.values():
            # The ORM must never read a column the migration did not create.
            assert {c.name for c in table.columns} <= columns[table.name], table.name

        store.save_documents([doc("a.md", draft("a", "Digital archivist"))], NOW)
        store.upgrade()  # again: nothing to do, nothing lost
        assert current_revision(engine) == head_revision()
        assert store.counts()["postings"] == 1
        assert [p.id for p in store.all_postings()] == ["a"]
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(versions) == 1
        engine.dispose()
    finally:
        store.close()


def test_migration_on_sqlite(sqlite_url: str) -> None:
    _check_migration(sqlite_url)
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        names = set(connection.execute(text("SELECT name FROM sqlite_master")).scalars())
    engine.dispose()
    assert {"postings_fts", "faq_passages_fts", "postings_fts_update"} <= names


@pytest.mark.postgres
def test_migration_on_postgres(postgres_server: object) -> None:
    create: Callable[[str], str] = postgres_server.create_database  # type: ignore[attr-defined]
    url = create("herald_migration")
    _check_migration(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        generated = (
            connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE is_generated = 'ALWAYS' ORDER BY table_name, column_name"
                )
            )
            .scalars()
            .all()
        )
        indexes = set(connection.execute(text("SELECT indexname FROM pg_indexes")).scalars())
    engine.dispose()
    assert generated == ["search_vector", "head_vector", "search_vector"]
    assert {
        "ix_postings_search_vector",
        "ix_faq_passages_search_vector",
        "ix_postings_by_posted",
    } <= indexes


def test_open_refuses_other_databases() -> None:
    with pytest.raises(ValueError, match="SQLite and PostgreSQL"):
        Store.open("mysql://localhost/herald")


def test_in_memory_sqlite_is_one_database() -> None:
    store = Store.open("sqlite:///:memory:")
    store.upgrade()
    store.save_documents([doc("a.md", draft("a"))], NOW)
    assert store.known_hashes().keys() == {"a.md"}
    store.close()


def test_the_richer_facts_migration_makes_the_next_load_read_every_page(sqlite_url: str) -> None:
    """0010 adds columns the stored postings cannot have filled: it clears the content hashes,
    so an unchanged file is read again (ids kept) and its new facts are stored."""
    from bot.store.migrate import upgrade

    engine = create_engine(sqlite_url)
    upgrade(engine, "0009")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (source, content_hash, kind, title, warnings, status,"
                " first_seen, updated) VALUES ('a.md', 'abc', 'job', 'A', '[]', 'present',"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT content_hash FROM documents")).scalar() == ""
    engine.dispose()


def test_a_current_schema_costs_one_read(store: Store) -> None:
    """``herald ask`` upgrades on every start: when nothing is due, the version is read and
    nothing else runs."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        statements.append(sql)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.upgrade()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    read = [s for s in statements if s.strip().upper() not in ("BEGIN", "COMMIT", "ROLLBACK")]
    assert len(read) <= 2, read  # whether the version table exists, then its one row
    assert read and "alembic_version" in read[-1], read
    assert all(s.lstrip().upper().startswith(("SELECT", "PRAGMA")) for s in read), read


def test_the_empty_check_reads_one_row(store: Store) -> None:
    assert store.is_empty()
    store.save_documents([doc("a.md", draft("a")), doc("b.md", draft("b"))], NOW)
    assert not store.is_empty()
    store.withdraw_missing({"b.md"}, NOW)
    assert not store.is_empty()
    store.withdraw_missing(set(), NOW)  # withdrawn documents are kept, none is present
    assert store.is_empty()


def test_the_shipped_head_read_without_alembic_is_alembics(sqlite_url: str) -> None:
    from bot.store.migrate import at_head, shipped_head, upgrade

    assert shipped_head() == head_revision()
    engine = create_engine(sqlite_url)
    try:
        assert not at_head(engine)  # a new database: no version table
        upgrade(engine, "0001")
        assert not at_head(engine)  # an older schema is not skipped...
        upgrade(engine)
        assert current_revision(engine) == head_revision()  # ...it is brought to the head
        assert at_head(engine)
    finally:
        engine.dispose()


def test_an_unusual_migration_file_leaves_the_decision_to_alembic(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from bot.store import migrate

    root = Path(str(tmp_path))
    (root / "versions").mkdir()
    chain = {"0001": None, "0002": "0001"}
    for revision, down in chain.items():
        (root / "versions" / f"{revision}.py").write_text(
            f"revision: str = {revision!r}\ndown_revision: str | None = {down!r}\n"
        )
    monkeypatch.setattr(migrate, "MIGRATIONS", root)
    assert migrate.shipped_head() == "0002"
    (root / "versions" / "0003.py").write_text(
        'revision = "0003"\ndown_revision = ("0001", "0002")\n'  # a merge point
    )
    assert migrate.shipped_head() is None
    (root / "versions" / "0003.py").write_text('revision = "0003"\ndown_revision = "0001"\n')
    assert migrate.shipped_head() is None  # two heads
    (root / "versions" / "0003.py").write_text("revision = (\n")
    assert migrate.shipped_head() is None


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_documents_stored_before_sources_belong_to_content_and_keep_everything(
    backend: str, tmp_path: object, request: pytest.FixtureRequest
) -> None:
    """0012 adds columns without rebuilding ``documents``: on SQLite a rebuild with foreign
    keys on would cascade-delete every posting."""
    from bot.store.migrate import upgrade

    if backend == "sqlite":
        url = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("pg_url")
    store = Store.open(url)
    try:
        upgrade(store.engine, "0009")
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO documents (source, content_hash, kind, title, warnings, status,"
                    " first_seen, updated) VALUES ('jobs/a.md', 'h', 'job', 'A', '[]', 'present',"
                    " :now, :now)"
                ),
                {"now": NOW},
            )
            connection.execute(
                text(
                    "INSERT INTO postings (id, document_id, position, title, deadline_inferred,"
                    " open_until_filled, closed, contacts, body, evidence, status, first_seen,"
                    " updated) SELECT 'a', id, 0, 'Archivist', false, false, false, '[]', '',"
                    " '[]', 'active', :now, :now FROM documents"
                ),
                {"now": NOW},
            )
        store.upgrade()
        assert store.known_hashes("content").keys() == {"jobs/a.md"}
        assert [(p.id, p.source, p.status) for p in store.all_postings()] == [
            ("a", "jobs/a.md", "active")
        ]
    finally:
        store.close()

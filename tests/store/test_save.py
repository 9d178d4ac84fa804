"""Saving documents: every field round-trips, ids are stable, files come and go."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from bot.domain import Fact, FaqSection, PostingQuery
from bot.store import Store

from .factories import LATER, NOW, TODAY, doc, draft

FULL = draft(
    "iiif-managing-director-2023",
    "Managing Director of the IIIF Consortium",
    organization="IIIF Consortium",
    location="Anywhere (UTC-8 to UTC+1)",
    remote=True,
    deadline=date(2024, 1, 16),
    deadline_inferred=True,
    open_until_filled=False,
    closed=True,
    salary="minimum USD 100,000",
    salary_min=Decimal("100000.50"),
    salary_currency="USD",
    contacts=("admin@iiif.io", "https://iiif.io/jobs"),
    posted=date(2023, 12, 4),
    body="The Managing Director leads the consortium. Café, naïve, 𝄞 and emoji 🎉 survive.",
    evidence=(
        Fact("deadline", "2024-01-16", "open through January 16, 2024"),
        Fact("remote", "true", "anywhere with a reliable Internet connection"),
    ),
    salary_max=Decimal("120000.00"),
    salary_period="year",
    employment_type="full-time",
    remote_regions=("UTC-8 to UTC+1", "Europe"),
)


def test_round_trip_of_every_field(store: Store) -> None:
    source = "jobs/iiif-managing-director-2023.md"
    outcome = store.save_documents([doc(source, FULL, url="https://iiif.io/news/md")], NOW)
    assert outcome == {source: "added"}

    got = store.get_posting("iiif-managing-director-2023")
    assert got is not None
    for name in (
        "title organization location remote deadline deadline_inferred open_until_filled closed "
        "salary salary_min salary_currency contacts posted body evidence salary_max "
        "salary_period employment_type remote_regions"
    ).split():
        assert getattr(got, name) == getattr(FULL, name), name
    assert got.salary_min == Decimal("100000.50") and isinstance(got.salary_min, Decimal)
    assert (got.source, got.position, got.url, got.status) == (
        source,
        0,
        "https://iiif.io/news/md",
        "active",
    )
    assert got.first_seen == NOW and got.updated == NOW
    assert got.first_seen is not None and got.first_seen.tzinfo is not None
    assert got.evidence_for("deadline") == "open through January 16, 2024"
    assert store.all_postings() == [got]


def test_times_are_stored_as_utc(store: Store) -> None:
    local = datetime(2026, 11, 21, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    store.save_documents([doc("a.md", draft("a"))], local)
    got = store.get_posting("a")
    assert got is not None and got.first_seen == datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert got.first_seen.utcoffset() == timedelta(0)


def test_draft_inherits_organization_and_date_of_its_page(store: Store) -> None:
    page = doc("p.md", draft("x", "Editor"), organization="DataCite", posted=date(2022, 3, 1))
    store.save_documents([page], NOW)
    got = store.get_posting("x")
    assert got is not None and (got.organization, got.posted) == ("DataCite", date(2022, 3, 1))


def test_unchanged_hash_writes_nothing(store: Store) -> None:
    first = doc("a.md", draft("a", "Archivist"))
    store.save_documents([first], NOW)
    assert store.save_documents([first], LATER) == {"a.md": "unchanged"}
    got = store.get_posting("a")
    assert got is not None and got.updated == NOW
    assert store.known_hashes() == {"a.md": first.content_hash}


def test_changed_file_keeps_ids_by_position(store: Store) -> None:
    store.save_documents(
        [doc("multi.md", draft("one", "Developer"), draft("two", "Designer"))], NOW
    )
    # The content layer proposes new slugs after an edit; the ids must not follow them.
    edited = doc("multi.md", draft("renamed", "Senior developer"), draft("other", "Designer II"))
    assert store.save_documents([edited], LATER) == {"multi.md": "updated"}
    first, second = store.get_posting("one"), store.get_posting("two")
    assert first is not None and first.title == "Senior developer" and first.updated == LATER
    assert first.first_seen == NOW
    assert second is not None and second.title == "Designer II"
    assert store.get_posting("renamed") is None
    # The full-text index follows the edit.
    hits = store.find_postings(PostingQuery(today=TODAY, terms=("senior",)))
    assert [p.id for p in hits.items] == ["one"]


def test_fewer_postings_withdraw_the_rest_and_more_bring_them_back(store: Store) -> None:
    store.save_documents([doc("m.md", draft("a", "A"), draft("b", "B"))], NOW)
    store.save_documents([doc("m.md", draft("a", "A2"))], LATER)
    b = store.get_posting("b")
    assert b is not None and b.status == "withdrawn"
    store.save_documents([doc("m.md", draft("a", "A3"), draft("z", "B again"))], LATER)
    b = store.get_posting("b")
    assert b is not None and (b.status, b.title) == ("active", "B again")
    assert store.get_posting("z") is None


def test_id_clash_gets_a_suffix_and_ids_are_never_reused(store: Store) -> None:
    store.save_documents([doc("a.md", draft("archivist", "Archivist A"))], NOW)
    store.save_documents(
        [doc("b.md", draft("archivist", "Archivist B")), doc("c.md", draft("archivist", "C"))],
        NOW,
    )
    by_source = {p.source: p.id for p in store.all_postings()}
    assert by_source == {"a.md": "archivist", "b.md": "archivist-2", "c.md": "archivist-3"}
    # Same slug, two postings of one page.
    store.save_documents([doc("d.md", draft("archivist", "D1"), draft("archivist", "D2"))], NOW)
    ids = {(p.source, p.position): p.id for p in store.all_postings()}
    assert ids[("d.md", 0)] == "archivist-4" and ids[("d.md", 1)] == "archivist-5"
    # A withdrawn posting still owns its id.
    store.withdraw_missing({"b.md", "c.md", "d.md"}, LATER)
    store.save_documents([doc("e.md", draft("archivist", "E"))], LATER)
    assert store.get_posting("archivist") is not None
    assert {p.id for p in store.all_postings() if p.source == "e.md"} == {"archivist-6"}


def test_slugs_are_made_typable(store: Store) -> None:
    store.save_documents([doc("a.md", draft("Café Manager / 2024!", "x"), draft("", "y"))], NOW)
    assert sorted(p.id for p in store.all_postings()) == ["cafe-manager-2024", "posting"]


def test_withdraw_and_come_back(store: Store) -> None:
    a, b = doc("a.md", draft("a", "Alpha")), doc("b.md", draft("b", "Beta"))
    store.save_documents([a, b], NOW)
    assert store.withdraw_missing({"a.md"}, LATER) == ["b.md"]
    assert store.withdraw_missing({"a.md"}, LATER) == []
    withdrawn = store.get_posting("b")
    assert withdrawn is not None and withdrawn.status == "withdrawn"
    assert withdrawn.updated == LATER
    assert store.known_hashes() == {"a.md": a.content_hash}
    assert [p.id for p in store.all_postings(include_inactive=False)] == ["a"]
    assert store.find_postings(PostingQuery(today=TODAY)).hidden == 0  # never counted
    counts = store.counts()
    assert (counts["documents"], counts["documents_withdrawn"]) == (1, 1)
    assert (counts["postings_active"], counts["postings_withdrawn"]) == (1, 1)

    # The same file returns unchanged: it still counts as an update, and is active again.
    assert store.save_documents([b], LATER) == {"b.md": "updated"}
    back = store.get_posting("b")
    assert back is not None and back.status == "active" and back.first_seen == NOW
    assert store.known_hashes().keys() == {"a.md", "b.md"}


def test_a_source_given_twice_keeps_the_later_version(store: Store) -> None:
    outcome = store.save_documents(
        [doc("a.md", draft("a", "Old")), doc("a.md", draft("a", "New"))], NOW
    )
    assert outcome == {"a.md": "added"}
    got = store.get_posting("a")
    assert got is not None and got.title == "New"


def test_faq_passages_are_replaced_on_change(store: Store) -> None:
    def page(answer: str) -> object:
        return doc(
            "faq.md",
            kind="faq",
            title="IIIF FAQ",
            organization="IIIF",
            faq=(FaqSection("How much is it?", (answer, "Invoices go out in January.")),),
        )

    store.save_documents([page("The membership fee is 10,000 USD.")], NOW)  # type: ignore[list-item]
    store.save_documents([page("Dues are 12,000 USD per year.")], LATER)  # type: ignore[list-item]
    assert store.counts()["passages"] == 2
    assert store.search_passages(["membership"]) == []
    hits = store.search_passages(["dues"])
    assert [h.passage.text for h in hits] == ["Dues are 12,000 USD per year."]


def test_text_the_database_cannot_hold_is_cleaned(store: Store) -> None:
    store.save_documents(
        [doc("a.md", draft("a", "Null\x00byte", body="lone \ud800 surrogate"))], NOW
    )
    got = store.get_posting("a")
    assert got is not None and got.title == "Nullbyte" and "surrogate" in got.body


def test_empty_save_and_empty_store(store: Store) -> None:
    assert store.save_documents([], NOW) == {}
    assert store.known_hashes() == {}
    assert store.get_posting("nothing") is None
    assert store.all_postings() == []
    assert store.organizations() == []
    assert store.counts()["documents"] == 0


def test_full_text_index_follows_every_kind_of_write(store: Store) -> None:
    faq = (FaqSection("Fees?", ("The fee is small.",)),)
    store.save_documents(
        [doc("a.md", draft("a", "Archivist"), draft("b", "Botanist")), doc("f.md", faq=faq)], NOW
    )
    store.save_documents(
        [
            doc("a.md", draft("a", "Curator")),  # edit one, drop one
            doc("f.md", faq=(FaqSection("Dues?", ("Dues are large.",)),)),
            doc("c.md", draft("c", "Cartographer")),
        ],
        LATER,
    )
    store.withdraw_missing({"a.md", "c.md"}, LATER)

    def found(*terms: str) -> list[str]:
        query = PostingQuery(today=TODAY, terms=terms, include_inactive=True)
        return [p.id for p in store.find_postings(query).items]

    assert found("archivist") == [] and found("curator") == ["a"]
    assert found("botanist") == []  # withdrawn: never listed, even with include_inactive
    assert found("cartographer") == ["c"]
    assert store.search_passages(["fee"]) == [] and store.search_passages(["dues"]) == []
    if store.dialect == "sqlite":
        # One indexed entry per row (the docsize shadow table), and a sound index.
        checks = [
            "SELECT (SELECT count(*) FROM postings) - (SELECT count(*) FROM postings_fts_docsize)",
            "SELECT (SELECT count(*) FROM faq_passages)"
            " - (SELECT count(*) FROM faq_passages_fts_docsize)",
        ]
        with store._engine.begin() as connection:
            assert [connection.exec_driver_sql(sql).scalar() for sql in checks] == [0, 0]
            connection.exec_driver_sql(
                "INSERT INTO postings_fts(postings_fts) VALUES ('integrity-check')"
            )
            connection.exec_driver_sql(
                "INSERT INTO faq_passages_fts(faq_passages_fts) VALUES ('integrity-check')"
            )


def test_concurrent_writers_on_one_sqlite_file_wait_for_each_other(sqlite_url: str) -> None:
    first, second = Store.open(sqlite_url), Store.open(sqlite_url)
    first.upgrade()
    errors: list[BaseException] = []

    def load(store: Store, prefix: str) -> None:
        try:
            for n in range(15):
                store.save_documents([doc(f"{prefix}{n}.md", draft(f"{prefix}{n}", "Job"))], NOW)
                store.withdraw_missing(set(store.known_hashes()), NOW)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(s, p)) for s, p in ((first, "a"), (second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert first.counts()["postings"] == 30
    first.close()
    second.close()

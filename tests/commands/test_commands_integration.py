"""The commands against the real store on both backends.

First the same small world as the fake store, saved as ParsedDocuments (independent of
extraction quality), then the real seeds and corpus loaded through ``sync_folder``.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cmdfakes import ask, make_context, make_router, sample_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import Request
from bot.domain import FaqSection, ParsedDocument, Posting, PostingDraft
from bot.ingest import sync_folder
from bot.platforms.console import run_console
from bot.store import Store

NOW = datetime(2022, 2, 1, 9, 30, tzinfo=UTC)


def _draft(p: Posting) -> PostingDraft:
    return PostingDraft(
        slug=p.id,
        title=p.title,
        organization=p.organization,
        location=p.location,
        remote=p.remote,
        deadline=p.deadline,
        open_until_filled=p.open_until_filled,
        closed=p.closed,
        salary=p.salary,
        salary_min=p.salary_min,
        salary_currency=p.salary_currency,
        contacts=p.contacts,
        posted=p.posted,
        body=p.body,
        evidence=p.evidence,
    )


def _sample_documents() -> list[ParsedDocument]:
    fake = sample_store()
    docs = [
        ParsedDocument(
            source=p.source,
            content_hash=f"hash-{p.id}",
            kind="job",
            title=p.title,
            organization=p.organization,
            posted=p.posted,
            body=p.body,
            postings=(_draft(p),),
        )
        for p in fake.postings
    ]
    pages: dict[str, list[Any]] = {}
    for passage in fake.passages:
        pages.setdefault(passage.source, []).append(passage)
    for source, passages in pages.items():
        sections: dict[str, list[str]] = {}
        for passage in passages:
            sections.setdefault(passage.question, []).append(passage.text)
        docs.append(
            ParsedDocument(
                source=source,
                content_hash=f"hash-{source}",
                kind="faq",
                title=passages[0].page_title,
                organization=passages[0].organization,
                url=passages[0].url,
                faq=tuple(FaqSection(q, tuple(texts)) for q, texts in sections.items()),
            )
        )
    return docs


@pytest.fixture
def sample(store: Store) -> Store:
    store.save_documents(_sample_documents(), now=NOW)
    return store


def ids(reply: Any) -> list[str]:
    return [p.id for p in reply.postings]


def test_jobs_filters_on_the_real_store(sample: Store) -> None:
    router = make_router()
    assert sorted(ids(ask(router, sample, "/jobs remote"))) == [
        "datacite-technical-community-manager",
        "datacite-technical-lead",
        "iiif-community-officer",
        "wikimedia-glam-program-officer",
    ]
    assert (
        "1 more closed posting matches — `/jobs all remote`"
        in ask(router, sample, "/jobs remote").text
    )
    assert ids(ask(router, sample, "/jobs datacite")) == [
        "datacite-technical-community-manager",
        "datacite-technical-lead",
    ]
    assert ids(ask(router, sample, "/jobs closing this month")) == [
        "molloy-technology-lead",
        "datacite-technical-community-manager",
    ]
    assert ids(ask(router, sample, "/jobs museums")) == ["wikimedia-glam-program-officer"]
    reply = ask(router, sample, "/jobs show datacite-technical-community-manager")
    assert "Deadline: 7 February 2022 (closes in 6 days)" in reply.text
    assert "“Apply by the 7th of February 2022.”" in reply.text


def test_faq_on_the_real_store(sample: Store) -> None:
    router = make_router()
    fee = ask(router, sample, "/iiif membership fee")
    assert "$10,000 annual fee" in fee.text.split("\n")[0]
    join = ask(router, sample, "/faq how do I join the iiif consortium")
    assert "srabun@iiif.io" in join.text.split("\n")[0]
    assert "2000€" in ask(router, sample, "/datacite membership fee").text


def test_hostile_text_on_the_real_store(sample: Store) -> None:
    router = make_router()

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        command=st.sampled_from(["jobs", "faq", "iiif", "jobs show"]),
        text=st.one_of(
            st.text(max_size=120),
            st.sampled_from(['"remote" AND (x OR y*)', "NEAR(a b)", "🎉", "^x:y", "x" * 499]),
        ),
    )
    def run(command: str, text: str) -> None:
        reply = ask(router, sample, f"/{command} {text}")
        assert reply.error_id is None, reply.text

    run()


# --- the real seeds and corpus -------------------------------------------------------------


@pytest.fixture
def both(store: Store, shared_dir: Path, tmp_path: Path) -> Store:
    """Seeds and corpus side by side in one content folder."""
    root = tmp_path / "content"
    for name in ("seeds", "corpus"):
        (root / name).mkdir(parents=True)
        for md in (shared_dir / name).glob("*.md"):
            (root / name / md.name).write_bytes(md.read_bytes())
    report = sync_folder(store, root, now=NOW)
    assert not report.failed, report.failed
    return store


def _open_remote(store: Store, today: date) -> set[str]:
    return {
        p.id for p in store.all_postings(include_inactive=False) if p.remote and p.is_open(today)
    }


def _all_ids(router: Any, store: Store, query: str, now: datetime) -> list[str]:
    """Every posting listed by a query, following the More actions."""
    found: list[str] = []
    line = query
    for _page in range(50):
        reply = ask(router, store, line, now=now)
        found += ids(reply)
        more = next((a for a in reply.actions if a.label == "More"), None)
        if more is None:
            return found
        line = "/" + more.value
    raise AssertionError("paging never ended")


@pytest.mark.parametrize("as_of", [datetime(2019, 5, 20, tzinfo=UTC), NOW])
def test_jobs_remote_lists_exactly_the_open_remote_postings(both: Store, as_of: datetime) -> None:
    router = make_router()
    listed = _all_ids(router, both, "/jobs remote", as_of)
    assert len(listed) == len(set(listed))
    assert set(listed) == _open_remote(both, as_of.date())
    titles = {both.get_posting(i).title for i in listed}  # type: ignore[union-attr]
    assert "Technical Community Manager" in titles
    # posted in November 2017 with no deadline: more than a year old, probably filled
    assert "IIIF Community & Communications Officer" not in titles
    # posted in July 2018 with no deadline: open for a year (Freshness), not on today's date
    glam = "Program Officer, GLAM and Underrepresented Heritage"
    assert (glam in titles) is (as_of.year == 2019)
    assert "Managing Director of the IIIF Consortium" not in titles  # applications closed
    if as_of == NOW:
        assert "DataCite is Hiring another Application Developer" not in titles  # expired 2017


def test_jobs_datacite_lists_exactly_the_datacite_postings(both: Store) -> None:
    router = make_router()
    listed = _all_ids(router, both, "/jobs all datacite", NOW)
    expected = {
        p.id
        for p in both.all_postings(include_inactive=False)
        if "datacite" in (p.organization or "").lower()
    }
    assert set(listed) == expected
    # seeds: the community manager; corpus: the 2022 jobs page and three blog posts
    assert len(expected) == 5
    open_now = _all_ids(router, both, "/jobs datacite", NOW)
    by_id = {p.id: p for p in both.all_postings()}
    assert set(open_now) == {i for i in expected if by_id[i].is_open(NOW.date())}
    assert "Technical Community Manager" in {by_id[i].title for i in open_now}
    assert all(by_id[i].organization == "DataCite" for i in listed)


def test_jobs_closing_this_month(both: Store) -> None:
    reply = ask(make_router(), both, "/jobs closing this month", now=NOW)
    assert [p.title for p in reply.postings] == ["Technical Community Manager"]
    assert reply.postings[0].deadline == date(2022, 2, 7)


def test_iiif_membership_fee(both: Store) -> None:
    reply = ask(make_router(), both, "/iiif membership fee", now=NOW)
    first = reply.text.split("\n")[0]
    assert "$10,000 annual fee" in first
    assert (
        reply.passages[0].passage.page_title == "IIIF Consortium Frequently Asked Questions (FAQs)"
    )


def test_faq_how_to_join(both: Store) -> None:
    reply = ask(make_router(), both, "/faq how do I join the iiif consortium", now=NOW)
    first = reply.text.split("\n")[0]
    assert "send an email expressing interest" in first
    assert "srabun@iiif.io" in first


def test_the_same_through_the_console(both: Store) -> None:
    out = io.StringIO()

    def make(request: Request) -> Any:
        return make_context(both, request, NOW)

    lines = (
        "jobs closing this month\n/iiif membership fee\n/faq how do I join the iiif consortium\n"
    )
    count = run_console(make_router(), make, input=io.StringIO(lines), output=out)
    text = out.getvalue()
    assert count == 3
    assert "• Technical Community Manager" in text
    assert "deadline 7 February 2022 (closes in 6 days)" in text
    assert "$10,000 annual fee" in text
    assert "srabun@iiif.io" in text

"""The organisation names a Store keeps between commands: every command needs them, so they
are read again only when this Store changes content or a few seconds have passed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from bot.domain import PostingQuery
from bot.store import Store
from bot.store.questions import QuestionStore

from .factories import NOW, TODAY, doc, draft


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", note)


def _names_read(seen: list[str]) -> int:
    return sum("posting_orgs" in s or "posting_names" in s for s in seen)


def _ids(store: Store, organization: str) -> list[str]:
    page = store.find_postings(PostingQuery(today=TODAY, organization=organization))
    return sorted(p.id for p in page.items)


def test_a_logged_question_keeps_the_names_and_new_content_ends_them(store: Store) -> None:
    store.save_documents([doc("a.md", draft("a", "Developer", organization="DataCite"))], NOW)
    assert store.organizations() == ["DataCite"]
    with statements(store) as seen:
        QuestionStore(store).record("is datacite hiring?", intent="list", answered=True, now=NOW)
        assert store.organizations() == ["DataCite"]
        assert _ids(store, "datacite") == ["a"]
    assert _names_read(seen) == 0, seen
    # a name new to this Store is read at once: a posting it saved is listed by its name
    store.save_documents([doc("b.md", draft("b", "Curator", organization="DataCite e.V."))], NOW)
    assert store.organizations() == ["DataCite", "DataCite e.V."]
    assert _ids(store, "datacite") == ["a", "b"]


def test_a_name_no_kept_name_holds_is_looked_up_in_the_postings(store: Store) -> None:
    store.save_documents([doc("a.md", draft("a", "Developer", organization="DataCite"))], NOW)
    assert store.organizations() == ["DataCite"]
    # another process stores a posting of a new organisation: this Store has not written
    other = Store.open(str(store.engine.url.render_as_string(hide_password=False)))
    try:
        other.save_documents([doc("b.md", draft("b", "Curator", organization="Europeana"))], NOW)
    finally:
        other.close()
    assert store.organizations() == ["DataCite"]  # kept for a few seconds
    assert _ids(store, "europeana") == ["b"]

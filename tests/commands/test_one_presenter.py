"""The same posting says the same things in a list, a card, an announcement and a reminder,
on the console, Slack and Matrix: every renderer draws ``bot.present``'s facts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from cmdfakes import NOW, FakeStore, ask, make_router, posting

from bot.commands import Reply
from bot.domain import Passage, PassageHit
from bot.platforms import console, matrix_render, slack_blocks
from bot.present import posting_card
from handlers.announcements import announcement_reply, digest_reply, reminder_reply

TODAY = NOW.date()

POSTINGS = [
    posting(
        "archivist",
        "Digital Archivist",
        organization="R&D <Archive>",
        location="Leiden",
        remote=True,
        deadline=TODAY + timedelta(days=6),
        contacts=("jobs@example.org",),
        posted=TODAY - timedelta(days=3),
    ),
    posting(
        "curator",
        "Curator",
        organization="Museum",
        open_until_filled=True,
        posted=TODAY - timedelta(days=10),
    ),
    posting(
        "old",
        "Systems Librarian",
        organization="Library",
        location="Toledo",
        posted=date(2018, 5, 1),
    ),
]


def _renderings(reply: Reply) -> dict[str, str]:
    slack = "\n".join(
        slack_blocks.unescape(text).replace("\u2060", "")
        for message in slack_blocks.render(reply)
        for _kind, text in _all_texts(message.blocks)
    )
    return {
        "console": console.render_text(reply),
        "slack": slack,
        "matrix": "\n".join(m.body for m in matrix_render.render(reply)),
        "matrix html": "\n".join(m.formatted_body or "" for m in matrix_render.render(reply)),
    }


def _all_texts(blocks: object) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(blocks, dict):
        if isinstance(blocks.get("text"), str) and blocks.get("type") in ("mrkdwn", "plain_text"):
            found.append((blocks["type"], blocks["text"]))
        for value in blocks.values():
            found += _all_texts(value)
    elif isinstance(blocks, list | tuple):
        for value in blocks:
            found += _all_texts(value)
    return found


def _html_text(html: str) -> str:
    return (
        re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


@pytest.mark.parametrize("pid", [p.id for p in POSTINGS])
def test_one_posting_reads_the_same_everywhere(pid: str) -> None:
    store = FakeStore(postings=list(POSTINGS))
    target = next(p for p in POSTINGS if p.id == pid)
    card = posting_card(target, TODAY)
    router = make_router()
    replies = {
        "list": ask(router, store, "/jobs all"),
        "announcement": announcement_reply(target, TODAY),
        "reminder": reminder_reply(target, TODAY),
        "digest": digest_reply([target], [], TODAY),
        "question": ask(router, store, "any jobs?" if card.state == "open" else "past jobs?"),
    }
    for name, reply in replies.items():
        assert reply is not None
        assert target in reply.postings, name
        # the neutral text (what plain platforms and tests read) holds the one line
        assert card.line in reply.text, (name, reply.text)
        for platform, text in _renderings(reply).items():
            seen = _html_text(text) if platform == "matrix html" else text
            for fact in card.facts:
                assert fact in seen, (name, platform, fact, seen)


def test_the_full_card_uses_the_same_words() -> None:
    store = FakeStore(postings=list(POSTINGS))
    router = make_router()
    for p in POSTINGS:
        shown = ask(router, store, f"/jobs show {p.id}")
        card = posting_card(p, TODAY)
        status = card.facts[-1]
        text = shown.text
        if p.deadline is not None:
            assert status.removeprefix("deadline ") in text  # "7 February 2022 (closes in …)"
        else:
            assert status in text or "open until filled" in text, text
        for platform, rendered in _renderings(shown).items():
            seen = _html_text(rendered) if platform == "matrix html" else rendered
            assert p.title in seen and (p.organization or "") in seen, platform


def test_status_words_follow_the_posting_state() -> None:
    words = {p.id: posting_card(p, TODAY).facts[-1] for p in POSTINGS}
    assert words["archivist"].startswith("deadline ") and "closes in 6 days" in words["archivist"]
    assert words["curator"] == "open until filled"
    assert words["old"] == "probably filled (posted 1 May 2018, no deadline given)"


def test_a_removed_posting_is_said_removed_by_an_admin_not_gone_from_its_site() -> None:
    kept = posting("kept", "Curator", deadline=TODAY + timedelta(days=9))
    removed, gone = replace(kept, status="removed"), replace(kept, status="withdrawn")
    assert posting_card(removed, TODAY).facts[-1] == (
        "removed by an admin (/jobs restore kept brings it back)"
    )
    assert posting_card(gone, TODAY).facts[-1] == "withdrawn: no longer on its site"


def test_a_long_location_is_cut_at_a_word_in_the_card_only() -> None:
    where = "This is a remote position: you can work from anywhere with a good Internet connection."
    p = posting("long", "Coordinator", location=where, remote=True, posted=TODAY)
    card = posting_card(p, TODAY)
    assert (
        card.facts[0]
        == "This is a remote position: you can work from anywhere with a good Internet …"
    )
    assert len(card.facts[0]) <= 82
    store = FakeStore(postings=[p])
    assert where in ask(make_router(), store, "/jobs show long").text


def test_a_location_that_repeats_the_employer_is_said_once_in_the_card() -> None:
    where = "University of California-Irvine"
    p = posting("uci", "Project Manager", organization=where, location=where, posted=TODAY)
    assert posting_card(p, TODAY).facts[:2] == (where, "open, no deadline given")
    other = posting("lib", "Librarian", organization="Lakeside Library", location="Leeds")
    assert posting_card(other, TODAY).facts[:2] == ("Lakeside Library", "Leeds")


def test_the_page_link_is_the_same_in_a_card_an_answer_and_matrix() -> None:
    page = "https://example.org/jobs/2022/archivist/"
    p = posting("paged", "Archivist", organization="Example Archive", posted=TODAY,
                url="https://example.org/old", page_url=page)  # fmt: skip
    store = FakeStore(postings=[p])
    router = make_router()
    assert f"Posting: {page}" in ask(router, store, "/jobs show paged").text
    assert (
        f"Posting: {page}" in ask(router, store, "where is the example archive archivist job?").text
    )
    html = "".join(
        m.formatted_body or "" for m in matrix_render.render(announcement_reply(p, TODAY))
    )
    assert f'href="{page}"' in html


@pytest.mark.parametrize(
    ("page", "question", "said"),
    [
        ("Travel Grants", "Travel Grants", "Travel Grants"),
        ("Travel Grants", "travel grants:", "Travel Grants"),
        ("Travel Grants", "Who may apply?", "Travel Grants: Who may apply?"),
    ],
)
def test_a_page_s_opening_passage_names_the_page_once(page: str, question: str, said: str) -> None:
    """A page's opening has the page title for its question: "— Travel Grants: Travel
    Grants" under the quote was a stutter, on every platform."""
    hit = PassageHit(
        Passage(1, "grants.md", page, "Org", question, "We fund travel.", None, 0), 1.0
    )
    reply = Reply(text="x", summary=f"From {page}:", passages=(hit,))
    assert f"— {said}\n" in console.render_text(reply) + "\n"
    assert f"— {said}" in matrix_render.render(reply)[0].body
    assert str(slack_blocks.render(reply)[0].blocks).count(page) == 2  # summary, source

"""Reply → Matrix messages, without a server: items, prefix, sanitising, defusing, splitting."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import Action, Reply
from bot.domain import Passage, PassageHit, Posting
from bot.platforms.matrix_render import (
    MAX_EVENT_BYTES,
    WORD_JOINER,
    defuse_mentions,
    markdown_to_plain,
    render,
    sanitize_html,
    with_prefix,
)
from bot.present import fact_lines

TODAY = date(2022, 2, 1)


def posting(pid: str, title: str, **overrides: object) -> Posting:
    base = Posting(
        id=pid,
        source=f"{pid}.md",
        position=0,
        title=title,
        organization="DataCite",
        location="Remote",
        remote=True,
        deadline=date(2022, 2, 7),
        deadline_inferred=False,
        open_until_filled=False,
        closed=False,
        salary=None,
        salary_min=Decimal("0"),
        salary_currency=None,
        contacts=(),
        posted=None,
        body="",
        url=f"https://example.org/{pid}",
        status="active",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def listing(postings: list[Posting]) -> Reply:
    return Reply(
        text="(the Markdown reading)",
        summary=f"{len(postings)} open postings match `/jobs remote`:",
        postings=tuple(postings),
        actions=tuple(Action("Details", "command", f"jobs show {p.id}") for p in postings),
        today=TODAY,
    )


def test_posting_list_is_a_list_of_bold_linked_titles_with_facts() -> None:
    reply = listing([posting("a", "Developer & <Tester>"), posting("b", "Archivist")])
    [message] = render(reply)
    assert message.body.splitlines() == [
        "2 open postings match !jobs remote:",
        "• Developer & <Tester>",
        "  DataCite · Remote · remote · deadline 7 February 2022 (closes in 6 days) · a",
        "  Details: !jobs show a",
        "• Archivist",
        "  DataCite · Remote · remote · deadline 7 February 2022 (closes in 6 days) · b",
        "  Details: !jobs show b",
    ]
    html = message.formatted_body
    assert html.startswith("<p>2 open postings match <code>!jobs remote</code>:</p><ul><li>")
    assert (
        '<a href="https://example.org/a"><strong>Developer &amp; &lt;Tester&gt;</strong></a>'
        in html
    )
    assert html.count("<li>") == 2 and html.endswith("</li></ul>")
    assert "Try:" not in message.body  # the details actions are drawn with their postings


def test_content_keys_say_notice_html_and_no_mentions() -> None:
    [message] = render(Reply(text="hello"))
    assert message.content() == {
        "msgtype": "m.notice",
        "body": "hello",
        "format": "org.matrix.custom.html",
        "formatted_body": "<p>hello</p>",
        "m.mentions": {},
    }


def test_passage_is_quoted_with_its_page_and_link() -> None:
    """A passage is plain text, quoted as written: read as Markdown, an address's
    underscores became emphasis and left the body, so the copied address was wrong."""
    passage = Passage(
        id=1,
        source="faq.md",
        page_title="IIIF FAQ",
        organization="IIIF",
        question="What does it cost?",
        text="A $10,000 annual fee*, paid at https://iiif.io/_fees_/now.\n"
        "* for members <b>only</b>",
        url="https://iiif.io/faq",
        position=0,
    )
    reply = Reply(text="x", summary="From IIIF FAQ:", passages=(PassageHit(passage, 1.0),))
    [message] = render(reply)
    assert message.body.splitlines() == [
        "From IIIF FAQ:",
        "> A $10,000 annual fee*, paid at https://iiif.io/_fees_/now.",
        "> * for members <b>only</b>",
        "  — IIIF FAQ: What does it cost?",
        "  https://iiif.io/faq",
    ]
    assert (
        "<blockquote><p>A $10,000 annual fee*, paid at https://iiif.io/_fees_/now.<br>"
        "* for members &lt;b&gt;only&lt;/b&gt;</p></blockquote>"
    ) in message.formatted_body
    assert '<a href="https://iiif.io/faq">https://iiif.io/faq</a>' in message.formatted_body


def test_actions_are_hints_with_the_matrix_prefix_and_links() -> None:
    reply = Reply(
        text="Nothing matches.",
        actions=(Action("/jobs", "command", "jobs"), Action("Source", "url", "https://x.org/a")),
    )
    [message] = render(reply, prefix="?")
    assert message.body.splitlines() == [
        "Nothing matches.",
        "Try: ?jobs",
        "Source: https://x.org/a",
    ]
    assert '<a href="https://x.org/a">Source</a>' in message.formatted_body


def test_a_hint_the_text_already_gives_is_not_repeated() -> None:
    reply = Reply(
        text="No posting matches.\nTry: `/jobs`, `/jobs all`\nStop with `/jobs unsubscribe 1`.",
        actions=(
            Action("/jobs", "command", "jobs"),
            Action("/jobs all", "command", "jobs all"),
            Action("Unsubscribe", "command", "jobs unsubscribe 1"),
            Action("Unsubscribe #12", "command", "jobs unsubscribe 12"),
        ),
    )
    [message] = render(reply, prefix="!")
    lines = message.body.splitlines()
    assert lines[:3] == [
        "No posting matches.",
        "Try: !jobs, !jobs all",
        "Stop with !jobs unsubscribe 1.",
    ]
    assert lines[3:] == ["Unsubscribe #12: !jobs unsubscribe 12"]  # "…1" does not say "…12"
    assert message.formatted_body.count("jobs unsubscribe 1<") == 1


def test_commands_written_by_handlers_use_the_prefix_but_urls_and_paths_do_not() -> None:
    assert with_prefix("Type `/help`, or /jobs remote.", "!") == "Type `!help`, or !jobs remote."
    for untouched in ("and/or", "https://example.org/jobs", "see /usr/bin", "1/2"):
        assert with_prefix(untouched, "!") == untouched
    # quoted words are someone else's: a question asked, a posting's sentence
    quoted = "I found no answer to “a fee of 30 /hour”. Try `/jobs`."
    assert with_prefix(quoted, "!") == "I found no answer to “a fee of 30 /hour”. Try `!jobs`."


def test_raw_html_in_content_is_shown_as_text_never_as_markup() -> None:
    text = 'Hi <script>alert(1)</script> <img src=x onerror="y"> [x](javascript:alert(1))'
    [message] = render(Reply(text=text))
    html = message.formatted_body
    assert "<script" not in html and "<img" not in html
    assert "<a" not in html  # a javascript: link stays literal text
    assert "&lt;script&gt;" in html  # escaped, so the reader sees what was written


def test_a_links_words_never_hide_its_address() -> None:
    """A question quoted back or a page's sentence may carry "[words](address)": Herald
    shows the address, as the link, beside the words, in HTML as in the plain body."""
    [message] = render(Reply(text="is [datacite](https://evil.example) hiring?"))
    assert message.formatted_body == (
        '<p>is datacite (<a href="https://evil.example">https://evil.example</a>) hiring?</p>'
    )
    assert message.body == "is datacite (https://evil.example) hiring?"
    [own] = render(Reply(text="see <https://x.org> or [https://y.org](https://y.org)"))
    assert own.formatted_body == (
        '<p>see <a href="https://x.org">https://x.org</a> or '
        '<a href="https://y.org">https://y.org</a></p>'
    )


def test_sanitize_html_keeps_only_the_allow_list() -> None:
    dirty = (
        '<p onclick="x">a<script>b</script><a href="javascript:c">d</a>'
        '<a href="https://ok.org" target="_blank">e</a><iframe src="https://x"></iframe></p>'
    )
    assert sanitize_html(dirty) == '<p>a<a>d</a><a href="https://ok.org">e</a></p>'


def test_room_and_user_mentions_are_defused_but_emails_are_not() -> None:
    text = "Hey @room, ask @alice:example.org or mail jobs@example.org"
    defused = defuse_mentions(text)
    assert defused == (
        f"Hey @{WORD_JOINER}room, ask @{WORD_JOINER}alice:example.org or mail jobs@example.org"
    )
    assert defuse_mentions(defused) == defused  # idempotent


def test_markdown_to_plain_reads_well() -> None:
    assert markdown_to_plain("**Bold** and `code` and [a link](https://x.org)") == (
        "Bold and code and a link (https://x.org)"
    )
    assert markdown_to_plain("line one\nline two\n\nnext paragraph") == (
        "line one\nline two\n\nnext paragraph"
    )


def test_a_long_list_is_split_between_postings_under_the_limit() -> None:
    postings = [posting(f"p{n:03d}", f"Posting number {n} " + "x" * 200) for n in range(400)]
    messages = render(listing(postings))
    assert len(messages) > 1
    for message in messages:
        assert message.size <= MAX_EVENT_BYTES
        assert len(json.dumps(message.content()).encode()) < 65_536
        html = message.formatted_body
        assert html.count("<ul>") == html.count("</ul>") == 1
        assert html.count("<li>") == html.count("</li>")
    ids = [i for m in messages for i in re.findall(r"Details: !jobs show (p\d+)", m.body)]
    assert ids == [p.id for p in postings]  # every posting once, in order, never cut in two


def test_one_enormous_paragraph_is_still_split() -> None:
    text = "word " * 40_000
    messages = render(Reply(text=text), max_bytes=10_000)
    assert len(messages) > 1
    assert all(m.size <= 10_000 for m in messages)
    assert re.sub(r"\s", "", "".join(m.body for m in messages)) == re.sub(r"\s", "", text)


_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=0, max_size=300
) | st.sampled_from(["@room", "<b>x</b>", "@bob:ex.org", "**", "`/jobs`", "<script>"])


@settings(max_examples=150, deadline=None)
@given(
    title=_text,
    body_text=_text,
    summary=_text,
    max_bytes=st.integers(min_value=3_000, max_value=MAX_EVENT_BYTES),
)
def test_any_content_is_defused_sanitised_and_within_size(
    title: str, body_text: str, summary: str, max_bytes: int
) -> None:
    reply = Reply(
        text=body_text,
        summary=summary or "x",
        postings=(posting("p1", title, location=body_text),),
        today=TODAY,
    )
    for candidate in (reply, Reply(text=body_text + "\n\n" + title)):
        for message in render(candidate, max_bytes=max_bytes):
            assert message.size <= max_bytes
            for field in (message.body, message.formatted_body):
                assert "@room" not in field
                assert not re.search(r"@[a-z0-9._=/+\-]+:[a-z0-9\-]+\.", field, re.I)
            assert "<script" not in message.formatted_body
            assert sanitize_html(message.formatted_body) == message.formatted_body


def test_a_posting_shown_whole_keeps_the_marks_of_its_title() -> None:
    # "/jobs show": the title in Herald's bold; its own asterisks are no italics
    p = posting("p-marks", "*NEW* Curator, 3* hotel")
    [message] = render(Reply(text="\n".join(fact_lines(p, TODAY))))
    assert "<strong>*NEW* Curator, 3* hotel</strong>" in message.formatted_body
    assert message.body.startswith("*NEW* Curator, 3* hotel\n")

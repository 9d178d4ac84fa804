"""Block Kit rendering: escaping, Slack's limits, dates, buttons — pure, no network."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from slackfakes import all_texts, block_ids, block_problems, buttons, message_problems

from bot.commands import Action, Reply
from bot.domain import Passage, PassageHit, Posting
from bot.platforms.slack_blocks import (
    _BARE_URL,
    ACTION_PAGE,
    ACTION_SHARE,
    escape,
    escape_code,
    home_view,
    markdown_to_mrkdwn,
    render,
    size,
    split_text,
    unescape,
)
from bot.present import fact_lines
from handlers.announcements import announcement_reply

TODAY = date(2022, 2, 1)
WJ = "\u2060"

# The only control sequences Herald writes itself: links, and the sharer's mention.
OURS = re.compile(
    r"<(?:https?://[^<>|\s]+|mailto:[\w.%+-]+@[\w-]+(?:\.[\w-]+)+)(?:\|[^<>|]*)?>"
    r"|<@U0ALICE>"
)


def posting(**fields: Any) -> Posting:
    values: dict[str, Any] = {
        "id": "p-1",
        "source": "p.md",
        "position": 0,
        "title": "Data Steward",
        "organization": "Example Lab",
        "location": "Leiden",
        "remote": True,
        "deadline": date(2022, 2, 7),
        "deadline_inferred": False,
        "open_until_filled": False,
        "closed": False,
        "salary": None,
        "salary_min": None,
        "salary_currency": None,
        "contacts": ("jobs@example.org",),
        "posted": date(2022, 1, 20),
        "body": "",
        "url": "https://example.org/jobs/1",
        "status": "active",
    }
    values.update(fields)
    return Posting(**values)


def listing(*postings: Posting, summary: str = "2 open postings match `/jobs`:") -> Reply:
    actions = tuple(Action("Details", "command", f"jobs show {p.id}") for p in postings)
    return Reply(
        text="unused when items are drawn",
        postings=postings,
        actions=(*actions, Action("More", "command", "jobs page 2")),
        summary=summary,
        today=TODAY,
    )


def mrkdwn_texts(messages: list[Any]) -> list[str]:
    texts = [m.text for m in messages]
    for message in messages:
        texts += [t for kind, t in all_texts(list(message.blocks)) if kind == "mrkdwn"]
    return texts


# --- escaping ---------------------------------------------------------------------------


def test_escape_turns_control_characters_into_entities_and_breaks_broadcasts() -> None:
    assert escape("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"
    assert escape("hi @channel @here @everyone") == f"hi @{WJ}channel @{WJ}here @{WJ}everyone"
    assert escape("mail me@channels.org") == "mail me@channels.org"  # not a broadcast word
    assert unescape("&lt;b&gt; &amp;amp;") == "<b> &amp;"


@given(st.text())
def test_escaped_text_has_no_angle_brackets_and_reads_back(text: str) -> None:
    escaped = escape_code(text)
    assert "<" not in escaped and ">" not in escaped
    assert unescape(escaped).replace(WJ, "") == text.replace(WJ, "").replace("`", "\u02cb")
    assert "<" not in escape(text) and ">" not in escape(text)


def test_escape_draws_slacks_formatting_marks_as_look_alikes() -> None:
    # Slack has no escape for them: "*NEW*" would turn bold, "3* hotel" open a bold run
    assert escape("*NEW* Curator, 3* hotel ~50%~ `x`") == "∗NEW∗ Curator, 3∗ hotel ∼50%∼ ˋxˋ"
    assert escape("_Temporary_ post") == "ˍTemporaryˍ post"
    # inside a word a mark formats nothing, and an address must stay one
    assert escape("write to jobs_hr@example.org") == "write to jobs_hr@example.org"
    # an address keeps its marks: copied, it must still lead where it says
    assert escape("apply: https://example.org/_jobs/a_b_ now") == (
        "apply: https://example.org/_jobs/a_b_ now"
    )
    assert escape("*x* https://example.org/_a *y*") == "∗x∗ https://example.org/_a ∗y∗"
    # inside backticks the text is copied and typed back: kept as it is
    assert escape_code("_posts/a_b*.md") == "_posts/a_b*.md"


@given(st.text())
def test_escaped_text_has_no_mark_slack_could_format_with(text: str) -> None:
    escaped = _BARE_URL.sub("", escape(text))  # addresses keep theirs
    for at, ch in enumerate(escaped):
        if ch in "*_~`":
            assert 0 < at < len(escaped) - 1, escaped
            assert escaped[at - 1].isalnum() and escaped[at + 1].isalnum(), escaped


_piece = (
    st.sampled_from(
        [
            "<!channel>",
            "<!here>",
            "<@U123>",
            "<!subteam^S1|x>",
            "<!subteam^S123|@team>",
            "@channel",
            "&amp;",
            "<a@b.org>",
            "[a|b](https://x.org)",
        ]
    )
    | st.text(alphabet=st.sampled_from(list("<>!@&|^*_`~#:/ abcUW0129\n")), max_size=6)
    | st.text(max_size=6)
)
_content = st.lists(_piece, max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(title=_content, org=_content, location=_content, summary=_content, label=_content)
def test_content_never_becomes_a_control_sequence(
    title: str, org: str, location: str, summary: str, label: str
) -> None:
    p = posting(title=title or "x", organization=org or None, location=location or None)
    reply = Reply(
        text=summary or "x",
        postings=(p,),
        actions=(Action(label or "x", "command", "jobs"),),
        summary=summary or "x",
        today=TODAY,
    )
    for shared_by in (None, "U0ALICE"):
        messages = render(reply, share="jobs x", shared_by=shared_by)
        for text in mrkdwn_texts(messages):
            # Herald's own sequences and quote markers ("> " at a line start) aside
            rest = re.sub(r"(?m)^> ", "", OURS.sub("", text))
            assert "<" not in rest and ">" not in rest, text
            assert not re.search(r"@(channel|here|everyone)\b", rest, re.IGNORECASE), text
        for message in messages:
            assert message_problems(message.payload()) == []


def test_a_user_group_mention_in_markdown_is_text_not_a_mailto_link() -> None:
    text = markdown_to_mrkdwn("Ask <!subteam^S123|@team> or <jobs@example.org>.")
    assert text == (
        "Ask &lt;!subteam^S123|@team&gt; or <mailto:jobs@example.org|jobs@example.org>."
    )


def test_a_channel_posting_is_shown_as_text() -> None:
    p = posting(title="<!channel> hiring @here", organization="<!subteam^S1|team> & co")
    [message] = render(listing(p))
    section = next(b for b in message.blocks if b.get("block_id") == "posting:p-1")
    text = section["text"]["text"]
    assert text.startswith(f"*&lt;!channel&gt; hiring @{WJ}here*")
    assert "&lt;!subteam^S1|team&gt; &amp; co" in text
    assert section["text"]["verbatim"] is True  # Slack must not parse mentions on its own


# --- Markdown → mrkdwn ----------------------------------------------------------------


def test_markdown_becomes_mrkdwn() -> None:
    assert markdown_to_mrkdwn("**Title** — *note* `id`") == "*Title* — _note_ `id`"
    assert markdown_to_mrkdwn("> quoted <b>") == "> quoted &lt;b&gt;"
    # a link's words never hide where it goes: the address is the link, beside them
    assert markdown_to_mrkdwn("see [the page](https://x.org/?a=1&b=2)") == (
        "see the page (<https://x.org/?a=1&amp;b=2|https://x.org/?a=1&amp;b=2>)"
    )
    assert markdown_to_mrkdwn("is [datacite](https://evil.example) hiring?") == (
        "is datacite (<https://evil.example|https://evil.example>) hiring?"
    )
    assert markdown_to_mrkdwn("[https://x.org](https://x.org) <a@b.org>") == (
        "<https://x.org|https://x.org> <mailto:a@b.org|a@b.org>"
    )
    assert markdown_to_mrkdwn("Source: p.md (https://x.org/jobs/1).") == (
        "Source: p.md (<https://x.org/jobs/1>)."
    )
    # a link to anything but http(s)/mailto keeps its words and address, loses its target
    assert markdown_to_mrkdwn("[files](ftp://x.org/f)") == "files (ftp://x.org/f)"
    assert markdown_to_mrkdwn("[click](javascript:alert(1))") == "[click](javascript:alert(1))"
    # Markdown block syntax in content stays text
    assert markdown_to_mrkdwn("1. not a list\n# not a heading") == "1. not a list\n# not a heading"


# --- limits ---------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), limit=st.integers(min_value=8, max_value=60))
def test_split_text_fits_and_never_cuts_an_entity(text: str, limit: int) -> None:
    escaped = escape(text)
    pieces = split_text(escaped, limit)
    assert all(size(p) <= limit for p in pieces)
    for piece in pieces:
        assert re.fullmatch(r"([^&]|&(amp|lt|gt);)*", piece, re.DOTALL), piece
    assert "".join("".join(pieces).split()) == "".join(escaped.split())


def test_sixty_postings_with_5000_character_titles_fit_slack() -> None:
    postings = tuple(
        posting(id=f"p-{n}", title=f"{n} " + "Archivist & <curator> " * 240, contacts=())
        for n in range(60)
    )
    assert all(len(p.title) > 5000 for p in postings)
    reply = listing(*postings, summary="60 postings " + "x" * 5000)
    messages = render(reply, share="jobs all")
    assert len(messages) > 1
    for message in messages:
        assert message_problems(message.payload()) == [], message_problems(message.payload())
    shown = [pid for m in messages for pid in block_ids(list(m.blocks), "posting:")]
    assert shown == [p.id for p in postings]
    # the share button and More come once, at the end
    last = buttons(list(messages[-1].blocks))
    assert [b.get("value") for b in last[-2:]] == ["jobs page 2", "jobs all"]
    assert last[-1]["action_id"] == ACTION_SHARE


def test_a_long_text_reply_is_split_into_sections_and_capped() -> None:
    text = "\n".join(f"Line {n}: " + "word " * 700 for n in range(200))
    messages = render(Reply(text=text), max_messages=5)
    assert len(messages) == 5
    for message in messages:
        assert message_problems(message.payload()) == []
    assert "shortened" in messages[-1].blocks[-1]["elements"][0]["text"]
    assert all(m.text for m in messages)  # every message has a notification text


def test_button_labels_and_values_fit() -> None:
    reply = Reply(
        text="x",
        actions=(
            Action("L" * 500, "command", "faq " + "q" * 100),
            Action("too long", "command", "faq " + "q" * 3000),  # cannot be a button
            Action("bad link", "url", "javascript:alert(1)"),
        ),
    )
    [message] = render(reply)
    found = buttons(list(message.blocks))
    assert len(found) == 1
    assert len(found[0]["text"]["text"]) <= 75
    assert block_problems(list(message.blocks)) == []


# --- postings, passages, dates --------------------------------------------------------------


def test_a_posting_says_the_presenters_facts_escaped_with_its_buttons() -> None:
    p = posting(organization="R&D <Lab>")
    [message] = render(listing(p))
    section = next(b for b in message.blocks if b.get("block_id") == "posting:p-1")
    text = section["text"]["text"]
    assert (
        "R&amp;D &lt;Lab&gt; · Leiden · remote · deadline 7 February 2022 (closes in 6 days)"
        in text
    )
    details, apply = buttons(list(message.blocks))[:2]
    assert details["value"] == "jobs show p-1" and apply["url"] == "mailto:jobs@example.org"


def test_closed_and_open_until_filled_postings_say_so() -> None:
    closed = posting(id="c", closed=True)
    filled = posting(id="f", deadline=None, open_until_filled=True, contacts=(), url=None)
    [message] = render(listing(closed, filled))
    texts = {b["block_id"]: b["text"]["text"] for b in message.blocks if "block_id" in b}
    assert "applications closed" in texts["posting:c"]
    assert "open until filled" in texts["posting:f"]
    # no contact and no page: Details only
    values = [b.get("value") or b.get("url") for b in buttons(list(message.blocks))]
    assert "jobs show f" in values


def test_passages_are_quoted_with_their_page() -> None:
    passage = Passage(
        id=42,
        source="faq.md",
        page_title="IIIF FAQ",
        organization="IIIF",
        question="What does it cost?",
        text="The fee is $10,000 <per year>.",
        url="https://iiif.io/faq/",
        position=3,
    )
    reply = Reply(
        text="> The fee…",
        passages=(PassageHit(passage, 1.0),),
        actions=(Action("Open page", "url", "https://iiif.io/faq/"),),
        summary="From IIIF FAQ:",
    )
    [message] = render(reply)
    blocks = list(message.blocks)
    assert block_ids(blocks, "passage:") == ["42"]
    quote = next(b for b in blocks if b.get("block_id") == "passage:42")["text"]["text"]
    assert quote == "> The fee is $10,000 &lt;per year&gt;."
    source = next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]
    assert "— IIIF FAQ: What does it cost?" in source
    assert "<https://iiif.io/faq/|Open page>" in source


def test_shared_copy_names_the_sharer_and_has_no_share_button() -> None:
    [message] = render(listing(posting()), share="/jobs remote", shared_by="U0ALICE")
    first = message.blocks[0]
    assert first["type"] == "context"
    assert first["elements"][0]["text"] == "Shared by <@U0ALICE> · `/jobs remote`"
    # a question is quoted in its words: "/remote jobs" is no command anyone can type
    [asked] = render(listing(posting()), share="remote jobs", shared_by="U0ALICE")
    assert asked.blocks[0]["elements"][0]["text"] == "Shared by <@U0ALICE> · “remote jobs”"
    assert all(b["action_id"] != ACTION_SHARE for b in buttons(list(message.blocks)))
    # a user id that is not one is shown as text, never as a mention
    [other] = render(listing(posting()), share="jobs", shared_by="<!channel>")
    assert "&lt;!channel&gt;" in other.blocks[0]["elements"][0]["text"]


def test_error_replies_are_marked() -> None:
    [message] = render(Reply(text="Sorry (error ab12).", error_id="ab12"))
    assert message.blocks[0]["text"]["text"].startswith(":warning: ")


def test_home_view_lists_postings_and_help() -> None:
    soon = [posting(id=f"s{n}") for n in range(5)]
    new = [posting(id=f"n{n}", title="<!here> new") for n in range(5)]
    view = home_view(listing(*soon), listing(*new), commands=[("jobs", "Open postings")])
    assert view["type"] == "home"
    assert block_problems(view["blocks"], max_blocks=100) == []
    ids = block_ids(view["blocks"], "posting:")
    assert ids == [p.id for p in soon + new]
    assert any(b.get("value") == "help" for b in buttons(view["blocks"]))
    assert not any("<!here>" in t for _k, t in all_texts(view["blocks"]))
    empty = home_view(Reply(text="none"), Reply(text="none"))
    assert "No open posting closes in the next two weeks." in str(empty)


def test_an_announcement_has_one_apply_and_one_details_button() -> None:
    p = posting(contacts=("jobs@example.org",), url="https://example.org/jobs/archivist")
    [message] = render(announcement_reply(p, TODAY))
    labels = [b["text"]["text"] for b in buttons(list(message.blocks))]
    assert labels.count("Apply") == 1 and labels.count("Details") == 1
    assert "Source" in labels  # what the posting's own buttons do not offer is kept
    [apply] = [b for b in buttons(list(message.blocks)) if b["text"]["text"] == "Apply"]
    assert apply["url"] == "mailto:jobs@example.org"


def test_more_has_its_own_action_so_it_can_replace_the_page() -> None:
    reply = Reply(text="x", actions=(Action("More", "command", "jobs page 2"),))
    [more] = buttons(list(render(reply)[0].blocks))
    assert more["action_id"].startswith(f"{ACTION_PAGE}:")


def test_the_notification_text_is_the_first_line_as_read_not_as_marked_up() -> None:
    # a question quoted back is escaped Markdown; the notification showed its backslashes
    [message] = render(Reply(text="No postings match “\\*x\\* and **bold** `code`”.\nMore"))
    assert message.text == "No postings match “*x* and bold code”."
    [message] = render(Reply(text="See [the page](https://a.example) <!channel>"))
    assert message.text == "See the page (https://a.example) &lt;!channel&gt;"


def test_a_posting_shown_whole_keeps_the_marks_of_its_title() -> None:
    # "/jobs show": the title in Herald's bold; its own asterisks neither end it nor italicise
    p = posting(title="*NEW* Curator, 3* hotel")
    [message] = render(Reply(text="\n".join(fact_lines(p, TODAY))))
    assert message.blocks[0]["text"]["text"].split("\n")[0] == "*∗NEW∗ Curator, 3∗ hotel*"

"""Reading files: encodings, front matter (sound and broken), Liquid, mojibake, Jekyll Markdown."""

from __future__ import annotations

from datetime import date

import pytest

from bot.content import parse_bytes, parse_text
from bot.content.clean import normalise_markdown, repair_mojibake, strip_html
from bot.content.front_matter import title_from_file_name
from bot.content.liquid import strip_liquid
from bot.content.text import remembered
from bot.domain import ContentError


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 8, "not look like a text file"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(data: bytes, words: str) -> None:
    with pytest.raises(ContentError) as refused:
        parse_bytes("postings/bad.md", data)
    assert words in refused.value.reason
    assert refused.value.path == "postings/bad.md"


def test_windows_1252_is_read_with_a_warning() -> None:
    doc = parse_bytes("x.md", "---\ntitle: Caf\xe9 Archivist\n---\nHello".encode("cp1252"))
    assert doc.title == "Café Archivist"
    assert any("not valid UTF-8" in w for w in doc.warnings)


def test_bom_and_crlf_are_tolerated() -> None:
    doc = parse_bytes("x.md", b"\xef\xbb\xbf---\r\ntitle: Registrar\r\n---\r\nBody\r\n")
    assert doc.title == "Registrar"
    assert "\r" not in doc.body


def test_broken_front_matter_keeps_the_body_and_says_why() -> None:
    text = (
        "---\ntitle: Job: Research & Innovation Specialist\nlayout: post\n  bad: [\n---\n"
        "Deadline to apply is June 6, 2019.\n"
    )
    doc = parse_text("_posts/jobs/2019-11-06-RESEARCH--INNOVATION-SPECIALIST.markdown", text)
    (warning,) = doc.warnings
    assert warning.startswith("front matter is not valid YAML (line 2:")
    assert doc.posted == date(2019, 11, 6)  # from the file name
    assert "Deadline to apply" in doc.body


def test_title_from_file_name_when_nothing_else_says_it() -> None:
    doc = parse_text("_posts/2019-11-06-RESEARCH--INNOVATION-SPECIALIST.markdown", "Some text.")
    assert doc.title == "Research & Innovation Specialist"
    assert doc.posted == date(2019, 11, 6)
    assert title_from_file_name("metadata_librarian") == "Metadata Librarian"


@pytest.mark.parametrize(
    "front",
    ["title: 2019", "title: [a, b]", "title:\n  name: X", "title: null", "date: not a date",
     "date: 2019-13-45", "tags: 5", "location: {name: Bath}", "kind: 3", "title: true"],
)  # fmt: skip
def test_front_matter_values_of_any_type(front: str) -> None:
    doc = parse_text("postings/2020-01-02-x.md", f"---\n{front}\n---\nBody text.\n")
    assert doc.title
    assert doc.posted == date(2020, 1, 2)  # no usable date key: the file name's date


def test_front_matter_that_is_not_a_mapping() -> None:
    doc = parse_text("x.md", "---\n- a\n- b\n---\nBody\n")
    assert any("not key: value" in w for w in doc.warnings)


def test_liquid_loops_and_tags_disappear_page_variables_are_filled() -> None:
    text = (
        "# {{ page.title}}\n{% include map.html %}\n<ul>\n{% for i in site.data.x %}\n"
        "  {% if i.ok %}<li>{{ i.name }}</li>{% endif %}\n{% endfor %}\n</ul>\n"
        "{% comment %}secret{% endcomment %}[home]({{ site.url | absolute_url }}/x)\n{{ broken"
    )
    cleaned = strip_liquid(text, {"title": "Project Manager"})
    assert cleaned.startswith("# Project Manager\n")
    for leftover in ("{%", "{{", "}}", "%}", "i.name", "secret", "broken"):
        assert leftover not in cleaned
    assert "[home](/x)" in cleaned


def test_mojibake_is_repaired_only_where_it_is() -> None:
    fixed, lines = repair_mojibake("Chairâ€™s designate\nSão Paulo is fine\nplain")
    assert fixed.split("\n")[0] in ("Chair’s designate", "Chair's designate")
    assert "São Paulo is fine" in fixed
    assert lines == 1


def test_html_becomes_markdown() -> None:
    html = (
        '# <a name="head1"></a>Technical Lead\n# <a name="h2">Developer</a>\n'
        '<ul><li>one</li><li><a href="https://x.org/a">two</a></li></ul>\n'
        '<div class="x">Annual Membership Fee: 2000&euro;</div><br/>Write to <me@x.org>.\n'
        "<table><tr><th>Tier</th><th>Fee</th></tr><tr><td>Tier 1</td><td>500€</td></tr></table>"
    )
    markdown = normalise_markdown(strip_html(html))
    assert "# Technical Lead {#head1}" in markdown
    assert "# Developer {#h2}" in markdown
    assert "- one" in markdown and "- [two](https://x.org/a)" in markdown
    assert "Annual Membership Fee: 2000€" in markdown
    assert "Write to me@x.org." in markdown
    assert "- Tier: Tier 1; Fee: 500€" in markdown
    assert "<" not in markdown


def test_jekyll_markdown_habits_are_normalised() -> None:
    text = (
        "### Description###\nText READMORE more.\n\nYour responsibilities\n---\n"
        "-- dash bullet\n• dot bullet\n{:.external}\n[ref][r] and [r]\n\n[r]: https://r.org/\n"
    )
    markdown = normalise_markdown(text)
    assert markdown.startswith("### Description\n")
    assert "READMORE" not in markdown
    assert "## Your responsibilities" in markdown
    assert "- dash bullet\n- dot bullet" in markdown
    assert "{:" not in markdown
    assert "[ref](https://r.org/) and [r](https://r.org/)" in markdown
    assert "[r]:" not in markdown


def test_an_unknown_reference_keeps_its_text() -> None:
    assert normalise_markdown("See [the page][nowhere].\n\n[other]: /x") == "See the page."


def test_a_remembered_test_answers_as_the_test_and_asks_it_once_per_text() -> None:
    asked: list[str] = []

    def is_apply(title: str) -> bool:
        asked.append(title)
        return title.lower().startswith("how to apply")

    remembered_apply = remembered(is_apply, size=2)
    answers = [remembered_apply(t) for t in ("How to Apply", "Salary", "How to Apply")]
    assert answers == [True, False, True]
    assert asked == ["How to Apply", "Salary"]
    remembered_apply("Location")  # a third text: the memo starts over rather than grow
    remembered_apply("How to Apply")
    assert asked == ["How to Apply", "Salary", "Location", "How to Apply"]


def test_liquid_leftovers_go_and_text_without_them_is_kept_as_is() -> None:
    assert strip_liquid("Apply by {{ page.deadline }}", {"deadline": "1 May"}) == "Apply by 1 May"
    assert (
        strip_liquid("a stray %} closer and {{ an open tag\nnext", {})
        == "a stray  closer and \nnext"
    )
    text = "Braces {#anchor} and {: .class} stay"
    assert strip_liquid(text, {}) is text

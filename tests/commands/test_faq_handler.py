"""/faq and the organisation shortcuts against the in-memory fake store."""

from __future__ import annotations

import pytest
from cmdfakes import FakeStore, ask, make_context, make_router, sample_store

from bot.commands import Action
from handlers.faq import faq, organisation_shortcuts


def test_iiif_membership_fee_answers_with_the_fee_sentence() -> None:
    reply = ask(make_router(), sample_store(), "/iiif membership fee")
    assert reply.text.startswith("> Membership requires a signed Memorandum")
    assert "$10,000 annual fee" in reply.text
    assert "Founding Members agree" not in reply.text.split("\n")[0]
    assert "IIIF Consortium FAQ" in reply.text
    assert "https://iiif.io/community/consortium/faq/" in reply.text
    best = reply.passages[0]
    assert best.passage.organization == "IIIF Consortium"
    assert "$10,000 annual fee" in best.passage.text
    assert Action("Open page", "url", "https://iiif.io/community/consortium/faq/") in reply.actions


def test_shortcut_is_restricted_to_its_organisation() -> None:
    reply = ask(make_router(), sample_store(), "/datacite membership fee")
    assert "2000€" in reply.text
    assert "$10,000" not in reply.text
    assert all(h.passage.organization == "DataCite" for h in reply.passages)


def test_faq_how_to_join() -> None:
    reply = ask(make_router(), sample_store(), "/faq how do I join the iiif consortium")
    assert "send an email expressing interest" in reply.text
    assert "srabun@iiif.io" in reply.text
    assert reply.passages[0].passage.question == "How can my institution join the IIIF Consortium?"


def test_handler_is_a_plain_function() -> None:
    assert "srabun@iiif.io" in faq(make_context(sample_store()), "how can I join").text


def test_no_confident_answer_offers_the_closest_headings() -> None:
    reply = ask(make_router(), sample_store(), "/iiif pizza recipe for the consortium")
    assert reply.text.startswith(
        "I don't know: I found no confident answer to “pizza recipe for the consortium”"
    )
    assert "in the FAQ of IIIF Consortium" in reply.text
    assert "Closest topics:" in reply.text
    assert "• What is the IIIF Consortium?" in reply.text
    assert not reply.passages
    assert (
        Action("What is the IIIF Consortium?", "command", "iiif What is the IIIF Consortium?")
        in reply.actions
    )


def test_an_employer_without_faq_is_not_a_command_but_a_question() -> None:
    reply = ask(make_router(), sample_store(), "/wikimedia jobs")
    assert "Unknown command" not in reply.text
    assert [p.id for p in reply.postings] == ["wikimedia-glam-program-officer"]


@pytest.mark.parametrize("line", ["/admin close x", "!frobnicate the widgets"])
def test_a_prefixed_word_that_no_question_answers_was_meant_as_a_command(line: str) -> None:
    name = line.split()[0][1:]
    reply = ask(make_router(), sample_store(), line)
    assert reply.text.startswith(f"Unknown command /{name}.")
    # typed without the prefix, the same words are a question
    unprefixed = ask(make_router(), sample_store(), line[1:])
    assert "Unknown command" not in unprefixed.text
    assert unprefixed.text.startswith("I don't know")


def test_empty_question_is_a_usage_error() -> None:
    reply = ask(make_router(), sample_store(), "/faq")
    assert reply.text.startswith("What would you like to know?")
    assert "Usage: `/faq <question>`" in reply.text
    reply = ask(make_router(), sample_store(), "/iiif   ")
    assert "Usage: `/iiif <question>`" in reply.text


def test_only_stopwords_is_not_an_answer() -> None:
    reply = ask(make_router(), sample_store(), "/faq what is the")
    assert "no confident answer" in reply.text


def test_no_faq_loaded() -> None:
    reply = ask(make_router(), FakeStore(), "/faq membership fee")
    assert "No FAQ pages are loaded yet." in reply.text


def test_shortcuts_are_derived_from_the_store() -> None:
    specs = organisation_shortcuts(make_context(sample_store()))
    names = [s.name for s in specs]
    assert names == sorted(set(names))
    assert set(names) == {"datacite", "iiif"}  # organisations with an FAQ page only
    iiif = next(s for s in specs if s.name == "iiif")
    assert iiif.usage == "/iiif <question>"
    assert iiif.help == "Ask the FAQ of IIIF Consortium"
    assert iiif.dynamic


def test_to_json_of_an_answer() -> None:
    data = ask(make_router(), sample_store(), "/iiif membership fee").to_json()
    first = data["passages"][0]
    assert first["source"] == "faq/iiif-consortium.md"
    assert first["question"] == "What is the IIIF Consortium?"
    assert "$10,000 annual fee" in first["text"]
    assert isinstance(first["score"], float)


def test_faq_naming_an_organisation_asks_its_faq_first() -> None:
    # the fake also holds DataCite's "Membership Fee" section, a closer match by words alone
    reply = ask(make_router(), sample_store(), "/faq iiif membership fee")
    assert "$10,000 annual fee" in reply.text
    assert ask(make_router(), sample_store(), "/faq datacite membership fee").text.startswith(
        "> Annual Membership Fee: 2000€"
    )


def test_cost_and_price_find_the_fee() -> None:
    for question in ("how much does iiif membership cost", "iiif membership price"):
        reply = ask(make_router(), sample_store(), f"/faq {question}")
        assert "$10,000 annual fee" in reply.text, question


def test_unrelated_question_lists_the_pages_not_random_headings() -> None:
    reply = ask(make_router(), sample_store(), "/faq pizza")
    assert "Closest topics" not in reply.text
    assert "Pages I know: DataCite Fee Model; IIIF Consortium FAQ." in reply.text


def test_help_lists_organisations_with_an_faq_and_others_are_questions() -> None:
    store = sample_store()
    specs = {s.name: s for s in organisation_shortcuts(make_context(store))}
    assert "iiif" in specs and "molloy" not in specs
    help_text = ask(make_router(), store, "/help").text
    assert "`/iiif`" in help_text
    assert "`/molloy`" not in help_text
    assert "Unknown command" not in ask(make_router(), store, "/molloy library hours").text


@pytest.mark.parametrize("line", ["/faq datacite", "/faq DataCite?", "/datacite datacite"])
def test_a_question_that_only_names_an_organisation_asks_what_to_know(line: str) -> None:
    reply = ask(make_router(), sample_store(), line)
    assert reply.text.startswith("What would you like to know about DataCite?")
    assert "Pages I know:" in reply.text
    assert not reply.passages


def test_an_organisation_without_faq_pages_points_to_its_postings() -> None:
    reply = ask(make_router(), sample_store(), "/faq wikimedia")
    assert "There is no FAQ page for" in reply.text and "`/jobs Wikimedia" in reply.text
    assert not reply.passages

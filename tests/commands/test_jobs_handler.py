"""/jobs and /jobs show against the in-memory fake store (as of 2022-02-01)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cmdfakes import FakeStore, ask, make_context, make_router, posting, sample_store

from bot.commands import Action
from handlers.jobs import jobs, show_posting


def ids(reply: object) -> list[str]:
    return [p.id for p in reply.postings]  # type: ignore[attr-defined]


def test_handler_is_a_plain_function() -> None:
    reply = jobs(make_context(sample_store()), "remote")
    assert "DataCite" in reply.text


def test_jobs_lists_open_postings_soonest_deadline_first() -> None:
    reply = ask(make_router(), sample_store(), "/jobs")
    assert ids(reply) == [
        "molloy-technology-lead",  # 2022-02-03
        "datacite-technical-community-manager",  # 2022-02-07
        "datacite-technical-lead",  # 2022-04-30
        "wikimedia-glam-program-officer",  # no deadline; posted 2018
        "iiif-community-officer",  # no deadline; posted 2017
    ]
    assert reply.text.startswith("5 open postings match `/jobs`")
    assert "closes in 2 days" in reply.text
    # expired and closed postings are hidden, with the exact command to see them
    assert "2 more closed postings match — `/jobs all`" in reply.text
    assert reply.today == date(2022, 2, 1)


def test_jobs_remote_lists_exactly_the_remote_open_postings() -> None:
    reply = ask(make_router(), sample_store(), "/jobs remote")
    assert sorted(ids(reply)) == [
        "datacite-technical-community-manager",
        "datacite-technical-lead",
        "iiif-community-officer",
        "wikimedia-glam-program-officer",
    ]
    assert "1 more closed posting matches — `/jobs all remote`" in reply.text


def test_jobs_all_includes_closed_and_expired() -> None:
    reply = ask(make_router(), sample_store(), "/jobs all remote")
    assert "iiif-managing-director" in ids(reply)
    assert "more closed" not in reply.text
    assert reply.text.startswith("5 postings match `/jobs all remote`")


def test_jobs_by_organisation() -> None:
    reply = ask(make_router(), sample_store(), "/jobs datacite")
    assert ids(reply) == ["datacite-technical-community-manager", "datacite-technical-lead"]
    reply = ask(make_router(), sample_store(), "/jobs onsite")
    assert ids(reply) == ["molloy-technology-lead"]


def test_jobs_closing_this_month() -> None:
    reply = ask(make_router(), sample_store(), "/jobs closing this month")
    assert ids(reply) == ["molloy-technology-lead", "datacite-technical-community-manager"]
    reply = ask(make_router(), sample_store(), "/jobs remote closing this month")
    assert ids(reply) == ["datacite-technical-community-manager"]


def test_a_window_of_the_usage_without_closing_is_a_deadline_window() -> None:
    """The usage's [closing this week|this month|before <month>|in N days|soon]: the window
    typed without "closing" is read as with it, and the reply shows it read so."""
    router, store = make_router(), sample_store()
    for said, typed in [
        ("this month", "closing this month"),
        ("before march", "closing before march"),
        ("in 10 days", "closing in 10 days"),
        ("remote this month", "remote closing this month"),
    ]:
        alone, closing = ask(router, store, f"/jobs {said}"), ask(router, store, f"/jobs {typed}")
        assert ids(alone) == ids(closing) != [], said
        assert "`/jobs closing " in alone.text
    # a keyword, a window back in time or one of posting is no deadline
    assert "closing" not in ask(router, store, "/jobs museums").text
    assert "closing" not in ask(router, store, "/jobs new this week").text


def test_jobs_keywords_and_open_until_filled() -> None:
    assert ids(ask(make_router(), sample_store(), "/jobs museums")) == [
        "wikimedia-glam-program-officer"
    ]
    assert ids(ask(make_router(), sample_store(), "/jobs open until filled")) == [
        "iiif-community-officer"
    ]


def test_each_listed_posting_has_a_details_action() -> None:
    reply = ask(make_router(), sample_store(), "/jobs datacite")
    assert Action("Details", "command", "jobs show datacite-technical-lead") in reply.actions
    assert not any(a.label == "More" for a in reply.actions)


def test_more_than_five_matches_page_with_a_more_action() -> None:
    store = FakeStore(
        postings=[
            posting(f"p{i:02}", f"Archivist {i}", deadline=date(2022, 3, i + 1)) for i in range(12)
        ]
    )
    first = ask(make_router(), store, "/jobs archivist")
    assert ids(first) == ["p00", "p01", "p02", "p03", "p04"]
    assert "12 open postings match `/jobs archivist` (showing 1–5)" in first.text
    assert Action("More", "command", "jobs archivist page 2") in first.actions
    third = ask(make_router(), store, "/jobs archivist page 3")
    assert ids(third) == ["p10", "p11"]
    assert not any(a.label == "More" for a in third.actions)
    beyond = ask(make_router(), store, "/jobs archivist page 9")
    assert "There is no page 9; `/jobs archivist` has 3 pages." in beyond.text


def test_no_match_suggests_dropping_a_filter_that_helps() -> None:
    reply = ask(make_router(), sample_store(), "/jobs remote closing today")
    assert reply.text.startswith("No postings match `/jobs remote closing today`.")
    assert "`/jobs closing today`" not in reply.text  # finds nothing either
    assert "`/jobs remote`" in reply.text
    assert Action("/jobs remote", "command", "jobs remote") in reply.actions


def test_no_open_match_points_at_the_closed_ones() -> None:
    reply = ask(make_router(), sample_store(), "/jobs toledo")
    assert "No open postings match, but 1 closed one does." in reply.text
    assert "`/jobs all toledo`" in reply.text


def test_a_misspelt_organisation_is_suggested() -> None:
    reply = ask(make_router(), sample_store(), "/jobs datacit")
    assert "`/jobs datacite`" in reply.text


def test_show_posting_in_full() -> None:
    reply = ask(make_router(), sample_store(), "/jobs show datacite-technical-community-manager")
    text = reply.text
    assert text.startswith("**Technical Community Manager**")
    assert "Organisation: DataCite" in text
    assert "Remote: yes" in text
    assert "Deadline: 7 February 2022 (closes in 6 days)" in text
    assert "Salary: competitive local salary" in text
    assert "How to apply: helena.cousijn@datacite.org" in text
    assert "Source: postings/datacite-technical-community-manager.md" in text
    assert "“Apply by the 7th of February 2022.”" in text
    assert "“This is a remote position.”" in text
    assert Action("Apply", "url", "mailto:helena.cousijn@datacite.org") in reply.actions
    assert ids(reply) == ["datacite-technical-community-manager"]


def test_show_closed_and_expired_postings() -> None:
    store = sample_store()
    text = ask(make_router(), store, "/jobs show iiif-managing-director").text
    assert "Status: applications closed" in text
    text = ask(make_router(), store, "/jobs show toledo-library-director").text
    assert "closed 968 days ago" in text
    assert "Status: deadline passed on" in text
    text = ask(make_router(), store, "/jobs show iiif-community-officer").text
    assert "Deadline: none, open until filled" in text
    assert (
        Action("Apply", "url", "https://www.clir.org/about/positions/iiif")
        in ask(make_router(), store, "/jobs show iiif-community-officer").actions
    )


def test_show_relative_deadline_follows_the_clock() -> None:
    later = datetime(2022, 2, 9, tzinfo=UTC)
    reply = show_posting(
        make_context(sample_store(), now=later), "datacite-technical-community-manager"
    )
    assert "closed 2 days ago" in reply.text


def test_show_unknown_id_suggests_the_closest_ids() -> None:
    reply = ask(make_router(), sample_store(), "/jobs show datacite-technical-leed")
    assert reply.text.startswith("No posting has the id `datacite-technical-leed`.")
    assert "`/jobs show datacite-technical-lead`" in reply.text


def test_show_without_id_is_a_usage_error() -> None:
    reply = ask(make_router(), sample_store(), "/jobs show")
    assert reply.text.startswith("Which posting?")
    assert "Usage: `/jobs" in reply.text


def test_empty_store_says_nothing_matches() -> None:
    reply = ask(make_router(), FakeStore(), "/jobs")
    assert reply.text.startswith("No postings match `/jobs`.")
    assert reply.error_id is None


def test_to_json_carries_ids_sources_and_iso_dates() -> None:
    reply = ask(make_router(), sample_store(), "/jobs remote closing this month")
    data = reply.to_json()
    (item,) = data["postings"]
    assert item["id"] == "datacite-technical-community-manager"
    assert item["source"] == "postings/datacite-technical-community-manager.md"
    assert item["deadline"] == "2022-02-07"
    assert item["is_open"] is True
    assert item["evidence"][0] == {
        "field": "deadline",
        "value": "2022-02-07",
        "sentence": "Apply by the 7th of February 2022.",
    }
    assert data["today"] == "2022-02-01"
    assert data["actions"][0] == {
        "label": "Details",
        "kind": "command",
        "value": "jobs show datacite-technical-community-manager",
    }
    import json

    json.dumps(data)  # every value is JSON-ready
    salary = ask(make_router(), sample_store(), "/jobs show iiif-managing-director").to_json()
    assert salary["postings"][0]["salary_min"] == "100000"


def test_show_with_an_impossible_id_does_not_reach_the_store() -> None:
    store = sample_store()
    calls: list[str] = []
    original = store.get_posting

    def spy(posting_id: str) -> object:
        calls.append(posting_id)
        return original(posting_id)

    store.get_posting = spy  # type: ignore[method-assign]
    reply = ask(make_router(), store, "/jobs show \x00🎉")
    assert reply.text.startswith("No posting has the id `🎉`.")
    assert calls == []
    reply = ask(make_router(), store, "/jobs show DataCite-Technical-Lead")
    assert reply.postings[0].id == "datacite-technical-lead"


def test_description_turns_headings_into_labels() -> None:
    from handlers.jobs import _description

    body = "### Description\nWe catalogue maps.\n\n## Location ##\nLeeds, UK.\n#hashtag stays"
    assert (
        _description(body) == "Description: We catalogue maps. Location: Leeds, UK. #hashtag stays"
    )


def test_show_says_where_a_remote_job_may_be_done_from() -> None:
    store = FakeStore(
        postings=[
            posting(
                "kestrel-developer",
                "Developer",
                remote=True,
                remote_regions=("Europe", "UTC-2 to UTC+3"),
                deadline=date(2022, 3, 1),
            ),
            posting("kestrel-editor", "Editor", remote=True, deadline=date(2022, 3, 1)),
        ]
    )
    assert "Remote: yes, from Europe or UTC-2 to UTC+3" in (
        ask(make_router(), store, "/jobs show kestrel-developer").text
    )
    assert "Remote: yes\n" in ask(make_router(), store, "/jobs show kestrel-editor").text + "\n"

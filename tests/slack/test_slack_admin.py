"""Workspace admins as Herald admins: users.info decides, only when the settings say so, and
a plain member is refused with nothing changed."""

from __future__ import annotations

from collections.abc import Callable

from slackworld import Served
from test_slack_http import slash, text_of

DATACITE = "datacite-technical-community-manager"
BOSS = "U0BOSS"  # a workspace admin
OWNER = "U0OWNER"
MEMBER = "U0ALICE"


def users_info_calls(served: Served) -> list[str]:
    return [str(c.payload.get("user")) for c in served.fake.calls if c.method == "users.info"]


def source_bytes(served: Served) -> bytes:
    return (served.app.settings.content_dir / f"{DATACITE}.md").read_bytes()


def admins_world(serve: Callable[..., Served], *, enabled: bool) -> Served:
    served = serve(slack_workspace_admins_are_admins=enabled)
    served.fake.users.update(
        {BOSS: {"is_admin": True}, OWNER: {"is_owner": True}, MEMBER: {"is_admin": False}}
    )
    return served


def test_a_workspace_admin_may_close_when_enabled(serve: Callable[..., Served]) -> None:
    served = admins_world(serve, enabled=True)
    before = source_bytes(served)
    answer = slash(served, "/jobs", f"close {DATACITE}", user=BOSS)
    assert f"Closed `{DATACITE}`" in text_of(answer)
    posting = served.app.store.get_posting(DATACITE)
    assert posting is not None and posting.closed
    assert source_bytes(served) != before  # the file says so too
    assert users_info_calls(served) == [BOSS]


def test_an_owner_counts_too_and_answers_are_cached(serve: Callable[..., Served]) -> None:
    served = admins_world(serve, enabled=True)
    assert "Closed" in text_of(slash(served, "/jobs", f"close {DATACITE}", user=OWNER))
    assert "Reopened" in text_of(slash(served, "/jobs", f"reopen {DATACITE}", key="r2", user=OWNER))
    assert users_info_calls(served) == [OWNER]  # asked once for both commands
    served.adapter.monotonic = lambda: 1e12  # minutes later: asked again
    slash(served, "/jobs", "datacite", key="r3", user=OWNER)
    assert users_info_calls(served) == [OWNER, OWNER]


def test_a_plain_member_is_refused_and_nothing_changes(serve: Callable[..., Served]) -> None:
    served = admins_world(serve, enabled=True)
    before = source_bytes(served)
    answer = slash(served, "/jobs", f"close {DATACITE}", user=MEMBER)
    assert "Only admins can close postings." in text_of(answer)
    posting = served.app.store.get_posting(DATACITE)
    assert posting is not None and not posting.closed
    assert source_bytes(served) == before


def test_workspace_admins_are_not_admins_unless_enabled(serve: Callable[..., Served]) -> None:
    served = admins_world(serve, enabled=False)
    before = source_bytes(served)
    answer = slash(served, "/jobs", f"close {DATACITE}", user=BOSS)
    assert "Only admins can close postings." in text_of(answer)
    assert source_bytes(served) == before
    assert users_info_calls(served) == []  # not even asked


def test_a_failed_lookup_means_not_an_admin(serve: Callable[..., Served]) -> None:
    served = admins_world(serve, enabled=True)
    answer = slash(served, "/jobs", f"close {DATACITE}", user="U0UNKNOWN")  # user_not_found
    assert "Only admins can close postings." in text_of(answer)
    posting = served.app.store.get_posting(DATACITE)
    assert posting is not None and not posting.closed


def test_configured_admins_need_no_lookup(serve: Callable[..., Served]) -> None:
    served = serve(admins=[MEMBER])
    assert f"Closed `{DATACITE}`" in text_of(slash(served, "/jobs", f"close {DATACITE}"))
    assert users_info_calls(served) == []

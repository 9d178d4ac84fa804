"""Jekyll permalinks: what Jekyll documents, and nothing a page address cannot hold."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.domain import ParsedDocument
from bot.links import page_url, repository_file_url, site_path

SITE = "https://jobs.example.org/"


def doc(**values: object) -> ParsedDocument:
    return ParsedDocument(source="x", content_hash="h", kind="job", title="T", **values)  # type: ignore[arg-type]


def test_posts_get_the_date_style_with_categories_from_folders_and_front_matter() -> None:
    assert site_path("_posts/2026-11-01-data-steward.md", doc()) == (
        "/2026/11/01/data-steward.html"
    )
    assert site_path(
        "jobs/_posts/2026-11-01-data-steward.md", doc(categories=("Remote Work",))
    ) == ("/jobs/remote-work/2026/11/01/data-steward.html")


def test_site_styles_and_front_matter_permalinks() -> None:
    post = "_posts/2026-03-09-archivist.md"
    assert site_path(post, doc(), "pretty") == "/2026/03/09/archivist/"
    assert site_path(post, doc(), "none") == "/archivist.html"
    assert site_path(post, doc(), "/:categories/:title/") == "/archivist/"
    assert site_path(post, doc(permalink="/jobs/:year/:title/")) == "/jobs/2026/archivist/"
    assert site_path(post, doc(slug="chief-archivist")) == "/2026/03/09/chief-archivist.html"
    assert site_path("about.md", doc(permalink="/about-us/")) == "/about-us/"


def test_collections_and_pages() -> None:
    assert site_path("_jobs/metro/archivist.md", doc()) == "/jobs/metro/archivist.html"
    assert site_path("faq/membership.md", doc()) == "/faq/membership.html"
    assert site_path("faq/index.md", doc()) == "/faq/"


def test_page_url_joins_the_site_and_escapes_the_path() -> None:
    url = page_url(SITE, "_posts/2026-11-01-café job.md", doc())
    assert url == "https://jobs.example.org/2026/11/01/caf%C3%A9-job.html"


def test_repository_links_for_known_forges_only() -> None:
    for git_url in ("https://github.com/ex/site.git", "git@github.com:ex/site.git"):
        assert repository_file_url(git_url, "main", "_posts/a b.md") == (
            "https://github.com/ex/site/blob/main/_posts/a%20b.md"
        )
    assert repository_file_url("https://gitlab.com/ex/site", "main", "a.md") == (
        "https://gitlab.com/ex/site/-/blob/main/a.md"
    )
    assert repository_file_url("/srv/git/site.git", "main", "a.md") is None
    assert repository_file_url("https://git.example.org/site.git", "main", "a.md") is None


_name = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)


@given(
    folders=st.lists(_name.filter(lambda s: "/" not in s), max_size=3),
    name=_name.filter(lambda s: "/" not in s),
    posted=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1))),
    categories=st.lists(_name, max_size=3).map(tuple),
    slug=st.one_of(st.none(), _name),
)
def test_any_file_gets_one_address_on_the_site(
    folders: list[str],
    name: str,
    posted: date | None,
    categories: tuple[str, ...],
    slug: str | None,
) -> None:
    path = "/".join([*folders, f"{name}.md"])
    url = page_url(SITE, path, doc(posted=posted, categories=categories, slug=slug))
    assert url.startswith("https://jobs.example.org/")
    rest = url.removeprefix("https://jobs.example.org")
    assert rest.startswith("/") and "//" not in rest
    assert not any(ch.isspace() for ch in url) and url.isascii()

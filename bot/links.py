"""A posting's public address, by Jekyll's permalink rules, and its file in the repository.

Only what Jekyll documents (jekyllrb.com/docs/permalinks, /docs/collections):

- front matter ``permalink`` wins, with its placeholders filled;
- a post (a file in a ``_posts`` folder) gets the site's permalink style, ``date`` by
  default: ``/:categories/:year/:month/:day/:title:output_ext``; categories are the front
  matter's ``categories``/``category`` after the folders above ``_posts``; ``:title`` is the
  file name's slug (after the date), or front matter ``slug``;
- a document of a collection (``_jobs/x.md``) gets ``/:collection/:path:output_ext``;
- any other page is served at its path, ``.md`` becoming ``.html`` (``index.md``: its folder).

``:output_ext`` is ``.html``. A template ending in ``/`` gives a folder address.

Example::

    page_url("https://example.org", "_posts/2026-01-05-data-steward.md", doc)
    # "https://example.org/2026/01/05/data-steward.html"
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

from bot.content.front_matter import file_name_parts
from bot.domain import ParsedDocument

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
COLLECTION = "/:collection/:path:output_ext"
OUTPUT_EXT = ".html"
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_NOT_SLUG = re.compile(r"[^\w.~-]+", re.UNICODE)


def _slug(text: str) -> str:
    """Jekyll's ``pretty`` slugify, closely enough: lower case, runs of other characters to
    one hyphen."""
    return _NOT_SLUG.sub("-", text.strip().lower()).strip("-")


def _fill(template: str, values: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        # the longest known name wins: ":output_ext" before ":o…"
        return values.get(name, match.group(0))

    url = _PLACEHOLDER.sub(one, template)
    url = re.sub(r"/{2,}", "/", url)  # no categories: "//2026" becomes "/2026"
    return url if url.startswith("/") else "/" + url


def site_path(path: str, doc: ParsedDocument, style: str = "date") -> str:
    """The address of ``path`` (relative to the site's root) on the built site."""
    parts = path.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    posted, title = file_name_parts(path)
    when: date | None = posted or doc.posted
    values = {"output_ext": OUTPUT_EXT, "title": doc.slug or _slug(title), "slug": _slug(title)}
    if doc.slug:
        values["slug"] = doc.slug
    if when is not None:
        values |= {
            "year": f"{when.year:04d}",
            "month": f"{when.month:02d}",
            "day": f"{when.day:02d}",
            "i_month": str(when.month),
            "i_day": str(when.day),
            "short_year": f"{when.year % 100:02d}",
            "y_day": f"{when.timetuple().tm_yday:03d}",
            "week": f"{when.isocalendar()[1]:02d}",
            "short_day": when.strftime("%a"),
        }
    if "_posts" in parts[:-1]:
        folders = [p for p in parts[: parts.index("_posts")] if p]
        categories = [*folders, *doc.categories]
        values["categories"] = "/".join(_slug(c) for c in categories if _slug(c))
        template = doc.permalink or STYLES.get(style, style)
    elif parts[0].startswith("_") and len(parts) > 1:
        values["collection"] = parts[0][1:]
        values["path"] = "/".join([*parts[1:-1], stem])
        values["name"] = stem
        template = doc.permalink or COLLECTION
    else:
        values["path"] = "/".join([*parts[:-1], stem])
        values["name"] = stem
        values["categories"] = "/".join(_slug(c) for c in doc.categories)
        if doc.permalink:
            template = doc.permalink
        elif stem == "index":
            return "/" + "".join(f"{p}/" for p in parts[:-1])
        else:
            template = "/:path:output_ext"
    return _fill(template, values)


def page_url(site_url: str, path: str, doc: ParsedDocument, style: str = "date") -> str:
    return site_url.rstrip("/") + quote(site_path(path, doc, style), safe="/:@!$&'()*+,;=~-._")


def repository_file_url(git_url: str, branch: str, path: str) -> str | None:
    """The file's page on its forge, for GitHub, GitLab and Codeberg/Gitea-style hosts
    (https or ssh URLs); None for any other URL (a path, an unknown host)."""
    match = re.match(
        r"^(?:https?://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|[^@/\s]+@)"
        r"(?P<host>[^/:]+)(?::\d+)?[/:](?P<repo>[^\s]+?)(?:\.git)?/?$",
        git_url,
    )
    if match is None:
        return None
    host, repo = match.group("host"), match.group("repo")
    where = quote(f"{branch}/{path}")
    if host == "github.com":
        return f"https://{host}/{repo}/blob/{where}"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return f"https://{host}/{repo}/-/blob/{where}"
    if host in ("codeberg.org",) or host.startswith(("gitea.", "forgejo.")):
        return f"https://{host}/{repo}/src/branch/{where}"
    return None

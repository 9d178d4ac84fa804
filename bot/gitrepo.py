"""A git working copy Herald follows and commits to, through the ``git`` command.

Why the ``git`` binary and not GitPython or dulwich: it is no new dependency (every host
that serves a site's repository has it), it is the tool operators already know (a failure
reads as the same message they would see in a terminal, and they can ``cd`` into the clone
and look), and it honours their credential helpers, ``~/.ssh/config``, known hosts and
proxies, which dulwich re-implements only in part. Every call is one short subprocess with
a timeout, no terminal prompt (a missing credential fails at once instead of hanging), and
no pager.

Example::

    repo = GitRepo(Path("/var/lib/herald/sources/site"))
    repo.clone("https://github.com/example/site.git", "main")
    old = repo.head()
    new = repo.fetch("main")                      # the remote branch's commit
    changes = repo.changes(old, new, ["_posts/**"])
    repo.checkout(new)
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

TIMEOUT = 120.0  # seconds for one git command (a first clone of a large site is the slowest)
# user:password@ in an https URL: never in a message or a log line
_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")


class GitError(Exception):
    """A git command failed; the message is git's own first lines, credentials masked."""


def masked(text: str) -> str:
    return _CREDENTIALS.sub("***@", text)


@dataclass(frozen=True)
class Changes:
    """Files changed between two commits, as paths in the repository."""

    changed: list[str] = field(default_factory=list)  # added or modified (or renamed to)
    removed: list[str] = field(default_factory=list)  # deleted (or renamed from)


@dataclass(frozen=True)
class Author:
    name: str
    email: str


class GitRepo:
    """One working copy; every method runs git in it and raises ``GitError`` on failure."""

    def __init__(self, path: Path, timeout: float = TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout

    def _git(self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
        command = ["git", *args]
        environment = {
            **os.environ,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
            **(env or {}),
        }
        try:
            done = subprocess.run(
                command,
                cwd=cwd or self.path,
                env=environment,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise GitError(f"git {args[0]} took longer than {self.timeout:.0f} s") from exc
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or exc}") from exc
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip() or "no message"
            lines = [line for line in message.splitlines() if line.strip()][:3]
            raise GitError(masked(f"git {args[0]} failed: " + " / ".join(lines)))
        return done.stdout.decode("utf-8", "surrogateescape")

    def exists(self) -> bool:
        return (self.path / ".git").is_dir()

    def clone(self, url: str, branch: str) -> None:
        """A clone of ``branch`` only; nothing else of the remote is fetched later either."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        logger.info("cloning %s (%s) into %s", masked(url), branch, self.path)
        self._git(
            "clone",
            "--quiet",
            "--single-branch",
            "--branch",
            branch,
            "--",
            url,
            str(self.path),
            cwd=self.path.parent,
        )

    def head(self) -> str:
        return self._git("rev-parse", "HEAD").strip()

    def is_ancestor(self, commit: str, of: str) -> bool:
        try:
            self._git("merge-base", "--is-ancestor", commit, of)
        except GitError:
            return False
        return True

    def fetch(self, branch: str) -> str:
        """Fetch ``branch`` from origin; the commit it now points at."""
        self._git(
            "fetch", "--quiet", "origin", f"+refs/heads/{branch}:refs/remotes/origin/{branch}"
        )
        return self._git("rev-parse", f"refs/remotes/origin/{branch}").strip()

    def checkout(self, commit: str) -> None:
        """The working copy becomes exactly ``commit`` (on the local branch)."""
        self._git("reset", "--quiet", "--hard", commit)

    def files(self, pathspecs: Sequence[str]) -> list[str]:
        """Every file of HEAD matching the globs (all files without any)."""
        out = self._git("ls-files", "-z", "--", *_specs(pathspecs))
        return sorted(p for p in out.split("\0") if p)

    def changes(self, old: str, new: str, pathspecs: Sequence[str]) -> Changes:
        """What ``git diff --name-status`` says changed from ``old`` to ``new``."""
        out = self._git(
            "diff", "--name-status", "-z", "--no-renames", old, new, "--", *_specs(pathspecs)
        )
        fields = out.split("\0")
        found = Changes()
        for status, path in zip(fields[0::2], fields[1::2], strict=False):
            if not path:
                continue
            (found.removed if status.startswith("D") else found.changed).append(path)
        return found

    def commit(self, paths: Sequence[str], message: str, author: Author) -> str:
        """Commit ``paths`` (added, changed or deleted in the working copy) as ``author``;
        the new commit. Herald is the committer, the admin the author."""
        self._git("add", "--all", "--", *paths)
        identity = {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            "GIT_COMMITTER_NAME": "Herald",
            "GIT_COMMITTER_EMAIL": "herald@localhost",
        }
        self._git("commit", "--quiet", "--no-verify", "-m", message, "--", *paths, env=identity)
        return self.head()

    def push(self, branch: str) -> None:
        self._git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}")

    def rebase_onto(self, branch: str) -> None:
        """Replay local commits on top of the fetched ``origin/branch``; a conflict is
        undone (the working copy stays as it was) and raised."""
        try:
            self._git(
                "-c",
                "user.name=Herald",
                "-c",
                "user.email=herald@localhost",
                "rebase",
                "--quiet",
                f"refs/remotes/origin/{branch}",
            )
        except GitError:
            try:
                self._git("rebase", "--abort")
            except GitError:
                pass
            raise


def _specs(patterns: Sequence[str]) -> list[str]:
    # ``:(glob)`` so ``**`` means any folders, as in .gitignore, whatever git's defaults
    return [f":(glob){p}" for p in patterns]

"""Parsing many files: one by one in this process, or in a pool of worker processes.

Parsing is pure CPU work (about half a millisecond per page), so a large load spreads it over
the machine's cores while the caller saves what is already parsed: ``parse_files`` yields the
outcomes in input order as soon as each is ready, and the workers keep parsing ahead meanwhile.

Every file becomes exactly one ``Outcome`` whatever happens to it, in a worker or not: a file
that cannot be read, a ``ContentError``, a parser bug, even a worker process that dies. Records
the parser logs in a worker are sent back and logged again here, so they reach this process's
handlers as if the work had been done in it.

Example::

    for outcome in parse_files([("jobs/a.md", "/content/jobs/a.md")], parse_bytes, workers=2):
        outcome.doc or outcome.failure
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from bot.content.document import parse_bytes
from bot.domain import ContentError, ParsedDocument

logger = logging.getLogger(__name__)

Parse = Callable[[str, bytes], ParsedDocument]

CHUNKSIZE = 64  # files per task: enough to make the inter-process round trip negligible
WORKER_NICENESS = 5


class Outcome(NamedTuple):
    """``doc`` or ``failure`` (a reason for the load report); ``digest`` of the bytes parsed."""

    source: str
    digest: str | None
    doc: ParsedDocument | None
    failure: str | None
    records: tuple[logging.LogRecord, ...] = ()


def read_and_parse(parse: Parse, source: str, path: str) -> Outcome:
    """Read, hash and parse one file; never raises for a problem with the file or the parser.

    The hash is taken of the very bytes parsed, so a file edited during a load is stored with
    the hash of the version that was understood.
    """
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        return Outcome(source, None, None, f"cannot read: {exc.strerror or exc}")
    try:
        doc = parse(source, data)
    except ContentError as exc:
        return Outcome(source, _sha256(data), None, exc.reason)
    except Exception as exc:  # a parser bug must not stop the other 9,999 files
        logger.exception("unexpected error parsing %s", source)
        return Outcome(source, _sha256(data), None, f"unexpected {type(exc).__name__}: {exc}")
    # parse_bytes has just hashed these very bytes: a second SHA-256 costs 2% of a load.
    digest = doc.content_hash if parse is parse_bytes else _sha256(data)
    return Outcome(source, digest, doc, None)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_files(
    files: Sequence[tuple[str, str]],
    parse: Parse,
    *,
    workers: int = 1,
    chunksize: int = CHUNKSIZE,
) -> Iterator[Outcome]:
    """One ``Outcome`` per (source, path), in order; ``workers > 1`` parses in a process pool.

    ``parse`` must then be importable by name (a module-level function such as
    ``parse_bytes``; anything else is parsed here), and a script that calls this needs the
    usual ``if __name__ == "__main__":`` guard (a forkserver worker imports the main module).
    If the pool breaks (a worker killed by the system), the files it had not answered for are
    parsed here.
    """
    if workers <= 1 or len(files) <= 1 or not _picklable(parse):
        for source, path in files:
            yield read_and_parse(parse, source, path)
        return
    # Several tasks per worker even for a few hundred files, so no worker is left idle.
    chunksize = max(1, min(chunksize, len(files) // (workers * 4)))
    done = 0
    pool = _pool(workers, parse)
    try:
        for outcome in pool.map(_work, files, chunksize=chunksize):
            for record in outcome.records:
                logging.getLogger(record.name).handle(record)
            done += 1
            yield outcome._replace(records=())
    except BrokenProcessPool:
        logger.error(
            "a parser process died; parsing the %d remaining files here", len(files) - done
        )
    except Exception:  # the pool's own machinery (parse errors never get here)
        logger.exception(
            "the parser pool failed; parsing the %d remaining files here", len(files) - done
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for source, path in files[done:]:
        yield read_and_parse(parse, source, path)


def available_cpus() -> int:
    """CPUs this process may run on (its affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _picklable(parse: Parse) -> bool:
    try:
        pickle.dumps(parse)
    except Exception:
        logger.info("%r cannot be sent to worker processes; parsing here", parse)
        return False
    return True


def _pool(workers: int, parse: Parse) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(_start_method()),
        initializer=_start_worker,
        initargs=(parse,),
    )


def _start_method() -> str | None:
    """fork when this process runs a single thread (a load from the command line): workers
    start in milliseconds with the loader already imported. With other threads running (the
    bot itself), one of them may hold a lock at the moment of the fork, so workers then start
    from a forkserver, a clean process that imports the loader once (about 1.5 s)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    if "forkserver" in methods:
        multiprocessing.get_context("forkserver").set_forkserver_preload(["bot.content"])
        return "forkserver"
    return None  # the platform's default (spawn)


# ---------------------------------------------------------------- inside a worker process

_parse: Parse | None = None
_captured: list[logging.LogRecord] = []


class _Capture(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        # Made picklable here: the message formatted, the traceback as text.
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        _captured.append(record)


def _start_worker(parse: Parse) -> None:
    global _parse
    _parse = parse
    # Saving, in the parent, is the one step that cannot be spread over cores: on a busy
    # machine workers that yield to it finish a load sooner than workers that compete with it.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)
    # A forked worker inherits this process's handlers: records go only to the capture.
    for named in list(logging.root.manager.loggerDict.values()):
        if isinstance(named, logging.Logger):
            named.handlers.clear()
            named.propagate = True
    root = logging.getLogger()
    root.handlers[:] = [_Capture()]
    root.setLevel(logging.WARNING)


def _work(item: tuple[str, str]) -> Outcome:
    assert _parse is not None, "the pool initializer sets the parser"
    outcome = read_and_parse(_parse, *item)
    if _captured:
        outcome = outcome._replace(records=tuple(_captured))
        _captured.clear()
    return outcome

"""Where Slack's answers run: tasks started after the ack, and a small thread pool for the
synchronous work (store, Router, rendering) so the event loop stays free to acknowledge."""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from bot.platforms.slack.errors import SlackError

logger = logging.getLogger(__name__)

# Worker threads answering requests; more would only compete for the interpreter lock with
# the event loop that acknowledges (see bench/bench_slack.py).
HANDLER_THREADS = 2

T = TypeVar("T")


class Workers:
    """Answers in flight (``spawn``) and the pool they use (``in_thread``); ``drain`` lets
    them finish at shutdown."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._executor: ThreadPoolExecutor | None = None

    def open(self) -> None:
        self._executor = ThreadPoolExecutor(HANDLER_THREADS, thread_name_prefix="herald-slack")

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def in_thread(self, work: Callable[[], T]) -> T:
        """Run synchronous work off the event loop.

        Like ``asyncio.to_thread`` but on Herald's own small pool: every thread busy with
        Python code competes with the event loop for the interpreter lock, and the loop
        must stay free to acknowledge the next request within Slack's 3 seconds.
        """
        if self._executor is None:
            return await asyncio.to_thread(work)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, contextvars.copy_context().run, work)

    def spawn(self, work: Awaitable[None], what: str) -> None:
        """Run ``work`` after the ack; failures are logged, never lost with the task."""

        async def guarded() -> None:
            try:
                await work
            except SlackError:
                pass  # already logged with its context by WebApi.api
            except Exception:
                logger.exception("Slack %s failed", what)

        task = asyncio.create_task(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, grace: float) -> None:
        """Let answers in flight finish (up to ``grace`` s); cancel the rest."""
        if not self._tasks:
            return
        _done, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            logger.warning("%d Slack answers cancelled at shutdown", len(pending))
            await asyncio.gather(*pending, return_exceptions=True)

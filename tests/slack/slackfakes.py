"""A recording fake of Slack on loopback, signed requests, and a loop in a thread.

``FakeSlack`` serves the Web API methods Herald calls (auth.test, chat.postMessage,
chat.postEphemeral, views.publish, views.open, users.info, apps.connections.open),
response_url endpoints and a Socket Mode WebSocket. It checks Block Kit limits the way Slack
does (an oversized message is refused with ``invalid_blocks``), so a test that passes has sent
messages Slack would accept.
Tests assert on what it recorded, never on which method Herald called internally.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

T = TypeVar("T")

BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-test-app-token"
SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_USER = "UHERALD"
USER = "U0ALICE"
CHANNEL = "C0GENERAL"
TEAM = "T0TEAM"


class LoopThread:
    """An asyncio loop in a daemon thread: the adapter and the fake live there, tests block."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 15) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        async def drain() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.loop.shutdown_default_executor()

        self.run(drain())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)
        self.loop.close()


# --- Block Kit limits, as Slack enforces them ---------------------------------------------


def _text_problems(obj: Any, where: str, limit: int) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("mrkdwn", "plain_text"):
        return [f"{where}: not a text object"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return [f"{where}: empty text"]
    if len(text) > limit:
        return [f"{where}: {len(text)} > {limit} characters"]
    return []


def block_problems(blocks: Any, max_blocks: int = 50) -> list[str]:
    """Why Slack would refuse these blocks (empty when it would accept them)."""
    if not isinstance(blocks, list):
        return ["blocks is not a list"]
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks > {max_blocks}")
    block_ids: set[str] = set()
    action_ids: set[str] = set()
    for n, block in enumerate(blocks):
        where = f"block {n}"
        block_id = block.get("block_id")
        if block_id is not None:
            if len(block_id) > 255 or block_id in block_ids:
                problems.append(f"{where}: bad or duplicate block_id")
            block_ids.add(block_id)
        kind = block.get("type")
        if kind == "section":
            problems += _text_problems(block.get("text"), where, 3000)
        elif kind == "header":
            problems += _text_problems(block.get("text"), where, 150)
        elif kind == "context":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= 10:
                problems.append(f"{where}: {len(elements)} context elements")
            for element in elements:
                problems += _text_problems(element, where, 3000)
        elif kind == "actions":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= 25:
                problems.append(f"{where}: {len(elements)} action elements")
            for element in elements:
                problems += _text_problems(element.get("text"), f"{where} button", 75)
                action_id = element.get("action_id", "")
                if len(action_id) > 255 or action_id in action_ids:
                    problems.append(f"{where}: bad or duplicate action_id {action_id!r}")
                action_ids.add(action_id)
                if len(element.get("value", "")) > 2000 or len(element.get("url", "")) > 3000:
                    problems.append(f"{where}: button value or url too long")
        elif kind == "input":
            problems += _text_problems(block.get("label"), f"{where} label", 2000)
            element = block.get("element") or {}
            if element.get("type") not in _INPUT_ELEMENTS:
                problems.append(f"{where}: unexpected input element {element.get('type')!r}")
            if not element.get("action_id"):
                problems.append(f"{where}: input without action_id")
            if block_id is None:
                problems.append(f"{where}: input without block_id")
            for option in [*element.get("options", []), *element.get("initial_options", [])]:
                problems += _text_problems(option.get("text"), f"{where} option", 75)
        elif kind != "divider":
            problems.append(f"{where}: unexpected block type {kind!r}")
    return problems


_INPUT_ELEMENTS = frozenset({"plain_text_input", "static_select", "datepicker", "checkboxes"})


def view_problems(view: Any) -> list[str]:
    """Why views.open would refuse ``view`` (a modal), as far as Herald's modals go."""
    if not isinstance(view, dict) or view.get("type") != "modal":
        return ["not a modal"]
    problems = block_problems(view.get("blocks", []), max_blocks=100)
    problems += _text_problems(view.get("title"), "title", 24)
    for name in ("submit", "close"):
        if name in view:
            problems += _text_problems(view[name], name, 24)
    if any(b.get("type") == "input" for b in view.get("blocks", [])) and "submit" not in view:
        problems.append("inputs without a submit button")
    if len(str(view.get("private_metadata", ""))) > 3000:
        problems.append("private_metadata too long")
    return problems


def message_problems(payload: dict[str, Any]) -> list[str]:
    problems = block_problems(payload.get("blocks", []))
    text = payload.get("text", "")
    if not text and not payload.get("blocks"):
        problems.append("no text and no blocks")
    if len(text) > 40_000:
        problems.append("text too long")
    return problems


# --- the fake ------------------------------------------------------------------------------


@dataclass
class Call:
    """One call as the fake saw it; ``ok`` means it took effect (a message reached the
    channel), whatever HTTP status was answered."""

    method: str
    payload: dict[str, Any]
    status: int = 200
    ok: bool = True
    ts: str = ""


@dataclass
class Failure:
    """A scripted answer; ``posted`` makes chat.postMessage post first and fail after (a 500
    or a timeout after Slack took the message)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=lambda: {"ok": False, "error": "ratelimited"})
    posted: bool = False


class FakeSlack:
    """Slack's Web API, response_urls and Socket Mode on 127.0.0.1, recording every call."""

    def __init__(self, token: str = BOT_TOKEN, app_token: str = APP_TOKEN) -> None:
        self.token = token
        self.app_token = app_token
        self.calls: list[Call] = []
        self.closed_channels: set[str] = set()
        # channels whose history Herald may not read (a scope the install lacks)
        self.unreadable: set[str] = set()
        self._last_ts = 0.0
        # users.info answers: user id -> fields such as {"is_admin": True}
        self.users: dict[str, dict[str, Any]] = {}
        self._failures: dict[str, list[Failure | None]] = defaultdict(list)
        self._storms: dict[str, tuple[float, int]] = {}
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base = ""
        self.socket_acks: list[dict[str, Any]] = []
        self._sockets: list[web.WebSocketResponse] = []

    # setup

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        for ws in self._sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, key: str = "r1") -> str:
        return f"{self.base}/response/{key}"

    def fail_next(self, method: str, failure: Failure, *, after: int = 0) -> None:
        """Answer a later call of ``method`` with ``failure``; ``after`` calls succeed first
        (a failure in the middle of a reply sent as several messages)."""
        with self._cond:
            self._failures[method].extend([None] * after + [failure])

    def storm(self, method: str, seconds: float, retry_after: int = 1) -> None:
        """Answer every call of ``method`` with 429 for the next ``seconds`` (a workspace
        busy with other apps, or a burst of announcements)."""
        with self._cond:
            self._storms[method] = (time.monotonic() + seconds, retry_after)

    def _scripted(self, method: str) -> Failure | None:
        with self._cond:
            until, wait = self._storms.get(method, (0.0, 0))
            if time.monotonic() < until:
                return Failure(429, {"Retry-After": str(wait)})
            return self._failures[method].pop(0) if self._failures[method] else None

    def _next_ts(self) -> str:
        """Slack's message timestamps: Unix time, unique and increasing per workspace."""
        with self._cond:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    # reading what was recorded

    def delivered(self, method: str | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.ok and (method is None or c.method == method)]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 10) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self.calls):
                left = deadline - time.monotonic()
                if left <= 0:
                    summary = [(c.method, c.status, c.ok) for c in self.calls]
                    raise AssertionError(f"Slack fake never saw the expected calls: {summary}")
                self._cond.wait(left)
            return list(self.calls)

    def wait_delivered(self, method: str, count: int = 1, timeout: float = 10) -> list[Call]:
        self.wait_for(
            lambda calls: sum(c.ok and c.method == method for c in calls) >= count, timeout
        )
        return self.delivered(method)

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    # handlers

    async def _payload(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return data if isinstance(data, dict) else {}
        form = await request.post()
        payload: dict[str, Any] = {}
        for key, value in form.items():
            text = str(value)
            if key in ("blocks", "view"):
                try:
                    payload[key] = json.loads(text)
                    continue
                except json.JSONDecodeError:
                    pass
            payload[key] = text
        return payload

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await self._payload(request)
        failure = self._scripted(method)
        if failure is not None and not failure.posted:
            self._record(Call(method, payload, failure.status, ok=False))
            return web.json_response(failure.body, status=failure.status, headers=failure.headers)
        bearer = request.headers.get("Authorization", "")
        expected = self.app_token if method == "apps.connections.open" else self.token
        if bearer != f"Bearer {expected}":
            self._record(Call(method, payload, ok=False))
            return web.json_response({"ok": False, "error": "invalid_auth"})
        body = self._answer(method, payload)
        ok, ts = bool(body.get("ok")), str(body.get("ts", ""))
        if failure is not None:  # it took effect, and the answer says it failed
            self._record(Call(method, payload, failure.status, ok=ok, ts=ts))
            return web.json_response(failure.body, status=failure.status, headers=failure.headers)
        self._record(Call(method, payload, ok=ok, ts=ts))
        return web.json_response(body)

    def _history(self, payload: dict[str, Any]) -> dict[str, Any]:
        """conversations.history, newest first: what was posted to the channel (or to the
        person, for a direct message), with metadata only when asked for, as Slack does."""
        channel = str(payload.get("channel", ""))
        if channel in self.unreadable:
            return {"ok": False, "error": "missing_scope"}
        where = {channel, channel.removeprefix("D")}
        oldest = float(payload.get("oldest") or 0)
        with_metadata = str(payload.get("include_all_metadata", "")).lower() in ("true", "1")
        posted = [
            c
            for c in self.delivered("chat.postMessage")
            if c.payload.get("channel") in where and float(c.ts) > oldest
        ]
        messages = []
        for call in reversed(posted):
            message = {"type": "message", "user": BOT_USER, "ts": call.ts}
            message["text"] = call.payload.get("text", "")
            if with_metadata and call.payload.get("metadata"):
                message["metadata"] = call.payload["metadata"]
            messages.append(message)
        start = int(payload.get("cursor") or 0)
        limit = int(payload.get("limit") or 100)
        page = messages[start : start + limit]
        more = start + limit < len(messages)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://herald-test.slack.com/",
                "team": "Herald test",
                "user": "herald",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": "BHERALD",
            }
        if method in ("chat.postMessage", "chat.postEphemeral"):
            channel = str(payload.get("channel", ""))
            if not channel:
                return {"ok": False, "error": "channel_not_found"}
            if channel in self.closed_channels:
                return {"ok": False, "error": "not_in_channel"}
            problems = message_problems(payload)
            if problems:
                return {"ok": False, "error": "invalid_blocks", "errors": problems}
            ts = self._next_ts()
            return {"ok": True, "channel": channel, "ts": ts, "message_ts": ts}
        if method == "conversations.history":
            return self._history(payload)
        if method == "conversations.open":
            users = str(payload.get("users", ""))
            return {"ok": True, "channel": {"id": f"D{users}"}} if users else {"ok": False}
        if method == "views.publish":
            view = payload.get("view") or {}
            problems = block_problems(view.get("blocks", []), max_blocks=100)
            if not payload.get("user_id") or problems:
                return {"ok": False, "error": "invalid_arguments", "errors": problems}
            return {"ok": True, "view": {"id": "V1", **view}}
        if method == "views.open":
            problems = view_problems(payload.get("view"))
            if not payload.get("trigger_id"):
                return {"ok": False, "error": "invalid_trigger_id"}
            if problems:
                return {"ok": False, "error": "invalid_arguments", "errors": problems}
            return {"ok": True, "view": {"id": f"V{next(self._ts)}", **payload["view"]}}
        if method == "users.info":
            user = str(payload.get("user", ""))
            if user not in self.users:
                return {"ok": False, "error": "user_not_found"}
            fields = {"is_admin": False, "is_owner": False, "is_primary_owner": False}
            return {"ok": True, "user": {"id": user, "team_id": TEAM, **fields, **self.users[user]}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.base.replace("http", "ws", 1) + "/socket"}
        return {"ok": False, "error": "unknown_method"}

    async def _response(self, request: web.Request) -> web.Response:
        payload = await self._payload(request)
        method = f"response_url:{request.match_info['key']}"
        failure = self._scripted(method)
        if failure is not None:
            self._record(Call(method, payload, failure.status, ok=False))
            return web.Response(status=failure.status, headers=failure.headers, text="rate")
        problems = message_problems(payload)
        if problems:
            self._record(Call(method, payload, 400, ok=False))
            return web.Response(status=400, text="invalid_blocks")
        self._record(Call(method, payload))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1})
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                with self._cond:
                    self.socket_acks.append(data)
                    self._cond.notify_all()
        return ws

    async def push_envelope(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to every connected client."""
        for ws in self._sockets:
            if not ws.closed:
                await ws.send_json(envelope)

    def wait_socket_ack(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for ack in self.socket_acks:
                    if ack.get("envelope_id") == envelope_id:
                        return ack
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no Socket Mode ack for {envelope_id}")
                self._cond.wait(left)


# --- signed requests, as Slack sends them ---------------------------------------------------


def signature(secret: str, timestamp: int, body: bytes) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    body: bytes,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(stamp),
        "X-Slack-Signature": signature(secret, stamp, body),
    }
    headers.update(extra or {})
    return headers


def slash_body(
    command: str,
    text: str,
    response_url: str,
    *,
    user: str = USER,
    channel: str = CHANNEL,
    channel_name: str = "general",
) -> bytes:
    fields = {
        "token": "unused",
        "team_id": TEAM,
        "team_domain": "herald-test",
        "channel_id": channel,
        "channel_name": channel_name,
        "user_id": user,
        "user_name": "alice",
        "command": command,
        "text": text,
        "api_app_id": "A0HERALD",
        "response_url": response_url,
        "trigger_id": f"trigger-{time.monotonic_ns()}",
    }
    return urllib.parse.urlencode(fields).encode()


def action_body(
    action: dict[str, Any],
    *,
    response_url: str | None,
    user: str = USER,
    channel: str | None = CHANNEL,
    message_ts: str = "1700000000.000100",
    thread_ts: str | None = None,
) -> bytes:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "herald-test"},
        "user": {"id": user, "username": "alice", "team_id": TEAM},
        "api_app_id": "A0HERALD",
        "token": "unused",
        "trigger_id": f"trigger-{time.monotonic_ns()}",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": True,
        },
        "actions": [{"type": "button", "block_id": "b", "action_ts": "1.2", **action}],
    }
    if thread_ts is not None:  # a message in a thread
        payload["container"]["thread_ts"] = thread_ts
    if channel is not None:
        payload["channel"] = {"id": channel, "name": "general"}
    else:
        payload["container"] = {"type": "view", "view_id": "V1"}
        payload["view"] = {"id": "V1", "type": "home"}
    if response_url is not None:
        payload["response_url"] = response_url
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def view_submission_body(
    view: dict[str, Any], values: dict[str, dict[str, Any]], *, user: str = USER
) -> bytes:
    """What Slack posts when someone presses a modal's submit button.

    ``view`` is the view as Herald opened it; ``values`` maps block id to what the person set
    (``{"title": {"value": "…"}}``, ``{"deadline": {"selected_date": "2027-03-01"}}``); the
    other inputs keep the values the form was opened with, as in Slack.
    """
    state: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        block_id = block["block_id"]
        element = block["element"]
        action_id = element["action_id"]
        if block_id in values:
            state[block_id] = {action_id: {"type": element["type"], **values[block_id]}}
        else:  # untouched: Slack reports what the form was opened with
            state[block_id] = {action_id: initial_state(element)}
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "herald-test"},
        "user": {"id": user, "username": "alice", "team_id": TEAM},
        "api_app_id": "A0HERALD",
        "token": "unused",
        "trigger_id": f"trigger-{time.monotonic_ns()}",
        "view": {
            **view,
            "id": "V0MODAL",
            "team_id": TEAM,
            "state": {"values": state},
            "hash": "1.abc",
        },
        "response_urls": [],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def initial_state(element: dict[str, Any]) -> dict[str, Any]:
    """An input element's state in a submission when nobody changed it."""
    kind = element["type"]
    state: dict[str, Any] = {"type": kind}
    if kind == "plain_text_input":
        state["value"] = element.get("initial_value")
    elif kind == "static_select":
        state["selected_option"] = element.get("initial_option")
    elif kind == "datepicker":
        state["selected_date"] = element.get("initial_date")
    elif kind == "checkboxes":
        state["selected_options"] = element.get("initial_options", [])
    return state


_event_ids = itertools.count(1)


def event_body(event: dict[str, Any], event_id: str | None = None) -> bytes:
    envelope = {
        "token": "unused",
        "team_id": TEAM,
        "api_app_id": "A0HERALD",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": TEAM, "user_id": BOT_USER, "is_bot": True, "enterprise_id": None}
        ],
    }
    return json.dumps(envelope).encode()


def post(url: str, body: bytes, headers: dict[str, str], timeout: float = 10) -> tuple[int, str]:
    """POST like Slack does; returns (status, body) for every status, 401 included."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read().decode()


def all_texts(blocks: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(type, text) of every text object in blocks: sections, context, headers, buttons."""
    for block in blocks:
        if isinstance(block.get("text"), dict):
            yield block["text"]["type"], block["text"]["text"]
        for element in block.get("elements", []):
            if element.get("type") in ("mrkdwn", "plain_text"):
                yield element["type"], element["text"]
            elif isinstance(element.get("text"), dict):
                yield element["text"]["type"], element["text"]["text"]


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b.get("type") == "actions" for e in b["elements"]]


def block_ids(blocks: list[dict[str, Any]], prefix: str) -> list[str]:
    return [
        b["block_id"].removeprefix(prefix)
        for b in blocks
        if str(b.get("block_id", "")).startswith(prefix)
    ]

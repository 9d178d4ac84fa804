"""The command layer: neutral requests in, neutral replies out, one Router in between.

Adapters (Slack, Matrix, console) turn a platform event into a ``Request`` and render the
``Reply``; handlers are plain functions ``(ctx, text) -> Reply`` that never import a chat SDK.

Example::

    router = Router()

    @router.command("ping", help="Check that Herald answers", examples=["/ping"])
    def ping(ctx: Context, text: str) -> Reply:
        return Reply(text="pong")

    reply = router.dispatch(request, ctx)   # never raises; errors become friendly replies
"""

from __future__ import annotations

import difflib
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.delivery import Filters, PersonalReminder, SubscribeOutcome, Subscription
from bot.domain import (
    DEFAULT_FRESHNESS,
    Conversation,
    Freshness,
    LoggedQuestion,
    NotFound,
    PassageHit,
    PermissionDenied,
    Posting,
    PostingHead,
    PostingPage,
    PostingQuery,
    Refusal,
    ShownList,
    StoreUnavailable,
    UsageError,
)
from bot.followup import follow_up
from bot.present import Card, posting_card
from bot.spelling import english
from bot.text import printable

logger = logging.getLogger(__name__)

Platform = Literal["console", "slack", "matrix"]
ActionKind = Literal["url", "command"]


class StoreReader(Protocol):
    """The part of ``bot.store.Store`` the commands read; a fake with these methods will do."""

    def get_posting(self, posting_id: str) -> Posting | None: ...
    def find_postings(self, q: PostingQuery) -> PostingPage: ...
    def find_posting_heads(self, q: PostingQuery) -> list[PostingHead]: ...
    def postings_by_id(self, ids: Sequence[str]) -> list[Posting]: ...
    def all_postings(self, include_inactive: bool = True) -> list[Posting]: ...
    def search_passages(
        self,
        terms: Sequence[str],
        *,
        organization: str | None = None,
        limit: int = 20,
        faq_only: bool = False,
    ) -> list[PassageHit]: ...
    def page_titles(self, organization: str | None = None, limit: int = 5) -> list[str]: ...
    def organizations(self) -> list[str]: ...
    def faq_organizations(self) -> list[str]: ...
    def posting_titles(self) -> list[str]: ...


@dataclass(frozen=True)
class Request:
    """What someone asked, on any platform: ``/jobs remote`` → command "jobs", text "remote"."""

    platform: Platform
    user: str
    channel: str
    command: str
    text: str = ""
    is_dm: bool = False
    # Set by adapters (Slack: workspace admin/owner; Matrix: power level >= 50 in the room);
    # whether it makes someone a Herald admin is the settings' call (bot.admin).
    user_is_platform_admin: bool = False
    # Typed with a command prefix ("/jobs", "!faq"): a prefixed word is meant as a command, an
    # unprefixed line only when its first word is a declared command ("jobs remote").
    prefixed: bool = True
    # Set by adapters when this user may not change what Herald posts in this channel
    # (Matrix: below the room's power level for state events); the text says why.
    manage_refused: str | None = None
    # False where Herald cannot send anything later (the console: no one to send to), so
    # subscriptions and reminders are refused there rather than promised.
    delivers: bool = True
    # The command's word as typed ("I" of "I need a job"): ``command`` is lower-cased to be
    # looked up, and a question is quoted back as its asker wrote it
    typed_command: str = ""
    # Set by adapters: the thread the message was written in ("" outside any; Slack's
    # ``thread_ts``, Matrix's thread root), where Herald answers it and keeps the list shown
    thread: str = ""

    def __post_init__(self) -> None:
        # Every adapter builds a Request, so this is where a message's control and
        # bidirectional characters are dropped (bot.text says why) before anything reads it.
        for name in ("command", "text"):
            value = getattr(self, name)
            kept = printable(value)
            if kept != value:
                object.__setattr__(self, name, kept)

    @classmethod
    def from_line(
        cls,
        line: str,
        *,
        platform: Platform = "console",
        user: str = "console",
        channel: str = "console",
        is_dm: bool = True,
        prefixes: str = "/!",
    ) -> Request:
        """Split a typed line ("/jobs remote", "jobs remote", "!faq fee") into a Request."""
        line = unwrapped(printable(line))  # before splitting: U+0085 is whitespace to str.split
        command, text = split_command(line, prefixes)
        prefixed = line.strip()[:1] in prefixes if prefixes else False
        typed = line.strip().lstrip(prefixes).split(maxsplit=1)
        return cls(
            platform,
            user,
            channel,
            command,
            text,
            is_dm,
            prefixed=prefixed,
            typed_command=typed[0].rstrip("?!.") if typed else "",
        )

    @property
    def conversation(self) -> Conversation:
        return Conversation(self.platform, self.channel, self.thread, self.user)

    @property
    def line(self) -> str:
        """The message as typed, without its prefix: what a question is read from."""
        typed = self.typed_command if self.typed_command.lower() == self.command else ""
        return f"{typed or self.command} {self.text}".strip()


FORMATTING_MARKS = "`*_~"
"""The marks chat composers format with (code, bold, italics, strike-through)."""


def unwrapped(line: str) -> str:
    """A line wholly inside one formatting mark, as chat composers make it ("`/jobs remote`",
    copied from Herald's own replies, which show commands so; "*jobs all*"), without it:
    the command is what was typed. Marks within the line ("*remote* jobs *in leiden*") stay.
    """
    text = line.strip()
    while len(text) > 2 and text[0] == text[-1] and text[0] in FORMATTING_MARKS:
        inner = text.strip(text[0]).strip()
        if not inner or text[0] in inner:
            break
        text = inner
    return text if text != line.strip() else line


def split_command(line: str, prefixes: str = "/!") -> tuple[str, str]:
    """("jobs", "remote") from "/jobs remote"; a leading slash is optional, and a question or
    exclamation mark typed after the word is no part of it ("jobs?" is ``/jobs``). A word with
    a colon or comma addresses someone ("Herald: when…"): it is no command."""
    parts = line.strip().lstrip(prefixes).split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0].lower().rstrip("?!."), parts[1].strip() if len(parts) > 1 else ""


@dataclass(frozen=True)
class Action:
    """A follow-up offered with a reply: a button on Slack, a hint line on the console.

    ``kind`` "url" opens ``value`` (https: or mailto:); "command" runs ``value`` as if typed
    (without the leading slash, e.g. "jobs show iiif-managing-director-2023").
    """

    label: str
    kind: ActionKind
    value: str


MORE = "More"
"""The label of the action that shows a list's next page: what "more" follows."""


@dataclass(frozen=True)
class Reply:
    """What a handler answers, for every platform alike.

    ``text`` is the complete Markdown reading (what a plain-text platform sends, and what
    tests read). When ``summary`` is set, platforms that draw structured items (Block Kit,
    the console's blocks) show ``summary`` followed by ``postings`` / ``passages`` drawn as
    items; when it is empty they show ``text`` and use the items only for buttons and JSON.
    ``actions`` are offered either way. ``today`` lets them say "closes in N days" without
    a clock of their own. ``public`` asks for a channel-visible message instead of one only
    the asker sees. ``understood`` is how a plain question was read (intent, filters), shown
    by ``--json`` so a user or a test sees why an answer came.
    """

    text: str
    postings: tuple[Posting, ...] = ()
    passages: tuple[PassageHit, ...] = ()
    actions: tuple[Action, ...] = ()
    public: bool = False
    error_id: str | None = None
    summary: str = ""
    today: date | None = None
    understood: dict[str, Any] | None = None
    freshness: Freshness = DEFAULT_FRESHNESS
    extras: tuple[str, ...] = ()
    again: str = ""
    """The command that shows this answer again, when the words asked will not: "more" and
    "the second one" mean the list shown last, so a "Share in channel" pressed later must
    re-run "jobs page 2" or "jobs show <id>". Empty: the line as typed does."""

    @property
    def cards(self) -> tuple[Card, ...]:
        """The postings as every renderer shows them (``bot.present``); ``extras`` names the
        facts a question asked about, added to each (``present.EXTRA_FACTS``)."""
        today = self.today or date.today()
        return tuple(posting_card(p, today, self.freshness, self.extras) for p in self.postings)

    @property
    def draws_items(self) -> bool:
        """Whether a rich platform should draw the items under ``summary``."""
        return bool(self.summary) and bool(self.postings or self.passages)

    def to_json(self) -> dict[str, Any]:
        """Every field as JSON-ready values (dates ISO, decimals as strings) for ``--json``."""
        return {
            "text": self.text,
            "summary": self.summary,
            "public": self.public,
            "error_id": self.error_id,
            "today": self.today.isoformat() if self.today else None,
            "postings": [posting_json(p, self.today) for p in self.postings],
            "passages": [
                {"score": hit.score, **_jsonable(_fields(hit.passage))} for hit in self.passages
            ],
            "actions": [_jsonable(_fields(a)) for a in self.actions],
            "understood": self.understood,
        }


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return _jsonable(_fields(value))
    return value


def posting_json(posting: Posting, today: date | None = None) -> dict[str, Any]:
    """Every field of a posting as JSON-ready values; with ``today``, also whether it is open."""
    data: dict[str, Any] = _jsonable(_fields(posting))
    if today is not None:
        data["is_open"] = posting.is_open(today)
    return data


class QuestionLog(Protocol):
    """The question log ``/herald unanswered`` reads (``bot.store.questions``)."""

    def record(self, text: str, *, intent: str, answered: bool, now: datetime) -> int: ...
    def feedback(self, question_id: int, *, helpful: bool) -> bool: ...
    def unanswered(self, limit: int = 20) -> Sequence[LoggedQuestion]: ...


class ListMemory(Protocol):
    """The last list shown in each conversation (``bot.store.shown``)."""

    def remember(self, where: Conversation, shown: ShownList, now: datetime) -> None: ...
    def recall(self, where: Conversation, now: datetime) -> ShownList | None: ...


class SubscriptionBook(Protocol):
    """Channels' standing queries (``bot.store.deliveries.Subscriptions``)."""

    def add(
        self,
        platform: str,
        channel: str,
        filters_text: str,
        filters: Filters,
        user: str | None,
        now: datetime,
    ) -> tuple[Subscription, SubscribeOutcome]: ...
    def for_channel(self, platform: str, channel: str) -> list[Subscription]: ...
    def cancel(self, subscription_id: int, now: datetime) -> None: ...


class ReminderBook(Protocol):
    """People's own deadline reminders (``bot.store.deliveries.PersonalReminders``)."""

    def add(
        self, platform: str, user: str, posting_id: str, now: datetime
    ) -> tuple[PersonalReminder, bool]: ...
    def for_user(self, platform: str, user: str) -> list[PersonalReminder]: ...


@dataclass(frozen=True)
class Context:
    """What a handler may use: the store, settings, the request, and the injected clock.

    ``now`` is timezone-aware (UTC by convention); ``today`` is the date in the workspace's
    configured time zone, which decides what has expired.
    """

    store: StoreReader
    settings: Settings
    now: datetime
    request: Request
    # what a handler writes besides postings; None where this session keeps no such record
    questions: QuestionLog | None = None
    subscriptions: SubscriptionBook | None = None
    reminders: ReminderBook | None = None
    lists: ListMemory | None = None

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("Context.now must be timezone-aware")

    @property
    def today(self) -> date:
        return self.now.astimezone(ZoneInfo(self.settings.timezone)).date()

    @property
    def is_admin(self) -> bool:
        return is_admin(self.request, self.settings)


def is_admin(request: Request, settings: Settings) -> bool:
    """Configured ids (``U0123`` on any platform, ``slack:U0123`` on that one), the local
    console when ``console_is_admin``, and Slack workspace admins or Matrix room moderators
    when the settings say their platform role counts (adapters set ``user_is_platform_admin``).
    """
    if request.platform == "console" and settings.console_is_admin:
        return True
    admins = {a.strip() for a in settings.admins if a.strip()}
    if request.user in admins or f"{request.platform}:{request.user}" in admins:
        return True
    if request.user_is_platform_admin:
        if request.platform == "slack" and settings.slack_workspace_admins_are_admins:
            return True
        if request.platform == "matrix" and settings.matrix_power_level_admins:
            return True
    return False


Handler = Callable[[Context, str], Reply]
H = TypeVar("H", bound=Handler)


@dataclass(frozen=True)
class CommandSpec:
    """One declared command; help and usage messages are generated from these."""

    name: str
    help: str
    usage: str
    examples: tuple[str, ...]
    handler: Handler
    dynamic: bool = False
    listed: bool = True
    """Shown in help; an organisation without an FAQ page still answers, unlisted."""


@dataclass(frozen=True)
class Subcommand:
    """A verb of a command (``/jobs show <id>``): its own handler, arguments, help and rights.

    ``admin`` names what only admins may do, in the words of the refusal ("close postings");
    ``applies`` decides, from the words after the verb, whether they make this verb at all
    (``/jobs close`` closes a posting, ``/jobs closing this week`` searches).
    """

    verb: str
    handler: Handler
    help: str
    args: str = ""
    admin: str | None = None
    applies: Callable[[str], bool] | None = None

    def usage(self, command: str) -> str:
        return " ".join(x for x in (f"/{command}", self.verb, self.args) if x)


ShortcutProvider = Callable[[Context], Sequence[CommandSpec]]
"""Commands known only at dispatch time (e.g. ``/iiif`` derived from the content)."""

HELP_SPEC_NAME = "help"
# What people used to command lines type after a command to see its usage.
_HELP_WORDS = frozenset({HELP_SPEC_NAME, "--help", "-h", "-help", "?"})
_NOT_FOUND_SUGGESTIONS = 5
# How close a mistyped verb is to the real one (difflib's ratio): "shwo" is to "show" 0.75,
# "statu" to "status" 0.91; "remote" to "remind" only 0.5.
_VERB_TYPO_CUTOFF = 0.75
_TYPO_ECHO = 60  # characters of the words after a mistyped verb repeated in the suggestion


@dataclass
class Router:
    """Records commands and dispatches requests to them, mapping errors to replies.

    ``@router.command`` returns the function unchanged, so handlers stay plain functions
    that tests can call directly. ``help`` is built in and lists every command, including
    the ones dynamic providers derive from the content.
    """

    _commands: dict[str, CommandSpec] = field(default_factory=dict)
    _providers: list[ShortcutProvider] = field(default_factory=list)
    _question: Handler | None = None
    _verbs: dict[str, dict[str, Subcommand]] = field(default_factory=dict)

    def command(
        self,
        name: str,
        *,
        help: str,
        usage: str | None = None,
        examples: Iterable[str] = (),
    ) -> Callable[[H], H]:
        """Declare a command; ``usage`` defaults to "/name"."""
        key = name.lower().lstrip("/")
        if key in self._commands or key == HELP_SPEC_NAME:
            raise ValueError(f"command /{key} is already declared")

        def record(handler: H) -> H:
            self._commands[key] = CommandSpec(
                name=key,
                help=help,
                usage=usage or f"/{key}",
                examples=tuple(examples),
                handler=handler,
            )
            return handler

        return record

    def subcommand(
        self,
        command: str,
        verb: str,
        *,
        help: str,
        args: str = "",
        admin: str | None = None,
        applies: Callable[[str], bool] | None = None,
    ) -> Callable[[H], H]:
        """Declare ``/command verb args``; the handler gets the words after the verb. Usage
        and help list it (admin verbs only to admins); the Router refuses non-admins."""
        verbs = self._verbs.setdefault(command, {})
        if verb in verbs:
            raise ValueError(f"/{command} {verb} is already declared")

        def record(handler: H) -> H:
            verbs[verb] = Subcommand(verb, handler, help, args, admin, applies)
            return handler

        return record

    def verbs(self, command: str, ctx: Context | None = None) -> list[Subcommand]:
        """The verbs of ``command`` in declaration order; with ``ctx``, the ones it may run."""
        declared = self._verbs.get(command, {}).values()
        return [v for v in declared if ctx is None or v.admin is None or ctx.is_admin]

    def shortcuts(self, provider: ShortcutProvider) -> ShortcutProvider:
        """Register a provider of commands derived at dispatch time; returns it unchanged."""
        self._providers.append(provider)
        return provider

    def question(self, handler: H) -> H:
        """Declare the handler of everything that is not a command: it gets the whole line."""
        if self._question is not None:
            raise ValueError("a question handler is already declared")
        self._question = handler
        return handler

    def include(self, other: Router) -> None:
        """Adopt another router's commands and providers (one router per handler module)."""
        for name, spec in other._commands.items():
            if name in self._commands:
                raise ValueError(f"command /{name} is already declared")
            self._commands[name] = spec
        self._providers.extend(other._providers)
        if other._question is not None:
            self.question(other._question)
        for command, verbs in other._verbs.items():
            mine = self._verbs.setdefault(command, {})
            for verb, sub in verbs.items():
                if verb in mine:
                    raise ValueError(f"/{command} {verb} is already declared")
                mine[verb] = sub

    def commands(self) -> list[CommandSpec]:
        """The declared commands in declaration order, ``help`` last."""
        return [*self._commands.values(), self._help_spec()]

    def available(self, ctx: Context) -> list[CommandSpec]:
        """Declared commands plus the dynamic ones; a failing provider is logged and skipped."""
        specs = self.commands()
        taken = {s.name for s in specs}
        for provider in self._providers:
            try:
                derived = provider(ctx)
            except Exception:
                logger.exception("shortcut provider %r failed", provider)
                continue
            for spec in derived:
                if spec.name and spec.name not in taken:
                    taken.add(spec.name)
                    specs.append(spec)
        return specs

    def dispatch(self, request: Request, ctx: Context) -> Reply:
        """Run the request's command. Never raises: every outcome is a Reply."""
        name = request.command.strip().lower().lstrip("/!")
        try:
            reply = self._verbs_help(self._dispatch(name, request, ctx))
            _remember_list(reply, ctx)
            return reply
        except StoreUnavailable as exc:
            logger.warning("command /%s: database unavailable: %s", name, exc.__cause__)
            return Reply(text=str(exc))
        except Exception:
            error_id = secrets.token_hex(4)
            logger.exception("command /%s failed (error %s)", name, error_id)
            return Reply(text=f"Sorry, something went wrong (error {error_id}).", error_id=error_id)

    def _dispatch(self, name: str, request: Request, ctx: Context) -> Reply:
        limit = ctx.settings.max_query_length
        length = len(request.text) + len(name)
        if length > limit:
            return Reply(
                text=(
                    f"That query is {length:,} characters long; "
                    f"please keep it under {limit} characters."
                )
            )
        if not name or name == HELP_SPEC_NAME:
            return self.help_reply(ctx, request.text, asked=request.prefixed)
        spec = self._commands.get(name)
        specs: list[CommandSpec] | None = None
        if spec is None and (request.prefixed or self._question is None):
            # an organisation's shortcut is a command only when typed as one ("/iiif fee")
            specs = self.available(ctx)
            spec = next((s for s in specs if s.name == name), None)
        if spec is None:
            return self._question_or_unknown(name, request, ctx, specs or self.commands())
        # the words after the verb keep their newlines: a posting pasted after "add"
        verb, rest = [*request.text.strip().split(maxsplit=1), "", ""][:2]
        if verb.lower() in _HELP_WORDS and not rest:  # "/jobs help": its usage, everywhere
            return self.help_reply(ctx, spec.name)
        # "/herald help jobs", /herald's own example (Slack's adapter spells it so already;
        # the console and Matrix did not): that command's help; "/jobs help desk" names no
        # command, it searches
        if verb.lower() in _HELP_WORDS and self._help_topic(_first_word(rest), ctx) is not None:
            return self.help_reply(ctx, rest)
        sub = self._verbs.get(spec.name, {}).get(verb.lower())
        if sub is not None and (sub.applies is None or sub.applies(rest)):
            if sub.admin is not None and not ctx.is_admin:
                logger.info("%s:%s may not %s", ctx.request.platform, ctx.request.user, sub.admin)
                return _denied_reply(PermissionDenied(sub.admin))
            return self._run(sub.handler, rest, ctx, usage=_usage_text([sub.usage(spec.name)]))
        usage = _usage_text(self._usages(spec, ctx), spec.examples)
        reply = self._run(spec.handler, request.text, ctx, usage=usage)
        return self._verb_typo(spec.name, verb, rest, reply, ctx)

    def _verb_typo(self, command: str, verb: str, rest: str, reply: Reply, ctx: Context) -> Reply:
        """A first word a letter or two from one of the command's verbs ("/jobs shwo <id>",
        "/herald statu"), when the command found nothing with it, was that verb mistyped: the
        reply says so and offers the verb, instead of a bare "no postings match". A word that
        finds something ("/jobs editor") or an English word ("remote", "open") is left alone."""
        if reply.postings or reply.passages or reply.error_id:
            return reply
        verbs = [v.verb for v in self.verbs(command, ctx)]
        close = difflib.get_close_matches(verb.lower(), verbs, n=1, cutoff=_VERB_TYPO_CUTOFF)
        # "/jobs remote" is a word of its own, not "remove" mistyped; "/jobs remotee" is
        # "remote" mistyped, nearer to it than to "remove"
        if not close or verb.lower() in english() or _nearer_word(verb.lower(), close[0]):
            return reply
        meant = " ".join(x for x in (command, close[0], rest.strip()[:_TYPO_ECHO]) if x)
        return replace(
            reply,
            text=f"There is no `/{command} {verb[:40]}`. Did you mean `/{meant}`?\n{reply.text}",
            actions=(Action(f"/{meant}", "command", meant),),
        )

    def _question_or_unknown(
        self, name: str, request: Request, ctx: Context, known: Sequence[CommandSpec]
    ) -> Reply:
        """A line whose first word is no command: a question, unless it was meant as one,
        or a follow-up of the list shown last ("more", "the second one")."""
        followed = None if request.prefixed else self._follow_up(request, ctx)
        if followed is not None:
            return followed
        mistyped = _mistyped(name, request, known)
        # "/show x", "/subscribe": a verb typed as a command was meant as that verb
        meant = mistyped or bool(self._owners(name, known, ctx))
        if self._question is None or (meant and request.prefixed):
            return self._unknown(name, known, ctx)
        reply = self._run(self._question, request.line, ctx)
        read = reply.understood or {}
        # "/wikimedia jobs", "/molloy library hours" and "kelp jobs?" (a letter from
        # "help") are questions about an organisation; "/admin close x", which names none
        # and none answers, and "jbos remote" were meant as commands
        if read.get("organization"):
            return reply
        if not mistyped and (not request.prefixed or read.get("answered", True)):
            return reply
        return self._unknown(name, known, ctx)

    def _follow_up(self, request: Request, ctx: Context) -> Reply | None:
        """The next page, or one posting, of the list last shown to this person here; None
        when the line asks something else or no list is remembered ("more" then gets the
        question's answer: how to page)."""
        asked = follow_up(request.line)
        if asked is None or ctx.lists is None:
            return None
        shown = ctx.lists.recall(request.conversation, ctx.now)
        if shown is None:
            if asked.kind == "more":
                return None
            return Reply(
                text="I have no recent list here to pick from: ask for postings first "
                "(e.g. `remote jobs`), then say which one (“the second one”)."
            )
        if asked.kind == "more":
            if shown.more is None:
                return Reply(text="That was the whole list: there is no next page.")
            line = shown.more
        elif asked.position > len(shown.ids):
            return Reply(text=f"The last list had {len(shown.ids)} postings; which one?")
        else:
            index = asked.position - 1 if asked.position > 0 else -1
            line = f"jobs show {shown.ids[index]}"
        command, text = split_command(line)
        followed = replace(request, command=command, text=text, prefixed=True, typed_command="")
        reply = self._dispatch(command, followed, replace(ctx, request=followed))
        return replace(reply, again=reply.again or f"/{line}")

    def _verbs_help(self, reply: Reply) -> Reply:
        """A question about how to use verbs of Herald's commands ("how do I get notified of
        new jobs?": the understanding's ``verbs``) is answered by their help; one only admins
        may use says so."""
        read = reply.understood or {}
        asked = (read.get("verbs") or []) if read.get("intent") == "help" else []
        if not asked:
            return reply
        found = [
            (s.name, v) for s in self.commands() for v in self.verbs(s.name) if v.verb in asked
        ]
        if not found:
            return reply
        lines = ["Herald does that with:"]
        lines += [
            f"• `{v.usage(name)}` — {v.help}" + ("" if v.admin is None else " (admins only)")
            for name, v in found
        ]
        lines.append(" ".join(f"`/help {name}`" for name in dict.fromkeys(n for n, _ in found)))
        lines[-1] += " says more."
        return replace(reply, text="\n".join(lines), actions=())

    def _usages(self, spec: CommandSpec, ctx: Context) -> list[str]:
        return [spec.usage, *(v.usage(spec.name) for v in self.verbs(spec.name, ctx))]

    def _run(self, handler: Handler, text: str, ctx: Context, *, usage: str = "") -> Reply:
        try:
            return handler(ctx, text)
        except UsageError as exc:
            return Reply(text=f"{exc}\n{usage}" if usage else str(exc))
        except NotFound as exc:
            return _not_found_reply(exc)
        except PermissionDenied as exc:
            return _denied_reply(exc)
        except Refusal as exc:
            return Reply(text=str(exc))

    def _owners(self, verb: str, specs: Sequence[CommandSpec], ctx: Context) -> list[str]:
        """The commands of ``specs`` that have ``verb`` ("close": jobs)."""
        return [s.name for s in specs if any(v.verb == verb for v in self.verbs(s.name, ctx))]

    def _unknown(self, name: str, specs: Sequence[CommandSpec], ctx: Context) -> Reply:
        """Says so, with the commands a letter or two away, and the commands that have a
        verb of that name ("/audit" is `/herald audit`, "/subscribe" `/jobs subscribe`)."""
        names = [s.name for s in specs]
        close = [f"{n} {name}" for n in self._owners(name, specs, ctx)]
        close += difflib.get_close_matches(name, names, n=3 - len(close), cutoff=0.5)
        lines = [f"Unknown command /{name[:40]}."]
        if close:
            lines.append("Did you mean " + " or ".join(f"`/{c}`" for c in close) + "?")
        lines.append("Type `/help` to see every command.")
        return Reply(
            text=" ".join(lines),
            actions=tuple(Action("Help", "command", f"help {c}") for c in close),
        )

    def help_reply(self, ctx: Context, topic: str = "", *, asked: bool = False) -> Reply:
        """Generated help: every command with an example, or one command's usage (named by
        the topic's first word, or by one of its verbs). ``asked``: the topic was typed as a
        command ("/help nosuch"), so one that names no command is said to."""
        specs = self.available(ctx)
        wanted = _first_word(topic)
        spec = self._help_topic(wanted, ctx, specs) if wanted else None
        if spec is not None:
            lines = [f"`/{spec.name}` — {spec.help}", _usage_text([spec.usage], spec.examples)]
            lines += [f"• `{v.usage(spec.name)}` — {v.help}" for v in self.verbs(spec.name, ctx)]
            return Reply(text="\n".join(lines))
        lines = []
        if wanted and asked:
            # "/help nosuch": said, not silently answered with everything
            close = difflib.get_close_matches(wanted, [s.name for s in specs], n=3, cutoff=0.5)
            maybe = " Did you mean " + " or ".join(f"`/{c}`" for c in close) + "?" if close else ""
            lines.append(f"There is no command `/{wanted[:40]}`.{maybe}")
        return Reply(text="\n".join([*lines, *self._every_command(specs, ctx)]))

    def _every_command(self, specs: Sequence[CommandSpec], ctx: Context) -> list[str]:
        """Help's list: each command with an example and its verbs, then the shortcuts."""
        lines = ["Herald understands these commands:"]
        if self._question is not None:
            lines.append(
                "…and plain questions: “remote jobs”, “is datacite hiring?”, “any jobs in "
                "california?”, “how much is the membership fee?”"
            )
        for spec in specs:
            if spec.dynamic:
                continue
            example = spec.examples[0] if spec.examples else spec.usage
            lines.append(f"• `{spec.usage}` — {spec.help} (e.g. `{example}`)")
            verbs = self.verbs(spec.name, ctx)
            if verbs:
                listed = ", ".join(f"`/{spec.name} {v.verb}`" for v in verbs)
                lines.append(f"  also {listed} — `/help {spec.name}` says how")
        shortcuts = [s for s in specs if s.dynamic and s.listed]
        if shortcuts:
            lines.append("Organisation shortcuts (ask their FAQ directly):")
            for spec in shortcuts:
                example = spec.examples[0] if spec.examples else spec.usage
                lines.append(f"• `/{spec.name}` — {spec.help} (e.g. `{example}`)")
        return lines

    def _help_topic(
        self, wanted: str, ctx: Context, specs: Sequence[CommandSpec] | None = None
    ) -> CommandSpec | None:
        """The command ``/help <wanted>`` asks about: one by that name, or the one with that
        verb ("/help show", "/help subscribe": the verbs are what people remember)."""
        specs = self.available(ctx) if specs is None else specs
        spec = next((s for s in specs if s.name == wanted), None)
        if spec is not None:
            return spec
        owner = next(
            (s for s in specs if any(v.verb == wanted for v in self.verbs(s.name, ctx))), None
        )
        return owner

    def _help_spec(self) -> CommandSpec:
        return CommandSpec(
            name=HELP_SPEC_NAME,
            help="Every command with an example",
            usage="/help [command]",
            examples=("/help jobs",),
            handler=self.help_reply,
        )


def _remember_list(reply: Reply, ctx: Context) -> None:
    """Keep a list of postings (a reply with a summary: one posting shown whole is no list)
    as the one this person was shown last here; the answer matters more than remembering
    it, so a failure to write is logged."""
    if ctx.lists is None or not reply.postings or not reply.summary:
        return
    more = next((a.value for a in reply.actions if a.label == MORE and a.kind == "command"), None)
    shown = ShownList(tuple(p.id for p in reply.postings), more)
    try:
        ctx.lists.remember(ctx.request.conversation, shown, ctx.now)
    except Exception:
        logger.warning("the list shown could not be remembered", exc_info=True)


def _mistyped(name: str, request: Request, specs: Sequence[CommandSpec]) -> bool:
    """A slash and one word ("/nosuch"), or a short line whose first word is a letter or two
    away from a command ("/jbos remote"); a sentence ("which jobs pay over $90k?") is a
    question, never a typo."""
    if request.prefixed and not request.text.strip():
        return True
    if len(request.line.split()) > 3:
        return False
    names = [s.name for s in specs]
    return bool(difflib.get_close_matches(name, names, n=1, cutoff=0.75))


def _nearer_word(typed: str, verb: str) -> bool:
    """Whether an English word is nearer to ``typed`` than ``verb`` is (difflib's ratio)."""
    word = english().correction(typed)
    if not word or word == verb:
        return False
    near = difflib.SequenceMatcher(None, typed, word).ratio()
    return near > difflib.SequenceMatcher(None, typed, verb).ratio()


def _first_word(text: str) -> str:
    """The first word of a help topic, as a command name ("/Jobs show" → "jobs")."""
    return (text.strip().lower().split() or [""])[0].lstrip("/!")


def _usage_text(usages: Sequence[str], examples: Sequence[str] = ()) -> str:
    text = "Usage: " + " | ".join(f"`{u}`" for u in usages)
    if examples:
        text += "\nExamples: " + ", ".join(f"`{e}`" for e in examples)
    return text


def _denied_reply(exc: PermissionDenied) -> Reply:
    what = str(exc).strip().rstrip(".") or "do that"
    if not what.lower().startswith("only admins"):
        what = f"Only admins can {what}"
    return Reply(text=f"{what}.")


def _not_found_reply(exc: NotFound) -> Reply:
    suggestions = exc.suggestions[:_NOT_FOUND_SUGGESTIONS]
    text = str(exc) or "Nothing matches."
    if suggestions:
        text += "\nTry: " + ", ".join(f"`{s}`" for s in suggestions)
    actions = tuple(Action(s, "command", s.lstrip("/")) for s in suggestions if s.startswith("/"))
    return Reply(text=text, actions=actions)

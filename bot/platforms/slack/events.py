"""Slack's events to ``Request``s, and the ``Reply``s back as Slack messages: the listeners.

Every listener acknowledges at once and hands the answer to a task (``Workers.spawn``), so
Bolt replies to Slack without waiting for the store; the synchronous ``App.handle`` runs in a
worker thread. Only modals are answered inside the ack (Slack waits for their answer).

Where an answer goes: a slash command or a button is answered through its response_url,
for the clicker only (with "Share in channel" when there is something to share); a mention
in the channel (or privately, as the reply says); a direct message in the DM; the App Home
has no response_url, so its buttons answer in the DM with Herald.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.commands import Reply, Request
from bot.platforms.slack.admins import WorkspaceAdmins
from bot.platforms.slack.errors import CANNOT_POST, SlackError, rate_limited
from bot.platforms.slack.home import home, home_request
from bot.platforms.slack.redeliveries import RecentPresses, Redeliveries
from bot.platforms.slack.translate import (
    Body,
    asks_herald,
    channel_of,
    is_direct_message,
    message_request,
    slack_spelling,
    slash_request,
    spell_commands,
    user_of,
    worth_sharing,
)
from bot.platforms.slack.web import RESPONSE_URL_MESSAGES, WebApi
from bot.platforms.slack.workers import Workers
from bot.platforms.slack_admin import AdminForms
from bot.platforms.slack_blocks import ACTION_PAGE, SlackMessage, render

if TYPE_CHECKING:
    from bot.app import App

Ack = Callable[..., Awaitable[None]]

logger = logging.getLogger(__name__)

LIMITED_NOTE = (
    "Slack is limiting how fast I may post right now, so I could not answer. "
    "Please ask again in a few minutes."
)
SHARE_LIMITED = (
    "Slack is limiting how fast I may post in this channel right now. "
    "Press Share in channel again in a few minutes."
)
SHARE_REFUSED = (
    "I could not share that here. Invite me to the channel (`/invite @Herald`) and try again."
)


class SlackEvents:
    """The listeners Bolt calls; ``bot_user_id`` (learned at start) is the mention to drop."""

    def __init__(
        self,
        app: App,
        web: WebApi,
        workers: Workers,
        redeliveries: Redeliveries,
        admins: WorkspaceAdmins,
    ) -> None:
        self.app = app
        self.web = web
        self.workers = workers
        self.redeliveries = redeliveries
        self.admins = admins
        self.forms = AdminForms(app)
        self.bot_user_id: str | None = None
        # Herald's user name (auth.test), typed by people who do not pick the mention
        self.bot_names: tuple[str, ...] = ()
        self.presses = RecentPresses(lambda: self.web.monotonic())

    # --- answering (in a worker thread: the store and rendering are synchronous) ---------

    async def answer(
        self,
        request: Request,
        *,
        offer_share: bool = False,
        shared_by: str | None = None,
        max_messages: int | None = None,
    ) -> tuple[Reply, list[SlackMessage]]:
        """The request answered and rendered off the event loop.

        The Router decides what a line is (a command, or a question for ``bot.ask``);
        ``offer_share`` adds "Share in channel" re-running the same line (only when
        ``worth_sharing``); ``shared_by`` marks a shared copy with who shared it.
        """
        request = await self.admins.flag(request)

        def work() -> tuple[Reply, list[SlackMessage]]:
            asked = slack_spelling(request)
            reply = spell_commands(self.app.handle(asked))
            # typed as a command ("/iiif fee") or not ("iiif fee" is a question): a shared
            # copy must be read the same way
            line = reply.again or (f"/{asked.line}" if asked.prefixed else asked.line)
            share = None
            if shared_by or (offer_share and worth_sharing(reply)):
                share = line
            messages = render(reply, share=share, shared_by=shared_by, max_messages=max_messages)
            return reply, messages

        return await self.workers.in_thread(work)

    async def _answer_privately(
        self, body: Body, request: Request, *, in_place: bool = False
    ) -> None:
        """Answer a command or a click only the clicker sees (with "Share in channel");
        ``in_place`` replaces the message whose button was clicked."""
        url = body.get("response_url")
        if not url:
            # the App Home has no response_url: answer in the app's DM with the user
            _reply, messages = await self.answer(request)
            await self.web.post(request.user, messages)
            return
        reply, messages = await self.answer(
            request, offer_share=True, max_messages=RESPONSE_URL_MESSAGES
        )
        await self.web.respond(
            str(url),
            messages,
            "in_channel" if reply.public else "ephemeral",
            replace_original=in_place and not reply.public,
        )

    async def _tell_limited(self, channel: str, user: str | None, **extra: Any) -> None:
        """Say that an answer could not get through Slack's rate limit (one try: the note
        is short and, when Slack is still limiting, logged like any failed call)."""
        note = render(Reply(text=LIMITED_NOTE))[0].payload()
        if user:
            await self.web.api("chat.postEphemeral", channel=channel, user=user, **note, **extra)
        else:
            await self.web.api("chat.postMessage", channel=channel, **note, **extra)

    # --- slash commands and modals ------------------------------------------------------

    async def on_command(self, ack: Ack, body: Body) -> None:
        # Slack wants an ack within 3 s; the answer follows through the response_url
        await ack()
        request = slash_request(body)
        self.workers.spawn(self._command(body, request), f"/{request.command}")

    async def _command(self, body: Body, request: Request) -> None:
        """A slash command: an admin's bare ``/jobs add`` or ``/jobs edit <id>`` opens the
        posting form; everything else (and anyone else) gets the usual private answer."""
        trigger = body.get("trigger_id")
        if trigger and request.command == "jobs":
            request = await self.admins.flag(request)
            asked = request
            view = await self.workers.in_thread(lambda: self.forms.form_for(asked))
            if view is not None:
                try:
                    # the trigger is valid for 3 s after the command: open before anything else
                    await self.web.api("views.open", trigger_id=str(trigger), view=view)
                    return
                except SlackError:
                    pass  # logged; the usual answer explains how to type the posting instead
        await self._answer_privately(body, request)

    # modals (view_submission): Slack waits for the answer, so no task

    async def _view_request(self, body: Body) -> Request:
        user = user_of(body)
        return await self.admins.flag(Request("slack", user, user, "jobs"))

    async def on_form_submitted(self, ack: Ack, body: Body, view: Body) -> None:
        request = await self._view_request(body)
        answer = await self.workers.in_thread(lambda: self.forms.submit_form(request, view))
        await ack(**answer)

    async def on_confirm_submitted(self, ack: Ack, body: Body, view: Body) -> None:
        request = await self._view_request(body)
        answer = await self.workers.in_thread(lambda: self.forms.submit_confirm(request, view))
        await ack(**answer)

    # --- buttons ------------------------------------------------------------------------

    def _first_press(self, body: Body, action: Body) -> bool:
        message = str((body.get("container") or {}).get("message_ts", ""))
        key = (channel_of(body), message, user_of(body), str(action.get("value", "")))
        if self.presses.first(key):
            return True
        logger.info("a second press of %r within seconds: answered once", action.get("value"))
        return False

    async def on_command_button(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        if not self._first_press(body, action):
            return
        user = user_of(body)
        channel = channel_of(body) or user
        request = Request.from_line(
            str(action.get("value", "")),
            platform="slack",
            user=user,
            channel=channel,
            is_dm=channel.startswith("D"),
        )
        # a button's value is a command as its reply wrote it ("iiif fee" runs /iiif); pressed
        # in a thread, it continues that thread's conversation ("More", then "the second one")
        request = replace(request, prefixed=True, thread=_thread_of(body))
        # "More" under a private answer replaces that page (a public one stays as it is)
        page = str(action.get("action_id", "")).startswith(f"{ACTION_PAGE}:")
        in_place = page and bool((body.get("container") or {}).get("is_ephemeral"))
        self.workers.spawn(self._answer_privately(body, request, in_place=in_place), "button")

    async def on_link_button(self, ack: Ack) -> None:
        # the browser opens the link; Slack still wants the click acknowledged
        await ack()

    async def on_share(self, ack: Ack, body: Body, action: Body) -> None:
        await ack()
        line = str(action.get("value", ""))
        user = user_of(body)
        channel = channel_of(body)
        message_ts = str((body.get("container") or {}).get("message_ts", ""))
        if not self.redeliveries.seen.first(("share", channel, message_ts, user, line)):
            logger.info("share of %r in %s already posted", line, channel)
            return
        request = Request.from_line(line, platform="slack", user=user, channel=channel)
        # pressed under an answer in a thread: shared in that thread, where people talk
        request = replace(request, thread=_thread_of(body))
        self.workers.spawn(self._share(body, request), "share")

    async def _share(self, body: Body, request: Request) -> None:
        _reply, messages = await self.answer(request, shared_by=request.user)
        extra = _in_thread(request)
        try:
            await self.web.post(request.channel, messages, **extra)
            return
        except SlackError as exc:
            cannot_post = exc.error in CANNOT_POST
            limited = rate_limited(exc)
        url = body.get("response_url")
        if cannot_post and url and await self.web.respond(str(url), messages, "in_channel"):
            return
        if url:
            why = SHARE_LIMITED if limited else SHARE_REFUSED
            await self.web.respond(str(url), render(Reply(text=why)), "ephemeral")

    async def on_remind(self, ack: Ack, body: Body, action: Body) -> None:
        # no double-press guard: a second press is told "You already have reminders"
        await ack()
        posting_id = str(action.get("value", ""))
        self.workers.spawn(self._remind(body, user_of(body), posting_id), "Remind me")

    async def _remind(self, body: Body, user: str, posting_id: str) -> None:
        """ "Remind me" is ``/jobs remind <id>`` typed by whoever pressed it; only they see it."""
        channel = str((body.get("channel") or {}).get("id", "")) or user
        request = Request("slack", user, channel, "jobs", f"remind {posting_id}", is_dm=True)
        _reply, messages = await self.answer(request)
        url = body.get("response_url")
        if url:
            await self.web.respond(str(url), messages, "ephemeral")
        else:  # pressed in the App Home: no response_url, so the DM with Herald
            await self.web.post(user, messages)

    # --- messages -----------------------------------------------------------------------

    async def on_mention(self, event: Body) -> None:
        # A mention in the DM with Herald comes twice, as app_mention and as message.im:
        # the direct message answers it
        if not asks_herald(event) or is_direct_message(event):
            return
        request = message_request(event, self.bot_user_id, is_dm=False, names=self.bot_names)
        self.workers.spawn(self._answer_mention(request), "mention")

    async def _answer_mention(self, request: Request) -> None:
        reply, messages = await self.answer(request, offer_share=True)
        extra = _in_thread(request)
        try:
            if reply.public:
                await self.web.post(request.channel, messages, **extra)
            else:
                await self.web.post_ephemeral(request.channel, request.user, messages, **extra)
        except SlackError as exc:
            if rate_limited(exc):
                await self._tell_limited(request.channel, request.user, **extra)

    async def on_message(self, event: Body) -> None:
        # direct messages only (a mention in a channel is an app_mention)
        if not is_direct_message(event) or not asks_herald(event):
            return
        request = message_request(event, self.bot_user_id, is_dm=True, names=self.bot_names)
        self.workers.spawn(self._answer_dm(request), "direct message")

    async def _answer_dm(self, request: Request) -> None:
        _reply, messages = await self.answer(request)
        extra = _in_thread(request)
        try:
            await self.web.post(request.channel, messages, **extra)
        except SlackError as exc:
            if rate_limited(exc):
                await self._tell_limited(request.channel, None, **extra)

    # --- the App Home -------------------------------------------------------------------

    async def on_home_opened(self, event: Body) -> None:
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user", ""))
        self.workers.spawn(self._publish_home(user), "App Home")

    async def _publish_home(self, user: str) -> None:
        # the commands shown depend on whether the user is an admin
        request = await self.admins.flag(home_request(user))
        view = await self.workers.in_thread(lambda: home(self.app, request))
        await self.web.api("views.publish", user_id=user, view=view)


def _thread_of(body: Body) -> str:
    """The thread a button was pressed in ("" outside any): Slack sends it in the click's
    container, for ephemeral messages too."""
    return str((body.get("container") or {}).get("thread_ts") or "")


def _in_thread(request: Request) -> dict[str, Any]:
    """What keeps Herald's answer in the thread the request came from."""
    return {"thread_ts": request.thread} if request.thread else {}

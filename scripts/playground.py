"""Drive the Microsoft 365 Agents Playground from Python, the way its web UI does.

The playground (npm `@microsoft/m365agentsplayground`, checked against 0.2.28) is a local Teams
emulator: a mocked Bot Connector the bot replies to, plus a web UI. There is no browser here, so
this module speaks the UI's own protocol. Every endpoint below was read in the playground's
bundle and tried against the running tool:

- `GET  /_internal/v1/testConfig`: the mock tenant (`currentUser`, five `users`, bot, chat ids).
  The UI calls `/_internal/v1/config`, the same answer after waiting up to 15 s for the bot.
- `WS   /_ws_conversation/v1/conversations/stream`: what the chat panes show, as
  `{"action": "createMessage" | "updateMessage" | "typing", "actionConversationId", "message"}`.
- `WS   /_ws/log/stream`: the log panel, `{"logAction": "appendLog", "log": {...}}`, one entry
  per HTTP exchange with the bot, written when the exchange ends. An entry "Microsoft 365
  Agents Playground" -> "User Application" therefore means the bot finished that turn.
- `POST /_conversation/v1/conversations/{id}/messages` with
  `{"type": "text", "text", "textFormat": "plain", "from": {"id"}}`: the user types. The
  playground always sends it to the bot as `currentUser`; `from.id` is only checked for
  membership. In a group chat or channel the bot only gets it when the message @mentions it.
- `POST /_conversation/v1/invoke` with `{"name": "adaptiveCard/action", "value": {"action":
  {"type": "Action.Execute", "title", "verb", "data"}}, "from": {"id"}, "conversation": {"id"},
  "replyToId": <card message id>}`: an Action.Execute click. Answers the bot's invoke response
  `{"type", "value"}`. Here `from.id` is honoured: any member of the conversation may click.
  The UI, not the server, puts a replacement card in place of the clicked one: no chat frame
  says so (`InvokeResult.activity` is the message as the UI then shows it).
- `POST /_conversation/v1/submit` with `{"conversation": {"id"}, "replyToId", "value": <data>,
  "from": {"id"}}`: an Action.Submit click; the bot gets a message whose `value` is the data.
  The playground does not turn `{"msteams": {"type": "imBack"}}` data into typed text as Teams
  does: the bot receives the raw `value` and no text.
- `GET  /_internal/v1/customActivities/template?conversationId=...` and `POST
  /_internal/v1/customActivities` (the UI's "Mock an Activity"): any activity, sent to the bot
  as given. This is the only way to have someone other than `currentUser` type.
- `POST /_connector/v3/conversations` with `{"isGroup": false, "members": [{"id"}]}`: the mocked
  Bot Connector's createConversation, which a bot calls in Teams to open a 1:1 chat. For any
  mock user it makes (once; later calls answer the same id) their personal chat with the bot:
  the only way someone other than `currentUser` gets one. The UI never shows those chats: its
  chat stream leaves out every message in another user's chat, so what the bot sends there is
  seen in the log stream only (`logged_messages`).

Mock users come from `.m365agentsplayground.yml` in the playground's working directory, or the
file named by `M365_AGENTS_PLAYGROUND_CONFIG_PATH` (see tests/playground/m365agentsplayground.yml).
`currentUser` owns the personal chat; the group chat and the team hold all six people. So
`say(..., as_user="Kevin")` speaks in the group chat, where the bot can look Kevin up, and
`install_app("Kevin")` gives Kevin a personal chat the bot can reach, as installing the app does.

Run `python scripts/playground.py [--as Kevin]` with the bot and the playground running.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import aiohttp

DEFAULT_URL = "http://127.0.0.1:56150"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
# The two ends of every exchange in the playground's log (schema LabelType).
PLAYGROUND_LABEL = "Microsoft 365 Agents Playground"
BOT_LABEL = "User Application"
# Replies the bot sends after its turn (typing, a second message) land within this long of the
# turn's end; the two websockets are separate connections, so their frames can also cross.
SETTLE_SECONDS = 0.2

Activity = dict[str, Any]


class PlaygroundError(RuntimeError):
    """The playground refused a request, or the bot failed or never finished its turn."""


@dataclass(frozen=True)
class User:
    """One mock user from the playground's configuration."""

    id: str
    name: str
    email: str
    upn: str
    aad_object_id: str

    @classmethod
    def from_config(cls, entry: dict[str, Any]) -> User:
        """Read a `currentUser`/`users` entry (the file spells it `userPrincipleName`)."""
        return cls(
            id=entry["id"],
            name=entry["name"],
            email=entry.get("email", ""),
            upn=entry.get("userPrincipleName", ""),
            aad_object_id=entry.get("aadObjectId", ""),
        )

    def matches(self, who: str) -> bool:
        """True if `who` is this user's id, name, first name, e-mail or UPN."""
        wanted = who.strip().casefold()
        names = {self.id, self.name, self.name.split(" ")[0], self.email, self.upn}
        return wanted in {n.casefold() for n in names if n}


@dataclass
class InvokeResult:
    """What an Action.Execute click produced."""

    response: dict[str, Any]  # the bot's invoke answer, as the playground relays it
    replies: list[Activity] = field(default_factory=list)  # messages the bot sent meanwhile
    clicked: Activity = field(default_factory=dict)  # the message whose button was pressed

    @property
    def card(self) -> dict[str, Any] | None:
        """The replacement card, when the bot answered with one."""
        if self.response.get("type") == ADAPTIVE_CARD:
            return self.response.get("value")
        return None

    @property
    def activity(self) -> Activity:
        """The clicked message as the UI shows it now: the replacement card in the old one's
        place, or unchanged when the bot answered with a text (shown under the card)."""
        if self.card is None:
            return self.clicked
        attachment = {"contentType": ADAPTIVE_CARD, "content": self.card}
        return {**self.clicked, "attachments": [attachment], "updated": True}

    @property
    def message(self) -> str | None:
        """The text the playground shows under the card, when the bot answered with one."""
        value = self.response.get("value")
        return value if isinstance(value, str) else None


class Playground:
    """A client of a running playground: says things, clicks card buttons, reads replies.

    Use it as `async with Playground(url) as pg:`. Calls run one at a time: each waits until
    the bot has finished the turn it started, then returns what the chat panes received.
    """

    def __init__(self, base_url: str = DEFAULT_URL, *, timeout: float = 20.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.config: dict[str, Any] = {}
        self._session: aiohttp.ClientSession | None = None
        self._sockets: list[aiohttp.ClientWebSocketResponse] = []
        self._readers: list[asyncio.Task[None]] = []
        self._messages: list[Activity] = []  # chat-pane frames, in arrival order
        self._logs: list[dict[str, Any]] = []  # log-panel entries, in arrival order
        self._changed = asyncio.Condition()

    # --- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> Playground:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def start(self) -> None:
        """Read the mock tenant and subscribe to the chat and log streams."""
        self._session = aiohttp.ClientSession(base_url=self.base_url)
        try:
            self.config = (await self._get_json("/_internal/v1/testConfig"))["config"]
            for path, sink in (
                ("/_ws_conversation/v1/conversations/stream", self._messages),
                ("/_ws/log/stream", self._logs),
            ):
                socket = await self._session.ws_connect(path)
                self._sockets.append(socket)
                self._readers.append(asyncio.create_task(self._read(socket, sink)))
        except BaseException:
            await self.close()
            raise
        # The playground buffers frames while no client listens and flushes them to the next
        # one: drop what an earlier session left behind so it is not mistaken for a reply.
        await asyncio.sleep(SETTLE_SECONDS)
        self._messages.clear()
        self._logs.clear()

    async def close(self) -> None:
        """Stop listening and close the connections."""
        for task in self._readers:
            task.cancel()
        for task in self._readers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for socket in self._sockets:
            await socket.close()
        if self._session is not None:
            await self._session.close()
        self._readers, self._sockets, self._session = [], [], None

    async def _read(self, socket: aiohttp.ClientWebSocketResponse, sink: list) -> None:
        async for frame in socket:
            if frame.type != aiohttp.WSMsgType.TEXT:
                continue
            async with self._changed:
                sink.append(json.loads(frame.data))
                self._changed.notify_all()

    # --- the mock tenant ---------------------------------------------------------------------

    @property
    def me(self) -> User:
        """The configured `currentUser`: the only person who can type in the UI."""
        return User.from_config(self.config["currentUser"])

    @property
    def users(self) -> list[User]:
        """Everyone in the mock tenant, `currentUser` first."""
        return [self.me, *(User.from_config(u) for u in self.config["users"])]

    @property
    def bot(self) -> dict[str, str]:
        """The bot's id and name as the playground presents them."""
        return self.config["bot"]

    @property
    def personal_chat_id(self) -> str:
        """The conversation id of `currentUser`'s 1:1 chat with the bot."""
        return self.config["personalChat"]["id"]

    @property
    def group_chat_id(self) -> str:
        """The conversation id of the group chat holding all six users and the bot."""
        return self.config["groupChats"][0]["id"]

    def user(self, who: str | User | None) -> User:
        """A mock user by id, name, first name, e-mail or UPN; None means `currentUser`."""
        if who is None:
            return self.me
        if isinstance(who, User):
            return who
        for candidate in self.users:
            if candidate.matches(who):
                return candidate
        known = ", ".join(u.name for u in self.users)
        raise PlaygroundError(f"no mock user {who!r} in the playground's config (has: {known})")

    # --- what a user can do ------------------------------------------------------------------

    async def say(self, text: str, as_user: str | User | None = None) -> list[Activity]:
        """Type `text`; returns the bot's messages (and card updates) from that turn.

        `currentUser` types in the personal chat, exactly as the UI does. Anyone else types in
        the group chat through a mock activity that @mentions the bot, the way Teams delivers
        group-chat messages; the bot can look them up there, as they are members.
        """
        user = self.user(as_user)
        if user.id == self.me.id:
            conversation_id = self.personal_chat_id
            mark = self._mark()
            await self._post(
                f"/_conversation/v1/conversations/{_quote(conversation_id)}/messages",
                {"type": "text", "text": text, "textFormat": "plain", "from": {"id": user.id}},
            )

            def finished(body: dict[str, Any]) -> bool:
                return body.get("type") == "message" and body.get("text") == text

        else:
            conversation_id = self.group_chat_id
            activity = await self._group_message(user, text)
            mark = self._mark()
            await self._post("/_internal/v1/customActivities", activity)

            def finished(body: dict[str, Any]) -> bool:
                return body.get("id") == activity["id"]

        await self._turn_finished(conversation_id, mark, finished)
        return await self._replies_since(mark)

    async def execute(
        self,
        card_activity: Activity,
        verb: str,
        inputs: dict[str, Any] | None = None,
        as_user: str | User | None = None,
    ) -> InvokeResult:
        """Click the card's Action.Execute button with `verb`, after typing `inputs`.

        As in the UI, the button must be on the card (or in a form it shows) and sends its own
        data with the values of the inputs it takes over it: the values on the card, `inputs`
        (input id -> what is typed or picked) over those. A required input left empty stops
        the click, as the UI does. The clicker must be a member of the card's conversation
        (the playground answers 400 UserNotFound otherwise), so Kevin clicks cards in the group
        chat, not Mary's 1:1 chat.
        """
        action, scope = _find_action(
            card_activity, "Action.Execute", lambda a: a.get("verb") == verb
        )
        conversation_id = card_activity["conversation"]["id"]
        clicked = {
            "type": "Action.Execute",
            "title": action.get("title"),
            "verb": verb,
            "data": _click_data(action, scope, inputs),
        }
        mark = self._mark()
        response = await self._post(
            "/_conversation/v1/invoke",
            {
                "name": "adaptiveCard/action",
                "value": {"action": clicked},
                "from": {"id": self.user(as_user).id},
                "conversation": {"id": conversation_id},
                "replyToId": card_activity["id"],
            },
        )

        def finished(body: dict[str, Any]) -> bool:
            sent = body.get("value", {}).get("action", {})
            return (
                body.get("type") == "invoke"
                and body.get("replyToId") == card_activity["id"]
                and (sent.get("verb"), sent.get("data")) == (verb, clicked["data"])
            )

        # The answer comes after the bot's turn; its log entry may still be on its way.
        await self._turn_finished(conversation_id, mark, finished)
        return InvokeResult(
            response=response or {},
            replies=await self._replies_since(mark),
            clicked=card_activity,
        )

    async def submit(
        self,
        card_activity: Activity,
        data: dict[str, Any] | None = None,
        as_user: str | User | None = None,
        *,
        title: str | None = None,
    ) -> list[Activity]:
        """Click an Action.Submit; returns the bot's messages (and card updates) from that turn.

        With `title`, the button must be on the card and `data` is typed into its inputs, as in
        `execute`. Without `title`, `data` is sent as it is: the endpoint accepts any object,
        which lets a test submit what a future card would.
        """
        value = dict(data or {})
        if title is not None:
            action, scope = _find_action(
                card_activity, "Action.Submit", lambda a: a.get("title") == title
            )
            value = _click_data(action, scope, data)
        conversation_id = card_activity["conversation"]["id"]
        mark = self._mark()
        await self._post(
            "/_conversation/v1/submit",
            {
                "conversation": {"id": conversation_id},
                "replyToId": card_activity["id"],
                "value": value,
                "from": {"id": self.user(as_user).id},
            },
        )

        def finished(body: dict[str, Any]) -> bool:
            return body.get("replyToId") == card_activity["id"] and body.get("value") == value

        await self._turn_finished(conversation_id, mark, finished)
        return await self._replies_since(mark)

    async def personal_chat(self, who: str | User | None = None) -> str:
        """The conversation id of `who`'s personal chat with the bot, made on first use.

        `currentUser`'s is in the config. Anyone else's is made the way a bot opens a 1:1 chat
        in Teams, through the connector's createConversation; asking again answers the same id.
        """
        user = self.user(who)
        if user.id == self.me.id:
            return self.personal_chat_id
        created = await self._post(
            "/_connector/v3/conversations",
            {
                "isGroup": False,
                "bot": self.bot,
                "members": [{"id": user.id}],
                "tenantId": self.config["tenantId"],
            },
        )
        return created["id"]

    async def install_app(self, who: str | User) -> str:
        """`who` adds the app for themselves; returns the id of their personal chat with it.

        Teams then sends the bot an installationUpdate from them in that chat, which is what the
        bot keeps to reach them later. The playground's UI cannot do this for anyone but
        `currentUser`, so the activity is mocked; what the bot answers is in
        `logged_messages(chat)` only (see the module's notes).
        """
        user = self.user(who)
        conversation_id = await self.personal_chat(user)
        activity = await self._get_json(
            "/_internal/v1/customActivities/template", params={"conversationId": conversation_id}
        )
        activity.update(
            id=str(uuid.uuid4()),
            type="installationUpdate",
            action="add",
            timestamp=datetime.now(UTC).isoformat(),
            locale="en-US",
            channelData={"tenant": {"id": self.config["tenantId"]}},
        )
        activity["from"] = {"id": user.id, "name": user.name, "aadObjectId": user.aad_object_id}
        mark = self._mark()
        await self._post("/_internal/v1/customActivities", activity)
        await self._turn_finished(
            conversation_id, mark, lambda body: body.get("id") == activity["id"]
        )
        return conversation_id

    def logged_messages(self, conversation_id: str | None = None) -> list[Activity]:
        """The messages the bot sent (or updated) since this client started, oldest first,
        as the log stream records them; only those in `conversation_id` if given.

        This is the only view of another user's personal chat. Each is shaped like a chat
        reply: `id` names the message, `updated` marks a change to an earlier one.
        """
        found = []
        for entry in self._logs:
            log = entry.get("log", {})
            body = log.get("request", {}).get("body")
            if (
                log.get("from") != BOT_LABEL
                or not isinstance(body, dict)
                or body.get("type") != "message"
                or log.get("response", {}).get("statusCode", 0) >= 400
            ):
                continue
            if conversation_id is None or log.get("conversationId") == conversation_id:
                found.append(_logged_activity(log))
        return found

    async def wait_for_replies(self, seconds: float) -> list[Activity]:
        """What the chat panes receive in the next `seconds` (cards the bot updates later)."""
        mark = self._mark()
        await asyncio.sleep(seconds)
        return await self._replies_since(mark)

    # --- plumbing ----------------------------------------------------------------------------

    def _mark(self) -> tuple[int, int]:
        return len(self._messages), len(self._logs)

    async def _replies_since(self, mark: tuple[int, int]) -> list[Activity]:
        async with self._changed:
            frames = self._messages[mark[0] :]
        return [_as_activity(f) for f in frames if f.get("action") != "typing"]

    async def _turn_finished(
        self, conversation_id: str, mark: tuple[int, int], finished: Callable[[dict], bool]
    ) -> None:
        """Wait for the log entry that closes the bot's turn; raise if the bot failed."""
        checked = mark[1]

        def outcome() -> dict[str, Any] | None:
            nonlocal checked
            for entry in self._logs[checked:]:
                log = entry.get("log", {})
                checked += 1
                if log.get("conversationId") != conversation_id:
                    continue
                if log.get("type") == "text" and log.get("level") in ("warning", "error"):
                    # e.g. "Cannot connect to your app": the bot is not running.
                    raise PlaygroundError(f"playground: {log.get('displayText')}")
                body = log.get("request", {}).get("body", {})
                if log.get("from") == PLAYGROUND_LABEL and finished(body):
                    return log
            return None

        try:
            async with asyncio.timeout(self.timeout), self._changed:
                log = await self._changed.wait_for(outcome)
        except TimeoutError:
            raise PlaygroundError(f"the bot did not finish its turn in {self.timeout:g}s") from None
        status = log.get("response", {}).get("statusCode", 0)
        if status >= 400:
            raise PlaygroundError(f"the bot answered HTTP {status}: {log['response'].get('body')}")
        await asyncio.sleep(SETTLE_SECONDS)

    async def _group_message(self, user: User, text: str) -> Activity:
        """A group-chat message from `user`, shaped like the ones the playground sends."""
        activity = await self._get_json(
            "/_internal/v1/customActivities/template", params={"conversationId": self.group_chat_id}
        )
        mention = f"<at>{self.bot['name']}</at>"
        activity.update(
            id=str(uuid.uuid4()),
            type="message",
            text=f"{mention} {text}",
            textFormat="plain",
            timestamp=datetime.now(UTC).isoformat(),
            locale="en-US",
            # The template has neither `name` nor `channelData`; TeamsInfo.get_member needs the
            # tenant in channelData, and Teams always sends both.
            channelData={"tenant": {"id": self.config["tenantId"]}},
            entities=[
                {
                    "type": "mention",
                    "mentioned": {"id": self.bot["id"], "name": self.bot["name"]},
                    "text": mention,
                },
                {"type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web"},
            ],
        )
        activity["from"] = {"id": user.id, "name": user.name, "aadObjectId": user.aad_object_id}
        return activity

    async def _get_json(self, path: str, **kwargs: Any) -> Any:
        assert self._session is not None, "call start() first"
        async with self._session.get(path, **kwargs) as response:
            return await _json_or_raise(response, path)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        assert self._session is not None, "call start() first"
        async with self._session.post(path, json=body) as response:
            return await _json_or_raise(response, path)


async def _json_or_raise(response: aiohttp.ClientResponse, path: str) -> Any:
    text = await response.text()
    if response.status >= 400:
        raise PlaygroundError(f"{path}: HTTP {response.status} {text}")
    return json.loads(text) if text else None


def _quote(conversation_id: str) -> str:
    # Teams-style ids hold ':', '@' and ';'; escape them so the path segment is the whole id.
    return quote(conversation_id, safe="")


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The inputs in a card's body, containers and columns included, forms it shows not."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = list(reversed(card.get("body", [])))
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if str(node.get("type", "")).startswith("Input.") and node.get("id"):
            found.append(node)
        for key in ("items", "columns"):
            stack.extend(reversed(node.get(key) or []))
    return found


def _shown_value(spec: dict[str, Any]) -> str | None:
    """What an untouched input holds, as the UI sends it (a string); None when it is empty."""
    if spec.get("type") == "Input.Toggle":
        on, off = spec.get("valueOn", "true"), spec.get("valueOff", "false")
        return on if spec.get("value") == on else off
    value = spec.get("value")
    return None if value is None or value == "" else str(value)


def _click_data(
    action: dict[str, Any], scope: list[dict[str, Any]], typed: dict[str, Any] | None
) -> dict[str, Any]:
    """What a click sends, as the UI builds it: the button's data, with the values of the
    inputs it takes over it (what is on the card, `typed` over that). Empty inputs are left
    out; a required one stops the click, as the UI refuses to send it."""
    title = action.get("title") or action.get("verb")
    data = dict(action["data"]) if isinstance(action.get("data"), dict) else {}
    takes_inputs = str(action.get("associatedInputs", "auto")).lower() != "none"
    takes = {spec["id"]: spec for spec in scope} if takes_inputs else {}
    typed = dict(typed or {})
    unknown = sorted(set(typed) - set(takes))
    if unknown:
        raise PlaygroundError(f"the {title!r} button takes no input {', '.join(unknown)}")
    for input_id, spec in takes.items():
        value = typed[input_id] if input_id in typed else _shown_value(spec)
        if value is None or value == "":
            if spec.get("isRequired"):
                label = spec.get("label") or input_id
                raise PlaygroundError(f"{label!r} is required: the UI would not send {title!r}")
            continue
        data[input_id] = value
    return data


def _logged_activity(log: dict[str, Any]) -> Activity:
    """A log entry of a message the bot sent, shaped like a chat reply."""
    body = log["request"]["body"]
    activity = {
        "type": "message",
        "id": log.get("messageId"),
        "from": body.get("from"),
        "conversation": {"id": log.get("conversationId")},
        "text": body.get("text"),
        "summary": body.get("summary"),
        "attachments": body.get("attachments") or [],
        "replyToId": body.get("replyToId"),
        # An update is a PUT of the message's own id; a new message has none yet.
        "updated": body.get("id") is not None and body.get("id") == log.get("messageId"),
    }
    return {k: v for k, v in activity.items() if v is not None}


def _as_activity(frame: dict[str, Any]) -> Activity:
    """A chat-pane frame as an activity-shaped dict; `id` is what replyToId must name."""
    message = frame.get("message", {})
    activity = {
        "type": "message",
        "id": message.get("messageId"),
        "timestamp": message.get("timestamp"),
        "from": message.get("from"),
        "conversation": {"id": frame.get("actionConversationId")},
        "text": message.get("text"),
        "textFormat": message.get("textFormat"),
        "attachments": message.get("attachments") or [],
        "attachmentLayout": message.get("attachmentLayout"),
        "suggestedActions": message.get("suggestedActions"),
        "updated": frame.get("action") == "updateMessage",
    }
    return {k: v for k, v in activity.items() if v is not None}


def cards(activity: Activity) -> list[dict[str, Any]]:
    """The Adaptive Cards attached to an activity."""
    return [
        a["content"]
        for a in activity.get("attachments", [])
        if a.get("contentType") == ADAPTIVE_CARD
    ]


def _walk_actions(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every action on a card: card actions, ActionSets in the body, and nested ShowCards."""
    stack: list[Any] = [card]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                yield node
            for key in ("body", "items", "columns", "actions", "card", "inlineAction"):
                if key in node:
                    stack.append(node[key])


def _actions_in(nodes: list[Any]) -> Iterator[dict[str, Any]]:
    """The actions among card elements (ActionSets, containers), not those of forms shown."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if str(node.get("type", "")).startswith("Action."):
            yield node
            continue
        for key in ("items", "columns", "actions", "inlineAction", "selectAction"):
            children = node.get(key) or []
            stack.extend(reversed(children if isinstance(children, list) else [children]))


def _scoped_actions(
    card: dict[str, Any], around: tuple[dict[str, Any], ...] = ()
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each action on a card, with the inputs a click on it takes (Adaptive Cards'
    associatedInputs "auto"): those of its own card and of every card around it."""
    scope = (*around, *_inputs(card))
    for action in _actions_in([*card.get("body", []), *card.get("actions", [])]):
        yield action, list(scope)
        if action.get("type") == "Action.ShowCard" and isinstance(action.get("card"), dict):
            yield from _scoped_actions(action["card"], scope)


def _find_action(
    card_activity: Activity, kind: str, wanted: Callable[[dict[str, Any]], bool]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first matching action on the message's cards, and the inputs a click on it takes."""
    for card in cards(card_activity):
        for action, scope in _scoped_actions(card):
            if action.get("type") == kind and wanted(action):
                return action, scope
    raise PlaygroundError(f"no matching {kind} on message {card_activity.get('id')}")


def card_title(card: dict[str, Any]) -> str:
    """The first TextBlock of a card, which is its heading in this project's cards."""
    for element in card.get("body", []):
        if element.get("type") == "TextBlock":
            return element.get("text", "")
    return ""


def describe(activity: Activity) -> list[str]:
    """Readable lines for a reply: its text, then each card's heading, lines, facts, buttons."""
    lines = [f"text: {activity['text']}"] if activity.get("text") else []
    for card in cards(activity):
        lines.append(f"card: {card_title(card)}")
        for element in card.get("body", [])[1:]:
            if element.get("type") == "TextBlock":
                lines.append(f"  | {element.get('text')}")
            elif element.get("type") == "FactSet":
                lines.extend(f"  - {f.get('title')}: {f.get('value')}" for f in element["facts"])
        buttons = [f"[{a.get('title')}]" for a in _walk_actions(card)]
        if buttons:
            lines.append("  buttons: " + " ".join(buttons))
    if activity.get("updated"):
        lines.insert(0, "(updated an earlier message)")
    return lines


async def scenario(pg: Playground, who: str | None) -> bool:
    """help, whoami and the whoami card's Refresh for one user; True if the bot answered all."""
    user = pg.user(who)
    print(f"== {user.name} <{user.email}> id={user.id} aadObjectId={user.aad_object_id}")
    answered = True
    whoami_reply: Activity | None = None
    for text in ("help", "whoami"):
        replies = await pg.say(text, as_user=user)
        print(f"> {text}")
        if not replies:
            print("  (no reply)")
            answered = False
        for reply in replies:
            print("\n".join("  " + line for line in describe(reply)))
            if text == "whoami" and cards(reply):
                whoami_reply = reply
    if whoami_reply is None:
        return False
    result = await pg.execute(whoami_reply, "whoami.refresh", as_user=user)
    print("> [Refresh] (Action.Execute)")
    if result.card is not None:
        print(f"  card replaced: {card_title(result.card)}")
    else:
        print(f"  {result.response}")
        answered = False
    for reply in result.replies:
        print("\n".join("  " + line for line in describe(reply)))
    return answered


async def run(url: str, people: list[str | None], timeout: float) -> int:
    """Run the scenario for each person; the exit status."""
    try:
        async with Playground(url, timeout=timeout) as pg:
            print(
                f"playground {url}: bot {pg.bot['name']} ({pg.bot['id']}), "
                f"current user {pg.me.name} <{pg.me.email}>"
            )
            ok = True
            for who in people:
                ok = await scenario(pg, who) and ok
            return 0 if ok else 1
    except aiohttp.ClientError as error:
        print(f"cannot reach the playground at {url}: {error}", file=sys.stderr)
        return 2
    except PlaygroundError as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Command line: run the help/whoami scenario against a running bot and playground."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL, help="the playground (default: %(default)s)")
    parser.add_argument(
        "--as",
        dest="people",
        action="append",
        metavar="USER",
        help="a mock user's name, e-mail or id; repeat for several (default: the current user)",
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per bot turn")
    args = parser.parse_args(argv)
    return asyncio.run(run(args.url, args.people or [None], args.timeout))


if __name__ == "__main__":
    sys.exit(main())

"""The chat and log websockets: collecting their frames and waiting for the bot's turn."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any, TypeVar

import aiohttp

from .model import BOT_LABEL, PLAYGROUND_LABEL, SETTLE_SECONDS, Activity, PlaygroundError

T = TypeVar("T")


class Streams:
    """Part of `Playground` (client.py), which opens the sockets and starts `_read` on each."""

    timeout: float
    _messages: list[Activity]  # chat-pane frames, in arrival order
    _logs: list[dict[str, Any]]  # log-panel entries, in arrival order
    _changed: asyncio.Condition

    async def _read(self, socket: aiohttp.ClientWebSocketResponse, sink: list) -> None:
        async for frame in socket:
            if frame.type != aiohttp.WSMsgType.TEXT:
                continue
            async with self._changed:
                sink.append(json.loads(frame.data))
                self._changed.notify_all()

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

    def shown_messages(self, conversation_id: str | None = None) -> list[Activity]:
        """What the chat panes received since this client started, oldest first (only
        `conversation_id`'s if given): `currentUser`'s chats, as the UI shows them."""
        shown = [_as_activity(f) for f in self._messages if f.get("action") != "typing"]
        if conversation_id is None:
            return shown
        return [m for m in shown if m["conversation"]["id"] == conversation_id]

    async def wait_for(self, condition: Callable[[], T], timeout: float | None = None) -> T:
        """Wait until `condition()` (re-checked on every frame received) is truthy; return it.

        For what the bot sends on its own, after no turn of ours: a scheduled job's message, or
        the rest of what it held for someone, paced out by the outbox worker.
        """
        limit = self.timeout if timeout is None else timeout
        try:
            async with asyncio.timeout(limit), self._changed:
                return await self._changed.wait_for(condition)
        except TimeoutError:
            raise PlaygroundError(f"still waiting after {limit:g}s") from None

    async def wait_for_replies(self, seconds: float) -> list[Activity]:
        """What the chat panes receive in the next `seconds` (cards the bot updates later)."""
        mark = self._mark()
        await asyncio.sleep(seconds)
        return await self._replies_since(mark)

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

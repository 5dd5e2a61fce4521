"""Clicking a card's buttons: Action.Execute and Action.Submit, as the playground's UI does."""

from __future__ import annotations

from typing import Any

from .cards import _click_data, _find_action
from .model import Activity, InvokeResult, User


class Clicks:
    """Part of `Playground` (client.py), which provides the HTTP calls, the mock tenant
    (tenant.py) and the waiting for the bot's turn (streams.py)."""

    async def execute(
        self,
        card_activity: Activity,
        verb: str,
        inputs: dict[str, Any] | None = None,
        as_user: str | User | None = None,
        where: dict[str, Any] | None = None,
    ) -> InvokeResult:
        """Click the card's Action.Execute button with `verb`, after typing `inputs`.

        `where` picks among buttons sharing a verb: the one whose data holds those items.

        As in the UI, the button must be on the card (or in a form it shows) and sends its own
        data with the values of the inputs it takes over it: the values on the card, `inputs`
        (input id -> what is typed or picked) over those. A required input left empty stops
        the click, as the UI does. The clicker must be a member of the card's conversation
        (the playground answers 400 UserNotFound otherwise), so Kevin clicks cards in the group
        chat, not Mary's 1:1 chat.
        """
        wanted = (where or {}).items()

        def matches(action: dict[str, Any]) -> bool:
            data = action.get("data") if isinstance(action.get("data"), dict) else {}
            return action.get("verb") == verb and all(data.get(k) == v for k, v in wanted)

        action, scope = _find_action(card_activity, "Action.Execute", matches)
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

"""The activity handler: who is calling, remember where, then route by activity type."""

from __future__ import annotations

import html
import re
from http import HTTPStatus

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext

from bot.dispatch import run_action, run_text
from bot.identity import IdentityResolver
from bot.invoke import deliver_submit_result, execute_response, unsupported_invoke
from bot.notifier import Notifier
from bot.references import ReferenceBook, reference_key
from bot.router import Router
from bot.search_dispatch import run_extension, run_search
from bot.turn import Turn
from services.app_services import AppServices

# No '<' inside a tag: each character is looked at a bounded number of times (linear), where
# `<[^>]+>` rescans to the end of the text from every '<' (quadratic on text full of '<').
_TAGS = re.compile(r"<[^<>]*>")
# Teams caps a message near 100 KB with its markup; typed commands are far shorter.
MAX_TEXT = 100_000
TOO_LONG = "That message is too long for me ({size:,} characters). Commands are short: type `help`."
CALLER_KEY = "supportdesk.caller"
ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
# Invokes answered by a search registered on a feature (bot.search_dispatch).
SEARCHES = {"application/search": run_search, "composeExtension/query": run_extension}


def message_text(context: TurnContext) -> str:
    """The typed text without the bot's @mention or the HTML Teams wraps channel posts in.

    Callers bound the text to MAX_TEXT first.
    """
    text = TurnContext.remove_recipient_mention(context.activity) or ""
    if not text.strip():
        text = imback_text(context.activity.value)
    return " ".join(html.unescape(_TAGS.sub(" ", text)).split())


def imback_text(value: object) -> str:
    """The text of an imBack button when a client sends it as `value` instead of as text.

    Teams posts an imBack button's value as the message text; the Agents Playground sends the
    button's data as `value` with no text, so the help card's buttons would do nothing there.
    """
    msteams = value.get("msteams") if isinstance(value, dict) else None
    if isinstance(msteams, dict) and msteams.get("type") == "imBack":
        return str(msteams.get("value") or "")
    return ""


class SupportBot(ActivityHandler):
    """Routes Teams activities to the features registered on the router."""

    def __init__(
        self,
        services: AppServices,
        router: Router,
        identity: IdentityResolver,
        references: ReferenceBook,
        notifier: Notifier,
    ) -> None:
        self.services = services
        self.router = router
        self.identity = identity
        self.references = references
        self.notifier = notifier

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Resolve the caller and store the conversation reference before any routing."""
        caller = await self.identity.resolve(turn_context)
        turn_context.turn_state[CALLER_KEY] = caller
        activity = turn_context.activity
        await self.references.remember(activity, caller.id if caller else None)
        if activity.conversation is not None and activity.service_url:
            # Someone who just installed the app (or unblocked it) gets what was held for them.
            await self.notifier.release(
                caller.id if caller else None,
                reference_key(activity)[0],
                lambda card: self._current(turn_context, card),
            )
        await super().on_turn(turn_context)

    async def _current(self, context: TurnContext, card: dict) -> dict | None:
        """A held card as it stands now, by its refresh verb run as whoever it reaches now."""
        action = card.get("refresh", {}).get("action") or {}
        data = action.get("data") if isinstance(action.get("data"), dict) else {}
        result = await run_action(self._turn(context), str(action.get("verb") or ""), data)
        return result.card

    def _turn(self, context: TurnContext) -> Turn:
        caller = context.turn_state.get(CALLER_KEY)
        return Turn(context, self.services, self.router, self.notifier, caller)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """A typed command, or an Action.Submit whose data names a verb."""
        turn = self._turn(turn_context)
        value = turn_context.activity.value
        if isinstance(value, dict) and isinstance(value.get("verb"), str):
            data = {k: v for k, v in value.items() if k != "verb"}
            result = await run_action(turn, value["verb"], data)
            await deliver_submit_result(turn, result)
            return
        text = turn_context.activity.text
        if isinstance(text, str) and len(text) > MAX_TEXT:
            await turn.say(TOO_LONG.format(size=len(text)))
            return
        await run_text(turn, message_text(turn_context))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """An Action.Execute (the card replaced in place) or a search, answered in the HTTP
        response."""
        search = SEARCHES.get(turn_context.activity.name or "")
        if search is not None:
            body = await search(self._turn(turn_context), turn_context.activity.value)
            return InvokeResponse(status=HTTPStatus.OK, body=body)
        if turn_context.activity.name != ADAPTIVE_CARD_ACTION:
            answer = await super().on_invoke_activity(turn_context)
            if answer is None or answer.status == HTTPStatus.NOT_IMPLEMENTED:
                # A 5xx reads as "the bot is down" to Teams and to monitoring; this is a 4xx case.
                return InvokeResponse(status=HTTPStatus.OK, body=unsupported_invoke(turn_context))
            return answer
        turn = self._turn(turn_context)
        value = turn_context.activity.value if isinstance(turn_context.activity.value, dict) else {}
        action = value.get("action") if isinstance(value.get("action"), dict) else {}
        data = action.get("data") if isinstance(action.get("data"), dict) else {}
        result = await run_action(turn, str(action.get("verb") or ""), data)
        return InvokeResponse(status=HTTPStatus.OK, body=execute_response(turn, result))

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Say hello where the app was just installed (personal chat, team or group chat)."""
        await run_text(self._turn(turn_context), "help")

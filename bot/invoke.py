"""Turns an ActionResult into what Teams expects for Action.Execute and for Action.Submit."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from botbuilder.core import TurnContext

from bot.turn import ActionResult, Turn

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
ERROR_TYPE = "application/vnd.microsoft.error"


def invoke_body(kind: str, value: Any) -> dict[str, Any]:
    """The `{statusCode, type, value}` body of an adaptiveCard/action answer.

    Built as a plain dict: botbuilder's AdaptiveCardInvokeResponse declares `value` as an
    object, so it cannot carry the text of a message answer.
    """
    return {"statusCode": HTTPStatus.OK.value, "type": kind, "value": value}


def unsupported_invoke(context: TurnContext) -> dict[str, Any]:
    """The Universal Actions error body for an invoke this bot does not handle."""
    name = str(context.activity.name or "")[:64]
    error = {"code": "NotSupported", "message": f"This bot does not handle '{name}'."}
    return {"statusCode": HTTPStatus.BAD_REQUEST.value, "type": ERROR_TYPE, "value": error}


def execute_response(turn: Turn, result: ActionResult) -> dict[str, Any]:
    """Answer an Action.Execute invoke: replace the card in place, or show a message."""
    card_id = turn.activity.reply_to_id
    if result.later and card_id:
        turn.replace_card_later(card_id, result.later)
    if result.card is not None:
        return invoke_body(CARD_TYPE, result.card)
    return invoke_body(MESSAGE_TYPE, result.message or "Done.")


async def deliver_submit_result(turn: Turn, result: ActionResult) -> None:
    """Answer an Action.Submit: update the submitted card and/or reply with the message."""
    card_id = turn.activity.reply_to_id
    if result.card is not None and card_id:
        await turn.replace_card(card_id, result.card)
    elif result.card is not None:
        await turn.send_card(result.card)
    if result.message:
        await turn.say(result.message)
    if result.later and card_id:
        turn.replace_card_later(card_id, result.later)

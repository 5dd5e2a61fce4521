"""Turns an ActionResult into what Teams expects for Action.Execute and for Action.Submit."""

from __future__ import annotations

from http import HTTPStatus

from botbuilder.core import InvokeResponse
from botbuilder.schema import Activity, ActivityTypes, AdaptiveCardInvokeResponse

from bot.turn import ActionResult, Turn

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
MESSAGE_TYPE = "application/vnd.microsoft.activity.message"


def message_response(text: str) -> AdaptiveCardInvokeResponse:
    """An Action.Execute answer that shows a short message and leaves the card alone."""
    return AdaptiveCardInvokeResponse(status_code=HTTPStatus.OK, type=MESSAGE_TYPE, value=text)


def invoke_activity(body: AdaptiveCardInvokeResponse) -> Activity:
    """An invokeResponse activity: the adapter keeps it and answers the HTTP request with it."""
    return Activity(
        type=ActivityTypes.invoke_response,
        value=InvokeResponse(status=HTTPStatus.OK, body=body.serialize()),
    )


def execute_response(turn: Turn, result: ActionResult) -> AdaptiveCardInvokeResponse:
    """Answer an Action.Execute invoke: replace the card in place, or show a message."""
    card_id = turn.activity.reply_to_id
    if result.later and card_id:
        turn.background.replace_card_later(turn.context, card_id, result.later)
    if result.card is not None:
        return AdaptiveCardInvokeResponse(
            status_code=HTTPStatus.OK, type=CARD_TYPE, value=result.card
        )
    return message_response(result.message or "Done.")


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
        turn.background.replace_card_later(turn.context, card_id, result.later)

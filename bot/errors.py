"""What happens when a turn fails: a log line with the correlation id and a short apology."""

from __future__ import annotations

import logging

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.correlation import correlation_id, new_correlation_id
from bot.invoke import MESSAGE_TYPE, invoke_body

log = logging.getLogger("bot.turn")


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Log the failure and tell the user, with an id they can quote to whoever runs the bot."""
    ref = correlation_id.get()
    if ref == "-":
        ref = new_correlation_id()
    activity = context.activity
    log.error(
        "turn failed [%s] type=%s name=%s conversation=%s",
        ref,
        activity.type,
        activity.name,
        activity.conversation.id if activity.conversation else None,
        exc_info=(type(error), error, error.__traceback__),
    )
    if activity.type not in (ActivityTypes.message, ActivityTypes.invoke):
        return  # nobody is waiting for an answer to an installation or membership event
    text = (
        "Sorry, something went wrong on my side. Nothing you entered was lost; "
        f"please try again, and if it keeps happening quote reference {ref}."
    )
    if activity.type == ActivityTypes.invoke:
        # An invoke is answered in the HTTP response; without one Teams says "unable to reach".
        body = invoke_body(MESSAGE_TYPE, text)
        answer = Activity(
            type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body=body)
        )
        context.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = answer
        return
    try:
        await context.send_activity(text)
    except Exception:
        log.exception("could not send the apology for [%s]", ref)

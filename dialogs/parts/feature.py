"""Process 5's requests: the `parts` form, the request it files, the queue of what waits."""

from __future__ import annotations

import uuid
from typing import Any

from bot.registrations import served_by
from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.parts_form import PARTS_CANCEL, PARTS_SUBMIT, parts_cancelled_card, parts_form_card
from cards.parts_requests import PARTS_OPEN, parts_queue_card
from dialogs.parts.inputs import PartsSubmission, RequestRef, check_parts_form
from dialogs.parts.notices import note_on_ticket, tell_owner
from dialogs.parts.views import order_card, request_card
from dialogs.shared.tickets import find_ticket, refused
from services.parts import PartsDraft, PartsRuleError, RequestType
from services.parts.describe import order_note
from services.parts.forms import ticket_values
from services.parts.orders import normalized
from services.parts.people import parts_owner
from services.parts.timeline import Step
from services.profile import Capability

feature = Feature("parts")


@feature.command(
    "parts",
    usage="[ticket]",
    help="Ask for a part quote, a part number, or an order status",
    button=True,
    serves=served_by(Capability.ANSWER_PARTS),
)
async def parts_command(turn: Turn, args: str) -> None:
    """Send the parts form, pre-filled from a ticket when one is named."""
    values = {}
    if args.strip():
        ticket, problem = await find_ticket(turn, args)
        if ticket is None:
            await turn.say(problem or "")
            return
        values = ticket_values(ticket)
    card = parts_form_card(turn.services.profile, uuid.uuid4().hex, values)
    await turn.send_card(card, summary="Parts request")


@feature.command(
    "parts queue",
    help="Parts requests waiting for an answer, oldest first",
    capability=Capability.ANSWER_PARTS,
)
async def parts_queue(turn: Turn, args: str) -> None:
    """List the open parts requests, each with its answer form one click away."""
    requests = await turn.services.parts.open_requests()
    card = parts_queue_card(turn.services.profile, requests)
    await turn.send_card(card, summary=f"{len(requests)} parts requests waiting")


@feature.action(PARTS_SUBMIT, model=PartsSubmission)
async def submit(turn: Turn, data: PartsSubmission) -> ActionResult:
    """File the request with the parts owner, look up an order, or return the form."""
    assert turn.caller is not None
    profile, typed = turn.services.profile, data.answers
    draft, errors = await check_parts_form(turn, typed)
    owner = parts_owner(profile)
    if draft is None or owner is None:
        return ActionResult(card=parts_form_card(profile, data.form_id, typed, errors))
    if draft.request_type is RequestType.ORDER_STATUS:
        return await _look_up(turn, data.form_id, typed, draft)
    request, created = await turn.services.parts.create(
        draft, turn.caller.id, owner.id, f"parts:{data.form_id}", turn.services.clock()
    )
    if not created:
        headline = "This form was already sent; this is the request it made."
        return ActionResult(card=await request_card(turn, request, headline))
    sent = f"Sent to {owner.name}; the answer will come to your chat with me."
    headline = " ".join([sent, *await tell_owner(turn, request)])
    return ActionResult(card=await request_card(turn, request, headline))


async def _look_up(
    turn: Turn, form_id: str, typed: dict[str, Any], draft: PartsDraft
) -> ActionResult:
    """Answer the form's order status from the order system; an unknown number is refused."""
    assert draft.order_reference is not None
    try:
        order = await turn.services.orders.look_up(draft.order_reference)
    except PartsRuleError as unanswered:  # NetSuite down and no record here
        errors = {"order_reference": str(unanswered)}
        return ActionResult(card=parts_form_card(turn.services.profile, form_id, typed, errors))
    if order is None:
        errors = {
            "order_reference": f"The order system has no order or quote "
            f"{normalized(draft.order_reference)}. Check the number, or ask for a quote."
        }
        return ActionResult(card=parts_form_card(turn.services.profile, form_id, typed, errors))
    text = order_note(order)
    problem = await note_on_ticket(turn, draft.ticket_number, Step.LOOKED_UP, text)
    return ActionResult(card=await order_card(turn, order, problem))


@feature.action(PARTS_CANCEL, model=PartsSubmission)
async def cancel(turn: Turn, data: PartsSubmission) -> ActionResult:
    """Close the form without sending anything."""
    return ActionResult(card=parts_cancelled_card())


@feature.action(PARTS_OPEN, model=RequestRef)
async def open_request(turn: Turn, data: RequestRef) -> ActionResult:
    """Show a request as it stands now, with what this viewer may do on it."""
    request = await turn.services.parts.get(data.number)
    if request is None:
        return refused(f"There is no parts request {data.number}.")
    return ActionResult(card=await request_card(turn, request))


# The flows register their commands and verbs on this feature when imported.
import dialogs.parts.answer  # noqa: E402
import dialogs.parts.orders  # noqa: E402, F401

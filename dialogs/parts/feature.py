"""Process 5, parts & quotes: `parts` asks the parts owner for a quote or a part number.

States of a parts request:
    FORM_SENT      `parts [ticket]` → the form (ticket and serial pre-filled from the ticket)
    FORM_REFUSED   submitted with problems → the same form, errors shown, every value kept
    LOOKED_UP      an order status → answered at once from the order system
                   (dialogs.parts.orders); nothing is filed
    OPEN (PQ-n)    a quote or an identification → one request per form id; the parts owner
                   (the profile's owner of process 5, holding answer_parts) gets it in their
                   chat with the answer form; the form becomes the request, read-only
    ANSWER_REFUSED the owner's answer has problems → the same card, errors shown, values kept
    ANSWERED       part number, price, lead time and quote number recorded; the quote goes
                   to the order system; the requester gets the answer (then ORDERED,
                   SHIPPED, DELIVERED: dialogs.parts.orders)
    CANCELLED      the form was cancelled: nothing was sent
With a ticket named, each step is also a note on that ticket's timeline. Only people with
answer_parts answer, whatever the card's data says; `parts queue` lists what waits for them.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.parts import (
    PARTS_ANSWER,
    PARTS_CANCEL,
    PARTS_OPEN,
    PARTS_SUBMIT,
    RequestView,
    parts_cancelled_card,
    parts_form_card,
    parts_request_card,
)
from cards.parts_orders import parts_queue_card
from dialogs.parts.answer import record_answer
from dialogs.parts.notices import RequestRef, note_on_ticket, request_card, request_ticket, tell
from dialogs.shared.tickets import find_ticket, refused
from services.forms.bounds import FormId, FormInputs, FormText
from services.parts import PartsRequest, RequestType, check_request
from services.parts.describe import asked_note, what_is_asked
from services.parts.people import parts_owner
from services.profile import Capability

parts = Feature("parts")


class PartsSubmission(FormInputs):
    """The form's data: its form id, plus every input (checked by services.parts)."""

    form_id: FormId


class AnswerInputs(RequestRef):
    """The parts owner's answer form, as the client sent it (checked by services.parts)."""

    identified_part: FormText | None = None
    price: FormText | None = None
    lead_time: FormText | None = None
    quote_number: FormText | None = None


@parts.command(
    "parts",
    usage="[ticket]",
    help="Ask for a part quote, a part number, or an order status",
    button=True,
)
async def parts_command(turn: Turn, args: str) -> None:
    """Send the parts form, pre-filled from a ticket when one is named."""
    values = {}
    if args.strip():
        ticket, problem = await find_ticket(turn, args)
        if ticket is None:
            await turn.say(problem or "")
            return
        values = {"ticket": ticket.number, "serial_number": ticket.serial_number}
    card = parts_form_card(turn.services.profile, uuid.uuid4().hex, values)
    await turn.send_card(card, summary="Parts request")


@parts.command(
    "parts queue",
    help="Parts requests waiting for an answer, oldest first",
    capability=Capability.ANSWER_PARTS,
)
async def parts_queue(turn: Turn, args: str) -> None:
    """List the open parts requests, each with its answer form one click away."""
    requests = await turn.services.parts.open_requests()
    card = parts_queue_card(turn.services.profile, requests)
    await turn.send_card(card, summary=f"{len(requests)} parts requests waiting")


async def _notify_owner(turn: Turn, request: PartsRequest) -> list[str]:
    """Send the request to its owner and note it on its ticket; what the requester must know."""
    assert turn.caller is not None
    profile = turn.services.profile
    owner = profile.person(request.owner_id)
    asked = f"{turn.caller.name} asks: {what_is_asked(request)}"
    # Built for the owner (who holds answer_parts), not for the requester who is acting.
    card = parts_request_card(profile, request, RequestView(headline=asked, answer_form=True))
    warnings = [
        await tell(turn, owner.id, card, asked, f"parts:{request.number}:asked"),
        await note_on_ticket(turn, request.ticket_number, asked_note(request, owner.name)),
    ]
    return [w for w in warnings if w]


@parts.action(PARTS_SUBMIT, model=PartsSubmission)
async def submit(turn: Turn, data: PartsSubmission) -> ActionResult:
    """File the request with the parts owner, look up an order, or return the form."""
    assert turn.caller is not None
    profile, typed = turn.services.profile, data.answers
    checked = check_request(profile, typed)
    errors = dict(checked.errors)
    ticket = None
    if str(typed.get("ticket") or "").strip() and "ticket" not in errors:
        ticket, problem = await request_ticket(turn, str(typed["ticket"]))
        errors.update({"ticket": problem} if problem else {})
    owner = parts_owner(profile)
    if owner is None:
        errors[GENERAL] = "Nobody on the roster answers parts requests (answer_parts)."
    if errors or checked.draft is None:
        return ActionResult(card=parts_form_card(profile, data.form_id, typed, errors))
    draft = replace(checked.draft, ticket_number=ticket.number if ticket else None)
    if draft.request_type is RequestType.ORDER_STATUS:
        from dialogs.parts.orders import look_up_for_form  # its module registers on this one

        return await look_up_for_form(turn, data.form_id, typed, draft)
    request, created = await turn.services.parts.create(
        draft, turn.caller.id, owner.id, f"parts:{data.form_id}", turn.services.clock()
    )
    if not created:
        headline = "This form was already sent; this is the request it made."
        return ActionResult(card=await request_card(turn, request, headline))
    warnings = await _notify_owner(turn, request)
    sent = f"Sent to {owner.name}; the answer will come to your chat with me."
    headline = " ".join([sent, *warnings])
    return ActionResult(card=await request_card(turn, request, headline))


@parts.action(PARTS_CANCEL, model=PartsSubmission)
async def cancel(turn: Turn, data: PartsSubmission) -> ActionResult:
    """Close the form without sending anything."""
    return ActionResult(card=parts_cancelled_card())


@parts.action(PARTS_OPEN, model=RequestRef)
async def open_request(turn: Turn, data: RequestRef) -> ActionResult:
    """Show a request as it stands now, with what this viewer may do on it."""
    request = await turn.services.parts.get(data.number)
    if request is None:
        return refused(f"There is no parts request {data.number}.")
    return ActionResult(card=await request_card(turn, request))


@parts.action(PARTS_ANSWER, model=AnswerInputs, capability=Capability.ANSWER_PARTS)
async def answer(turn: Turn, data: AnswerInputs) -> ActionResult:
    """Record the answer and tell the requester; a refused answer keeps what was typed."""
    request = await turn.services.parts.get(data.number)
    if request is None:
        return refused(f"There is no parts request {data.number}.")
    return await record_answer(turn, request, data.model_dump(exclude={"number"}))


# The flows register their commands and verbs on this feature when imported.
import dialogs.parts.answer  # noqa: E402
import dialogs.parts.orders  # noqa: E402, F401

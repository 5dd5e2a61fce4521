"""Who hears of a parts step: the owner, the requester, the others on an order, the ticket.

Each function returns what the person acting must know: a sentence for each notice that is
held (services.delivery.reach_note) or a step that could not go on the ticket's timeline.
"""

from __future__ import annotations

from bot.turn import Turn
from cards.parts_orders import order_status_card
from cards.parts_requests import RequestView, parts_request_card
from dialogs.shared.links import number_link
from services.delivery import Recipient, reach_note
from services.parts import Order, OrderStatus, PartsRequest
from services.parts.describe import answered_note, asked_note, order_note, what_is_asked
from services.parts.people import buttons_for
from services.parts.timeline import Step, parts_step
from services.tickets import StaleTicket, TicketRuleError
from services.tickets.rules import name_of


async def note_on_ticket(
    turn: Turn, number: str | None, step: Step, text: str, request: str | None = None
) -> str | None:
    """Add a parts step to the ticket's timeline; why it could not, or None."""
    if number is None:
        return None
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, turn.services.clock()
    try:
        noted = await turn.services.tickets.change(
            number, lambda ticket: parts_step(ticket, actor, profile, at, step, text, request)
        )
    except TicketRuleError as refusal:  # e.g. the ticket was closed meanwhile
        return f"Not added to {number}'s timeline: {refusal}"
    except StaleTicket:
        return f"{number} kept changing, so this step is not on its timeline."
    if noted is None:
        return f"There is no ticket {number} any more, so this step is not on a timeline."
    return None


async def _tell(turn: Turn, person_id: str, card: dict, summary: str, key: str) -> str | None:
    """Queue a card for a person's chat; what the sender must know if it is held."""
    delivery = await turn.tell(Recipient.person(person_id), card, key, summary=summary)
    return reach_note(name_of(turn.services.profile, person_id), delivery)


def _said(*notes: str | None) -> list[str]:
    return [n for n in notes if n]


async def tell_owner(turn: Turn, request: PartsRequest) -> list[str]:
    """Send a new request to its owner, with the answer form, and note it on its ticket."""
    assert turn.caller is not None
    profile = turn.services.profile
    asked = f"{turn.caller.name} asks: {what_is_asked(request)}"
    # Built for the owner (who holds answer_parts), not for the requester who is acting.
    link = await number_link(turn.services, request.ticket_number)
    view = RequestView(headline=asked, answer_form=True, ticket_link=link)
    card = parts_request_card(profile, request, view)
    owner = name_of(profile, request.owner_id)
    return _said(
        await _tell(turn, request.owner_id, card, asked, f"parts:{request.number}:asked"),
        await note_on_ticket(
            turn, request.ticket_number, Step.FILED, asked_note(request, owner), request.number
        ),
    )


async def tell_requester(turn: Turn, request: PartsRequest, order: Order | None) -> list[str]:
    """Send the requester the owner's answer (with Customer ordered) and note it on its ticket."""
    assert turn.caller is not None
    told = f"{turn.caller.name} answered {request.number}."
    orderable = order is not None and order.status is OrderStatus.QUOTED
    link = await number_link(turn.services, request.ticket_number)
    view = RequestView(headline=told, order=order, order_button=orderable, ticket_link=link)
    card = parts_request_card(turn.services.profile, request, view)
    key = f"parts:{request.number}:answered"
    return _said(
        await _tell(turn, request.requester_id, card, told, key),
        await note_on_ticket(
            turn, request.ticket_number, Step.ANSWERED, answered_note(request), request.number
        ),
    )


async def tell_about_order(turn: Turn, order: Order, request: PartsRequest, what: str) -> list[str]:
    """Tell the request's requester and owner (but not the caller); note it on the ticket."""
    assert turn.caller is not None
    profile = turn.services.profile
    key = f"order:{order.quote_number}:{order.status.value}"
    notes = []
    for person_id in dict.fromkeys((request.requester_id, request.owner_id)):
        if person_id != turn.caller.id:
            card = order_status_card(
                profile,
                order,
                headline=what,
                nc_tape_head=request.nc_tape_head,
                moves=buttons_for(profile, person_id, order),
            )
            notes.append(await _tell(turn, person_id, card, what, f"{key}:{person_id}"))
    notes.append(
        await note_on_ticket(
            turn, request.ticket_number, Step.ORDER, order_note(order), request.number
        )
    )
    return _said(*notes)

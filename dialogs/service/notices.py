"""Who hears of a service request: the approvers, the technician who goes, the requester, and
the related ticket's timeline.

The functions that tell people return what the person acting must know: a sentence for each
notice that is held (services.delivery.reach_note), None or nothing when there is none.
"""

from __future__ import annotations

import logging

from bot.turn import Turn
from cards.service import service_approval_card, service_request_card
from dialogs.service.posts import approval_key, requester_key, technician_key
from dialogs.shared.links import number_link
from services.delivery import Recipient, reach_note
from services.service_requests import ServiceRequest
from services.service_requests.timeline import Step, service_step
from services.service_requests.wording import date_range
from services.service_requests.workflow import approvers
from services.tickets import StaleTicket

log = logging.getLogger(__name__)


async def record_step(turn: Turn, request: ServiceRequest, step: Step, body: str = "") -> None:
    """Put a step on the related ticket's timeline, if there is one."""
    if not request.ticket_number:
        return
    assert turn.caller is not None
    actor, profile, now = turn.caller.id, turn.services.profile, turn.services.clock()
    try:
        await turn.services.tickets.change(
            request.ticket_number,
            lambda ticket: service_step(ticket, actor, profile, now, request, step, body),
        )
    except StaleTicket:  # the request stands; only its line on the timeline is missing
        log.warning("%s: could not add %s to %s", request.number, step, request.ticket_number)


async def ask_approvers(turn: Turn, request: ServiceRequest) -> list[str]:
    """Send the approval card to everyone who may approve; what the requester must know."""
    link = await number_link(turn.services, request.ticket_number)
    card = service_approval_card(turn.services.profile, request, link)
    summary = f"{request.number}: non-billable service to approve"
    notes = []
    for person in approvers(turn.services.profile):
        key = approval_key(request.number, person.id)
        delivery = await turn.tell(Recipient.person(person.id), card, key, summary=summary)
        notes.append(reach_note(person.name, delivery))
    return [n for n in notes if n]


async def tell_technician(turn: Turn, request: ServiceRequest) -> str | None:
    """The scheduled technician's card in their chat; what the sender must know if held."""
    if not (request.in_house and request.technician_id):
        return None
    profile = turn.services.profile
    technician = profile.person(request.technician_id)
    dates = date_range(request.start_date, request.end_date)
    card = service_request_card(
        profile,
        request,
        headline=f"You are scheduled on site: {dates}",
        show_notice=False,
        ticket_link=await number_link(turn.services, request.ticket_number),
    )
    key = technician_key(request.number, technician.id)
    summary = f"{request.number}: on-site service {dates}"
    delivery = await turn.tell(Recipient.person(technician.id), card, key, summary=summary)
    return reach_note(technician.name, delivery)


async def tell_requester(turn: Turn, request: ServiceRequest, headline: str) -> str | None:
    """Send the requester the decided request (with the message for a provider, if any)."""
    assert turn.caller is not None
    if request.requester_id == turn.caller.id:
        return None  # they decided their own request and see the answer already
    profile = turn.services.profile
    try:
        requester = profile.person(request.requester_id)
    except KeyError:
        return f"{request.requester_id} has left the roster, so nobody was told of this."
    link = await number_link(turn.services, request.ticket_number)
    card = service_request_card(profile, request, headline=headline, ticket_link=link)
    key = requester_key(request.number, request.status)
    summary = f"{request.number}: {headline}"
    delivery = await turn.tell(Recipient.person(requester.id), card, key, summary=summary)
    return reach_note(requester.name, delivery)

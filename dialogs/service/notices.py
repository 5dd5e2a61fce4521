"""What the service dialogs share: scheduling an approved request (project, notice, save),
asking the approvers, telling the requester, and each step on the related ticket's timeline.
"""

from __future__ import annotations

import logging

from bot.turn import Turn, card_message
from cards.service import service_approval_card, service_request_card
from dialogs.triage.notices import delivery_warning
from services.service_requests import (
    ProjectOrder,
    RequestStatus,
    ServiceRequest,
    StaleRequest,
)
from services.service_requests.notices import notice_for
from services.service_requests.timeline import Step, service_step
from services.service_requests.wording import date_range, summary, told, who_goes
from services.service_requests.workflow import approvers, local_today, schedule
from services.tickets import StaleTicket

log = logging.getLogger(__name__)


async def find_request(turn: Turn, text: str) -> tuple[ServiceRequest | None, str | None]:
    """The request a card or a person named ("SR-1001"), or why there is none."""
    number = (text or "").strip().upper()
    request = await turn.services.service_requests.get(number) if number else None
    return (request, None) if request else (None, f"There is no service request {number}.")


async def record_step(turn: Turn, request: ServiceRequest, step: Step, body: str = "") -> None:
    """Put a step on the related ticket's timeline (if any); a concurrent save is retried."""
    if not request.ticket_number:
        return
    assert turn.caller is not None
    profile, now = turn.services.profile, turn.services.clock()
    for _ in range(3):
        ticket = await turn.services.tickets.get(request.ticket_number)
        if ticket is None:
            return
        change = service_step(ticket, turn.caller.id, profile, now, request, step, body)
        try:
            await turn.services.tickets.save(change.ticket, ticket.version, change.events)
            return
        except StaleTicket:
            continue  # someone saved the ticket meanwhile: read it again and add the step
    log.warning("%s: could not add %s to %s", request.number, step, request.ticket_number)


def filed_line(turn: Turn, request: ServiceRequest) -> str:
    """The "filed" step's words: what was asked for, and what happens next."""
    line = summary(turn.services.profile, request)
    if request.status is RequestStatus.AWAITING_APPROVAL:
        names = " or ".join(p.name for p in approvers(turn.services.profile))
        line += f"; waiting for {names}'s approval"
    return line


async def ask_approvers(turn: Turn, request: ServiceRequest) -> list[str]:
    """Send the approval card to everyone who may approve; what the requester must know."""
    profile, warnings = turn.services.profile, []
    card = service_approval_card(profile, request)
    for person in approvers(profile):
        activity = card_message(card, f"{request.number}: non-billable service to approve")
        key = f"service-approval:{request.number}:{person.id}"
        message = await turn.notifier.send("person", person.id, activity, dedupe_key=key)
        warning = await delivery_warning(turn, person, message)
        if warning:
            warnings.append(warning)
    return warnings


async def schedule_now(turn: Turn, request: ServiceRequest) -> tuple[ServiceRequest, list[str]]:
    """An approved request: its project created, saved as scheduled, whoever goes told (or the
    notice kept for the requester to send). Of two clicks racing here, only one tells anyone."""
    profile, now = turn.services.profile, turn.services.clock()
    order = ProjectOrder(
        request_number=request.number,
        name=f"{request.number} · {request.site} ({request.site_state})",
        opened_on=local_today(profile, now),
        start_date=request.start_date,
        end_date=request.end_date,
        billable=not request.needs_approval,
        done_by=who_goes(profile, request),
        scope=request.scope,
    )
    project = await turn.services.projects.create_project(order, now)  # the same on a retry
    scheduled = schedule(request, now, project.number, notice_for(profile, request, project.number))
    try:
        saved = await turn.services.service_requests.save(scheduled, request.version)
    except StaleRequest:
        # The other click saved first, with the very same project, and tells whoever goes.
        current = await turn.services.service_requests.get(request.number)
        return current or scheduled, []
    warning = await _tell_technician(turn, saved)
    await record_step(
        turn, saved, Step.SCHEDULED, f"project {saved.project_number}; {told(profile, saved)}"
    )
    return saved, [warning] if warning else []


async def _tell_technician(turn: Turn, request: ServiceRequest) -> str | None:
    """The scheduled technician's card in their chat; what the sender must know if held."""
    if not (request.in_house and request.technician_id):
        return None
    profile = turn.services.profile
    technician = profile.person(request.technician_id)
    dates = date_range(request.start_date, request.end_date)
    card = service_request_card(
        profile, request, headline=f"You are scheduled on site: {dates}", show_notice=False
    )
    activity = card_message(card, f"{request.number}: on-site service {dates}")
    key = f"service:{request.number}:technician:{technician.id}"
    message = await turn.notifier.send("person", technician.id, activity, dedupe_key=key)
    return await delivery_warning(turn, technician, message)


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
    card = service_request_card(profile, request, headline=headline)
    activity = card_message(card, f"{request.number}: {headline}")
    key = f"service:{request.number}:{request.status.value}:requester"
    message = await turn.notifier.send("person", requester.id, activity, dedupe_key=key)
    return await delivery_warning(turn, requester, message)

"""Process 6, service request & scheduling: `service request` files on-site service.

States of a request (approval is dialogs.service.approval):
    FORM_SENT          `service request [ticket]` → the form (site and state from the ticket)
    FORM_REFUSED       problems (dates, the reason for non-billable work, no technician where
                       our own staff go) → the same form, errors shown, every value kept
    AWAITING_APPROVAL  non-billable → the approval card goes to whoever may approve it; the
                       form becomes the request, saying so
    SCHEDULED          billable (or approved) → a project in the project system; the scheduled
                       technician is told in Teams, or, for the state's 3rd-party provider (not
                       on Teams), the requester gets the message to send and the address
    CANCELLED          cancelled → the form says nothing was requested
One request per form id: a double click or a Teams retry finds the same request. Each step
lands on the related ticket's timeline, when a ticket is named.
"""

from __future__ import annotations

import uuid

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.service import CANCEL, SUBMIT, service_request_card
from cards.service_form import service_cancelled_card, service_form_card
from dialogs.service.inputs import ServiceSubmission, check_service_form, prefilled
from dialogs.service.notices import ask_approvers, filed_line, record_step, schedule_now
from dialogs.shared.tickets import find_ticket
from services.profile import Capability
from services.service_requests import RequestStatus, ServiceRequest, ServiceRuleError
from services.service_requests.timeline import Step
from services.service_requests.workflow import approvers, file_request

service = Feature("service")
ALREADY = "This form was already submitted; this is the request it made."


@service.command(
    "service request",
    aliases=("schedule service", "request service"),
    usage="[ticket]",
    help="Request on-site service: billable, or non-billable with approval",
    capability=Capability.SCHEDULE_SERVICE,
)
async def service_request(turn: Turn, args: str) -> None:
    """Send a fresh service form, filled in from the ticket named, if any."""
    values = {}
    if args.strip():
        ticket, problem = await find_ticket(turn, args)
        if ticket is None:
            await turn.say(problem or "")
            return
        values = prefilled(ticket.number, ticket.company, ticket.fields.get("site_state"))
    card = service_form_card(turn.services.profile, uuid.uuid4().hex, values)
    await turn.send_card(card, summary="Service request")


@service.action(SUBMIT, model=ServiceSubmission, capability=Capability.SCHEDULE_SERVICE)
async def submit(turn: Turn, data: ServiceSubmission) -> ActionResult:
    """File the request, or return the form with what needs fixing."""
    assert turn.caller is not None
    profile = turn.services.profile
    draft, errors = await check_service_form(turn, data.answers)
    if draft is None:
        return ActionResult(card=service_form_card(profile, data.form_id, data.answers, errors))
    try:
        new = file_request(draft, turn.caller.id, profile, turn.services.clock())
        request, created = await turn.services.service_requests.create(
            new, form_key=f"service:{data.form_id}"
        )
    except ServiceRuleError as refusal:
        errors = {GENERAL: str(refusal)}
        return ActionResult(card=service_form_card(profile, data.form_id, data.answers, errors))
    if created:
        await record_step(turn, request, Step.FILED, filed_line(turn, request))
    return ActionResult(card=await _filed_card(turn, request, created))


async def _filed_card(turn: Turn, request: ServiceRequest, created: bool) -> dict:
    """The request in place of the form: waiting for approval, or scheduled already."""
    profile, lines = turn.services.profile, [] if created else [ALREADY]
    headline = None
    if request.status is RequestStatus.AWAITING_APPROVAL:
        names = " or ".join(p.name for p in approvers(profile))
        headline = f"Non-billable: waiting for {names}'s approval (the card is in their chat)."
        if created:
            lines += await ask_approvers(turn, request)
    elif request.status is RequestStatus.APPROVED:
        # Billable; also an earlier submit of this form that stopped before it was scheduled.
        request, warnings = await schedule_now(turn, request)
        lines += warnings
    if request.status is RequestStatus.SCHEDULED:
        headline = f"Scheduled under project {request.project_number}."
    return service_request_card(profile, request, headline=headline, lines=lines)


@service.action(CANCEL, model=ServiceSubmission)
async def cancel(turn: Turn, data: ServiceSubmission) -> ActionResult:
    """Close the form without requesting anything."""
    return ActionResult(card=service_cancelled_card())


# The flows register their commands and verbs on this feature when imported.
import dialogs.service.approval  # noqa: E402, F401

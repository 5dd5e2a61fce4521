"""Process 6's requests: the `service request` form, filing it, and scheduling approved work."""

from __future__ import annotations

import uuid

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.service import service_request_card
from cards.service_form import CANCEL, SUBMIT, service_cancelled_card, service_form_card
from dialogs.service.inputs import ServiceSubmission, check_service_form, prefilled
from dialogs.service.notices import ask_approvers, record_step, tell_technician
from dialogs.service.posts import filed_key
from dialogs.shared.links import number_link
from dialogs.shared.tickets import find_ticket
from services.profile import Capability, FieldRole
from services.service_requests import (
    ProjectOrder,
    RequestStatus,
    ServiceRequest,
    ServiceRuleError,
    StaleRequest,
)
from services.service_requests.forms import approver_names
from services.service_requests.notices import notice_for
from services.service_requests.timeline import Step
from services.service_requests.wording import (
    project_label,
    project_name,
    summary,
    told,
    who_goes,
)
from services.service_requests.workflow import file_request, local_today, schedule
from services.tickets.intake import answer

feature = Feature("service")
ALREADY = "This form was already submitted; this is the request it made."


@feature.command(
    "service request",
    aliases=("schedule service", "request service"),
    usage="[ticket]",
    help="Request on-site service: billable, or non-billable with approval",
    capability=Capability.SCHEDULE_SERVICE,
)
async def service_request(turn: Turn, args: str) -> None:
    """Send a fresh service form, filled in from the ticket named, if any."""
    profile, values = turn.services.profile, {}
    if args.strip():
        ticket, problem = await find_ticket(turn, args)
        if ticket is None:
            await turn.say(problem or "")
            return
        state = answer(profile, ticket.fields, FieldRole.SITE_STATE)
        values = prefilled(ticket.number, ticket.company, state)
    card = service_form_card(profile, uuid.uuid4().hex, values)
    await turn.send_card(card, summary="Service request")


@feature.action(SUBMIT, model=ServiceSubmission, capability=Capability.SCHEDULE_SERVICE)
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
        await record_step(turn, request, Step.FILED, _filed_line(turn, request))
    card = await _filed_card(turn, request, created)
    if created:  # news of it may come later (a project's number): this card is shown it then
        await turn.keep_answer(filed_key(request.number), card)
    return ActionResult(card=card)


def _filed_line(turn: Turn, request: ServiceRequest) -> str:
    """The "filed" step's words: what was asked for, and what happens next."""
    line = summary(turn.services.profile, request)
    if request.status is RequestStatus.AWAITING_APPROVAL:
        line += f"; waiting for {approver_names(turn.services.profile)}'s approval"
    return line


async def _filed_card(turn: Turn, request: ServiceRequest, created: bool) -> dict:
    """The request in place of the form: waiting for approval, or scheduled already."""
    profile, lines = turn.services.profile, [] if created else [ALREADY]
    headline, waits = None, []
    if request.status is RequestStatus.AWAITING_APPROVAL:
        names = approver_names(profile)
        headline = f"Non-billable: waiting for {names}'s approval (the card is in their chat)."
        if created:
            lines += await ask_approvers(turn, request)
    elif request.status is RequestStatus.APPROVED:
        # Billable; also an earlier submit of this form that stopped before it was scheduled.
        request, waits = await schedule_now(turn, request)
        lines += waits
    if request.status is RequestStatus.SCHEDULED:
        headline = "Scheduled."  # the project's number is among the facts
    # A technician the notice waits for is spoken of once: by what happens next.
    return service_request_card(
        profile,
        request,
        headline=headline,
        lines=lines,
        show_notice=not waits,
        ticket_link=await number_link(turn.services, request.ticket_number),
    )


async def schedule_now(turn: Turn, request: ServiceRequest) -> tuple[ServiceRequest, list[str]]:
    """An approved request: its project created, saved as scheduled, whoever goes told (or the
    notice kept for the requester to send). Of two clicks racing here, only one tells anyone."""
    profile, now = turn.services.profile, turn.services.clock()
    order = ProjectOrder(
        request_number=request.number,
        name=project_name(request),
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
    note = await tell_technician(turn, saved)
    line = f"project {project_label(profile, saved)}; {told(profile, saved)}"
    await record_step(turn, saved, Step.SCHEDULED, line)
    return saved, [note] if note else []


@feature.action(CANCEL, model=ServiceSubmission)
async def cancel(turn: Turn, data: ServiceSubmission) -> ActionResult:
    """Close the form without requesting anything."""
    return ActionResult(card=service_cancelled_card())


# The flows register their commands, verbs and follow-ups on this feature when imported.
import dialogs.service.approval  # noqa: E402
import dialogs.service.projects  # noqa: E402, F401

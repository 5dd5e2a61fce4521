"""Process 6, approval: non-billable service waits for whoever may approve it (Allison)."""

from __future__ import annotations

from collections.abc import Callable

from bot.turn import ActionResult, Turn
from cards.service import APPROVE, REJECT, service_approval_card, service_request_card
from dialogs.service.feature import feature, schedule_now
from dialogs.service.inputs import Rejection, RequestRef, find_request
from dialogs.service.notices import record_step, tell_requester
from dialogs.shared.links import number_link
from dialogs.shared.tickets import refused
from services.profile import Capability
from services.service_requests import ServiceRequest, ServiceRuleError, StaleRequest
from services.service_requests.timeline import Step
from services.service_requests.wording import told
from services.service_requests.workflow import approve, reject

SHOWN_AT_ONCE = 10  # approval cards sent by one `service approvals`
Decision = Callable[[ServiceRequest], ServiceRequest]


async def _decide(
    turn: Turn, number: str, decide: Decision
) -> tuple[ServiceRequest | None, str | None]:
    """Apply a decision as the caller and save it; a refusal comes back as text."""
    request, problem = await find_request(turn, number)
    if request is None:
        return None, problem
    try:
        decided = decide(request)
        saved = await turn.services.service_requests.save(decided, request.version)
    except ServiceRuleError as refusal:
        return None, str(refusal)
    except StaleRequest:
        current = await turn.services.service_requests.get(request.number)
        try:  # say who decided it meanwhile, in the workflow's words
            decide(current or request)
        except ServiceRuleError as refusal:
            return None, str(refusal)
        return None, f"{request.number} changed meanwhile; please try again."
    return saved, None


@feature.action(APPROVE, model=RequestRef, capability=Capability.APPROVE_NON_BILLABLE)
async def approve_request(turn: Turn, data: RequestRef) -> ActionResult:
    """Approve non-billable work: the project is created and whoever goes is told."""
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, turn.services.clock()
    saved, problem = await _decide(turn, data.number, lambda r: approve(r, actor, profile, at))
    if saved is None:
        return refused(problem or "")
    await record_step(turn, saved, Step.APPROVED)
    scheduled, waits = await schedule_now(turn, saved)
    headline = f"{turn.caller.name} approved it; it is scheduled."
    note = await tell_requester(turn, scheduled, headline)
    lines = [*waits, *([note] if note else [])]
    own = scheduled.requester_id == actor
    # A technician the notice waits for is spoken of once: by what happens next.
    if not own and not waits:
        lines.insert(0, told(profile, scheduled))
    headline = "Approved and scheduled."  # the project's number is among the facts
    card = service_request_card(
        profile,
        scheduled,
        headline=headline,
        lines=lines,
        show_notice=own and not waits,
        ticket_link=await number_link(turn.services, scheduled.ticket_number),
    )
    return ActionResult(card=card)


@feature.action(REJECT, model=Rejection, capability=Capability.APPROVE_NON_BILLABLE)
async def reject_request(turn: Turn, data: Rejection) -> ActionResult:
    """Turn non-billable work down with a reason; the requester is told why."""
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, turn.services.clock()
    saved, problem = await _decide(
        turn, data.number, lambda r: reject(r, actor, profile, at, data.reason)
    )
    if saved is None:
        return refused(problem or "")
    await record_step(turn, saved, Step.REJECTED, saved.decision_reason or "")
    headline = f"{turn.caller.name} rejected it: {saved.decision_reason}"
    note = await tell_requester(turn, saved, headline)
    link = await number_link(turn.services, saved.ticket_number)
    lines = [note] if note else []
    card = service_request_card(profile, saved, headline="Rejected.", lines=lines, ticket_link=link)
    return ActionResult(card=card)


@feature.command(
    "service approvals",
    aliases=("approvals",),
    help="Non-billable service requests waiting for your approval",
    capability=Capability.APPROVE_NON_BILLABLE,
)
async def service_approvals(turn: Turn, args: str) -> None:
    """Send the approval card of every request still waiting, oldest first."""
    waiting = await turn.services.service_requests.awaiting_approval()
    if not waiting:
        await turn.say("No service requests are waiting for approval.")
        return
    for request in waiting[:SHOWN_AT_ONCE]:
        link = await number_link(turn.services, request.ticket_number)
        card = service_approval_card(turn.services.profile, request, link)
        await turn.send_card(card, summary=f"{request.number}: non-billable service to approve")
    if len(waiting) > SHOWN_AT_ONCE:
        more = len(waiting) - SHOWN_AT_ONCE
        await turn.say(f"{more} more are waiting; decide these and ask again.")

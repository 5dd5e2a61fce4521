"""Process 6, approval: non-billable service waits for whoever may approve it (Allison).

States of a non-billable request:
    AWAITING_APPROVAL --Approve--> SCHEDULED: the project is created, the technician told (or
        the requester handed the provider's message); the requester hears of it
    AWAITING_APPROVAL --Reject + reason--> REJECTED: the requester is told why
    A second decision is refused with who decided and when.
Only the approve_non_billable capability of the sender's roster entry decides, whatever the
card's data claims; `service approvals` lists what is waiting (for a card that went astray).
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from bot.turn import ActionResult, Turn
from cards.service import APPROVE, REJECT, service_approval_card, service_request_card
from dialogs.service.feature import service as approval
from dialogs.service.notices import find_request, record_step, schedule_now, tell_requester
from dialogs.shared.tickets import refused
from services.forms.bounds import Reason, Reference
from services.profile import Capability
from services.service_requests import ServiceRequest, ServiceRuleError, StaleRequest
from services.service_requests.timeline import Step
from services.service_requests.wording import told
from services.service_requests.workflow import approve, reject

SHOWN_AT_ONCE = 10  # approval cards sent by one `service approvals`
Decision = Callable[[ServiceRequest], ServiceRequest]


class RequestRef(BaseModel):
    """What every approval button carries: the request's number."""

    model_config = ConfigDict(extra="ignore")
    number: Reference


class Rejection(RequestRef):
    """Reject: why, in words the requester is sent."""

    reason: Reason = ""


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


@approval.action(APPROVE, model=RequestRef, capability=Capability.APPROVE_NON_BILLABLE)
async def approve_request(turn: Turn, data: RequestRef) -> ActionResult:
    """Approve non-billable work: the project is created and whoever goes is told."""
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, turn.services.clock()
    saved, problem = await _decide(turn, data.number, lambda r: approve(r, actor, profile, at))
    if saved is None:
        return refused(problem or "")
    await record_step(turn, saved, Step.APPROVED)
    scheduled, lines = await schedule_now(turn, saved)
    headline = f"{turn.caller.name} approved it: project {scheduled.project_number}."
    warning = await tell_requester(turn, scheduled, headline)
    lines += [warning] if warning else []
    own = scheduled.requester_id == actor
    if not own:
        lines.insert(0, told(profile, scheduled))
    headline = f"Approved: project {scheduled.project_number}."
    card = service_request_card(profile, scheduled, headline=headline, lines=lines, show_notice=own)
    return ActionResult(card=card)


@approval.action(REJECT, model=Rejection, capability=Capability.APPROVE_NON_BILLABLE)
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
    warning = await tell_requester(turn, saved, headline)
    lines = [warning] if warning else []
    card = service_request_card(profile, saved, headline="Rejected.", lines=lines)
    return ActionResult(card=card)


@approval.command(
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
        card = service_approval_card(turn.services.profile, request)
        await turn.send_card(card, summary=f"{request.number}: non-billable service to approve")
    if len(waiting) > SHOWN_AT_ONCE:
        more = len(waiting) - SHOWN_AT_ONCE
        await turn.say(f"{more} more are waiting; decide these and ask again.")

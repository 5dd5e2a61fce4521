"""Process 4, the engineering manager's side: accept a handoff and assign an engineer, or send
it back asking for more information (states in dialogs.escalation).

The review card's buttons carry the escalation's id; the decision is the caller's (who must
hold accept_escalation), checked again by the workflow commands, whatever the card's data says.
Deciding an escalation that was already decided is refused, naming who decided what.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.turn import ActionResult, Turn
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_INFO
from cards.escalation_notices import ownership
from dialogs.escalation.feature import feature, guarded
from dialogs.escalation.inputs import DecisionInputs
from dialogs.escalation.notices import tell_outcome, update_other_reviews
from dialogs.escalation.views import review_card
from dialogs.shared.tickets import find_ticket, now, refused
from services.escalations import Decision, Escalation, EscalationStatus
from services.escalations.workflow import accept, ask_for_information
from services.profile import Capability
from services.tickets import Ticket
from services.tickets.rules import name_of


async def _decide(
    turn: Turn,
    data: DecisionInputs,
    decide: Callable[[Ticket, Escalation], Decision],
    outcome: Callable[[Ticket, Escalation], str],
) -> ActionResult:
    """Find the ticket and escalation, apply `decide`, save, tell everyone, report `outcome`."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    found = await turn.services.escalations.get(data.escalation_id)
    if found is None or found.ticket_id != ticket.id:
        return refused(f"That escalation of {ticket.number} no longer exists.")
    saved, refusal = await guarded(
        ticket,
        lambda: turn.services.escalations.decide(decide(ticket, found), ticket.version),
    )
    if saved is None:
        current = await turn.services.tickets.get(ticket.number) or ticket
        latest = await turn.services.escalations.get(found.id) or found
        if latest.status is EscalationStatus.REQUESTED and current.version == ticket.version:
            return refused(refusal or "")  # a mistake in the form: the card stays as typed
        # An old card (decided meanwhile, or raced): the review as it stands now, and why.
        return ActionResult(card=review_card(turn, current, latest, refusal or ""))
    decided_ticket, decided = saved
    told = await tell_outcome(turn, decided_ticket, decided)
    text = f"{outcome(decided_ticket, decided)} {told.said}".strip()
    update_other_reviews(turn, decided_ticket, decided, text)
    return ActionResult(card=review_card(turn, decided_ticket, decided, text, reach=told.reach))


@feature.action(ESCALATION_ACCEPT, model=DecisionInputs, capability=Capability.ACCEPT_ESCALATION)
async def accept_and_assign(turn: Turn, data: DecisionInputs) -> ActionResult:
    """Take the escalation: the engineer picked owns its engineering and gets the handoff; they
    become the assignee too unless the assignee stays on the customer."""
    assert turn.caller is not None
    if not data.engineer:
        return refused(f"Pick the engineer who takes {data.number} over, then press Accept.")
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)

    def decide(ticket: Ticket, found: Escalation) -> Decision:
        return accept(
            ticket,
            found,
            actor,
            profile,
            at,
            engineer_id=data.engineer,
            note=data.note,
            keep_assignee=data.keep_assignee,
        )

    def outcome(ticket: Ticket, decided: Escalation) -> str:
        return f"Accepted: {ownership(profile, ticket, decided)}."

    return await _decide(turn, data, decide, outcome)


@feature.action(ESCALATION_INFO, model=DecisionInputs, capability=Capability.ACCEPT_ESCALATION)
async def ask_for_more(turn: Turn, data: DecisionInputs) -> ActionResult:
    """Send the handoff back to the technician with what Engineering still needs."""
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)

    def decide(ticket: Ticket, found: Escalation) -> Decision:
        return ask_for_information(ticket, found, actor, profile, at, data.question)

    def outcome(ticket: Ticket, decided: Escalation) -> str:
        requester = name_of(profile, decided.requested_by)
        return f"Sent back to {requester}, asking: {decided.reply}"

    return await _decide(turn, data, decide, outcome)

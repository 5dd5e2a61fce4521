"""The ticket card as the person looking at it sees it, and acting on it from a card.

The card's buttons depend on the viewer (`turn.caller`, never card data): everyone on the roster
adds notes and reopens; the assignee, or someone who may resolve any ticket, works and resolves
it. Buttons are a convenience only: every handler checks again through the workflow commands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from microsoft_teams.cards import Action, ExecuteAction

from bot.turn import ActionResult, Turn
from cards.closure import confirm_form
from cards.deadlines import missed
from cards.reopen import reopen_form
from cards.ticket import (
    ACCEPT,
    KB_ARTICLE,
    REASSIGN,
    RESOLVE,
    note_form,
    status_form,
    ticket_card,
)
from cards.triage import ACKNOWLEDGE, priority_form
from dialogs.escalation.views import (
    current_escalation,
    escalation_actions,
    escalation_sections,
)
from dialogs.involvement.views import coordinates, coordination_sections
from dialogs.shared.links import record_link
from dialogs.shared.tickets import apply, find_ticket, has_status, now, refused
from dialogs.shared.viewers import viewers
from services.escalations import Escalation
from services.profile import Capability, Profile
from services.tickets import Change, EventKind, Ticket, TicketEvent, TicketStatus
from services.tickets.rules import name_of


def works_on(turn: Turn, ticket: Ticket) -> bool:
    """Whether the caller works this ticket: its assignee, or someone who may resolve any."""
    caller = turn.caller
    if caller is None:
        return False
    return caller.id == ticket.assignee_id or turn.can(Capability.RESOLVE_ANY)


def _triage_actions(turn: Turn, ticket: Ticket) -> list[Action]:
    """Triage's buttons on an open ticket (for managers too): whoever looks after the queue
    can act wherever they meet the ticket, not only on its triage card."""
    data = {"number": ticket.number}
    actions: list[Action] = []
    if turn.can(Capability.TRIAGE):
        if ticket.acknowledged_at is None:
            actions.append(ExecuteAction(title="Acknowledge", verb=ACKNOWLEDGE, data=data))
        actions.append(priority_form(turn.services.profile, ticket))
    if turn.can(Capability.ASSIGN):
        # The triage card it opens has the routing suggestion and the reasons.
        title = "Reassign" if ticket.assignee_id else "Assign"
        actions.append(ExecuteAction(title=title, verb=REASSIGN, data=data))
    return actions


def ticket_actions(
    turn: Turn, ticket: Ticket, escalation: Escalation | None = None
) -> list[Action]:
    """The buttons this viewer gets on this ticket, in the order they are used; `escalation`
    is the one the ticket is under, if escalated."""
    if turn.caller is None:
        return []
    number, works = ticket.number, works_on(turn, ticket)
    # Waiting for the engineering manager's answer, only that answer moves it (process 4).
    with_engineering = ticket.status is TicketStatus.ESCALATED
    actions: list[Action] = []
    if ticket.is_open:
        # On a desk without an in-progress status, accepting only acknowledges.
        working = ticket.status is TicketStatus.IN_PROGRESS or not has_status(
            turn.services.profile, TicketStatus.IN_PROGRESS
        )
        started = ticket.acknowledged_at is not None and working
        if turn.caller.id == ticket.assignee_id and not started and not with_engineering:
            # Past Assigned, the same verb only brings a waiting ticket back to work.
            waiting = ticket.status not in (TicketStatus.NEW, TicketStatus.ASSIGNED)
            title = "Resume" if waiting else "Accept"
            actions.append(ExecuteAction(title=title, verb=ACCEPT, data={"number": number}))
        actions.append(note_form(number))
        actions.extend(_triage_actions(turn, ticket))
        if works and ticket.assignee_id and not with_engineering:
            actions.append(status_form(turn.services.profile, number, ticket.status))
        actions.extend(escalation_actions(turn, ticket, escalation, works))
        if works and not with_engineering:
            actions.append(
                ExecuteAction(
                    title="Resolve", verb=RESOLVE, data={"number": number}, style="positive"
                )
            )
        return actions
    if ticket.status is TicketStatus.RESOLVED:
        actions.append(note_form(number))
        if works:
            actions.append(confirm_form(number, ticket.contact_name))
    if turn.can(Capability.PUBLISH_KB):  # process 7: turn the fix into a KB article
        actions.append(ExecuteAction(title="KB article", verb=KB_ARTICLE, data={"number": number}))
    actions.append(reopen_form(number))
    return actions


def _assigned_to_you(turn: Turn, ticket: Ticket, events: Sequence[TicketEvent]) -> str | None:
    """ "Assigned to you by Mary" for the assignee (as their notice said), else nothing."""
    if turn.caller is None or turn.caller.id != ticket.assignee_id:
        return None
    by = next((e.actor_id for e in reversed(events) if e.kind is EventKind.ASSIGNED), None)
    if by is None or by == turn.caller.id:
        return "Assigned to you"
    return f"Assigned to you by {name_of(turn.services.profile, by)}"


async def ticket_view(
    turn: Turn,
    ticket: Ticket,
    headline: str | None = None,
    events: Sequence[TicketEvent] | None = None,
    reach: str | None = None,
) -> dict:
    """The ticket card with its timeline and this viewer's buttons; `reach`: notices that wait
    for someone (services.delivery.Told)."""
    if events is None:
        events = await turn.services.tickets.events(ticket.id)
    if headline is None and turn.caller and ticket.is_open:
        headline = _assigned_to_you(turn, ticket, events)
    escalation = await current_escalation(turn, ticket)
    actions = ticket_actions(turn, ticket, escalation)
    sections = await escalation_sections(turn, ticket, escalation)
    sections += await coordination_sections(
        turn.services, ticket, events, coordinates=coordinates(turn, ticket)
    )
    profile = turn.services.profile
    late = missed(profile, ticket, now(turn))
    link = record_link(turn.services, ticket)
    machine = await turn.services.bp_search.machine_history(ticket, now(turn))
    return ticket_card(
        profile,
        ticket,
        events,
        actions,
        headline=headline,
        sections=sections,
        late=late,
        viewers=await viewers(turn, ticket),
        reach=reach,
        link=link,
        machine=machine,
    )


Step = Callable[[Ticket, str, Profile, datetime], Change]


async def act_on(
    turn: Turn, number: str, step: Step, *, refresh: bool = False
) -> tuple[Ticket, Ticket] | ActionResult:
    """Find the ticket, run one workflow step as the caller at the app's time, and save it.

    Returns (before, after), or the answer to give when the ticket is missing or the step is
    refused (with the current card when the ticket moved on meanwhile, or with `refresh`).
    """
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        return refused(problem or "")
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    saved, refusal = await apply(turn, ticket, lambda t: step(t, actor, profile, at))
    if saved is None:
        return await refusal_result(turn, ticket, refusal or "", refresh=refresh)
    return ticket, saved


async def refusal_result(
    turn: Turn, ticket: Ticket, refusal: str, *, refresh: bool = False
) -> ActionResult:
    """A refused card action: the reason, with the current card if the ticket moved on meanwhile,
    waits for Engineering's answer (only an old card offers a move then), or with `refresh`."""
    current = await turn.services.tickets.get(ticket.number)
    stale = current is not None and (
        refresh or current.version != ticket.version or current.status is TicketStatus.ESCALATED
    )
    if current is not None and stale:
        return ActionResult(card=await ticket_view(turn, current, headline=refusal))
    return refused(refusal)

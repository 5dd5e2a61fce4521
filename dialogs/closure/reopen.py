"""Process 8 when a fix does not hold: reopen a resolved or closed ticket, counted and told.

Staff reopen from the chat (`reopen <n> <reason>`); a customer report goes through the ticket
card's Reopen form, which names who reported it.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.ticket import REOPEN
from dialogs.closure.feature import feature
from dialogs.closure.inputs import ReopenInputs
from dialogs.closure.notices import tell_about_reopen
from dialogs.shared.ticket_view import act_on, ticket_view
from dialogs.shared.tickets import apply, now, ticket_and_text
from services.tickets import EventKind, Ticket
from services.tickets.workflow import reopen


async def reopened_view(turn: Turn, ticket: Ticket) -> dict:
    """Tell the assignee and the managers; the ticket card, saying who is being told."""
    events = await turn.services.tickets.events(ticket.id)
    reopened = next(e for e in reversed(events) if e.kind is EventKind.REOPENED)
    told = await tell_about_reopen(turn, ticket, reopened)
    headline = f"Reopened (reopen #{ticket.reopen_count}). {told.said}".strip()
    return await ticket_view(turn, ticket, headline, events, reach=told.reach)


@feature.command(
    "reopen", usage="<ticket> <reason>", help="Reopen a resolved or closed ticket that came back"
)
async def reopen_command(turn: Turn, args: str) -> None:
    """Reopen from the chat (staff found it); a customer report goes through the card's form."""
    assert turn.caller is not None
    found = await ticket_and_text(turn, args, "reason")
    if found is None:
        return
    ticket, reason = found
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    saved, refusal = await apply(
        turn, ticket, lambda t: reopen(t, actor, profile, at, reason=reason)
    )
    if saved is None:
        await turn.say(refusal or "")
        return
    await turn.send_card(await reopened_view(turn, saved), summary=f"{saved.number} reopened")


@feature.action(REOPEN, model=ReopenInputs)
async def reopen_from_card(turn: Turn, data: ReopenInputs) -> ActionResult:
    """Reopen from the ticket card's form."""
    acted = await act_on(
        turn,
        data.number,
        lambda t, actor, profile, at: reopen(
            t,
            actor,
            profile,
            at,
            reason=data.reason,
            source=data.source,
            reported_by=data.reported_by,
        ),
    )
    if isinstance(acted, ActionResult):
        return acted
    return ActionResult(card=await reopened_view(turn, acted[1]))

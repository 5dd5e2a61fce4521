"""Process 8, when a fix does not hold: reopen a resolved or closed ticket, counted and told.

States:
    RESOLVED | CLOSED --Reopen (card: why, staff or customer report + who reported)
                      or `reopen <n> <reason>` (staff)--> REOPENED
    REOPENED is ASSIGNED again (NEW without an assignee), reopen_count + 1, on the timeline;
    the assignee and everyone who may resolve any ticket (the engineering manager) get a notice,
    once per reopen: the reopen rate is the team's #1 priority.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn, card_message
from cards.closure import reopened_card
from cards.ticket import REOPEN
from dialogs.closure.feature import closure as reopening
from dialogs.shared.ticket_view import act_on, now, ticket_view
from dialogs.shared.tickets import TicketRef, apply, find_ticket
from services.forms.bounds import TEXT, Key, Line, LongText, overlong
from services.profile import Capability, Person, Profile
from services.tickets import EventKind, ReopenSource, Ticket
from services.tickets.workflow import reopen


class ReopenInputs(TicketRef):
    """The Reopen form: why, who found it (staff or a customer report) and who reported it."""

    reason: LongText = ""
    source: Key = ReopenSource.STAFF.value
    reported_by: Line | None = None


def audience(profile: Profile, ticket: Ticket) -> list[Person]:
    """Who hears of a reopen: the assignee, then everyone who may resolve any ticket."""
    # Read from the roster rather than looked up: an assignee who has left it is skipped.
    people = [person for person in profile.roster if person.id == ticket.assignee_id]
    people += profile.people_with_capability(Capability.RESOLVE_ANY)
    return list({person.id: person for person in people}.values())


async def tell_about_reopen(turn: Turn, ticket: Ticket) -> dict:
    """Send the reopen notice; returns the ticket card, saying who was told."""
    profile = turn.services.profile
    events = await turn.services.tickets.events(ticket.id)
    reopened = next(e for e in reversed(events) if e.kind is EventKind.REOPENED)
    summary = f"{ticket.number} reopened ({ticket.reopen_count}×)"
    activity = card_message(reopened_card(profile, ticket, reopened), summary)
    people = audience(profile, ticket)
    for person in people:
        # Keyed by the reopen count: a repeated delivery never notifies twice for one reopen.
        key = f"reopen:{ticket.number}:{ticket.reopen_count}:{person.id}"
        await turn.notifier.send("person", person.id, activity, dedupe_key=key)
    told = ", ".join(p.name for p in people) or "nobody"
    headline = f"Reopened (reopen #{ticket.reopen_count}). Told: {told}."
    return await ticket_view(turn, ticket, headline, events)


@reopening.command(
    "reopen", usage="<ticket> <reason>", help="Reopen a resolved or closed ticket that came back"
)
async def reopen_command(turn: Turn, args: str) -> None:
    """Reopen from the chat (staff found it); a customer report goes through the card's form."""
    assert turn.caller is not None
    number, _, reason = args.strip().partition(" ")
    problem = overlong("reason", reason, TEXT)
    if problem:
        await turn.say(problem)
        return
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        await turn.say(problem or "")
        return
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    saved, refusal = await apply(
        turn, ticket, lambda t: reopen(t, actor, profile, at, reason=reason)
    )
    if saved is None:
        await turn.say(refusal or "")
        return
    card = await tell_about_reopen(turn, saved)
    await turn.send_card(card, summary=f"{saved.number} reopened")


@reopening.action(REOPEN, model=ReopenInputs)
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
    return ActionResult(card=await tell_about_reopen(turn, acted[1]))

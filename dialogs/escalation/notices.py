"""What process 4's dialogs share: saving a decision with its refusals, and who hears of it.

Every notice goes through the outbox (turn.notifier), keyed by escalation, so a retried turn
tells nobody twice and someone without the app gets it when they open it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.turn import Turn, card_message
from cards.escalation import (
    escalation_assigned_card,
    escalation_reply_card,
    escalation_review_card,
)
from dialogs.triage.notices import delivery_warning
from services.escalations import Escalation
from services.profile import Capability, Person
from services.tickets import StaleTicket, Ticket, TicketRuleError

T = TypeVar("T")


async def guarded(ticket: Ticket, step: Callable[[], Awaitable[T]]) -> tuple[T | None, str | None]:
    """Run a workflow command and its save; a refusal or a lost race comes back as text."""
    try:
        return await step(), None
    except TicketRuleError as refusal:
        return None, str(refusal)
    except StaleTicket:
        return None, (
            f"{ticket.number} changed while you were looking at it. "
            "Here is the current version; please try again."
        )


def managers(turn: Turn) -> tuple[Person, ...]:
    """Who decides escalations: everyone whose roles grant accept_escalation."""
    return turn.services.profile.people_with_capability(Capability.ACCEPT_ESCALATION)


def review_card(
    turn: Turn, ticket: Ticket, escalation: Escalation, outcome: str | None = None
) -> dict:
    """The manager's review card: the engineers to pick from, the routing's fit pre-selected."""
    profile = turn.services.profile
    engineers = [
        p
        for p in profile.people_with_capability(Capability.WORK_TICKETS)
        if p.id != escalation.requested_by
    ]
    fits = profile.candidates_for(ticket.issue_type, ticket.complexity) if ticket.issue_type else ()
    ids = {p.id for p in engineers}
    suggested = next((p.id for p in fits if p.id in ids), None)
    return escalation_review_card(profile, ticket, escalation, engineers, suggested, outcome)


def _review_key(escalation: Escalation, person: Person) -> str:
    return f"escalation:{escalation.id}:review:{person.id}"


async def tell_managers(turn: Turn, ticket: Ticket, escalation: Escalation) -> str:
    """Send the review card to every manager; returns what the technician is told."""
    activity = card_message(
        review_card(turn, ticket, escalation), f"Escalation {ticket.number}: {ticket.subject}"
    )
    people = managers(turn)
    warnings = []
    for person in people:
        sent = await turn.notifier.send(
            "person", person.id, activity, dedupe_key=_review_key(escalation, person)
        )
        warnings.append(await delivery_warning(turn, person, sent))
    # escalate() refuses a profile where nobody may accept, so `people` is never empty here.
    names = " or ".join(p.name for p in people)
    told = f"Sent to Engineering: {names} will accept it or ask you for more."
    return " ".join([told, *(w for w in warnings if w)])


async def update_other_reviews(
    turn: Turn, ticket: Ticket, escalation: Escalation, outcome: str
) -> None:
    """Show the decision on the other managers' review cards (the caller's is replaced anyway)."""
    assert turn.caller is not None
    card = review_card(turn, ticket, escalation, outcome)
    for person in managers(turn):
        if person.id == turn.caller.id:
            continue
        post = await turn.services.outbox.find(_review_key(escalation, person))
        if post is not None and post.status == "sent":
            await turn.notifier.update_message(
                post, card_message(card, f"Escalation {ticket.number}")
            )


def _on_roster(turn: Turn, person_id: str | None) -> Person | None:
    # Read from the roster rather than looked up: someone who has left it is skipped.
    return next((p for p in turn.services.profile.roster if p.id == person_id), None)


async def tell_outcome(turn: Turn, ticket: Ticket, escalation: Escalation) -> str:
    """The technician hears the decision; an accepted handoff also goes to its engineer.

    Returns what the deciding manager is told: who has the notice, and who will get it later.
    """
    profile, number = turn.services.profile, ticket.number
    notices = [
        (
            _on_roster(turn, escalation.requested_by),
            escalation_reply_card(profile, ticket, escalation),
            f"{number}: Engineering replied",
            f"escalation:{escalation.id}:{escalation.status.value}",
        )
    ]
    if escalation.engineer_id:
        notices.append(
            (
                _on_roster(turn, escalation.engineer_id),
                escalation_assigned_card(profile, ticket, escalation),
                f"{number} is escalated to you: {ticket.subject}",
                f"escalation:{escalation.id}:engineer",
            )
        )
    told, warnings = [], []
    for person, card, summary, key in notices:
        if person is None:
            continue
        sent = await turn.notifier.send("person", person.id, card_message(card, summary), key)
        warning = await delivery_warning(turn, person, sent)
        if warning:
            warnings.append(warning)
        else:
            told.append(person.name)
    said = [f"{' and '.join(told)} got it in their chat."] if told else []
    return " ".join(said + warnings)

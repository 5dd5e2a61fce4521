"""Process 4's notices: the managers get the review card, the technician and the engineer hear
the decision, and the other managers' review cards show it.

Every notice is keyed by escalation, so a retried turn tells nobody twice; someone without the
app gets it when they open it, and the sender reads why in the one sentence of reach_note.
"""

from __future__ import annotations

from bot.turn import Turn
from cards.escalation_notices import escalation_assigned_card, escalation_reply_card
from dialogs.escalation.views import review_card
from dialogs.shared.links import record_link
from services.delivery import Recipient, Told, reach_note
from services.escalations import Escalation
from services.profile import Capability, Person
from services.tickets import Ticket


def managers(turn: Turn) -> tuple[Person, ...]:
    """Who decides escalations: everyone whose roles grant accept_escalation."""
    return turn.services.profile.people_with_capability(Capability.ACCEPT_ESCALATION)


def _review_key(escalation: Escalation, person: Person) -> str:
    return f"escalation:{escalation.id}:review:{person.id}"


async def tell_managers(turn: Turn, ticket: Ticket, escalation: Escalation) -> Told:
    """Send the review card to every manager; returns what the technician is told."""
    card = review_card(turn, ticket, escalation)
    summary = f"Escalation {ticket.number}: {ticket.subject}"
    people = managers(turn)
    notes = []
    for person in people:
        key = _review_key(escalation, person)
        delivery = await turn.tell(Recipient.person(person.id), card, key, summary=summary)
        notes.append(reach_note(person.name, delivery))
    # escalate() refuses a profile where nobody may accept, so `people` is never empty here.
    names = " or ".join(p.name for p in people)
    told = f"Sent to Engineering: {names} will accept it or ask you for more."
    return Told(told, tuple(note for note in notes if note))


def update_other_reviews(turn: Turn, ticket: Ticket, escalation: Escalation, outcome: str) -> None:
    """Show the decision on the other managers' review cards (the caller's is replaced anyway)."""
    assert turn.caller is not None
    card = review_card(turn, ticket, escalation, outcome)
    for person in managers(turn):
        if person.id != turn.caller.id:
            turn.update_notice(_review_key(escalation, person), card, f"Escalation {ticket.number}")


def _on_roster(turn: Turn, person_id: str | None) -> Person | None:
    # Read from the roster rather than looked up: someone who has left it is skipped.
    return next((p for p in turn.services.profile.roster if p.id == person_id), None)


async def tell_outcome(turn: Turn, ticket: Ticket, escalation: Escalation) -> Told:
    """The technician hears the decision; an accepted handoff also goes to its engineer.

    Returns what the deciding manager is told: who gets the notice, and who only once they
    open the app.
    """
    profile, number = turn.services.profile, ticket.number
    link = record_link(turn.services, ticket)
    notices = [
        (
            _on_roster(turn, escalation.requested_by),
            escalation_reply_card(profile, ticket, escalation, link),
            f"{number}: Engineering replied",
            f"escalation:{escalation.id}:{escalation.status.value}",
        )
    ]
    if escalation.engineer_id:
        notices.append(
            (
                _on_roster(turn, escalation.engineer_id),
                escalation_assigned_card(profile, ticket, escalation, link),
                f"{number} is escalated to you: {ticket.subject}",
                f"escalation:{escalation.id}:engineer",
            )
        )
    told, notes = [], []
    for person, card, summary, key in notices:
        if person is None:
            continue
        delivery = await turn.tell(Recipient.person(person.id), card, key, summary=summary)
        note = reach_note(person.name, delivery)
        if note:
            notes.append(note)
        else:
            told.append(person.name)
    # Queued, not yet sent, when this is read: a failure after the answer is told separately.
    get = "gets" if len(told) == 1 else "get"
    said = f"{' and '.join(told)} {get} it in their chat." if told else ""
    return Told(said, tuple(notes))

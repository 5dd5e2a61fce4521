"""Escalation on intake, in Teams: a ticket the profile's rules escalate is marked so on its
timeline and the people its rule names are told at once, before anyone triages it.

Used where a ticket is filed: the intake form (inside a turn) and, for tickets that arrive from
a system of record, wherever they reach triage (with the notifier). Each notice is keyed by
ticket, rule and person, so a retried filing tells nobody twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.turn import Turn, card_message
from cards.ticket import note_form, ticket_card
from dialogs.shared.links import record_link
from services.delivery import Delivery, Recipient
from services.tickets import EventKind, Ticket
from services.tickets.escalating import (
    IntakeEscalation,
    escalated_at_intake,
    intake_escalations,
)

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

# (to, card, key, summary) -> where the notice stands; a turn's tell or the notifier's.
Tell = Callable[[Recipient, dict, str, str], Awaitable[Delivery]]


async def escalate_filed(services: AppServices, ticket: Ticket, tell: Tell) -> Ticket:
    """Apply the escalate rules to a ticket just filed: the timeline says why and who was
    told, and they are; the ticket as saved (unchanged when no rule fires, or it was done)."""
    found = intake_escalations(services.profile, ticket.fields)
    if not found:
        return ticket
    earlier = await services.tickets.events(ticket.id)
    if any(e.kind is EventKind.ESCALATED_AT_INTAKE for e in earlier):
        return ticket  # the same filing seen again (a redelivered event): done once already
    change = escalated_at_intake(ticket, found, services.clock())
    saved = await services.tickets.save(change.ticket, ticket.version, change.events)
    events = await services.tickets.events(saved.id)
    for item in found:
        card = _notice(services, saved, events, item)
        for person in item.people:
            key = f"intake-escalation:{saved.number}:{item.rule_id}:{person.id}"
            await tell(Recipient.person(person.id), card, key, f"{saved.number}: {item.line}")
    return saved


def _notice(services: AppServices, ticket: Ticket, events: list, item: IntakeEscalation) -> dict:
    """The ticket for whoever is told: why it came to them, and a note form to help with."""
    headline = (
        f"{item.line}. You are asked to help; the ticket's owner stays in charge: "
        "add what you know as a note."
    )
    link = record_link(services, ticket)
    actions = [note_form(ticket.number)]
    return ticket_card(services.profile, ticket, events, actions, headline=headline, link=link)


async def escalate_in_turn(turn: Turn, ticket: Ticket) -> Ticket:
    """`escalate_filed` from a turn: the notices go out right after its answer."""

    async def tell(to: Recipient, card: dict, key: str, summary: str) -> Delivery:
        return await turn.tell(to, card, key, summary=summary)

    return await escalate_filed(turn.services, ticket, tell)


async def escalate_arrived(services: AppServices, notifier: Notifier, ticket: Ticket) -> Ticket:
    """`escalate_filed` for a ticket a system of record filed (no turn): told at once."""

    async def tell(to: Recipient, card: dict, key: str, summary: str) -> Delivery:
        return await notifier.tell(to, card_message(card, summary), key)

    return await escalate_filed(services, ticket, tell)

"""Who hears of what came from a system of record (Zendesk, HubSpot): a new ticket goes to
triage, a customer's reply to the assignee, a reopen to its usual audience, a change made in
the system's own UI to whoever it concerns, and the ticket's posted triage cards show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.reopen import reopened_card
from cards.ticket import ticket_card
from dialogs.closure.notices import reopen_audience
from dialogs.intake.escalation import escalate_arrived
from dialogs.shared.links import record_link
from dialogs.triage.notices import triage_places
from dialogs.triage.views import triage_card_of
from services.delivery import Recipient
from services.profile import Capability
from services.sync.inbox import Synced
from services.tickets import EventKind, Ticket, TicketEvent
from services.tickets.describe import describe

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


async def tell_synced(
    services: AppServices, notifier: Notifier, synced: Synced, source: str
) -> None:
    """Tell Teams what applying `source`'s side of a ticket did; `source` is the system's name,
    which is also the actor of the changes made in its own UI."""
    ticket = synced.ticket
    if synced.filed:
        # The profile's escalate rules hold for a ticket filed in the system as for one filed here.
        ticket = await escalate_arrived(services, notifier, ticket)
        await _to_triage(services, notifier, ticket, source)
        return
    told: set[str] = set()
    for event in synced.events:
        if event.kind is EventKind.REOPENED:
            told |= await _reopened(services, notifier, ticket, event)
    for event in synced.events:
        if event.kind is EventKind.NOTE and (event.after or {}).get("from") == "customer":
            await _reply(services, notifier, ticket, event, source, skip=told)
        elif event.actor_id == source:
            await _changed(services, notifier, ticket, event, source)
    await _show_on_triage_posts(services, notifier, ticket)


async def _to_triage(services: AppServices, notifier: Notifier, ticket: Ticket, source: str):
    """The triage card, with what the e-mail or call left out highlighted, where triage works."""
    card = await triage_card_of(services, ticket)
    activity = card_message(card, f"New ticket {ticket.number} from {source}: {ticket.subject}")
    for key, to in triage_places(services.profile, ticket.number):
        delivery = await notifier.tell(to, activity, key)
        if to.kind == "conversation" and delivery.reached_or_on_its_way:
            return


async def _show_on_triage_posts(services: AppServices, notifier: Notifier, ticket: Ticket):
    """The ticket's triage cards already posted show it as it is now (a status moved there)."""
    card = None
    for key, _ in triage_places(services.profile, ticket.number):
        if await notifier.posted(key) is None:
            continue
        if card is None:
            card = card_message(await triage_card_of(services, ticket), f"Triage {ticket.number}")
        await notifier.update(key, card)


async def _reopened(
    services: AppServices, notifier: Notifier, ticket: Ticket, event: TicketEvent
) -> set[str]:
    card = reopened_card(services.profile, ticket, event, record_link(services, ticket))
    activity = card_message(card, f"{ticket.number} reopened ({ticket.reopen_count}×)")
    people = reopen_audience(services.profile, ticket)
    for person in people:
        key = f"reopen:{ticket.number}:{ticket.reopen_count}:{person.id}"
        await notifier.tell(Recipient.person(person.id), activity, key)
    return {person.id for person in people}


async def _reply(
    services: AppServices,
    notifier: Notifier,
    ticket: Ticket,
    event: TicketEvent,
    source: str,
    skip: set[str],
) -> None:
    """The assignee (else triage) sees the reply on the ticket card, pinged."""
    people = [ticket.assignee_id] if ticket.assignee_id else _triagers(services)
    headline = f"{event.actor_id} replied in {source}: {event.body}"
    comment = (event.after or {}).get(f"{source.lower()}_comment")
    for person in people:
        if person in skip:
            continue  # the reopen notice quotes the reply already
        key = f"{source.lower()}-reply:{ticket.number}:{comment}:{person}"
        await _card_to(services, notifier, ticket, person, headline, key)


async def _changed(
    services: AppServices, notifier: Notifier, ticket: Ticket, event: TicketEvent, source: str
) -> None:
    """A change made in the system's own UI: the (new) assignee hears of it."""
    if not ticket.assignee_id:
        return
    if event.kind is EventKind.ASSIGNED:
        headline = f"Assigned to you in {source}"
    else:
        headline = describe(services.profile, event)
    person = ticket.assignee_id
    key = f"{source.lower()}-change:{ticket.number}:v{ticket.version}:{event.kind.value}:{person}"
    await _card_to(services, notifier, ticket, person, headline, key)


async def _card_to(
    services: AppServices, notifier: Notifier, ticket: Ticket, person: str, headline: str, key: str
) -> None:
    events = await services.tickets.events(ticket.id)
    card = ticket_card(services.profile, ticket, events, headline=headline)
    activity = card_message(card, f"{ticket.number}: {headline}")
    await notifier.tell(Recipient.person(person), activity, key)


def _triagers(services: AppServices) -> list[str]:
    return [p.id for p in services.profile.people_with_capability(Capability.TRIAGE)]

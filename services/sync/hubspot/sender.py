"""The sync worker's Sender for HubSpot: the working copy's saves as HubSpot requests.

A queued change names the ticket and carries its save's events; the sender reads the ticket as
it is now and sends what the events touched (the stage through the profile's map, priority,
owner, mapped answers) as one PATCH, and the events' words as HubSpot notes on the ticket.

Filing is guarded against a second ticket: HubSpot has no upsert on a key of ours for tickets
(batch upsert needs a unique-value property the admin may not have), so the new ticket carries
the bot's number in [hubspot] number_property, and every create first searches for a ticket
with that number; the id is stored the moment HubSpot answers. A create whose answer was lost
is found again on the next try, unless that try comes sooner than HubSpot indexes the ticket
for search (seconds; the worker's back-off is usually longer).

A queued message to the customer is a change of its own (kind "customer_message"), sent by
services.sync.hubspot.messages on the ticket's conversation; it never merges with updates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from services.clients.hubspot import (
    HubSpotClient,
    HubSpotError,
    HubSpotRateLimited,
    HubSpotRejected,
)
from services.profile import Profile
from services.sync.hubspot import SYSTEM
from services.sync.hubspot.links import HubSpotLinks
from services.sync.hubspot.messages import MessageSender
from services.sync.hubspot.owners import OwnerDirectory
from services.sync.hubspot.parties import parties
from services.sync.hubspot.translate import (
    OWNER,
    PRIORITY,
    STAGE,
    hubspot_priority,
    hubspot_stage,
    new_ticket,
    notes,
    section,
    ticket_properties,
    touched,
)
from services.sync.model import Outcome, RateLimited, Rejected, Sent, SyncChange, Transient
from services.sync.tickets import CUSTOMER_MESSAGE
from services.tickets.model import Ticket
from services.tickets.repository import TicketRepository


class HubSpotSender:
    """Carries ticket changes to one HubSpot account."""

    system = SYSTEM

    def __init__(
        self,
        client: HubSpotClient,
        tickets: TicketRepository,
        profile: Profile,
        links: HubSpotLinks,
        messages: MessageSender | None = None,
    ) -> None:
        self._client, self._tickets, self._profile, self._links = client, tickets, profile, links
        self._owners = OwnerDirectory(client, profile)
        self._messages = messages  # None without HUBSPOT_SENDER_ACTOR_ID: nothing queues them

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """Updates follow anything but a message: their properties go in one PATCH, each note
        on its own; a message to the customer goes alone."""
        return then.kind == "update" and first.kind != CUSTOMER_MESSAGE

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """File or update the ticket; HubSpot's refusals as the worker's outcomes."""
        try:
            return await self._send(changes)
        except HubSpotRateLimited as limited:
            return RateLimited(limited.retry_after)
        except HubSpotRejected as refusal:
            if refusal.status == 409:
                return Transient(str(refusal))
            return Rejected(refusal.reason or str(refusal))
        except HubSpotError as error:  # down or slow, or the token refused until it is fixed
            return Transient(str(error))

    async def _send(self, changes: Sequence[SyncChange]) -> Outcome:
        head = changes[0]
        if head.kind == CUSTOMER_MESSAGE:
            if self._messages is None:
                return Rejected("HUBSPOT_SENDER_ACTOR_ID is not set: nobody to send it as")
            return await self._messages.send(head)
        ticket = await self._tickets.get(head.record_key)
        if ticket is None:
            return Rejected(f"{head.record_key} is not in the bot's database")
        updates = list(changes)
        if head.kind == "create":
            hubspot_id = await self._file(ticket)
            updates = updates[1:]
        elif _is_id(ticket.external_id):
            hubspot_id = str(ticket.external_id)
        else:
            return Rejected(f"{ticket.number} was never filed in HubSpot")
        if updates:
            # Tried before (a failure, a 429, a refused batch): its notes may be there already.
            retried = any(change.attempts or change.last_error for change in updates)
            try:
                await self._update(ticket, hubspot_id, _events(updates), retried)
            except HubSpotRejected as refusal:
                if refusal.status != 404:
                    raise
                return Rejected(f"HubSpot has no ticket {hubspot_id} any more")
        return Sent({change.id: hubspot_id for change in changes})

    async def _file(self, ticket: Ticket) -> str:
        """The ticket's HubSpot id: its own (from HubSpot, or filed earlier), one found by the
        bot's number (an earlier try whose answer was lost), else a new ticket's."""
        hub, tickets = section(self._profile), self._client.tickets
        if _is_id(ticket.external_id):
            hubspot_id = str(ticket.external_id)
            # A ticket HubSpot made (from an e-mail) learns the number it has in Teams.
            await tickets.update(hubspot_id, {hub.number_property: ticket.number})
            return hubspot_id
        found = await tickets.numbered(hub.number_property, ticket.number)
        if found:
            hubspot_id = found[0].id
        else:
            links = await parties(self._client, ticket)
            hubspot_id = (await tickets.create(new_ticket(self._profile, ticket), links)).id
        await self._links.store(ticket, hubspot_id)
        return hubspot_id

    async def _update(
        self, ticket: Ticket, hubspot_id: str, events: list[Mapping[str, Any]], retried: bool
    ) -> None:
        """One PATCH for what the events touched, then a note for each event with words (on a
        retry, only those not on the ticket yet: the earlier try's answer may have been lost)."""
        properties = await self._properties(ticket, touched(events))
        if properties:
            await self._client.tickets.update(hubspot_id, properties)
        written = notes(self._profile, events)
        if written and retried:
            posted = await self._client.tickets.note_bodies(hubspot_id)
            written = [(body, at) for body, at in written if body.strip() not in posted]
        for body, at in written:
            await self._client.tickets.add_note(hubspot_id, body, at)

    async def _properties(self, ticket: Ticket, names: set[str]) -> dict[str, str]:
        profile = self._profile
        values: dict[str, str] = {}
        if "status" in names:
            values[STAGE] = hubspot_stage(profile, ticket.status)
        if "priority" in names and (priority := hubspot_priority(profile, ticket.priority)):
            values[PRIORITY] = priority
        owner = None
        if "assignee_id" in names and ticket.assignee_id:
            owner = await self._owners.owner_id(ticket.assignee_id)
        if owner is not None:
            values[OWNER] = owner
        return values | ticket_properties(profile, ticket, only=names)


def _events(changes: Iterable[SyncChange]) -> list[Mapping[str, Any]]:
    return [event for change in changes for event in change.payload.get("events", [])]


def _is_id(value: str | None) -> bool:
    return bool(value) and str(value).isascii() and str(value).isdigit()

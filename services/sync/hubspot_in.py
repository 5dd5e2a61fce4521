"""HubSpot -> the working copy: a ticket re-read from HubSpot, filed or merged in Teams' copy.

Webhook events and the catch-up only say which ticket to look at; what it says is read here
through the API. A ticket of the desk's pipeline it has never seen (logged from an e-mail to
support) is filed with the contact and company HubSpot associates with it; one it has gets the
stage, priority and owner changed in HubSpot. The merges go through a repository without the
outbound queue: what came from HubSpot must not be sent back to it. A filing is queued, as in
Teams: the sender then writes the bot's number into the HubSpot ticket's number property.

HubSpot drops a webhook request it waited on for five seconds, so a read here waits on a rate
limit briefly (READ_PATIENCE) and fails instead: HubSpot sends the events again, and the
catch-up reads what they named in any case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import or_

from services.clients.hubspot import CrmObject, HubSpotClient
from services.db.database import Database
from services.db.schema import tickets
from services.forms import check_answers
from services.profile import FieldRole, Profile
from services.sync.hubspot import SYSTEM
from services.sync.hubspot.translate import (
    CONTENT,
    OWNER,
    PIPELINE,
    PRIORITY,
    STAGE,
    SUBJECT,
    answer_of,
    priority_of,
    section,
)
from services.sync.hubspot_merge import HUBSPOT_ACTOR, Remote, merge
from services.sync.hubspot_parties import read_parties
from services.sync.inbox import Synced
from services.sync.queue import SyncQueue
from services.sync.tickets import TicketOutbound
from services.tickets.errors import StaleTicket
from services.tickets.intake import draft_from_answers
from services.tickets.model import Ticket
from services.tickets.records import select_tickets, ticket_from_row
from services.tickets.repository import TicketRepository

MODIFIED = "hs_lastmodifieddate"
READ_PATIENCE = 2.0
_ATTEMPTS = 3
_SUBJECT = 200  # HubSpot's subject is unbounded; the desk's is a line


class HubSpotIn:
    """Applies HubSpot's tickets to one profile's working copy."""

    def __init__(
        self,
        db: Database,
        profile: Profile,
        client: HubSpotClient,
        clock: Callable[[], datetime],
    ) -> None:
        self.client = client
        self._db, self._profile, self._client, self._clock = db, profile, client, clock
        self._tickets = TicketRepository(db, profile)  # no outbound: never echo to HubSpot
        self._filings = TicketRepository(db, profile, TicketOutbound(SyncQueue(db), SYSTEM))
        self._people: dict[str, str | None] = {}

    def properties(self) -> tuple[str, ...]:
        """The ticket properties a read or search asks for."""
        hub = section(self._profile)
        mapped = [hub.property_of(name) or name for name in hub.properties]
        fixed = [SUBJECT, CONTENT, PIPELINE, STAGE, PRIORITY, OWNER, MODIFIED, hub.number_property]
        return tuple(dict.fromkeys([*fixed, *mapped]))

    async def pull(self, ticket_id: str, *, parties: bool = False) -> Synced | None:
        """Re-read one ticket from HubSpot and apply it; None when nothing changed (or HubSpot
        no longer has it). `parties`: its associations changed, read its contact and company."""
        wanted = self.properties()
        remote = await self._client.crm.read("tickets", ticket_id, wanted, READ_PATIENCE)
        return None if remote is None else await self.apply(remote, parties=parties)

    async def apply(self, remote: CrmObject, *, parties: bool = False) -> Synced | None:
        """Apply a ticket as HubSpot has it (read just now); None when nothing changed or it is
        not in the desk's pipeline."""
        if remote.get(PIPELINE) != section(self._profile).pipeline:
            return None  # another team's pipeline in the same account
        for _ in range(_ATTEMPTS):
            ticket = await self._find(remote)
            if ticket is None:
                return await self._file(remote)
            view = await self._remote(remote, ticket, parties)
            settled = await self._settled(ticket)
            change = merge(ticket, view, self._profile, self._clock(), settled=settled)
            if change is None:
                return None
            try:
                saved = await self._tickets.save(change.ticket, ticket.version, change.events)
            except StaleTicket:
                continue  # a Teams action saved meanwhile: merge with what it saved
            return Synced(saved, ticket, change.events)
        raise StaleTicket(remote.id, -1, None)

    async def _find(self, remote: CrmObject) -> Ticket | None:
        """Ours by HubSpot's id, or one the bot filed whose id is not stored yet (its number is
        in the profile's number property)."""
        mine = tickets.c.external_id == remote.id
        number = remote.get(section(self._profile).number_property)
        if number:
            mine = or_(mine, tickets.c.number == number)
        query = select_tickets().where(tickets.c.profile == self._profile.name, mine).limit(1)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return ticket_from_row(row) if row is not None else None

    async def _file(self, remote: CrmObject) -> Synced | None:
        """File a ticket HubSpot logged (from an e-mail, a form, a person in HubSpot): its
        triage card shows what it lacks, its contact and company already there."""
        who = await read_parties(self._client, remote.id, READ_PATIENCE)
        draft = replace(
            draft_from_answers(self._profile, self._answers(remote)), external_id=remote.id
        )
        subject = " ".join((remote.get(SUBJECT) or "").split())[:_SUBJECT]
        if subject:
            draft = replace(draft, subject=subject)
        priority = priority_of(self._profile, remote.get(PRIORITY))
        if priority:
            draft = replace(draft, priority=priority)
        known = {k: v for k, v in vars(who).items() if v and getattr(draft, k) is None}
        draft = replace(draft, **known)
        key = f"hubspot:{self._profile.name}:{remote.id}"
        ticket, created = await self._filings.create(draft, HUBSPOT_ACTOR, key, self._clock())
        return Synced(ticket, None) if created else None

    def _answers(self, remote: CrmObject) -> dict[str, Any]:
        """The intake answers HubSpot holds: the description and the mapped properties; any
        that does not pass the intake's checks is left out, so triage sees it missing."""
        raw: dict[str, Any] = {}
        description = self._profile.field_for(FieldRole.DESCRIPTION)
        content = (remote.get(CONTENT) or "").strip()
        if description is not None and content:
            # A long e-mail is cut to what the field holds (it stays whole in HubSpot) rather
            # than dropped, which would make triage ask for a description the customer gave.
            limit = description.text_limit
            raw[description.id] = content if len(content) <= limit else content[: limit - 1] + "…"
        hub = section(self._profile)
        for name in hub.properties:
            value = answer_of(self._profile, name, remote.get(hub.property_of(name) or name))
            if value is not None:
                raw[name] = value
        return check_answers(self._profile, self._profile.intake, raw).values

    async def _remote(self, remote: CrmObject, ticket: Ticket, parties: bool) -> Remote:
        owner = remote.get(OWNER)
        return Remote(
            stage=remote.get(STAGE),
            priority=priority_of(self._profile, remote.get(PRIORITY)),
            assignee_id=await self._person(owner) if owner else None,
            parties=await read_parties(self._client, remote.id, READ_PATIENCE) if parties else None,
        )

    async def _person(self, owner_id: str) -> str | None:
        """The roster person a HubSpot owner is, matched by e-mail (None: not on the roster)."""
        if owner_id not in self._people:
            owner = await self._client.owner(owner_id)
            email = owner.email if owner is not None else None
            person = self._profile.person_by_email(email) if email else None
            self._people[owner_id] = person.id if person else None
        return self._people[owner_id]

    async def _settled(self, ticket: Ticket) -> bool:
        """No change of ours to this ticket is still on its way to HubSpot."""
        return not await SyncQueue(self._db).unsent(SYSTEM, ticket.number)

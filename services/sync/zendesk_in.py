"""Zendesk -> the working copy: a ticket re-read from Zendesk, filed or merged in Teams' copy.

Webhook events and the catch-up only say which ticket to look at; what it says is read here
through the API. A ticket the desk has never seen (e-mailed or phoned in) is filed; one it has
gets Zendesk's changes and the customer's new replies. These writes go through a repository
without the outbound queue: what came from Zendesk must not be sent back to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import or_

from services.clients.zendesk import ZendeskClient
from services.clients.zendesk.models import Comment, User
from services.clients.zendesk.models import Ticket as ZendeskTicket
from services.db.database import Database
from services.db.schema import tickets
from services.forms import check_answers
from services.profile import FieldRole, Profile
from services.sync.inbox import Synced
from services.sync.queue import SyncQueue
from services.sync.zendesk_merge import Remote, Reply, merge
from services.tickets.errors import StaleTicket
from services.tickets.intake import draft_from_answers
from services.tickets.model import Ticket
from services.tickets.records import select_tickets, ticket_from_row
from services.tickets.repository import TicketRepository

SYSTEM = "zendesk"
# Who filed a ticket that came in through Zendesk (the customer is its contact).
FILED_BY = "Zendesk"
_ATTEMPTS = 3


class ZendeskIn:
    """Applies Zendesk's tickets to one profile's working copy."""

    def __init__(
        self,
        db: Database,
        profile: Profile,
        client: ZendeskClient,
        clock: Callable[[], datetime],
    ) -> None:
        self.client = client
        self._db, self._profile, self._client, self._clock = db, profile, client, clock
        self._tickets = TicketRepository(db, profile)  # no outbound: never echo to Zendesk
        self._people: dict[int, str | None] = {}

    async def pull(self, zendesk_id: int) -> Synced | None:
        """Re-read one ticket from Zendesk and apply it; None when nothing changed."""
        return await self.apply(await self._client.tickets.show(zendesk_id))

    async def apply(self, remote: ZendeskTicket) -> Synced | None:
        """Apply a ticket as Zendesk has it (read just now); None when nothing changed."""
        for _ in range(_ATTEMPTS):
            ticket = await self._find(remote)
            if ticket is None:
                return await self._file(remote)
            comments = await self._client.tickets.comments(remote.id)
            view = await self._remote(remote, ticket, comments)
            settled = await self._settled(ticket)
            change = merge(ticket, view, self._profile, self._clock(), settled=settled)
            if change is None:
                return None
            try:
                saved = await self._tickets.save(change.ticket, ticket.version, change.events)
            except StaleTicket:
                continue  # a Teams action saved meanwhile: merge with what it saved
            return Synced(saved, ticket, change.events)
        raise StaleTicket(str(remote.id), -1, None)

    async def _find(self, remote: ZendeskTicket) -> Ticket | None:
        """Ours by Zendesk's id, or one the bot filed whose id is not stored yet (its number
        is the Zendesk ticket's external_id)."""
        mine = tickets.c.external_id == str(remote.id)
        if remote.external_id:
            mine = or_(mine, tickets.c.number == remote.external_id)
        query = select_tickets().where(tickets.c.profile == self._profile.name, mine).limit(1)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return ticket_from_row(row) if row is not None else None

    async def _file(self, remote: ZendeskTicket) -> Synced | None:
        """File a ticket that came in by e-mail or phone; its triage card shows what it lacks."""
        requester = None
        if remote.requester_id:
            requester = await self._client.account.user(remote.requester_id)
        answers = self._answers(remote, requester)
        draft = replace(draft_from_answers(self._profile, answers), external_id=str(remote.id))
        if remote.subject and remote.subject.strip():
            draft = replace(draft, subject=remote.subject.strip())
        if self._priority(remote.priority):
            draft = replace(draft, priority=remote.priority)
        now = self._clock()
        key = f"zendesk:{self._profile.name}:{remote.id}"
        ticket, created = await self._tickets.create(draft, FILED_BY, key, now)
        return Synced(ticket, None) if created else None

    def _answers(self, remote: ZendeskTicket, requester: User | None) -> dict[str, Any]:
        """The intake answers Zendesk holds: its own fields, the requester, the mapped fields;
        any that does not pass the intake's checks is left out, so triage sees it missing."""
        raw: dict[str, Any] = {}
        by_role = {
            FieldRole.SUBJECT: remote.subject,
            FieldRole.DESCRIPTION: remote.description,
            FieldRole.CONTACT_NAME: requester.name if requester else None,
            FieldRole.CONTACT_EMAIL: requester.email if requester else None,
        }
        for role, value in by_role.items():
            spec = self._profile.field_for(role)
            if spec is not None and value not in (None, ""):
                raw[spec.id] = value
        mapped = self._profile.zendesk.fields if self._profile.zendesk else {}
        for intake_id, field_id in mapped.items():
            value = remote.field(field_id)
            if value not in (None, "", []):
                raw[intake_id] = value
        return check_answers(self._profile, self._profile.intake, raw).values

    async def _remote(
        self, remote: ZendeskTicket, ticket: Ticket, comments: Sequence[Comment]
    ) -> Remote:
        seen = {
            (event.after or {}).get("zendesk_comment")
            for event in await self._tickets.events(ticket.id)
        }
        author = ticket.contact_name or ticket.contact_email or "The customer"
        # The first comment is the description; only the requester's later public ones are
        # replies (the bot's and agents' own comments are not news to Teams).
        replies = tuple(
            Reply(c.id, author, c.body.strip())
            for c in comments[1:]
            if c.public
            and c.author_id == remote.requester_id
            and c.id not in seen
            and c.body.strip()
        )
        assignee = await self._person(remote.assignee_id) if remote.assignee_id else None
        return Remote(remote.status, self._priority(remote.priority), assignee, replies)

    def _priority(self, priority: str | None) -> str | None:
        keys = {p.key for p in self._profile.priorities}
        return priority if priority in keys else None

    async def _person(self, user_id: int) -> str | None:
        """The roster person an agent is, matched by e-mail (None: not on the roster)."""
        if user_id not in self._people:
            user = await self._client.account.user(user_id)
            person = self._profile.person_by_email(user.email) if user.email else None
            self._people[user_id] = person.id if person else None
        return self._people[user_id]

    async def _settled(self, ticket: Ticket) -> bool:
        """No change of ours to this ticket is still on its way to Zendesk."""
        return not await SyncQueue(self._db).unsent(SYSTEM, ticket.number)

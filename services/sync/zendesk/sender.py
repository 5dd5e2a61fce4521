"""The sync worker's Sender for Zendesk: the working copy's saves as Zendesk requests.

A queued change names the ticket and carries its save's events; the sender reads the ticket as
it is now and sends what the events touched (status through the profile's map, priority,
assignee, mapped fields) with their bodies as comments: public when the customer may see them,
private otherwise. One send is one request where it can be: merges() lets a change take the
comment-free updates behind it and, last, one with a comment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from services.clients import zendesk as zd
from services.clients.zendesk import NewComment, TicketUpdate, ZendeskClient
from services.profile import Profile
from services.sync.articles import PUBLISH
from services.sync.model import (
    Conflict,
    Outcome,
    RateLimited,
    Rejected,
    Sent,
    SyncChange,
    Transient,
)
from services.sync.zendesk.agents import AgentDirectory
from services.sync.zendesk.articles import ArticlePublisher
from services.sync.zendesk.links import ZendeskLinks
from services.sync.zendesk.translate import (
    comment_texts,
    comments,
    custom_fields,
    new_ticket,
    touched,
    zendesk_priority,
    zendesk_status,
)
from services.tickets.model import Ticket
from services.tickets.repository import TicketRepository

log = logging.getLogger(__name__)
SYSTEM = "zendesk"
_RECENT_COMMENTS = 20  # how far back a retried comment is looked for


class ZendeskSender:
    """Carries ticket changes to one Zendesk account."""

    system = SYSTEM

    def __init__(
        self,
        client: ZendeskClient,
        tickets: TicketRepository,
        profile: Profile,
        links: ZendeskLinks,
        clock: Callable[[], datetime],
        articles: ArticlePublisher | None = None,
    ) -> None:
        self._client, self._tickets, self._profile = client, tickets, profile
        self._links, self._clock, self._articles = links, clock, articles
        self._agents = AgentDirectory(client, profile)

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """Updates follow a change that has no comment: a ticket update carries one comment."""
        return then.kind == "update" and not comment_texts(self._profile, _events([first]))

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """File or update the ticket; Zendesk's refusals as the worker's outcomes."""
        try:
            return await self._send(changes)
        except zd.RateLimited as limited:
            return RateLimited(limited.retry_after)
        except zd.Conflict as conflict:
            return Conflict(str(conflict))
        except zd.Rejected as refusal:
            return Rejected(refusal.reason)
        except zd.ZendeskError as error:  # Transient, or AuthFailed until the token is fixed
            return Transient(str(error))

    async def _send(self, changes: Sequence[SyncChange]) -> Outcome:
        head = changes[0]
        if head.kind == PUBLISH:  # a knowledge article, to the Help Center (never merged)
            if self._articles is None:
                return Rejected("the profile names no [zendesk.help_center] section")
            return await self._articles.send(head)
        ticket = await self._tickets.get(head.record_key)
        if ticket is None:
            return Rejected(f"{head.record_key} is not in the bot's database")
        updates = list(changes)
        if head.kind == "create":
            zendesk_id = await self._file(ticket)
            updates = updates[1:]
        elif ticket.external_id and ticket.external_id.isdigit():
            zendesk_id = int(ticket.external_id)
        else:
            return Rejected(f"{ticket.number} was never filed in Zendesk")
        remote = {head.id: str(zendesk_id)} if head.kind == "create" else {}
        if updates:
            retried = any(change.attempts for change in updates)
            zendesk_id = await self._update(ticket, zendesk_id, _events(updates), retried)
            remote |= {change.id: str(zendesk_id) for change in updates}
        return Sent(remote)

    async def _file(self, ticket: Ticket) -> int:
        """The ticket's Zendesk id: stored, found by external_id (an earlier try whose answer
        was lost), else a new ticket."""
        if ticket.external_id and ticket.external_id.isdigit():
            return int(ticket.external_id)  # filed earlier, or it came from Zendesk
        found = await self._client.tickets.find_by_external_id(ticket.number)
        if found:
            zendesk_id = max(t.id for t in found)
        else:
            zendesk_id = (await self._client.tickets.create(new_ticket(self._profile, ticket))).id
        await self._links.store(ticket, zendesk_id)
        return zendesk_id

    async def _update(
        self, ticket: Ticket, zendesk_id: int, events: list[Mapping[str, Any]], retried: bool
    ) -> int:
        """Send what the events touched; a reopen of a Zendesk-closed ticket goes to a follow-up.
        Returns the Zendesk id the changes went to."""
        requests = await self._requests(ticket, events)
        if not requests:
            return zendesk_id  # nothing Zendesk keeps (SLA times, acknowledgement)
        try:
            await self._put(zendesk_id, requests, retried)
        except zd.Rejected as refusal:
            if refusal.status != 422 or not ticket.is_open:
                raise
            if (await self._client.tickets.show(zendesk_id)).status != "closed":
                raise
            zendesk_id = await self._follow_up(ticket, zendesk_id)
            await self._put(zendesk_id, requests, retried)
        return zendesk_id

    async def _requests(self, ticket: Ticket, events: list[Mapping[str, Any]]) -> list:
        names, profile = touched(events), self._profile
        fields: dict[str, Any] = {}
        if "status" in names:
            fields["status"] = zendesk_status(profile, ticket)
        if "priority" in names:
            fields["priority"] = zendesk_priority(profile, ticket.priority)
        if "assignee_id" in names and ticket.assignee_id:
            fields["assignee_id"] = await self._agents.zendesk_id(ticket.assignee_id)
        values = custom_fields(profile, ticket, only=names)
        notes = comments(profile, events)
        if not notes and not values and not any(v is not None for v in fields.values()):
            return []
        first = TicketUpdate(**fields, comment=notes[0] if notes else None, custom_fields=values)
        return [first, *(TicketUpdate(comment=note) for note in notes[1:])]

    async def _put(self, zendesk_id: int, requests: list[TicketUpdate], retried: bool) -> None:
        if retried:
            requests = await self._unsent(zendesk_id, requests)
        for request in requests:
            await self._client.tickets.update(zendesk_id, request)

    async def _unsent(self, zendesk_id: int, requests: list[TicketUpdate]) -> list[TicketUpdate]:
        """A retry drops the comments an earlier try already posted (its answer lost)."""
        recent = await self._client.tickets.comments(zendesk_id)
        posted = {(c.body.strip(), c.public) for c in recent[-_RECENT_COMMENTS:]}
        kept = []
        for request in requests:
            if request.comment is not None and _key(request.comment) in posted:
                request = replace(request, comment=None)
                if request == TicketUpdate():
                    continue
            kept.append(request)
        return kept

    async def _follow_up(self, ticket: Ticket, closed_id: int) -> int:
        """A follow-up of the closed ticket (found again if an earlier try filed it)."""
        found = await self._client.tickets.find_by_external_id(ticket.number)
        newer = [t.id for t in found if t.id > closed_id and t.status != "closed"]
        if newer:
            new_id = max(newer)
        else:
            filed = new_ticket(self._profile, ticket)
            note = f"{ticket.number} was reopened in Teams; Zendesk #{closed_id} was closed."
            filed = replace(filed, description=note, public=False)
            new_id = (await self._client.tickets.create_followup(closed_id, filed)).id
        log.info("zendesk: %s went on as #%s, following #%s", ticket.number, new_id, closed_id)
        await self._links.followed_up(ticket, closed_id, new_id, self._clock())
        return new_id


def _events(changes: Iterable[SyncChange]) -> list[Mapping[str, Any]]:
    return [event for change in changes for event in change.payload.get("events", [])]


def _key(comment: NewComment) -> tuple[str, bool]:
    return comment.body.strip(), comment.public

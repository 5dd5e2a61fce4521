"""Tickets: file, change, read, their comments, and find one by the bot's own number."""

from __future__ import annotations

from services.clients.zendesk.api import ZendeskApi
from services.clients.zendesk.models import Comment, Ticket
from services.clients.zendesk.requests import NewTicket, TicketUpdate

PAGE_SIZE = 100  # the cursor pagination maximum


class Tickets:
    """The Tickets and Ticket Comments APIs."""

    def __init__(self, api: ZendeskApi) -> None:
        self._api = api

    async def create(self, ticket: NewTicket) -> Ticket:
        """File a ticket (POST /api/v2/tickets.json)."""
        body = {"ticket": ticket.json()}
        answer = await self._api.call("POST", "/api/v2/tickets.json", body=body)
        return Ticket.model_validate(answer["ticket"])

    async def create_followup(self, closed_id: int, ticket: NewTicket) -> Ticket:
        """File a follow-up of a closed ticket, which can no longer be updated or reopened."""
        body = {"ticket": ticket.json(followup_of=closed_id)}
        answer = await self._api.call("POST", "/api/v2/tickets.json", body=body)
        return Ticket.model_validate(answer["ticket"])

    async def update(self, ticket_id: int, update: TicketUpdate) -> Ticket:
        """Change a ticket and/or add a comment (PUT /api/v2/tickets/{id}.json)."""
        answer = await self._api.call(
            "PUT", f"/api/v2/tickets/{int(ticket_id)}.json", body={"ticket": update.json()}
        )
        return Ticket.model_validate(answer["ticket"])

    async def show(self, ticket_id: int) -> Ticket:
        """The ticket as Zendesk has it now."""
        answer = await self._api.call("GET", f"/api/v2/tickets/{int(ticket_id)}.json")
        return Ticket.model_validate(answer["ticket"])

    async def find_by_external_id(self, external_id: str) -> list[Ticket]:
        """The tickets carrying `external_id` (the bot's number): how a retry whose first
        answer was lost finds the ticket it already filed."""
        answer = await self._api.call(
            "GET", "/api/v2/tickets.json", params={"external_id": external_id}
        )
        return [Ticket.model_validate(t) for t in answer.get("tickets", [])]

    async def comments(self, ticket_id: int) -> list[Comment]:
        """Every comment on a ticket, oldest first, read page by page."""
        path = f"/api/v2/tickets/{int(ticket_id)}/comments.json"
        params: dict[str, str | int] = {"page[size]": PAGE_SIZE, "sort_order": "asc"}
        found: list[Comment] = []
        while True:
            answer = await self._api.call("GET", path, params=params)
            found.extend(Comment.model_validate(c) for c in answer.get("comments", []))
            meta = answer.get("meta") or {}
            if not meta.get("has_more") or not meta.get("after_cursor"):
                return found
            params = {**params, "page[after]": meta["after_cursor"]}

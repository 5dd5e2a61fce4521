"""The account around the tickets: who the API user is, its agents, its ticket fields."""

from __future__ import annotations

from services.clients.zendesk.api import ZendeskApi
from services.clients.zendesk.models import TicketField, User

PAGE_SIZE = 100


class Account:
    """The Users and Ticket Fields APIs."""

    def __init__(self, api: ZendeskApi) -> None:
        self._api = api

    async def me(self) -> User:
        """The user the API token belongs to (the bot needs it to be an admin)."""
        answer = await self._api.call("GET", "/api/v2/users/me.json")
        return User.model_validate(answer["user"])

    async def user(self, user_id: int) -> User:
        """One user by id: a ticket's requester (the customer) or its assignee (an agent)."""
        answer = await self._api.call("GET", f"/api/v2/users/{int(user_id)}.json")
        return User.model_validate(answer["user"])

    async def users_by_email(self, email: str) -> list[User]:
        """The users with this e-mail: how roster members are matched to Zendesk agents."""
        answer = await self._api.call(
            "GET", "/api/v2/users/search.json", params={"query": f"email:{email}"}
        )
        # The search matches more than the address; keep only the exact (case-blind) match.
        users = [User.model_validate(u) for u in answer.get("users", [])]
        return [u for u in users if (u.email or "").lower() == email.strip().lower()]

    async def ticket_fields(self) -> list[TicketField]:
        """Every ticket field, system and custom, read page by page."""
        params: dict[str, str | int] = {"page[size]": PAGE_SIZE}
        found: list[TicketField] = []
        while True:
            answer = await self._api.call("GET", "/api/v2/ticket_fields.json", params=params)
            found.extend(TicketField.model_validate(f) for f in answer.get("ticket_fields", []))
            meta = answer.get("meta") or {}
            if not meta.get("has_more") or not meta.get("after_cursor"):
                return found
            params = {**params, "page[after]": meta["after_cursor"]}

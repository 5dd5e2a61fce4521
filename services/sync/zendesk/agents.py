"""Roster members as Zendesk agents, matched by e-mail through the users search and cached."""

from __future__ import annotations

import logging

from services.clients.zendesk import ZendeskClient
from services.profile import Profile

log = logging.getLogger(__name__)
_AGENT_ROLES = {"agent", "admin"}


class AgentDirectory:
    """Person id -> Zendesk user id; each person is searched for once per process."""

    def __init__(self, client: ZendeskClient, profile: Profile) -> None:
        self._client, self._profile = client, profile
        self._found: dict[str, int | None] = {}

    async def zendesk_id(self, person_id: str) -> int | None:
        """The agent with the person's e-mail; None (said in the log) when Zendesk has none."""
        if person_id in self._found:
            return self._found[person_id]
        try:
            email = self._profile.person(person_id).email
        except KeyError:
            email = None
        found = None
        if email:
            users = await self._client.account.users_by_email(email)
            found = next((u.id for u in users if u.role in _AGENT_ROLES and u.active), None)
        if found is None:
            log.warning("zendesk: no agent has %s's e-mail; the assignee stays as it is", person_id)
        self._found[person_id] = found
        return found

"""Roster members as HubSpot owners, matched by e-mail and cached, so an assignee in Teams is
the ticket's owner in HubSpot (the seed: the Support Specialist owns the ticket there)."""

from __future__ import annotations

import logging

from services.clients.hubspot import HubSpotClient
from services.clients.hubspot.tickets import NO_WAIT
from services.profile import Profile

log = logging.getLogger(__name__)


class OwnerDirectory:
    """Person id -> HubSpot owner id; each person is looked up once per process."""

    def __init__(self, client: HubSpotClient, profile: Profile) -> None:
        self._client, self._profile = client, profile
        self._found: dict[str, str | None] = {}

    async def owner_id(self, person_id: str) -> str | None:
        """The active owner with the person's e-mail; None (said in the log) when HubSpot has
        none, and the ticket's owner stays as it is."""
        if person_id in self._found:
            return self._found[person_id]
        try:
            email = self._profile.person(person_id).email
        except KeyError:
            email = None
        owner = None
        if email:
            owner = await self._client.ticket_setup.owner_by_email(email, patience=NO_WAIT)
        if owner is None:
            log.warning("hubspot: no owner has %s's e-mail; the ticket owner stays", person_id)
        self._found[person_id] = owner.id if owner else None
        return self._found[person_id]

"""Maps the sender of an activity to a person on the support roster.

Roles come from who Teams says sent the activity, never from card data. The Entra object id
is tried first; otherwise the member's e-mail/UPN from the Teams roster API, cached in memory
and in the identity_links table so the roster API is not called on every turn.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from services.db.identity import IdentityLink, IdentityLinkRepository
from services.profile import Person, Profile

log = logging.getLogger(__name__)

KNOWN_TTL = 3600.0
# Strangers are re-checked sooner, so a person just added to the roster is not kept waiting.
UNKNOWN_TTL = 300.0


class IdentityResolver:
    """Resolves and caches who is talking to the bot."""

    def __init__(self, profile: Profile, links: IdentityLinkRepository) -> None:
        self._profile = profile
        self._links = links
        self._cache: dict[str, tuple[float, str | None]] = {}

    async def resolve(self, context: TurnContext) -> Person | None:
        """The roster person behind the activity's sender, or None."""
        sender = context.activity.from_property
        if sender is None or not sender.id:
            return None
        if sender.aad_object_id:
            person = self._profile.person_by_aad(sender.aad_object_id)
            if person:
                return person
        cached = self._cache.get(sender.id)
        if cached and cached[0] > time.monotonic():
            return self._known(cached[1])
        person = await self._from_links(sender.id)
        if person is None:
            person = await self._from_roster_api(context, sender.id)
        ttl = KNOWN_TTL if person else UNKNOWN_TTL
        self._cache[sender.id] = (time.monotonic() + ttl, person.id if person else None)
        return person

    def _known(self, person_id: str | None) -> Person | None:
        """The roster person with this id, or None once the roster no longer has it."""
        if person_id is None:
            return None
        try:
            return self._profile.person(person_id)
        except KeyError:
            return None

    async def _from_links(self, channel_user_id: str) -> Person | None:
        link = await self._links.get(channel_user_id)
        if link is None or link.person_id is None:
            return None
        person = self._known(link.person_id)
        if person is None:
            # The roster id was renamed or removed: match again by Entra id or e-mail below.
            log.info("identity link to a roster id no longer on the roster dropped")
            await self._links.drop(channel_user_id)
        return person

    async def _from_roster_api(self, context: TurnContext, user_id: str) -> Person | None:
        try:
            member = await TeamsInfo.get_member(context, user_id)
        except Exception as error:  # the roster API is a courtesy look-up, not a reason to fail
            log.warning("Teams member look-up failed for %s: %s", user_id, error)
            return None
        email = getattr(member, "email", None) or getattr(member, "user_principal_name", None)
        person = self._profile.person_by_email(email) if email else None
        await self._links.put(
            IdentityLink(
                channel_user_id=user_id,
                aad_object_id=getattr(member, "aad_object_id", None),
                email=email,
                person_id=person.id if person else None,
                resolved_at=datetime.now(UTC),
            )
        )
        return person

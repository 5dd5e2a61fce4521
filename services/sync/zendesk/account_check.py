"""Start-up: the profile's Zendesk field ids exist there, and the API user is an admin.

A wrong field id or a non-admin user stops start-up with a sentence naming it. Zendesk not
answering does not: the bot starts, says so (log and /readyz), and checks again until it answers.
"""

from __future__ import annotations

import logging

from services.clients import zendesk as zd
from services.clients.zendesk import ZendeskClient
from services.profile import Profile

log = logging.getLogger(__name__)


class ZendeskSetupError(Exception):
    """The Zendesk account does not fit the profile or the API user; the message says how."""


class AccountCheck:
    """Runs the check; `problem` says in words what stands in the way now (None: all well)."""

    def __init__(self, client: ZendeskClient, profile: Profile) -> None:
        self._client, self._profile = client, profile
        self.problem: str | None = "not checked yet"

    async def run(self) -> bool:
        """Check once: True when Zendesk answered; ZendeskSetupError when it refuses the setup."""
        try:
            me = await self._client.account.me()
            fields = {f.id for f in await self._client.account.ticket_fields()}
        except (zd.Transient, zd.RateLimited) as error:
            self.problem = f"Zendesk could not be reached ({error}); checking again"
            log.warning("zendesk: %s; the bot runs and queues its changes meanwhile", self.problem)
            return False
        except zd.ZendeskError as error:  # 401 (token), 403, ...
            self.problem = f"Zendesk refused the start-up check: {error}"
            raise ZendeskSetupError(self.problem) from error
        problems = []
        if not me.is_admin:
            problems.append(
                f"the API user {me.email or me.id} is a Zendesk {me.role}, not an admin "
                "(the incremental export the catch-up sync reads needs an admin)"
            )
        mapped = self._profile.zendesk.fields if self._profile.zendesk else {}
        problems += [
            f"[zendesk.fields] {name} = {field_id}: Zendesk has no ticket field {field_id}"
            for name, field_id in mapped.items()
            if field_id not in fields
        ]
        if problems:
            self.problem = "; ".join(problems)
            raise ZendeskSetupError(self.problem)
        self.problem = None
        log.info("zendesk: the account fits the profile and the API user is an admin")
        return True

"""The sync worker's Sender for Harvest: each time entry's copy, made once.

A queued "time_entry" names the entry; the sender reads it (and its ticket) when sent. Never a
second copy: the Harvest id is stored on the entry as soon as Harvest answers, so a change whose
"sent" was lost is done without a request; and a retry after an unknown outcome (no answer, a
5xx, a holder that died: the change's attempts count it) first lists the entries carrying the
entry's external reference id, so a copy made by a try whose answer was lost is found, not made
again. Only retries list, so the usual entry costs one request of Harvest's 100 per 15 seconds.

Harvest's answers as the worker's outcomes: 429 RateLimited (waits Retry-After, never dropped);
5xx, no answer and a refused token Transient (sent once Harvest or the token is back); a refusal
(400/404/422) Rejected with Harvest's words, which the worker makes a dead letter told to the
person whose time it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from services.clients.harvest import (
    HarvestAuthFailed,
    HarvestClient,
    HarvestError,
    HarvestRateLimited,
    HarvestRejected,
)
from services.profile import Profile
from services.sync.harvest import SYSTEM, TIME_ENTRY
from services.sync.harvest.entry import harvest_entry, reference_id
from services.sync.model import Outcome, RateLimited, Rejected, Sent, SyncChange, Transient
from services.tickets.model import Ticket
from services.tickets.repository import TicketRepository
from services.time_entries import TimeEntryRepository

log = logging.getLogger(__name__)
Permalink = Callable[[Ticket], str | None]


class HarvestSender:
    """Carries the desk's time entries to one Harvest account."""

    system = SYSTEM

    def __init__(
        self,
        client: HarvestClient,
        entries: TimeEntryRepository,
        tickets: TicketRepository,
        profile: Profile,
        permalink: Permalink = lambda ticket: None,
    ) -> None:
        self._client, self._entries, self._tickets = client, entries, tickets
        self._profile, self._permalink = profile, permalink

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """Never: an entry is one request, and each entry is a record of its own."""
        return False

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """Make (or find) the entry's copy; Harvest's refusals as the worker's outcomes."""
        try:
            return await self._send(changes[0])
        except HarvestRateLimited as limited:
            return RateLimited(limited.retry_after)
        except HarvestRejected as refusal:
            return Rejected(refusal.reason)
        except HarvestAuthFailed as refused:  # the token, not the entry: sent once it is fixed
            return Transient(str(refused))
        except HarvestError as error:  # unavailable: 5xx, a timeout, no answer
            return Transient(str(error))

    async def _send(self, change: SyncChange) -> Outcome:
        if change.kind != TIME_ENTRY:
            return Rejected(f"the Harvest sender does not send {change.kind!r} changes")
        if self._profile.harvest is None:
            return Rejected(f"the {self._profile.name} profile has no [harvest] section")
        entry = await self._entries.get(int(change.payload["entry"]))
        if entry is None:
            return Rejected(f"time entry {change.payload['entry']} is not in the bot's database")
        if entry.harvest_id:
            return Sent({change.id: entry.harvest_id})  # made and stored; only "sent" was lost
        ticket = await self._tickets.get(entry.ticket_number)
        if ticket is None:
            return Rejected(f"{entry.ticket_number} is not in the bot's database")
        body = harvest_entry(self._profile, entry, ticket, self._permalink(ticket))
        made = None
        if change.attempts:
            reference = reference_id(self._profile, entry)
            found = await self._client.time_entries_for(
                reference, user_id=body.user_id, on=entry.spent_date
            )
            made = min((e.id for e in found), default=None)
        if made is None:
            made = (await self._client.create_time_entry(body)).id
        else:
            log.info("harvest: %s was made by an earlier try (%s)", change.idempotency_key, made)
        await self._entries.sent(entry.id, str(made))
        return Sent({change.id: str(made)})

"""The sync worker's Sender for NetSuite: an approved service request's project, made once.

A queued "create_project" names the request; the sender reads it as it is when sent and upserts
the project by an external id made from the request's number (PUT record/v1/job/eid:<id>): a
retry whose answer was lost finds the project the first try made and updates it, never making a
second. It then reads the project back for the number NetSuite gave it (entityId) and stores it
on the request, where the embedded project system keeps its number too.

NetSuite's answers as the worker's outcomes: 429 (its concurrency limit) RateLimited, queued and
tried again, never dropped; 5xx and no answer Transient; a refusal (4xx) Rejected, which the
worker makes a dead letter told to whoever approved the request.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from services.clients.netsuite import (
    NetSuiteClient,
    NetSuiteError,
    NetSuiteRateLimited,
    NetSuiteRejected,
)
from services.db.schema import service_requests
from services.profile import Profile
from services.service_requests import ServiceRequest, ServiceRequestRepository
from services.sync.model import Outcome, RateLimited, Rejected, Sent, SyncChange, Transient
from services.sync.netsuite import SYSTEM
from services.sync.netsuite.job import RECORD, external_id, job_body
from services.sync.projects import CREATE_PROJECT
from services.tickets.repository import TicketRepository

log = logging.getLogger(__name__)
NUMBER_LIMIT = service_requests.c.project_number.type.length
NUMBER_FIELDS = ("entityId",)


class ProjectSender:
    """Carries approved service requests' projects to one NetSuite account."""

    system = SYSTEM

    def __init__(
        self,
        client: NetSuiteClient,
        requests: ServiceRequestRepository,
        tickets: TicketRepository,
        profile: Profile,
    ) -> None:
        self._client, self._requests, self._tickets = client, requests, tickets
        self._profile = profile

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """Never: a request has one project, made by one request to NetSuite."""
        return False

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """Make (or find) the request's project; NetSuite's refusals as the worker's outcomes."""
        try:
            return await self._send(changes[0])
        except NetSuiteRateLimited as limited:
            return RateLimited(limited.retry_after)
        except NetSuiteRejected as refusal:
            if refusal.status == 401:  # the token, not the project: sent once it is fixed
                return Transient(str(refusal))
            return Rejected(_in_words(refusal))
        except NetSuiteError as error:  # unavailable: 5xx, a timeout, no answer
            return Transient(str(error))

    async def _send(self, change: SyncChange) -> Outcome:
        if change.kind != CREATE_PROJECT:
            return Rejected(f"the NetSuite sender does not send {change.kind!r} changes")
        request = await self._requests.get(change.record_key)
        if request is None:
            return Rejected(f"{change.record_key} is not in the bot's database")
        external = external_id(self._profile, request.number)
        if request.project_number:
            # Made and stored before; only "sent" was lost: read its id, change nothing there.
            record = await self._client.get_record(RECORD, f"eid:{external}", fields=NUMBER_FIELDS)
            return Sent({change.id: str(record.get("id") or "")})
        body = job_body(self._profile, request, await self._customer_ref(request))
        ref = await self._client.upsert_record(RECORD, external, body)
        found = ref or f"eid:{external}"
        record = await self._client.get_record(RECORD, found, fields=NUMBER_FIELDS)
        internal = str(record.get("id") or ref or "")
        number = str(record.get("entityId") or "").strip()
        if not number:
            return Rejected(f"NetSuite's project {internal} has no project id (entityId)")
        if len(number) > NUMBER_LIMIT:
            log.warning("netsuite: project id %r is cut to %d characters", number, NUMBER_LIMIT)
        await self._requests.project_created(request.number, number[:NUMBER_LIMIT])
        log.info("netsuite: %s is project %s (internal id %s)", request.number, number, internal)
        return Sent({change.id: internal})

    async def _customer_ref(self, request: ServiceRequest) -> str | None:
        """The customer's NetSuite id, from the ticket the request is about, when NetSuite is the
        installed base (otherwise a customer_ref is a row key of the bot's own database)."""
        if self._profile.bp_search.installed_base != "netsuite" or not request.ticket_number:
            return None
        ticket = await self._tickets.get(request.ticket_number)
        return ticket.customer_ref if ticket is not None else None


def _in_words(refusal: NetSuiteRejected) -> str:
    """What NetSuite said, for the approver: "Invalid Field Value 99 … (USER_ERROR)"."""
    words = refusal.detail or refusal.title or f"HTTP {refusal.status}"
    return f"{words} ({refusal.code or refusal.status})"

"""Approved service requests onto the sync queue: their project, in the approval's transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from services.service_requests.model import ServiceRequest
from services.sync.model import NewChange
from services.sync.queue import SyncQueue

CREATE_PROJECT = "create_project"


class ProjectOutbound:
    """Queues a "create_project" change keyed by the request's number ("SR-1001"); the system's
    sender reads the request as it is when sent. The change is the approver's (the requester's
    for billable work, which needs no approval): they hear of it if the system refuses."""

    def __init__(self, queue: SyncQueue, system: str) -> None:
        self._queue, self._system = queue, system

    async def approved(self, connection: AsyncConnection, request: ServiceRequest) -> None:
        """Queue the project of `request`, approved (or filed billable) in this transaction."""
        actor = request.decided_by or request.requester_id
        change = NewChange(CREATE_PROJECT, {"number": request.number}, actor)
        await self._queue.enqueue(
            connection, self._system, request.number, [change], request.updated_at
        )

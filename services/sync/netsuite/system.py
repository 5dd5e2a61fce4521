"""NetSuite as the project-system port: the project is queued with the approval, made later."""

from __future__ import annotations

from datetime import datetime

from services.service_requests import Project, ProjectOrder, ServiceRequestRepository


class NetSuiteProjectSystem:
    """The approval queued the project (ProjectOutbound, in its transaction) and ProjectSender
    makes it in NetSuite, so a card never waits on NetSuite: a project still on its way has no
    number yet, and the request shows it being created until the number is stored."""

    def __init__(self, requests: ServiceRequestRepository) -> None:
        self._requests = requests

    async def create_project(self, order: ProjectOrder, now: datetime) -> Project:
        """The request's project: its NetSuite number if it came already, else None (queued)."""
        request = await self._requests.get(order.request_number)
        number = request.project_number if request is not None else None
        return Project(number, order.request_number, now)

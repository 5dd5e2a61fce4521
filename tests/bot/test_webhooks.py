"""The webhook routes of systems of record exist only where the profile uses that system."""

from __future__ import annotations

from tests.harness.desk import Desk


async def test_without_zendesk_the_route_is_not_there(desk: Desk):
    response = await desk.client.post("/api/webhooks/zendesk", data=b"{}")

    assert response.status == 404

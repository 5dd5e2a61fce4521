"""The webhook routes of systems of record exist only where the profile uses that system."""

from __future__ import annotations

from tests.harness.desk import Desk


async def test_without_zendesk_the_route_is_not_there(desk: Desk):
    response = await desk.client.post("/api/webhooks/zendesk", data=b"{}")

    assert response.status == 404


async def test_without_hubspot_tickets_the_hubspot_route_is_not_there(desk: Desk):
    response = await desk.client.post("/api/webhooks/hubspot", data=b"[]")

    assert response.status == 404

"""Closure with Zendesk: the customer is asked to confirm there, and a reopen after Zendesk
closed the ticket continues as a follow-up linked on the timeline."""

from __future__ import annotations

from bot.keys import SERVICES
from services.sync.zendesk.translate import ASK_TO_CONFIRM
from services.tickets.closure import resolve
from services.tickets.describe import describe
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.sync import Clock
from tests.harness.triage import in_channel, triage_desk
from tests.harness.zendesk_desk import comments, deliver


async def test_resolve_asks_the_customer_and_a_reopen_after_zendesk_closed_it_follows_up(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    services = desk.app[SERVICES]
    mary, _, _ = await triage_desk(desk)
    in_channel(await mary.says("file plc"))
    await mary.says("assign BP-1001 kevin")
    await services.tickets.change(
        "BP-1001",
        lambda t: resolve(
            t, "kevin", services.profile, clock.now, "Replaced the sensor",
            confirmation_requested=True,
        ),
    )  # fmt: skip
    await deliver(desk, clock)
    first = int((await services.tickets.get("BP-1001")).external_id)
    assert zendesk.store.tickets[first]["status"] == "solved"
    assert comments(zendesk, first)[-1] == (f"Replaced the sensor\n\n{ASK_TO_CONFIRM}", True)

    zendesk.store.close(first)  # Zendesk's automation, days later
    await mary.says("reopen BP-1001 The alarm is back")
    await deliver(desk, clock)

    ticket = await services.tickets.get("BP-1001")
    follow_up = zendesk.store.tickets[int(ticket.external_id)]
    assert follow_up["id"] != first and follow_up["status"] == "open"
    assert follow_up["via"]["source"] == {"from": {"ticket_id": first}, "rel": "follow_up"}
    assert zendesk.store.tickets[first]["status"] == "closed"
    lines = [describe(services.profile, e) for e in await services.tickets.events(ticket.id)]
    assert any(f"follow-up Zendesk #{follow_up['id']}" in line for line in lines)

"""The closing warning where HubSpot keeps the tickets: sent in the ticket's conversation.

KD-1001 was logged from Dana's e-mail, so HubSpot has its conversation, and the desk warns her
there itself on the 7th silent business day; it closes 3 business days later. KD-1002 has no
conversation: HubSpot cannot start one, so Sam gets the warning to send. The job only queues
the warning; the sync worker (pumped by `deliver`) sends it, and only then does it count.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.keys import HUBSPOT_SYNC_WORKER, SERVICES
from services.scheduler import skipping
from services.settings import Settings
from services.tickets import TicketStatus
from services.tickets.autoclose import warned_at
from tests.harness.cards import texts
from tests.harness.clock import tick
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_desk import deliver
from tests.harness.routines import SENDER, central, desk_on_hubspot, kinetic_ticket, kinetic_user
from tests.harness.tickets import cards_in_chat, stored, timeline_lines

MONDAY_9AM = central(2026, 11, 30, 9)


@pytest.fixture
async def on_hubspot(
    settings: Settings, connector: FakeConnector, tmp_path: Path
) -> AsyncIterator[tuple[Desk, FakeHubSpot]]:
    """The Kinetic desk on the fake HubSpot."""
    async with desk_on_hubspot(settings, connector, tmp_path) as running:
        yield running


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def test_the_desk_warns_in_the_conversation_and_closes_three_days_later(on_hubspot):
    desk, hubspot = on_hubspot
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    thread = hubspot.conversations.email_thread(
        "8801", "dana@acme.example", "Approvals stuck since 6.1", "The approval node hangs."
    )
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact", external_id="8801")
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact", external_id="8802")

    mark = len(desk.connector.sent)
    await tick(desk, central(2026, 12, 9, 9))
    assert hubspot.conversations.replies(thread) == [], "the job only queued it"
    await deliver(desk)  # as the background worker would, at once
    await tick(desk, central(2026, 12, 9, 10))
    await deliver(desk)
    await desk.settled()

    [warning] = hubspot.conversations.replies(thread)
    assert warning["text"] == (
        "We have not heard from you about KD-1001 (Approval node never completes.). Unless you "
        "reply, we will close it in 3 business days; a reply, even a short one, keeps it open."
    )
    assert (warning["subject"], warning["createdBy"]) == ("Re: Approvals stuck since 6.1", SENDER)
    assert warning["recipients"][0]["deliveryIdentifier"]["value"] == "dana@acme.example"
    assert (await timeline_lines(desk, "KD-1001"))[-1] == (
        f"The desk warned the customer that it closes without a reply (the HubSpot "
        f"conversation): {warning['text']}"
    )
    warned = cards_in_chat(desk, sam, mark, lambda heading: heading.startswith("Warn the customer"))
    handed = [texts(sent.card)[:2] for sent in warned]
    assert handed == [
        [
            "Warn the customer of KD-1002 before it closes",
            "The desk cannot send it: HubSpot can only answer in a conversation the customer "
            "started, and this ticket has none (it was not logged from an e-mail or a chat). "
            "Send it to the customer yourself (edit it first if you like), then press Sent it.",
        ]
    ]

    await tick(desk, central(2026, 12, 14, 8))
    assert (await stored(desk, "KD-1001")).status is TicketStatus.WAITING_ON_CUSTOMER
    # Three business days after the warning went out (the worker sent it just after 9:00).
    await tick(desk, central(2026, 12, 14, 10))
    assert (await stored(desk, "KD-1001")).status is TicketStatus.CLOSED
    assert (await stored(desk, "KD-1002")).status is TicketStatus.WAITING_ON_CUSTOMER
    assert len(hubspot.conversations.replies(thread)) == 1, "warned once"


async def test_hubspot_down_leaves_the_warning_for_the_next_hour(on_hubspot):
    desk, hubspot = on_hubspot
    thread = hubspot.conversations.email_thread("8801", "dana@acme.example", "Stuck", "Help")
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact", external_id="8801")

    hubspot.down = True
    await tick(desk, central(2026, 12, 9, 9))
    await desk.app[HUBSPOT_SYNC_WORKER].pump()
    assert hubspot.conversations.replies(thread) == []
    assert "warned the customer" not in (await timeline_lines(desk, "KD-1001"))[-1]
    assert await warned_at(desk.app[SERVICES], await stored(desk, "KD-1001")) is None

    hubspot.down = False
    await tick(desk, central(2026, 12, 9, 10))  # on its way already: not queued again
    await deliver(desk)
    assert len(hubspot.conversations.replies(thread)) == 1

"""Status updates where HubSpot keeps the tickets: sent in the customer's conversation.

KD-1001 was logged from Dana's e-mail and escalated at once on Monday 30 Nov 2026, 09:00
Central. Kinetic's profile has the desk send the update itself every business day; with
send = "owner" Sam gets it to edit and presses Send to the customer. Either way the job or the
card only queues it: the sync worker (pumped here by `deliver`) sends it, and only then is it
recorded as sent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.keys import HUBSPOT_SYNC_WORKER, SERVICES
from cards.customer_message import SEND
from services.scheduler import skipping
from services.settings import Settings
from tests.harness.cards import texts
from tests.harness.clock import freeze, tick
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_desk import deliver
from tests.harness.routines import (
    central,
    desk_on_hubspot,
    escalate_at_once,
    kinetic_ticket,
    kinetic_user,
)
from tests.harness.tickets import cards_in_chat, replied_card, timeline_lines

MONDAY_9AM = central(2026, 11, 30, 9)
THREADS = "/conversations/v3/conversations/threads"
BY_OWNER = ('send = "automatic"', 'send = "owner"')


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def escalated_from_an_email(desk: Desk, hubspot: FakeHubSpot) -> str:
    """KD-1001, logged from Dana's e-mail and escalated at once; its thread's id."""
    thread = hubspot.conversations.email_thread(
        "8801", "dana@acme.example", "Production approvals down", "Nothing gets approved."
    )
    filed = await kinetic_ticket(
        desk, MONDAY_9AM, status="with_team", external_id="8801", environment="production"
    )
    await escalate_at_once(desk, filed, MONDAY_9AM)
    return thread


def update_cards(desk: Desk, chat, mark: int) -> list:
    """The status-update cards this person got since `mark`."""
    return cards_in_chat(
        desk, chat, mark, lambda heading: heading.endswith("is due a status update")
    )


async def test_the_desk_sends_each_business_day_s_update_in_the_conversation(
    settings: Settings, connector: FakeConnector, tmp_path: Path
):
    async with desk_on_hubspot(settings, connector, tmp_path) as (desk, hubspot):
        sam = kinetic_user(desk, "sam")
        await sam.says("whoami")
        thread = await escalated_from_an_email(desk, hubspot)
        mark = len(desk.connector.sent)

        await tick(desk, central(2026, 11, 30, 16))
        await deliver(desk)
        assert hubspot.conversations.replies(thread) == []
        await tick(desk, central(2026, 12, 1, 9))
        assert hubspot.conversations.replies(thread) == [], "the job does not wait on HubSpot"
        assert (await timeline_lines(desk, "KD-1001"))[-1] == (
            "The desk queued a message to the customer (the HubSpot conversation)"
        )

        await deliver(desk)
        [update] = hubspot.conversations.replies(thread)
        assert update["text"].startswith("An update on KD-1001 (Approval node never completes.)")
        assert (await timeline_lines(desk, "KD-1001"))[-1] == (
            f"The desk sent the customer a status update (the HubSpot conversation): "
            f"{update['text']}"
        )
        await tick(desk, central(2026, 12, 1, 10))
        await deliver(desk)
        assert len(hubspot.conversations.replies(thread)) == 1, "not queued twice"
        await desk.settled()
        assert update_cards(desk, sam, mark) == [], "nothing for Sam to do"

        await tick(desk, central(2026, 12, 2, 9))
        await deliver(desk)
        assert len(hubspot.conversations.replies(thread)) == 2


async def test_sam_edits_the_update_and_has_the_desk_send_it(
    settings: Settings, connector: FakeConnector, tmp_path: Path
):
    async with desk_on_hubspot(settings, connector, tmp_path, BY_OWNER) as (desk, hubspot):
        sam = kinetic_user(desk, "sam")
        await sam.says("whoami")
        thread = await escalated_from_an_email(desk, hubspot)
        mark = len(desk.connector.sent)
        await tick(desk, central(2026, 12, 1, 9))
        await desk.settled()
        [card] = update_cards(desk, sam, mark)
        buttons = [a["title"] for a in card.card["actions"]]
        assert buttons == ["Send to the customer", "I sent it myself", "Open ticket"]

        written = "We found it: a fix ships in 6.1.3 this Friday; until then, restart the node."
        freeze(desk, central(2026, 12, 1, 10))
        hubspot.down = True
        done = replied_card(
            await sam.executes(card, SEND, number="KD-1001", purpose="status_update", text=written)
        )
        assert texts(done)[:2] == [
            "KD-1001: on its way to the customer",
            "Sam sent it on its way (the HubSpot conversation), Tue 01 Dec 2026 10:00 CST. It "
            "counts as sent once it went out; if it cannot go, you get the text to send yourself.",
        ]
        assert hubspot.calls("POST", f"{THREADS}/{thread}/messages") == [], "answered first"

        await desk.app[HUBSPOT_SYNC_WORKER].pump()  # HubSpot is down: it stays queued
        assert hubspot.conversations.replies(thread) == []
        assert "sent the customer" not in (await timeline_lines(desk, "KD-1001"))[-1]

        hubspot.down = False
        await deliver(desk)
        [reply] = hubspot.conversations.replies(thread)
        assert reply["text"] == written
        assert (await timeline_lines(desk, "KD-1001"))[-1].startswith(
            "Sam sent the customer a status update (the HubSpot conversation): We found it"
        )


async def test_an_update_whose_answer_was_lost_is_not_posted_twice(
    settings: Settings, connector: FakeConnector, tmp_path: Path
):
    async with desk_on_hubspot(settings, connector, tmp_path) as (desk, hubspot):
        thread = await escalated_from_an_email(desk, hubspot)
        await tick(desk, central(2026, 12, 1, 9))
        await deliver(desk)
        [monday] = hubspot.conversations.replies(thread)

        # Tuesday's update, the same words: HubSpot posts it, but its answer never arrives.
        hubspot.lose_answers(1, f"{THREADS}/{thread}/messages", "POST")
        await tick(desk, central(2026, 12, 2, 10))  # a business day after Monday's went out
        await deliver(desk)

        assert len(hubspot.calls("POST", f"{THREADS}/{thread}/messages")) == 2, "not re-posted"
        [_, tuesday] = hubspot.conversations.replies(thread)
        assert tuesday["text"] == monday["text"]
        services = desk.app[SERVICES]
        ticket = await services.tickets.get("KD-1001")
        sent = [
            (e.after or {}).get("message_id")
            for e in await services.tickets.events(ticket.id)
            if (e.after or {}).get("purpose") == "status_update" and e.kind.value == "note"
        ]
        assert sent == [monday["id"], tuesday["id"]], "each recorded once, with its own id"

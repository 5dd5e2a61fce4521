"""The Status form and Accept follow the desk's statuses by role, whatever the desk calls them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from cards.ticket import ACCEPT, SET_STATUS
from services.settings import Settings
from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.profiles import bestpack_with
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    replied_card,
    replied_message,
    stored,
    ticket_for,
)

LATER = MONDAY_9AM + timedelta(hours=2)
# A desk that never marks work as started, and calls waiting on parts or vendors "On hold".
NO_IN_PROGRESS = (
    '[[statuses]]\nkey = "in_progress"\nlabel = "In progress"\nrole = "in_progress"\n'
    'zendesk = "open"\n\n',
    "",
)
ON_HOLD = (
    ('key = "waiting_on_parts"\nlabel = "Waiting on parts"', 'key = "on_hold"\nlabel = "On hold"'),
    ('"waiting_on_customer", "waiting_on_parts"]', '"waiting_on_customer", "on_hold"]'),
)


@pytest.fixture
async def own_desk(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The bot on a BestPack variant with no in-progress status and "On hold" for the parts."""
    variant = bestpack_with(settings, tmp_path, "own-statuses", NO_IN_PROGRESS, *ON_HOLD)
    running = Desk(variant, connector)
    await running.start()
    yield running
    await running.close()


def status_choices(card: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, key) of each status the card's Status form offers, in order."""
    form = next(a["card"] for a in card["actions"] if a["title"] == "Status")
    choices = next(e for e in form["body"] if e.get("id") == "status")["choices"]
    return [(c["title"], c["value"]) for c in choices]


async def test_the_status_form_never_offers_the_status_the_ticket_is_in(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    assert status_choices(sent.card) == [
        ("In progress", "in_progress"),
        ("Waiting on customer", "waiting_on_customer"),
        ("Waiting on parts", "waiting_on_parts"),
    ]

    waiting = await kevin.executes(sent, SET_STATUS, number="BP-1001", status="waiting_on_parts")

    assert status_choices(replied_card(waiting)) == [
        ("In progress", "in_progress"),
        ("Waiting on customer", "waiting_on_customer"),
    ]
    working = await kevin.executes(sent, SET_STATUS, number="BP-1001", status="in_progress")
    assert status_choices(replied_card(working)) == [
        ("Waiting on customer", "waiting_on_customer"),
        ("Waiting on parts", "waiting_on_parts"),
    ]


async def test_the_status_form_offers_the_desks_own_statuses(own_desk: Desk):
    await ticket_for(own_desk, "kevin")
    kevin = own_desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    assert status_choices(sent.card) == [
        ("Waiting on customer", "waiting_on_customer"),
        ("On hold", "on_hold"),
    ]

    held = replied_card(await kevin.executes(sent, SET_STATUS, number="BP-1001", status="on_hold"))

    assert "Now On hold. The SLA clock is paused until work resumes." in texts(held)
    assert status_choices(held) == [("Waiting on customer", "waiting_on_customer")]
    assert (await stored(own_desk, "BP-1001")).status is TicketStatus.WAITING_ON_OTHER


async def test_accept_only_acknowledges_on_a_desk_without_an_in_progress_status(own_desk: Desk):
    await ticket_for(own_desk, "kevin", acknowledged=False)
    freeze(own_desk, LATER)
    kevin = own_desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    assert buttons(sent.card)[0] == "Accept"

    card = replied_card(await kevin.executes(sent, ACCEPT, number="BP-1001"))

    assert "Accepted: it is yours." in texts(card)
    assert facts(card)["Status"] == "Assigned"
    assert "Accept" not in buttons(card)
    ticket = await stored(own_desk, "BP-1001")
    assert (ticket.status, ticket.acknowledged_at) == (TicketStatus.ASSIGNED, LATER)
    again = await kevin.executes(sent, ACCEPT, number="BP-1001")
    assert replied_message(again) == "You already accepted BP-1001."

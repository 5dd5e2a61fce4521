"""Intake with BP Search at hand: a desk with the sample installed base, and forms read and
sent the way Teams does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from bot.keys import DATABASE
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Chat, Desk, Sent
from tests.harness.installed_base import stock
from tests.harness.intake import form_id, input_values

ERECTOR = "machine:M-1:CE4-10421"  # the value of Harvest Valley's case erector in the dropdown
CALL = {  # what Mary types from the call before she looks the machine up
    "issue_description": "Case erector stops with a glue fault at every restart.",
    "issue_type": "controls",
    "production_impact": "true",
}


async def stocked_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A running desk with the sample installed base (tests/harness/installed_base.py)."""
    running = Desk(settings, connector)
    await running.start()
    await stock(running.app[DATABASE])
    yield running
    await running.close()


def as_teams_sends(card: dict, **typed: Any) -> dict[str, Any]:
    """Every input of the card as Teams sends it on a button press ("" when empty)."""
    return {k: "" if v is None else v for k, v in input_values(card).items()} | typed


async def new_form(person: Chat) -> tuple[Sent, str]:
    """`new ticket`: the intake card and its form id."""
    sent = (await person.says("new ticket")).last
    return sent, form_id(sent.card)

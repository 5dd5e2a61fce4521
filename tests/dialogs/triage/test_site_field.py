"""Triage reads who goes on site from the intake field in the site role, not any state field."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from cards.intake import SUBMIT_VERB
from services.settings import Settings
from tests.harness.cards import facts, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.intake import GOOD, form_id
from tests.harness.profiles import bestpack_with
from tests.harness.tickets import replied_card

SITE = '[[intake]]\nid = "site_state"\n'
# A state question of its own before the machine's site: the billing address's.
BILLING_FIRST = (
    SITE,
    '[[intake]]\nid = "billing_state"\nlabel = "Billing address (US state)"\nkind = "choice"\n'
    'choices_from = "us_states"\n\n' + SITE,
)


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The bot on a BestPack variant whose intake asks the billing state before the site's."""
    running = Desk(bestpack_with(settings, tmp_path, "billing-state", BILLING_FIRST), connector)
    await running.start()
    yield running
    await running.close()


async def file(mary: Chat, **changed: str) -> Answer:
    """Mary files the usual call through the intake form, with these answers changed."""
    form = (await mary.says("new ticket")).last
    return await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD | changed)


async def test_the_machine_site_decides_who_goes_not_the_billing_address(desk: Desk):
    mary = desk.user("Mary")
    filed = await file(mary, billing_state="ca", site_state="nj")
    triage = replied_card(filed)  # Mary triages: the triage card is her answer
    assert facts(triage)["On-site service"] == "PLC Paramedics (NJ)"


async def test_only_a_missing_site_leaves_who_goes_unknown(desk: Desk):
    mary = desk.user("Mary")
    filed = await file(mary, billing_state="", site_state="")
    triage = replied_card(filed)
    shown = texts(triage)
    assert "• Billing address (US state) not given." in shown
    assert "• Machine site (US state) not given, so who would go on site is unknown." in shown
    assert "On-site service" not in facts(triage)

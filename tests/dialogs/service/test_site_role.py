"""A service request about a ticket takes the site's state from the intake field in that role."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from services.tickets import TicketDraft
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.profiles import bestpack_with
from tests.harness.tickets import MONDAY_9AM, freeze, inputs, services

MACHINE_SITE = ('id = "site_state"', 'id = "machine_site"')  # the intake question's own id


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The bot on a BestPack variant whose intake calls its site question `machine_site`."""
    running = Desk(bestpack_with(settings, tmp_path, "machine-site", MACHINE_SITE), connector)
    await running.start()
    yield running
    await running.close()


async def test_the_form_starts_from_the_answer_to_the_site_question(desk: Desk):
    freeze(desk, MONDAY_9AM)
    draft = TicketDraft("Wrapper film tears", company="Acme Foods", fields={"machine_site": "ut"})
    await services(desk).tickets.create(draft, "mary", "acme-1", MONDAY_9AM)

    form = (await desk.user("Mary").says("service request BP-1001")).last

    assert {k: inputs(form.card)[k] for k in ("site", "site_state", "ticket")} == {
        "site": "Acme Foods",
        "site_state": "ut",
        "ticket": "BP-1001",
    }

"""A ticket the desk refuses comes back with the reason by the field in the description role."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES
from cards.intake import SUBMIT_VERB
from services.settings import Settings
from tests.harness.cards import texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, form_id, input_values
from tests.harness.profiles import bestpack_with

WHAT_HAPPENED = ('id = "issue_description"', 'id = "what_happened"')  # the question's own id


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The bot on a BestPack variant whose intake calls its description `what_happened`."""
    running = Desk(bestpack_with(settings, tmp_path, "what-happened", WHAT_HAPPENED), connector)
    await running.start()
    yield running
    await running.close()


async def test_a_refused_ticket_says_why_by_the_description(desk: Desk):
    mary = desk.user("Mary")
    form = (await mary.says("new ticket")).last
    answers = {k: v for k, v in GOOD.items() if k != "issue_description"}
    # The form takes a line of 255 characters; the ticket keeps 128 of a machine model.
    typed = answers | {"what_happened": GOOD["issue_description"], "machine_model": "M" * 200}

    answer = await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **typed)

    card = answer.body["value"]
    assert "Please fix 1 field below." in texts(card)
    ids = [element.get("id") for element in card["body"]]
    under = card["body"][ids.index("what_happened") + 1]
    assert under["text"] == "Machine model is too long: keep it to 128 characters."
    assert input_values(card)["what_happened"] == GOOD["issue_description"]
    assert await desk.app[SERVICES].tickets.untriaged_or_unassigned() == []

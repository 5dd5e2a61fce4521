"""New drafts go to the owner of the step in the knowledge role, whatever its number."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.cards import texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.knowledge import card_in, resolve_worth_an_article, team
from tests.harness.profiles import bestpack_with
from tests.harness.tickets import replied_card

# Knowledge capture numbered 6 and service scheduling 7 (Mary's step); Mary may publish too,
# so sending drafts to step 7's owner would pass every other check.
RENUMBERED = (
    ('number = 6\nkey = "service_scheduling"', 'number = 7\nkey = "service_scheduling"'),
    ('number = 7\nkey = "knowledge_capture"', 'number = 6\nkey = "knowledge_capture"'),
    (
        'roles = ["intake_admin", "triage"]',
        'roles = ["intake_admin", "triage", "engineering_manager"]',
    ),
)


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The bot on a BestPack variant that numbers its steps its own way."""
    running = Desk(bestpack_with(settings, tmp_path, "renumbered", *RENUMBERED), connector)
    await running.start()
    yield running
    await running.close()


async def test_the_draft_goes_to_the_knowledge_steps_owner(desk: Desk):
    people = await team(desk)

    resolved = await resolve_worth_an_article(desk, people)

    assert texts(replied_card(resolved))[1].endswith(
        "KB-1 drafted for Allison to edit and publish."
    )
    draft = card_in(resolved, people.allison)
    assert "New draft from BP-1001: check it, edit it, then publish it." in texts(draft.card)

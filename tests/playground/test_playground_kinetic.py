"""The Kinetic Data desk in the Agents Playground, as `SUPPORT_PROFILE=kinetic make playground`
starts it: Sam files a production call, DevOps is told at once, Sam pulls Engineering in and logs
his time. Opt-in with PLAYGROUND=1 (tests/playground/conftest.py).

Only Sam's personal chat is on screen; Devon and Erin install the app through a mocked
installationUpdate, and what reaches their chats is read from the playground's log stream.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cards.intake import SUBMIT_VERB
from scripts.playground import Playground, card_title
from tests.harness.cards import texts
from tests.harness.playground import card_of, the_card_in, the_card_reply
from tests.playground.conftest import ROOT

CALL = {
    "description": "Every approval in production fails since last night's upgrade.",
    "installation_type": "kinops",
    "environment": "production",
    "application": "Kinetic Request CE 6.1",
    "category": "problem",
    "type": "install",
}


@pytest.fixture(scope="module")
def playground_config() -> Path:
    """Kinetic's mock tenant: Sam types; Riley, Devon, Erin, Dana and Lee beside him."""
    return ROOT / ".m365agentsplayground.kinetic.yml"


@pytest.fixture(scope="module")
def bot_environment() -> dict[str, str]:
    """The bot on the Kinetic profile, scheduler off."""
    return {"SCHEDULER_ENABLED": "false", "SUPPORT_PROFILE": "kinetic"}


async def test_sam_files_a_production_call_devops_hears_at_once(pg: Playground):
    devon_chat = await pg.install_app("Devon")
    erin_chat = await pg.install_app("Erin")
    help_card = card_of(the_card_reply(await pg.say("help")))
    assert "Kinetic Data" in " ".join(texts(help_card))

    form = the_card_reply(await pg.say("new ticket"))
    filed = await pg.execute(form, SUBMIT_VERB, CALL)

    assert card_title(filed.card).startswith("Triage KD-1001"), texts(filed.card)
    said = " ".join(texts(filed.card))
    assert "Escalated at intake: environment is production → DevOps told" in said
    told = the_card_in(pg.logged_messages(devon_chat), "KD-1001")
    assert any("production" in line for line in texts(card_of(told))), texts(card_of(told))

    involved = await pg.say("involve KD-1001 engineering 6.1 approvals")
    logged = await pg.say("time KD-1001 30m call with the customer")
    assert [a["text"] for a in involved] == ["Engineering pulled in on KD-1001: Erin told."]
    asked = the_card_in(pg.logged_messages(erin_chat), "KD-1001")
    assert "Sam asks Engineering for help: 6.1 approvals" in texts(card_of(asked))
    [answer] = [a["text"] for a in logged]
    assert answer.startswith("Logged 30 min on KD-1001"), answer
    assert answer.endswith("KD-1001 has 30 min worked in all."), answer

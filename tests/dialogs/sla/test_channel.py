"""SLA breaches when the profile names a triage channel: the channel, or triage in person
while the bot cannot post there yet."""

from __future__ import annotations

import pytest

from tests.harness import activities as act
from tests.harness.cards import texts
from tests.harness.clock import tick
from tests.harness.desk import Desk
from tests.harness.profiles import with_channel
from tests.harness.sla import Team, alerts_to, at, file_and_assign

CHANNEL = act.Channel(channel_id="19:triage@thread.tacv2", name="Triage")


@pytest.fixture
def settings(settings, tmp_path):
    """The shipped BestPack profile with a triage channel."""
    return with_channel(settings, tmp_path, "triage", CHANNEL.channel_id)


def breaches_in_channel(desk: Desk, mark: int) -> list[str]:
    """The first lines of the SLA breach cards posted in the triage channel since `mark`."""
    return [
        texts(sent.card)[0]
        for sent in desk.connector.since(mark)
        if sent.conversation_id.startswith(CHANNEL.channel_id)
        and sent.card
        and texts(sent.card)[0].startswith("SLA breached")
    ]


async def test_a_breach_goes_to_the_channel_and_the_manager_not_to_each_triager(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    await team.mary.says_in_channel("whoami", CHANNEL)  # the bot can now post there
    await file_and_assign(desk, team)
    mark = len(desk.connector.sent)

    await tick(desk, at(11, 1))

    assert breaches_in_channel(desk, mark) == [
        "SLA breached: BP-1001 first response late by 1 business minute"
    ]
    assert not alerts_to(desk, team.mary, mark)
    assert len(alerts_to(desk, team.allison, mark)) == 1  # as the engineering manager
    assert len(alerts_to(desk, team.kevin, mark)) == 1  # as the assignee


async def test_while_the_channel_cannot_be_reached_triage_hears_in_person(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    await file_and_assign(desk, team)
    mark = len(desk.connector.sent)

    await tick(desk, at(11, 1))

    assert breaches_in_channel(desk, mark) == []
    for chat in (team.mary, team.allison):  # Allison triages and manages: told once
        [breach] = alerts_to(desk, chat, mark)
        assert texts(breach.card)[0].startswith("SLA breached: BP-1001")

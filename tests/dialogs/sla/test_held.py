"""Notices held for Allison until she opens the app: one summary of what still applies, as it
stands then, not a burst of cards some of which are no longer true.

The team and the tickets' deadlines: tests/harness/sla.py.
"""

from __future__ import annotations

from cards.ticket import ACCEPT
from tests.harness.cards import texts
from tests.harness.clock import freeze, tick
from tests.harness.desk import Desk
from tests.harness.sla import Team, at
from tests.harness.tickets import personal_chat


async def test_held_notices_arrive_as_one_summary_of_what_still_applies(desk: Desk):
    team = Team(desk)
    for chat in (team.mary, team.kevin):  # Allison has not opened the app yet
        await chat.says("whoami")
    freeze(desk, at(9))
    await team.mary.says("file Sealer stops after 20 cases")
    await team.mary.says("file Wrapper film tears")
    await tick(desk, at(9, 45))  # both: acknowledgement due in 15 minutes
    freeze(desk, at(9, 50))
    assigned = await team.mary.says("assign BP-1001 kevin")
    [notice] = [
        s for s in assigned.sent if s.card and s.conversation_id == personal_chat(team.kevin)
    ]
    await team.kevin.executes(notice, ACCEPT, number="BP-1001")
    await tick(desk, at(11, 1))  # BP-1001 missed its first response, BP-1002 both deadlines

    arrival = await team.allison.installs_the_app()
    cards = [
        s.card for s in arrival.sent if s.card and s.conversation_id == personal_chat(team.allison)
    ]
    [summary] = [card for card in cards if texts(card)[0].startswith("While you were away")]
    assert not [card for card in cards if texts(card)[0].startswith("SLA ")], "no burst"
    assert texts(summary) == [
        "While you were away: 2 notices for you",
        "SLA breached: BP-1002 acknowledgement and first response are late",
        "Now: New · nobody yet",
        "SLA breached: BP-1001 first response late by 1 business minute",
        "Now: In progress · Kevin",
        # The acknowledgement warnings: met since (BP-1001), outdone by the breach (BP-1002).
        "2 more notices were no longer true and left out.",
    ]

    later = await team.allison.says("whoami")
    assert not [s for s in later.sent if s.card and texts(s.card)[0].startswith("While")]

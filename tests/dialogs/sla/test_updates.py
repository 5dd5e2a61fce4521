"""A breach card follows its ticket: updated in place when it is assigned or acknowledged.

The team and the ticket's deadlines: tests/harness/sla.py.
"""

from __future__ import annotations

from cards.ticket import ACCEPT, REASSIGN
from tests.harness.cards import facts, texts
from tests.harness.clock import freeze, tick
from tests.harness.desk import Desk
from tests.harness.sla import Team, alerts_to, at


async def test_the_breach_card_shows_the_ticket_as_it_moves_instead_of_a_new_card(desk: Desk):
    team = Team(desk)
    await team.say_hello()
    freeze(desk, at(9))
    await team.mary.says("file Wrapper film tears")
    await tick(desk, at(11, 1))
    [breach] = alerts_to(desk, team.allison)
    assert facts(breach.card)["Assignee"] == "Nobody yet"

    mark = len(desk.connector.sent)
    freeze(desk, at(11, 5))
    await team.mary.says("assign BP-1001 kevin")
    [assigned] = alerts_to(desk, team.allison, mark)
    assert (assigned.op, assigned.activity_id) == ("update", breach.activity_id)
    assert texts(assigned.card)[0] == texts(breach.card)[0], "what was late, as it was told"
    assert facts(assigned.card)["Assignee"] == "Kevin"

    [notice] = [
        s
        for s in desk.connector.since(mark)
        if s.card and s.conversation_id.endswith(team.kevin.user.user_id)
    ]
    mark = len(desk.connector.sent)
    await team.kevin.executes(notice, ACCEPT, number="BP-1001")
    [accepted] = alerts_to(desk, team.allison, mark)
    assert accepted.op == "update"
    assert "Since met: acknowledgement." in texts(accepted.card)[-1]
    assert [a["verb"] for a in accepted.card["actions"]][-1] == REASSIGN, "first response: late"

    mark = len(desk.connector.sent)
    await tick(desk, at(11, 10))
    assert not alerts_to(desk, team.allison, mark), "no new card follows"

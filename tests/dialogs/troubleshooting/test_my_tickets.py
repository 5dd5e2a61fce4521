"""`my tickets` for someone with nothing assigned: what they follow, and for triage the queue."""

from __future__ import annotations

from cards.queue import QUEUE
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.tickets import MONDAY_9AM, buttons, freeze, ticket_for


async def test_triage_with_nothing_assigned_sees_what_they_filed_and_the_queue(desk: Desk):
    freeze(desk, MONDAY_9AM)
    await ticket_for(desk, "kevin", "Sealer stops after 20 cases")
    await ticket_for(desk, None, "Labeler skips", priority="urgent")
    await ticket_for(desk, "sean", "Motor hums", acknowledged=False)
    mary = desk.user("Mary")

    answer = await mary.says("my tickets")

    shown = texts(answer.card)
    assert shown[:3] == [
        "No open tickets are assigned to you",
        "2 tickets wait in the queue for triage: `queue` lists them.",
        "Open tickets you filed or acted on (3)",
    ]
    assert [t.split("** · ")[1] for t in shown if t.startswith("**")] == [
        "Motor hums",  # not yet acknowledged: the repository's most urgent
        "Labeler skips",
        "Sealer stops after 20 cases",
    ]
    assert buttons(answer.card)[-1] == "Queue"
    queue = await mary.executes(answer.last, QUEUE)
    assert queue.body["value"]["body"][0]["text"] == "Queue: 2 tickets waiting"


async def test_someone_outside_triage_with_nothing_is_not_sent_to_the_queue(desk: Desk):
    freeze(desk, MONDAY_9AM)
    await ticket_for(desk, "kevin")
    jordan = desk.user("Jordan")

    card = (await jordan.says("my tickets")).card

    assert texts(card) == ["No open tickets are assigned to you"]
    assert "actions" not in card

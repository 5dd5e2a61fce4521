"""Process 4 from Allison's side: the `escalations` queue, accepting from the ticket card, and
an engineer who owns the engineering while the assignee stays on the customer."""

from __future__ import annotations

from cards.escalation import ESCALATION_ACCEPT
from cards.escalation_queue import ESCALATION_REVIEW
from services.escalations import EscalationStatus
from services.tickets import EventKind, TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.escalation import card_to, hand_off, kevins_ticket, latest, team
from tests.harness.tickets import buttons, replied_card, replied_message, services, stored


async def test_allison_finds_the_waiting_handoff_in_her_queue_and_accepts_it(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    empty = await allison.says("escalations")
    assert texts(empty.card)[0] == "No escalations wait for you"
    await hand_off(kevin)

    queue = await allison.says("escalations")

    assert texts(queue.card)[:2] == [
        "Escalations waiting for you (1)",
        "**BP-1001** · Sealer stops after 20 cases",
    ]
    row_button = queue.card["body"][1]["columns"][1]["items"][0]["actions"][0]
    assert (row_button["title"], row_button["verb"]) == ("Accept and assign", ESCALATION_REVIEW)
    review = replied_card(await allison.executes(queue.last, ESCALATION_REVIEW, number="BP-1001"))
    assert buttons(review) == ["Accept and assign", "Ask for more info", "Open ticket"]
    accepted = await allison.executes(
        queue.last,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
    )
    assert texts(replied_card(accepted))[1].startswith("Accepted: Sean has the ticket now.")
    assert texts((await allison.says("escalations")).card)[0] == "No escalations wait for you"
    # A row pressed once it was answered shows the ticket as it is now.
    again = replied_card(await allison.executes(queue.last, ESCALATION_REVIEW, number="BP-1001"))
    assert texts(again)[1] == "BP-1001 no longer waits for Engineering's answer."


async def test_only_those_who_accept_escalations_have_the_queue(desk: Desk):
    jordan = desk.user("Jordan")
    only = "Only Allison may take escalations to Engineering."
    answer = await jordan.says("escalations")
    assert (answer.texts, answer.cards) == ([only], [])
    forged = await jordan.executes(answer.last, ESCALATION_REVIEW, number="BP-1001")
    assert replied_message(forged) == only


async def test_allison_accepts_from_the_ticket_card_and_kevin_stays_on_the_customer(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison, sean = await team(desk, "Kevin", "Allison", "Sean")
    await hand_off(kevin)
    shown = await allison.says("ticket BP-1001")
    assert "Accept and assign" in buttons(shown.card)
    assert "Resolve" not in buttons(shown.card)
    accept_form = next(a for a in shown.card["actions"] if a["title"] == "Accept and assign")
    toggle = next(i for i in accept_form["card"]["body"] if i["id"] == "keep_assignee")
    assert toggle["title"] == "Kevin stays on the customer (keeps the ticket)"

    answer = await allison.executes(
        shown.last,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
        keep_assignee="true",
    )

    assert texts(replied_card(answer))[1].startswith(
        "Accepted: Sean owns the engineering; Kevin stays on the customer."
    )
    ticket = await stored(desk, "BP-1001")
    assert (ticket.assignee_id, ticket.status) == ("kevin", TicketStatus.IN_PROGRESS)
    assert (await latest(desk)).status is EscalationStatus.ACCEPTED
    assert (
        "Allison made you the engineering owner of this escalation; Kevin keeps the ticket"
        in (texts(card_to(answer, sean).card)[1])
    )
    assert texts(card_to(answer, kevin).card)[1] == (
        "Allison accepted your escalation; Sean owns the engineering; Kevin stays on the customer."
    )
    # Both see who owns what; Sean, not the assignee, records the RCCA from his card.
    kevins = (await kevin.says("ticket BP-1001")).card
    assert (facts(kevins)["Assignee"], facts(kevins)["Engineering owner"]) == ("Kevin", "Sean")
    assert buttons((await sean.says("ticket BP-1001")).card) == ["Add note", "RCCA", "Refresh"]
    # Not an assignment: the scorecard goes on counting the ticket as Kevin's.
    events = await services(desk).tickets.events(ticket.id)
    assert [e.after.get("assignee_id") for e in events if e.kind is EventKind.ASSIGNED] == ["kevin"]

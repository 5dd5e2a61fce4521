"""Process 4's review as conversations: Allison takes Kevin's handoff or asks him for more."""

from __future__ import annotations

from cards.escalation import ESCALATION_ACCEPT, ESCALATION_INFO, ESCALATION_SUBMIT
from cards.ticket import ESCALATE
from services.escalations import EscalationStatus
from services.tickets import TicketStatus
from tests.harness.cards import facts, reads_as_alarm, texts
from tests.harness.desk import Desk
from tests.harness.escalation import COMPLETE, card_to, hand_off, kevins_ticket, latest, team
from tests.harness.tickets import (
    buttons,
    inputs,
    replied_card,
    replied_message,
    stored,
    timeline_lines,
)


async def test_allison_accepts_assigns_sean_and_kevin_hears_back(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison, sean = await team(desk, "Kevin", "Allison", "Sean")
    review = card_to((await hand_off(kevin))[0], allison)
    escalation_id = (await latest(desk)).id

    answer = await allison.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=escalation_id,
        engineer="sean",
        note="Start with the heater relay.",
    )

    decided = replied_card(answer)
    assert "Accepted: Sean has the ticket now. Kevin and Sean get it in their chat." in texts(
        decided
    )
    assert buttons(decided) == ["Open ticket"]
    told = card_to(answer, kevin).card
    assert "Allison accepted your escalation; Sean has the ticket now." in texts(told)
    handed = card_to(answer, sean).card
    assert texts(handed)[0] == "Escalated to you: BP-1001 · Sealer stops after 20 cases"
    assert "Allison: Start with the heater relay." in texts(handed)
    assert "Record RCCA" in buttons(handed)
    ticket = await stored(desk, "BP-1001")
    assert (ticket.assignee_id, ticket.status) == ("sean", TicketStatus.IN_PROGRESS)
    assert (await latest(desk)).status is EscalationStatus.ACCEPTED
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "Allison assigned it to Sean: Escalation accepted: Sean owns the engineering. "
        "Start with the heater relay."
    )
    mine = (await sean.says("ticket BP-1001")).card
    assert facts(mine)["Escalation"] == "Accepted by Allison"
    assert facts(mine)["Engineering owner"] == "Sean"
    assert facts(mine)["RCCA"] == "Not recorded yet: needed before it can be resolved"
    # In progress again: nothing to accept or resume.
    assert buttons(mine) == ["Add note", "Status", "RCCA", "Resolve", "Refresh"]


async def test_allison_is_told_when_sean_does_not_have_the_app_yet(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    review = card_to((await hand_off(kevin))[0], allison)

    answer = await allison.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
    )

    card = replied_card(answer)
    assert texts(card)[1:3] == [
        "Accepted: Sean has the ticket now. Kevin gets it in their chat.",
        "Sean hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Sean the install link if it is urgent.",
    ]
    assert not reads_as_alarm(card, "hasn't installed")


async def test_asking_for_more_info_reaches_kevin_who_completes_and_resends(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    review = card_to((await hand_off(kevin))[0], allison)
    first = await latest(desk)
    data = {"number": "BP-1001", "escalation_id": first.id}
    empty = await allison.executes(review, ESCALATION_INFO, **data, question=" ")
    assert replied_message(empty) == "Say what Engineering needs to know before it takes BP-1001."

    answer = await allison.executes(
        review, ESCALATION_INFO, **data, question="Which PLC program version is loaded?"
    )

    assert texts(replied_card(answer))[1] == (
        "Sent back to Kevin, asking: Which PLC program version is loaded? "
        "Kevin gets it in their chat."
    )
    question = card_to(answer, kevin)
    assert texts(question.card)[:2] == [
        "BP-1001: Engineering needs more information",
        "Allison asks: Which PLC program version is loaded?",
    ]
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.escalated) == (TicketStatus.IN_PROGRESS, False)

    form = replied_card(await kevin.executes(question, ESCALATE, number="BP-1001"))
    assert "Allison asked: Which PLC program version is loaded?" in texts(form)
    assert inputs(form)["containment"] == COMPLETE["containment"]
    resent = await kevin.executes(
        question,
        ESCALATION_SUBMIT,
        number="BP-1001",
        **COMPLETE | {"software_versions": "PLC program 2.14.3, HMI 5.2"},
    )

    second = await latest(desk)
    assert (second.id != first.id, second.status) == (True, EscalationStatus.REQUESTED)
    assert second.handoff.software_versions == "PLC program 2.14.3, HMI 5.2"
    assert facts(card_to(resent, allison).card)["Software"] == "PLC program 2.14.3, HMI 5.2"
    # The old review card no longer decides anything: it shows why, and no buttons to decide.
    stale = replied_card(await allison.executes(review, ESCALATION_ACCEPT, **data, engineer="sean"))
    assert texts(stale)[1].startswith("Allison already asked Kevin for more information")
    assert buttons(stale) == ["Open ticket"]


async def test_jordan_cannot_accept_even_with_a_forged_card(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    review = card_to((await hand_off(kevin))[0], allison)
    jordan = desk.user("Jordan")

    forged = await jordan.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="jordan",
        caller="allison",
        actor_id="allison",
        capability="accept_escalation",
    )

    assert replied_message(forged) == "Only Allison may take escalations to Engineering."
    ticket = await stored(desk, "BP-1001")
    assert (ticket.assignee_id, ticket.status) == ("kevin", TicketStatus.ESCALATED)
    assert (await latest(desk)).status is EscalationStatus.REQUESTED


async def test_a_second_manager_sees_the_decision_on_her_review_card(two_managers_desk: Desk):
    desk = two_managers_desk
    await kevins_ticket(desk)
    kevin, allison, mary = await team(desk, "Kevin", "Allison", "Mary")
    handed = (await hand_off(kevin))[0]
    review, marys = card_to(handed, allison), card_to(handed, mary)

    answer = await allison.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
    )

    updates = [s for s in answer.sent if s.op == "update"]
    assert [(u.conversation_id, u.activity_id) for u in updates] == [
        (marys.conversation_id, marys.activity_id)
    ]
    assert "Accepted: Sean has the ticket now." in texts(updates[0].card)[1]
    assert buttons(updates[0].card) == ["Open ticket"]

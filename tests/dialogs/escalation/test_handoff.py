"""Process 4's handoff as conversations: Kevin sends a ticket he is stuck on to Engineering."""

from __future__ import annotations

from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.ticket import ACCEPT, ESCALATE, RESOLVE, SET_STATUS
from services.tickets import TicketStatus
from tests.harness.cards import facts, reads_as_alarm, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.escalation import (
    COMPLETE,
    NOTES,
    card_to,
    hand_off,
    kevins_ticket,
    latest,
    reached,
    team,
)
from tests.harness.tickets import (
    buttons,
    inputs,
    personal_chat,
    replied_card,
    replied_message,
    stored,
    timeline_lines,
)

ONLY_WORKER = (
    "Only the assignee (Kevin) or someone who may resolve any ticket can escalate BP-1001."
)


async def test_the_form_starts_from_the_ticket_and_kevins_troubleshooting_notes(desk: Desk):
    await kevins_ticket(desk)
    kevin = desk.user("Kevin")
    shown = await kevin.says("ticket BP-1001")
    assert "Escalate" in buttons(shown.card)

    form = replied_card(await kevin.executes(shown.last, ESCALATE, number="BP-1001"))

    assert texts(form)[0] == "Escalate BP-1001 · Sealer stops after 20 cases"
    assert inputs(form) == {
        "symptoms": "E42 on the HMI after about 20 cases, since Monday.",
        "steps_tried": "\n".join(f"- {note}" for note in NOTES),
        "machine_model": "BP-500",
        "serial_number": "SN-12345",
        "software_versions": None,
        "suspected_cause": None,
        "containment": None,
        "help_needed": None,
        "urgency": "high",
    }


async def test_an_incomplete_handoff_is_refused_naming_what_is_missing(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    typed = {k: v for k, v in COMPLETE.items() if k not in ("software_versions", "containment")}

    answer, card = await hand_off(kevin, typed | {"suspected_cause": "   "})

    assert (
        "Not sent yet. Still needed: Software versions, Suspected cause, Containment in place."
        in (texts(card))
    )
    assert "Containment in place is required." in texts(card)
    kept = inputs(card)
    assert kept["help_needed"] == COMPLETE["help_needed"]
    assert kept["steps_tried"] == COMPLETE["steps_tried"]
    assert kept["software_versions"] is None
    assert (await stored(desk, "BP-1001")).status is TicketStatus.IN_PROGRESS
    assert await latest(desk) is None
    assert not reached(answer, allison)


async def test_a_complete_handoff_escalates_the_ticket_and_reaches_allison(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")

    answer, card = await hand_off(kevin)

    assert "Sent to Engineering: Allison will accept it or ask you for more." in texts(card)
    assert facts(card)["Status"] == "Escalated to Engineering"
    assert facts(card)["Escalation"] == "Waiting for the engineering manager"
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.escalated, ticket.assignee_id) == (
        TicketStatus.ESCALATED,
        True,
        "kevin",
    )
    review = card_to(answer, allison).card
    assert texts(review)[0] == "Escalation BP-1001 · Sealer stops after 20 cases"
    assert facts(review)["Handed off by"] == "Kevin"
    assert facts(review)["Software"] == "PLC 2.14, HMI 5.2"
    assert COMPLETE["containment"] in texts(review)
    assert buttons(review) == ["Accept and assign", "Ask for more info", "Open ticket"]
    # The routing's fit for an electrical problem is pre-selected, among the engineers with
    # their skills (Kevin too, who may keep it); Jordan, the service technician, is not offered.
    picker = review["actions"][0]["card"]["body"][0]
    assert picker["value"] == "sean"
    assert [choice["value"] for choice in picker["choices"]] == ["kevin", "sean", "ezechiel"]
    assert picker["choices"][1]["title"] == (
        "Sean (Electrical Engineer): Electrical systems, Sensors, Motors, Wiring, "
        "Electrical cabinet"
    )
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        f"Kevin set it to Escalated to Engineering: {COMPLETE['help_needed']}"
    )


async def test_only_whoever_works_the_ticket_escalates_it(desk: Desk):
    await kevins_ticket(desk)
    jordan = desk.user("Jordan")
    assert (await jordan.says("escalate BP-1001")).texts == [ONLY_WORKER]
    shown = await jordan.says("ticket BP-1001")
    assert "Escalate" not in buttons(shown.card)

    forged = await jordan.executes(
        shown.last, ESCALATION_SUBMIT, number="BP-1001", **COMPLETE, caller="kevin"
    )

    assert replied_message(forged) == ONLY_WORKER
    assert (await stored(desk, "BP-1001")).escalated is False


async def test_a_second_click_finds_the_handoff_already_sent(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    form = (await kevin.says("escalate BP-1001")).last
    await kevin.executes(form, ESCALATION_SUBMIT, number="BP-1001", **COMPLETE)

    again = await kevin.executes(form, ESCALATION_SUBMIT, number="BP-1001", **COMPLETE)

    assert "This handoff was already sent to Engineering." in texts(replied_card(again))
    assert not reached(again, allison)
    assert (await kevin.says("escalate BP-1001")).texts == ["BP-1001 is already with Engineering."]


async def test_kevin_is_told_when_allison_does_not_have_the_app_yet(desk: Desk):
    await kevins_ticket(desk)
    (kevin,) = await team(desk, "Kevin")

    _, card = await hand_off(kevin)

    assert texts(card)[1:3] == [
        "Sent to Engineering: Allison will accept it or ask you for more.",
        "Allison hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Allison the install link if it is urgent.",
    ]
    assert not reads_as_alarm(card, "hasn't installed")


async def test_kevin_hears_afterwards_when_teams_refuses_allisons_review_card(
    desk: Desk, connector: FakeConnector
):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    connector.refuse[personal_chat(allison)] = 403  # she blocked the app since installing it

    answer, card = await hand_off(kevin)

    # The card answers before anything is sent, so it claims nothing about Allison's chat...
    assert texts(card)[1] == "Sent to Engineering: Allison will accept it or ask you for more."
    # ... and what came of the notice follows in Kevin's conversation, once it is known.
    followed = [s.text for s in answer.sent if s.conversation_id == personal_chat(kevin)]
    assert followed == [
        "Allison has removed or blocked the Support Desk app and gets this when they open it "
        "again; tell Allison another way if it is urgent."
    ]
    assert not reached(answer, allison)


async def test_an_old_card_cannot_take_a_waiting_escalation_back_from_engineering(desk: Desk):
    await kevins_ticket(desk)
    kevin, allison = await team(desk, "Kevin", "Allison")
    old = (await kevin.says("ticket BP-1001")).last  # from before the handoff
    review = card_to((await hand_off(kevin))[0], allison)
    now_shown = (await kevin.says("ticket BP-1001")).card
    # Waiting for Allison's answer: nothing on Kevin's card moves it.
    assert buttons(now_shown) == ["Add note", "Refresh"]
    waits = (
        "BP-1001 is waiting for Allison to accept the escalation or ask for more information; "
        "until then it stays Escalated to Engineering."
    )

    # Each button of the old card answers with the ticket as it is now.
    for verb, data in [(ACCEPT, {}), (SET_STATUS, {"status": "waiting_on_parts"}), (RESOLVE, {})]:
        refreshed = replied_card(await kevin.executes(old, verb, number="BP-1001", **data))
        assert texts(refreshed)[1] == waits
        assert facts(refreshed)["Status"] == "Escalated to Engineering"
        assert facts(refreshed)["Escalation"] == "Waiting for the engineering manager"
        assert buttons(refreshed) == ["Add note", "Refresh"]
    assert (await stored(desk, "BP-1001")).status is TicketStatus.ESCALATED

    accepted = await allison.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
    )
    assert texts(replied_card(accepted))[1].startswith("Accepted: Sean has the ticket now.")

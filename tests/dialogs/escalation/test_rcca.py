"""Process 4's end as conversations: an escalated ticket is resolved only with its RCCA."""

from __future__ import annotations

from cards.closure import CLOSURE_SUBMIT
from cards.escalation import ESCALATION_ACCEPT
from cards.rcca import RCCA_SUBMIT
from cards.ticket import RCCA, RESOLVE
from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Chat, Desk
from tests.harness.escalation import card_to, hand_off, kevins_ticket, latest, team
from tests.harness.tickets import (
    buttons,
    inputs,
    replied_card,
    replied_message,
    services,
    stored,
    timeline_lines,
)

ANSWERS = {
    "root_cause": "Heater relay contacts pitted by an undersized relay",
    "corrective_action": "Fitted a 30 A relay and new ferrules",
    "preventive_action": "30 A relay in the BP-500 build list; checked on every service",
}
FIX = {"summary": "Replaced the heater relay", "root_cause": "Pitted relay", "confirmation": "ask"}
NO_RCCA = (
    "BP-1001 was escalated to Engineering, so it cannot be resolved without its RCCA: record "
    "its root cause, corrective action and preventive action first (the ticket's RCCA button, "
    "or `rcca BP-1001`)."
)


async def accepted_for_sean(desk: Desk) -> Chat:
    """Kevin hands BP-1001 off and Allison gives it to Sean; returns Sean's chat."""
    await kevins_ticket(desk)
    kevin, allison, sean = await team(desk, "Kevin", "Allison", "Sean")
    review = card_to((await hand_off(kevin))[0], allison)
    escalation_id = (await latest(desk)).id
    await allison.executes(
        review, ESCALATION_ACCEPT, number="BP-1001", escalation_id=escalation_id, engineer="sean"
    )
    return sean


async def test_sean_resolves_the_escalated_ticket_only_once_its_rcca_is_on_record(desk: Desk):
    sean = await accepted_for_sean(desk)
    shown = (await sean.says("ticket BP-1001")).last
    await sean.executes(shown, RESOLVE, number="BP-1001")

    refused = replied_card(await sean.executes(shown, CLOSURE_SUBMIT, number="BP-1001", **FIX))

    # The refusal sits under the field it is about, named on top, with the RCCA button.
    shown_texts = texts(refused)
    assert "Not resolved yet: see Root cause below." in shown_texts
    root_cause = next(i for i, e in enumerate(refused["body"]) if e.get("id") == "root_cause")
    assert refused["body"][root_cause + 1]["text"] == NO_RCCA
    assert "Please fix the problems below." not in shown_texts
    assert "Record RCCA" in buttons(refused)
    assert inputs(refused)["summary"] == "Replaced the heater relay"
    assert (await stored(desk, "BP-1001")).status is TicketStatus.IN_PROGRESS

    form = replied_card(await sean.executes(shown, RCCA, number="BP-1001"))
    assert texts(form)[0] == "RCCA for BP-1001 · Sealer stops after 20 cases"
    partial = {k: v for k, v in ANSWERS.items() if k != "preventive_action"}
    again = replied_card(await sean.executes(shown, RCCA_SUBMIT, number="BP-1001", **partial))
    assert "Preventive action is required." in texts(again)
    assert inputs(again)["root_cause"] == ANSWERS["root_cause"]

    recorded = replied_card(await sean.executes(shown, RCCA_SUBMIT, number="BP-1001", **ANSWERS))

    assert "RCCA recorded: BP-1001 can be resolved now." in texts(recorded)
    assert facts(recorded)["Root cause"] == ANSWERS["root_cause"]
    assert facts(recorded)["Preventive action"] == ANSWERS["preventive_action"]
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        f"Sean recorded the RCCA: root cause: {ANSWERS['root_cause']}; corrective action: "
        f"{ANSWERS['corrective_action']}; preventive action: {ANSWERS['preventive_action']}"
    )
    closure = replied_card(await sean.executes(shown, RESOLVE, number="BP-1001"))
    # What the RCCA says is carried into the closure form.
    assert inputs(closure)["root_cause"] == ANSWERS["root_cause"]
    assert inputs(closure)["summary"] == ANSWERS["corrective_action"]
    assert "Record RCCA" not in buttons(closure)
    resolved = replied_card(await sean.executes(shown, CLOSURE_SUBMIT, number="BP-1001", **FIX))
    assert facts(resolved)["Status"] == "Resolved, awaiting customer confirmation"
    assert (await stored(desk, "BP-1001")).status is TicketStatus.RESOLVED


async def test_the_rcca_form_shows_what_is_on_record_to_correct_it(desk: Desk):
    sean = await accepted_for_sean(desk)
    first = (await sean.says("rcca BP-1001")).last
    await sean.executes(first, RCCA_SUBMIT, number="BP-1001", **ANSWERS)

    form = (await sean.says("rcca BP-1001")).card

    assert inputs(form) == ANSWERS
    assert buttons(form) == ["Save RCCA", "Back to the ticket"]


async def test_only_whoever_works_an_escalated_ticket_records_its_rcca(desk: Desk):
    await accepted_for_sean(desk)
    jordan = desk.user("Jordan")
    only_sean = (
        "Only the assignee (Sean) or someone who may resolve any ticket can record the RCCA "
        "of BP-1001."
    )
    assert (await jordan.says("rcca BP-1001")).texts == [only_sean]
    sent = (await jordan.says("ticket BP-1001")).last
    forged = await jordan.executes(sent, RCCA_SUBMIT, number="BP-1001", **ANSWERS, caller="sean")
    assert replied_message(forged) == only_sean
    ticket = await stored(desk, "BP-1001")
    assert await services(desk).escalations.rcca_for(ticket) is None


async def test_a_ticket_that_was_not_escalated_has_no_rcca_to_record(desk: Desk):
    await kevins_ticket(desk)
    assert (await desk.user("Kevin").says("rcca BP-1001")).texts == [
        "BP-1001 was not escalated to Engineering; an RCCA is kept for escalations."
    ]

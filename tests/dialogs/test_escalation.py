"""Process 4 as conversations: Kevin hands a ticket to Engineering, Allison decides."""

from __future__ import annotations

from cards.escalation import ESCALATION_ACCEPT, ESCALATION_INFO, ESCALATION_SUBMIT
from cards.ticket import ESCALATE
from services.escalations import EscalationStatus
from services.profile.loader import SHIPPED
from services.tickets import TicketStatus
from tests.dialogs.test_escalation_helpers import (
    COMPLETE,
    NOTES,
    card_to,
    hand_off,
    kevins_ticket,
    latest,
    reached,
    team,
)
from tests.dialogs.test_troubleshooting_helpers import (
    buttons,
    inputs,
    replied_card,
    replied_message,
    stored,
    timeline_lines,
)
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk

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
    # The routing's fit for an electrical problem is pre-selected; Kevin is not offered.
    picker = review["actions"][0]["card"]["body"][0]
    assert picker["value"] == "sean"
    assert "kevin" not in [choice["value"] for choice in picker["choices"]]
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        f"Kevin set it to Escalated to Engineering: {COMPLETE['help_needed']}"
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
    assert "Accepted: Sean has BP-1001 now. Kevin and Sean got it in their chat." in texts(decided)
    assert buttons(decided) == ["Open ticket"]
    told = card_to(answer, kevin).card
    assert "Allison accepted your escalation; Sean has the ticket now." in texts(told)
    handed = card_to(answer, sean).card
    assert texts(handed)[0] == "Escalated to you: BP-1001 · Sealer stops after 20 cases"
    assert "Allison: Start with the heater relay." in texts(handed)
    assert "Record RCCA" in buttons(handed)
    ticket = await stored(desk, "BP-1001")
    assert (ticket.assignee_id, ticket.status) == ("sean", TicketStatus.ESCALATED)
    assert (await latest(desk)).status is EscalationStatus.ACCEPTED
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "Allison assigned it to Sean: Escalation accepted. Start with the heater relay."
    )
    mine = (await sean.says("ticket BP-1001")).card
    assert facts(mine)["Escalation"] == "Accepted by Allison; Sean has it"
    assert facts(mine)["RCCA"] == "Not recorded yet: needed before it can be resolved"
    assert buttons(mine) == ["Accept", "Add note", "Status", "RCCA", "Resolve", "Refresh"]


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
        "Kevin got it in their chat."
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
    # The old review card no longer decides anything.
    stale = await allison.executes(review, ESCALATION_ACCEPT, **data, engineer="sean")
    assert replied_message(stale).startswith("Allison already asked Kevin for more information")


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

    assert replied_message(forged) == (
        "Sorry, that needs the 'accept_escalation' permission, which Allison has."
    )
    ticket = await stored(desk, "BP-1001")
    assert (ticket.assignee_id, ticket.status) == ("kevin", TicketStatus.ESCALATED)
    assert (await latest(desk)).status is EscalationStatus.REQUESTED


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

    assert (
        "Allison doesn't have the Support Desk app yet, so I'll deliver the notice when they "
        "open it." in texts(card)[1]
    )


async def test_a_second_manager_sees_the_decision_on_her_review_card(settings, connector, tmp_path):
    # Mary also decides escalations in this variant of the profile.
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    mary_roles = 'roles = ["intake_admin", "triage"]'
    assert text.count(mary_roles) == 1
    variant = tmp_path / "two-managers.toml"
    variant.write_text(text.replace(mary_roles, mary_roles[:-1] + ', "engineering_manager"]'))
    desk = Desk(settings.model_copy(update={"profile": str(variant)}), connector)
    await desk.start()
    try:
        await kevins_ticket(desk)
        kevin, allison, mary = await team(desk, "Kevin", "Allison", "Mary")
        handed = (await hand_off(kevin))[0]
        review, marys = card_to(handed, allison), card_to(handed, mary)

        await allison.executes(
            review,
            ESCALATION_ACCEPT,
            number="BP-1001",
            escalation_id=(await latest(desk)).id,
            engineer="sean",
        )

        updates = [
            s
            for s in connector.sent
            if s.op == "update" and s.conversation_id == marys.conversation_id
        ]
        assert [u.activity_id for u in updates] == [marys.activity_id]
        assert "Accepted: Sean has BP-1001 now." in texts(updates[0].card)[1]
        assert buttons(updates[0].card) == ["Open ticket"]
    finally:
        await desk.close()

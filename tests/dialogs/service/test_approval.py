"""Non-billable service as conversations: Allison approves or rejects; nobody else can."""

from __future__ import annotations

from cards.service import APPROVE, REJECT
from services.service_requests import RequestStatus
from services.tickets import TicketDraft
from tests.harness.cards import facts, texts
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.service import BILLABLE_IN_TEXAS, request_service, sent_to
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    personal_chat,
    replied_card,
    replied_message,
    services,
    timeline_lines,
)

NON_BILLABLE = {
    **BILLABLE_IN_TEXAS,
    "billing": "non_billable",
    "billing_reason": "The wrapper was installed in October and is under warranty",
    "scope": "Replace the sealing jaw heater",
    "ticket": "BP-1001",
}
WAITING = "Non-billable: waiting for Allison's approval (the card is in their chat)."
ONLY_ALLISON = "Only Allison may approve non-billable service."


async def the_desk(desk: Desk) -> tuple[Chat, Chat, Chat]:
    """Mary, Jordan and Allison, each with the app; a ticket BP-1001 for the request."""
    freeze(desk, MONDAY_9AM)
    people = desk.user("Mary"), desk.user("Jordan"), desk.user("Allison")
    for person in people:
        await person.installs_the_app()
    draft = TicketDraft("Sealing jaw cold", company="Lone Star Snacks", fields={"site_state": "tx"})
    await services(desk).tickets.create(draft, "mary", "lone-star-1", MONDAY_9AM)
    return people


def approval_in(answer: Answer, allison: Chat) -> Sent:
    """The approval card the filing sent to Allison's chat."""
    chat = personal_chat(allison)
    return next(s for s in answer.sent if s.conversation_id == chat and s.card)


async def test_a_rejected_request_says_why_and_mary_is_told(desk: Desk):
    mary, jordan, allison = await the_desk(desk)
    _, filed = await request_service(mary, NON_BILLABLE)
    assert WAITING in texts(replied_card(filed))
    assert sent_to(filed, jordan) == []  # nobody goes before the approval
    card = approval_in(filed, allison)
    assert buttons(card.card) == ["Approve", "Reject…"]
    assert facts(card.card)["Billing reason"].endswith("under warranty")

    no_reason = await allison.executes(card, REJECT, number="SR-1001", reason="  ")
    assert replied_message(no_reason) == "Say why you reject SR-1001; the requester is told."
    why = "Warranty ended in September; quote it as billable"
    rejected = await allison.executes(card, REJECT, number="SR-1001", reason=why)

    answer = replied_card(rejected)
    assert "Rejected." in texts(answer)
    assert facts(answer)["Why rejected"] == why
    [told] = sent_to(rejected, mary)
    assert f"Allison rejected it: {why}" in texts(told)
    assert sent_to(rejected, jordan) == []
    stored = await services(desk).service_requests.get("SR-1001")
    assert (stored.status, stored.project_number) == (RequestStatus.REJECTED, None)
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        f"Allison rejected service request SR-1001: {why}"
    )
    again = await allison.executes(card, APPROVE, number="SR-1001")
    assert replied_message(again).startswith("SR-1001 was already rejected by Allison on Mon 30")


async def test_an_approved_request_gets_a_project_and_the_technician_is_told(desk: Desk):
    mary, jordan, allison = await the_desk(desk)
    _, filed = await request_service(mary, NON_BILLABLE)

    approved = await allison.executes(approval_in(filed, allison), APPROVE, number="SR-1001")

    card = replied_card(approved)
    assert texts(card)[1] == "Approved and scheduled."
    assert facts(card)["Project"] == "PRJ-2026-0001"
    assert sum("PRJ-2026-0001" in text for text in texts(card)) == 0  # only in the facts
    assert "Jordan gets the notice in Teams." in texts(card)
    [scheduled] = sent_to(approved, jordan)
    assert "You are scheduled on site: Tue 1 Dec 2026" in texts(scheduled)
    [told] = sent_to(approved, mary)
    assert "Allison approved it; it is scheduled." in texts(told)
    assert facts(told)["Status"] == "Scheduled"
    stored = await services(desk).service_requests.get("SR-1001")
    assert (stored.status, stored.decided_by, stored.project_number) == (
        RequestStatus.SCHEDULED,
        "allison",
        "PRJ-2026-0001",
    )
    assert (await timeline_lines(desk, "BP-1001"))[1:] == [
        "Mary filed service request SR-1001: non-billable, Lone Star Snacks, Austin (TX), "
        "Tue 1 Dec 2026, by Jordan; waiting for Allison's approval",
        "Allison approved service request SR-1001",
        "Allison scheduled service request SR-1001: project PRJ-2026-0001; Jordan gets the "
        "notice in Teams.",
    ]


async def test_a_forged_approval_by_someone_else_is_refused(desk: Desk):
    mary, jordan, allison = await the_desk(desk)
    _, filed = await request_service(mary, NON_BILLABLE)
    card = approval_in(filed, allison)
    claims = {
        "caller": "allison",
        "actor_id": "allison",
        "role": "engineering_manager",
        "capability": "approve_non_billable",
    }

    forged = await mary.executes(card, APPROVE, number="SR-1001", **claims)
    forged_reject = await desk.user("Kevin").executes(
        card, REJECT, number="SR-1001", reason="no", **claims
    )

    assert replied_message(forged) == replied_message(forged_reject) == ONLY_ALLISON
    assert (await mary.says("service approvals")).texts == [ONLY_ALLISON]
    stored = await services(desk).service_requests.get("SR-1001")
    assert (stored.status, stored.decided_by) == (RequestStatus.AWAITING_APPROVAL, None)
    assert sent_to(forged, jordan) == []


async def test_approved_work_in_a_provider_state_hands_mary_the_message_to_send(desk: Desk):
    mary, _, allison = await the_desk(desk)
    _, filed = await request_service(mary, {**NON_BILLABLE, "site_state": "pa"})

    approved = await allison.executes(approval_in(filed, allison), APPROVE, number="SR-1001")

    assert (
        "Mary was given the message to send to PLC Paramedics dispatch (PLC Paramedics) at "
        "dispatch@plcparamedics.example." in texts(replied_card(approved))
    )
    [told] = sent_to(approved, mary)
    assert any(
        t.startswith("PLC Paramedics dispatch (PLC Paramedics) is not on Teams")
        for t in texts(told)
    )
    assert any(t.startswith("Subject: BestPack service SR-1001") for t in texts(told))


async def test_allison_lists_what_waits_and_mary_hears_when_allison_lacks_the_app(desk: Desk):
    freeze(desk, MONDAY_9AM)
    mary, allison = desk.user("Mary"), desk.user("Allison")
    await desk.user("Jordan").installs_the_app()
    _, filed = await request_service(mary, {**NON_BILLABLE, "ticket": ""})
    assert (
        "Allison hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Allison the install link if it is urgent." in texts(replied_card(filed))
    )

    listed = await allison.says("service approvals")
    assert buttons(listed.last.card) == ["Approve", "Reject…"]
    assert texts(listed.last.card)[0] == "SR-1001 · Service at Lone Star Snacks, Austin"
    approved = await allison.executes(listed.last, APPROVE, number="SR-1001")
    assert texts(replied_card(approved))[1] == "Approved and scheduled."
    assert (await allison.says("approvals")).texts == [
        "No service requests are waiting for approval."
    ]

"""One ticket's whole life in Teams: intake, triage, assignment, work, closure and a reopen."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.keys import SERVICES
from cards.closure import CLOSURE_SUBMIT
from cards.intake import SUBMIT_VERB
from cards.ticket import ACCEPT, ADD_NOTE, REOPEN, RESOLVE
from cards.triage import ASSIGN
from services.tickets import TicketStatus
from tests.harness.cards import facts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, form_id

MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)


def card_in(answer, conversation_id: str):
    """The last card the bot sent into a conversation during this answer."""
    return next(s for s in reversed(answer.sent) if s.conversation_id == conversation_id and s.card)


async def test_a_plc_fault_from_call_to_closed_and_back(desk: Desk):
    desk.app[SERVICES].clock = lambda: MONDAY_9AM
    mary, kevin, allison = desk.user("Mary"), desk.user("Kevin"), desk.user("Allison")
    for person in (kevin, allison):
        await person.installs_the_app()
    kevin_chat = f"a:1on1-{kevin.user.user_id}"

    # 1. Intake: Mary files the call; she triages, so the form becomes the triage card.
    triage = (await mary.says("new ticket")).last
    filed = await mary.executes(triage, SUBMIT_VERB, form_id=form_id(triage.card), **GOOD)
    assert filed.body["value"]["body"][0]["text"].startswith("Triage BP-1001")
    assert "Kevin — PLC" in str(filed.body["value"])  # the suggestion explains itself

    # 2. Assignment: Mary takes the suggestion; Kevin gets the ticket card in his chat.
    assigned = await mary.executes(triage, ASSIGN, number="BP-1001", assignee="kevin")
    assert assigned.status == 200
    notice = card_in(assigned, kevin_chat)
    assert "Assigned to you by Mary" in str(notice.card)

    # 3. Troubleshooting: Kevin accepts and writes down what he did, with the time it took.
    await kevin.executes(notice, ACCEPT, number="BP-1001")
    await kevin.executes(
        notice,
        ADD_NOTE,
        number="BP-1001",
        body="Reseated the infeed prox sensor cable; E42 cleared.",
        public="false",
        minutes="25",
    )

    # 4. Closure: resolved with the root cause, confirmed by the customer on the phone.
    closure = await kevin.executes(notice, RESOLVE, number="BP-1001")
    closed = await kevin.executes(
        notice,
        CLOSURE_SUBMIT,
        number="BP-1001",
        summary="Reseated the infeed proximity sensor cable.",
        root_cause="Loose M12 connector on the infeed sensor.",
        confirmation="confirmed",
        confirmed_by="Dana Lee",
        confirmed_via="phone",
        kb_article="true",
    )
    assert closure.status == closed.status == 200
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.status is TicketStatus.CLOSED and ticket.time_spent_minutes == 25

    # 5. The fault comes back: Allison reopens on the customer's report; Kevin hears of it.
    shown = (await allison.says("ticket BP-1001")).last
    reopened = await allison.executes(
        shown,
        REOPEN,
        number="BP-1001",
        reason="E42 again after 200 cases",
        source="customer_report",
        reported_by="Dana Lee",
    )
    assert reopened.status == 200
    assert any(s.conversation_id == kevin_chat for s in reopened.sent)
    ticket = await desk.app[SERVICES].tickets.get("BP-1001")
    assert ticket.reopen_count == 1 and ticket.is_open
    card = (await kevin.says("ticket BP-1001")).card
    assert facts(card)["Reopened"] == "1×"
    timeline = " ".join(b["text"] for b in card["body"] if b["type"] == "TextBlock")
    for step in ("filed it", "assigned it to Kevin", "reopened it"):
        assert step in timeline, step

"""Process 3 as conversations: open a ticket, accept it, document the work, list your tickets."""

from __future__ import annotations

from datetime import timedelta

from cards.ticket import ACCEPT, ADD_NOTE, REFRESH, SET_STATUS
from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    replied_card,
    replied_message,
    stored,
    ticket_for,
    timeline_lines,
)

LATER = MONDAY_9AM + timedelta(hours=2)


async def test_kevin_opens_his_ticket_and_sees_its_timeline(desk: Desk):
    await ticket_for(desk, "kevin", acknowledged=False)
    kevin = desk.user("Kevin")

    card = (await kevin.says("ticket BP-1001")).card

    assert texts(card)[:2] == ["BP-1001 · Sealer stops after 20 cases", "Assigned to you by Mary"]
    assert facts(card)["Status"] == "Assigned"
    assert facts(card)["Assignee"] == "Kevin"
    assert "Timeline" in texts(card)
    assert any(t.endswith("Mary filed it") for t in texts(card))
    assert any(t.endswith("Mary assigned it to Kevin") for t in texts(card))
    assert buttons(card) == ["Accept", "Add note", "Status", "Resolve", "Refresh"]
    assert (await kevin.says("t 1001")).card == card
    assert (await kevin.says("show bp 1001")).card == card


async def test_a_colleague_sees_the_ticket_but_only_adds_notes(desk: Desk):
    await ticket_for(desk, "kevin")
    card = (await desk.user("Jordan").says("ticket BP-1001")).card
    assert "Assigned to you" not in texts(card)
    assert buttons(card) == ["Add note", "Refresh"]


async def test_a_ticket_that_does_not_exist_or_no_number_gets_a_pointer(desk: Desk):
    kevin = desk.user("Kevin")
    assert (await kevin.says("ticket 9999")).texts == ["There is no ticket BP-9999."]
    assert (await kevin.says("ticket")).texts == ["Which ticket? Give its number, like BP-1001."]


async def test_kevin_accepts_his_ticket_once(desk: Desk):
    await ticket_for(desk, "kevin", acknowledged=False)
    freeze(desk, LATER)
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last

    card = replied_card(await kevin.executes(sent, ACCEPT, number="BP-1001"))

    assert "Accepted: it is yours." in texts(card)
    assert facts(card)["Status"] == "In progress"
    assert "Accept" not in buttons(card)
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.acknowledged_at) == (TicketStatus.IN_PROGRESS, LATER)
    again = await kevin.executes(sent, ACCEPT, number="BP-1001")
    assert replied_message(again) == "You already accepted BP-1001; it is in progress."


async def test_only_the_assignee_accepts(desk: Desk):
    await ticket_for(desk, "kevin", acknowledged=False)
    jordan = desk.user("Jordan")
    sent = (await jordan.says("ticket BP-1001")).last
    refused = await jordan.executes(sent, ACCEPT, number="BP-1001")
    assert replied_message(refused) == "Only the assignee accepts BP-1001; it is assigned to Kevin."
    assert (await stored(desk, "BP-1001")).acknowledged_at is None


async def test_an_internal_note_logs_time_and_a_public_note_is_the_first_response(desk: Desk):
    await ticket_for(desk, "kevin")
    freeze(desk, LATER)
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last

    internal = replied_card(
        await kevin.executes(
            sent,
            ADD_NOTE,
            number="BP-1001",
            body="Checked the PLC program",
            public="false",
            minutes="30",
        )
    )

    assert "Internal note added." in texts(internal)
    assert facts(internal)["Time spent"] == "30 min"
    assert (await stored(desk, "BP-1001")).first_response_at is None

    public = replied_card(
        await kevin.executes(
            sent, ADD_NOTE, number="BP-1001", body="We are on it", public="true", minutes=""
        )
    )

    assert "Customer-visible note added. First response recorded." in texts(public)
    ticket = await stored(desk, "BP-1001")
    assert (ticket.first_response_at, ticket.time_spent_minutes) == (LATER, 30)
    assert (await timeline_lines(desk, "BP-1001"))[-2:] == [
        "Kevin added a note (30 min): Checked the PLC program",
        "Kevin added a customer-visible note: We are on it",
    ]


async def test_an_empty_note_is_refused_and_nothing_is_saved(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    refused = await kevin.executes(sent, ADD_NOTE, number="BP-1001", body="  ", public="false")
    assert replied_message(refused) == "A note needs some text."
    assert (await stored(desk, "BP-1001")).version == 2  # created, then assigned and acknowledged


async def test_a_colleague_adds_a_note_from_the_chat(desk: Desk):
    await ticket_for(desk, "kevin")
    answer = await desk.user("Jordan").says("note BP-1001 The infeed belt is worn too")
    assert answer.texts == ["Added an internal note to BP-1001."]
    lines = await timeline_lines(desk, "BP-1001")
    assert lines[-1] == "Jordan added a note: The infeed belt is worn too"


async def test_kevin_waits_on_parts_then_works_again(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last

    waiting = replied_card(
        await kevin.executes(
            sent,
            SET_STATUS,
            number="BP-1001",
            status="waiting_on_parts",
            status_note="Ordered a new I/O card",
        )
    )

    assert "Now Waiting on parts. The SLA clock is paused until work resumes." in texts(waiting)
    assert facts(waiting)["Status"] == "Waiting on parts"
    working = replied_card(
        await kevin.executes(sent, SET_STATUS, number="BP-1001", status="in_progress")
    )
    assert "Now In progress." in texts(working)
    assert (await stored(desk, "BP-1001")).status is TicketStatus.IN_PROGRESS
    assert (await timeline_lines(desk, "BP-1001"))[-2:] == [
        "Kevin set it to Waiting on parts: Ordered a new I/O card",
        "Kevin set it to In progress",
    ]


async def test_only_the_assignee_or_the_manager_changes_the_status(desk: Desk):
    await ticket_for(desk, "kevin")
    jordan = desk.user("Jordan")
    sent = (await jordan.says("ticket BP-1001")).last
    refused = await jordan.executes(sent, SET_STATUS, number="BP-1001", status="waiting_on_parts")
    assert replied_message(refused) == (
        "Only the assignee (Kevin) or someone who may resolve any ticket "
        "can change the status of BP-1001."
    )
    allison = desk.user("Allison")
    sent = (await allison.says("ticket BP-1001")).last
    allowed = await allison.executes(sent, SET_STATUS, number="BP-1001", status="waiting_on_parts")
    assert facts(replied_card(allowed))["Status"] == "Waiting on parts"


async def test_my_tickets_lists_the_callers_open_tickets_most_urgent_first(desk: Desk):
    normal = await ticket_for(desk, "kevin", "Label printer smudges")
    waiting = await ticket_for(desk, "kevin", "Film roll sensor", priority="urgent")
    urgent = await ticket_for(desk, "kevin", "Line 3 down", priority="urgent")
    unacked = await ticket_for(desk, "kevin", "HMI frozen", acknowledged=False)
    await ticket_for(desk, "sean", "Motor hums")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket " + waiting.number)).last
    await kevin.executes(sent, SET_STATUS, number=waiting.number, status="waiting_on_customer")

    answer = await kevin.says("my tickets")

    rows = [t for t in texts(answer.card) if t.startswith("**")]
    numbers = [row.split("**")[1] for row in rows]
    assert numbers == [unacked.number, urgent.number, normal.number, waiting.number]
    assert texts(answer.card)[0] == "Your open tickets (4)"
    details = texts(answer.card)
    assert any(t.startswith("Normal · Assigned · Acknowledge by ") for t in details)
    assert "Urgent: machine down · Waiting on customer · SLA paused while waiting" in details
    assert (await kevin.says("mine")).card == answer.card


async def test_my_tickets_shows_the_stored_due_times_moved_by_a_pause(desk: Desk):
    # Normal priority: first response within 240 business minutes (13:00), resolution in 3600.
    paused = await ticket_for(desk, "kevin", "Label printer smudges")
    answered = await ticket_for(desk, "kevin", "Film roll sensor")
    kevin = desk.user("Kevin")
    freeze(desk, MONDAY_9AM + timedelta(minutes=30))
    sent = (await kevin.says("ticket " + paused.number)).last
    await kevin.executes(sent, SET_STATUS, number=paused.number, status="waiting_on_customer")
    assert facts((await kevin.says("ticket " + paused.number)).card)["SLA"] == (
        "Paused since Mon 30 Nov 2026 09:30 PST"
    )
    sent = (await kevin.says("ticket " + answered.number)).last
    await kevin.executes(
        sent, ADD_NOTE, number=answered.number, body="On our way", public="true", minutes=""
    )

    freeze(desk, MONDAY_9AM + timedelta(minutes=90))
    sent = (await kevin.says("ticket " + paused.number)).last
    await kevin.executes(sent, SET_STATUS, number=paused.number, status="in_progress")
    assert "SLA" not in facts((await kevin.says("ticket " + paused.number)).card)
    details = texts((await kevin.says("my tickets")).card)

    # Waited an hour on the customer: the first response moved from 13:00 to 14:00.
    assert "Normal · In progress · First response by Mon 30 Nov 2026 14:00 PST" in details
    # Answered: the resolution is next, five 12-hour business days after filing.
    assert "Normal · Assigned · Resolve by Mon 07 Dec 2026 09:00 PST" in details
    freeze(desk, MONDAY_9AM + timedelta(hours=6))
    details = texts((await kevin.says("my tickets")).card)
    assert "Normal · In progress · First response by Mon 30 Nov 2026 14:00 PST (overdue)" in (
        details
    )


async def test_open_from_the_list_shows_the_ticket_card(desk: Desk):
    await ticket_for(desk, "kevin", "Line 3 down")
    kevin = desk.user("Kevin")
    listed = (await kevin.says("my tickets")).last
    card = replied_card(await kevin.executes(listed, REFRESH, number="BP-1001"))
    assert texts(card)[0] == "BP-1001 · Line 3 down"


async def test_someone_without_tickets_is_told_so(desk: Desk):
    card = (await desk.user("Mary").says("mine")).card
    assert texts(card) == [
        "No open tickets are assigned to you",
        "Nothing waits in the queue for triage.",
    ]


async def test_a_waiting_ticket_offers_resume_and_says_it_is_back_in_progress(desk: Desk):
    await ticket_for(desk, "kevin")  # acknowledged to the customer, not yet taken on
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    assert buttons(sent.card)[0] == "Accept"
    waiting = replied_card(
        await kevin.executes(sent, SET_STATUS, number="BP-1001", status="waiting_on_customer")
    )
    assert buttons(waiting)[0] == "Resume"

    card = replied_card(await kevin.executes(sent, ACCEPT, number="BP-1001"))

    assert "Back in progress." in texts(card)
    assert "Accepted: it is yours." not in texts(card)
    assert facts(card)["Status"] == "In progress"
    assert not {"Accept", "Resume"} & set(buttons(card))


async def test_a_leading_time_in_a_typed_note_is_logged_as_time_spent(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")

    logged = await kevin.says("note BP-1001 20 min on the phone with Dana")
    again = await kevin.says("note BP-1001 1h30 remote session")
    plain = await kevin.says("note BP-1001 2 pumps replaced")
    too_long = await kevin.says("note BP-1001 2000 min on site")

    assert logged.texts == ["Added an internal note to BP-1001 and logged 20 min."]
    assert again.texts == ["Added an internal note to BP-1001 and logged 90 min."]
    assert plain.texts == ["Added an internal note to BP-1001."]
    assert too_long.texts == [
        "Time spent is at most 1440 minutes (a day) per note; log more in another note."
    ]
    assert (await timeline_lines(desk, "BP-1001"))[-3:] == [
        "Kevin added a note (20 min): on the phone with Dana",
        "Kevin added a note (90 min): remote session",
        "Kevin added a note: 2 pumps replaced",
    ]
    assert facts((await kevin.says("ticket BP-1001")).card)["Time spent"] == "110 min"

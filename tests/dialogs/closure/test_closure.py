"""Process 8 as conversations: resolve through the closure card, confirm, close."""

from __future__ import annotations

from typing import Any

from cards.closure import CLOSURE_SUBMIT, CONFIRM
from cards.ticket import RESOLVE
from services.tickets import EventKind, TicketDraft, TicketStatus
from services.tickets.workflow import assign
from tests.harness.cards import facts, texts
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    history,
    inputs,
    replied_card,
    replied_message,
    services,
    stored,
    ticket_for,
    timeline_lines,
)

FIX = {
    "summary": "Replaced the worn infeed belt",
    "root_cause": "Belt past its service life",
    "kb_article": "false",
}
ASKED = {**FIX, "confirmation": "ask"}
CONFIRMED_BY_DANA = {
    **FIX,
    "confirmation": "confirmed",
    "confirmed_by": "Dana Lee",
    "confirmed_via": "phone",
}
ONLY_ASSIGNEE = (
    "Only the assignee (Kevin) or someone who may resolve any ticket can resolve BP-1001."
)


async def closure_card_for(chat: Chat, number: str = "BP-1001") -> Sent:
    """Open the ticket card and press Resolve; returns the card as it now stands."""
    sent = (await chat.says(f"ticket {number}")).last
    card = replied_card(await chat.executes(sent, RESOLVE, number=number))
    assert texts(card)[0].startswith(f"Resolve {number}")
    return sent


async def resolve(chat: Chat, answers: dict[str, Any], number: str = "BP-1001") -> dict:
    """Submit the closure card with `answers`; returns the card the bot answered with."""
    sent = await closure_card_for(chat, number)
    return replied_card(await chat.executes(sent, CLOSURE_SUBMIT, number=number, **answers))


async def test_jordan_may_not_resolve_kevins_ticket_even_with_a_forged_card(desk: Desk):
    await ticket_for(desk, "kevin")
    jordan = desk.user("Jordan")
    assert (await jordan.says("resolve BP-1001")).texts == [ONLY_ASSIGNEE]
    shown = await jordan.says("ticket BP-1001")
    assert "Resolve" not in buttons(shown.card)
    sent = shown.last
    assert replied_message(await jordan.executes(sent, RESOLVE, number="BP-1001")) == ONLY_ASSIGNEE

    forged = await jordan.executes(
        sent,
        CLOSURE_SUBMIT,
        number="BP-1001",
        **CONFIRMED_BY_DANA,
        caller="kevin",
        actor_id="kevin",
        role="engineering_manager",
        capability="resolve_any",
    )

    assert replied_message(forged) == ONLY_ASSIGNEE
    assert (await stored(desk, "BP-1001")).status is TicketStatus.ASSIGNED


async def test_a_missing_root_cause_brings_the_same_card_back_with_the_summary_kept(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")

    card = await resolve(kevin, {"summary": "Replaced the worn infeed belt", "confirmation": "ask"})

    assert texts(card)[0] == "Resolve BP-1001 · Sealer stops after 20 cases"
    assert "Root cause is required." in texts(card)
    assert inputs(card)["summary"] == "Replaced the worn infeed belt"
    assert inputs(card)["confirmation"] == "ask"
    assert (await stored(desk, "BP-1001")).status is TicketStatus.ASSIGNED


async def test_a_confirmation_needs_who_and_how(desk: Desk):
    await ticket_for(desk, "kevin")
    card = await resolve(desk.user("Kevin"), {**FIX, "confirmation": "confirmed"})
    assert "Say who at the customer confirmed the fix." in texts(card)
    assert "Say how the customer confirmed it." in texts(card)
    assert inputs(card)["root_cause"] == "Belt past its service life"
    assert (await stored(desk, "BP-1001")).resolved_at is None


async def test_kevin_resolves_asking_the_customer_then_records_their_confirmation(desk: Desk):
    await ticket_for(desk, "kevin")
    freeze(desk, MONDAY_9AM)
    kevin = desk.user("Kevin")

    card = await resolve(kevin, {**ASKED, "kb_article": "true"})

    assert facts(card)["Status"] == "Resolved, awaiting customer confirmation"
    assert texts(card)[1].startswith("Resolved. Waiting for the customer's confirmation")
    assert buttons(card) == ["Add note", "Customer confirmed", "Reopen", "Refresh"]
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.resolved_at, ticket.closed_at) == (
        TicketStatus.RESOLVED,
        MONDAY_9AM,
        None,
    )
    resolved = (await history(desk, "BP-1001"))[-2]  # the last: the KB draft (process 7)
    assert resolved.after["root_cause"] == "Belt past its service life"
    assert (resolved.after["kb_article"], resolved.after["confirmation_requested"]) == (True, True)
    assert (await timeline_lines(desk, "BP-1001"))[-2:] == [
        "Kevin resolved it: Replaced the worn infeed belt (root cause: Belt past its service "
        "life; worth a KB article; customer asked to confirm)",
        "The desk drafted KB article KB-1: Sealer stops after 20 cases",
    ]

    sent = (await kevin.says("ticket BP-1001")).last
    closed = replied_card(
        await kevin.executes(
            sent, CONFIRM, number="BP-1001", confirmed_by="Dana Lee", confirmed_via="email"
        )
    )

    assert "Closed: Dana Lee confirmed the fix (E-mail)." in texts(closed)
    assert facts(closed)["Status"] == "Closed"
    assert buttons(closed) == ["Reopen", "Refresh"]
    assert (await stored(desk, "BP-1001")).status is TicketStatus.CLOSED
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "Kevin closed it: Dana Lee confirmed the fix by e-mail"
    )


async def test_a_fix_confirmed_at_once_is_resolved_and_closed_in_one_save(desk: Desk):
    before = await ticket_for(desk, "kevin")
    card = await resolve(desk.user("Kevin"), CONFIRMED_BY_DANA)
    assert "Closed: Dana Lee confirmed the fix (Phone)." in texts(card)
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.version) == (TicketStatus.CLOSED, before.version + 1)
    kinds = [event.kind for event in await history(desk, "BP-1001")]
    assert kinds[-2:] == [EventKind.RESOLVED, EventKind.CLOSED]


async def test_the_manager_resolves_a_ticket_assigned_to_someone_else(desk: Desk):
    await ticket_for(desk, "kevin")
    card = await resolve(desk.user("Allison"), ASKED)
    assert facts(card)["Status"] == "Resolved, awaiting customer confirmation"


async def test_close_asks_for_the_confirmation_or_the_closure_card_first(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    assert texts((await kevin.says("close BP-1001")).card)[0].startswith("Resolve BP-1001")
    await resolve(kevin, ASKED)
    assert (await desk.user("Jordan").says("close BP-1001")).texts == [
        "Only the assignee (Kevin) or someone who may resolve any ticket can close BP-1001."
    ]
    asked = await kevin.says("close BP-1001")
    assert texts(asked.card)[0] == "Close BP-1001 · Sealer stops after 20 cases"
    refused = await kevin.executes(asked.last, CONFIRM, number="BP-1001", confirmed_by="Dana")
    assert replied_message(refused) == "Say how the customer confirmed the fix."
    await kevin.executes(
        asked.last, CONFIRM, number="BP-1001", confirmed_by="Dana", confirmed_via="on_site"
    )
    assert (await kevin.says("close BP-1001")).texts == [
        "BP-1001 is already closed; `reopen` it if the fix did not hold."
    ]


async def test_the_closure_form_starts_with_the_contact_and_offers_short_choices(desk: Desk):
    repo, profile = services(desk).tickets, services(desk).profile
    draft = TicketDraft("Sealer stops after 20 cases", contact_name="Dana Lee")
    ticket, _ = await repo.create(draft, "mary", "closure-contact", MONDAY_9AM)
    change = assign(ticket, "mary", profile, MONDAY_9AM, assignee_id="kevin")
    await repo.save(change.ticket, ticket.version, change.events)
    kevin = desk.user("Kevin")
    shown = await kevin.says("ticket BP-1001")
    # The SLA's deadlines are on the card, the resolution's too.
    assert facts(shown.card)["Resolve by"] == "Mon 07 Dec 2026 09:00 PST"
    assert facts(shown.card)["Respond by"] == "Mon 30 Nov 2026 13:00 PST"

    form = replied_card(await kevin.executes(shown.last, RESOLVE, number="BP-1001"))

    assert inputs(form)["confirmed_by"] == "Dana Lee"
    confirmation = next(e for e in form["body"] if e.get("id") == "confirmation")
    titles = [choice["title"] for choice in confirmation["choices"]]
    assert titles == ["Confirmed: close it now", "Not yet: ask the customer"]
    resolved = await resolve(kevin, ASKED)
    assert "Resolve by" not in facts(resolved)
    confirm = next(a for a in resolved["actions"] if a["title"] == "Customer confirmed")
    assert confirm["card"]["body"][0]["value"] == "Dana Lee"

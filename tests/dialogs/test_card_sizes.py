"""A ticket that holds as much as it can (500 notes of the longest kind, text that escapes badly,
a 900 KB note stored before the limits) still only ever gets cards under Teams' 28 KB."""

from __future__ import annotations

import json
from typing import Any

from cards.closure import CLOSURE_SUBMIT
from cards.escalation import ESCALATION_ACCEPT, ESCALATION_SUBMIT
from cards.rcca import RCCA_SUBMIT
from cards.ticket import REASSIGN
from services.tickets import EventKind, Ticket, TicketDraft, TicketEvent
from services.tickets.workflow import acknowledge, add_note, assign, change_status
from tests.harness.cards import texts
from tests.harness.desk import Answer, Desk
from tests.harness.escalation import card_to, latest, team
from tests.harness.tickets import (
    MONDAY_9AM,
    history,
    inputs,
    replied_card,
    services,
)

LIMIT = 28 * 1024
NOTES = 500
WIDE = "Relais geprüft → ок, 日本語のメモ 😀 "  # every character escapes to 6 or 12 bytes
AWKWARD = ('"\\' * 2000, (WIDE * 200)[:4000], "line\n" * 800, "😀" * 4000)
LEGACY = "x" * 900_000  # saved before notes had a limit


def longest(text: str, size: int) -> str:
    """`text` repeated to exactly `size` characters."""
    return (text * (size // len(text) + 1))[:size]


DRAFT = TicketDraft(
    longest("Ünterschiedliche Störung ", 255),
    description=longest("Infeed jams when the film roll changes; alarm E42.\n", 4000),
    priority="urgent",
    issue_type="electrical",
    complexity="standard",
    company=longest("Acme Foods ", 255),
    contact_name=longest("Dana Lee ", 255),
    contact_email=longest("dana", 243) + "@example.com",
    contact_phone=longest("+1 555 010 0100 ", 64),
    machine_model=longest("BP-500 ", 128),
    serial_number=longest("SN-12345-", 128),
)


def size(card: dict[str, Any]) -> int:
    """What Teams receives for the card, in bytes."""
    return len(json.dumps(card).encode())


def all_fit(answer: Answer) -> list[int]:
    """The size of every card the bot sent or answered with (each must be under the limit)."""
    cards = [*answer.cards]
    if isinstance(answer.body, dict) and isinstance(answer.body.get("value"), dict):
        cards.append(answer.body["value"])
    assert cards, answer
    sizes = [size(card) for card in cards]
    assert max(sizes) < LIMIT, sizes
    return sizes


async def full_ticket(desk: Desk) -> Ticket:
    """BP-1001, in progress with Kevin, after 500 notes of 4,000 characters, a few awkward
    ones and the 900 KB note from before the limits."""
    repo, profile, at = services(desk).tickets, services(desk).profile, MONDAY_9AM
    ticket, _ = await repo.create(DRAFT, "mary", None, at)
    steps = [
        lambda t: assign(t, "mary", profile, at, assignee_id="kevin", override_reason="o" * 1000),
        lambda t: acknowledge(t, "mary", profile, at),
        lambda t: change_status(t, "kevin", profile, at, "in_progress", note="w" * 1000),
    ]
    notes = [longest(f"Step {i}: checked the wiring and the relay. ", 4000) for i in range(NOTES)]
    for text in [*notes, *AWKWARD]:
        steps.append(lambda t, text=text: add_note(t, "kevin", profile, at, text, minutes=1440))
    current, events = ticket, []
    for step in steps:
        current, new = step(current)
        events.extend(new)
    events.append(TicketEvent(EventKind.NOTE, "kevin", at, body=LEGACY))
    return await repo.save(current, ticket.version, events)


async def test_every_card_showing_the_fullest_ticket_stays_under_28_kb(desk: Desk):
    await full_ticket(desk)
    kevin, mary, jordan = desk.user("Kevin"), desk.user("Mary"), desk.user("Jordan")
    entries = len(await history(desk, "BP-1001"))

    shown = await kevin.says("ticket BP-1001")
    all_fit(shown)
    assert f"{entries - 12:,} older entries not shown: `history BP-1001` shows them all." in (
        texts(shown.card)
    )
    assert texts(shown.card)[-1].endswith("…")  # the 900 KB note, cut to a preview
    all_fit(await jordan.says("ticket BP-1001"))
    all_fit(await kevin.says("my tickets"))
    all_fit(await mary.executes(shown.last, REASSIGN, number="BP-1001"))  # the triage card
    all_fit(await kevin.says("resolve BP-1001"))

    escalation = await kevin.says("escalate BP-1001")
    all_fit(escalation)
    form = escalation.card["body"]
    for element in form:
        if element["type"] == "Input.Text" and element.get("value"):
            assert len(element["value"]) <= element["maxLength"], element["id"]

    newest, oldest = await kevin.says("history BP-1001"), await kevin.says("history 1001 9999")
    all_fit(newest)
    all_fit(oldest)
    assert texts(newest.card)[1].endswith(f"to {entries:,} of {entries:,}.")
    assert f": entries 1 to 5 of {entries:,}." in texts(oldest.card)[1]  # filed … first note


async def test_a_full_handoff_and_rcca_keep_every_escalation_card_under_28_kb(desk: Desk):
    await full_ticket(desk)
    kevin, allison, sean = await team(desk, "Kevin", "Allison", "Sean")
    longest_handoff = {
        "symptoms": "s" * 4000,
        "steps_tried": "t" * 4000,
        "machine_model": "m" * 255,
        "serial_number": "SN-" + "1" * 27,
        "software_versions": "v" * 255,
        "suspected_cause": "c" * 4000,
        "containment": "k" * 4000,
        "help_needed": "h" * 4000,
        "urgency": "urgent",
    }
    form = (await kevin.says("escalate BP-1001")).last

    handed = await kevin.executes(form, ESCALATION_SUBMIT, number="BP-1001", **longest_handoff)
    all_fit(handed)
    review = card_to(handed, allison)
    decided = await allison.executes(
        review,
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
        note="n" * 1000,
    )
    all_fit(decided)
    rcca = {"root_cause": "r" * 4000, "corrective_action": "a" * 4000}
    shown = (await sean.says("ticket BP-1001")).last
    recorded = await sean.executes(
        shown, RCCA_SUBMIT, number="BP-1001", **rcca, preventive_action="p" * 4000
    )
    assert "RCCA recorded: BP-1001 can be resolved now." in texts(replied_card(recorded))
    all_fit(recorded)
    all_fit(await sean.says("rcca BP-1001"))


async def test_resolving_drafting_and_reopening_the_fullest_ticket_stays_under_28_kb(desk: Desk):
    await full_ticket(desk)
    kevin, allison, jordan = await team(desk, "Kevin", "Allison", "Jordan")
    closure = (await kevin.says("resolve BP-1001")).last
    answers = {"summary": "f" * 4000, "root_cause": "r" * 4000, "confirmation": "ask"}

    resolved = await kevin.executes(
        closure, CLOSURE_SUBMIT, number="BP-1001", **answers, kb_article="true"
    )

    all_fit(resolved)
    drafted = await allison.says("kb draft BP-1001")
    all_fit(drafted)
    assert all(len(v or "") <= 4000 for v in inputs(drafted.card).values())
    reopened = await jordan.says(f"reopen BP-1001 {'b' * 4000}")
    all_fit(reopened)
    all_fit(await kevin.says("ticket BP-1001"))

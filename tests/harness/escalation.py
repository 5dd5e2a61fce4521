"""Process 4's conversations: a ticket Kevin is troubleshooting, a complete handoff, and ways
to find what reached whom.
"""

from __future__ import annotations

from typing import Any

from cards.escalation import ESCALATION_SUBMIT
from services.escalations import Escalation
from services.tickets import Ticket, TicketDraft
from services.tickets.workflow import acknowledge, add_note, assign, change_status
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.tickets import (
    MONDAY_9AM,
    personal_chat,
    replied_card,
    services,
)

DRAFT = TicketDraft(
    "Sealer stops after 20 cases",
    description="E42 on the HMI after about 20 cases, since Monday.",
    priority="high",
    issue_type="electrical",
    complexity="standard",
    company="Acme Foods",
    machine_model="BP-500",
    serial_number="SN-12345",
)
NOTES = ("Reseated the infeed sensor cable", "Swapped the prox sensor: still E42")
# Everything the form asks, answered; tests leave parts out of it.
COMPLETE = {
    "symptoms": "E42 after about 20 cases; the seal bar heater drops out.",
    "steps_tried": "- Reseated the infeed sensor cable\n- Swapped the prox sensor: still E42",
    "machine_model": "BP-500",
    "serial_number": "SN-12345",
    "software_versions": "PLC 2.14, HMI 5.2",
    "suspected_cause": "Heater relay or its wiring",
    "containment": "Running at half speed with a fan on the seal bar",
    "help_needed": "Check the heater circuit and the relay's wiring",
    "urgency": "high",
}


async def kevins_ticket(desk: Desk) -> Ticket:
    """BP-1001 as Kevin works it: assigned (an override: it is electrical), started, two notes."""
    repo, profile, at = services(desk).tickets, services(desk).profile, MONDAY_9AM
    ticket, _ = await repo.create(DRAFT, "mary", "escalation-test", at)
    steps = [
        lambda t: assign(t, "mary", profile, at, assignee_id="kevin", override_reason="Covering"),
        lambda t: acknowledge(t, "mary", profile, at),
        lambda t: change_status(t, "kevin", profile, at, "in_progress"),
        *(lambda t, text=text: add_note(t, "kevin", profile, at, text) for text in NOTES),
    ]
    current, events = ticket, []
    for step in steps:
        current, new = step(current)
        events.extend(new)
    return await repo.save(current, ticket.version, events)


async def team(desk: Desk, *names: str) -> list[Chat]:
    """People who have the app, so the bot can reach their personal chats."""
    chats = [desk.user(name) for name in names]
    for chat in chats:
        await chat.installs_the_app()
    return chats


def card_to(answer: Answer, chat: Chat) -> Sent:
    """The last card the bot sent into the person's personal chat during this answer."""
    found = [s for s in answer.sent if s.conversation_id == personal_chat(chat) and s.card]
    assert found, f"nothing reached {chat.user.name}: {answer.sent}"
    return found[-1]


def reached(answer: Answer, chat: Chat) -> bool:
    """Whether anything reached the person's personal chat during this answer."""
    return any(s.conversation_id == personal_chat(chat) for s in answer.sent)


async def hand_off(kevin: Chat, answers: dict[str, Any] = COMPLETE) -> tuple[Answer, dict]:
    """Kevin opens the form with `escalate BP-1001` and sends it with `answers`."""
    form = (await kevin.says("escalate BP-1001")).last
    answer = await kevin.executes(form, ESCALATION_SUBMIT, number="BP-1001", **answers)
    return answer, replied_card(answer)


async def latest(desk: Desk, number: str = "BP-1001") -> Escalation | None:
    """The ticket's latest escalation as stored."""
    ticket = await services(desk).tickets.get(number)
    assert ticket is not None
    return await services(desk).escalations.latest(ticket.id)

"""Shared by the parts conversations: typical forms, and ways to send and read them.

It holds no tests; it lives under this name because these tests may only add such files.
"""

from __future__ import annotations

from typing import Any

from cards.parts import PARTS_SUBMIT
from services.parts import PartsRequest
from tests.dialogs.test_troubleshooting_helpers import services
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk

QUOTE = {
    "request_type": "quote",
    "part_number": "4471-220",
    "description": "",
    "quantity": "2",
    "serial_number": "SN-12345",
    "nc_tape_head": "true",
    "order_reference": "",
    "ticket": "",
}
ANSWER = {
    "identified_part": "4471-220B",
    "price": "$120.50",
    "lead_time": "3 weeks from order",
    "quote_number": "Q-2201",
}


def form_id(card: dict) -> str:
    """The form id the parts form's Send button carries."""
    send = next(a for a in card["actions"] if a.get("verb") == PARTS_SUBMIT)
    return send["data"]["form_id"]


async def ask(chat: Chat, answers: dict[str, Any]) -> Answer:
    """Type `parts` and send the form with `answers`; returns what the bot did."""
    form = (await chat.says("parts")).last
    return await chat.executes(form, PARTS_SUBMIT, form_id=form_id(form.card), **answers)


def card_in(answer: Answer, conversation_id: str) -> Sent:
    """The last card the bot sent into a conversation during this answer."""
    return next(s for s in reversed(answer.sent) if s.conversation_id == conversation_id and s.card)


async def parts_request(desk: Desk, number: str) -> PartsRequest:
    """The parts request as the database has it now."""
    request = await services(desk).parts.get(number)
    assert request is not None, number
    return request

"""Process 5 for tests: typical forms and answers, requests built directly, ways to send and
read the parts cards in a conversation."""

from __future__ import annotations

from typing import Any

from bot.keys import SERVICES
from cards.parts_form import PARTS_SUBMIT
from services.parts import PartsDraft, PartsRequest, RequestStatus, RequestType
from tests.harness.connector import Sent
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.domain import MONDAY_9AM

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
    "lines": "4471-220B; 2; $120.50",
    "lead_time": "3 weeks from order",
    "quote_number": "Q-2201",
}
DRAFT = PartsDraft(RequestType.QUOTE, quantity=2, part_number="4471-220", serial_number="SN-12345")


def open_request(**changes: Any) -> PartsRequest:
    """An open quote request from Jordan to Ezechiel, as stored."""
    values: dict[str, Any] = dict(
        id=1,
        profile="bestpack",
        request_type=RequestType.QUOTE,
        quantity=2,
        nc_tape_head=False,
        requester_id="jordan",
        owner_id="ezechiel",
        status=RequestStatus.OPEN,
        created_at=MONDAY_9AM,
        updated_at=MONDAY_9AM,
        part_number="4471-220",
    )
    return PartsRequest(**(values | changes))


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
    request = await desk.app[SERVICES].parts.get(number)
    assert request is not None, number
    return request

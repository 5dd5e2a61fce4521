"""Process 6 for tests: a typical billable request, and ways to send the form and read what
reached whom."""

from __future__ import annotations

from typing import Any

from cards.service_form import SUBMIT
from tests.harness.desk import Answer, Chat
from tests.harness.tickets import personal_chat

BILLABLE_IN_TEXAS = {
    "site": "Lone Star Snacks, Austin",
    "site_state": "tx",
    "start_date": "2026-12-01",
    "end_date": "2026-12-01",
    "billing": "billable",
    "billing_reason": "Outside warranty",
    "scope": "Annual preventive maintenance of the BP-500 wrapper",
    "technician": "jordan",
}


def form_id(card: dict[str, Any]) -> str:
    """The form id the service form's submit button carries."""
    return next(a for a in card["actions"] if a.get("verb") == SUBMIT)["data"]["form_id"]


async def request_service(chat: Chat, answers: dict[str, Any], command: str = "service request"):
    """Open the service form and submit it with `answers`; returns (form, answer)."""
    form = (await chat.says(command)).last
    answer = await chat.executes(form, SUBMIT, form_id=form_id(form.card), **answers)
    return form, answer


def sent_to(answer: Answer, chat: Chat) -> list[dict[str, Any]]:
    """The cards the bot sent into the person's chat during this answer."""
    return [s.card for s in answer.sent if s.conversation_id == personal_chat(chat) and s.card]

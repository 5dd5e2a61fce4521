"""What parts cards send back, typed and bounded, and the checks the form's answers pass."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.turn import Turn
from cards.forms import GENERAL
from dialogs.shared.tickets import RecordRef, find_ticket, ticket_number
from services.forms.bounds import FormId, FormInputs, FormText
from services.numbers import parse_zendesk_ref
from services.parts import PartsAnswer, PartsDraft, PartsRuleError, check_answer, check_request
from services.parts.people import parts_owner
from services.tickets import Ticket

Problems = dict[str, str]


RequestRef = RecordRef  # the request's number, as every record button carries it


class PartsSubmission(FormInputs):
    """The form's data: its form id, plus every input (checked by `check_parts_form`)."""

    form_id: FormId


class AnswerInputs(RequestRef):
    """The parts owner's answer form, as the client sent it (checked by `check_owner_answer`)."""

    lines: FormText | None = None
    lead_time: FormText | None = None
    quote_number: FormText | None = None


async def _open_ticket(turn: Turn, text: str) -> tuple[Ticket | None, str | None]:
    """The open ticket a request form names, or why it cannot carry the request's steps."""
    if ticket_number(turn, text) is None and parse_zendesk_ref(text) is None:
        return None, "Give a ticket number like BP-1001, or leave it empty."
    ticket, problem = await find_ticket(turn, text)
    if ticket is None:
        return None, problem
    if not ticket.is_open:
        return None, f"{ticket.number} is resolved or closed; reopen it first, or leave it empty."
    return ticket, None


async def check_parts_form(turn: Turn, typed: dict[str, Any]) -> tuple[PartsDraft | None, Problems]:
    """The draft the form's answers make, or the problems per field id (nothing is filed)."""
    profile = turn.services.profile
    checked = check_request(profile, typed)
    errors = dict(checked.errors)
    ticket = None
    if str(typed.get("ticket") or "").strip() and "ticket" not in errors:
        ticket, problem = await _open_ticket(turn, str(typed["ticket"]))
        errors.update({"ticket": problem} if problem else {})
    if parts_owner(profile) is None:
        errors[GENERAL] = "Nobody on the roster answers parts requests (answer_parts)."
    if errors or checked.draft is None:
        return None, errors
    return replace(checked.draft, ticket_number=ticket.number if ticket else None), {}


async def check_owner_answer(
    turn: Turn, typed: dict[str, Any]
) -> tuple[PartsAnswer | None, Problems]:
    """The owner's answer, or the problems per field id; a quote number names one quote."""
    checked = check_answer(turn.services.profile, typed)
    if checked.answer is None:
        return None, checked.errors
    try:
        order = await turn.services.orders.look_up(checked.answer.quote_number)
    except PartsRuleError:
        order = None  # only NetSuite failed; recording the quote still refuses a number taken
    if order is None or order.only_in_source:
        return checked.answer, {}
    used_by = f" by {order.request_number}" if order.request_number else ""
    return None, {"quote_number": f"Quote number {order.quote_number} is already used{used_by}."}

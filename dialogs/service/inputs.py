"""What service cards send back, typed and bounded, and the checks the form's answers pass:
as the card checks them, then the rules of process 6 (dates, the reason for non-billable work,
a technician where our own staff go).
"""

from __future__ import annotations

from bot.turn import Turn
from dialogs.shared.tickets import RecordRef, find_ticket
from services.forms import check_answers
from services.forms.bounds import FormId, FormInputs, Reason
from services.service_requests import ServiceDraft, ServiceRequest
from services.service_requests.forms import service_draft, service_fields
from services.service_requests.workflow import draft_problems, local_today


class ServiceSubmission(FormInputs):
    """The form's data: its form id, plus every input (checked by `check_service_form`)."""

    form_id: FormId


RequestRef = RecordRef  # the request's number, as every record button carries it


class Rejection(RequestRef):
    """Reject: why, in words the requester is sent."""

    reason: Reason = ""


async def check_service_form(turn: Turn, answers: dict) -> tuple[ServiceDraft | None, dict]:
    """The draft the answers make, or the problems per field id (nothing is filed then)."""
    profile = turn.services.profile
    check = check_answers(profile, service_fields(profile), answers)
    if not check.ok:
        return None, check.errors
    number = None
    if check.values.get("ticket"):
        ticket, problem = await find_ticket(turn, check.values["ticket"])
        if ticket is None:
            return None, {"ticket": problem or ""}
        number = ticket.number
    draft = service_draft(check.values, number)
    problems = draft_problems(profile, draft, local_today(profile, turn.services.clock()))
    return (None, problems) if problems else (draft, {})


def prefilled(ticket_number: str, company: str | None, state: object) -> dict:
    """The form's values for a request about a ticket: its site and state, when known."""
    values: dict = {"ticket": ticket_number}
    if company:
        values["site"] = company
    if isinstance(state, str) and state.strip():
        values["site_state"] = state.strip().lower()  # the state choices' keys are lower-case
    return values


async def find_request(turn: Turn, text: str) -> tuple[ServiceRequest | None, str | None]:
    """The request a card or a person named ("SR-1001"), or why there is none."""
    number = (text or "").strip().upper()
    request = await turn.services.service_requests.get(number) if number else None
    return (request, None) if request else (None, f"There is no service request {number}.")

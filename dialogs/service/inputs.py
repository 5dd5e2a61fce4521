"""The service form's answers: checked on the server as the card checks them, then against the
rules of process 6 (dates, the reason for non-billable work, a technician for our own staff).
"""

from __future__ import annotations

from datetime import date

from bot.turn import Turn
from cards.service_form import service_fields
from dialogs.shared.tickets import find_ticket
from services.forms import check_answers
from services.forms.bounds import FormId, FormInputs
from services.service_requests import Billing, ServiceDraft
from services.service_requests.workflow import draft_problems, local_today


class ServiceSubmission(FormInputs):
    """The form's data: its form id, plus every input (checked by `check_service_form`)."""

    form_id: FormId


async def check_service_form(turn: Turn, answers: dict) -> tuple[ServiceDraft | None, dict]:
    """The draft the answers make, or the problems per field id (nothing is filed then)."""
    profile = turn.services.profile
    check = check_answers(profile, service_fields(profile), answers)
    if not check.ok:
        return None, check.errors
    values = check.values
    number = None
    if values.get("ticket"):
        ticket, problem = await find_ticket(turn, values["ticket"])
        if ticket is None:
            return None, {"ticket": problem or ""}
        number = ticket.number
    draft = ServiceDraft(
        site=values["site"],
        site_state=values["site_state"],
        start_date=date.fromisoformat(values["start_date"]),
        end_date=date.fromisoformat(values["end_date"]),
        billing=Billing(values["billing"]),
        scope=values["scope"],
        billing_reason=values.get("billing_reason", ""),
        technician_id=values.get("technician"),
        ticket_number=number,
    )
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

"""Process 6's form: the service request, drawn from services.service_requests.forms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import CardElement, ExecuteAction

from cards.forms import form_inputs
from cards.render import card, heading, note, render
from services.profile import Profile
from services.service_requests.forms import approver_names, service_fields

SUBMIT = "service.submit"
CANCEL = "service.cancel"


def service_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict:
    """The service request form; after a refused submission, the same form with errors and
    every value kept."""
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading("Service request"),
        note(f"Non-billable work goes to {approver_names(profile)} for approval first."),
    ]
    body.extend(form_inputs(profile, service_fields(profile), values, errors))
    data = {"form_id": form_id}
    actions = [
        ExecuteAction(
            title="Request service",
            verb=SUBMIT,
            data=data,
            style="positive",
            associated_inputs="auto",
        ),
        ExecuteAction(title="Cancel", verb=CANCEL, data=data, associated_inputs="none"),
    ]
    return render(card(body, actions))


def service_cancelled_card() -> dict:
    """What replaces the form when the person cancels."""
    return render(card([heading("Service request cancelled"), note("Nothing was requested.")]))

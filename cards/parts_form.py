"""Process 5's form: what a person asks the parts owner (a quote, a part number, an order)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import CardElement, ExecuteAction

from cards.forms import form_inputs
from cards.render import card, heading, note, render
from services.parts.forms import request_fields
from services.profile import Profile

PARTS_SUBMIT = "parts.submit"
PARTS_CANCEL = "parts.cancel"


def parts_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict:
    """The parts request form; after a refused submission, the same form, errors shown."""
    values = {"quantity": 1, "request_type": "quote", **(values or {})}
    body: list[CardElement] = [
        heading("Parts & quotes"),
        note("A quote, a part number identified, or where an order stands."),
        *form_inputs(profile, request_fields(profile), values, errors or {}),
    ]
    data = {"form_id": form_id}
    actions = [
        ExecuteAction(
            title="Send", verb=PARTS_SUBMIT, data=data, associated_inputs="auto", style="positive"
        ),
        ExecuteAction(title="Cancel", verb=PARTS_CANCEL, data=data, associated_inputs="none"),
    ]
    return render(card(body, actions))


def parts_cancelled_card() -> dict:
    """What replaces the form when the person cancels."""
    return render(card([heading("Parts request cancelled"), note("Nothing was sent.")]))

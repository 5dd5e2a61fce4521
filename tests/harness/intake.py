"""A customer's call as the intake form takes it, and reading the form back."""

from __future__ import annotations

from cards.intake import SUBMIT_VERB

GOOD = {
    "company": "Acme Foods",
    "contact_name": "Dana Lee",
    "phone": "+1 555 010 0100",
    "email": "dana@acme.example",
    "site_state": "nj",
    "machine_model": "BP-500 Wrapper",
    "serial_number": "SN-12345",
    "machine_complexity": "standard",
    "subject": "",  # as Teams sends an input left empty: the description's summary titles it
    "issue_description": "Infeed conveyor jams when the film roll changes.\nAlarm E42.",
    "issue_type": "controls",
    "production_impact": "true",
    "priority": "urgent",
}


def form_id(card: dict) -> str:
    """The form id the intake card's submit button carries."""
    submit = next(a for a in card["actions"] if a.get("verb") == SUBMIT_VERB)
    return submit["data"]["form_id"]


def input_values(card: dict) -> dict:
    """Each input's current value, as the card shows it."""
    return {e["id"]: e.get("value") for e in card["body"] if e["type"].startswith("Input.")}

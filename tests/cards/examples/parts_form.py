"""Example renderings of process 5's form (cards.parts_form)."""

from cards.forms import GENERAL
from cards.parts_form import parts_cancelled_card, parts_form_card
from services.parts.forms import request_fields
from services.profile import load_profile

PROFILE = load_profile("bestpack")
LONG = "Worn cutter blade holder on the left side, stamped 44-7 on the back. " * 50
TYPED = {"request_type": "quote", "part_number": "", "quantity": "many", "description": LONG}

EXAMPLES = {
    "parts_form_card": [
        lambda: parts_form_card(PROFILE, "f" * 32),
        lambda: parts_form_card(
            PROFILE,
            "f" * 32,
            TYPED,
            {spec.id: f"{spec.label} is wrong. " * 5 for spec in request_fields(PROFILE)}
            | {GENERAL: "Nobody on the roster answers parts requests."},
        ),
    ],
    "parts_cancelled_card": [parts_cancelled_card],
}

"""Example renderings of the RCCA form, empty and at its longest with every error shown."""

from cards.forms import GENERAL
from cards.rcca import rcca_form_card
from services.escalations import RCCA_FIELDS
from tests.cards.examples.escalation import ESCALATED, LONG, PROFILE

EXAMPLES = {
    "rcca_form_card": [
        lambda: rcca_form_card(PROFILE, ESCALATED),
        lambda: rcca_form_card(
            PROFILE,
            ESCALATED,
            {spec.id: LONG for spec in RCCA_FIELDS},
            {spec.id: f"{spec.label} is required." for spec in RCCA_FIELDS}
            | {GENERAL: "BP-1001 is resolved; reopen it to change its RCCA."},
        ),
    ],
}

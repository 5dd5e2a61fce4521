"""Example renderings of the intake cards."""

from cards.intake import intake_cancelled_card, intake_form_card, intake_summary_card
from services.profile import load_profile
from tests.cards.examples.ticket import TICKET

PROFILE = load_profile("bestpack")

EXAMPLES = {
    "intake_form_card": [
        lambda: intake_form_card(PROFILE, "form-1"),
        lambda: intake_form_card(
            PROFILE,
            "form-2",
            {"company": "Acme Foods", "production_impact": True, "issue_type": "controls"},
            {f.id: f"{f.label} is wrong in a long and detailed way." for f in PROFILE.intake},
        ),
        lambda: intake_form_card(  # filled from BP Search: the serial and company are picks
            PROFILE,
            "form-3",
            {
                "serial_number": "machine:M-1:CE4-10421",
                "company": "customer:C-100:Harvest Valley Foods",
                "contact_name": "Dana Whitfield",
                "site_state": "ca",
            },
            notice="Filled from BP Search (NetSuite): Company, Contact name, Machine site.",
        ),
        lambda: intake_form_card(  # a client without typeahead: text inputs, Fill kept
            PROFILE, "form-4", {"serial_number": "machine:M-1:CE4-10421"}, typeahead=False
        ),
    ],
}
EXAMPLES["intake_summary_card"] = [
    lambda: intake_summary_card(PROFILE, TICKET),
    lambda: intake_summary_card(PROFILE, TICKET, already_filed=True),
    lambda: intake_summary_card(PROFILE, TICKET, priority_reason="suggested from Machine down"),
]
EXAMPLES["intake_cancelled_card"] = [intake_cancelled_card]

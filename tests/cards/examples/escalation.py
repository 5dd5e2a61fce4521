"""Example renderings of process 4's cards: the handoff form, the review and the notices, each
at its longest (every field at its limit, every error shown)."""

from dataclasses import replace

from microsoft_teams.cards import ExecuteAction

from cards.escalation import escalation_form_card
from cards.escalation_notices import escalation_assigned_card, escalation_reply_card
from cards.escalation_queue import escalations_card
from cards.escalation_review import decision_actions, escalation_review_card
from cards.forms import GENERAL
from cards.rcca import escalation_section
from cards.ticket import RCCA as RCCA_VERB
from cards.ticket import note_form, ticket_card
from services.escalations import HANDOFF_FIELDS, Escalation, EscalationStatus, Handoff, Rcca
from services.profile import Capability, load_profile
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT, EVENTS, TICKET

PROFILE = load_profile("bestpack")
LONG = "The seal bar heater drops out at random, then the E42 alarm latches. " * 57  # ~4000
LINE = "V2.14.3-build-7781 / HMI 5.2 / drive firmware 1.9 " * 5  # 250 characters
HANDOFF = Handoff(
    symptoms=LONG,
    steps_tried=LONG,
    machine_model=LINE,
    serial_number=LINE,
    software_versions=LINE,
    suspected_cause=LONG,
    containment=LONG,
    help_needed=LONG,
    urgency="urgent",
)
REQUESTED = Escalation(1, EscalationStatus.REQUESTED, "jordan", AT, HANDOFF, id=7)
ACCEPTED = replace(
    REQUESTED,
    status=EscalationStatus.ACCEPTED,
    decided_by="allison",
    decided_at=AT,
    engineer_id="sean",
    reply="Check the heater relay first. " * 30,
)
INFO = replace(
    REQUESTED,
    status=EscalationStatus.INFO_REQUESTED,
    decided_by="allison",
    decided_at=AT,
    reply="Which PLC program version is loaded? " * 50,
)
RCCA = Rcca(LONG, LONG, LONG, "sean", AT, escalation_id=7, ticket_id=1)
ENGINEERS = PROFILE.people_with_capability(Capability.TAKE_ESCALATION)
ESCALATED = replace(TICKET, status=TicketStatus.ESCALATED, escalated=True, assignee_id="jordan")
ACCEPTED_TICKET = replace(ESCALATED, status=TicketStatus.IN_PROGRESS, assignee_id="sean")
KEPT = replace(ACCEPTED_TICKET, assignee_id="jordan")  # Jordan stays on the customer

EXAMPLES = {
    "escalation_form_card": [
        lambda: escalation_form_card(PROFILE, TICKET),
        lambda: escalation_form_card(
            PROFILE,
            TICKET,
            HANDOFF.answers(),
            {spec.id: f"{spec.label} is required." for spec in HANDOFF_FIELDS}
            | {GENERAL: "BP-1001 changed while you were looking at it."},
            asked=f"Allison asked: {INFO.reply}",
        ),
    ],
    "escalation_review_card": [
        lambda: escalation_review_card(PROFILE, TICKET, REQUESTED, ENGINEERS, "sean"),
        lambda: escalation_review_card(PROFILE, TICKET, REQUESTED, ENGINEERS),
        lambda: escalation_review_card(
            PROFILE, TICKET, ACCEPTED, ENGINEERS, outcome="Accepted: Sean has BP-1001 now."
        ),
    ],
    "escalation_assigned_card": [
        lambda: escalation_assigned_card(PROFILE, ACCEPTED_TICKET, ACCEPTED),
        lambda: escalation_assigned_card(PROFILE, KEPT, ACCEPTED),
        lambda: escalation_assigned_card(PROFILE, ACCEPTED_TICKET, replace(ACCEPTED, reply=None)),
    ],
    "escalation_reply_card": [
        lambda: escalation_reply_card(PROFILE, ACCEPTED_TICKET, ACCEPTED),
        lambda: escalation_reply_card(PROFILE, KEPT, ACCEPTED),
        lambda: escalation_reply_card(PROFILE, TICKET, INFO),
    ],
    "ticket_card": [
        lambda: ticket_card(
            PROFILE,
            KEPT,
            EVENTS,
            [note_form("BP-1001"), ExecuteAction(title="RCCA", verb=RCCA_VERB, data={})],
            sections=escalation_section(PROFILE, ACCEPTED, RCCA),
        ),
        lambda: ticket_card(  # the engineering manager's, while the handoff waits
            PROFILE,
            ESCALATED,
            EVENTS,
            [note_form("BP-1001"), *decision_actions(PROFILE, ESCALATED, REQUESTED, ENGINEERS)],
            sections=escalation_section(PROFILE, REQUESTED, None),
        ),
    ],
    "escalations_card": [
        lambda: escalations_card(PROFILE, []),
        lambda: escalations_card(PROFILE, [(replace(ESCALATED, subject=LONG), REQUESTED)] * 25),
    ],
}

"""Example renderings of SLA alerts: a warning for an assignee, one for triage, a breach."""

from dataclasses import replace
from datetime import timedelta

from cards.sla_alert import sla_alert_card
from services.profile import load_profile
from services.sla.policy import Deadline, Threshold
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("bestpack")
UNASSIGNED = replace(TICKET, assignee_id=None, subject="Sealer alarm 204 " * 14)

EXAMPLES = {
    "sla_alert_card": [
        lambda: sla_alert_card(PROFILE, TICKET, Deadline.FIRST_RESPONSE, Threshold.WARNING, AT, 15),
        lambda: sla_alert_card(PROFILE, UNASSIGNED, Deadline.ACKNOWLEDGE, Threshold.WARNING, AT, 1),
        lambda: sla_alert_card(
            PROFILE, TICKET, Deadline.RESOLUTION, Threshold.BREACH, AT - timedelta(days=3), 1505
        ),
    ],
}

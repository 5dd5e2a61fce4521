"""Example renderings of SLA alerts: a warning for an assignee, one for triage, breaches."""

from dataclasses import replace
from datetime import timedelta

from cards.deadlines import Missed
from cards.sla_alert import sla_alert_card
from services.profile import load_profile
from services.sla.policy import Deadline, Threshold
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("bestpack")
UNASSIGNED = replace(TICKET, assignee_id=None, subject="Sealer alarm 204 " * 14)
FIRST = Missed(Deadline.FIRST_RESPONSE, 15, AT)
LATE = [
    Missed(Deadline.ACKNOWLEDGE, 65, AT - timedelta(hours=1)),
    Missed(Deadline.FIRST_RESPONSE, 5, AT),
]

EXAMPLES = {
    "sla_alert_card": [
        lambda: sla_alert_card(PROFILE, TICKET, Threshold.WARNING, [FIRST]),
        lambda: sla_alert_card(
            PROFILE, UNASSIGNED, Threshold.WARNING, [Missed(Deadline.ACKNOWLEDGE, 1, AT)]
        ),
        lambda: sla_alert_card(
            PROFILE,
            TICKET,
            Threshold.BREACH,
            [Missed(Deadline.RESOLUTION, 1505, AT - timedelta(days=3))],
        ),
        lambda: sla_alert_card(PROFILE, UNASSIGNED, Threshold.BREACH, LATE),
    ],
}

"""Example renderings of the triage card."""

from dataclasses import replace

from cards.triage import AssigneeOption, TriageView, triage_card
from services.bp_search import MachineHistory
from services.profile import load_profile
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("bestpack")
NEW = replace(TICKET, status=TicketStatus.NEW, assignee_id=None, reopen_count=0)
OPTIONS = tuple(
    AssigneeOption(p.id, f"{p.name} — Mechanical troubleshooting/Standard machines — {i} open")
    for i, p in enumerate(PROFILE.roster)
)
BUSY = TriageView(
    doubts=tuple(
        f"Field {i} is missing, and here is a long explanation of why." for i in range(12)
    ),
    options=OPTIONS,
    suggested=OPTIONS[1],
    extra_facts=(("On-site service", "PLC Paramedics (NJ)"),),
    recent=tuple(
        f"Mon 23 Nov 2026 05:{i:02} PST · Mary added a note: {'x' * 200}" for i in range(4)
    ),
    outcome="Assigned to Jordan by Mary.",
    reach="Jordan hasn't installed the Support Desk app yet and gets this when they open it; "
    "send Jordan the install link if it is urgent.",
    ack_overdue=True,
    viewers=("29:mary", "29:allison"),
)
# The machine came back with the same issue: the first line is in red.
REPEAT = MachineHistory(
    "2 other tickets on CE4-10421 in the last 90 days: BP-1002, BP-1003. "
    "Repeat: PLC, programming or HMI also on BP-1003 (2 Nov 2026).",
    "Under warranty until 3 May 2027.",
    repeat=True,
)

EXAMPLES = {
    "triage_card": [
        lambda: triage_card(PROFILE, NEW, TriageView(options=OPTIONS, suggested=OPTIONS[1])),
        lambda: triage_card(PROFILE, NEW, TriageView()),
        lambda: triage_card(PROFILE, TICKET, BUSY),
        lambda: triage_card(
            PROFILE, replace(TICKET, status=TicketStatus.CLOSED, acknowledged_at=AT), BUSY
        ),
        lambda: triage_card(PROFILE, NEW, TriageView(machine=REPEAT)),
    ],
}

"""Example renderings of the ticket card."""

from datetime import UTC, datetime, timedelta

from microsoft_teams.cards import ExecuteAction

from cards.fit import RecordLink
from cards.ticket import REOPEN, note_form, ticket_card
from services.bp_search import MachineHistory
from services.profile import load_profile
from services.tickets import EventKind, Ticket, TicketEvent, TicketStatus

PROFILE = load_profile("bestpack")
AT = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)
TICKET = Ticket(
    id=1,
    number="BP-1001",
    profile="bestpack",
    status=TicketStatus.ASSIGNED,
    priority="urgent",
    subject="Infeed conveyor jams",
    requester_id="mary",
    created_at=AT,
    updated_at=AT,
    description="Infeed conveyor jams when the film roll changes. " * 30,
    issue_type="mechanical",
    complexity="standard",
    company="Acme Foods",
    contact_name="Dana Lee",
    contact_phone="+1 555 010 0100",
    contact_email="dana@acme.example",
    machine_model="BP-500",
    serial_number="SN-12345",
    assignee_id="jordan",
    ack_due_at=AT + timedelta(hours=1),
    time_spent_minutes=45,
    reopen_count=1,
)
EVENTS = [
    TicketEvent(EventKind.NOTE, "jordan", AT + timedelta(minutes=i), body="Checked sensor " * 10)
    for i in range(40)
]

EXAMPLES = {
    "ticket_card": [
        lambda: ticket_card(PROFILE, TICKET, []),
        lambda: ticket_card(
            PROFILE,
            TICKET,
            [],
            machine=MachineHistory(
                "No other ticket on XX-1 in the last 90 days.", "XX-1 not found in NetSuite."
            ),
        ),
        lambda: ticket_card(
            PROFILE,
            TICKET,
            [],
            link=RecordLink("Zendesk #4711", "https://bestpack.zendesk.com/agent/tickets/4711"),
        ),
        lambda: ticket_card(
            PROFILE,
            TICKET,
            EVENTS,
            [note_form("BP-1001"), ExecuteAction(title="Reopen", verb=REOPEN)],
            headline="Assigned to you",
            # Teams refreshes the card for these viewers when they open it.
            viewers=[f"29:viewer-{i}" for i in range(70)],
        ),
    ],
}

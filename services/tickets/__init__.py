"""The ticket domain of the support process: intake, assignment, troubleshooting and closure.

Pure workflow commands (services.tickets.workflow) decide; TicketRepository stores the working
copy; a TicketSystem (embedded: EmbeddedTicketSystem) carries it to the system of record.
"""

from services.tickets.errors import StaleTicket, TicketRuleError
from services.tickets.intake import TicketDraft, check_draft, draft_from_answers
from services.tickets.model import (
    SYSTEM_ACTOR,
    Change,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    ReopenSource,
    Ticket,
    TicketEvent,
    Visibility,
)
from services.tickets.port import EmbeddedTicketSystem, TicketSystem
from services.tickets.repository import TicketRepository
from services.tickets.statuses import TRANSITIONS, TicketStatus, from_zendesk, to_zendesk

__all__ = [
    "SYSTEM_ACTOR",
    "TRANSITIONS",
    "Change",
    "Confirmation",
    "ConfirmationChannel",
    "EmbeddedTicketSystem",
    "EventKind",
    "ReopenSource",
    "StaleTicket",
    "Ticket",
    "TicketDraft",
    "TicketEvent",
    "TicketRepository",
    "TicketRuleError",
    "TicketStatus",
    "TicketSystem",
    "Visibility",
    "check_draft",
    "draft_from_answers",
    "from_zendesk",
    "to_zendesk",
]

"""The workflow commands in one place: each takes a ticket, an actor, the profile and `now`.

Every command is pure: it checks the rules of the support process, raising TicketRuleError with
a sentence for the person when one is broken, and returns a Change (the new ticket and the
events to write with it); TicketRepository.save stores both. Commands compose: feed one
command's ticket to the next and save once with all their events.
"""

from services.tickets.closure import (
    auto_close,
    auto_close_refusal,
    business_days_without_answer,
    close,
    resolve,
)
from services.tickets.reopening import reopen
from services.tickets.triage import acknowledge, assign, classify
from services.tickets.work import WORK_STATUSES, add_note, change_status

__all__ = [
    "WORK_STATUSES",
    "acknowledge",
    "add_note",
    "assign",
    "auto_close",
    "auto_close_refusal",
    "business_days_without_answer",
    "change_status",
    "classify",
    "close",
    "reopen",
    "resolve",
]

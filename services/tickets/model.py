"""The ticket, its timeline events and the small value types the workflow commands take."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from services.tickets.statuses import DONE, TicketStatus

# The actor of changes no person made (auto-close after the customer's silence).
SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class Ticket:
    """A support ticket as stored in the `tickets` table; `status` is its status role."""

    id: int
    number: str
    profile: str
    status: TicketStatus
    priority: str
    subject: str
    requester_id: str
    created_at: datetime
    updated_at: datetime
    description: str = ""
    issue_type: str | None = None
    complexity: str | None = None
    company: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    machine_model: str | None = None
    serial_number: str | None = None
    # The machine's and its customer's ids in the installed base, when intake picked it there
    # (None: typed by hand, or not found).
    machine_ref: str | None = None
    customer_ref: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    assignee_id: str | None = None
    ack_due_at: datetime | None = None
    acknowledged_at: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    reopen_count: int = 0
    escalated: bool = False
    external_id: str | None = None
    intake_key: str | None = None
    # SLA (services.tickets.sla keeps them current on every save): the other two due times,
    # when the clock paused, the business minutes paused so far, and the sweep's next look.
    first_response_due_at: datetime | None = None
    resolution_due_at: datetime | None = None
    sla_paused_at: datetime | None = None
    sla_paused_minutes: float = 0.0
    next_sla_check_at: datetime | None = None
    version: int = 1
    # Read from the timeline rather than stored: when the status last changed, and the sum of
    # the minutes logged on notes and with `time` (time_entries). The commands keep both current
    # on the tickets they return.
    status_changed_at: datetime | None = None
    time_spent_minutes: int = 0

    @property
    def is_open(self) -> bool:
        """True until the ticket is resolved or closed."""
        return self.status not in DONE


class Visibility(StrEnum):
    """Who may see an event: staff only, or the customer too (Zendesk private/public comment)."""

    INTERNAL = "internal"
    PUBLIC = "public"


class EventKind(StrEnum):
    """What happened to a ticket."""

    CREATED = "created"
    CLASSIFIED = "classified"
    ACKNOWLEDGED = "acknowledged"
    ASSIGNED = "assigned"
    STATUS_CHANGED = "status_changed"
    NOTE = "note"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"
    RCCA = "rcca"  # an escalated ticket's root cause and corrective action (process 4)
    PARTS = "parts"  # a parts request or order step (process 5); `after` names the request
    SERVICE = "service"  # a service request step (process 6); `after` names the request
    KNOWLEDGE = "knowledge"  # a KB article drafted or published from it (process 7)
    # Answered with a KB article's link ("Can documentation solve it?"); `after` names it.
    DOCUMENTATION_ANSWER = "documentation_answer"
    INVOLVED = "involved"  # a helper team pulled in; `after` names the team and its people
    # A profile's escalate rule fired on filing; `body` says why and who was told.
    ESCALATED_AT_INTAKE = "escalated_at_intake"
    # A message to the customer handed to the sync queue; its NOTE follows once it went out.
    MESSAGE_QUEUED = "message_queued"


@dataclass(frozen=True)
class TicketEvent:
    """One entry of a ticket's timeline; `before`/`after` hold only what the event changed."""

    kind: EventKind
    actor_id: str
    at: datetime
    visibility: Visibility = Visibility.INTERNAL
    body: str | None = None
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    # Set once stored.
    id: int | None = None
    ticket_id: int | None = None


class Change(NamedTuple):
    """What a command produced: the ticket to save and the events to write with it."""

    ticket: Ticket
    events: tuple[TicketEvent, ...]


class ConfirmationChannel(StrEnum):
    """How the customer told us the fix worked."""

    PHONE = "phone"
    EMAIL = "email"
    TEAMS = "teams"
    ZENDESK = "zendesk"
    ON_SITE = "on_site"


@dataclass(frozen=True)
class Confirmation:
    """The customer's confirmation that a fix worked: who said so, and how."""

    confirmed_by: str
    via: ConfirmationChannel


class ReopenSource(StrEnum):
    """Why a ticket came back: staff found the fix did not hold, or the customer reported it."""

    STAFF = "staff"
    CUSTOMER_REPORT = "customer_report"

"""A service request (process 6) and the small value types around it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from services.profile import Provider


class Billing(StrEnum):
    """Who pays for the visit: the customer, or BestPack (which needs the manager's approval)."""

    BILLABLE = "billable"
    NON_BILLABLE = "non_billable"


class RequestStatus(StrEnum):
    """Where a request stands.

    AWAITING_APPROVAL --approve--> APPROVED --schedule--> SCHEDULED
    AWAITING_APPROVAL --reject--> REJECTED
    A billable request starts APPROVED: it needs nobody's approval.
    """

    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"  # approved (or billable): the project and the notice come next
    SCHEDULED = "scheduled"  # project created; whoever goes was told, or the requester must
    REJECTED = "rejected"


class NoticeVia(StrEnum):
    """How whoever goes on site hears of it."""

    TEAMS = "teams"  # the scheduled technician, in their chat with the bot
    REQUESTER = "requester"  # a 3rd party not on Teams: the requester sends it (e-mail, call)


@dataclass(frozen=True)
class ServiceDraft:
    """What the service form asks, typed; `site_state` is a two-letter code."""

    site: str
    site_state: str
    start_date: date
    end_date: date
    billing: Billing
    scope: str
    billing_reason: str = ""
    technician_id: str | None = None  # BestPack staff path only
    ticket_number: str | None = None


@dataclass(frozen=True)
class Dispatch:
    """Who goes on site: the 3rd-party provider serving the state, else in-house staff."""

    state: str
    provider: Provider | None
    in_house: str  # the profile's name for its own staff ("BestPack service staff")

    @property
    def label(self) -> str:
        """Who goes, in words: "PLC Paramedics" or "BestPack service staff"."""
        return self.provider.name if self.provider else self.in_house


@dataclass(frozen=True)
class Notice:
    """What whoever goes on site is told: to whom, how, and the words."""

    to: str
    via: NoticeVia
    text: str
    email: str | None = None


@dataclass(frozen=True)
class ServiceRequest:
    """A request for on-site service, as stored in `service_requests`."""

    id: int
    number: str
    profile: str
    status: RequestStatus
    site: str
    site_state: str
    start_date: date
    end_date: date
    billing: Billing
    scope: str
    requester_id: str
    created_at: datetime
    updated_at: datetime
    billing_reason: str = ""
    provider_key: str | None = None  # None: BestPack staff go
    technician_id: str | None = None
    ticket_number: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    project_number: str | None = None
    notice_to: str | None = None
    notice_via: NoticeVia | None = None
    notice_email: str | None = None
    notice: str | None = None
    notified_at: datetime | None = None
    form_key: str | None = None
    version: int = 1

    @property
    def needs_approval(self) -> bool:
        """Non-billable work needs the engineering manager's approval."""
        return self.billing is Billing.NON_BILLABLE

    @property
    def in_house(self) -> bool:
        """BestPack staff go (no 3rd-party provider serves the state)."""
        return self.provider_key is None

"""What a look-up answers: one finding per hit, or candidates to pick from, and what was missing.

A finding puts together the installed base's record (customer, machine or order), the CRM's
company, and what the bot's own tables know: the tickets on it and its last service visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.bp_search.query import Kind, Query
from services.installed_base import Company, Customer, Machine, SalesOrder
from services.tickets import TicketStatus

CLOSED_SHOWN = 5  # the last closed tickets a finding lists, newest first


@dataclass(frozen=True)
class TicketLine:
    """One ticket on the machine or customer, as the history shows it."""

    number: str
    subject: str
    status: TicketStatus
    opened_at: datetime
    issue_type: str | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None  # the resolution summary of a resolved or closed ticket


@dataclass(frozen=True)
class TicketHistory:
    """The tickets here: every open one, and the last CLOSED_SHOWN resolved or closed."""

    open: tuple[TicketLine, ...] = ()
    closed: tuple[TicketLine, ...] = ()
    closed_total: int = 0  # how many resolved or closed there are in all


@dataclass(frozen=True)
class Visit:
    """A service visit (process 6's request) on the machine or at the customer."""

    number: str
    start: date
    end: date
    site: str
    status: str
    project_number: str | None = None


@dataclass(frozen=True)
class Gap:
    """A source that did not answer, and what the finding shows instead.

    `shown_from` is when what is shown was current: a cached answer, or (`local`) the bot's own
    tickets; None when nothing stood in for the source.
    """

    source: str
    shown_from: datetime | None = None
    local: bool = False


@dataclass(frozen=True)
class Finding:
    """One hit: a machine, a customer or a sales order, with everything known around it."""

    kind: Kind
    name: str  # the customer's name, also when only the bot's tickets know it
    customer: Customer | None = None
    machine: Machine | None = None
    order: SalesOrder | None = None
    company: Company | None = None
    machines: tuple[Machine, ...] = ()  # a customer's machines (the first few)
    tickets: TicketHistory = TicketHistory()
    last_visit: Visit | None = None
    open_orders: tuple[SalesOrder, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A hit among several: what to show in the list, and what picking it looks up."""

    kind: Kind
    ref: str  # a serial, a customer's ref or an order number
    title: str
    detail: str = ""


@dataclass(frozen=True)
class Answer:
    """A look-up's answer: findings, or candidates when several match; `gaps` the sources that
    did not answer; `stale` when something shown came from an expired cache entry."""

    query: Query
    findings: tuple[Finding, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    more: bool = False  # more candidates matched than are listed
    gaps: tuple[Gap, ...] = ()
    stale: bool = False

    @property
    def empty(self) -> bool:
        """Nothing matched (or nothing could be asked)."""
        return not self.findings and not self.candidates

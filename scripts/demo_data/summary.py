"""What a database holds, counted: the refusal to touch a non-empty one, and the demo's summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from services.app_services import AppServices
from services.db import Database
from services.db.schema import (
    conversation_refs,
    customer_sites,
    customers,
    deals,
    escalations,
    kb_articles,
    machines,
    outbox,
    parts_orders,
    parts_requests,
    rcca_records,
    sales_orders,
    service_requests,
    ticket_events,
    tickets,
)
from services.tickets import TicketStatus

# What makes a database "in use": anything a person or the bot created.
CONTENT = {
    "tickets": tickets,
    "parts requests": parts_requests,
    "service requests": service_requests,
    "KB articles": kb_articles,
    "outbox messages": outbox,
    "conversation references": conversation_refs,
    "installed-base machines": machines,
}


async def _count(db: Database, table, *where) -> int:
    async with db.engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(table).where(*where)))


async def _by(db: Database, column) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)
    async with db.engine.connect() as connection:
        return {str(key): int(n) for key, n in (await connection.execute(query)).all()}


async def existing_content(db: Database) -> dict[str, int]:
    """Rows in the tables people and the bot fill, leaving out the empty ones."""
    found = {name: await _count(db, table) for name, table in CONTENT.items()}
    return {name: n for name, n in found.items() if n}


@dataclass
class DemoSummary:
    """The variety the demo made, as the summary prints it and the tests check it."""

    tickets_by_status: Counter[str] = field(default_factory=Counter)
    late_acks: int = 0
    overdue_unacknowledged: int = 0
    reopened_tickets: int = 0
    escalations: int = 0
    rccas: int = 0
    parts_requests: int = 0
    orders_by_status: dict[str, int] = field(default_factory=dict)
    service_requests_by_status: dict[str, int] = field(default_factory=dict)
    kb_articles_by_status: dict[str, int] = field(default_factory=dict)
    events_by_kind: dict[str, int] = field(default_factory=dict)
    first_created: datetime | None = None
    last_event: datetime | None = None
    # The installed base, and how many tickets name one of its machines.
    customers: int = 0
    sites_by_state: dict[str, int] = field(default_factory=dict)
    machines: int = 0
    tickets_on_machines: int = 0
    sales_orders_by_status: dict[str, int] = field(default_factory=dict)
    open_deals: int = 0

    @property
    def span_days(self) -> float:
        """Calendar days from the first ticket to the last event."""
        if self.first_created is None or self.last_event is None:
            return 0.0
        return (self.last_event - self.first_created).total_seconds() / 86400

    def lines(self) -> list[str]:
        """The summary, one fact per line."""
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(self.tickets_by_status.items()))
        return [
            f"Tickets: {sum(self.tickets_by_status.values())} ({statuses})",
            f"Span: {self.span_days:.1f} days, {self.first_created:%Y-%m-%d %H:%M} to "
            f"{self.last_event:%Y-%m-%d %H:%M} UTC",
            f"Acknowledged late: {self.late_acks}; past the acknowledgement target and "
            f"still unacknowledged: {self.overdue_unacknowledged}",
            f"Reopened tickets: {self.reopened_tickets}",
            f"Escalations to Engineering: {self.escalations} (RCCAs recorded: {self.rccas})",
            f"Parts requests: {self.parts_requests}; orders: {self.orders_by_status}",
            f"Service requests: {self.service_requests_by_status}",
            f"KB articles: {self.kb_articles_by_status}",
            f"Timeline events: {self.events_by_kind}",
            f"Installed base: {self.customers} customers at {sum(self.sites_by_state.values())} "
            f"sites in {len(self.sites_by_state)} states, {self.machines} machines "
            f"({self.tickets_on_machines} tickets on them); {self.open_deals} open deals",
            f"Sales orders: {self.sales_orders_by_status}",
        ]


async def summarize(services: AppServices, now: datetime) -> DemoSummary:
    """Count what the database holds now."""
    db = services.db
    everything = await services.tickets.with_status(list(TicketStatus))
    summary = DemoSummary(tickets_by_status=Counter(t.status.value for t in everything))
    for ticket in everything:
        if (
            ticket.acknowledged_at
            and ticket.ack_due_at
            and ticket.acknowledged_at > ticket.ack_due_at
        ):
            summary.late_acks += 1
        if ticket.acknowledged_at is None and ticket.ack_due_at and ticket.ack_due_at < now:
            summary.overdue_unacknowledged += 1
        summary.reopened_tickets += ticket.reopen_count > 0
    summary.escalations = await _count(db, escalations)
    summary.rccas = await _count(db, rcca_records)
    summary.parts_requests = await _count(db, parts_requests)
    summary.orders_by_status = await _by(db, parts_orders.c.status)
    summary.service_requests_by_status = await _by(db, service_requests.c.status)
    summary.kb_articles_by_status = await _by(db, kb_articles.c.status)
    summary.events_by_kind = await _by(db, ticket_events.c.kind)
    summary.customers = await _count(db, customers)
    summary.sites_by_state = await _by(db, customer_sites.c.state)
    summary.machines = await _count(db, machines)
    summary.tickets_on_machines = await _count(db, tickets, tickets.c.machine_ref.is_not(None))
    summary.sales_orders_by_status = await _by(db, sales_orders.c.status)
    summary.open_deals = await _count(db, deals)
    async with db.engine.connect() as connection:
        summary.first_created = await connection.scalar(select(func.min(tickets.c.created_at)))
        summary.last_event = await connection.scalar(select(func.max(ticket_events.c.at)))
    return summary

"""EscalationRepository: handoffs, decisions and RCCA records, each saved with its ticket change.

Every write goes through TicketRepository.write in the same transaction, so a ticket is never
escalated without its handoff, nor a handoff decided without the ticket moving with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import ColumnElement, insert, select, update

from services.db.database import Database
from services.db.schema import escalations, rcca_records
from services.db.upsert import upsert
from services.escalations.model import Decision, Escalation, EscalationStatus, Handoff, Rcca
from services.tickets import Change, StaleTicket, Ticket, TicketRepository

_HANDOFF = tuple(f.name for f in fields(Handoff))
_DECISION = ("status", "decided_by", "decided_at", "engineer_id", "reply")
_RCCA = ("root_cause", "corrective_action", "preventive_action", "recorded_by", "recorded_at")


def _row(escalation: Escalation) -> dict[str, Any]:
    values = {name: getattr(escalation.handoff, name) for name in _HANDOFF}
    values |= {name: getattr(escalation, name) for name in _DECISION}
    return values | {
        "ticket_id": escalation.ticket_id,
        "requested_by": escalation.requested_by,
        "requested_at": escalation.requested_at,
        "status": escalation.status.value,
    }


def _escalation(row: Mapping[str, Any]) -> Escalation:
    return Escalation(
        id=row["id"],
        ticket_id=row["ticket_id"],
        status=EscalationStatus(row["status"]),
        requested_by=row["requested_by"],
        requested_at=row["requested_at"],
        handoff=Handoff(**{name: row[name] for name in _HANDOFF}),
        **{name: row[name] for name in _DECISION if name != "status"},
    )


class EscalationRepository:
    """The escalations of the tickets in `tickets`, in the same database."""

    def __init__(self, db: Database, tickets: TicketRepository) -> None:
        self._db = db
        self._tickets = tickets

    async def hand_off(
        self, decision: Decision, expected_version: int
    ) -> tuple[Ticket, Escalation]:
        """Store the escalated ticket and its new handoff; StaleTicket if the ticket moved on."""
        change, request = decision
        async with self._db.engine.begin() as connection:
            ticket = await self._tickets.write(
                connection, change.ticket, expected_version, change.events
            )
            result = await connection.execute(insert(escalations).values(**_row(request)))
        return ticket, replace(request, id=result.inserted_primary_key[0])

    async def decide(self, decision: Decision, expected_version: int) -> tuple[Ticket, Escalation]:
        """Store the manager's decision with its ticket change; StaleTicket if either moved on."""
        change, decided = decision
        values = {name: getattr(decided, name) for name in _DECISION}
        values["status"] = decided.status.value
        async with self._db.engine.begin() as connection:
            ticket = await self._tickets.write(
                connection, change.ticket, expected_version, change.events
            )
            # Only a pending handoff is decided: a second decision racing this one writes nothing.
            result = await connection.execute(
                update(escalations)
                .where(
                    escalations.c.id == decided.id,
                    escalations.c.status == EscalationStatus.REQUESTED.value,
                )
                .values(**values)
            )
            if result.rowcount != 1:
                raise StaleTicket(ticket.number, expected_version, ticket.version)
        return ticket, decided

    async def record_rcca(self, change: Change, expected_version: int, rcca: Rcca) -> Ticket:
        """Store (or replace) an escalation's RCCA with the ticket change that records it."""
        values = {name: getattr(rcca, name) for name in _RCCA}
        values |= {"escalation_id": rcca.escalation_id, "ticket_id": rcca.ticket_id}
        statement = upsert(self._db.dialect, rcca_records, values, keys=["escalation_id"])
        async with self._db.engine.begin() as connection:
            ticket = await self._tickets.write(
                connection, change.ticket, expected_version, change.events
            )
            await connection.execute(statement)
        return ticket

    async def get(self, escalation_id: int) -> Escalation | None:
        """One escalation by id."""
        return await self._one(escalations.c.id == escalation_id)

    async def latest(self, ticket_id: int) -> Escalation | None:
        """The ticket's most recent handoff, whatever became of it."""
        return await self._one(escalations.c.ticket_id == ticket_id)

    async def rcca(self, escalation: Escalation | None) -> Rcca | None:
        """The RCCA recorded for an escalation, if any."""
        if escalation is None or escalation.id is None:
            return None
        query = select(rcca_records).where(rcca_records.c.escalation_id == escalation.id)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        if row is None:
            return None
        names = (*_RCCA, "escalation_id", "ticket_id")
        return Rcca(**{name: row[name] for name in names})

    async def rcca_for(self, ticket: Ticket) -> Rcca | None:
        """The RCCA of the ticket's current escalation (what resolving it requires)."""
        return await self.rcca(await self.latest(ticket.id)) if ticket.escalated else None

    async def _one(self, condition: ColumnElement[bool]) -> Escalation | None:
        query = select(escalations).where(condition).order_by(escalations.c.id.desc()).limit(1)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return _escalation(row) if row is not None else None

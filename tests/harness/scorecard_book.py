"""Shared by the scorecard tests: Pacific times, a ticket book driven through the workflow, and
rows for the other processes' tables.

Business hours are 05:00-17:00 Pacific, Monday to Friday (720 business minutes a day).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert

from services.db import Database
from services.db.schema import escalations, kb_articles, parts_requests, service_requests
from services.profile import Profile, load_profile
from services.tickets import (
    Change,
    Confirmation,
    ConfirmationChannel,
    Ticket,
    TicketDraft,
    TicketRepository,
    TicketStatus,
)
from services.tickets import workflow as w

BESTPACK: Profile = load_profile("bestpack")
PACIFIC = ZoneInfo("America/Los_Angeles")
DAY = 720  # business minutes in a BestPack business day
CONFIRMED = Confirmation("Dana Lee", ConfirmationChannel.PHONE)


def pt(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A Pacific wall time in 2026 (November unless said), as aware UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=PACIFIC).astimezone(UTC)


class Book:
    """Tickets opened and moved through the real workflow commands, each at a given time."""

    def __init__(self, db: Database, profile: Profile = BESTPACK) -> None:
        self.db = db
        self.profile = profile
        self.repo = TicketRepository(db, profile)

    async def open(self, at: datetime, priority: str = "normal", by: str = "mary") -> Ticket:
        """A new controls ticket raised at `at`."""
        draft = TicketDraft(
            subject="Sealer stops", priority=priority, issue_type="controls", complexity="standard"
        )
        ticket, _ = await self.repo.create(draft, by, None, at)
        return ticket

    async def _save(self, ticket: Ticket, change: Change) -> Ticket:
        return await self.repo.save(change.ticket, ticket.version, change.events)

    async def ack(self, t: Ticket, at: datetime, by: str = "mary") -> Ticket:
        """Acknowledged by triage."""
        return await self._save(t, w.acknowledge(t, by, self.profile, at))

    async def assign(self, t: Ticket, at: datetime, to: str, by: str = "mary") -> Ticket:
        """Assigned by triage."""
        change = w.assign(t, by, self.profile, at, assignee_id=to, override_reason="test")
        return await self._save(t, change)

    async def answer(self, t: Ticket, at: datetime, by: str) -> Ticket:
        """A customer-visible note (the first one is the first response)."""
        return await self._save(t, w.add_note(t, by, self.profile, at, "On it", public=True))

    async def status(self, t: Ticket, at: datetime, status: TicketStatus, by: str) -> Ticket:
        """Working or waiting."""
        return await self._save(t, w.change_status(t, by, self.profile, at, status))

    async def resolve(self, t: Ticket, at: datetime, by: str) -> Ticket:
        """Resolved with a summary."""
        return await self._save(t, w.resolve(t, by, self.profile, at, "Replaced the sensor"))

    async def close(self, t: Ticket, at: datetime, by: str) -> Ticket:
        """Closed on the customer's confirmation."""
        return await self._save(t, w.close(t, by, self.profile, at, confirmation=CONFIRMED))

    async def reopen(self, t: Ticket, at: datetime, by: str = "mary") -> Ticket:
        """Reopened: the fix did not hold."""
        return await self._save(t, w.reopen(t, by, self.profile, at, reason="Alarm is back"))


async def insert_row(db: Database, table: Table, **values: Any) -> None:
    """Insert one row."""
    async with db.engine.begin() as connection:
        await connection.execute(insert(table).values(**values))


async def escalation(db: Database, ticket: Ticket, at: datetime) -> None:
    """An escalation of `ticket` requested at `at`."""
    text = {k: "x" for k in ("symptoms", "steps_tried", "machine_model", "serial_number")}
    text |= {k: "x" for k in ("software_versions", "suspected_cause", "containment")}
    await insert_row(
        db,
        escalations,
        ticket_id=ticket.id,
        status="requested",
        requested_by="kevin",
        requested_at=at,
        help_needed="x",
        urgency="high",
        **text,
    )


async def parts_request(db: Database, at: datetime) -> None:
    """A part quote request made at `at`."""
    await insert_row(
        db,
        parts_requests,
        profile="bestpack",
        request_type="quote",
        quantity=1,
        requester_id="mary",
        owner_id="ezechiel",
        created_at=at,
        updated_at=at,
    )


async def service_request(db: Database, number: str, at: datetime) -> None:
    """A billable service request filed at `at`."""
    await insert_row(
        db,
        service_requests,
        number=number,
        profile="bestpack",
        status="approved",
        site="Acme Foods",
        site_state="UT",
        start_date=date(2026, 12, 1),
        end_date=date(2026, 12, 2),
        billing="billable",
        scope="Replace the sealer jaw",
        requester_id="mary",
        created_at=at,
        updated_at=at,
    )


async def article(db: Database, at: datetime, published: datetime | None = None) -> None:
    """A KB article drafted at `at` and, if given, published at `published`."""
    await insert_row(
        db,
        kb_articles,
        profile="bestpack",
        status="published" if published else "draft",
        title="Sealer alarm 204",
        created_by="allison",
        created_at=at,
        updated_by="allison",
        updated_at=published or at,
        published_by="allison" if published else None,
        published_at=published,
    )

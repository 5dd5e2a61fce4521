"""Shared by the scorecard tests: Pacific times, a ticket book driven through the workflow, rows
for the other processes' tables, and week 47 of 2026 seeded through them.

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


POSTED = pt(23, 6)  # Monday 23 Nov 2026, 06:00: when the bot posts week 47's scorecard


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


async def seed_the_week(db: Database) -> None:
    """Week 47 of 2026 as tests/services/test_scorecard.py's docstring tells it."""
    book = Book(db)
    # H: W45, closed in W47.
    h = await book.open(pt(2, 9))
    h = await book.ack(h, pt(2, 9, 10))
    h = await book.assign(h, pt(2, 9, 11), "jordan")
    h = await book.resolve(h, pt(6, 9), "jordan")
    # F: W46, resolved in W46 and reopened in W47.
    f = await book.open(pt(10, 9))
    f = await book.ack(f, pt(10, 9, 10))
    f = await book.assign(f, pt(10, 9, 11), "kevin")
    f = await book.answer(f, pt(10, 10), "kevin")
    f = await book.resolve(f, pt(13, 10), "kevin")
    f = await book.reopen(f, pt(16, 8))
    # W47.
    a = await book.open(pt(16, 9), "high")
    a = await book.ack(a, pt(16, 9, 30))
    a = await book.assign(a, pt(16, 9, 31), "kevin")
    a = await book.answer(a, pt(16, 10, 30), "kevin")
    a = await book.resolve(a, pt(16, 14), "kevin")
    a = await book.reopen(a, pt(17, 9))
    a = await book.resolve(a, pt(17, 11), "kevin")
    a = await book.close(a, pt(18, 9), "kevin")
    b = await book.open(pt(16, 10))
    b = await book.ack(b, pt(16, 11, 30))
    b = await book.assign(b, pt(16, 11, 31), "jordan")
    b = await book.status(b, pt(16, 12), TicketStatus.IN_PROGRESS, "jordan")
    b = await book.answer(b, pt(16, 13), "jordan")
    b = await book.status(b, pt(16, 14), TicketStatus.WAITING_ON_CUSTOMER, "jordan")
    b = await book.status(b, pt(18, 9), TicketStatus.IN_PROGRESS, "jordan")
    b = await book.resolve(b, pt(19, 10), "jordan")
    c = await book.open(pt(17, 8), "urgent")
    c = await book.ack(c, pt(17, 8, 20))
    c = await book.assign(c, pt(17, 8, 21), "sean")
    c = await book.answer(c, pt(17, 10), "sean")
    c = await book.resolve(c, pt(18, 16), "sean")
    await book.close(h, pt(19, 9), "jordan")
    g = await book.open(pt(19, 9))
    g = await book.ack(g, pt(19, 9, 5))
    g = await book.assign(g, pt(19, 9, 6), "jordan")
    g = await book.answer(g, pt(19, 10), "jordan")
    await book.open(pt(20, 16, 30))  # D
    e = await book.open(pt(21, 10), "low")
    # After the week's end, before the scorecard is computed.
    await book.resolve(g, pt(23, 5, 30), "jordan")
    e = await book.ack(e, pt(23, 5, 10))
    await book.assign(e, pt(23, 5, 11), "ezechiel")
    # The other processes' records.
    await escalation(db, c, pt(18, 12))
    await parts_request(db, pt(12, 9))  # W46
    await parts_request(db, pt(17, 9))
    await service_request(db, "SR-1001", pt(18, 9))
    await article(db, pt(11, 9), published=pt(19, 9))  # drafted W46, published W47
    await article(db, pt(17, 9))  # drafted W47, still a draft
    await article(db, pt(18, 9), published=pt(18, 15))  # drafted and published in W47

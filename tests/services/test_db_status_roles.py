"""Migration 0012: stored tickets and their timelines move to status roles, and back."""

from typing import Any

from sqlalchemy import insert, select

from services.db import Database
from services.db.schema import ticket_events, tickets
from services.db.types import utc_now
from services.tickets import TicketRepository, TicketStatus
from tests.harness.domain import BESTPACK
from tests.harness.migrations import migrate

S = TicketStatus
BEFORE = "0011_drop_bot_state"
# (status, substatus as 0011 stored it, the role it is in): a bare status means its default,
# and a substatus the status cannot stand for loses to the status.
ROWS = [
    ("new", None, S.NEW),
    ("open", None, S.ASSIGNED),
    ("open", "in_progress", S.IN_PROGRESS),
    ("pending", "something_zendesk_added", S.WAITING_ON_CUSTOMER),
    ("hold", "waiting_on_parts", S.WAITING_ON_OTHER),
    ("solved", "waiting_on_parts", S.RESOLVED),
    ("closed", None, S.CLOSED),
]


async def stored(db: Database) -> tuple[list[Any], list[Any]]:
    """(number, status, substatus) of every ticket; (before, after) of every event."""
    async with db.engine.connect() as connection:
        rows = await connection.execute(
            select(tickets.c.number, tickets.c.status, tickets.c.substatus).order_by(tickets.c.id)
        )
        events = await connection.execute(
            select(ticket_events.c.before, ticket_events.c.after).order_by(ticket_events.c.id)
        )
        return [tuple(r) for r in rows], [tuple(e) for e in events]


async def test_tickets_and_timelines_move_to_roles_and_back(database: Database) -> None:
    await migrate(database, BEFORE)
    now = utc_now()
    async with database.engine.begin() as connection:
        for i, (status, substatus, _) in enumerate(ROWS):
            await connection.execute(
                insert(tickets).values(
                    number=f"BP-{1001 + i}", profile="bestpack", status=status,
                    substatus=substatus, priority="normal", subject="Sealer stops",
                    requester_id="mary", created_at=now, updated_at=now,
                )
            )  # fmt: skip
        for before, after in [
            ({"status": "in_progress"}, {"status": "waiting_on_parts"}),
            ({"status": "waiting_on_parts"}, {"status": "in_progress", "minutes": 5}),
            (None, {"note": "waiting_on_parts is only text here"}),
        ]:
            await connection.execute(
                insert(ticket_events).values(
                    ticket_id=5, at=now, actor_id="kevin", kind="status_changed",
                    before=before, after=after,
                )
            )  # fmt: skip
    old = await stored(database)

    await migrate(database, "heads")

    rows, events = await stored(database)
    assert [substatus for _, _, substatus in rows] == [role.value for _, _, role in ROWS]
    assert events == [
        ({"status": "in_progress"}, {"status": "waiting_on_other"}),
        ({"status": "waiting_on_other"}, {"status": "in_progress", "minutes": 5}),
        (None, {"note": "waiting_on_parts is only text here"}),
    ]
    repo = TicketRepository(database, BESTPACK)
    for i, (_, _, role) in enumerate(ROWS):
        assert (await repo.get(f"BP-{1001 + i}")).status is role

    await migrate(database, BEFORE)
    # Back as 0011 wrote them: what it read the same way; what it could not read, resolved.
    assert await stored(database) == (
        [(n, s, None if sub in ("new", "closed") else sub) for n, s, sub in _as_0011(rows)],
        old[1],
    )
    await migrate(database, "heads")


def _as_0011(rows: list[Any]) -> list[Any]:
    return [(n, s, "waiting_on_parts" if sub == "waiting_on_other" else sub) for n, s, sub in rows]

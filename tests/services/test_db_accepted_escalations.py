"""Migration 0015: tickets left Escalated after their handoff was accepted move to In progress;
those still waiting for the engineering manager's answer stay Escalated."""

from typing import Any

from alembic import command
from sqlalchemy import insert, select

from services.db import Database
from services.db.migrator import alembic_config, upgrade_to_head
from services.db.schema import escalations, tickets
from services.db.types import utc_now

BEFORE = "0012_status_roles"
HANDOFF = {
    name: "x"
    for name in (
        "symptoms", "steps_tried", "machine_model", "serial_number", "software_versions",
        "suspected_cause", "containment", "help_needed",
    )
}  # fmt: skip
# Each ticket's handoffs, oldest first, and the status role it has after the migration.
CASES = [
    (["accepted"], "in_progress"),
    (["requested"], "escalated"),
    (["info_requested", "requested"], "escalated"),  # sent back, then handed off again
]


async def migrate(db: Database, revision: str) -> None:
    """Move the schema up to head or down to `revision`."""

    def run(sync_connection: Any) -> None:
        if revision == "heads":
            upgrade_to_head(sync_connection)
        else:
            command.downgrade(alembic_config(sync_connection), revision)

    async with db.migration_transaction() as connection:
        await connection.run_sync(run)


async def test_accepted_escalations_move_to_in_progress(database: Database) -> None:
    await migrate(database, BEFORE)
    now = utc_now()
    async with database.engine.begin() as connection:
        for i, (handoffs, _) in enumerate(CASES):
            ticket_id = (
                await connection.execute(
                    insert(tickets).values(
                        number=f"BP-{1001 + i}",
                        profile="bestpack",
                        status="open",
                        substatus="escalated",
                        priority="normal",
                        subject="Sealer stops",
                        requester_id="mary",
                        created_at=now,
                        updated_at=now,
                        escalated=True,
                    )
                )
            ).inserted_primary_key[0]
            for status in handoffs:
                await connection.execute(
                    insert(escalations).values(
                        ticket_id=ticket_id, status=status, requested_by="kevin",
                        requested_at=now, urgency="normal", **HANDOFF,
                    )
                )  # fmt: skip

    await migrate(database, "heads")

    async with database.engine.connect() as connection:
        rows = await connection.execute(select(tickets.c.substatus).order_by(tickets.c.id))
        assert [row[0] for row in rows] == [role for _, role in CASES]

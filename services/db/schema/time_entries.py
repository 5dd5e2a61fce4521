"""Time worked on tickets (`time <ticket> <duration> [note]`), and its copy in Harvest."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

time_entries = sa.Table(
    "time_entries",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("profile", sa.String(64), nullable=False),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_time_entries_ticket_id"),
        nullable=False,
    ),
    # Whose time it was: the sender of the command, never card data.
    sa.Column("person_id", sa.String(128), nullable=False),
    sa.Column("minutes", sa.Integer(), nullable=False),
    # The day it was worked, in the team's time zone (Harvest books time by day).
    sa.Column("spent_date", sa.Date(), nullable=False),
    sa.Column("note", sa.Text(), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # The entry's id in Harvest once Harvest made it; NULL while on its way, or with Harvest off.
    sa.Column("harvest_id", sa.String(64), nullable=True),
    # A day at most, as the command allows: one stray entry must not swamp a ticket's total.
    sa.CheckConstraint("minutes BETWEEN 1 AND 1440", name="ck_time_entries_minutes"),
    sa.Index("ix_time_entries_ticket_id", "ticket_id"),
)

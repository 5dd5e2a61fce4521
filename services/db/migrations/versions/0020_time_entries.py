"""Time worked on tickets, logged with `time <ticket> <duration> [note]`, and its Harvest id.

Revision ID: 0020_time_entries
Revises: 0019_installed_base
Create Date: 2026-12-14

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_time_entries"
down_revision = "0019_installed_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create time_entries."""
    op.create_table(
        "time_entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_time_entries_ticket_id"),
            nullable=False,
        ),
        sa.Column("person_id", sa.String(128), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("spent_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("harvest_id", sa.String(64), nullable=True),
        sa.CheckConstraint("minutes BETWEEN 1 AND 1440", name="ck_time_entries_minutes"),
    )
    op.create_index("ix_time_entries_ticket_id", "time_entries", ["ticket_id"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_time_entries_ticket_id", table_name="time_entries")
    op.drop_table("time_entries")

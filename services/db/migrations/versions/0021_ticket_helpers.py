"""Helpers on a ticket: the people of a team pulled in to help, the owner staying its owner.

Revision ID: 0021_ticket_helpers
Revises: 0020_time_entries
Create Date: 2026-12-14

One row per person per team involved on a ticket (someone in two teams helps under each), with
who pulled them in and when. Frozen history: spells every type out and imports nothing from
services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_ticket_helpers"
down_revision = "0020_time_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ticket_helpers, found by ticket and by person (`my tickets`)."""
    op.create_table(
        "ticket_helpers",
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_ticket_helpers_ticket_id"),
            nullable=False,
        ),
        sa.Column("team", sa.String(64), nullable=False),
        sa.Column("person_id", sa.String(128), nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("ticket_id", "team", "person_id", name="pk_ticket_helpers"),
    )
    op.create_index("ix_ticket_helpers_person_id", "ticket_helpers", ["person_id"])


def downgrade() -> None:
    """Drop it: the timeline's "involved" entries still tell who was pulled in."""
    op.drop_index("ix_ticket_helpers_person_id", table_name="ticket_helpers")
    op.drop_table("ticket_helpers")

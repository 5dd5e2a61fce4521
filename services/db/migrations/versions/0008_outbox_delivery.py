"""Outbox delivery: when to try a message next, and which sender holds it while it is sent.

Revision ID: 0008_outbox_delivery
Revises: 0007_merge_processes
Create Date: 2026-11-24

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_outbox_delivery"
down_revision = "0007_merge_processes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the retry schedule and the sender's claim to the outbox."""
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.String(128), nullable=True))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_outbox_status_next_attempt", "outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    """Drop the retry schedule and the claim."""
    op.drop_index("ix_outbox_status_next_attempt", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
        batch.drop_column("next_attempt_at")

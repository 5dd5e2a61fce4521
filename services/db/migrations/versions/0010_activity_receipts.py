"""Activity receipts: each Teams activity id is applied once, and a retry gets the first answer.

Revision ID: 0010_activity_receipts
Revises: 0009_sla_schedule
Create Date: 2026-12-04

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_activity_receipts"
down_revision = "0009_sla_schedule"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create activity_receipts, purged by age."""
    op.create_table(
        "activity_receipts",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(32), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_status", sa.Integer(), nullable=True),
        sa.Column("answer_body", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('running', 'done')", name="ck_activity_receipts_status"),
    )
    op.create_index("ix_activity_receipts_created_at", "activity_receipts", ["created_at"])


def downgrade() -> None:
    """Drop activity_receipts."""
    op.drop_index("ix_activity_receipts_created_at", "activity_receipts")
    op.drop_table("activity_receipts")

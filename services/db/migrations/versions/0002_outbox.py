"""The outbox: every proactive message, kept until it is delivered.

Revision ID: 0002_outbox
Revises: 0001_initial
Create Date: 2026-11-24

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_outbox"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the outbox and the index its sender reads by."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dedupe_key", sa.String(256), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target", sa.String(512), nullable=False),
        sa.Column("thread_id", sa.String(128), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("activity_id", sa.String(256), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
        sa.CheckConstraint(
            "target_kind IN ('person', 'conversation')", name="ck_outbox_target_kind"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'waiting', 'sent', 'dead')", name="ck_outbox_status"
        ),
    )
    op.create_index("ix_outbox_status_target", "outbox", ["status", "target_kind", "target"])


def downgrade() -> None:
    """Drop the outbox."""
    op.drop_index("ix_outbox_status_target", table_name="outbox")
    op.drop_table("outbox")

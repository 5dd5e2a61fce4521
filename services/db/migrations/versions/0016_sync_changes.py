"""The sync queue: changes to a system of record, sent in order per record, once.

Revision ID: 0016_sync_changes
Revises: 0015_accepted_escalations
Create Date: 2026-12-05

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_sync_changes"
down_revision = "0015_accepted_escalations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create sync_changes."""
    op.create_table(
        "sync_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("system", sa.String(32), nullable=False),
        sa.Column("record_key", sa.String(128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("actor_id", sa.String(128), nullable=True),
        sa.Column("state", sa.String(16), nullable=False, server_default="queued"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(128), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("dead_reason", sa.Text(), nullable=True),
        sa.Column("remote_id", sa.String(128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("system", "record_key", "seq", name="uq_sync_changes_record_seq"),
        sa.CheckConstraint(
            "state IN ('queued', 'sending', 'sent', 'dead')", name="ck_sync_changes_state"
        ),
    )
    op.create_index(
        "ix_sync_changes_system_state_due",
        "sync_changes",
        ["system", "state", "next_attempt_at"],
    )


def downgrade() -> None:
    """Drop sync_changes."""
    op.drop_index("ix_sync_changes_system_state_due", table_name="sync_changes")
    op.drop_table("sync_changes")

"""Zendesk to Teams: webhook events applied once, and the catch-up's cursor and lease.

Revision ID: 0017_sync_inbound
Revises: 0016_sync_changes
Create Date: 2026-12-07

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_sync_inbound"
down_revision = "0016_sync_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create sync_events and sync_cursors."""
    op.create_table(
        "sync_events",
        sa.Column("system", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sync_cursors",
        sa.Column("system", sa.String(32), primary_key=True),
        sa.Column("profile", sa.String(64), primary_key=True),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("leased_by", sa.String(128), nullable=True),
        sa.Column("leased_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("sync_cursors")
    op.drop_table("sync_events")

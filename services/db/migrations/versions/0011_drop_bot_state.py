"""Drop bot_state: no dialog keeps Bot Framework state; every process keeps its own records.

Revision ID: 0011_drop_bot_state
Revises: 0010_activity_receipts
Create Date: 2026-12-05

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_drop_bot_state"
down_revision = "0010_activity_receipts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop the table the removed SqlStorage wrote to."""
    op.drop_table("bot_state")


def downgrade() -> None:
    """Recreate bot_state as 0001 made it."""
    op.create_table(
        "bot_state",
        sa.Column("key", sa.String(1024), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("e_tag", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )

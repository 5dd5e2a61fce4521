"""Parts & quotes (process 5): parts requests and the embedded order system's orders.

Revision ID: 0004_parts
Revises: 0002_outbox
Create Date: 2026-11-25

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_parts"
down_revision = "0002_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create parts_requests and parts_orders with the indexes their look-ups use."""
    op.create_table(
        "parts_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("form_key", sa.String(128), nullable=True),
        sa.Column("request_type", sa.String(32), nullable=False),
        sa.Column("part_number", sa.String(64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("serial_number", sa.String(255), nullable=True),
        sa.Column("nc_tape_head", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("ticket_number", sa.String(32), nullable=True),
        sa.Column("requester_id", sa.String(128), nullable=False),
        sa.Column("owner_id", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="open"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_by", sa.String(128), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_part_number", sa.String(64), nullable=True),
        sa.Column("price_cents", sa.BigInteger(), nullable=True),
        sa.Column("lead_time", sa.String(255), nullable=True),
        sa.Column("quote_number", sa.String(32), nullable=True),
        sa.UniqueConstraint("form_key", name="uq_parts_requests_form_key"),
        sa.CheckConstraint(
            "request_type IN ('quote', 'identification')", name="ck_parts_requests_type"
        ),
        sa.CheckConstraint("status IN ('open', 'answered')", name="ck_parts_requests_status"),
        sa.CheckConstraint("quantity > 0", name="ck_parts_requests_quantity"),
    )
    op.create_index("ix_parts_requests_profile_status", "parts_requests", ["profile", "status"])

    op.create_table(
        "parts_orders",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("quote_number", sa.String(32), nullable=False),
        sa.Column("order_number", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("request_number", sa.String(32), nullable=True),
        sa.Column("part_number", sa.String(64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.BigInteger(), nullable=False),
        sa.Column("lead_time", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("quote_number", name="uq_parts_orders_quote_number"),
        sa.UniqueConstraint("order_number", name="uq_parts_orders_order_number"),
        sa.CheckConstraint(
            "status IN ('quoted', 'ordered', 'shipped', 'delivered', 'cancelled')",
            name="ck_parts_orders_status",
        ),
    )


def downgrade() -> None:
    """Drop both tables."""
    op.drop_table("parts_orders")
    op.drop_index("ix_parts_requests_profile_status", table_name="parts_requests")
    op.drop_table("parts_requests")

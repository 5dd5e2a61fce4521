"""Engineering escalation (process 4): handoffs to Engineering and their RCCA records.

Revision ID: 0003_escalations
Revises: 0002_outbox
Create Date: 2026-11-25

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_escalations"
down_revision = "0002_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create escalations and rcca_records with the indexes their look-ups use."""
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_escalations_ticket_id"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_by", sa.String(128), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.Column("steps_tried", sa.Text(), nullable=False),
        sa.Column("machine_model", sa.String(255), nullable=False),
        sa.Column("serial_number", sa.String(255), nullable=False),
        sa.Column("software_versions", sa.String(255), nullable=False),
        sa.Column("suspected_cause", sa.Text(), nullable=False),
        sa.Column("containment", sa.Text(), nullable=False),
        sa.Column("help_needed", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(32), nullable=False),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("engineer_id", sa.String(128), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('requested', 'info_requested', 'accepted')", name="ck_escalations_status"
        ),
    )
    op.create_index("ix_escalations_ticket_id_id", "escalations", ["ticket_id", "id"])
    op.create_index("ix_escalations_status", "escalations", ["status"])
    op.create_table(
        "rcca_records",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "escalation_id",
            sa.Integer(),
            sa.ForeignKey("escalations.id", name="fk_rcca_records_escalation_id"),
            nullable=False,
        ),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_rcca_records_ticket_id"),
            nullable=False,
        ),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("corrective_action", sa.Text(), nullable=False),
        sa.Column("preventive_action", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(128), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("escalation_id", name="uq_rcca_records_escalation_id"),
    )
    op.create_index("ix_rcca_records_ticket_id", "rcca_records", ["ticket_id"])


def downgrade() -> None:
    """Drop the RCCA records, then the escalations they belong to."""
    op.drop_index("ix_rcca_records_ticket_id", table_name="rcca_records")
    op.drop_table("rcca_records")
    op.drop_index("ix_escalations_status", table_name="escalations")
    op.drop_index("ix_escalations_ticket_id_id", table_name="escalations")
    op.drop_table("escalations")

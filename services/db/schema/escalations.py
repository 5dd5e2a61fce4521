"""Process 4: escalations to Engineering and their root-cause records (RCCA)."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

ESCALATION_STATUSES = ("requested", "info_requested", "accepted")

# Process 4: one row per handoff of a ticket to Engineering; the latest is the ticket's current.
escalations = sa.Table(
    "escalations",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_escalations_ticket_id"),
        nullable=False,
    ),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("requested_by", sa.String(128), nullable=False),
    sa.Column("requested_at", UtcDateTime(), nullable=False),
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
    sa.Column("decided_at", UtcDateTime(), nullable=True),
    sa.Column("engineer_id", sa.String(128), nullable=True),
    # The manager's note on accepting, or the question when asking for more information.
    sa.Column("reply", sa.Text(), nullable=True),
    sa.CheckConstraint(
        "status IN ('requested', 'info_requested', 'accepted')", name="ck_escalations_status"
    ),
    sa.Index("ix_escalations_ticket_id_id", "ticket_id", "id"),
    sa.Index("ix_escalations_status", "status"),
)

# An escalation's RCCA (root cause, corrective and preventive action); resolve requires it.
rcca_records = sa.Table(
    "rcca_records",
    metadata,
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
    sa.Column("recorded_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("escalation_id", name="uq_rcca_records_escalation_id"),
    sa.Index("ix_rcca_records_ticket_id", "ticket_id"),
)

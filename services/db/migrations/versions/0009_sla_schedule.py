"""SLA deadlines on tickets, the alerts already sent, and the scheduler's runs.

Revision ID: 0009_sla_schedule
Revises: 0008_outbox_delivery
Create Date: 2026-11-24

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_sla_schedule"
down_revision = "0008_outbox_delivery"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add SLA due times and the sweep's next check to tickets; create sla_alerts and job_runs."""
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(
            sa.Column("first_response_due_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("resolution_due_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("sla_paused_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("sla_paused_minutes", sa.Float(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("next_sla_check_at", sa.DateTime(timezone=True), nullable=True))
    # The sweep reads only tickets whose next check has come: cost follows the due, not the open.
    # Profile first: with next_sla_check_at alone, planners prefer the (profile, status) index
    # for the profile filter and scan every open ticket.
    op.create_index(
        "ix_tickets_profile_next_sla_check_at", "tickets", ["profile", "next_sla_check_at"]
    )
    op.create_table(
        "sla_alerts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_sla_alerts_ticket_id"),
            nullable=False,
        ),
        sa.Column("deadline", sa.String(32), nullable=False),
        sa.Column("threshold", sa.String(16), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("alerted_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "ticket_id", "deadline", "threshold", name="uq_sla_alerts_ticket_deadline_threshold"
        ),
    )
    op.create_table(
        "job_runs",
        sa.Column("job", sa.String(64), primary_key=True),
        sa.Column("tick", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("runner", sa.String(128), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    """Drop the scheduler's runs, the alerts and the SLA columns."""
    op.drop_table("job_runs")
    op.drop_table("sla_alerts")
    op.drop_index("ix_tickets_profile_next_sla_check_at", table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("next_sla_check_at")
        batch.drop_column("sla_paused_minutes")
        batch.drop_column("sla_paused_at")
        batch.drop_column("resolution_due_at")
        batch.drop_column("first_response_due_at")

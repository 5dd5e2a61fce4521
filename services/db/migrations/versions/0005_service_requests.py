"""Service requests (process 6) and the embedded project system's projects.

Revision ID: 0005_service_requests
Revises: 0002_outbox
Create Date: 2026-11-24

Frozen history: spells every type out and imports nothing from services.db.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_service_requests"
down_revision = "0002_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create service_requests and service_projects."""
    op.create_table(
        "service_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("site", sa.String(255), nullable=False),
        sa.Column("site_state", sa.String(2), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("billing", sa.String(16), nullable=False),
        sa.Column("billing_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("requester_id", sa.String(128), nullable=False),
        sa.Column("provider_key", sa.String(64), nullable=True),
        sa.Column("technician_id", sa.String(128), nullable=True),
        sa.Column("ticket_number", sa.String(32), nullable=True),
        sa.Column("decided_by", sa.String(128), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("project_number", sa.String(64), nullable=True),
        sa.Column("notice_to", sa.String(255), nullable=True),
        sa.Column("notice_via", sa.String(16), nullable=True),
        sa.Column("notice_email", sa.String(320), nullable=True),
        sa.Column("notice", sa.Text(), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("form_key", sa.String(128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.CheckConstraint(
            "status IN ('awaiting_approval', 'approved', 'scheduled', 'rejected')",
            name="ck_service_requests_status",
        ),
        sa.CheckConstraint(
            "billing IN ('billable', 'non_billable')", name="ck_service_requests_billing"
        ),
        sa.CheckConstraint("end_date >= start_date", name="ck_service_requests_dates"),
        sa.UniqueConstraint("number", name="uq_service_requests_number"),
        sa.UniqueConstraint("form_key", name="uq_service_requests_form_key"),
    )
    op.create_index("ix_service_requests_profile_status", "service_requests", ["profile", "status"])
    op.create_table(
        "service_projects",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("request_number", sa.String(32), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("number", name="uq_service_projects_number"),
        sa.UniqueConstraint("year", "seq", name="uq_service_projects_year_seq"),
        sa.UniqueConstraint("request_number", name="uq_service_projects_request_number"),
    )


def downgrade() -> None:
    """Drop both tables."""
    op.drop_table("service_projects")
    op.drop_index("ix_service_requests_profile_status", table_name="service_requests")
    op.drop_table("service_requests")

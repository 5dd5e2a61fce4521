"""Initial schema: tickets, their audit trail, conversation references, identity cache, bot state.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24

Frozen history: this file spells every type out and imports nothing from services.db, so a
later change to schema.py can never rewrite what an old database went through.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

TICKET_STATUSES = "'new', 'open', 'pending', 'hold', 'solved', 'closed'"


def upgrade() -> None:
    """Create the five tables and the indexes the queues and look-ups need."""
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("substatus", sa.String(64), nullable=True),
        sa.Column("priority", sa.String(32), nullable=False),
        sa.Column("issue_type", sa.String(64), nullable=True),
        sa.Column("complexity", sa.String(32), nullable=True),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("company", sa.String(255), nullable=True),
        sa.Column("contact_name", sa.String(255), nullable=True),
        sa.Column("contact_email", sa.String(320), nullable=True),
        sa.Column("contact_phone", sa.String(64), nullable=True),
        sa.Column("machine_model", sa.String(128), nullable=True),
        sa.Column("serial_number", sa.String(128), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
        sa.Column("requester_id", sa.String(128), nullable=False),
        sa.Column("assignee_id", sa.String(128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ack_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_response_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopen_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("escalated", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("external_id", sa.String(64), nullable=True),
        sa.Column("intake_key", sa.String(128), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.CheckConstraint(f"status IN ({TICKET_STATUSES})", name="ck_tickets_status"),
        sa.UniqueConstraint("number", name="uq_tickets_number"),
        sa.UniqueConstraint("profile", "external_id", name="uq_tickets_profile_external_id"),
        sa.UniqueConstraint("intake_key", name="uq_tickets_intake_key"),
    )
    op.create_index("ix_tickets_status_assignee", "tickets", ["status", "assignee_id"])
    op.create_index("ix_tickets_ack_due_at", "tickets", ["ack_due_at"])
    op.create_index("ix_tickets_requester_id", "tickets", ["requester_id"])
    op.create_index("ix_tickets_profile_status", "tickets", ["profile", "status"])

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", name="fk_ticket_events_ticket_id"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("visibility", sa.String(16), nullable=False, server_default="internal"),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "visibility IN ('internal', 'public')", name="ck_ticket_events_visibility"
        ),
    )
    op.create_index("ix_ticket_events_ticket_id_id", "ticket_events", ["ticket_id", "id"])

    op.create_table(
        "conversation_refs",
        sa.Column("key", sa.String(512), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("person_id", sa.String(128), nullable=True),
        sa.Column("tenant_id", sa.String(64), nullable=True),
        sa.Column("team_id", sa.String(256), nullable=True),
        sa.Column("channel_id", sa.String(256), nullable=True),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("usable", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("unusable_reason", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('personal', 'channel', 'groupChat')", name="ck_conversation_refs_kind"
        ),
    )
    op.create_index("ix_conversation_refs_person_id", "conversation_refs", ["person_id"])

    op.create_table(
        "identity_links",
        sa.Column("channel_user_id", sa.String(256), primary_key=True),
        sa.Column("aad_object_id", sa.String(64), nullable=True),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("person_id", sa.String(128), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_identity_links_aad_object_id", "identity_links", ["aad_object_id"])

    op.create_table(
        "bot_state",
        sa.Column("key", sa.String(1024), primary_key=True),
        # json, not jsonb: jsonpickle's py/id back-references count objects in document order,
        # and jsonb would reorder the keys.
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("e_tag", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop everything 0001 created, children first."""
    op.drop_table("bot_state")
    op.drop_index("ix_identity_links_aad_object_id", table_name="identity_links")
    op.drop_table("identity_links")
    op.drop_index("ix_conversation_refs_person_id", table_name="conversation_refs")
    op.drop_table("conversation_refs")
    op.drop_index("ix_ticket_events_ticket_id_id", table_name="ticket_events")
    op.drop_table("ticket_events")
    for name in (
        "ix_tickets_profile_status",
        "ix_tickets_requester_id",
        "ix_tickets_ack_due_at",
        "ix_tickets_status_assignee",
    ):
        op.drop_index(name, table_name="tickets")
    op.drop_table("tickets")

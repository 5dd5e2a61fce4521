"""Tickets and their event log, and what the bot keeps about Teams: conversations, people, state."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

TICKET_STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
_STATUS_LIST = ", ".join(f"'{status}'" for status in TICKET_STATUSES)

tickets = sa.Table(
    "tickets",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("profile", sa.String(64), nullable=False),
    # The status role the code works with (services.profile.statuses) in substatus, written by
    # every save since 0012; in status, the Zendesk status the profile maps that role to, so a
    # sync loses nothing. Neither NOT NULL nor a CHECK on substatus: SQLite can only add them
    # by rebuilding the table, which the foreign keys to it refuse inside a migration.
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
    # The machine's and its customer's ids in the installed base (NetSuite's, or the bot's own
    # when the database is the installed base), when intake picked the machine there.
    sa.Column("machine_ref", sa.String(64), nullable=True),
    sa.Column("customer_ref", sa.String(64), nullable=True),
    sa.Column("fields", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("requester_id", sa.String(128), nullable=False),
    sa.Column("assignee_id", sa.String(128), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("ack_due_at", UtcDateTime(), nullable=True),
    sa.Column("acknowledged_at", UtcDateTime(), nullable=True),
    sa.Column("first_response_at", UtcDateTime(), nullable=True),
    sa.Column("resolved_at", UtcDateTime(), nullable=True),
    sa.Column("closed_at", UtcDateTime(), nullable=True),
    sa.Column("reopen_count", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("escalated", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("external_id", sa.String(64), nullable=True),
    sa.Column("intake_key", sa.String(128), nullable=True),
    # SLA: the other two deadlines, when the clock was paused, and the sweep's next look.
    sa.Column("first_response_due_at", UtcDateTime(), nullable=True),
    sa.Column("resolution_due_at", UtcDateTime(), nullable=True),
    sa.Column("sla_paused_at", UtcDateTime(), nullable=True),
    # Business minutes spent paused so far: every unmet due time is target + this after creation.
    sa.Column("sla_paused_minutes", sa.Float(), nullable=False, server_default="0"),
    sa.Column("next_sla_check_at", UtcDateTime(), nullable=True),
    # Bumped on every update; writers put the version they read in the WHERE clause.
    sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    sa.CheckConstraint(f"status IN ({_STATUS_LIST})", name="ck_tickets_status"),
    sa.UniqueConstraint("number", name="uq_tickets_number"),
    sa.UniqueConstraint("profile", "external_id", name="uq_tickets_profile_external_id"),
    sa.UniqueConstraint("intake_key", name="uq_tickets_intake_key"),
    sa.Index("ix_tickets_substatus_assignee", "substatus", "assignee_id"),
    sa.Index("ix_tickets_ack_due_at", "ack_due_at"),
    sa.Index("ix_tickets_requester_id", "requester_id"),
    sa.Index("ix_tickets_profile_substatus", "profile", "substatus"),
    # The SLA sweep's only read: profile equal, next check up to now, in next-check order.
    sa.Index("ix_tickets_profile_next_sla_check_at", "profile", "next_sla_check_at"),
    # BP Search's ticket history of a machine or a customer.
    sa.Index("ix_tickets_machine_ref", "machine_ref"),
    sa.Index("ix_tickets_customer_ref", "customer_ref"),
)

ticket_events = sa.Table(
    "ticket_events",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_ticket_events_ticket_id"),
        nullable=False,
    ),
    sa.Column("at", UtcDateTime(), nullable=False),
    sa.Column("actor_id", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("visibility", sa.String(16), nullable=False, server_default="internal"),
    sa.Column("body", sa.Text(), nullable=True),
    sa.Column("before", sa.JSON(), nullable=True),
    sa.Column("after", sa.JSON(), nullable=True),
    sa.CheckConstraint("visibility IN ('internal', 'public')", name="ck_ticket_events_visibility"),
    sa.Index("ix_ticket_events_ticket_id_id", "ticket_id", "id"),
)

# The people of a helper team pulled in on a ticket (dialogs.involvement); the assignee stays
# its owner. One row per person per team: someone in two teams helps under each.
ticket_helpers = sa.Table(
    "ticket_helpers",
    metadata,
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_ticket_helpers_ticket_id"),
        nullable=False,
    ),
    sa.Column("team", sa.String(64), nullable=False),
    sa.Column("person_id", sa.String(128), nullable=False),
    sa.Column("added_by", sa.String(128), nullable=False),
    sa.Column("added_at", UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint("ticket_id", "team", "person_id", name="pk_ticket_helpers"),
    sa.Index("ix_ticket_helpers_person_id", "person_id"),
)

conversation_refs = sa.Table(
    "conversation_refs",
    metadata,
    sa.Column("key", sa.String(512), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("person_id", sa.String(128), nullable=True),
    sa.Column("tenant_id", sa.String(64), nullable=True),
    sa.Column("team_id", sa.String(256), nullable=True),
    sa.Column("channel_id", sa.String(256), nullable=True),
    sa.Column("reference", sa.JSON(), nullable=False),
    sa.Column("usable", sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column("unusable_reason", sa.Text(), nullable=True),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.CheckConstraint(
        "kind IN ('personal', 'channel', 'groupChat')", name="ck_conversation_refs_kind"
    ),
    sa.Index("ix_conversation_refs_person_id", "person_id"),
)

identity_links = sa.Table(
    "identity_links",
    metadata,
    sa.Column("channel_user_id", sa.String(256), primary_key=True),
    sa.Column("aad_object_id", sa.String(64), nullable=True),
    sa.Column("email", sa.String(320), nullable=True),
    sa.Column("person_id", sa.String(128), nullable=True),
    sa.Column("resolved_at", UtcDateTime(), nullable=False),
    sa.Index("ix_identity_links_aad_object_id", "aad_object_id"),
)

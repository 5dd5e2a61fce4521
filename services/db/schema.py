"""SQLAlchemy Core tables mirroring the migrations (tests compare the two, so keep them in step)."""

import sqlalchemy as sa

from services.db.types import UtcDateTime

metadata = sa.MetaData()

TICKET_STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
_STATUS_LIST = ", ".join(f"'{status}'" for status in TICKET_STATUSES)

tickets = sa.Table(
    "tickets",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("profile", sa.String(64), nullable=False),
    # Zendesk's six statuses verbatim, with our finer "why" in substatus, so a sync loses nothing.
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
    # Bumped on every update; writers put the version they read in the WHERE clause.
    sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    sa.CheckConstraint(f"status IN ({_STATUS_LIST})", name="ck_tickets_status"),
    sa.UniqueConstraint("number", name="uq_tickets_number"),
    sa.UniqueConstraint("profile", "external_id", name="uq_tickets_profile_external_id"),
    sa.UniqueConstraint("intake_key", name="uq_tickets_intake_key"),
    sa.Index("ix_tickets_status_assignee", "status", "assignee_id"),
    sa.Index("ix_tickets_ack_due_at", "ack_due_at"),
    sa.Index("ix_tickets_requester_id", "requester_id"),
    sa.Index("ix_tickets_profile_status", "profile", "status"),
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

bot_state = sa.Table(
    "bot_state",
    metadata,
    sa.Column("key", sa.String(1024), primary_key=True),
    # json, not jsonb: jsonpickle's py/id back-references depend on the key order being kept.
    sa.Column("data", sa.JSON(), nullable=False),
    sa.Column("e_tag", sa.String(64), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

OUTBOX_STATUSES = ("pending", "waiting", "sent", "dead")

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    # One notice per fact ("assigned BP-1001 to kevin, change 3"): a retried turn adds nothing.
    sa.Column("dedupe_key", sa.String(256), nullable=False),
    sa.Column("target_kind", sa.String(16), nullable=False),
    sa.Column("target", sa.String(512), nullable=False),
    sa.Column("thread_id", sa.String(128), nullable=True),
    sa.Column("payload", sa.JSON(), nullable=False),
    # waiting: no usable conversation yet (the app is not installed for that person).
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("activity_id", sa.String(256), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=True),
    sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
    sa.CheckConstraint("target_kind IN ('person', 'conversation')", name="ck_outbox_target_kind"),
    sa.CheckConstraint("status IN ('pending', 'waiting', 'sent', 'dead')", name="ck_outbox_status"),
    sa.Index("ix_outbox_status_target", "status", "target_kind", "target"),
)

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
    sa.Index("ix_tickets_status_assignee", "status", "assignee_id"),
    sa.Index("ix_tickets_ack_due_at", "ack_due_at"),
    sa.Index("ix_tickets_requester_id", "requester_id"),
    sa.Index("ix_tickets_profile_status", "profile", "status"),
    # The SLA sweep's only read: profile equal, next check up to now, in next-check order.
    sa.Index("ix_tickets_profile_next_sla_check_at", "profile", "next_sla_check_at"),
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
    # Delivery: the next try after a throttle or failure, and the sender holding it meanwhile.
    sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
    sa.Column("claimed_by", sa.String(128), nullable=True),
    sa.Column("claimed_until", UtcDateTime(), nullable=True),
    sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
    sa.CheckConstraint("target_kind IN ('person', 'conversation')", name="ck_outbox_target_kind"),
    sa.CheckConstraint("status IN ('pending', 'waiting', 'sent', 'dead')", name="ck_outbox_status"),
    sa.Index("ix_outbox_status_target", "status", "target_kind", "target"),
    sa.Index("ix_outbox_status_next_attempt", "status", "next_attempt_at"),
)

SERVICE_REQUEST_STATUSES = ("awaiting_approval", "approved", "scheduled", "rejected")

# Process 6: a request for on-site service; non-billable ones wait for the manager's approval.
service_requests = sa.Table(
    "service_requests",
    metadata,
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
    # NULL: BestPack staff go (technician_id); else the 3rd-party provider's profile key.
    sa.Column("provider_key", sa.String(64), nullable=True),
    sa.Column("technician_id", sa.String(128), nullable=True),
    sa.Column("ticket_number", sa.String(32), nullable=True),
    sa.Column("decided_by", sa.String(128), nullable=True),
    sa.Column("decided_at", UtcDateTime(), nullable=True),
    sa.Column("decision_reason", sa.Text(), nullable=True),
    sa.Column("project_number", sa.String(64), nullable=True),
    # What whoever goes was told; "requester" means a provider the requester must contact.
    sa.Column("notice_to", sa.String(255), nullable=True),
    sa.Column("notice_via", sa.String(16), nullable=True),
    sa.Column("notice_email", sa.String(320), nullable=True),
    sa.Column("notice", sa.Text(), nullable=True),
    sa.Column("notified_at", UtcDateTime(), nullable=True),
    sa.Column("form_key", sa.String(128), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
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
    sa.Index("ix_service_requests_profile_status", "profile", "status"),
)

# The embedded project system (services.service_requests.projects): PRJ-<year>-<seq>.
service_projects = sa.Table(
    "service_projects",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("number", sa.String(32), nullable=False),
    sa.Column("year", sa.Integer(), nullable=False),
    sa.Column("seq", sa.Integer(), nullable=False),
    sa.Column("request_number", sa.String(32), nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("number", name="uq_service_projects_number"),
    sa.UniqueConstraint("year", "seq", name="uq_service_projects_year_seq"),
    sa.UniqueConstraint("request_number", name="uq_service_projects_request_number"),
)

# Process 5, parts & quotes. Order-status look-ups are answered at once and not stored here.
parts_requests = sa.Table(
    "parts_requests",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("profile", sa.String(64), nullable=False),
    # One request per form: a double click or a Teams retry finds the first one.
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
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("answered_by", sa.String(128), nullable=True),
    sa.Column("answered_at", UtcDateTime(), nullable=True),
    sa.Column("answer_part_number", sa.String(64), nullable=True),
    sa.Column("price_cents", sa.BigInteger(), nullable=True),  # per unit, US cents
    sa.Column("lead_time", sa.String(255), nullable=True),
    sa.Column("quote_number", sa.String(32), nullable=True),
    sa.UniqueConstraint("form_key", name="uq_parts_requests_form_key"),
    sa.CheckConstraint(
        "request_type IN ('quote', 'identification')", name="ck_parts_requests_type"
    ),
    sa.CheckConstraint("status IN ('open', 'answered')", name="ck_parts_requests_status"),
    sa.CheckConstraint("quantity > 0", name="ck_parts_requests_quantity"),
    sa.Index("ix_parts_requests_profile_status", "profile", "status"),
)

# The embedded order system (services.parts.orders): a quote, then the order placed on it.
parts_orders = sa.Table(
    "parts_orders",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("quote_number", sa.String(32), nullable=False),
    sa.Column("order_number", sa.String(32), nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("request_number", sa.String(32), nullable=True),
    sa.Column("part_number", sa.String(64), nullable=False),
    sa.Column("quantity", sa.Integer(), nullable=False),
    sa.Column("price_cents", sa.BigInteger(), nullable=False),
    sa.Column("lead_time", sa.String(255), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("quote_number", name="uq_parts_orders_quote_number"),
    sa.UniqueConstraint("order_number", name="uq_parts_orders_order_number"),
    sa.CheckConstraint(
        "status IN ('quoted', 'ordered', 'shipped', 'delivered', 'cancelled')",
        name="ck_parts_orders_status",
    ),
)

KB_ARTICLE_STATUSES = ("draft", "published")

# Process 7: knowledge-base articles, drafted from resolved tickets and published by the owner.
kb_articles = sa.Table(
    "kb_articles",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("profile", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
    sa.Column("title", sa.String(255), nullable=False),
    sa.Column("problem", sa.Text(), nullable=False, server_default=""),
    sa.Column("symptoms", sa.Text(), nullable=False, server_default=""),
    sa.Column("cause", sa.Text(), nullable=False, server_default=""),
    sa.Column("resolution", sa.Text(), nullable=False, server_default=""),
    # Comma-separated, so full-text search reads the models like any other text.
    sa.Column("machine_models", sa.String(1024), nullable=False, server_default=""),
    sa.Column(
        "source_ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_kb_articles_source_ticket_id"),
        nullable=True,
    ),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_by", sa.String(128), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("published_by", sa.String(128), nullable=True),
    sa.Column("published_at", UtcDateTime(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    sa.CheckConstraint("status IN ('draft', 'published')", name="ck_kb_articles_status"),
    # One article per ticket: a repeated "worth an article" finds the first draft.
    sa.UniqueConstraint("source_ticket_id", name="uq_kb_articles_source_ticket_id"),
    sa.Index("ix_kb_articles_profile_status", "profile", "status"),
)

# Full-text search over kb_articles is built per dialect by migration 0006, outside this
# metadata: SQLite's FTS5 table (with its shadow tables and triggers), PostgreSQL's generated
# tsvector column and its GIN index. Comparisons with a live database leave them out.
KB_FTS_TABLE = "kb_articles_fts"
KB_SEARCH_VECTOR = "search_vector"
KB_SEARCH_INDEX = "ix_kb_articles_search"


def in_metadata(name: str | None, type_: str, parent_names: dict) -> bool:
    """alembic's include_name hook: False for the dialect-specific full-text search objects."""
    if type_ == "table":
        return name != KB_FTS_TABLE and not (name or "").startswith(f"{KB_FTS_TABLE}_")
    if type_ == "column":
        return (parent_names.get("table_name"), name) != ("kb_articles", KB_SEARCH_VECTOR)
    if type_ == "index":
        return name != KB_SEARCH_INDEX
    return True


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

# Each (ticket, deadline, threshold) is alerted once: the unique key is the "exactly once".
sla_alerts = sa.Table(
    "sla_alerts",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_sla_alerts_ticket_id"),
        nullable=False,
    ),
    sa.Column("deadline", sa.String(32), nullable=False),
    sa.Column("threshold", sa.String(16), nullable=False),
    sa.Column("due_at", UtcDateTime(), nullable=False),
    sa.Column("alerted_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint(
        "ticket_id", "deadline", "threshold", name="uq_sla_alerts_ticket_deadline_threshold"
    ),
)

# One row per scheduled job per tick: the replica whose insert wins runs it.
job_runs = sa.Table(
    "job_runs",
    metadata,
    sa.Column("job", sa.String(64), primary_key=True),
    sa.Column("tick", UtcDateTime(), primary_key=True),
    sa.Column("runner", sa.String(128), nullable=False),
    sa.Column("started_at", UtcDateTime(), nullable=False),
    sa.Column("finished_at", UtcDateTime(), nullable=True),
    sa.Column("outcome", sa.Text(), nullable=True),
)

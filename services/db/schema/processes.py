"""Processes 5-7: service requests and their projects, parts requests and orders, KB articles."""

import sqlalchemy as sa

from services.db.schema.base import metadata
from services.db.types import UtcDateTime

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
    sa.Column("lead_time", sa.String(255), nullable=True),
    sa.Column("quote_number", sa.String(32), nullable=True),
    # The answer's quote lines (services.parts.lines): part, description, quantity, cents each.
    sa.Column("quote_lines", sa.JSON(), nullable=True),
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
    sa.Column("quote_lines", sa.JSON(), nullable=False),  # as parts_requests.quote_lines
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

KB_ARTICLE_STATUSES = ("draft", "published", "merged")
_KB_STATUS_LIST = ", ".join(f"'{status}'" for status in KB_ARTICLE_STATUSES)

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
    # Comma-separated; search splits them again.
    sa.Column("machine_models", sa.String(1024), nullable=False, server_default=""),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_by", sa.String(128), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("published_by", sa.String(128), nullable=True),
    sa.Column("published_at", UtcDateTime(), nullable=True),
    sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    # A draft merged into another stays as a 'merged' row naming it, so its id is never handed
    # out again (an old card's buttons would reach a stranger) and old cards can say where it went.
    sa.Column(
        "merged_into_id",
        sa.Integer(),
        sa.ForeignKey("kb_articles.id", name="fk_kb_articles_merged_into_id"),
        nullable=True,
    ),
    # Where the article lives in an outside knowledge base (Zendesk Guide): its id there, its
    # page, and that copy's updated_at as last mirrored (an unchanged one is not re-read).
    sa.Column("remote_id", sa.String(64), nullable=True),
    sa.Column("remote_url", sa.String(1024), nullable=True),
    sa.Column("remote_updated_at", UtcDateTime(), nullable=True),
    sa.CheckConstraint(f"status IN ({_KB_STATUS_LIST})", name="ck_kb_articles_status"),
    sa.Index("ix_kb_articles_profile_status", "profile", "status"),
    # One local article per outside article: a mirror run and a publish never both add it.
    sa.Index("uq_kb_articles_profile_remote_id", "profile", "remote_id", unique=True),
)

# The tickets an article was drafted from: one, or several once drafts are merged.
kb_article_sources = sa.Table(
    "kb_article_sources",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),  # orders the sources
    sa.Column(
        "article_id",
        sa.Integer(),
        sa.ForeignKey("kb_articles.id", name="fk_kb_article_sources_article_id"),
        nullable=False,
    ),
    sa.Column(
        "ticket_id",
        sa.Integer(),
        sa.ForeignKey("tickets.id", name="fk_kb_article_sources_ticket_id"),
        nullable=False,
    ),
    # One article per ticket: a repeated "worth an article" finds the first draft.
    sa.UniqueConstraint("ticket_id", name="uq_kb_article_sources_ticket_id"),
    sa.Index("ix_kb_article_sources_article_id", "article_id"),
)
